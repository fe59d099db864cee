"""JSON Resume in and out: a résumé -> ledger text, a ledger -> a résumé.

`import_json_resume(text, filename, today)` turns a JSON Resume (schema 1.x,
and the older `company`/`website` names) into the text of a ledger;
`export_json_resume(ledger)` turns a ledger into JSON Resume data. Both are
pure: text or data in, text or data out. docs/import-export.md is the mapping.

What a résumé says is first read into a small model (`Imported`: positions,
skills, publications, awards), which linkedin.py fills from a LinkedIn export
too; `ledger_text(imported, today)` writes that model as a ledger, in the
canonical layout, and checks it loads without errors. Bad input raises
SourceError, whose message names the file and the item.
"""

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.dates import add, shift
from ..core.entries import Duration, Entry, Note, Role, Skill, Update
from ..syntax.values import quote as format_string

if TYPE_CHECKING:
    from ..loader import Ledger

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


class SourceError(ValueError):
    """What is being imported cannot be read: the message names the file and,
    where there is one, the item or row."""


# --- the model ----------------------------------------------------------------------------------


class When(NamedTuple):
    """A date as a résumé gives it: a day, a month or a year."""

    day: date  # the first day it stands for
    precision: str  # "day" | "month" | "year"
    shown: str  # as the source wrote it, for messages and comments

    @property
    def text(self) -> str:
        """As the ledger writes it: YYYY-MM-DD, or YYYY-MM for a month or a year (the format has no year)."""
        if self.precision == "day":
            return self.day.isoformat()
        return f"{self.day.year:04d}-{self.day.month:02d}"

    def after(self) -> "When":
        """The day after this last day: a leave's date. For a month (or a year) the
        day is not known, and the day after it lies, as far as the source says, in
        the same month (year): the leave is written with the same month."""
        if self.precision == "day":
            return When(shift(self.day, 1), "day", self.shown)
        return self

    @property
    def last(self) -> date:
        """The last day it may stand for: the day, or the month's (the year's) last day."""
        if self.precision == "day":
            return self.day
        if self.precision == "year" or self.day.month == 12:
            return date(self.day.year, 12, 31)
        return shift(date(self.day.year, self.day.month + 1, 1), -1)


Meta = tuple[tuple[str, str], ...]  # (x- key, text), in the order written
Row = tuple[str, str | None]  # a line being written: its code, and its trailing comment or None
Rows = list[Row]


class Position(NamedTuple):
    where: str  # names it in messages: `resume.json: work[2] ("CTO" at "Beta")`
    section: str  # "work" | "volunteer"
    title: str
    org: str
    start: When
    end: When | None  # the last day (or month, or year) in the role; None while held
    meta: Meta


class SkillItem(NamedTuple):
    where: str
    name: str
    level: str | None  # as the source gives it
    keywords: tuple[str, ...]


class Dated(NamedTuple):
    """A publication or an award."""

    where: str
    title: str
    when: When
    via: str | None  # publications: the channel, when the URL tells it
    meta: Meta


class Imported(NamedTuple):
    source: str  # `resume.json (JSON Resume)`: named in the ledger's first comment
    noun: str  # what the comments call it: `résumé`, `LinkedIn export`
    owner: str | None
    positions: tuple[Position, ...]
    skills: tuple[SkillItem, ...]
    publications: tuple[Dated, ...]
    awards: tuple[Dated, ...]
    skipped: tuple[str, ...]  # what is not imported, for the ledger's first comment


# --- text ---------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """One line of text: every run of white space (newlines, tabs, line and
    paragraph separators) is one space, control characters and lone
    surrogates (which JSON can escape, and UTF-8 cannot hold) are dropped,
    and the ends are trimmed. The format's strings are one line."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    kept = "".join(" " if c.isspace() else c for c in text
                   if c.isspace() or unicodedata.category(c) not in ("Cc", "Cs"))
    return " ".join(kept.split())


quote = format_string  # a "string" of the format, as the parser reads it back


_WORD_DOT = re.compile(r"(?<![a-z0-9])\.(?=[a-z0-9])")
_SHARP = re.compile(r"(?<=[a-z0-9])#")
_NOT_TAG = re.compile(r"[^a-z0-9]+")


