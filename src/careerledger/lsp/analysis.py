"""The ledger side of the language server: no LSP types here.

Loading reads the ledger as `check` does, except that a file open in the
editor is read from its unsaved text (the loader's overlay, keyed by real
path) rather than from disk, and that what was parsed before is reused
(ParseCache, the loader's parser): a keystroke parses a few dozen entries,
not the ledger. Positions here are 0-based lines and columns in characters
(code points); server.py converts them to the client's units.
"""

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from .. import loader
from ..checks import pitfalls
from ..core import options as opts
from ..core.entries import (
    Bet,
    Contract,
    Decision,
    Entry,
    Leave,
    Loc,
    NorthStar,
    Opportunity,
    Outcome,
    Role,
    Skill,
    Update,
)
from ..core.links import links
from ..core.problems import WARNING_BY_KEY, Problem, enabled_checks
from ..core.schema import KINDS, TAG, TAGS, YES, keyword, name_of
from ..metrics import cadence, landing
from ..syntax.lines import Include, Option, parse
from ..syntax.lines import Item as Parsed
from ..syntax.values import escape

# --- loading with the editor's text -----------------------------------------


def _bytes_of(text: str, real: str) -> bytes | None:
    """The bytes to read for an open document whose text is not plain UTF-8
    text, or None to read `text` as it is: lone surrogates (an editor that
    kept undecodable bytes with surrogateescape) are turned back into the
    bytes, and a text with U+FFFD in it is read from disk when the file there
    is not UTF-8, so that the loader reports each bad byte (E001)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass")
    if "\ufffd" in text:
        try:
            with open(real, "rb") as f:
                data = f.read()
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data
        except OSError:
            pass
    return None


def overlay_of(texts: Mapping[str, str]) -> dict[str, str | bytes]:
    """The loader's overlay for the open documents' `texts` (real path -> text):
    each text, or the bytes to read in its place (see _bytes_of)."""
    out: dict[str, str | bytes] = {}
    for real, text in texts.items():
        data = _bytes_of(text, real)
        out[real] = text if data is None else data
    return out


# --- reusing what was parsed --------------------------------------------------

# A file is parsed in chunks that each start at a column-0 line beginning with
# a digit: every such line starts an entry token (grammar/careerledger.lark)
# and the parser keeps no state across it (the entry before is built, and a
# broken line above no longer swallows indented lines), so a chunk parses to
# what the whole file gives for those lines. Where a chunk may end depends on
# its own head lines only (a hash), not on its position, so a change moves the
# chunk boundaries near it and nowhere else.
_HEAD_LINE = re.compile(r"\n(?=[0-9])")
MIN_HEADS = 8  # entries in a chunk, at least: each parse has a fixed cost (about 1 ms)
SPREAD = 16  # then a chunk ends at one head line in SPREAD, on average
MAX_HEADS = 128  # and at the latest after this many


class _Chunk(NamedTuple):
    first: int  # the 1-based line of its first line when its items were made
    items: tuple[Parsed, ...]
    problems: tuple[Problem, ...]

    @property
    def movable(self) -> bool:
        """Whether moving its Locs moves all of it: not when a message names a
        line (E205's "the first is on line 6"), which is parsed again instead."""
        return not any(_NAMES_A_LINE.search(p.message) or _NAMES_A_LINE.search(p.hint or "")
                       for p in self.problems)


_NAMES_A_LINE = re.compile(r"\bline \d")


class _FileParse(NamedTuple):
    text: str
    items: list[Parsed]
    problems: list[Problem]
    chunks: dict[str, _Chunk]  # chunk text -> its parse; empty when the file is not chunked


def chunk_bounds(text: str) -> list[tuple[int, int]]:
    """(start offset, 1-based first line) of each chunk of `text`, the first at 0."""
    bounds = [(0, 1)]
    heads = 0
    line, counted = 1, 0
    for m in _HEAD_LINE.finditer(text):
        heads += 1
        at = m.end()
        if heads < MIN_HEADS:
            continue
        eol = text.find("\n", at)
        if heads >= MAX_HEADS or hash(text[at:eol if eol >= 0 else len(text)]) % SPREAD == 0:
            line += text.count("\n", counted, at)
            counted = at
            bounds.append((at, line))
            heads = 0
    return bounds


def _shifted(chunk: _Chunk, first: int) -> _Chunk:
    """`chunk`'s items and problems moved to start on line `first`."""
    by = first - chunk.first
    items: list[Parsed] = []
    for item in chunk.items:
        if isinstance(item, Option):
            items.append(item._replace(loc=_moved(item.loc, by), value_loc=_moved(item.value_loc, by),
                                       key_loc=None if item.key_loc is None else _moved(item.key_loc, by)))
        else:  # every other item holds one Loc, its first field
            items.append(type(item)(_moved(item.loc, by), *item[1:]))
    problems = tuple(p._replace(loc=_moved(p.loc, by)) for p in chunk.problems)
    return _Chunk(first, tuple(items), problems)


def _moved(loc: Loc, by: int) -> Loc:
    return Loc(loc.file, loc.line + by, loc.col)


class ParseCache:
    """The parse of each file of the ledgers, reused while its text does not
    change, and within a changed file the parse of each chunk whose text did
    not change (moved to its new lines). A loader's `parser`; one per server,
    holding only the files of the last check (keep())."""

    def __init__(self) -> None:
        self.files: dict[str, _FileParse] = {}

    def parse(self, text: str, file: str) -> tuple[list[Parsed], list[Problem]]:
        """What syntax.lines.parse(text, file) returns."""
        done = self.files.get(file)
        if done is not None and (done.text is text or done.text == text):
            return done.items, done.problems
        if "\r" in text and text.count("\r") != text.count("\r\n"):
            # lone CRs are reported for the whole file, and change what else is: no chunks
            items, problems = parse(text, file)
            self.files[file] = _FileParse(text, items, problems, {})
            return items, problems
        bounds = chunk_bounds(text)
        ends = [b[0] for b in bounds[1:]] + [len(text)]
        old = done.chunks if done is not None else {}
        if not old:
            items, problems = parse(text, file)
            chunks = _split(text, bounds, ends, items, problems)
        else:
            chunks = {}
            items, problems = [], []
            for (start, first), end in zip(bounds, ends, strict=True):
                piece = text[start:end]
                chunk = chunks.get(piece) or old.get(piece)
                if chunk is not None and chunk.first != first:
                    chunk = _shifted(chunk, first) if chunk.movable else None
                if chunk is None:
                    got, found = parse(piece, file)
                    chunk = _Chunk(1, tuple(got), tuple(found))
                    if chunk.movable:
                        chunk = _shifted(chunk, first)
                    else:  # parsed where it stands, blank lines before it, for the line its message names
                        got, found = parse("\n" * (first - 1) + piece, file)
                        chunk = _Chunk(first, tuple(got), tuple(found))
                chunks[piece] = chunk
                items.extend(chunk.items)
                problems.extend(chunk.problems)
        self.files[file] = _FileParse(text, items, problems, chunks)
        return items, problems

    def keep(self, files: Iterable[str]) -> None:
        """Forget every file but `files` (those the ledgers read)."""
        wanted = set(files)
        for file in [f for f in self.files if f not in wanted]:
            del self.files[file]


def _split(text: str, bounds: list[tuple[int, int]], ends: list[int], items: list[Parsed],
           problems: list[Problem]) -> dict[str, _Chunk]:
    """The parse of a whole file cut into its chunks, by line: the same as
    parsing each chunk (see chunk_bounds), at the cost of one parse."""
    chunks: dict[str, _Chunk] = {}
    i = j = 0
    for k, ((start, first), end) in enumerate(zip(bounds, ends, strict=True)):
        last = bounds[k + 1][1] if k + 1 < len(bounds) else None  # the next chunk's first line
        mine: list[Parsed] = []
        while i < len(items) and (last is None or items[i].loc.line < last):
            mine.append(items[i])
            i += 1
        found: list[Problem] = []
        while j < len(problems) and (last is None or problems[j].loc.line < last):
            found.append(problems[j])
            j += 1
        chunks.setdefault(text[start:end], _Chunk(first, tuple(mine), tuple(found)))
    return chunks


class Checked(NamedTuple):
    """A ledger and every problem `check` reports for it."""

    ledger: loader.Ledger
    problems: tuple[Problem, ...]
    reals: frozenset[str]  # the real paths of its files

    def covers(self, path: str) -> bool:
        return os.path.realpath(path) in self.reals


def check(path: str, overlay: loader.Overlay, as_of: date, cache: ParseCache | None = None) -> Checked:
    """What `careerledger check` reports for the ledger at `path`: its errors, then its warnings."""
    ledger = loader.load(path, overlay=overlay, parser=cache.parse if cache is not None else None)
    names = enabled_checks((), (), ledger.options.check_ignore)
    problems = (*ledger.problems, *pitfalls.run(ledger, as_of, names))
    return Checked(ledger, problems, frozenset(os.path.realpath(f) for f in ledger.files))


def check_all(roots: Iterable[str], overlay: loader.Overlay, as_of: date,
              cache: ParseCache | None = None) -> list[Checked]:
    """Each root as a ledger, less those another one includes (an included
    file is checked within the ledger that includes it), as `check --root`."""
    done: list[Checked] = []
    seen: set[str] = set()
    for root in roots:
        real = os.path.realpath(root)
        # a root an earlier ledger read would be dropped below: not checked at all
        if real not in seen and not any(real in one.reals for one in done):
            seen.add(real)
            done.append(check(root, overlay, as_of, cache))
    kept: list[Checked] = []
    for i, one in enumerate(done):
        real = os.path.realpath(one.ledger.files[0]) if one.ledger.files else ""
        if not any(j != i and real in other.reals and (j < i or not one.covers(other.ledger.files[0]))
                   for j, other in enumerate(done) if other.ledger.files):
            kept.append(one)
    return kept


# --- what the text says where ----------------------------------------------

_HEAD = re.compile(r"(\d{4}-\d{2}(?:-\d{2})?)\s+([a-z][a-z-]*)")
_META = re.compile(r"[ \t]+([a-z][a-z0-9-]*)\s*:")
_INCLUDE = re.compile(r'include\s+"((?:[^"\\]|\\.)*)"')


def head_line(lines: list[str], line: int) -> int | None:
    """The line of the entry head that `line` is part of (itself, or the head
    above its indented metadata), or None."""
    i = line
    while 0 <= i < len(lines):
        text = lines[i]
        if _HEAD.match(text):
            return i
        if text.strip() and not text[0].isspace():
            return None
        i -= 1
    return None


def entry_at(ledger: loader.Ledger, path: str, lines: list[str], line: int) -> Entry | None:
    """The ledger's entry whose lines hold 0-based `line` of `path`."""
    head = head_line(lines, line)
    if head is None:
        return None
    real = os.path.realpath(path)
    for e in ledger.entries:
        if e.loc.line == head + 1 and os.path.realpath(e.loc.file) == real:
            return e
    return None


def written_keys(lines: list[str], head: int) -> set[str]:
    keys = set()
    for text in lines[head + 1:]:
        if text.strip() and not text[0].isspace():
            break
        m = _META.match(text)
        if m:
            keys.add(m.group(1))
    return keys


# --- completion ---------------------------------------------------------------


class Item(NamedTuple):
    label: str
    kind: str  # keyword | key | value | tag | name | option | snippet
    detail: str = ""
    insert: str | None = None  # the text to insert, when not the label
    start: int | None = None  # the column the insert replaces from (default: the word before the cursor)
    snippet: bool = False


def tags_of(ledger: loader.Ledger) -> list[str]:
    """Every #tag the ledger uses: on head lines and in tag-valued arguments and metadata."""
    found: dict[str, None] = {}
    fields_of: dict[type, list[str]] = {}  # per kind, not per entry: a completion walks every entry
    for e in ledger.entries:
        found.update(dict.fromkeys(e.tags))
        fields = fields_of.get(type(e))
        if fields is None:
            kind = KINDS[keyword(e)]
            fields = fields_of[type(e)] = [
                f for f in [a.field for a in kind.args if a.type == TAG]
                + [k.field for k in kind.keys.values() if k.type in (TAG, TAGS)] if f is not None]
        for field in fields:
            value = getattr(e, field)
            if isinstance(value, str):
                found[value] = None
            elif isinstance(value, tuple):
                found.update(dict.fromkeys(v for v in value if isinstance(v, str)))
    return sorted(found)


def open_bets(ledger: loader.Ledger) -> list[str]:
    closed = set(links(ledger.entries).closes.values())
    return list(dict.fromkeys(b.name for b in ledger.of(Bet) if b not in closed))


def current_roles(ledger: loader.Ledger) -> list[str]:
    ended = links(ledger.entries).ended
    return list(dict.fromkeys(r.title for r in ledger.of(Role) if r not in ended))


def _names(entries: Iterable[Entry], field: str) -> list[str]:
    return list(dict.fromkeys(str(getattr(e, field)) for e in entries))


_STRING_CONTEXTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r'\d{4}-\d{2}(?:-\d{2})?\s+outcome\s+"([^"]*)$'), "outcome"),
    (re.compile(r'\d{4}-\d{2}(?:-\d{2})?\s+decision\s+"([^"]*)$'), "decision"),
    (re.compile(r'\d{4}-\d{2}(?:-\d{2})?\s+leave\s+"([^"]*)$'), "leave"),
    (re.compile(r'[ \t]+in:\s*"([^"]*)$'), "in"),
    (re.compile(r'[ \t]+for:\s*"([^"]*)$'), "for"),
    (re.compile(r'option\s+"([^"]*)$'), "option"),
)


