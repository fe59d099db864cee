"""Metrics (careerledger.compute), against values worked out by hand.

Every expected number is written out below with its arithmetic in a comment;
none is computed with the code under test. Day counts follow the rule of
docs/metrics.md: a span includes its start day and excludes its end day, so
"days since D" is as_of - D. Month lengths used: Jan 31, Feb 28 (29 in 2016,
2020, 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31, Aug 31, Sep 30, Oct 31,
Nov 30, Dec 31.
"""

import textwrap
from datetime import date

import pytest

import careerledger
from careerledger import compute as C

D = date.fromisoformat


def ledger(text):
    led = careerledger.load_string(textwrap.dedent(text))
    assert led.problems == (), led.problems
    return led


# --- upto --------------------------------------------------------------------------


def test_upto_keeps_entries_on_as_of_and_drops_later_ones():
    led = ledger("""
        2024-01-01 note "a"
        2024-01-02 note "b"
        2024-01-02 note "c"
        2024-01-03 note "d"
    """)
    assert [e.text for e in C.upto(led.entries, D("2024-01-02"))] == ["a", "b", "c"]
    assert C.upto(led.entries, D("2023-12-31")) == ()
    assert len(C.upto(led.entries, D("2030-01-01"))) == 4


# --- established --------------------------------------------------------------------


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
    assert C.established_on(led.entries, led.options) == D("2020-09-01")
    assert C.first_role(led.entries).title == "Analyst"


def test_established_option_wins_and_no_roles_gives_none():
    led = ledger("""
        option "established" "2019-05-20"
        2016-09 role "Analyst" at "Acme"
          track: core
          phase: learning
    """)
    assert C.established_on(led.entries, led.options) == D("2019-05-20")
    empty = ledger('2020-01-01 note "nothing yet"\n')
    assert C.established_on(empty.entries, empty.options) is None


# --- big swings ----------------------------------------------------------------------

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
    s = C.swings(led.entries, led.options, D("2020-03-01"))
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
    assert s.due is False and s.overdue_days is None
    # 2015-05-04 -> 2017-05-04 = 731 (2016 is leap); -> 2017-09-01 = 31+30+31+31-3 = 120: 851
    # 2017-09-01 -> 2018-09-01 = 365; -> 2019-06-01 = 30+31+30+31+31+28+31+30+31 = 273: 638
    assert s.intervals == (851, 638)


def test_swings_portfolio_bets_roles_and_days():
    led = ledger(PORTFOLIO)
    s = C.swings(led.entries, led.options, D("2020-03-01"))
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
    later = C.swings(led.entries, led.options, D("2020-06-01"))
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
    on = C.swings(led.entries, led.options, D("2023-01-15"))
    assert (on.days_since, on.since, on.due_on) == (1096, (3, 0, 0), D("2023-01-15"))
    assert (on.due, on.due_in_days, on.overdue_days) == (False, 0, None)
    # One day later it exceeds 3y: due, 1 day overdue.
    past = C.swings(led.entries, led.options, D("2023-01-16"))
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
    on = C.swings(led.entries, led.options, D("2025-02-28"))
    assert (on.due_on, on.days_since, on.since, on.due) == (D("2025-02-28"), 365, (1, 0, 0), False)
    past = C.swings(led.entries, led.options, D("2025-03-01"))
    assert (past.days_since, past.since, past.due, past.overdue_days) == (366, (1, 0, 1), True, 1)