def tag_of(name: str) -> str | None:
    """A skill's name as a tag: accents dropped, lowercase, `+` as `p` (C++ is
    `cpp`), `#` after a letter as `sharp` (C# is `csharp`), `&` as `and`, a dot
    that starts a word as `dot` (.NET is `dotnet`), then every run of other
    characters as one `-`, none at the ends. None when nothing is left."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    folded = _SHARP.sub("sharp", folded.replace("+", "p").replace("&", " and "))
    folded = _WORD_DOT.sub("dot", folded)
    tag = _NOT_TAG.sub("-", folded).strip("-")
    return tag or None


# the levels of JSON Resume's examples, and the format's own words -> the format's level
LEVELS_IN = {
    "master": "mastered", "expert": "mastered", "advanced": "proficient", "intermediate": "practicing",
    "beginner": "novice",
    "mastered": "mastered", "proficient": "proficient", "practicing": "practicing", "novice": "novice",
}
LEVELS_OUT = {"mastered": "Master", "proficient": "Advanced", "practicing": "Intermediate", "novice": "Beginner"}
DEFAULT_LEVEL = "practicing"  # a skill with no level, or one that maps to none (marked for review)
DEFAULT_TRACK = "core"
DEFAULT_PHASE = "impact"

# a publication's URL -> its `via:` word, by the site's domain (the domain or one below it)
VIA_BY_SITE = {
    "medium.com": "blog", "substack.com": "blog", "dev.to": "blog", "hashnode.dev": "blog",
    "blogspot.com": "blog", "wordpress.com": "blog",
    "youtube.com": "video", "youtu.be": "video", "vimeo.com": "video",
    "speakerdeck.com": "talk", "slideshare.net": "talk",
    "arxiv.org": "paper", "doi.org": "paper",
}
# the `via:` words of updates that export as publications (beside those tagged #publication)
PUBLIC_VIA = frozenset({"blog", "talk", "paper", "video", "podcast", "article", "newsletter", "book"})
PUBLICATION_TAG = "publication"
AWARD_TAG = "award"


def via_of(url: str | None) -> str | None:
    """The channel a publication's URL names, when its site is a known one."""
    if not url:
        return None
    m = re.match(r"[a-z][a-z0-9+.-]*://([^/?#:@]+)", url.strip().lower())
    if m is None:
        return None
    host = m[1]
    for site, word in VIA_BY_SITE.items():
        if host == site or host.endswith("." + site):
            return word
    return None


# --- reading JSON Resume ------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
NO_END = frozenset({"", "present", "current", "now"})  # an endDate that says the role is held
# the sections a résumé may have (schema 1.x); those read are mapped, the others named as not imported
SECTIONS = ("basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
            "languages", "interests", "references", "projects", "meta")
READ = frozenset({"basics", "work", "volunteer", "awards", "publications", "skills"})


