"""Dates and durations, as the format writes them.

Durations stay plain (amount, unit) pairs while loading; arithmetic on them
uses dateutil's relativedelta, imported only when a metric needs it so that
`check` starts fast.
"""

import re
from datetime import date

from .entries import Duration

_DATE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_DURATION = re.compile(r"(\d+)([ymwd])")


def parse_date(text):
    """`2024-02-01` or `2024-02` (the 1st) -> date; None if not a real date."""
    m = _DATE.fullmatch(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return None


def parse_duration(text):
    """`3y`, `18m`, `6w`, `10d` -> Duration; None otherwise."""
    m = _DURATION.fullmatch(text)
    return Duration(int(m[1]), m[2]) if m else None


def add(day, duration, times=1):
    """`day` plus `duration` (times `times`), month ends clamped (Jan 31 + 1m = Feb 28/29)."""
    from dateutil.relativedelta import relativedelta

    n = duration.amount * times
    unit = duration.unit
    if unit == "y":
        return day + relativedelta(years=n)
    if unit == "m":
        return day + relativedelta(months=n)
    if unit == "w":
        return day + relativedelta(weeks=n)
    return day + relativedelta(days=n)
