"""Every example ledger shipped in examples/ loads with no problems and passes `check`."""

import pytest
from conftest import EXAMPLES, run

from careerledger.loader import load


def test_there_are_examples():
    # the examples the docs, the snapshots and the tests below name
    assert {p.name for p in EXAMPLES} >= {
        "evaluating-a-role-change.career", "jane-2026.career", "jane.career", "managing-up.career"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_has_no_problems(path):
    ledger = load(path)
    assert [(p.loc.file, p.loc.line, p.loc.col, p.code, p.message) for p in ledger.problems] == []
    assert ledger.entries, f"{path.name} has no entries"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_passes_check(path):
    # warnings may show (examples can demonstrate them), but no error fails the run
    result = run("check", "--as-of", "2025-06-30", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" or result.stdout.splitlines()[-1].startswith("0 errors, "), result.stdout
