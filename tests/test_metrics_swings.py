"""Big swings (careerledger.metrics.swings): every big bet and innovation role, when the next is
due, and the record of the bets, against values worked out by hand.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
import pytest
from conftest import D, ledger

from careerledger.metrics import timeline
from careerledger.metrics.swings import SUCCESS_BASELINE, against_baseline, bet_records, established_on, swings


def test_established_defaults_to_first_main_role_plus_4y_with_partial_date():
    led = ledger("""
        2015-03-01 role "Board member" at "Charity"
          track: core
          phase: learning
          side: yes
        2016-09 role "Analyst" at "Acme"
          track: core
          phase: learning
    """)
    # The side role does not start the career; 2016-09 is 2016-09-01; + 4y = 2020-09-01.
    assert established_on(led.entries, led.options) == D("2020-09-01")
    assert timeline.first_role(led.entries).title == "Analyst"


def test_established_option_wins_and_no_roles_gives_none():
    led = ledger("""
        option "established" "2019-05-20"
        2016-09 role "Analyst" at "Acme"
          track: core
          phase: learning
    """)
    assert established_on(led.entries, led.options) == D("2019-05-20")
    empty = ledger('2020-01-01 note "nothing yet"\n')
    assert established_on(empty.entries, empty.options) is None


PORTFOLIO = """
    option "swing-every" "3y"
    2012-06 role "Analyst" at "Bank"
      track: core
      phase: learning
    2014-03-10 bet "Robo-advice"
      size: small
    2015-05-04 bet "Mobile app"
    2016-01-01 outcome "Mobile app" success
      lesson: "ship early"
    2017-09-01 role "Founder" at "Startup"
      track: innovation
      phase: impact
    2018-03-01 outcome "Robo-advice" failure
    2019-03-01 role "VP" at "Corp"
      track: core
      phase: impact
    2019-06-01 bet "AI pricing"
    2020-06-01 outcome "AI pricing" success
