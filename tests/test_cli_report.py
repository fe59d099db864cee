"""`careerledger report [NAME] FILE...`: every report in every format on every
example, the arguments, the report's own options (--role, --all) and default
formats, -o, the exit status of each failure; and the review packet end to end
on examples/managing-up.career, as the VP would receive it.

The reports' data is tested in test_reports.py, their rendering in
test_report_formats.py and their output on the examples in the snapshots.
"""

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest
from conftest import EXAMPLES, JANE, ROOT, ok, process
from conftest import run as careerledger
from test_reports import LANDING, REVIEW

from careerledger.cli.report import section_keys
from careerledger.render import REPORT_FORMATS
from careerledger.reports import REPORTS

FORMATS = ("text", "json", "csv", "markdown", "html")
AS_OF = "2026-11-21"
BAD = '2024-01-01 note "a"\n2024-01-02 rol "b"\n'


def run(*args):
    return careerledger("report", *args)


def test_formats_are_the_renderer_s():
    assert FORMATS == REPORT_FORMATS


SECTIONS = section_keys()
MATRIX = [(name, fmt, path) for name in REPORTS for fmt in FORMATS for path in EXAMPLES]


@pytest.mark.parametrize(("name", "fmt", "path"), MATRIX, ids=[f"{n}-{f}-{p.stem}" for n, f, p in MATRIX])
def test_every_report_in_every_format_on_every_example(name, fmt, path):
    section = ("--section", SECTIONS[name][-1]) if fmt == "csv" else ()
    out = ok(run(name, path, "--as-of", AS_OF, "--format", fmt, *section))
    assert out.endswith("\n")
    assert out.strip()
    if fmt == "json":
        assert json.loads(out)["report"] == name
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        width = len(rows[0])
        assert width >= 2
        assert all(len(r) == width for r in rows)
    elif fmt == "html":
        assert out.lower().startswith("<!doctype html>")
    elif fmt == "markdown":
        assert out.startswith("# ")
    else:
        assert out.splitlines()[0].startswith(REPORTS[name].title)


@pytest.mark.parametrize("name", list(REPORTS))
@pytest.mark.parametrize("window", [("-p", "this-month"), ("-p", "last-year"), ("-p", "2025-W14"),
                                    ("-p", "2025-Q2"), ("-b", "2025-04"), ("-e", "2020"),
                                    ("-b", "2022-01-01", "-e", "2023-01-01"), ("-p", "2030"),
                                    ("-p", "2025..2026"), ("-p", "from 2025-04 to 2025-07"), ("-p", "last quarter"),
                                    ("-p", "since 2025"), ("-p", "to 2020"), ("-b", "q2")])
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


