"""Reports (careerledger.reports) as data, on small inline ledgers.

The assertions look at the Report structure (sections, facts, rows of plain
values), not at formatted text, except where a value is only seen rendered
(the cadence strip, the sparkline, "nothing yet"). Expected values are worked
out by hand in the comments; month lengths as in test_metrics_swings.py. One
section per report, in the order of the registry; rendering is tested in
test_report_formats.py, the JSON's shape in test_report_json.py and the
command in test_cli_report.py.
"""

import json
from datetime import date

import pytest
from conftest import ROOT, D, days, facts, ledger, rows, run, section
from test_metrics_northstar import WORKING_BACKWARD

from careerledger import reports as R
from careerledger.render.report import human, length_text, only, render, sparkline, text
from careerledger.reports import model as M
from careerledger.reports.model import Report
from careerledger.reports.review import last_month, span_label
from careerledger.reports.roles import roles_report


def report(name, ledger_text, as_of, window=R.ALL, **params):
    """The report `name` of an inline ledger that must have no problems."""
    return R.build(name, ledger(ledger_text), D(as_of), window, **params)


# --- the registry, the structure and the window ----------------------------------------------------


def test_every_report_is_registered_with_a_one_line_summary():
    assert list(R.REPORTS) == ["summary", "swings", "phases", "cadence", "roles", "northstar",
                               "skills", "landing", "feedback", "home", "review"]
    for spec in R.REPORTS.values():
        assert spec.summary
        assert "\n" not in spec.summary
        assert len(spec.summary) <= 62


def test_the_new_reports_are_registered_with_their_options_and_formats():
    for name in ("skills", "landing", "feedback", "home", "review"):
        assert name in R.REPORTS
    assert R.REPORTS["landing"].options == ("role", "all_roles")
    assert R.REPORTS["review"].options == ("audience",)  # --for manager | me
    assert all(spec.options == () for name, spec in R.REPORTS.items() if name not in ("landing", "review"))
    assert R.REPORTS["review"].format == "markdown"
    assert all(spec.format == "text" for name, spec in R.REPORTS.items() if name != "review")


TWO_ROLES = """
    option "owner" "Ada"
    2015-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2017-03-01 role "PM" at "Acme"
      track: core
      phase: impact
"""


def test_report_header_says_what_the_career_covers():
    rep = report("roles", TWO_ROLES, "2020-03-01")
    assert (rep.name, rep.title, rep.owner, rep.as_of) == ("roles", "Roles", "Ada", D("2020-03-01"))
    assert rep.career == M.Cover("career", D("2015-03-01"), D("2020-03-01"))
    assert rep.window == R.ALL


@pytest.mark.parametrize("name", list(R.REPORTS))
def test_sections_hold_only_plain_values_of_their_declared_type(name):
    types = {
        M.TEXT: str, M.DATE: date, M.LENGTH: M.Length, M.DAYS: int, M.INT: int,
        M.SHARE: float, M.NUMBER: float, M.BOOL: bool, M.LIST: tuple, M.SCORES: tuple, M.SOURCE: str,
        M.ITEMS: tuple,
    }
    elements = {M.LIST: str, M.SCORES: int, M.ITEMS: M.Item}  # what the tuples hold
    assert tuple(types) == M.TYPES
    led = ledger(TWO_ROLES + '    2016-01-01 bet "B"\n    2019-01-01 contract "C"\n      every: month\n'
                 '    2019-02-01 north-star "CPO"\n      needs: #pricing #sales\n'
                 '    2019-03-01 skill #pricing proficient\n')
    rep = R.build(name, led, D("2020-03-01"))
    for s in rep.sections:
        assert s.kind in ("facts", "table")
        if s.kind == "facts":
            pairs = [(f.value, f.type) for f in s.facts]
        else:
            assert all(len(row) == len(s.columns) for row in s.rows)
            pairs = [(v, c.type) for row in s.rows for v, c in zip(row, s.columns, strict=True)]
        for value, type_ in pairs:
            assert value is None or isinstance(value, types[type_]), (s.key, value, type_)
            if type_ in elements and value is not None:
                assert all(isinstance(v, elements[type_]) for v in value), (s.key, value, type_)
                assert type_ != M.ITEMS or all(isinstance(v, str | int | bool | None) for i in value
                                               for _, v in i.data), (s.key, value)


def test_each_report_is_a_function_of_ledger_as_of_and_window():
    led = ledger(TWO_ROLES)
    rep = roles_report(led, D("2020-03-01"), R.Window(D("2016-01-01"), None))
    assert isinstance(rep, Report)
    assert rep.name == "roles"
    assert rep.window == R.Window(D("2016-01-01"), None)
    assert rep == R.build("roles", led, D("2020-03-01"), R.Window(D("2016-01-01"), None))


@pytest.mark.parametrize(("begin", "end", "item", "listed"), [
    (None, None, ("2020-01-01", "2020-02-01"), True),
    ("2020-02-01", None, ("2020-01-01", "2020-02-01"), False),  # ends the day the window begins
    ("2020-01-31", None, ("2020-01-01", "2020-02-01"), True),
    (None, "2020-01-01", ("2020-01-01", "2020-02-01"), False),  # begins the day the window ends
    ("2020-03-01", "2020-04-01", ("2020-01-01", None), True),  # still going on
    ("2020-03-01", "2020-04-01", ("2020-03-15", "2020-03-15"), True),  # a zero-day item: its day
    ("2020-03-01", "2020-04-01", ("2020-04-01", "2020-04-01"), False),
])
def test_window_overlaps(begin, end, item, listed):
    w = R.Window(begin and D(begin), end and D(end))
    start, stop = item
    assert w.overlaps(D(start), stop and D(stop), D("2020-06-01")) is listed


# --- summary ---------------------------------------------------------------------------------------


SUMMARY_LANDING = """
    2024-01-15 role "Head of Payments" at "Acme"
      track: core
      phase: impact
    2024-02-10 sotu "State of payments"
"""


