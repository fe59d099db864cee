"""Reports: one function per report, `(ledger, as_of, window) -> Report`.

A Report is plain data: a title, the span the career-wide figures cover, the
window that restricts what is listed, and a list of sections. A section is
either facts (key, label, value) or a table (columns and rows of plain
values). The four output formats (render_report.py) all render this one
structure, so they never disagree. Every number comes from
careerledger.compute; this module only picks, orders and labels.

Values are dates, ints, floats, strings, bools, tuples of strings, None, or a
Length (a span between two dates: days in JSON, "2y 3m 4d" in text). Each
fact and column says its type, one of TYPES.

The window (`-b/-e/-p`) restricts what a report lists: an item is listed
when it overlaps the window (a dated entry when its day is inside it).
Career-wide figures are never restricted; each section says what it covers.
"""

from datetime import date, timedelta
from typing import NamedTuple

from . import compute
from .entries import Leave

JSON_VERSION = 1

# value types of facts and columns
TEXT = "text"  # str
DATE = "date"  # date
LENGTH = "length"  # Length: a span between two dates
DAYS = "days"  # int: a count of days that is not one span (a sum)
INT = "int"  # int: a count
SHARE = "share"  # float from 0 to 1
NUMBER = "number"  # float
BOOL = "bool"
LIST = "list"  # tuple of str
TYPES = (TEXT, DATE, LENGTH, DAYS, INT, SHARE, NUMBER, BOOL, LIST)


class Length(NamedTuple):
    """A span from `start` (included) to `end` (excluded); `days` comes from compute."""

    start: date
    end: date
    days: int


class Window(NamedTuple):
    """What a report lists: [begin, end); None is unbounded."""

    begin: date | None = None
    end: date | None = None

    @property
    def bounded(self):
        return self.begin is not None or self.end is not None

    def holds(self, day):
        return (self.begin is None or day >= self.begin) and (self.end is None or day < self.end)

    def overlaps(self, start, end, as_of):
        """Whether [start, end) meets the window. `end` None is an item still going
        on as of `as_of` (which it includes); a zero-day item is its start day."""
        if end is None:
            end = as_of + timedelta(days=1)
        if end <= start:
            return self.holds(start)
        return (self.end is None or start < self.end) and (self.begin is None or end > self.begin)


ALL = Window()


class Cover(NamedTuple):
    """The span a section's figures cover: `career`, `trailing 5 years`, `listed`, `as of`…"""

    label: str
    start: date | None
    end: date | None


class Fact(NamedTuple):
    key: str
    label: str
    value: object
    type: str
    none: str | None = "—"  # how text shows None; None: leave the line out


class Column(NamedTuple):
    key: str
    label: str
    type: str
    none: str = "—"


class Section(NamedTuple):
    key: str
    title: str
    kind: str  # "facts" | "table"
    covers: tuple  # Cover
    facts: tuple = ()  # Fact, for kind facts
    columns: tuple = ()  # Column, for kind table
    rows: tuple = ()  # tuples of values, one per column
    empty: str = "nothing to list"  # text shown for a table with no rows
    strip: bool = False  # periods: text shows one strip per contract instead of rows
    group: bool = False  # text and markdown blank a first-column value equal to the row above


class Report(NamedTuple):
    name: str
    title: str
    owner: str | None
    as_of: date
    career: Cover  # first main role -> as_of
    window: Window
    sections: tuple


class Spec(NamedTuple):
    name: str
    title: str
    summary: str  # one line, for --help
    build: object


REPORTS = {}


def _register(name, title, summary):
    """Register a function that lists a report's sections as the report `name`:
    the registered function, `(ledger, as_of, window=ALL) -> Report`, adds the
    header (title, owner, as-of, the career's span, the window)."""
    from functools import wraps

    def wrap(sections):
        @wraps(sections)
        def report(ledger, as_of, window=ALL):
            return Report(name, title, ledger.options.owner, as_of, _career(ledger, as_of), window,
                          tuple(sections(ledger, as_of, window)))

        REPORTS[name] = Spec(name, title, summary, report)
        return report

    return wrap


def build(name, ledger, as_of, window=ALL):
    """The report `name` for a loaded ledger as of `as_of`, listing what overlaps `window`."""
    return REPORTS[name].build(ledger, as_of, window)


# --- shared pieces ---------------------------------------------------------------


def _career(ledger, as_of):
    first = compute.first_role(compute.upto(ledger.entries, as_of))
    return Cover("career", first.date if first else None, as_of)


