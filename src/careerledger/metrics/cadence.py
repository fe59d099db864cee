"""Marketing cadence: each update contract period by period, updates per
month, and the topics explained twice and not written up."""

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

from ..core.dates import add, period_label, shift, unit_span
from ..core.entries import Contract, Duration, Explained, Update
from ..core.links import links
from .timeline import Entries, upto, within


def period_start(day: date, every: str) -> date:
    """The first day of the calendar period (ISO week, month, quarter) holding `day`."""
    return unit_span(day, every)[0]


def next_period(start: date, every: str) -> date:
    """The first day of the period after the one holding `start`."""
    return unit_span(start, every)[1]


class Period(NamedTuple):
    start: date
    end: date  # excluded: the first day of the next period
    label: str
    updates: int  # updates published in the period
    kept: bool  # updates >= the contract's count


class ContractCadence(NamedTuple):
    contract: Contract
    every: str
    required: int  # the contract's count per period
    periods: tuple[Period, ...]  # whole periods only, oldest first
    kept: int
    missed: int
    current_run: int  # kept periods counting back from the latest whole period
    latest: Period | None  # the latest whole period (None when none is over yet)
    last_missed: Period | None
    live: bool  # no last day, or last day >= as_of
    last_day: date | None  # until:, or the last day of its in: role once that ended, whichever is first


def cadence(entries: Entries, as_of: date) -> tuple[ContractCadence, ...]:
    """One ContractCadence per contract, in ledger order."""
    entries = upto(entries, as_of)
    served = _Served(entries)
    return tuple(_contract(c, served.updates(c), served.last_day(c), as_of) for c in entries if type(c) is Contract)


class _Served:
    """Which updates count for a contract, and its last day.

    An update with `for:` counts only for the contracts of that commitment;
    one without counts for every contract. A contract `in:` a role ends with
    that role: its last day is the role's last day (the day before the next
    main role or the leave), unless its `until:` comes first."""

    def __init__(self, entries: Entries):
        self.every: list[date] = []  # updates without for:, sorted (entries are)
        self.only: dict[str, list[date]] = {}  # commitment -> the updates for: it
        for e in entries:
            if type(e) is Update:
                if e.contract is None:
                    self.every.append(e.date)
                else:
                    self.only.setdefault(e.contract, []).append(e.date)
        self.merged: dict[str, list[date]] = {}
        found = links(entries)
        self.belongs, self.ended = found.belongs, found.ended

    def updates(self, c: Contract) -> list[date]:
        only = self.only.get(c.text)
        if not only:
            return self.every
        merged = self.merged.get(c.text)
        if merged is None:  # once per commitment: contracts may share one
            merged = self.merged[c.text] = sorted(self.every + only)
        return merged

    def last_day(self, c: Contract) -> date | None:
        role = self.belongs.get(c)
        end = self.ended.get(role) if role is not None else None
        if end is None:
            return c.until
        last = shift(end, -1)
        return last if c.until is None else min(c.until, last)


def _counts(days: Sequence[date], start: date, stop: date, every: str) -> Iterator[tuple[date, date, str, int]]:
    """(start, end, label, how many of the sorted `days` fall in it) for each
    calendar period from the one starting on `start` up to `stop` (excluded)."""
    while start < stop:
        end = next_period(start, every)
        yield start, end, period_label(start, every), bisect_left(days, end) - bisect_left(days, start)
        start = end


def _stop(c: Contract, last_day: date | None, as_of: date) -> date:
    """The first day after the contract's last whole period: as_of's own period
    is not whole yet, and the period holding its last day is the contract's last."""
    stop = period_start(as_of, c.every)
    if last_day is not None:
        stop = min(stop, next_period(period_start(last_day, c.every), c.every))
    return stop


class Latest(NamedTuple):
    contract: Contract
    every: str
    required: int
    latest: Period | None  # the latest whole period (None when none is over yet)
    live: bool
    last_day: date | None


def latest_periods(entries: Entries, as_of: date) -> tuple[Latest, ...]:
    """Each contract's latest whole period only, in ledger order: what the
    cadence-missed warning needs, at a cost that does not grow with the
    number of periods since the contract began."""
    entries = upto(entries, as_of)
    served = _Served(entries)
    found = []
    for c in entries:
        if not isinstance(c, Contract):
            continue
        last_day = served.last_day(c)
        stop = _stop(c, last_day, as_of)
        latest = None
        if period_start(c.date, c.every) < stop:
            updates = served.updates(c)
            start = unit_span(shift(stop, -1), c.every)[0]
            n = bisect_left(updates, stop) - bisect_left(updates, start)
            latest = Period(start, stop, period_label(start, c.every), n, n >= c.times)
        found.append(Latest(c, c.every, c.times, latest, last_day is None or last_day >= as_of, last_day))
    return tuple(found)