def test_no_swing_yet_measures_from_first_main_role_and_waits_for_established():
    led = ledger("""
        2018-01-01 role "Analyst" at "Acme"
          track: core
          phase: learning
    """)
    # No swing: the clock starts at the first main role, 2018-01-01; due_on 2021-01-01;
    # established (default) 2018-01-01 + 4y = 2022-01-01.
    s = C.swings(led.entries, led.options, D("2021-01-01"))
    assert (s.last, s.days_since, s.since) == (None, None, None)
    assert (s.measured_from, s.due_on, s.due, s.due_in_days) == (D("2018-01-01"), D("2021-01-01"), False, 0)
    # Past due_on but before established: not due, and neither count applies.
    s = C.swings(led.entries, led.options, D("2021-06-01"))
    assert (s.due, s.overdue_days, s.due_in_days) == (False, None, None)
    # On established: due; 2021-01-01 -> 2022-01-01 = 365 days past due_on.
    s = C.swings(led.entries, led.options, D("2022-01-01"))
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
    s = C.swings(led.entries, led.options, D("2021-05-01"))
    assert [(w.kind, w.name) for w in s.swings] == [("role", "Co-founder")]
    assert s.days_since == 30  # April has 30 days
    [side] = s.innovation_roles
    assert (side.side, side.end, side.days) == (True, None, 30)
    # Only the main role counts: 2020-01-01 -> 2021-05-01 = 366 + 31 + 28 + 31 + 30 = 486.
    assert (s.core_days, s.innovation_days) == (486, 0)


def test_swings_with_no_roles_and_before_the_first_entry():
    led = ledger('2020-01-01 bet "Garage project"\n')
    s = C.swings(led.entries, led.options, D("2030-01-01"))
    # A swing but no role: no `established`, so never due.
    assert (len(s.swings), s.established, s.due) == (1, None, False)
    early = C.swings(led.entries, led.options, D("2019-12-31"))
    assert (early.swings, early.last, early.measured_from, early.due_on, early.bets) == (
        (), None, None, None, ())
    assert (early.success_rate, early.core_days, early.intervals) == (None, 0, ())


# --- phase balance ----------------------------------------------------------------------

CAREER = """
    2015-01-01 role "Analyst" at "A"
      track: core
      phase: learning
    2017-01-01 role "Lead" at "A"
      track: core
      phase: impact
    2018-07-01 role "Adviser" at "B"
      track: core
      phase: learning
      side: yes
    2019-01-01 leave "Lead"
    2019-07-01 role "PM" at "C"
      track: core
      phase: impact
    2021-01-01 role "Sr PM" at "C"
      track: core
      phase: learning
"""


def test_phase_runs_totals_and_shares():
    led = ledger(CAREER)
    p = C.phases(led.entries, D("2022-01-01"))
    # The side role (Adviser, learning) does not interrupt the impact run.
    assert [(r.phase, r.start, r.end, r.days) for r in p.runs] == [
        ("learning", D("2015-01-01"), D("2017-01-01"), 731),  # 365 + 366 (2016)
        ("impact", D("2017-01-01"), D("2019-01-01"), 730),  # 365 + 365
        ("gap", D("2019-01-01"), D("2019-07-01"), 181),  # 31+28+31+30+31+30
        ("impact", D("2019-07-01"), D("2021-01-01"), 550),  # 31+31+30+31+30+31 + 366
        ("learning", D("2021-01-01"), D("2022-01-01"), 365),
    ]
    # Whole career: learning 731 + 365 = 1096; impact 730 + 550 = 1280; gap 181;
    # total 2557 = 7*365 + 2 leap days (2016, 2020).
    c = p.career
    assert (c.start, c.days, c.learning, c.impact, c.gap) == (D("2015-01-01"), 2557, 1096, 1280, 181)
    assert c.learning_share == pytest.approx(1096 / 2557)
    assert c.impact_share == pytest.approx(1280 / 2557)
    assert c.gap_share == pytest.approx(181 / 2557)
    # Trailing 5 years: [2017-01-01, 2022-01-01) = 5*365 + 1 (2020) = 1826 days; the
    # first learning run ends on the window's first day and contributes nothing.
    r = p.recent
    assert (r.start, r.days, r.learning, r.impact, r.gap) == (D("2017-01-01"), 1826, 365, 1280, 181)
    assert r.impact_share == pytest.approx(1280 / 1826)
    # learning -> impact -> (gap) -> impact -> learning: 2 switches.
    assert p.switches == 2
    assert (p.current, p.streak_start, p.streak_days) == ("learning", D("2021-01-01"), 365)
    # Each run points at the entry that started it (the gap: the leave).
    assert [type(r.entry).__name__ for r in p.runs] == ["Role", "Role", "Leave", "Role", "Role"]
    assert p.runs[1].entry.title == "Lead"


