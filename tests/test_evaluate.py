"""Evaluate (careerledger.metrics.evaluate): the measuring stick.

Every rule of docs/metrics.md, "Evaluate: the measuring stick", on both sides of its
threshold, with the numbers worked out by hand in the comments (month lengths as in
test_metrics_swings.py): each Reason's points, its case (which way the rule went) and
the facts behind it. Then one test per wording of a reason
(careerledger.render.evaluation.reason_text). The command, with the framework's worked
example end to end, is in test_cli_evaluate.py.
"""

from fractions import Fraction

import pytest
from conftest import D, ledger

from careerledger.core.entries import Duration
from careerledger.metrics.evaluate import described, evaluate, find_opportunity, opportunity_names, phase_call
from careerledger.render.evaluation import reason_text


def weigh(led, as_of, track=None, phase=None, builds=()):
    """Evaluate an ad-hoc opportunity dated as_of."""
    opp = described("Offer", D(as_of), track, phase, tuple(builds))
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
    due = {"due_on": D("2023-01-15"), "as_of": D("2023-01-16"), "measured_from": D("2020-01-15"),
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
    # due by 2020-03-01 + 3y = 2023-03-01, long past
    due = {"due_on": D("2023-03-01"), "as_of": D("2024-03-01"), "measured_from": D("2020-03-01")}
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
    assert [r.rule for r in neutral.reasons] == ["needs", "early-career", "phase", "repeats"]
    # each rule's weight, whatever it scored
    assert [r.weight for r in neutral.reasons] == [2, 1, 1, 2]


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
     "a big swing is due (none yet since the first role on 2020-03-01; due by 2023-03-01); this is core"),
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
]


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
        "repeats": ("repeats", "new", "no-builds"),
    }
    assert {(w[0], w[1]) for w in WORDING} == {(r, c) for r, cs in cases.items() for c in cs}
