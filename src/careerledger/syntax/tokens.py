"""Tokens: the inside of one line, split by one compiled regular expression.

Tokens are separated by white space; a bare token is classified by its shape,
and the entry's schema decides whether that shape is welcome where it stands.
"""

import re
from typing import NamedTuple

# Each match starts with the white space before its token, and the
# alternatives stand in order of frequency: both make the scan about 40%
# faster, and it is the hot loop of a load. The string pattern is "unrolled"
# ([^"\\]* runs between escapes) for the same reason.
_END = r"(?=[\s;\"]|$)"
TAG_BODY = r"[a-z0-9_/-]+"  # what follows the # of a tag
#
# Compiled on the first line that needs it: the plain lines most files hold
# are read without it (syntax/entry.py).
_TOKEN = (
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
    )"""
)
_scanner: "re.Pattern[str] | None" = None


def _token() -> "re.Pattern[str]":
    global _scanner
    if _scanner is None:
        _scanner = re.compile(_TOKEN, re.X)
    return _scanner


SUPPRESS = r";\s*careerledger:\s*ignore\s+(.*)"  # compiled (by re's cache) when a line has one
# `key:`, and in the same match the commonest values alone on the line: a
# plain string, a word, tags, a date or a whole number, so that most metadata lines need no
# second scan. The indentation is optional: a line reported as unindented is
# still read.
KEY = re.compile(
    r"""[ \t]*([^\s:;"]+)[ \t]*:(?:[ \t]*(?:("[^"\\\n]*")|([a-z][a-z0-9-]*)|(#""" + TAG_BODY + r"(?:[ \t]+#" + TAG_BODY
    + r""")*)|(\d{4}-\d\d(?:-\d\d)?)|([0-9]{1,18}))[ \t]*$)?"""
)

# How a token of each kind is named in a message ("unexpected a date 2024-01").
SHOWN = {
    "string": "a string", "date": "a date", "duration": "a duration", "number": "a number",
    "tag": "a tag", "word": "word", "bad": "", "open": "",
}

# The shapes of slips, tested only on lines or tokens that are already wrong,
# so compiled (by re's cache) the first time one is: an entry head indented (a
# date, then a word), metadata at column 0 (a lowercase key and a colon, not
# that of a URL), and a whole valid tag. QUOTES open text in quotes that are not
# the straight double quote: curly (“…”, ‘…’, „…“), guillemets («…») or
# straight single quotes ('…'); such text is a bad token, never valid.
QUOTES = "“”„‟‘’‚‛«»'"
INDENTED_HEAD = r"[ \t]+(\d{4}-\d\d(?:-\d\d)?)[ \t]+[A-Za-z_][A-Za-z0-9_-]*(?=[\s;\"]|$)"
UNINDENTED_META = r"([a-z][a-z0-9_-]*)[ \t]*:(?!/)"
TAG = "#" + TAG_BODY


def tag_of(text: str) -> str | None:
    """`#zero-to-one` or `zero-to-one` -> `zero-to-one`; None when it is no tag."""
    m = re.fullmatch("#?(" + TAG_BODY + ")", text)  # only evaluate --builds asks: compiled then
    return m[1] if m else None


class Tok(NamedTuple):
    kind: str  # a group name of _TOKEN: string, word, date, tag, open, duration, number, bad
    text: str
    col: int  # 1-based column of the first character


def tokens(line: str, start: int = 0) -> list[Tok]:
    """Split a line's inside; a trailing comment is dropped."""
    out = []
    new = tuple.__new__  # Tok(...) without its Python-level __new__: this is the hot loop
    # Trailing white space ends the scan: each position in it would otherwise
    # scan all of it again before failing (quadratic in the spaces).
    for m in (_scanner or _token()).finditer(line, start, len(line.rstrip(" \t"))):
        kind = m.lastgroup
        if kind == "comment":
            break
        assert kind is not None
        out.append(new(Tok, (kind, m.group(kind), m.start(kind) + 1)))
    return out


def comment(line: str) -> Tok | None:
    """The line's `;` comment as a token, or None (a `;` inside a string is text)."""
    for m in (_scanner or _token()).finditer(line, 0, len(line.rstrip(" \t"))):
        if m.lastgroup == "comment":
            return Tok("comment", m.group("comment"), m.start("comment") + 1)
    return None