def complete(ledger: loader.Ledger | None, lines: list[str], line: int, col: int, today: date) -> list[Item]:
    """The completions at 0-based (`line`, `col`) of a document's `lines`."""
    text = lines[line] if line < len(lines) else ""
    before = text[:col]
    after = text[col:]
    if not text.strip() and col == 0:
        return [Item(today.isoformat(), "snippet", "today's date", f"{today.isoformat()} ${{1:keyword}}",
                     snippet=True)]
    m = re.match(r"(\d{4}-\d{2}(?:-\d{2})?)\s+([a-z-]*)$", before)
    if m:
        return [Item(kw, "keyword", f"{kw} {kind.summary}", None, m.start(2)) for kw, kind in KINDS.items()]
    tag = re.search(r"#([a-z0-9_/-]*)$", before)
    if tag and ledger is not None:
        return [Item("#" + t, "tag", "", "#" + t, tag.start()) for t in tags_of(ledger)]
    for pattern, what in _STRING_CONTEXTS:
        sm = pattern.match(before)
        if sm is None:
            continue
        if what == "option":
            names = sorted(opts.SPECS)
        elif ledger is None:
            return []
        elif what == "outcome":
            names = open_bets(ledger)
        elif what == "decision":
            names = _names(ledger.of(Opportunity), "name")
        elif what in ("leave", "in"):
            names = current_roles(ledger)
        else:
            names = _names(ledger.of(Contract), "text")
        close = "" if after.startswith('"') else '"'
        return [Item(n, "name" if what != "option" else "option", what, _quote(n) + close, sm.start(1))
                for n in names]
    head = head_line(lines, line)
    if head is None or head == line:
        return []
    hm = _HEAD.match(lines[head])
    kind = KINDS.get(hm.group(2)) if hm else None
    if kind is None:
        return []
    km = re.match(r"([ \t]+)([a-z-]*)$", before)
    if km:
        have = written_keys(lines, head)
        return [Item(k, "key", _type_name(key.type), f"{k}: ", km.start(2))
                for k, key in kind.keys.items() if k not in have]
    vm = re.match(r"[ \t]+([a-z][a-z0-9-]*):\s*([a-z-]*)$", before)
    if vm and vm.group(1) in kind.keys:
        vtype = kind.keys[vm.group(1)].type
        words = vtype if isinstance(vtype, tuple) else ("yes", "no") if vtype == YES else ()
        return [Item(w, "value", vm.group(1), None, vm.start(2)) for w in words]
    return []


