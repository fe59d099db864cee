"""Reports (careerledger.reports) as data, on small inline ledgers.

The assertions look at the Report structure (sections, facts, rows of plain
values), not at formatted text, except where a test is about rendering (the
strip, durations as 2y 3m 4d). Expected values are worked out by hand in the
comments; month lengths as in test_metrics.py.
"""

from datetime import date

import pytest

from careerledger import reports as R
from careerledger.render_report import length_text, render, text

from conftest import parse

D = date.fromisoformat


def report(name, ledger_text, as_of, window=R.ALL):
    led = parse(ledger_text)
    assert led.problems == (), [(p.code, p.message) for p in led.problems]
    return R.build(name, led, D(as_of), window)


def section(rep, key):
    [s] = [s for s in rep.sections if s.key == key]
    return s


def facts(rep, key):
    return {f.key: f.value for f in section(rep, key).facts}


def rows(rep, key):
    s = section(rep, key)
    return [dict(zip((c.key for c in s.columns), row)) for row in s.rows]


def days(value):
    """A Length as (start, end, days)."""
    return (value.start, value.end, value.days) if value is not None else None


TWO_ROLES = """
    option "owner" "Ada"
    2015-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2017-03-01 role "PM" at "Acme"
      track: core
      phase: impact
"""


# --- the structure -------------------------------------------------------------------


def test_every_report_is_registered_with_a_one_line_summary():
    assert list(R.REPORTS) == ["summary", "swings", "phases", "cadence", "roles", "northstar",
                               "skills", "landing", "feedback", "home", "review"]
    for spec in R.REPORTS.values():
        assert spec.summary and "\n" not in spec.summary and len(spec.summary) <= 62


def test_report_header_says_what_the_career_covers():
    rep = report("roles", TWO_ROLES, "2020-03-01")
    assert (rep.name, rep.title, rep.owner, rep.as_of) == ("roles", "Roles", "Ada", D("2020-03-01"))
    assert rep.career == R.Cover("career", D("2015-03-01"), D("2020-03-01"))
    assert rep.window == R.ALL


@pytest.mark.parametrize("name", list(R.REPORTS))
def test_sections_hold_only_plain_values_of_their_declared_type(name):
    types = {
        R.TEXT: str, R.DATE: date, R.LENGTH: R.Length, R.DAYS: int, R.INT: int,
        R.SHARE: float, R.NUMBER: float, R.BOOL: bool, R.LIST: tuple, R.SCORES: tuple,
    }
    led = parse(TWO_ROLES + '    2016-01-01 bet "B"\n    2019-01-01 contract "C"\n      every: month\n')
    rep = R.build(name, led, D("2020-03-01"))
    for s in rep.sections:
        assert s.kind in ("facts", "table")
        if s.kind == "facts":
            pairs = [(f.value, f.type) for f in s.facts]
        else:
            assert all(len(row) == len(s.columns) for row in s.rows)
            pairs = [(v, c.type) for row in s.rows for v, c in zip(row, s.columns)]
        for value, type_ in pairs:
            assert value is None or isinstance(value, types[type_]), (s.key, value, type_)


# --- roles -------------------------------------------------------------------------------


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
    assert section(rep, "roles").covers == (R.Cover("listed", D("2015-01-01"), D("2016-01-01")),)
    # from 2018-06-01 on: PM (until 2018-06-01, excluded) no longer overlaps
    rep = report("roles", ledger, "2020-03-01", R.Window(D("2018-06-01"), None))
    assert [r["title"] for r in rows(rep, "roles")] == ["Director"]


# --- cadence ----------------------------------------------------------------------------

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


