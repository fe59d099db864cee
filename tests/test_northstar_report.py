"""`report northstar` and compute.working_backward, on small inline ledgers.

The example of docs/metrics.md, "North star: working backward", with every value
worked out by hand in the comments; assertions look at the Report's data, not at
formatted text, except for the rendering of "nothing yet" and the grouping.
"""

from datetime import date

from careerledger import compute as C
from careerledger import reports as R
from careerledger.render_report import text

from conftest import parse

D = date.fromisoformat

LEDGER = """
    option "owner" "Ada"
    2015-01-01 role "Analyst" at "Acme" #pricing
      track: core
      phase: learning
    2017-01-01 bet "Usage pricing" #pricing
      size: small
    2018-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 north-star "Senior PM"
      needs: #pricing
    2019-01-01 skill #pricing practicing
    2019-06-01 skill #hiring proficient
    2020-01-01 north-star "Head of Product"
      needs: #hiring #zero-to-one #pricing #payments #hiring
    2020-06-01 skill #payments mastered
    2021-01-01 skill #negotiation novice #pricing
    2022-01-01 skill #zero-to-one novice
"""


def ledger(text=LEDGER):
    led = parse(text)
    assert led.problems == (), [(p.code, p.message) for p in led.problems]
    return led


def build(as_of="2021-06-01", window=R.ALL, text=LEDGER):
    return R.build("northstar", ledger(text), D(as_of), window)


def section(rep, key):
    [s] = [s for s in rep.sections if s.key == key]
    return s


def rows(rep, key):
    s = section(rep, key)
    return [dict(zip((c.key for c in s.columns), row)) for row in s.rows]


def test_levels_to_go():
    assert [C.levels_to_go(x) for x in ("mastered", "proficient", "practicing", "novice", None)] == [0, 1, 2, 3, 4]


def test_working_backward_steps_and_what_built_them():
    led = ledger()
    back = C.working_backward(led.entries, D("2021-06-01"))
    assert back.north_star.vision == "Head of Product"
    # needs in the north star's order, #hiring written twice counted once
    assert [(n.skill, n.level, n.since, n.to_go) for n in back.needs] == [
        ("hiring", "proficient", D("2019-06-01"), 1),
        ("zero-to-one", None, None, 4),  # its novice entry is dated 2022, after as-of
        ("pricing", "practicing", D("2019-01-01"), 2),
        ("payments", "mastered", D("2020-06-01"), 0),
    ]
    # farthest first: zero-to-one 4, pricing 2, hiring 1; payments is mastered
    assert [n.skill for n in back.steps] == ["zero-to-one", "pricing", "hiring"]
    pricing = back.steps[1]
    assert [(b.kind, b.name, b.date, b.end) for b in pricing.built_by] == [
        ("role", "Analyst", D("2015-01-01"), D("2018-01-01")),  # ended by the PM role
        ("bet", "Usage pricing", D("2017-01-01"), None),  # still open
        ("skill", "#pricing practicing", D("2019-01-01"), None),
        ("skill", "#negotiation novice", D("2021-01-01"), None),  # tagged #pricing
    ]
    assert back.steps[0].built_by == ()
    assert [b.name for b in back.steps[2].built_by] == ["#hiring proficient"]
    assert C.built_by(led.entries, "pricing", D("2018-06-01"))[-1].name == "Usage pricing"


def test_working_backward_with_no_north_star():
    led = ledger('2020-01-01 skill #pricing novice\n')
    assert C.working_backward(led.entries, D("2021-01-01")) == C.Backward(None, (), ())


def test_northstar_report_facts_and_history():
    rep = build()
    assert (rep.name, rep.title, rep.owner) == ("northstar", "North star", "Ada")
    assert [s.key for s in rep.sections] == ["north_star", "history", "coverage", "steps", "built_by"]
    facts = {f.key: f.value for f in section(rep, "north_star").facts}
    # horizon 2020-01-01 + 5y = 2025-01-01; 2021-06-01 -> 2024-06-01 = 365 + 365 + 366 = 1096,
    # then Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 214: 1310 days
    assert (facts["vision"], facts["set_on"], facts["horizon"]) == ("Head of Product", D("2020-01-01"), D("2025-01-01"))
    assert facts["time_left"] == R.Length(D("2021-06-01"), D("2025-01-01"), 1310)
    assert facts["expired_by"] is None
    assert (facts["needs"], facts["mastered"], facts["mastered_skills"]) == (4, 1, ("payments",))
    assert facts["lower"] == ("hiring (proficient)", "pricing (practicing)")
    assert facts["missing"] == ("zero-to-one",)
    assert rows(rep, "history") == [
        {"set_on": D("2018-01-01"), "vision": "Senior PM", "horizon": D("2023-01-01"),
         "replaced_on": D("2020-01-01"), "needs": ("pricing",)},
        {"set_on": D("2020-01-01"), "vision": "Head of Product", "horizon": D("2025-01-01"),
         "replaced_on": None, "needs": ("hiring", "zero-to-one", "pricing", "payments")},
    ]