def decode(data: bytes, filename: str) -> str:
    """UTF-8 bytes (a byte order mark is dropped) -> text; SourceError naming the
    first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise SourceError(
            f"{filename}:{line}: not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start};"
            " save the file as UTF-8"
        ) from None


def parse_iso(text: str) -> When | None:
    """`2014-06-29`, `2014-06` or `2014` -> When; None when it is none of them
    or no real day."""
    m = _ISO.fullmatch(text.strip())
    if m is None:
        return None
    try:
        day = date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    precision = "day" if m[3] else "month" if m[2] else "year"
    return When(day, precision, text.strip())


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "text"


class _Item:
    """One object of the résumé, read with messages that name it."""

    def __init__(self, filename: str, path: str, value: object) -> None:
        self.filename = filename
        self.path = path
        if not isinstance(value, dict):
            raise SourceError(f"{filename}: {path} is {_kind(value)}, not an object")
        self.data: dict[str, object] = value
        self.label = ""  # ` ("CTO" at "Beta")`, once known

    @property
    def where(self) -> str:
        return f"{self.filename}: {self.path}{self.label}"

    def text(self, *keys: str) -> str | None:
        """The first of `keys` present (a newer name, then an older one), as one
        line of text; None when absent, null or blank."""
        for key in keys:
            value = self.data.get(key)
            if value is None:
                continue
            if not isinstance(value, str):
                raise SourceError(f"{self.where}: {key} is {_kind(value)}, not text")
            found = clean(value)
            if found:
                return found
        return None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise SourceError(f"{self.where}: {key} is {_kind(value)}, not a list of text")
        out = []
        for i, v in enumerate(value):
            if not isinstance(v, str):
                raise SourceError(f"{self.where}: {key}[{i}] is {_kind(v)}, not text")
            if clean(v):
                out.append(clean(v))
        return tuple(out)

    def when(self, key: str, *, required: bool, end: bool = False) -> When | None:
        value = self.data.get(key)
        if value is None or (end and isinstance(value, str) and value.strip().lower() in NO_END):
            if required:
                raise SourceError(f"{self.where}: no {key}: the day it started is needed")
            return None
        if not isinstance(value, str):
            raise SourceError(f"{self.where}: {key} is {_kind(value)}, not a date")
        found = parse_iso(value)
        if found is None:
            shown = clean(value)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise SourceError(f"{self.where}: {key} {quote(shown)} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
        return found


def _section(data: Mapping[str, object], key: str, filename: str) -> list[object]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SourceError(f"{filename}: {key} is {_kind(value)}, not a list")
    return value


def read_json_resume(text: str, filename: str) -> Imported:
    """A JSON Resume's text -> what it says, as the ledger can hold it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(f"{filename}:{e.lineno}:{e.colno}: not JSON: {e.msg}") from None
    except RecursionError:
        raise SourceError(f"{filename}: not a JSON Resume: nested too deeply") from None
    if not isinstance(data, dict):
        raise SourceError(f"{filename}: not a JSON Resume: the file holds {_kind(data)}, not an object")
    if not any(key in data for key in SECTIONS):
        raise SourceError(
            f"{filename}: not a JSON Resume: it has none of its sections ({', '.join(SECTIONS[:-1])})"
        )
    sections: list[str] = []  # what is not imported: the sections and fields, then the items
    skipped: list[str] = []
    owner = None
    if data.get("basics") is not None:
        basics = _Item(filename, "basics", data["basics"])
        owner = basics.text("name")
        rest = [k for k, v in basics.data.items() if k != "name" and v not in (None, "", [], {})]
        if rest:
            sections.append(f"basics ({', '.join(rest)})")
    positions = [*_positions(data, "work", filename), *_positions(data, "volunteer", filename)]
    skills = []
    for i, raw in enumerate(_section(data, "skills", filename)):
        item = _Item(filename, f"skills[{i}]", raw)
        name = item.text("name")
        if name is None:
            skipped.append(f"skills[{i}]: no name")
            continue
        item.label = f" ({quote(name)})"
        skills.append(SkillItem(item.where, name, item.text("level"), item.texts("keywords")))
    publications = _dated(data, "publications", filename, ("name",), "releaseDate", skipped)
    awards = _dated(data, "awards", filename, ("title",), "date", skipped)
    for key, value in data.items():
        if key in READ or key in ("$schema", "meta") or value in (None, "", [], {}):
            continue
        count = f" ({len(value)})" if isinstance(value, list) else ""
        sections.append(f"{key}{count}")
    return Imported(f"{base_name(filename)} (JSON Resume)", "résumé", owner, tuple(positions), tuple(skills),
                    tuple(publications), tuple(awards), (*sections, *skipped))