def _as_of(as_of):
    return (Cover("as of", None, as_of),)


def _listed(window, as_of):
    return (Cover("listed", window.begin, window.end or as_of),) if window.bounded else ()


def _facts(key, title, covers, *facts):
    return Section(key, title, "facts", tuple(covers), facts=tuple(facts))


def _table(key, title, covers, columns, rows, empty="nothing to list", **kw):
    return Section(key, title, "table", tuple(covers), columns=tuple(Column(*c) for c in columns),
                   rows=tuple(tuple(r) for r in rows), empty=empty, **kw)


def _len(start, end, days):
    """A Length, or None when any part is missing."""
    return None if start is None or end is None or days is None else Length(start, end, days)


def _through(last_day):
    """The excluded end of a span whose last day is `last_day` (a contract's until:)."""
    return last_day + timedelta(days=1) if last_day is not None else None


def _role_name(role):
    return f"{role.title} at {role.org}"


def _balance_section(ph, as_of):
    """Days and shares of each phase, over the career and the trailing 5 years."""
    c, r = ph.career, ph.recent
    rows = [
        ("learning", c.learning, c.learning_share, r.learning, r.learning_share),
        ("impact", c.impact, c.impact_share, r.impact, r.impact_share),
        ("gap", c.gap, c.gap_share, r.gap, r.gap_share),
        ("all", c.days, 1.0 if c.days else None, r.days, 1.0 if r.days else None),
    ]
    return _table(
        "balance", "Phase balance",
        (Cover("career", c.start, c.end), Cover("trailing 5 years", r.start, r.end)),
        (("phase", "phase", TEXT), ("career_days", "career", DAYS), ("career_share", "share", SHARE),
         ("recent_days", "trailing 5y", DAYS), ("recent_share", "share", SHARE)),
        rows if c.start is not None else (),
        empty="no main role yet",
    )


# --- summary -----------------------------------------------------------------------


@_register("summary", "Summary", "one screen: north star, role, swing, phases, bets, home")
def summary(ledger, as_of, window=ALL):
    entries, options = ledger.entries, ledger.options
    star = compute.north_star(entries, as_of)
    cov = compute.coverage(entries, as_of)
    role = compute.current_role(entries, as_of)
    sw = compute.swings(entries, options, as_of)
    ph = compute.phases(entries, as_of, options)
    home = compute.home(entries, options, as_of)
    sections = [
        _north_star_section(star, cov, as_of),
        _role_section(role, ph, as_of),
        _swing_section(sw, ledger, as_of, rules=False),
        _balance_section(ph, as_of),
        _streak_section(ph, ledger, as_of, rules=False),
    ]

    live = [c for c in compute.cadence(entries, as_of)
            if c.live and window.overlaps(c.contract.date, _through(c.contract.until), as_of)]
    sections.append(_table(
        "contracts", "Live contracts", _as_of(as_of) + _listed(window, as_of),
        (("contract", "contract", TEXT), ("every", "every", TEXT), ("latest", "latest period", TEXT),
         ("latest_kept", "kept", BOOL), ("current_run", "current run", INT),
         ("last_missed", "last missed", TEXT, "never")),
        [(c.contract.text, c.every, c.latest.label if c.latest else None,
          c.latest.kept if c.latest else None, c.current_run,
          c.last_missed.label if c.last_missed else None) for c in live],
        empty="no live contract",
    ))

    bets = [b for b in sw.open_bets if window.overlaps(b.date, None, as_of)]
    sections.append(_table(
        "open_bets", "Open bets", _as_of(as_of) + _listed(window, as_of),
        (("bet", "bet", TEXT), ("size", "size", TEXT), ("opened", "opened", DATE),
         ("open_for", "open for", LENGTH)),
        [(b.name, b.size, b.date, Length(b.date, as_of, b.days)) for b in bets],
        empty="no open bet",
    ))

    land = compute.landing(entries, as_of)
    shown = land is not None and land.day <= 90
    if land is None:
        why = "no current role"
    else:
        why = f"{_role_name(land.role)} is on day {land.day}: past its first 90 days"
    sections.append(_table(
        "landing", "Landing (30/60/90)", _as_of(as_of),
        (("step", "step", TEXT), ("by_day", "by day", INT), ("due_on", "due on", DATE),
         ("done_on", "done on", DATE), ("status", "status", TEXT)),
        [(s.name, s.day, s.due_on, s.done_on, s.status) for s in land.steps] if shown else (),
        empty=why,
    ))

    sections.append(_facts(
        "home", "Home", _as_of(as_of),
        Fact("last", "last check-in", home.last.date if home.last else None, DATE, "none"),
        Fact("score", "score", home.last.score if home.last else None, INT, None),
        Fact("note", "note", home.last.note if home.last else None, TEXT, None),
        Fact("since", "time since", _len(home.last.date if home.last else None, as_of, home.days_since),
             LENGTH, None),
        Fact("next_due", "next due by", home.next_due, DATE, None),
        Fact("stale", "stale", home.stale, BOOL),
    ))
    return sections


