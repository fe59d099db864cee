"""The `careerledger` command: output, exit status and usage errors.

These tests look at the formatted text, since the text is the product here.
Ledgers hold only notes (plus the faults under test) and `--as-of` is fixed,
so that no career warning adds output.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger import __version__
from careerledger.cli import main

AS_OF = "2025-01-01"
GOOD = """
    ; a ledger with nothing to say
    2024-01-01 note "started" #start
    2024-02-01 note "promoted"
"""
# two errors: a bad date in metadata (a tab before it) and an unknown keyword
BAD = '2024-01-01 note "a"\n\tx-when: 2024-02-30\n2024-01-02 nope "b"\n'


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def check(*args):
    return run("check", "--as-of", AS_OF, *args)


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
    assert isinstance(data, list) and len(data) == 2
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
        pytest.param(["check", "--as-of", "yesterday", "{good}"], id="bad-as-of-word"),
        pytest.param(["check", "--format", "xml", "{good}"], id="bad-format"),
        pytest.param(["check"], id="no-file"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_usage_errors_exit_2(args, ledger_file, tmp_path):
    good = ledger_file(GOOD)
    values = {"good": good, "missing": tmp_path / "nope.career", "dir": tmp_path}
    result = run(*[a.format(**values) for a in args])
    assert result.exit_code == 2, result.output
    assert "Error" in result.output
    assert "Traceback" not in result.output


def test_bad_as_of_message_names_the_value(ledger_file):
    result = run("check", "--as-of", "2024-02-30", ledger_file(GOOD))
    assert "2024-02-30" in result.output and "--as-of" in result.output


def test_as_of_accepts_a_partial_date(ledger_file):
    result = run("check", "--as-of", "2025-01", ledger_file(GOOD))
    assert (result.exit_code, result.output) == (0, "")


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"careerledger, version {__version__}\n"


def test_main_help():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")
    assert "check" in result.output
    assert run("-h").output == result.output


def test_check_help():
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.output and "[FILES]..." in result.output
    for option in ("--as-of", "--format"):
        assert option in result.output


# --- the installed command and `python -m` --------------------------------------------


def installed_command():
    path = Path(sys.executable).parent / "careerledger"
    if not path.exists():
        pytest.skip(f"no installed careerledger command next to {sys.executable}")
    return str(path)


def test_installed_command_bad_file(ledger_file):
    path = ledger_file(BAD)
    proc = subprocess.run(
        [installed_command(), "check", "--as-of", AS_OF, str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert f"{path}:3:12: E104 unknown keyword 'nope'" in proc.stdout
    assert proc.stdout.rstrip("\n").split("\n")[-1] == "2 errors"
    assert "Traceback" not in proc.stderr


def test_installed_command_good_file(ledger_file):
    proc = subprocess.run(
        [installed_command(), "check", "--as-of", AS_OF, str(ledger_file(GOOD))],
        capture_output=True, text=True, timeout=60,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_installed_command_usage_error():
    proc = subprocess.run(
        [installed_command(), "check", "/nonexistent/x.career"], capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_python_dash_m(ledger_file):
    path = ledger_file(BAD)
    proc = subprocess.run(
        [sys.executable, "-m", "careerledger", "check", "--as-of", AS_OF, "--format", "json", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert [d["code"] for d in json.loads(proc.stdout)] == ["E103", "E104"]


def test_python_dash_m_version_uses_the_program_name():
    proc = subprocess.run(
        [sys.executable, "-m", "careerledger", "--version"], capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout == f"careerledger, version {__version__}\n"


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
