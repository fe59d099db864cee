"""Evaluate (careerledger.metrics.evaluate): the measuring stick.

Every rule of docs/metrics.md, "Evaluate: the measuring stick", on both sides of its
threshold, with the numbers worked out by hand in the comments (month lengths as in
test_metrics_swings.py): each Reason's points, its case (which way the rule went) and
the facts behind it; staying in the current role, weighed by the same rules; several
offers ranked. Then one test per wording of a reason
(careerledger.render.evaluation.reason_text) and the paragraph's sentences. The
command, with the framework's worked example end to end, is in test_cli_evaluate.py.
"""

from fractions import Fraction

import pytest
from conftest import D, ledger

from careerledger.core.entries import Duration
from careerledger.metrics.evaluate import (
    Need,
    compare,
    demanding,
    described,
    evaluate,
    find_opportunity,
    opportunity_names,
    phase_call,
    stay,
)
from careerledger.render.evaluation import evaluation_data, reason_text, side_by_side, summary


def weigh(led, as_of, track=None, phase=None, builds=(), org=None):
    """Evaluate an ad-hoc opportunity dated as_of."""
    opp = described("Offer", D(as_of), track, phase, tuple(builds), org)
    ev = evaluate(led.entries, opp, D(as_of), led.options)
    assert ev.ad_hoc is True
    assert ev.as_of == D(as_of)
    assert ev.score == sum(r.points for r in ev.reasons)
    return ev


def reasons(ev, name):
    """The reasons of rule `name` as (points, case, facts)."""
    return [(r.points, r.case, dict(r.facts)) for r in ev.reasons if r.rule == name]


def rule(ev, name):
    """The one reason of rule `name` as (points, case, facts)."""
    [r] = reasons(ev, name)
    return r


THRESHOLD = Fraction(3, 5)  # the phase rule: a phase with 60% or more of the trailing 5 years


# --- needs -----------------------------------------------------------------------------

SKILLS = """
    2023-06-01 skill #pricing mastered
    2023-07-01 skill #payments mastered
    2024-01-01 north-star "Head of Product"
      needs: #zero-to-one #pricing #hiring #team-leadership
"""


def test_needs_score_two_each_up_to_four():
    ev = weigh(ledger(SKILLS), "2024-06-01", builds=["zero-to-one", "pricing", "hiring", "team-leadership", "ai"])
    assert [(r.weight, r.points, r.case, dict(r.facts)) for r in ev.reasons if r.rule == "needs"] == [
        (2, 2, "needed", {"tag": "zero-to-one", "level": None, "cap": 4}),
        (2, 0, "mastered", {"tag": "pricing", "level": "mastered", "cap": 4}),
        (2, 2, "needed", {"tag": "hiring", "level": None, "cap": 4}),
        # zero-to-one and hiring scored +4: the cap
        (2, 0, "capped", {"tag": "team-leadership", "level": None, "cap": 4}),
        (2, 0, "not-needed", {"tag": "ai", "level": None, "cap": 4}),
    ]
    # no main role: early career, no track given (0); no phase balance (0); not a repeat
    assert (ev.score, ev.verdict) == (4, "closer")


def test_needs_take_the_latest_level_as_of_the_opportunity():
    led = ledger(SKILLS + """
    2024-03-01 skill #hiring practicing
    2024-05-01 skill #pricing proficient
    2024-07-01 skill #hiring mastered
    """)
    ev = weigh(led, "2024-06-01", builds=["hiring", "pricing", "hiring"])
    # pricing fell back to proficient (the latest entry wins); hiring's mastered is
    # dated after as-of; a repeated tag counts once
    assert reasons(ev, "needs") == [
        (2, "needed", {"tag": "hiring", "level": "practicing", "cap": 4}),
        (2, "needed", {"tag": "pricing", "level": "proficient", "cap": 4}),
    ]
    assert ev.score == 4
    ev = weigh(led, "2024-07-01", builds=["hiring"])
    assert rule(ev, "needs") == (0, "mastered", {"tag": "hiring", "level": "mastered", "cap": 4})


def test_needs_with_no_builds_and_with_no_north_star():
    assert rule(weigh(ledger(SKILLS), "2024-06-01"), "needs") == (0, "no-builds", {})
    ev = weigh(ledger('2023-06-01 skill #pricing practicing\n'), "2024-06-01", builds=["pricing"])
    assert rule(ev, "needs") == (0, "no-north-star", {"tag": "pricing", "level": "practicing", "cap": 4})
    assert ev.north_star is None


# --- repeats ---------------------------------------------------------------------------


def test_repeats_only_mastered_skills():
    led = ledger(SKILLS)
    ev = weigh(led, "2024-06-01", builds=["pricing", "payments"])
    assert reasons(ev, "needs") == [
        (0, "mastered", {"tag": "pricing", "level": "mastered", "cap": 4}),
        (0, "not-needed", {"tag": "payments", "level": "mastered", "cap": 4}),
    ]
    # payments is no need, but it is mastered: only repeats
    assert rule(ev, "repeats") == (-2, "repeats", {"tags": ("pricing", "payments")})
    assert (ev.score, ev.verdict) == (-2, "further")
    ev = weigh(led, "2024-06-01", builds=["pricing", "payments", "ai"])
    assert rule(ev, "repeats") == (0, "new", {"tags": ("ai",)})
    assert (ev.score, ev.verdict) == (0, "neutral")
    assert rule(weigh(led, "2024-06-01"), "repeats") == (0, "no-builds", {})


