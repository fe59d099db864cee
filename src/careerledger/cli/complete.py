"""Shell completion that knows the ledger: report names and their sections,
check names, period words, entry kinds, and the ledger's own opportunities
and role titles.

click calls these only while completing (`_CAREERLEDGER_COMPLETE=…`), never
on a normal run. The ledger read is the one the line names, else the one
$CAREERLEDGER_FILE names; a ledger that cannot be read completes nothing
from it, never an error in the middle of a shell prompt.
"""

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click
from click.shell_completion import CompletionItem

from .options import LEDGER_ENV

if TYPE_CHECKING:
    from ..loader import Ledger

# what -p, -b and -e complete to: the relative periods, then a range's words
PERIOD_WORDS = (
    "today", "yesterday", "tomorrow",
    *(f"{when}-{unit}" for when in ("this", "last", "next") for unit in ("week", "month", "quarter", "year")),
)


def _matching(words: Iterable[str], incomplete: str, help: str | None = None) -> list[CompletionItem]:
    low = incomplete.lower()
    return [CompletionItem(w, help=help) for w in words if w.lower().startswith(low)]


def _files(incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(incomplete, type="file")]


def _ledger(words: Iterable[str]) -> "Ledger | None":
    """The ledger of the files already on the line (the words that name
    files), else $CAREERLEDGER_FILE's; None when there is none or it fails."""
    files = [w for w in words if w != "-" and os.path.isfile(w)]
    if not files:
        env = os.environ.get(LEDGER_ENV, "")
        files = [env] if env and os.path.isfile(env) else []
    if not files:
        return None
    try:
        from ..loader import load_many

        return load_many(files)
    except Exception:  # a completion must never break the prompt
        return None


def _args(ctx: click.Context) -> tuple[str, ...]:
    """The words of the command's `args` typed so far: parsed, or (while an
    option's value is being completed) still waiting in ctx.args."""
    value = ctx.params.get("args") or ()
    parsed = tuple(value) if isinstance(value, tuple | list) else ()
    return parsed + tuple(a for a in ctx.args if isinstance(a, str))


def report_args(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """`report [NAME] [FILE]...`: a report name first, files after (or first)."""
    if _args(ctx):
        return _files(incomplete)
    from ..reports import REPORTS

    return [CompletionItem(s.name, help=s.summary) for s in REPORTS.values()
            if s.name.startswith(incomplete)] + _files(incomplete)


def sections(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """--section: the sections of the report named on the line (summary's by default)."""
    from ..reports import REPORTS
    from .report import section_keys

    args = _args(ctx)
    name = args[0] if args and args[0] in REPORTS else "summary"
    return _matching(section_keys()[name], incomplete)


def check_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """--select and --ignore: check names and codes, the last of a comma list."""
    from ..core.problems import WARNINGS

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    out = []
    for w in WARNINGS:
        for word in (w.name, w.code):
            if word.lower().startswith(last.lower()):
                out.append(CompletionItem(prefix + word, help=w.summary))
    return out


def periods(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _matching(PERIOD_WORDS, incomplete)


def role_titles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """--role: the main roles' titles of the ledger, latest first."""
    ledger = _ledger(_args(ctx))
    if ledger is None:
        return []
    from ..core.entries import Role

    titles = [e.title for e in ledger.entries if isinstance(e, Role) and not e.side]
    return _matching(dict.fromkeys(reversed(titles)), incomplete)


def opportunities(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """`evaluate NAME… [FILE]…`: the ledger's opportunities not yet named, then files."""
    args = _args(ctx)
    ledger = _ledger(args)
    named = set(args)
    found: list[CompletionItem] = []
    if ledger is not None:
        from ..metrics.evaluate import opportunity_names

        found = _matching([n for n in opportunity_names(ledger.entries) if n not in named], incomplete,
                          "opportunity")
    return found + (_files(incomplete) if args else [])


def kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """`add KIND`: the entry kinds of the format."""
    from ..core.schema import KINDS

    return _matching(KINDS, incomplete)
