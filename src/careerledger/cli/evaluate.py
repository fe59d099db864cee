"""`careerledger evaluate NAME [NAME]... [FILE]...`: the measuring stick."""

import os
from typing import TYPE_CHECKING

import click

from ..core.schema import PHASES, TRACKS
from ..render import EVALUATION_FORMATS
from .common import load_without_errors
from .options import Terminal, as_of_option, completer, format_option, ledger_files, path_problem, terminal_options

if TYPE_CHECKING:
    from datetime import date

    from ..core.entries import Opportunity
    from ..loader import Ledger


class _EvaluateCommand(click.Command):
    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["[OPTIONS]", "NAME", "[NAME]...", "[FILE]..."]


def is_file_word(word: str) -> bool:
    """Whether a word after the first NAME is a FILE: `-` (standard input), a
    word ending in `.career`, or the path of an existing file. Every word from
    the first FILE on is a FILE."""
    return word == "-" or word.endswith(".career") or os.path.isfile(word)


def looks_like_a_path(word: str) -> bool:
    """A word with no space that holds a / or ends in an extension (`career.txt`):
    a NAME like it is more likely a FILE that is not there."""
    return not any(c.isspace() for c in word) and ("/" in word or os.sep in word or os.path.splitext(word)[1] != "")


def split_args(args: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """NAME [NAME]... [FILE]... -> (names, files): the first word is always a
    NAME; the NAMEs run until the first word that is a FILE (is_file_word)."""
    if not args:
        raise click.UsageError("Missing argument 'NAME'.")
    cut = next((i for i in range(1, len(args)) if is_file_word(args[i])), len(args))
    names, files = args[:cut], args[cut:]
    if not files and len(names) > 1 and looks_like_a_path(names[-1]):
        files = (names[-1],)  # not there: say so, rather than call it an opportunity
        names = names[:-1]
    for path in files:
        problem = path_problem(path)
        if problem is not None:
            raise click.BadParameter(f"File {click.format_filename(path)!r} {problem}.",
                                     param_hint="'NAME [NAME]... [FILE]...'")
    return names, files


@click.command(cls=_EvaluateCommand,
               short_help="Hold an opportunity against the north star: closer, further or neutral.",
               epilog="""\b
Examples:
  careerledger evaluate "AI Shopping Assistant" career.career
  careerledger evaluate "New thing" career.career --track innovation \\
      --phase learning --builds zero-to-one
  careerledger evaluate "AI Shopping Assistant" --format json career.career
  careerledger evaluate "Offer A" "Offer B" career.career   # ranked""")
@click.argument("args", nargs=-1, metavar="NAME [NAME]... [FILE]...", shell_complete=completer("opportunities"))
@click.option("--track", type=click.Choice(TRACKS), help="Ad hoc: the track it would put you on.")
@click.option("--phase", type=click.Choice(PHASES), help="Ad hoc: the phase it would put you in.")
@click.option("--builds", multiple=True, metavar="TAG",
              help="Ad hoc: a skill it would build, as a tag (#zero-to-one or zero-to-one; repeatable).")
@as_of_option("Weigh it as of this day (default: the opportunity's date; today for an ad-hoc one; for several, "
              "the latest of theirs).")
@format_option(EVALUATION_FORMATS, "text for people, json for programs.", default="text")
@terminal_options
def evaluate(
    args: tuple[str, ...], track: str | None, phase: str | None, builds: tuple[str, ...],
    as_of: "date | None", fmt: str, width: int | None, color: str,
) -> None:
    """Evaluate the opportunity NAME against the ledger in FILE: does it get
    you closer to your north star, or further from it, and closer or further
    than staying in your current role?

    NAME is an `opportunity` entry of the ledger, weighed as of its own date,
    or as of --as-of to weigh it again later (a deferred offer); or, with
    --track, --phase or --builds, an opportunity described here (ad hoc),
    weighed as of --as-of (default: today). The output opens with a short
    paragraph, then prints each rule with its points and weight, then staying
    in the current main role weighed by the same rules, and the two side by
    side. The verdict: closer (score above 0), further (below 0) or neutral.

    Several NAMEs compare the offers and staying in one ranked table, all
    weighed as of one day (--as-of, default the latest of their own days).
    The NAMEs come first: the first word is always a NAME, and the words
    after it are NAMEs up to the first one that ends in .career, is - or is
    an existing file; that one and the rest are FILEs. --track, --phase and
    --builds describe the one NAME that is not in the ledger.

    docs/metrics.md explains every rule and weight; docs/json.md the JSON. A
    ledger with errors gives no verdict: its problems are printed and the
    exit status is 1. With no FILE, the ledger $CAREERLEDGER_FILE names.
    """
    from ..syntax.tokens import tag_of

    names, files = split_args(args)
    tags = []
    for b in builds:
        tag = tag_of(b)
        if tag is None:
            raise click.BadParameter(f"{b!r} is not a tag: use lowercase letters, digits, -, _ and /",
                                     param_hint="'--builds'")
        tags.append(tag)
    described = bool(track or phase or tags)

    term = Terminal(width, color)
    ledger = load_without_errors(ledger_files(files), width, color)
    if len(names) == 1:
        _one(ledger, names[0], described, track, phase, tuple(tags), as_of, fmt, term)
    else:
        _several(ledger, names, described, track, phase, tuple(tags), as_of, fmt, term)


def _unknown(ledger: "Ledger", name: str) -> click.UsageError:
    from ..metrics import evaluate as stick

    names = stick.opportunity_names(ledger.entries)
    if names:
        from ..core.problems import did_you_mean

        hint = did_you_mean(name, names)
    else:
        hint = "the ledger has no opportunity"
    also = " (and no file of that name)" if looks_like_a_path(name) else ""
    return click.UsageError(f"unknown opportunity '{name}'{also}: {hint} "
                            "(or describe one with --track, --phase, --builds)")


def _weighed_on(opportunity: "Opportunity", name: str, as_of: "date") -> None:
    # a deferred offer may be weighed again later, never before it was made
    if as_of < opportunity.date:
        raise click.UsageError(f"--as-of {as_of} is before the opportunity '{name}' ({opportunity.date}); "
                               "give its date or a later day")


def _one(ledger: "Ledger", name: str, described: bool, track: str | None, phase: str | None,
         tags: tuple[str, ...], as_of: "date | None", fmt: str, term: Terminal) -> None:
    from ..metrics import evaluate as stick
    from ..render.evaluation import evaluation

    opportunity = stick.find_opportunity(ledger.entries, name)
    if opportunity is not None:
        if described:
            raise click.UsageError(f"'{name}' is an opportunity of the ledger; --track, --phase and "
                                   "--builds describe an ad-hoc one: use another name")
        if as_of is None:
            as_of = opportunity.date
        _weighed_on(opportunity, name, as_of)
    elif described:
        from datetime import date

        as_of = as_of or date.today()
        opportunity = stick.described(name, as_of, track, phase, tags)
    else:
        raise _unknown(ledger, name)
    result = stick.evaluate(ledger.entries, opportunity, as_of, ledger.options)
    term.echo(evaluation(result, fmt, ledger.options.owner, term.width, term.paint), nl=False)


def _several(ledger: "Ledger", names: tuple[str, ...], described: bool, track: str | None, phase: str | None,
             tags: tuple[str, ...], as_of: "date | None", fmt: str, term: Terminal) -> None:
    from datetime import date

    from ..metrics import evaluate as stick
    from ..render.evaluation import comparison

    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise click.UsageError(f"'{repeated[0]}' is named twice: name each opportunity once")
    found = {n: stick.find_opportunity(ledger.entries, n) for n in names}
    ad_hoc = [n for n, o in found.items() if o is None]
    if ad_hoc and not described:
        raise _unknown(ledger, ad_hoc[0])
    if len(ad_hoc) > 1:
        raise click.UsageError(f"--track, --phase and --builds describe one ad-hoc opportunity, but '{ad_hoc[0]}' "
                               f"and '{ad_hoc[1]}' are not in the ledger")
    if described and not ad_hoc:
        raise click.UsageError("every NAME is an opportunity of the ledger; --track, --phase and --builds "
                               "describe an ad-hoc one: add its name")
    if as_of is None:
        days = [o.date for o in found.values() if o is not None] + ([date.today()] if ad_hoc else [])
        as_of = max(days)
    opportunities = []
    for n in names:
        o = found[n]
        if o is None:
            o = stick.described(n, as_of, track, phase, tags)
        else:
            _weighed_on(o, n, as_of)
        opportunities.append(o)
    result = stick.compare(ledger.entries, opportunities, as_of, ledger.options)
    term.echo(comparison(result, fmt, ledger.options.owner, term.width, term.paint), nl=False)
