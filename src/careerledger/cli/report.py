"""`careerledger report [NAME] FILE...`: the reports, in four formats."""

import os
from typing import TYPE_CHECKING

import click

from ..render import REPORT_FORMATS
from .common import load_without_errors
from .options import as_of_option, format_option, ledger_files, output_option, path_problem, window_options

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date

    from ..reports import Spec


class _ReportCommand(click.Command):
    """`report`: the usage line names NAME, and --help lists the reports, read
    from the registry only when help is shown (start-up stays fast)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["[OPTIONS]", "[NAME]", "[FILE]..."]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        from ..reports import REPORTS

        with formatter.section("Reports"):
            formatter.write_dl([(spec.name, spec.summary) for spec in REPORTS.values()])


_WINDOW_HINTS = {"period": "'-p' / '--period'", "begin": "'-b' / '--begin'", "end": "'-e' / '--end'"}


@click.command(cls=_ReportCommand, short_help="Report on a ledger: summary, swings, skills, landing, review and more.",
               epilog="""\b
Examples:
  careerledger report career.career                  # the summary
  careerledger report swings --format json career.career
  careerledger report cadence -p last-year -o cadence.md --format markdown career.career
  careerledger report landing --role "Senior PM, Retention" career.career
  careerledger report review -p 2026-09 career.career    # markdown, to paste into an email""")
@click.argument("args", nargs=-1, metavar="[NAME] [FILE]...")
@as_of_option()
@window_options
@format_option(REPORT_FORMATS, "text for people, markdown for documents, csv and json for programs "
                               "(default: text; markdown for review).")
@output_option()
@click.option("--role", metavar="TITLE",
              help="landing only: the main role with this title (the latest one) instead of the current one.")
@click.option("--all", "all_roles", is_flag=True, help="landing only: every main role, oldest first.")
@click.option("--for", "audience", type=click.Choice(["manager", "me"]),
              help="review only: the packet for your manager (the default), or for you, with the "
                   "self-management figures and the warnings.")
def report(
    args: tuple[str, ...], as_of: "date | None", begin: str | None, end: str | None, period: str | None,
    fmt: str | None, output: str | None, role: str | None, all_roles: bool, audience: str | None,
) -> None:
    """Report on a ledger: NAME (default summary) for the ledger in FILE
    (default: the one $CAREERLEDGER_FILE names).

    Several FILEs are read as one ledger, as if the first included the others
    (a file reached twice is read once). A ledger with errors gives no
    report: its problems are printed as `check` prints them, and the exit
    status is 1. -b/-e/-p restrict what a report lists (bets, runs, periods,
    roles… that overlap the span); the career-wide figures stay career-wide
    and say which span they cover. docs/json.md documents --format json.

    `landing` shows the current main role's 30/60/90 days; --role TITLE
    picks another main role, --all lists every one (other reports refuse
    both). `review` is the packet for the period given with -p (default: the
    last whole month before --as-of), compared with the period of the same
    length before it; it prints markdown unless --format says otherwise.
    --for manager (the default) or --for me (adds the self-management
    figures and the warnings).
    """
    from datetime import date

    from .. import reports

    name, files = _report_args(args, reports.REPORTS)
    spec = reports.REPORTS[name]
    params = _report_params(spec, role, all_roles, audience)
    fmt = fmt or spec.format
    as_of = as_of or date.today()
    try:
        window = reports.window_of(as_of, begin, end, period)
    except reports.WindowError as e:
        if e.option is None:
            raise click.UsageError(str(e)) from None
        raise click.BadParameter(str(e), param_hint=_WINDOW_HINTS[e.option]) from None

    from ..render.report import render

    ledger = load_without_errors(files)
    try:
        built = reports.build(name, ledger, as_of, window, **params)
    except reports.ReportError as e:
        raise click.BadParameter(str(e), param_hint="'--role'") from None
    text = render(built, fmt)
    if output:
        from .common import write_for_option

        write_for_option(output, text, ledger.files, "report")
    else:
        click.echo(text, nl=False)


_OWN_OPTIONS = {"role": ("--role", "landing"), "all_roles": ("--all", "landing"), "audience": ("--for", "review")}


def _report_params(spec: "Spec", role: str | None, all_roles: bool, audience: str | None = None) -> dict[str, object]:
    """--role, --all and --for -> the report's own keyword parameters; a report
    that does not take one (--role and --all are landing's, --for review's)
    makes it a usage error."""
    given: dict[str, object] = {k: v for k, v in (("role", role), ("all_roles", all_roles), ("audience", audience))
                                if v}
    for key in given:
        if key not in spec.options:
            flag, owner = _OWN_OPTIONS[key]
            raise click.UsageError(f"{flag} is for the {owner} report only, not {spec.name}")
    if "role" in given and "all_roles" in given:
        raise click.UsageError("use --role TITLE or --all, not both")
    return given


def _report_args(args: tuple[str, ...], names: "Collection[str]") -> tuple[str, tuple[str, ...]]:
    """[NAME] FILE... -> (name, files); a first word that is neither a report nor
    a file is a usage error with a hint."""
    if args and args[0] in names:
        name, files = args[0], args[1:]
    elif (args and args[0] != "-" and not os.path.exists(args[0])
          and (len(args) > 1 or os.path.splitext(args[0])[1] == "")):
        from ..core.problems import did_you_mean

        raise click.UsageError(f"unknown report '{args[0]}': {did_you_mean(args[0], names)}")
    else:
        name, files = "summary", args
    files = ledger_files(files)
    for path in files:
        problem = path_problem(path)
        if problem is not None:
            raise click.BadParameter(f"'{path}' {problem}.", param_hint="'[NAME] FILE...'")
    return name, files
