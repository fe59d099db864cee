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
from .dates import calendar_unit, period_label, unit_span
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
SCORES = "scores"  # tuple of int home scores (1 to 5): a sparkline in text
TYPES = (TEXT, DATE, LENGTH, DAYS, INT, SHARE, NUMBER, BOOL, LIST, SCORES)


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
    options: tuple = ()  # the report's own options: "role", "all" (landing)
    format: str = "text"  # the format used when --format is not given


REPORTS = {}


def _register(name, title, summary, options=(), fmt="text", default_window=None):
    """Register a function that lists a report's sections as the report `name`:
    the registered function, `(ledger, as_of, window=ALL, **params) -> Report`,
    adds the header (title, owner, as-of, the career's span, the window).
    `options` names the keyword parameters the report takes (its own options),
    `fmt` its default format, and `default_window(as_of)` the window it uses
    when none is given."""
    from functools import wraps

    def wrap(sections):
        @wraps(sections)
        def report(ledger, as_of, window=ALL, **params):
            if default_window is not None and not window.bounded:
                window = default_window(as_of)
            return Report(name, title, ledger.options.owner, as_of, _career(ledger, as_of), window,
                          tuple(sections(ledger, as_of, window, **params)))

        REPORTS[name] = Spec(name, title, summary, report, tuple(options), fmt)
        return report

    return wrap


class ReportError(ValueError):
    """A report's option names nothing in the ledger (`--role` with no such role)."""


def build(name, ledger, as_of, window=ALL, **params):
    """The report `name` for a loaded ledger as of `as_of`, listing what overlaps
    `window`; `params` are the report's own options (Spec.options)."""
    return REPORTS[name].build(ledger, as_of, window, **params)


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


# --- north star ----------------------------------------------------------------------


@_register("northstar", "North star", "the north star, its history, coverage, working backward")
def northstar(ledger, as_of, window=ALL):
    entries = ledger.entries
    star = compute.north_star(entries, as_of)
    cov = compute.coverage(entries, as_of)
    back = compute.working_backward(entries, as_of)
    covers = _as_of(as_of) + _listed(window, as_of)
    none = "no north star: write a north-star entry"

    rows = []
    for i, s in enumerate(star.history):
        replaced = star.history[i + 1].date if i + 1 < len(star.history) else None
        if window.overlaps(s.date, replaced, as_of):
            rows.append((s.date, s.vision, s.by, replaced, tuple(dict.fromkeys(s.needs))))
    history = _table(
        "history", "History", covers,
        (("set_on", "set on", DATE), ("vision", "vision", TEXT), ("horizon", "horizon", DATE),
         ("replaced_on", "replaced on", DATE, "current"), ("needs", "needs", LIST, "none")),
        rows, empty=none,
    )

    status = {"mastered": "mastered", None: "missing"}
    coverage = _table(
        "coverage", "Coverage of its needs", _as_of(as_of),
        (("need", "need", TEXT), ("status", "status", TEXT), ("level", "level", TEXT, "no entry"),
         ("since", "since", DATE), ("to_go", "levels to go", INT)),
        [(n.skill, status.get(n.level, "lower"), n.level, n.since, n.to_go) for n in back.needs],
        empty=none if star.current is None else "the north star names no needs",
    )

    if star.current is None:
        done = none
    elif not back.needs:
        done = "the north star names no needs"
    else:
        done = "every need is mastered"
    steps = _table(
        "steps", "Working backward", _as_of(as_of),
        (("step", "step", INT), ("need", "need", TEXT), ("level", "level", TEXT, "no entry"),
         ("to_go", "levels to go", INT)),
        [(i, n.skill, n.level, n.to_go) for i, n in enumerate(back.steps, 1)],
        empty=done,
    )

    rows = []
    for n in back.steps:
        if not n.built_by:
            rows.append((n.skill, None, None, None))
        for b in n.built_by:
            shown = window.holds(b.date) if b.kind == "skill" else window.overlaps(b.date, b.end, as_of)
            if shown:
                name = _role_name(b.entry) if b.kind == "role" else b.name
                rows.append((n.skill, b.kind, name, b.date))
    built = _table(
        "built_by", "What built them so far", covers,
        (("need", "need", TEXT), ("kind", "kind", TEXT, "nothing yet"), ("name", "name", TEXT),
         ("date", "date", DATE)),
        rows, empty=done, group=True,
    )
    return [_north_star_section(star, cov, as_of), history, coverage, steps, built]


