"""The reports skills, landing, feedback, home and review, as data, on small
inline ledgers (as tests/test_reports.py does for the first five reports).

Assertions look at the Report structure, not at formatted text, except where
a test is about rendering (the sparkline, the review's markdown). Expected
values are worked out by hand in the comments; month lengths as in
test_metrics.py.
"""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from careerledger import reports as R
from careerledger.cli import main
from careerledger.render_report import render, sparkline

from conftest import parse

D = date.fromisoformat


def report(name, ledger_text, as_of, window=R.ALL, **params):
    led = parse(ledger_text)
    assert led.problems == (), [(p.code, p.message) for p in led.problems]
    return R.build(name, led, D(as_of), window, **params)


def section(rep, key):
    [s] = [s for s in rep.sections if s.key == key]
    return s


def facts(rep, key):
    return {f.key: f.value for f in section(rep, key).facts}


def rows(rep, key):
    s = section(rep, key)
    return [dict(zip((c.key for c in s.columns), row)) for row in s.rows]


def days(value):
    return (value.start, value.end, value.days) if value is not None else None


def test_the_new_reports_are_registered_with_their_options_and_formats():
    for name in ("skills", "landing", "feedback", "home", "review"):
        assert name in R.REPORTS
    assert R.REPORTS["landing"].options == ("role", "all_roles")
    assert all(spec.options == () for name, spec in R.REPORTS.items() if name != "landing")
    assert R.REPORTS["review"].format == "markdown"
    assert all(spec.format == "text" for name, spec in R.REPORTS.items() if name != "review")


# --- skills --------------------------------------------------------------------------------

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
        "lower": ("hiring (proficient)",), "missing": ("ops",), "not_needed": ("writing",),
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
    assert rows(rep, "skills") == [] and rows(rep, "stale") == [] and rows(rep, "progression") == []
    assert facts(rep, "north_star")["vision"] is None
    out = render(rep, "text")
    assert "no skill entry" in out and "none: write a north-star entry" in out


# --- landing ----------------------------------------------------------------------------------

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
    assert section(rep, "roles").covers[-1] == R.Cover("listed", D("2024-02-01"), D("2024-04-20"))


def test_landing_with_no_current_role_and_unknown_roles():
    ledger = LANDING + '    2024-05-01 leave "Head of Product"\n' + """
    2024-05-02 role "Adviser" at "Charity"
      track: core
      phase: learning
      side: yes
    """
    rep = report("landing", ledger, "2024-06-01")
    assert rows(rep, "roles") == [] and rows(rep, "phases") == []
    assert "no current main role" in section(rep, "roles").empty
    with pytest.raises(R.ReportError, match="no main role titled 'Head of Prodcut': did you mean 'Head of Product'"):
        report("landing", ledger, "2024-06-01", role="Head of Prodcut")
    with pytest.raises(R.ReportError, match="'Adviser' is a side role: side roles have no landing"):
        report("landing", ledger, "2024-06-01", role="Adviser")
    with pytest.raises(R.ReportError, match="the ledger has no main role"):
        report("landing", '2020-01-01 note "x"\n', "2024-06-01", role="PM")


# --- feedback ---------------------------------------------------------------------------------

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
    assert "no from:" in render(rep, "text")  # the source of feedback without from:


def test_feedback_window_restricts_years_and_lists_not_totals():
    rep = report("feedback", FEEDBACK, "2024-03-01", R.Window(D("2024-01-01"), None))
    assert [r["year"] for r in rows(rep, "by_year")] == ["2024"]
    assert rows(rep, "actions") == [] and rows(rep, "unactioned") == []
    assert facts(rep, "totals")["received"] == 4


def test_feedback_report_with_no_feedback():
    rep = report("feedback", '2020-01-01 note "x"\n', "2024-01-01")
    t = facts(rep, "totals")
    assert (t["received"], t["actionable"], t["actioned_share"]) == (0, 0, None)
    assert all(rows(rep, k) == [] for k in ("by_source", "by_year", "actions", "unactioned"))
    out = render(rep, "text")
    assert "— (no constructive or critical feedback)" in out and "no feedback records an action" in out


