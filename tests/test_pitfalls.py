"""Pitfalls (careerledger.checks.pitfalls): the eleven career warnings.

For each warning, a small ledger that triggers it and one just on the other
side of its threshold, with a fixed as-of and the arithmetic in comments
(docs/metrics.md defines every number; "longer than D" means as_of > start + D,
so the boundary day itself is still fine). Each test asserts the findings of
the check: the LINE of the entry the warning points at (the one that makes it
true), which of the check's messages it is, and the facts that message names.
Then one test per message template for its wording, and the catalogue the
checks are selected from. The command (`careerledger check`) is tested in
test_cli_check.py, and docs/checks.md in test_docs.py.
"""

import textwrap
from datetime import date

import pytest
from conftest import D

from careerledger.checks import pitfalls
from careerledger.core.entries import Duration
from careerledger.core.problems import WARNING_BY_KEY, WARNINGS, enabled_checks, resolve_checks
from careerledger.loader import load_string
from careerledger.metrics.timeline import upto


def join(*parts):
    """Inline ledger parts, each dedented on its own (line 1 is the first line
    after the opening quotes), joined into one ledger text."""
    return "".join(textwrap.dedent(part).lstrip("\n") for part in parts)


def load(text, filename="t.career"):
    """Load an inline ledger that must have no errors."""
    ledger = load_string(join(text), filename)
    assert ledger.problems == (), [(p.code, p.loc.line, p.message) for p in ledger.problems]
    return ledger


def findings(text, as_of, name):
    """(line, case, facts) of each finding of the check `name` as of `as_of`.

    Cross-checked with the warnings pitfalls.run makes of them: one each, with
    the check's code, severity, advice and message, at the entry's date."""
    ledger = load(text)
    found = list(pitfalls.CHECKS[name](upto(ledger.entries, as_of), as_of, ledger.options))
    spec = WARNING_BY_KEY[name]
    warned = [(p.code, p.loc, p.length, p.severity, p.message, p.hint)
              for p in pitfalls.run(ledger, as_of, frozenset({name}))]
    assert warned == [(spec.code, f.entry.loc, 10, "warning", f"{name}: {pitfalls.message(name, f)}", spec.advice)
                      for f in found]
    assert all(f.entry.loc.col == 1 for f in found)  # a warning points at its entry's date
    return [(f.entry.loc.line, f.case, dict(f.facts)) for f in found]


def lines(text, as_of, name):
    """The lines the check's warnings point at."""
    return [line for line, _, _ in findings(text, as_of, name)]


# --- W201 drift -------------------------------------------------------------------

def test_drift_role_after_a_north_star_without_why():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    assert findings(text, D("2022-01-01"), "drift") == [
        (2, "", {"title": "Senior PM"}),
    ]


def test_drift_not_with_why():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
      why: "owning checkout gets me to payments"
    """
    assert findings(text, D("2022-01-01"), "drift") == []


def test_drift_not_with_a_decision_take_on_an_opportunity_of_the_same_name():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-01-15 opportunity "Senior PM"
      at: "Acme"
      track: core
    2021-02-01 decision "Senior PM" take
      why: "owning checkout gets me to payments"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    assert findings(text, D("2022-01-01"), "drift") == []


def test_drift_a_decision_on_another_opportunity_or_a_decline_does_not_count():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-01-15 opportunity "Staff PM"
    2021-01-16 opportunity "Senior PM"
    2021-02-01 decision "Staff PM" take
    2021-02-02 decision "Senior PM" decline
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    assert lines(text, D("2022-01-01"), "drift") == [6]


def test_drift_never_for_a_role_before_any_north_star_nor_a_side_role():
    text = """
    2019-01-07 role "PM" at "Acme"
      track: core
      phase: learning
    2020-01-01 north-star "Lead a payments product"
    2020-06-01 role "Adviser" at "Fintech Co"
      track: core
      phase: learning
      side: yes
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    # only the main role after the star: line 9 (the PM predates it, the Adviser is a side role)
    assert lines(text, D("2022-01-01"), "drift") == [9]


