"""careerledger: plain-text accounting for a career.

The library does the work and the CLI only calls it. The pipeline is
parse -> load -> check -> metrics -> reports -> render, one package per stage:

    import careerledger
    from careerledger import Role

    ledger = careerledger.load("jane.career")
    ledger.entries      # immutable, typed, sorted by date
    ledger.of(Role)     # the entries of one kind
    ledger.options      # resolved, with defaults
    ledger.problems     # every error found while loading and validating

docs/library.md documents the API. Names are imported on first use, so that
`import careerledger` (which every command does) stays cheap.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# name -> the module that defines it
_EXPORTS = {
    "load": "loader", "load_string": "loader", "load_many": "loader", "Ledger": "loader",
    "Problem": "core.problems", "Loc": "core.entries", "Duration": "core.entries", "Entry": "core.entries",
    "NorthStar": "core.entries", "Role": "core.entries", "Leave": "core.entries", "Bet": "core.entries",
    "Outcome": "core.entries", "Skill": "core.entries", "Update": "core.entries", "Explained": "core.entries",
    "Contract": "core.entries", "Feedback": "core.entries", "Listen": "core.entries", "Sotu": "core.entries",
    "Align": "core.entries", "Win": "core.entries", "Opportunity": "core.entries", "Decision": "core.entries",
    "Home": "core.entries", "Note": "core.entries", "Options": "core.options",
    "warnings": "checks.pitfalls",
}

# the names of _EXPORTS, written out so that type checkers and linters see them
__all__ = [  # noqa: RUF022  (kept in the order of _EXPORTS)
    "__version__",
    "load", "load_string", "load_many", "Ledger",
    "Problem", "Loc", "Duration", "Entry",
    "NorthStar", "Role", "Leave", "Bet",
    "Outcome", "Skill", "Update", "Explained",
    "Contract", "Feedback", "Listen", "Sotu",
    "Align", "Win", "Opportunity", "Decision",
    "Home", "Note", "Options",
    "warnings",
]

if TYPE_CHECKING:
    from .checks.pitfalls import warnings
    from .core.entries import (
        Align,
        Bet,
        Contract,
        Decision,
        Duration,
        Entry,
        Explained,
        Feedback,
        Home,
        Leave,
        Listen,
        Loc,
        NorthStar,
        Note,
        Opportunity,
        Outcome,
        Role,
        Skill,
        Sotu,
        Update,
        Win,
    )
    from .core.options import Options
    from .core.problems import Problem
    from .loader import Ledger, load, load_many, load_string


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'careerledger' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
