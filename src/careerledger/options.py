"""Ledger options: `option "key" "value"` lines, their kinds and defaults."""

from datetime import date
from typing import NamedTuple

from .dates import parse_date, parse_duration
from .entries import Duration


class Options(NamedTuple):
    owner: str | None = None
    established: date | None = None  # None: the first role's date + 4y (see established_on)
    swing_every: Duration = Duration(3, "y")
    phase_max: Duration = Duration(4, "y")
    home_every: Duration = Duration(3, "m")
    check_ignore: frozenset = frozenset()  # names of pitfall checks off by default


# key -> (field, kind, what a good value looks like)
SPECS = {
    "owner": ("owner", "text", '"Jane Doe"'),
    "established": ("established", "date", '"2020-06-01"'),
    "swing-every": ("swing_every", "duration", '"3y"'),
    "phase-max": ("phase_max", "duration", '"4y"'),
    "home-every": ("home_every", "duration", '"3m"'),
    "check-ignore": ("check_ignore", "checks", '"early-ask,home-stale"'),
}


def convert(key, value):
    """(field, python value) for an option, or raise ValueError with what was expected."""
    field, kind, example = SPECS[key]
    if kind == "text":
        return field, value
    if kind == "checks":
        from .pitfalls import resolve  # raises ValueError naming an unknown check

        return field, resolve([value])
    parsed = parse_date(value) if kind == "date" else parse_duration(value)
    if parsed is None:
        raise ValueError(f"option '{key}' takes a {kind}, such as {example}")
    return field, parsed