def test_drift_same_day_as_the_star_is_not_after_it_and_later_stars_are_ignored():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2020-01-01 role "PM" at "Acme"
      track: core
      phase: learning
    2025-01-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    assert lines(text, D("2026-01-01"), "drift") == [5]
    # as of 2024-12-31 the later role is not there yet
    assert lines(text, D("2024-12-31"), "drift") == []


# --- W202 swing-due -----------------------------------------------------------------

SWING = """
    option "established" "2010-01-01"
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2020-01-15 bet "Marketplace"
      size: big
"""


def test_swing_due_exactly_swing_every_is_not_due():
    # due_on = 2020-01-15 + 3y = 2023-01-15: equal, not more
    assert findings(SWING, D("2023-01-15"), "swing-due") == []


def test_swing_due_one_day_more_is_due_at_the_last_swing():
    # 2020-01-15 -> 2023-01-16: 366 + 365 + 365 + 1 = 1097 days; the bet is line 5
    assert findings(SWING, D("2023-01-16"), "swing-due") == [
        (5, "since", {"swing_every": Duration(3, "y"), "days_since": 1097, "measured_from": D("2020-01-15")}),
    ]


def test_swing_due_not_before_established():
    text = """
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    """
    # no swing: the clock runs from the first main role, due_on 2011-05-01;
    # established defaults to 2008-05-01 + 4y = 2012-05-01
    assert findings(text, D("2011-05-02"), "swing-due") == []
    assert findings(text, D("2012-04-30"), "swing-due") == []
    assert findings(text, D("2012-05-01"), "swing-due") == [
        (1, "never", {"swing_every": Duration(3, "y"), "days_since": None, "measured_from": D("2008-05-01")}),
    ]


def test_swing_due_established_option_postpones_it():
    text = """
    option "established" "2030-01-01"
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    """
    assert findings(text, D("2029-12-31"), "swing-due") == []
    assert lines(text, D("2030-01-01"), "swing-due") == [2]


def test_swing_due_custom_swing_every():
    text = """
    option "swing-every" "18m"
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    2022-01-31 bet "Instant payouts"
    """
    # the default size is big; due_on = 2022-01-31 + 18m = 2023-07-31
    # days: 365 (to 2023-01-31) + 28+31+30+31+30+31 (to 2023-07-31) = 546
    assert findings(text, D("2023-07-31"), "swing-due") == []
    assert findings(text, D("2023-08-01"), "swing-due") == [
        (5, "since", {"swing_every": Duration(18, "m"), "days_since": 547, "measured_from": D("2022-01-31")}),
    ]


def test_swing_due_points_at_the_latest_swing_a_side_innovation_role_small_bets_do_not_count():
    text = """
    2010-01-04 role "PM" at "Acme"
      track: core
      phase: learning
    2016-03-01 bet "Marketplace"
      size: big
    2017-03-01 role "Founder" at "Side Co"
      track: innovation
      phase: learning
      side: yes
    2019-06-01 bet "Pricing test"
      size: small
    """
    # the side innovation role (line 6) is the latest big swing; due 2020-03-01
    assert findings(text, D("2020-03-01"), "swing-due") == []
    assert lines(text, D("2020-03-02"), "swing-due") == [6]


# --- W203 phase-stuck -----------------------------------------------------------------

STUCK = """
    2020-02-29 role "Analyst" at "Acme"
      track: core
      phase: learning
"""


def test_phase_stuck_exactly_phase_max_is_not_stuck():
    # limit_on = 2020-02-29 + 4y = 2024-02-29; streak 4 * 365 + 1 = 1461 days
    assert findings(STUCK, D("2024-02-29"), "phase-stuck") == []


def test_phase_stuck_one_day_more():
    assert findings(STUCK, D("2024-03-01"), "phase-stuck") == [
        (1, "", {"streak_days": 1462, "phase": "learning", "phase_max": Duration(4, "y")}),
    ]


