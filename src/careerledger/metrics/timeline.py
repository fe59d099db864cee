"""The career as a timeline: entries up to a day, the stretches of main roles
and gaps, spans as years, months and days, and shares."""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..core.dates import add_months
from ..core.entries import Entry, Leave, Role
from ..core.links import links

if TYPE_CHECKING:
    from fractions import Fraction  # percent() is also given one; fractions imports decimal

E = TypeVar("E", bound=Entry)
Entries = Sequence[Entry]


def _date(entry: Entry) -> date:
    return entry.date


# One-slot memos: a report asks for the entries up to as_of and the stints of
# the same ledger several times (the summary about five). The entries are
# immutable tuples, held here so that an identity check is safe.
_upto_memo: tuple[object, date, Entries] | None = None
_stints_memo: tuple[object, date, tuple["Stint", ...]] | None = None


def upto(entries: Entries, as_of: date) -> Entries:
    """The entries dated on or before `as_of` (entries are sorted by date)."""
    global _upto_memo
    memo = _upto_memo
    if memo is not None and memo[0] is entries and memo[1] == as_of:
        return memo[2]
    cut = entries[: bisect_right(entries, as_of, key=_date)]
    if type(entries) is tuple:  # a list could change under the memo
        _upto_memo = (entries, as_of, cut)
    return cut


def between(entries: Entries, begin: date, end: date) -> Entries:
    """The entries dated in [begin, end)."""
    return entries[bisect_left(entries, begin, key=_date): bisect_left(entries, end, key=_date)]


def within(day: date, begin: date | None, end: date | None) -> bool:
    """Whether `day` is in [begin, end); None is unbounded."""
    return (begin is None or day >= begin) and (end is None or day < end)


def of(entries: Entries, cls: type[E]) -> list[E]:
    """The entries of one kind, in order."""
    return [e for e in entries if type(e) is cls]


def latest(entries: Entries, cls: type[E]) -> E | None:
    """The last entry of one kind (the current north star, the last check-in…)."""
    for e in reversed(entries):
        if type(e) is cls:
            return e
    return None


def share(part: int, whole: int) -> float | None:
    """part / whole; None when whole is 0."""
    return part / whole if whole else None


def percent(part: "int | Fraction", whole: int) -> str:
    """part / whole as a whole percentage rounded down, so that a share shown as
    59% is below 60% (`1096 / 1827` is 59%, not 60%)."""
    return f"{int(100 * part // whole)}%"


class Stint(NamedTuple):
    """A stretch of the career: one main role held, or a gap (role None)."""

    role: Role | None
    start: date
    end: date  # excluded; as_of for the stretch still going on
    ongoing: bool
    opened_by: Role | Leave  # the Role, or the Leave that opened a gap

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def stints(entries: Entries, as_of: date) -> tuple[Stint, ...]:
    """Main roles and gaps from the first main role up to as_of, in order.

    A main role ends where the next main role or its `leave` starts; a leave
    opens a gap that lasts until the next main role. Side roles (and the
    leaves that end them, core/links.py) play no part.
    `entries` must already be cut at as_of. Stints can be zero days long (two
    roles on one day; a role starting on as_of).
    """
    global _stints_memo
    memo = _stints_memo
    if memo is not None and memo[0] is entries and memo[1] == as_of:
        return memo[2]
    found: list[Stint] = []
    role: Role | None = None  # the main role held, None in a gap
    start: date | None = None  # None before the first main role
    opened_by: Role | Leave | None = None
    ends = links(entries).ends
    for e in entries:
        # One type() per entry, and the isinstance asserts (for mypy) only on
        # the few roles and leaves: this loop runs over every entry.
        t = type(e)
        if t is Role:
            assert isinstance(e, Role)
            if e.side:
                continue
            if start is not None and opened_by is not None:
                found.append(Stint(role, start, e.date, False, opened_by))
            role, start, opened_by = e, e.date, e
        elif t is Leave and role is not None and start is not None and opened_by is not None:
            assert isinstance(e, Leave)
            # core/links.py says which role a leave ends: a side role's leave
            # leaves the main role held.
            if ends.get(e) is not role:
                continue
            found.append(Stint(role, start, e.date, False, opened_by))
            role, start, opened_by = None, e.date, e
    if start is not None and opened_by is not None:
        found.append(Stint(role, start, as_of, True, opened_by))
    result = tuple(found)
    if type(entries) is tuple:
        _stints_memo = (entries, as_of, result)
    return result


def held_on(found: Sequence[Stint]) -> Role | None:
    """The main role held on as_of (None in a gap or before any role)."""
    return found[-1].role if found else None


def first_role(entries: Entries) -> Role | None:
    """The first main role (side roles do not start a career), or None."""
    return next((e for e in entries if type(e) is Role and e.is_main), None)


class Breakdown(NamedTuple):
    """A span as whole years, months and days (calendar arithmetic)."""

    years: int
    months: int
    days: int

    def __str__(self) -> str:
        """`2y 3m 4d`, leaving out zero parts (`1y 5d`); `0d` for no time at all."""
        return " ".join(f"{n}{unit}" for n, unit in zip(self, "ymd", strict=True) if n) or "0d"


def breakdown(start: date, end: date) -> Breakdown:
    """end - start in years, months and days, as dateutil's relativedelta(end,
    start) counts them (tests/test_metrics_timeline.py holds the two together):
    whole months first, added as core.dates.add adds them (2024-02-29 to
    2025-02-28 is exactly one year), then the days left."""
    months = (end.year - start.year) * 12 + end.month - start.month
    landed = add_months(start, months)
    step = 1 if end < start else -1
    while (end > landed) if step > 0 else (end < landed):
        months += step
        landed = add_months(start, months)
    sign = -1 if months < 0 else 1
    years, rest = divmod(abs(months), 12)
    return Breakdown(sign * years, sign * rest, (end - landed).days)


def side_end(entries: Entries, role: Role) -> date | None:
    """The day a side role ended (its leave), or None while it runs: `entries`
    cut at as_of, as for stints."""
    return links(entries).ended.get(role)