_quote = escape  # a name typed inside the quotes already there


def _type_name(vtype: object) -> str:
    return "|".join(vtype) if isinstance(vtype, tuple) else str(vtype)


# --- hover ----------------------------------------------------------------------


def _span(start: date, end: date) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, months = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if months or not years:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " ".join(parts)


def hover(ledger: loader.Ledger, problems: Iterable[Problem], path: str, lines: list[str], line: int, col: int,
          as_of: date) -> str | None:
    """Markdown for the hover at 0-based (`line`, `col`), or None."""
    out: list[str] = []
    text = lines[line] if line < len(lines) else ""
    tag = _tag_at(text, col)
    if tag is not None:
        out.append(_tag_hover(ledger, tag, as_of))
    else:
        e = entry_at(ledger, path, lines, line)
        if isinstance(e, Role):
            out.append(_role_hover(ledger, e, as_of))
        elif isinstance(e, Bet):
            out.append(_bet_hover(ledger, e, as_of))
        elif isinstance(e, Contract):
            out.append(_contract_hover(ledger, e, as_of))
    real = os.path.realpath(path)
    for p in problems:
        if p.loc.line == line + 1 and os.path.realpath(p.loc.file) == real:
            spec = WARNING_BY_KEY.get(p.code)
            if spec is not None:
                out.append(f"**{spec.code} {spec.name}**: {spec.summary}.\n\n{spec.advice}")
            elif p.hint:
                out.append(f"**{p.code} {p.name}**: {p.hint}")
    return "\n\n---\n\n".join(out) if out else None


