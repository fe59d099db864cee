"""The timeline (careerledger.metrics.timeline): the entries up to a day, spans and shares.

What every metric shares, against values worked out by hand. Day counts follow the rule of
docs/metrics.md: a span includes its start day and excludes its end day, so "days since D"
is as_of - D.
"""
import pytest
from conftest import D, ledger
from hypothesis import given, settings
from hypothesis import strategies as st

from careerledger.metrics import timeline
from careerledger.metrics.timeline import Breakdown, breakdown, percent, share


def test_upto_keeps_entries_on_as_of_and_drops_later_ones():
    led = ledger("""
        2024-01-01 note "a"
        2024-01-02 note "b"
        2024-01-02 note "c"
        2024-01-03 note "d"
    """)
    assert [e.text for e in timeline.upto(led.entries, D("2024-01-02"))] == ["a", "b", "c"]
    assert timeline.upto(led.entries, D("2023-12-31")) == ()
    assert len(timeline.upto(led.entries, D("2030-01-01"))) == 4


def test_stints_main_roles_and_gaps_side_roles_play_no_part():
    led = ledger("""
        2020-01-01 role "A" at "X"
          track: core
          phase: learning
        2020-06-01 role "Adviser" at "Club"
          track: core
          phase: impact
          side: yes
        2021-01-01 leave "A"
        2021-03-01 role "B" at "Y"
          track: innovation
          phase: impact
    """)
    as_of = D("2021-06-01")
    found = timeline.stints(timeline.upto(led.entries, as_of), as_of)
    # A 2020-01-01 -> 2021-01-01 = 366 (2020); the gap -> 2021-03-01 = 31 + 28 = 59;
    # B, held: -> 2021-06-01 = 31 + 30 + 31 = 92
    assert [(s.role.title if s.role else None, s.start, s.end, s.days, s.ongoing) for s in found] == [
        ("A", D("2020-01-01"), D("2021-01-01"), 366, False),
        (None, D("2021-01-01"), D("2021-03-01"), 59, False),
        ("B", D("2021-03-01"), D("2021-06-01"), 92, True),
    ]
    assert type(found[1].opened_by).__name__ == "Leave"
    assert timeline.held_on(found).title == "B"
    assert timeline.first_role(led.entries).title == "A"
    assert timeline.held_on(()) is None


@pytest.mark.parametrize(("start", "end", "parts", "text"), [
    ("2024-02-29", "2025-02-28", (1, 0, 0), "1y"),  # as core.dates.add counts a year from a leap day
    ("2020-01-01", "2020-01-01", (0, 0, 0), "0d"),
    ("2020-01-01", "2022-04-05", (2, 3, 4), "2y 3m 4d"),
    ("2020-01-31", "2020-03-01", (0, 1, 1), "1m 1d"),
    ("2020-01-01", "2021-01-06", (1, 0, 5), "1y 5d"),
])
def test_breakdown_in_years_months_and_days(start, end, parts, text):
    b = breakdown(D(start), D(end))
    assert b == Breakdown(*parts)
    assert str(b) == text


def test_share_and_percent_rounded_down():
    assert share(1, 4) == 0.25
    assert share(3, 0) is None
    # 1096 / 1827 = 59.99%: shown as 59%, so that a share shown below 60% is below it
    assert percent(1096, 1827) == "59%"
    assert percent(731, 1827) == "40%"
    assert percent(3, 5) == "60%"


@settings(max_examples=1000, deadline=None)
@given(start=st.dates(), end=st.dates())
def test_breakdown_is_dateutil_s_relativedelta(start, end):
    from dateutil.relativedelta import relativedelta

    d = relativedelta(end, start)
    assert tuple(breakdown(start, end)) == (d.years, d.months, d.days)


@pytest.mark.parametrize(("start", "end", "parts"), [
    ("2024-02-29", "2025-02-28", (1, 0, 0)), ("2024-01-31", "2024-02-29", (0, 1, 0)),
    ("2024-01-31", "2024-03-01", (0, 1, 1)), ("2025-03-31", "2024-02-29", (-1, -1, 0)),
])
def test_breakdown_at_month_ends(start, end, parts):
    assert tuple(breakdown(D(start), D(end))) == parts