# --- swing due -------------------------------------------------------------------------

SWING = """
    option "established" "2010-01-01"
    2008-05-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2020-01-15 bet "Marketplace"
      size: big
"""


def test_swing_due_on_both_sides_of_the_deadline():
    led = ledger(SWING)
    # due_on = 2020-01-15 + 3y = 2023-01-15: on that day not due yet
    for track in ("innovation", "core", None):
        assert rule(weigh(led, "2023-01-15", track), "swing-due") == (
            0, "not-due", {"due_on": D("2023-01-15"), "track": track})
    # the day after: due, 3 years and 1 day since the bet
    # established long before: it fell due the day after due_on
    due = {"due_on": D("2023-01-15"), "as_of": D("2023-01-16"), "measured_from": D("2020-01-15"),
           "established": D("2010-01-01"), "due_from": D("2023-01-16"), "staying": False,
           "last_kind": "bet", "last_name": "Marketplace", "last_on": D("2020-01-15"), "small_since": 0}
    assert rule(weigh(led, "2023-01-16", "innovation"), "swing-due") == (2, "due", {**due, "track": "innovation"})
    assert rule(weigh(led, "2023-01-16", "core"), "swing-due") == (-2, "due", {**due, "track": "core"})
    assert rule(weigh(led, "2023-01-16"), "swing-due") == (0, "due", {**due, "track": None})
    assert reasons(weigh(led, "2023-01-16"), "early-career") == []


def test_swing_due_counts_the_small_bets_since_the_last_big_swing():
    led = ledger(SWING + """
    2021-03-01 bet "Tiny"
      size: small
    2019-03-01 bet "Before"
      size: small
    """)
    points, case, facts = rule(weigh(led, "2023-06-01", "innovation"), "swing-due")
    # only the 2021 small bet is after the big one (2020-01-15 -> 2023-06-01: 3y 4m 17d)
    assert (points, case) == (2, "due")
    assert (facts["last_name"], facts["last_on"], facts["as_of"], facts["small_since"]) == (
        "Marketplace", D("2020-01-15"), D("2023-06-01"), 1)


# --- early career ------------------------------------------------------------------------

EARLY = """
    2020-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
"""


def test_early_career_before_and_on_established():
    led = ledger(EARLY)
    # established = 2020-03-01 + 4y = 2024-03-01; 2024-02-29 is the day before
    early = {"established": D("2024-03-01")}
    assert rule(weigh(led, "2024-02-29", "innovation"), "early-career") == (
        -1, "early", {**early, "track": "innovation"})
    assert rule(weigh(led, "2024-02-29", "core"), "early-career") == (1, "early", {**early, "track": "core"})
    assert rule(weigh(led, "2024-02-29"), "early-career") == (0, "early", {**early, "track": None})
    # on the day: established; no big swing ever, so the clock runs from the first role:
    # due by 2020-03-01 + 3y = 2023-03-01, long past; but it counts as due only from
    # established, 2024-03-01: the due date never precedes it
    due = {"due_on": D("2023-03-01"), "as_of": D("2024-03-01"), "measured_from": D("2020-03-01"),
           "established": D("2024-03-01"), "due_from": D("2024-03-01"), "staying": False}
    ev = weigh(led, "2024-03-01", "innovation")
    assert rule(ev, "swing-due") == (2, "due-no-swing", {**due, "track": "innovation"})
    assert reasons(ev, "early-career") == []
    assert rule(weigh(led, "2024-03-01", "core"), "swing-due") == (-2, "due-no-swing", {**due, "track": "core"})


def test_no_main_role_is_early_career():
    ev = weigh(ledger(SKILLS), "2024-06-01", "innovation")
    assert rule(ev, "early-career") == (-1, "early", {"established": None, "track": "innovation"})


# --- phase balance -------------------------------------------------------------------------

SHARE = """
    2020-01-01 role "Junior" at "Acme"
      track: core
      phase: learning
    2020-01-03 role "Lead" at "Acme"
      track: core
      phase: impact
"""