def test_trailing_window_clips_a_run():
    led = ledger(CAREER)
    p = C.phases(led.entries, D("2022-07-01"))
    # Window [2017-07-01, 2022-07-01): the Lead run is clipped to 2017-07-01 -> 2019-01-01
    # = 365 + 184 (Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31) = 549.
    # Impact: 549 + 550 = 1099; gap 181; learning 2021-01-01 -> 2022-07-01 = 365 + 181 = 546.
    # Total 1099 + 181 + 546 = 1826 (5*365 + 1 for 2020).
    r = p.recent
    assert (r.start, r.impact, r.gap, r.learning, r.days) == (D("2017-07-01"), 1099, 181, 546, 1826)


def test_gap_between_same_phase_is_no_switch_but_resets_the_streak():
    led = ledger("""
        2020-01-01 role "A" at "X"
          track: core
          phase: impact
        2021-01-01 leave "A"
        2021-03-01 role "B" at "Y"
          track: core
          phase: impact
    """)
    p = C.phases(led.entries, D("2021-06-01"))
    assert [(r.phase, r.days) for r in p.runs] == [("impact", 366), ("gap", 59), ("impact", 92)]
    assert p.switches == 0
    # The streak counts from the end of the gap: 2021-03-01 -> 2021-06-01 = 31 + 30 + 31 = 92.
    assert (p.current, p.streak_start, p.streak_days) == ("impact", D("2021-03-01"), 92)
    # During the gap, the gap is the current phase.
    mid = C.phases(led.entries, D("2021-02-01"))
    assert (mid.current, mid.streak_days, mid.career.gap) == ("gap", 31, 31)
    # On the day of the leave: gap, streak 0; that day is not counted yet.
    leave_day = C.phases(led.entries, D("2021-01-01"))
    assert (leave_day.current, leave_day.streak_days) == ("gap", 0)
    assert (leave_day.career.impact, leave_day.career.gap) == (366, 0)


def test_role_starting_on_as_of_is_the_current_phase():
    led = ledger("""
        2020-01-01 role "A" at "X"
          track: core
          phase: learning
        2021-01-01 role "B" at "X"
          track: core
          phase: impact
    """)
    p = C.phases(led.entries, D("2021-01-01"))
    assert (p.current, p.streak_days, p.switches) == ("impact", 0, 1)
    assert (p.career.learning, p.career.impact) == (366, 0)


def test_phase_streak_exactly_phase_max_and_one_day_more():
    led = ledger("""
        2020-02-29 role "A" at "X"
          track: core
          phase: learning
    """)
    # Default phase-max 4y: limit 2020-02-29 + 4y = 2024-02-29 (a leap day again).
    # 2020-02-29 -> 2024-02-29 = 4*365 + 1 (2024-02-29) = 1461 days: exactly 4y, not stuck.
    on = C.phases(led.entries, D("2024-02-29"))
    assert (on.limit_on, on.streak_days, on.stuck) == (D("2024-02-29"), 1461, False)
    past = C.phases(led.entries, D("2024-03-01"))
    assert (past.streak_days, past.stuck) == (1462, True)


def test_a_long_gap_is_not_stuck():
    led = ledger("""
        2010-01-01 role "A" at "X"
          track: core
          phase: impact
        2015-01-01 leave "A"
    """)
    # 2015-01-01 + 4y = 2019-01-01; a day later the gap streak is past phase-max,
    # 365*4 + 1 (2016) + 1 = 1462 days, but a gap does not count as being stuck.
    p = C.phases(led.entries, D("2019-01-02"))
    assert (p.current, p.streak_days, p.limit_on, p.stuck) == ("gap", 1462, D("2019-01-01"), False)


