"""The ledger's data: one immutable class per entry kind.

Every entry is a NamedTuple whose first fields are `loc` (file, line, column)
and `date`, and whose last are `tags` and `extra` (the user's `x-` metadata).
NamedTuples are immutable, typed and cheap to build, which matters at 100k
entries. Entries of different kinds never compare equal, even with the same
fields (a plain tuple comparison would say they do). core/schema.py says
which keyword builds which class and what each accepts.
"""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple


class Loc(NamedTuple):
    file: str
    line: int
    col: int = 1


class Duration(NamedTuple):
    """A whole number of years, months, weeks or days (`3y`, `18m`, `6w`, `10d`)."""

    amount: int
    unit: str  # "y" | "m" | "w" | "d"

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


NO_TAGS: frozenset[str] = frozenset()
# `x-` metadata: (key, value) pairs in file order; a value is a str, int, float,
# date, Duration, a tuple of tags, or None (a key with no value)
Extra = tuple[tuple[str, object], ...]

# --- entry kinds -----------------------------------------------------------
# Field order: loc, date, the arguments, the metadata, tags, extra.


class NorthStar(NamedTuple):
    loc: Loc
    date: dt.date
    vision: str
    by: dt.date | None = None  # filled in by the parser: date + 5 years
    needs: tuple[str, ...] = ()
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Role(NamedTuple):
    loc: Loc
    date: dt.date
    title: str
    org: str
    track: str = "core"
    phase: str | None = "learning"  # None only on a side role that gives none (it has no phase)
    scale: str | None = None
    why: str | None = None
    side: bool = False
    move: str | None = None  # promotion | lateral | step-down, as written; None when not given
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()

    @property
    def is_main(self) -> bool:
        """A main role: the job held (side roles run alongside it)."""
        return not self.side


class Leave(NamedTuple):
    loc: Loc
    date: dt.date
    title: str
    why: str | None = None
    org: str | None = None  # `at:`: which of two current roles of one title it ends
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Bet(NamedTuple):
    loc: Loc
    date: dt.date
    name: str
    size: str = "big"
    in_role: str | None = None
    ask: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Outcome(NamedTuple):
    loc: Loc
    date: dt.date
    bet: str
    result: str
    story: str | None = None
    lesson: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Skill(NamedTuple):
    loc: Loc
    date: dt.date
    skill: str
    level: str
    evidence: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Update(NamedTuple):
    loc: Loc
    date: dt.date
    title: str
    audience: str | None = None
    via: str | None = None
    covers: tuple[str, ...] = ()
    contract: str | None = None  # `for:`: the commitment of the contract it serves; None serves every one
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Explained(NamedTuple):
    loc: Loc
    date: dt.date
    topic: str
    audience: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Contract(NamedTuple):
    loc: Loc
    date: dt.date
    text: str
    every: str = "month"
    times: int = 1  # updates required per period (`count:`)
    counterpart: str | None = None
    until: dt.date | None = None
    in_role: str | None = None  # `in:`: the title of the role it belongs to; it ends with that role
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Feedback(NamedTuple):
    loc: Loc
    date: dt.date
    text: str
    giver: str | None = None
    tone: str | None = None
    action: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Listen(NamedTuple):
    loc: Loc
    date: dt.date
    who: str
    heard: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Sotu(NamedTuple):
    loc: Loc
    date: dt.date
    title: str
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Align(NamedTuple):
    loc: Loc
    date: dt.date
    text: str
    counterpart: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Win(NamedTuple):
    loc: Loc
    date: dt.date
    text: str
    impact: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Opportunity(NamedTuple):
    loc: Loc
    date: dt.date
    name: str
    track: str | None = None
    phase: str | None = None
    builds: tuple[str, ...] = ()
    org: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Decision(NamedTuple):
    loc: Loc
    date: dt.date
    opportunity: str
    choice: str
    why: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Home(NamedTuple):
    loc: Loc
    date: dt.date
    score: int
    note: str | None = None
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


class Note(NamedTuple):
    loc: Loc
    date: dt.date
    text: str
    tags: frozenset[str] = NO_TAGS
    extra: Extra = ()


# A NamedTuple compares as a tuple: Note(loc, d, "x") == Sotu(loc, d, "x") would
# be True. Entries compare (and hash) with their kind.
def _eq(self: tuple[object, ...], other: object) -> bool:
    return type(self) is type(other) and tuple.__eq__(self, other)


def _ne(self: tuple[object, ...], other: object) -> bool:
    return not _eq(self, other)


def _hash(self: tuple[object, ...]) -> int:
    return hash((type(self).__name__, tuple.__hash__(self)))


Entry = (
    NorthStar | Role | Leave | Bet | Outcome | Skill | Update | Explained | Contract | Feedback | Listen
    | Sotu | Align | Win | Opportunity | Decision | Home | Note
)
ENTRY_CLASSES: tuple[type[Entry], ...] = (
    NorthStar, Role, Leave, Bet, Outcome, Skill, Update, Explained, Contract, Feedback, Listen,
    Sotu, Align, Win, Opportunity, Decision, Home, Note,
)
for _cls in ENTRY_CLASSES:
    _cls.__eq__ = _eq  # type: ignore[method-assign]
    _cls.__ne__ = _ne  # type: ignore[assignment,method-assign]  # self is a tuple, not any object
    _cls.__hash__ = _hash  # type: ignore[method-assign]


def sort_key(entry: Entry) -> dt.date:
    """The one ordering of entries: by date; ties keep file order (sorting is stable)."""
    return entry.date


def distinct(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags in their first order, a repeated one once (`needs: #a #b #a` is a, b)."""
    return tuple(dict.fromkeys(tags))
