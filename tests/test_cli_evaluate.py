"""`careerledger evaluate NAME FILE...`: the measuring stick on the command line.

The framework's worked example (examples/evaluating-a-role-change.career) end to
end, in text and JSON, with every line of its reasons; ad-hoc opportunities
described with --track, --phase and --builds; and the failures, each with its
exit status. The rules themselves are tested in test_evaluate.py.
"""

import json
from datetime import date

import pytest
from conftest import JANE, ROOT
from conftest import run as careerledger
from test_evaluate import EARLY  # one core role from 2020-03-01

EXAMPLE = ROOT / "examples" / "evaluating-a-role-change.career"
AI = "AI Shopping Assistant"


def run(*args):
    return careerledger("evaluate", *args)


# --- the framework's worked example, end to end ----------------------------------------------

# (rule, weight, points, case) of "AI Shopping Assistant" and of staying on Checkout, as of 2026-10-06
WORKED = [
    ("needs", 2, 2, "needed"),  # zero-to-one: novice, a need
    # established 2018-02-05 + 4y = 2022-02-05; the last big swing is the innovation role of
    # 2018-02-05, due by 2021-02-05, so due since 2022-02-05
    ("swing-due", 2, 2, "due"),
    # impact since 2023-03-01: 1096 (to 2026-03-01) + 214 (Mar-Sep) + 5 = 1315 days;
    # 2021-10-06 -> 2026-10-06 = 5 * 365 + 1 = 1826; 1315 >= 1095.6: learning is called for
    ("phase", 1, 1, "share"),
    ("repeats", 2, 0, "new"),
    # 4 and 4: flat; innovation and learning after impact are demanding, home holds
    ("home", 2, 0, "holds"),
    ("risk", 0, 0, "innovation"),
]
STAYING = [
    ("needs", 2, 0, "none-reached"),  # the role's tags, #checkout #payments, are no need
    ("swing-due", 2, -2, "due"),  # staying is no new swing
    ("phase", 1, -1, "share"),  # impact, when learning is called for
    ("repeats", 2, 0, "none-reached"),
    ("home", 2, 0, "not-demanding"),
    ("risk", 0, 0, "core"),
]


def test_worked_example_end_to_end():
    result = run(AI, EXAMPLE)
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[:4] == [
        'Evaluate "AI Shopping Assistant": Maya Chen, as of 2026-10-06 (its date)',
        "opportunity: track innovation, phase learning, builds #zero-to-one, at Basketly",
        "north star: CPO at a mid-stage startup (by 2029-01-15)",
        "",
    ]
    # the paragraph first, then each rule with its points and weight, then staying
    assert out[4].startswith("Closer (+5) than staying as Senior PM, Checkout (-3): ")
    assert "verdict: closer (score +5)" in out
    prefixes = [line.split("  ", 2)[1] for line in out if line.startswith("  ") and " of " in line[:10]]
    assert prefixes == [f"{p:+d} of {w}" for _, w, p, _ in WORKED + STAYING]
    assert out[-3:] == [
        "score  verdict  needs  swing  phase  repeats  home",
        "   +5  closer      +2     +2     +1       +0    +0  AI Shopping Assistant",
        "   -3  further     +0     -2     -1       +0    +0  staying: Senior PM, Checkout",
    ]
    assert max(len(line) for line in out) <= 80


