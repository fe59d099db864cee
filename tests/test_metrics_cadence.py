"""Marketing cadence (careerledger.metrics.cadence): each update contract period by period,
updates per month, and the topics explained twice and not written up.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from datetime import date

from conftest import JANE, D, ledger

from careerledger.loader import load
from careerledger.metrics.cadence import (
    cadence,
    counted_in,
    ends_in,
    latest_periods,
    month_counts,
    unwritten,
    updates_per_month,
)

MONTHLY = """
    2024-01-15 contract "Monthly update to my manager"
      every: month
      with: "Sam"
    2024-01-20 update "January notes"
      to: "team"
    2024-02-10 update "February notes"
    2024-03-05 update "Q1 review"
      to: "Sam"
    2024-03-25 update "Pricing post"
      to: "company blog"
    2024-05-02 update "May notes"
    2024-06-30 update "June notes"
    2024-07-03 update "July notes"
    2024-08-01 contract "Later contract"
      every: week
"""


def test_monthly_contract_kept_and_missed():
    led = ledger(MONTHLY)
    [c] = cadence(led.entries, D("2024-07-10"))  # the August contract is after as_of
    # Whole months from January (holds the contract's date) to June (July, as_of's
    # month, is not over): Jan 1, Feb 1, Mar 2 (every audience counts), Apr 0, May 1, Jun 1.
    assert [(p.label, p.updates, p.kept) for p in c.periods] == [
        ("2024-01", 1, True), ("2024-02", 1, True), ("2024-03", 2, True),
        ("2024-04", 0, False), ("2024-05", 1, True), ("2024-06", 1, True),
    ]
    assert (c.periods[0].start, c.periods[0].end) == (D("2024-01-01"), D("2024-02-01"))
    assert (c.kept, c.missed, c.current_run, c.required, c.every) == (5, 1, 2, 1, "month")
    assert (c.last_missed.start, c.latest.label, c.live) == (D("2024-04-01"), "2024-06", True)


def test_contract_in_its_first_period_has_no_whole_period():
    led = ledger(MONTHLY)
    [c] = cadence(led.entries, D("2024-01-31"))
    assert (c.periods, c.kept, c.missed, c.current_run, c.latest, c.last_missed) == ((), 0, 0, 0, None, None)
    assert cadence(led.entries, D("2024-01-14")) == ()  # before the contract


def test_weekly_contract_with_count_and_until():
    led = ledger("""
        2023-11-20 contract "Two posts a week"
          every: week
          count: 2
          until: 2023-12-06
        2023-11-21 update "a"
        2023-11-26 update "b"
        2023-11-28 update "c"
        2023-12-04 update "d"
        2023-12-10 update "e"
        2023-12-12 update "f"
    """)
    # 2023-11-20 is a Monday (ISO 2023-W47). `until` 2023-12-06 falls in W49 (Dec 4-10),
    # the last period. W47 Nov 20-26: a, b = 2 kept; W48 Nov 27-Dec 3: c = 1 missed;
    # W49 Dec 4-10: d, e = 2 kept. "f" (W50) is past the contract.
    [c] = cadence(led.entries, D("2024-01-10"))
    assert [(p.label, p.start, p.updates, p.kept) for p in c.periods] == [
        ("2023-W47", D("2023-11-20"), 2, True),
        ("2023-W48", D("2023-11-27"), 1, False),
        ("2023-W49", D("2023-12-04"), 2, True),
    ]
    assert (c.kept, c.missed, c.current_run, c.last_missed.label, c.live) == (2, 1, 1, "2023-W48", False)
    # As of `until` itself (Wed of W49): W49 is not over; the contract is still live.
    [c] = cadence(led.entries, D("2023-12-06"))
    assert ([p.label for p in c.periods], c.live) == (["2023-W47", "2023-W48"], True)
    [c] = cadence(led.entries, D("2023-12-07"))
    assert c.live is False


def test_weekly_contract_across_iso_week_53():
    led = ledger("""
        2019-12-30 contract "Weekly note"
          every: week
        2020-12-15 update "w51"
        2020-12-29 update "w53 a"
        2021-01-03 update "w53 b"
        2021-01-04 update "2021 w01"
    """)
    [c] = cadence(led.entries, D("2021-01-13"))
    # 2019-12-30 is Monday of ISO 2020-W01. as_of 2021-01-13 is in 2021-W02, so the
    # whole weeks are 2020-W01 .. 2020-W53 and 2021-W01: 53 + 1 = 54
    # (2019-12-30 -> 2021-01-11 = 366 + 12 = 378 days = 54 weeks).
    assert len(c.periods) == 54
    assert (c.periods[0].label, c.periods[0].start) == ("2020-W01", D("2019-12-30"))
    last4 = [(p.label, p.start, p.end, p.updates, p.kept) for p in c.periods[-4:]]
    assert last4 == [
        ("2020-W51", D("2020-12-14"), D("2020-12-21"), 1, True),
        ("2020-W52", D("2020-12-21"), D("2020-12-28"), 0, False),
        # Week 53: Mon 2020-12-28 .. Sun 2021-01-03, both updates in it.
        ("2020-W53", D("2020-12-28"), D("2021-01-04"), 2, True),
        ("2021-W01", D("2021-01-04"), D("2021-01-11"), 1, True),
    ]
    # Kept: W51, W53, 2021-W01 = 3; missed: the other 51.
    assert (c.kept, c.missed, c.current_run, c.last_missed.label) == (3, 51, 2, "2020-W52")


def test_quarterly_contract_with_partial_first_quarter():
    led = ledger("""
        2023-01-10 update "New year plan"
        2023-02-20 contract "Quarterly review deck"
          every: quarter
          with: "Leadership"
        2023-05-01 update "Q2 deck"
        2023-11-30 update "Q4 deck"
    """)
    [c] = cadence(led.entries, D("2024-01-01"))
    # The first period is all of Q1 2023 (it holds 2023-02-20), so the January update,
    # published before the contract, counts. Q1 2024 (as_of's) is not over.
    assert [(p.label, p.start, p.end, p.updates, p.kept) for p in c.periods] == [
        ("2023-Q1", D("2023-01-01"), D("2023-04-01"), 1, True),
        ("2023-Q2", D("2023-04-01"), D("2023-07-01"), 1, True),
        ("2023-Q3", D("2023-07-01"), D("2023-10-01"), 0, False),
        ("2023-Q4", D("2023-10-01"), D("2024-01-01"), 1, True),
    ]
    assert (c.kept, c.missed, c.current_run, c.last_missed.label) == (3, 1, 1, "2023-Q3")


def test_updates_per_month_trailing_12_whole_months():
    led = ledger("""
        2023-06-30 update "too old"
        2023-07-01 update "first day of the window"
        2024-01-20 update "jan"
        2024-03-05 update "mar a"
        2024-03-25 update "mar b"
        2024-06-30 update "last day of the window"
        2024-07-03 update "as_of's month"
    """)
    u = updates_per_month(led.entries, D("2024-07-10"))
    # Months 2023-07 .. 2024-06; July 2024 is not over.
    assert [m.label for m in u.months] == [
        "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
        "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
    ]
    assert [m.updates for m in u.months] == [1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1]
    assert (u.months[0].start, u.months[-1].end) == (D("2023-07-01"), D("2024-07-01"))
    assert (u.total, u.average) == (5, 5 / 12)


def test_updates_per_month_in_january_reaches_into_last_year():
    led = ledger('2023-01-31 update "a"\n2023-12-01 update "b"\n')
    u = updates_per_month(led.entries, D("2024-01-01"))
    assert (u.months[0].label, u.months[-1].label, u.total) == ("2023-01", "2023-12", 2)


def test_month_counts_whole_months_overlapping_a_span():
    led = ledger("""
        2024-01-31 update "a"
        2024-02-01 update "b"
        2024-02-29 update "c"
        2024-04-10 update "d"
        2024-05-02 update "e"
    """)
    as_of = D("2024-05-15")
    # [2024-02-15, 2024-04-01): the months holding 02-15 and 03-31, whole, each counting the
    # updates in the span: February holds b (02-01, before it) and c (02-29): 1.
    got = month_counts(led.entries, as_of, D("2024-02-15"), D("2024-04-01"))
    assert [(m.label, m.start, m.end, m.updates) for m in got] == [
        ("2024-02", D("2024-02-01"), D("2024-03-01"), 1),
        ("2024-03", D("2024-03-01"), D("2024-04-01"), 0),
    ]
    # No bounds: from the first entry's month to the month before as-of's (May is not over).
    assert [(m.label, m.updates) for m in month_counts(led.entries, as_of)] == [
        ("2024-01", 1), ("2024-02", 2), ("2024-03", 0), ("2024-04", 1)]
    # An end past as-of stops at the month before as-of's.
    assert [m.label for m in month_counts(led.entries, as_of, D("2024-04-01"), D("2025-01-01"))] == ["2024-04"]
    # A span wholly inside as-of's month holds no whole month.
    assert month_counts(led.entries, as_of, D("2024-05-01"), D("2024-05-10")) == ()


def test_contract_counted_inside_a_window():
    led = ledger("""
        2025-03-03 contract "Weekly note"
          every: week
        2025-03-05 update "w10"
        2025-03-12 update "w11"
        2025-03-26 update "w13"
        2025-04-02 update "w14"
        2025-04-09 update "w15"
        2025-04-23 update "w17"
    """)
    as_of = D("2025-07-15")  # a Tuesday of W29: the whole weeks are W10 (from Monday 03-03) to W28
    [whole] = cadence(led.entries, as_of)
    assert (len(whole.periods), whole.kept, whole.missed) == (19, 6, 13)
    # April: the weeks whose last day (a Sunday) is in it: W14 (03-31 to 04-06), W15, W16 and W17
    # (04-21 to 04-27); W18 (04-28 to 05-04) is May's. W14, W15 and W17 hold an update, W16 none.
    april = counted_in(whole, D("2025-04-01"), D("2025-05-01"), as_of)
    assert [(p.label, p.updates, p.kept) for p in april.periods] == [
        ("2025-W14", 1, True), ("2025-W15", 1, True), ("2025-W16", 0, False), ("2025-W17", 1, True)]
    assert (april.kept, april.missed, april.current_run) == (3, 1, 1)
    assert (april.latest.label, april.last_missed.label, april.live, april.last_day) == ("2025-W17", "2025-W16",
                                                                                      True, None)
    # March: W10, W11, W12 (none), W13; W14 straddles the two months and counts in April only
    march = counted_in(whole, D("2025-03-01"), D("2025-04-01"), as_of)
    assert [p.label for p in march.periods] == ["2025-W10", "2025-W11", "2025-W12", "2025-W13"]
    assert (march.kept, march.missed, march.current_run, march.last_missed.label) == (3, 1, 1, "2025-W12")
    # a window's end excluded: [03-31, 04-06) holds no last day, [03-31, 04-07) holds W14's
    w14 = april.periods[0]
    assert not ends_in(w14, D("2025-03-31"), D("2025-04-06"))
    assert ends_in(w14, D("2025-03-31"), D("2025-04-07"))
    # unbounded: the whole contract again
    assert counted_in(whole, None, None, as_of) == whole
    # a window with no whole period: nothing kept or missed, no latest
    none = counted_in(whole, D("2025-08-01"), None, as_of)
    assert (none.periods, none.kept, none.missed, none.current_run, none.latest, none.last_missed) == (
        (), 0, 0, 0, None, None)


def test_unwritten_topics():
    led = ledger("""
        2024-01-10 explained #pricing
        2024-02-10 explained #pricing
        2024-06-01 explained #pricing
        2024-01-05 explained #onboarding
        2024-01-20 update "Onboarding guide"
          covers: #onboarding
        2024-03-01 explained #onboarding
        2024-01-01 explained #hiring
        2024-01-02 explained #hiring
        2024-01-02 update "How we hire"
          covers: #hiring #culture
        2024-02-01 explained #roadmap
        2024-03-01 update "Roadmap"
          covers: #roadmap
        2024-03-01 explained #roadmap
        2024-04-01 explained #roadmap
        2024-05-01 explained #roadmap
        2024-01-01 update "Ops handbook"
          covers: #ops
        2024-02-01 explained #ops
        2024-03-01 explained #ops
        2024-05-10 explained #once
    """)
    got = unwritten(led.entries, D("2024-05-15"))
    # pricing: twice, never written (the June one is after as_of).
    # onboarding: written up after the first explanation, explained once since: fine.
    # hiring: an update the same day as the 2nd explanation covers both: fine.
    # roadmap: written 2024-03-01 (which answers that day's explanation too), then
    # explained twice more: unwritten again.
    # ops: the only write-up predates both explanations.
    # once: explained once.
    assert [(u.topic, u.times, u.explained_on, u.written_on) for u in got] == [
        ("ops", 2, (D("2024-02-01"), D("2024-03-01")), D("2024-01-01")),
        ("pricing", 2, (D("2024-01-10"), D("2024-02-10")), None),
        ("roadmap", 2, (D("2024-04-01"), D("2024-05-01")), D("2024-03-01")),
    ]
    assert got[2].last.date == D("2024-05-01")  # the latest explanation, for the warning
    # As of 2024-02-09: pricing, ops, roadmap and onboarding explained once each,
    # hiring twice but written up: nothing to write.
    assert unwritten(led.entries, D("2024-02-09")) == ()


# --- the latest periods, as check reads them -------------------------------------------------------


def test_latest_periods_agree_with_the_whole_cadence():
    ledger = load(JANE)
    for as_of in (date(2025, 12, 3), date(2026, 2, 1), date(2026, 11, 21), date(2030, 1, 1)):
        whole = cadence(ledger.entries, as_of)
        latest = latest_periods(ledger.entries, as_of)
        assert [(c.contract, c.latest, c.live) for c in whole] == [(c.contract, c.latest, c.live) for c in latest]