def test_phase_stuck_points_at_the_role_that_started_the_streak():
    text = """
    2014-01-06 role "Analyst" at "Acme"
      track: core
      phase: learning
    2016-01-04 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    2019-01-01 role "Adviser" at "Board Co"
      track: core
      phase: learning
      side: yes
    """
    # impact since 2016-01-04 (the PM, line 4): PM and Senior PM are one run and the
    # side role does not count. limit 2020-01-04; as of 2020-01-05: 1462 days (2016 leap).
    assert findings(text, D("2020-01-04"), "phase-stuck") == []
    assert findings(text, D("2020-01-05"), "phase-stuck") == [
        (4, "", {"streak_days": 1462, "phase": "impact", "phase_max": Duration(4, "y")}),
    ]


GAP = """
    2016-01-04 role "Analyst" at "Acme"
      track: core
      phase: learning
    2019-06-28 leave "Analyst"
    2019-07-01 role "PM" at "Beta"
      track: core
      phase: learning
"""


def test_phase_stuck_a_gap_resets_the_streak():
    # learning, gap, learning: the streak starts again on 2019-07-01, limit 2023-07-01
    assert findings(GAP, D("2023-07-01"), "phase-stuck") == []
    # 2019-07-01 -> 2023-07-02: 4 * 365 + 1 (2020-02-29) + 1 = 1462, at the PM (line 5)
    assert findings(GAP, D("2023-07-02"), "phase-stuck") == [
        (5, "", {"streak_days": 1462, "phase": "learning", "phase_max": Duration(4, "y")}),
    ]
    # without the leave the streak would run from the Analyst role (line 1)
    without = GAP.replace('    2019-06-28 leave "Analyst"\n', "")
    assert lines(without, D("2023-07-01"), "phase-stuck") == [1]


def test_phase_stuck_never_in_a_gap_and_custom_phase_max():
    text = """
    option "phase-max" "2y"
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 leave "PM"
    """
    # a gap of five years is not a phase one is stuck in
    assert findings(text, D("2023-01-01"), "phase-stuck") == []
    # before the leave: impact since 2015-01-05, limit 2017-01-05
    assert findings(text, D("2017-01-05"), "phase-stuck") == []
    assert findings(text, D("2017-01-06"), "phase-stuck") == [
        (2, "", {"streak_days": 732, "phase": "impact", "phase_max": Duration(2, "y")}),
    ]


# --- W204 cadence-missed ---------------------------------------------------------------

MONTHLY = """
    2024-01-10 contract "Monthly note to my VP"
      every: month
      with: "VP Product"
    2024-01-15 update "January"
    2024-03-28 update "March"
    2024-05-01 update "May"
"""


def test_cadence_latest_whole_period_kept_is_no_warning():
    # as of 2024-04-10 the whole months are 01 (kept), 02 (missed), 03 (kept):
    # only the latest counts, and it was kept
    assert findings(MONTHLY, D("2024-04-10"), "cadence-missed") == []


def test_cadence_latest_whole_period_missed():
    # as of 2024-05-02 the latest whole month is 2024-04, with no update; May's
    # update is in as-of's own month, which is not over yet
    assert findings(MONTHLY, D("2024-05-02"), "cadence-missed") == [
        (1, "", {"contract": "Monthly note to my VP", "every": "month", "period": "2024-04", "updates": 0, "required": 1}),
    ]


def test_cadence_weekly_with_count():
    text = """
    2024-03-04 contract "Two posts a week"
      every: week
      count: 2
    2024-03-05 update "a"
    2024-03-08 update "b"
    2024-03-12 update "c"
    """
    # 2024-03-04 is the Monday of 2024-W10 (2 updates, kept); W11 (03-11..17) has 1
    assert findings(text, D("2024-03-17"), "cadence-missed") == []  # Sunday: W11 is not over
    assert findings(text, D("2024-03-18"), "cadence-missed") == [
        (1, "", {"contract": "Two posts a week", "every": "week", "period": "2024-W11", "updates": 1, "required": 2}),
    ]


def test_cadence_a_contract_whose_until_has_passed_is_not_live():
    text = """
    2024-01-10 contract "Monthly note to my VP"
      every: month
      until: 2024-05-02
    2024-01-15 update "January"
    """
    # live while until >= as-of: on 2024-05-02 itself it still warns for April
    assert lines(text, D("2024-05-02"), "cadence-missed") == [1]
    # the day after, the contract is over: no warning for a dead contract
    assert findings(text, D("2024-05-03"), "cadence-missed") == []
    assert findings(text, D("2026-01-01"), "cadence-missed") == []