def test_summary_shows_landing_in_the_first_90_days_only():
    rep = report("summary", SUMMARY_LANDING, "2024-02-20")  # day 37
    assert [(r["step"], r["due_on"], r["done_on"], r["status"]) for r in rows(rep, "landing")] == [
        ("sotu", D("2024-02-13"), D("2024-02-10"), "done"),  # day 30 = 2024-01-15 + 29
        ("align", D("2024-03-14"), None, "open"),  # day 60 = + 59 (2024 is leap)
        ("win", D("2024-04-13"), None, "open"),  # day 90 = + 89
    ]
    assert len(rows(report("summary", SUMMARY_LANDING, "2024-04-13"), "landing")) == 3  # day 90
    late = report("summary", SUMMARY_LANDING, "2024-04-14")  # day 91
    assert rows(late, "landing") == []
    assert "day 91" in section(late, "landing").empty


def test_summary_role_north_star_and_home():
    rep = report("summary", TWO_ROLES + """
    2016-01-01 north-star "CPO"
      by: 2021-01-01
      needs: #pricing #hiring #sales
    2018-01-01 skill #pricing mastered
    2019-01-01 skill #hiring proficient
    2019-12-01 home 4
    """, "2020-03-01")
    r = facts(rep, "role")
    # PM since 2017-03-01: 1096 days; at Acme since 2015-03-01: 1827 days
    assert (r["title"], r["org"], r["in_role"].days, r["org_since"], r["at_org"].days) == (
        "PM", "Acme", 1096, D("2015-03-01"), 1827)
    n = facts(rep, "north_star")
    # 2020-03-01 -> 2021-01-01: 31+30+31+30+31+31+30+31+30+31 = 306 days left
    assert (n["vision"], n["horizon"], n["time_left"].days, n["expired_by"]) == ("CPO", D("2021-01-01"), 306, None)
    assert (n["needs"], n["mastered"], n["mastered_skills"], n["lower"], n["missing"]) == (
        3, 1, ("pricing",), (M.Item("hiring (proficient)", (("skill", "hiring"), ("level", "proficient"))),),
        ("sales",))
    # a need below mastered is its text for people and its facts for programs
    assert human(n["lower"], M.ITEMS) == "hiring (proficient)"
    [star] = [s for s in json.loads(render(rep, "json"))["sections"] if s["key"] == "north_star"]
    assert star["facts"]["lower"] == [{"skill": "hiring", "level": "proficient"}]
    assert {"key": "lower", "label": "below mastered", "type": "items"} in star["fields"]
    assert "\nlower,hiring (proficient)\n" in render(only(rep, "north_star"), "csv")
    h = facts(rep, "home")
    # 2019-12-01 + 3m = 2020-03-01: the last fresh day
    assert (h["last"], h["score"], h["since"].days, h["next_due"], h["stale"]) == (
        D("2019-12-01"), 4, 91, D("2020-03-01"), False)
    assert length_text(r["in_role"]) == "3y"


def test_summary_of_an_empty_ledger_says_so():
    rep = report("summary", "", "2024-01-01")
    assert rep.career == M.Cover("career", None, D("2024-01-01"))
    assert facts(rep, "role")["title"] is None
    assert rows(rep, "open_bets") == []
    assert rows(rep, "contracts") == []
    for fmt in ("text", "json", "markdown"):
        assert render(rep, fmt).endswith("\n")
    for s in rep.sections:
        assert render(only(rep, s.key), "csv").endswith("\n")


# --- swings ----------------------------------------------------------------------------------------


PORTFOLIO = """
    2012-06-01 role "Analyst" at "Bank"
      track: core
      phase: learning
    2014-03-10 bet "Robo-advice"
      size: small
    2015-05-04 bet "Mobile app"
    2016-01-01 outcome "Mobile app" success
    2017-09-01 role "Founder" at "Startup"
      track: innovation
      phase: impact
    2018-03-01 outcome "Robo-advice" failure
    2019-03-01 role "VP" at "Corp"
      track: core
      phase: impact
    2019-06-01 bet "AI pricing"
"""


def test_swings_portfolio_and_intervals():
    rep = report("swings", PORTFOLIO, "2020-03-01")
    got = [(r["date"], r["kind"], r["name"], days(r["after"])) for r in rows(rep, "swings")]
    assert got == [
        (D("2015-05-04"), "bet", "Mobile app", None),
        # 2015-05-04 -> 2017-09-01 = 851; 2017-09-01 -> 2019-06-01 = 638 (test_metrics)
        (D("2017-09-01"), "role", "Founder", (D("2015-05-04"), D("2017-09-01"), 851)),
        (D("2019-06-01"), "bet", "AI pricing", (D("2017-09-01"), D("2019-06-01"), 638)),
    ]
    assert [(r["bet"], r["closed"], r["length"].days, r["outcome"]) for r in rows(rep, "bets")] == [
        ("Robo-advice", D("2018-03-01"), 1452, "failure"),
        ("Mobile app", D("2016-01-01"), 242, "success"),
        ("AI pricing", None, 274, None),  # open: 2019-06-01 -> 2020-03-01
    ]
    p = facts(rep, "portfolio")
    # core 2284, innovation 546 days; 1 success of 2 closed = the 50% baseline
    assert (p["core_days"], p["innovation_days"], p["bets"], p["open"], p["closed"]) == (2284, 546, 3, 1, 2)
    assert (p["success_rate"], p["baseline"], p["vs_baseline"]) == (0.5, 0.5, "at")
    [founder] = rows(rep, "innovation_roles")
    assert (founder["from"], founder["to"], founder["length"].days) == (D("2017-09-01"), D("2019-03-01"), 546)
    s = facts(rep, "last_swing")
    # last swing 2019-06-01, 274 days ago; due by 2022-06-01, in 822 days
    assert (s["last"], s["last_kind"], days(s["since"])) == (
        "AI pricing", "bet", (D("2019-06-01"), D("2020-03-01"), 274))
    assert (s["due_on"], s["due_in"].days, s["overdue_by"], s["due"]) == (D("2022-06-01"), 822, None, False)


def test_swings_window_restricts_the_lists_not_the_portfolio():
    rep = report("swings", PORTFOLIO, "2020-03-01", R.Window(D("2015-01-01"), D("2016-01-01")))
    # Robo-advice (2014-03-10 to 2018-03-01) and Mobile app (2015-05-04 to 2016-01-01) overlap 2015
    assert [r["bet"] for r in rows(rep, "bets")] == ["Robo-advice", "Mobile app"]
    assert [r["name"] for r in rows(rep, "swings")] == ["Mobile app"]
    assert rows(rep, "innovation_roles") == []
    assert facts(rep, "portfolio")["bets"] == 3
    assert facts(rep, "last_swing")["last"] == "AI pricing"


