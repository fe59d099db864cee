"""Options more than one command takes, declared once. Their choices come
from the schema and the renderers' lists of formats."""

import os
import stat
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


if TYPE_CHECKING:
    _DateParamType = click.ParamType[date]
    _PathParamType = click.ParamType[str]
else:  # ParamType is generic from click 8.4; older ones (>=8.1 is allowed) cannot be subscripted
    _DateParamType = _PathParamType = click.ParamType


_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}  # what --as-of takes beside a date, from the real today


class DateType(_DateParamType):
    """--as-of and --today: YYYY-MM-DD, YYYY-MM (its first day), or today,
    yesterday or tomorrow (from the real today), in any case."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if not isinstance(value, str):
            assert isinstance(value, date)
            return value
        from ..core.dates import parse_date, shift

        word = value.strip().lower()
        if word in _DAYS:
            return shift(date.today(), _DAYS[word])
        day = parse_date(value.strip())
        if day is None:
            shown = value if len(value) <= 40 else value[:39] + "…"
            self.fail(f"{shown!r} is not a date; use YYYY-MM-DD (a real day), YYYY-MM, today, yesterday or "
                      "tomorrow", param, ctx)
        return day


DATE = DateType()


def path_problem(path: str) -> str | None:
    """Why `path` cannot name a ledger on the command line ("does not exist", "is
    a directory"), or None. `-` is standard input. A file that is there but
    cannot be read (no permission, a folder that cannot be searched, a device)
    is no usage error: loading it reports E002 and the exit status is 1, for
    every command alike."""
    if path == "-":
        return None
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "does not exist"
    except OSError:
        return None
    return "is a directory" if stat.S_ISDIR(info.st_mode) else None


def completer(name: str) -> Callable[[click.Context, click.Parameter, str], list[Any]]:
    """A shell_complete callback that imports cli/complete.py only when the
    shell asks for completions, never on a normal run."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from . import complete as module

        found: list[Any] = getattr(module, name)(ctx, param, incomplete)
        return found

    return complete


class LedgerPath(_PathParamType):
    """A ledger file on the command line, or - for standard input."""

    name = "FILE"

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        path: str = os.fspath(value)
        problem = path_problem(path)
        if problem is not None:
            self.fail(f"File {click.format_filename(path)!r} {problem}.", param, ctx)
        return path


LEDGER = LedgerPath()


def as_of_option(help: str = "Take DATE as today (default: the real today).") -> Callable[[F], F]:
    """--as-of DATE, also spelt --today DATE as in hledger."""
    return click.option("--as-of", "--today", "as_of", type=DATE,
                        help=f"{help} DATE: YYYY-MM-DD, YYYY-MM, today, yesterday or tomorrow.")


def format_option(choices: tuple[str, ...], help: str, default: str | None = None) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=default is not None, help=help)


def window_options(f: F) -> F:
    """-b, -e and -p: what a report lists."""
    for option in reversed((
        click.option("-b", "--begin", metavar="DATE", shell_complete=completer("periods"),
                     help="List only what overlaps DATE or later (a date, or a period: its first day)."),
        click.option("-e", "--end", metavar="DATE", shell_complete=completer("periods"),
                     help="List only what overlaps the time before DATE (excluded; a date or a period: its "
                          "first day)."),
        click.option("-p", "--period", metavar="PERIOD", shell_complete=completer("periods"),
                     help="List only what overlaps PERIOD, as in hledger: 2025, 2025-Q2 (2025q2, q2), 2025-04 "
                          "(2025/04, apr), 2025-W14, 2025-04-15, today, this month (last/next week, month, "
                          "quarter, year), or a range: A..B or from A to B (B's first day excluded: "
                          "2025..2026 is 2025), from A, to B."),
    )):
        f = option(f)
    return f


LEDGER_ENV = "CAREERLEDGER_FILE"  # the default ledger, as hledger's LEDGER_FILE


def ledger_files(files: tuple[str, ...]) -> tuple[str, ...]:
    """FILE... as given, or the ledger $CAREERLEDGER_FILE names; a usage error
    saying how to set it when there is neither."""
    if files:
        return files
    path = os.environ.get(LEDGER_ENV, "")
    if not path:
        raise click.UsageError(
            f"no ledger given: name a FILE, or set {LEDGER_ENV} to your ledger"
            f" (export {LEDGER_ENV}=~/career.career)"
        )
    problem = path_problem(path)
    if problem is not None:
        raise click.UsageError(f"${LEDGER_ENV} names {click.format_filename(path)!r}, which {problem}.")
    return (path,)


COLOR_CHOICES = ("auto", "always", "never")


def terminal_options(f: F) -> F:
    """--width and --color: how text output fits and looks (docs in --help)."""
    f = click.option("--color", "--colour", "color", type=click.Choice(COLOR_CHOICES), default="auto",
                     help="Colour the text output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), "
                          "always or never.")(f)
    return click.option("--width", type=click.IntRange(min=1), metavar="N",
                        help="Fit text output to N columns (default: $COLUMNS, else the terminal's width, else "
                             "80).")(f)


class Terminal:
    """What --width and --color come to for one output: standard output, or a
    file (-o), which is never coloured and not a terminal."""

    def __init__(self, width: int | None = None, color: str = "auto", to_file: bool = False,
                 err: bool = False) -> None:
        import sys

        from ..render import fit

        stream = sys.stderr if err else sys.stdout
        isatty = False if to_file else stream is not None and stream.isatty()
        self.width = fit.terminal_width(width, isatty)
        self.color = not to_file and fit.use_color(color, isatty)
        self.paint = fit.Paint(self.color)
        self.err = err

    def echo(self, text: str, nl: bool = True) -> None:
        # color= keeps click from stripping the escapes when stdout is no terminal (--color always)
        click.echo(text, nl=nl, err=self.err, color=self.color)