def _tag_at(text: str, col: int) -> str | None:
    for m in re.finditer(r"#([a-z0-9_/-]+)", text):
        if m.start() <= col <= m.end():
            return m.group(1)
    return None


def _tag_hover(ledger: loader.Ledger, tag: str, as_of: date) -> str:
    skills = [s for s in ledger.of(Skill) if s.skill == tag and s.date <= as_of]
    lines = [f"**#{tag}**"]
    if skills:
        last = skills[-1]
        since = last.date
        for s in reversed(skills):
            if s.level != last.level:
                break
            since = s.date
        lines.append(f"skill: {last.level} since {since.isoformat()}")
    else:
        lines.append("no skill entry for this tag")
    stars = [n for n in ledger.of(NorthStar) if n.date <= as_of]
    if stars:
        needed = tag in stars[-1].needs
        lines.append(f"the north star \"{stars[-1].vision}\" {'needs' if needed else 'does not need'} it")
    return "\n\n".join(lines)


def _role_hover(ledger: loader.Ledger, role: Role, as_of: date) -> str:
    ended = links(ledger.entries).ended.get(role)
    end = ended or as_of
    held = f"held {_span(role.date, end)}" + (f", ended {ended.isoformat()}" if ended else ", current")
    lines = [f"**{role.title}** at {role.org}", held, f"track: {role.track}"]
    if role.phase:
        lines.append(f"phase: {role.phase}")
    if role.side:
        lines.append("a side role")
    land = landing.landing(ledger.entries, as_of, role) if role.is_main and role.date <= as_of else None
    if land is not None:
        steps = "\n".join(f"- day {s.day}, {_STEP_NAMES[s.name]}: {_step_status(s, land.held)}" for s in land.steps)
        lines.append(f"landing (the first 90 days), day {land.day}:\n\n{steps}" if land.landing and land.held
                     else f"landing (the first 90 days):\n\n{steps}")
    return "\n\n".join(lines)