# --- home ----------------------------------------------------------------------------------

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
    assert t["slope"] == pytest.approx(0.9) and t["change"] == pytest.approx(2.7)
    last = facts(rep, "last")
    # 2024-11-30 + 3m = 2025-02-28 (clamped); from 2025-01-15: 16 + 28 = 44 days
    assert (last["last"], last["score"], last["next_due"], last["stale"]) == (
        D("2024-11-30"), 5, D("2025-02-28"), False)
    assert days(last["due_in"]) == (D("2025-01-15"), D("2025-02-28"), 44) and last["overdue_by"] is None
    assert [(r["date"], r["score"], r["note"]) for r in rows(rep, "checkins")][1] == (D("2024-04-30"), 2, "Crunch")

    out = render(rep, "text")
    assert "\n  scores     ▃▂▅▅█\n" in out  # every check-in, 3 2 4 4 5
    assert "\n  scores                     ▂▅▅█\n" in out  # the last four
    assert sparkline((1, 2, 3, 4, 5)) == "▁▂▃▅█"
    doc = json.loads(render(rep, "json"))
    [history] = [s for s in doc["sections"] if s["key"] == "history"]
    assert history["facts"]["scores"] == [3, 2, 4, 4, 5]
    assert {"key": "scores", "label": "scores", "type": "scores"} in history["fields"]
    assert "scores,3; 2; 4; 4; 5" in render(rep, "csv")


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
    assert facts(rep, "history")["scores"] == () and facts(rep, "trend")["trend"] is None
    assert facts(rep, "last")["stale"] is False and rows(rep, "checkins") == []
    out = render(rep, "text")
    assert "— (fewer than two check-ins)" in out and "no home check-in" in out
    assert json.loads(render(rep, "json"))["sections"][0]["facts"]["scores"] == []


# --- review ----------------------------------------------------------------------------------

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
    assert R.last_month(D("2024-03-01")) == R.Window(D("2024-02-01"), D("2024-03-01"))
    assert R.last_month(D("2024-01-31")) == R.Window(D("2023-12-01"), D("2024-01-01"))


def test_review_packet_sections_and_headline():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2024-04-01"), D("2024-05-01")))
    assert [s.key for s in rep.sections] == [
        "period", "headline", "wins", "updates", "contracts", "skills", "bets_opened", "bets_closed", "feedback"]
    assert facts(rep, "period") == {"period": "2024-04", "first_day": D("2024-04-01"), "last_day": D("2024-04-30"),
                                    "previous": "2024-03", "figures_on": D("2024-04-30")}
    head = section(rep, "headline")
    assert [c.label for c in head.columns] == ["metric", "2024-04", "2024-03", "change"]
    assert head.covers == (R.Cover("period", D("2024-04-01"), D("2024-05-01")),
                           R.Cover("previous period", D("2024-03-01"), D("2024-04-01")))
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    assert got == {
        "updates published": (1, 1, 0),
        "contract periods kept": (1, 1, 0),  # 2024-04 and 2024-03 each had an update
        "contract periods missed": (0, 0, 0),
        "wins": (1, 0, 1),
        "skill entries": (1, 0, 1),
        "bets opened": (0, 0, 0),
        "bets closed": (1, 0, 1),
        "feedback received": (1, 0, 1),
        "constructive or critical feedback": (1, 0, 1),
        "… with an action": (0, 0, 0),
        # Alpha 2024-02-20: to 04-30 10 + 31 + 29 = 70 days, to 03-31 10 + 30 = 40
        "days since the last big swing, at the end": (70, 40, 30),
        "north-star needs mastered, at the end": (1, 0, 1),
    }
    assert rows(rep, "wins") == [{"date": D("2024-04-10"), "win": "Faster checkout",
                                  "impact": "20% less time to pay"}]
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


