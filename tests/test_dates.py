"""Dates (careerledger.core.dates): the report periods of `-p`, computed by
hand, and the calendar arithmetic every metric counts with."""

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerledger.core.dates import (
    add,
    calendar_unit,
    parse_date,
    parse_duration,
    period_begin,
    period_label,
    period_span,
    shift,
    unit_span,
)
from careerledger.core.entries import Duration

AS_OF = date(2026, 11, 21)  # a Saturday in ISO week 47 of 2026, in Q4


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        ("2025", date(2025, 1, 1), date(2026, 1, 1)),
        ("2025-Q2", date(2025, 4, 1), date(2025, 7, 1)),
        ("2025-q4", date(2025, 10, 1), date(2026, 1, 1)),
        ("2025-04", date(2025, 4, 1), date(2025, 5, 1)),
        ("2024-02", date(2024, 2, 1), date(2024, 3, 1)),
        ("2025-12", date(2025, 12, 1), date(2026, 1, 1)),
        # ISO week 14 of 2025 starts on Monday 31 March 2025.
        ("2025-W14", date(2025, 3, 31), date(2025, 4, 7)),
        # 2020 has an ISO week 53: Monday 28 Dec 2020 to Sunday 3 Jan 2021.
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 4)),
        ("2024-02-29", date(2024, 2, 29), date(2024, 3, 1)),
        ("today", AS_OF, date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 20), AS_OF),
        # Week 47 of 2026 runs Monday 16 to Sunday 22 November.
        ("this-week", date(2026, 11, 16), date(2026, 11, 23)),
        ("last-week", date(2026, 11, 9), date(2026, 11, 16)),
        ("this-month", date(2026, 11, 1), date(2026, 12, 1)),
        ("last-month", date(2026, 10, 1), date(2026, 11, 1)),
        ("next-month", date(2026, 12, 1), date(2027, 1, 1)),
        ("this-quarter", date(2026, 10, 1), date(2027, 1, 1)),
        ("last-quarter", date(2026, 7, 1), date(2026, 10, 1)),
        ("last-year", date(2025, 1, 1), date(2026, 1, 1)),
        ("next-year", date(2027, 1, 1), date(2028, 1, 1)),
        # A..B runs from the first day of A to the first day of B, excluded (as in hledger)
        ("2025-01..2025-03", date(2025, 1, 1), date(2025, 3, 1)),
        ("2025..", date(2025, 1, 1), None),
        ("..2025-Q1", None, date(2025, 1, 1)),
    ],
)
def test_period_span(text, begin, end):
    assert period_span(text, AS_OF) == (begin, end)


@pytest.mark.parametrize("text", ["2025-Q5", "2025-W54", "2025-13", "2025-02-30", "someday", "2025-06..2025-01", ""])
def test_bad_periods_say_what_is_allowed(text):
    with pytest.raises(ValueError, match="period"):
        period_span(text, AS_OF)


# --- hledger's spellings, at a fixed as-of -----------------------------------------------------

