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
        # Errors first (the file is wrong), then warnings (the career drifts).
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


class _ReportCommand(click.Command):
    """`report`: the usage line names NAME, and --help lists the reports, read
    from the registry only when help is shown (start-up stays fast)."""

    def collect_usage_pieces(self, ctx):
        return ["[OPTIONS]", "[NAME]", "FILE..."]

    def format_help_text(self, ctx, formatter):
        super().format_help_text(ctx, formatter)
        from .reports import REPORTS

        with formatter.section("Reports"):
            formatter.write_dl([(spec.name, spec.summary) for spec in REPORTS.values()])


@main.command(cls=_ReportCommand, short_help="Report on a ledger: summary, swings, skills, landing, review and more.",
              epilog="""\b
Examples:
  careerledger report career.career                  # the summary
  careerledger report swings --format json career.career
  careerledger report cadence -p last-year -o cadence.md --format markdown career.career
  careerledger report landing --role "Senior PM, Retention" career.career
  careerledger report review -p 2026-09 career.career    # markdown, to paste into an email""")
@click.argument("args", nargs=-1, metavar="[NAME] FILE...")
@click.option("--as-of", type=DATE, help="Take this day as today (default: today).")
@click.option("-b", "--begin", metavar="DATE",
              help="List only what overlaps DATE or later (a date, or a period: its first day).")
@click.option("-e", "--end", metavar="DATE",
              help="List only what overlaps the time before DATE (excluded; a date or a period: its first day).")
@click.option("-p", "--period", metavar="PERIOD",
              help="List only what overlaps PERIOD: 2025, 2025-Q2, 2025-04, 2025-W14, this-month, last-quarter…")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown"]),
              help="text for people, markdown for documents, csv and json for programs "
                   "(default: text; markdown for review).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE (replaced atomically) instead of standard output.")
@click.option("--role", metavar="TITLE",
              help="landing only: the main role with this title (the latest one) instead of the current one.")
@click.option("--all", "all_roles", is_flag=True, help="landing only: every main role, oldest first.")
def report(args, as_of, begin, end, period, fmt, output, role, all_roles):
    """Report on a ledger: NAME (default summary) for the ledger in FILE.

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
    """
    from datetime import date

    from . import reports

    name, files = _report_args(args, reports.REPORTS)
    spec = reports.REPORTS[name]
    params = _report_params(spec, role, all_roles)
    fmt = fmt or spec.format
    as_of = as_of or date.today()
    window = _window(begin, end, period, as_of)

    from .render_report import render

    ledger = _load_without_errors(files)
    try:
        built = reports.build(name, ledger, as_of, window, **params)
    except reports.ReportError as e:
        raise click.BadParameter(str(e), param_hint="'--role'") from None
    text = render(built, fmt)
    if output:
        from .files import write_atomically

        try:
            write_atomically(output, text)
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
    else:
        click.echo(text, nl=False)


def _report_params(spec, role, all_roles):
    """--role and --all -> the report's own keyword parameters; a report that
    does not take them (every report but landing) makes them a usage error."""
    given = {k: v for k, v in (("role", role), ("all_roles", all_roles)) if v}
    for key in given:
        if key not in spec.options:
            flag = "--role" if key == "role" else "--all"
            raise click.UsageError(f"{flag} is for the landing report only, not {spec.name}")
    if len(given) == 2:
        raise click.UsageError("use --role TITLE or --all, not both")
    return given


def _load_without_errors(files):
    """FILE... as one ledger; with errors, print them as `check` does and exit 1:
    numbers computed from a wrong ledger would be wrong too."""
    from .loader import load_many
    from .render import problems_text, summary

    ledger = load_many(files)
    errors = [p for p in ledger.problems if p.severity == "error"]
    if errors:
        click.echo(problems_text(errors, ledger.sources), nl=False, err=True)
        click.echo(summary(errors), err=True)
        sys.exit(1)
    return ledger


def _report_args(args, names):
    """[NAME] FILE... -> (name, files); a first word that is neither a report nor
    a file is a usage error with a hint."""
    import os

    if args and args[0] in names:
        name, files = args[0], args[1:]
    elif args and not os.path.exists(args[0]) and (len(args) > 1 or os.path.splitext(args[0])[1] == ""):
        from .problems import did_you_mean

        raise click.UsageError(f"unknown report '{args[0]}': {did_you_mean(args[0], names)}")
    else:
        name, files = "summary", args
    if not files:
        raise click.UsageError("Missing argument 'FILE...'.")
    for path in files:
        if not os.path.exists(path):
            raise click.BadParameter(f"'{path}' does not exist.", param_hint="'[NAME] FILE...'")
        if os.path.isdir(path):
            raise click.BadParameter(f"'{path}' is a directory.", param_hint="'[NAME] FILE...'")
    return name, files


