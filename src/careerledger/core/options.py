"""Ledger options: `option "key" "value"` lines, their kinds and defaults."""

from datetime import date
from typing import NamedTuple

from .dates import parse_date, parse_duration
from .entries import Duration
from .problems import resolve_checks


class Options(NamedTuple):
    owner: str | None = None
    established: date | None = None  # None: the first role's date + 4y (see metrics.swings.established_on)
    swing_every: Duration = Duration(3, "y")
    phase_max: Duration = Duration(4, "y")
    home_every: Duration = Duration(3, "m")
    check_ignore: frozenset[str] = frozenset()  # names of pitfall checks off by default


DEFAULTS = Options()


class OptionSpec(NamedTuple):
    field: str  # the Options field it sets
    kind: str  # text | date | duration | checks
    example: str  # what a good value looks like


SPECS: dict[str, OptionSpec] = {
    "owner": OptionSpec("owner", "text", '"Jane Doe"'),
    "established": OptionSpec("established", "date", '"2020-06-01"'),
    "swing-every": OptionSpec("swing_every", "duration", '"3y"'),
    "phase-max": OptionSpec("phase_max", "duration", '"4y"'),
    "home-every": OptionSpec("home_every", "duration", '"3m"'),
    "check-ignore": OptionSpec("check_ignore", "checks", '"early-ask,home-stale"'),
}


def convert(key: str, value: str) -> tuple[str, object]:
    """(field, python value) for an option, or raise ValueError with what was expected."""
    field, kind, example = SPECS[key]
    if kind == "text":
        return field, value
    if kind == "checks":
        return field, resolve_checks([value])  # raises ValueError naming an unknown check
    parsed = parse_date(value) if kind == "date" else parse_duration(value)
    if parsed is None:
        raise ValueError(f"option '{key}' takes a {kind}, such as {example}")
    return field, parsed