def test_worked_example_json():
    # the facts behind the framework's answer: the offer is closer, staying on Checkout is not
    result = run(AI, EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"careerledger_json", "command", "owner", "as_of", "opportunity", "north_star", "summary",
                        "reasons", "score", "verdict", "untouched", "alternative", "closer_of_two"}
    assert (doc["careerledger_json"], doc["command"], doc["owner"], doc["as_of"]) == (
        2, "evaluate", "Maya Chen", "2026-10-06")
    assert doc["opportunity"] == {
        "name": AI, "date": "2026-10-06", "ad_hoc": False, "track": "innovation", "phase": "learning",
        "builds": ["zero-to-one"], "org": "Basketly", "tags": ["ai"]}
    assert doc["north_star"] == {
        "vision": "CPO at a mid-stage startup", "set_on": "2024-01-15", "horizon": "2029-01-15",
        "needs": ["zero-to-one", "core-mechanics", "exec-communication", "team-leadership"],
        "mastered": ["core-mechanics"]}
    assert [(r["rule"], r["weight"], r["points"], r["case"]) for r in doc["reasons"]] == WORKED
    assert (doc["score"], doc["verdict"], doc["closer_of_two"]) == (5, "closer", "offer")
    facts = {r["rule"]: r["facts"] for r in doc["reasons"]}
    assert facts["needs"] == {"tag": "zero-to-one", "level": "novice", "cap": 4}
    # the due date never precedes established
    assert (facts["swing-due"]["due_on"], facts["swing-due"]["established"], facts["swing-due"]["due_from"]) == (
        "2021-02-05", "2022-02-05", "2022-02-05")
    assert (facts["swing-due"]["last_on"], facts["swing-due"]["small_since"]) == ("2018-02-05", 3)
    assert (facts["phase"]["impact"], facts["phase"]["recent_days"], facts["phase"]["calls_for"]) == (
        1315, 1826, "learning")
    # the 50% baseline and the own record: 2 of 3 closed bets succeeded, all of them small
    assert facts["risk"] == {"track": "innovation", "baseline": 0.5, "closed": 3, "successes": 2, "rate": 0.6667,
                             "vs_baseline": "above", "big_closed": 0, "big_successes": 0}
    assert facts["home"] == {
        "demanding": ["innovation", "learning-after-impact"], "staying": False, "last_on": "2026-09-20",
        "score": 4, "note": "Still good. A launch team would mean evenings again for a while.", "days_since": 16,
        "stale": False, "trend": "flat", "scores": [4, 4], "low": False, "falling": False, "low_at": 2}
    # core mechanics is mastered; the offer does not touch it, nor exec communication or team leadership
    assert doc["untouched"] == [{"tag": "core-mechanics", "level": "mastered"},
                                {"tag": "exec-communication", "level": "practicing"},
                                {"tag": "team-leadership", "level": "practicing"}]
    alt = doc["alternative"]
    assert (alt["kind"], alt["role"], alt["org"], alt["since"], alt["track"], alt["phase"], alt["builds"]) == (
        "stay", "Senior PM, Checkout", "Basketly", "2023-03-01", "core", "impact", [])
    assert [(r["rule"], r["weight"], r["points"], r["case"]) for r in alt["reasons"]] == STAYING
    assert (alt["score"], alt["verdict"]) == (-3, "further")
    assert alt["reasons"][0]["facts"] == {"role_tags": ["checkout", "payments"]}
    # the paragraph names what the framework argues with (its wording is tested in test_evaluate.py)
    for term in ("#zero-to-one", "mastered #core-mechanics", "50% baseline", "home"):
        assert term in doc["summary"].replace("Watch home", "home")
    assert all(isinstance(r["text"], str) and r["text"] for r in doc["reasons"] + alt["reasons"])


