"""One entry: its head line and metadata lines -> a typed entry, checked
against the schema (core/schema.py)."""

import re
import sys
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from ..core import schema as S
from ..core.dates import add
from ..core.entries import Duration, Entry, Loc
from ..core.problems import Problem, did_you_mean
from .tokens import KEY, QUOTES, SHOWN, TAG_BODY, Tok, tokens
from .values import (
    Bad,
    bad_tag,
    date_value,
    describe,
    extra_value,
    shared,
    string_check,
    tags,
    tags_hint,
    value,
    value_error,
)

NORTH_STAR_HORIZON = Duration(5, "y")  # a north star's `by:` when it names none


@lru_cache(maxsize=4096)
def tag_set(tags: tuple[str, ...]) -> frozenset[str]:
    """One frozenset for each combination of tags: a ledger repeats a few
    combinations thousands of times, and a set costs 200 bytes."""
    return frozenset(sys.intern(t) for t in tags)

_REQUIRED = {kw: tuple(k for k, spec in kind.keys.items() if spec.required) for kw, kind in S.KINDS.items()}


def build_entry(file: str, line: int, text: str, metas: list[tuple[int, str]], problems: list[Problem]) -> Entry:
    """The entry whose head line `text` is on `line`, with its metadata lines
    (line number, text). A fault of the head line raises Bad; faults of
    metadata lines are added to `problems` and the entry is built without them."""
    head = _plain_head(text)
    if head is None:
        head = _head(file, line, text)
    keyword, kind, day, col, kw_col, fields = head
    seen = _metadata(file, keyword, kind, metas, fields, problems) if metas else {}
    for key in _REQUIRED[keyword]:
        if key not in seen:
            spec = kind.keys[key]
            if spec.unless is not None and fields.get(kind.keys[spec.unless].field) is True:
                fields[spec.field] = None  # optional here (a side role's phase): it has none
                continue
            problems.append(Problem(
                Loc(file, line, kw_col), "E204", f"'{keyword}' needs '{key}:' metadata",
                f"add an indented line under it:   {key}: {describe(spec.type)}", len(keyword),
            ))
    if keyword == "north-star" and "by" not in fields:
        fields["by"] = add(day, NORTH_STAR_HORIZON)
    return kind.cls(Loc(file, line, col), day, **fields)  # type: ignore[arg-type]


# What a head line gives: its keyword, kind, date, the columns of the date and
# the keyword, and the fields of its arguments and tags.
Head = tuple[str, S.Kind, date, int, int, dict[str, object]]


def _head(file: str, line: int, text: str) -> Head:
    """The head line read token by token: any line, and a located problem
    (raised as Bad) for the first thing wrong in it."""
    toks = tokens(text)
    first = toks[0]
    if first.kind != "date":
        value_error(file, line, first, S.DATE, "E103")
    day = date_value(file, line, first)
    if len(toks) < 2 or toks[1].kind != "word":
        col = toks[1].col if len(toks) > 1 else len(text) + 2
        raise Bad(Problem(
            Loc(file, line, col), "E104", "expected an entry keyword after the date",
            "for example: 2024-01-31 note \"text\"; keywords: " + ", ".join(S.KINDS), 1,
        ))
    kw = toks[1]
    kind = S.KINDS.get(kw.text)
    if kind is None:
        raise Bad(Problem(
            Loc(file, line, kw.col), "E104", f"unknown keyword '{kw.text}'",
            did_you_mean(kw.text, S.KINDS), len(kw.text),
        ))
    fields: dict[str, object] = {}
    pos = 2
    for arg in kind.args:
        if pos >= len(toks):
            raise Bad(Problem(
                Loc(file, line, len(text) + 2), "E105",
                f"'{kw.text}' needs {describe(arg.type) if arg.field else repr(arg.type)} here",
                f"write it as: {day.isoformat()} {kw.text} {kind.summary}", 1,
            ))
        tok = toks[pos]
        pos += 1
        if arg.field is None:
            if tok.text != arg.type:
                raise Bad(Problem(
                    Loc(file, line, tok.col), "E105", f"expected '{arg.type}', found {tok.text}",
                    f"write it as: {kw.text} {kind.summary}", len(tok.text),
                ))
            continue
        # a hint writes a corrected first argument after the keyword (`home 4`), a later one alone
        shown = f"{kw.text} " if pos == 3 else ""
        fields[arg.field] = value(file, line, tok, arg.type, "E105", arg.field, shown, text)
    rest = toks[pos:]
    for i, tok in enumerate(rest):
        if tok.kind != "tag":
            if tok.kind == "bad" and tok.text.startswith("#"):
                bad_tag(file, line, tok, rest)
            string_check(file, line, tok)
            # a word is a tag without its # (`yay`), or one `#a, #b` of tags with commas;
            # several words are more likely text that lost its quotes
            commas = tok.kind == "bad" and "," in tok.text
            one_word = tok.kind == "word" and sum(t.kind == "word" for t in rest) == 1
            hint = tags_hint(rest, i) if commas or one_word else None
            raise Bad(Problem(
                Loc(file, line, tok.col), "E105",
                f"unexpected {SHOWN[tok.kind]} {tok.text} after the arguments of '{kw.text}'".replace("  ", " "),
                hint or f"'{kw.text}' takes {kind.summary}, then any #tags", len(tok.text),
            ))
    if rest:
        fields["tags"] = tag_set(tuple(tok.text[1:] for tok in rest))
    return kw.text, kind, day, first.col, kw.col, fields


