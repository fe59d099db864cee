"""Snapshots of every report in every format on examples/jane.career, as of
2026-11-21 (syrupy; tests/__snapshots__/test_report_snapshots.ambr).

A changed snapshot is a changed output: read the diff line by line against
the ledger before accepting it with `pytest --snapshot-update`.
"""

import pytest
from conftest import report_in_root

FORMATS = ("text", "json", "csv", "markdown")
# the first five reports; later reports keep their snapshots in modules of their own
# (test_northstar_snapshots.py, test_reports_more_snapshots.py)
REPORTS = ("summary", "swings", "phases", "cadence", "roles")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_report_snapshot(name, fmt, snapshot, monkeypatch):
    out = report_in_root(monkeypatch, name, "examples/jane.career", "--as-of", "2026-11-21", fmt=fmt)
    assert out == snapshot
