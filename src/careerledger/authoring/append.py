"""`careerledger add`: one entry from what was typed, and the file with it in.

Three steps, each a function of text: build() turns a keyword, its words and
KEY=VALUE pairs into an entry in canonical layout through the schema
(core/schema.py); insert() puts it into a file's text, in the file's own style
and in date order, changing no other byte; added_errors() compares the
ledger's errors before and after, so that an entry is refused only for the
errors it would bring.

What the shell gives is plain words: build() quotes text itself (escaping `"`
and `\\`), adds the `#` a tag lacks and writes every other value bare, as the
format wants it. It raises Typed only for what cannot be written as an entry at
all (an unknown keyword or key, a missing argument, a line break); a value of
the wrong kind (`track=Core`) is written as typed, and the parser reports it on
the entry, exactly as `check` would.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ..core import schema as S
from ..core.dates import parse_date, shift
from ..core.problems import closest, did_you_mean
from ..syntax.values import quote as format_string

if TYPE_CHECKING:
    from ..core.problems import Problem
    from ..loader import Ledger


class Typed(ValueError):
    """What was typed cannot make an entry (a usage error); the message says why."""


class NewEntry(NamedTuple):
    """An entry to add, in canonical layout: the head line's pieces joined by one
    space, then one `key: value` line per metadata key, in the order typed."""

    date: date  # when it happened (a YYYY-MM date is its first day)
    head: str  # `2026-06-30 update "June learning summary"`
    metadata: tuple[tuple[str, str], ...] = ()  # (key, value as written; "" for an x- key without one)

    def lines(self, indent: str = "  ") -> list[str]:
        """The entry's lines, without line endings, its metadata indented by `indent`."""
        return [self.head, *(f"{indent}{key}:{' ' if value else ''}{value}" for key, value in self.metadata)]


# -- building an entry -------------------------------------------------------------------------

_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}  # what a date value may also be (from the real today)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # every C0 control but the tab, and DEL
_X_KEY = re.compile(r"x-[^\s:;\"=]+")  # a key of your own (docs/format.md, "Your own keys")
_META = re.compile(r"([^\s=\"#][^\s=\"]*)=(.*)", re.S)  # KEY=VALUE
_BARE = re.compile(  # a value an x- key keeps bare: a date, number, duration or lowercase word
    r"\d{4}-\d\d(?:-\d\d)?|[+-]?\d+(?:\.\d+)?|\d+[ymwd]|[a-z_][a-z0-9_-]*",
)
_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')  # a "string" typed with its quotes


def line_problem(text: str) -> str | None:
    """Why `text` cannot be a value on one line of a ledger, or None."""
    if "\n" in text or "\r" in text:
        return "a value is one line: it cannot hold a line break"
    m = _CONTROL.search(text)
    if m:
        return f"a value cannot hold the control character U+{ord(m[0]):04X}"
    return None


def quote(text: str) -> str:
    """`text` as a "string" of the format: `"` and `\\` escaped. Raises Typed
    for text that no string can hold (a line break, a control character)."""
    problem = line_problem(text)
    if problem is not None:
        raise Typed(problem)
    return format_string(text)


def date_text(text: str, today: date | None = None) -> str:
    """A date as it is written in a ledger: YYYY-MM-DD, YYYY-MM kept as typed,
    or today, yesterday or tomorrow (from `today`, default the real today).
    Raises Typed for anything else."""
    word = text.strip()
    if word.lower() in _DAYS:
        return shift(today or date.today(), _DAYS[word.lower()]).isoformat()
    if parse_date(word) is None:
        raise Typed(f"{word!r} is not a date: use YYYY-MM-DD (a real day), YYYY-MM, today, yesterday or tomorrow")
    return word


