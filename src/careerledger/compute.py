"""Compute: the one implementation of every metric.

`careerledger report …` renders these results and `careerledger check` turns
some of them into warnings; neither computes anything itself. Every function
is pure: it takes the loaded entries (sorted by date), sometimes the options,
and `as_of`, and returns plain immutable NamedTuples (tuples inside, never
lists) with no formatting.

Two rules hold everywhere (docs/metrics.md is the authority):

- Entries dated after `as_of` are ignored: each function starts with
  `upto(entries, as_of)`, so a ledger replayed as of an earlier day gives the
  answers it would have given then.
- A span runs from its start date (included) to its end date (excluded), so
  "days since D" is `(as_of - D).days`, and a day count over a stretch of the
  career never includes `as_of` itself.

"Exceeds a duration" is calendar arithmetic: a span from D exceeds `3y` when
as_of > D + 3y (dates.add, month ends clamped), so on the day D + 3y itself
it does not exceed yet.
"""

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from typing import NamedTuple

from .dates import add, calendar_unit, period_label, unit_span
from .entries import (
    LEVELS, Align, Bet, Contract, Duration, Explained, Feedback, Home, Leave, Listen, NorthStar,
    Outcome, Role, Skill, Sotu, Update, Win,
)
from .options import Options

ESTABLISHED_AFTER = Duration(4, "y")  # default `established`: first main role + 4y
RECENT = Duration(5, "y")  # the trailing window of the phase balance
SUCCESS_BASELINE = 0.5  # the framework's baseline success rate of closed bets


# --- shared helpers ----------------------------------------------------------


def _date(entry):
    return entry.date


def upto(entries, as_of):
    """The entries dated on or before `as_of` (entries are sorted by date)."""
    return entries[: bisect_right(entries, as_of, key=_date)]


def _of(entries, cls):
    return [e for e in entries if type(e) is cls]


def _share(part, whole):
    return part / whole if whole else None


class Stint(NamedTuple):
    """A stretch of the career: one main role held, or a gap (role None)."""

    role: Role | None
    start: date
    end: date  # excluded; as_of for the stretch still going on
    ongoing: bool
    opened_by: object  # the Role, or the Leave that opened a gap


def _stints(entries, as_of):
    """Main roles and gaps from the first main role up to as_of, in order.

    A main role ends where the next main role or a `leave` starts; a leave
    opens a gap that lasts until the next main role. Side roles play no part.
    `entries` must already be cut at as_of. Stints can be zero days long (two
    roles on one day; a role starting on as_of).
    """
    stints = []
    role = None  # the main role held, None in a gap
    start = None  # None before the first main role
    opened_by = None
    for e in entries:
        t = type(e)
        if t is Role and not e.side:
            if start is not None:
                stints.append(Stint(role, start, e.date, False, opened_by))
            role, start, opened_by = e, e.date, e
        elif t is Leave and role is not None:
            # Any leave ends the main role held (validate reports a leave whose
            # title does not match, and also treats it as ending the role).
            stints.append(Stint(role, start, e.date, False, opened_by))
            role, start, opened_by = None, e.date, e
    if start is not None:
        stints.append(Stint(role, start, as_of, True, opened_by))
    return stints


def _held_on(stints):
    """The main role held on as_of (None in a gap or before any role)."""
    return stints[-1].role if stints else None


class Breakdown(NamedTuple):
    """A span as whole years, months and days (calendar arithmetic)."""

    years: int
    months: int
    days: int

    def __str__(self):
        """`2y 3m 4d`, leaving out zero parts (`1y 5d`); `0d` for no time at all."""
        return " ".join(f"{n}{unit}" for n, unit in zip(self, "ymd") if n) or "0d"


def breakdown(start, end):
    """end - start in years, months and days (dateutil's relativedelta: 2024-02-29
    to 2025-02-28 is exactly one year, as dates.add counts it)."""
    from dateutil.relativedelta import relativedelta

    d = relativedelta(end, start)
    return Breakdown(d.years, d.months, d.days)


# --- established ---------------------------------------------------------------


def first_role(entries):
    """The first main role (side roles do not start a career), or None."""
    return next((e for e in entries if type(e) is Role and not e.side), None)


def established_on(entries, options):
    """The day from which big swings are expected: option `established`, else the
    first main role's date + 4 years; None when there is no main role."""
    if options.established is not None:
        return options.established
    first = first_role(entries)
    return add(first.date, ESTABLISHED_AFTER) if first else None


# --- big swings and the innovation portfolio -----------------------------------


class Swing(NamedTuple):
    date: date
    kind: str  # "bet" | "role"
    name: str  # the bet's name or the role's title
    entry: object


class BetRecord(NamedTuple):
    name: str
    date: date
    size: str  # "big" | "small"
    entry: Bet
    outcome: Outcome | None  # None while open
    result: str | None  # success | failure | pivot | stopped
    story: str | None
    lesson: str | None
    closed_on: date | None
    days: int  # open to close, or open to as_of while open
    open: bool


class InnovationRole(NamedTuple):
    role: Role
    start: date
    end: date | None  # next main role or leave; None while held, and for side roles
    days: int  # start to end, or to as_of
    side: bool


