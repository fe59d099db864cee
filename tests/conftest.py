"""Shared helpers: ledger text in, Ledger out; the command line in, its result out.

Every test writes its ledger inline; `parse` dedents it so that it can be
indented with the test, `ledger` does the same for a ledger that must load
with no problem, and `ledger_file` writes one to a temporary file for the
tests that need a real path (includes, bytes, the CLI). `run` invokes the
command in-process with exceptions propagating, so that a crash fails the
test with its traceback instead of hiding in the result; `process` runs the
installed command as a real process, where the process itself matters
(signals, pipes, encodings, devices).
"""

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger.cli import main
from careerledger.loader import load_string

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = sorted((ROOT / "examples").glob("*.career"))
JANE = ROOT / "examples" / "jane.career"  # it includes jane-2026.career
COMMAND = Path(sys.executable).parent / "careerledger"  # the installed command

D = date.fromisoformat
ROLE_META = "  track: core\n  phase: impact\n"  # the required metadata of a role, for malformed ledgers


def dedent(text):
    """Dedent an inline ledger and drop the newline right after the opening quotes."""
    text = textwrap.dedent(text)
    return text[1:] if text.startswith("\n") else text


def parse(text, filename="test.career", *, raw=False):
    """Load ledger text (dedented unless `raw`) -> Ledger."""
    return load_string(text if raw else dedent(text), filename)


def ledger(text, filename="test.career"):
    """Load an inline ledger that must have no problem at all -> Ledger."""
    led = parse(text, filename)
    assert led.problems == (), [(p.code, p.loc.line, p.loc.col, p.message) for p in led.problems]
    return led


def only_entry(text, **kw):
    """The single entry of a ledger that must load with no problems."""
    led = parse(text, **kw)
    assert led.problems == (), [(p.code, p.loc.line, p.loc.col, p.message) for p in led.problems]
    assert len(led.entries) == 1, led.entries
    return led.entries[0]


def codes(ledger):
    """(code, line, col) of every problem, in the order reported."""
    return [(p.code, p.loc.line, p.loc.col) for p in ledger.problems]


def assert_one_problem(text, code, line, col, hint=None):
    """A malformed ledger (written as is, not dedented) has exactly one problem: an
    error with this code at this line and column, and, when given, a hint holding
    `hint`. -> the Problem."""
    led = parse(text, raw=True)
    assert codes(led) == [(code, line, col)], [(p.code, p.loc.line, p.loc.col, p.message) for p in led.problems]
    problem = led.problems[0]
    assert problem.loc.file == "test.career"
    assert problem.severity == "error"
    assert problem.length >= 1
    assert problem.message  # says something
    if hint is not None:
        assert problem.hint is not None
        assert hint in problem.hint, problem.hint
    return problem


def run(*args, input=None):
    """`careerledger ARGS...` in-process -> click's Result (its stdout and stderr
    apart; `input` is the standard input). An exception other than the
    SystemExit that ends every command propagates: a crash is a failed test,
    never an exit code to look at."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="careerledger",
                              catch_exceptions=False)


def process(*args, **kwargs):
    """`careerledger ARGS...` as a real process of the installed command ->
    CompletedProcess, its output captured (bytes unless text=True is given)."""
    return subprocess.run([str(COMMAND), *map(str, args)], capture_output=True, timeout=120, **kwargs)


def run_in_root(monkeypatch, *args):
    """The standard output of `careerledger ARGS...` (which must succeed) run from
    the repository's root, so that paths such as examples/jane.career are
    relative and the output does not depend on where the repository lives."""
    monkeypatch.chdir(ROOT)
    return ok(run(*args))


def ok(result):
    """The standard output of a command that must succeed."""
    assert result.exit_code == 0, result.output
    return result.stdout


def section(report, key):
    """The one section of a Report with this key."""
    [s] = [s for s in report.sections if s.key == key]
    return s


def facts(report, key):
    """A facts section as {key: value}."""
    return {f.key: f.value for f in section(report, key).facts}


def rows(report, key):
    """A table section as [{column key: value}]."""
    s = section(report, key)
    return [dict(zip((c.key for c in s.columns), row, strict=True)) for row in s.rows]


def days(length):
    """A Length as (start, end, days); None stays None."""
    return (length.start, length.end, length.days) if length is not None else None


@pytest.fixture
def jane(tmp_path):
    """A copy of examples/jane.career (and the file it includes) in tmp_path -> its Path."""
    for name in ("jane.career", "jane-2026.career"):
        (tmp_path / name).write_bytes((ROOT / "examples" / name).read_bytes())
    return tmp_path / "jane.career"


@pytest.fixture
def ledger_file(tmp_path):
    """Write a ledger file under tmp_path: ledger_file(text, name="main.career") -> Path.

    Text is dedented; pass bytes to write them as they are. `name` may contain
    directories, which are created.
    """

    def write(text, name="main.career"):
        path = Path(tmp_path, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            # newline="" keeps \r\n as written instead of translating \n.
            path.write_text(dedent(text), encoding="utf-8", newline="")
        return path

    return write


def report_in_root(monkeypatch, name, *args, fmt):
    """`careerledger report NAME ARGS... --format FMT` run from the repository's
    root; csv, one table a file, is every section's table in turn, each under a
    `--- section` line."""
    if fmt != "csv":
        return run_in_root(monkeypatch, "report", name, *args, "--format", fmt)
    from careerledger.cli.report import section_keys

    keys = section_keys()[name]
    return "".join(f"--- {key}\n" + run_in_root(monkeypatch, "report", name, *args, "--format", "csv",
                                                 "--section", key) for key in keys)
