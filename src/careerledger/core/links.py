"""Links: what the references of a ledger name.

A `leave` names the role it ends, an `outcome` the bet it closes, an `in:`
the role a bet or a contract belongs to. They are resolved here, once, in
date order, for the consistency checks (which report a reference that names
nothing) and for the metrics (which follow the links), so that a check and a
report never disagree about which bet an outcome closed or when a side role
ended. Names are compared exactly, as written.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import islice
from typing import NamedTuple

from .entries import Bet, Contract, Entry, Leave, Outcome, Role
from .problems import Near, Problem


class Links(NamedTuple):
    # leave -> the role it ends. A leave that names no current role still ends
    # the main role held (as in format 1.0), so that one typo does not make the
    # rest of the career one endless role; it is reported (E404).
    ends: Mapping[Leave, Role]
    ended: Mapping[Role, date]  # each role that ended -> the day it ended (excluded); absent while held
    closes: Mapping[Outcome, Bet]  # outcome -> the bet it closes
    belongs: Mapping[Bet | Contract, Role]  # `in:` -> the role of that title held on the entry's date
    problems: tuple[Problem, ...]


_memo: tuple[object, Links] | None = None


def links(entries: Sequence[Entry]) -> Links:
    """The links of `entries` (sorted by date, as a ledger holds them)."""
    global _memo
    memo = _memo
    if memo is not None and memo[0] is entries:
        return memo[1]
    found = _Resolver().run(entries)
    if type(entries) is tuple:  # a list could change under the memo
        _memo = (entries, found)
    return found


def _at(entry: Entry, code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(entry.loc, code, message, hint, 10)


def _where(entry: Entry) -> str:
    return f"{entry.loc.file}:{entry.loc.line}"


class _Resolver:
    """One pass in date order. What is held is known at the end of each day:
    an `in:` is resolved against the roles held once every role and leave of
    its day is read, so a role started that day is held and one left is not."""

    HINT_BUDGET = 20  # "did you mean" over the current roles, at most this many times

    def __init__(self) -> None:
        self.main: Role | None = None  # the main role held
        self.held: dict[str, dict[Role, None]] = {}  # title -> roles of that title held now, oldest first
        self.held_at: dict[tuple[str, str], dict[Role, None]] = {}  # (title, org) -> the same
        self.ends: dict[Leave, Role] = {}
        self.ended: dict[Role, date] = {}
        self.closes: dict[Outcome, Bet] = {}
        self.belongs: dict[Bet | Contract, Role] = {}
        self.problems: list[Problem] = []
        self.hints = 0

    def run(self, entries: Sequence[Entry]) -> Links:
        open_bets: dict[str, Bet] = {}
        closed: dict[str, Outcome] = {}  # bet name -> the outcome that last closed a bet of that name
        unmatched: list[Outcome] = []  # outcomes with no bet open and none closed: E401 or E403
        pending: list[Bet | Contract] = []  # `in:` of the day being read
        unheld: list[Bet | Contract] = []  # `in:` that names no role held on its day: E410
        day: date | None = None
        for e in entries:
            if e.date != day:
                if pending:
                    self._belong(pending, unheld)
                    pending = []
                day = e.date
            # one type() per entry; the asserts (for mypy) run only on the kinds that link
            t = type(e)
            if t is Role:
                assert isinstance(e, Role)
                if e.is_main:
                    if self.main is not None:
                        self._end(self.main, e.date)
                    self.main = e
                self.held.setdefault(e.title, {})[e] = None
                self.held_at.setdefault((e.title, e.org), {})[e] = None
            elif t is Leave:
                assert isinstance(e, Leave)
                self._leave(e)
            elif t is Bet:
                assert isinstance(e, Bet)
                first = open_bets.get(e.name)
                if first is not None:
                    self.problems.append(_at(
                        e, "E409", f"bet \"{e.name}\" is opened while a bet of that name is still open",
                        f"the open one is at {_where(first)}; close it with an outcome first, or give this"
                        " bet its own name",
                    ))
                else:
                    open_bets[e.name] = e
                if e.in_role is not None:
                    pending.append(e)
            elif t is Outcome:
                assert isinstance(e, Outcome)
                bet = open_bets.pop(e.bet, None)
                if bet is not None:
                    self.closes[e] = bet
                    closed[e.bet] = e
                elif e.bet in closed:
                    first_close = closed[e.bet]
                    self.problems.append(_at(
                        e, "E402", f"bet \"{e.bet}\" is closed twice",
                        f"it was closed at {_where(first_close)}; a bet is closed once: open a new bet"
                        " (the name may be reused once the earlier bet is closed)",
                    ))
                else:
                    unmatched.append(e)
            elif t is Contract:
                assert isinstance(e, Contract)
                if e.in_role is not None:
                    pending.append(e)
        if pending:
            self._belong(pending, unheld)
        if unmatched:
            self._unmatched(entries, unmatched)
        if unheld:
            self._unheld(entries, unheld)
        return Links(self.ends, self.ended, self.closes, self.belongs, tuple(self.problems))

    # -- roles ----------------------------------------------------------------

    def _end(self, role: Role, day: date) -> None:
        self.ended[role] = day
        for index, key in ((self.held, role.title), (self.held_at, (role.title, role.org))):
            same = index[key]  # type: ignore[index]  # each index has its own key type
            del same[role]
            if not same:
                del index[key]  # type: ignore[arg-type]

    def _leave(self, e: Leave) -> None:
        same = self.held.get(e.title) if e.org is None else self.held_at.get((e.title, e.org))
        main = self.main
        if same and main is not None and main in same:
            target: Role | None = main  # the main role first, as in format 1.0
        elif same and len(same) == 1:
            target = next(iter(same))
        elif same:
            orgs = ", ".join(f'"{r.org}"' for r in islice(same, 5))
            self.problems.append(_at(
                e, "E413", f"leave \"{e.title}\" names {len(same)} current roles",
                f"add at: with the organisation of the one it ends ({orgs})",
            ))
            return
        else:
            self.problems.append(self._not_current(e))
            # As in format 1.0 a mistyped leave still ends the main role held,
            # unless its at: says it meant a role elsewhere.
            target = main if main is not None and e.org in (None, main.org) else None
        if target is not None:
            self.ends[e] = target
            self._end(target, e.date)
            if target is main:
                self.main = None

    def _not_current(self, e: Leave) -> Problem:
        at = f" at \"{e.org}\"" if e.org is not None else ""
        if not self.held:
            return _at(e, "E404", f"leave \"{e.title}\"{at} with no current role",
                       "a leave ends a current role, main or side, named by its title")
        hint = None
        if self.hints < self.HINT_BUDGET:
            self.hints += 1
            from .problems import closest

            close = closest(e.title, self.held)
            if close is not None and close != e.title:
                hint = f"did you mean \"{close}\"?"
        if hint is None and self.main is not None:
            hint = f"the current main role is \"{self.main.title}\" (line {self.main.loc.line})"
        if hint is None:
            hint = "a leave ends a current role, main or side, named by its title"
        return _at(e, "E404", f"leave \"{e.title}\"{at} does not name a current role", hint)

    def _belong(self, pending: list[Bet | Contract], unheld: list[Bet | Contract]) -> None:
        for e in pending:
            title = e.in_role
            assert title is not None
            main = self.main
            if main is not None and main.title == title:
                self.belongs[e] = main
                continue
            same = self.held.get(title)
            if same:
                self.belongs[e] = next(reversed(same))  # the latest of that title
            else:
                unheld.append(e)

    def _unheld(self, entries: Sequence[Entry], unheld: list[Bet | Contract]) -> None:
        # Only a contract's: its in: decides when it ends. A bet's in: changes
        # no figure, and format 1.0 did not check it, so a bet that names no
        # role held is a warning (checks/pitfalls.py, bet-in-unknown-role).
        contracts = [e for e in unheld if type(e) is Contract]
        if not contracts:
            return
        titles = {e.title for e in entries if type(e) is Role}
        near = Near(titles, "in: names the title of a role held on the entry's date")
        for e in contracts:
            assert e.in_role is not None
            if e.in_role in titles:
                self.problems.append(_at(
                    e, "E410", f"contract is in role \"{e.in_role}\", which is not held on {e.date}",
                    "in: names a role held on the entry's date (started on or before it, not yet ended)",
                ))
            else:
                self.problems.append(_at(e, "E410", f"contract is in unknown role \"{e.in_role}\"", near(e.in_role)))

    # -- bets -------------------------------------------------------------------

    def _unmatched(self, entries: Sequence[Entry], unmatched: list[Outcome]) -> None:
        first: dict[str, Bet] = {}
        for e in entries:
            if type(e) is Bet:
                first.setdefault(e.name, e)
        near = Near(first, 'open it first:   YYYY-MM-DD bet "name"')
        for e in unmatched:
            bet = first.get(e.bet)
            if bet is None:
                self.problems.append(_at(e, "E401", f"outcome for unknown bet \"{e.bet}\"", near(e.bet)))
            elif bet.date == e.date:
                self.problems.append(_at(
                    e, "E403", f"outcome of \"{e.bet}\" comes before its bet on the same day",
                    f"write the bet (at {_where(bet)}) above its outcome",
                ))
            else:
                self.problems.append(_at(
                    e, "E403", f"outcome dated {e.date} is before its bet \"{e.bet}\" ({bet.date})",
                    f"the bet opened at {_where(bet)}",
                ))