def test_phase_share_at_sixty_percent():
    led = ledger(SHARE)
    # as of 2020-01-05: learning 01-01, 01-02; impact 01-03, 01-04: 50% each
    call = phase_call(led.entries, D("2020-01-05"), led.options)
    assert (call.calls_for, call.because) == (None, None)
    assert rule(weigh(led, "2020-01-05", phase="learning"), "phase") == (0, "neither", {
        "phase": "learning", "recent_days": 4, "learning": 2, "impact": 2, "threshold": THRESHOLD})
    # as of 2020-01-06: impact 3 of 5 days, exactly 60%
    call = phase_call(led.entries, D("2020-01-06"), led.options)
    assert call[:5] == ("learning", "share", "impact", 3, 0.6)
    share = {"recent_days": 5, "learning": 2, "impact": 3, "threshold": THRESHOLD, "calls_for": "learning",
             "long_phase": "impact", "days": 3}
    assert rule(weigh(led, "2020-01-06", phase="learning"), "phase") == (1, "share", {**share, "phase": "learning"})
    assert rule(weigh(led, "2020-01-06", phase="impact"), "phase") == (-1, "share", {**share, "phase": "impact"})
    assert rule(weigh(led, "2020-01-06"), "phase") == (0, "share", {**share, "phase": None})
    # as of 2020-01-02: one day, all learning: calls for impact
    assert phase_call(led.entries, D("2020-01-02"), led.options)[:4] == ("impact", "share", "learning", 1)


def test_phase_streak_longer_than_phase_max():
    led = ledger("""
        option "phase-max" "2y"
        2015-01-01 role "Junior" at "Acme"
          track: core
          phase: learning
        2019-01-01 role "Lead" at "Acme"
          track: core
          phase: impact
    """)
    # as of 2021-01-01: impact streak 365 + 366 = 731 days, exactly 2y: not stuck.
    # Trailing 5 years from 2016-01-01: 366 + 365 + 365 + 365 + 366 = 1827 days; learning
    # 2016-01-01 -> 2019-01-01 = 1096 < 3/5 * 1827 = 1096.2 (59%); impact 731 (40%): neither
    call = phase_call(led.entries, D("2021-01-01"), led.options)
    assert call.calls_for is None
    assert (call.phases.recent.days, call.phases.recent.learning, call.phases.recent.impact) == (1827, 1096, 731)
    assert rule(weigh(led, "2021-01-01", phase="impact"), "phase") == (0, "neither", {
        "phase": "impact", "recent_days": 1827, "learning": 1096, "impact": 731, "threshold": THRESHOLD})
    # as of 2021-01-02: the streak (2019-01-01 -> 2021-01-02: 2y 1d) is longer than phase-max:
    # calls for learning. Trailing 5 years from 2016-01-02: learning 366 + 365 + 364 = 1095,
    # impact 365 + 366 + 1 = 732
    call = phase_call(led.entries, D("2021-01-02"), led.options)
    assert (call.calls_for, call.because, call.phase) == ("learning", "streak", "impact")
    streak = {"recent_days": 1827, "learning": 1095, "impact": 732, "threshold": THRESHOLD, "calls_for": "learning",
              "long_phase": "impact", "days": 732, "streak_start": D("2019-01-01"), "as_of": D("2021-01-02"),
              "phase_max": Duration(2, "y")}
    assert rule(weigh(led, "2021-01-02", phase="impact"), "phase") == (-1, "streak", {**streak, "phase": "impact"})
    assert rule(weigh(led, "2021-01-02", phase="learning"), "phase")[0] == 1


def test_phase_streak_comes_before_the_share():
    led = ledger("""
        option "phase-max" "3d"
        2020-01-01 role "Junior" at "Acme"
          track: core
          phase: learning
        2020-01-11 role "Lead" at "Acme"
          track: core
          phase: impact
    """)
    # as of 2020-01-14: impact streak 3 days = phase-max; learning 10 of 13 days (76%): impact
    assert phase_call(led.entries, D("2020-01-14"), led.options)[:3] == ("impact", "share", "learning")
    # as of 2020-01-15: streak 4 days > 3d: learning, although learning holds 10 of 14 days
    assert phase_call(led.entries, D("2020-01-15"), led.options)[:3] == ("learning", "streak", "impact")


def test_no_main_role_no_phase_call():
    assert rule(weigh(ledger(SKILLS), "2024-06-01", phase="learning"), "phase") == (0, "no-role", {
        "phase": "learning", "recent_days": 0, "learning": 0, "impact": 0, "threshold": THRESHOLD})


# --- verdict ------------------------------------------------------------------------------


def test_verdict_boundaries():
    led = ledger(EARLY)
    # as of 2021-03-01, not yet established; no phase and no builds: only early-career scores
    closer = weigh(led, "2021-03-01", "core")
    assert (closer.score, closer.verdict) == (1, "closer")
    further = weigh(led, "2021-03-01", "innovation")
    assert (further.score, further.verdict) == (-1, "further")
    neutral = weigh(led, "2021-03-01")
    assert (neutral.score, neutral.verdict) == (0, "neutral")
    assert [r.rule for r in neutral.reasons] == ["needs", "early-career", "phase", "repeats", "home", "risk"]
    # each rule's weight, whatever it scored (risk is stated, never scored)
    assert [r.weight for r in neutral.reasons] == [2, 1, 1, 2, 2, 0]


def test_an_opportunity_of_the_ledger_is_not_ad_hoc_and_later_entries_do_not_count():
    led = ledger(SKILLS + """
    2024-06-01 opportunity "Growth lead"
      builds: #hiring
    2024-06-02 skill #hiring mastered
    2024-06-03 decision "Growth lead" take
    """)
    opp = find_opportunity(led.entries, "Growth lead")
    ev = evaluate(led.entries, opp, opp.date, led.options)
    assert ev.ad_hoc is False
    assert ev.as_of == D("2024-06-01")
    assert rule(ev, "needs") == (2, "needed", {"tag": "hiring", "level": None, "cap": 4})
    assert find_opportunity(led.entries, "Nope") is None
    assert opportunity_names(led.entries) == ["Growth lead"]


