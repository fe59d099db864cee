"""The ledger side of the language server: no LSP types here.

Loading reads the ledger as `check` does, except that a file open in the
editor is read from its unsaved text (an overlay keyed by real path) rather
than from disk. Positions here are 0-based lines and columns in characters
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
from ..syntax.lines import Include, parse
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


class _OverlayLoader(loader._Loader):
    """The loader, reading the files in `overlay` (real path -> text) from it."""

    def __init__(self, overlay: Mapping[str, str]) -> None:
        super().__init__()
        self.overlay = overlay

    def read_file(self, path: str, loc: Loc | None, chain: tuple[str, ...]) -> None:
        key = os.path.realpath(path)
        text = self.overlay.get(key)
        if text is None or key in chain or key in self.seen or len(chain) >= loader.MAX_DEPTH:
            super().read_file(path, loc, chain)  # the disk, or the loader's own checks and reports
            return
        self.seen.add(key)
        data = _bytes_of(text, key)
        if data is None:
            self.read_text(text, path, (*chain, key))
        else:
            self.read_bytes(data, path, (*chain, key))


def load_overlay(path: str, overlay: Mapping[str, str]) -> loader.Ledger:
    """The ledger rooted at `path`, with the open documents' text in `overlay`."""
    with loader._no_gc():
        reader = _OverlayLoader(overlay)
        reader.read_file(path, None, ())
        return reader.ledger()


class Checked(NamedTuple):
    """A ledger and every problem `check` reports for it."""

    ledger: loader.Ledger
    problems: tuple[Problem, ...]
    reals: frozenset[str]  # the real paths of its files

    def covers(self, path: str) -> bool:
        return os.path.realpath(path) in self.reals


def check(path: str, overlay: Mapping[str, str], as_of: date) -> Checked:
    """What `careerledger check` reports for the ledger at `path`: its errors, then its warnings."""
    ledger = load_overlay(path, overlay)
    names = enabled_checks((), (), ledger.options.check_ignore)
    problems = (*ledger.problems, *pitfalls.run(ledger, as_of, names))
    return Checked(ledger, problems, frozenset(os.path.realpath(f) for f in ledger.files))


def check_all(roots: Iterable[str], overlay: Mapping[str, str], as_of: date) -> list[Checked]:
    """Each root as a ledger, less those another one includes (an included
    file is checked within the ledger that includes it), as `check --root`."""
    done: list[Checked] = []
    seen: set[str] = set()
    for root in roots:
        real = os.path.realpath(root)
        if real not in seen:
            seen.add(real)
            done.append(check(root, overlay, as_of))
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
    for e in ledger.entries:
        found.update(dict.fromkeys(sorted(e.tags)))
        kind = KINDS[keyword(e)]
        fields = [a.field for a in kind.args if a.type == TAG] + [k.field for k in kind.keys.values()
                                                                 if k.type in (TAG, TAGS)]
        for field in fields:
            if field is None:
                continue
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
