"""Values: one token -> the Python value its schema type asks for, or a
located problem saying what was expected."""

import re
import sys
from datetime import date
from typing import NoReturn

from ..core import schema as S
from ..core.dates import parse_date, parse_duration
from ..core.entries import Duration, Loc
from ..core.problems import Problem, did_you_mean
from .tokens import QUOTES, TAG, TAG_BODY, Tok

# compiled (by re's cache) by the first line that needs them: few do
_ESCAPE = r"\\(.)"
_DATE_LIKE = r"\d{2,4}[-/.]\d"

_DESCRIBE = {
    S.STRING: 'a "quoted string"',
    S.TAG: "a #tag",
    S.TAGS: "one or more #tags",
    S.DATE: "a date (YYYY-MM-DD or YYYY-MM)",
    S.DURATION: "a duration such as 3y, 18m, 6w or 10d",
    S.COUNT: "a whole number of at least 1",
    S.SCORE: "a score from 1 to 5",
    S.YES: "yes or no",
    S.WORD: "a lowercase word",
}


class Bad(Exception):
    """One problem that stops the building of one entry or directive."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def describe(type_: S.ValueType) -> str:
    """What a value of `type_` looks like, for messages and hints."""
    if isinstance(type_, tuple):
        return " or ".join(type_) if len(type_) < 3 else "one of " + ", ".join(type_)
    return _DESCRIBE.get(type_, f"'{type_}'")


def value(
    file: str, line: int, tok: Tok, type_: S.ValueType, code: str, where: str, shown: str = "", text: str = "",
) -> object:
    """The Python value of `tok` as `type_`, or raise Bad naming what was expected.
    `where` names the argument or key, for messages; `shown` is what a hint
    writes before a corrected value (`via: `, `home `); `text` is the line, for
    the text of a token in curly or single quotes."""
    k = tok.kind
    if k == "open":
        string_check(file, line, tok)
    elif k == "bad" and tok.text[0] in QUOTES:
        if type_ == S.STRING:
            wrong_quotes(file, line, tok, text, code)
        value_error(file, line, tok, type_, code, bare_hint(tok, type_, shown, text))
    if isinstance(type_, tuple):
        if k == "word" and tok.text in type_:
            return tok.text
        if k == "word":
            raise Bad(Problem(
                Loc(file, line, tok.col), "E108", f"'{tok.text}' is not a value of '{where}'",
                did_you_mean(tok.text, type_), len(tok.text),
            ))
    elif type_ == S.STRING:
        if k == "string":
            return string(file, line, tok)
    elif type_ == S.TAG:
        if k == "tag":
            return tok.text[1:]
        if tok.text.startswith("#"):
            bad_tag(file, line, tok)
        value_error(file, line, tok, type_, code, tags_hint([tok], 0, shown))
    elif type_ == S.DATE:
        if k == "date":
            return date_value(file, line, tok)
        if re.match(_DATE_LIKE, tok.text):
            value_error(file, line, tok, type_, "E103")
    elif type_ == S.DURATION:
        if k == "duration":
            duration = parse_duration(tok.text)
            if duration is not None:
                return duration
            too_large(file, line, tok)
    elif type_ in (S.COUNT, S.SCORE):
        if k == "number" and "." not in tok.text:
            n = whole(file, line, tok)
            if type_ == S.SCORE and not 1 <= n <= 5:
                raise Bad(Problem(
                    Loc(file, line, tok.col), "E407", f"a home score is 1 to 5, not {n}",
                    "1 = poor, 5 = thriving", len(tok.text),
                ))
            if type_ == S.COUNT and n < 1:
                value_error(file, line, tok, type_, code)
            return n
    elif type_ == S.YES:
        if k == "word" and tok.text in ("yes", "no"):
            return tok.text == "yes"
    elif type_ == S.WORD and k == "word" and tok.text.islower():
        return tok.text
    value_error(file, line, tok, type_, code, bare_hint(tok, type_, shown, text))


def tags(file: str, line: int, toks: list[Tok], code: str, shown: str = "", text: str = "") -> tuple[str, ...]:
    """The tags of a tags value (`needs: #a #b`), without their #, or raise Bad
    at the first token that is not a tag."""
    for i, tok in enumerate(toks):
        if tok.kind != "tag":
            string_check(file, line, tok)
            if tok.text.startswith("#"):
                bad_tag(file, line, tok, toks)
            if tok.kind == "bad" and tok.text[0] in QUOTES:
                hint = bare_hint(tok, S.TAG, shown, text)
            else:
                hint = tags_hint(toks, i, shown)
            value_error(file, line, tok, S.TAG, code, hint)
    return tuple(t.text[1:] for t in toks)


def extra_value(file: str, line: int, toks: list[Tok], text: str = "") -> object:
    """The value of an `x-` key: whatever its one token is (or its tags);
    `text` is the line, as for value()."""
    if not toks:
        return None
    if all(t.kind == "tag" for t in toks):
        return tuple(t.text[1:] for t in toks)
    tok = toks[0]
    if tok.kind == "bad" and tok.text[0] in QUOTES:
        wrong_quotes(file, line, tok, text, "E107")
    for i, t in enumerate(toks):
        if t.kind == "bad" and t.text.startswith("#"):  # a tag written wrong (`#a,#b`, `#Growth`)
            value_error(file, line, t, "a valid #tag", "E107", tags_hint(toks, i))
    if len(toks) > 1:
        raise Bad(Problem(
            Loc(file, line, toks[1].col), "E107", f"unexpected {toks[1].text} after the value",
            "put text with spaces in double quotes", len(toks[1].text),
        ))
    string_check(file, line, tok)
    if tok.kind == "string":
        return string(file, line, tok)
    if tok.kind == "date":
        return date_value(file, line, tok)
    if tok.kind == "number":
        return float(tok.text) if "." in tok.text else whole(file, line, tok)
    if tok.kind == "duration":
        duration: Duration | None = parse_duration(tok.text)
        if duration is None:
            too_large(file, line, tok)
        return duration
    if tok.kind == "bad" or not tok.text.islower():
        value_error(file, line, tok, 'a lowercase word or a "quoted string"', "E107")
    return tok.text


MAX_DIGITS = 18  # a whole number of the format fits in 64 bits


def whole(file: str, line: int, tok: Tok) -> int:
    """The whole number of a number token; one of more than 18 digits is refused
    (int() of thousands of digits is slow, and of 4,300 or more refused)."""
    if len(tok.text.lstrip("+-")) > MAX_DIGITS:
        too_large(file, line, tok)
    return int(tok.text)


def too_large(file: str, line: int, tok: Tok) -> NoReturn:
    raise Bad(Problem(
        Loc(file, line, tok.col), "E107", "this number is too large",
        "numbers have at most 18 digits, durations at most 9 (such as 3y or 18m)", len(tok.text),
    ))


def value_error(file: str, line: int, tok: Tok, type_: S.ValueType, code: str, hint: str | None = None) -> NoReturn:
    """Raise Bad: `tok` is not a `type_` (`type_` may also be the text to show)."""
    expected = describe(type_) if type_ in _DESCRIBE or isinstance(type_, tuple) else type_
    if code == "E103":
        message = f"'{tok.text}' is not a date"
        hint = "dates are YYYY-MM-DD, or YYYY-MM when the day is not known"
    else:
        message = f"expected {expected}, found '{tok.text}'"
        if type_ == S.STRING and tok.kind != "string":
            hint = f'put it in double quotes: "{tok.text}"'
    raise Bad(Problem(Loc(file, line, tok.col), code, message, hint, len(tok.text)))


# --- hints for the common slips -------------------------------------------------

HINT_CHARS = 60  # of the user's text, a hint quotes at most this much


def _cut(text: str) -> str:
    return text if len(text) <= HINT_CHARS else text[: HINT_CHARS - 1] + "…"


def escape(text: str) -> str:
    """`text` as the inside of a string of the format: `\\` and `"` escaped,
    the two escapes there are (the inverse of string())."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def quote(text: str) -> str:
    """`text` as a "string" of the format."""
    return f'"{escape(text)}"'