def build(
    keyword: str, words: Sequence[str], day: str, tags: Iterable[str] = (), today: date | None = None,
) -> NewEntry:
    """The entry `day keyword words...`: first the keyword's arguments in order
    (its literal words, such as the `at` of a role, may be left out), then
    KEY=VALUE metadata and `#tag` words in any order; `tags` are more tags,
    with or without `#`. Raises Typed for what cannot make an entry."""
    kind = S.KINDS.get(keyword)
    if kind is None:
        raise Typed(f"unknown kind of entry '{keyword}': {did_you_mean(keyword, S.KINDS)}")
    day = date_text(day, today)
    when = parse_date(day)
    assert when is not None  # date_text checked it
    shape = f"{keyword} {kind.summary}"
    head = [day, keyword]
    i = 0
    for arg in kind.args:
        if arg.field is None:  # a literal word: written whether it was typed or not
            assert isinstance(arg.type, str)
            if i < len(words) and words[i] == arg.type:
                i += 1
            head.append(arg.type)
            continue
        if i >= len(words) or _is_metadata(words[i], kind) or (arg.type != S.STRING and not words[i].strip()):
            raise Typed(f"'{keyword}' needs its {arg.field}: {shape}")
        head.append(_argument(words[i], arg, keyword))
        i += 1
    written: list[str] = []
    for tag in tags:
        written.extend(_tag_words(tag))
    metadata: list[tuple[str, str]] = []
    for word in words[i:]:
        if word.startswith("#"):
            written.extend(_tag_words(word))
            continue
        m = _META.fullmatch(word)
        if m is None:
            raise Typed(_unexpected(word, keyword, kind))
        key, value = m[1], m[2]
        metadata.append((key, _metadata(key, value, kind, keyword, today)))
    head.extend(dict.fromkeys(written))  # each tag once, in the order given
    return NewEntry(when, " ".join(head), tuple(metadata))


def _is_metadata(word: str, kind: S.Kind) -> bool:
    """Whether a word reads as KEY=VALUE with a key of the kind (or an x- key):
    metadata typed where an argument was due."""
    m = _META.fullmatch(word)
    return m is not None and (m[1] in kind.keys or _X_KEY.fullmatch(m[1]) is not None)


def _argument(word: str, arg: S.Arg, keyword: str) -> str:
    where = f"{keyword}'s {arg.field}"
    if arg.type == S.STRING:
        return _quoted(word, where)
    if arg.type == S.TAG:
        return _bare(word if word.startswith("#") else "#" + word, where)
    return _bare(word, where)


def _metadata(key: str, value: str, kind: S.Kind, keyword: str, today: date | None) -> str:
    spec = kind.keys.get(key)
    where = f"{key}="
    if spec is None:
        if _X_KEY.fullmatch(key):
            return _extra(value, where)
        if key.startswith("x-"):
            raise Typed(f"'{key}' is no key of your own: after x- comes a name without spaces, ':', ';' or '\"'")
        allowed = sorted(kind.keys)
        if not allowed:
            hint = f"'{keyword}' takes no metadata"
        elif closest(key, allowed) is None:
            hint = f"its keys are {', '.join(allowed)}" if len(allowed) > 1 else f"its one key is {allowed[0]}"
        else:
            hint = did_you_mean(key, allowed)
        raise Typed(f"'{keyword}' has no '{key}:' metadata: {hint} (keys of your own start with x-)")
    if spec.type == S.STRING:
        return _quoted(value, where)
    if spec.type == S.TAGS:
        return " ".join(_tag_words(value, where))
    if spec.type == S.DATE and value.strip().lower() in _DAYS:
        return date_text(value, today)
    return _bare(value.strip(), where)


def _quoted(text: str, where: str) -> str:
    try:
        return quote(text)
    except Typed as e:
        raise Typed(f"{where}: {e}") from None


def _bare(text: str, where: str) -> str:
    """A value written without quotes, as typed: the parser judges it. Only what
    would change the line itself is refused: a line break, or a `;`, which would
    turn the rest of the value into a comment."""
    problem = line_problem(text)
    if problem is None and ";" in text:
        problem = "a value written bare cannot hold ';' (it would start a comment)"
    if problem is not None:
        raise Typed(f"{where}: {problem}")
    return text


def _tag_words(text: str, where: str = "a tag") -> list[str]:
    """`#a #b`, `a b` or `a` -> ["#a", "#b"]: each word with its #."""
    return [_bare(w if w.startswith("#") else "#" + w, where) for w in text.split()]


def _extra(value: str, where: str) -> str:
    """An x- value: nothing, a date, number, duration or lowercase word, or tags,
    bare; a "string" typed with its quotes as it is; any other text quoted."""
    text = value.strip()
    if not text:
        return ""
    words = text.split()
    if _BARE.fullmatch(text) or all(w.startswith("#") for w in words):
        return _bare(" ".join(words), where)  # tags written wrong are the parser's to report
    if _STRING.fullmatch(text):
        problem = line_problem(text)
        if problem is not None:
            raise Typed(f"{where}: {problem}")
        return text
    return _quoted(value, where)


