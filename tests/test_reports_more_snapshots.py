"""Snapshots of the reports skills, landing, feedback, home and review in every
format on examples/jane.career and examples/managing-up.career, as of
2026-11-21, plus the landing of every role and the review packets of the
managing-up example's story (syrupy; tests/__snapshots__/test_reports_more_snapshots.ambr).

A changed snapshot is a changed output: read the diff line by line against
the ledger and docs/metrics.md before accepting it with `pytest --snapshot-update`.
"""

import pytest
from conftest import report_in_root, run_in_root

EXAMPLES = ("jane.career", "managing-up.career")
FORMATS = ("text", "json", "csv", "markdown")
REPORTS = ("skills", "landing", "feedback", "home", "review")

# (example, report, options): the other views a user asks for, in text and markdown
EXTRA = [
    ("jane.career", "landing", ("--all",)),
    ("managing-up.career", "landing", ("--all",)),
    ("jane.career", "landing", ("--role", "Group PM, Lending")),
    ("jane.career", "review", ("-p", "2026-Q3")),
    ("managing-up.career", "review", ("-p", "2026-06")),  # the 15% lift and the June summary
    ("managing-up.career", "review", ("-p", "2025-Q1")),
    ("managing-up.career", "review", ("-p", "2026-05")),  # the first learning summary
    ("managing-up.career", "review", ("-p", "2026-09")),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("name", REPORTS)
def test_report_snapshot(name, example, fmt, snapshot, monkeypatch):
    out = report_in_root(monkeypatch, name, f"examples/{example}", "--as-of", "2026-11-21", fmt=fmt)
    assert out == snapshot


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize(("example", "name", "options"), EXTRA,
                         ids=[f"{n}-{e.split('.')[0]}-{'_'.join(o)}" for e, n, o in EXTRA])
def test_report_view_snapshot(example, name, options, fmt, snapshot, monkeypatch):
    out = run_in_root(monkeypatch, "report", name, f"examples/{example}", *options, "--as-of", "2026-11-21",
                 "--format", fmt)
    assert out == snapshot
