"""Home: the check-ins, when the next is due, and the trend of the last four."""

from datetime import date
from typing import NamedTuple

from ..core.dates import add
from ..core.entries import Home
from ..core.options import DEFAULTS
from .timeline import of, upto


class HomeStatus(NamedTuple):
    last: Home | None  # the latest check-in
    checkins: tuple  # every check-in, oldest first
    days_since: int | None  # as_of - last
    next_due: date | None  # last + home-every: the last day still fresh
    days_left: int | None  # next_due - as_of (negative once stale)
    stale: bool  # as_of > next_due (only once the ledger has a check-in)


def home(entries, as_of, options=DEFAULTS):
    entries = upto(entries, as_of)
    checkins = of(entries, Home)
    if not checkins:
        return HomeStatus(None, (), None, None, None, False)
    last = checkins[-1]
    next_due = add(last.date, options.home_every)
    return HomeStatus(last, tuple(checkins), (as_of - last.date).days, next_due, (next_due - as_of).days,
                      as_of > next_due)


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
    checkins = of(upto(entries, as_of), Home)[-over:]
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