def test_cadence_no_whole_period_yet():
    text = """
    2024-01-10 contract "Monthly note to my VP"
      every: month
    """
    assert findings(text, D("2024-01-31"), "cadence-missed") == []
    assert lines(text, D("2024-02-01"), "cadence-missed") == [1]


# --- W205 repeat-unwritten ----------------------------------------------------------------

EXPLAINED_TWICE = """
    2024-01-10 explained #pricing
      to: "Sales"
    2024-02-10 explained #pricing
      to: "Finance"
"""


def test_repeat_unwritten_explained_twice_points_at_the_latest():
    assert findings(EXPLAINED_TWICE, D("2024-03-01"), "repeat-unwritten") == [
        (3, "never", {"topic": "pricing", "times": 2, "written_on": None}),
    ]
    # as of 2024-02-09 it was explained once
    assert findings(EXPLAINED_TWICE, D("2024-02-09"), "repeat-unwritten") == []


def test_repeat_unwritten_not_with_a_later_update_covering_it():
    text = join(EXPLAINED_TWICE, """
    2024-02-20 update "How we price"
      covers: #pricing
    """)
    assert findings(text, D("2024-03-01"), "repeat-unwritten") == []
    # before the update, it was a repeat
    assert lines(text, D("2024-02-19"), "repeat-unwritten") == [3]


def test_repeat_unwritten_an_update_covering_another_topic_does_not_count():
    text = join(EXPLAINED_TWICE, """
    2024-02-20 update "How we hire"
      covers: #hiring
    """)
    assert lines(text, D("2024-03-01"), "repeat-unwritten") == [3]


def test_repeat_unwritten_twice_again_after_a_write_up():
    text = """
    2024-01-10 explained #pricing
    2024-01-20 update "How we price"
      covers: #pricing
    2024-02-10 explained #pricing
    2024-03-10 explained #pricing
    """
    # once after the write-up is fine; twice is a repeat again, at the latest (line 5)
    assert findings(text, D("2024-03-09"), "repeat-unwritten") == []
    assert findings(text, D("2024-03-10"), "repeat-unwritten") == [
        (5, "since", {"topic": "pricing", "times": 2, "written_on": D("2024-01-20")}),
    ]


# --- W206 landing-overdue -------------------------------------------------------------------

LANDING = """
    2024-01-01 north-star "Lead a payments product"
    2024-01-15 role "Head of Payments" at "Acme"
      track: core
      phase: learning
      why: "payments, at last"
    2024-01-20 listen "CFO"
      heard: "chargebacks"
"""


def test_landing_sotu_missing_on_day_31():
    # day 1 = 2024-01-15; day 30 = +29 = 2024-02-13; day 31 = 2024-02-14
    assert findings(LANDING, D("2024-02-14"), "landing-overdue") == [
        (2, "", {"step": "sotu", "day": 30, "due_on": D("2024-02-13")}),
    ]


def test_landing_sotu_missing_on_day_30_is_not_overdue_yet():
    assert findings(LANDING, D("2024-02-13"), "landing-overdue") == []


def test_landing_sotu_done():
    text = join(LANDING, """
    2024-02-10 sotu "Payments: the state of the union"
    """)
    assert findings(text, D("2024-02-14"), "landing-overdue") == []


def test_landing_only_in_the_role_s_first_180_days():
    # day 180 = +179 = 2024-07-12: all three steps overdue, each at the role (line 2)
    assert findings(LANDING, D("2024-07-12"), "landing-overdue") == [
        (2, "", {"step": "sotu", "day": 30, "due_on": D("2024-02-13")}),
        (2, "", {"step": "align", "day": 60, "due_on": D("2024-03-14")}),
        (2, "", {"step": "win", "day": 90, "due_on": D("2024-04-13")}),
    ]
    # day 181 (180 days old): the landing is history, no warning any more
    assert findings(LANDING, D("2024-07-13"), "landing-overdue") == []


