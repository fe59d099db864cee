"""With no FILE, `check`, `report` and `evaluate` use the ledger $CAREERLEDGER_FILE
names (as hledger uses LEDGER_FILE); without it they say how to set it."""

import pytest
from conftest import JANE, ROOT, run

ROLE_CHANGE = ROOT / "examples" / "evaluating-a-role-change.career"

HOW = "no ledger given: name a FILE, or set CAREERLEDGER_FILE to your ledger (export CAREERLEDGER_FILE="


@pytest.mark.parametrize("args", [["check"], ["report"], ["report", "roles"], ["evaluate", "AI Shopping Assistant"]])
def test_no_file_and_no_default_is_a_usage_error_that_says_how(args, monkeypatch):
    monkeypatch.delenv("CAREERLEDGER_FILE", raising=False)
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert HOW in result.stderr


@pytest.mark.parametrize(("args", "path"), [
    (["check", "--as-of", "2026-11-21"], JANE),
    (["report", "roles", "--as-of", "2026-11-21"], JANE),
    (["report", "--as-of", "2026-11-21"], JANE),
    (["evaluate", "AI Shopping Assistant"], ROLE_CHANGE),
])
def test_the_default_ledger_gives_what_naming_it_gives(args, path, monkeypatch):
    monkeypatch.delenv("CAREERLEDGER_FILE", raising=False)
    named = run(*args, path)
    monkeypatch.setenv("CAREERLEDGER_FILE", str(path))
    default = run(*args)
    assert (default.exit_code, default.stdout) == (named.exit_code, named.stdout)
    assert default.exit_code == 0
    assert default.stdout or args[0] == "check"


def test_a_file_on_the_command_line_wins_over_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("CAREERLEDGER_FILE", str(tmp_path / "missing.career"))
    assert run("check", "--as-of", "2026-11-21", JANE).exit_code == 0


def test_a_default_that_names_nothing_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.setenv("CAREERLEDGER_FILE", str(tmp_path / "missing.career"))
    result = run("check")
    assert result.exit_code == 2
    assert f"$CAREERLEDGER_FILE names '{tmp_path / 'missing.career'}', which does not exist." in result.stderr