def test_the_latest_opportunity_of_a_name():
    led = ledger("""
        2024-01-01 opportunity "Offer"
          track: core
        2024-06-01 opportunity "Offer"
          track: innovation
    """)
    assert find_opportunity(led.entries, "Offer").track == "innovation"


# --- home -----------------------------------------------------------------------------------

# One core impact role at Acme; four check-ins, 5 5 4 4: for n = 4, Σi = 6, Σi² = 14, Σs = 18,
# Σi·s = 0 + 5 + 8 + 12 = 25, slope = (4·25 − 6·18) / (4·14 − 36) = −8 / 20 = −0.4, change
# −0.4 × 3 = −1.2: down. The last score, 4, is not low.
HOME = """
    2020-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2024-01-01 home 5
    2024-04-01 home 5
    2024-07-01 home 4
    2024-10-01 home 4
      note: "Long weeks"
"""


def test_demanding_moves():
    role = ledger(HOME).entries[0]
    offer = described("X", D("2024-11-01"), "innovation", "learning", (), "Globex")
    assert demanding(offer, role) == ("innovation", "learning-after-impact", "new-org")
    assert demanding(described("X", D("2024-11-01"), "core", "impact", (), "Acme"), role) == ()
    assert demanding(described("X", D("2024-11-01"), "core", "learning"), role) == ("learning-after-impact",)
    # with no main role held there is no "after impact" and no other organisation
    assert demanding(described("X", D("2024-11-01"), "core", "learning", (), "Globex"), None) == ()


def test_home_counts_against_a_demanding_move_when_falling():
    led = ledger(HOME)
    # 2024-10-01 + 3m = 2025-01-01: as of 2024-11-01 (31 days since) still fresh
    strained = {"staying": False, "last_on": D("2024-10-01"), "score": 4, "note": "Long weeks", "days_since": 31,
                "stale": False, "trend": "down", "scores": (5, 5, 4, 4), "low": False, "falling": True, "low_at": 2}
    assert rule(weigh(led, "2024-11-01", "innovation", "impact", org="Acme"), "home") == (
        -2, "strained", {**strained, "demanding": ("innovation",)})
    assert rule(weigh(led, "2024-11-01", "core", "learning"), "home") == (
        -2, "strained", {**strained, "demanding": ("learning-after-impact",)})
    assert rule(weigh(led, "2024-11-01", "core", "impact", org="Globex"), "home") == (
        -2, "strained", {**strained, "demanding": ("new-org",)})
    # the same role elsewhere is demanding; the same seat here is not, and staying never is
    assert rule(weigh(led, "2024-11-01", "core", "impact", org="Acme"), "home") == (
        0, "not-demanding", {**strained, "demanding": ()})
    assert rule(stay(led.entries, D("2024-11-01"), led.options), "home") == (
        0, "not-demanding", {**strained, "demanding": (), "staying": True})


@pytest.mark.parametrize(("scores", "points", "case", "low", "trend"), [
    ((2, 2), -2, "strained", True, "flat"),  # the last is 2: low, although flat
    ((3, 3), 0, "holds", False, "flat"),  # 3 is not low
    ((3, 2), -2, "strained", True, "down"),  # n = 2: slope (2·2 − 1·5) / (2·1 − 1) = −1, change −1: down
    # n = 3: Σi = 3, Σi² = 5; 4 3 3: Σs = 10, Σi·s = 9, slope (27 − 30) / (15 − 9) = −0.5, change −1: down
    ((4, 3, 3), -2, "strained", False, "down"),
    ((4, 3, 4), 0, "holds", False, "flat"),  # Σs = 11, Σi·s = 11: slope (33 − 33) / 6 = 0
    ((2,), -2, "strained", True, None),  # one check-in: no trend, the score alone
    ((3,), 0, "holds", False, None),
])
def test_home_score_of_two_or_less_or_a_falling_trend(scores, points, case, low, trend):
    checkins = "".join(f"    2024-0{i + 1}-01 home {score}\n" for i, score in enumerate(scores))
    led = ledger(HOME.split("    2024-01-01")[0] + checkins)
    got = rule(weigh(led, "2024-06-01", "innovation"), "home")
    assert (got[0], got[1], got[2]["low"], got[2]["trend"]) == (points, case, low, trend)


def test_home_not_weighed_without_a_checkin():
    assert rule(weigh(ledger(EARLY), "2021-03-01", "innovation"), "home") == (0, "no-checkins", {})


def test_a_stale_checkin_still_weighs_and_says_so():
    # the last check-in, 2024-10-01, is fresh until 2025-01-01; as of 2025-01-02 it is stale
    got = rule(weigh(ledger(HOME), "2025-01-02", "innovation"), "home")
    assert (got[0], got[2]["stale"], got[2]["days_since"]) == (-2, True, 93)


