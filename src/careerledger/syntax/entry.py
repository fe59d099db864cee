"""One entry: its head line and metadata lines -> a typed entry, checked
against the schema (core/schema.py)."""

import sys
from functools import lru_cache

from ..core import schema as S
from ..core.dates import add
from ..core.entries import Duration, Entry, Loc
from ..core.problems import Problem, did_you_mean
from .tokens import KEY, QUOTES, SHOWN, Tok, tokens
from .values import (
    Bad,
    bad_tag,
    date_value,
    describe,
    extra_value,
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
    seen = _metadata(file, kw.text, kind, metas, fields, problems) if metas else {}
    for key in _REQUIRED[kw.text]:
        if key not in seen:
            spec = kind.keys[key]
            if spec.unless is not None and fields.get(kind.keys[spec.unless].field) is True:
                fields[spec.field] = None  # optional here (a side role's phase): it has none
                continue
            problems.append(Problem(
                Loc(file, line, kw.col), "E204", f"'{kw.text}' needs '{key}:' metadata",
                f"add an indented line under it:   {key}: {describe(spec.type)}", len(kw.text),
            ))
    if kw.text == "north-star" and "by" not in fields:
        fields["by"] = add(day, NORTH_STAR_HORIZON)
    return kind.cls(Loc(file, line, first.col), day, **fields)  # type: ignore[arg-type]


def _metadata(
    file: str, keyword: str, kind: S.Kind, metas: list[tuple[int, str]], fields: dict[str, object],
    problems: list[Problem],
) -> dict[str, int]:
    """Fill `fields` from the metadata lines; -> key -> the line it is on."""
    extra = []
    seen: dict[str, int] = {}
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
        key = m[1]
        kcol = m.start(1) + 1
        if key in seen:
            problems.append(Problem(
                Loc(file, line, kcol), "E205", f"'{key}:' is set twice on this entry",
                f"the first is on line {seen[key]}; keep one", len(key),
            ))
            continue
        seen[key] = line
        if m[2]:
            toks = [Tok("string", m[2], m.start(2) + 1)]
        elif m[3]:
            toks = [Tok("word", m[3], m.start(3) + 1)]
        else:
            toks = tokens(text, m.end())
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
