"""Report periods and as-of on the command line, as hledger users write them.

`-p A..B` lists from the first day of A up to the first day of B, excluded,
as `-b A -e B` does; hledger's spellings (`from A to B`, `this month`,
`2025q2`, `q2`...) give the same windows as ours; `--today` is `--as-of`
under hledger's name, and both take today, yesterday and tomorrow; and every
bad value is a one-line usage error naming its option (exit 2). The periods
themselves are computed by hand in test_dates.py.
"""

import json
from datetime import date, timedelta

import pytest
from conftest import JANE, ROOT, ok, run

AS_OF = "2026-11-21"
EVALUATE = ROOT / "examples" / "evaluating-a-role-change.career"


def report(*args):
    return run("report", *args)


def cadence_json(*window):
    return json.loads(ok(report("cadence", JANE, "--as-of", AS_OF, "--format", "json", *window)))


# --- A..B excludes B -------------------------------------------------------------------------


def test_a_range_stops_before_its_end():
    doc = cadence_json("-p", "2025..2026")
    assert doc["listed"] == {"begin": "2025-01-01", "end": "2026-01-01"}
    sections = {s["key"]: s for s in doc["sections"]}
    # nothing from 2026: the months are 2025's twelve, and no contract period starts in 2026
    assert [row["month"] for row in sections["months"]["rows"]] == [f"2025-{m:02d}" for m in range(1, 13)]
    assert sections["periods"]["rows"]
    assert all(row["from"] < "2026-01-01" for row in sections["periods"]["rows"])


def test_a_range_is_what_begin_and_end_list():
    text = ok(report("cadence", JANE, "--as-of", AS_OF, "-p", "2025..2026"))
    assert "listed: 2025-01-01 → 2026-01-01" in text
    assert not any(line.startswith("  2026-") for line in text.splitlines())  # no month of 2026
    for window in (("-b", "2025", "-e", "2026"), ("-p", "2025"), ("-p", "from 2025 to 2026"), ("-p", "in 2025")):
        assert ok(report("cadence", JANE, "--as-of", AS_OF, *window)) == text, window


@pytest.mark.parametrize(("ours", "hledgers"), [
    ("2025-Q2", "2025q2"),
    ("2025-Q2", "2025Q2"),
    ("2026-Q2", "q2"),  # the quarter of as-of's year
    ("2026-11", "this month"),
    ("2026-11", "thismonth"),
    ("2026-10", "Last Month"),
    ("2026-Q3", "lastquarter"),
    ("2027", "next year"),
    ("2026-04", "apr"),
    ("2026-04", "2026/04"),
    ("2025-01..2025-07", "from 2025-01 to 2025-07"),
    ("2025..", "since 2025"),
    ("2025..", "from 2025"),
    ("..2026", "until 2026"),
    ("..2026", "to 2026"),
    ("2026-11-21", "today"),
])
def test_hledger_spellings_give_the_same_report(ours, hledgers):
    assert cadence_json("-p", hledgers) == cadence_json("-p", ours)


def test_begin_and_end_take_hledger_spellings_too():
    assert cadence_json("-b", "last year", "-e", "this year") == cadence_json("-p", "2025")
    assert cadence_json("-b", "2025q2") == cadence_json("-p", "2025-04..")


# --- --today and the words of --as-of --------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("report", "summary", JANE),
    ("report", "cadence", JANE, "-p", "last-month"),
    ("check", "--format", "json", JANE),
    ("evaluate", "New thing", EVALUATE, "--track", "innovation"),
])
def test_today_is_as_of(args):
    as_of = ok(run(*args, "--as-of", "2025-06-30"))
    assert ok(run(*args, "--today", "2025-06-30")) == as_of
    assert "2025-06-30" in as_of or args[0] == "check"


@pytest.mark.parametrize(("word", "days"), [("yesterday", -1), ("today", 0), ("Tomorrow", 1), (" TODAY ", 0)])
@pytest.mark.parametrize("option", ["--as-of", "--today"])
def test_as_of_takes_today_yesterday_and_tomorrow(word, days, option):
    before = date.today()
    doc = json.loads(ok(report("summary", JANE, option, word, "--format", "json")))
    after = date.today()
    assert doc["as_of"] in {(day + timedelta(days=days)).isoformat() for day in (before, after)}


def test_as_of_yesterday_for_check_and_evaluate():
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert ok(run("check", "--as-of", "yesterday", "--format", "json", JANE)) == \
        ok(run("check", "--as-of", yesterday, "--format", "json", JANE))
    doc = json.loads(ok(run("evaluate", "X", EVALUATE, "--track", "core", "--today", "yesterday", "--format", "json")))
    assert doc["as_of"] == yesterday