# --- phases ----------------------------------------------------------------------------------------


def test_phases_runs_balance_and_streak():
    rep = report("phases", TWO_ROLES + '    2019-01-01 leave "PM"\n', "2020-01-01")
    got = [(r["phase"], r["from"], r["to"], r["length"].days, r["started_by"]) for r in rows(rep, "runs")]
    assert got == [
        ("learning", D("2015-03-01"), D("2017-03-01"), 731, "Analyst at Acme"),
        ("impact", D("2017-03-01"), D("2019-01-01"), 671, "PM at Acme"),  # 365 + 306
        ("gap", D("2019-01-01"), None, 365, "leave PM"),
    ]
    [learning, impact, gap, whole] = rows(rep, "balance")
    assert (whole["career_days"], learning["career_days"], impact["career_days"], gap["career_days"]) == (
        1767, 731, 671, 365)
    assert learning["career_share"] == pytest.approx(731 / 1767)
    s = facts(rep, "streak")
    assert (s["phase"], s["since"], s["streak"].days, s["stuck"], s["switches"]) == (
        "gap", D("2019-01-01"), 365, False, 1)


# --- cadence ---------------------------------------------------------------------------------------


MONTHLY = """
    2024-01-01 contract "Monthly memo"
      every: month
    2024-01-15 update "Jan"
    2024-03-02 update "Mar"
    2024-04-30 update "Apr"
"""


def test_cadence_periods_and_the_strip():
    rep = report("cadence", MONTHLY, "2024-05-10")
    # whole months before May: Jan 1 update (kept), Feb 0 (missed), Mar 1, Apr 1
    assert [(r["period"], r["updates"], r["kept"]) for r in rows(rep, "periods")] == [
        ("2024-01", 1, True), ("2024-02", 0, False), ("2024-03", 1, True), ("2024-04", 1, True)]
    [c] = rows(rep, "contracts")
    assert (c["kept"], c["missed"], c["current_run"], c["last_missed"], c["live"]) == (3, 1, 2, "2024-02", True)
    out = text(rep)
    assert "Monthly memo  2024-01  ■□■■" in out
    assert out.count("■") == 3 + 1  # the strip and the legend in the header


def test_cadence_window_lists_and_counts_the_periods_inside_it():
    rep = report("cadence", MONTHLY, "2024-05-10", R.Window(D("2024-01-01"), D("2024-04-01")))  # 2024-Q1
    assert [r["period"] for r in rows(rep, "periods")] == ["2024-01", "2024-02", "2024-03"]
    [c] = rows(rep, "contracts")
    # Jan kept, Feb missed, Mar kept: April (kept too) is not in the window; the run counts back from March
    assert (c["kept"], c["missed"], c["current_run"], c["last_missed"], c["live"]) == (2, 1, 1, "2024-02", True)
    assert section(rep, "contracts").covers == (M.Cover("as of", None, D("2024-05-10")),
                                                M.Cover("listed", D("2024-01-01"), D("2024-04-01")))
    # months listed: those of the window; the rate stays the trailing 12 months
    assert [(r["month"], r["updates"]) for r in rows(rep, "months")] == [
        ("2024-01", 1), ("2024-02", 0), ("2024-03", 1)]
    u = facts(rep, "updates")
    assert (u["total"], u["per_month"]) == (3, 0.25)  # 2023-05 .. 2024-04: 3 updates / 12
    assert section(rep, "updates").covers == (M.Cover("trailing 12 months", D("2023-05-01"), D("2024-05-01")),)


def test_cadence_unwritten_topics():
    rep = report("cadence", """
        2024-01-10 explained #pricing
        2024-02-10 explained #pricing
        2024-03-01 explained #hiring
    """, "2024-05-15")
    assert rows(rep, "unwritten") == [
        {"topic": "pricing", "times": 2, "explained_on": ("2024-01-10", "2024-02-10"), "written_on": None}]


# --- roles -----------------------------------------------------------------------------------------


def test_roles_two_roles_at_one_org_are_one_tenure_with_a_promotion():
    rep = report("roles", TWO_ROLES, "2020-03-01")
    [acme] = rows(rep, "organisations")
    # 2015-03-01 -> 2020-03-01: 5 * 365 + 2 (2016-02-29, 2020-02-29) = 1827 days, exactly 5 years
    assert (acme["org"], acme["from"], acme["to"]) == ("Acme", D("2015-03-01"), None)
    assert days(acme["tenure"]) == (D("2015-03-01"), D("2020-03-01"), 1827)
    assert (acme["roles"], acme["promotions"], acme["side"]) == (2, 1, False)
    got = [(r["title"], r["from"], r["to"], r["length"].days, r["step"]) for r in rows(rep, "roles")]
    assert got == [
        ("Analyst", D("2015-03-01"), D("2017-03-01"), 731, "joined"),  # 365 + 366 (2016)
        ("PM", D("2017-03-01"), None, 1096, "promotion"),  # 365 + 365 + 366 (2020)
    ]
    assert length_text(acme["tenure"]) == "5y"


def test_roles_window_lists_what_overlaps_it():
    ledger = TWO_ROLES + """
    2018-06-01 role "Director" at "Globex"
      track: innovation
      phase: learning
    """
    # [2015-01-01, 2016-01-01): only the Analyst role at Acme overlaps
    rep = report("roles", ledger, "2020-03-01", R.Window(D("2015-01-01"), D("2016-01-01")))
    assert [r["title"] for r in rows(rep, "roles")] == ["Analyst"]
    assert [r["org"] for r in rows(rep, "organisations")] == ["Acme"]
    assert section(rep, "roles").covers == (M.Cover("listed", D("2015-01-01"), D("2016-01-01")),)
    # from 2018-06-01 on: PM (until 2018-06-01, excluded) no longer overlaps
    rep = report("roles", ledger, "2020-03-01", R.Window(D("2018-06-01"), None))
    assert [r["title"] for r in rows(rep, "roles")] == ["Director"]


