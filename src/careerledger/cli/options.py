"""Options more than one command takes, declared once. Their choices come
from the schema and the renderers' lists of formats."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


if TYPE_CHECKING:
    _DateParamType = click.ParamType[date]
else:  # ParamType is generic from click 8.4; older ones (>=8.1 is allowed) cannot be subscripted
    _DateParamType = click.ParamType


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