def test_landing_only_for_the_current_main_role():
    text = join(LANDING, """
    2024-06-03 role "VP Payments" at "Acme"
      track: core
      phase: impact
      why: "the P&L"
    2024-06-20 sotu "Payments, again"
    2024-07-01 role "Adviser" at "Fintech Co"
      track: core
      phase: learning
      side: yes
    """)
    # the Head role's overdue steps are no longer warned about; the VP (line 8, from
    # 2024-06-03) has its sotu and its align is due by day 60 = 2024-08-01
    assert findings(text, D("2024-08-01"), "landing-overdue") == []
    assert findings(text, D("2024-08-02"), "landing-overdue") == [
        (8, "", {"step": "align", "day": 60, "due_on": D("2024-08-01")}),
    ]
    # after a leave there is no current role to land
    left = join(text, '2024-07-15 leave "VP Payments"\n')
    assert findings(left, D("2024-08-02"), "landing-overdue") == []


# --- W207 early-ask --------------------------------------------------------------------------


def test_early_ask_big_bet_with_ask_not_small_bet():
    text = """
    2024-03-01 bet "Embedded card issuing"
      size: big
      ask: "Two engineers for a quarter"
    2024-03-05 bet "Pricing page test"
      size: small
      ask: "A day of a data analyst"
    2024-04-01 bet "Open banking"
    2024-05-01 bet "Payouts API"
      ask: "A designer"
    """
    # line 1: big with ask; line 4: small; line 7: big (default) with no ask;
    # line 8: big by default, with ask
    assert findings(text, D("2024-06-01"), "early-ask") == [
        (1, "", {"bet": "Embedded card issuing", "ask": "Two engineers for a quarter"}),
        (8, "", {"bet": "Payouts API", "ask": "A designer"}),
    ]
    # a bet dated after as-of is not there yet
    assert lines(text, D("2024-04-30"), "early-ask") == [1]


# --- W208 feedback-unactioned -------------------------------------------------------------------

FEEDBACK = """
    2024-01-01 feedback "Your updates are too long"
      from: "VP Product"
      tone: constructive
"""


def test_feedback_31_days_old_without_action():
    assert findings(FEEDBACK, D("2024-02-01"), "feedback-unactioned") == [
        (1, "", {"tone": "constructive", "text": "Your updates are too long", "age": 31}),
    ]


def test_feedback_30_days_old_is_not_yet():
    assert findings(FEEDBACK, D("2024-01-31"), "feedback-unactioned") == []


def test_feedback_with_action_positive_or_no_tone_never():
    text = """
    2024-01-01 feedback "Your updates are too long"
      tone: critical
      action: "one page, decisions first"
    2024-01-02 feedback "Great launch"
      tone: positive
    2024-01-03 feedback "Consider the platform team"
    2024-01-04 feedback "You interrupt people"
      tone: critical
    """
    # only line 7: critical, no action; positive and tone-less feedback never warn
    assert findings(text, D("2025-01-01"), "feedback-unactioned") == [
        (7, "", {"tone": "critical", "text": "You interrupt people", "age": 363}),
    ]


# --- W209 home-stale --------------------------------------------------------------------------------

HOME = """
    2024-06-01 home 3
    2024-11-30 home 4
      note: "calmer since the move"
"""


def test_home_exactly_home_every_is_fresh():
    # next_due = 2024-11-30 + 3m = 2025-02-28 (clamped); 31 + 31 + 28 = 90 days
    assert findings(HOME, D("2025-02-28"), "home-stale") == []


def test_home_one_day_more_is_stale_at_the_latest_check_in():
    assert findings(HOME, D("2025-03-01"), "home-stale") == [
        (2, "", {"days_since": 91, "home_every": Duration(3, "m")}),
    ]


def test_home_never_without_check_ins_and_custom_home_every():
    text = """
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    """
    assert findings(text, D("2030-01-01"), "home-stale") == []
    # a check-in dated after as-of does not exist yet
    later = join(text, "2031-01-01 home 5\n")
    assert findings(later, D("2030-01-01"), "home-stale") == []
    custom = 'option "home-every" "2w"\n2024-03-01 home 2\n'
    assert findings(custom, D("2024-03-15"), "home-stale") == []
    assert findings(custom, D("2024-03-16"), "home-stale") == [
        (2, "", {"days_since": 15, "home_every": Duration(2, "w")}),
    ]


