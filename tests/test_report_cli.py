"""`careerledger report`: every report in every format on every example, the
arguments, -o, and the exit status of each failure."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger.cli import main
from careerledger.reports import REPORTS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.career"))
JANE = ROOT / "examples" / "jane.career"
FORMATS = ("text", "json", "csv", "markdown")
AS_OF = "2026-11-21"
BAD = '2024-01-01 note "a"\n2024-01-02 rol "b"\n'


def run(*args):
    return CliRunner().invoke(main, ["report", *map(str, args)])


def ok(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result.stdout


MATRIX = [(name, fmt, path) for name in REPORTS for fmt in FORMATS for path in EXAMPLES]


@pytest.mark.parametrize("name, fmt, path", MATRIX, ids=[f"{n}-{f}-{p.stem}" for n, f, p in MATRIX])
def test_every_report_in_every_format_on_every_example(name, fmt, path):
    out = ok(run(name, path, "--as-of", AS_OF, "--format", fmt))
    assert out.endswith("\n") and out.strip()
    if fmt == "json":
        assert json.loads(out)["report"] == name
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["report"] and ["report", name] in rows
    elif fmt == "markdown":
        assert out.startswith("# ")
    else:
        assert out.splitlines()[0].startswith(REPORTS[name].title)


@pytest.mark.parametrize("name", list(REPORTS))
@pytest.mark.parametrize("window", [("-p", "this-month"), ("-p", "last-year"), ("-p", "2025-W14"),
                                    ("-p", "2025-Q2"), ("-b", "2025-04"), ("-e", "2020"),
                                    ("-b", "2022-01-01", "-e", "2023-01-01"), ("-p", "2030")])
def test_every_report_with_a_window(name, window):
    out = ok(run(name, JANE, "--as-of", AS_OF, *window))
    assert "listed: " in out.splitlines()[2]


def test_today_is_the_default_as_of():
    ok(run(JANE))


def test_name_defaults_to_summary():
    assert ok(run(JANE, "--as-of", AS_OF)) == ok(run("summary", JANE, "--as-of", AS_OF))


def test_a_file_an_earlier_file_includes_is_read_once():
    both = ok(run("swings", JANE, ROOT / "examples" / "jane-2026.career", "--as-of", AS_OF))
    assert both == ok(run("swings", JANE, "--as-of", AS_OF))
    # the other way round: jane.career's include of jane-2026.career is the second read
    assert ok(run("swings", ROOT / "examples" / "jane-2026.career", JANE, "--as-of", AS_OF)) == both


def test_several_files_are_one_ledger_as_if_the_first_included_the_others(ledger_file):
    a = ledger_file('option "owner" "Ada"\n2020-01-01 bet "One"\n', "a.career")
    b = ledger_file('2021-01-01 bet "Two"\n2021-06-01 outcome "One" success\n', "b.career")
    doc = json.loads(ok(run("swings", a, b, "--as-of", "2022-01-01", "--format", "json")))
    assert doc["owner"] == "Ada"
    [bets] = [s for s in doc["sections"] if s["key"] == "bets"]
    assert [(r["bet"], r["outcome"]) for r in bets["rows"]] == [("One", "success"), ("Two", None)]


# --- failures -----------------------------------------------------------------------


def test_ledger_with_errors_exit_1_with_the_problems_and_no_report(ledger_file):
    path = ledger_file(BAD, "bad.career")
    result = run("summary", path, "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:2:12: E104 unknown keyword 'rol'" in result.stderr
    assert "hint: did you mean 'role'?" in result.stderr
    assert result.stderr.rstrip().endswith("1 error")


def test_unknown_report_exit_2_with_a_hint():
    result = run("swigns", JANE)
    assert result.exit_code == 2
    assert "unknown report 'swigns': did you mean 'swings'?" in result.stderr
    result = run("zzz")
    assert result.exit_code == 2
    assert ("unknown report 'zzz': expected one of: cadence, feedback, home, landing, northstar, phases, review, "
            "roles, skills, summary, swings") in result.stderr


@pytest.mark.parametrize("args, message", [
    (("-p", "2025-13"), "Invalid value for '-p' / '--period': '2025-13' is not a period; use 2025, 2025-Q2"),
    (("-p", "someday"), "'someday' is not a period"),
    (("-b", "nope"), "Invalid value for '-b' / '--begin': 'nope' is not a period"),
    (("-e", "2025-02-30"), "Invalid value for '-e' / '--end': '2025-02-30' is not a period"),
    (("-b", "2024..2025"), "'2024..2025' is a range; give one date or period"),
    (("-b", "2026", "-e", "2025"), "-e 2025-01-01 is not after -b 2026-01-01"),
    (("-p", "2025", "-b", "2024"), "use -p/--period or -b/--begin and -e/--end, not both"),
    (("--format", "html"), "Invalid value for '--format'"),
    (("--as-of", "2026-02-30"), "'2026-02-30' is not a date"),
])
def test_bad_options_exit_2(args, message):
    result = run(JANE, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_files_exit_2(tmp_path):
    for args, message in [((), "Missing argument 'FILE...'"), (("roles",), "Missing argument 'FILE...'"),
                          ((tmp_path / "none.career",), "does not exist"),
                          (("roles", tmp_path), "is a directory")]:
        result = run(*args)
        assert result.exit_code == 2, args
        assert message in result.stderr


def test_help_lists_every_report_and_an_example():
    out = ok(run("--help"))
    assert "Usage: main report [OPTIONS] [NAME] FILE..." in out or "report [OPTIONS] [NAME] FILE..." in out
    for spec in REPORTS.values():
        assert f"  {spec.name}  " in out and spec.summary in out
    assert "careerledger report swings --format json career.career" in out


# --- -o ----------------------------------------------------------------------------------


def test_output_file_holds_what_stdout_would(tmp_path):
    target = tmp_path / "r.md"
    result = run("roles", JANE, "--as-of", AS_OF, "--format", "markdown", "-o", target)
    assert ok(result) == ""
    assert target.read_text(encoding="utf-8") == ok(run("roles", JANE, "--as-of", AS_OF, "--format", "markdown"))
    assert sorted(os.listdir(tmp_path)) == ["r.md"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_is_written_beside_the_target_then_moved_into_place(tmp_path, monkeypatch):
    target = tmp_path / "out" / "report.txt"
    target.parent.mkdir()
    target.write_text("old\n")
    moves = []
    real = os.replace

    def replace(src, dst):
        moves.append((Path(src), Path(dst), Path(src).read_text(encoding="utf-8")))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    ok(run("cadence", JANE, "--as-of", AS_OF, "-o", target))
    [(src, dst, text)] = moves
    assert dst == target and src.parent == target.parent and src != target
    assert "Cadence: Jane Doe" in text
    assert target.read_text(encoding="utf-8") == text
    assert os.listdir(target.parent) == ["report.txt"]


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "report.txt"
    target.write_text("old\n")

    def replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    result = run(JANE, "--as-of", AS_OF, "-o", target)
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["report.txt"]


def test_no_output_file_for_a_ledger_with_errors(tmp_path, ledger_file):
    target = tmp_path / "r.txt"
    result = run(ledger_file(BAD), "-o", target)
    assert result.exit_code == 1
    assert not target.exists()


def test_output_into_a_missing_folder_exit_1(tmp_path):
    result = run(JANE, "--as-of", AS_OF, "-o", tmp_path / "no" / "r.txt")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert not (tmp_path / "no").exists()


# --- start-up ----------------------------------------------------------------------------


def test_check_never_imports_the_reports_or_tabulate(ledger_file):
    path = ledger_file('2024-01-01 note "a"\n')
    code = (
        "import sys\n"
        "from careerledger.cli import main\n"
        f"try:\n    main(['check', '--as-of', '2025-01-01', {str(path)!r}])\n"
        "except SystemExit:\n    pass\n"
        "bad = [m for m in ('careerledger.reports', 'careerledger.render_report', 'tabulate') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_readme_shows_the_summary_of_jane_as_it_is(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ careerledger report summary examples/jane.career --as-of 2026-11-21\n"
    assert command in readme
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    assert shown == ok(run("summary", "examples/jane.career", "--as-of", "2026-11-21"))
