"""Validate: consistency of the whole ledger, after sorting.

Each check is a plain function `(entries) -> [Problem]`, listed in CHECKS.
These are errors (the file contradicts itself); the softer warnings about the
career itself live in checks/pitfalls.py.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from ..core.entries import Bet, Decision, Entry, Leave, Opportunity, Outcome, Role
from ..core.problems import Problem, closest
from ..core.schema import keyword, name_of

E = TypeVar("E", Bet, Opportunity)


def validate(entries: Sequence[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(entries))
    return problems


def check_outcomes(entries: Sequence[Entry]) -> Iterator[Problem]:
    bets = _first_named(entries, Bet)
    near = _Near(bets, 'open it first:   YYYY-MM-DD bet "name"')
    closed: dict[str, Outcome] = {}
    for e in entries:
        if type(e) is not Outcome:
            continue
        bet = bets.get(e.bet)
        if bet is None:
            yield _at(e, "E401", f"outcome for unknown bet \"{e.bet}\"",
                      near(e.bet))
        elif e.date < bet.date:
            yield _at(e, "E403", f"outcome dated {e.date} is before its bet \"{e.bet}\" ({bet.date})",
                      f"the bet opened at {bet.loc.file}:{bet.loc.line}")
        elif e.bet in closed:
            first = closed[e.bet]
            yield _at(e, "E402", f"bet \"{e.bet}\" is closed twice",
                      f"it was closed at {first.loc.file}:{first.loc.line}; record a pivot as a new bet")
        else:
            closed[e.bet] = e


def check_leaves(entries: Sequence[Entry]) -> Iterator[Problem]:
    current: Role | None = None  # the main role held, or None after a leave
    for e in entries:
        # one type() per entry; the asserts (for mypy) run only on roles and leaves
        t = type(e)
        if t is Role:
            assert isinstance(e, Role)
            if e.is_main:
                current = e
        elif t is Leave:
            assert isinstance(e, Leave)
            if current is None:
                yield _at(e, "E404", f"leave \"{e.title}\" with no current role", "a leave ends the current main role")
            elif current.title != e.title:
                yield _at(e, "E404", f"leave \"{e.title}\" does not match the current role",
                          f"the current main role is \"{current.title}\" (line {current.loc.line})")
                current = None
            else:
                current = None


def check_decisions(entries: Sequence[Entry]) -> Iterator[Problem]:
    offered = _first_named(entries, Opportunity)
    near = _Near(offered, 'record it first:   YYYY-MM-DD opportunity "name"')
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
    seen: dict[tuple[object, ...], Entry] = {}
    for e in entries:
        key = (e.date, type(e), name_of(e))
        first = seen.get(key)
        if first is None:
            seen[key] = e
        else:
            yield _at(e, "E406", f"duplicate {keyword(e)} on {e.date}: {name_of(e)!r}",
                      f"the same entry is at {first.loc.file}:{first.loc.line}")


CHECKS = (check_outcomes, check_leaves, check_decisions, check_duplicates)


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


class _Near:
    """"did you mean" hints for unknown names, with the work bounded: each
    unknown name is looked up once, and after NEAR_BUDGET of them (a file of
    hundreds of misspelt outcomes) the hint says what to write instead, so the
    cost stays linear in the file."""

    NEAR_BUDGET = 20

    def __init__(self, names: Iterable[str], otherwise: str):
        self.names = list(names)
        self.otherwise = otherwise
        self.found: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        hint = self.found.get(name)
        if hint is None:
            close = closest(name, self.names) if len(self.found) < self.NEAR_BUDGET else None
            hint = f"did you mean \"{close}\"?" if close else self.otherwise
            self.found[name] = hint
        return hint
