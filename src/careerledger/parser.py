"""Parse: the text of one file -> its items in file order, and problems.

The LALR parser (generated from grammar/careerledger.lark) hands over one
token per entry (its first line and the metadata lines under it) and one per
other line; _Builder splits each with _TOKEN and checks it against the schema
in entries.KINDS. A bad line is reported and parsing goes on from
the next line, so one run shows every problem in the file.

Items are entries (see entries.py) and two directive records, Option and
Include, in the order they appear in the file.
"""

import re
from bisect import bisect_left
from typing import NamedTuple

from . import entries as E
from ._lalr import Lark_StandAlone, UnexpectedCharacters
from .dates import parse_date, parse_duration
from .entries import KINDS, Loc
from .problems import Problem, did_you_mean


class Option(NamedTuple):
    loc: Loc
    key: str
    value: str
    value_loc: Loc
    key_loc: Loc | None = None  # where the key's string starts (for E301)


class Include(NamedTuple):
    loc: Loc
    path: str


class Suppress(NamedTuple):
    """`; careerledger: ignore NAME[,NAME]` on an entry's first line."""

    loc: Loc  # the entry's line, and the column of the names
    names: str


# The inside of a line. Tokens are separated by white space; a bare token is
# classified by its shape, and the entry's schema decides whether that shape
# is welcome where it stands. Each match starts with the white space before
# its token, and the alternatives stand in order of frequency: both make the
# scan about 40% faster, and it is the hot loop of a load. The string pattern
# is "unrolled" ([^"\\]* runs between escapes) for the same reason.
_END = r"(?=[\s;\"]|$)"
TAG_BODY = r"[a-z0-9_/-]+"  # what follows the # of a tag
_TOKEN = re.compile(
    r"""[ \t]*(?:
      (?P<string>"[^"\\\n]*(?:\\.[^"\\\n]*)*")
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)""" + _END + r"""
    | (?P<date>\d{4}-\d\d(?:-\d\d)?)""" + _END + r"""
    | (?P<tag>\#""" + TAG_BODY + ")" + _END + r"""
    | (?P<comment>;[^\n]*)
    | (?P<open>"[^\n]*)
    | (?P<duration>\d+[ymwd])""" + _END + r"""
    | (?P<number>[+-]?\d+(?:\.\d+)?)""" + _END + r"""
    | (?P<bad>[^\s;"]+)
    )""",
    re.X,
)
_SUPPRESS = re.compile(r";\s*careerledger:\s*ignore\s+(.*)")
# `key:`, and in the same match the commonest values, a plain string or a
# word alone on the line, so that most metadata lines need no second scan.
_KEY = re.compile(r"""[ \t]+([^\s:;"]+)[ \t]*:(?:[ \t]*(?:("[^"\\\n]*")|([a-z][a-z0-9-]*))[ \t]*$)?""")
_ESCAPE = re.compile(r"\\(.)")
_DATE_LIKE = re.compile(r"\d{2,4}[-/.]\d")

_DESCRIBE = {
    E.STRING: 'a "quoted string"',
    E.TAG: "a #tag",
    E.TAGS: "one or more #tags",
    E.DATE: "a date (YYYY-MM-DD or YYYY-MM)",
    E.DURATION: "a duration such as 3y, 18m, 6w or 10d",
    E.COUNT: "a whole number of at least 1",
    E.SCORE: "a score from 1 to 5",
    E.YES: "yes or no",
    E.WORD: "a lowercase word",
}
_SHOWN = {
    "string": "a string", "date": "a date", "duration": "a duration", "number": "a number",
    "tag": "a tag", "word": "word", "bad": "",
}


def describe(type_):
    if isinstance(type_, tuple):
        return " or ".join(type_) if len(type_) < 3 else "one of " + ", ".join(type_)
    return _DESCRIBE.get(type_, f"'{type_}'")


_REQUIRED = {kw: tuple(k for k, spec in kind.keys.items() if spec.required) for kw, kind in KINDS.items()}


class _Tok(NamedTuple):
    kind: str
    text: str
    col: int  # 1-based column of the first character


