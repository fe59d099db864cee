"""Dates and durations, as the format writes them, and all arithmetic on them.

Durations stay plain (amount, unit) pairs while loading; adding them to a
date is done here, month ends clamped as dateutil's relativedelta does. The
tests hold the two together; importing dateutil would cost every `check` its
start-up time for twenty lines of arithmetic.

The calendar runs from 0001-01-01 to 9999-12-31 (Python's date). Arithmetic
that would leave it stops at its edge: 9998-06-01 + 5y is 9999-12-31, which
as a deadline means "never" in practice, and 0003-01-01 - 5y is 0001-01-01.
Every sum of a date and a span goes through add() or shift(), so that no
ledger, option or --as-of can make a metric raise (docs/format.md, "Dates").
"""

import re
from datetime import date, timedelta

from .entries import Duration

# Patterns are compiled (by re's cache) on first use: most runs need few of them.
_DATE = r"(\d{4})-(\d\d)(?:-(\d\d))?"
# at most 9 digits: a longer amount leaves the calendar anyway, and int() of
# thousands of digits is slow or refused
_DURATION = r"(\d{1,9})([ymwd])"


def parse_date(text: str) -> date | None:
    """`2024-02-01` or `2024-02` (the 1st) -> date; None if not a real date."""
    m = re.fullmatch(_DATE, text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return None


def parse_duration(text: str) -> Duration | None:
    """`3y`, `18m`, `6w`, `10d` -> Duration; None otherwise."""
    m = re.fullmatch(_DURATION, text)
    return Duration(int(m[1]), m[2]) if m else None


def add(day: date, duration: Duration, times: int = 1) -> date:
    """`day` plus `duration` (times `times`), month ends clamped (Jan 31 + 1m = Feb 28/29),
    as dateutil's relativedelta adds (tests/test_dates.py holds the two together)."""
    n = duration.amount * times
    unit = duration.unit
    try:
        if unit in ("y", "m"):
            return add_months(day, n * 12 if unit == "y" else n)
        return day + timedelta(days=n * 7 if unit == "w" else n)
    except (OverflowError, ValueError):
        return date.max if n > 0 else date.min


def add_months(day: date, months: int) -> date:
    """`day` plus `months`, the day clamped to the month's end; OverflowError off
    the calendar. (Every check adds durations: dateutil stays off `check`.)"""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise OverflowError
    month += 1
    return date(year, month, min(day.day, _month_days(year, month)))


_DAYS_IN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    # calendar.monthrange would import locale: 2 ms of every start
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN[month - 1]


def shift(day: date, days: int) -> date:
    """`day` plus `days` days (negative: before), stopping at the calendar's edges."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


# --- report periods ----------------------------------------------------------
# What -p, -b and -e take: hledger's period expressions, the common ones (its
# manual, "Period expressions" and "Smart dates"), in any case, with any
# spaces around the words:
#   one period   2025; 2025-Q2, 2025q2, q2 (of as-of's year); 2025-04, 2025/04,
#                2025.04, 202504, apr, april (of as-of's year); 2025-W14,
#                2025w14 (ISO weeks); 2025-04-15, 2025/4/15, 20250415; today,
#                yesterday, tomorrow; this, last or next day, week, month,
#                quarter or year (this month, thismonth, this-month); in P
#   a range      A..B, A to B, from A to B (since for from, until for to); A..,
#                from A; ..B, to B: from the first day of A (included) to the
#                first day of B (excluded), as in hledger: 2025..2026 is 2025
# A period is a half-open span [begin, end); the words and the forms without
# a year count from as-of. Text longer than _LONGEST characters is no period,
# refused before anything else is done with it; shorter text is split into
# words once and each piece matched once, with no recursion: no value,
# however long or odd, takes more than a moment.

_PERIOD = (
    r"(?P<year>[0-9]{4})(?:-?q(?P<q>[1-4])|-?w(?P<w>[0-9]{2})"
    r"|(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<d>[0-9]{1,2}))?"
    r"|(?P<m6>[0-9]{2})(?P<d8>[0-9]{2})?)?"
    r"|q(?P<quarter>[1-4])"
)
_RELATIVE = r"(?P<when>this|last|next)[ -]?(?P<unit>day|week|month|quarter|year)"
_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_STEPS = {"last": -1, "this": 0, "next": 1}
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {name: i for i, full in enumerate(_MONTH_NAMES, 1) for name in (full, full[:3])}
_FROM = ("from", "since")
_TO = ("to", "until", "..")
_LONGEST = 100  # characters: far more than any period takes (`since 2025-04-15 until 2026-04-15`: 33)
_FORMS = ("2025, 2025-Q2, q2, 2025-04, apr, 2025-W14, 2025-04-15, today, yesterday, tomorrow, "
          "this/last/next week (month, quarter, year), A..B (B excluded), from A, to B")


Span = tuple[date, date]  # [begin, end): end excluded


def period_span(text: str, as_of: date) -> tuple[date | None, date | None]:
    """A period as (begin, end), end excluded; None is unbounded (only in a
    range: `A..`, `from A`, `..B`, `to B`). A range runs from the first day of
    A to the first day of B, excluded: `2025..2026` is the year 2025. Raise
    ValueError saying what is allowed."""
    words = _words(text)
    if not _is_range(words):
        if words[:1] == ["in"]:  # in 2025: 2025
            words = words[1:]
        span = _single(" ".join(words), as_of)
        if span is None:
            raise ValueError(_not_a_period(text))
        return span
    if words[0] == "in":
        raise ValueError(f"period {_shown(text)!r}: 'in' takes one period, not a range; write A..B")
    if words[0] in _FROM:
        words = words[1:] if any(w in _TO for w in words) else [*words[1:], ".."]  # from A: A..
    if sum(w in _TO for w in words) > 1:
        raise ValueError(f"period {_shown(text)!r} has more than one end: write one range, A..B")
    at = next(i for i, w in enumerate(words) if w in _TO)
    first, last = " ".join(words[:at]), " ".join(words[at + 1:])
    if not first and not last:
        raise ValueError(f"period {_shown(text)!r} has neither a beginning nor an end; give A..B, A.. or ..B")
    begin = _first_day(first, as_of) if first else None
    end = _first_day(last, as_of) if last else None
    if begin and end and end <= begin:
        if end == begin:
            raise ValueError(f"period {_shown(text)!r} is empty: it ends where it begins, on {begin} (the end "
                             "is excluded)")
        raise ValueError(f"period {_shown(text)!r} ends before it begins: {end} is before {begin}")
    return begin, end


def period_begin(text: str, as_of: date) -> date:
    """The first day of one date or period (-b and -e); a range is refused.
    Raise ValueError saying what is allowed."""
    if _is_range(_words(text)):
        raise ValueError(f"{_shown(text)!r} is a range; give one date or period")
    begin = period_span(text, as_of)[0]
    assert begin is not None  # one period always begins
    return begin


def _words(text: str) -> list[str]:
    """`From 2025..2026` -> ["from", "2025", "..", "2026"]: lowercase, `..`
    apart, runs of spaces as one; ["…"], no period, for text too long to be one."""
    if len(text) > _LONGEST:
        return ["…"]
    return text.lower().replace("..", " .. ").split()


def _is_range(words: list[str]) -> bool:
    return (bool(words) and words[0] in _FROM) or any(w in _TO for w in words)


def _first_day(text: str, as_of: date) -> date:
    span = _single(text, as_of)
    if span is None:
        raise ValueError(_not_a_period(text))
    return span[0]


def _single(text: str, as_of: date) -> Span | None:
    """One period (not a range), its words lowercase and one space apart; None
    when it is none."""
    if text in _DAYS:
        day = shift(as_of, _DAYS[text])
        return day, shift(day, 1)
    if text in _MONTHS:
        return unit_span(date(as_of.year, _MONTHS[text], 1), "month")
    m = re.fullmatch(_RELATIVE, text)
    if m:
        return _relative(as_of, m["unit"], _STEPS[m["when"]])
    m = re.fullmatch(_PERIOD, text)
    if not m:
        return None
    try:
        if m["quarter"]:
            return unit_span(date(as_of.year, 3 * int(m["quarter"]) - 2, 1), "quarter")
        year = int(m["year"])
        if m["q"]:
            return unit_span(date(year, 3 * int(m["q"]) - 2, 1), "quarter")
        if m["w"]:
            return unit_span(date.fromisocalendar(year, int(m["w"]), 1), "week")
        month, mday = m["m"] or m["m6"], m["d"] or m["d8"]
        if mday:
            first = date(year, int(month), int(mday))
            return first, shift(first, 1)
        if month:
            return unit_span(date(year, int(month), 1), "month")
        return unit_span(date(year, 1, 1), "year")
    except ValueError:  # no such month, day or week
        return None


def _relative(as_of: date, unit: str, step: int) -> Span:
    """The day, week, month, quarter or year holding as-of (step 0), the one
    before (-1) or the one after (1)."""
    if unit == "day":
        day = shift(as_of, step)
        return day, shift(day, 1)
    begin, end = unit_span(as_of, unit)
    if step < 0:
        return unit_span(shift(begin, -1), unit)
    if step > 0:
        return unit_span(end, unit)
    return begin, end


def _not_a_period(text: str) -> str:
    return f"{_shown(text)!r} is not a period; use {_FORMS}"


def _shown(text: str) -> str:
    """Text as an error quotes it: stripped, and cut after 40 characters."""
    text = text.strip()
    return text if len(text) <= 40 else text[:39] + "…"


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
