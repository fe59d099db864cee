"""`careerledger check` as the pre-commit guard: the eleven career warnings.

For each warning, a small ledger that triggers it and one just on the other
side of its threshold, with a fixed as-of and the arithmetic in comments
(docs/metrics.md defines every number; "longer than D" means as_of > start + D,
so the boundary day itself is still fine). Each test asserts the code, the
check's name in the message and the LINE of the entry the warning points at:
the one that makes it true. Then the issue's "autopilot" and "healthy"
ledgers through the command, selection, suppression, exit status, output
formats, --root, and the docs that must name every check and error code.
"""

import json
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger import load_string, pitfalls
from careerledger.cli import main
from careerledger.problems import CATALOGUE

DOCS = Path(__file__).resolve().parents[1] / "docs"
CODES = {c.name: c.code for c in pitfalls.CHECKS}


def join(*parts):
    """Inline ledger parts, each dedented on its own (line 1 is the first line
    after the opening quotes), joined into one ledger text."""
    return "".join(textwrap.dedent(part).lstrip("\n") for part in parts)


def load(text, filename="t.career"):
    """Load an inline ledger that must have no errors."""
    ledger = load_string(join(text), filename)
    assert ledger.problems == (), [(p.code, p.loc.line, p.message) for p in ledger.problems]
    return ledger


def warnings(text, as_of, *names):
    """(code, line, message) of every warning as of `as_of`, of the checks
    `names` (default: every check on by default)."""
    ledger = load(text)
    selected = frozenset(names) if names else pitfalls.enabled()
    out = []
    for p in pitfalls.run(ledger, as_of, selected):
        assert p.severity == "warning"
        assert p.loc.col == 1  # a warning points at its entry's date
        out.append((p.code, p.loc.line, p.message))
    return out


def fired(text, as_of, name):
    """(line, message) of the warnings of one check; each message starts with its name."""
    out = []
    for code, line, message in warnings(text, as_of, name):
        assert code == CODES[name]
        assert message.startswith(f"{name}: "), message
        out.append((line, message))
    return out


def lines(text, as_of, name):
    return [line for line, _ in fired(text, as_of, name)]


D = date.fromisoformat


# --- W201 drift -------------------------------------------------------------------

def test_drift_role_after_a_north_star_without_why():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    """
    assert fired(text, D("2022-01-01"), "drift") == [
        (2, 'drift: role "Senior PM" started with no recorded reason against your north star')
    ]


def test_drift_not_with_why():
    text = """
    2020-01-01 north-star "Lead a payments product"
    2021-03-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
      why: "owning checkout gets me to payments"
    """
    assert fired(text, D("2022-01-01"), "drift") == []


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
    assert fired(text, D("2022-01-01"), "drift") == []


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
    assert fired(SWING, D("2023-01-15"), "swing-due") == []


def test_swing_due_one_day_more_is_due_at_the_last_swing():
    # 2020-01-15 -> 2023-01-16: 366 + 365 + 365 + 1 = 1097 days; the bet is line 5
    assert fired(SWING, D("2023-01-16"), "swing-due") == [
        (5, "swing-due: a big swing is overdue: 1097 days since your last big swing (swing-every 3y)")
    ]


def test_swing_due_not_before_established():
    text = """
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    """
    # no swing: the clock runs from the first main role, due_on 2011-05-01;
    # established defaults to 2008-05-01 + 4y = 2012-05-01
    assert fired(text, D("2011-05-02"), "swing-due") == []
    assert fired(text, D("2012-04-30"), "swing-due") == []
    assert fired(text, D("2012-05-01"), "swing-due") == [
        (1, "swing-due: a big swing is overdue: no big swing since your first role on 2008-05-01 (swing-every 3y)")
    ]


def test_swing_due_established_option_postpones_it():
    text = """
    option "established" "2030-01-01"
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    """
    assert fired(text, D("2029-12-31"), "swing-due") == []
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
    assert fired(text, D("2023-07-31"), "swing-due") == []
    assert fired(text, D("2023-08-01"), "swing-due") == [
        (5, "swing-due: a big swing is overdue: 547 days since your last big swing (swing-every 18m)")
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
    assert fired(text, D("2020-03-01"), "swing-due") == []
    assert lines(text, D("2020-03-02"), "swing-due") == [6]


# --- W203 phase-stuck -----------------------------------------------------------------

STUCK = """
    2020-02-29 role "Analyst" at "Acme"
      track: core
      phase: learning