# --- skills ----------------------------------------------------------------------------


@_register("skills", "Skills", "skill levels with evidence, novice to mastered, stale skills")
def skills(ledger, as_of, window=ALL):
    sk = compute.skills(ledger.entries, as_of)
    listed = _listed(window, as_of)
    table = _table(
        "skills", "Skills", _as_of(as_of),
        (("skill", "skill", TEXT), ("level", "level", TEXT), ("since", "since", DATE),
         ("novice_on", "novice on", DATE), ("mastered_on", "mastered on", DATE),
         ("novice_to_mastered", "novice to mastered", LENGTH), ("needed", "north star needs it", BOOL),
         ("last_progress", "last progress", DATE), ("stale", "stale", BOOL)),
        [(p.skill, p.level, p.since, p.novice_on, p.mastered_on,
          _len(p.novice_on, p.mastered_on, p.novice_to_mastered), p.needed, p.last_progress_on, p.stale)
         for p in sk.skills],
        empty="no skill entry",
    )
    progression = _table(
        "progression", "Progression", _as_of(as_of) + listed,
        (("skill", "skill", TEXT), ("date", "date", DATE), ("from", "from", TEXT, "new"),
         ("level", "level", TEXT), ("evidence", "evidence", TEXT)),
        [(s.skill, s.date, s.previous, s.level, s.evidence)
         for p in sk.skills for s in p.steps if window.holds(s.date)],
        empty="no skill entry", group=True,
    )
    star = sk.north_star
    needs = _facts(
        "north_star", "North-star needs", _as_of(as_of),
        Fact("vision", "vision", star.vision if star else None, TEXT, "none: write a north-star entry"),
        Fact("needs", "needs", sk.needs, LIST, None),
        Fact("mastered", "mastered", tuple(p.skill for p in sk.skills if p.needed and p.level == "mastered"),
             LIST, None),
        Fact("lower", "below mastered",
             tuple(f"{p.skill} ({p.level})" for p in sk.skills if p.needed and p.level != "mastered"), LIST, None),
        Fact("missing", "no entry yet", sk.missing, LIST, None),
        Fact("not_needed", "not needed", sk.not_needed, LIST, None),
    )
    stale = _table(
        "stale", f"No progress for more than {compute.SKILL_STALE.amount} years", _as_of(as_of),
        (("skill", "skill", TEXT), ("level", "level", TEXT), ("last_progress", "last progress", DATE),
         ("without_progress", "without progress", LENGTH), ("needed", "north star needs it", BOOL)),
        [(p.skill, p.level, p.last_progress_on,
          Length(p.last_progress_on, as_of, (as_of - p.last_progress_on).days), p.needed) for p in sk.stale],
        empty="every skill below mastered progressed in the last 2 years",
    )
    return [table, needs, stale, progression]


# --- landing (30/60/90) -------------------------------------------------------------------


@_register("landing", "Landing (30/60/90)", "a role's 30/60/90 days: listening tour, SOTU, alignment, wins",
           options=("role", "all_roles"))