# --- risk ------------------------------------------------------------------------------------

RISK = """
    2019-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2020-01-01 bet "A"
      size: small
    2020-06-01 outcome "A" success
    2021-01-01 bet "B"
    2021-06-01 outcome "B" failure
    2022-01-01 bet "C"
    2022-06-01 outcome "C" success
    2023-01-01 bet "D"
    2023-02-01 bet "E"
      size: small
    2023-06-01 outcome "E" pivot
    2024-06-01 outcome "D" success
"""


def test_risk_is_stated_never_scored():
    led = ledger(RISK)
    # as of 2024-01-01: closed A (success), B (failure), C (success), E (pivot): 2 of 4, at the
    # 50% baseline; of them big B and C: 1 of 2; D is open (its outcome comes later)
    assert rule(weigh(led, "2024-01-01", "innovation"), "risk") == (0, "innovation", {
        "track": "innovation", "baseline": 0.5, "closed": 4, "successes": 2, "rate": 0.5, "vs_baseline": "at",
        "big_closed": 2, "big_successes": 1})
    assert rule(weigh(led, "2024-01-01", "core"), "risk") == (0, "core", {"track": "core"})
    assert rule(weigh(led, "2024-01-01"), "risk") == (0, "no-track", {"track": None})
    # D closed as a success: 3 of 5, above
    facts = rule(weigh(led, "2024-06-01", "innovation"), "risk")[2]
    assert (facts["closed"], facts["successes"], facts["rate"], facts["vs_baseline"]) == (5, 3, 0.6, "above")
    assert [r.weight for r in weigh(led, "2024-01-01", "innovation").reasons if r.rule == "risk"] == [0]


# --- staying: the alternative ------------------------------------------------------------------

# The PM role's tags reach two of the north star's needs: pricing (mastered) and hiring (no
# entry); #growth is no need. No big swing ever: the clock runs from the first role, due by
# 2015-01-01 + 3y = 2018-01-01; established 2015-01-01 + 4y = 2019-01-01.
STAY = """
    2015-01-01 role "PM" at "Acme" #pricing #hiring #growth
      track: core
      phase: impact
    2016-01-01 north-star "Head of Product"
      needs: #hiring #pricing #ops
    2017-01-01 skill #pricing mastered
"""


def test_staying_is_weighed_by_the_same_rules():
    led = ledger(STAY)
    ev = weigh(led, "2024-06-01", "innovation", "learning", ["ops"])
    alt = ev.alternative
    assert alt is not None
    assert alt.staying
    assert not alt.ad_hoc
    # in the north star's order, only the needs among the role's tags
    assert (alt.opportunity.name, alt.opportunity.track, alt.opportunity.phase, alt.opportunity.builds,
            alt.opportunity.org) == ("PM", "core", "impact", ("hiring", "pricing"), "Acme")
    assert [(r.rule, r.points, r.case) for r in alt.reasons] == [
        ("needs", 2, "needed"),  # hiring: no entry yet
        ("needs", 0, "mastered"),  # pricing
        ("swing-due", -2, "due-no-swing"),  # a core role while a swing is due
        # the impact streak since 2015-01-01 is longer than phase-max 4y: learning is called for
        ("phase", -1, "streak"),
        ("repeats", 0, "new"),  # hiring is not mastered
        ("home", 0, "no-checkins"),
        ("risk", 0, "core"),
    ]
    assert (alt.score, alt.verdict) == (-1, "further")
    assert alt.untouched == (Need("ops", None),)
    # the offer: ops +2, a swing +2, learning +1
    assert (ev.score, ev.verdict, ev.closer_of_two) == (5, "closer", "offer")
    assert ev.untouched == (Need("hiring", None), Need("pricing", "mastered"))
    assert ev.mastered == ("pricing",)
    assert alt.alternative is None
    assert alt.closer_of_two is None


def test_staying_in_a_role_whose_tags_reach_no_need():
    led = ledger(STAY.replace(" #pricing #hiring #growth", " #growth"))
    alt = weigh(led, "2024-06-01", "core").alternative
    assert rule(alt, "needs") == (0, "none-reached", {"role_tags": ("growth",)})
    assert rule(alt, "repeats") == (0, "none-reached", {})


def test_staying_only_repeats_what_is_mastered():
    led = ledger(STAY + "    2018-01-01 skill #hiring mastered\n")
    assert rule(stay(led.entries, D("2024-06-01"), led.options), "repeats") == (
        -2, "repeats", {"tags": ("hiring", "pricing")})


def test_staying_in_an_innovation_role_is_no_new_swing():
    led = ledger("""
        option "established" "2016-01-01"
        2015-01-01 role "Founder" at "Own"
          track: innovation
          phase: impact
    """)
    # the last big swing is the role itself, 2015-01-01: due by 2018-01-01
    ev = weigh(led, "2019-06-01", "innovation")
    assert rule(ev, "swing-due")[:2] == (2, "due")
    assert rule(ev.alternative, "swing-due")[:2] == (-2, "due")
    assert rule(ev.alternative, "swing-due")[2]["staying"] is True