"""


def test_phase_stuck_exactly_phase_max_is_not_stuck():
    # limit_on = 2020-02-29 + 4y = 2024-02-29; streak 4 * 365 + 1 = 1461 days
    assert fired(STUCK, D("2024-02-29"), "phase-stuck") == []


def test_phase_stuck_one_day_more():
    assert fired(STUCK, D("2024-03-01"), "phase-stuck") == [
        (1, "phase-stuck: 1462 days in the learning phase, longer than phase-max 4y")
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
    assert fired(text, D("2020-01-04"), "phase-stuck") == []
    assert fired(text, D("2020-01-05"), "phase-stuck") == [
        (4, "phase-stuck: 1462 days in the impact phase, longer than phase-max 4y")
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
    assert fired(GAP, D("2023-07-01"), "phase-stuck") == []
    # 2019-07-01 -> 2023-07-02: 4 * 365 + 1 (2020-02-29) + 1 = 1462, at the PM (line 5)
    assert fired(GAP, D("2023-07-02"), "phase-stuck") == [
        (5, "phase-stuck: 1462 days in the learning phase, longer than phase-max 4y")
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
    assert fired(text, D("2023-01-01"), "phase-stuck") == []
    # before the leave: impact since 2015-01-05, limit 2017-01-05
    assert fired(text, D("2017-01-05"), "phase-stuck") == []
    assert fired(text, D("2017-01-06"), "phase-stuck") == [
        (2, "phase-stuck: 732 days in the impact phase, longer than phase-max 2y")
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
    assert fired(MONTHLY, D("2024-04-10"), "cadence-missed") == []


def test_cadence_latest_whole_period_missed():
    # as of 2024-05-02 the latest whole month is 2024-04, with no update; May's
    # update is in as-of's own month, which is not over yet
    assert fired(MONTHLY, D("2024-05-02"), "cadence-missed") == [
        (1, 'cadence-missed: contract "Monthly note to my VP" missed its latest month, 2024-04: 0 of 1 updates')
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
    assert fired(text, D("2024-03-17"), "cadence-missed") == []  # Sunday: W11 is not over
    assert fired(text, D("2024-03-18"), "cadence-missed") == [
        (1, 'cadence-missed: contract "Two posts a week" missed its latest week, 2024-W11: 1 of 2 updates')
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
    assert fired(text, D("2024-05-03"), "cadence-missed") == []
    assert fired(text, D("2026-01-01"), "cadence-missed") == []


def test_cadence_no_whole_period_yet():
    text = """
    2024-01-10 contract "Monthly note to my VP"
      every: month
    """
    assert fired(text, D("2024-01-31"), "cadence-missed") == []
    assert lines(text, D("2024-02-01"), "cadence-missed") == [1]


# --- W205 repeat-unwritten ----------------------------------------------------------------

EXPLAINED_TWICE = """
    2024-01-10 explained #pricing
      to: "Sales"
    2024-02-10 explained #pricing
      to: "Finance"