# --- northstar (docs/metrics.md, "North star: working backward": the ledger of test_metrics_northstar.py) ---


def test_northstar_report_facts_and_history():
    rep = report("northstar", WORKING_BACKWARD, "2021-06-01")
    assert (rep.name, rep.title, rep.owner) == ("northstar", "North star", "Ada")
    assert [s.key for s in rep.sections] == ["north_star", "history", "coverage", "steps", "built_by"]
    facts = {f.key: f.value for f in section(rep, "north_star").facts}
    # horizon 2020-01-01 + 5y = 2025-01-01; 2021-06-01 -> 2024-06-01 = 365 + 365 + 366 = 1096,
    # then Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 214: 1310 days
    assert (facts["vision"], facts["set_on"], facts["horizon"]) == ("Head of Product", D("2020-01-01"), D("2025-01-01"))
    assert facts["time_left"] == M.Length(D("2021-06-01"), D("2025-01-01"), 1310)
    assert facts["expired_by"] is None
    assert (facts["needs"], facts["mastered"], facts["mastered_skills"]) == (4, 1, ("payments",))
    assert facts["lower"] == (M.item("hiring (proficient)", skill="hiring", level="proficient"),
                              M.item("pricing (practicing)", skill="pricing", level="practicing"))
    assert human(facts["lower"], M.ITEMS) == "hiring (proficient), pricing (practicing)"
    assert "\nlower,hiring (proficient); pricing (practicing)\n" in render(only(rep, "north_star"), "csv")
    assert facts["missing"] == ("zero-to-one",)
    assert rows(rep, "history") == [
        {"set_on": D("2018-01-01"), "vision": "Senior PM", "horizon": D("2023-01-01"),
         "replaced_on": D("2020-01-01"), "needs": ("pricing",), "source": "test.career:10"},
        {"set_on": D("2020-01-01"), "vision": "Head of Product", "horizon": D("2025-01-01"),
         "replaced_on": None, "needs": ("hiring", "zero-to-one", "pricing", "payments"), "source": "test.career:14"},
    ]


def test_northstar_report_coverage_steps_and_built_by():
    rep = report("northstar", WORKING_BACKWARD, "2021-06-01")
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
    rep = report("northstar", WORKING_BACKWARD, "2019-03-01")
    facts = {f.key: f.value for f in section(rep, "north_star").facts}
    assert facts["vision"] == "Senior PM"
    assert [r["replaced_on"] for r in rows(rep, "history")] == [None]
    # pricing practicing (2019-01-01): 2 to go, built by the role, the bet and the skill
    assert [tuple(r.values()) for r in rows(rep, "steps")] == [(1, "pricing", "practicing", 2)]
    assert [r["kind"] for r in rows(rep, "built_by")] == ["role", "bet", "skill"]


def test_northstar_report_window_lists_what_overlaps_it():
    # [2018-06-01, 2019-03-01): the Analyst role (to 2018-01-01) is out, the open bet and
    # the 2019-01-01 skill entry are in; "Senior PM" (2018-01-01 to 2020-01-01) overlaps
    rep = report("northstar", WORKING_BACKWARD, "2021-06-01", R.Window(D("2018-06-01"), D("2019-03-01")))
    assert [r["vision"] for r in rows(rep, "history")] == ["Senior PM"]
    assert [(r["need"], r["kind"], r["name"]) for r in rows(rep, "built_by")] == [
        ("zero-to-one", None, None), ("pricing", "bet", "Usage pricing"), ("pricing", "skill", "#pricing practicing")]
    # coverage and steps are as of as-of, never restricted
    assert len(rows(rep, "coverage")) == 4
    assert len(rows(rep, "steps")) == 3
    assert section(rep, "built_by").covers == (M.Cover("as of", None, D("2021-06-01")),
                                               M.Cover("listed", D("2018-06-01"), D("2019-03-01")))


def test_northstar_report_empty_and_all_mastered():
    rep = report("northstar", '2020-01-01 note "nothing yet"\n', "2021-06-01")
    for key in ("history", "coverage", "steps", "built_by"):
        assert section(rep, key).rows == ()
        assert section(rep, key).empty == "no north star: write a north-star entry"
    rep = report("northstar", """
        2020-01-01 north-star "Expert"
          needs: #payments
        2020-06-01 skill #payments mastered
    """, "2021-06-01")
    assert [tuple(r.values()) for r in rows(rep, "coverage")] == [
        ("payments", "mastered", "mastered", D("2020-06-01"), 0)]
    assert section(rep, "steps").rows == ()
    assert section(rep, "steps").empty == "every need is mastered"
    rep = report("northstar", '2020-01-01 north-star "Somewhere"\n', "2021-06-01")
    assert section(rep, "coverage").empty == "the north star names no needs"
    assert section(rep, "steps").empty == "the north star names no needs"


# --- skills ----------------------------------------------------------------------------------------


SKILLS = """
    2021-01-01 north-star "Head of Pricing"
      needs: #pricing #hiring #ops
    2019-03-01 skill #pricing novice
      evidence: "First pricing test"
    2021-09-15 skill #pricing mastered
      evidence: "Ran the 2021 price change"
    2020-06-01 skill #hiring practicing
    2022-07-01 skill #hiring proficient
    2018-01-10 skill #writing proficient
"""


