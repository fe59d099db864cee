"""The `careerledger` command: a thin layer over the library. Each command is
one module; options are parsed there and the work is done by the library,
imported only by the command that needs it so that start-up stays fast."""

import click

from .. import __version__
from .check import check
from .evaluate import evaluate
from .report import report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="careerledger")
def main() -> None:
    """Plain-text accounting for a career.

    Keep a Career Spec in a .career file of dated entries; careerledger checks
    it and turns it into honest metrics.
    """


main.add_command(check)
main.add_command(report)
main.add_command(evaluate)