"""


def test_repeat_unwritten_explained_twice_points_at_the_latest():
    assert fired(EXPLAINED_TWICE, D("2024-03-01"), "repeat-unwritten") == [
        (3, "repeat-unwritten: #pricing explained 2 times and never written up")
    ]
    # as of 2024-02-09 it was explained once
    assert fired(EXPLAINED_TWICE, D("2024-02-09"), "repeat-unwritten") == []


def test_repeat_unwritten_not_with_a_later_update_covering_it():
    text = join(EXPLAINED_TWICE, """
    2024-02-20 update "How we price"
      covers: #pricing
    """)
    assert fired(text, D("2024-03-01"), "repeat-unwritten") == []
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
    assert fired(text, D("2024-03-09"), "repeat-unwritten") == []
    assert fired(text, D("2024-03-10"), "repeat-unwritten") == [
        (5, "repeat-unwritten: #pricing explained 2 times since it was last written up on 2024-01-20")
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
    assert fired(LANDING, D("2024-02-14"), "landing-overdue") == [
        (2, "landing-overdue: landing step 'sotu' was due by day 30 (2024-02-13)")
    ]


def test_landing_sotu_missing_on_day_30_is_not_overdue_yet():
    assert fired(LANDING, D("2024-02-13"), "landing-overdue") == []


def test_landing_sotu_done():
    text = join(LANDING, """
    2024-02-10 sotu "Payments: the state of the union"
    """)
    assert fired(text, D("2024-02-14"), "landing-overdue") == []


def test_landing_only_in_the_role_s_first_180_days():
    # day 180 = +179 = 2024-07-12: all three steps overdue, each at the role (line 2)
    assert fired(LANDING, D("2024-07-12"), "landing-overdue") == [
        (2, "landing-overdue: landing step 'sotu' was due by day 30 (2024-02-13)"),
        (2, "landing-overdue: landing step 'align' was due by day 60 (2024-03-14)"),
        (2, "landing-overdue: landing step 'win' was due by day 90 (2024-04-13)"),
    ]
    # day 181 (180 days old): the landing is history, no warning any more
    assert fired(LANDING, D("2024-07-13"), "landing-overdue") == []


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
    assert fired(text, D("2024-08-01"), "landing-overdue") == []
    assert fired(text, D("2024-08-02"), "landing-overdue") == [
        (8, "landing-overdue: landing step 'align' was due by day 60 (2024-08-01)")
    ]
    # after a leave there is no current role to land
    left = join(text, '2024-07-15 leave "VP Payments"\n')
    assert fired(left, D("2024-08-02"), "landing-overdue") == []


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
    assert fired(text, D("2024-06-01"), "early-ask") == [
        (1, 'early-ask: big bet "Embedded card issuing" asks for resources: "Two engineers for a quarter"'),
        (8, 'early-ask: big bet "Payouts API" asks for resources: "A designer"'),
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
    assert fired(FEEDBACK, D("2024-02-01"), "feedback-unactioned") == [
        (1, 'feedback-unactioned: constructive feedback "Your updates are too long" is 31 days old'
            " and records no action")
    ]


def test_feedback_30_days_old_is_not_yet():
    assert fired(FEEDBACK, D("2024-01-31"), "feedback-unactioned") == []


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
    assert fired(text, D("2025-01-01"), "feedback-unactioned") == [
        (7, 'feedback-unactioned: critical feedback "You interrupt people" is 363 days old and records no action')
    ]


# --- W209 home-stale --------------------------------------------------------------------------------

HOME = """
    2024-06-01 home 3
    2024-11-30 home 4
      note: "calmer since the move"
"""


def test_home_exactly_home_every_is_fresh():
    # next_due = 2024-11-30 + 3m = 2025-02-28 (clamped); 31 + 31 + 28 = 90 days
    assert fired(HOME, D("2025-02-28"), "home-stale") == []


def test_home_one_day_more_is_stale_at_the_latest_check_in():
    assert fired(HOME, D("2025-03-01"), "home-stale") == [
        (2, "home-stale: last home check-in was 91 days ago (home-every 3m)")
    ]


def test_home_never_without_check_ins_and_custom_home_every():
    text = """
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    """
    assert fired(text, D("2030-01-01"), "home-stale") == []
    # a check-in dated after as-of does not exist yet
    later = join(text, "2031-01-01 home 5\n")
    assert fired(later, D("2030-01-01"), "home-stale") == []
    custom = 'option "home-every" "2w"\n2024-03-01 home 2\n'
    assert fired(custom, D("2024-03-15"), "home-stale") == []
    assert fired(custom, D("2024-03-16"), "home-stale") == [
        (2, "home-stale: last home check-in was 15 days ago (home-every 2w)")
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
    assert fired(text, D("2020-01-01"), "north-star-missing") == [
        (5, "north-star-missing: this ledger has roles but no north star")
    ]
    # side roles only: still roles, the first one is pointed at
    assert lines(text, D("2014-12-31"), "north-star-missing") == [1]


def test_north_star_missing_not_without_roles_nor_with_a_star():
    assert fired('2024-01-01 note "started a ledger"\n', D("2025-01-01"), "north-star-missing") == []
    text = """
    2015-01-05 role "PM" at "Acme"
      track: core
      phase: learning
    2020-01-01 north-star "Lead a payments product"
    """
    assert fired(text, D("2020-01-01"), "north-star-missing") == []
    # the day before, the star is not written yet
    assert lines(text, D("2019-12-31"), "north-star-missing") == [1]


# --- W211 north-star-expired ---------------------------------------------------------------------------

EXPIRING = """
    2019-03-01 north-star "Head of product at a fintech"
    2020-01-01 north-star "Lead a payments product"
      by: 2024-06-30
