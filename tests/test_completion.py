"""Shell completion through click's own protocol (what the bash, zsh and fish
scripts of `_CAREERLEDGER_COMPLETE=…_source` ask): report names, sections,
check names, period words, entry kinds, and the ledger's opportunities and
role titles, read from the ledger on the line or $CAREERLEDGER_FILE."""

import pytest
from click.testing import CliRunner
from conftest import JANE

from careerledger.cli import main


def complete(line, monkeypatch, ledger=JANE):
    """The (type, value) pairs bash would be offered for `line` (the last word
    being completed; a trailing space starts a new one)."""
    if ledger is None:
        monkeypatch.delenv("CAREERLEDGER_FILE", raising=False)
    else:
        monkeypatch.setenv("CAREERLEDGER_FILE", str(ledger))
    words = line.split(" ")
    env = {"_CAREERLEDGER_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = CliRunner().invoke(main, [], env=env, prog_name="careerledger", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [tuple(item.split(",", 1)) for item in result.stdout.splitlines() if item]


def plain(line, monkeypatch, **kw):
    return [value for kind, value in complete(line, monkeypatch, **kw) if kind == "plain"]


def test_commands(monkeypatch):
    assert plain("careerledger e", monkeypatch) == ["evaluate", "export"]


def test_report_names_then_files(monkeypatch):
    assert complete("careerledger report s", monkeypatch) == [
        ("plain", "summary"), ("plain", "swings"), ("plain", "skills"), ("file", "s")]
    assert complete(f"careerledger report summary {JANE.parent}/j", monkeypatch) == [
        ("file", f"{JANE.parent}/j")]


def test_sections_of_the_report_on_the_line(monkeypatch):
    assert plain("careerledger report home --section ", monkeypatch) == ["history", "trend", "last", "checkins"]
    assert plain("careerledger report --section la", monkeypatch) == ["last_swing", "landing"]  # summary's


def test_check_names_and_codes_in_a_comma_list(monkeypatch):
    assert plain("careerledger check --select swing", monkeypatch) == ["swing-due"]
    assert plain("careerledger check --ignore drift,W20", monkeypatch)[:2] == ["drift,W201", "drift,W202"]


def test_period_words(monkeypatch):
    assert plain("careerledger report -p last-q", monkeypatch) == ["last-quarter"]
    assert "this-month" in plain("careerledger report cadence -b this", monkeypatch)


def test_entry_kinds_for_add(monkeypatch):
    assert sorted(plain("careerledger add o", monkeypatch)) == ["opportunity", "outcome"]


def test_opportunities_from_the_ledger_then_files(monkeypatch):
    names = ["Director of Product, Core Lending", "Fractional CPO", "Head of Product, Embedded Finance"]
    assert plain("careerledger evaluate ", monkeypatch) == names
    assert plain('careerledger evaluate Fractional', monkeypatch) == ["Fractional CPO"]
    # the ledger named on the line wins over $CAREERLEDGER_FILE, and a name given is not offered again
    found = complete(f"careerledger evaluate Fractional {JANE} ", monkeypatch, ledger=None)
    assert ("plain", "Director of Product, Core Lending") in found
    assert ("file", "") in found


def test_role_titles_from_the_ledger(monkeypatch):
    assert plain("careerledger report landing --role Group", monkeypatch) == ["Group PM, Lending"]
    assert plain(f"careerledger report landing {JANE} --role Senior", monkeypatch, ledger=None) == [
        "Senior PM, Mobile App"]


@pytest.mark.parametrize("ledger", [None, "missing"])
def test_no_ledger_or_a_broken_one_completes_nothing_and_never_fails(monkeypatch, tmp_path, ledger):
    if ledger == "missing":
        ledger = tmp_path / "nope.career"
    assert plain("careerledger evaluate ", monkeypatch, ledger=ledger) == []
    broken = tmp_path / "broken.career"
    broken.write_bytes(b"\xff\xfe\x00garbage\n")
    assert plain("careerledger report landing --role ", monkeypatch, ledger=broken) == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script(shell):
    result = CliRunner().invoke(main, [], env={"_CAREERLEDGER_COMPLETE": f"{shell}_source"}, prog_name="careerledger")
    assert result.exit_code == 0
    assert "_CAREERLEDGER_COMPLETE" in result.stdout