def base_name(filename: str) -> str:
    """The last part of a path, for the ledger's first comment (the folder says nothing there)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1]


def _positions(data: Mapping[str, object], section: str, filename: str) -> list[Position]:
    out = []
    for i, raw in enumerate(_section(data, section, filename)):
        item = _Item(filename, f"{section}[{i}]", raw)
        # schema 1.x names a work's organisation `name` (0.x: `company`); a volunteer's `organization`
        org = item.text("name", "company") if section == "work" else item.text("organization", "name", "company")
        title = item.text("position")
        item.label = f" ({quote(title or '')} at {quote(org or '')})" if title or org else ""
        if title is None:
            raise SourceError(f"{item.where}: no position: a role needs a title")
        if org is None:
            what = "name" if section == "work" else "organization"
            raise SourceError(f"{item.where}: no {what}: a role needs an organisation")
        start = item.when("startDate", required=True)
        assert start is not None
        end = item.when("endDate", required=False, end=True)
        if end is not None and end.last < start.day:
            raise SourceError(f"{item.where}: endDate {end.shown} is before startDate {start.shown}")
        meta: list[tuple[str, str]] = []
        for key, names in (("x-url", ("url", "website")), ("x-location", ("location",)),
                           ("x-description", ("description",)), ("x-summary", ("summary",))):
            value = item.text(*names)
            if value is not None:
                meta.append((key, value))
        meta.extend((f"x-highlight-{n}", h) for n, h in enumerate(item.texts("highlights"), 1))
        out.append(Position(item.where, section, title, org, start, end, tuple(meta)))
    return out


def _dated(data: Mapping[str, object], section: str, filename: str, names: tuple[str, ...], date_key: str,
           skipped: list[str]) -> list[Dated]:
    out = []
    for i, raw in enumerate(_section(data, section, filename)):
        item = _Item(filename, f"{section}[{i}]", raw)
        title = item.text(*names)
        if title is None:
            skipped.append(f"{section}[{i}]: no {names[0]}")
            continue
        item.label = f" ({quote(title)})"
        when = item.when(date_key, required=False)
        if when is None:
            skipped.append(f"{section}[{i}] ({quote(title)}): no {date_key}")
            continue
        meta: list[tuple[str, str]] = []
        url = None
        if section == "publications":
            keys: tuple[tuple[str, tuple[str, ...]], ...] = (
                ("x-publisher", ("publisher",)), ("x-url", ("url", "website")), ("x-summary", ("summary",)))
        else:
            keys = (("x-awarder", ("awarder",)), ("x-summary", ("summary",)))
        for key, fields in keys:
            value = item.text(*fields)
            if value is not None:
                meta.append((key, value))
                url = value if key == "x-url" else url
        out.append(Dated(item.where, title, when, via_of(url) if section == "publications" else None,
                         tuple(meta)))
    return out


def import_json_resume(text: str, filename: str, today: date) -> str:
    """A JSON Resume's text -> the text of a ledger that loads without errors."""
    return ledger_text(read_json_resume(text, filename), today, filename)


# --- writing the ledger -------------------------------------------------------------------------

REVIEW_TRACK = "review: core or innovation? the {noun} does not say"
REVIEW_PHASE = "review: learning or impact? the {noun} does not say"


def _year_note(when: When, noun: str) -> str | None:
    if when.precision != "year":
        return None
    return f"review: the {noun} gives the year only ({when.shown}): January assumed"


def _ended(when: When) -> str:
    if when.precision == "day":
        return f"on {when.day.isoformat()}"
    return f"in {when.shown}"