"""


def test_north_star_expired_on_the_by_date_itself_is_not():
    assert fired(EXPIRING, D("2024-06-30"), "north-star-expired") == []


def test_north_star_expired_the_day_after_points_at_the_latest_star():
    assert fired(EXPIRING, D("2024-07-01"), "north-star-expired") == [
        (2, "north-star-expired: the north star's horizon 2024-06-30 has passed")
    ]


def test_north_star_expired_default_by_and_a_revised_star():
    text = """
    2019-03-01 north-star "Head of product at a fintech"
    """
    # by defaults to the date + 5y = 2024-03-01
    assert fired(text, D("2024-03-01"), "north-star-expired") == []
    assert lines(text, D("2024-03-02"), "north-star-expired") == [1]
    revised = join(text, '2024-05-01 north-star "Found a payments company"\n')
    assert fired(revised, D("2025-01-01"), "north-star-expired") == []


# --- the command: the two ledgers -------------------------------------------------------------

AS_OF = "2025-06-15"

AUTOPILOT = """\
; Sam's ledger, on autopilot
option "owner" "Sam Rivera"

2015-01-05 north-star "Run product at a fintech"
  by: 2027-01-01
2015-02-02 role "Product Manager" at "Acme"
  track: core
  phase: learning
2019-04-01 role "Senior PM" at "Acme"
  track: core
  phase: impact
2020-01-06 contract "Monthly update to my VP"
  every: month
  with: "VP Product"
2020-01-20 update "January notes"
2020-02-18 update "February notes"
2020-03-02 bet "Instant payouts"
  size: big
2022-03-01 role "Group PM" at "Acme"
  track: core
  phase: impact
"""

# As of 2025-06-15:
# - drift: every role starts after the star (2015-01-05) with no why: lines 6, 9, 19;
# - swing-due: last big swing 2020-03-02, due_on 2023-03-02, established 2019-02-02;
#   1826 (to 2025-03-02) + 92 + 13 = 1931 days, at the bet (line 17);
# - phase-stuck: impact since 2019-04-01 (Senior PM, Group PM one run), limit 2023-04-01;
#   2192 (six years, two leap days) + 61 + 14 = 2267 days, at the Senior PM (line 9);
# - cadence-missed: the contract (line 12) has had no update since February 2020;
#   its latest whole month is 2025-05;
# - no landing (the Group PM is 1202 days old), star not expired (2027), no home entry.
AUTOPILOT_WARNINGS = [
    ("W201", 6, 'drift: role "Product Manager" started with no recorded reason against your north star'),
    ("W201", 9, 'drift: role "Senior PM" started with no recorded reason against your north star'),
    ("W201", 19, 'drift: role "Group PM" started with no recorded reason against your north star'),
    ("W202", 17, "swing-due: a big swing is overdue: 1931 days since your last big swing (swing-every 3y)"),
    ("W203", 9, "phase-stuck: 2267 days in the impact phase, longer than phase-max 4y"),
    ("W204", 12, 'cadence-missed: contract "Monthly update to my VP" missed its latest month, 2025-05:'
                 " 0 of 1 updates"),
]

HEALTHY = """\
; Alex's ledger, kept with care
option "owner" "Alex Kim"

2019-01-07 north-star "Lead a product org at a fintech"
  by: 2029-01-01
  needs: #pricing #zero-to-one
2019-02-04 role "PM, Payments" at "Acme"
  track: core
  phase: learning
  why: "payments are the heart of the north star"
