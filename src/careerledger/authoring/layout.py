"""The canonical layout of a ledger file (docs/format.md, "Canonical layout").

format_text() is what `careerledger fmt` and the commands that write ledger
text call: text in, text out, no I/O. Only white space changes, and that is
checked rather than trusted: the token stream of the text before and after
(every token's kind and text, comments included, as the parser's tokenizer
splits each line) must be the same, or LayoutError is raised. A text the
parser finds a problem in is not laid out either.

lay_out() is the layout itself, for a text known to parse; token_stream() is
what the guard compares.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..syntax.lines import parse
from ..syntax.tokens import KEY, comment, tokens

if TYPE_CHECKING:
    from ..core.problems import Problem

INDENT = "  "  # of a metadata line, and of a comment line inside an entry
GAP = 2  # the least number of spaces between code and its trailing comment
TAB = 8  # a tab before a trailing comment reaches the next multiple of this column
_DIRECTIVE = re.compile(r"(option|include)(?![A-Za-z0-9_-])")  # as grammar/careerledger.lark
BOM = "\ufeff"


class LayoutError(ValueError):
    """A text that is not laid out: it has parse problems (`problems`), or the
    new layout would change a token (no problems, and the message says where)."""

    def __init__(self, message: str, problems: Sequence["Problem"] = ()) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems)


def format_text(text: str, file: str = "<text>") -> str:
    """`text` (the whole of a ledger file, named `file` in messages) in the
    canonical layout. Raises LayoutError when the parser finds a problem in it
    (E003, E1xx, E2xx, E305: those of its own text; those of a ledger as a
    whole, such as unknown options, includes and E4xx, do not matter here), or
    when the layout would change its tokens (a bug, refused rather than
    returned). Pure and linear in the text: commands that generate ledger text
    call it too."""
    _, problems = parse(text, file)
    if problems:
        n = len(problems)
        raise LayoutError(f"{file}: {n} error{'s' if n > 1 else ''}; not formatted", problems)
    new = lay_out(text)
    before, lines = _stream(text)
    after, _ = _stream(new)
    if before != after:
        i = next((i for i, pair in enumerate(zip(before, after, strict=False)) if pair[0] != pair[1]),
                 min(len(before), len(after)))
        if i < len(before):
            where = f"line {lines[i]} ({before[i][0]} {before[i][1]})"
        else:
            where = "the end of the file"
        raise LayoutError(
            f"{file}: not formatted: the new layout would change its tokens at {where}, and only white"
            " space may change (a bug in careerledger fmt: please report it)"
        )
    return new


def lay_out(text: str) -> str:
    """The canonical layout of `text`, which MUST parse without problems (no
    check is made: format_text is the safe entry point)."""
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom):]
    crlf = body.count("\r\n")
    newline = "\r\n" if crlf > body.count("\n") - crlf else "\n"
    lines = body.split("\n")
    if lines[-1] == "":
        lines.pop()
    rows: list[_Row] = []
    in_entry = False
    waiting: list[_Row] = []  # comment lines of the entry, not yet known to be inside it
    for raw in lines:
        line = raw[:-1] if raw.endswith("\r") else raw
        inside = line.lstrip()
        if not inside:
            rows.append(_Row("", ""))
            continue
        if inside[0] == ";":
            found = comment(line)
            row = _Row("", found.text if found else inside.rstrip(" \t"))
            if in_entry:
                waiting.append(row)
            rows.append(row)
            continue
        if line[0] in " \t":  # metadata: the parse found none outside an entry
            for row in waiting:  # comment lines above it are inside the entry
                row.indent = INDENT
            waiting.clear()
            m = KEY.match(line)
            assert m is not None, line
            row = _Row(INDENT, m[1] + ":")
            values = tokens(line, line.index(":", m.end(1)) + 1)
            if values:
                row.code += " " + " ".join(t.text for t in values)
        else:
            waiting.clear()  # comment lines after an entry's last metadata line stay at column 0
            if line[0] == "*":  # a heading: its text is free
                rows.append(_Row("", line.rstrip(" \t")))
                in_entry = False
                continue
            in_entry = "0" <= line[0] <= "9"
            row = _Row("", " ".join(t.text for t in tokens(line)))
        found = comment(line) if ";" in line else None
        if found is not None:
            row.trailing = found.text
            before = line[: found.col - 1]
            column = len(before.expandtabs(TAB))
            if column - len(before.rstrip().expandtabs(TAB)) >= GAP:  # spaced out on purpose: kept
                row.column = column
        rows.append(row)
    out = _finish(rows)
    return (bom + newline.join(out) + newline) if out else bom


class _Row:
    """One line being laid out: its indentation, its code (a comment line's
    comment is its code), its trailing comment, and the column that comment
    keeps (where it was written, if at least GAP columns after the code; else 0)."""

    __slots__ = ("code", "column", "indent", "trailing")

    def __init__(self, indent: str, code: str) -> None:
        self.indent = indent
        self.code = code
        self.trailing = ""
        self.column = 0


def _finish(rows: list[_Row]) -> list[str]:
    """The rows as lines: trailing comments aligned, one blank line at most
    between two others and none at either end."""
    out: list[str] = []
    i, n = 0, len(rows)
    while i < n:
        row = rows[i]
        if not row.trailing:
            if row.code or (out and out[-1]):  # a blank line first or after another is dropped
                out.append(row.indent + row.code)
            i += 1
            continue
        # a run of consecutive lines that end in a comment: one column for all of them,
        # two spaces after the longest code, or the column one of them keeps if further
        j = i
        while j < n and rows[j].trailing:
            j += 1
        run = rows[i:j]
        widths = [len((r.indent + r.code).expandtabs(TAB)) for r in run]
        column = max(max(widths) + GAP, *(r.column for r in run))
        for r, width in zip(run, widths, strict=True):
            out.append(r.indent + r.code + " " * (column - width) + r.trailing)
        i = j
    while out and not out[-1]:
        out.pop()
    return out


def token_stream(text: str) -> list[tuple[str, str]]:
    """Every token of `text` in order, as (kind, text): what each line is (a
    `line` token: head, meta, option, include, heading, comment, or bad for a
    line that is none of them), then its tokens as the parser splits them: a
    metadata line's key as a `key` token, a heading's text as a `text` token,
    a comment as a `comment` token. Two texts of the same stream differ only
    in white space and blank lines."""
    return _stream(text)[0]


def _stream(text: str) -> tuple[list[tuple[str, str]], list[int]]:
    """token_stream(text), and the line of each token."""
    if text.startswith(BOM):
        text = text[1:]
    out: list[tuple[str, str]] = []
    at: list[int] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        inside = line.lstrip()
        if not inside:
            continue
        start = len(out)
        kind, toks = _classify(line, inside)
        out.append(("line", kind))
        out.extend(toks)
        if kind not in ("heading", "bad") and ";" in line and (found := comment(line)) is not None:
            out.append(("comment", found.text))
        at.extend([number] * (len(out) - start))
    return out, at


def _classify(line: str, inside: str) -> tuple[str, list[tuple[str, str]]]:
    """What a non-blank line is, as the parser reads it, and its tokens but its comment."""
    if inside[0] == ";":
        return "comment", []
    if line[0] in " \t":
        m = KEY.match(line)
        if m is None:
            return "bad", [("text", inside)]
        return "meta", [("key", m[1]), *((t.kind, t.text) for t in tokens(line, line.index(":", m.end(1)) + 1))]
    if line[0] == "*":
        return "heading", [("text", line.rstrip(" \t"))]
    directive = _DIRECTIVE.match(line)
    if "0" <= line[0] <= "9" or directive is not None:
        kind = directive[1] if directive is not None else "head"
        return kind, [(t.kind, t.text) for t in tokens(line)]
    return "bad", [("text", line.rstrip(" \t"))]


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff from `before` to `after` with `--- a/NAME` and `+++ b/NAME`
    headers, each line with its own ending (a CRLF stays one), and the
    `\\ No newline at end of file` marker of diff(1) and git; "" when equal."""
    import difflib

    out = []
    for line in difflib.unified_diff(_keepends(before), _keepends(after), f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _keepends(text: str) -> list[str]:
    """The lines of `text`, each with its ending; split at LF only (str.splitlines
    would split at form feeds and U+2028 too, which the format does not)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
