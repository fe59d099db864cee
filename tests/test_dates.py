"""Dates (careerledger.core.dates): the report periods of `-p`, computed by
hand, and the calendar arithmetic every metric counts with."""

from datetime import date

import pytest

from careerledger.core.dates import (
    add,
    calendar_unit,
    parse_date,
    parse_duration,
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
        ("2025-01..2025-03", date(2025, 1, 1), date(2025, 4, 1)),
        ("2025..", date(2025, 1, 1), None),
        ("..2025-Q1", None, date(2025, 4, 1)),
    ],
)
def test_period_span(text, begin, end):
    assert period_span(text, AS_OF) == (begin, end)


@pytest.mark.parametrize("text", ["2025-Q5", "2025-W54", "2025-13", "2025-02-30", "someday", "2025-06..2025-01", ""])
def test_bad_periods_say_what_is_allowed(text):
    with pytest.raises(ValueError, match="period"):
        period_span(text, AS_OF)


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
