"""careerledger: plain-text accounting for a career.

The library does the work and the CLI only calls it. The pipeline is
parse -> load -> validate -> compute -> render, one module per stage:

    ledger = careerledger.load("jane.career")
    ledger.entries      # immutable, typed, sorted by date
    ledger.options      # resolved, with defaults
    ledger.problems     # every error found while loading and validating
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load", "load_string"]


def load(path, *, as_of=None):
    """Load a ledger file (and its includes); see careerledger.loader.load."""
    from .loader import load as _load

    return _load(path, as_of=as_of)


def load_string(text, filename="<string>"):
    """Load a ledger from text; includes resolve relative to the current directory."""
    from .loader import load_string as _load_string

    return _load_string(text, filename)