def _unexpected(word: str, keyword: str, kind: S.Kind) -> str:
    shown = word if len(word) <= 40 else word[:39] + "…"
    if ":" in word and "=" not in word:
        return f"unexpected {shown!r}: metadata is typed KEY=VALUE, such as {word.split(':', 1)[0]}=…"
    return (f"unexpected {shown!r} after the arguments of '{keyword}' ({keyword} {kind.summary}): "
            "quote text with spaces as one word; metadata is KEY=VALUE, tags are #tag")


# -- where it goes -----------------------------------------------------------------------------


INDENT = "  "  # the indentation of metadata in a file that has none


class Style(NamedTuple):
    """How a file is written, for an entry added to it to look the same."""

    newline: str = "\n"  # "\n" or "\r\n": what most of its lines end with
    indent: str = INDENT  # what most of its metadata lines are indented with
    blank: bool = True  # whether its entries are separated by a blank line


class Placed(NamedTuple):
    text: str  # the file's new text
    line: int  # the 1-based line of the entry's head in it
    lines: tuple[str, ...]  # the entry as written (without line endings)
    start: int  # the first line inserted (1-based; a blank line before the entry counts)
    added: int  # how many lines were inserted


class _Block(NamedTuple):
    head: int  # index of the head line
    end: int  # index of its last line: metadata and the comments that belong to it
    date: date | None  # None when the head's date is no date


_HEAD_DATE = re.compile(r"(\d{4}-\d\d(?:-\d\d)?)(?=[\s;\"]|$)")
_UNINDENTED_META = re.compile(r"[a-z][a-z0-9_-]*[ \t]*:(?!/)")  # read as the entry's metadata (E101)


def _kind_of(line: str) -> str:
    """blank, comment (at column 0), indented (metadata or an indented comment),
    head, meta0 (`key: value` at column 0) or other (option, include, heading…)."""
    if not line.strip(" \t\r"):
        return "blank"
    c = line[0]
    if c == ";":
        return "comment"
    if c in " \t":
        return "indented"
    if "0" <= c <= "9":
        return "head"
    if _UNINDENTED_META.match(line):
        return "meta0"
    return "other"


def _lines(text: str) -> list[str]:
    """The file's lines without their \\n (a CR stays); the last is what follows
    the final \\n: "" when the file ends with one."""
    lines = text.split("\n")
    if lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


def _blocks(lines: list[str]) -> list[_Block]:
    """Every entry: its head, and the end of what belongs to it.

    An entry is its head line and every line after it up to the next line at
    column 0 that is no comment, as the parser reads it. Of these, its last
    indented line (or `key: value` line) ends its metadata; column-0 comment
    lines right after that (no blank line between) belong to it too, unless an
    entry head follows them directly: then they introduce that entry."""
    kinds = [_kind_of(line) for line in lines]
    out = []
    i, n = 0, len(lines)
    while i < n:
        if kinds[i] != "head":
            i += 1
            continue
        head = end = i
        j = i + 1
        while j < n and kinds[j] in ("blank", "comment", "indented", "meta0"):
            if kinds[j] in ("indented", "meta0"):
                end = j
            j += 1
        # trailing comments: a run right after the metadata, not introducing the next entry
        k = end + 1
        while k < j and kinds[k] == "comment":
            k += 1
        if k > end + 1 and not (k < n and kinds[k] == "head"):
            end = k - 1
        m = _HEAD_DATE.match(lines[head])
        out.append(_Block(head, end, parse_date(m[1]) if m else None))
        i = j
    return out


def style_of(text: str) -> Style:
    """The style of a file's text: its line ending, metadata indentation and
    blank lines between entries (each the most common; the defaults of Style
    where the file does not say)."""
    lines = _lines(text)
    ended = lines[:-1]  # the lines that have a line ending
    crlf = sum(1 for line in ended if line.endswith("\r"))
    if crlf * 2 > len(ended) or (ended and crlf * 2 == len(ended) and ended[0].endswith("\r")):
        newline = "\r\n"
    else:
        newline = "\n"
    blocks = _blocks(lines)
    indents: Counter[str] = Counter()
    for b in blocks:
        for line in lines[b.head + 1 : b.end + 1]:
            inside = line.lstrip(" \t")
            if inside and inside[0] not in ";\r" and len(inside) < len(line):
                indents[line[: len(line) - len(inside)]] += 1
    indent = indents.most_common(1)[0][0] if indents else INDENT
    separated = glued = 0
    for a, b in pairwise(blocks):
        between = lines[a.end + 1 : b.head]
        if any(_kind_of(line) not in ("blank", "comment") for line in between):
            continue  # a heading or directive between them says nothing
        if any(_kind_of(line) == "blank" for line in between):
            separated += 1
        else:
            glued += 1
    return Style(newline, indent, separated >= glued)