def _tokens(line, start=0):
    """Split a line's inside; a trailing comment is dropped."""
    out = []
    new = tuple.__new__  # _Tok(...) without its Python-level __new__: this is the hot loop
    for m in _TOKEN.finditer(line, start):
        kind = m.lastgroup
        if kind == "comment":
            break
        out.append(new(_Tok, (kind, m.group(kind), m.start(kind) + 1)))
    return out


def _comment(line):
    """The line's `;` comment as a token, or None (a `;` inside a string is text)."""
    for m in _TOKEN.finditer(line):
        if m.lastgroup == "comment":
            return _Tok("comment", m.group("comment"), m.start("comment") + 1)
    return None


class _Bad(Exception):
    """One problem that stops the building of one entry or directive."""

    def __init__(self, problem):
        self.problem = problem


def parse(text, file):
    """Parse the text of `file` -> (items, problems)."""
    builder = _Builder(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.endswith("\n"):
        text += "\n"
    parser = Lark_StandAlone(transformer=builder)
    offset = 0  # lines of the file before the text being parsed
    while True:
        try:
            parser.parse(text)
            break
        except UnexpectedCharacters as e:
            # Report the line, blank it out, and parse again from the first
            # line no callback has seen yet (LALR reduces one token late).
            bad = e.line + offset
            start = text.rfind("\n", 0, e.pos_in_stream) + 1
            end = text.index("\n", e.pos_in_stream)
            builder.syntax_error(bad, text[start:end])
            resume = builder.done_line + 1
            first = start
            for _ in range(bad - resume):
                first = text.rfind("\n", 0, first - 1) + 1
            text = text[first:start] + "\n" + text[end + 1 :]
            offset = resume - 1
            builder.offset = offset
    return builder.items, builder.problems


class _Builder:
    """Lark's callbacks, one per token kind; each builds what its token holds."""

    def __init__(self, file):
        self.file = file
        self.items = []
        self.problems = []
        self.offset = 0
        self.done_line = 0
        self.broken = []  # lines reported as syntax errors; their metadata is skipped
        self.block_line = 0  # the last column-0 line handed to a callback

    # -- Lark callbacks (each gets a one-token list) --------------------------

    def entry(self, children):
        tok = children[0]
        line = tok.line + self.offset
        lines = tok.value.split("\n")  # the last is "": the token ends with a newline
        self.done_line = line + len(lines) - 2
        self.block_line = line
        metas = []
        for i in range(1, len(lines) - 1):
            text = lines[i].rstrip("\r")
            inside = text.lstrip()
            if inside and inside[0] != ";":  # blank and comment lines separate nothing
                metas.append((line + i, text))
        self._build(line, lines[0].rstrip("\r"), metas)

    def meta(self, children):
        # An indented line outside any entry: a heading, option or include (or
        # a line already reported as broken) came between it and the entry.
        tok = children[0]
        line = tok.line + self.offset
        self.done_line = line
        if self.broken and self._under_broken(line):
            return  # the metadata of a line already reported as broken
        text = tok.value.rstrip("\r\n")
        col = len(text) - len(text.lstrip()) + 1
        self._problem(
            Loc(self.file, line, col), "E201", "metadata line with no entry above it",
            "metadata belongs under a dated entry; a blank or comment line may come"
            " between, but a heading, option or include ends the entry", len(text) - col + 1,
        )

    def option(self, children):
        tok = children[0]
        line = tok.line + self.offset
        self._end_block(line)
        text = tok.value.rstrip("\r\n")
        try:
            toks = self._directive(line, text, 'option "key" "value"')
            key = self._string(line, toks[1])
            value = self._string(line, toks[2])
        except _Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(Option(
            Loc(self.file, line, 1), key, value, Loc(self.file, line, toks[2].col), Loc(self.file, line, toks[1].col),
        ))

    def include(self, children):
        tok = children[0]
        line = tok.line + self.offset
        self._end_block(line)
        text = tok.value.rstrip("\r\n")
        try:
            toks = self._directive(line, text, 'include "path"')
            path = self._string(line, toks[1])
        except _Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(Include(Loc(self.file, line, toks[1].col), path))

    def heading(self, children):
        self._end_block(children[0].line + self.offset)

    def start(self, children):
        return None

    # -- blocks ---------------------------------------------------------------

    def _end_block(self, line):
        self.done_line = line
        self.block_line = line

    def _under_broken(self, line):
        i = bisect_left(self.broken, line) - 1  # the last broken line above this one
        return i >= 0 and self.broken[i] > self.block_line

    def syntax_error(self, line, text):
        self.broken.append(line)
        stripped = text.rstrip("\r")
        first = stripped.split(None, 1)[0] if stripped.strip() else ""
        word = first.lower()
        if word in KINDS:
            hint = f"an entry starts with its date: 2024-01-31 {word} {KINDS[word].summary}"
        elif word.startswith(("opt", "inc")) and word.isalpha():
            hint = did_you_mean(word, ("option", "include"))
        else:
            hint = (
                "a line is an entry (it starts with a date), `option`, `include`, a `*` heading,"
                " a `;` comment, or indented `key: value` metadata"
            )
        length = len(first) or 1
        self._problem(
            Loc(self.file, line, 1), "E101", "this line is not an entry, metadata, heading, directive or comment",
            hint, length,
        )

    # -- building one entry ---------------------------------------------------

    def _build(self, line, text, metas):
        try:
            self.items.append(self._entry(line, text, metas))
        except _Bad as bad:
            self.problems.append(bad.problem)
            return
        if "careerledger:" in text:
            comment = _comment(text)
            m = _SUPPRESS.match(comment.text) if comment else None
            if m:
                self.items.append(Suppress(Loc(self.file, line, comment.col + m.start(1)), m[1].strip()))

    def _entry(self, line, text, metas):
        file = self.file
        toks = _tokens(text)
        first = toks[0]
        if first.kind != "date":
            self._value_error(line, first, E.DATE, "E103")
        day = self._date(line, first)
        if len(toks) < 2 or toks[1].kind != "word":
            col = toks[1].col if len(toks) > 1 else len(text) + 2
            raise _Bad(Problem(
                Loc(file, line, col), "E104", "expected an entry keyword after the date",
                "for example: 2024-01-31 note \"text\"; keywords: " + ", ".join(KINDS), 1,
            ))
        kw = toks[1]
        kind = KINDS.get(kw.text)
        if kind is None:
            raise _Bad(Problem(
                Loc(file, line, kw.col), "E104", f"unknown keyword '{kw.text}'",
                did_you_mean(kw.text, KINDS), len(kw.text),
            ))
        fields = {}
        pos = 2
        for arg in kind.args:
            if pos >= len(toks):
                raise _Bad(Problem(
                    Loc(file, line, len(text) + 2), "E105",
                    f"'{kw.text}' needs {describe(arg.type) if arg.field else repr(arg.type)} here",
                    f"write it as: {day.isoformat()} {kw.text} {kind.summary}", 1,
                ))
            tok = toks[pos]
            pos += 1
            if arg.field is None:
                if tok.text != arg.type:
                    raise _Bad(Problem(
                        Loc(file, line, tok.col), "E105", f"expected '{arg.type}', found {tok.text}",
                        f"write it as: {kw.text} {kind.summary}", len(tok.text),
                    ))
                continue
            fields[arg.field] = self._value(line, tok, arg.type, "E105", arg.field, kind)
        tags = []
        for tok in toks[pos:]:
            if tok.kind != "tag":
                if tok.kind == "bad" and tok.text.startswith("#"):
                    self._bad_tag(line, tok)
                self._string_check(line, tok)
                raise _Bad(Problem(
                    Loc(file, line, tok.col), "E105",
                    f"unexpected {_SHOWN[tok.kind]} {tok.text} after the arguments of '{kw.text}'".replace("  ", " "),
                    f"'{kw.text}' takes {kind.summary}, then any #tags", len(tok.text),
                ))
            tags.append(tok.text[1:])
        if tags:
            fields["tags"] = frozenset(tags)
        seen = self._metadata(kw.text, kind, metas, fields) if metas else {}
        for key in _REQUIRED[kw.text]:
            if key not in seen:
                spec = kind.keys[key]
                self._problem(
                    Loc(file, line, kw.col), "E204", f"'{kw.text}' needs '{key}:' metadata",
                    f"add an indented line under it:   {key}: {describe(spec.type)}", len(kw.text),
                )
        if kw.text == "north-star" and "by" not in fields:
            from .dates import add

            fields["by"] = add(day, E.Duration(5, "y"))
        return kind.cls(Loc(file, line, 1), day, **fields)

    def _metadata(self, keyword, kind, metas, fields):
        extra = []
        seen = {}
        for line, text in metas:
            m = _KEY.match(text)
            if not m:
                col = len(text) - len(text.lstrip()) + 1
                self._problem(
                    Loc(self.file, line, col), "E202", "expected `key: value` metadata",
                    "an indented line under an entry is metadata, such as:   track: core",
                    len(text.strip()),
                )
                continue
            key = m[1]
            kcol = m.start(1) + 1
            if key in seen:
                self._problem(
                    Loc(self.file, line, kcol), "E205", f"'{key}:' is set twice on this entry",
                    f"the first is on line {seen[key]}; keep one", len(key),
                )
                continue
            seen[key] = line
            if m[2]:
                toks = [_Tok("string", m[2], m.start(2) + 1)]
            elif m[3]:
                toks = [_Tok("word", m[3], m.start(3) + 1)]
            else:
                toks = _tokens(text, m.end())
            try:
                if key.startswith("x-") and len(key) > 2:
                    extra.append((key, self._extra_value(line, text, toks)))
                    continue
                spec = kind.keys.get(key)
                if spec is None:
                    allowed = sorted(kind.keys)
                    hint = did_you_mean(key, allowed) if allowed else f"'{keyword}' takes no metadata"
                    raise _Bad(Problem(
                        Loc(self.file, line, kcol), "E203", f"'{keyword}' has no '{key}:' metadata",
                        f"{hint} (keys of your own start with x-)", len(key),
                    ))
                if not toks:
                    raise _Bad(Problem(
                        Loc(self.file, line, len(text) + 2), "E107", f"'{key}:' has no value",
                        f"write {describe(spec.type)} after '{key}:'", 1,
                    ))
                if spec.type == E.TAGS:
                    for tok in toks:
                        if tok.kind != "tag":
                            self._value(line, tok, E.TAG, "E107", key, None)
                    fields[spec.field] = tuple(t.text[1:] for t in toks)
                    continue
                if len(toks) > 1:
                    extra_tok = toks[1]
                    self._string_check(line, extra_tok)
                    raise _Bad(Problem(
                        Loc(self.file, line, extra_tok.col), "E107",
                        f"'{key}:' takes one value; unexpected {extra_tok.text}",
                        "put text with spaces in double quotes", len(extra_tok.text),
                    ))
                fields[spec.field] = self._value(line, toks[0], spec.type, "E107", key, None)
            except _Bad as bad:
                self.problems.append(bad.problem)
        if extra:
            fields["extra"] = tuple(extra)
        return seen

    def _extra_value(self, line, text, toks):
        if not toks:
            return None
        if all(t.kind == "tag" for t in toks):
            return tuple(t.text[1:] for t in toks)
        tok = toks[0]
        if len(toks) > 1:
            raise _Bad(Problem(
                Loc(self.file, line, toks[1].col), "E107", f"unexpected {toks[1].text} after the value",
                "put text with spaces in double quotes", len(toks[1].text),
            ))
        self._string_check(line, tok)
        if tok.kind == "string":
            return self._string(line, tok)
        if tok.kind == "date":
            return self._date(line, tok)
        if tok.kind == "number":
            return float(tok.text) if "." in tok.text else int(tok.text)
        if tok.kind == "duration":
            return parse_duration(tok.text)
        if tok.kind == "bad" or not tok.text.islower():
            self._value_error(line, tok, 'a lowercase word or a "quoted string"', "E107")
        return tok.text

    # -- values ---------------------------------------------------------------

    def _value(self, line, tok, type_, code, where, kind):
        """The Python value of `tok` as `type_`, or raise _Bad naming what was expected."""
        k = tok.kind
        if k == "open":
            self._string_check(line, tok)
        if isinstance(type_, tuple):
            if k == "word" and tok.text in type_:
                return tok.text
            if k == "word":
                raise _Bad(Problem(
                    Loc(self.file, line, tok.col), "E108", f"'{tok.text}' is not a value of '{where}'",
                    did_you_mean(tok.text, type_), len(tok.text),
                ))
        elif type_ == E.STRING:
            if k == "string":
                return self._string(line, tok)
        elif type_ == E.TAG:
            if k == "tag":
                return tok.text[1:]
            if tok.text.startswith("#"):
                self._bad_tag(line, tok)
        elif type_ == E.DATE:
            if k == "date":
                return self._date(line, tok)
            if _DATE_LIKE.match(tok.text):
                self._value_error(line, tok, type_, "E103")
        elif type_ == E.DURATION:
            if k == "duration":
                return parse_duration(tok.text)
        elif type_ in (E.COUNT, E.SCORE):
            if k == "number" and "." not in tok.text:
                n = int(tok.text)
                if type_ == E.SCORE and not 1 <= n <= 5:
                    raise _Bad(Problem(
                        Loc(self.file, line, tok.col), "E407", f"a home score is 1 to 5, not {n}",
                        "1 = poor, 5 = thriving", len(tok.text),
                    ))
                if type_ == E.COUNT and n < 1:
                    self._value_error(line, tok, type_, code)
                return n
        elif type_ == E.YES:
            if k == "word" and tok.text in ("yes", "no"):
                return tok.text == "yes"
        elif type_ == E.WORD:
            if k == "word" and tok.text.islower():
                return tok.text
        self._value_error(line, tok, type_, code)

    def _value_error(self, line, tok, type_, code):
        expected = describe(type_) if type_ in _DESCRIBE or isinstance(type_, tuple) else type_
        if code == "E103":
            message = f"'{tok.text}' is not a date"
            hint = "dates are YYYY-MM-DD, or YYYY-MM when the day is not known"
        else:
            message = f"expected {expected}, found '{tok.text}'"
            hint = None
            if type_ == E.STRING and tok.kind != "string":
                hint = f'put it in double quotes: "{tok.text}"'
        raise _Bad(Problem(Loc(self.file, line, tok.col), code, message, hint, len(tok.text)))

    def _date(self, line, tok):
        day = parse_date(tok.text)
        if day is None:
            raise _Bad(Problem(
                Loc(self.file, line, tok.col), "E103", f"{tok.text} is not a date on the calendar",
                "dates are YYYY-MM-DD (a real day), or YYYY-MM when the day is not known",
                len(tok.text),
            ))
        return day

    def _string(self, line, tok):
        text = tok.text[1:-1]
        if "\\" not in text:
            return text
        for m in _ESCAPE.finditer(text):
            if m[1] not in '"\\':
                raise _Bad(Problem(
                    Loc(self.file, line, tok.col + 1 + m.start()), "E102",
                    f"unknown escape \\{m[1]} in a string",
                    'a string may escape only \\" and \\\\', 2,
                ))
        return _ESCAPE.sub(r"\1", text)

    def _string_check(self, line, tok):
        if tok.kind == "open":
            raise _Bad(Problem(
                Loc(self.file, line, tok.col), "E102", "this string is not closed",
                'a string ends with " on the same line; write \\" for a quote inside it', 1,
            ))

    def _bad_tag(self, line, tok):
        raise _Bad(Problem(
            Loc(self.file, line, tok.col), "E106", f"{tok.text} is not a valid tag",
            "tags are # then lowercase letters, digits, -, _ or /, such as #zero-to-one",
            len(tok.text),
        ))

    def _directive(self, line, text, shape):
        """The strings of an `option`/`include` line, checked against `shape`."""
        toks = _tokens(text)
        want = shape.count('"') // 2
        for i in range(1, want + 1):
            if i >= len(toks):
                raise _Bad(Problem(
                    Loc(self.file, line, len(text) + 2), "E305", f"incomplete directive: {shape}",
                    f"write it as: {shape}", 1,
                ))
            tok = toks[i]
            self._string_check(line, tok)
            if tok.kind != "string":
                raise _Bad(Problem(
                    Loc(self.file, line, tok.col), "E305", f"expected a \"quoted string\", found {tok.text}",
                    f"write it as: {shape}", len(tok.text),
                ))
        if len(toks) > want + 1:
            tok = toks[want + 1]
            raise _Bad(Problem(
                Loc(self.file, line, tok.col), "E305", f"unexpected {tok.text} after the directive",
                f"write it as: {shape}", len(tok.text),
            ))
        return toks

    def _problem(self, loc, code, message, hint=None, length=1):
        self.problems.append(Problem(loc, code, message, hint, length))
