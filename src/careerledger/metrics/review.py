"""The review packet: what happened in a period, with the headline figures
of the period and of the one before it; which update told each win; and what
comes next (the bets still open, the contracts' next periods).

Which figures the packet compares, and for whom, is decided here
(`changes`, SELF_MANAGEMENT); docs/metrics.md, "The review packet", states
each rule with an example."""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..core.dates import Span, calendar_unit, period_label, shift, unit_span
from ..core.entries import Contract, Feedback, Skill, Update, Win
from ..core.options import DEFAULTS, Options
from ..core.schema import ACTIONABLE_TONES
from .cadence import ContractCadence, Period, cadence, ends_in, next_period, period_start
from .northstar import coverage
from .skills import SkillStep, skill_steps
from .swings import BetRecord, bet_records, swings
from .timeline import Entries, between, upto, within

AUDIENCES = ("manager", "me")  # who the packet is for: --for manager (the default) or --for me
# the headline figures that are for the person, not the manager (--for me only)
SELF_MANAGEMENT = ("days_since_swing", "needs_mastered")
# counts compared with the previous period only over this many days or more (a calendar quarter or longer)
COMPARE_DAYS = 90
CADENCE = ("periods_kept", "periods_missed")  # compared whatever the period's length
COUNTS = ("updates", "wins", "skills_moved", "bets_opened", "bets_closed", "feedback", "actionable", "actioned")


class ContractPeriod(NamedTuple):
    contract: Contract
    period: Period


class WinStory(NamedTuple):
    """A win of the period, and the updates of the period that told it."""

    win: Win
    told_in: tuple[Update, ...]  # dated on or after the win, in the period, covering one of its #tags


class Commitment(NamedTuple):
    """What a contract asks for in the next period: its periods whose last day is in it."""

    contract: Contract
    periods: tuple[tuple[date, date, str], ...]  # (start, end excluded, label) of each
    updates: int  # updates required in all: count × periods
    by: date  # the last day of the last of them


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
    wins: tuple[Win, ...]  # in the period
    updates: tuple[Update, ...]
    skills: tuple[SkillStep, ...]
    bets_opened: tuple[BetRecord, ...]  # the bets opened in the period (closed later or not, as of as_of)
    bets_closed: tuple[BetRecord, ...]  # the bets closed in the period
    feedback: tuple[Feedback, ...]
    contract_periods: tuple[ContractPeriod, ...]  # each whole contract period whose last day is in the period
    headline: Headline
    previous: Headline  # the same figures for the previous period of the same length
    stories: tuple[WinStory, ...]  # each win with the updates that told it
    untold: tuple[Win, ...]  # the wins no update of the period told
    next_begin: date  # the next period of the same length
    next_end: date  # excluded
    open_bets: tuple[BetRecord, ...]  # the bets open at the period's end (headline.on)
    commitments: tuple[Commitment, ...]  # each contract's periods ending in the next period, as of headline.on


def previous_period(begin: date, end: date) -> Span:
    """The period of the same length before [begin, end): the previous ISO week,
    month, quarter or year when the span is exactly one, else as many days before."""
    unit = calendar_unit(begin, end)
    if unit:
        return unit_span(shift(begin, -1), unit)
    return shift(begin, -(end - begin).days), begin



def next_period_of(begin: date, end: date) -> Span:
    """The period of the same length after [begin, end): the next ISO week,
    month, quarter or year when the span is exactly one, else as many days after."""
    unit = calendar_unit(begin, end)
    if unit:
        return unit_span(end, unit)
    return end, shift(end, (end - begin).days)


def compared(field: str, begin: date, end: date) -> bool:
    """Whether the packet shows the change of a headline figure against the
    previous period: the contract periods kept and missed always (`changes`
    also wants some to have ended in both periods); the counts of
    what happened (updates, wins, skills, bets, feedback) only over a period of
    COMPARE_DAYS days or more, as a quarter or a year (a month with no win is no
    decline); the days since the last big swing never (they grow with the
    calendar); the needs mastered always (a state)."""
    if field in CADENCE or field == "needs_mastered":
        return True
    if field in COUNTS:
        return (end - begin).days >= COMPARE_DAYS
    return False


def _due(h: Headline) -> bool:
    """Whether any contract period ended in the headline's period."""
    return h.periods_kept + h.periods_missed > 0