2021-03-01 opportunity "Senior PM, Payouts"
  at: "Acme"
  track: core
  phase: impact
2021-03-15 decision "Senior PM, Payouts" take
  why: "owning a P&L is the next step"
2021-04-05 role "Senior PM, Payouts" at "Acme"
  track: core
  phase: impact
2022-06-01 bet "Instant payouts"
  size: big
2023-02-01 outcome "Instant payouts" success
  lesson: "ship to ten merchants first"
2024-01-08 contract "Quarterly letter to my skip-level"
  every: quarter
2024-02-12 update "Q1 letter"
2024-03-04 explained #pricing
2024-04-22 explained #pricing
2024-05-06 update "Q2 letter: how we price"
  covers: #pricing
2024-08-05 update "Q3 letter"
2024-09-02 role "Lead, New Ventures" at "Acme"
  track: innovation
  phase: learning
  why: "the zero-to-one experience the north star needs"
2024-09-20 listen "CFO"
2024-09-27 sotu "New Ventures: the state of the union"
2024-10-25 align "Two bets for 2025"
  with: "CFO"
2024-11-04 update "Q4 letter"
2024-11-20 win "First merchant live on instant payouts"
2025-01-15 feedback "Your letters bury the ask"
  tone: constructive
  action: "the ask now opens every letter"