def landing(ledger, as_of, window=ALL, role=None, all_roles=False):
    """The current main role's landing; `role` (a title) picks another main role,
    `all_roles` lists every main role's landing that overlaps the window."""
    entries = ledger.entries
    if all_roles:
        lands = [land for land in compute.landings(entries, as_of) if window.overlaps(land.start, land.end, as_of)]
        empty = "no main role"
    elif role is not None:
        land = compute.landing(entries, as_of, role)
        if land is None:
            raise ReportError(_no_role(entries, as_of, role))
        lands, empty = [land], None
    else:
        land = compute.landing(entries, as_of)
        lands, empty = ([land] if land else []), "no current main role (name one with --role, or use --all)"
    covers = _as_of(as_of) + (_listed(window, as_of) if all_roles else ())

    roles = _table(
        "roles", "Roles", covers,
        (("role", "role", TEXT), ("org", "organisation", TEXT), ("day_1", "day 1", DATE),
         ("to", "to", DATE, "now"), ("day", "day today", INT), ("listens", "conversations", INT),
         ("overdue", "overdue", LIST, "none")),
        [(land.role.title, land.role.org, land.start, land.end, land.day if land.held else None,
          len(land.listens), land.overdue) for land in lands],
        empty=empty,
    )
    rows = []
    for land in lands:
        for ph in compute.landing_phases(land):
            s = ph.step
            # days left (negative once overdue) while the step is not done and the role is held
            left = s.days_left if s.status in ("open", "overdue") and land.held else None
            rows.append((land.role.title, ph.name, f"{ph.first_day}–{ph.last_day}", ph.start, ph.last, s.name,
                         s.done_on, s.status, left))
    phases = _table(
        "phases", "Phases", covers,
        (("role", "role", TEXT), ("phase", "phase", TEXT), ("days", "days", TEXT), ("from", "from", DATE),
         ("due_on", "due on", DATE), ("step", "step", TEXT), ("done_on", "done on", DATE),
         ("status", "status", TEXT), ("days_left", "days left", INT)),
        rows, empty=empty, group=True,
    )
    listens = _table(
        "listens", "Listening tour (days 1–30)", covers,
        (("role", "role", TEXT), ("date", "date", DATE), ("day", "day", INT), ("who", "who", TEXT),
         ("heard", "heard", TEXT)),
        [(land.role.title, e.date, (e.date - land.start).days + 1, e.who, e.heard)
         for land in lands for e in land.listens],
        empty="no conversation in days 1–30" if lands else empty, group=True,
    )
    return [roles, phases, listens]


def _no_role(entries, as_of, title):
    """Why `--role title` names no landing: a side role, or no such main role."""
    from .entries import Role
    from .problems import did_you_mean

    known = compute.upto(entries, as_of)
    if any(type(e) is Role and e.side and e.title == title for e in known):
        return f"'{title}' is a side role: side roles have no landing"
    titles = sorted({e.title for e in known if type(e) is Role and not e.side})
    if not titles:
        return f"no main role titled '{title}': the ledger has no main role up to {as_of}"
    return f"no main role titled '{title}': {did_you_mean(title, titles)}"


# --- feedback ------------------------------------------------------------------------------

_TONE_COLUMNS = (("received", "received", INT), ("positive", "positive", INT),
                 ("constructive", "constructive", INT), ("critical", "critical", INT),
                 ("untoned", "no tone", INT), ("actionable", "constructive or critical", INT),
                 ("actioned", "with an action", INT))


def _tone_row(t):
    return (t.total, t.positive, t.constructive, t.critical, t.untoned, t.actionable, t.actioned)


@_register("feedback", "Feedback", "feedback by source and tone over time, the actions taken")
def feedback(ledger, as_of, window=ALL):
    fb = compute.feedback(ledger.entries, as_of)
    listed = _listed(window, as_of)
    t = fb.totals
    totals = _facts(
        "totals", "Feedback", _as_of(as_of),
        Fact("received", "received", t.total, INT),
        Fact("positive", "positive", t.positive, INT),
        Fact("constructive", "constructive", t.constructive, INT),
        Fact("critical", "critical", t.critical, INT),
        Fact("untoned", "no tone", t.untoned, INT),
        Fact("actionable", "constructive or critical", t.actionable, INT),
        Fact("actioned", "… with an action", t.actioned, INT),
        Fact("actioned_share", "share with an action", fb.actioned_share, SHARE,
             "— (no constructive or critical feedback)"),
    )
    by_source = _table(
        "by_source", "By source", _as_of(as_of),
        (("source", "source", TEXT, "no from:"),) + _TONE_COLUMNS,
        [(s.label,) + _tone_row(s) for s in fb.by_source],
        empty="no feedback",
    )
    by_year = _table(
        "by_year", "By year", _as_of(as_of) + listed,
        (("year", "year", TEXT),) + _TONE_COLUMNS,
        [(str(y.label),) + _tone_row(y) for y in fb.by_year
         if window.overlaps(date(y.label, 1, 1), date(y.label + 1, 1, 1), as_of)],
        empty="no feedback",
    )
    actions = _table(
        "actions", "Actions taken", _as_of(as_of) + listed,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("action", "action", TEXT)),
        [(f.date, f.giver, f.tone, f.text, f.action) for f in fb.actions if window.holds(f.date)],
        empty="no feedback records an action",
    )
    unactioned = _table(
        "unactioned", "Constructive or critical, no action yet", _as_of(as_of) + listed,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("age", "age", LENGTH)),
        [(f.date, f.giver, f.tone, f.text, Length(f.date, as_of, (as_of - f.date).days))
         for f in fb.unactioned if window.holds(f.date)],
        empty="every constructive or critical feedback records an action",
    )
    return [totals, by_source, by_year, actions, unactioned]