class Swings(NamedTuple):
    swings: tuple  # Swing, oldest first
    last: date | None  # date of the latest big swing
    days_since: int | None  # as_of - last
    since: Breakdown | None  # the same span in years/months/days
    measured_from: date | None  # last, or the first main role's date when no swing yet
    due_on: date | None  # measured_from + swing-every: the last day still on time
    established: date | None
    due: bool  # as_of > due_on and as_of >= established
    overdue_days: int | None  # as_of - due_on, when due
    due_in_days: int | None  # due_on - as_of, when as_of <= due_on (0 on the day itself)
    intervals: tuple  # days between consecutive big swings
    bets: tuple  # BetRecord, every bet (big and small), oldest first
    open_bets: tuple  # the BetRecords still open
    closed: int  # bets closed by an outcome
    successes: int  # ... of which with result `success`
    success_rate: float | None  # successes / closed; None when nothing is closed
    innovation_roles: tuple  # InnovationRole
    core_days: int  # days in main roles with track core, first main role to as_of
    innovation_days: int  # days in main roles with track innovation
    core_share: float | None  # core_days / (core_days + innovation_days); None when both are 0
    innovation_share: float | None  # innovation_days / (core_days + innovation_days)
    vs_baseline: str | None  # success_rate against SUCCESS_BASELINE: above | at | below


def swings(entries, options, as_of):
    entries = upto(entries, as_of)
    stints = _stints(entries, as_of)

    found = []
    for e in entries:
        if type(e) is Bet and e.size == "big":
            found.append(Swing(e.date, "bet", e.name, e))
        elif type(e) is Role and e.track == "innovation":
            # side roles too: the brief makes every innovation role a big swing
            found.append(Swing(e.date, "role", e.title, e))

    last = found[-1].date if found else None
    # With no swing yet the clock starts at the first main role: a career owes
    # its first swing swing-every after it began (and not before `established`).
    measured_from = last if last is not None else (stints[0].start if stints else None)
    established = established_on(entries, options)
    due_on = add(measured_from, options.swing_every) if measured_from else None
    due = (
        due_on is not None and as_of > due_on
        and established is not None and as_of >= established
    )

    bets = _bets(entries, as_of)
    closed = [b for b in bets if not b.open]
    successes = sum(1 for b in closed if b.result == "success")

    innovation = []
    for s in stints:
        if s.role is not None and s.role.track == "innovation":
            end = None if s.ongoing else s.end
            innovation.append(InnovationRole(s.role, s.start, end, (s.end - s.start).days, False))
    for e in entries:
        if type(e) is Role and e.side and e.track == "innovation":
            # The format has no way to end a side role: it runs to as_of.
            innovation.append(InnovationRole(e, e.date, None, (as_of - e.date).days, True))
    innovation.sort(key=lambda r: r.start)

    core_days = sum((s.end - s.start).days for s in stints if s.role and s.role.track == "core")
    innovation_days = sum((s.end - s.start).days for s in stints if s.role and s.role.track == "innovation")

    return Swings(
        swings=tuple(found),
        last=last,
        days_since=(as_of - last).days if last else None,
        since=breakdown(last, as_of) if last else None,
        measured_from=measured_from,
        due_on=due_on,
        established=established,
        due=due,
        overdue_days=(as_of - due_on).days if due else None,
        due_in_days=(due_on - as_of).days if due_on and as_of <= due_on else None,
        intervals=tuple((b.date - a.date).days for a, b in zip(found, found[1:])),
        bets=tuple(bets),
        open_bets=tuple(b for b in bets if b.open),
        closed=len(closed),
        successes=successes,
        success_rate=_share(successes, len(closed)),
        innovation_roles=tuple(innovation),
        core_days=core_days,
        innovation_days=innovation_days,
        core_share=_share(core_days, core_days + innovation_days),
        innovation_share=_share(innovation_days, core_days + innovation_days),
        vs_baseline=against_baseline(_share(successes, len(closed))),
    )


def against_baseline(rate, baseline=SUCCESS_BASELINE):
    """`above`, `at` or `below` the baseline success rate; None when there is no rate."""
    if rate is None:
        return None
    return "above" if rate > baseline else "below" if rate < baseline else "at"


def _bets(entries, as_of):
    """Every bet with its outcome. An outcome closes the oldest open bet of its
    name (validate reports outcomes for unknown bets and second closes)."""
    records = []
    open_by_name = {}  # name -> indexes of open records, oldest first
    for e in entries:
        if type(e) is Bet:
            open_by_name.setdefault(e.name, []).append(len(records))
            records.append(BetRecord(e.name, e.date, e.size, e, None, None, None, None, None,
                                     (as_of - e.date).days, True))
        elif type(e) is Outcome and open_by_name.get(e.bet):
            i = open_by_name[e.bet].pop(0)
            records[i] = records[i]._replace(
                outcome=e, result=e.result, story=e.story, lesson=e.lesson,
                closed_on=e.date, days=(e.date - records[i].date).days, open=False,
            )
    return records


# --- phase balance ---------------------------------------------------------------


class Run(NamedTuple):
    phase: str  # "learning" | "impact" | "gap"
    start: date
    end: date  # excluded; as_of for the current run
    days: int
    entry: object  # the Role (or, for a gap, the Leave) that started the run


class Balance(NamedTuple):
    start: date | None  # first day counted (None when nothing is counted)
    end: date  # as_of (excluded)
    days: int
    learning: int
    impact: int
    gap: int
    learning_share: float | None  # None when days is 0
    impact_share: float | None
    gap_share: float | None