2025-02-10 update "Q1 letter"
2025-05-01 home 4
"""


def write(tmp_path, text, name="career.career"):
    path = Path(tmp_path, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check_json(*args):
    result = cli("check", "--as-of", AS_OF, "--format", "json", *args)
    return result, json.loads(result.stdout)


def triples(problems):
    return [(p["code"], p["line"], p["message"]) for p in problems]


def test_autopilot_ledger_gets_every_relevant_warning_at_the_right_line(tmp_path):
    result, problems = check_json(write(tmp_path, AUTOPILOT))
    assert result.exit_code == 0  # warnings alone pass
    assert triples(problems) == AUTOPILOT_WARNINGS
    for p in problems:
        assert p["severity"] == "warning"
        assert p["name"] == p["message"].split(":")[0] == pitfalls.BY_KEY[p["code"]].name
        assert p["hint"] == pitfalls.BY_KEY[p["code"]].advice
        assert (p["column"], p["length"]) == (1, 10)  # the entry's date


def test_healthy_ledger_gets_no_warning(tmp_path):
    path = write(tmp_path, HEALTHY)
    result, problems = check_json("--strict", path)
    assert (result.exit_code, problems) == (0, [])
    # and in text, nothing at all
    text = cli("check", "--as-of", AS_OF, "--strict", path)
    assert (text.exit_code, text.output) == (0, "")


def test_healthy_ledger_as_of_its_own_past_also_passes(tmp_path):
    # replayed day by day around its landing, the healthy ledger stays quiet
    ledger = load(HEALTHY)
    for day in ("2024-09-02", "2024-10-02", "2024-11-01", "2024-12-01", "2025-03-01"):
        assert pitfalls.run(ledger, D(day), pitfalls.enabled()) == [], day


# --- selection ----------------------------------------------------------------------------------------

AUTOPILOT_CODES = ["W201", "W201", "W201", "W202", "W203", "W204"]


def codes_of(result):
    return [p["code"] for p in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--select", "drift"], ["W201", "W201", "W201"]),
        (["--select", "W203"], ["W203"]),
        (["--select", "w203"], ["W203"]),
        (["--select", "swing-due,W203"], ["W202", "W203"]),
        (["--select", "drift", "--select", "cadence-missed"], ["W201", "W201", "W201", "W204"]),
        (["--select", " swing-due , phase-stuck "], ["W202", "W203"]),
        (["--ignore", "drift"], ["W202", "W203", "W204"]),
        (["--ignore", "W201,swing-due", "--ignore", "W204"], ["W203"]),
        (["--select", "drift,swing-due", "--ignore", "W201"], ["W202"]),
        (["--select", "home-stale"], []),
    ],
)
def test_select_and_ignore_by_name_and_code(tmp_path, args, expected):
    result = cli("check", "--as-of", AS_OF, "--format", "json", *args, write(tmp_path, AUTOPILOT))
    assert result.exit_code == 0
    assert codes_of(result) == expected


@pytest.mark.parametrize(
    "args, unknown, hint",
    [
        (["--select", "drfit"], "drfit", "did you mean 'drift'?"),
        (["--ignore", "drift,swing-dew"], "swing-dew", "did you mean 'swing-due'?"),
        (["--ignore", "W299"], "W299", "expected one of: cadence-missed, drift,"),
    ],
)
def test_unknown_check_name_is_a_usage_error(tmp_path, args, unknown, hint):
    result = cli("check", "--as-of", AS_OF, *args, write(tmp_path, AUTOPILOT))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"unknown check '{unknown}'" in result.stderr
    assert hint in result.stderr


def test_check_ignore_option_and_select_overrides_it(tmp_path):
    text = AUTOPILOT.replace('option "owner" "Sam Rivera"', 'option "check-ignore" "drift,W202"')
    path = write(tmp_path, text)
    assert codes_of(cli("check", "--as-of", AS_OF, "--format", "json", path)) == ["W203", "W204"]
    # --select names exactly what runs, whatever the ledger ignores
    selected = cli("check", "--as-of", AS_OF, "--format", "json", "--select", "drift,phase-stuck", path)
    assert codes_of(selected) == ["W201", "W201", "W201", "W203"]
    # --ignore adds to the ledger's list
    more = cli("check", "--as-of", AS_OF, "--format", "json", "--ignore", "cadence-missed", path)
    assert codes_of(more) == ["W203"]


def test_check_ignore_option_with_an_unknown_name_is_an_error(tmp_path):
    text = 'option "check-ignore" "drift,home-stail"\n'
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 1
    [p] = problems
    assert (p["code"], p["line"], p["severity"]) == ("E302", 1, "error")
    assert "unknown check 'home-stail'" in p["message"]


def test_suppression_comment_silences_only_that_entry_and_that_check(tmp_path):
    text = AUTOPILOT.replace(
        '2019-04-01 role "Senior PM" at "Acme"', '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore drift'
    )
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 0
    # line 9's drift is gone; its phase-stuck stays, and the other roles still drift
    assert [(p["code"], p["line"]) for p in problems] == [
        ("W201", 6), ("W201", 19), ("W202", 17), ("W203", 9), ("W204", 12),
    ]


def test_suppression_comment_by_code_and_several_names(tmp_path):
    text = AUTOPILOT.replace(
        '2019-04-01 role "Senior PM" at "Acme"',
        '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore W201, phase-stuck',
    )
    result, problems = check_json(write(tmp_path, text))
    assert [(p["code"], p["line"]) for p in problems] == [("W201", 6), ("W201", 19), ("W202", 17), ("W204", 12)]


def test_suppression_comment_on_a_metadata_line_does_nothing(tmp_path):
    # the comment belongs on the entry's first line, the line the warning points at
    text = AUTOPILOT.replace("  phase: impact\n2020-01-06", "  phase: impact ; careerledger: ignore drift\n2020-01-06")
    result, problems = check_json(write(tmp_path, text))
    assert triples(problems) == AUTOPILOT_WARNINGS


def test_suppression_comment_with_an_unknown_name_is_e306_at_the_comment(tmp_path):
    head = '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore drfit'
    text = AUTOPILOT.replace('2019-04-01 role "Senior PM" at "Acme"', head)
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 1
    error = problems[0]
    assert (error["code"], error["name"], error["severity"]) == ("E306", "unknown-check", "error")
    assert (error["line"], error["column"], error["length"]) == (9, head.index("drfit") + 1, len("drfit"))
    assert error["message"] == "unknown check 'drfit': did you mean 'drift'?"
    # and the warnings still come, drift included (nothing was suppressed)
    assert triples(problems[1:]) == AUTOPILOT_WARNINGS


# --- exit status and output -------------------------------------------------------------------------------


def test_warnings_alone_exit_0_strict_exit_1(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    assert cli("check", "--as-of", AS_OF, path).exit_code == 0
    assert cli("check", "--as-of", AS_OF, "--strict", path).exit_code == 1
    # --strict with every warning ignored passes
    ignored = cli("check", "--as-of", AS_OF, "--strict", "--ignore", "drift,W202,W203,W204", path)
    assert (ignored.exit_code, ignored.output) == (0, "")


def test_quiet_prints_nothing_but_keeps_the_exit_status(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    for args, status in ((["--strict"], 1), ([], 0), (["--format", "json", "--strict"], 1),
                         (["--format", "github"], 0)):
        result = cli("check", "--as-of", AS_OF, "--quiet", *args, path)
        assert (result.exit_code, result.output) == (status, ""), args
    broken = write(tmp_path, AUTOPILOT + "2025-01-01 rol \"x\"\n", "broken.career")
    result = cli("check", "--as-of", AS_OF, "-q", broken)
    assert (result.exit_code, result.output) == (1, "")


def test_text_output_shows_location_source_line_caret_and_hint(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    result = cli("check", "--as-of", AS_OF, "--select", "phase-stuck", path)
    assert result.exit_code == 0
    assert result.output == (
        f"{path}:9:1: W203 phase-stuck: 2267 days in the impact phase, longer than phase-max 4y\n"
        ' 9 | 2019-04-01 role "Senior PM" at "Acme"\n'
        "   | ^^^^^^^^^^\n"
        "  hint: alternate phases: after a long impact run, pick something that makes you learn\n"
        "\n"
        "0 errors, 1 warning\n"
    )


def test_text_output_counts_errors_and_warnings(tmp_path):
    path = write(tmp_path, AUTOPILOT + '2025-01-01 rol "x"\n', "broken.career")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.exit_code == 1
    blocks = result.output.strip("\n").split("\n\n")
    assert blocks[0].startswith(f"{path}:22:12: E104 unknown keyword 'rol'")
    assert [b.split("\n")[0].split(" ")[1] for b in blocks[1:-1]] == AUTOPILOT_CODES
    assert blocks[-1] == "1 error, 6 warnings"


def test_json_output_has_severity_and_name(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    result, problems = check_json("--select", "swing-due", path)
    assert problems == [{
        "file": str(path),
        "line": 17,
        "column": 1,
        "length": 10,
        "code": "W202",
        "name": "swing-due",
        "severity": "warning",
        "message": "swing-due: a big swing is overdue: 1931 days since your last big swing (swing-every 3y)",
        "hint": "look for a zero-to-one bet you can start out of the limelight",
    }]


def test_github_output_has_warning_and_error_commands(tmp_path):
    path = write(tmp_path, AUTOPILOT + '2025-01-01 rol "x"\n', "broken.career")
    result = cli("check", "--as-of", AS_OF, "--format", "github", "--select", "W203,W204", path)
    assert result.exit_code == 1
    out = result.output.splitlines()
    assert out[0].startswith(f"::error file={path},line=22,col=12,title=E104::unknown keyword 'rol'")
    assert out[1] == (
        f"::warning file={path},line=9,col=1,title=W203::phase-stuck: 2267 days in the impact phase,"
        " longer than phase-max 4y (hint: alternate phases: after a long impact run, pick something"
        " that makes you learn)"
    )
    assert out[2].startswith(f"::warning file={path},line=12,col=1,title=W204::cadence-missed: contract")
    assert len(out) == 3
    for line in out:
        assert re.fullmatch(r"::(warning|error) file=[^,]+,line=\d+,col=\d+,title=[EW]\d{3}::.+", line)


def test_list_checks_lists_all_eleven():
    result = cli("check", "--list-checks")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert rows[0].split()[:3] == ["code", "name", "default"]
    body = rows[2:]
    assert len(body) == 11
    for check, row in zip(pitfalls.CHECKS, body):
        assert row.split()[:3] == [check.code, check.name, "on"]
        assert row.endswith(check.summary)
    assert [c.code for c in pitfalls.CHECKS] == [f"W2{n:02d}" for n in range(1, 12)]


# --- --root: an included file is checked within its root --------------------------------------------------

ROOT = """\
2023-01-02 north-star "Lead a payments product"
2023-01-02 role "PM" at "Acme"
  track: core
  phase: learning
