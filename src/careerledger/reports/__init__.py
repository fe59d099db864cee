"""Reports: one module per report, each `(ledger, as_of, window) -> Report`.

model.py has what a report is made of (sections of facts or tables of plain
values) and the registry; sections.py the sections several reports share.
Importing this package registers every report in REPORTS.
"""

# Each module registers its report when imported, in this order: the order REPORTS,
# and so `report --help`, lists them in. Hence not sorted.
from . import (  # noqa: F401, I001
    summary, swings, phases, cadence, roles, northstar, skills, landing, feedback, home, review,
)
from .model import ALL, REPORTS, Report, ReportError, Spec, Window, WindowError, build, window_of

__all__ = ["ALL", "REPORTS", "Report", "ReportError", "Spec", "Window", "WindowError", "build", "window_of"]