class Phases(NamedTuple):
    runs: tuple  # Run, consecutive same-phase roles merged; the last one is current
    career: Balance  # first main role to as_of
    recent: Balance  # the trailing 5 years: [as_of - 5y, as_of), clipped to the career
    current: str | None  # the phase held on as_of; None before the first main role
    streak_start: date | None  # the day the phase last changed
    streak_days: int | None  # as_of - streak_start
    switches: int  # changes between learning and impact, gaps ignored
    limit_on: date | None  # streak_start + phase-max: the last day not stuck
    stuck: bool  # a learning or impact streak longer than phase-max: as_of > limit_on


def phases(entries, as_of, options=None):
    """Phase balance. `options` (for phase-max) defaults to the format's defaults."""
    options = options or Options()
    entries = upto(entries, as_of)
    stints = _stints(entries, as_of)

    # Zero-day stints take no days, but one that starts on as_of is the phase
    # held today (streak 0), so the last stint is always kept.
    runs = []
    for i, s in enumerate(stints):
        if s.start == s.end and i < len(stints) - 1:
            continue
        phase = s.role.phase if s.role else "gap"
        if runs and runs[-1].phase == phase:
            prev = runs[-1]
            runs[-1] = prev._replace(end=s.end, days=(s.end - prev.start).days)
        else:
            runs.append(Run(phase, s.start, s.end, (s.end - s.start).days, s.opened_by))

    first = runs[0].start if runs else None
    window = add(as_of, RECENT, times=-1)
    career = _balance(runs, first, as_of)
    recent = _balance(runs, max(first, window) if first else None, as_of)

    # A gap is a phase of its own for the streak (the phase did change when
    # the role ended), but not for switches: learning, gap, learning is no switch.
    current = runs[-1] if runs else None
    worked = [r.phase for r in runs if r.phase != "gap"]
    switches = sum(1 for a, b in zip(worked, worked[1:]) if a != b)
    limit_on = add(current.start, options.phase_max) if current else None
    return Phases(
        runs=tuple(runs),
        career=career,
        recent=recent,
        current=current.phase if current else None,
        streak_start=current.start if current else None,
        streak_days=(as_of - current.start).days if current else None,
        switches=switches,
        limit_on=limit_on,
        # a long gap is a sabbatical or a search, not a phase one is stuck in
        stuck=limit_on is not None and as_of > limit_on and current.phase != "gap",
    )


def _balance(runs, start, as_of):
    days = {"learning": 0, "impact": 0, "gap": 0}
    if start is not None:
        for r in runs:
            s = max(r.start, start)
            if r.end > s:
                days[r.phase] += (r.end - s).days
    total = sum(days.values())
    return Balance(
        start, as_of, total, days["learning"], days["impact"], days["gap"],
        _share(days["learning"], total), _share(days["impact"], total), _share(days["gap"], total),
    )


# --- marketing cadence -------------------------------------------------------------


def period_start(day, every):
    """The first day of the calendar period (ISO week, month, quarter) holding `day`."""
    return unit_span(day, every)[0]


def next_period(start, every):
    """The first day of the period after the one holding `start`."""
    return unit_span(start, every)[1]


class Period(NamedTuple):
    start: date
    end: date  # excluded: the first day of the next period
    label: str
    count: int  # updates published in the period
    kept: bool  # count >= the contract's count


class ContractCadence(NamedTuple):
    contract: Contract
    every: str
    required: int  # the contract's count per period
    periods: tuple  # Period, whole periods only, oldest first
    kept: int
    missed: int
    current_run: int  # kept periods counting back from the latest whole period
    latest: Period | None  # the latest whole period (None when none is over yet)
    last_missed: Period | None
    live: bool  # no until:, or until >= as_of


def cadence(entries, as_of):
    """One ContractCadence per contract, in ledger order."""
    entries = upto(entries, as_of)
    updates = [e.date for e in entries if type(e) is Update]  # sorted: entries are
    return tuple(_contract(c, updates, as_of) for c in entries if type(c) is Contract)


def _counts(days, start, stop, every):
    """(start, end, label, how many of the sorted `days` fall in it) for each
    calendar period from the one starting on `start` up to `stop` (excluded)."""
    while start < stop:
        end = next_period(start, every)
        yield start, end, period_label(start, every), bisect_left(days, end) - bisect_left(days, start)
        start = end


def _contract(c, updates, as_of):
    stop = period_start(as_of, c.every)  # as_of's own period is not whole yet
    if c.until is not None:
        # the period holding `until` is the contract's last
        stop = min(stop, next_period(period_start(c.until, c.every), c.every))
    periods = [
        Period(start, end, label, n, n >= c.count)
        for start, end, label, n in _counts(updates, period_start(c.date, c.every), stop, c.every)
    ]
    run = 0
    for p in reversed(periods):
        if not p.kept:
            break
        run += 1
    missed = [p for p in periods if not p.kept]
    return ContractCadence(
        contract=c,
        every=c.every,
        required=c.count,
        periods=tuple(periods),
        kept=len(periods) - len(missed),
        missed=len(missed),
        current_run=run,
        latest=periods[-1] if periods else None,
        last_missed=missed[-1] if missed else None,
        live=c.until is None or c.until >= as_of,
    )


class MonthCount(NamedTuple):
    start: date
    end: date  # excluded
    label: str  # 2024-03
    count: int


class UpdatesPerMonth(NamedTuple):
    months: tuple  # MonthCount, the 12 whole months before as_of's month, oldest first
    total: int
    average: float  # total / 12


def updates_per_month(entries, as_of):
    """Updates per calendar month over the 12 whole months before as_of's month
    (as_of's own month is not over yet, as for contracts)."""
    end = period_start(as_of, "month")
    months = month_counts(entries, as_of, end.replace(year=end.year - 1), end)
    total = sum(m.count for m in months)
    return UpdatesPerMonth(months, total, total / 12)


