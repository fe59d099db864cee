"""Parse: the text of one file -> its items in file order, and problems.

The LALR parser (generated from grammar/careerledger.lark) hands over one
token per entry (its first line and the metadata lines under it) and one per
other line; _Lines routes each to the builder of what it holds (entry.py for
entries). A bad line is reported and parsing goes on from the next line, so
one run shows every problem in the file. An entry is built once the line
after it is known not to be its own: metadata that lost its indentation is
reported and still read with the entry, and an entry indented by mistake is
reported and read as an entry.

A lone carriage return (CR not followed by LF) is no line ending: before the
parse, each line that has one is reported (E003) in one pass, and a file
whose only line endings are lone CRs is reported once and not parsed.

Items are entries and three directive records, Option, Include and
Suppress, in the order they appear in the file.
"""

import re
from bisect import bisect_left
from typing import NamedTuple

from ..core.entries import Entry, Loc
from ..core.problems import Problem, did_you_mean
from ..core.schema import KINDS
from ._lexer import FLAGS, IGNORED, RULES, TERMINALS
from .entry import build_entry
from .tokens import INDENTED_HEAD, QUOTES, SUPPRESS, UNINDENTED_META, Tok, comment, tokens
from .values import Bad, string, string_check, wrong_quotes


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


# The grammar's terminals as one pattern, tried in the order Lark's basic lexer
# tries them (hatch_build.py writes them into _lexer.py from the grammar, and
# checks that the grammar is a sequence of one-token lines, which makes its
# LALR parse a plain loop over the tokens). Compiled on the first parse.
_SCANNER: "re.Pattern[str] | None" = None


def _scan(text: str, lines: "_Lines") -> None:
    """Hand each line token of `text` (which ends with a newline) to its rule's
    callback. Every line is some token (the grammar's BAD takes any other
    line), so the scan never fails: one pass, linear in the file."""
    global _SCANNER
    if _SCANNER is None:
        _SCANNER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TERMINALS), FLAGS)
    scan = _SCANNER.match
    callbacks = {name: getattr(lines, rule) for name, rule in RULES.items()}
    pos, line, end = 0, 1, len(text)
    while pos < end:
        m = scan(text, pos)
        if m is None or m.end() == pos:  # cannot happen with this grammar; never loop on it
            stop = text.find("\n", pos) + 1 or end
            lines.bad(line, text[pos:stop])
            line, pos = line + 1, stop
            continue
        value = m.group()
        kind = m.lastgroup
        if kind not in IGNORED:
            callbacks[kind](line, value)  # type: ignore[index]
        line += value.count("\n")
        pos = m.end()


