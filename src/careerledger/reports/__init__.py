"""Reports: one module per report, each `(ledger, as_of, window) -> Report`.

model.py has what a report is made of (sections of facts or tables of plain
values) and the registry; sections.py the sections several reports share.
Importing this package registers every report in REPORTS.
"""

from . import (  # noqa: F401  (each module registers its report)
    cadence,
    feedback,
    home,
    landing,
    northstar,
    phases,
    review,
    roles,
    skills,
    summary,
    swings,
)
from .model import ALL, REPORTS, Report, ReportError, Spec, Window, WindowError, build, window_of

__all__ = ["ALL", "REPORTS", "Report", "ReportError", "Spec", "Window", "WindowError", "build", "window_of"]
