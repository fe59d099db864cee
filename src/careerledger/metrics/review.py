"""The review packet: what happened in a period, with the headline figures
of the period and of the one before it."""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..core.dates import Span, calendar_unit, shift, unit_span
from ..core.entries import Contract, Feedback, Skill, Update, Win
from ..core.options import DEFAULTS, Options
from ..core.schema import ACTIONABLE_TONES
from .cadence import ContractCadence, Period, cadence
from .northstar import coverage
from .skills import SkillStep, skill_steps
from .swings import BetRecord, bet_records, swings
from .timeline import Entries, between, upto, within


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
    wins: tuple[Win, ...]  # in the period
    updates: tuple[Update, ...]
    skills: tuple[SkillStep, ...]
    bets_opened: tuple[BetRecord, ...]  # the bets opened in the period (closed later or not, as of as_of)
    bets_closed: tuple[BetRecord, ...]  # the bets closed in the period
    feedback: tuple[Feedback, ...]
    contract_periods: tuple[ContractPeriod, ...]  # each whole contract period whose last day is in the period
    headline: Headline
    previous: Headline  # the same figures for the previous period of the same length


def previous_period(begin: date, end: date) -> Span:
    """The period of the same length before [begin, end): the previous ISO week,
    month, quarter or year when the span is exactly one, else as many days before."""
    unit = calendar_unit(begin, end)
    if unit:
        return unit_span(shift(begin, -1), unit)
    return shift(begin, -(end - begin).days), begin



def _contract_periods(cadences: Sequence[ContractCadence], begin: date, end: date) -> tuple[ContractPeriod, ...]:
    # a contract period belongs to the review period holding its last day
    return tuple(ContractPeriod(c.contract, p) for c in cadences for p in c.periods
                 if begin < p.end <= end)


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
    return Review(
        begin=begin,
        end=end,
        wins=tuple(e for e in mine if type(e) is Win),
        updates=tuple(e for e in mine if type(e) is Update),
        skills=skill_steps(entries, as_of, begin, end),
        bets_opened=tuple(b for b in bets if within(b.date, begin, end)),
        bets_closed=tuple(sorted((b for b in bets if b.closed_on is not None and within(b.closed_on, begin, end)),
                                 key=_closed_on)),
        feedback=tuple(e for e in mine if type(e) is Feedback),
        contract_periods=_contract_periods(cadences, begin, end),
        headline=_headline(entries, as_of, options, begin, end, cadences, bets),
        previous=_headline(entries, as_of, options, prev_begin, prev_end, cadences, bets),
    )