def _quote(text: str) -> str:
    """`text` as a string of the format, cut to the length a hint shows."""
    return quote(_cut(text))


_DOUBLE = "“”„‟\""  # what closes “…”, ”…”, „…“ (or a straight " typed at the end)
_SINGLE = "‘’‚‛'"


def quoted_text(tok: Tok, text: str) -> str:
    """What stands between the quotes of a token in curly or single quotes
    (`“Senior PM”` -> `Senior PM`), read from the line `text` since the token
    itself ends at the first space; unclosed, it runs to the end of the line."""
    opener = tok.text[0]
    rest = text[tok.col:] if text else tok.text[1:]
    if opener in "«»":
        closers = "«»"
    elif opener in _SINGLE:
        closers = _SINGLE
    else:
        closers = _DOUBLE
    for i, c in enumerate(rest):
        # a ’ or ' between letters is an apostrophe (‘Jane’s team’)
        if c in closers and not (closers is _SINGLE and rest[i + 1 : i + 2].isalpha() and rest[i - 1 : i].isalpha()):
            return rest[:i]
    return rest.rstrip()


def _code_point(q: str) -> str:
    """`“ (U+201C)`: the character, and a name for it that survives an ASCII terminal."""
    return f"{q} (U+{ord(q):04X})"


def wrong_quotes(file: str, line: int, tok: Tok, text: str, code: str) -> NoReturn:
    """Raise Bad: a string written in curly or single quotes."""
    raise Bad(Problem(
        Loc(file, line, tok.col), code, f"a string needs straight double quotes, not {_code_point(tok.text[0])}",
        f"use straight double quotes: {_quote(quoted_text(tok, text))}", 1,
    ))