def test_phase_max_option():
    led = ledger("""
        option "phase-max" "2y"
        2021-03-01 role "A" at "X"
          track: core
          phase: impact
    """)
    # 2021-03-01 + 2y = 2023-03-01; 365 + 365 = 730 days on that day.
    on = C.phases(led.entries, D("2023-03-01"), led.options)
    assert (on.limit_on, on.streak_days, on.stuck) == (D("2023-03-01"), 730, False)
    past = C.phases(led.entries, D("2023-03-02"), led.options)
    assert (past.streak_days, past.stuck) == (731, True)


def test_phases_count_from_the_first_main_role_only():
    led = ledger("""
        2019-01-01 role "Mentor" at "Club"
          track: core
          phase: impact
          side: yes
        2019-02-01 role "Engineer" at "Acme"
          track: core
          phase: learning
    """)
    p = C.phases(led.entries, D("2019-03-01"))
    # Days before the first main role are not a gap: only Feb (28 days) counts.
    assert [(r.phase, r.start, r.days) for r in p.runs] == [("learning", D("2019-02-01"), 28)]
    assert (p.career.days, p.career.gap) == (28, 0)


def test_phases_with_no_roles_or_before_the_first_role():
    led = ledger('2020-01-01 note "a note"\n')
    p = C.phases(led.entries, D("2021-01-01"))
    assert (p.runs, p.current, p.streak_days, p.switches, p.stuck) == ((), None, None, 0, False)
    assert (p.career.days, p.career.learning_share) == (0, None)
    early = C.phases(ledger(CAREER).entries, D("2014-12-31"))
    assert (early.runs, early.current, early.recent.days) == ((), None, 0)


# --- marketing cadence ----------------------------------------------------------------

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
    [c] = C.cadence(led.entries, D("2024-07-10"))  # the August contract is after as_of
    # Whole months from January (holds the contract's date) to June (July, as_of's
    # month, is not over): Jan 1, Feb 1, Mar 2 (every audience counts), Apr 0, May 1, Jun 1.
    assert [(p.label, p.count, p.kept) for p in c.periods] == [
        ("2024-01", 1, True), ("2024-02", 1, True), ("2024-03", 2, True),
        ("2024-04", 0, False), ("2024-05", 1, True), ("2024-06", 1, True),
    ]
    assert (c.periods[0].start, c.periods[0].end) == (D("2024-01-01"), D("2024-02-01"))
    assert (c.kept, c.missed, c.current_run, c.required, c.every) == (5, 1, 2, 1, "month")
    assert (c.last_missed.start, c.latest.label, c.live) == (D("2024-04-01"), "2024-06", True)