_STEP_NAMES = {"sotu": "State of the Union", "align": "alignment", "win": "a quick win"}


def _step_status(step: landing.Step, held: bool) -> str:
    if step.status == "done":
        return f"done on {_day(step.done_on)}"
    if step.status == "late":
        return f"done late, on {_day(step.done_on)} (due {step.due_on.isoformat()})"
    if step.status == "overdue":
        return f"overdue since {step.due_on.isoformat()}" if held else f"not done (due {step.due_on.isoformat()})"
    return f"due {step.due_on.isoformat()}, in {step.days_left} day{'s' * (step.days_left != 1)}"


def _day(day: date | None) -> str:
    return day.isoformat() if day else "?"


def _contract_hover(ledger: loader.Ledger, contract: Contract, as_of: date) -> str:
    found = next((c for c in cadence.cadence(ledger.entries, as_of) if c.contract == contract), None)
    head = f"**{contract.text}**: {contract.times} update{'s' * (contract.times != 1)} every {contract.every}"
    if found is None:  # dated after as_of
        return f"{head}\n\nnot started as of {as_of.isoformat()}"
    lines = [head, f"kept {found.kept}, missed {found.missed}; current run: {found.current_run}"]
    latest = found.latest
    if latest is None:
        lines.append("no whole period yet")
    else:
        lines.append(f"latest period: {latest.label}, {latest.updates} of {found.required}: "
                     f"{'kept' if latest.kept else 'missed'}")
    if found.live:
        lines.append("live" + (f", until {found.last_day.isoformat()}" if found.last_day else ""))
    else:
        lines.append(f"ended on {_day(found.last_day)}")
    return "\n\n".join(lines)


