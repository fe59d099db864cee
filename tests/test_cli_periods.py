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
