"""Report periods (`-p`), computed by hand."""

from datetime import date

import pytest

from careerledger.dates import period_span, unit_span

AS_OF = date(2026, 11, 21)  # a Saturday in ISO week 47 of 2026, in Q4


@pytest.mark.parametrize(
    "text, begin, end",
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