DEC_2 = date(2026, 12, 2)  # a Wednesday: ISO week 49 of 2026 runs Monday 30 November to Sunday 6 December


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        # ranges: B excluded, so that A..B is what -b A -e B lists
        ("2025..2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("2025-Q1..2025-Q3", date(2025, 1, 1), date(2025, 7, 1)),  # Q1 and Q2
        ("2025-04-01..2025-04-03", date(2025, 4, 1), date(2025, 4, 3)),  # two days
        ("2025-W14..2025-W16", date(2025, 3, 31), date(2025, 4, 14)),  # weeks 14 and 15
        ("..2026", None, date(2026, 1, 1)),
        ("2025 .. 2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("from 2025 to 2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("From 2025 To 2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("2025 to 2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("since 2025 until 2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("2025 until 2026-07", date(2025, 1, 1), date(2026, 7, 1)),
        ("from 2025..2026", date(2025, 1, 1), date(2026, 1, 1)),
        ("from 2025", date(2025, 1, 1), None),
        ("since 2024", date(2024, 1, 1), None),
        ("to 2026", None, date(2026, 1, 1)),
        ("until 2026", None, date(2026, 1, 1)),
        ("  to   2026-q2 ", None, date(2026, 4, 1)),
        ("jan..apr", date(2026, 1, 1), date(2026, 4, 1)),  # hledger's example: January to March
        ("yesterday..tomorrow", date(2026, 12, 1), date(2026, 12, 3)),  # yesterday and today
        ("this month..next year", date(2026, 12, 1), date(2027, 1, 1)),
        ("from last quarter to next quarter", date(2026, 7, 1), date(2027, 1, 1)),  # Q3 and Q4
        ("this year to q2", date(2026, 1, 1), date(2026, 4, 1)),
        # one period
        ("in 2025", date(2025, 1, 1), date(2026, 1, 1)),
        ("in this month", date(2026, 12, 1), date(2027, 1, 1)),
        ("2025q2", date(2025, 4, 1), date(2025, 7, 1)),
        ("2025Q2", date(2025, 4, 1), date(2025, 7, 1)),
        ("2025-Q2", date(2025, 4, 1), date(2025, 7, 1)),
        ("q2", date(2026, 4, 1), date(2026, 7, 1)),  # of as-of's year
        ("Q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("this month", date(2026, 12, 1), date(2027, 1, 1)),
        ("thismonth", date(2026, 12, 1), date(2027, 1, 1)),
        ("this-month", date(2026, 12, 1), date(2027, 1, 1)),
        (" This  Month ", date(2026, 12, 1), date(2027, 1, 1)),
        ("last month", date(2026, 11, 1), date(2026, 12, 1)),
        ("nextmonth", date(2027, 1, 1), date(2027, 2, 1)),
        ("this week", date(2026, 11, 30), date(2026, 12, 7)),
        ("lastweek", date(2026, 11, 23), date(2026, 11, 30)),
        ("next week", date(2026, 12, 7), date(2026, 12, 14)),
        ("this quarter", date(2026, 10, 1), date(2027, 1, 1)),
        ("last quarter", date(2026, 7, 1), date(2026, 10, 1)),
        ("lastquarter", date(2026, 7, 1), date(2026, 10, 1)),
        ("next quarter", date(2027, 1, 1), date(2027, 4, 1)),
        ("this year", date(2026, 1, 1), date(2027, 1, 1)),
        ("last year", date(2025, 1, 1), date(2026, 1, 1)),
        ("next year", date(2027, 1, 1), date(2028, 1, 1)),
        ("nextyear", date(2027, 1, 1), date(2028, 1, 1)),
        ("today", date(2026, 12, 2), date(2026, 12, 3)),
        ("Yesterday", date(2026, 12, 1), date(2026, 12, 2)),
        ("tomorrow", date(2026, 12, 3), date(2026, 12, 4)),
        ("this day", date(2026, 12, 2), date(2026, 12, 3)),
        ("last day", date(2026, 12, 1), date(2026, 12, 2)),
        ("next day", date(2026, 12, 3), date(2026, 12, 4)),
        ("jan", date(2026, 1, 1), date(2026, 2, 1)),  # a month of as-of's year
        ("January", date(2026, 1, 1), date(2026, 2, 1)),
        ("sep", date(2026, 9, 1), date(2026, 10, 1)),
        ("dec", date(2026, 12, 1), date(2027, 1, 1)),
        ("2025/04", date(2025, 4, 1), date(2025, 5, 1)),
        ("2025/4", date(2025, 4, 1), date(2025, 5, 1)),
        ("2025.04", date(2025, 4, 1), date(2025, 5, 1)),
        ("202504", date(2025, 4, 1), date(2025, 5, 1)),
        ("2025/04/15", date(2025, 4, 15), date(2025, 4, 16)),
        ("2025/4/5", date(2025, 4, 5), date(2025, 4, 6)),
        ("2025.04.15", date(2025, 4, 15), date(2025, 4, 16)),
        ("20250415", date(2025, 4, 15), date(2025, 4, 16)),
        ("2025w14", date(2025, 3, 31), date(2025, 4, 7)),
    ],
)
def test_hledger_spellings(text, begin, end):
    assert period_span(text, DEC_2) == (begin, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025..2025", "period '2025..2025' is empty: it ends where it begins, on 2025-01-01"),
        ("2025-Q2..2025-04", "is empty: it ends where it begins, on 2025-04-01"),
        ("from 2026 to 2025", "period 'from 2026 to 2025' ends before it begins: 2025-01-01 is before 2026-01-01"),
        ("a..b..c", "period 'a..b..c' has more than one end"),
        ("2025..2026..2027", "has more than one end"),
        ("from 2025 to 2026 until 2027", "has more than one end"),
        ("..", "period '..' has neither a beginning nor an end"),
        ("from", "neither a beginning nor an end"),
        ("to", "neither a beginning nor an end"),
        ("in 2025..2026", "'in' takes one period, not a range"),
        ("in", "'in' is not a period; use 2025, 2025-Q2, q2,"),
        ("2025..someday", "'someday' is not a period"),
        ("2025...2026", "'.2026' is not a period"),
        ("2025 2026", "'2025 2026' is not a period"),  # hledger's ranges without a word: not taken
        ("2025-2026", "'2025-2026' is not a period"),  # nor its - for to (2025-12 is a month)
        ("2025/13", "is not a period"),
        ("2025/02/30", "is not a period"),
        ("20251301", "is not a period"),
        ("2025-04/15", "is not a period"),  # one separator throughout
        ("q5", "is not a period"),
        ("2025q0", "is not a period"),
        ("this fortnight", "is not a period"),
        ("3 days ago", "is not a period"),
        ("２０２５", "is not a period"),  # ASCII digits only
    ],
)
def test_bad_hledger_spellings(text, message):
    with pytest.raises(ValueError, match="period") as raised:
        period_span(text, DEC_2)
    assert message in str(raised.value)


@pytest.mark.parametrize(("text", "first"), [
    ("2025-Q2", date(2025, 4, 1)), ("this month", date(2026, 12, 1)), ("in 2025", date(2025, 1, 1)),
    ("q1", date(2026, 1, 1)), ("tomorrow", date(2026, 12, 3)),
])
def test_period_begin_is_the_first_day(text, first):
    assert period_begin(text, DEC_2) == first


@pytest.mark.parametrize("text", ["2024..2025", "from 2025", "since 2025", "to 2026", "until 2026", "2025 to 2026", ".."])
def test_period_begin_refuses_a_range(text):
    with pytest.raises(ValueError, match="is a range; give one date or period"):
        period_begin(text, DEC_2)


@pytest.mark.parametrize("text", ["9" * 1_000_000, ".." * 500_000, " " * 1_000_000, "from " * 200_000,
                                  "2025.." + "2026.." * 150_000, "this " * 200_000 + "month", "q" * 1_000_000])
def test_a_megabyte_of_period_is_refused_at_once(text):
    start = time.process_time()
    for parse in (period_span, period_begin):
        with pytest.raises(ValueError, match="is not a period") as raised:
            parse(text, DEC_2)
        assert len(str(raised.value)) < 300  # the value is quoted cut short
    assert time.process_time() - start < 1


def test_last_quarter_from_january_reaches_back_a_year():
    assert period_span("last-quarter", date(2026, 1, 15)) == (date(2025, 10, 1), date(2026, 1, 1))


def test_unit_span_quarters():
    assert unit_span(date(2026, 3, 31), "quarter") == (date(2026, 1, 1), date(2026, 4, 1))
    assert unit_span(date(2026, 12, 31), "quarter") == (date(2026, 10, 1), date(2027, 1, 1))


@pytest.mark.parametrize(("start", "unit", "label"), [
    (date(2020, 12, 28), "week", "2020-W53"),  # ISO 8601: 2020 has a week 53
    (date(2021, 1, 4), "week", "2021-W01"),
    (date(2021, 1, 1), "month", "2021-01"),
    (date(2021, 10, 1), "quarter", "2021-Q4"),
    (date(2021, 1, 1), "year", "2021"),
])
def test_period_label(start, unit, label):
    assert period_label(start, unit) == label


@pytest.mark.parametrize(("begin", "end", "unit"), [
    (date(2026, 9, 7), date(2026, 9, 14), "week"),  # Monday to Monday
    (date(2026, 9, 1), date(2026, 10, 1), "month"),
    (date(2026, 7, 1), date(2026, 10, 1), "quarter"),
    (date(2026, 1, 1), date(2027, 1, 1), "year"),
    (date(2026, 9, 8), date(2026, 9, 15), None),  # seven days, not a calendar week
    (date(2026, 9, 1), date(2026, 9, 30), None),
])
def test_calendar_unit(begin, end, unit):
    assert calendar_unit(begin, end) == unit


def test_parse_date_and_duration():
    assert parse_date("2016-09") == date(2016, 9, 1)
    assert parse_date("2023-02-29") is None
    assert parse_date("2024-1-5") is None
    assert parse_duration("18m") == Duration(18, "m")
    assert str(Duration(18, "m")) == "18m"
    assert parse_duration("3 years") is None


def test_add_clamps_month_ends():
    # 2024-11-30 + 3m = 2025-02-30, clamped to 2025-02-28; a leap day + 1y is 28 February
    assert add(date(2024, 11, 30), Duration(3, "m")) == date(2025, 2, 28)
    assert add(date(2024, 2, 29), Duration(1, "y")) == date(2025, 2, 28)
    assert add(date(2024, 1, 1), Duration(6, "w")) == date(2024, 2, 12)
    assert add(date(2026, 3, 1), Duration(5, "y"), times=-1) == date(2021, 3, 1)


# --- the calendar's edges --------------------------------------------------------------------------


def test_date_arithmetic_stops_at_the_edges_of_the_calendar():
    assert add(date(9999, 1, 1), Duration(5, "y")) == date(9999, 12, 31)
    assert add(date(3, 1, 1), Duration(5, "y"), -1) == date(1, 1, 1)
    assert add(date(2020, 1, 1), Duration(999_999_999, "d")) == date(9999, 12, 31)
    assert shift(date(9999, 12, 31), 1) == date(9999, 12, 31)
    assert shift(date(1, 1, 1), -1) == date(1, 1, 1)


@settings(max_examples=500, deadline=None)
@given(day=st.dates(), amount=st.integers(0, 12000), unit=st.sampled_from("ymwd"), times=st.integers(-3, 3))
def test_add_is_dateutil_s_relativedelta_clamped_to_the_calendar(day, amount, unit, times):
    from dateutil.relativedelta import relativedelta

    n = amount * times
    delta = {"y": relativedelta(years=n), "m": relativedelta(months=n), "w": relativedelta(weeks=n),
             "d": relativedelta(days=n)}[unit]
    try:
        expected = day + delta
    except (OverflowError, ValueError):
        expected = date.max if n > 0 else date.min
    assert add(day, Duration(amount, unit), times) == expected