def test_no_alternative_without_a_main_role_held():
    led = ledger(EARLY + '    2020-09-01 leave "Analyst"\n')
    ev = weigh(led, "2021-03-01", "core")
    assert (ev.role, ev.alternative, ev.closer_of_two) == (None, None, None)
    assert stay(led.entries, D("2021-03-01"), led.options) is None
    assert weigh(ledger(EARLY), "2021-03-01", "core").role.title == "Analyst"


# --- several offers ----------------------------------------------------------------------------


def test_several_offers_ranked_with_staying():
    led = ledger(EARLY)
    as_of = D("2021-03-01")
    offers = [described(n, as_of, t) for n, t in (("A", "core"), ("B", "innovation"), ("C", "core"))]
    cmp = compare(led.entries, offers, as_of, led.options)
    # not yet established: core +1, innovation -1. Staying: core +1, learning while one year
    # of learning (100%) calls for impact -1: 0
    assert [(r.rank, r.evaluation.opportunity.name, r.evaluation.score) for r in cmp.ranking] == [
        (1, "A", 1), (1, "C", 1), (3, "Analyst", 0), (4, "B", -1)]
    assert cmp.stay is not None
    assert cmp.stay.staying
    assert [ev.alternative for ev in cmp.offers] == [cmp.stay] * 3
    # a tie with staying: the offers first
    tie = compare(led.entries, [described("D", as_of)], as_of, led.options)
    assert [(r.rank, r.evaluation.staying) for r in tie.ranking] == [(1, False), (1, True)]


# --- the paragraph and the JSON ------------------------------------------------------------------


def test_the_paragraph_against_staying():
    ev = weigh(ledger(STAY), "2024-06-01", "innovation", "learning", ["ops"])
    # the established date (2019-01-01) is after due_on (2018-01-01); no home check-in
    assert summary(ev) == (
        "Closer (+5) than staying as PM (-1): it builds #ops, which your north star needs and staying does not; "
        "you have already mastered #pricing, and it leaves #hiring untouched. A big swing is overdue (none since "
        "your first role on 2015-01-01), and this is one. Innovation bets fail half the time (the 50% baseline; "
        "you have closed no bet yet): even if it fails, the story and the lesson remain. Home was not weighed: "
        "the ledger has no home check-in.")
    alt = ev.alternative
    assert summary(alt) == (
        "Further (-1): it builds #hiring, which your north star needs; you have already mastered #pricing, and "
        "it leaves #ops untouched. A big swing is overdue (none since your first role on 2015-01-01), and "
        "staying is none. A core role is the stable choice. Home was not weighed: the ledger has no home "
        "check-in.")


def test_the_paragraph_of_an_offer_that_only_repeats():
    # SKILLS, no role: no alternative; pricing and payments mastered: repeats -2, nothing else
    ev = weigh(ledger(SKILLS), "2024-06-01", builds=["pricing", "payments"])
    assert summary(ev) == (
        "Further (-2): it only repeats #pricing and #payments, already mastered; it leaves #zero-to-one, #hiring "
        "and #team-leadership untouched. With no main role yet, the framework favours core roles first. Home was "
        "not weighed: the ledger has no home check-in.")


def test_the_paragraph_when_home_counts_against_it():
    # HOME as of 2024-11-01: established 2024-01-01; no big swing since the first role, due by
    # 2023-01-01: due. The impact streak since 2020-01-01 is longer than phase-max 4y (to
    # 2024-01-01): learning is called for. The offer: swing +2, learning +1, home -2 (falling,
    # and innovation and learning after impact are demanding): +1. Staying: swing -2, impact -1: -3.
    ev = weigh(ledger(HOME), "2024-11-01", "innovation", "learning")
    assert summary(ev) == (
        "Closer (+1) than staying as PM (-3): there is no north star to hold it against. A big swing is overdue "
        "(none since your first role on 2020-01-01), and this is one. Innovation bets fail half the time (the "
        "50% baseline; you have closed no bet yet): even if it fails, the story and the lesson remain. Home "
        "counts against it: a falling trend, and the move is demanding (innovation and a step back into "
        'learning after impact); your last note says "Long weeks".')


@pytest.mark.parametrize(("offer", "head"), [
    # impact -1, not demanding: -1, as staying
    (("core", "impact"), "Further (-1), as far as staying as PM (-1)"),
    # impact -1, home -2 (innovation is demanding, home falling): -3
    (("innovation", "impact"), "Further (-3) than staying as PM (-1)"),
    # no track, no phase: nothing scores
    ((None, None), "Neither closer nor further (0), while staying as PM takes you further (-1)"),
])
def test_the_paragraph_opens_with_both_verdicts(offer, head):
    # HOME with swing-every 10y, as of 2024-11-01: no swing due (due by 2030-01-01), 0 for all;
    # the impact streak is longer than phase-max 4y: learning is called for, so staying, impact,
    # scores -1; no north star: no need scores
    led = ledger(HOME.replace("2020-01-01 role", 'option "swing-every" "10y"\n    2020-01-01 role'))
    ev = weigh(led, "2024-11-01", *offer)
    assert summary(ev).startswith(head + ":")


