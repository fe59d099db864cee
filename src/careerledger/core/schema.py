"""The schema: for each keyword, the arguments it takes and the metadata keys
it allows, with their value types.

The parser reads this table and nothing else hard-codes a kind's shape; the
CLI's choices, the docs' tables and (later) the editor grammars come from it
too. docs/format.md documents the same table.
"""

from typing import NamedTuple

from .entries import (
    Align,
    Bet,
    Contract,
    Decision,
    Entry,
    Explained,
    Feedback,
    Home,
    Leave,
    Listen,
    NorthStar,
    Note,
    Opportunity,
    Outcome,
    Role,
    Skill,
    Sotu,
    Update,
    Win,
)

# Value types, shared by arguments and metadata. An enumeration is a tuple of
# the words it allows.
STRING = "string"
TAG = "tag"
TAGS = "tags"  # one or more #tags
DATE = "date"
DURATION = "duration"
COUNT = "count"  # a whole number of at least 1
SCORE = "score"  # a whole number from 1 to 5
YES = "yes"  # `yes` or `no`
WORD = "word"  # any bare lowercase word

TRACKS = ("core", "innovation")
PHASES = ("learning", "impact")
LEVELS = ("novice", "practicing", "proficient", "mastered")
RESULTS = ("success", "failure", "pivot", "stopped")
CHOICES = ("take", "decline", "defer")
PERIODS = ("week", "month", "quarter")
TONES = ("positive", "constructive", "critical")
SIZES = ("big", "small")
MOVES = ("promotion", "lateral", "step-down")  # a role's step from the main role before it
ACTIONABLE_TONES = ("constructive", "critical")  # the tones that call for an `action:`

# A value type is one of the names above, an enumeration (the tuple of words
# it allows), or, for an argument, the literal word itself (`at`).
ValueType = str | tuple[str, ...]


class Arg(NamedTuple):
    field: str | None  # None for a literal word such as `at`
    type: ValueType


class Key(NamedTuple):
    field: str
    type: ValueType
    required: bool = False
    unless: str | None = None  # a yes/no key that, when yes, makes a required key optional (and None)


class Kind(NamedTuple):
    cls: type[Entry]
    args: tuple[Arg, ...]
    keys: dict[str, Key]  # metadata key -> Key
    summary: str  # "role \"title\" at \"org\"": how the head line reads

    @property
    def name_field(self) -> str:
        """The argument that names an entry (for duplicates and references)."""
        field = self.args[0].field
        assert field is not None  # every kind's first argument is a value
        return field


def _kind(cls: type[Entry], summary: str, args: list[Arg], **keys: Key) -> Kind:
    # Metadata keys such as `in`, `from` and `with` are Python keywords, so
    # each key names the field it fills.
    named = {k.rstrip("_").replace("_", "-"): v for k, v in keys.items()}
    return Kind(cls, tuple(args), named, summary)


KINDS: dict[str, Kind] = {
    "north-star": _kind(
        NorthStar, '"vision"', [Arg("vision", STRING)],
        by=Key("by", DATE), needs=Key("needs", TAGS),
    ),
    "role": _kind(
        Role, '"title" at "org"', [Arg("title", STRING), Arg(None, "at"), Arg("org", STRING)],
        track=Key("track", TRACKS, True), phase=Key("phase", PHASES, True, unless="side"),
        scale=Key("scale", STRING), why=Key("why", STRING), side=Key("side", YES),
        move=Key("move", MOVES),
    ),
    "leave": _kind(Leave, '"title"', [Arg("title", STRING)], why=Key("why", STRING), at=Key("org", STRING)),
    "bet": _kind(
        Bet, '"name"', [Arg("name", STRING)],
        size=Key("size", SIZES), in_=Key("in_role", STRING), ask=Key("ask", STRING),
    ),
    "outcome": _kind(
        Outcome, '"bet name" success|failure|pivot|stopped',
        [Arg("bet", STRING), Arg("result", RESULTS)],
        story=Key("story", STRING), lesson=Key("lesson", STRING),
    ),
    "skill": _kind(
        Skill, "#skill novice|practicing|proficient|mastered",
        [Arg("skill", TAG), Arg("level", LEVELS)],
        evidence=Key("evidence", STRING),
    ),
    "update": _kind(
        Update, '"title"', [Arg("title", STRING)],
        to=Key("audience", STRING), via=Key("via", WORD), covers=Key("covers", TAGS),
        for_=Key("contract", STRING),
    ),
    "explained": _kind(Explained, "#topic", [Arg("topic", TAG)], to=Key("audience", STRING)),
    "contract": _kind(
        Contract, '"commitment"', [Arg("text", STRING)],
        every=Key("every", PERIODS, True), count=Key("times", COUNT),
        with_=Key("counterpart", STRING), until=Key("until", DATE), in_=Key("in_role", STRING),
    ),
    "feedback": _kind(
        Feedback, '"what was said"', [Arg("text", STRING)],
        from_=Key("giver", STRING), tone=Key("tone", TONES), action=Key("action", STRING),
    ),
    "listen": _kind(Listen, '"who"', [Arg("who", STRING)], heard=Key("heard", STRING)),
    "sotu": _kind(Sotu, '"title"', [Arg("title", STRING)]),
    "align": _kind(Align, '"what was agreed"', [Arg("text", STRING)], with_=Key("counterpart", STRING)),
    "win": _kind(Win, '"what improved"', [Arg("text", STRING)], impact=Key("impact", STRING)),
    "opportunity": _kind(
        Opportunity, '"name"', [Arg("name", STRING)],
        track=Key("track", TRACKS), phase=Key("phase", PHASES),
        builds=Key("builds", TAGS), at=Key("org", STRING),
    ),
    "decision": _kind(
        Decision, '"opportunity name" take|decline|defer',
        [Arg("opportunity", STRING), Arg("choice", CHOICES)],
        why=Key("why", STRING),
    ),
    "home": _kind(Home, "SCORE (1 to 5)", [Arg("score", SCORE)], note=Key("note", STRING)),
    "note": _kind(Note, '"text"', [Arg("text", STRING)]),
}

# The keyword of each class, and the field that names its entries.
KEYWORD_OF: dict[type[Entry], str] = {kind.cls: keyword for keyword, kind in KINDS.items()}
_NAME_FIELD: dict[type[Entry], str] = {kind.cls: kind.name_field for kind in KINDS.values()}


def keyword(entry: Entry) -> str:
    return KEYWORD_OF[type(entry)]


def name_of(entry: Entry) -> object:
    """The value that names an entry: a role's title, a bet's name, a skill's tag…"""
    value: object = getattr(entry, _NAME_FIELD[type(entry)])
    return value
