"""Phase balance (careerledger.metrics.phases): the runs of learning, impact and gap, their
shares, the current streak and the switches, against values worked out by hand.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from datetime import date

import pytest
from conftest import D, ledger

from careerledger.loader import load_string
from careerledger.metrics.phases import phases

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
    p = phases(led.entries, D("2022-01-01"))
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
    p = phases(led.entries, D("2022-07-01"))
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
    p = phases(led.entries, D("2021-06-01"))
    assert [(r.phase, r.days) for r in p.runs] == [("impact", 366), ("gap", 59), ("impact", 92)]
    assert p.switches == 0
    # The streak counts from the end of the gap: 2021-03-01 -> 2021-06-01 = 31 + 30 + 31 = 92.
    assert (p.current, p.streak_start, p.streak_days) == ("impact", D("2021-03-01"), 92)
    # During the gap, the gap is the current phase.
    mid = phases(led.entries, D("2021-02-01"))
    assert (mid.current, mid.streak_days, mid.career.gap) == ("gap", 31, 31)
    # On the day of the leave: gap, streak 0; that day is not counted yet.
    leave_day = phases(led.entries, D("2021-01-01"))
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
    p = phases(led.entries, D("2021-01-01"))
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
    on = phases(led.entries, D("2024-02-29"))
    assert (on.limit_on, on.streak_days, on.stuck) == (D("2024-02-29"), 1461, False)
    past = phases(led.entries, D("2024-03-01"))
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
    p = phases(led.entries, D("2019-01-02"))
    assert (p.current, p.streak_days, p.limit_on, p.stuck) == ("gap", 1462, D("2019-01-01"), False)


def test_phase_max_option():
    led = ledger("""
        option "phase-max" "2y"
        2021-03-01 role "A" at "X"
          track: core
          phase: impact
    """)
    # 2021-03-01 + 2y = 2023-03-01; 365 + 365 = 730 days on that day.
    on = phases(led.entries, D("2023-03-01"), led.options)
    assert (on.limit_on, on.streak_days, on.stuck) == (D("2023-03-01"), 730, False)
    past = phases(led.entries, D("2023-03-02"), led.options)
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
    p = phases(led.entries, D("2019-03-01"))
    # Days before the first main role are not a gap: only Feb (28 days) counts.
    assert [(r.phase, r.start, r.days) for r in p.runs] == [("learning", D("2019-02-01"), 28)]
    assert (p.career.days, p.career.gap) == (28, 0)


def test_phases_with_no_roles_or_before_the_first_role():
    led = ledger('2020-01-01 note "a note"\n')
    p = phases(led.entries, D("2021-01-01"))
    assert (p.runs, p.current, p.streak_days, p.switches, p.stuck) == ((), None, None, 0, False)
    assert (p.career.days, p.career.learning_share) == (0, None)
    early = phases(ledger(CAREER).entries, D("2014-12-31"))
    assert (early.runs, early.current, early.recent.days) == ((), None, 0)


# --- a leave and a new role on one day -------------------------------------------------------------


def test_a_leave_and_a_new_role_on_one_day_end_the_streak():
    ledger = load_string(
        '2015-03-01 role "A" at "X"\n  track: core\n  phase: learning\n'
        '2020-03-01 leave "A"\n'
        '2020-03-01 role "B" at "Y"\n  track: core\n  phase: learning\n'
    )
    p = phases(ledger.entries, date(2023, 1, 1), ledger.options)
    assert p.streak_start == date(2020, 3, 1)
    assert p.streak_days == 1_036
    assert not p.stuck
    assert [r.start for r in p.runs] == [date(2015, 3, 1), date(2020, 3, 1)]