def test_skills_report_progression_needs_and_stale():
    rep = report("skills", SKILLS, "2024-08-01")
    assert [s.key for s in rep.sections] == ["skills", "north_star", "stale", "progression"]
    got = [(r["skill"], r["level"], r["since"], r["novice_on"], r["mastered_on"], days(r["novice_to_mastered"]),
            r["needed"], r["last_progress"], r["stale"]) for r in rows(rep, "skills")]
    assert got == [
        # novice 2019-03-01 -> mastered 2021-09-15: 366 + 365 + 198 = 929 days
        ("pricing", "mastered", D("2021-09-15"), D("2019-03-01"), D("2021-09-15"),
         (D("2019-03-01"), D("2021-09-15"), 929), True, D("2021-09-15"), False),
        # proficient 2022-07-01 + 2y = 2024-07-01 < 2024-08-01: stale
        ("hiring", "proficient", D("2022-07-01"), None, None, None, True, D("2022-07-01"), True),
        ("writing", "proficient", D("2018-01-10"), None, None, None, False, D("2018-01-10"), True),
    ]
    assert facts(rep, "north_star") == {
        "vision": "Head of Pricing", "needs": ("pricing", "hiring", "ops"), "mastered": ("pricing",),
        "lower": (M.item("hiring (proficient)", skill="hiring", level="proficient"),), "missing": ("ops",),
        "not_needed": ("writing",),
    }
    stale = [(r["skill"], r["last_progress"], days(r["without_progress"]), r["needed"]) for r in rows(rep, "stale")]
    assert stale == [
        # 2022-07-01 -> 2024-08-01: 365 + 366 (2024-02-29) + 31 = 762 days
        ("hiring", D("2022-07-01"), (D("2022-07-01"), D("2024-08-01"), 762), True),
        # 2018-01-10 -> 2024-01-10: 6 × 365 + 1 (2020-02-29) = 2191; -> 2024-08-01:
        # 31 + 29 + 31 + 30 + 31 + 30 (to 07-10) + 22 = 204; 2191 + 204 = 2395
        ("writing", D("2018-01-10"), (D("2018-01-10"), D("2024-08-01"), 2395), False),
    ]
    prog = [(r["skill"], r["date"], r["from"], r["level"], r["evidence"]) for r in rows(rep, "progression")]
    assert prog == [
        ("pricing", D("2019-03-01"), None, "novice", "First pricing test"),
        ("pricing", D("2021-09-15"), "novice", "mastered", "Ran the 2021 price change"),
        ("hiring", D("2020-06-01"), None, "practicing", None),
        ("hiring", D("2022-07-01"), "practicing", "proficient", None),
        ("writing", D("2018-01-10"), None, "proficient", None),
    ]
    assert "2y 6m 14d" in render(rep, "text")  # 929 days: 2019-03-01 to 2021-09-01, + 14


def test_skills_window_lists_the_steps_in_it_only():
    rep = report("skills", SKILLS, "2024-08-01", R.Window(D("2021-01-01"), D("2022-01-01")))
    assert [(r["skill"], r["date"]) for r in rows(rep, "progression")] == [("pricing", D("2021-09-15"))]
    assert len(rows(rep, "skills")) == 3  # the state as of as-of is not restricted


def test_skills_of_a_ledger_without_skills():
    rep = report("skills", '2020-01-01 note "x"\n', "2024-01-01")
    assert rows(rep, "skills") == []
    assert rows(rep, "stale") == []
    assert rows(rep, "progression") == []
    assert facts(rep, "north_star")["vision"] is None
    out = render(rep, "text")
    assert "no skill entry" in out
    assert "none: write a north-star entry" in out


# --- landing ---------------------------------------------------------------------------------------


LANDING = """
    2023-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2024-01-15 role "Head of Product" at "Globex"
      track: core
      phase: learning
    2024-01-16 listen "CEO"
      heard: "Churn"
    2024-02-13 listen "CTO"
    2024-02-14 listen "CFO"
    2024-02-13 sotu "State of the Union"
    2024-03-15 align "Churn first"
"""


def test_landing_of_the_current_role_with_a_step_done_late_and_one_overdue():
    rep = report("landing", LANDING, "2024-04-20")
    assert [s.key for s in rep.sections] == ["roles", "phases", "listens"]
    # Jan 15 -> Apr 20: 31 + 29 + 31 + 5 = 96 days, so as-of is day 97
    assert rows(rep, "roles") == [{
        "role": "Head of Product", "org": "Globex", "day_1": D("2024-01-15"), "to": None, "day": 97,
        "listens": 2, "overdue": ("win",)}]
    got = [tuple(r.values())[1:] for r in rows(rep, "phases")]
    assert got == [
        # day 30 = 2024-02-13: the sotu that day is on time
        ("listening tour", "1–30", D("2024-01-15"), D("2024-02-13"), "sotu", D("2024-02-13"), "done", None),
        # day 60 = 2024-03-14: the align on day 61 is late
        ("alignment", "31–60", D("2024-02-14"), D("2024-03-14"), "align", D("2024-03-15"), "late", None),
        # day 90 = 2024-04-13; no win: overdue, 04-13 - 04-20 = -7 days left
        ("quick wins", "61–90", D("2024-03-15"), D("2024-04-13"), "win", None, "overdue", -7),
    ]
    # the CFO on day 31 is not in the tour
    assert [(r["date"], r["day"], r["who"], r["heard"]) for r in rows(rep, "listens")] == [
        (D("2024-01-16"), 2, "CEO", "Churn"), (D("2024-02-13"), 30, "CTO", None)]


def test_landing_of_a_named_role_with_no_landing_entries():
    rep = report("landing", LANDING, "2024-04-20", role="PM")
    [row] = rows(rep, "roles")
    # ended by the next main role; no day today for a role no longer held
    assert (row["role"], row["to"], row["day"], row["listens"], row["overdue"]) == (
        "PM", D("2024-01-15"), None, 0, ("sotu", "align", "win"))
    assert [(r["status"], r["days_left"]) for r in rows(rep, "phases")] == [("overdue", None)] * 3
    assert rows(rep, "listens") == []
    assert section(rep, "listens").empty == "no conversation in days 1–30"


def test_landing_of_every_role_and_the_window():
    rep = report("landing", LANDING, "2024-04-20", all_roles=True)
    assert [r["role"] for r in rows(rep, "roles")] == ["PM", "Head of Product"]
    assert [r["role"] for r in rows(rep, "phases")] == ["PM"] * 3 + ["Head of Product"] * 3
    rep = report("landing", LANDING, "2024-04-20", R.Window(D("2024-02-01"), None), all_roles=True)
    assert [r["role"] for r in rows(rep, "roles")] == ["Head of Product"]
    assert section(rep, "roles").covers[-1] == M.Cover("listed", D("2024-02-01"), D("2024-04-20"))