def test_cadence_window_lists_periods_but_counts_stay_whole():
    rep = report("cadence", MONTHLY, "2024-05-10", R.Window(D("2024-01-01"), D("2024-04-01")))  # 2024-Q1
    assert [r["period"] for r in rows(rep, "periods")] == ["2024-01", "2024-02", "2024-03"]
    [c] = rows(rep, "contracts")
    assert (c["kept"], c["missed"]) == (3, 1)  # the contract's whole life, not the window
    # months listed: those of the window; the rate stays the trailing 12 months
    assert [(r["month"], r["updates"]) for r in rows(rep, "months")] == [
        ("2024-01", 1), ("2024-02", 0), ("2024-03", 1)]
    u = facts(rep, "updates")
    assert (u["total"], u["per_month"]) == (3, 0.25)  # 2023-05 .. 2024-04: 3 updates / 12
    assert section(rep, "updates").covers == (R.Cover("trailing 12 months", D("2023-05-01"), D("2024-05-01")),)


def test_cadence_unwritten_topics():
    rep = report("cadence", """
        2024-01-10 explained #pricing
        2024-02-10 explained #pricing
        2024-03-01 explained #hiring
    """, "2024-05-15")
    assert rows(rep, "unwritten") == [
        {"topic": "pricing", "times": 2, "explained_on": ("2024-01-10", "2024-02-10"), "written_on": None}]


# --- swings ---------------------------------------------------------------------------------

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


# --- phases -----------------------------------------------------------------------------------


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


# --- summary --------------------------------------------------------------------------------------

LANDING = """
    2024-01-15 role "Head of Payments" at "Acme"
      track: core
      phase: impact
    2024-02-10 sotu "State of payments"
"""


def test_summary_shows_landing_in_the_first_90_days_only():
    rep = report("summary", LANDING, "2024-02-20")  # day 37
    assert [(r["step"], r["due_on"], r["done_on"], r["status"]) for r in rows(rep, "landing")] == [
        ("sotu", D("2024-02-13"), D("2024-02-10"), "done"),  # day 30 = 2024-01-15 + 29
        ("align", D("2024-03-14"), None, "open"),  # day 60 = + 59 (2024 is leap)
        ("win", D("2024-04-13"), None, "open"),  # day 90 = + 89
    ]
    assert len(rows(report("summary", LANDING, "2024-04-13"), "landing")) == 3  # day 90
    late = report("summary", LANDING, "2024-04-14")  # day 91
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
        3, 1, ("pricing",), ("hiring (proficient)",), ("sales",))
    h = facts(rep, "home")
    # 2019-12-01 + 3m = 2020-03-01: the last fresh day
    assert (h["last"], h["score"], h["since"].days, h["next_due"], h["stale"]) == (
        D("2019-12-01"), 4, 91, D("2020-03-01"), False)
    assert length_text(r["in_role"]) == "3y"


def test_summary_of_an_empty_ledger_says_so():
    rep = report("summary", "", "2024-01-01")
    assert rep.career == R.Cover("career", None, D("2024-01-01"))
    assert facts(rep, "role")["title"] is None
    assert rows(rep, "open_bets") == [] and rows(rep, "contracts") == []
    for fmt in ("text", "json", "csv", "markdown"):
        assert render(rep, fmt).endswith("\n")


# --- rendering helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize("start, end, expected", [
    ("2024-02-29", "2025-02-28", "1y"),  # relativedelta: one year exactly
    ("2020-01-01", "2020-01-01", "0d"),
    ("2020-01-01", "2022-04-05", "2y 3m 4d"),
    ("2020-01-31", "2020-03-01", "1m 1d"),
    ("2020-01-01", "2021-01-06", "1y 5d"),
])
def test_length_text(start, end, expected):
    s, e = D(start), D(end)
    assert length_text(R.Length(s, e, (e - s).days)) == expected


@pytest.mark.parametrize("begin, end, item, listed", [
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


def test_each_report_is_a_function_of_ledger_as_of_and_window():
    led = parse(TWO_ROLES)
    rep = R.roles(led, D("2020-03-01"), R.Window(D("2016-01-01"), None))
    assert isinstance(rep, R.Report) and rep.name == "roles"
    assert rep.window == R.Window(D("2016-01-01"), None)
    assert rep == R.build("roles", led, D("2020-03-01"), R.Window(D("2016-01-01"), None))
