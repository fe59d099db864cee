"""`careerledger init`: the text of a new ledger, a Career Spec to edit.

A Spec holds the few answers a ledger starts from (who, where to, the current
role); scaffold() writes them as the entries of a Career Spec: the owner, a
north star with its horizon and needs, the current role, an update contract in
that role, a first home check-in, and one commented-out example of every other
kind of entry of the schema (core/schema.py KINDS: a kind added there is in
the next scaffold), under `*` headings.

The scaffold passes `careerledger check` with no error, and with no warning on
the day it is made when the role starts that day (the default). docs/authoring.md
says which warnings it may show later.
"""

from datetime import date
from typing import NamedTuple

from ..core import schema as S
from ..core.dates import add
from ..core.entries import Duration
from .append import line_problem, quote

HORIZON = Duration(5, "y")  # a north star's default `by:`: its date + 5 years, as the format's own default

# the defaults, placeholders to edit
OWNER = "Your Name"
VISION = "Where you want to be in five years"
NEEDS = ("exec-communication", "team-leadership")
TITLE = "Your current title"
ORG = "Your organisation"
TRACK = "core"
PHASE = "impact"
WHY = "What it gives you toward your north star"
HOME = 3
CONTRACT = "A learning summary to my manager every month"
COUNTERPART = "My manager"

PRESENT = ("north-star", "role", "contract", "home")
WIDTH = 80  # the columns the scaffold's own lines fit in  # the kinds the scaffold writes as entries


class Spec(NamedTuple):
    """What a scaffold is made of. `today` dates the north star, the contract and
    the check-in; `since` (default `today`) the role; `by` defaults to
    `today` + 5 years."""

    today: date
    owner: str = OWNER
    vision: str = VISION
    by: date | None = None
    needs: tuple[str, ...] = NEEDS  # tags, without #
    title: str = TITLE
    org: str = ORG
    since: date | None = None
    track: str = TRACK
    phase: str = PHASE
    why: str = WHY
    home: int = HOME


