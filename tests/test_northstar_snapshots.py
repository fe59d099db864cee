"""Snapshots of `report northstar` in every format on every example, as of
2026-11-21, and of `evaluate` (text and JSON) on every opportunity of the
examples plus the ad-hoc "stay put" alternative of the worked example (syrupy;
tests/__snapshots__/test_northstar_snapshots.ambr).

A changed snapshot is a changed output: read the diff line by line against
the ledger and docs/metrics.md before accepting it with `pytest --snapshot-update`.
"""

import pytest
from conftest import EXAMPLES as PATHS
from conftest import report_in_root, run_in_root

EXAMPLES = [p.name for p in PATHS]
FORMATS = ("text", "json", "csv", "markdown")

OPPORTUNITIES = [
    ("evaluating-a-role-change.career", "AI Shopping Assistant", ()),
    ("evaluating-a-role-change.career", "Stay on Checkout",
     ("--track", "core", "--phase", "impact", "--builds", "core-mechanics", "--as-of", "2026-10-06")),
    ("jane.career", "Director of Product, Core Lending", ()),
    ("jane.career", "Fractional CPO", ()),
    ("jane.career", "Head of Product, Embedded Finance", ()),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_northstar_snapshot(example, fmt, snapshot, monkeypatch):
    out = report_in_root(monkeypatch, "northstar", f"examples/{example}", "--as-of", "2026-11-21", fmt=fmt)
    assert out == snapshot


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize(("example", "name", "extra"), OPPORTUNITIES, ids=[n for _, n, _ in OPPORTUNITIES])
def test_evaluate_snapshot(example, name, extra, fmt, snapshot, monkeypatch):
    out = run_in_root(monkeypatch, "evaluate", name, f"examples/{example}", *extra, "--format", fmt)
    assert out == snapshot
