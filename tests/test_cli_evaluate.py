"""`careerledger evaluate NAME FILE...`: the measuring stick on the command line.

The framework's worked example (examples/evaluating-a-role-change.career) end to
end, in text and JSON, with every line of its reasons; ad-hoc opportunities
described with --track, --phase and --builds; and the failures, each with its
exit status. The rules themselves are tested in test_evaluate.py.
"""

import json
from datetime import date

import pytest
from conftest import ROOT
from conftest import run as careerledger
from test_evaluate import EARLY  # one core role from 2020-03-01

EXAMPLE = ROOT / "examples" / "evaluating-a-role-change.career"
AI = "AI Shopping Assistant"


def run(*args):
    return careerledger("evaluate", *args)


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
    result = run(AI, EXAMPLE, "--as-of", "2026-10-05")
    assert result.exit_code == 2
    assert ("--as-of 2026-10-05 is before the opportunity 'AI Shopping Assistant' (2026-10-06); give its date or"
            " a later day") in result.stderr


def test_a_ledger_opportunity_is_weighed_again_as_of_a_later_day(ledger_file):
    # Offered 2021-03-01 and deferred. Established on 2021-01-01 and the last big swing (the first
    # role, innovation) on 2017-01-01: swing-every 3y makes one due from 2020-01-02. On the offer's
    # day that is a +2 for an innovation offer; a year later the same, so the score is the same,
    # but the needs rule changes: #pricing was mastered in between, so it no longer counts (+2 -> 0).
    path = ledger_file("""
        option "established" "2021-01-01"
        2017-01-01 role "Founder" at "Own"
          track: innovation
          phase: impact
        2017-01-02 north-star "CPO"
          needs: #pricing
        2021-03-01 opportunity "Pricing lab"
          track: innovation
          builds: #pricing
        2021-03-15 decision "Pricing lab" defer
        2021-06-01 skill #pricing mastered
    """)
    first = json.loads(run("Pricing lab", path, "--format", "json").stdout)
    again = json.loads(run("Pricing lab", path, "--as-of", "2022-03-01", "--format", "json").stdout)
    assert (first["as_of"], again["as_of"]) == ("2021-03-01", "2022-03-01")
    assert again["opportunity"]["date"] == "2021-03-01"
    points = {r["rule"]: r["points"] for r in first["reasons"]}
    points_again = {r["rule"]: r["points"] for r in again["reasons"]}
    assert (points["needs"], points_again["needs"]) == (2, 0)
    text = run("Pricing lab", path, "--as-of", "2022-03-01").stdout
    assert text.splitlines()[0] == 'Evaluate "Pricing lab", as of 2022-03-01 (again; offered on 2021-03-01)'


@pytest.mark.parametrize(("args", "message"), [
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
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_ledger_with_errors_exit_1_with_the_problems(ledger_file):
    path = ledger_file('2024-01-01 opportunity "X"\n2024-01-02 rol "b"\n')
    result = run("X", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "E104 unknown keyword 'rol'" in result.stderr
    assert "1 error" in result.stderr


def test_help_names_the_rules_and_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: careerledger evaluate [OPTIONS] NAME [FILE]...\n")
    for word in ("--track", "--phase", "--builds", "--as-of", "closer", "further", "neutral", "docs/metrics.md",
                 'careerledger evaluate "AI Shopping Assistant"'):
        assert word in result.output
    assert "\n  evaluate  Hold an opportunity against the north star" in careerledger("--help").output
