"""Parse: the text of one file -> its items in file order, and problems.

The LALR parser (generated from grammar/careerledger.lark) hands over one
token per entry (its first line and the metadata lines under it) and one per
other line; _Lines routes each to the builder of what it holds (entry.py for
entries). A bad line is reported and parsing goes on from the next line, so
one run shows every problem in the file.

Items are entries and three directive records, Option, Include and
Suppress, in the order they appear in the file.
"""

from bisect import bisect_left
from typing import TYPE_CHECKING, NamedTuple

from ..core.entries import Entry, Loc
from ..core.problems import Problem, did_you_mean
from ..core.schema import KINDS
from ._lalr import Lark_StandAlone
from .entry import build_entry
from .tokens import SUPPRESS, Tok, comment, tokens
from .values import Bad, string, string_check


class Option(NamedTuple):
    loc: Loc
    key: str
    value: str
    value_loc: Loc
    key_loc: Loc | None = None  # where the key's string starts (for E301)


class Include(NamedTuple):
    loc: Loc
    path: str


class Rejected(NamedTuple):
    """An entry built without a value that was rejected (or a required key that
    is missing): it stays in the ledger so that references to it resolve, but
    feeds no warning, since a default stood in for what the user wrote."""

    loc: Loc


class Suppress(NamedTuple):
    """`; careerledger: ignore NAME[,NAME]` on an entry's first line."""

    loc: Loc  # the entry's line, and the column of the names
    names: str


Item = Entry | Option | Include | Suppress | Rejected


if TYPE_CHECKING:  # a Protocol class costs start-up time; only mypy needs it
    from typing import Protocol

    class _Token(Protocol):
        """What Lark hands a callback: a str with its line."""

        line: int
        value: str


def parse(text: str, file: str) -> tuple[list[Item], list[Problem]]:
    """Parse the text of `file` -> (items, problems)."""
    lines = _Lines(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.endswith("\n"):
        text += "\n"
    # Every line is some token (the grammar's BAD takes any other line), so the
    # parse never fails: one pass, linear in the file.
    Lark_StandAlone(transformer=lines).parse(text)
    return lines.items, lines.problems


class _Lines:
    """Lark's callbacks, one per token kind; each hands its token to the
    builder of what it holds and keeps track of where the parse is."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self.broken: list[int] = []  # lines reported as syntax errors; their metadata is skipped
        self.block_line = 0  # the last column-0 line handed to a callback

    # -- Lark callbacks (each gets a one-token list) --------------------------

    def entry(self, children: "list[_Token]") -> None:
        tok = children[0]
        line = tok.line
        lines = tok.value.split("\n")  # the last is "": the token ends with a newline
        self.block_line = line
        metas = []
        for i in range(1, len(lines) - 1):
            text = lines[i].rstrip("\r")
            inside = text.lstrip()
            if inside and inside[0] != ";":  # blank and comment lines separate nothing
                metas.append((line + i, text))
        self._entry(line, lines[0].rstrip("\r"), metas)

    def meta(self, children: "list[_Token]") -> None:
        # An indented line outside any entry: a heading, option or include (or
        # a line already reported as broken) came between it and the entry.
        tok = children[0]
        line = tok.line
        if self.broken and self._under_broken(line):
            return  # the metadata of a line already reported as broken
        text = tok.value.rstrip("\r\n")
        col = len(text) - len(text.lstrip()) + 1
        self.problems.append(Problem(
            Loc(self.file, line, col), "E201", "metadata line with no entry above it",
            "metadata belongs under a dated entry; a blank or comment line may come"
            " between, but a heading, option or include ends the entry", len(text) - col + 1,
        ))

    def option(self, children: "list[_Token]") -> None:
        tok = children[0]
        line = tok.line
        self._end_block(line)
        text = tok.value.rstrip("\r\n")
        try:
            toks = self._directive(line, text, 'option "key" "value"')
            key = string(self.file, line, toks[1])
            value = string(self.file, line, toks[2])
        except Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(Option(
            Loc(self.file, line, 1), key, value, Loc(self.file, line, toks[2].col), Loc(self.file, line, toks[1].col),
        ))

    def include(self, children: "list[_Token]") -> None:
        tok = children[0]
        line = tok.line
        self._end_block(line)
        text = tok.value.rstrip("\r\n")
        try:
            toks = self._directive(line, text, 'include "path"')
            path = string(self.file, line, toks[1])
        except Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(Include(Loc(self.file, line, toks[1].col), path))

    def heading(self, children: "list[_Token]") -> None:
        self._end_block(children[0].line)

    def bad(self, children: "list[_Token]") -> None:
        tok = children[0]
        self.syntax_error(tok.line, tok.value.rstrip("\r\n"))

    def start(self, children: list[object]) -> None:
        return None

    # -- blocks ---------------------------------------------------------------

    def _end_block(self, line: int) -> None:
        self.block_line = line

    def _under_broken(self, line: int) -> bool:
        i = bisect_left(self.broken, line) - 1  # the last broken line above this one
        return i >= 0 and self.broken[i] > self.block_line

    def syntax_error(self, line: int, text: str) -> None:
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
        self.problems.append(Problem(
            Loc(self.file, line, 1), "E101", "this line is not an entry, metadata, heading, directive or comment",
            hint, length,
        ))

    # -- what a line holds ----------------------------------------------------

    def _entry(self, line: int, text: str, metas: list[tuple[int, str]]) -> None:
        before = len(self.problems)
        try:
            entry = build_entry(self.file, line, text, metas, self.problems)
        except Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(entry)
        if len(self.problems) > before:
            self.items.append(Rejected(entry.loc))
        if "careerledger:" in text:
            found = comment(text)
            m = SUPPRESS.match(found.text) if found else None
            if found and m:
                self.items.append(Suppress(Loc(self.file, line, found.col + m.start(1)), m[1].strip()))

    def _directive(self, line: int, text: str, shape: str) -> list[Tok]:
        """The strings of an `option`/`include` line, checked against `shape`."""
        toks = tokens(text)
        want = shape.count('"') // 2
        for i in range(1, want + 1):
            if i >= len(toks):
                raise Bad(Problem(
                    Loc(self.file, line, len(text) + 2), "E305", f"incomplete directive: {shape}",
                    f"write it as: {shape}", 1,
                ))
            tok = toks[i]
            string_check(self.file, line, tok)
            if tok.kind != "string":
                raise Bad(Problem(
                    Loc(self.file, line, tok.col), "E305", f"expected a \"quoted string\", found {tok.text}",
                    f"write it as: {shape}", len(tok.text),
                ))
        if len(toks) > want + 1:
            tok = toks[want + 1]
            raise Bad(Problem(
                Loc(self.file, line, tok.col), "E305", f"unexpected {tok.text} after the directive",
                f"write it as: {shape}", len(tok.text),
            ))
        return toks