def _bet_hover(ledger: loader.Ledger, bet: Bet, as_of: date) -> str:
    closes = links(ledger.entries).closes
    outcome = next((o for o, b in closes.items() if b == bet), None)
    head = f"**{bet.name}** ({bet.size} bet)"
    if outcome is not None:
        return f"{head}\n\n{outcome.result} on {outcome.date.isoformat()}, after {(outcome.date - bet.date).days} days"
    return f"{head}\n\nopen for {(as_of - bet.date).days} days"


# --- definition -------------------------------------------------------------------


class Target(NamedTuple):
    file: str
    line: int  # 0-based


def definition(ledger: loader.Ledger, path: str, lines: list[str], line: int) -> list[Target]:
    """Where what the 0-based `line` refers to is defined."""
    text = lines[line] if line < len(lines) else ""
    inc = _INCLUDE.match(text)
    if inc:
        import glob

        target = os.path.join(os.path.dirname(path), inc.group(1).replace('\\"', '"').replace("\\\\", "\\"))
        found = sorted(glob.glob(target, recursive=True)) if glob.has_magic(target) else [target]
        return [Target(f, 0) for f in found if os.path.isfile(f)]
    e = entry_at(ledger, path, lines, line)
    if e is None:
        return []
    found_entries: list[Entry] = []
    lk = links(ledger.entries)
    meta = _META.match(text)
    key = meta.group(1) if meta else None
    if isinstance(e, Outcome):
        bet = lk.closes.get(e)
        found_entries = [bet] if bet else [b for b in ledger.of(Bet) if b.name == e.bet]
    elif isinstance(e, Decision):
        found_entries = [o for o in ledger.of(Opportunity) if o.name == e.opportunity and o.date <= e.date]
        found_entries = found_entries[-1:]
    elif isinstance(e, Leave):
        role = lk.ends.get(e)
        found_entries = [role] if role else []
    elif isinstance(e, Bet | Contract) and key == "in":
        role = lk.belongs.get(e)
        found_entries = [role] if role else [r for r in ledger.of(Role) if r.title == e.in_role]
    elif isinstance(e, Update) and key == "for":
        found_entries = [c for c in ledger.of(Contract) if c.text == e.contract]
    return [Target(x.loc.file, x.loc.line - 1) for x in found_entries]