def test_landing_with_no_current_role_and_unknown_roles():
    ledger = LANDING + '    2024-05-01 leave "Head of Product"\n' + """
    2024-05-02 role "Adviser" at "Charity"
      track: core
      phase: learning
      side: yes
    """
    rep = report("landing", ledger, "2024-06-01")
    assert rows(rep, "roles") == []
    assert rows(rep, "phases") == []
    assert "no current main role" in section(rep, "roles").empty
    with pytest.raises(R.ReportError, match="no main role titled 'Head of Prodcut': did you mean 'Head of Product'"):
        report("landing", ledger, "2024-06-01", role="Head of Prodcut")
    with pytest.raises(R.ReportError, match="'Adviser' is a side role: side roles have no landing"):
        report("landing", ledger, "2024-06-01", role="Adviser")
    with pytest.raises(R.ReportError, match="the ledger has no main role"):
        report("landing", '2020-01-01 note "x"\n', "2024-06-01", role="PM")


# --- feedback --------------------------------------------------------------------------------------


FEEDBACK = """
    2022-02-01 feedback "Great launch"
      from: "Boss"
      tone: positive
    2022-05-01 feedback "Too long"
      from: "Boss"
      tone: constructive
      action: "Shorter updates"
    2022-08-01 feedback "Missed the deadline"
      from: "Peer"
      tone: critical
    2024-02-01 feedback "Hm"
"""


def test_feedback_report_by_source_year_actions():
    rep = report("feedback", FEEDBACK, "2024-03-01")
    assert [s.key for s in rep.sections] == ["totals", "by_source", "by_year", "actions", "unactioned"]
    # 4 received; constructive or critical 2, with an action 1: 50%
    assert facts(rep, "totals") == {
        "received": 4, "positive": 1, "constructive": 1, "critical": 1, "untoned": 1,
        "actionable": 2, "actioned": 1, "actioned_share": 0.5}
    assert [tuple(r.values()) for r in rows(rep, "by_source")] == [
        ("Boss", 2, 1, 1, 0, 0, 1, 1), ("Peer", 1, 0, 0, 1, 0, 1, 0), (None, 1, 0, 0, 0, 1, 0, 0)]
    assert [(r["year"], r["received"]) for r in rows(rep, "by_year")] == [("2022", 3), ("2023", 0), ("2024", 1)]
    assert [(r["date"], r["action"]) for r in rows(rep, "actions")] == [(D("2022-05-01"), "Shorter updates")]
    # 2022-08-01 -> 2023-08-01 = 365; -> 2024-03-01: 31 + 30 + 31 + 30 + 31 + 31 + 29 = 213; 578 days
    [open_] = rows(rep, "unactioned")
    assert (open_["feedback"], days(open_["age"])) == (
        "Missed the deadline", (D("2022-08-01"), D("2024-03-01"), 578))
    assert "no from:" in render(rep, "text", 200)  # the source of feedback without from:


def test_feedback_window_counts_only_the_feedback_inside_it():
    rep = report("feedback", FEEDBACK, "2024-03-01", R.Window(D("2024-01-01"), None))
    assert [(r["year"], r["received"]) for r in rows(rep, "by_year")] == [("2024", 1)]
    assert rows(rep, "actions") == []
    assert rows(rep, "unactioned") == []
    # only "Hm" (2024-02-01, no from:, no tone) is in the window
    assert facts(rep, "totals") == {
        "received": 1, "positive": 0, "constructive": 0, "critical": 0, "untoned": 1,
        "actionable": 0, "actioned": 0, "actioned_share": None}
    assert [(r["source"], r["received"]) for r in rows(rep, "by_source")] == [(None, 1)]
    listed = M.Cover("listed", D("2024-01-01"), D("2024-03-01"))
    assert all(s.covers == (M.Cover("as of", None, D("2024-03-01")), listed) for s in rep.sections)
    # 2023 holds none: its row is there, with zeros
    rep = report("feedback", FEEDBACK, "2024-03-01", R.Window(D("2022-07-01"), D("2024-01-01")))
    assert [(r["year"], r["received"], r["critical"]) for r in rows(rep, "by_year")] == [
        ("2022", 1, 1), ("2023", 0, 0)]
    assert [r["feedback"] for r in rows(rep, "unactioned")] == ["Missed the deadline"]


def test_feedback_report_with_no_feedback():
    rep = report("feedback", '2020-01-01 note "x"\n', "2024-01-01")
    t = facts(rep, "totals")
    assert (t["received"], t["actionable"], t["actioned_share"]) == (0, 0, None)
    assert all(rows(rep, k) == [] for k in ("by_source", "by_year", "actions", "unactioned"))
    out = render(rep, "text")
    assert "— (no constructive or critical feedback)" in out
    assert "no feedback records an action" in out


# --- home ------------------------------------------------------------------------------------------


HOME = """
    option "home-every" "3m"
    2024-01-31 home 3
    2024-04-30 home 2
      note: "Crunch"
    2024-07-31 home 4
    2024-10-31 home 4
    2024-11-30 home 5
"""


def test_home_report_sparkline_trend_and_next_due():
    rep = report("home", HOME, "2025-01-15")
    assert [s.key for s in rep.sections] == ["history", "trend", "last", "checkins"]
    # 3 + 2 + 4 + 4 + 5 = 18; 18 / 5 = 3.6
    assert facts(rep, "history") == {"checkins": 5, "from": D("2024-01-31"), "to": D("2024-11-30"),
                                     "scores": (3, 2, 4, 4, 5), "average": 3.6}
    t = facts(rep, "trend")
    # the last four, 2 4 4 5: Σs = 15, Σi·s = 0 + 4 + 8 + 15 = 27; (108 - 90) / 20 = 0.9; × 3 = 2.7: up
    assert (t["scores"], t["from"], t["to"], t["trend"]) == ((2, 4, 4, 5), D("2024-04-30"), D("2024-11-30"), "up")
    assert t["slope"] == pytest.approx(0.9)
    assert t["change"] == pytest.approx(2.7)
    last = facts(rep, "last")
    # 2024-11-30 + 3m = 2025-02-28 (clamped); from 2025-01-15: 16 + 28 = 44 days
    assert (last["last"], last["score"], last["next_due"], last["stale"]) == (
        D("2024-11-30"), 5, D("2025-02-28"), False)
    assert days(last["due_in"]) == (D("2025-01-15"), D("2025-02-28"), 44)
    assert last["overdue_by"] is None
    assert [(r["date"], r["score"], r["note"]) for r in rows(rep, "checkins")][1] == (D("2024-04-30"), 2, "Crunch")

    out = render(rep, "text")
    assert "\n  scores     ▃▂▅▅█\n" in out  # every check-in, 3 2 4 4 5
    assert "\n  scores                     ▂▅▅█\n" in out  # the last four
    assert sparkline((1, 2, 3, 4, 5)) == "▁▂▃▅█"
    doc = json.loads(render(rep, "json"))
    [history] = [s for s in doc["sections"] if s["key"] == "history"]
    assert history["facts"]["scores"] == [3, 2, 4, 4, 5]
    assert {"key": "scores", "label": "scores", "type": "scores"} in history["fields"]
    assert "scores,3; 2; 4; 4; 5" in render(only(rep, "history"), "csv")


