"""Render problems for people (text), editors (concise, json) and CI (github)."""

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from . import fit

if TYPE_CHECKING:
    from ..core.entries import Loc
    from ..core.problems import Problem


def problems_text(problems: Iterable["Problem"], sources: Mapping[str, str], width: int = fit.DEFAULT_WIDTH,
                  paint: fit.Paint = fit.PLAIN) -> str:
    """One block per problem: `file:line:col: CODE message`, the line, a caret, a
    hint; every line at most `width` wide (a message wraps, a long source line
    is cut around the caret)."""
    out = []
    lines: dict[str, list[str]] = {}  # file -> its lines, split once
    for p in problems:
        loc = p.loc
        tone = "error" if p.severity == "error" else "warning"
        out.extend(_head(p, width, paint, tone))
        line = _source_line(sources, lines, loc)
        if line is not None:
            number = f" {loc.line} | "
            shown, col, length = _excerpt(line, loc.col, p.length, width - fit.cells(number))
            # Keep tabs in the padding so the caret sits under the column.
            pad = "".join(c if c == "\t" else " " for c in shown[: col - 1])
            out.append(f"{number}{shown}".rstrip())
            out.append(f" {' ' * (len(number) - 4)} | {pad}{paint('^' * length, tone)}")
        if p.hint:
            out.extend(fit.hanging("  hint: ", p.hint.translate(SHOWN), width))
        out.append("")
    return "\n".join(out) + "\n"


def _head(p: "Problem", width: int, paint: fit.Paint, tone: str) -> list[str]:
    """`file:line:col: CODE message`, the message wrapped under it (indented 4);
    when the place leaves little room, the whole message goes under it, and a
    place wider than the width keeps its message beside it (nothing would fit
    anyway). Editors read `--format concise`, which never wraps."""
    where = f"{p.loc.file}:{p.loc.line}:{p.loc.col}: "
    lead = where + p.code + " "
    message = _cut(p.message, MESSAGE_CHARS).translate(SHOWN)
    code = where + paint(p.code, tone)
    if fit.cells(lead) > width:
        return [f"{code} {message}"]
    if fit.cells(lead) + 20 > width:
        return [code] + ["    " + line for line in fit.wrap(message, width - 4)]
    lines = fit.hanging(lead, message, width, rest="    ")
    return [code + lines[0][len(where) + len(p.code):], *lines[1:]]


def problems_concise(problems: Iterable["Problem"]) -> str:
    """One line per problem, `file:line:col: CODE message`, never wrapped: for
    editors' problem matchers and Vim's :make."""
    return "".join(f"{p.loc.file}:{p.loc.line}:{p.loc.col}: {p.code} "
                   f"{_cut(p.message, MESSAGE_CHARS).translate(SHOWN)}\n" for p in problems)


def _excerpt(line: str, col: int, length: int, room: int) -> tuple[str, int, int]:
    """The part of a source line that fits `room` cells, around the column:
    (text, its column, carets). A cut end is shown as `…`."""
    length = max(1, min(length, len(line) - col + 1))
    room = max(room, 10)
    if fit.cells(line) <= room:
        return line, col, length
    start = max(0, col - 1 - room // 3)
    head = "…" if start else ""
    end = min(len(line), start + room)
    while end > start + 1 and fit.cells(head + line[start:end]) + (end < len(line)) > room:
        end -= 1
    shown = head + line[start:end] + ("…" if end < len(line) else "")
    new_col = col - start + len(head)
    return shown, new_col, max(1, min(length, end - (col - 1)))


# Control characters (a lone CR, NUL, form feed…) printed as they are would move the
# terminal's cursor or vanish; each is shown as its one-character Unicode picture (␍, ␀),
# which keeps the caret under its column. Tabs stay: the padding keeps them too.
SHOWN = {c: 0x2400 + c for c in range(0x20) if c != 0x09} | {0x7F: 0x2421}
MESSAGE_CHARS = 300  # a message quoting a huge token is cut to this


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def summary(problems: Sequence["Problem"], paint: fit.Paint = fit.PLAIN) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    parts = [paint(_plural(errors, "error"), "error" if errors else None)]
    if warnings:
        parts.append(paint(_plural(warnings, "warning"), "warning"))
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


def checks_table(width: int = fit.DEFAULT_WIDTH, paint: fit.Paint = fit.PLAIN) -> str:
    from ..core.problems import WARNINGS

    rows = [(c.code, c.name, "on" if c.default else "off", c.summary) for c in WARNINGS]
    cols = [fit.Col(h) for h in ("code", "name", "default", "fires when")]
    return "\n".join(fit.table(cols, rows, width, paint=paint, tone=lambda r, c: "strong" if c == 0 else None))


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
