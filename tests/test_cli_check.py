"""`careerledger check`: errors and career warnings, for people, editors and CI.

These tests look at the formatted text, since the text is the product here.
First ledgers of notes (plus the faults under test), with a fixed `--as-of`,
so that no career warning adds output: the located messages, the caret, the
formats, several files and usage errors. Then the warnings, on the issue's
"autopilot" and "healthy" ledgers: selection, suppression, exit status,
output formats, --list-checks and --root (an included file checked within its
root, as a pre-commit hook runs it). Finally what `check` imports: never the
reports.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import D, run

from careerledger.checks import pitfalls
from careerledger.core.problems import WARNING_BY_KEY, WARNINGS, enabled_checks
from careerledger.loader import load_string

NOTES_AS_OF = "2025-01-01"
GOOD = """
    ; a ledger with nothing to say
    2024-01-01 note "started" #start
    2024-02-01 note "promoted"
"""
# two errors: a bad date in metadata (a tab before it) and an unknown keyword
BAD = '2024-01-01 note "a"\n\tx-when: 2024-02-30\n2024-01-02 nope "b"\n'


def check(*args):
    return run("check", "--as-of", NOTES_AS_OF, *args)


def blocks(output):
    """The problem blocks of text output, split on the blank line after each."""
    return [b.split("\n") for b in output.strip("\n").split("\n\n")]


def test_good_file_exit_0_and_no_output(ledger_file):
    result = check(ledger_file(GOOD))
    assert result.exit_code == 0
    assert result.output == ""


def test_empty_file_is_good(ledger_file):
    result = check(ledger_file(""))
    assert (result.exit_code, result.output) == (0, "")


def test_bad_file_exit_1_with_located_messages(ledger_file):
    path = ledger_file(BAD, "bad.career")
    result = check(path)
    assert result.exit_code == 1
    first, second, count = blocks(result.output)
    assert first[0] == f"{path}:2:10: E103 2024-02-30 is not a date on the calendar"
    assert first[1] == " 2 | \tx-when: 2024-02-30"
    assert first[3].startswith("  hint: dates are YYYY-MM-DD")
    assert second[0] == f"{path}:3:12: E104 unknown keyword 'nope'"
    assert second[1] == ' 3 | 2024-01-02 nope "b"'
    assert second[3] == "  hint: did you mean 'note'?"
    assert count == ["2 errors"]


def test_caret_under_the_right_column(ledger_file):
    second = blocks(check(ledger_file(BAD)).output)[1]
    source, caret = second[1], second[2]
    # the caret line has the same gutter as the source line, then one ^ per
    # character of `nope`, starting under its first letter
    assert caret == "   |            ^^^^"
    assert caret.index("^") == source.index("nope")
    assert caret.count("^") == len("nope")


def test_caret_after_a_tab_keeps_the_tab(ledger_file):
    first = blocks(check(ledger_file(BAD)).output)[0]
    source, caret = first[1], first[2]
    # the padding keeps the tab, so the caret lines up in any tab width
    assert caret == "   | \t        ^^^^^^^^^^"
    prefix = " 2 | "
    assert source[len(prefix):].expandtabs(8).index("2024-02-30") == caret[len(prefix):].expandtabs(8).index("^")


def test_gutter_widens_with_line_numbers(ledger_file):
    text = '2024-01-01 note "a"\n' + "; filler\n" * 10 + '2024-01-02 nope "b"\n'
    block = blocks(check(ledger_file(text)).output)[0]
    assert block[1] == ' 12 | 2024-01-02 nope "b"'
    assert block[2] == "    |            ^^^^"


def test_single_error_count(ledger_file):
    result = check(ledger_file('2024-01-01 home 9\n'))
    assert result.exit_code == 1
    assert result.output.rstrip("\n").split("\n")[-1] == "1 error"


def test_problem_without_hint_has_no_hint_line(ledger_file):
    block = blocks(check(ledger_file('option "phase-max" "x"\n')).output)[0]
    assert block[0].endswith("E302 option 'phase-max' takes a duration, such as \"4y\"")
    assert len(block) == 3  # message, source line, caret
    assert not any(line.startswith("  hint:") for line in block)


def test_several_files_at_once(ledger_file):
    good = ledger_file(GOOD, "good.career")
    bad1 = ledger_file('2024-01-01 nope "a"\n', "one.career")
    bad2 = ledger_file('2024-01-01 note "a"\n  tone: x\n', "two.career")
    result = check(good, bad1, bad2)
    assert result.exit_code == 1
    heads = [b[0] for b in blocks(result.output)[:-1]]
    assert [h.split(": ")[0] for h in heads] == [f"{bad1}:1:12", f"{bad2}:2:3"]
    assert blocks(result.output)[-1] == ["2 errors"]


def test_several_good_files(ledger_file):
    result = check(ledger_file(GOOD, "a.career"), ledger_file(GOOD, "b.career"))
    assert (result.exit_code, result.output) == (0, "")


def test_error_in_included_file_shows_that_file(ledger_file):
    inc = ledger_file('2024-01-01 nope "a"\n', "inc/2024.career")
    main_file = ledger_file('include "inc/2024.career"\n')
    result = check(main_file)
    assert result.exit_code == 1
    block = blocks(result.output)[0]
    assert block[0].startswith(f"{inc}:1:12: E104 ")
    assert block[1] == ' 1 | 2024-01-01 nope "a"'


def test_not_utf8_file_is_reported_not_crashed(ledger_file):
    result = check(ledger_file(b'2024-01-01 note "\xff"\n'))
    assert result.exit_code == 1
    assert ":1:18: E001 not valid UTF-8: byte 0xff at offset 17" in result.output


def test_json_format(ledger_file):
    path = ledger_file(BAD)
    result = check("--format", "json", path)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert isinstance(data, list)
    assert len(data) == 2
    keys = {"file", "line", "column", "length", "code", "name", "severity", "message", "hint"}
    assert all(set(item) == keys for item in data)
    first, second = data
    assert (first["file"], first["line"], first["column"], first["length"]) == (str(path), 2, 10, 10)
    assert (first["code"], first["name"], first["severity"]) == ("E103", "bad-date", "error")
    assert (second["code"], second["name"], second["line"], second["column"]) == ("E104", "unknown-keyword", 3, 12)
    assert second["hint"] == "did you mean 'note'?"


def test_json_for_a_good_file_is_an_empty_list(ledger_file):
    result = check("--format", "json", ledger_file(GOOD))
    assert result.exit_code == 0
    assert json.loads(result.output) == []


def test_json_null_hint_and_unicode(ledger_file):
    data = json.loads(check("--format", "json", ledger_file('2024-01-01 note "é" "ü"\n')).output)
    assert [(d["code"], d["column"]) for d in data] == [("E105", 21)]
    assert "ü" in data[0]["message"]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "--bogus", "{good}"], id="unknown-flag"),
        pytest.param(["check", "{missing}"], id="nonexistent-path"),
        pytest.param(["check", "{dir}"], id="directory"),
        pytest.param(["check", "--as-of", "2024-02-30", "{good}"], id="bad-as-of-date"),
        pytest.param(["check", "--as-of", "someday", "{good}"], id="bad-as-of-word"),
        pytest.param(["check", "--format", "xml", "{good}"], id="bad-format"),
        pytest.param(["check"], id="no-file"),
    ],
)
def test_usage_errors_exit_2(args, ledger_file, tmp_path):
    good = ledger_file(GOOD)
    values = {"good": good, "missing": tmp_path / "nope.career", "dir": tmp_path}
    result = run(*[a.format(**values) for a in args])
    assert result.exit_code == 2, result.output
    # nothing is checked: the usage and the reason go to standard error
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: careerledger check [OPTIONS] [FILES]...\n")
    assert "\nError: " in result.stderr


def test_bad_as_of_message_names_the_value(ledger_file):
    result = run("check", "--as-of", "2024-02-30", ledger_file(GOOD))
    assert "2024-02-30" in result.output
    assert "--as-of" in result.output


def test_as_of_accepts_a_partial_date(ledger_file):
    result = run("check", "--as-of", "2025-01", ledger_file(GOOD))
    assert (result.exit_code, result.output) == (0, "")


def test_check_help():
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.output
    assert "[FILES]..." in result.output
    for option in ("--as-of", "--format"):
        assert option in result.output



def test_crlf_file_shows_lines_without_carriage_returns(ledger_file):
    path = ledger_file('2024-01-01 note "a"\r\n2024-01-02 nope "b"\r\n')
    result = check(path)
    assert result.exit_code == 1
    block = blocks(result.output)[0]
    assert block[0] == f"{path}:2:12: E104 unknown keyword 'nope'"
    assert block[1] == ' 2 | 2024-01-02 nope "b"'
    assert "\r" not in result.output


def test_bom_file_shows_lines_without_the_bom(ledger_file):
    path = ledger_file(b'\xef\xbb\xbf2024-01-02 nope "b"\n')
    block = blocks(check(path).output)[0]
    assert block[0] == f"{path}:1:12: E104 unknown keyword 'nope'"
    assert block[1] == ' 1 | 2024-01-02 nope "b"'
    assert block[2] == "   |            ^^^^"


# --- the command: the two ledgers -------------------------------------------------------------

AS_OF = "2025-06-15"

AUTOPILOT = """\
; Sam's ledger, on autopilot
option "owner" "Sam Rivera"