# The fast path. Most head lines are plain: the date (of a day or a month),
# one space, the keyword, then its arguments and tags in their simplest
# spelling (strings without escapes, tags, the words of an enumeration, a
# score), separated by spaces or tabs. One match reads such a line; _head,
# which reads any line, would read it to the same fields (tests/test_syntax.py
# holds the two together), so anything else goes there. The patterns are made
# from the schema, one per shape of arguments, when a kind of that shape is
# first read.
_PLAIN_ARG = {S.STRING: r'[ \t]+"([^"\\\n]*)"', S.TAG: r"[ \t]+#(" + TAG_BODY + ")", S.SCORE: r"[ \t]+([1-5])"}
_PLAIN_TAIL = r"((?:[ \t]+#" + TAG_BODY + r")*)[ \t]*(?:;[^\n]*)?"
# a plain head line's pattern, its kind, and the field of each group with what reads it
Plain = tuple[re.Pattern[str], S.Kind, tuple[str, ...], tuple[Callable[[str], object], ...]]
_plain: dict[str, Plain | None] = {}  # keyword -> how to read its plain head lines (None: not at all)
_shapes: dict[str, re.Pattern[str]] = {}


def _plain_pattern(kind: S.Kind) -> Plain | None:
    parts = []
    for arg in kind.args:
        if arg.field is None:
            parts.append(r"[ \t]+" + re.escape(str(arg.type)))
        elif isinstance(arg.type, tuple):
            parts.append(r"[ \t]+(" + "|".join(map(re.escape, arg.type)) + ")")
        elif arg.type in _PLAIN_ARG:
            parts.append(_PLAIN_ARG[arg.type])
        else:
            return None
    shape = r"(\d{4}-\d\d(?:-\d\d)?) [a-z-]+" + "".join(parts) + _PLAIN_TAIL
    pattern = _shapes.get(shape)
    if pattern is None:
        pattern = _shapes[shape] = re.compile(shape)
    fields = tuple(a.field for a in kind.args if a.field is not None)
    reads = tuple(_plain_read(a.type) for a in kind.args if a.field is not None)
    return pattern, kind, fields, reads


def _plain_read(type_: S.ValueType) -> Callable[[str], object]:
    if type_ == S.STRING:
        return shared
    if type_ == S.SCORE:
        return int
    return sys.intern  # a tag, a word of an enumeration


@lru_cache(maxsize=1024)
def _day(text: str) -> date | None:
    """`2024-01-31` or `2024-01` -> its date (one object for each, since entries
    come a few a day); None when it is no day of the calendar."""
    try:
        return date.fromisoformat(text if len(text) == 10 else text + "-01")
    except ValueError:
        return None


def _plain_head(text: str) -> Head | None:
    """The head line read in one match, or None when it is not plain."""
    day_end = 10 if text[10:11] == " " else 7  # 2024-01-31 or 2024-01 (the 1st)
    end = text.find(" ", day_end + 1)
    keyword = text[day_end + 1:end] if end > 0 else text[day_end + 1:]
    found = _plain.get(keyword)
    if found is None:
        if keyword not in S.KINDS or keyword in _plain:
            return None
        found = _plain[keyword] = _plain_pattern(S.KINDS[keyword])
        if found is None:
            return None
    pattern, kind, names, reads = found
    m = pattern.fullmatch(text)
    if m is None or m.end(1) != day_end:  # (then the keyword it matched is not the one looked up)
        return None
    day = _day(text[:day_end])
    if day is None:
        return None  # not a day of the calendar: _head says so
    groups = m.groups()
    values = groups[1:-1]  # the first group is the day, the last the tags
    fields: dict[str, object] = {name: read(got) for name, read, got in zip(names, reads, values, strict=True)}
    if groups[-1]:
        fields["tags"] = tag_set(tuple(t[1:] for t in groups[-1].split()))
    return keyword, kind, day, 1, day_end + 2, fields