def test_worked_example_staying_put_described_by_hand_is_further():
    result = run("Stay on Checkout", EXAMPLE, "--track", "core", "--phase", "impact", "--builds", "#core-mechanics",
                 "--as-of", "2026-10-06", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    # core-mechanics is mastered (0), a core role while a swing is due (-2), impact when the
    # balance calls for learning (-1), only a mastered skill (-2), not demanding (0)
    assert [(r["rule"], r["points"], r["case"]) for r in doc["reasons"]] == [
        ("needs", 0, "mastered"), ("swing-due", -2, "due"), ("phase", -1, "share"), ("repeats", -2, "repeats"),
        ("home", 0, "not-demanding"), ("risk", 0, "core")]
    assert (doc["score"], doc["verdict"]) == (-5, "further")
    # and the built-in alternative, Checkout as it is tagged, scores -3
    assert (doc["alternative"]["score"], doc["closer_of_two"]) == (-3, "stay")
    text = run("Stay on Checkout", EXAMPLE, "--track", "core", "--phase", "impact", "--builds", "#core-mechanics",
               "--as-of", "2026-10-06").stdout.splitlines()
    assert text[0] == 'Evaluate "Stay on Checkout": Maya Chen, as of 2026-10-06 (ad hoc)'
    assert text[1] == "opportunity: track core, phase impact, builds #core-mechanics"


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
    assert "  -1 of 1  not yet established (until 2024-03-01)" in result.stdout
    assert "verdict: further (score -2)\n" in result.stdout
    doc = json.loads(run("New thing", path, "--track", "innovation", "--phase", "learning", "--builds",
                         "zero-to-one", "--builds", "#ai", "--as-of", "2021-03-01", "--format", "json").stdout)
    # one learning role for a year: learning 100%, the balance calls for impact
    [phase] = [r for r in doc["reasons"] if r["rule"] == "phase"]
    assert (phase["points"], phase["facts"]["calls_for"], phase["facts"]["learning"]) == (-1, "impact", 365)
    # staying as Analyst: core early +1, learning -1
    assert (doc["alternative"]["role"], doc["alternative"]["score"]) == ("Analyst", 0)
    doc = json.loads(run("New thing", path, "--phase", "impact", "--as-of", "2021-03-01", "--format", "json").stdout)
    assert doc["opportunity"] == {"name": "New thing", "date": "2021-03-01", "ad_hoc": True, "track": None,
                                  "phase": "impact", "builds": [], "org": None, "tags": []}
    assert doc["north_star"] is None
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
    assert result.output.startswith("Usage: careerledger evaluate [OPTIONS] NAME [NAME]... [FILE]...\n")
    for word in ("--track", "--phase", "--builds", "--as-of", "closer", "further", "neutral", "docs/metrics.md",
                 'careerledger evaluate "AI Shopping Assistant"'):
        assert word in result.output
    assert "\n  evaluate  Hold an opportunity against the north star" in careerledger("--help").output


# --- several offers: NAME [NAME]... [FILE]... ------------------------------------------------------

JANE_OFFERS = ["Director of Product, Core Lending", "Fractional CPO", "Head of Product, Embedded Finance"]


def test_several_offers_in_one_ranked_table():
    # Jane's three offers, weighed as of the latest of their days, 2025-10-14 (between two
    # roles: no role to stay in)
    result = run(*JANE_OFFERS, JANE, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["as_of"] == "2025-10-14"
    assert [o["opportunity"]["name"] for o in doc["offers"]] == JANE_OFFERS
    assert [(r["rank"], r["name"], r["kind"], r["score"], r["verdict"]) for r in doc["ranking"]] == [
        (1, "Head of Product, Embedded Finance", "offer", 4, "closer"),  # zero-to-one and team-leadership: +4
        (2, "Director of Product, Core Lending", "offer", 2, "closer"),  # credit: +2
        (2, "Fractional CPO", "offer", 2, "closer"),  # exec-communication: +2 (a tie: the order given)
    ]
    assert doc["alternative"] is None
    text = run(*JANE_OFFERS, JANE, "--width", "100").stdout.splitlines()
    assert text[0] == "Compare 3 offers: Jane Doe, as of 2025-10-14"
    at = text.index("rank  score  verdict  needs  swing  phase  repeats  home  offer")
    assert text[at:at + 4] == [
        "rank  score  verdict  needs  swing  phase  repeats  home  offer",
        "   1     +4  closer      +4     +0     +0       +0    +0  Head of Product, Embedded Finance",
        "   2     +2  closer      +2     +0     +0       +0    +0  Director of Product, Core Lending",
        "   2     +2  closer      +2     +0     +0       +0    +0  Fractional CPO",
    ]
    assert "staying: no main role is held on 2025-10-14, so nothing to compare with" in text


def test_a_ledger_offer_against_an_ad_hoc_one_and_staying():
    result = run(AI, "Side gig", EXAMPLE, "--track", "core", "--builds", "exec-communication",
                 "--as-of", "2026-10-06", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    # Side gig: exec-communication +2, a core role while a swing is due -2: 0
    assert [(r["rank"], r["name"], r["kind"], r["score"]) for r in doc["ranking"]] == [
        (1, AI, "offer", 5), (2, "Side gig", "offer", 0), (3, "Senior PM, Checkout", "stay", -3)]
    assert [o["opportunity"]["ad_hoc"] for o in doc["offers"]] == [False, True]
    assert doc["alternative"]["kind"] == "stay"


def test_names_come_first_and_a_file_is_told_by_its_name_or_existence(tmp_path, monkeypatch):
    # a FILE: ends in .career, is -, or is an existing file; the first word is always a NAME
    plain = tmp_path / "ledger"  # no extension, but there
    plain.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    one = run(AI, plain, "--format", "json")
    assert one.exit_code == 0, one.output
    assert json.loads(one.stdout)["score"] == 5
    stdin = careerledger("evaluate", AI, "-", "--format", "json", input=EXAMPLE.read_text(encoding="utf-8"))
    assert json.loads(stdin.stdout)["score"] == 5
    # a missing .career, or a missing word that looks like a file, is a missing FILE
    for missing in ("nope.career", "career.txt"):
        result = run(AI, tmp_path / missing)
        assert result.exit_code == 2
        assert "does not exist" in result.stderr
    # with $CAREERLEDGER_FILE, several NAMEs and no FILE
    monkeypatch.setenv("CAREERLEDGER_FILE", str(EXAMPLE))
    result = run(AI, "Side gig", "--track", "core", "--as-of", "2026-10-06", "--format", "json")
    assert result.exit_code == 0, result.output
    # Side gig: no need, a core role while a swing is due: -2; staying -3
    assert [r["name"] for r in json.loads(result.stdout)["ranking"]] == [AI, "Side gig", "Senior PM, Checkout"]


@pytest.mark.parametrize(("names", "options", "message"), [
    ((AI, AI), (), "'AI Shopping Assistant' is named twice"),
    ((AI, "Nothing"), (), "unknown opportunity 'Nothing'"),
    ((AI, "One", "Two"), ("--track", "core"), "describe one ad-hoc opportunity, but 'One' and 'Two' are not in"),
    ((AI, AI.lower()), ("--track", "core"), None),  # names are exact: the lower-case one is ad hoc
    ((AI, "Later"), ("--track", "core", "--as-of", "2026-10-05"),
     "--as-of 2026-10-05 is before the opportunity 'AI Shopping Assistant' (2026-10-06)"),
])
def test_several_names_failures(names, options, message):
    result = run(*names, EXAMPLE, *options)
    if message is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_ad_hoc_options_need_a_name_that_is_not_in_the_ledger():
    result = run(*JANE_OFFERS[:2], JANE, "--track", "core")
    assert result.exit_code == 2
    assert "every NAME is an opportunity of the ledger; --track, --phase and --builds describe an ad-hoc one" in (
        result.stderr)