def month_counts(entries, as_of, begin=None, end=None):
    """Updates in each whole calendar month that overlaps [begin, end), oldest first.

    Only whole months count: the last is the one before as_of's month. `begin`
    None starts at the month of the ledger's first entry; `end` None runs up
    to as_of's month.
    """
    entries = upto(entries, as_of)
    updates = [e.date for e in entries if type(e) is Update]
    stop = period_start(as_of, "month")
    if end is not None:
        # the month holding end's last day (end is excluded) is the last one
        stop = min(stop, next_period(period_start(end - timedelta(days=1), "month"), "month"))
    if begin is None:
        begin = entries[0].date if entries else stop
    return tuple(MonthCount(*c) for c in _counts(updates, period_start(begin, "month"), stop, "month"))


# --- write what you repeat -------------------------------------------------------------


class Unwritten(NamedTuple):
    topic: str  # the tag, without '#'
    times: int  # explanations with no update covering the topic on or after them
    explained_on: tuple  # their dates, oldest first
    written_on: date | None  # the latest update covering the topic, if any
    last: Explained  # the latest explanation (where a warning points)


def unwritten(entries, as_of):
    """Topics explained twice or more with no later update that covers them.

    "Later" is read per explanation: an explanation is answered by an update
    covering its topic dated on or after it. A topic is unwritten when two or
    more of its explanations are unanswered, i.e. it was explained twice or
    more since the latest update covering it (or ever, with none).
    Sorted by topic.
    """
    entries = upto(entries, as_of)
    explained = {}  # topic -> dates
    written = {}  # topic -> latest covering update date
    for e in entries:
        if type(e) is Explained:
            explained.setdefault(e.topic, []).append(e)
        elif type(e) is Update:
            for topic in e.covers:
                written[topic] = e.date
    found = []
    for topic in sorted(explained):
        w = written.get(topic)
        open_ = [e for e in explained[topic] if w is None or e.date > w]
        if len(open_) >= 2:
            found.append(Unwritten(topic, len(open_), tuple(e.date for e in open_), w, open_[-1]))
    return tuple(found)


# --- landing (30/60/90) ---------------------------------------------------------------


class Step(NamedTuple):
    name: str  # "sotu" | "align" | "win"
    day: int  # 30 | 60 | 90
    due_on: date  # the role's date + day - 1 (the role's date is day 1)
    done_on: date | None  # the first such entry for the role
    entry: object
    status: str  # "done" | "late" | "open" | "overdue"
    days_left: int  # due_on - as_of (negative once past)


class Landing(NamedTuple):
    role: Role
    start: date  # day 1
    end: date | None  # next main role or leave (excluded); None while held
    day: int  # as_of's day number: as_of - start + 1
    held: bool
    tour_ends_on: date  # day 30
    listens: tuple  # Listen entries of days 1-30 (while the role lasts)
    steps: tuple  # Step for sotu, align, win
    overdue: tuple  # the names of the overdue steps


# step, the entry that does it, the day it is due by
LANDING_STEPS = (("sotu", Sotu, 30), ("align", Align, 60), ("win", Win, 90))


def landing(entries, as_of, role=None):
    """The landing of a main role: `role` is a Role entry or a title (the latest
    main role with that title); default: the main role held on as_of. None when
    there is no such role."""
    entries = upto(entries, as_of)
    stints = _stints(entries, as_of)
    if role is None:
        match = stints[-1:] if _held_on(stints) else []
    elif isinstance(role, str):
        match = [s for s in stints if s.role is not None and s.role.title == role]
    else:
        match = [s for s in stints if s.role == role]
    return _landing(entries, match[-1], as_of) if match else None


def landings(entries, as_of):
    """The landing of every main role, oldest first."""
    entries = upto(entries, as_of)
    return tuple(_landing(entries, s, as_of) for s in _stints(entries, as_of) if s.role)


def _landing(entries, stint, as_of):
    # Entries count for the role from its first day until it ends: the next
    # main role, or a leave (entries in a gap belong to no role).
    start = stint.start
    lo = bisect_left(entries, start, key=_date)
    hi = len(entries) if stint.ongoing else bisect_left(entries, stint.end, key=_date)
    mine = entries[lo:hi]
    tour_ends_on = start + timedelta(days=29)
    steps = []
    for name, cls, day in LANDING_STEPS:
        due_on = start + timedelta(days=day - 1)
        done = next((e for e in mine if type(e) is cls), None)
        if done is not None:
            status = "done" if done.date <= due_on else "late"
        else:
            status = "overdue" if as_of > due_on else "open"
        steps.append(Step(name, day, due_on, done.date if done else None, done, status,
                          (due_on - as_of).days))
    return Landing(
        role=stint.role,
        start=start,
        end=None if stint.ongoing else stint.end,
        day=(as_of - start).days + 1,
        held=stint.ongoing,
        tour_ends_on=tour_ends_on,
        listens=tuple(e for e in mine if type(e) is Listen and e.date <= tour_ends_on),
        steps=tuple(steps),
        overdue=tuple(s.name for s in steps if s.status == "overdue"),
    )


# --- north star and its coverage --------------------------------------------------------


class NorthStarStatus(NamedTuple):
    current: NorthStar | None  # the latest north star
    history: tuple  # every north star, oldest first (the current one last)
    by: date | None  # its horizon
    days_left: int | None  # by - as_of (negative once passed)
    expired: bool  # as_of > by