def test_help_names_today_and_the_forms():
    for command in ("check", "report", "evaluate"):
        assert "--as-of, --today DATE" in ok(run(command, "--help"))
    text = " ".join(ok(run("report", "--help")).split())
    assert "2025..2026 is 2025" in text
    assert "this month" in text
    assert "yesterday or tomorrow" in text


# --- bad values: one line, naming the option, exit 2 ---------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (("report", "cadence", JANE, "-p", "2025..2025"),
     "Error: Invalid value for '-p' / '--period': period '2025..2025' is empty: it ends where it begins, on "
     "2025-01-01 (the end is excluded)"),
    (("report", "cadence", JANE, "-p", "2026..2025"),
     "Error: Invalid value for '-p' / '--period': period '2026..2025' ends before it begins: 2025-01-01 is before "
     "2026-01-01"),
    (("report", "cadence", JANE, "-p", "a..b..c"),
     "Error: Invalid value for '-p' / '--period': period 'a..b..c' has more than one end: write one range, A..B"),
    (("report", "cadence", JANE, "-p", "someday"),
     "Error: Invalid value for '-p' / '--period': 'someday' is not a period; use 2025, 2025-Q2, q2, 2025-04, apr, "
     "2025-W14, 2025-04-15, today, yesterday, tomorrow, this/last/next week (month, quarter, year), A..B "
     "(B excluded), from A, to B"),
    (("report", "cadence", JANE, "-b", "from 2025"),
     "Error: Invalid value for '-b' / '--begin': 'from 2025' is a range; give one date or period"),
    (("report", "cadence", JANE, "-e", "to 2026"),
     "Error: Invalid value for '-e' / '--end': 'to 2026' is a range; give one date or period"),
    (("report", "cadence", JANE, "--today", "nope"),
     "Error: Invalid value for '--as-of' / '--today': 'nope' is not a date; use YYYY-MM-DD (a real day), "
     "YYYY-MM, today, yesterday or tomorrow"),
    (("check", JANE, "--as-of", "last week"),
     "Error: Invalid value for '--as-of' / '--today': 'last week' is not a date; use YYYY-MM-DD (a real day), "
     "YYYY-MM, today, yesterday or tomorrow"),
    (("evaluate", "X", EVALUATE, "--track", "core", "--today", "2025-02-30"),
     "Error: Invalid value for '--as-of' / '--today': '2025-02-30' is not a date; use YYYY-MM-DD (a real day), "
     "YYYY-MM, today, yesterday or tomorrow"),
])
def test_bad_values_are_one_line_naming_the_option(args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == message
    assert result.stderr.count("Error:") == 1


@pytest.mark.parametrize(("option", "value"), [
    ("-p", "9" * 1_000_000), ("-p", "2025.." * 200_000), ("-b", "from " * 200_000), ("--as-of", "x" * 1_000_000),
    ("--today", " " * 1_000_000),
])
def test_a_megabyte_value_is_a_short_usage_error(option, value):
    result = report("cadence", JANE, option, value)
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: Invalid value for ")
    assert len(last) < 400  # the value is quoted cut short, with …


# --- inside a window, a section counts inside it, and says so ----------------------------------------
#
# A section covering `listed` counts only inside the window: the dated entries in it, the contract
# periods whose last day is in it (docs/json.md, "What listed restricts"). Sections that cover the
# career, trailing years or the state on as-of say so and are not restricted. Counted by hand below.

WEEKLY = """
    2025-02-10 explained #pricing
    2025-03-03 contract "Weekly note"
      every: week
    2025-03-05 update "w10"
    2025-03-10 explained #pricing
    2025-03-12 update "w11"
    2025-03-26 update "w13"
    2025-04-02 update "w14"
    2025-04-09 update "w15"
    2025-04-10 explained #pricing
    2025-04-23 update "w17"
"""


def sections_of(path, name, *args, as_of):
    doc = json.loads(ok(report(name, path, "--as-of", as_of, "--format", "json", *args)))
    return {s["key"]: s for s in doc["sections"]}


def labels(section):
    return [(c["label"], c["start"], c["end"]) for c in section["covers"]]


def test_cadence_counts_the_periods_that_end_in_the_window(ledger_file):
    path = ledger_file(WEEKLY)
    # April 2025: the weeks whose Sunday is in April are W14 (Mar 31 to Apr 6), W15, W16 and W17
    # (Apr 21 to 27); W18 (Apr 28 to May 4) ends in May. Updates: W14 Apr 2, W15 Apr 9, W16 none,
    # W17 Apr 23: 3 kept, 1 missed, the run back from W17 is 1, the last missed W16.
    april = sections_of(path, "cadence", "-p", "2025-04", as_of="2025-07-15")
    assert [(p["period"], p["updates"], p["kept"]) for p in april["periods"]["rows"]] == [
        ("2025-W14", 1, True), ("2025-W15", 1, True), ("2025-W16", 0, False), ("2025-W17", 1, True)]
    [c] = april["contracts"]["rows"]
    assert (c["kept"], c["missed"], c["current_run"], c["last_missed"], c["live"]) == (3, 1, 1, "2025-W16", True)
    listed = ("listed", "2025-04-01", "2025-05-01")
    assert labels(april["contracts"]) == labels(april["periods"]) == [("as of", None, "2025-07-15"), listed]
    # March: W10 (Mar 5), W11 (Mar 12), W12 none, W13 (Mar 26); W14 ends in April, so it is April's only
    march = sections_of(path, "cadence", "-p", "2025-03", as_of="2025-07-15")
    assert [p["period"] for p in march["periods"]["rows"]] == ["2025-W10", "2025-W11", "2025-W12", "2025-W13"]
    [c] = march["contracts"]["rows"]
    assert (c["kept"], c["missed"], c["current_run"], c["last_missed"]) == (3, 1, 1, "2025-W12")
    # the whole contract: W10 to W28 (as-of's week, W29, is not over): 19 weeks, 6 kept
    [whole] = sections_of(path, "cadence", as_of="2025-07-15")["contracts"]["rows"]
    assert (whole["kept"], whole["missed"], whole["current_run"], whole["last_missed"]) == (6, 13, 0, "2025-W28")
    # the explanations of #pricing in the window, never written up: one in April, three in all
    assert [(u["topic"], u["times"], u["explained_on"]) for u in april["unwritten"]["rows"]] == [
        ("pricing", 1, ["2025-04-10"])]


def test_cadence_months_count_the_updates_inside_the_window(ledger_file):
    path = ledger_file(WEEKLY)
    found = sections_of(path, "cadence", "-b", "2025-04-09", "-e", "2025-05-01", as_of="2025-07-15")
    # April overlaps the window; of its updates (Apr 2, 9, 23) the window holds Apr 9 and 23
    assert found["months"]["rows"] == [{"month": "2025-04", "updates": 2}]
    assert labels(found["months"]) == [("listed", "2025-04-09", "2025-05-01")]
    # the rate is the trailing 12 months, whatever the window: 2024-07 to 2025-06, 6 updates
    assert found["updates"]["facts"] == {"total": 6, "per_month": 0.5}
    assert labels(found["updates"]) == [("trailing 12 months", "2024-07-01", "2025-07-01")]


def test_summary_counts_a_live_contract_inside_the_window(ledger_file):
    found = sections_of(ledger_file(WEEKLY), "summary", "-p", "2025-04", as_of="2025-07-15")
    [c] = found["contracts"]["rows"]
    assert (c["latest"], c["latest_kept"], c["current_run"], c["last_missed"]) == ("2025-W17", True, 1, "2025-W16")
    assert labels(found["contracts"]) == [("as of", None, "2025-07-15"), ("listed", "2025-04-01", "2025-05-01")]


FEEDBACK = """
    2025-05-10 feedback "Clear roadmap"
      from: "Boss"
      tone: positive
    2025-08-12 feedback "Too many slides"
      from: "Boss"
      tone: constructive
      action: "One page"
    2025-09-01 feedback "Late with the numbers"
      from: "Peer"
      tone: critical
    2025-10-05 feedback "Good offsite"
      from: "Peer"
      tone: positive
"""


def test_feedback_counts_inside_the_window_in_every_section(ledger_file):
    # as of 2025-11-20 the last quarter is 2025-Q3: it holds Aug 12 (Boss, constructive, actioned)
    # and Sep 1 (Peer, critical): 2 received, 2 actionable, 1 actioned
    found = sections_of(ledger_file(FEEDBACK), "feedback", "-p", "last-quarter", as_of="2025-11-20")
    assert found["totals"]["facts"] == {
        "received": 2, "positive": 0, "constructive": 1, "critical": 1, "untoned": 0,
        "actionable": 2, "actioned": 1, "actioned_share": 0.5}
    assert [(r["source"], r["received"], r["actioned"]) for r in found["by_source"]["rows"]] == [
        ("Boss", 1, 1), ("Peer", 1, 0)]
    assert [(r["year"], r["received"]) for r in found["by_year"]["rows"]] == [("2025", 2)]
    assert [r["feedback"] for r in found["actions"]["rows"]] == ["Too many slides"]
    assert [r["feedback"] for r in found["unactioned"]["rows"]] == ["Late with the numbers"]
    for s in found.values():
        assert labels(s) == [("as of", None, "2025-11-20"), ("listed", "2025-07-01", "2025-10-01")], s["key"]
    # with no window: everything up to as-of, 4 received, and no listed cover
    whole = sections_of(ledger_file(FEEDBACK), "feedback", as_of="2025-11-20")
    assert whole["totals"]["facts"]["received"] == 4
    assert [(r["year"], r["received"]) for r in whole["by_year"]["rows"]] == [("2025", 4)]
    assert all(labels(s) == [("as of", None, "2025-11-20")] for s in whole.values())


ROLES = """
    2015-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2017-03-01 role "PM" at "Acme"
      track: core
      phase: impact
    2019-06-01 role "Director" at "Acme"
      track: core
      phase: impact
"""


@pytest.mark.parametrize(("window", "titles", "roles", "promotions"), [
    ((), ["Analyst", "PM", "Director"], 3, 2),
    (("-p", "2018"), ["PM"], 1, 0),  # PM was held all of 2018; its promotion was in 2017
    (("-p", "2019"), ["PM", "Director"], 2, 1),  # the promotion to Director, 2019-06-01
    (("-b", "2017-03-01", "-e", "2017-03-02"), ["PM"], 1, 1),  # the promotion's own day
])
def test_roles_count_the_roles_listed_and_the_promotions_in_the_window(ledger_file, window, titles, roles,
                                                                      promotions):
    found = sections_of(ledger_file(ROLES), "roles", *window, as_of="2020-03-01")
    assert [r["title"] for r in found["roles"]["rows"]] == titles
    [acme] = found["organisations"]["rows"]
    assert (acme["roles"], acme["promotions"], acme["from"], acme["tenure"]) == (roles, promotions, "2015-03-01", 1827)
    assert [c[0] for c in labels(found["organisations"])] == ["listed" if window else "career"]


def test_landing_of_every_role_counts_the_conversations_in_the_window(ledger_file):
    path = ledger_file("""
        2023-01-01 role "PM" at "Acme"
          track: core
          phase: impact
        2024-01-15 role "Head of Product" at "Globex"
          track: core
          phase: learning
        2024-01-16 listen "CEO"
        2024-02-13 listen "CTO"
        2024-02-14 listen "CFO"
    """)
    # day 1 is Jan 15, day 30 Feb 13: the tour holds Jan 16 and Feb 13; February holds Feb 13
    found = sections_of(path, "landing", "--all", "-p", "2024-02", as_of="2024-04-20")
    assert [(r["role"], r["listens"]) for r in found["roles"]["rows"]] == [("Head of Product", 1)]
    assert [(r["date"], r["day"]) for r in found["listens"]["rows"]] == [("2024-02-13", 30)]
    assert labels(found["listens"])[-1] == ("listed", "2024-02-01", "2024-03-01")
    whole = sections_of(path, "landing", "--all", as_of="2024-04-20")
    assert [(r["role"], r["listens"]) for r in whole["roles"]["rows"]] == [("PM", 0), ("Head of Product", 2)]


# The sections of each report that are restricted by a window; every other one covers the career,
# trailing years or the state on as-of, and says so (never `listed`).
LISTED = {
    "summary": {"contracts", "open_bets"},
    "swings": {"swings", "bets", "innovation_roles"},
    "phases": {"runs"},
    "cadence": {"contracts", "periods", "months", "unwritten"},
    "roles": {"organisations", "roles"},
    "northstar": {"history", "built_by"},
    "skills": {"progression"},
    "landing": {"roles", "phases", "listens"},
    "feedback": {"totals", "by_source", "by_year", "actions", "unactioned"},
    "home": {"history", "checkins"},
}


@pytest.mark.parametrize("name", list(LISTED))
def test_with_a_window_each_section_says_whether_it_counts_inside_it(name):
    extra = ("--all",) if name == "landing" else ()
    found = sections_of(JANE, name, "-p", "2025", *extra, as_of=AS_OF)
    listed = {key for key, s in found.items() if any(c["label"] == "listed" for c in s["covers"])}
    assert listed == LISTED[name]
    for key, s in found.items():
        assert s["covers"], key
        if key not in listed:  # career-wide or as of: the same figures as with no window
            assert s == sections_of(JANE, name, *extra, as_of=AS_OF)[key], key