def test_review_markdown_is_ready_to_paste():
    rep = report("review", REVIEW, "2024-05-15")
    md = render(rep, "markdown")
    assert md.startswith("# Review packet: Ada, as of 2024-05-15\n")
    assert "\n*period:" not in md  # the period is in the heading, not repeated by every section
    assert "*previous period: 2024-03-01 → 2024-04-01*" in md
    assert "Faster checkout" in md and "20% less time to pay" in md


def test_review_of_a_period_with_nothing_in_it():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2022-06-01"), D("2022-07-01")))
    for key in ("wins", "updates", "skills", "bets_opened", "bets_closed", "feedback"):
        assert rows(rep, key) == [] and section(rep, key).empty == "nothing in 2022-06"
    assert section(rep, "contracts").empty == "no contract period ends in 2022-06"
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in rows(rep, "headline")}
    assert got["updates published"] == (0, 0, 0)
    # no big swing before 2024-02-20: no figure, no change
    assert got["days since the last big swing, at the end"] == (None, None, None)
    assert "nothing in 2022-06" in render(rep, "text")


def test_review_with_begin_only_runs_through_as_of():
    rep = report("review", REVIEW, "2024-05-15", R.Window(D("2024-05-01"), None))
    # [2024-05-01, 2024-05-16): 15 days; the 15 days before: [2024-04-16, 2024-05-01)
    assert facts(rep, "period")["period"] == "2024-05-01 to 2024-05-15"
    assert facts(rep, "period")["previous"] == "2024-04-16 to 2024-04-30"


@pytest.mark.parametrize("begin, end, label", [
    ("2026-09-01", "2026-10-01", "2026-09"),
    ("2026-07-01", "2026-10-01", "2026-Q3"),
    ("2026-09-07", "2026-09-14", "2026-W37"),
    ("2026-01-01", "2027-01-01", "2026"),
    ("2026-09-03", "2026-09-21", "2026-09-03 to 2026-09-20"),
    ("2026-09-03", "2026-09-04", "2026-09-03"),
])
def test_span_labels(begin, end, label):
    assert R.span_label(D(begin), D(end)) == label


# --- the command line: --role, --all, default formats ----------------------------------------


def run(*args):
    return CliRunner().invoke(main, ["report", *map(str, args)])


def test_role_and_all_are_for_landing_only(ledger_file):
    path = ledger_file(LANDING)
    for args, message in [
        (("skills", path, "--all"), "--all is for the landing report only, not skills"),
        (("summary", path, "--role", "PM"), "--role is for the landing report only, not summary"),
        (("landing", path, "--role", "PM", "--all"), "use --role TITLE or --all, not both"),
        (("landing", path, "--role", "Nobody"), "Invalid value for '--role': no main role titled 'Nobody'"),
    ]:
        result = run(*args, "--as-of", "2024-04-20")
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr
        assert "Traceback" not in result.output


def test_landing_role_and_all_on_the_command_line(ledger_file):
    path = ledger_file(LANDING)
    doc = json.loads(run("landing", path, "--role", "PM", "--as-of", "2024-04-20", "--format", "json").stdout)
    [roles] = [s for s in doc["sections"] if s["key"] == "roles"]
    assert [r["role"] for r in roles["rows"]] == ["PM"]
    out = run("landing", path, "--all", "--as-of", "2024-04-20").stdout
    assert out.startswith("Landing (30/60/90)") and "PM" in out and "Head of Product" in out


def test_each_report_has_its_default_format_and_format_wins(ledger_file):
    path = ledger_file(REVIEW)
    assert run("review", path, "--as-of", "2024-05-15").stdout.startswith("# Review packet: Ada")
    assert run("review", path, "--as-of", "2024-05-15", "--format", "text").stdout.startswith("Review packet: Ada")
    assert run("home", path, "--as-of", "2024-05-15").stdout.startswith("Home: Ada")
    assert run("home", path, "--as-of", "2024-05-15", "--format", "markdown").stdout.startswith("# Home: Ada")


def test_help_names_role_all_and_the_review_default():
    out = " ".join(run("--help").stdout.split())
    assert "--role TITLE" in out and "--all" in out and "landing only" in out
    assert "markdown for review" in out
    assert "last whole month" in out
