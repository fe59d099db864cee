"""The ledger's data: one immutable class per entry kind, and the schema.

Every entry is a NamedTuple whose first fields are `loc` (file, line, column)
and `date`, and whose last are `tags` and `extra` (the user's `x-` metadata).
NamedTuples are immutable, typed and cheap to build, which matters at 100k
entries. The schema (KINDS) says, for each keyword, which arguments it takes
and which metadata keys it allows; the parser reads it and nothing else
hard-codes a kind's shape. docs/format.md documents the same table.
"""

from datetime import date
from typing import NamedTuple


class Loc(NamedTuple):
    file: str
    line: int
    col: int = 1


class Duration(NamedTuple):
    """A whole number of years, months, weeks or days (`3y`, `18m`, `6w`, `10d`)."""

    amount: int
    unit: str  # "y" | "m" | "w" | "d"

    def __str__(self):
        return f"{self.amount}{self.unit}"


NO_TAGS = frozenset()

# --- entry kinds -----------------------------------------------------------
# Field order: loc, date, the arguments, the metadata, tags, extra.


class NorthStar(NamedTuple):
    loc: Loc
    date: date
    vision: str
    by: date | None = None  # filled in by the parser: date + 5 years
    needs: tuple[str, ...] = ()
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Role(NamedTuple):
    loc: Loc
    date: date
    title: str
    org: str
    track: str = "core"
    phase: str = "learning"
    scale: str | None = None
    why: str | None = None
    side: bool = False
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Leave(NamedTuple):
    loc: Loc
    date: date
    title: str
    why: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Bet(NamedTuple):
    loc: Loc
    date: date
    name: str
    size: str = "big"
    in_role: str | None = None
    ask: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Outcome(NamedTuple):
    loc: Loc
    date: date
    bet: str
    result: str
    story: str | None = None
    lesson: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Skill(NamedTuple):
    loc: Loc
    date: date
    skill: str
    level: str
    evidence: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Update(NamedTuple):
    loc: Loc
    date: date
    title: str
    audience: str | None = None
    via: str | None = None
    covers: tuple[str, ...] = ()
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Explained(NamedTuple):
    loc: Loc
    date: date
    topic: str
    audience: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Contract(NamedTuple):
    loc: Loc
    date: date
    text: str
    every: str = "month"
    count: int = 1
    counterpart: str | None = None
    until: date | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Feedback(NamedTuple):
    loc: Loc
    date: date
    text: str
    giver: str | None = None
    tone: str | None = None
    action: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Listen(NamedTuple):
    loc: Loc
    date: date
    who: str
    heard: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Sotu(NamedTuple):
    loc: Loc
    date: date
    title: str
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Align(NamedTuple):
    loc: Loc
    date: date
    text: str
    counterpart: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Win(NamedTuple):
    loc: Loc
    date: date
    text: str
    impact: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Opportunity(NamedTuple):
    loc: Loc
    date: date
    name: str
    track: str | None = None
    phase: str | None = None
    builds: tuple[str, ...] = ()
    org: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Decision(NamedTuple):
    loc: Loc
    date: date
    opportunity: str
    choice: str
    why: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Home(NamedTuple):
    loc: Loc
    date: date
    score: int
    note: str | None = None
    tags: frozenset = NO_TAGS
    extra: tuple = ()


class Note(NamedTuple):
    loc: Loc
    date: date
    text: str
    tags: frozenset = NO_TAGS
    extra: tuple = ()


# --- the schema ------------------------------------------------------------
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


class Arg(NamedTuple):
    field: str | None  # None for a literal word such as `at`
    type: object  # a value type above, or the literal word itself


class Key(NamedTuple):
    field: str
    type: object
    required: bool = False


class Kind(NamedTuple):
    cls: type
    args: tuple[Arg, ...]
    keys: dict  # metadata key -> Key
    summary: str  # "role \"title\" at \"org\"": how the head line reads

    @property
    def name_field(self):
        """The argument that names an entry (for duplicates and references)."""
        return self.args[0].field


def _kind(cls, summary, args, **keys):
    # Metadata keys such as `in`, `from` and `with` are Python keywords, so
    # each key names the field it fills.
    keys = {k.rstrip("_").replace("_", "-"): v for k, v in keys.items()}
    return Kind(cls, tuple(args), keys, summary)


KINDS = {
    "north-star": _kind(
        NorthStar, '"vision"', [Arg("vision", STRING)],
        by=Key("by", DATE), needs=Key("needs", TAGS),
    ),
    "role": _kind(
        Role, '"title" at "org"', [Arg("title", STRING), Arg(None, "at"), Arg("org", STRING)],
        track=Key("track", TRACKS, True), phase=Key("phase", PHASES, True),
        scale=Key("scale", STRING), why=Key("why", STRING), side=Key("side", YES),
    ),
    "leave": _kind(Leave, '"title"', [Arg("title", STRING)], why=Key("why", STRING)),
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
    ),
    "explained": _kind(Explained, "#topic", [Arg("topic", TAG)], to=Key("audience", STRING)),
    "contract": _kind(
        Contract, '"commitment"', [Arg("text", STRING)],
        every=Key("every", PERIODS, True), count=Key("count", COUNT),
        with_=Key("counterpart", STRING), until=Key("until", DATE),
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

# The keyword of each class, for rendering and for the duplicate check.
KEYWORD_OF = {kind.cls: keyword for keyword, kind in KINDS.items()}


def keyword(entry):
    return KEYWORD_OF[type(entry)]


def name_of(entry):
    """The value that names an entry: a role's title, a bet's name, a skill's tag…"""
    return entry[2]


def sort_key(entry):
    """The one ordering of entries: by date; ties keep file order (sorting is stable)."""
    return entry.date
