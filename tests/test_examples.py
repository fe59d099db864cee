"""Every example ledger shipped in examples/ loads with no problems."""

from pathlib import Path

import pytest

from click.testing import CliRunner

from careerledger import load
from careerledger.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.career"))


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.career yet")
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_has_no_problems(path):
    ledger = load(path)
    assert [(p.loc.file, p.loc.line, p.loc.col, p.code, p.message) for p in ledger.problems] == []
    assert ledger.entries, f"{path.name} has no entries"


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.career yet")
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_passes_check(path):
    # warnings may show (examples can demonstrate them), but no error fails the run
    result = CliRunner().invoke(main, ["check", "--as-of", "2025-06-30", str(path)])
    assert result.exit_code == 0, result.output