def _north_star_section(star, cov, as_of):
    current = star.current
    time_left = _len(as_of, star.by, star.days_left) if current and not star.expired else None
    expired = _len(star.by, as_of, -star.days_left) if current and star.expired else None
    return _facts(
        "north_star", "North star", _as_of(as_of),
        Fact("vision", "vision", current.vision if current else None, TEXT, "none: write a north-star entry"),
        Fact("set_on", "set on", current.date if current else None, DATE, None),
        Fact("horizon", "horizon", star.by, DATE, None),
        Fact("time_left", "time left", time_left, LENGTH, None),
        Fact("expired_by", "horizon passed", expired, LENGTH, None),
        Fact("needs", "needs", len(cov.needs) if current else None, INT, None),
        Fact("mastered", "mastered", len(cov.mastered) if current else None, INT, None),
        Fact("mastered_skills", "mastered skills", tuple(s.skill for s in cov.mastered), LIST, None),
        Fact("lower", "below mastered", tuple(f"{s.skill} ({s.level})" for s in cov.lower), LIST, None),
        Fact("missing", "no entry yet", cov.missing, LIST, None),
    )


def _role_section(role, ph, as_of):
    if role is None:
        title = org = since = org_since = None
        in_role = at_org = None
    else:
        title, org, since, org_since = role.role.title, role.org, role.since, role.org_since
        in_role = Length(role.since, as_of, role.days_in_role)
        at_org = Length(role.org_since, as_of, role.days_at_org)
    nothing = "none (between roles)" if ph.current == "gap" else "none (no main role yet)"
    return _facts(
        "role", "Current role", _as_of(as_of),
        Fact("title", "title", title, TEXT, nothing),
        Fact("org", "organisation", org, TEXT, None),
        Fact("since", "in the role since", since, DATE, None),
        Fact("in_role", "time in the role", in_role, LENGTH, None),
        Fact("org_since", "at the organisation since", org_since, DATE, None),
        Fact("at_org", "time at the organisation", at_org, LENGTH, None),
    )


def _swing_section(sw, ledger, as_of, rules=True):
    """The last big swing and whether the next is due; `rules` adds swing-every
    and established (the summary leaves them to the swings report)."""
    last = sw.swings[-1] if sw.swings else None
    facts = [
        Fact("last", "last big swing", last.name if last else None, TEXT, "none yet"),
        Fact("last_kind", "kind", last.kind if last else None, TEXT, None),
        Fact("last_on", "on", sw.last, DATE, None),
        Fact("since", "time since", _len(sw.last, as_of, sw.days_since), LENGTH, None),
        Fact("swing_every", "swing every", str(ledger.options.swing_every), TEXT),
        Fact("due_on", "due by", sw.due_on, DATE, None),
        Fact("due_in", "due in", _len(as_of, sw.due_on, sw.due_in_days), LENGTH, None),
        Fact("overdue_by", "overdue by", _len(sw.due_on, as_of, sw.overdue_days), LENGTH, None),
        Fact("due", "due", sw.due, BOOL),
        Fact("established", "established", sw.established, DATE, None),
    ]
    if not rules:
        facts = [f for f in facts if f.key not in ("swing_every", "established")]
    return _facts("last_swing", "Last big swing", (_career(ledger, as_of),), *facts)


# --- swings ------------------------------------------------------------------------