# --- home ----------------------------------------------------------------------------------


@_register("home", "Home", "home check-ins over time, the trend, the next one due")
def home(ledger, as_of, window=ALL):
    entries, options = ledger.entries, ledger.options
    status = compute.home(entries, options, as_of)
    trend = compute.home_trend(entries, as_of)
    listed = _listed(window, as_of)
    shown = [c for c in status.checkins if window.holds(c.date)]
    scores = tuple(c.score for c in shown)
    history = _facts(
        "history", "Check-ins", _as_of(as_of) + listed,
        Fact("checkins", "check-ins", len(shown), INT),
        Fact("from", "from", shown[0].date if shown else None, DATE, None),
        Fact("to", "to", shown[-1].date if shown else None, DATE, None),
        Fact("scores", "scores", scores, SCORES, "none"),
        Fact("average", "average", sum(scores) / len(scores) if scores else None, NUMBER, None),
    )
    last4 = trend.checkins
    trend_section = _facts(
        "trend", f"Trend over the last {compute.HOME_TREND_OVER} check-ins", _as_of(as_of),
        Fact("scores", "scores", trend.scores, SCORES, "none"),
        Fact("from", "from", last4[0].date if last4 else None, DATE, None),
        Fact("to", "to", last4[-1].date if last4 else None, DATE, None),
        Fact("slope", "slope (points a check-in)", trend.slope, NUMBER, None),
        Fact("change", "fitted change", trend.change, NUMBER, None),
        Fact("trend", "trend", trend.trend, TEXT, "— (fewer than two check-ins)"),
    )
    last = status.last
    stale = status.stale
    next_section = _facts(
        "last", "Last check-in", _as_of(as_of),
        Fact("last", "last check-in", last.date if last else None, DATE, "none"),
        Fact("score", "score", last.score if last else None, INT, None),
        Fact("note", "note", last.note if last else None, TEXT, None),
        Fact("since", "time since", _len(last.date if last else None, as_of, status.days_since), LENGTH, None),
        Fact("home_every", "home-every", str(options.home_every), TEXT),
        Fact("next_due", "next due by", status.next_due, DATE, None),
        Fact("due_in", "due in", _len(as_of, status.next_due, status.days_left) if last and not stale else None,
             LENGTH, None),
        Fact("overdue_by", "overdue by", _len(status.next_due, as_of, -status.days_left) if stale else None,
             LENGTH, None),
        Fact("stale", "stale", stale, BOOL),
    )
    checkins = _table(
        "checkins", "All check-ins", _as_of(as_of) + listed,
        (("date", "date", DATE), ("score", "score", INT), ("note", "note", TEXT, "")),
        [(c.date, c.score, c.note) for c in shown],
        empty="no home check-in",
    )
    return [history, trend_section, next_section, checkins]


# --- review ----------------------------------------------------------------------------------


def last_month(as_of):
    """The review's default window: the last whole calendar month before as_of's."""
    return Window(*unit_span(as_of.replace(day=1) - timedelta(days=1), "month"))


def span_label(begin, end):
    """`2026-09`, `2026-Q3`, `2026-W37` or `2026` for a calendar period, else
    `2026-09-03 to 2026-09-20` (the last day included)."""
    unit = calendar_unit(begin, end)
    if unit:
        return period_label(begin, unit)
    last = end - timedelta(days=1)
    return str(begin) if last == begin else f"{begin} to {last}"


