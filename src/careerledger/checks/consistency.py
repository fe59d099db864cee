"""Validate: consistency of the whole ledger, after sorting.

Each check is a plain function `(entries) -> [Problem]`, listed in CHECKS.
These are errors (the file contradicts itself); the softer warnings about the
career itself live in checks/pitfalls.py.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from ..core.entries import Contract, Decision, Entry, NorthStar, Opportunity, Update
from ..core.links import links
from ..core.problems import Near, Problem
from ..core.schema import keyword, name_of

E = TypeVar("E", bound=Opportunity)


def validate(entries: Sequence[Entry]) -> list[Problem]:
    """The errors of a whole ledger's entries, given in ledger order (by date)."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(entries))
    return problems


def check_links(entries: Sequence[Entry]) -> Iterator[Problem]:
    """Leaves, outcomes and `in:`: what core/links.py could not resolve."""
    yield from links(entries).problems


def check_contracts_served(entries: Sequence[Entry]) -> Iterator[Problem]:
    """An update's `for:` names a contract of the ledger, anywhere in it."""
    commitments: set[str] | None = None
    near: Near | None = None
    for e in entries:
        if type(e) is not Update or e.contract is None:
            continue
        if commitments is None:
            commitments = {c.text for c in entries if type(c) is Contract}
            near = Near(commitments, 'for: names the commitment of a contract:   YYYY-MM-DD contract "commitment"')
        if e.contract not in commitments:
            assert near is not None
            yield _at(e, "E411", f"update for unknown contract \"{e.contract}\"", near(e.contract))


def check_horizons(entries: Sequence[Entry]) -> Iterator[Problem]:
    """A contract's `until:` and a north star's `by:` are not before the entry's own date."""
    for e in entries:
        t = type(e)
        if t is Contract:
            assert isinstance(e, Contract)
            if e.until is not None and e.until < e.date:
                yield _at(e, "E412", f"contract ends (until: {e.until}) before it starts ({e.date})",
                          "until: is the contract's last day, on or after its date")
        elif t is NorthStar:
            assert isinstance(e, NorthStar)
            if e.by is not None and e.by < e.date:
                yield _at(e, "E412", f"north star's horizon (by: {e.by}) is before its own date ({e.date})",
                          "by: is when you mean to be there: a day after the entry's date")


def check_decisions(entries: Sequence[Entry]) -> Iterator[Problem]:
    offered = _first_named(entries, Opportunity)
    near = Near(offered, 'record it first:   YYYY-MM-DD opportunity "name"')
    for e in entries:
        if type(e) is not Decision:
            continue
        opportunity = offered.get(e.opportunity)
        if opportunity is None:
            yield _at(e, "E405", f"decision on unknown opportunity \"{e.opportunity}\"",
                      near(e.opportunity))
        elif e.date < opportunity.date:
            yield _at(e, "E408", f"decision dated {e.date} is before its opportunity ({opportunity.date})",
                      f"the opportunity is at {opportunity.loc.file}:{opportunity.loc.line}")


def check_duplicates(entries: Sequence[Entry]) -> Iterator[Problem]:
    """Two entries of one kind and name on one day. Entries come in date order,
    so only the current day's are kept: a whole ledger's keys at once would
    be the largest thing a load holds after the entries themselves."""
    seen: dict[tuple[object, ...], Entry] = {}
    day = None
    for e in entries:
        if e.date != day:
            day = e.date
            seen.clear()
        key = (type(e), name_of(e))
        first = seen.get(key)
        if first is None:
            seen[key] = e
        else:
            yield _at(e, "E406", f"duplicate {keyword(e)} on {e.date}: {name_of(e)!r}",
                      f"the same entry is at {first.loc.file}:{first.loc.line}")


CHECKS = (check_links, check_decisions, check_contracts_served, check_horizons, check_duplicates)


def _at(entry: Entry, code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(entry.loc, code, message, hint, 10)


def _first_named(entries: Iterable[Entry], cls: type[E]) -> dict[str, E]:
    """name -> the first entry of `cls` with that name."""
    first: dict[str, E] = {}
    for e in entries:
        if type(e) is cls:
            name = name_of(e)
            assert isinstance(name, str)  # bets and opportunities are named by a string
            first.setdefault(name, e)
    return first