def test_json_facts_are_plain():
    ev = weigh(ledger(SWING), "2023-01-16", "innovation")
    doc = evaluation_data(ev)
    [swing] = [r for r in doc["reasons"] if r["rule"] == "swing-due"]
    assert swing["facts"]["due_on"] == "2023-01-15"
    assert swing["facts"]["due_from"] == "2023-01-16"
    [phase] = [r for r in doc["reasons"] if r["rule"] == "phase"]
    assert phase["facts"]["threshold"] == 0.6
    assert doc["alternative"]["kind"] == "stay"
    assert doc["alternative"]["role"] == "Analyst"


def test_side_by_side_puts_the_name_last():
    ev = weigh(ledger(STAY), "2024-06-01", "innovation", "learning", ["ops"])
    assert side_by_side([ev, ev.alternative], title="") == [
        "score  verdict  needs  swing  phase  repeats  home",
        "   +5  closer      +2     +2     +1       +0    +0  Offer",
        "   -1  further     +2     -2     -1       +0    +0  staying: PM",
    ]


# --- the wording: one test per reason's text ---------------------------------------------------

# (rule, case, ledger, as-of, track, phase, builds, which of the rule's reasons, its text)
WORDING = [
    ("needs", "needed", SKILLS, "2024-06-01", None, None, ["zero-to-one"], 0,
     "builds #zero-to-one (no entry yet; north star needs it)"),
    ("needs", "needed", SKILLS + "    2024-03-01 skill #hiring practicing\n", "2024-06-01", None, None, ["hiring"], 0,
     "builds #hiring (practicing; north star needs it)"),
    ("needs", "mastered", SKILLS, "2024-06-01", None, None, ["pricing"], 0, "builds #pricing (already mastered)"),
    ("needs", "capped", SKILLS, "2024-06-01", None, None, ["zero-to-one", "hiring", "team-leadership"], 2,
     "builds #team-leadership (no entry yet; north star needs it, but needs score at most +4)"),
    ("needs", "not-needed", SKILLS, "2024-06-01", None, None, ["ai"], 0, "builds #ai (not a north-star need)"),
    ("needs", "no-north-star", "2023-06-01 skill #pricing practicing\n", "2024-06-01", None, None, ["pricing"], 0,
     "builds #pricing (no north star to need it)"),
    ("needs", "no-builds", SKILLS, "2024-06-01", None, None, [], 0, "builds no skill it names (no builds: tags)"),
    ("early-career", "early", EARLY, "2024-02-29", "innovation", None, [], 0,
     "not yet established (until 2024-03-01): the framework favours core roles first; this is innovation"),
    ("early-career", "early", SKILLS, "2024-06-01", "innovation", None, [], 0,
     "not yet established (no main role yet): the framework favours core roles first; this is innovation"),
    ("swing-due", "not-due", SWING, "2023-01-15", "innovation", None, [], 0,
     "no big swing is due (the next by 2023-01-15); this is innovation"),
    ("swing-due", "due", SWING, "2023-01-16", None, None, [], 0,
     'a big swing is due (the last was bet "Marketplace" on 2020-01-15, 3y 1d ago; due by 2023-01-15);'
     " its track is not given"),
    ("swing-due", "due", SWING + '    2021-03-01 bet "Tiny"\n      size: small\n', "2023-06-01", "innovation", None, [], 0,
     'a big swing is due (the last was bet "Marketplace" on 2020-01-15, 3y 4m 17d ago, 1 small bet since;'
     " due by 2023-01-15); this is innovation"),
    ("swing-due", "due-no-swing", EARLY, "2024-03-01", "core", None, [], 0,
     "a big swing is due (none yet since the first role on 2020-03-01; due since 2024-03-01, when you became "
     "established); this is core"),
    ("phase", "no-role", SKILLS, "2024-06-01", None, "learning", [], 0,
     "the phase balance calls for neither phase (no main role yet); this is learning"),
    ("phase", "neither", SHARE, "2020-01-05", None, "learning", [], 0,
     "the phase balance calls for neither phase (over the trailing 5 years learning took 50% and impact 50%: "
     "neither 60% or more); this is learning"),
    ("phase", "share", SHARE, "2020-01-06", None, None, [], 0,
     "the phase balance calls for learning (impact took 3 of the 5 days of the trailing 5 years, 60%); "
     "its phase is not given"),
    ("phase", "streak", 'option "phase-max" "2y"\n2015-01-01 role "Junior" at "Acme"\n  track: core\n'
     '  phase: learning\n2019-01-01 role "Lead" at "Acme"\n  track: core\n  phase: impact\n',
     "2021-01-02", None, "impact", [], 0,
     "the phase balance calls for learning (the current impact streak, 2y 1d, is longer than phase-max 2y); "
     "this is impact"),
    ("repeats", "repeats", SKILLS, "2024-06-01", None, None, ["pricing", "payments"], 0,
     "only repeats what is already mastered: #pricing, #payments"),
    ("repeats", "new", SKILLS, "2024-06-01", None, None, ["pricing", "payments", "ai"], 0,
     "builds something not yet mastered: #ai"),
    ("repeats", "no-builds", SKILLS, "2024-06-01", None, None, [], 0, "repeats nothing it names (no builds: tags)"),
    ("home", "no-checkins", EARLY, "2021-03-01", "innovation", None, [], 0,
     "home not weighed: the ledger has no home check-in"),
    ("home", "not-demanding", HOME, "2024-11-01", "core", "impact", [], 0,
     "home 4, down over the last 4 check-ins (5 5 4 4): the move is not demanding"),
    ("home", "holds", HOME.replace("home 4\n      note", "home 5\n      note"), "2024-11-01", "innovation", None, [],
     0, "a demanding move (innovation) and home holds: home 5, flat over the last 4 check-ins (5 5 4 5)"),
    ("home", "strained", HOME, "2025-01-02", "core", "learning", [], 0,
     "a demanding move (a step back into learning after impact) while home is strained (falling): home 4, down "
     "over the last 4 check-ins (5 5 4 4), the last 93 days old"),
    ("home", "strained", HOME.split("    2024-01-01")[0] + "    2024-01-01 home 2\n", "2024-06-01", "innovation",
     None, [], 0, "a demanding move (innovation) while home is strained (2, 2 or less): home 2, no trend yet "
     "(one check-in), the last 152 days old"),
    ("risk", "innovation", RISK, "2024-01-01", "innovation", None, [], 0,
     "innovation bets fail half the time (the framework's 50% baseline); 2 of your 4 closed bets succeeded (50%, at "
     "it), 1 of the 2 big ones; no points: even if it fails, the story and the lesson remain"),
    # as of 2021-07-01: A (small, success) and B (big, failure) are closed
    ("risk", "innovation", RISK, "2021-07-01", "innovation", None, [], 0,
     "innovation bets fail half the time (the framework's 50% baseline); 1 of your 2 closed bets succeeded (50%, at "
     "it), the one big bet did not succeed; no points: even if it fails, the story and the lesson remain"),
    ("risk", "innovation", EARLY, "2021-03-01", "innovation", None, [], 0,
     "innovation bets fail half the time (the framework's 50% baseline); you have closed no bet yet; no points: "
     "even if it fails, the story and the lesson remain"),
    ("risk", "core", EARLY, "2021-03-01", "core", None, [], 0, "a core role is the stable choice: no bet to lose"),
    ("risk", "no-track", EARLY, "2021-03-01", None, None, [], 0, "its track is not given: no risk stated"),
]