def _inner(tok: Tok, text: str) -> str | None:
    """The text inside a quoted token (straight, curly or single quotes), or None."""
    if tok.kind == "string":
        return re.sub(_ESCAPE, r"\1", tok.text[1:-1])
    if tok.kind == "bad" and tok.text[0] in QUOTES:
        return quoted_text(tok, text)
    return None


def _bare_ok(content: str, type_: S.ValueType) -> bool:
    """Whether `content`, written bare, is a value of `type_`."""
    if isinstance(type_, tuple):
        return content in type_
    if type_ == S.YES:
        return content in ("yes", "no")
    if type_ == S.WORD:
        return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", content) is not None and content.islower()
    if type_ == S.DATE:
        return re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", content) is not None and parse_date(content) is not None
    if type_ == S.COUNT:
        return content.isascii() and content.isdigit() and len(content) <= MAX_DIGITS and int(content) >= 1
    if type_ == S.DURATION:
        return re.fullmatch(r"\d{1,9}[ymwd]", content) is not None
    return False


def bare_hint(tok: Tok, type_: S.ValueType, shown: str, text: str = "") -> str | None:
    """The hint for `tok` where a bare value of `type_` is expected: a quoted
    one is written without its quotes, a score is a bare whole number."""
    content = _inner(tok, text)
    if type_ == S.SCORE:
        if content is not None and content in ("1", "2", "3", "4", "5"):
            return f"a score is a bare whole number: {shown}{content}"
        return "scores are whole numbers from 1 to 5"
    if type_ == S.TAG:
        return tags_hint([tok], 0, shown, text)
    if content is None or type_ == S.STRING:
        return None
    if _bare_ok(content, type_):
        return f"write it without quotes: {shown}{content}"
    return f"write {describe(type_)}, without quotes"


def _as_tag(piece: str) -> str | None:
    """`#pricing`, `#Pricing` or `pricing` -> `#pricing`: a tag, a tag that is
    one once lowercased, or a word that is one with its #; else None."""
    if piece.startswith("#"):
        for candidate in (piece, piece.lower()):
            if re.fullmatch(TAG, candidate):
                return candidate
        return None
    return "#" + piece if re.fullmatch(TAG_BODY, piece) else None