def _contract(c: Contract, updates: Sequence[date], last_day: date | None, as_of: date) -> ContractCadence:
    stop = _stop(c, last_day, as_of)
    periods = [
        Period(start, end, label, n, n >= c.times)
        for start, end, label, n in _counts(updates, period_start(c.date, c.every), stop, c.every)
    ]
    return _tally(c, periods, last_day, as_of)


def ends_in(p: Period, begin: date | None, end: date | None) -> bool:
    """Whether the period's last day is in [begin, end): a period belongs to the
    window holding its last day, so that windows side by side share none."""
    return (begin is None or p.end > begin) and (end is None or p.end <= end)


def counted_in(cc: ContractCadence, begin: date | None, end: date | None, as_of: date) -> ContractCadence:
    """The contract counted inside [begin, end) (None unbounded): only its
    periods that end in the window, and kept, missed, the current run (back
    from the latest of them), latest and last missed over those alone. `live`
    and `last_day` are still the state on as_of."""
    inside = [p for p in cc.periods if ends_in(p, begin, end)]
    return _tally(cc.contract, inside, cc.last_day, as_of)


def _tally(c: Contract, periods: Sequence[Period], last_day: date | None, as_of: date) -> ContractCadence:
    run = 0
    for p in reversed(periods):
        if not p.kept:
            break
        run += 1
    missed = [p for p in periods if not p.kept]
    return ContractCadence(
        contract=c,
        every=c.every,
        required=c.times,
        periods=tuple(periods),
        kept=len(periods) - len(missed),
        missed=len(missed),
        current_run=run,
        latest=periods[-1] if periods else None,
        last_missed=missed[-1] if missed else None,
        live=last_day is None or last_day >= as_of,
        last_day=last_day,
    )


class MonthCount(NamedTuple):
    start: date
    end: date  # excluded
    label: str  # 2024-03
    updates: int


class UpdatesPerMonth(NamedTuple):
    months: tuple[MonthCount, ...]  # the 12 whole months before as_of's month, oldest first
    total: int
    average: float  # total / 12
    start: date  # the first of those months (fewer near year 1)
    end: date  # as_of's month, excluded


def updates_per_month(entries: Entries, as_of: date) -> UpdatesPerMonth:
    """Updates per calendar month over the 12 whole months before as_of's month
    (as_of's own month is not over yet, as for contracts)."""
    end = period_start(as_of, "month")
    start = add(end, Duration(1, "y"), -1)
    months = month_counts(entries, as_of, start, end)
    total = sum(m.updates for m in months)
    return UpdatesPerMonth(months, total, total / 12, start, end)


def month_counts(entries: Entries, as_of: date, begin: date | None = None,
                 end: date | None = None) -> tuple[MonthCount, ...]:
    """Updates in each whole calendar month that overlaps [begin, end), oldest first.

    Only whole months are listed: the last is the one before as_of's month.
    Only the updates dated in [begin, end) count, so a month the window cuts
    counts its part inside the window. `begin` None starts at the month of the
    ledger's first entry; `end` None runs up to as_of's month.
    """
    entries = upto(entries, as_of)
    updates = [e.date for e in entries if type(e) is Update and within(e.date, begin, end)]
    stop = period_start(as_of, "month")
    if end is not None:
        # the month holding end's last day (end is excluded) is the last one
        stop = min(stop, next_period(period_start(shift(end, -1), "month"), "month"))
    if begin is None:
        begin = entries[0].date if entries else stop
    return tuple(MonthCount(*c) for c in _counts(updates, period_start(begin, "month"), stop, "month"))




class Unwritten(NamedTuple):
    topic: str  # the tag, without '#'
    times: int  # explanations with no update covering the topic on or after them
    explained_on: tuple[date, ...]  # their dates, oldest first
    written_on: date | None  # the latest update covering the topic, if any
    last: Explained  # the latest explanation (where a warning points)


def unwritten(entries: Entries, as_of: date) -> tuple[Unwritten, ...]:
    """Topics explained twice or more with no later update that covers them.

    "Later" is read per explanation: an explanation is answered by an update
    covering its topic dated on or after it. A topic is unwritten when two or
    more of its explanations are unanswered, i.e. it was explained twice or
    more since the latest update covering it (or ever, with none).
    Sorted by topic.
    """
    entries = upto(entries, as_of)
    explained: dict[str, list[Explained]] = {}  # topic -> its explanations
    written: dict[str, date] = {}  # topic -> latest covering update date
    for e in entries:
        if type(e) is Explained:
            explained.setdefault(e.topic, []).append(e)
        elif type(e) is Update:
            for topic in e.covers:
                written[topic] = e.date
    found: list[Unwritten] = []
    for topic in sorted(explained):
        w = written.get(topic)
        open_ = [e for e in explained[topic] if w is None or e.date > w]
        if len(open_) >= 2:
            found.append(Unwritten(topic, len(open_), tuple(e.date for e in open_), w, open_[-1]))
    return tuple(found)