# --- W210 north-star-missing --------------------------------------------------------------------------


def test_north_star_missing_points_at_the_first_main_role():
    text = """
    2014-06-01 role "Adviser" at "Board Co"
      track: core
      phase: learning
      side: yes
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    """
    assert findings(text, D("2020-01-01"), "north-star-missing") == [
        (5, "", {}),
    ]
    # side roles only: still roles, the first one is pointed at
    assert lines(text, D("2014-12-31"), "north-star-missing") == [1]


def test_north_star_missing_not_without_roles_nor_with_a_star():
    assert findings('2024-01-01 note "started a ledger"\n', D("2025-01-01"), "north-star-missing") == []
    text = """
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    2020-01-01 north-star "Lead a payments product"
    """
    assert findings(text, D("2020-01-01"), "north-star-missing") == []
    # the day before, the star is not written yet
    assert lines(text, D("2019-12-31"), "north-star-missing") == [1]


# --- W211 north-star-expired ---------------------------------------------------------------------------

EXPIRING = """
    2019-03-01 north-star "Head of product at a fintech"
    2020-01-01 north-star "Lead a payments product"
      by: 2024-06-30
"""


def test_north_star_expired_on_the_by_date_itself_is_not():
    assert findings(EXPIRING, D("2024-06-30"), "north-star-expired") == []


def test_north_star_expired_the_day_after_points_at_the_latest_star():
    assert findings(EXPIRING, D("2024-07-01"), "north-star-expired") == [
        (2, "", {"by": D("2024-06-30")}),
    ]


def test_north_star_expired_default_by_and_a_revised_star():
    text = """
    2019-03-01 north-star "Head of product at a fintech"
    """
    # by defaults to the date + 5y = 2024-03-01
    assert findings(text, D("2024-03-01"), "north-star-expired") == []
    assert lines(text, D("2024-03-02"), "north-star-expired") == [1]
    revised = join(text, '2024-05-01 north-star "Found a payments company"\n')
    assert findings(revised, D("2025-01-01"), "north-star-expired") == []



# --- the wording: one test per message ----------------------------------------------------------

DRIFTING = """
    2020-01-01 north-star "Lead a payments product"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
"""
NO_SWING_YET = """
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
"""
WRITTEN_UP_THEN_EXPLAINED_TWICE = """
    2024-01-10 explained #pricing
    2024-01-20 update "How we price"
      covers: #pricing
    2024-02-10 explained #pricing
    2024-03-10 explained #pricing
"""
ASKING = """
    2024-03-01 bet "Embedded card issuing"
      size: big
      ask: "Two engineers for a quarter"
"""

# (check, case): the ledger, as-of, and the one warning it gets, as `check` prints it
WORDING = {
    ("drift", ""): (
        DRIFTING, "2022-01-01",
        'drift: role "Senior PM" started with no recorded reason against your north star'),
    ("swing-due", "since"): (
        SWING, "2023-01-16",
        "swing-due: a big swing is overdue: 1097 days since your last big swing (swing-every 3y)"),
    ("swing-due", "never"): (
        NO_SWING_YET, "2012-05-01",
        "swing-due: a big swing is overdue: no big swing since your first role on 2008-05-01 (swing-every 3y)"),
    ("phase-stuck", ""): (
        STUCK, "2024-03-01",
        "phase-stuck: 1462 days in the learning phase, longer than phase-max 4y"),
    ("cadence-missed", ""): (
        MONTHLY, "2024-05-02",
        'cadence-missed: contract "Monthly note to my VP" missed its latest month, 2024-04: 0 of 1 updates'),
    ("repeat-unwritten", "never"): (
        EXPLAINED_TWICE, "2024-03-01",
        "repeat-unwritten: #pricing explained 2 times and never written up"),
    ("repeat-unwritten", "since"): (
        WRITTEN_UP_THEN_EXPLAINED_TWICE, "2024-03-10",
        "repeat-unwritten: #pricing explained 2 times since it was last written up on 2024-01-20"),
    ("landing-overdue", ""): (
        LANDING, "2024-02-14",
        "landing-overdue: landing step 'sotu' was due by day 30 (2024-02-13)"),
    ("early-ask", ""): (
        ASKING, "2024-06-01",
        'early-ask: big bet "Embedded card issuing" asks for resources: "Two engineers for a quarter"'),
    ("feedback-unactioned", ""): (
        FEEDBACK, "2024-02-01",
        'feedback-unactioned: constructive feedback "Your updates are too long" is 31 days old and records no action'),
    ("home-stale", ""): (
        HOME, "2025-03-01",
        "home-stale: last home check-in was 91 days ago (home-every 3m)"),
    ("north-star-missing", ""): (
        NO_SWING_YET, "2020-01-01",
        "north-star-missing: this ledger has roles but no north star"),
    ("north-star-expired", ""): (
        EXPIRING, "2024-07-01",
        "north-star-expired: the north star's horizon 2024-06-30 has passed"),
}