def insert(text: str, entry: NewEntry, style: Style | None = None) -> Placed:
    """`text` with `entry` in it, every other byte as it was.

    The entry goes after the last entry of the file dated on or before it
    (after that entry's metadata and the comments that belong to it); when
    every entry is dated after it, before the oldest one (and the comment
    lines right above it); in a file with no entry, at the end. It is written
    in the file's style (style_of, unless `style` is given): its line ending,
    the indentation of its metadata, a blank line between entries if the file
    keeps them. A file that does not end with a line ending gets one before an
    entry added at its end."""
    style = style or style_of(text)
    lines = _lines(text)
    body = len(lines) - 1 if lines[-1] == "" else len(lines)  # lines with content or an ending
    blocks = _blocks(lines[:body])
    entry_lines = entry.lines(style.indent)
    before: list[str] = []
    after: list[str] = []
    earlier = [b for b in blocks if b.date is not None and b.date <= entry.date]
    dated = [b for b in blocks if b.date is not None]
    if earlier:
        at = earlier[-1].end + 1
        if style.blank:
            before = [""]
            if at < body and _kind_of(lines[at]) != "blank":
                after = [""]
    elif dated:
        oldest = min(dated, key=lambda b: b.date or date.min)
        at = oldest.head
        while at > 0 and _kind_of(lines[at - 1]) == "comment" and not any(b.end == at - 1 for b in blocks):
            at -= 1  # the comments that introduce it
        if style.blank:
            after = [""]
    else:
        at = body
        if style.blank and body and _kind_of(lines[body - 1]) != "blank":
            before = [""]
    added = [*before, *entry_lines, *after]
    block = "".join(line + style.newline for line in added)
    if at >= body:
        if lines[-1] != "":  # no line ending at the end of the file: one first
            text += style.newline
        offset = len(text)
    else:
        offset = _offset(text, at)
    return Placed(text[:offset] + block + text[offset:], at + len(before) + 1, tuple(entry_lines), at + 1,
                  len(added))


def _offset(text: str, line: int) -> int:
    """Where line number `line` (0-based) starts in `text` (the first after a byte order mark)."""
    pos = 1 if text.startswith("\ufeff") else 0
    for _ in range(line):
        pos = text.index("\n", pos) + 1
    return pos


# -- what it would change ----------------------------------------------------------------------


def added_errors(before: "Ledger", after: "Ledger", file: str, placed: Placed) -> list["Problem"]:
    """The errors of `after` (the ledger with the entry placed in `file`) that
    `before` does not have: the entry's own, and any it causes elsewhere (a
    second outcome of a bet makes the first's later one wrong). Errors are told
    apart by file, line (the lines below the entry moved down), column and code."""
    def key(p: "Problem", shifted: bool) -> tuple[str, int, int, str]:
        line = p.loc.line
        if shifted and p.loc.file == file and line >= placed.start + placed.added:
            line -= placed.added
        return (p.loc.file, line, p.loc.col, p.code)

    had = Counter(key(p, False) for p in before.errors)
    new = []
    for p in after.errors:
        inserted = p.loc.file == file and placed.start <= p.loc.line < placed.start + placed.added
        k = key(p, True)
        if not inserted and had[k] > 0:
            had[k] -= 1
        else:
            new.append(p)
    return new


def check(path: str, text: str, placed: Placed) -> tuple[list["Problem"], "Ledger", "Ledger"]:
    """Load the ledger of `path` (whose text is `text`, with the files it
    includes) as it is and with the entry placed in it -> (the errors the entry
    would add, the ledger before, the ledger after)."""
    from ..loader import load_string

    before = load_string(text, path)
    after = load_string(placed.text, path)
    return added_errors(before, after, path, placed), before, after