2015-01-05 north-star "Run product at a fintech"
  by: 2027-01-01
2015-02-02 role "Product Manager" at "Acme"
  track: core
  phase: learning
2019-04-01 role "Senior PM" at "Acme"
  track: core
  phase: impact
2020-01-06 contract "Monthly update to my VP"
  every: month
  with: "VP Product"
2020-01-20 update "January notes"
2020-02-18 update "February notes"
2020-03-02 bet "Instant payouts"
  size: big
2022-03-01 role "Group PM" at "Acme"
  track: core
  phase: impact
"""

# As of 2025-06-15:
# - drift: every role starts after the star (2015-01-05) with no why: lines 6, 9, 19;
# - swing-due: last big swing 2020-03-02, due_on 2023-03-02, established 2019-02-02;
#   1826 (to 2025-03-02) + 92 + 13 = 1931 days, at the bet (line 17);
# - phase-stuck: impact since 2019-04-01 (Senior PM, Group PM one run), limit 2023-04-01;
#   2192 (six years, two leap days) + 61 + 14 = 2267 days, at the Senior PM (line 9);
# - cadence-missed: the contract (line 12) has had no update since February 2020;
#   its latest whole month is 2025-05;
# - no landing (the Group PM is 1202 days old), star not expired (2027), no home entry.
AUTOPILOT_WARNINGS = [
    ("W201", 6, 'drift: role "Product Manager" started with no recorded reason against your north star'),
    ("W201", 9, 'drift: role "Senior PM" started with no recorded reason against your north star'),
    ("W201", 19, 'drift: role "Group PM" started with no recorded reason against your north star'),
    ("W202", 17, "swing-due: a big swing is overdue: 1931 days since your last big swing (swing-every 3y)"),
    ("W203", 9, "phase-stuck: 2267 days in the impact phase, longer than phase-max 4y"),
    ("W204", 12, 'cadence-missed: contract "Monthly update to my VP" missed its latest month, 2025-05:'
                 " 0 of 1 updates"),
    # made in the Senior PM role (2021-04-01), which the Group PM role ended on 2022-03-01
    ("W212", 12, 'contract-orphaned: contract "Monthly update to my VP" was made in role "Senior PM", which'
                 " ended on 2022-03-01; add until: or in:"),
]

HEALTHY = """\
; Alex's ledger, kept with care
option "owner" "Alex Kim"

