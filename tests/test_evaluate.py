"""`evaluate` (careerledger.evaluate.evaluate and the `careerledger evaluate` command).

Every rule of docs/metrics.md, "Evaluate: the measuring stick", on both sides of its
threshold, with the numbers worked out by hand in the comments (month lengths as in
test_metrics.py); then the framework's worked example end to end, ad-hoc
opportunities, the JSON and the failures.
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger import compute as C
from careerledger import evaluate as E
from careerledger.cli import main
from careerledger.entries import Loc, Opportunity

from conftest import parse

D = date.fromisoformat
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "evaluating-a-role-change.career"
AI = "AI Shopping Assistant"


def ledger(text):
    led = parse(text)
    assert led.problems == (), [(p.code, p.message) for p in led.problems]
    return led


def weigh(led, as_of, track=None, phase=None, builds=()):
    """Evaluate an ad-hoc opportunity dated as_of."""
    opp = Opportunity(Loc("<test>", 0), D(as_of), "Offer", track, phase, tuple(builds))
    return E.evaluate(led.entries, led.options, opp, D(as_of))


def rule(ev, name):
    """The one reason of rule `name` as (points, text)."""
    [r] = [r for r in ev.reasons if r.rule == name]
    return r.points, r.text


def run(*args):
    return CliRunner().invoke(main, ["evaluate", *map(str, args)])


# --- needs -----------------------------------------------------------------------------

SKILLS = """
    2023-06-01 skill #pricing mastered
    2023-07-01 skill #payments mastered
    2024-01-01 north-star "Head of Product"
      needs: #zero-to-one #pricing #hiring #team-leadership
"""


def test_needs_score_two_each_up_to_four():
    ev = weigh(ledger(SKILLS), "2024-06-01", builds=["zero-to-one", "pricing", "hiring", "team-leadership", "ai"])
    assert [(r.weight, r.points, r.text) for r in ev.reasons if r.rule == "needs"] == [
        (2, 2, "builds #zero-to-one (no entry yet; north star needs it)"),
        (2, 0, "builds #pricing (already mastered)"),
        (2, 2, "builds #hiring (no entry yet; north star needs it)"),
        # zero-to-one and hiring scored +4: the cap
        (2, 0, "builds #team-leadership (no entry yet; north star needs it, but needs score at most +4)"),
        (2, 0, "builds #ai (not a north-star need)"),
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
    assert [r.text for r in ev.reasons if r.rule == "needs"] == [
        "builds #hiring (practicing; north star needs it)",
        "builds #pricing (proficient; north star needs it)",
    ]
    assert ev.score == 4
    ev = weigh(led, "2024-07-01", builds=["hiring"])
    assert rule(ev, "needs") == (0, "builds #hiring (already mastered)")


def test_needs_with_no_builds_and_with_no_north_star():
    assert rule(weigh(ledger(SKILLS), "2024-06-01"), "needs") == (0, "builds no skill it names (no builds: tags)")
    ev = weigh(ledger('2023-06-01 skill #pricing practicing\n'), "2024-06-01", builds=["pricing"])
    assert rule(ev, "needs") == (0, "builds #pricing (no north star to need it)")
    assert ev.north_star is None


# --- repeats ---------------------------------------------------------------------------


def test_repeats_only_mastered_skills():
    led = ledger(SKILLS)
    ev = weigh(led, "2024-06-01", builds=["pricing", "payments"])
    assert [r.text for r in ev.reasons if r.rule == "needs"] == [
        "builds #pricing (already mastered)", "builds #payments (not a north-star need)"]
    # payments is no need, but it is mastered: only repeats
    assert rule(ev, "repeats") == (-2, "only repeats what is already mastered: #pricing, #payments")
    assert (ev.score, ev.verdict) == (-2, "further")
    ev = weigh(led, "2024-06-01", builds=["pricing", "payments", "ai"])
    assert rule(ev, "repeats") == (0, "builds something not yet mastered: #ai")
    assert (ev.score, ev.verdict) == (0, "neutral")
    assert rule(weigh(led, "2024-06-01"), "repeats") == (0, "repeats nothing it names (no builds: tags)")


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
        assert rule(weigh(led, "2023-01-15", track), "swing-due")[0] == 0
    points, text = rule(weigh(led, "2023-01-15", "innovation"), "swing-due")
    assert text == "no big swing is due (the next by 2023-01-15); this is innovation"
    # the day after: due, 3 years and 1 day since the bet
    due = 'a big swing is due (the last was bet "Marketplace" on 2020-01-15, 3y 1d ago; due by 2023-01-15)'
    assert rule(weigh(led, "2023-01-16", "innovation"), "swing-due") == (2, due + "; this is innovation")
    assert rule(weigh(led, "2023-01-16", "core"), "swing-due") == (-2, due + "; this is core")
    assert rule(weigh(led, "2023-01-16"), "swing-due") == (0, due + "; its track is not given")
    assert not [r for r in weigh(led, "2023-01-16").reasons if r.rule == "early-career"]


def test_swing_due_counts_the_small_bets_since_the_last_big_swing():
    led = ledger(SWING + """
    2021-03-01 bet "Tiny"
      size: small
    2019-03-01 bet "Before"
      size: small
    """)
    text = rule(weigh(led, "2023-06-01", "innovation"), "swing-due")[1]
    # 2020-01-15 -> 2023-06-01: 3y 4m 17d; only the 2021 small bet is after the big one
    assert text.startswith('a big swing is due (the last was bet "Marketplace" on 2020-01-15, 3y 4m 17d ago, '
                           "1 small bet since; due by 2023-01-15)")


# --- early career ------------------------------------------------------------------------

EARLY = """
    2020-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
