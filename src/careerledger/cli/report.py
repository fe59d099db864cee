"""`careerledger report [NAME] FILE...`: the reports, in five formats."""

import os
from typing import TYPE_CHECKING

import click

from ..render import FORMAT_ALIASES, FORMAT_EXTENSIONS, REPORT_FORMATS
from .common import load_without_errors
from .options import (
    Terminal,
    as_of_option,
    completer,
    format_option,
    ledger_files,
    path_problem,
    terminal_options,
    window_options,
)

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence
    from datetime import date

    from ..reports import Report, Spec


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
        with formatter.section("Sections (for --section; docs/json.md has each one's fields)"):
            formatter.write_dl([(name, ", ".join(keys)) for name, keys in section_keys().items()])


def section_keys() -> dict[str, tuple[str, ...]]:
    """Each report's section keys, in order; they do not depend on the ledger,
    so an empty one tells them."""
    from datetime import date

    from .. import reports
    from ..loader import load_string

    empty, day = load_string(""), date(2000, 1, 1)
    return {name: tuple(s.key for s in reports.build(name, empty, day).sections) for name in reports.REPORTS}


_WINDOW_HINTS = {"period": "'-p' / '--period'", "begin": "'-b' / '--begin'", "end": "'-e' / '--end'"}


@click.command(cls=_ReportCommand, short_help="Report on a ledger: summary, swings, skills, landing, review and more.",
               epilog="""\b
Examples:
  careerledger report career.career                  # the summary
  careerledger report swings --format json career.career
  careerledger report cadence -p last-year -o cadence.md career.career
  careerledger report landing --role "Senior PM, Retention" career.career
  careerledger report review -p 2026-09 career.career   # markdown, to email
  careerledger report -o career.html career.career      # the picture
  careerledger report cadence --section periods --format csv career.career
  careerledger report cadence -o sheets/ --format csv career.career""")
@click.argument("args", nargs=-1, metavar="[NAME] [FILE]...", shell_complete=completer("report_args"))
@as_of_option()
@window_options
@format_option(REPORT_FORMATS + tuple(FORMAT_ALIASES),
               "text (txt) for people, markdown (md) for documents, html for a page to look at, csv and json "
               "for programs (default: from -o's extension, else text; markdown for review).")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (replaced atomically) instead of standard output; its extension "
                   "(.txt .md .html .json .csv) picks the format when --format is not given. With csv, a FILE "
                   "ending in / (or a folder) gets one REPORT-SECTION.csv file per section.")
@click.option("--section", metavar="NAME", shell_complete=completer("sections"),
              help="Only this section (its key, as in --help below and docs/json.md); csv needs one when a "
                   "report has several.")
@terminal_options
@click.option("--role", metavar="TITLE", shell_complete=completer("role_titles"),
              help="landing only: the main role with this title (the latest one) instead of the current one.")
@click.option("--all", "all_roles", is_flag=True, help="landing only: every main role, oldest first.")
@click.option("--for", "audience", type=click.Choice(["manager", "me"]),
              help="review only: the packet for your manager (the default), or for you, with the "
                   "self-management figures and the warnings.")
def report(
    args: tuple[str, ...], as_of: "date | None", begin: str | None, end: str | None, period: str | None,
    fmt: str | None, output: str | None, section: str | None, width: int | None, color: str, role: str | None,
    all_roles: bool, audience: str | None,
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
    fmt = _format(fmt, output, spec.format)
    as_of = as_of or date.today()
    try:
        window = reports.window_of(as_of, begin, end, period)
    except reports.WindowError as e:
        if e.option is None:
            raise click.UsageError(str(e)) from None
        raise click.BadParameter(str(e), param_hint=_WINDOW_HINTS[e.option]) from None
    to_folder = output is not None and fmt == "csv" and (output.endswith(("/", os.sep)) or os.path.isdir(output))

    from ..render.report import only, render

    ledger = load_without_errors(files, width, color)
    try:
        built = reports.build(name, ledger, as_of, window, **params)
    except reports.ReportError as e:
        raise click.BadParameter(str(e), param_hint="'--role'") from None
    keys = [s.key for s in built.sections]
    if section is not None:
        if section not in keys:
            raise click.BadParameter(f"the {name} report has no section '{section}'; its sections: "
                                     + ", ".join(keys), param_hint="'--section'")
        built = only(built, section)
    elif fmt == "csv" and len(keys) > 1 and not to_folder:
        raise click.UsageError(f"csv holds one table, and the {name} report has {len(keys)}: pick one with "
                               f"--section ({', '.join(keys)}), or write them all with -o FOLDER/")
    if to_folder:
        assert output is not None
        _csv_folder(output, built, ledger.files)
        return
    term = Terminal(width, color, to_file=output is not None)
    companions = {}
    if fmt == "html":
        from ..render.html import COMPANIONS

        companions = {c: reports.build(c, ledger, as_of) for c in COMPANIONS.get(name, ())}
    text = render(built, fmt, term.width, term.paint, companions)
    if output:
        from .common import write_for_option

        write_for_option(output, text, ledger.files, "report")
    else:
        term.echo(text, nl=False)


def _format(fmt: str | None, output: str | None, default: str) -> str:
    """--format (txt and md are text and markdown), else -o's extension, else the report's own."""
    if fmt is not None:
        return FORMAT_ALIASES.get(fmt, fmt)
    if output is not None:
        found = FORMAT_EXTENSIONS.get(os.path.splitext(output)[1].lower())
        if found is not None:
            return found
    return default


def _csv_folder(folder: str, built: "Report", read: "Sequence[str]") -> None:
    """-o FOLDER/ with csv: one REPORT-SECTION.csv per section, each written atomically."""
    from ..render.report import only, render
    from .common import write_for_option

    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise click.ClickException(f"cannot make the folder {folder}: {e.strerror or e}") from None
    for s in built.sections:
        path = os.path.join(folder, f"{built.name}-{s.key}.csv")
        write_for_option(path, render(only(built, s.key), "csv"), read, "report")
        click.echo(path)


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
