"""The `careerledger` command itself: its group (version, help, an unknown
command) and its entry points: the installed script and `python -m
careerledger`, run as real processes. Each command has its own tests:
test_cli_check.py, test_cli_report.py, test_cli_evaluate.py.
"""

import json
import os
import signal
import subprocess
import sys

import pytest
from conftest import COMMAND, JANE, process, run
from test_cli_check import BAD, GOOD, NOTES_AS_OF  # notes only, and the same two errors

from careerledger import __version__

AS_OF = NOTES_AS_OF


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"careerledger, version {__version__}\n"
    assert run("-V").output == result.output


def test_main_help():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: careerledger [OPTIONS] COMMAND [ARGS]...\n")
    for command in ("check", "report", "evaluate"):
        assert f"\n  {command} " in result.output
    assert run("-h").output == result.output


def test_unknown_command_exit_2():
    result = run("frobnicate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error: No such command 'frobnicate'." in result.stderr


# --- the installed command and `python -m`: real processes --------------------------------------------


def test_installed_command_bad_file(ledger_file):
    path = ledger_file(BAD)
    proc = process("check", "--as-of", AS_OF, path, text=True)
    assert proc.returncode == 1
    assert f"{path}:3:12: E104 unknown keyword 'nope'" in proc.stdout
    assert proc.stdout.rstrip("\n").split("\n")[-1] == "2 errors"
    assert proc.stderr == ""


def test_installed_command_good_file(ledger_file):
    proc = process("check", "--as-of", AS_OF, ledger_file(GOOD), text=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_installed_command_usage_error():
    proc = process("check", "/nonexistent/x.career", text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.endswith("Error: Invalid value for '[FILES]...': File '/nonexistent/x.career' does not exist.\n")


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


# --- the process and its environment: standard input and output, encodings, signals ----------------


def test_dash_reads_the_ledger_from_standard_input(tmp_path):
    result = run("check", "--as-of", "2025-01-01", "-", input='2024-01-01 rol "x" at "y"\n')
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:12: E104 unknown keyword 'rol'")
    report = run("report", "summary", "--as-of", "2025-01-01", "-", input='option "owner" "Ann"\n')
    assert report.exit_code == 0
    assert report.output.startswith("Summary: Ann, as of 2025-01-01")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_on_a_full_device_is_one_message():
    with open("/dev/full", "wb") as full:
        done = subprocess.run([str(COMMAND), "report", "summary", "--as-of", "2026-11-21", str(JANE)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 1
    assert done.stderr.decode() == "careerledger: cannot write the output: No space left on device\n"


@pytest.mark.slow  # five processes per encoding
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "ascii"])
def test_output_in_an_encoding_without_the_characters_uses_stand_ins(encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for args in (["report", "cadence"], ["report", "home"], ["report", "summary"], ["check"]):
        done = process(*args, "--as-of", "2026-11-21", JANE, env=env)
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
    if encoding != "ascii":  # for ASCII, click itself writes UTF-8 instead
        home = process("report", "home", "--as-of", "2026-11-21", JANE, env=env).stdout.decode(encoding)
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
    done = subprocess.run(f"'{COMMAND}' report cadence --as-of 2026-11-21 '{JANE}' | head -1", shell=True,
                          capture_output=True, timeout=120)
    assert done.stdout.startswith(b"Cadence: Jane Doe")
    assert done.stderr == b""