"""


def test_early_career_before_and_on_established():
    led = ledger(EARLY)
    # established = 2020-03-01 + 4y = 2024-03-01; 2024-02-29 is the day before
    early = "not yet established (until 2024-03-01): the framework favours core roles first; "
    assert rule(weigh(led, "2024-02-29", "innovation"), "early-career") == (-1, early + "this is innovation")
    assert rule(weigh(led, "2024-02-29", "core"), "early-career") == (1, early + "this is core")
    assert rule(weigh(led, "2024-02-29"), "early-career") == (0, early + "its track is not given")
    # on the day: established; no big swing ever, so the clock runs from the first role:
    # due by 2020-03-01 + 3y = 2023-03-01, long past
    due = "a big swing is due (none yet since the first role on 2020-03-01; due by 2023-03-01); "
    ev = weigh(led, "2024-03-01", "innovation")
    assert rule(ev, "swing-due") == (2, due + "this is innovation")
    assert not [r for r in ev.reasons if r.rule == "early-career"]
    assert rule(weigh(led, "2024-03-01", "core"), "swing-due") == (-2, due + "this is core")


def test_no_main_role_is_early_career():
    ev = weigh(ledger(SKILLS), "2024-06-01", "innovation")
    assert rule(ev, "early-career") == (
        -1, "not yet established (no main role yet): the framework favours core roles first; this is innovation")


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
    call = E.phase_call(led.entries, led.options, D("2020-01-05"))
    assert (call.calls_for, call.because) == (None, None)
    assert rule(weigh(led, "2020-01-05", phase="learning"), "phase") == (0, (
        "the phase balance calls for neither phase (over the trailing 5 years learning took 50% and impact 50%: "
        "neither 60% or more); this is learning"))
    # as of 2020-01-06: impact 3 of 5 days, exactly 60%
    call = E.phase_call(led.entries, led.options, D("2020-01-06"))
    assert call[:5] == ("learning", "share", "impact", 3, 0.6)
    why = "the phase balance calls for learning (impact took 3 of the 5 days of the trailing 5 years, 60%); "
    assert rule(weigh(led, "2020-01-06", phase="learning"), "phase") == (1, why + "this is learning")
    assert rule(weigh(led, "2020-01-06", phase="impact"), "phase") == (-1, why + "this is impact")
    assert rule(weigh(led, "2020-01-06"), "phase") == (0, why + "its phase is not given")
    # as of 2020-01-02: one day, all learning: calls for impact
    assert E.phase_call(led.entries, led.options, D("2020-01-02"))[:4] == ("impact", "share", "learning", 1)


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
    # 2016-01-01 -> 2019-01-01 = 1096 < 3/5 * 1827 = 1096.2; impact 731: neither
    call = E.phase_call(led.entries, led.options, D("2021-01-01"))
    assert call.calls_for is None
    assert (call.phases.recent.days, call.phases.recent.learning, call.phases.recent.impact) == (1827, 1096, 731)
    assert rule(weigh(led, "2021-01-01", phase="impact"), "phase") == (0, (
        "the phase balance calls for neither phase (over the trailing 5 years learning took 59% and impact 40%: "
        "neither 60% or more); this is impact"))
    # as of 2021-01-02: the streak is longer than phase-max: calls for learning
    call = E.phase_call(led.entries, led.options, D("2021-01-02"))
    assert (call.calls_for, call.because, call.phase) == ("learning", "streak", "impact")
    assert rule(weigh(led, "2021-01-02", phase="impact"), "phase") == (-1, (
        "the phase balance calls for learning (the current impact streak, 2y 1d, is longer than phase-max 2y); "
        "this is impact"))
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
    assert E.phase_call(led.entries, led.options, D("2020-01-14"))[:3] == ("impact", "share", "learning")
    # as of 2020-01-15: streak 4 days > 3d: learning, although learning holds 10 of 14 days
    assert E.phase_call(led.entries, led.options, D("2020-01-15"))[:3] == ("learning", "streak", "impact")


def test_no_main_role_no_phase_call():
    assert rule(weigh(ledger(SKILLS), "2024-06-01", phase="learning"), "phase") == (
        0, "the phase balance calls for neither phase (no main role yet); this is learning")


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


def test_an_opportunity_of_the_ledger_is_not_ad_hoc_and_later_entries_do_not_count():
    led = ledger(SKILLS + """
    2024-06-01 opportunity "Growth lead"
      builds: #hiring
    2024-06-02 skill #hiring mastered
    2024-06-03 decision "Growth lead" take
    """)
    opp = E.find_opportunity(led.entries, "Growth lead")
    ev = E.evaluate(led.entries, led.options, opp, opp.date)
    assert ev.ad_hoc is False and ev.as_of == D("2024-06-01")
    assert rule(ev, "needs") == (2, "builds #hiring (no entry yet; north star needs it)")
    assert E.find_opportunity(led.entries, "Nope") is None
    assert E.opportunity_names(led.entries) == ["Growth lead"]


def test_the_latest_opportunity_of_a_name():
    led = ledger("""
        2024-01-01 opportunity "Offer"
          track: core
        2024-06-01 opportunity "Offer"
          track: innovation
    """)
    assert E.find_opportunity(led.entries, "Offer").track == "innovation"


# --- the framework's worked example, end to end ----------------------------------------------

WORKED = [
    "+2 builds #zero-to-one (novice; north star needs it)",
    # established 2018-02-05 + 4y = 2022-02-05; the last big swing is the innovation
    # role of 2018-02-05, due by 2021-02-05; 2018-02-05 -> 2026-10-06 = 8y 8m 1d
    '+2 a big swing is due (the last was role "Product Manager, Marketplace Launch" on 2018-02-05, 8y 8m 1d ago, '
    "3 small bets since; due by 2021-02-05); this is innovation",
    # impact since 2023-03-01: 1096 (to 2026-03-01) + 214 (Mar-Sep) + 5 = 1315 days;
    # 2021-10-06 -> 2026-10-06 = 5 * 365 + 1 = 1826; 1315 >= 1095.6; 1315 / 1826 = 72.0%
    "+1 the phase balance calls for learning (impact took 1,315 of the 1,826 days of the trailing 5 years, 72%); "
    "this is learning",
    "+0 builds something not yet mastered: #zero-to-one",
]


def test_worked_example_end_to_end():
    result = run(AI, EXAMPLE)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        'Evaluate "AI Shopping Assistant": Maya Chen, as of 2026-10-06 (its date)',
        "opportunity: track innovation, phase learning, builds #zero-to-one, at Basketly",
        "north star: CPO at a mid-stage startup (by 2029-01-15)",
        "",
        *WORKED,
        "",
        "verdict: closer (score +5)",
    ]


def test_worked_example_staying_put_is_further():
    result = run("Stay on Checkout", EXAMPLE, "--track", "core", "--phase", "impact", "--builds", "#core-mechanics",
                 "--as-of", "2026-10-06")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == 'Evaluate "Stay on Checkout": Maya Chen, as of 2026-10-06 (ad hoc)'
    assert out[1] == "opportunity: track core, phase impact, builds #core-mechanics"
    assert [line.split(" ", 1)[0] for line in out[4:8]] == ["+0", "-2", "-1", "-2"]
    assert out[4] == "+0 builds #core-mechanics (already mastered)"
    assert out[7] == "-2 only repeats what is already mastered: #core-mechanics"
    assert out[-1] == "verdict: further (score -5)"


def test_worked_example_json():
    result = run(AI, EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"careerledger_json", "command", "owner", "as_of", "opportunity", "north_star", "reasons",
                        "score", "verdict"}
    assert (doc["careerledger_json"], doc["command"], doc["owner"], doc["as_of"]) == (
        1, "evaluate", "Maya Chen", "2026-10-06")
    assert doc["opportunity"] == {
        "name": AI, "date": "2026-10-06", "ad_hoc": False, "track": "innovation", "phase": "learning",
        "builds": ["zero-to-one"], "org": "Basketly", "tags": ["ai"]}
    assert doc["north_star"] == {
        "vision": "CPO at a mid-stage startup", "set_on": "2024-01-15", "horizon": "2029-01-15",
        "needs": ["zero-to-one", "core-mechanics", "exec-communication", "team-leadership"]}
    assert [(r["rule"], r["weight"], r["points"]) for r in doc["reasons"]] == [
        ("needs", 2, 2), ("swing-due", 2, 2), ("phase", 1, 1), ("repeats", 2, 0)]
    assert [f"{r['points']:+d} {r['text']}" for r in doc["reasons"]] == WORKED
    assert (doc["score"], doc["verdict"]) == (5, "closer")


def test_docs_show_the_worked_example_as_it_is():
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    m = re.search(r"```console\n\$ careerledger evaluate \"AI Shopping Assistant\" "
                  r"examples/evaluating-a-role-change.career\n(.*?)```", text, re.S)
    assert m, "docs/metrics.md lost the worked example"
    assert m[1] == run(AI, EXAMPLE).stdout


def test_readme_shows_the_end_of_the_worked_example_as_it_is():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = f'$ careerledger evaluate "{AI}" examples/evaluating-a-role-change.career\n...\n'
    assert command in readme
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    assert run(AI, EXAMPLE).stdout.endswith("\n" + shown)


# --- ad hoc ------------------------------------------------------------------------------------


def test_ad_hoc_opportunity_as_of_the_given_day(ledger_file):
    path = ledger_file(EARLY)
    result = run("New thing", path, "--track", "innovation", "--phase", "learning", "--builds", "zero-to-one",
                 "--builds", "#ai", "--as-of", "2021-03-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        'Evaluate "New thing", as of 2021-03-01 (ad hoc)',
        "opportunity: track innovation, phase learning, builds #zero-to-one #ai",
    ]
    assert "north star: none" in result.stdout
    assert "-1 not yet established (until 2024-03-01)" in result.stdout
    # one learning role for a year: learning 100%, the balance calls for impact
    assert ("-1 the phase balance calls for impact (learning took 365 of the 365 days of the trailing 5 years, "
            "100%); this is learning") in result.stdout
    assert result.stdout.endswith("verdict: further (score -2)\n")
    doc = json.loads(run("New thing", path, "--phase", "impact", "--as-of", "2021-03-01", "--format", "json").stdout)
    assert doc["opportunity"] == {"name": "New thing", "date": "2021-03-01", "ad_hoc": True, "track": None,
                                  "phase": "impact", "builds": [], "org": None, "tags": []}
    assert (doc["north_star"], doc["score"], doc["verdict"]) == (None, 1, "closer")


def test_ad_hoc_defaults_to_today(ledger_file):
    doc = json.loads(run("X", ledger_file(EARLY), "--track", "core", "--format", "json").stdout)
    assert doc["as_of"] == doc["opportunity"]["date"] == date.today().isoformat()


# --- failures -----------------------------------------------------------------------------------


def test_unknown_opportunity_exit_2_with_a_hint(ledger_file):
    result = run("AI Shoping Assistant", EXAMPLE)
    assert result.exit_code == 2
    assert ("unknown opportunity 'AI Shoping Assistant': did you mean 'AI Shopping Assistant'? "
            "(or describe one with --track, --phase, --builds)") in result.stderr
    result = run("Anything", ledger_file(EARLY))
    assert result.exit_code == 2
    assert "unknown opportunity 'Anything': the ledger has no opportunity" in result.stderr


def test_ledger_opportunity_takes_no_ad_hoc_options():
    result = run(AI, EXAMPLE, "--track", "core")
    assert result.exit_code == 2
    assert "'AI Shopping Assistant' is an opportunity of the ledger" in result.stderr
    result = run(AI, EXAMPLE, "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "is weighed as of its own date (2026-10-06); --as-of is for an ad-hoc opportunity" in result.stderr


@pytest.mark.parametrize("args, message", [
    (("--builds", "Zero To One"), "'Zero To One' is not a tag"),
    (("--track", "moonshot"), "'moonshot' is not one of 'core', 'innovation'"),
    (("--phase", "rest"), "'rest' is not one of 'learning', 'impact'"),
    (("--as-of", "2026-13-01", "--track", "core"), "'2026-13-01' is not a date"),
    (("--format", "csv"), "'csv' is not one of 'text', 'json'"),
])
def test_bad_options_exit_2(args, message):
    result = run("X", EXAMPLE, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_file_exit_2(tmp_path):
    assert run(AI).exit_code == 2
    result = run(AI, tmp_path / "nope.career")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_ledger_with_errors_exit_1_with_the_problems(ledger_file):
    path = ledger_file('2024-01-01 opportunity "X"\n2024-01-02 rol "b"\n')
    result = run("X", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "E104 unknown keyword 'rol'" in result.stderr and "1 error" in result.stderr


def test_help_names_the_rules_and_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "Usage: main evaluate [OPTIONS] NAME FILE..." in result.output
    for word in ("--track", "--phase", "--builds", "--as-of", "closer", "further", "neutral", "docs/metrics.md",
                 'careerledger evaluate "AI Shopping Assistant"'):
        assert word in result.output
    assert "evaluate" in CliRunner().invoke(main, ["--help"]).output