@pytest.mark.parametrize(("args", "message"), [
    (("-p", "2025-13"), "Invalid value for '-p' / '--period': '2025-13' is not a period; use 2025, 2025-Q2"),
    (("-p", "someday"), "'someday' is not a period"),
    (("-b", "nope"), "Invalid value for '-b' / '--begin': 'nope' is not a period"),
    (("-e", "2025-02-30"), "Invalid value for '-e' / '--end': '2025-02-30' is not a period"),
    (("-b", "2024..2025"), "'2024..2025' is a range; give one date or period"),
    (("-b", "2026", "-e", "2025"), "-e 2025-01-01 is not after -b 2026-01-01"),
    (("-p", "2025", "-b", "2024"), "use -p/--period or -b/--begin and -e/--end, not both"),
    (("--as-of", "2026-02-30"), "'2026-02-30' is not a date"),
])
def test_bad_options_exit_2(args, message):
    result = run(JANE, *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert message in result.stderr


def test_missing_files_exit_2(tmp_path, monkeypatch):
    monkeypatch.delenv("CAREERLEDGER_FILE", raising=False)
    for args, message in [((), "no ledger given: name a FILE, or set CAREERLEDGER_FILE"),
                          (("roles",), "no ledger given: name a FILE, or set CAREERLEDGER_FILE"),
                          ((tmp_path / "none.career",), "does not exist"),
                          (("roles", tmp_path), "is a directory")]:
        result = run(*args)
        assert result.exit_code == 2, args
        assert message in result.stderr


def test_help_lists_every_report_and_an_example():
    out = ok(run("--help"))
    assert out.startswith("Usage: careerledger report [OPTIONS] [NAME] [FILE]...\n")
    for spec in REPORTS.values():
        assert f"  {spec.name}  " in out
        assert spec.summary in out
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
    assert dst == target
    assert src.parent == target.parent
    assert src != target
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
    assert "cannot write" in result.stderr
    assert "No space left on device" in result.stderr
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


# --- the report's own options and default formats -----------------------------------------


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
        assert result.stdout == ""
        assert message in result.stderr


def test_landing_role_and_all_on_the_command_line(ledger_file):
    path = ledger_file(LANDING)
    doc = json.loads(run("landing", path, "--role", "PM", "--as-of", "2024-04-20", "--format", "json").stdout)
    [roles] = [s for s in doc["sections"] if s["key"] == "roles"]
    assert [r["role"] for r in roles["rows"]] == ["PM"]
    out = run("landing", path, "--all", "--as-of", "2024-04-20").stdout
    assert out.startswith("Landing (30/60/90)")
    assert "PM" in out
    assert "Head of Product" in out


def test_each_report_has_its_default_format_and_format_wins(ledger_file):
    path = ledger_file(REVIEW)
    assert run("review", path, "--as-of", "2024-05-15").stdout.startswith("# Review packet: Ada")
    assert run("review", path, "--as-of", "2024-05-15", "--format", "text").stdout.startswith("Review packet: Ada")
    assert run("home", path, "--as-of", "2024-05-15").stdout.startswith("Home: Ada")
    assert run("home", path, "--as-of", "2024-05-15", "--format", "markdown").stdout.startswith("# Home: Ada")


def test_help_names_role_all_and_the_review_default():
    out = " ".join(run("--help").stdout.split())
    assert "--role TITLE" in out
    assert "--all" in out
    assert "landing only" in out
    assert "markdown for review" in out
    assert "last whole month" in out


# --- the review packet of examples/managing-up.career ---------------------------------------
# Priya's ledger holds the monthly learning summary she agreed, from May 2026, to send
# the VP, and the win she used to be quiet about (2026-06-15: "15% retention lift at day
# 90"). The packet of each month of the contract shows that month's summary, and the June
# packet also shows the 15%.

MANAGING_UP = ROOT / "examples" / "managing-up.career"

# each whole month of the contract (2026-05-04, monthly) before as-of's month, with its summary
SUMMARIES = {
    "2026-05": "May: what habit streaks taught us about lapsed members",
    "2026-06": "June: reminder fatigue is real, and measurable",
    "2026-07": "July: the week-two cliff and three ideas to soften it",
    "2026-08": "August: small experiment, null result, useful anyway",
    "2026-09": "September: what members say when they cancel",
    "2026-10": "October: the week-two cliff, written up at last",
}


def review(*args):
    return ok(run("review", MANAGING_UP, "--as-of", AS_OF, *args))


def cells(markdown, start):
    """The cells of the one markdown table row that starts with `start`."""
    [line] = [x for x in markdown.splitlines() if x.startswith(start)]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def test_the_packet_of_the_wins_month_shows_the_15_percent_lift_and_the_summary():
    out = review("-p", "2026-06")
    assert out.startswith("# Review packet: Priya Raman, as of 2026-11-21\n")  # markdown by default
    assert "## Wins" in out
    assert "Habit streaks rolled out to every member" in out
    assert "15% retention lift at day 90 across all cohorts, the largest in company history" in out
    assert SUMMARIES["2026-06"] in out
    assert "Habit streaks: 15% retention lift at day 90" in out  # the skill that moved
    # the headline: one win in 2026-06, none in 2026-05; a month's counts show no change
    # (docs/metrics.md, "The review packet")
    assert cells(out, "| wins ") == ["wins", "1", "0", "—"]


@pytest.mark.parametrize("month", list(SUMMARIES))
def test_every_month_of_the_contract_has_its_summary_in_its_packet(month):
    out = review("-p", month)
    assert f"**period:** {month}" in out
    assert SUMMARIES[month] in out
    # only that month's summary: the others are in their own packets
    assert [t for t in SUMMARIES.values() if t in out] == [SUMMARIES[month]]
    # and the contract's period for that month, kept
    contracts = out.split("## Contracts\n", 1)[1].split("\n## ", 1)[0]
    assert cells(contracts, "| A monthly learning summary to the VP ") == [
        "A monthly learning summary to the VP", month, "1", "1", "yes"]


def test_the_september_packet_as_the_vp_receives_it():
    out = review("-p", "2026-09")
    assert "**compared with:** 2026-08" in out
    assert "September: what members say when they cancel" in out
    assert "These summaries are the most useful thing in my inbox" in out  # feedback received
    doc = json.loads(review("-p", "2026-09", "--format", "json"))
    [head] = [s for s in doc["sections"] if s["key"] == "headline"]
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in head["rows"]}
    # a month's counts show no change; the contract's kept periods do
    assert got["updates published"] == (1, 1, None)
    assert got["contract periods kept"] == (1, 1, 0)
    assert got["feedback received"] == (1, 0, None)
    # the self-management figures are in the packet --for me only
    assert "days since the last big swing, at the end" not in got
    doc = json.loads(review("-p", "2026-09", "--format", "json", "--for", "me"))
    [head] = [s for s in doc["sections"] if s["key"] == "headline"]
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in head["rows"]}
    # the last big swing is the bet "Habit streaks", 2024-05-06: to 2026-09-30 it is
    # 365 (to 2025-05-06) + 365 (to 2026-05-06) + 26 (to 06-01) + 30 + 31 + 31 (to 09-01) + 29
    # = 877 days; to 08-31, 30 fewer: 847
    assert got["days since the last big swing, at the end"] == (877, 847, None)
    # retention mastered since 2026-06-20
    assert got["north-star needs mastered, at the end"] == (1, 1, 0)


