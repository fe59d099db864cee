"""Values: one token -> the Python value its schema type asks for, or a
located problem saying what was expected."""

import re
from datetime import date
from typing import NoReturn

from ..core import schema as S
from ..core.dates import parse_date, parse_duration
from ..core.entries import Duration, Loc
from ..core.problems import Problem, did_you_mean
from .tokens import Tok

_ESCAPE = re.compile(r"\\(.)")
_DATE_LIKE = re.compile(r"\d{2,4}[-/.]\d")

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


def value(file: str, line: int, tok: Tok, type_: S.ValueType, code: str, where: str) -> object:
    """The Python value of `tok` as `type_`, or raise Bad naming what was expected.
    `where` names the argument or key, for messages."""
    k = tok.kind
    if k == "open":
        string_check(file, line, tok)
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
    elif type_ == S.DATE:
        if k == "date":
            return date_value(file, line, tok)
        if _DATE_LIKE.match(tok.text):
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
    value_error(file, line, tok, type_, code)


def extra_value(file: str, line: int, toks: list[Tok]) -> object:
    """The value of an `x-` key: whatever its one token is (or its tags)."""
    if not toks:
        return None
    if all(t.kind == "tag" for t in toks):
        return tuple(t.text[1:] for t in toks)
    tok = toks[0]
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


def value_error(file: str, line: int, tok: Tok, type_: S.ValueType, code: str) -> NoReturn:
    """Raise Bad: `tok` is not a `type_` (`type_` may also be the text to show)."""
    expected = describe(type_) if type_ in _DESCRIBE or isinstance(type_, tuple) else type_
    if code == "E103":
        message = f"'{tok.text}' is not a date"
        hint: str | None = "dates are YYYY-MM-DD, or YYYY-MM when the day is not known"
    else:
        message = f"expected {expected}, found '{tok.text}'"
        hint = None
        if type_ == S.STRING and tok.kind != "string":
            hint = f'put it in double quotes: "{tok.text}"'
    raise Bad(Problem(Loc(file, line, tok.col), code, message, hint, len(tok.text)))


def date_value(file: str, line: int, tok: Tok) -> date:
    day = parse_date(tok.text)
    if day is None:
        raise Bad(Problem(
            Loc(file, line, tok.col), "E103", f"{tok.text} is not a date on the calendar",
            "dates are YYYY-MM-DD (a real day), or YYYY-MM when the day is not known",
            len(tok.text),
        ))
    return day


def string(file: str, line: int, tok: Tok) -> str:
    """The text of a string token, its escapes undone."""
    text = tok.text[1:-1]
    if "\\" not in text:
        return text
    for m in _ESCAPE.finditer(text):
        if m[1] not in '"\\':
            raise Bad(Problem(
                Loc(file, line, tok.col + 1 + m.start()), "E102",
                f"unknown escape \\{m[1]} in a string",
                'a string may escape only \\" and \\\\', 2,
            ))
    return _ESCAPE.sub(r"\1", text)


def string_check(file: str, line: int, tok: Tok) -> None:
    """Raise Bad when `tok` is a string that is not closed."""
    if tok.kind == "open":
        raise Bad(Problem(
            Loc(file, line, tok.col), "E102", "this string is not closed",
            'a string ends with " on the same line; write \\" for a quote inside it', 1,
        ))


def bad_tag(file: str, line: int, tok: Tok) -> NoReturn:
    raise Bad(Problem(
        Loc(file, line, tok.col), "E106", f"{tok.text} is not a valid tag",
        "tags are # then lowercase letters, digits, -, _ or /, such as #zero-to-one",
        len(tok.text),
    ))