def parse(text: str, file: str) -> tuple[list[Item], list[Problem]]:
    """Parse the text of `file` -> (items, problems)."""
    lines = _Lines(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    crs: dict[int, int] = {}
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        if "\n" not in text and text.count("\r") > 1:
            # Classic Mac OS line endings: the whole file is one line, and
            # whatever else it is said to be would be noise.
            col = text.index("\r") + 1
            return [], [Problem(
                Loc(file, 1, col), "E003", "lines end with a lone CR (classic Mac OS line endings)",
                "save the file with LF (or CRLF) line endings",
            )]
        crs = _lone_crs(text, file, lines.problems)
    if not text.endswith("\n"):
        text += "\n"
    _scan(text, lines)
    lines.flush()
    if crs:
        # What follows a lone CR on its line was most likely meant as the next
        # line (and a line that starts with one is the rest of the line
        # before): a problem there would be noise.
        lines.problems = [
            p for p in lines.problems if p.code == "E003" or p.loc.col < crs.get(p.loc.line, p.loc.col + 1)
        ]
    return lines.items, lines.problems


_LONE_CR = r"\r(?!\n)"  # compiled (by re's cache) only for a file that has one
_CR_HINT = "remove it, or save the file with LF (or CRLF) line endings"


def _lone_crs(text: str, file: str, problems: list[Problem]) -> dict[int, int]:
    """Report the first lone CR of each line that has one (E003) -> line -> its column."""
    found = {}
    line, counted, pos = 1, 0, 0
    lone = re.compile(_LONE_CR)
    while (m := lone.search(text, pos)) is not None:
        at = m.start()
        line += text.count("\n", counted, at)
        counted = at
        col = at - text.rfind("\n", 0, at)
        found[line] = col
        problems.append(Problem(
            Loc(file, line, col), "E003", "a carriage return (CR) that does not end a line", _CR_HINT,
        ))
        end = text.find("\n", at)
        if end < 0:
            break
        pos = end + 1  # one problem per line: on to the next
    return found


class _Lines:
    """Lark's callbacks, one per token kind; each hands its token to the
    builder of what it holds and keeps track of where the parse is."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self.broken: list[int] = []  # lines reported as syntax errors; their metadata is skipped
        self.block_line = 0  # the last column-0 line handed to a callback
        # The last entry read, not built yet: (line, head line, metadata lines).
        # An unindented `key: value` line after it is reported but still joins
        # it, and so do the indented lines after that one; it is built when a
        # line that is none of these comes, or at the end (flush).
        self.pending: tuple[int, str, list[tuple[int, str]]] | None = None

    # -- one callback per line rule of the grammar: (its first line, its text) --

    def entry(self, line: int, value: str) -> None:
        lines = value.split("\n")  # the last is "": the token ends with a newline
        if "\r" in value:
            lines = [text.rstrip("\r") for text in lines]
        if self.pending is not None:
            self.flush()
        self.block_line = line
        head_line, head = line, lines[0]
        metas: list[tuple[int, str]] = []
        for i in range(1, len(lines) - 1):
            text = lines[i]
            inside = text.lstrip()
            if inside and inside[0] != ";":  # blank and comment lines separate nothing
                if "0" <= inside[0] <= "9" and re.match(INDENTED_HEAD, text):
                    # an entry indented by mistake: the lines after it are its own
                    self._indented(line + i, text, "E202")
                    self._entry(head_line, head, metas)
                    head_line, head, metas = line + i, text, []
                    continue
                metas.append((line + i, text))
        self.pending = (head_line, head, metas)

    def meta(self, line: int, value: str) -> None:
        # An indented line outside any entry's token: one came between it and
        # the entry (a heading, option, include, a line reported as broken or
        # an unindented `key: value` line).
        text = value.rstrip("\r\n")
        inside = text.lstrip()
        if "0" <= inside[0] <= "9" and re.match(INDENTED_HEAD, text):
            self._indented(line, text, "E201" if self.pending is None else "E202")
            self.flush()
            self.pending = (line, text, [])
            return
        if self.pending is not None:  # under an unindented `key: value` line of the entry
            self.pending[2].append((line, text))
            return
        if self.broken and self._under_broken(line):
            return  # the metadata of a line already reported as broken
        col = len(text) - len(inside) + 1
        self.problems.append(Problem(
            Loc(self.file, line, col), "E201", "metadata line with no entry above it",
            "metadata belongs under a dated entry; a blank or comment line may come"
            " between, but a heading, option or include ends the entry", len(text) - col + 1,
        ))

    def option(self, line: int, value: str) -> None:
        self.flush()
        self._end_block(line)
        text = value.rstrip("\r\n")
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

    def include(self, line: int, value: str) -> None:
        self.flush()
        self._end_block(line)
        text = value.rstrip("\r\n")
        try:
            toks = self._directive(line, text, 'include "path"')
            path = string(self.file, line, toks[1])
        except Bad as bad:
            self.problems.append(bad.problem)
            return
        self.items.append(Include(Loc(self.file, line, toks[1].col), path))

    def heading(self, line: int, value: str) -> None:
        self.flush()
        self._end_block(line)

    def bad(self, line: int, value: str) -> None:
        text = value.rstrip("\r\n")
        m = re.match(UNINDENTED_META, text)
        if m is None:
            self.flush()
            self.syntax_error(line, text)
            return
        # `track: core` at column 0: metadata that lost its indentation
        shown = text if len(text) <= 60 else text[:59] + "…"
        if self.pending is not None:
            hint = f"indent it:   {shown}"
        else:
            hint = f"metadata goes under a dated entry, indented:   {shown}"
        self.problems.append(Problem(
            Loc(self.file, line, 1), "E101", "metadata must be indented under its entry", hint, len(m[1]),
        ))
        if self.pending is not None:
            self.pending[2].append((line, text))  # read as if indented: no E204 for a key that is there
        else:
            self.broken.append(line)

    # -- blocks ---------------------------------------------------------------

    def flush(self) -> None:
        """Build the pending entry, if any."""
        if self.pending is not None:
            line, text, metas = self.pending
            self.pending = None
            self._entry(line, text, metas)

    def _end_block(self, line: int) -> None:
        self.block_line = line

    def _indented(self, line: int, text: str, code: str) -> None:
        """Report an entry head line that is indented (E202 under an entry, E201 under none)."""
        inside = text.lstrip()
        indent = text[: len(text) - len(inside)]
        what = "spaces" if " " in indent else "tabs"
        if " " in indent and "\t" in indent:
            what = "spaces and tabs"
        elif len(indent) == 1:
            what = what[:-1]
        date = inside.split(None, 1)[0]
        self.problems.append(Problem(
            Loc(self.file, line, len(indent) + 1), code, "this entry is indented",
            f"an entry starts at column 0: remove the {what} before {date}", len(date),
        ))

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
            m = re.match(SUPPRESS, found.text) if found else None
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
            if tok.kind == "bad" and tok.text[0] in QUOTES:
                wrong_quotes(self.file, line, tok, text, "E305")
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