# metric label, Headline field
HEADLINE = (
    ("updates published", "updates"),
    ("contract periods kept", "periods_kept"),
    ("contract periods missed", "periods_missed"),
    ("wins", "wins"),
    ("skill entries", "skills_moved"),
    ("bets opened", "bets_opened"),
    ("bets closed", "bets_closed"),
    ("feedback received", "feedback"),
    ("constructive or critical feedback", "actionable"),
    ("… with an action", "actioned"),
    ("days since the last big swing, at the end", "days_since_swing"),
    ("north-star needs mastered, at the end", "needs_mastered"),
)


@_register("review", "Review packet", "what to send upward for a period (-p): wins, updates, changes",
           fmt="markdown", default_window=last_month)
def review(ledger, as_of, window=ALL):
    entries = ledger.entries
    # -b alone runs through as-of; -e alone starts at the ledger's first entry
    end = window.end or max(as_of, window.begin or as_of) + timedelta(days=1)
    begin = window.begin or min(entries[0].date if entries else as_of, end - timedelta(days=1))
    rv = compute.review(entries, ledger.options, as_of, begin, end)
    this, prev = rv.headline, rv.previous
    here = (Cover("period", begin, end),)
    empty = "nothing in {}".format(span_label(begin, end))

    period = _facts(
        "period", "Period", here,
        Fact("period", "period", span_label(begin, end), TEXT),
        Fact("first_day", "first day", begin, DATE),
        Fact("last_day", "last day", end - timedelta(days=1), DATE),
        Fact("previous", "compared with", span_label(prev.begin, prev.end), TEXT),
        Fact("figures_on", "figures at the end taken on", this.on, DATE),
    )
    headline = _table(
        "headline", "Headline", here + (Cover("previous period", prev.begin, prev.end),),
        (("metric", "metric", TEXT), ("this", span_label(begin, end), INT),
         ("previous", span_label(prev.begin, prev.end), INT), ("change", "change", INT)),
        [(label, getattr(this, key), getattr(prev, key),
          None if getattr(this, key) is None or getattr(prev, key) is None else getattr(this, key) - getattr(prev, key))
         for label, key in HEADLINE],
    )
    wins = _table(
        "wins", "Wins", here,
        (("date", "date", DATE), ("win", "win", TEXT), ("impact", "impact", TEXT)),
        [(w.date, w.text, w.impact) for w in rv.wins], empty=empty,
    )
    updates = _table(
        "updates", "Updates published", here,
        (("date", "date", DATE), ("update", "update", TEXT), ("to", "to", TEXT), ("via", "via", TEXT),
         ("covers", "covers", LIST)),
        [(u.date, u.title, u.audience, u.via, u.covers) for u in rv.updates], empty=empty,
    )
    contracts = _table(
        "contracts", "Contracts", here,
        (("contract", "contract", TEXT), ("period", "period", TEXT), ("updates", "updates", INT),
         ("required", "required", INT), ("kept", "kept", BOOL)),
        [(c.contract.text, c.period.label, c.period.count, c.contract.count, c.period.kept)
         for c in rv.contract_periods],
        empty="no contract period ends in " + span_label(begin, end),
    )
    skills = _table(
        "skills", "Skills that moved", here,
        (("date", "date", DATE), ("skill", "skill", TEXT), ("from", "from", TEXT, "new"),
         ("level", "to", TEXT), ("evidence", "evidence", TEXT)),
        [(s.date, s.skill, s.previous, s.level, s.evidence) for s in rv.skills], empty=empty,
    )
    opened = _table(
        "bets_opened", "Bets opened", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("size", "size", TEXT), ("in", "in", TEXT),
         ("outcome", "outcome so far", TEXT, "open")),
        [(b.date, b.name, b.size, b.entry.in_role, b.result) for b in rv.bets_opened], empty=empty,
    )
    closed = _table(
        "bets_closed", "Bets closed", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("outcome", "outcome", TEXT),
         ("length", "open for", LENGTH), ("story", "story", TEXT), ("lesson", "lesson", TEXT)),
        [(b.closed_on, b.name, b.result, Length(b.date, b.closed_on, b.days), b.story, b.lesson)
         for b in rv.bets_closed], empty=empty,
    )
    received = _table(
        "feedback", "Feedback received", here,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("action", "action taken", TEXT)),
        [(f.date, f.giver, f.tone, f.text, f.action) for f in rv.feedback], empty=empty,
    )
    return [period, headline, wins, updates, contracts, skills, opened, closed, received]