def north_star(entries, as_of):
    entries = upto(entries, as_of)
    stars = _of(entries, NorthStar)
    if not stars:
        return NorthStarStatus(None, (), None, None, False)
    star = stars[-1]
    return NorthStarStatus(star, tuple(stars), star.by, (star.by - as_of).days, as_of > star.by)


class SkillLevel(NamedTuple):
    skill: str  # the tag, without '#'
    level: str
    date: date
    entry: Skill


class Coverage(NamedTuple):
    north_star: NorthStar | None
    needs: tuple  # the latest north star's needs, in its order
    mastered: tuple  # SkillLevel whose latest level is mastered
    lower: tuple  # SkillLevel whose latest level is below mastered
    missing: tuple  # needed skills with no skill entry


def coverage(entries, as_of):
    """Coverage of the latest north star's needs by each skill's latest level
    (the latest entry wins, even when it records a lower level)."""
    entries = upto(entries, as_of)
    stars = _of(entries, NorthStar)
    if not stars:
        return Coverage(None, (), (), (), ())
    star = stars[-1]
    latest = {}
    for e in entries:
        if type(e) is Skill:
            latest[e.skill] = SkillLevel(e.skill, e.level, e.date, e)
    needs = tuple(dict.fromkeys(star.needs))  # a need written twice counts once
    found = [latest[n] for n in needs if n in latest]
    return Coverage(
        north_star=star,
        needs=needs,
        mastered=tuple(s for s in found if s.level == "mastered"),
        lower=tuple(s for s in found if s.level != "mastered"),
        missing=tuple(n for n in needs if n not in latest),
    )


# --- current role ------------------------------------------------------------------------


class CurrentRole(NamedTuple):
    role: Role
    since: date
    days_in_role: int  # as_of - since
    org: str
    org_since: date  # start of the unbroken run of main roles at this org
    days_at_org: int  # as_of - org_since


def current_role(entries, as_of):
    """The main role held on as_of, or None (no role yet, or after a leave)."""
    entries = upto(entries, as_of)
    stints = _stints(entries, as_of)
    role = _held_on(stints)
    if role is None:
        return None
    # Consecutive main roles at the same org are one tenure; a gap breaks it.
    org_since = role.date
    for s in reversed(stints):
        if s.role is None or s.role.org != role.org:
            break
        org_since = s.start
    return CurrentRole(role, role.date, (as_of - role.date).days, role.org, org_since,
                       (as_of - org_since).days)


# --- organisations and tenures ------------------------------------------------------------


class RoleRecord(NamedTuple):
    role: Role
    org: str
    start: date
    end: date | None  # the next main role or leave (excluded); None while held, and for side roles
    days: int  # start to end, or to as_of
    side: bool
    step: str  # "joined" | "rejoined" | "promotion" | "side"


class Tenure(NamedTuple):
    org: str
    start: date
    end: date | None  # the end of its last role; None while held, and for a side role
    days: int  # start to end, or to as_of
    roles: tuple  # RoleRecord, oldest first
    promotions: int  # roles after the first: consecutive main roles at one organisation
    side: bool  # a side role (each side role is a tenure of its own)


def tenures(entries, as_of):
    """Time at each organisation, grouped by organisation.

    A tenure is an unbroken run of main roles at one organisation (as for
    current_role: a gap or a role elsewhere ends it, side roles do not); its
    first role is `joined` (`rejoined` after an earlier tenure there) and each
    later one a `promotion`. A side role is a tenure of its own, running to
    as_of. Organisations come in the order they first appear, each with its
    tenures oldest first.
    """
    entries = upto(entries, as_of)
    found = []  # (org, [RoleRecord]) per tenure, by start
    seen = set()
    current = None
    for s in _stints(entries, as_of):
        if s.role is None:
            current = None
            continue
        end = None if s.ongoing else s.end
        days = (s.end - s.start).days
        org = s.role.org
        if current is not None and current[0] == org:
            current[1].append(RoleRecord(s.role, org, s.start, end, days, False, "promotion"))
        else:
            step = "rejoined" if org in seen else "joined"
            current = (org, [RoleRecord(s.role, org, s.start, end, days, False, step)])
            found.append(current)
            seen.add(org)
    for e in entries:
        if type(e) is Role and e.side:
            found.append((e.org, [RoleRecord(e, e.org, e.date, None, (as_of - e.date).days, True, "side")]))
    found.sort(key=lambda t: t[1][0].start)  # stable: main roles before side roles of the same day
    order = {}
    for org, _ in found:
        order.setdefault(org, len(order))
    found.sort(key=lambda t: order[t[0]])  # grouped by organisation, first appearance first
    out = []
    for org, records in found:
        first, last = records[0], records[-1]
        out.append(Tenure(
            org=org,
            start=first.start,
            end=last.end,
            days=((last.end or as_of) - first.start).days,
            roles=tuple(records),
            promotions=len(records) - 1,
            side=first.side,
        ))
    return tuple(out)


# --- home ----------------------------------------------------------------------------------


class HomeStatus(NamedTuple):
    last: Home | None  # the latest check-in
    checkins: tuple  # every check-in, oldest first
    days_since: int | None  # as_of - last
    next_due: date | None  # last + home-every: the last day still fresh
    days_left: int | None  # next_due - as_of (negative once stale)
    stale: bool  # as_of > next_due (only once the ledger has a check-in)