def test_home_report_stale_and_window():
    rep = report("home", HOME, "2025-03-01")
    last = facts(rep, "last")
    # one day past 2025-02-28
    assert (last["stale"], last["due_in"], days(last["overdue_by"])) == (
        True, None, (D("2025-02-28"), D("2025-03-01"), 1))
    rep = report("home", HOME, "2025-03-01", R.Window(D("2024-07-01"), None))
    assert facts(rep, "history")["scores"] == (4, 4, 5)
    assert facts(rep, "trend")["scores"] == (2, 4, 4, 5)  # the trend is as of as-of, not restricted


def test_home_report_with_no_checkins():
    rep = report("home", '2020-01-01 note "x"\n', "2024-01-01")
    assert facts(rep, "history")["scores"] == ()
    assert facts(rep, "trend")["trend"] is None
    assert facts(rep, "last")["stale"] is False
    assert rows(rep, "checkins") == []
    out = render(rep, "text")
    assert "— (fewer than two check-ins)" in out
    assert "no home check-in" in out
    assert json.loads(render(rep, "json"))["sections"][0]["facts"]["scores"] == []


# --- review ----------------------------------------------------------------------------------------


REVIEW = """
    option "owner" "Ada"
    option "established" "2020-01-01"
    2020-01-01 north-star "Lead"
      needs: #pricing
    2021-01-01 role "PM" at "A"
      track: core
      phase: impact
    2023-01-01 skill #pricing proficient
    2023-03-01 contract "Monthly note"
      every: month
    2024-02-20 bet "Alpha"
      size: big
    2024-03-05 update "March note"
    2024-04-02 update "April note"
      to: "VP"
      via: email
      covers: #pricing
    2024-04-10 win "Faster checkout"
      impact: "20% less time to pay"
    2024-04-12 skill #pricing mastered
      evidence: "New price book"
    2024-04-20 outcome "Alpha" success
      story: "It worked"
      lesson: "Ship smaller"
    2024-04-28 feedback "Too slow"
      from: "CTO"
      tone: critical
"""


def test_review_defaults_to_the_last_whole_month():
    rep = report("review", REVIEW, "2024-05-15")
    assert rep.window == R.Window(D("2024-04-01"), D("2024-05-01"))
    # on the first of a month, the month before
    assert last_month(D("2024-03-01")) == R.Window(D("2024-02-01"), D("2024-03-01"))
    assert last_month(D("2024-01-31")) == R.Window(D("2023-12-01"), D("2024-01-01"))


def test_review_packet_sections_and_headline():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2024-04-01"), D("2024-05-01")))
    assert [s.key for s in rep.sections] == [
        "summary", "period", "headline", "wins", "untold", "updates", "contracts", "skills", "bets_opened",
        "bets_closed", "feedback", "open_bets", "commitments"]
    # two lines a VP reads in ten seconds: the win with its impact, the bet closed with its
    # lesson, the update and the contract kept, the skill that moved; then what comes next
    assert facts(rep, "summary") == {
        "done": 'Faster checkout: 20% less time to pay; bet "Alpha" closed as a success (lesson: "Ship smaller"); '
                'update "April note" published (1 of 1 contract period kept); #pricing mastered.',
        "next": '"Monthly note" for 2024-05 (1 update); no open bet.',
    }
    assert [f.label for f in section(rep, "summary").facts] == ["2024-04", "next"]
    assert facts(rep, "period") == {"period": "2024-04", "first_day": D("2024-04-01"), "last_day": D("2024-04-30"),
                                    "previous": "2024-03", "figures_on": D("2024-04-30")}
    head = section(rep, "headline")
    assert [c.label for c in head.columns] == ["metric", "2024-04", "2024-03", "change"]
    assert head.covers == (M.Cover("period", D("2024-04-01"), D("2024-05-01")),
                           M.Cover("previous period", D("2024-03-01"), D("2024-04-01")))
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    # for the manager: no self-management figure; a month compares only the contract periods
    assert got == {
        "updates published": (1, 1, None),
        "contract periods kept": (1, 1, 0),  # 2024-04 and 2024-03 each had an update
        "contract periods missed": (0, 0, 0),
        "wins": (1, 0, None),
        "skill entries": (1, 0, None),
        "bets opened": (0, 0, None),
        "bets closed": (1, 0, None),
        "feedback received": (1, 0, None),
        "constructive or critical feedback": (1, 0, None),
        "… with an action": (0, 0, None),
    }
    # the win has no #tag: no update can have told it
    assert rows(rep, "wins") == [{"date": D("2024-04-10"), "win": "Faster checkout",
                                  "impact": "20% less time to pay", "told_in": ()}]
    assert rows(rep, "untold") == [{"date": D("2024-04-10"), "win": "Faster checkout", "tags": ()}]
    assert rows(rep, "updates") == [{"date": D("2024-04-02"), "update": "April note", "to": "VP", "via": "email",
                                     "covers": ("pricing",)}]
    assert rows(rep, "contracts") == [{"contract": "Monthly note", "period": "2024-04", "updates": 1,
                                       "required": 1, "kept": True}]
    assert rows(rep, "skills") == [{"date": D("2024-04-12"), "skill": "pricing", "from": "proficient",
                                    "level": "mastered", "evidence": "New price book"}]
    [closed] = rows(rep, "bets_closed")
    # 2024-02-20 -> 2024-04-20: 10 + 31 + 19 = 60 days
    assert (closed["bet"], closed["outcome"], closed["length"].days, closed["story"], closed["lesson"]) == (
        "Alpha", "success", 60, "It worked", "Ship smaller")
    assert rows(rep, "feedback") == [{"date": D("2024-04-28"), "from": "CTO", "tone": "critical",
                                      "feedback": "Too slow", "action": None}]
    # what comes next, as of 2024-04-30: Alpha closed on 04-20; May's note
    assert rows(rep, "open_bets") == []
    assert section(rep, "open_bets").empty == "no bet open on 2024-04-30"
    assert rows(rep, "commitments") == [{"contract": "Monthly note", "with": None, "periods": "2024-05",
                                         "updates": 1, "by": D("2024-05-31")}]
    assert section(rep, "commitments").title == "Next: commitments for 2024-05"


