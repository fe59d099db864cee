"""Snapshots of every report in every format on examples/jane.career, as of
2026-11-21 (syrupy; tests/__snapshots__/test_report_snapshots.ambr).

A changed snapshot is a changed output: read the diff line by line against
the ledger before accepting it with `pytest --snapshot-update`.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger.cli import main

JANE = Path(__file__).resolve().parent.parent / "examples" / "jane.career"
FORMATS = ("text", "json", "csv", "markdown")
# the first five reports; later reports keep their snapshots in modules of their own
# (test_northstar_snapshots.py, test_reports_more_snapshots.py)
REPORTS = ("summary", "swings", "phases", "cadence", "roles")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_report_snapshot(name, fmt, snapshot, monkeypatch):
    # relative path: the output must not depend on where the repository lives
    monkeypatch.chdir(JANE.parent.parent)
    result = CliRunner().invoke(
        main, ["report", name, "examples/jane.career", "--as-of", "2026-11-21", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot
