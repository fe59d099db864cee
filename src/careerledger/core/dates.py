"""Dates and durations, as the format writes them, and all arithmetic on them.

Durations stay plain (amount, unit) pairs while loading; arithmetic on them
uses dateutil's relativedelta, imported only when a metric needs it so that
`check` starts fast.

The calendar runs from 0001-01-01 to 9999-12-31 (Python's date). Arithmetic
that would leave it stops at its edge: 9998-06-01 + 5y is 9999-12-31, which
as a deadline means "never" in practice, and 0003-01-01 - 5y is 0001-01-01.
Every sum of a date and a span goes through add() or shift(), so that no
ledger, option or --as-of can make a metric raise (docs/format.md, "Dates").
"""

import re
from datetime import date, timedelta

from .entries import Duration

_DATE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
# at most 9 digits: a longer amount leaves the calendar anyway, and int() of
# thousands of digits is slow or refused
_DURATION = re.compile(r"(\d{1,9})([ymwd])")


def parse_date(text: str) -> date | None:
    """`2024-02-01` or `2024-02` (the 1st) -> date; None if not a real date."""
    m = _DATE.fullmatch(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return None


def parse_duration(text: str) -> Duration | None:
    """`3y`, `18m`, `6w`, `10d` -> Duration; None otherwise."""
    m = _DURATION.fullmatch(text)
    return Duration(int(m[1]), m[2]) if m else None


def add(day: date, duration: Duration, times: int = 1) -> date:
    """`day` plus `duration` (times `times`), month ends clamped (Jan 31 + 1m = Feb 28/29)."""
    from dateutil.relativedelta import relativedelta

    n = duration.amount * times
    unit = duration.unit
    try:
        if unit == "y":
            delta = relativedelta(years=n)
        elif unit == "m":
            delta = relativedelta(months=n)
        elif unit == "w":
            delta = relativedelta(weeks=n)
        else:
            delta = relativedelta(days=n)
        result: date = day + delta
    except (OverflowError, ValueError):
        return date.max if n > 0 else date.min
    return result


def shift(day: date, days: int) -> date:
    """`day` plus `days` days (negative: before), stopping at the calendar's edges."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


# --- report periods ----------------------------------------------------------
# hledger and klog users expect these: `2025`, `2025-Q2`, `2025-04`, `2025-W14`,
# `2025-04-15`, `this-month`, `last-quarter`, `next-year`, and `A..B` ranges.
# A period is a half-open span [begin, end).

_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|W(?P<w>\d\d)|(?P<m>\d\d)(?:-(?P<d>\d\d))?))?",
    re.I,
)
_RELATIVE = re.compile(r"(?P<when>this|last|next)-(?P<unit>week|month|quarter|year)")


Span = tuple[date, date]  # [begin, end): end excluded


def period_span(text: str, as_of: date) -> tuple[date | None, date | None]:
    """A period as (begin, end), end excluded; None is unbounded (only in an A.. or
    ..B range). Raise ValueError saying what is allowed."""
    text = text.strip().lower()
    if ".." in text:
        first, _, last = text.partition("..")
        begin = period_span(first, as_of)[0] if first else None
        end = period_span(last, as_of)[1] if last else None
        if begin and end and end <= begin:
            raise ValueError(f"period {text!r} ends before it begins")
        return begin, end
    if text in ("today", "yesterday"):
        day = shift(as_of, -1 if text == "yesterday" else 0)
        return day, shift(day, 1)
    m = _RELATIVE.fullmatch(text)
    if m:
        begin, _ = unit_span(as_of, m["unit"])
        step = {"this": 0, "last": -1, "next": 1}[m["when"]]
        for _ in range(abs(step)):
            begin = unit_span(shift(begin, -1), m["unit"])[0] if step < 0 else unit_span(begin, m["unit"])[1]
        return unit_span(begin, m["unit"])
    m = _PERIOD.fullmatch(text)
    if m:
        year = int(m["year"])
        try:
            if m["q"]:
                return unit_span(date(year, 3 * int(m["q"]) - 2, 1), "quarter")
            if m["w"]:
                return unit_span(date.fromisocalendar(year, int(m["w"]), 1), "week")
            if m["d"]:
                day = date(year, int(m["m"]), int(m["d"]))
                return day, shift(day, 1)
            if m["m"]:
                return unit_span(date(year, int(m["m"]), 1), "month")
            return unit_span(date(year, 1, 1), "year")
        except ValueError:
            pass
    raise ValueError(
        f"{text!r} is not a period; use 2025, 2025-Q2, 2025-04, 2025-W14, 2025-04-15,"
        " this-month, last-quarter, next-year (week, month, quarter, year) or A..B"
    )


def unit_span(day: date, unit: str) -> Span:
    """The calendar week (ISO, Monday first), month, quarter or year holding `day`."""
    if unit == "week":
        begin = shift(day, -day.weekday())
        return begin, shift(begin, 7)
    if unit == "month":
        begin = day.replace(day=1)
        return begin, _next_month(begin, 1)
    if unit == "quarter":
        begin = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return begin, _next_month(begin, 3)
    begin = date(day.year, 1, 1)
    return begin, date(day.year + 1, 1, 1) if day.year < date.max.year else date.max


def calendar_unit(begin: date, end: date) -> str | None:
    """"week", "month", "quarter" or "year" when [begin, end) is exactly one
    such calendar period, else None."""
    for unit in ("week", "month", "quarter", "year"):
        if unit_span(begin, unit) == (begin, end):
            return unit
    return None


def period_label(start: date, unit: str) -> str:
    """`2020-W53`, `2021-01`, `2021-Q1` or `2021`: how the period starting on
    `start` is named (ISO 8601 for weeks)."""
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return f"{start.year}-{start.month:02d}"
    if unit == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def _next_month(first: date, months: int) -> date:
    n = first.month - 1 + months
    year = first.year + n // 12
    return date(year, n % 12 + 1, 1) if year <= date.max.year else date.max