# the stay alternative's own cases: (rule, case, ledger, as-of, its text)
WORDING_STAY = [
    ("needs", "none-reached", STAY.replace(" #pricing #hiring #growth", " #growth"), "2024-06-01",
     "its tags (#growth) reach no north-star need"),
    ("needs", "none-reached", STAY.replace(" #pricing #hiring #growth", ""), "2024-06-01",
     "the role has no #tags to reach a north-star need"),
    ("repeats", "none-reached", STAY.replace(" #pricing #hiring #growth", ""), "2024-06-01",
     "repeats nothing: its tags reach no skill"),
    ("swing-due", "due-no-swing", STAY, "2024-06-01",
     "a big swing is due (none yet since the first role on 2015-01-01; due since 2019-01-01, when you became "
     "established); staying is no new swing"),
    ("home", "not-demanding", HOME, "2024-11-01",
     "home 4, down over the last 4 check-ins (5 5 4 4): staying is no demanding move"),
]


@pytest.mark.parametrize(("name", "case", "text", "as_of", "expected"), WORDING_STAY,
                         ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WORDING_STAY)])
def test_stay_reason_wording(name, case, text, as_of, expected):
    led = ledger(text)
    ev = stay(led.entries, D(as_of), led.options)
    reason = next(r for r in ev.reasons if r.rule == name)
    assert reason.case == case
    assert reason_text(reason) == expected


@pytest.mark.parametrize(("name", "case", "text", "as_of", "track", "phase", "builds", "which", "expected"),
                         WORDING, ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WORDING)])
def test_reason_wording(name, case, text, as_of, track, phase, builds, which, expected):
    ev = weigh(ledger(text), as_of, track, phase, builds)
    reason = [r for r in ev.reasons if r.rule == name][which]
    assert reason.case == case
    assert reason_text(reason) == expected


def test_every_case_of_every_rule_has_a_wording_test():
    cases = {
        "needs": ("needed", "mastered", "capped", "not-needed", "no-north-star", "no-builds"),
        "early-career": ("early",),
        "swing-due": ("not-due", "due", "due-no-swing"),
        "phase": ("no-role", "neither", "share", "streak"),
        "repeats": ("repeats", "new", "no-builds", "none-reached"),
        "home": ("no-checkins", "not-demanding", "holds", "strained"),
        "risk": ("innovation", "core", "no-track"),
    }
    cases["needs"] += ("none-reached",)
    assert {(w[0], w[1]) for w in WORDING + WORDING_STAY} == {(r, c) for r, cs in cases.items() for c in cs}
