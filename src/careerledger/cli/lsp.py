"""`careerledger lsp`: the language server on standard input/output (docs/lsp.md).

It needs the `lsp` extra (pygls and lsprotocol), imported only when this runs."""

import importlib.util
from typing import TYPE_CHECKING

import click

from .options import as_of_option

if TYPE_CHECKING:
    from datetime import date


@click.command(epilog="""\b
Examples:
  careerledger lsp                       # an editor starts it (stdio)
  careerledger lsp --root career.career  # included files checked in this root""")
@click.option("--root", type=click.Path(dir_okay=False), metavar="FILE",
              help="The root ledger, when the client's initializationOptions name none (default: $CAREERLEDGER_FILE).")
@as_of_option("Compute the warnings as of DATE, when the client's options say nothing (default: today).")
@click.option("--stdio", is_flag=True,
              help="Talk on standard input/output (the only transport; accepted for clients that pass it).")
def lsp(root: str | None, as_of: "date | None", stdio: bool) -> None:
    """Start the language server on standard input/output.

    Editors start it: it checks the whole ledger as you type (the problems
    `check` reports), completes keywords, keys, values, tags and names,
    shows hovers, goes to definitions, lists the outline and formats as
    `fmt` does. The root ledger comes from the client's initializationOptions
    {"root": "career.career", "asOf": "YYYY-MM-DD", "debounce": 250}, else
    --root, else $CAREERLEDGER_FILE, else each open file; a
    workspace/didChangeConfiguration with the same keys (under
    "careerledger") changes them. Needs the lsp extra:
    pip install 'careerledger[lsp]'. docs/lsp.md has the rest.
    """
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        raise click.ClickException("the language server needs the lsp extra: pip install 'careerledger[lsp]'")
    from ..lsp.server import main

    main(root, as_of)