class SpecError(ValueError):
    """A value of a Spec that cannot be written: `field` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def horizon(today: date) -> date:
    """The default `by:` of a north star written on `today`."""
    return add(today, HORIZON)


def check_spec(spec: Spec) -> None:
    """Raise SpecError for the first value of `spec` that would not make a right ledger."""
    from ..syntax.tokens import tag_of

    for field in ("owner", "vision", "title", "org", "why"):
        problem = line_problem(getattr(spec, field))
        if problem is not None:
            raise SpecError(field, problem)
    if not spec.needs:
        raise SpecError("needs", "a north star needs at least one skill, as a tag")
    for tag in spec.needs:
        if tag_of(tag) != tag:
            raise SpecError("needs", f"{tag!r} is not a tag: use lowercase letters, digits, -, _ and /")
    if spec.by is not None and spec.by < spec.today:
        raise SpecError("by", f"the horizon {spec.by} is before the north star's date, {spec.today}")
    if spec.track not in S.TRACKS:
        raise SpecError("track", f"a track is {' or '.join(S.TRACKS)}, not {spec.track!r}")
    if spec.phase not in S.PHASES:
        raise SpecError("phase", f"a phase is {' or '.join(S.PHASES)}, not {spec.phase!r}")
    if not 1 <= spec.home <= 5:
        raise SpecError("home", f"a home score is 1 to 5, not {spec.home}")


def scaffold(spec: Spec) -> str:
    """The text of a new ledger (LF line endings, two-space indentation). Raises
    SpecError for a value that cannot be written (check_spec)."""
    check_spec(spec)
    today = spec.today.isoformat()
    since = (spec.since or spec.today).isoformat()
    # the contract belongs to the role, held on the contract's date: not before the role starts
    signed = max(spec.today, spec.since or spec.today).isoformat()
    by = (spec.by or horizon(spec.today)).isoformat()
    title, owner = quote(spec.title), quote(spec.owner)
    # (date, entry lines): the Spec's entries, written in date order (the north star first of one day)
    entries = [
        (today, [
            f"{today} north-star {quote(spec.vision)}",
            f"  by: {by}",
            "  needs: " + " ".join("#" + t for t in spec.needs),
        ]),
        (since, [
            f"{since} role {title} at {quote(spec.org)}",
            f"  track: {spec.track}",
            f"  phase: {spec.phase}",
            f"  why: {quote(spec.why)}",
        ]),
        (signed, [
            f"{signed} contract {quote(CONTRACT)}",
            "  every: month",
            f"  with: {quote(COUNTERPART)}",
            f"  in: {title}",
        ]),
        (today, [
            f"{today} home {spec.home}",
            '  note: "The first check-in: 1 is poor, 5 is thriving"',
        ]),
    ]
    out = [
        f"; The career ledger of {spec.owner}: a Career Spec, in the .career format.",
        f"; Made by `careerledger init` on {today}. Each entry is a dated line, then",
        "; its indented `key: value` metadata; a `;` starts a comment, a `*` line is a",
        "; heading. Edit the text in quotes, then run `careerledger check` on this file.",
        "; Add entries with `careerledger add KIND ...` (it keeps them in date order) or",
        "; by hand.",
        f'option "owner" {owner}',
        "",
        "* Career Spec: the north star, the current role, the update contract, home",
    ]
    for _, lines in sorted(entries, key=lambda e: e[0]):  # stable: one day keeps the order above
        out.append("")
        out.extend(lines)
    out += [
        "",
        "* Examples: one of each other kind of entry",
        "; To use one, copy it above this heading, remove the `; ` at the start of",
        "; each of its lines, and change its date and text. A `; or …` comment lists",
        "; the other words a value may be. docs/format.md describes each kind and key.",
    ]
    samples = _samples(spec)
    for keyword, kind in S.KINDS.items():
        if keyword not in PRESENT:
            out.append("")
            out.extend(_example(today, keyword, kind, samples.get(keyword, {})))
    return "\n".join(out) + "\n"


def _samples(spec: Spec) -> dict[str, dict[str, str]]:
    """keyword -> argument field or metadata key -> its value in the example, as
    written. The examples fit the scaffold: uncommented, they make a right ledger."""
    title = quote(spec.title)
    need = "#" + spec.needs[0]
    return {
        "leave": {"title": title, "why": '"Why you left"', "at": quote(spec.org)},
        "bet": {"name": '"Pilot"', "size": "small", "in": title,
                "ask": '"What you asked for to run it"'},
        "outcome": {"bet": '"Pilot"', "story": '"What happened"',
                    "lesson": '"What you would keep or change"'},
        "skill": {"skill": need, "level": "practicing", "evidence": '"What shows the level"'},
        "update": {"title": '"What you published: a summary, a post, a talk"', "to": quote(COUNTERPART),
                   "via": "email", "covers": "#a-topic-you-explain", "for": quote(CONTRACT)},
        "explained": {"topic": "#a-topic-you-explain", "to": '"Who you explained it to"'},
        "feedback": {"text": '"What was said"', "from": '"Who said it"', "tone": "constructive",
                     "action": '"What you changed because of it"'},
        "listen": {"who": '"Who you listened to, in your first 30 days"', "heard": '"What you learned"'},
        "sotu": {"title": '"State of the union: what you found in your first 30 days"'},
        "align": {"text": '"The problem you agreed to solve"', "with": '"Who you agreed it with"'},
        "win": {"text": '"What improved"', "impact": '"What it changed, measured if you can"'},
        "opportunity": {"name": '"A role or project on offer"', "track": "innovation", "phase": "learning",
                        "builds": need, "at": '"The organisation"'},
        "decision": {"opportunity": '"A role or project on offer"', "choice": "defer",
                     "why": '"The reasoning"'},
        "note": {"text": '"Anything else worth keeping: a raise, a thank-you, a setback"'},
    }


def _example(day: str, keyword: str, kind: S.Kind, samples: dict[str, str]) -> list[str]:
    """One commented-out entry of `kind`: every argument, every metadata key."""
    head = [day, keyword]
    others: list[str] = []
    for arg in kind.args:
        if arg.field is None:  # a literal word
            assert isinstance(arg.type, str)
            head.append(arg.type)
            continue
        value = samples.get(arg.field) or _sample(arg.type, arg.field, day)
        head.append(value)
        others += _alternatives(arg.type, value)
    lines = _with_or("; " + " ".join(head), others)
    for key, spec in kind.keys.items():
        value = samples.get(key) or _sample(spec.type, key, day)
        lines += _with_or(f";   {key}: {value}", _alternatives(spec.type, value))
    return lines


def _with_or(line: str, others: list[str]) -> list[str]:
    """A line of an example with its `; or …` comment: at its end, or on a line
    of its own under it where the line would pass 80 columns."""
    if not others or len(line + _or(others)) <= WIDTH:
        return [line + _or(others)]
    return [line, ";   " + _or(others).lstrip()]


def _sample(type_: S.ValueType, name: str, day: str) -> str:
    """A value of `type_` for an example that has none of its own."""
    if isinstance(type_, tuple):
        return type_[0]
    return {
        S.STRING: quote(name.replace("-", " ").capitalize()), S.TAG: "#a-tag", S.TAGS: "#a-tag", S.DATE: day,
        S.DURATION: "3m", S.COUNT: "1", S.SCORE: "3", S.YES: "no", S.WORD: "word",
    }.get(type_, type_)


def _alternatives(type_: S.ValueType, value: str) -> list[str]:
    return [w for w in type_ if w != value] if isinstance(type_, tuple) else []


def _or(words: list[str]) -> str:
    return f"   ; or {', '.join(words)}" if words else ""