def test_the_default_packet_is_the_last_whole_month():
    out = review()
    assert "**period:** 2026-10" in out
    assert SUMMARIES["2026-10"] in out
    assert out == review("-p", "2026-10")


def test_a_range_of_one_month_is_that_month_s_packet():
    # B is excluded: 2026-09..2026-10 is September alone, compared with August
    out = review("-p", "2026-09..2026-10")
    assert out == review("-p", "2026-09") == review("-p", "from 2026-09 to 2026-10")
    assert "**compared with:** 2026-08" in out
    assert SUMMARIES["2026-10"] not in out


def test_a_quarterly_packet_holds_the_story_and_the_evidence():
    out = review("-p", "2025-Q1", "--format", "text", "--width", "200")
    assert out.startswith("Review packet: Priya Raman, as of 2026-11-21\n")  # --format wins
    assert "Streaks plus a gentle 'welcome back' beat every reminder variant we tried" in out  # bet closed
    assert "Reward the return, not the streak" in out
    assert "Ran 23 streak and reminder variants with proper holdouts" in out  # skill evidence
    assert "compared with                2024-Q4" in out


def test_a_packet_written_to_a_file_for_the_email(tmp_path):
    target = tmp_path / "packet.md"
    assert review("-p", "2026-09", "-o", target) == ""
    assert target.read_text(encoding="utf-8") == review("-p", "2026-09")


# --- -o never loses data ---------------------------------------------------------------------------


def test_output_onto_the_ledger_itself_is_refused(jane):
    before = jane.read_bytes()
    result = run("summary", "-o", jane, jane)
    assert result.exit_code == 2
    assert "refusing to write the report onto" in result.output
    assert jane.read_bytes() == before


def test_output_onto_an_included_file_is_refused_however_it_is_named(jane):
    included = jane.parent / "jane-2026.career"
    before = included.read_bytes()
    os.symlink(included, jane.parent / "alias.career")
    for target in (included, jane.parent / "." / "jane-2026.career", jane.parent / "alias.career"):
        assert run("-o", target, jane).exit_code == 2
    assert included.read_bytes() == before


def test_output_follows_a_symlink_and_keeps_the_mode(jane):
    real = jane.parent / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = jane.parent / "link.txt"
    link.symlink_to(real)
    assert run("summary", "--as-of", "2026-11-21", "-o", link, jane).exit_code == 0
    assert link.is_symlink()
    assert real.read_text().startswith("Summary: Jane Doe")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_output_to_dev_stdout_writes_in_place(jane):
    done = process("report", "summary", "--as-of", "2026-11-21", "-o", "/dev/stdout", jane)
    assert done.returncode == 0
    assert done.stdout.startswith(b"Summary: Jane Doe")
    assert Path("/dev/stdout").is_symlink()  # not replaced by a regular file


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_device_is_one_message_and_leaves_no_temporary_file(jane):
    done = process("report", "summary", "-o", "/dev/full", jane)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "Error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [p for p in jane.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_report_imports_neither_tabulate_nor_the_formats_it_does_not_print(fmt):
    # tabulate 0.10 imports importlib.metadata, tens of milliseconds on every
    # run: the tables are laid out by careerledger (its layout, tabulate's);
    # json and csv are imported for their own formats only.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from careerledger.cli import main\n"
        f"try:\n    main(['report', 'review', '--as-of', '2026-09-30', '--format', {fmt!r}, {str(JANE)!r}])\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print([m for m in ('tabulate', 'importlib.metadata', 'json', 'csv') if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "| " in done.stdout or fmt == "text"
    assert done.stderr.strip() == "[]"
