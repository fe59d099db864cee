"""Nothing lost, nothing crashes, nothing hangs: one test per failure found by
trying careerledger as a new user and as a fuzzer would (the issue's list).
Commands run as a real subprocess where the process itself matters (signals,
pipes, encodings, full disks), through CliRunner elsewhere."""

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import careerledger
from careerledger.checks import pitfalls
from careerledger.cli import main
from careerledger.core.dates import add, shift
from careerledger.core.entries import Duration
from careerledger.metrics import cadence, phases

ROOT = Path(__file__).resolve().parent.parent
JANE = ROOT / "examples" / "jane.career"
CL = Path(sys.executable).parent / "careerledger"
D = __import__("datetime").date


def cli(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def proc(*args, **kw):
    return subprocess.run([str(CL), *map(str, args)], capture_output=True, timeout=120, **kw)


@pytest.fixture
def jane(tmp_path):
    for name in ("jane.career", "jane-2026.career"):
        (tmp_path / name).write_bytes((ROOT / "examples" / name).read_bytes())
    return tmp_path / "jane.career"


# --- data loss ------------------------------------------------------------------------


def test_output_onto_the_ledger_itself_is_refused(jane):
    before = jane.read_bytes()
    result = cli("report", "summary", "-o", jane, jane)
    assert result.exit_code == 2
    assert "refusing to write the report onto" in result.output
    assert jane.read_bytes() == before


def test_output_onto_an_included_file_is_refused_however_it_is_named(jane):
    included = jane.parent / "jane-2026.career"
    before = included.read_bytes()
    os.symlink(included, jane.parent / "alias.career")
    for target in (included, jane.parent / "." / "jane-2026.career", jane.parent / "alias.career"):
        assert cli("report", "-o", target, jane).exit_code == 2
    assert included.read_bytes() == before


def test_output_follows_a_symlink_and_keeps_the_mode(jane):
    real = jane.parent / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = jane.parent / "link.txt"
    link.symlink_to(real)
    assert cli("report", "summary", "--as-of", "2026-11-21", "-o", link, jane).exit_code == 0
    assert link.is_symlink()
    assert real.read_text().startswith("Summary: Jane Doe")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_output_to_dev_stdout_writes_in_place(jane):
    done = proc("report", "summary", "--as-of", "2026-11-21", "-o", "/dev/stdout", jane)
    assert done.returncode == 0
    assert done.stdout.startswith(b"Summary: Jane Doe")
    assert Path("/dev/stdout").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_device_is_one_message_and_leaves_no_temporary_file(jane):
    done = proc("report", "summary", "-o", "/dev/full", jane)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "Error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [p for p in jane.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_on_a_full_device_is_one_message():
    with open("/dev/full", "wb") as full:
        done = subprocess.run([str(CL), "report", "summary", "--as-of", "2026-11-21", str(JANE)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 1
    assert done.stderr.decode() == "careerledger: cannot write the output: No space left on device\n"


# --- the calendar's edges -----------------------------------------------------------------


def test_date_arithmetic_stops_at_the_edges_of_the_calendar():
    assert add(D(9999, 1, 1), Duration(5, "y")) == D(9999, 12, 31)
    assert add(D(3, 1, 1), Duration(5, "y"), -1) == D(1, 1, 1)
    assert add(D(2020, 1, 1), Duration(999_999_999, "d")) == D(9999, 12, 31)
    assert shift(D(9999, 12, 31), 1) == D(9999, 12, 31)
    assert shift(D(1, 1, 1), -1) == D(1, 1, 1)


@pytest.mark.parametrize("ledger, args", [
    ('2020-01-01 contract "x"\n  every: month\n  until: 9999-12-31\n', ["check", "--as-of", "9999-12-31"]),
    ('2020-01-01 contract "x"\n  every: week\n  until: 9999-12-31\n', ["report", "cadence", "--as-of", "9999-12-31"]),
    ('9999-01-01 north-star "x"\n', ["check", "--as-of", "9999-12-31"]),
    ('option "swing-every" "8000y"\n2020-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["check"]),
    ('option "phase-max" "100000m"\n2020-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["check"]),
    ('option "home-every" "3000000d"\n2020-01-01 home 3\n', ["check"]),
    ('0003-01-01 opportunity "Old"\n  track: core\n', ["evaluate", "Old"]),
    ('2020-01-01 note "x"\n', ["check", "--as-of", "0005-12-31"]),
    ('2020-01-01 note "x"\n', ["report", "review", "-p", "0001"]),
    ('2020-01-01 note "x"\n', ["report", "landing", "-p", "9999-W52"]),
    ('2020-01-01 note "x"\n', ["report", "cadence", "--as-of", "0001-06-01"]),
    ('2020-01-01 note "x"\n', ["report", "review", "--as-of", "0001-01-15"]),
    ('2020-01-01 note "x"\n', ["report", "swings", "-p", "last-month", "--as-of", "0001-01-15"]),
    ('0001-01 bet "Old"\n', ["report", "summary", "--as-of", "9999-12-31"]),
    ('9997-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["report", "summary", "--as-of", "9999-12-31"]),
])
def test_date_arithmetic_that_leaves_the_calendar_never_raises(tmp_path, ledger, args):
    path = tmp_path / "edge.career"
    path.write_text(ledger)
    command, rest = args[0], args[1:]
    if command == "evaluate":
        result = cli("evaluate", rest[0], path)
    else:
        result = cli(command, *rest, path)
    assert result.exit_code in (0, 1)


def test_a_north_star_of_9999_gets_the_last_day_as_its_horizon():
    ledger = careerledger.load_string('9999-01-01 north-star "x"\n')
    assert ledger.problems == ()
    assert ledger.entries[0].by == D(9999, 12, 31)


@pytest.mark.parametrize("line", [
    "2020-01-01 contract \"x\"\n  every: month\n  count: " + "9" * 5000,
    "2020-01-01 home " + "9" * 5000,
    "2020-01-01 note \"x\"\n  x-n: " + "9" * 5000,
    'option "swing-every" "99999999999999999999y"',
])
def test_numbers_of_thousands_of_digits_are_a_located_error(line):
    ledger = careerledger.load_string(line + "\n")
    assert [p.code for p in ledger.problems] in (["E107"], ["E302"])


# --- files that are not files ---------------------------------------------------------------


def test_an_include_chain_330_deep_is_an_error_not_a_recursion_error(tmp_path):
    for i in range(330):
        (tmp_path / f"{i}.career").write_text(f'include "{i + 1}.career"\n')
    (tmp_path / "330.career").write_text('2020-01-01 note "x"\n')
    ledger = careerledger.load(tmp_path / "0.career")
    assert [p.code for p in ledger.problems] == ["E307"]


def test_dev_zero_as_an_include_is_not_a_regular_file(tmp_path):
    path = tmp_path / "a.career"
    path.write_text('include "/dev/zero"\n')
    [problem] = careerledger.load(path).problems
    assert (problem.code, problem.loc.line) == ("E002", 1)
    assert "not a regular file" in problem.message


def test_dev_urandom_as_the_ledger_is_an_error():
    result = cli("check", "/dev/urandom")
    assert result.exit_code == 1
    assert "E002" in result.output and "not a regular file" in result.output


def test_a_fifo_as_the_ledger_or_matched_by_a_glob_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "pipe.career")
    (tmp_path / "main.career").write_text('include "p*.career"\n')
    start = time.monotonic()
    for path in ("pipe.career", "main.career"):
        done = proc("check", tmp_path / path, cwd=tmp_path)
        assert done.returncode == 1
        assert b"not a regular file" in done.stdout
    assert time.monotonic() - start < 60


def test_a_deleted_current_directory_and_an_include_cycle(tmp_path):
    (tmp_path / "a.career").write_text('include "a.career"\n')
    gone = tmp_path / "gone"
    gone.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]);"
         "from careerledger.__main__ import run; sys.argv = ['careerledger', 'check', sys.argv[2]]; run()",
         str(gone), str(tmp_path / "a.career")], capture_output=True, timeout=120)
    assert done.returncode == 1
    assert b"E304" in done.stdout
    assert b"Traceback" not in done.stderr


def test_an_unreadable_file_is_the_same_error_for_every_command(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.career"
    path.write_text('2020-01-01 note "x"\n')
    path.chmod(0)
    assert cli("check", path).exit_code == 1
    assert cli("report", path).exit_code == 1


def test_a_file_under_an_unreadable_folder_is_e002_not_missing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.career").write_text('2020-01-01 note "x"\n')
    folder.chmod(0)
    try:
        if os.access(folder / "a.career", os.R_OK):
            pytest.skip("root reads every file")
        result = cli("check", folder / "a.career")
        assert result.exit_code == 1
        assert "E002" in result.output
    finally:
        folder.chmod(0o755)


def test_dash_reads_the_ledger_from_standard_input(tmp_path):
    result = cli("check", "--as-of", "2025-01-01", "-", input='2024-01-01 rol "x" at "y"\n')
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:12: E104 unknown keyword 'rol'")
    report = cli("report", "summary", "--as-of", "2025-01-01", "-", input='option "owner" "Ann"\n')
    assert report.exit_code == 0
    assert report.output.startswith("Summary: Ann, as of 2025-01-01")


def test_a_glob_with_two_stars_is_recursive(tmp_path):
    (tmp_path / "years" / "2024").mkdir(parents=True)
    (tmp_path / "years" / "2024" / "q1.career").write_text('2024-01-01 note "deep"\n')
    (tmp_path / "main.career").write_text('include "years/**/*.career"\n')
    ledger = careerledger.load(tmp_path / "main.career")
    assert ledger.problems == ()
    assert [e.text for e in ledger.entries] == ["deep"]


# --- environments ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "ascii"])
def test_output_in_an_encoding_without_the_characters_uses_stand_ins(encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for args in (["report", "cadence"], ["report", "home"], ["report", "summary"], ["check"]):
        done = proc(*args, "--as-of", "2026-11-21", JANE, env=env)
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
    if encoding != "ascii":  # for ASCII, click itself writes UTF-8 instead
        home = proc("report", "home", "--as-of", "2026-11-21", JANE, env=env).stdout.decode(encoding)
        assert "career: 2016-09-05 -> 2026-11-21" in home


INTERRUPT_DURING_IMPORT = """
import os, signal, sys

class Interrupt:  # Ctrl-C while the command's modules are being imported
    def find_spec(self, name, path=None, target=None):
        if name == "careerledger.cli":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["careerledger", "check", sys.argv[1]]
from careerledger.__main__ import run
run()
"""


def test_ctrl_c_during_start_up_exits_quietly_with_130():
    done = subprocess.run([sys.executable, "-c", INTERRUPT_DURING_IMPORT, str(JANE)], capture_output=True,
                          timeout=60)
    assert done.returncode == -signal.SIGINT  # a shell shows 128 + 2 = 130
    assert done.stderr == b""


def test_ctrl_c_while_working_exits_with_130():
    code = ("import sys; sys.argv = ['careerledger', 'check', sys.argv[1]];"
            "import careerledger.loader as L; import os, signal; L.load_roots = lambda *a: [os.kill(os.getpid(), signal.SIGINT)];"
            "from careerledger.__main__ import run; run()")
    done = subprocess.run([sys.executable, "-c", code, str(JANE)], capture_output=True, timeout=60)
    assert done.returncode == 130
    assert b"Traceback" not in done.stderr


def test_a_closed_pipe_is_quiet():
    done = subprocess.run(f"'{CL}' report cadence --as-of 2026-11-21 '{JANE}' | head -1", shell=True,
                          capture_output=True, timeout=120)
    assert done.stdout.startswith(b"Cadence: Jane Doe")
    assert done.stderr == b""


# --- linear cost ----------------------------------------------------------------------------


def test_trailing_spaces_cost_linear_time():
    text = '2024-01-01 note "a"' + " " * 40_000 + "\n  x-a: 1" + "\t" * 40_000 + "\n"
    start = time.process_time()
    assert careerledger.load_string(text).problems == ()
    assert time.process_time() - start < 5  # quadratic took minutes


def test_consecutive_unparseable_lines_cost_linear_time():
    start = time.process_time()
    ledger = careerledger.load_string("x\n" * 16_000 + '2024-01-01 note "after"\n')
    assert time.process_time() - start < 5  # re-parsing from the last good line took minutes
    assert len(ledger.problems) == 16_000
    assert [e.text for e in ledger.entries] == ["after"]


def test_did_you_mean_over_many_bets_is_bounded():
    bets = "".join(f'2024-01-01 bet "Pilot number {i:05d} of the platform"\n' for i in range(500))
    outcomes = "".join(f'2024-06-01 outcome "Pliot nmuber {i:05d} of the platfrom" success\n' for i in range(500))
    start = time.process_time()
    ledger = careerledger.load_string(bets + outcomes)
    assert time.process_time() - start < 10
    assert [p.code for p in ledger.problems] == ["E401"] * 500
    assert ledger.problems[0].hint == 'did you mean "Pilot number 00000 of the platform"?'


def test_check_of_weekly_contracts_from_year_0001_is_constant_per_contract():
    text = "".join(f'0001-01-01 contract "c{i}"\n  every: week\n' for i in range(20))
    ledger = careerledger.load_string(text)
    start = time.process_time()
    warnings = pitfalls.run(ledger, D(2026, 1, 1), frozenset({"cadence-missed"}))
    assert time.process_time() - start < 2
    assert len(warnings) == 20


def test_latest_periods_agree_with_the_whole_cadence():
    ledger = careerledger.load(JANE)
    for as_of in (D(2025, 12, 3), D(2026, 2, 1), D(2026, 11, 21), D(2030, 1, 1)):
        whole = cadence.cadence(ledger.entries, as_of)
        latest = cadence.latest_periods(ledger.entries, as_of)
        assert [(c.contract, c.latest, c.live) for c in whole] == [(c.contract, c.latest, c.live) for c in latest]


def test_a_50_mb_line_with_an_unknown_keyword_is_cut_around_the_column(tmp_path):
    path = tmp_path / "long.career"
    path.write_text('2024-01-01 nope "' + "x" * 5_000_000 + '"\n')
    result = cli("check", path)
    assert result.exit_code == 1
    assert max(len(line) for line in result.output.splitlines()) < 400
    assert " |            ^^^^" in result.output


def test_report_skills_with_10k_needs_is_linear():
    needs = " ".join(f"#s{i}" for i in range(10_000))
    skills = "".join(f"2024-01-02 skill #s{i} novice\n" for i in range(10_000))
    ledger = careerledger.load_string(f'2024-01-01 north-star "x"\n  needs: {needs}\n{skills}')
    from careerledger.metrics.skills import skills as skill_metrics

    start = time.process_time()
    found = skill_metrics(ledger.entries, D(2025, 1, 1))
    assert time.process_time() - start < 3
    assert len(found.skills) == 10_000 and all(p.needed for p in found.skills)


# --- wrong answers --------------------------------------------------------------------------


def test_a_leave_and_a_new_role_on_one_day_end_the_streak():
    ledger = careerledger.load_string(
        '2015-03-01 role "A" at "X"\n  track: core\n  phase: learning\n'
        '2020-03-01 leave "A"\n'
        '2020-03-01 role "B" at "Y"\n  track: core\n  phase: learning\n'
    )
    p = phases.phases(ledger.entries, D(2023, 1, 1), ledger.options)
    assert p.streak_start == D(2020, 3, 1)
    assert p.streak_days == 1_036
    assert not p.stuck
    assert [r.start for r in p.runs] == [D(2015, 3, 1), D(2020, 3, 1)]


def test_repeat_unwritten_warnings_come_in_date_order():
    ledger = careerledger.load_string(
        "2024-01-01 explained #zeta\n2024-01-02 explained #zeta\n"
        "2024-02-01 explained #alpha\n2024-03-01 explained #alpha\n"
    )
    found = pitfalls.run(ledger, D(2024, 6, 1), frozenset({"repeat-unwritten"}))
    assert [w.message.split()[1] for w in found] == ["#zeta", "#alpha"]


def test_a_rejected_value_feeds_no_warning():
    ledger = careerledger.load_string('2024-01-01 contract "Monthly note"\n  every: weekly\n')
    assert [p.code for p in ledger.problems] == ["E108"]
    assert pitfalls.run(ledger, D(2025, 1, 1), frozenset({"cadence-missed"})) == []


def test_one_bad_utf8_byte_hides_no_other_problem(tmp_path):
    path = tmp_path / "bytes.career"
    path.write_bytes(b'2024-01-01 note "caf\xe9"\n2024-01-02 nope "x"\n')
    ledger = careerledger.load(path)
    assert [(p.code, p.loc.line, p.loc.col) for p in ledger.problems] == [("E001", 1, 21), ("E104", 2, 12)]


def test_a_binary_file_reports_a_bounded_number_of_bytes(tmp_path):
    path = tmp_path / "binary.career"
    path.write_bytes(bytes(range(128, 256)) * 100)
    codes = [p.code for p in careerledger.load(path).problems]
    assert codes.count("E001") == 21  # twenty one by one, then one for the rest