def test_northstar_report_coverage_steps_and_built_by():
    rep = build()
    assert [tuple(r.values()) for r in rows(rep, "coverage")] == [
        ("hiring", "lower", "proficient", D("2019-06-01"), 1),
        ("zero-to-one", "missing", None, None, 4),
        ("pricing", "lower", "practicing", D("2019-01-01"), 2),
        ("payments", "mastered", "mastered", D("2020-06-01"), 0),
    ]
    assert [tuple(r.values()) for r in rows(rep, "steps")] == [
        (1, "zero-to-one", None, 4), (2, "pricing", "practicing", 2), (3, "hiring", "proficient", 1)]
    assert [tuple(r.values()) for r in rows(rep, "built_by")] == [
        ("zero-to-one", None, None, None),
        ("pricing", "role", "Analyst at Acme", D("2015-01-01")),
        ("pricing", "bet", "Usage pricing", D("2017-01-01")),
        ("pricing", "skill", "#pricing practicing", D("2019-01-01")),
        ("pricing", "skill", "#negotiation novice", D("2021-01-01")),
        ("hiring", "skill", "#hiring proficient", D("2019-06-01")),
    ]
    # text: "nothing yet" for a need nothing built; each need written once (grouped)
    assert text(rep).split("What built them so far\n")[1].splitlines()[2:] == [
        "  zero-to-one  nothing yet  —                    —",
        "  pricing      role         Analyst at Acme      2015-01-01",
        "               bet          Usage pricing        2017-01-01",
        "               skill        #pricing practicing  2019-01-01",
        "               skill        #negotiation novice  2021-01-01",
        "  hiring       skill        #hiring proficient   2019-06-01",
    ]


def test_northstar_report_as_of_earlier_sees_the_first_north_star():
    rep = build("2019-03-01")
    facts = {f.key: f.value for f in section(rep, "north_star").facts}
    assert facts["vision"] == "Senior PM"
    assert [r["replaced_on"] for r in rows(rep, "history")] == [None]
    # pricing practicing (2019-01-01): 2 to go, built by the role, the bet and the skill
    assert [tuple(r.values()) for r in rows(rep, "steps")] == [(1, "pricing", "practicing", 2)]
    assert [r["kind"] for r in rows(rep, "built_by")] == ["role", "bet", "skill"]


def test_northstar_report_window_lists_what_overlaps_it():
    # [2018-06-01, 2019-03-01): the Analyst role (to 2018-01-01) is out, the open bet and
    # the 2019-01-01 skill entry are in; "Senior PM" (2018-01-01 to 2020-01-01) overlaps
    rep = build(window=R.Window(D("2018-06-01"), D("2019-03-01")))
    assert [r["vision"] for r in rows(rep, "history")] == ["Senior PM"]
    assert [(r["need"], r["kind"], r["name"]) for r in rows(rep, "built_by")] == [
        ("zero-to-one", None, None), ("pricing", "bet", "Usage pricing"), ("pricing", "skill", "#pricing practicing")]
    # coverage and steps are as of as-of, never restricted
    assert len(rows(rep, "coverage")) == 4 and len(rows(rep, "steps")) == 3
    assert section(rep, "built_by").covers == (R.Cover("as of", None, D("2021-06-01")),
                                               R.Cover("listed", D("2018-06-01"), D("2019-03-01")))


def test_northstar_report_empty_and_all_mastered():
    rep = build(text='2020-01-01 note "nothing yet"\n')
    for key in ("history", "coverage", "steps", "built_by"):
        assert section(rep, key).rows == ()
        assert section(rep, key).empty == "no north star: write a north-star entry"
    rep = build(text="""
        2020-01-01 north-star "Expert"
          needs: #payments
        2020-06-01 skill #payments mastered
    """)
    assert [tuple(r.values()) for r in rows(rep, "coverage")] == [
        ("payments", "mastered", "mastered", D("2020-06-01"), 0)]
    assert section(rep, "steps").rows == () and section(rep, "steps").empty == "every need is mastered"
    rep = build(text='2020-01-01 north-star "Somewhere"\n')
    assert section(rep, "coverage").empty == "the north star names no needs"
    assert section(rep, "steps").empty == "the north star names no needs"