@_register("swings", "Big swings", "bets and innovation roles, success rate, swing intervals")
def swings(ledger, as_of, window=ALL):
    sw = compute.swings(ledger.entries, ledger.options, as_of)
    career = Cover("career", _career(ledger, as_of).start, as_of)
    listed = _listed(window, as_of)

    rows = []
    for i, s in enumerate(sw.swings):
        if window.holds(s.date):
            prev = sw.swings[i - 1] if i else None
            after = Length(prev.date, s.date, sw.intervals[i - 1]) if prev else None
            rows.append((s.date, s.kind, s.name, after))
    listing = _table(
        "swings", "Big swings", listed or (career,),
        (("date", "date", DATE), ("kind", "kind", TEXT), ("name", "name", TEXT),
         ("after", "after the previous", LENGTH, "first")),
        rows, empty="no big swing",
    )

    bets = _table(
        "bets", "Bets", listed or (career,),
        (("bet", "bet", TEXT), ("size", "size", TEXT), ("opened", "opened", DATE),
         ("closed", "closed", DATE), ("length", "length", LENGTH),
         ("outcome", "outcome", TEXT, "open")),
        [(b.name, b.size, b.date, b.closed_on, Length(b.date, b.closed_on or as_of, b.days), b.result)
         for b in sw.bets if window.overlaps(b.date, b.closed_on, as_of)],
        empty="no bet",
    )

    roles = _table(
        "innovation_roles", "Innovation roles", listed or (career,),
        (("role", "role", TEXT), ("org", "organisation", TEXT), ("from", "from", DATE),
         ("to", "to", DATE, "now"), ("length", "length", LENGTH), ("side", "side", BOOL)),
        [(r.role.title, r.role.org, r.start, r.end, Length(r.start, r.end or as_of, r.days), r.side)
         for r in sw.innovation_roles if window.overlaps(r.start, r.end, as_of)],
        empty="no innovation role",
    )

    portfolio = _facts(
        "portfolio", "Portfolio", (career,),
        Fact("core_days", "core time", sw.core_days, DAYS),
        Fact("innovation_days", "innovation time", sw.innovation_days, DAYS),
        Fact("core_share", "core share", sw.core_share, SHARE),
        Fact("innovation_share", "innovation share", sw.innovation_share, SHARE),
        Fact("bets", "bets", len(sw.bets), INT),
        Fact("open", "open", len(sw.open_bets), INT),
        Fact("closed", "closed", sw.closed, INT),
        Fact("successes", "successes", sw.successes, INT),
        Fact("success_rate", "success rate", sw.success_rate, SHARE, "— (no bet closed)"),
        Fact("baseline", "baseline", compute.SUCCESS_BASELINE, SHARE),
        Fact("vs_baseline", "against the baseline", sw.vs_baseline, TEXT),
    )
    return [_swing_section(sw, ledger, as_of), listing, bets, roles,
            portfolio]


# --- phases ------------------------------------------------------------------------


@_register("phases", "Phases", "learning / impact / gap runs, shares, streak, switches")
def phases(ledger, as_of, window=ALL):
    ph = compute.phases(ledger.entries, as_of, ledger.options)
    career = Cover("career", ph.career.start, as_of)
    last = len(ph.runs) - 1
    rows = []
    for i, r in enumerate(ph.runs):
        end = None if i == last else r.end
        if window.overlaps(r.start, end, as_of):
            by = f"leave {r.entry.title}" if type(r.entry) is Leave else _role_name(r.entry)
            rows.append((r.phase, r.start, end, Length(r.start, r.end, r.days), by))
    runs = _table(
        "runs", "Runs", _listed(window, as_of) or (career,),
        (("phase", "phase", TEXT), ("from", "from", DATE), ("to", "to", DATE, "now"),
         ("length", "length", LENGTH), ("started_by", "started by", TEXT)),
        rows, empty="no main role yet",
    )
    return [runs, _balance_section(ph, as_of), _streak_section(ph, ledger, as_of)]


def _streak_section(ph, ledger, as_of, rules=True):
    """The current phase and its streak; `rules` adds phase-max, the day the
    streak gets stuck and the switches (the summary leaves them to phases)."""
    facts = [
        Fact("phase", "phase", ph.current, TEXT, "none (no main role yet)"),
        Fact("since", "since", ph.streak_start, DATE, None),
        Fact("streak", "streak", _len(ph.streak_start, as_of, ph.streak_days), LENGTH, None),
        Fact("phase_max", "phase-max", str(ledger.options.phase_max), TEXT),
        Fact("limit_on", "stuck after", ph.limit_on, DATE, None),
        Fact("stuck", "longer than phase-max", ph.stuck, BOOL),
        Fact("switches", "switches between learning and impact", ph.switches, INT),
    ]
    if not rules:
        facts = [f for f in facts if f.key not in ("phase_max", "limit_on", "switches")]
    return _facts("streak", "Current streak", (Cover("career", ph.career.start, as_of),), *facts)


