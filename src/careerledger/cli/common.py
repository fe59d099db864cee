"""What the commands share beyond options: loading a ledger for a command that
needs a right one."""

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..loader import Ledger


def load_without_errors(files: Sequence[str], width: int | None = None, color: str = "auto") -> "Ledger":
    """FILE... as one ledger; with errors, print them as `check` does (to
    standard error, fitted to it) and exit 1: numbers computed from a wrong
    ledger would be wrong too."""
    from ..loader import load_many
    from ..render.problems import problems_text, summary
    from .options import Terminal

    ledger = load_many(files)
    import gc

    gc.freeze()  # the ledger lives until the exit: collections need not scan it again
    errors = ledger.errors
    if errors:
        term = Terminal(width, color, err=True)
        term.echo(problems_text(errors, ledger.sources, term.width, term.paint), nl=False)
        term.echo(summary(errors, term.paint))
        sys.exit(1)
    return ledger


def write_for_option(output: str, text: str, read: Sequence[str], what: str) -> None:
    """Write `text` to the file `-o` names, as files.write_output does: never
    onto a file the ledger was read from (exit 2), one message on a failure."""
    from ..files import WouldOverwrite, write_output

    try:
        write_output(output, text, read)
    except WouldOverwrite:
        click.echo(f"careerledger: refusing to write the {what} onto {output}: the ledger reads it", err=True)
        sys.exit(2)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