class _Lines:
    """Lines of the ledger, in the canonical layout: a run of lines that end in
    a comment has its comments in one column, two spaces after the longest code."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def add(self, rows: Sequence[Row]) -> None:
        """(code, trailing comment or None) rows: one entry, or comment lines."""
        i = 0
        while i < len(rows):
            if rows[i][1] is None:
                self.lines.append(rows[i][0])
                i += 1
                continue
            j = i
            while j < len(rows) and rows[j][1] is not None:
                j += 1
            column = max(len(code) for code, _ in rows[i:j]) + 2
            self.lines.extend(f"{code.ljust(column)}; {note}" for code, note in rows[i:j])
            i = j

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _comment(text: str, width: int = 78) -> Rows:
    """A comment, wrapped at `width` columns, as rows."""
    import textwrap

    return [(f"; {line}", None) for line in textwrap.wrap(text, width - 2, break_on_hyphens=False)]


class _Event(NamedTuple):
    day: date
    rank: int  # on one day: leaves of earlier roles, then roles, then leaves of roles of that day
    seq: int
    rows: Rows
    where: str  # the item it comes from, for a message


def ledger_text(imported: Imported, today: date, filename: str = "<import>") -> str:
    """The model as a ledger: options, roles and leaves, publications, awards,
    skills, each by date; in the canonical layout; checked to load without
    errors (SourceError otherwise, naming the item)."""
    noun = imported.noun
    events = _role_events(imported.positions, noun)
    pubs, skipped_pubs = _dated_entries(imported.publications, "update", PUBLICATION_TAG, noun)
    awards, skipped_awards = _dated_entries(imported.awards, "note", AWARD_TAG, noun)
    skills, skipped_skills = _skill_entries(imported.skills, today, noun)
    skipped = [*imported.skipped, *skipped_pubs, *skipped_awards, *skipped_skills]

    out = _Lines()
    head = f"careerledger import, {today.isoformat()}, from {clean(imported.source)}."
    out.add(_comment(head))
    out.add(_comment(f'The lines marked "review:" hold what the {noun} does not say: decide them, then delete'
                     ' the comment.'))
    if skipped:
        out.add([(";", None)])
        out.add(_comment("Not imported: " + "; ".join(clean(s) for s in skipped) + "."))
    out.blank()
    if imported.owner is not None:
        out.add([(f"option {quote('owner')} {quote(imported.owner)}", None)])
        out.blank()
    origins: dict[int, str] = {}  # line number of a role's or leave's head -> the item it comes from
    sections: list[tuple[str, list[tuple[Rows, str]]]] = [
        ("Roles", [(e.rows, e.where) for e in sorted(events)]), ("Publications", [(rows, "") for rows in pubs]),
        ("Awards", [(rows, "") for rows in awards]), ("Skills", [(rows, "") for rows in skills])]
    for heading, blocks in sections:
        if not blocks:
            continue
        out.add([(f"* {heading}", None)])
        for rows, where in blocks:
            out.blank()
            first = next(i for i, (code, _) in enumerate(rows) if not code.startswith(";"))
            origins[len(out.lines) + first + 1] = where
            out.add(rows)
        out.blank()
    return _check(out.text(), filename, origins)


def _role_events(positions: Sequence[Position], noun: str) -> list[_Event]:
    """Roles and leaves. Work: the one held (no end; of several, the latest to
    start) and those that follow one another are main roles, a leave after
    each that ends with a gap before the next; one within the main role held,
    or held beside the latest, is a side role. Volunteer work: side roles,
    each ended with a leave."""
    work = sorted((p for p in positions if p.section == "work"), key=_span_order)
    held_open = [p for p in work if p.end is None]
    main_open = max(held_open, key=lambda p: p.start.day) if held_open else None  # of a tie, the first
    mains: list[Position] = []
    sides: list[tuple[Position, str | None]] = []
    for p in work:
        if p.end is None and p is not main_open:
            assert main_open is not None
            sides.append((p, f"review: also held now in the {noun}; the main role is {quote(main_open.title)} at"
                             f" {quote(main_open.org)} (one at a time: the latest to start), so this one is a side"
                             " role"))
        elif mains and _within(p, mains[-1]):
            sides.append((p, f"review: within {quote(mains[-1].title)} at {quote(mains[-1].org)} in the {noun};"
                             " one main role at a time, so this one is a side role"))
        else:
            mains.append(p)
    sides.extend((p, None) for p in positions if p.section == "volunteer")
    titles: dict[str, int] = {}
    for p in positions:
        titles[p.title] = titles.get(p.title, 0) + 1

    events: list[_Event] = []
    seen_roles: dict[tuple[date, str], Position] = {}
    seen_leaves: dict[tuple[date, str], Position] = {}

    def role(p: Position, side: bool, note: str | None, from_work: bool) -> None:
        _unique(seen_roles, (p.start.day, p.title), p, "start")
        rows = [*_comment(note or ""), *_comment(_year_note(p.start, noun) or "")]
        rows.append((f"{p.start.text} role {quote(p.title)} at {quote(p.org)}", None))
        rows.append((f"  track: {DEFAULT_TRACK}", REVIEW_TRACK.format(noun=noun)))
        if side:
            rows.append(("  side: yes", None))
            if from_work:
                rows.append(("  x-resume-section: work", None))
        else:
            rows.append((f"  phase: {DEFAULT_PHASE}", REVIEW_PHASE.format(noun=noun)))
        rows.extend((f"  {key}: {quote(value)}", None) for key, value in p.meta)
        events.append(_Event(p.start.day, 1, len(events), rows, p.where))

    def leave(p: Position, end: When, side: bool) -> None:
        when = _leave_when(p)
        _unique(seen_leaves, (when.day, p.title), p, "end")
        last = f"last day: {end.day.isoformat()}" if end.precision == "day" else None
        note = _year_note(end, noun)
        if end.after().day < p.start.day:  # ended in the month (the year) it started, after its first day
            note = f"review: the {noun} ends it {_ended(end)}, when it started: the leave is on its first day"
        rows: Rows = [*_comment(note or ""), (f"{when.text} leave {quote(p.title)}", last)]
        if side and titles[p.title] > 1:
            rows.append((f"  at: {quote(p.org)}", None))
        events.append(_Event(when.day, 2 if when.day == p.start.day else 0, len(events), rows, p.where))

    for i, p in enumerate(mains):
        after = mains[i + 1] if i + 1 < len(mains) else None
        note = None
        write_leave = False
        if p.end is not None:
            day = _leave_when(p).day
            if after is None:
                write_leave = True
            elif after.start.day < day:
                note = (f"review: the {noun} ends it {_ended(p.end)}, after the next main role starts: one main"
                        f" role at a time, so {quote(after.title)} ends it on {after.start.text}")
            elif after.start.day > day:
                if after.org == p.org and after.start.day <= add(day, Duration(1, "m")):
                    note = (f"review: the {noun} ends it {_ended(p.end)}; no leave before the next role at"
                            f" {quote(p.org)} (a promotion), which ends it on {after.start.text}")
                else:
                    write_leave = True
            elif _precise(after.start) != _precise(_leave_when(p)) and after.org != p.org:
                # the next role starts on the leave's day, written otherwise (2020-01 after a last day of
                # 2019-12-31): the leave says how the source wrote the end, for export to give it back
                write_leave = True
        role(p, False, note, True)
        if write_leave:
            assert p.end is not None
            leave(p, p.end, False)
    for p, note in sides:
        role(p, True, note, p.section == "work")
        if p.end is not None:
            leave(p, p.end, True)
    return events


def _leave_when(p: Position) -> When:
    """The date of the leave that ends `p`: the day after its end; for an end
    given as the month (or year) it started in, its first day (a leave cannot
    come before its role)."""
    assert p.end is not None
    when = p.end.after()
    return when if when.day >= p.start.day else When(p.start.day, p.start.precision, p.end.shown)


def _precise(when: When) -> bool:
    """Whether the ledger writes it as a day (YYYY-MM-DD), not a month."""
    return when.precision == "day"


def _span_order(p: Position) -> tuple[date, int]:
    """By start; of two that start on one day, the longer first (the one held, then the later end)."""
    end = date.max if p.end is None else _leave_when(p).day
    return p.start.day, -end.toordinal()


def _within(p: Position, held: Position) -> bool:
    """`p` lies within the main role `held`: it starts no earlier and ends no later."""
    if p.end is None or p.start.day < held.start.day:
        return False
    return held.end is None or _leave_when(p).day <= _leave_when(held).day


def _unique(seen: dict[tuple[date, str], Position], key: tuple[date, str], p: Position, what: str) -> None:
    """Two roles (or leaves) of one title on one day are one entry twice (E406)."""
    first = seen.setdefault(key, p)
    if first is not p:
        verb = "start" if what == "start" else "end"
        raise SourceError(
            f"{p.where}: it and {first.where.split(': ', 1)[-1]} both {verb} on {key[0].isoformat()} with the"
            f" title {quote(key[1])}; a ledger cannot hold two of one title on one day: change one"
        )


def _dated_entries(items: Sequence[Dated], keyword: str, tag: str, noun: str) -> tuple[list[Rows], list[str]]:
    blocks: list[tuple[date, Rows]] = []
    skipped = []
    seen: set[tuple[date, str]] = set()
    for d in items:
        if (d.when.day, d.title) in seen:
            skipped.append(f"{d.where.split(': ', 1)[-1]}: the same as one before it on the same day")
            continue
        seen.add((d.when.day, d.title))
        rows: Rows = [*_comment(_year_note(d.when, noun) or "")]
        rows.append((f"{d.when.text} {keyword} {quote(d.title)} #{tag}", None))
        if d.via is not None:
            rows.append((f"  via: {d.via}", None))
        rows.extend((f"  {key}: {quote(value)}", None) for key, value in d.meta)
        blocks.append((d.when.day, rows))
    blocks.sort(key=lambda b: b[0])
    return [rows for _, rows in blocks], skipped


def _skill_entries(items: Sequence[SkillItem], today: date, noun: str) -> tuple[list[Rows], list[str]]:
    blocks: list[Rows] = []
    skipped = []
    tags: dict[str, str] = {}
    for s in items:
        tag = tag_of(s.name)
        label = s.where.split(": ", 1)[-1]
        if tag is None:
            skipped.append(f"{label}: no tag can be made of its name")
            continue
        if tag in tags:
            skipped.append(f"{label}: its tag #{tag} is that of {quote(tags[tag])}")
            continue
        tags[tag] = s.name
        level = LEVELS_IN.get(s.level.casefold()) if s.level else None
        if level is None:
            level = DEFAULT_LEVEL
            given = f"level {quote(s.level)}, which maps to none" if s.level else "no level"
            note: str | None = f"review: the {noun} gives {given}: {DEFAULT_LEVEL} assumed"
        else:
            note = None
        rows: Rows = []
        if not blocks:
            rows.extend(_comment(f"The skills the {noun} lists, dated on the day of the import ({today})."))
        rows.append((f"{today.isoformat()} skill #{tag} {level}", note))
        if s.name != tag:
            rows.append((f"  x-name: {quote(s.name)}", None))
        if s.keywords:
            rows.append((f"  x-keywords: {quote(', '.join(s.keywords))}", None))
        blocks.append(rows)
    return blocks, skipped


def _check(text: str, filename: str, origins: Mapping[int, str]) -> str:
    """The ledger written, which must load without errors, in the canonical
    layout (it is written in it; fmt's format_text has the last word). One
    that does not load is a limit of the format or of the import, said as
    such, naming the item, rather than written."""
    from ..loader import load_string
    from .layout import LayoutError, format_text

    ledger = load_string(text, "<import>")
    errors = ledger.errors
    if errors:
        e = errors[0]
        where = origins.get(e.loc.line) or filename
        if e.code == "E413":  # two roles of one title at one organisation, both held: no leave can pick one
            raise SourceError(f"{where}: it is held at the same time as another role of that title at that"
                              " organisation, and a leave cannot tell them apart: give one another title")
        line = text.split("\n")[e.loc.line - 1]
        raise SourceError(f"{where}: the ledger made of it would not check ({e.code} {e.message}, at:"
                          f" {line.strip()}); please report this")
    from ..core.links import links

    for leave, role in links(ledger.entries).ends.items():  # each leave ends the role it was written for
        meant, ended = origins.get(leave.loc.line, filename), origins.get(role.loc.line, filename)
        if meant != ended:
            raise SourceError(f"{meant}: its leave would end {ended.split(': ', 1)[-1]}, held at the same time"
                              " with the same title at the same organisation: give one of them another title")
    try:
        return format_text(text, "<import>")
    except LayoutError as e:
        raise SourceError(f"{filename}: the ledger made of it could not be laid out ({e}); please report this"
                          ) from None


# --- export -------------------------------------------------------------------------------------

_WRITTEN = re.compile(r"\ufeff?(\d{4}-\d\d)(-\d\d)?")


class _Written:
    """Each entry's date as its line writes it: YYYY-MM stays a month."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self.lines: dict[str, list[str]] = {}

    def month(self, entry: Entry) -> bool:
        """Whether the entry's date is written as YYYY-MM (the day not known)."""
        file = entry.loc.file
        lines = self.lines.get(file)
        if lines is None:
            lines = self.lines[file] = self.sources.get(file, "").split("\n")
        if not 0 < entry.loc.line <= len(lines):
            return False
        m = _WRITTEN.match(lines[entry.loc.line - 1].lstrip(" \t"))
        return m is not None and m[2] is None

    def start(self, entry: Entry) -> str:
        """The entry's date: YYYY-MM when written so, else YYYY-MM-DD."""
        return entry.date.isoformat()[:7] if self.month(entry) else entry.date.isoformat()

    def last(self, role: Role, ender: Entry) -> str:
        """The last day of a role that `ender` (a leave, or the next main role)
        ended: the day before it (the ledger's ends are excluded), or its month
        when it is written YYYY-MM, since the day before an unknown day is as
        unknown; never before the role's start."""
        if self.month(ender):
            return ender.date.isoformat()[:7]
        day = shift(ender.date, -1)
        return self.start(role) if day < role.date else day.isoformat()


def _extra(entry: Entry) -> dict[str, str]:
    return {k: v for k, v in entry.extra if isinstance(v, str)}


def export_json_resume(ledger: "Ledger") -> dict[str, Any]:
    """A ledger as JSON Resume data (schema 1.x): the owner as basics.name; a
    work item per main role (and per side role imported from work), newest
    first; volunteer items for the other side roles; skills at their latest
    level; publications from the updates that are published (tagged
    #publication or sent via a public channel); awards from notes tagged
    #award. The x- keys an import writes come back as the fields they were."""
    from ..core.links import links
    from ..metrics.roles import tenures
    from ..metrics.skills import latest_levels
    from ..metrics.timeline import stints, upto

    entries = upto(ledger.entries, date.max)
    written = _Written(ledger.sources)
    ender: dict[Role, Entry] = {}
    found = stints(entries, date.max)
    for stint, following in pairwise(found):
        if stint.role is not None:
            ender[stint.role] = following.opened_by
    for leave_entry, ended in links(entries).ends.items():
        ender.setdefault(ended, leave_entry)

    work: list[tuple[date, dict[str, Any]]] = []
    volunteer: list[tuple[date, dict[str, Any]]] = []
    for tenure in tenures(entries, date.max):
        for record in tenure.roles:
            r = record.role
            extra = _extra(r)
            as_work = not record.side or extra.get("x-resume-section") == "work"
            item: dict[str, Any] = {"name" if as_work else "organization": r.org, "position": r.title}
            for key, field in (("x-url", "url"), ("x-location", "location"), ("x-description", "description")):
                if key in extra and (as_work or field == "url"):
                    item[field] = extra[key]
            item["startDate"] = written.start(r)
            if record.end is not None and r in ender:
                item["endDate"] = written.last(r, ender[r])
            if "x-summary" in extra:
                item["summary"] = extra["x-summary"]
            highlights = [v for k, v in extra.items() if re.fullmatch(r"x-highlight-\d+", k)]
            if highlights:
                item["highlights"] = highlights
            (work if as_work else volunteer).append((r.date, item))

    resume: dict[str, Any] = {"$schema": SCHEMA_URL}
    if ledger.options.owner is not None:
        resume["basics"] = {"name": ledger.options.owner}
    if work:
        resume["work"] = _newest_first(work)
    if volunteer:
        resume["volunteer"] = _newest_first(volunteer)
    pubs = []
    awards = []
    for e in entries:
        if type(e) is Update and (PUBLICATION_TAG in e.tags or e.via in PUBLIC_VIA):
            extra = _extra(e)
            pub: dict[str, Any] = {"name": e.title}
            if "x-publisher" in extra:
                pub["publisher"] = extra["x-publisher"]
            pub["releaseDate"] = written.start(e)
            for key, field in (("x-url", "url"), ("x-summary", "summary")):
                if key in extra:
                    pub[field] = extra[key]
            pubs.append((e.date, pub))
        elif type(e) is Note and AWARD_TAG in e.tags:
            extra = _extra(e)
            award: dict[str, Any] = {"title": e.text, "date": written.start(e)}
            for key, field in (("x-awarder", "awarder"), ("x-summary", "summary")):
                if key in extra:
                    award[field] = extra[key]
            awards.append((e.date, award))
    if awards:
        resume["awards"] = _newest_first(awards)
    if pubs:
        resume["publications"] = _newest_first(pubs)
    skills = _skills_out(entries, latest_levels(entries).items())
    if skills:
        resume["skills"] = skills
    return resume


def _newest_first(items: Iterable[tuple[date, dict[str, Any]]]) -> list[dict[str, Any]]:
    listed = list(items)
    order = sorted(range(len(listed)), key=lambda i: listed[i][0], reverse=True)  # stable: file order kept
    return [listed[i][1] for i in order]


def _skills_out(entries: Sequence[Entry], levels: Iterable[tuple[str, Any]]) -> list[dict[str, Any]]:
    names: dict[str, str] = {}
    keywords: dict[str, str] = {}
    for e in entries:
        if type(e) is Skill:
            extra = _extra(e)
            if "x-name" in extra:
                names[e.skill] = extra["x-name"]
            if "x-keywords" in extra:
                keywords[e.skill] = extra["x-keywords"]
    out = []
    for tag, level in levels:
        item: dict[str, Any] = {"name": names.get(tag, tag), "level": LEVELS_OUT[level.level]}
        if tag in keywords:
            item["keywords"] = [k.strip() for k in keywords[tag].split(", ") if k.strip()]
        out.append(item)
    return out


def export_text(ledger: "Ledger") -> str:
    """export_json_resume as JSON text: two-space indents, UTF-8 as it is, a final newline."""
    return json.dumps(export_json_resume(ledger), indent=2, ensure_ascii=False) + "\n"