def home(entries, options, as_of):
    entries = upto(entries, as_of)
    checkins = _of(entries, Home)
    if not checkins:
        return HomeStatus(None, (), None, None, None, False)
    last = checkins[-1]
    next_due = add(last.date, options.home_every)
    return HomeStatus(last, tuple(checkins), (as_of - last.date).days, next_due, (next_due - as_of).days,
                      as_of > next_due)


# --- north star: working backward --------------------------------------------------------


def levels_to_go(level):
    """How far a skill still is from mastered, in levels: mastered 0, proficient 1,
    practicing 2, novice 3; no entry at all (None) is farthest, 4."""
    return len(LEVELS) if level is None else len(LEVELS) - 1 - LEVELS.index(level)


class Builder(NamedTuple):
    """An entry that built a skill: its #tags name the skill (a skill entry also
    builds its own skill)."""

    kind: str  # "role" | "bet" | "skill"
    name: str  # the role's title, the bet's name, the skill entry's "#skill level"
    date: date
    end: date | None  # a main role's end, a bet's close; None while going on, for side roles, for skills
    entry: object


class Need(NamedTuple):
    skill: str  # the tag, without '#'
    level: str | None  # its latest level; None with no skill entry
    since: date | None  # the date of that latest skill entry
    to_go: int  # levels_to_go(level)
    built_by: tuple  # Builder, oldest first


class Backward(NamedTuple):
    north_star: NorthStar | None  # the current (latest) north star
    needs: tuple  # Need for each of its needs, in its order
    steps: tuple  # the Needs not yet mastered, farthest first (ties keep the north star's order)


def built_by(entries, skill, as_of):
    """The roles, bets and skill entries up to as_of that built `skill`: a role or
    a bet whose #tags include it, a skill entry of that skill or tagged with it."""
    return _builders(upto(entries, as_of), as_of).get(skill, ())


def _builders(entries, as_of):
    """skill -> (Builder, ...) for every tag of a role, bet or skill entry."""
    ends = {s.role: (None if s.ongoing else s.end) for s in _stints(entries, as_of) if s.role}
    closed = {b.entry: b.closed_on for b in _bets(entries, as_of)}
    found = {}
    for e in entries:
        t = type(e)
        if t is Role:
            builder, skills = Builder("role", e.title, e.date, ends.get(e), e), e.tags
        elif t is Bet:
            builder, skills = Builder("bet", e.name, e.date, closed.get(e), e), e.tags
        elif t is Skill:
            builder, skills = Builder("skill", f"#{e.skill} {e.level}", e.date, None, e), {e.skill, *e.tags}
        else:
            continue
        for skill in sorted(skills):
            found.setdefault(skill, []).append(builder)
    return {k: tuple(v) for k, v in found.items()}


def working_backward(entries, as_of):
    """The current north star's needs, each with how far it still is and what built
    it so far; `steps` are the needs not yet mastered, farthest first."""
    entries = upto(entries, as_of)
    cov = coverage(entries, as_of)
    if cov.north_star is None:
        return Backward(None, (), ())
    levels = {s.skill: s for s in cov.mastered + cov.lower}
    builders = _builders(entries, as_of)
    needs = []
    for n in cov.needs:
        s = levels.get(n)
        level = s.level if s else None
        needs.append(Need(n, level, s.date if s else None, levels_to_go(level), builders.get(n, ())))
    steps = sorted((n for n in needs if n.to_go), key=lambda n: -n.to_go)  # stable
    return Backward(cov.north_star, tuple(needs), tuple(steps))


# --- skills and their progression ---------------------------------------------------------

SKILL_STALE = Duration(2, "y")  # a skill below mastered with no progress for longer is stale
_RANK = {level: i for i, level in enumerate(LEVELS)}  # novice 0 … mastered 3


class SkillStep(NamedTuple):
    skill: str  # the tag, without '#'
    date: date
    level: str
    previous: str | None  # the skill's level before this entry; None for its first entry
    change: str  # "new" (its first entry) | "up" | "same" | "down"
    evidence: str | None
    entry: Skill


def skill_steps(entries, as_of, begin=None, end=None):
    """Every skill entry as a SkillStep, oldest first; with begin/end only those
    dated in [begin, end) (their previous level still comes from every earlier entry)."""
    entries = upto(entries, as_of)
    level = {}
    steps = []
    for e in entries:
        if type(e) is Skill:
            prev = level.get(e.skill)
            if prev is None:
                change = "new"
            else:
                d = _RANK[e.level] - _RANK[prev]
                change = "up" if d > 0 else "down" if d < 0 else "same"
            level[e.skill] = e.level
            if (begin is None or e.date >= begin) and (end is None or e.date < end):
                steps.append(SkillStep(e.skill, e.date, e.level, prev, change, e.evidence, e))
    return tuple(steps)


class SkillProgress(NamedTuple):
    skill: str
    steps: tuple  # SkillStep, oldest first
    level: str  # the latest level (a later lower level replaces an earlier one)
    since: date  # the latest entry's date
    first_on: date  # the first entry's date
    novice_on: date | None  # the first `novice` entry
    mastered_on: date | None  # the first `mastered` entry
    novice_to_mastered: int | None  # mastered_on - novice_on, when both exist and novice came first
    last_progress_on: date  # the latest entry that raised the level (the first entry counts)
    stale_after: date | None  # last_progress_on + 2y, the last day not stale; None when mastered
    stale: bool  # below mastered and as_of > stale_after
    needed: bool  # in the latest north star's needs