def _window(begin, end, period, as_of):
    """-b/-e/-p -> reports.Window; a bad value is a usage error naming the option."""
    from .dates import period_span
    from .reports import Window

    if period and (begin or end):
        raise click.UsageError("use -p/--period or -b/--begin and -e/--end, not both")

    def span(text, hint):
        try:
            return period_span(text, as_of)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint=hint) from None

    if period:
        return Window(*span(period, "'-p' / '--period'"))
    window = Window(
        span(begin, "'-b' / '--begin'")[0] if begin else None,
        span(end, "'-e' / '--end'")[0] if end else None,
    )
    for text, hint in ((begin, "'-b' / '--begin'"), (end, "'-e' / '--end'")):
        if text and ".." in text:
            raise click.BadParameter(f"{text!r} is a range; give one date or period", param_hint=hint)
    if window.begin and window.end and window.end <= window.begin:
        raise click.UsageError(f"-e {window.end} is not after -b {window.begin}")
    return window


# --- evaluate ------------------------------------------------------------------------------


@main.command(short_help="Hold an opportunity against the north star: closer, further or neutral.",
              epilog="""\b
Examples:
  careerledger evaluate "AI Shopping Assistant" career.career
  careerledger evaluate "New thing" career.career --track innovation --phase learning --builds zero-to-one
  careerledger evaluate "AI Shopping Assistant" --format json career.career""")
@click.argument("name")
@click.argument("files", nargs=-1, required=True, metavar="FILE...",
                type=click.Path(exists=True, dir_okay=False))
@click.option("--track", type=click.Choice(["core", "innovation"]), help="Ad hoc: the track it would put you on.")
@click.option("--phase", type=click.Choice(["learning", "impact"]), help="Ad hoc: the phase it would put you in.")
@click.option("--builds", multiple=True, metavar="TAG",
              help="Ad hoc: a skill it would build, as a tag (#zero-to-one or zero-to-one; repeatable).")
@click.option("--as-of", type=DATE, help="Ad hoc: take this day as today (default: today).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for programs.")
def evaluate(name, files, track, phase, builds, as_of, fmt):
    """Evaluate the opportunity NAME against the ledger in FILE: does it get
    you closer to your north star, or further from it?

    NAME is an `opportunity` entry of the ledger, weighed as of its own date;
    or, with --track, --phase or --builds, an opportunity described here (ad
    hoc), weighed as of --as-of (default: today). Each rule prints one line
    with the points it gives, then the verdict: closer (score above 0),
    further (below 0) or neutral. docs/metrics.md explains every rule and
    weight; docs/json.md the JSON. A ledger with errors gives no verdict: its
    problems are printed and the exit status is 1.
    """
    import re

    from .parser import TAG_BODY

    tags = []
    for b in builds:
        tag = b[1:] if b.startswith("#") else b
        if not re.fullmatch(TAG_BODY, tag):
            raise click.BadParameter(f"{b!r} is not a tag: use lowercase letters, digits, -, _ and /",
                                     param_hint="'--builds'")
        tags.append(tag)
    described = bool(track or phase or tags)

    from . import evaluate as stick  # the module; this function is the command
    from .render_report import evaluation

    ledger = _load_without_errors(files)
    opportunity = stick.find_opportunity(ledger.entries, name)
    if opportunity is not None:
        if described:
            raise click.UsageError(f"'{name}' is an opportunity of the ledger; --track, --phase and "
                                   "--builds describe an ad-hoc one: use another name")
        if as_of is not None:
            raise click.UsageError(f"'{name}' is weighed as of its own date ({opportunity.date}); "
                                   "--as-of is for an ad-hoc opportunity")
        as_of = opportunity.date
    elif described:
        from datetime import date

        from .entries import Loc, Opportunity

        as_of = as_of or date.today()
        opportunity = Opportunity(Loc("<command line>", 0), as_of, name, track, phase, tuple(tags))
    else:
        names = stick.opportunity_names(ledger.entries)
        if names:
            from .problems import did_you_mean

            hint = did_you_mean(name, names)
        else:
            hint = "the ledger has no opportunity"
        raise click.UsageError(f"unknown opportunity '{name}': {hint} "
                               "(or describe one with --track, --phase, --builds)")
    result = stick.evaluate(ledger.entries, ledger.options, opportunity, as_of)
    click.echo(evaluation(result, fmt, ledger.options.owner), nl=False)