# --- format 1.1's warnings -----------------------------------------------------------------------

ORPHANED = """
2020-01-06 role "PM" at "Acme"
  track: core
  phase: impact
2021-03-01 contract "Monthly note to my VP"
  every: month
2022-06-01 role "PM" at "Globex"
  track: core
  phase: impact
"""

NEAR_NEED = """
2020-01-01 north-star "CPO"
  needs: #zero-to-one #pricing
2020-02-01 skill #zero-to-on practicing
2020-03-01 skill #pricng proficient
2020-04-01 skill #ai novice
"""

BET_ROLES = """
2020-01-06 role "Senior PM" at "Acme"
  track: core
  phase: impact
2020-06-01 bet "Pilot"
  in: "Senior PM, Checkout"
2021-01-01 role "Group PM" at "Acme"
  track: core
  phase: impact
2021-02-01 bet "Refunds"
  in: "Senior PM"
"""

WORDING.update({
    ("contract-orphaned", ""): (
        ORPHANED, "2022-07-01",
        'contract-orphaned: contract "Monthly note to my VP" was made in role "PM", which ended on 2022-06-01;'
        " add until: or in:"),
    ("skill-near-need", ""): (
        NEAR_NEED, "2020-02-01",
        "skill-near-need: #zero-to-on is not a need of your north star, but #zero-to-one is:"
        " did you mean #zero-to-one?"),
    ("bet-in-unknown-role", "unknown"): (
        BET_ROLES, "2020-07-01",
        'bet-in-unknown-role: bet "Pilot" is in unknown role "Senior PM, Checkout" (did you mean "Senior PM"?)'),
    ("bet-in-unknown-role", "unheld"): (
        BET_ROLES.replace('  in: "Senior PM, Checkout"\n', ""), "2021-03-01",
        'bet-in-unknown-role: bet "Refunds" is in role "Senior PM", which is not held on 2021-02-01'),
})


def test_contract_orphaned_only_without_until_or_in_and_once_its_role_ended():
    # as of 2022-05-31 the PM role still runs: no warning; from 2022-06-01 it has ended
    assert findings(ORPHANED, D("2022-05-31"), "contract-orphaned") == []
    [(line, _, facts)] = findings(ORPHANED, D("2022-06-01"), "contract-orphaned")
    assert (line, facts["title"], facts["ended"]) == (4, "PM", D("2022-06-01"))
    with_until = ORPHANED.replace("  every: month\n", "  every: month\n  until: 2022-05-31\n")
    assert findings(with_until, D("2022-07-01"), "contract-orphaned") == []
    with_in = ORPHANED.replace("  every: month\n", '  every: month\n  in: "PM"\n')
    assert findings(with_in, D("2022-07-01"), "contract-orphaned") == []
    # a contract made before any main role, or in a gap, belongs to no role
    gap = ORPHANED.replace('2021-03-01 contract', '2021-02-01 leave "PM"\n2021-03-01 contract')
    assert findings(gap, D("2022-07-01"), "contract-orphaned") == []