class Skills(NamedTuple):
    north_star: NorthStar | None  # the latest north star
    skills: tuple  # SkillProgress: the north star's needs in its order, then the others by tag
    needs: tuple  # the latest north star's needs (a repeated tag once)
    not_needed: tuple  # skills with entries that the north star does not need, by tag; () with no north star
    missing: tuple  # needs with no skill entry
    stale: tuple  # the stale SkillProgress, in the order of `skills`


def skills(entries, as_of):
    """Each skill's progression, time from novice to mastered, what the north
    star needs, and the skills with no progress in the last two years."""
    steps = skill_steps(entries, as_of)
    stars = _of(upto(entries, as_of), NorthStar)
    star = stars[-1] if stars else None
    needs = tuple(dict.fromkeys(star.needs)) if star else ()
    by_skill = {}
    for s in steps:
        by_skill.setdefault(s.skill, []).append(s)
    others = sorted(k for k in by_skill if k not in needs)
    order = [n for n in needs if n in by_skill] + others
    found = tuple(_progress(by_skill[k], k in needs, as_of) for k in order)
    return Skills(
        north_star=star,
        skills=found,
        needs=needs,
        not_needed=tuple(others) if star else (),
        missing=tuple(n for n in needs if n not in by_skill),
        stale=tuple(p for p in found if p.stale),
    )


def _progress(steps, needed, as_of):
    first, last = steps[0], steps[-1]
    novice = next((s.date for s in steps if s.level == "novice"), None)
    mastered = next((s.date for s in steps if s.level == "mastered"), None)
    progress_on = [s.date for s in steps if s.change in ("new", "up")][-1]
    stale_after = None if last.level == "mastered" else add(progress_on, SKILL_STALE)
    return SkillProgress(
        skill=first.skill,
        steps=tuple(steps),
        level=last.level,
        since=last.date,
        first_on=first.date,
        novice_on=novice,
        mastered_on=mastered,
        novice_to_mastered=(mastered - novice).days if novice and mastered and novice <= mastered else None,
        last_progress_on=progress_on,
        stale_after=stale_after,
        stale=stale_after is not None and as_of > stale_after,
        needed=needed,
    )


# --- feedback as data -------------------------------------------------------------------------

ACTIONABLE = ("constructive", "critical")  # the tones that call for an `action:`


class ToneCount(NamedTuple):
    label: object  # the source (a from:, None for feedback without one) or the year (int)
    total: int
    positive: int
    constructive: int
    critical: int
    untoned: int  # no tone:
    actionable: int  # constructive + critical
    actioned: int  # ... of which with an action:


class FeedbackStats(NamedTuple):
    items: tuple  # every Feedback, oldest first
    totals: ToneCount  # over all of it (label None)
    actioned_share: float | None  # totals.actioned / totals.actionable; None with nothing actionable
    by_source: tuple  # ToneCount per from:, most first, ties by name, no from: last
    by_year: tuple  # ToneCount per calendar year, from the first feedback's year to as_of's
    actions: tuple  # Feedback with an action: (whatever its tone), oldest first
    unactioned: tuple  # constructive or critical Feedback with no action:, oldest first


def _tones(label, items):
    tones = [f.tone for f in items]
    act = [f for f in items if f.tone in ACTIONABLE]
    return ToneCount(label, len(items), tones.count("positive"), tones.count("constructive"),
                     tones.count("critical"), tones.count(None), len(act), sum(1 for f in act if f.action))


def feedback(entries, as_of):
    """Feedback by source, tone and year, and how much of the constructive and
    critical feedback records an action."""
    items = _of(upto(entries, as_of), Feedback)
    totals = _tones(None, items)
    sources = {}
    for f in items:
        sources.setdefault(f.giver, []).append(f)
    by_source = sorted((_tones(k, v) for k, v in sources.items()),
                       key=lambda t: (t.label is None, -t.total, t.label or ""))
    by_year = ()
    if items:
        by_year = tuple(_tones(y, [f for f in items if f.date.year == y])
                        for y in range(items[0].date.year, as_of.year + 1))
    return FeedbackStats(
        items=tuple(items),
        totals=totals,
        actioned_share=_share(totals.actioned, totals.actionable),
        by_source=tuple(by_source),
        by_year=by_year,
        actions=tuple(f for f in items if f.action),
        unactioned=tuple(f for f in items if f.tone in ACTIONABLE and not f.action),
    )


# --- home: the trend --------------------------------------------------------------------------

HOME_TREND_OVER = 4  # the trend is taken over the last four check-ins


class HomeTrend(NamedTuple):
    checkins: tuple  # the last (up to) four Home check-ins, oldest first
    scores: tuple  # their scores
    slope: float | None  # least-squares slope of score on check-in number, points per check-in
    change: float | None  # slope * (n - 1): the fitted line's rise from the first to the last
    trend: str | None  # "up" (change >= 1) | "down" (change <= -1) | "flat"; None with < 2 check-ins


def home_trend(entries, as_of, over=HOME_TREND_OVER):
    """The direction of the last `over` check-ins: the least-squares line through
    (0, s0), (1, s1), …; up or down when it rises or falls by a whole point or more."""
    checkins = _of(upto(entries, as_of), Home)[-over:]
    ys = [c.score for c in checkins]
    n = len(ys)
    if n < 2:
        return HomeTrend(tuple(checkins), tuple(ys), None, None, None)
    # slope = (n Σxy - Σx Σy) / (n Σx² - (Σx)²), kept in integers to decide the trend exactly
    sx, sxx = n * (n - 1) // 2, sum(i * i for i in range(n))
    sy, sxy = sum(ys), sum(i * y for i, y in enumerate(ys))
    num, den = n * sxy - sx * sy, n * sxx - sx * sx
    rise = (n - 1) * num  # change * den
    trend = "up" if rise >= den else "down" if rise <= -den else "flat"
    return HomeTrend(tuple(checkins), tuple(ys), num / den, rise / den, trend)