2019-01-07 north-star "Lead a product org at a fintech"
  by: 2029-01-01
  needs: #pricing #zero-to-one
2019-02-04 role "PM, Payments" at "Acme"
  track: core
  phase: learning
  why: "payments are the heart of the north star"
2021-03-01 opportunity "Senior PM, Payouts"
  at: "Acme"
  track: core
  phase: impact
2021-03-15 decision "Senior PM, Payouts" take
  why: "owning a P&L is the next step"
2021-04-05 role "Senior PM, Payouts" at "Acme"
  track: core
  phase: impact
2022-06-01 bet "Instant payouts"
  size: big
2023-02-01 outcome "Instant payouts" success
  lesson: "ship to ten merchants first"
2024-01-08 contract "Quarterly letter to my skip-level"
  every: quarter
  in: "Senior PM, Payouts"
2024-02-12 update "Q1 letter"
2024-03-04 explained #pricing
2024-04-22 explained #pricing
2024-05-06 update "Q2 letter: how we price"
  covers: #pricing
2024-08-05 update "Q3 letter"
2024-09-02 role "Lead, New Ventures" at "Acme"
  track: innovation
  phase: learning
  why: "the zero-to-one experience the north star needs"
2024-09-02 contract "Quarterly letter to the CFO"
  every: quarter
  in: "Lead, New Ventures"