def _metadata(
    file: str, keyword: str, kind: S.Kind, metas: list[tuple[int, str]], fields: dict[str, object],
    problems: list[Problem],
) -> dict[str, int]:
    """Fill `fields` from the metadata lines; -> key -> the line it is on."""
    extra: list[tuple[str, object]] = []
    seen: dict[str, int] = {}
    keys = kind.keys
    for line, text in metas:
        m = KEY.match(text)
        if not m:
            col = len(text) - len(text.lstrip()) + 1
            problems.append(Problem(
                Loc(file, line, col), "E202", "expected `key: value` metadata",
                "an indented line under an entry is metadata, such as:   track: core",
                len(text.strip()),
            ))
            continue
        key, quoted, word, tagged, dated, number = m.groups()
        if key in seen:
            problems.append(Problem(
                Loc(file, line, m.start(1) + 1), "E205", f"'{key}:' is set twice on this entry",
                f"the first is on line {seen[key]}; keep one", len(key),
            ))
            continue
        seen[key] = line
        # The commonest lines, a string, word, tags, date or number welcome
        # where it stands, read at once; the general path below would read them to
        # the same value (tests/test_syntax.py holds the two together).
        if key.startswith("x-") and len(key) > 2:
            if quoted is not None:
                extra.append((key, shared(quoted[1:-1])))
                continue
            if word is not None:
                extra.append((key, sys.intern(word)))
                continue
            if tagged is not None:
                extra.append((key, tuple(t[1:] for t in tagged.split())))
                continue
            if dated is not None and (day := _day(dated)) is not None:
                extra.append((key, day))
                continue
            if number is not None:
                extra.append((key, int(number)))
                continue
        elif (spec := keys.get(key)) is not None:
            type_ = spec.type
            if quoted is not None and type_ == S.STRING:
                fields[spec.field] = shared(quoted[1:-1])
                continue
            if word is not None:
                if type_ == S.WORD or (isinstance(type_, tuple) and word in type_):
                    fields[spec.field] = sys.intern(word)
                    continue
                if type_ == S.YES and word in ("yes", "no"):
                    fields[spec.field] = word == "yes"
                    continue
            elif tagged is not None:
                if type_ == S.TAGS:
                    fields[spec.field] = tuple(t[1:] for t in tagged.split())
                    continue
                if type_ == S.TAG and " " not in tagged and "\t" not in tagged:
                    fields[spec.field] = tagged[1:]
                    continue
            elif dated is not None and type_ == S.DATE and (day := _day(dated)) is not None:
                fields[spec.field] = day
                continue
            elif number is not None and type_ in (S.COUNT, S.SCORE):
                n = int(number)
                if n >= 1 and (type_ == S.COUNT or n <= 5):
                    fields[spec.field] = n
                    continue
        if quoted:
            toks = [Tok("string", quoted, m.start(2) + 1)]
        elif word:
            toks = [Tok("word", word, m.start(3) + 1)]
        else:
            toks = tokens(text, text.index(":", m.end(1)) + 1)
        kcol = m.start(1) + 1
        try:
            if key.startswith("x-") and len(key) > 2:
                extra.append((key, extra_value(file, line, toks, text)))
                continue
            spec = kind.keys.get(key)
            if spec is None:
                allowed = sorted(kind.keys)
                hint = did_you_mean(key, allowed) if allowed else f"'{keyword}' takes no metadata"
                raise Bad(Problem(
                    Loc(file, line, kcol), "E203", f"'{keyword}' has no '{key}:' metadata",
                    f"{hint} (keys of your own start with x-)", len(key),
                ))
            if not toks:
                raise Bad(Problem(
                    Loc(file, line, len(text) + 2), "E107", f"'{key}:' has no value",
                    f"write {describe(spec.type)} after '{key}:'", 1,
                ))
            if spec.type == S.TAGS:
                fields[spec.field] = tags(file, line, toks, "E107", f"{key}: ", text)
                continue
            if toks[0].kind == "bad" and toks[0].text[0] in QUOTES:  # “text in curly quotes”: one value
                value(file, line, toks[0], spec.type, "E107", key, f"{key}: ", text)
            if len(toks) > 1:
                extra_tok = toks[1]
                string_check(file, line, extra_tok)
                raise Bad(Problem(
                    Loc(file, line, extra_tok.col), "E107",
                    f"'{key}:' takes one value; unexpected {extra_tok.text}",
                    "put text with spaces in double quotes", len(extra_tok.text),
                ))
            fields[spec.field] = value(file, line, toks[0], spec.type, "E107", key, f"{key}: ", text)
        except Bad as bad:
            problems.append(bad.problem)
    if extra:
        fields["extra"] = tuple(extra)
    return seen