# --- the outline ------------------------------------------------------------------


class Symbol(NamedTuple):
    name: str
    detail: str
    kind: str  # heading | entry | option | include
    start: int  # 0-based lines, end inclusive
    end: int
    children: list["Symbol"]


def outline(text: str, path: str) -> list[Symbol]:
    """Headings containing their entries (and deeper headings), as the file reads."""
    lines = text.splitlines()
    items, _ = parse(text, path)
    flat: list[tuple[int, Symbol, int]] = []  # (line, symbol, heading level or 0)
    for i, line in enumerate(lines):
        hm = re.match(r"(\*+)\s*(.*)", line)
        if hm:
            flat.append((i, Symbol(hm.group(2).strip() or "*", "", "heading", i, i, []), len(hm.group(1))))
    for item in items:
        start = item.loc.line - 1
        if isinstance(item, Include):
            flat.append((start, Symbol(f"include {item.path}", "", "include", start, start, []), 0))
            continue
        if not hasattr(item, "date") or start >= len(lines):
            continue
        entry: Entry = item  # type: ignore[assignment]  # every item with a date is an entry
        end = start
        while end + 1 < len(lines) and (not lines[end + 1].strip() or lines[end + 1][0].isspace()):
            end += 1
        while end > start and not lines[end].strip():
            end -= 1
        name = name_of(entry)
        flat.append((start, Symbol(f"{keyword(entry)} {name}", entry.date.isoformat(), "entry", start, end, []), 0))
    flat.sort(key=lambda t: t[0])
    last = max(len(lines) - 1, 0)
    for k, (at, sym, level) in enumerate(flat):
        if level:  # a heading runs to the line before the next heading of its level or above
            nxt = next((t[0] for t in flat[k + 1:] if t[2] and t[2] <= level), last + 1)
            flat[k] = (at, sym._replace(end=max(at, nxt - 1)), level)
    top: list[Symbol] = []
    stack: list[tuple[int, Symbol]] = []  # open headings: (level, symbol)
    for _, sym, level in flat:
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
        (stack[-1][1].children if stack else top).append(sym)
        if level:
            stack.append((level, sym))
    return top


# --- quick fixes ------------------------------------------------------------------

_MEANT = re.compile(r"""did you mean (['"])(.+)\1\?""")


class Fix(NamedTuple):
    title: str
    line: int  # 0-based; columns in characters, end excluded
    start: int
    end: int
    text: str


def quick_fixes(problem: Problem, lines: list[str]) -> list[Fix]:
    """The edits that fix `problem`: the word a "did you mean" hint names, in
    place of the one written; `action:` on unactioned feedback."""
    line = problem.loc.line - 1
    if not 0 <= line < len(lines):
        return []
    text = lines[line]
    if problem.code == "W208":
        head = line
        end = head
        while end + 1 < len(lines) and lines[end + 1].strip() and lines[end + 1][0].isspace():
            end += 1
        return [Fix("add action:", end, len(lines[end]), len(lines[end]), '\n  action: ""')]
    meant = _MEANT.search(problem.hint or "")
    if meant is None:
        return []
    quote, word = meant.groups()
    col = problem.loc.col - 1
    written = text[col:col + problem.length]
    if quote == "'" and written and written != word and not _HEAD.match(written):
        return [Fix(f"replace with '{word}'", line, col, col + len(written), word)]
    for wrong in re.findall(r'"((?:[^"\\]|\\.)*)"', problem.message):
        at = text.find(f'"{wrong}"')
        if wrong != word and at >= 0:
            return [Fix(f'replace with "{word}"', line, at + 1, at + 1 + len(wrong), _quote(word))]
    return []