def tags_hint(toks: list[Tok], i: int, shown: str = "", text: str = "") -> str | None:
    """The hint for toks[i] where tags are expected (`toks` all of them): tags
    are separated by spaces, written with #, lowercase and without quotes."""
    tok = toks[i]
    content = _inner(tok, text)
    if content is not None:  # "pricing", "#a #b"
        pieces = content.split()
        found = [_as_tag(p) for p in pieces]
        if pieces and all(re.fullmatch(TAG, p) for p in pieces):
            return f"write it without quotes: {shown}{_cut(content)}"
        if pieces and all(found):
            return _with_hash(found)
        return None
    if "," in tok.text:  # `#a, #b`, `#a,#b`, `#a , #b`
        pieces = []
        for t in toks:
            if t.kind not in ("tag", "word", "bad"):
                return None
            pieces += filter(None, t.text.split(","))
        found = [_as_tag(p) for p in pieces]
        if pieces and all(found):
            return "separate tags with spaces, not commas: " + _cut(" ".join(map(str, found)))
        return None
    if tok.kind == "word":  # `needs: strategy hiring`
        found = [_as_tag(t.text) for t in toks if t.kind == "word"]
        return _with_hash(found) if all(found) else None
    if tok.text.startswith("#"):  # `#Promotion`
        lower = tok.text.lower()
        return f"did you mean {_cut(lower)}?" if re.fullmatch(TAG, lower) else None
    return None


def _with_hash(found: "list[str | None]") -> str:
    if len(found) == 1:
        return f"write a tag with #: {found[0]}"
    return "write tags with #: " + _cut(" ".join(map(str, found)))


def date_value(file: str, line: int, tok: Tok) -> date:
    day = parse_date(tok.text)
    if day is None:
        raise Bad(Problem(
            Loc(file, line, tok.col), "E103", f"{tok.text} is not a date on the calendar",
            "dates are YYYY-MM-DD (a real day), or YYYY-MM when the day is not known",
            len(tok.text),
        ))
    return day


INTERNED = 64  # strings up to this long are shared (sys.intern); longer ones are mostly prose


def shared(text: str) -> str:
    """`text`, as one copy of it: a name, an org, a recipient is written again
    and again (prose, which is longer, seldom is)."""
    return sys.intern(text) if len(text) <= INTERNED else text


def string(file: str, line: int, tok: Tok) -> str:
    """The text of a string token, its escapes undone."""
    text = tok.text[1:-1]
    if "\\" not in text:
        return shared(text)
    for m in re.finditer(_ESCAPE, text):
        if m[1] not in '"\\':
            raise Bad(Problem(
                Loc(file, line, tok.col + 1 + m.start()), "E102",
                f"unknown escape \\{m[1]} in a string",
                'a string may escape only \\" and \\\\', 2,
            ))
    return re.sub(_ESCAPE, r"\1", text)


def string_check(file: str, line: int, tok: Tok) -> None:
    """Raise Bad when `tok` is a string that is not closed."""
    if tok.kind == "open":
        end = tok.text.find("”")
        if end > 0 and "“" not in tok.text[:end]:  # "Senior PM”: closed with a curly quote
            raise Bad(Problem(
                Loc(file, line, tok.col + end), "E102", f"this string is closed with a curly quote {_code_point('”')}",
                f"use straight double quotes: {_quote(tok.text[1:end])}", 1,
            ))
        raise Bad(Problem(
            Loc(file, line, tok.col), "E102", "this string is not closed",
            'a string ends with " on the same line; write \\" for a quote inside it', 1,
        ))


def bad_tag(file: str, line: int, tok: Tok, toks: list[Tok] | None = None) -> NoReturn:
    """Raise Bad: `tok`, which starts with #, is not a valid tag (`toks`: the
    tags it stands among, for the hint)."""
    raise Bad(Problem(
        Loc(file, line, tok.col), "E106", f"{tok.text} is not a valid tag",
        tags_hint(toks or [tok], (toks or [tok]).index(tok))
        or "tags are # then lowercase letters, digits, -, _ or /, such as #zero-to-one",
        len(tok.text),
    ))
