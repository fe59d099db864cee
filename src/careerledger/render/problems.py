"""Render problems for people (text), editors (json) and CI (github)."""

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.entries import Loc
    from ..core.problems import Problem


def problems_text(problems: Iterable["Problem"], sources: Mapping[str, str]) -> str:
    """One block per problem: `file:line:col: CODE message`, the line, a caret, a hint."""
    out = []
    lines: dict[str, list[str]] = {}  # file -> its lines, split once
    for p in problems:
        loc = p.loc
        out.append(f"{loc.file}:{loc.line}:{loc.col}: {p.code} {_cut(p.message, MESSAGE_CHARS).translate(SHOWN)}")
        line = _source_line(sources, lines, loc)
        if line is not None:
            width = len(str(loc.line))
            col = loc.col
            length = max(1, min(p.length, len(line) - col + 1))
            if len(line) > EXCERPT_CHARS:
                # a very long line: show the part around the column, and at most that many carets
                start = max(0, col - 1 - EXCERPT_BEFORE)
                end = start + EXCERPT_CHARS
                head = "…" if start else ""
                line = head + line[start:end] + ("…" if end < len(line) else "")
                col = col - start + len(head)
                length = max(1, min(length, end - (loc.col - 1)))
            # Keep tabs in the padding so the caret sits under the column.
            pad = "".join(c if c == "\t" else " " for c in line[: col - 1])
            out.append(f" {loc.line} | {line}")
            out.append(f" {' ' * width} | {pad}{'^' * length}")
        if p.hint:
            out.append(f"  hint: {p.hint.translate(SHOWN)}")
        out.append("")
    return "\n".join(out) + "\n"


# Control characters (a lone CR, NUL, form feed…) printed as they are would move the
# terminal's cursor or vanish; each is shown as its one-character Unicode picture (␍, ␀),
# which keeps the caret under its column. Tabs stay: the padding keeps them too.
SHOWN = {c: 0x2400 + c for c in range(0x20) if c != 0x09} | {0x7F: 0x2421}
EXCERPT_CHARS = 100  # of a source line longer than this, only this much is shown
EXCERPT_BEFORE = 30  # ... starting this many characters before the column
MESSAGE_CHARS = 300  # a message quoting a huge token is cut to this


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def summary(problems: Sequence["Problem"]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    parts = [_plural(errors, "error")]
    if warnings:
        parts.append(_plural(warnings, "warning"))
    return ", ".join(parts)


def problems_json(problems: Iterable["Problem"]) -> str:
    import json

    return json.dumps(
        [
            {
                "file": p.loc.file,
                "line": p.loc.line,
                "column": p.loc.col,
                "length": p.length,
                "code": p.code,
                "name": p.name,
                "severity": p.severity,
                "message": p.message,
                "hint": p.hint,
            }
            for p in problems
        ],
        indent=2,
        ensure_ascii=False,
    )


def problems_github(problems: Iterable["Problem"]) -> str:
    """GitHub Actions workflow commands: one `::error` or `::warning` line each."""
    lines = []
    for p in problems:
        level = "error" if p.severity == "error" else "warning"
        props = f"file={_gh(p.loc.file, True)},line={p.loc.line},col={p.loc.col},title={_gh(p.code, True)}"
        text = p.message + (f" (hint: {p.hint})" if p.hint else "")
        lines.append(f"::{level} {props}::{_gh(text)}")
    return "\n".join(lines)


def _gh(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def checks_table() -> str:
    from tabulate import tabulate

    from ..core.problems import WARNINGS

    rows = [(c.code, c.name, "on" if c.default else "off", c.summary) for c in WARNINGS]
    return tabulate(rows, headers=("code", "name", "default", "fires when"), tablefmt="simple")


def _source_line(sources: Mapping[str, str], cache: dict[str, list[str]], loc: "Loc") -> str | None:
    if loc.file not in cache:
        text = sources.get(loc.file)
        cache[loc.file] = text.lstrip("\ufeff").split("\n") if text is not None else []
    lines = cache[loc.file]
    if not 1 <= loc.line <= len(lines):
        return None
    line = lines[loc.line - 1]
    if line.endswith("\r"):  # the CR of a CRLF ending; a lone CR before it is shown
        line = line[:-1]
    return line.translate(SHOWN)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
