"""Shared helpers: ledger text in, Ledger out.

Every test writes its ledger inline; `parse` dedents it so that it can be
indented with the test, and `ledger_file` writes one to a temporary file for
the tests that need a real path (includes, bytes, the CLI).
"""

import textwrap
from pathlib import Path

import pytest

from careerledger import load_string


def dedent(text):
    """Dedent an inline ledger and drop the newline right after the opening quotes."""
    text = textwrap.dedent(text)
    return text[1:] if text.startswith("\n") else text


def parse(text, filename="test.career", *, raw=False):
    """Load ledger text (dedented unless `raw`) -> Ledger."""
    return load_string(text if raw else dedent(text), filename)


def only_entry(text, **kw):
    """The single entry of a ledger that must load with no problems."""
    ledger = parse(text, **kw)
    assert ledger.problems == (), [(p.code, p.loc.line, p.loc.col, p.message) for p in ledger.problems]
    assert len(ledger.entries) == 1, ledger.entries
    return ledger.entries[0]


def codes(ledger):
    """(code, line, col) of every problem, in the order reported."""
    return [(p.code, p.loc.line, p.loc.col) for p in ledger.problems]


@pytest.fixture
def ledger_file(tmp_path):
    """Write a ledger file under tmp_path: ledger_file(text, name="main.career") -> Path.

    Text is dedented; pass bytes to write them as they are. `name` may contain
    directories, which are created.
    """

    def write(text, name="main.career"):
        path = Path(tmp_path, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            # newline="" keeps \r\n as written instead of translating \n.
            path.write_text(dedent(text), encoding="utf-8", newline="")
        return path

    return write