"""


def test_swings_last_swing_and_due_date():
    led = ledger(PORTFOLIO)
    s = swings(led.entries, D("2020-03-01"), led.options)
    # Big swings: the big bet (size defaults to big), the innovation role, the
    # second big bet. The small bet is not one.
    assert [(w.date, w.kind, w.name) for w in s.swings] == [
        (D("2015-05-04"), "bet", "Mobile app"),
        (D("2017-09-01"), "role", "Founder"),
        (D("2019-06-01"), "bet", "AI pricing"),
    ]
    assert s.last == D("2019-06-01")
    # 2019-06-01 -> 2020-03-01: Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30
    # + Dec 31 + Jan 31 + Feb 29 (2020) = 274 days, exactly 9 months.
    assert s.days_since == 274
    assert s.since == (0, 9, 0)
    assert s.measured_from == D("2019-06-01")
    assert s.due_on == D("2022-06-01")  # 2019-06-01 + 3y
    # 2020-03-01 -> 2022-03-01 = 365 + 365; -> 2022-06-01 + 31 + 30 + 31 = 822
    assert s.due_in_days == 822
    assert s.established == D("2016-06-01")  # 2012-06-01 + 4y
    assert s.due is False
    assert s.overdue_days is None
    # 2015-05-04 -> 2017-05-04 = 731 (2016 is leap); -> 2017-09-01 = 31+30+31+31-3 = 120: 851
    # 2017-09-01 -> 2018-09-01 = 365; -> 2019-06-01 = 30+31+30+31+31+28+31+30+31 = 273: 638
    assert s.intervals == (851, 638)


def test_swings_portfolio_bets_roles_and_days():
    led = ledger(PORTFOLIO)
    s = swings(led.entries, D("2020-03-01"), led.options)
    # The outcome of "AI pricing" (2020-06-01) is after as_of: the bet is still open.
    got = [(b.name, b.size, b.result, b.closed_on, b.days, b.open) for b in s.bets]
    assert got == [
        # 2014-03-10 -> 2018-03-10 = 4*365 + 1 (2016-02-29) = 1461; -9 days = 1452
        ("Robo-advice", "small", "failure", D("2018-03-01"), 1452, False),
        # 2015-05-04 -> 2015-12-04 = 31+30+31+31+30+31+30 = 214; -> 2016-01-01 +28 = 242
        ("Mobile app", "big", "success", D("2016-01-01"), 242, False),
        # open: 2019-06-01 -> as_of 2020-03-01 = 274 (as above)
        ("AI pricing", "big", None, None, 274, True),
    ]
    assert s.bets[1].lesson == "ship early"
    assert [b.name for b in s.open_bets] == ["AI pricing"]
    # the records on their own: every bet with its outcome as of the day
    assert tuple(bet_records(timeline.upto(led.entries, D("2020-03-01")), D("2020-03-01"))) == s.bets
    assert (s.closed, s.successes, s.success_rate) == (2, 1, 0.5)
    # Founder: 2017-09-01 until the VP role 2019-03-01:
    # 365 + (Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 = 181) = 546
    [founder] = s.innovation_roles
    assert (founder.role.title, founder.start, founder.end, founder.days, founder.side) == (
        "Founder", D("2017-09-01"), D("2019-03-01"), 546, False)
    # Core: Analyst 2012-06-01 -> 2017-09-01 = 5*365 + 1 (2016) = 1826, + Jun 30 + Jul 31
    # + Aug 31 = 1918; VP 2019-03-01 -> 2020-03-01 = 366 (2020-02-29). 1918 + 366 = 2284.
    assert s.core_days == 2284
    assert s.innovation_days == 546
    # Later, the outcome is in: 2 successes of 3 closed.
    later = swings(led.entries, D("2020-06-01"), led.options)
    assert (later.closed, later.successes) == (3, 2)
    assert later.success_rate == pytest.approx(2 / 3)
    assert later.open_bets == ()


def test_swing_exactly_at_threshold_and_one_day_past():
    led = ledger("""
        option "established" "2010-01-01"
        2008-05-01 role "Analyst" at "Acme"
          track: core
          phase: learning
        2020-01-15 bet "Marketplace"
          size: big
    """)
    # due_on = 2020-01-15 + 3y (default swing-every) = 2023-01-15.
    # On that day the span is exactly 3y: 366 (2020) + 365 + 365 = 1096 days; not due.
    on = swings(led.entries, D("2023-01-15"), led.options)
    assert (on.days_since, on.since, on.due_on) == (1096, (3, 0, 0), D("2023-01-15"))
    assert (on.due, on.due_in_days, on.overdue_days) == (False, 0, None)
    # One day later it exceeds 3y: due, 1 day overdue.
    past = swings(led.entries, D("2023-01-16"), led.options)
    assert (past.days_since, past.since) == (1097, (3, 0, 1))
    assert (past.due, past.due_in_days, past.overdue_days) == (True, None, 1)


def test_swing_from_a_leap_day():
    led = ledger("""
        option "swing-every" "1y"
        option "established" "2000-01-01"
        2024-02-29 bet "Leap"
    """)
    # 2024-02-29 + 1y clamps to 2025-02-28 (no Feb 29 in 2025).
    # 2024-02-29 -> 2025-02-28 = 365 days, which is exactly one year.
    on = swings(led.entries, D("2025-02-28"), led.options)
    assert (on.due_on, on.days_since, on.since, on.due) == (D("2025-02-28"), 365, (1, 0, 0), False)
    past = swings(led.entries, D("2025-03-01"), led.options)
    assert (past.days_since, past.since, past.due, past.overdue_days) == (366, (1, 0, 1), True, 1)


def test_no_swing_yet_measures_from_first_main_role_and_waits_for_established():
    led = ledger("""
        2018-01-01 role "Analyst" at "Acme"
          track: core
          phase: learning
    """)
    # No swing: the clock starts at the first main role, 2018-01-01; due_on 2021-01-01;
    # established (default) 2018-01-01 + 4y = 2022-01-01.
    s = swings(led.entries, D("2021-01-01"), led.options)
    assert (s.last, s.days_since, s.since) == (None, None, None)
    assert (s.measured_from, s.due_on, s.due, s.due_in_days) == (D("2018-01-01"), D("2021-01-01"), False, 0)
    # Past due_on but before established: not due, and neither count applies.
    s = swings(led.entries, D("2021-06-01"), led.options)
    assert (s.due, s.overdue_days, s.due_in_days) == (False, None, None)
    # On established: due; 2021-01-01 -> 2022-01-01 = 365 days past due_on.
    s = swings(led.entries, D("2022-01-01"), led.options)
    assert (s.due, s.overdue_days) == (True, 365)


def test_side_innovation_role_is_a_swing_but_not_innovation_days():
    led = ledger("""
        2020-01-01 role "PM" at "Acme"
          track: core
          phase: impact
        2021-04-01 role "Co-founder" at "Nights and weekends"
          track: innovation
          phase: learning
          side: yes
    """)
    s = swings(led.entries, D("2021-05-01"), led.options)
    assert [(w.kind, w.name) for w in s.swings] == [("role", "Co-founder")]
    assert s.days_since == 30  # April has 30 days
    [side] = s.innovation_roles
    assert (side.side, side.end, side.days) == (True, None, 30)
    # Only the main role counts: 2020-01-01 -> 2021-05-01 = 366 + 31 + 28 + 31 + 30 = 486.
    assert (s.core_days, s.innovation_days) == (486, 0)


def test_swings_with_no_roles_and_before_the_first_entry():
    led = ledger('2020-01-01 bet "Garage project"\n')
    s = swings(led.entries, D("2030-01-01"), led.options)
    # A swing but no role: no `established`, so never due.
    assert (len(s.swings), s.established, s.due) == (1, None, False)
    early = swings(led.entries, D("2019-12-31"), led.options)
    assert (early.swings, early.last, early.measured_from, early.due_on, early.bets) == (
        (), None, None, None, ())
    assert (early.success_rate, early.core_days, early.intervals) == (None, 0, ())


def test_swings_track_shares_and_success_against_the_baseline():
    led = ledger(PORTFOLIO)
    s = swings(led.entries, D("2020-03-01"), led.options)
    # core 2284 and innovation 546 days (test_swings_portfolio_bets_roles_and_days): 2830 in all.
    assert (s.core_days, s.innovation_days) == (2284, 546)
    assert s.core_share == pytest.approx(2284 / 2830)
    assert s.innovation_share == pytest.approx(546 / 2830)
    # 1 success of 2 closed: exactly the 50% baseline.
    assert (s.success_rate, s.vs_baseline) == (0.5, "at")
    later = swings(led.entries, D("2020-06-01"), led.options)
    assert later.vs_baseline == "above"  # 2 of 3
    assert (against_baseline(0.25), against_baseline(None)) == ("below", None)
    assert SUCCESS_BASELINE == 0.5
    empty = ledger('2020-01-01 note "x"\n')
    e = swings(empty.entries, D("2021-01-01"), empty.options)
    assert (e.core_share, e.innovation_share, e.vs_baseline) == (None, None, None)
