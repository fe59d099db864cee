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


class DateType(_DateParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if not isinstance(value, str):
            assert isinstance(value, date)
            return value
        from ..core.dates import parse_date

        day = parse_date(value)
        if day is None:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD (a real day) or YYYY-MM", param, ctx)
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


class LedgerPath(_PathParamType):
    """A ledger file on the command line, or - for standard input."""

    name = "FILE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        path: str = os.fspath(value)
        problem = path_problem(path)
        if problem is not None:
            self.fail(f"File {click.format_filename(path)!r} {problem}.", param, ctx)
        return path


LEDGER = LedgerPath()


def as_of_option(help: str = "Take this day as today (default: today).") -> Callable[[F], F]:
    return click.option("--as-of", type=DATE, help=help)


def format_option(choices: tuple[str, ...], help: str, default: str | None = None) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=default is not None, help=help)


def output_option() -> Callable[[F], F]:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
                        help="Write the report to FILE (replaced atomically) instead of standard output.")


def window_options(f: F) -> F:
    """-b, -e and -p: what a report lists."""
    for option in reversed((
        click.option("-b", "--begin", metavar="DATE",
                     help="List only what overlaps DATE or later (a date, or a period: its first day)."),
        click.option("-e", "--end", metavar="DATE",
                     help="List only what overlaps the time before DATE (excluded; a date or a period: its "
                          "first day)."),
        click.option("-p", "--period", metavar="PERIOD",
                     help="List only what overlaps PERIOD: 2025, 2025-Q2, 2025-04, 2025-W14, this-month, "
                          "last-quarter…"),
    )):
        f = option(f)
    return f
