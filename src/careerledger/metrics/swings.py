"""Big swings and the innovation portfolio: every big bet and innovation
role, when the next swing is due, and the record of the bets."""

import datetime as dt
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from ..core.dates import add
from ..core.entries import Bet, Duration, Outcome, Role
from ..core.links import links
from ..core.options import DEFAULTS, Options
from .timeline import Breakdown, Entries, breakdown, first_role, share, side_end, stints, upto

ESTABLISHED_AFTER = Duration(4, "y")  # default `established`: first main role + 4y
SUCCESS_BASELINE = 0.5  # the framework's baseline success rate of closed bets


def established_on(entries: Entries, options: Options) -> date | None:
    """The day from which big swings are expected: option `established`, else the
    first main role's date + 4 years; None when there is no main role."""
    if options.established is not None:
        return options.established
    first = first_role(entries)
    return add(first.date, ESTABLISHED_AFTER) if first else None


class Swing(NamedTuple):
    date: date
    kind: str  # "bet" | "role"
    name: str  # the bet's name or the role's title
    entry: Bet | Role


class BetRecord(NamedTuple):
    name: str
    date: date
    size: str  # "big" | "small"
    entry: Bet
    outcome: Outcome | None  # None while open
    result: str | None  # success | failure | pivot | stopped
    story: str | None
    lesson: str | None
    closed_on: dt.date | None  # dt.date: `date` is a field of this class
    days: int  # open to close, or open to as_of while open
    open: bool


class InnovationRole(NamedTuple):
    role: Role
    start: date
    end: date | None  # next main role or leave; None while held, and for side roles
    days: int  # start to end, or to as_of
    side: bool


class Swings(NamedTuple):
    swings: tuple[Swing, ...]  # oldest first
    last: date | None  # date of the latest big swing
    days_since: int | None  # as_of - last
    since: Breakdown | None  # the same span in years/months/days
    measured_from: date | None  # last, or the first main role's date when no swing yet
    due_on: date | None  # measured_from + swing-every: the last day still on time
    established: date | None
    due: bool  # as_of > due_on and as_of >= established
    overdue_days: int | None  # as_of - due_on, when due
    due_in_days: int | None  # due_on - as_of, when as_of <= due_on (0 on the day itself)
    intervals: tuple[int, ...]  # days between consecutive big swings
    bets: tuple[BetRecord, ...]  # every bet (big and small), oldest first
    open_bets: tuple[BetRecord, ...]  # the bets still open
    closed: int  # bets closed by an outcome
    successes: int  # ... of which with result `success`
    success_rate: float | None  # successes / closed; None when nothing is closed
    innovation_roles: tuple[InnovationRole, ...]
    core_days: int  # days in main roles with track core, first main role to as_of
    innovation_days: int  # days in main roles with track innovation
    core_share: float | None  # core_days / (core_days + innovation_days); None when both are 0
    innovation_share: float | None  # innovation_days / (core_days + innovation_days)
    vs_baseline: str | None  # success_rate against SUCCESS_BASELINE: above | at | below


def swings(entries: Entries, as_of: date, options: Options = DEFAULTS) -> Swings:
    entries = upto(entries, as_of)
    spans = stints(entries, as_of)

    found: list[Swing] = []
    for e in entries:
        if type(e) is Bet and e.size == "big":
            found.append(Swing(e.date, "bet", e.name, e))
        elif type(e) is Role and e.track == "innovation":
            # side roles too: the brief makes every innovation role a big swing
            found.append(Swing(e.date, "role", e.title, e))

    last = found[-1].date if found else None
    # With no swing yet the clock starts at the first main role: a career owes
    # its first swing swing-every after it began (and not before `established`).
    measured_from = last if last is not None else (spans[0].start if spans else None)
    established = established_on(entries, options)
    due_on = add(measured_from, options.swing_every) if measured_from else None
    due = (
        due_on is not None and as_of > due_on
        and established is not None and as_of >= established
    )

    bets = bet_records(entries, as_of)
    closed = [b for b in bets if not b.open]
    successes = sum(1 for b in closed if b.result == "success")

    innovation: list[InnovationRole] = []
    for s in spans:
        if s.role is not None and s.role.track == "innovation":
            end = None if s.ongoing else s.end
            innovation.append(InnovationRole(s.role, s.start, end, s.days, False))
    for e in entries:
        if type(e) is Role and e.side and e.track == "innovation":
            # a side role runs until its leave, or to as_of
            end = side_end(entries, e)
            innovation.append(InnovationRole(e, e.date, end, ((end or as_of) - e.date).days, True))
    innovation.sort(key=lambda r: r.start)

    core_days = sum(s.days for s in spans if s.role and s.role.track == "core")
    innovation_days = sum(s.days for s in spans if s.role and s.role.track == "innovation")

    return Swings(
        swings=tuple(found),
        last=last,
        days_since=(as_of - last).days if last else None,
        since=breakdown(last, as_of) if last else None,
        measured_from=measured_from,
        due_on=due_on,
        established=established,
        due=due,
        overdue_days=(as_of - due_on).days if due and due_on is not None else None,  # due implies a due_on
        due_in_days=(due_on - as_of).days if due_on and as_of <= due_on else None,
        intervals=tuple((b.date - a.date).days for a, b in pairwise(found)),
        bets=tuple(bets),
        open_bets=tuple(b for b in bets if b.open),
        closed=len(closed),
        successes=successes,
        success_rate=share(successes, len(closed)),
        innovation_roles=tuple(innovation),
        core_days=core_days,
        innovation_days=innovation_days,
        core_share=share(core_days, core_days + innovation_days),
        innovation_share=share(innovation_days, core_days + innovation_days),
        vs_baseline=against_baseline(share(successes, len(closed))),
    )


def against_baseline(rate: float | None, baseline: float = SUCCESS_BASELINE) -> str | None:
    """`above`, `at` or `below` the baseline success rate; None when there is no rate."""
    if rate is None:
        return None
    return "above" if rate > baseline else "below" if rate < baseline else "at"


def bet_records(entries: Entries, as_of: date) -> list[BetRecord]:
    """Every bet with its outcome: an outcome closes the open bet of its name
    (core/links.py; validate reports what closes nothing)."""
    closed_by = {bet: outcome for outcome, bet in links(entries).closes.items()}
    records: list[BetRecord] = []
    for e in entries:
        if type(e) is not Bet:
            continue
        o = closed_by.get(e)
        if o is None:
            records.append(BetRecord(e.name, e.date, e.size, e, None, None, None, None, None,
                                     (as_of - e.date).days, True))
        else:
            records.append(BetRecord(e.name, e.date, e.size, e, o, o.result, o.story, o.lesson, o.date,
                                     (o.date - e.date).days, False))
    return records
