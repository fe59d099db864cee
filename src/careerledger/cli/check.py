"""`careerledger check`: errors and career pitfalls, for people, editors and CI."""

import sys
from typing import TYPE_CHECKING

import click

from ..render import PROBLEM_FORMATS
from .options import LEDGER, Terminal, as_of_option, completer, format_option, ledger_files, terminal_options

if TYPE_CHECKING:
    from datetime import date

    from ..core.problems import Problem


@click.command()
@click.argument("files", nargs=-1, type=LEDGER)
@as_of_option()
@format_option(PROBLEM_FORMATS, "text for people; concise (one line a problem, never wrapped) and json for "
                                "editors; github for GitHub Actions annotations.", default="text")
@click.option("--select", multiple=True, metavar="CHECKS", shell_complete=completer("check_names"),
              help="Run only these warnings (names or codes, comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="CHECKS", shell_complete=completer("check_names"),
              help="Skip these warnings (names or codes, comma-separated; repeatable).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
@click.option("--root", "roots", multiple=True, type=LEDGER,
              help="A root ledger to check instead of any FILE it includes (repeatable; for hooks).")
@click.option("--list-checks", is_flag=True, help="List every warning with its code and default, then exit.")
@terminal_options
def check(
    files: tuple[str, ...], as_of: "date | None", fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
    strict: bool, quiet: bool, roots: tuple[str, ...], list_checks: bool, width: int | None, color: str,
) -> None:
    """Check ledgers for errors and career pitfalls.

    Prints nothing and exits 0 when a ledger has no errors and no warnings.
    With no FILE, checks the ledger $CAREERLEDGER_FILE names.
    Each problem is shown as `file:line:col: CODE message` with the line and a
    caret under the fault. Errors (E…) mean the file is wrong; warnings (W…)
    mean the career is drifting. Exit status: 0 no errors (warnings alone pass
    unless --strict), 1 errors, 2 usage error.

    \b
    Examples:
      careerledger check career.career
      careerledger check --ignore home-stale --strict career.career
      careerledger check --root career.career 2026.career  # as a hook does
    """
    from ..core.problems import enabled_checks

    if list_checks:
        from ..render.problems import checks_table

        term = Terminal(width, color)
        term.echo(checks_table(term.width, term.paint))
        return
    if not roots:
        files = ledger_files(files)
    try:
        enabled_checks(select, ignore)  # unknown names are usage errors, before any work
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--select/--ignore") from None

    from datetime import date

    from ..checks import pitfalls
    from ..loader import load_roots
    from ..render.problems import problems_concise, problems_github, problems_json, problems_text, summary

    as_of = as_of or date.today()
    problems: list[Problem] = []
    sources: dict[str, str] = {}
    import gc

    for ledger in load_roots(roots, files):
        # The ledger lives until the exit: the cycle collector need not scan it
        # again at every collection the checks trigger.
        gc.freeze()
        names = enabled_checks(select, ignore, ledger.options.check_ignore)
        # Errors first (the file is wrong), then warnings (the career drifts).
        problems.extend(ledger.problems)
        problems.extend(pitfalls.run(ledger, as_of, names))
        sources.update(ledger.sources)
    failed = any(p.severity == "error" or strict for p in problems)
    if not quiet:
        if fmt == "json":
            click.echo(problems_json(problems))
        elif fmt == "concise":
            click.echo(problems_concise(problems), nl=False)
        elif fmt == "github":
            if problems:
                click.echo(problems_github(problems))
        elif problems:
            term = Terminal(width, color)
            term.echo(problems_text(problems, sources, term.width, term.paint), nl=False)
            term.echo(summary(problems, term.paint))
    sys.exit(1 if failed else 0)