include "2024.career"
"""

INCLUDED = """\
2024-06-01 leave "PM"
  why: "a sabbatical"
2024-09-01 feedback "You over-prepare"
  tone: critical
"""


def test_root_checks_an_included_file_within_its_root(tmp_path):
    root = write(tmp_path, ROOT)
    year = write(tmp_path, INCLUDED, "2024.career")
    # alone, the leave ends no role
    alone, problems = check_json(year)
    assert alone.exit_code == 1
    assert [(p["code"], p["line"]) for p in problems] == [("E404", 1), ("W208", 3)]
    # as the hook runs it: the changed file, with the root
    within, problems = check_json("--root", root, year)
    assert within.exit_code == 0
    # reported once, with the included file's own path and line
    assert [(p["file"], p["code"], p["line"]) for p in problems] == [(str(year), "W208", 3)]


def test_root_checks_a_file_it_does_not_include_alone(tmp_path):
    root = write(tmp_path, ROOT)
    write(tmp_path, INCLUDED, "2024.career")
    other = write(tmp_path, '2024-01-01 leave "Nobody"\n', "other.career")
    result, problems = check_json("--root", root, other)
    assert result.exit_code == 1
    assert [(Path(p["file"]).name, p["code"]) for p in problems] == [
        ("2024.career", "W208"), ("other.career", "E404"),
    ]


def test_root_warnings_in_the_root_are_reported_too(tmp_path):
    # a root with roles and no north star
    root = write(tmp_path, '2023-01-02 role "PM" at "Acme"\n  track: core\n  phase: learning\ninclude "2024.career"\n')
    year = write(tmp_path, INCLUDED, "2024.career")
    result, problems = check_json("--root", root, year)
    assert [(Path(p["file"]).name, p["code"], p["line"]) for p in problems] == [
        ("2024.career", "W208", 3), ("career.career", "W210", 1),
    ]


# --- the docs keep up with the code ------------------------------------------------------------------------


def test_checks_doc_names_every_check_with_its_code_and_advice():
    doc = (DOCS / "checks.md").read_text(encoding="utf-8")
    for check in pitfalls.CHECKS:
        assert f"### {check.code} {check.name}\n" in doc, check.code
        assert check.advice in doc, check.code
    assert "careerledger-check" in doc and "--root" in doc


def test_errors_doc_names_every_error_code():
    doc = (DOCS / "errors.md").read_text(encoding="utf-8")
    for code, (name, _) in CATALOGUE.items():
        assert f"### {code} {name}\n" in doc, code


def _doc_examples():
    """Each ```career block of docs/checks.md followed by a ```console block:
    (heading, ledger, command, expected output)."""
    doc = (DOCS / "checks.md").read_text(encoding="utf-8")
    found = []
    heading = None
    pattern = re.compile(r"^### ([^\n]+)$|```career\n([^`]*)```\n+```console\n([^`]*)```", re.M)
    for m in pattern.finditer(doc):
        if m[1]:
            heading = m[1]
            continue
        ledger, console = m[2], m[3]
        command, _, output = console.partition("\n")
        found.append(pytest.param(ledger, command, output, id=f"{heading}-{len(found)}"))
    return found


def test_checks_doc_has_an_example_that_fires_and_one_that_does_not_for_each_check():
    examples = {}
    for param in _doc_examples():
        heading = param.id.rsplit("-", 1)[0]
        examples.setdefault(heading, []).append(param.values[2])
    for check in pitfalls.CHECKS:
        fires, quiet = examples[f"{check.code} {check.name}"]
        assert f": {check.code} {check.name}: " in fires and fires.endswith("0 errors, 1 warning\n")
        assert quiet == "$ echo $?\n0\n"


@pytest.mark.parametrize("ledger, command, output", _doc_examples())
def test_checks_doc_examples_give_the_output_shown(tmp_path, monkeypatch, ledger, command, output):
    assert command.startswith("$ careerledger check "), command
    args = command[2:].split()[1:]
    (tmp_path / "ledger.career").write_text(ledger, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    shown = output.split("$ echo $?\n")
    assert result.output == shown[0]
    if len(shown) > 1:
        assert str(result.exit_code) == shown[1].strip()