def changes(rv: "Review") -> dict[str, int | None]:
    """Each headline figure's change against the previous period (this − previous),
    None where the packet does not compare it (`compared`), where a figure is
    None, and for the contract periods unless some ended in both periods (a
    month when no quarterly letter was due kept nothing, and missed nothing)."""
    out: dict[str, int | None] = {}
    both_due = _due(rv.headline) and _due(rv.previous)
    for field in (*CADENCE, *COUNTS, *SELF_MANAGEMENT):
        this, prev = getattr(rv.headline, field), getattr(rv.previous, field)
        ok = compared(field, rv.begin, rv.end) and this is not None and prev is not None
        out[field] = this - prev if ok and (field not in CADENCE or both_due) else None
    return out


def _stories(wins: Sequence[Win], updates: Sequence[Update]) -> tuple[WinStory, ...]:
    return tuple(WinStory(w, tuple(u for u in updates if u.date >= w.date and w.tags & set(u.covers)))
                 for w in wins)


def _commitments(cadences: Sequence[ContractCadence], begin: date, end: date) -> tuple[Commitment, ...]:
    """Each contract's periods whose last day falls in [begin, end): the contract
    period belongs to the review period holding its last day, as for the
    packet's own contract periods. A contract's periods run from the one
    holding its date up to the one holding its last day."""
    found = []
    for c in cadences:
        first = period_start(c.contract.date, c.every)
        start = max(first, period_start(begin, c.every))
        periods = []
        while start < end:
            stop = next_period(start, c.every)
            if c.last_day is not None and start > c.last_day:
                break
            if begin < stop <= end:
                periods.append((start, stop, period_label(start, c.every)))
            if stop <= start:  # the calendar's end
                break
            start = stop
        if periods:
            found.append(Commitment(c.contract, tuple(periods), c.required * len(periods), shift(periods[-1][1], -1)))
    return tuple(found)


def _contract_periods(cadences: Sequence[ContractCadence], begin: date, end: date) -> tuple[ContractPeriod, ...]:
    # a contract period belongs to the review period holding its last day, as to any window
    return tuple(ContractPeriod(c.contract, p) for c in cadences for p in c.periods if ends_in(p, begin, end))


def _headline(entries: Entries, as_of: date, options: Options, begin: date, end: date,
              cadences: Sequence[ContractCadence], bets: Sequence[BetRecord]) -> Headline:
    mine = between(entries, begin, end)
    fb = [e for e in mine if type(e) is Feedback]
    act = [f for f in fb if f.tone in ACTIONABLE_TONES]
    periods = _contract_periods(cadences, begin, end)
    on = min(shift(end, -1), as_of)
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
        bets_opened=sum(1 for b in bets if within(b.date, begin, end)),
        bets_closed=sum(1 for b in bets if b.closed_on is not None and within(b.closed_on, begin, end)),
        feedback=len(fb),
        actionable=len(act),
        actioned=sum(1 for f in act if f.action),
        days_since_swing=swings(entries, on, options).days_since,
        needs_mastered=len(cov.mastered) if cov.north_star else None,
    )


def _closed_on(bet: BetRecord) -> date:
    assert bet.closed_on is not None  # only closed bets are sorted by it
    return bet.closed_on


def review(entries: Entries, as_of: date, begin: date, end: date, options: Options = DEFAULTS) -> Review:
    """What happened in [begin, end), for a review packet, with the headline
    figures of the period and of the previous period of the same length."""
    entries = upto(entries, as_of)
    cadences = cadence(entries, as_of)
    bets = bet_records(entries, as_of)
    mine = between(entries, begin, end)
    prev_begin, prev_end = previous_period(begin, end)
    next_begin, next_end = next_period_of(begin, end)
    headline = _headline(entries, as_of, options, begin, end, cadences, bets)
    wins = tuple(e for e in mine if type(e) is Win)
    updates = tuple(e for e in mine if type(e) is Update)
    stories = _stories(wins, updates)
    then = upto(entries, headline.on)  # what comes next, as the period ended
    return Review(
        begin=begin,
        end=end,
        wins=wins,
        updates=updates,
        skills=skill_steps(entries, as_of, begin, end),
        bets_opened=tuple(b for b in bets if within(b.date, begin, end)),
        bets_closed=tuple(sorted((b for b in bets if b.closed_on is not None and within(b.closed_on, begin, end)),
                                 key=_closed_on)),
        feedback=tuple(e for e in mine if type(e) is Feedback),
        contract_periods=_contract_periods(cadences, begin, end),
        headline=headline,
        previous=_headline(entries, as_of, options, prev_begin, prev_end, cadences, bets),
        stories=stories,
        untold=tuple(s.win for s in stories if not s.told_in),
        next_begin=next_begin,
        next_end=next_end,
        open_bets=tuple(b for b in bet_records(then, headline.on) if b.open),
        commitments=_commitments(cadence(then, headline.on), next_begin, next_end),
    )