def test_review_for_me_adds_the_self_management_figures_and_the_warnings():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2024-04-01"), D("2024-05-01")), audience="me")
    assert [s.key for s in rep.sections][-1] == "warnings"
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    assert len(got) == 12
    # Alpha 2024-02-20: to 04-30 10 + 31 + 29 = 70 days, to 03-31 10 + 30 = 40; never compared
    # (it grows with the calendar); pricing mastered on 04-12: a state, compared
    assert got["days since the last big swing, at the end"] == (70, 40, None)
    assert got["north-star needs mastered, at the end"] == (1, 0, 1)
    # as `check` gives them on 2024-04-30: the role PM (2021) started after the north star
    # (2020) with no why:; nothing else is due
    assert rows(rep, "warnings") == [{
        "code": "W201", "check": "drift",
        "warning": 'role "PM" started with no recorded reason against your north star'}]
    assert section(rep, "warnings").title == "Warnings on 2024-04-30"
    # the manager's packet is the same without them
    manager = report("review", REVIEW, "2024-05-15", R.Window(D("2024-04-01"), D("2024-05-01")))
    assert [s for s in rep.sections if s.key not in ("headline", "warnings")] == [
        s for s in manager.sections if s.key != "headline"]


def test_review_of_a_quarter_compares_the_counts():
    rep = report("review", REVIEW, "2024-07-15", R.Window(D("2024-04-01"), D("2024-07-01")))
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    # Q2 (91 days) against Q1: the April note against the March note; Q1 had no win
    assert got["updates published"] == (1, 1, 0)
    assert got["wins"] == (1, 0, 1)
    # the contract's April kept, May and June missed; January and February missed, March kept
    assert got["contract periods kept"] == (1, 1, 0)
    assert got["contract periods missed"] == (2, 2, 0)


def test_june_2026_of_managing_up_for_the_manager_and_for_me(monkeypatch):
    # The framework's managing-up example end to end: the packet for the VP opens with the
    # 15% lift and shows no self-management figure; --for me adds them and the warnings.
    monkeypatch.chdir(ROOT)
    args = ("report", "review", "examples/managing-up.career", "-p", "2026-06", "--as-of", "2026-11-21")
    manager = run(*args)
    assert manager.exit_code == 0, manager.output
    opening = manager.stdout.split("\n## Period", 1)[0]
    assert "15% retention lift at day 90" in opening
    assert opening.count("\n- **") == 2  # the two lines of the summary
    for figure in ("days since the last big swing", "north-star needs mastered", "Warnings"):
        assert figure not in manager.stdout
    assert run(*args, "--for", "manager").stdout == manager.stdout
    me = run(*args, "--for", "me")
    assert me.exit_code == 0, me.output
    for figure in ("days since the last big swing", "north-star needs mastered", "## Warnings on 2026-06-30"):
        assert figure in me.stdout
    assert me.stdout.split("\n## Period", 1)[0] == opening
    # the June summary covers #notifications #experimentation, not the win's #retention
    doc = json.loads(run(*args, "--format", "json").stdout)
    [wins] = [s for s in doc["sections"] if s["key"] == "wins"]
    assert [(r["win"], r["told_in"]) for r in wins["rows"]] == [("Habit streaks rolled out to every member", [])]
    [untold] = [s for s in doc["sections"] if s["key"] == "untold"]
    assert [(r["win"], r["tags"]) for r in untold["rows"]] == [("Habit streaks rolled out to every member",
                                                                 ["retention"])]
    # --for belongs to review alone
    other = run("report", "roles", "examples/managing-up.career", "--for", "me")
    assert other.exit_code == 2
    assert "--for is for the review report only, not roles" in other.stderr


def test_review_of_a_period_with_nothing_in_it():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2022-06-01"), D("2022-07-01")))
    for key in ("wins", "updates", "skills", "bets_opened", "bets_closed", "feedback"):
        assert rows(rep, key) == []
        assert section(rep, key).empty == "nothing in 2022-06"
    assert section(rep, "contracts").empty == "no contract period ends in 2022-06"
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    assert got["updates published"] == (0, 0, None)
    # the contract (2023-03-01) did not exist yet: nothing is committed for July
    assert facts(rep, "summary") == {"done": "nothing recorded.", "next": "no open bet."}
    assert section(rep, "untold").empty == "no win in 2022-06"
    # no big swing before 2024-02-20: no figure, no change
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2022-06-01"), D("2022-07-01")), audience="me")
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    assert got["days since the last big swing, at the end"] == (None, None, None)
    assert "nothing in 2022-06" in render(rep, "text")


def test_review_with_begin_only_runs_through_as_of():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2024-05-01"), None))
    # [2024-05-01, 2024-05-16): 15 days; the 15 days before: [2024-04-16, 2024-05-01)
    assert facts(rep, "period")["period"] == "2024-05-01 to 2024-05-15"
    assert facts(rep, "period")["previous"] == "2024-04-16 to 2024-04-30"


@pytest.mark.parametrize(("begin", "end", "label"), [
    ("2026-09-01", "2026-10-01", "2026-09"),
    ("2026-07-01", "2026-10-01", "2026-Q3"),
    ("2026-09-07", "2026-09-14", "2026-W37"),
    ("2026-01-01", "2027-01-01", "2026"),
    ("2026-09-03", "2026-09-21", "2026-09-03 to 2026-09-20"),
    ("2026-09-03", "2026-09-04", "2026-09-03"),
])
def test_span_labels(begin, end, label):
    assert span_label(D(begin), D(end)) == label