# --- cadence -------------------------------------------------------------------------


@_register("cadence", "Cadence", "contracts kept per period, updates a month, repeats")
def cadence(ledger, as_of, window=ALL):
    entries = ledger.entries
    listed = _listed(window, as_of)
    contracts = [c for c in compute.cadence(entries, as_of)
                 if window.overlaps(c.contract.date, _through(c.contract.until), as_of)]
    table = _table(
        "contracts", "Contracts", _as_of(as_of) + listed,
        (("contract", "contract", TEXT), ("every", "every", TEXT), ("count", "count", INT),
         ("from", "from", DATE), ("until", "until", DATE, "open-ended"), ("live", "live", BOOL),
         ("kept", "kept", INT), ("missed", "missed", INT), ("current_run", "run", INT),
         ("last_missed", "last missed", TEXT, "never")),
        [(c.contract.text, c.every, c.required, c.contract.date, c.contract.until, c.live, c.kept,
          c.missed, c.current_run, c.last_missed.label if c.last_missed else None) for c in contracts],
        empty="no contract",
    )
    periods = _table(
        "periods", "Periods", _as_of(as_of) + listed,
        (("contract", "contract", TEXT), ("period", "period", TEXT), ("from", "from", DATE),
         ("to", "to", DATE), ("updates", "updates", INT), ("kept", "kept", BOOL)),
        [(c.contract.text, p.label, p.start, p.end, p.count, p.kept)
         for c in contracts for p in c.periods if window.overlaps(p.start, p.end, as_of)],
        empty="no whole period yet", strip=True, group=True,
    )

    per = compute.updates_per_month(entries, as_of)
    trailing = Cover("trailing 12 months", per.months[0].start, per.months[-1].end)
    months = compute.month_counts(entries, as_of, window.begin, window.end) if window.bounded else per.months
    month_table = _table(
        "months", "Updates per month", listed or (trailing,),
        (("month", "month", TEXT), ("updates", "updates", INT)),
        [(m.label, m.count) for m in months], empty="no whole month",
    )
    rate = _facts(
        "updates", "Updates", (trailing,),
        Fact("total", "updates", per.total, INT),
        Fact("per_month", "per month", per.average, NUMBER),
    )
    unwritten = _table(
        "unwritten", "Write what you repeat", _as_of(as_of) + listed,
        (("topic", "topic", TEXT), ("times", "times explained", INT), ("explained_on", "explained on", LIST),
         ("written_on", "last written up", DATE, "never")),
        [(u.topic, u.times, tuple(d.isoformat() for d in u.explained_on), u.written_on)
         for u in compute.unwritten(entries, as_of) if any(window.holds(d) for d in u.explained_on)],
        empty="nothing explained twice without a write-up",
    )
    return [table, periods, rate, month_table, unwritten]


# --- roles -----------------------------------------------------------------------------


@_register("roles", "Roles", "roles by organisation: tenure and promotions")
def roles(ledger, as_of, window=ALL):
    tenures = [t for t in compute.tenures(ledger.entries, as_of) if window.overlaps(t.start, t.end, as_of)]
    covers = _listed(window, as_of) or (_career(ledger, as_of),)
    orgs = _table(
        "organisations", "Organisations", covers,
        (("org", "organisation", TEXT), ("from", "from", DATE), ("to", "to", DATE, "now"),
         ("tenure", "tenure", LENGTH), ("roles", "roles", INT), ("promotions", "promotions", INT),
         ("side", "side", BOOL)),
        [(t.org, t.start, t.end, Length(t.start, t.end or as_of, t.days), len(t.roles), t.promotions, t.side)
         for t in tenures],
        empty="no role", group=True,
    )
    rows = [
        (r.org, r.role.title, r.start, r.end, Length(r.start, r.end or as_of, r.days), r.role.track,
         r.role.phase, r.step)
        for t in tenures for r in t.roles if window.overlaps(r.start, r.end, as_of)
    ]
    table = _table(
        "roles", "Roles", covers,
        (("org", "organisation", TEXT), ("title", "title", TEXT), ("from", "from", DATE),
         ("to", "to", DATE, "now"), ("length", "length", LENGTH), ("track", "track", TEXT),
         ("phase", "phase", TEXT), ("step", "step", TEXT)),
        rows, empty="no role", group=True,
    )
    return [orgs, table]
