"""`careerledger evaluate NAME FILE...`: the measuring stick."""

from typing import TYPE_CHECKING

import click

from ..core.schema import PHASES, TRACKS
from ..render import EVALUATION_FORMATS
from .common import load_without_errors
from .options import LEDGER, as_of_option, format_option, ledger_files

if TYPE_CHECKING:
    from datetime import date


@click.command(short_help="Hold an opportunity against the north star: closer, further or neutral.",
               epilog="""\b
Examples:
  careerledger evaluate "AI Shopping Assistant" career.career
  careerledger evaluate "New thing" career.career --track innovation --phase learning --builds zero-to-one
  careerledger evaluate "AI Shopping Assistant" --format json career.career""")
@click.argument("name")
@click.argument("files", nargs=-1, metavar="[FILE]...", type=LEDGER)
@click.option("--track", type=click.Choice(TRACKS), help="Ad hoc: the track it would put you on.")
@click.option("--phase", type=click.Choice(PHASES), help="Ad hoc: the phase it would put you in.")
@click.option("--builds", multiple=True, metavar="TAG",
              help="Ad hoc: a skill it would build, as a tag (#zero-to-one or zero-to-one; repeatable).")
@as_of_option("Weigh it as of this day (default: the opportunity's date; today for an ad-hoc one).")
@format_option(EVALUATION_FORMATS, "text for people, json for programs.", default="text")
def evaluate(
    name: str, files: tuple[str, ...], track: str | None, phase: str | None, builds: tuple[str, ...],
    as_of: "date | None", fmt: str,
) -> None:
    """Evaluate the opportunity NAME against the ledger in FILE: does it get
    you closer to your north star, or further from it?

    NAME is an `opportunity` entry of the ledger, weighed as of its own date,
    or as of --as-of to weigh it again later (a deferred offer); or, with
    --track, --phase or --builds, an opportunity described here (ad hoc),
    weighed as of --as-of (default: today). Each rule prints one line
    with the points it gives, then the verdict: closer (score above 0),
    further (below 0) or neutral. docs/metrics.md explains every rule and
    weight; docs/json.md the JSON. A ledger with errors gives no verdict: its
    problems are printed and the exit status is 1. With no FILE, the ledger
    $CAREERLEDGER_FILE names.
    """
    from ..syntax.tokens import tag_of

    tags = []
    for b in builds:
        tag = tag_of(b)
        if tag is None:
            raise click.BadParameter(f"{b!r} is not a tag: use lowercase letters, digits, -, _ and /",
                                     param_hint="'--builds'")
        tags.append(tag)
    described = bool(track or phase or tags)

    from ..metrics import evaluate as stick
    from ..render.evaluation import evaluation

    ledger = load_without_errors(ledger_files(files))
    opportunity = stick.find_opportunity(ledger.entries, name)
    if opportunity is not None:
        if described:
            raise click.UsageError(f"'{name}' is an opportunity of the ledger; --track, --phase and "
                                   "--builds describe an ad-hoc one: use another name")
        if as_of is None:
            as_of = opportunity.date
        elif as_of < opportunity.date:
            # a deferred offer may be weighed again later, never before it was made
            raise click.UsageError(f"--as-of {as_of} is before the opportunity '{name}' ({opportunity.date}); "
                                   "give its date or a later day")
    elif described:
        from datetime import date

        as_of = as_of or date.today()
        opportunity = stick.described(name, as_of, track, phase, tuple(tags))
    else:
        names = stick.opportunity_names(ledger.entries)
        if names:
            from ..core.problems import did_you_mean

            hint = did_you_mean(name, names)
        else:
            hint = "the ledger has no opportunity"
        raise click.UsageError(f"unknown opportunity '{name}': {hint} "
                               "(or describe one with --track, --phase, --builds)")
    result = stick.evaluate(ledger.entries, opportunity, as_of, ledger.options)
    click.echo(evaluation(result, fmt, ledger.options.owner), nl=False)
