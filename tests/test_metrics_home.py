"""Home (careerledger.metrics.home): the check-ins, when the next is due, and the trend of the
last four.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
import pytest
from conftest import D, ledger

from careerledger.metrics.home import home, home_trend


def test_home_next_due_clamps_month_end_and_goes_stale():
    led = ledger("""
        2024-01-31 home 4
        2024-11-30 home 3
          note: "tired"
    """)
    # 2024-11-30 + 3m = 2025-02-30, clamped to 2025-02-28.
    on = home(led.entries, D("2025-02-28"), led.options)
    assert (on.last.score, len(on.checkins), on.next_due, on.days_left, on.stale) == (
        3, 2, D("2025-02-28"), 0, False)
    # 2024-11-30 -> 2025-02-28 = 1 (Nov 30) + 31 + 31 + 27 = 90 days.
    assert on.days_since == 90
    past = home(led.entries, D("2025-03-01"), led.options)
    assert (past.days_left, past.stale) == (-1, True)
    # As of mid-2024 the January check-in is the last: 2024-01-31 + 3m = 2024-04-30.
    mid = home(led.entries, D("2024-06-01"), led.options)
    assert (mid.last.score, mid.next_due, mid.stale) == (4, D("2024-04-30"), True)


def test_home_option_and_no_checkins():
    led = ledger("""
        option "home-every" "6w"
        2024-01-01 home 5
    """)
    h = home(led.entries, D("2024-02-12"), led.options)
    # 2024-01-01 + 42 days: 30 to Jan 31, 12 more = 2024-02-12.
    assert (h.next_due, h.days_left, h.stale) == (D("2024-02-12"), 0, False)
    empty = ledger('2024-01-01 note "x"\n')
    assert home(empty.entries, D("2030-01-01"), empty.options) == (None, (), None, None, None, False)


def _home(*scores):
    """A ledger with one check-in a month from 2024-01-01, with these scores."""
    return ledger("".join(f"2024-{i + 1:02d}-01 home {s}\n" for i, s in enumerate(scores)))


# Least squares through (0, y0) … (n-1, y_n-1): slope = (nΣxy - ΣxΣy) / (nΣx² - (Σx)²);
# for n = 4: Σx = 6, Σx² = 14, the denominator is 4·14 - 36 = 20.
@pytest.mark.parametrize(("scores", "slope", "change", "trend"), [
    # the last four are 3 3 4 4: Σy = 14, Σxy = 0 + 3 + 8 + 12 = 23; (92 - 84) / 20 = 0.4; × 3 = 1.2
    ((5, 2, 3, 3, 4, 4), 0.4, 1.2, "up"),
    # 4 4 3 4: Σy = 15, Σxy = 0 + 4 + 6 + 12 = 22; (88 - 90) / 20 = -0.1; × 3 = -0.3
    ((4, 4, 3, 4), -0.1, -0.3, "flat"),
    # 5 5 4 4: Σy = 18, Σxy = 0 + 5 + 8 + 12 = 25; (100 - 108) / 20 = -0.4; × 3 = -1.2
    ((5, 5, 4, 4), -0.4, -1.2, "down"),
    # 5 5 5 4: Σy = 19, Σxy = 0 + 5 + 10 + 12 = 27; (108 - 114) / 20 = -0.3; × 3 = -0.9: one drop is no trend
    ((5, 5, 5, 4), -0.3, -0.9, "flat"),
    # n = 3, 3 3 4: Σx = 3, Σx² = 5, Σy = 10, Σxy = 11; (33 - 30) / (15 - 9) = 0.5; × 2 = 1.0: exactly a point
    ((3, 3, 4), 0.5, 1.0, "up"),
    # n = 3, 4 4 3: Σy = 11, Σxy = 10; (30 - 33) / 6 = -0.5; × 2 = -1.0
    ((4, 4, 3), -0.5, -1.0, "down"),
    # n = 2, 3 4: (2·4 - 1·7) / (2·1 - 1) = 1; × 1 = 1
    ((3, 4), 1.0, 1.0, "up"),
    # 2 4 4 3: Σy = 13, Σxy = 0 + 4 + 8 + 9 = 21; (84 - 78) / 20 = 0.3; × 3 = 0.9
    ((2, 4, 4, 3), 0.3, 0.9, "flat"),
])
def test_home_trend_least_squares_over_the_last_four(scores, slope, change, trend):
    t = home_trend(_home(*scores).entries, D("2025-01-01"))
    assert t.scores == scores[-4:]
    assert t.slope == pytest.approx(slope)
    assert t.change == pytest.approx(change)
    assert t.trend == trend


def test_home_trend_needs_two_checkins():
    one = home_trend(_home(4).entries, D("2025-01-01"))
    assert (one.scores, one.slope, one.change, one.trend) == ((4,), None, None, None)
    none = home_trend(ledger('2020-01-01 note "x"\n').entries, D("2025-01-01"))
    assert (none.checkins, none.trend) == ((), None)
    # check-ins after as-of do not count: as of 2024-02-15 only 3 and 4 are known
    assert home_trend(_home(3, 4, 1, 1).entries, D("2024-02-15")).trend == "up"