2024-09-20 listen "CFO"
2024-09-27 sotu "New Ventures: the state of the union"
2024-10-25 align "Two bets for 2025"
  with: "CFO"
2024-11-04 update "Q4 letter"
2024-11-20 win "First merchant live on instant payouts"
2025-01-15 feedback "Your letters bury the ask"
  tone: constructive
  action: "the ask now opens every letter"
2025-02-10 update "Q1 letter"
2025-05-01 home 4
"""


def write(tmp_path, text, name="career.career"):
    path = Path(tmp_path, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check_json(*args):
    result = run("check", "--as-of", AS_OF, "--format", "json", *args)
    return result, json.loads(result.stdout)


def triples(problems):
    return [(p["code"], p["line"], p["message"]) for p in problems]


def test_autopilot_ledger_gets_every_relevant_warning_at_the_right_line(tmp_path):
    result, problems = check_json(write(tmp_path, AUTOPILOT))
    assert result.exit_code == 0  # warnings alone pass
    assert triples(problems) == AUTOPILOT_WARNINGS
    for p in problems:
        assert p["severity"] == "warning"
        assert p["name"] == p["message"].split(":")[0] == WARNING_BY_KEY[p["code"]].name
        assert p["hint"] == WARNING_BY_KEY[p["code"]].advice
        assert (p["column"], p["length"]) == (1, 10)  # the entry's date


def test_healthy_ledger_gets_no_warning(tmp_path):
    path = write(tmp_path, HEALTHY)
    result, problems = check_json("--strict", path)
    assert (result.exit_code, problems) == (0, [])
    # and in text, nothing at all
    text = run("check", "--as-of", AS_OF, "--strict", path)
    assert (text.exit_code, text.output) == (0, "")


def test_healthy_ledger_as_of_its_own_past_also_passes(tmp_path):
    # replayed day by day around its landing, the healthy ledger stays quiet
    ledger = load_string(HEALTHY, "career.career")
    assert ledger.problems == ()
    for day in ("2024-09-02", "2024-10-02", "2024-11-01", "2024-12-01", "2025-03-01"):
        assert pitfalls.run(ledger, D(day), enabled_checks()) == [], day


# --- selection ----------------------------------------------------------------------------------------

AUTOPILOT_CODES = ["W201", "W201", "W201", "W202", "W203", "W204", "W212"]


def codes_of(result):
    return [p["code"] for p in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "drift"], ["W201", "W201", "W201"]),
        (["--select", "W203"], ["W203"]),
        (["--select", "w203"], ["W203"]),
        (["--select", "swing-due,W203"], ["W202", "W203"]),
        (["--select", "drift", "--select", "cadence-missed"], ["W201", "W201", "W201", "W204"]),
        (["--select", " swing-due , phase-stuck "], ["W202", "W203"]),
        (["--ignore", "drift"], ["W202", "W203", "W204", "W212"]),
        (["--ignore", "W201,swing-due", "--ignore", "W204"], ["W203", "W212"]),
        (["--ignore", "W201,swing-due", "--ignore", "W204", "--ignore", "contract-orphaned"], ["W203"]),
        (["--select", "drift,swing-due", "--ignore", "W201"], ["W202"]),
        (["--select", "home-stale"], []),
    ],
)
def test_select_and_ignore_by_name_and_code(tmp_path, args, expected):
    result = run("check", "--as-of", AS_OF, "--format", "json", *args, write(tmp_path, AUTOPILOT))
    assert result.exit_code == 0
    assert codes_of(result) == expected


@pytest.mark.parametrize(
    ("args", "unknown", "hint"),
    [
        (["--select", "drfit"], "drfit", "did you mean 'drift'?"),
        (["--ignore", "drift,swing-dew"], "swing-dew", "did you mean 'swing-due'?"),
        (["--ignore", "W299"], "W299", "expected one of: bet-in-unknown-role, cadence-missed, contract-orphaned, drift,"),
    ],
)
def test_unknown_check_name_is_a_usage_error(tmp_path, args, unknown, hint):
    result = run("check", "--as-of", AS_OF, *args, write(tmp_path, AUTOPILOT))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"unknown check '{unknown}'" in result.stderr
    assert hint in result.stderr


def test_check_ignore_option_and_select_overrides_it(tmp_path):
    text = AUTOPILOT.replace('option "owner" "Sam Rivera"', 'option "check-ignore" "drift,W202"')
    path = write(tmp_path, text)
    assert codes_of(run("check", "--as-of", AS_OF, "--format", "json", path)) == ["W203", "W204", "W212"]
    # --select names exactly what runs, whatever the ledger ignores
    selected = run("check", "--as-of", AS_OF, "--format", "json", "--select", "drift,phase-stuck", path)
    assert codes_of(selected) == ["W201", "W201", "W201", "W203"]
    # --ignore adds to the ledger's list
    more = run("check", "--as-of", AS_OF, "--format", "json", "--ignore", "cadence-missed,W212", path)
    assert codes_of(more) == ["W203"]


def test_check_ignore_option_with_an_unknown_name_is_an_error(tmp_path):
    text = 'option "check-ignore" "drift,home-stail"\n'
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 1
    [p] = problems
    assert (p["code"], p["line"], p["severity"]) == ("E302", 1, "error")
    assert "unknown check 'home-stail'" in p["message"]


def test_suppression_comment_silences_only_that_entry_and_that_check(tmp_path):
    text = AUTOPILOT.replace(
        '2019-04-01 role "Senior PM" at "Acme"', '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore drift'
    )
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 0
    # line 9's drift is gone; its phase-stuck stays, and the other roles still drift
    assert [(p["code"], p["line"]) for p in problems] == [
        ("W201", 6), ("W201", 19), ("W202", 17), ("W203", 9), ("W204", 12), ("W212", 12),
    ]


def test_suppression_comment_by_code_and_several_names(tmp_path):
    text = AUTOPILOT.replace(
        '2019-04-01 role "Senior PM" at "Acme"',
        '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore W201, phase-stuck',
    )
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 0
    assert [(p["code"], p["line"]) for p in problems] == [
        ("W201", 6), ("W201", 19), ("W202", 17), ("W204", 12), ("W212", 12),
    ]


def test_suppression_comment_on_a_metadata_line_does_nothing(tmp_path):
    # the comment belongs on the entry's first line, the line the warning points at
    text = AUTOPILOT.replace("  phase: impact\n2020-01-06", "  phase: impact ; careerledger: ignore drift\n2020-01-06")
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 0
    assert triples(problems) == AUTOPILOT_WARNINGS


def test_suppression_comment_with_an_unknown_name_is_e306_at_the_comment(tmp_path):
    head = '2019-04-01 role "Senior PM" at "Acme" ; careerledger: ignore drfit'
    text = AUTOPILOT.replace('2019-04-01 role "Senior PM" at "Acme"', head)
    result, problems = check_json(write(tmp_path, text))
    assert result.exit_code == 1
    error = problems[0]
    assert (error["code"], error["name"], error["severity"]) == ("E306", "unknown-check", "error")
    assert (error["line"], error["column"], error["length"]) == (9, head.index("drfit") + 1, len("drfit"))
    assert error["message"] == "unknown check 'drfit': did you mean 'drift'?"
    # and the warnings still come, drift included (nothing was suppressed)
    assert triples(problems[1:]) == AUTOPILOT_WARNINGS


# --- exit status and output -------------------------------------------------------------------------------


def test_warnings_alone_exit_0_strict_exit_1(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    assert run("check", "--as-of", AS_OF, path).exit_code == 0
    assert run("check", "--as-of", AS_OF, "--strict", path).exit_code == 1
    # --strict with every warning ignored passes
    ignored = run("check", "--as-of", AS_OF, "--strict", "--ignore", "drift,W202,W203,W204,W212", path)
    assert (ignored.exit_code, ignored.output) == (0, "")


def test_quiet_prints_nothing_but_keeps_the_exit_status(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    for args, status in ((["--strict"], 1), ([], 0), (["--format", "json", "--strict"], 1),
                         (["--format", "github"], 0)):
        result = run("check", "--as-of", AS_OF, "--quiet", *args, path)
        assert (result.exit_code, result.output) == (status, ""), args
    broken = write(tmp_path, AUTOPILOT + "2025-01-01 rol \"x\"\n", "broken.career")
    result = run("check", "--as-of", AS_OF, "-q", broken)
    assert (result.exit_code, result.output) == (1, "")


def test_text_output_shows_location_source_line_caret_and_hint(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    result = run("check", "--as-of", AS_OF, "--select", "phase-stuck", path)
    assert result.exit_code == 0
    assert result.output == (
        f"{path}:9:1: W203 phase-stuck: 2267 days in the impact phase, longer than phase-max 4y\n"
        ' 9 | 2019-04-01 role "Senior PM" at "Acme"\n'
        "   | ^^^^^^^^^^\n"
        "  hint: alternate phases: after a long impact run, pick something that makes you\n"
        "        learn\n"  # wrapped to 80 columns (not a terminal, no $COLUMNS), under its first line
        "\n"
        "0 errors, 1 warning\n"
    )


def test_text_output_counts_errors_and_warnings(tmp_path):
    path = write(tmp_path, AUTOPILOT + '2025-01-01 rol "x"\n', "broken.career")
    result = run("check", "--as-of", AS_OF, path)
    assert result.exit_code == 1
    blocks = result.output.strip("\n").split("\n\n")
    assert blocks[0].startswith(f"{path}:22:12: E104 unknown keyword 'rol'")
    assert [b.split("\n")[0].split(" ")[1] for b in blocks[1:-1]] == AUTOPILOT_CODES
    assert blocks[-1] == "1 error, 7 warnings"


def test_json_output_has_severity_and_name(tmp_path):
    path = write(tmp_path, AUTOPILOT)
    result, problems = check_json("--select", "swing-due", path)
    assert result.exit_code == 0
    assert problems == [{
        "file": str(path),
        "line": 17,
        "column": 1,
        "length": 10,
        "code": "W202",
        "name": "swing-due",
        "severity": "warning",
        "message": "swing-due: a big swing is overdue: 1931 days since your last big swing (swing-every 3y)",
        "hint": "look for a zero-to-one bet you can start out of the limelight",
    }]


def test_github_output_has_warning_and_error_commands(tmp_path):
    path = write(tmp_path, AUTOPILOT + '2025-01-01 rol "x"\n', "broken.career")
    result = run("check", "--as-of", AS_OF, "--format", "github", "--select", "W203,W204", path)
    assert result.exit_code == 1
    out = result.output.splitlines()
    assert out[0].startswith(f"::error file={path},line=22,col=12,title=E104::unknown keyword 'rol'")
    assert out[1] == (
        f"::warning file={path},line=9,col=1,title=W203::phase-stuck: 2267 days in the impact phase,"
        " longer than phase-max 4y (hint: alternate phases: after a long impact run, pick something"
        " that makes you learn)"
    )
    assert out[2].startswith(f"::warning file={path},line=12,col=1,title=W204::cadence-missed: contract")
    assert len(out) == 3
    for line in out:
        assert re.fullmatch(r"::(warning|error) file=[^,]+,line=\d+,col=\d+,title=[EW]\d{3}::.+", line)


def test_list_checks_lists_every_check_of_the_catalogue():
    result = run("check", "--list-checks", "--width", "200")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert rows[0].split()[:3] == ["code", "name", "default"]
    body = rows[2:]
    assert len(body) == len(WARNINGS) == 14
    for check, row in zip(WARNINGS, body, strict=True):
        assert row.split()[:3] == [check.code, check.name, "on"]
        assert row.endswith(check.summary)


# --- --root: an included file is checked within its root --------------------------------------------------

ROOT = """\
2023-01-02 north-star "Lead a payments product"
2023-01-02 role "PM" at "Acme"
  track: core
  phase: learning