def test_contract_in_its_first_period_has_no_whole_period():
    led = ledger(MONTHLY)
    [c] = C.cadence(led.entries, D("2024-01-31"))
    assert (c.periods, c.kept, c.missed, c.current_run, c.latest, c.last_missed) == ((), 0, 0, 0, None, None)
    assert C.cadence(led.entries, D("2024-01-14")) == ()  # before the contract


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
    [c] = C.cadence(led.entries, D("2024-01-10"))
    assert [(p.label, p.start, p.count, p.kept) for p in c.periods] == [
        ("2023-W47", D("2023-11-20"), 2, True),
        ("2023-W48", D("2023-11-27"), 1, False),
        ("2023-W49", D("2023-12-04"), 2, True),
    ]
    assert (c.kept, c.missed, c.current_run, c.last_missed.label, c.live) == (2, 1, 1, "2023-W48", False)
    # As of `until` itself (Wed of W49): W49 is not over; the contract is still live.
    [c] = C.cadence(led.entries, D("2023-12-06"))
    assert ([p.label for p in c.periods], c.live) == (["2023-W47", "2023-W48"], True)
    [c] = C.cadence(led.entries, D("2023-12-07"))
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
    [c] = C.cadence(led.entries, D("2021-01-13"))
    # 2019-12-30 is Monday of ISO 2020-W01. as_of 2021-01-13 is in 2021-W02, so the
    # whole weeks are 2020-W01 .. 2020-W53 and 2021-W01: 53 + 1 = 54
    # (2019-12-30 -> 2021-01-11 = 366 + 12 = 378 days = 54 weeks).
    assert len(c.periods) == 54
    assert (c.periods[0].label, c.periods[0].start) == ("2020-W01", D("2019-12-30"))
    last4 = [(p.label, p.start, p.end, p.count, p.kept) for p in c.periods[-4:]]
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
    [c] = C.cadence(led.entries, D("2024-01-01"))
    # The first period is all of Q1 2023 (it holds 2023-02-20), so the January update,
    # published before the contract, counts. Q1 2024 (as_of's) is not over.
    assert [(p.label, p.start, p.end, p.count, p.kept) for p in c.periods] == [
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
    u = C.updates_per_month(led.entries, D("2024-07-10"))
    # Months 2023-07 .. 2024-06; July 2024 is not over.
    assert [m.label for m in u.months] == [
        "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
        "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
    ]
    assert [m.count for m in u.months] == [1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1]
    assert (u.months[0].start, u.months[-1].end) == (D("2023-07-01"), D("2024-07-01"))
    assert (u.total, u.average) == (5, 5 / 12)


def test_updates_per_month_in_january_reaches_into_last_year():
    led = ledger('2023-01-31 update "a"\n2023-12-01 update "b"\n')
    u = C.updates_per_month(led.entries, D("2024-01-01"))
    assert (u.months[0].label, u.months[-1].label, u.total) == ("2023-01", "2023-12", 2)


# --- write what you repeat -------------------------------------------------------------


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
    got = C.unwritten(led.entries, D("2024-05-15"))
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
    assert C.unwritten(led.entries, D("2024-02-09")) == ()


# --- landing (30/60/90) ---------------------------------------------------------------

LANDING = """
    2023-01-01 role "PM" at "Acme"
      track: core
      phase: learning
    2023-02-01 win "Faster checkout"
    2024-01-10 listen "Old team"
    2024-01-15 role "Head of Product" at "Acme"
      track: core
      phase: impact
    2024-01-16 listen "CEO"
    2024-02-13 listen "CTO"
    2024-02-13 sotu "State of product"
    2024-02-14 listen "CFO"
    2024-03-15 align "Top three problems"
      with: "Execs"
"""


def test_landing_steps_done_late_open():
    led = ledger(LANDING)
    # Day 1 = 2024-01-15. Day 30 = +29 days = 2024-02-13 (16 days to Jan 31, 13 more);
    # day 60 = +59 = 2024-03-14 (16 + 29 in Feb 2024 + 14); day 90 = +89 = 2024-04-13.
    land = C.landing(led.entries, D("2024-04-13"))
    assert land.role.title == "Head of Product"
    assert (land.start, land.end, land.held, land.day, land.tour_ends_on) == (
        D("2024-01-15"), None, True, 90, D("2024-02-13"))
    # The tour: days 1-30 only (CFO on day 31 is out; "Old team" was the earlier role).
    assert [e.who for e in land.listens] == ["CEO", "CTO"]
    assert [(s.name, s.day, s.due_on, s.done_on, s.status, s.days_left) for s in land.steps] == [
        ("sotu", 30, D("2024-02-13"), D("2024-02-13"), "done", -60),  # on day 30 exactly
        ("align", 60, D("2024-03-14"), D("2024-03-15"), "late", -30),  # day 61
        ("win", 90, D("2024-04-13"), None, "open", 0),  # due today, not done
    ]
    assert land.overdue == ()


def test_landing_step_overdue_the_day_after():
    led = ledger(LANDING)
    land = C.landing(led.entries, D("2024-04-14"))
    win = land.steps[2]
    assert (land.day, win.status, win.days_left, land.overdue) == (91, "overdue", -1, ("win",))


def test_landing_of_an_earlier_role_ends_at_the_next_role():
    led = ledger(LANDING)
    land = C.landing(led.entries, D("2024-04-14"), role="PM")
    # PM: 2023-01-01 .. 2024-01-15. Its win on day 32 (2023-02-01) is on time;
    # no sotu or align ever: overdue. The 2024-01-10 listen is day 375, not the tour.
    assert (land.end, land.held, land.listens) == (D("2024-01-15"), False, ())
    assert [(s.name, s.status) for s in land.steps] == [
        ("sotu", "overdue"), ("align", "overdue"), ("win", "done")]
    assert C.landing(led.entries, D("2024-04-14"), role=land.role).role.title == "PM"
    assert [x.role.title for x in C.landings(led.entries, D("2024-04-14"))] == ["PM", "Head of Product"]


def test_landing_after_a_leave():
    led = ledger("""
        2022-01-01 role "A" at "X"
          track: core
          phase: learning
        2022-01-10 leave "A"
        2022-01-20 sotu "Too late: in the gap"
    """)
    assert C.landing(led.entries, D("2022-03-01")) is None  # no main role held
    land = C.landing(led.entries, D("2022-03-01"), role="A")
    # The role ended on 2022-01-10; the sotu in the gap does not count for it.
    assert (land.end, land.steps[0].status) == (D("2022-01-10"), "overdue")
    assert C.landing(ledger('2022-01-01 note "x"\n').entries, D("2022-03-01")) is None


# --- north star and coverage -----------------------------------------------------------

STARS = """
    2020-01-01 north-star "CPO"
      needs: #strategy #pricing #hiring
    2020-05-01 skill #pricing proficient
    2020-08-01 skill #strategy mastered
    2021-01-01 north-star "CPO at a scale-up"
      needs: #zero-to-one #exec-communication #pricing #hiring
    2021-02-01 skill #hiring mastered
    2021-03-01 skill #exec-communication practicing
    2021-06-01 skill #pricing mastered
    2022-01-01 skill #hiring proficient
    2030-01-01 skill #zero-to-one mastered
"""


def test_coverage_of_the_latest_north_star():
    led = ledger(STARS)
    cov = C.coverage(led.entries, D("2022-06-01"))
    assert cov.north_star.vision == "CPO at a scale-up"
    assert cov.needs == ("zero-to-one", "exec-communication", "pricing", "hiring")
    assert [(s.skill, s.date) for s in cov.mastered] == [("pricing", D("2021-06-01"))]
    # hiring: mastered, then re-assessed as proficient; the latest entry wins.
    assert [(s.skill, s.level) for s in cov.lower] == [
        ("exec-communication", "practicing"), ("hiring", "proficient")]
    assert cov.missing == ("zero-to-one",)  # its entry is after as_of
    # As of 2020-06-01 the first north star is the latest one.
    old = C.coverage(led.entries, D("2020-06-01"))
    assert ([s.skill for s in old.mastered], [s.skill for s in old.lower], old.missing) == (
        [], ["pricing"], ("strategy", "hiring"))
    none = C.coverage(led.entries, D("2019-12-31"))
    assert none == (None, (), (), (), ())


def test_north_star_history_and_horizon():
    led = ledger(STARS)
    ns = C.north_star(led.entries, D("2022-06-01"))
    assert ns.current.vision == "CPO at a scale-up"
    assert [s.vision for s in ns.history] == ["CPO", "CPO at a scale-up"]
    # by defaults to 2021-01-01 + 5y = 2026-01-01.
    # 2022-06-01 -> 2025-06-01 = 365*3 + 1 (2024) = 1096; -> 2026-01-01: 30+31+31+30+31+30+31 = 214.
    assert (ns.by, ns.days_left, ns.expired) == (D("2026-01-01"), 1310, False)
    assert C.north_star(led.entries, D("2019-01-01")) == (None, (), None, None, False)


def test_north_star_expires_the_day_after_by():
    led = ledger("""
        2020-01-01 north-star "Staff engineer"
          by: 2022-05-31
    """)
    on = C.north_star(led.entries, D("2022-05-31"))
    assert (on.days_left, on.expired) == (0, False)
    after = C.north_star(led.entries, D("2022-06-01"))
    assert (after.days_left, after.expired) == (-1, True)


# --- current role -------------------------------------------------------------------------

ROLES = """
    2015-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2017-03-01 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 role "Board member" at "Charity"
      track: core
      phase: learning
      side: yes
    2019-03-01 role "Sr PM" at "Acme"
      track: core
      phase: impact
    2021-01-01 role "Director" at "Beta"
      track: core
      phase: impact
    2022-01-01 leave "Director"
    2022-06-01 role "Director" at "Beta"
      track: core
      phase: impact
"""


def test_current_role_and_tenure_at_the_org():
    led = ledger(ROLES)
    cur = C.current_role(led.entries, D("2020-03-01"))
    # Sr PM since 2019-03-01: 366 days (2020-02-29). The side role does not interrupt
    # Acme: three consecutive Acme roles since 2015-03-01: 5*365 + 2 (2016, 2020) = 1827.
    assert (cur.role.title, cur.since, cur.days_in_role) == ("Sr PM", D("2019-03-01"), 366)
    assert (cur.org, cur.org_since, cur.days_at_org) == ("Acme", D("2015-03-01"), 1827)
    # Another org starts a new tenure: 2021-01-01 -> 2021-06-01 = 31+28+31+30+31 = 151.
    beta = C.current_role(led.entries, D("2021-06-01"))
    assert (beta.org, beta.org_since, beta.days_at_org) == ("Beta", D("2021-01-01"), 151)


def test_current_role_after_a_leave_and_back():
    led = ledger(ROLES)
    assert C.current_role(led.entries, D("2022-03-01")) is None
    # Back at Beta after the gap: the gap breaks the tenure. 2022-06-01 -> 2022-07-01 = 30.
    back = C.current_role(led.entries, D("2022-07-01"))
    assert (back.org_since, back.days_at_org, back.days_in_role) == (D("2022-06-01"), 30, 30)
    assert C.current_role(led.entries, D("2015-02-28")) is None  # before the first entry


# --- home -------------------------------------------------------------------------------------


def test_home_next_due_clamps_month_end_and_goes_stale():
    led = ledger("""
        2024-01-31 home 4
        2024-11-30 home 3
          note: "tired"
    """)
    # 2024-11-30 + 3m = 2025-02-30, clamped to 2025-02-28.
    on = C.home(led.entries, led.options, D("2025-02-28"))
    assert (on.last.score, len(on.checkins), on.next_due, on.days_left, on.stale) == (
        3, 2, D("2025-02-28"), 0, False)
    # 2024-11-30 -> 2025-02-28 = 1 (Nov 30) + 31 + 31 + 27 = 90 days.
    assert on.days_since == 90
    past = C.home(led.entries, led.options, D("2025-03-01"))
    assert (past.days_left, past.stale) == (-1, True)
    # As of mid-2024 the January check-in is the last: 2024-01-31 + 3m = 2024-04-30.
    mid = C.home(led.entries, led.options, D("2024-06-01"))
    assert (mid.last.score, mid.next_due, mid.stale) == (4, D("2024-04-30"), True)


def test_home_option_and_no_checkins():
    led = ledger("""
        option "home-every" "6w"
        2024-01-01 home 5
    """)
    h = C.home(led.entries, led.options, D("2024-02-12"))
    # 2024-01-01 + 42 days: 30 to Jan 31, 12 more = 2024-02-12.
    assert (h.next_due, h.days_left, h.stale) == (D("2024-02-12"), 0, False)
    empty = ledger('2024-01-01 note "x"\n')
    assert C.home(empty.entries, empty.options, D("2030-01-01")) == (None, (), None, None, None, False)


# --- added for the reports: track shares, the success baseline, month counts, tenures -----


def test_swings_track_shares_and_success_against_the_baseline():
    led = ledger(PORTFOLIO)
    s = C.swings(led.entries, led.options, D("2020-03-01"))
    # core 2284 and innovation 546 days (test_swings_portfolio_bets_roles_and_days): 2830 in all.
    assert (s.core_days, s.innovation_days) == (2284, 546)
    assert s.core_share == pytest.approx(2284 / 2830)
    assert s.innovation_share == pytest.approx(546 / 2830)
    # 1 success of 2 closed: exactly the 50% baseline.
    assert (s.success_rate, s.vs_baseline) == (0.5, "at")
    later = C.swings(led.entries, led.options, D("2020-06-01"))
    assert later.vs_baseline == "above"  # 2 of 3
    assert (C.against_baseline(0.25), C.against_baseline(None)) == ("below", None)
    empty = ledger('2020-01-01 note "x"\n')
    e = C.swings(empty.entries, empty.options, D("2021-01-01"))
    assert (e.core_share, e.innovation_share, e.vs_baseline) == (None, None, None)


def test_month_counts_whole_months_overlapping_a_span():
    led = ledger("""
        2024-01-31 update "a"
        2024-02-01 update "b"
        2024-02-29 update "c"
        2024-04-10 update "d"
        2024-05-02 update "e"
    """)
    as_of = D("2024-05-15")
    # [2024-02-15, 2024-04-01): the months holding 02-15 and 03-31, whole.
    got = C.month_counts(led.entries, as_of, D("2024-02-15"), D("2024-04-01"))
    assert [(m.label, m.start, m.end, m.count) for m in got] == [
        ("2024-02", D("2024-02-01"), D("2024-03-01"), 2),
        ("2024-03", D("2024-03-01"), D("2024-04-01"), 0),
    ]
    # No bounds: from the first entry's month to the month before as-of's (May is not over).
    assert [(m.label, m.count) for m in C.month_counts(led.entries, as_of)] == [
        ("2024-01", 1), ("2024-02", 2), ("2024-03", 0), ("2024-04", 1)]
    # An end past as-of stops at the month before as-of's.
    assert [m.label for m in C.month_counts(led.entries, as_of, D("2024-04-01"), D("2025-01-01"))] == ["2024-04"]
    # A span wholly inside as-of's month holds no whole month.
    assert C.month_counts(led.entries, as_of, D("2024-05-01"), D("2024-05-10")) == ()


def test_tenures_grouped_by_organisation_with_promotions():
    led = ledger("""
        2015-03-01 role "Analyst" at "Acme"
          track: core
          phase: learning
        2017-03-01 role "PM" at "Acme"
          track: core
          phase: impact
        2018-01-01 role "Board member" at "Charity"
          track: core
          phase: learning
          side: yes
        2019-03-01 role "Sr PM" at "Globex"
          track: core
          phase: impact
        2020-01-01 leave "Sr PM"
        2020-07-01 role "Director" at "Acme"
          track: innovation
          phase: learning
    """)
    t = C.tenures(led.entries, D("2021-01-01"))
    # Grouped by organisation in order of first appearance: Acme (2015), Charity (2018),
    # Globex (2019); Acme's second tenure sits with its first.
    assert [(x.org, x.start, x.end, x.days, x.promotions, x.side) for x in t] == [
        # 2015-03-01 -> 2019-03-01: 4 * 365 + 1 (2016-02-29) = 1461
        ("Acme", D("2015-03-01"), D("2019-03-01"), 1461, 1, False),
        # 2020-07-01 -> 2021-01-01: 31 + 31 + 30 + 31 + 30 + 31 = 184, still held
        ("Acme", D("2020-07-01"), None, 184, 0, False),
        # side: 2018-01-01 -> 2021-01-01 = 365 + 365 + 366 = 1096, no end
        ("Charity", D("2018-01-01"), None, 1096, 0, True),
        # 2019-03-01 -> 2020-01-01: 31+30+31+30+31+31+30+31+30+31 = 306
        ("Globex", D("2019-03-01"), D("2020-01-01"), 306, 0, False),
    ]
    assert [(r.role.title, r.start, r.end, r.days, r.step) for r in t[0].roles] == [
        # 2015-03-01 -> 2017-03-01 = 365 + 366 (2016) = 731
        ("Analyst", D("2015-03-01"), D("2017-03-01"), 731, "joined"),
        # 2017-03-01 -> 2019-03-01 = 365 + 365 = 730
        ("PM", D("2017-03-01"), D("2019-03-01"), 730, "promotion"),
    ]
    assert [r.step for x in t[1:] for r in x.roles] == ["rejoined", "side", "joined"]
    # As of before anything: no tenure.
    assert C.tenures(led.entries, D("2015-02-28")) == ()