# --- landing: the three phases ----------------------------------------------------------------


class LandingPhase(NamedTuple):
    name: str  # "listening tour" | "alignment" | "quick wins"
    first_day: int  # 1 | 31 | 61
    last_day: int  # 30 | 60 | 90
    start: date  # the date of first_day
    last: date  # the date of last_day (included): the day its step is due
    step: Step  # the step due on last_day: sotu | align | win


# phase, its first day, the step that closes it
LANDING_PHASES = (("listening tour", 1, "sotu"), ("alignment", 31, "align"), ("quick wins", 61, "win"))


def landing_phases(land):
    """The three phases of a Landing: days 1-30, 31-60 and 61-90 with their dates and steps."""
    steps = {s.name: s for s in land.steps}
    return tuple(
        LandingPhase(name, first, steps[step].day, land.start + timedelta(days=first - 1),
                     steps[step].due_on, steps[step])
        for name, first, step in LANDING_PHASES
    )


# --- the review packet --------------------------------------------------------------------------


class ContractPeriod(NamedTuple):
    contract: Contract
    period: Period


class Headline(NamedTuple):
    begin: date
    end: date  # excluded
    on: date  # the day the state figures are taken: the period's last day, or as_of when earlier
    updates: int  # updates published in the period
    periods_kept: int  # contract periods ending in the period that were kept
    periods_missed: int  # ... that were missed
    wins: int
    skills_moved: int  # skill entries
    bets_opened: int
    bets_closed: int  # outcomes
    feedback: int  # feedback received
    actionable: int  # ... constructive or critical
    actioned: int  # ... of which with an action:
    days_since_swing: int | None  # days since the last big swing, as of `on`
    needs_mastered: int | None  # the north star's needs mastered as of `on`; None with no north star


class Review(NamedTuple):
    begin: date
    end: date  # excluded
    wins: tuple  # Win entries in the period
    updates: tuple  # Update entries
    skills: tuple  # SkillStep
    bets_opened: tuple  # BetRecord of the bets opened in the period (closed later or not, as of as_of)
    bets_closed: tuple  # BetRecord of the bets closed in the period
    feedback: tuple  # Feedback entries
    contract_periods: tuple  # ContractPeriod: each whole contract period whose last day is in the period
    headline: Headline
    previous: Headline  # the same figures for the previous period of the same length


def previous_period(begin, end):
    """The period of the same length before [begin, end): the previous ISO week,
    month, quarter or year when the span is exactly one, else as many days before."""
    unit = calendar_unit(begin, end)
    if unit:
        return unit_span(begin - timedelta(days=1), unit)
    return begin - (end - begin), begin


def _in(entries, begin, end):
    return entries[bisect_left(entries, begin, key=_date): bisect_left(entries, end, key=_date)]


def _contract_periods(cadences, begin, end):
    # a contract period belongs to the review period holding its last day
    return tuple(ContractPeriod(c.contract, p) for c in cadences for p in c.periods
                 if begin < p.end <= end)


def _headline(entries, options, as_of, begin, end, cadences, bets):
    mine = _in(entries, begin, end)
    fb = [e for e in mine if type(e) is Feedback]
    act = [f for f in fb if f.tone in ACTIONABLE]
    periods = _contract_periods(cadences, begin, end)
    on = min(end - timedelta(days=1), as_of)
    cov = coverage(entries, on)
    return Headline(
        begin=begin,
        end=end,
        on=on,
        updates=sum(1 for e in mine if type(e) is Update),
        periods_kept=sum(1 for c in periods if c.period.kept),
        periods_missed=sum(1 for c in periods if not c.period.kept),
        wins=sum(1 for e in mine if type(e) is Win),
        skills_moved=sum(1 for e in mine if type(e) is Skill),
        bets_opened=sum(1 for b in bets if begin <= b.date < end),
        bets_closed=sum(1 for b in bets if b.closed_on is not None and begin <= b.closed_on < end),
        feedback=len(fb),
        actionable=len(act),
        actioned=sum(1 for f in act if f.action),
        days_since_swing=swings(entries, options, on).days_since,
        needs_mastered=len(cov.mastered) if cov.north_star else None,
    )


def review(entries, options, as_of, begin, end):
    """What happened in [begin, end), for a review packet, with the headline
    figures of the period and of the previous period of the same length."""
    entries = upto(entries, as_of)
    cadences = cadence(entries, as_of)
    bets = _bets(entries, as_of)
    mine = _in(entries, begin, end)
    prev_begin, prev_end = previous_period(begin, end)
    return Review(
        begin=begin,
        end=end,
        wins=tuple(e for e in mine if type(e) is Win),
        updates=tuple(e for e in mine if type(e) is Update),
        skills=skill_steps(entries, as_of, begin, end),
        bets_opened=tuple(b for b in bets if begin <= b.date < end),
        bets_closed=tuple(sorted((b for b in bets if b.closed_on is not None and begin <= b.closed_on < end),
                                 key=lambda b: b.closed_on)),
        feedback=tuple(e for e in mine if type(e) is Feedback),
        contract_periods=_contract_periods(cadences, begin, end),
        headline=_headline(entries, options, as_of, begin, end, cadences, bets),
        previous=_headline(entries, options, as_of, prev_begin, prev_end, cadences, bets),
    )
