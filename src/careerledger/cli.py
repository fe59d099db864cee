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
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--as-of", type=DATE, help="Take this day as today (default: today).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
    help="text for people, json for editors, github for GitHub Actions annotations.",
)
@click.option("--select", multiple=True, metavar="CHECKS",
              help="Run only these warnings (names or codes, comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="CHECKS",
              help="Skip these warnings (names or codes, comma-separated; repeatable).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
@click.option("--root", "roots", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A root ledger to check instead of any FILE it includes (repeatable; for hooks).")
@click.option("--list-checks", is_flag=True, help="List every warning with its code and default, then exit.")
def check(files, as_of, fmt, select, ignore, strict, quiet, roots, list_checks):
    """Check ledgers for errors and career pitfalls.

    Prints nothing and exits 0 when a ledger has no errors and no warnings.
    Each problem is shown as `file:line:col: CODE message` with the line and a
    caret under the fault. Errors (E…) mean the file is wrong; warnings (W…)
    mean the career is drifting. Exit status: 0 no errors (warnings alone pass
    unless --strict), 1 errors, 2 usage error.

    \b
    Examples:
      careerledger check career.career
      careerledger check --ignore home-stale --strict career.career
      careerledger check --root career.career 2026.career   # as a pre-commit hook does
    """
    from . import pitfalls

    if list_checks:
        from .render import checks_table

        click.echo(checks_table(pitfalls.CHECKS))
        return
    if not files and not roots:
        raise click.UsageError("Missing argument 'FILES...'.")
    try:
        pitfalls.enabled(select, ignore)  # unknown names are usage errors, before any work
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--select/--ignore") from None

    from datetime import date

    from .loader import load
    from .render import problems_github, problems_json, problems_text, summary

    as_of = as_of or date.today()
    problems = []
    sources = {}
    for ledger in _ledgers(load, files, roots):
        names = pitfalls.enabled(select, ignore, ledger.options.check_ignore)
        problems.extend(ledger.problems)
        problems.extend(pitfalls.run(ledger, as_of, names))
        sources.update(ledger.sources)
    failed = any(p.severity == "error" or strict for p in problems)
    if not quiet:
        if fmt == "json":
            click.echo(problems_json(problems))
        elif fmt == "github":
            if problems:
                click.echo(problems_github(problems))
        elif problems:
            click.echo(problems_text(problems, sources), nl=False)
            click.echo(summary(problems))
    sys.exit(1 if failed else 0)


def _ledgers(load, files, roots):
    """Each root, then each FILE that no root reaches (checked on its own)."""
    import os

    reached = set()
    for root in roots:
        ledger = load(root)
        reached.update(os.path.realpath(f) for f in ledger.files)
        yield ledger
    for path in files:
        if os.path.realpath(path) not in reached:
            reached.add(os.path.realpath(path))
            yield load(path)