include "2024.career"
"""

INCLUDED = """\
2024-06-01 leave "PM"
  why: "a sabbatical"
2024-09-01 feedback "You over-prepare"
  tone: critical
"""


def test_root_checks_an_included_file_within_its_root(tmp_path):
    root = write(tmp_path, ROOT)
    year = write(tmp_path, INCLUDED, "2024.career")
    # alone, the leave ends no role
    alone, problems = check_json(year)
    assert alone.exit_code == 1
    assert [(p["code"], p["line"]) for p in problems] == [("E404", 1), ("W208", 3)]
    # as the hook runs it: the changed file, with the root
    within, problems = check_json("--root", root, year)
    assert within.exit_code == 0
    # reported once, with the included file's own path and line
    assert [(p["file"], p["code"], p["line"]) for p in problems] == [(str(year), "W208", 3)]


def test_root_checks_a_file_it_does_not_include_alone(tmp_path):
    root = write(tmp_path, ROOT)
    write(tmp_path, INCLUDED, "2024.career")
    other = write(tmp_path, '2024-01-01 leave "Nobody"\n', "other.career")
    result, problems = check_json("--root", root, other)
    assert result.exit_code == 1
    assert [(Path(p["file"]).name, p["code"]) for p in problems] == [
        ("2024.career", "W208"), ("other.career", "E404"),
    ]


def test_root_warnings_in_the_root_are_reported_too(tmp_path):
    # a root with roles and no north star
    root = write(tmp_path, '2023-01-02 role "PM" at "Acme"\n  track: core\n  phase: learning\ninclude "2024.career"\n')
    year = write(tmp_path, INCLUDED, "2024.career")
    result, problems = check_json("--root", root, year)
    assert result.exit_code == 0
    assert [(Path(p["file"]).name, p["code"], p["line"]) for p in problems] == [
        ("2024.career", "W208", 3), ("career.career", "W210", 1),
    ]


# --- start-up ----------------------------------------------------------------------------


def test_check_never_imports_the_reports_or_tabulate(ledger_file):
    path = ledger_file('2024-01-01 note "a"\n')
    code = (
        "import sys\n"
        "from careerledger.cli import main\n"
        f"try:\n    main(['check', '--as-of', '2025-01-01', {str(path)!r}])\n"
        "except SystemExit:\n    pass\n"
        "bad = [m for m in ('careerledger.reports', 'careerledger.render.report', 'careerledger.metrics.evaluate',\n"
        "                   'careerledger.render.evaluation', 'tabulate') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_control_characters_of_a_source_line_are_shown_as_their_pictures(tmp_path):
    # a lone CR printed as it is would send the cursor back and scramble the excerpt; a NUL
    # would vanish. Each is shown as one character (U+240D, U+2400), so the caret still fits.
    path = tmp_path / "cr.career"
    path.write_bytes(b'2026-01-05 note "New year"\r\r\n2026-01-06 note "x\x00y" z\n')
    result = run("check", path)
    assert result.exit_code == 1
    assert result.output.splitlines()[:3] == [
        f"{path}:1:27: E003 a carriage return (CR) that does not end a line",
        ' 1 | 2026-01-05 note "New year"\u240d',
        "   |                           ^",
    ]
    assert ' 2 | 2026-01-06 note "x\u2400y" z' in result.output.splitlines()
    assert "\r" not in result.output
    assert "\x00" not in result.output