def test_skill_near_need_each_typo_once_short_tags_never():
    found = findings(NEAR_NEED, D("2020-06-01"), "skill-near-need")
    # #zero-to-on (a letter dropped) and #pricng (a letter dropped); #ai is too short to judge
    assert [(line, facts["skill"], facts["need"]) for line, _, facts in found] == [
        (3, "zero-to-on", "zero-to-one"), (4, "pricng", "pricing"),
    ]
    swapped = NEAR_NEED.replace("#pricng", "#pricnig")  # two letters swapped
    assert [f["skill"] for _, _, f in findings(swapped, D("2020-06-01"), "skill-near-need")] == [
        "zero-to-on", "pricnig"]
    two_edits = NEAR_NEED.replace("#zero-to-on ", "#zero-2-one ").replace("#pricng", "#pricing")
    assert findings(two_edits, D("2020-06-01"), "skill-near-need") == []


def test_one_edit_is_a_substitution_insertion_deletion_or_swap():
    one = pitfalls._one_edit
    pairs = [("pricing", "pricint"), ("pricing", "pricin"), ("pricing", "ppricing"), ("pricing", "pricign"),
             ("pricign", "pricing"), ("pricing", "pricing"), ("pricing", "prcign"), ("abcd", "badc")]
    assert [one(a, b) for a, b in pairs] == [True, True, True, True, True, False, False, False]


@pytest.mark.parametrize(("name", "case"), list(WORDING), ids=[f"{n}-{c}" if c else n for n, c in WORDING])
def test_message_wording(name, case):
    text, as_of, message = WORDING[(name, case)]
    [(_, found_case, _)] = findings(text, D(as_of), name)
    assert found_case == case
    [warning] = pitfalls.run(load(text), D(as_of), frozenset({name}))
    assert warning.message == message


def test_every_message_has_a_wording_test():
    assert set(WORDING) == set(pitfalls.MESSAGES)


# --- the catalogue -------------------------------------------------------------------------------


def test_every_check_of_the_catalogue_has_its_function_in_order():
    assert list(pitfalls.CHECKS) == [w.name for w in WARNINGS]
    assert [w.code for w in WARNINGS] == [f"W2{n:02d}" for n in range(1, 15)]
    assert all(w.default for w in WARNINGS)
    for w in WARNINGS:
        assert WARNING_BY_KEY[w.code] is WARNING_BY_KEY[w.name] is w


def test_resolve_checks_by_name_or_code_in_comma_lists():
    assert resolve_checks(["drift, W202", "w203", " "]) == {"drift", "swing-due", "phase-stuck"}
    with pytest.raises(ValueError, match=r"unknown check 'drfit': did you mean 'drift'\?"):
        resolve_checks(["drfit"])


def test_enabled_checks_select_wins_over_the_ledger_s_ignore():
    every = {w.name for w in WARNINGS}
    assert enabled_checks() == every
    assert enabled_checks(ignore=["drift"]) == every - {"drift"}
    assert enabled_checks(ledger_ignore=frozenset({"home-stale"})) == every - {"home-stale"}
    # --select names what runs, whatever the ledger ignores; --ignore still applies after it
    assert enabled_checks(["drift,W202"], ["W201"], frozenset({"swing-due"})) == {"swing-due"}


# --- what the warnings are made of -----------------------------------------------------------------


def test_repeat_unwritten_warnings_come_in_date_order():
    ledger = load_string(
        "2024-01-01 explained #zeta\n2024-01-02 explained #zeta\n"
        "2024-02-01 explained #alpha\n2024-03-01 explained #alpha\n"
    )
    found = pitfalls.run(ledger, date(2024, 6, 1), frozenset({"repeat-unwritten"}))
    assert [w.message.split()[1] for w in found] == ["#zeta", "#alpha"]


def test_a_rejected_value_feeds_no_warning():
    ledger = load_string('2024-01-01 contract "Monthly note"\n  every: weekly\n')
    assert [p.code for p in ledger.problems] == ["E108"]
    assert pitfalls.run(ledger, date(2025, 1, 1), frozenset({"cadence-missed"})) == []
