"""The `careerledger` command. Options are parsed here; the work is done by the
library (loader, validate, render), imported only by the command that needs it
so that start-up stays fast."""

import sys

import click

from . import __version__


class DateType(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        from .dates import parse_date

        day = parse_date(value)
        if day is None:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD (a real day) or YYYY-MM", param, ctx)
        return day


DATE = DateType()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="careerledger")
def main():
    """Plain-text accounting for a career.

    Keep a Career Spec in a .career file of dated entries; careerledger checks
    it and turns it into honest metrics.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--as-of", type=DATE, help="Take this day as today (default: today).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text for people, json for editors and tools.",
)
def check(files, as_of, fmt):
    """Check ledgers for errors; print nothing and exit 0 when they are right.

    Each problem is shown as `file:line:col: CODE message` with the line and a
    caret under the fault. Exit status: 0 no errors, 1 errors, 2 usage error.

    \b
    Example:
      careerledger check examples/jane.career
    """
    from .loader import load
    from .render import problems_json, problems_text, summary

    problems = []
    sources = {}
    for path in files:
        ledger = load(path, as_of=as_of)
        problems.extend(ledger.problems)
        sources.update(ledger.sources)
    if fmt == "json":
        click.echo(problems_json(problems))
    elif problems:
        click.echo(problems_text(problems, sources), nl=False)
        click.echo(summary(problems))
    sys.exit(1 if any(p.severity == "error" for p in problems) else 0)
