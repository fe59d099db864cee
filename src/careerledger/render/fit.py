"""Text that fits a terminal: the width to fit, wrapping, tables, and colour.

Every text renderer lays its lines out here, so one rule holds for all of
them: no line is wider than the width. A table wider than the width wraps its
long cells inside their columns; one that cannot fit even so (too many
columns, a word too long) turns into one block per row, `label: value` lines.

Widths are counted in terminal cells: a wide (East Asian) character takes two,
a combining mark none. Colour is added after the layout, so escape codes never
count toward a width.
"""

import os
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

DEFAULT_WIDTH = 80  # when standard output is no terminal and $COLUMNS says nothing
MIN_WIDTH = 20  # below this nothing reads; a smaller --width or $COLUMNS is taken as this
GAP = 2  # spaces between two columns, as tabulate's `simple` and `plain` tables
HEADER_PAD = 2  # a headed column is at least its header and this much wider, as tabulate lays it out
NBSP = "\u00a0"  # joins the words of one list item, so that a list wraps between items


def terminal_width(option: int | None = None, isatty: bool | None = None) -> int:
    """--width N, else $COLUMNS, else the terminal's width when standard output
    is one, else 80; never below MIN_WIDTH."""
    if option is not None:
        return max(option, MIN_WIDTH)
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    if isatty is None:
        import sys

        isatty = sys.stdout is not None and sys.stdout.isatty()
    if isatty:
        try:
            return max(os.get_terminal_size(1).columns, MIN_WIDTH)
        except (OSError, ValueError):
            pass
    return DEFAULT_WIDTH


def use_color(option: str = "auto", isatty: bool | None = None) -> bool:
    """--color always|never|auto: auto is colour on a terminal only, and off
    when $NO_COLOR is set to anything or $TERM is `dumb` (which `always` overrides)."""
    if option == "always":
        return True
    if option == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if isatty is None:
        import sys

        isatty = sys.stdout is not None and sys.stdout.isatty()
    return isatty


# --- colour ----------------------------------------------------------------------------

# What each tone looks like; the renderers name tones, never colours.
TONES: dict[str, dict[str, object]] = {
    "heading": {"bold": True},
    "strong": {"bold": True},
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "bad": {"fg": "red"},
    "good": {"fg": "green"},
    "dim": {"dim": True},
}


class Paint:
    """Colours text by tone; with colour off (the default) text is returned as is."""

    def __init__(self, on: bool = False) -> None:
        self.on = on

    def __call__(self, text: str, tone: str | None) -> str:
        if not self.on or not tone or not text:
            return text
        if tone == "strip":
            return self._strip(text)
        import click

        return click.style(text, **TONES[tone])  # type: ignore[arg-type]

    def _strip(self, text: str) -> str:
        """Kept (■) green, missed (□) red, one escape per run."""
        out, run = [], ""
        for ch in text:
            if run and ch != run[0]:
                out.append(self(run, _STRIP_TONES.get(run[0])))
                run = ""
            run += ch
        out.append(self(run, _STRIP_TONES.get(run[0])) if run else "")
        return "".join(out)


_STRIP_TONES = {"■": "good", "□": "bad"}
PLAIN = Paint(False)


# --- widths and wrapping ---------------------------------------------------------------


def cells(text: str) -> int:
    """How many terminal cells `text` takes."""
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def _cut(word: str, width: int) -> list[str]:
    """A word wider than `width` in pieces of at most `width` cells."""
    pieces, piece, used = [], "", 0
    for ch in word:
        w = cells(ch)
        if used + w > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += ch
        used += w
    if piece:
        pieces.append(piece)
    return pieces


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """`text` in lines of at most `width` cells, broken at spaces (and at line
    breaks); the lines after the first are `hang` cells narrower (the caller
    indents them). A list item joined by NBSP keeps together unless it alone
    is too wide; a word too wide for any line is cut."""
    width = max(width, 1)
    measure = len if text.isascii() else cells  # a report wraps thousands of cells: skip the per-character look
    lines: list[str] = []
    for para in text.split("\n"):
        line, used, started = "", 0, False
        for word in para.split(" "):
            limit = max(width - (hang if lines else 0), 1)
            w = measure(word)
            if started and used + 1 + w <= limit:
                line, used = f"{line} {word}", used + 1 + w
                continue
            if started:
                lines.append(line)
                limit = max(width - hang, 1)
            if w <= limit:
                line, used, started = word, w, True
                continue
            pieces = _cut_item(word, limit)
            lines.extend(pieces[:-1])
            line, used, started = pieces[-1], measure(pieces[-1]), True
        lines.append(line)
    return [ln.replace(NBSP, " ") for ln in lines]


def _cut_item(word: str, width: int) -> list[str]:
    """A list item too wide for a line: broken between its words, then inside them."""
    if NBSP not in word:
        return _cut(word, width)
    return wrap(word.replace(NBSP, " "), width)


def longest_word(text: str) -> int:
    words = text.replace("\n", " ").split(" ")
    return max(map(len if text.isascii() else cells, words))


def indent(lines: Sequence[str], prefix: str) -> list[str]:
    return [prefix + line if line else line for line in lines]


def hanging(first: str, text: str, width: int, rest: str | None = None) -> list[str]:
    """`first` then `text` wrapped to `width`, its later lines indented by `rest`
    (default: as wide as `first`)."""
    rest = " " * cells(first) if rest is None else rest
    lines = wrap(text, width - cells(first), hang=cells(rest) - cells(first))
    return [first + lines[0]] + [rest + line for line in lines[1:]]


# --- tables ----------------------------------------------------------------------------


class Col(NamedTuple):
    """A table column as laid out: its header (None in a headerless table) and
    whether its cells may be cut anywhere (a strip of ■□), not only at spaces."""

    header: str | None
    breakable: bool = False


Tone = Callable[[int, int], str | None]  # (row, column) -> the tone of that cell


def table(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, *, paint: Paint = PLAIN,
          tone: Tone | None = None) -> list[str]:
    """Rows under their headers, columns GAP apart, as tabulate's `simple` table
    (or `plain`, without headers) when it fits `width`; else long cells wrap
    inside their columns, and when even that cannot fit, one block per row."""
    headed = any(c.header is not None for c in cols)
    heads = [c.header or "" for c in cols]
    sizes = [[cells(cell) for cell in row] for row in rows]  # each cell measured once: a report may have 10,000 rows
    content, natural = [], []
    for i in range(len(cols)):
        w = max([size[i] for size in sizes] + [cells(heads[i])])
        content.append(w)
        natural.append(max(w, cells(heads[i]) + HEADER_PAD) if headed else w)
    if sum(natural) + GAP * (len(cols) - 1) <= width:
        widths, gap = natural, GAP
    else:
        least = _least(cols, rows, heads, natural)
        for gap in (GAP, 1):  # one space apart still reads as a table; blocks are the last resort
            fitted = _shrink(natural, content, least, width - gap * (len(cols) - 1))
            if fitted is not None:
                widths = fitted
                break
        else:
            return _blocks(heads, rows, width, paint, tone)
    sep = " " * gap
    out: list[str] = []
    if headed:
        wrapped = [wrap(h, w) for h, w in zip(heads, widths, strict=True)]
        depth = max(len(h) for h in wrapped)
        for k in range(depth):  # headers sit on the bottom line, above the rule
            parts = []
            for h, w in zip(wrapped, widths, strict=True):
                line = h[k - (depth - len(h))] if k >= depth - len(h) else ""
                parts.append(line + " " * (w - cells(line)))
            out.append(sep.join(parts).rstrip())
        out.append(sep.join("-" * w for w in widths).rstrip())
    tone = tone if paint.on else None  # with colour off no cell asks for its tone
    wrapped_cells: dict[tuple[str, int], list[str]] = {}  # a name or a word recurs in thousands of rows
    for r, (row, size) in enumerate(zip(rows, sizes, strict=True)):
        if all(n <= w for n, w in zip(size, widths, strict=True)) and not any("\n" in c for c in row):
            # the common row: every cell on one line, no wrapping to work out
            if tone is None:
                parts = [c.replace(NBSP, " ") + " " * (w - n) for c, n, w in zip(row, size, widths, strict=True)]
            else:
                parts = [paint(c.replace(NBSP, " "), tone(r, i)) + " " * (w - n)
                         for i, (c, n, w) in enumerate(zip(row, size, widths, strict=True))]
            out.append(sep.join(parts).rstrip())
            continue
        parts_lines = []
        for cell, n, w in zip(row, size, widths, strict=True):
            if n > w or "\n" in cell:
                lines = wrapped_cells.get((cell, w))
                if lines is None:
                    lines = wrapped_cells[cell, w] = wrap(cell, w)
                parts_lines.append(lines)
            else:
                parts_lines.append([cell.replace(NBSP, " ")])
        depth = max(len(p) for p in parts_lines)
        for k in range(depth):
            parts = []
            for i, (p, w) in enumerate(zip(parts_lines, widths, strict=True)):
                line = p[k] if k < len(p) else ""
                parts.append((paint(line, tone(r, i)) if tone else line) + " " * (w - cells(line)))
            out.append(sep.join(parts).rstrip())
    return out


def _least(cols: Sequence[Col], rows: Sequence[Sequence[str]], heads: Sequence[str],
           natural: Sequence[int]) -> list[int]:
    """The narrowest each column may get: its longest word (10 cells for a strip)."""
    least = []
    for i, c in enumerate(cols):
        if c.breakable:
            least.append(min(natural[i], 10))
            continue
        words = max((longest_word(r[i]) for r in rows), default=0)
        least.append(min(natural[i], max(words, longest_word(heads[i]))))
    return least


def _shrink(natural: Sequence[int], content: Sequence[int], least: Sequence[int], room: int) -> list[int] | None:
    """Column widths that add up to `room` at most, taking from the widest
    column first; None when even the least widths do not fit."""
    widths = list(natural)
    if sum(least) > room:
        return None
    excess = sum(widths) - room
    if excess > 0:  # a header's padding goes first: it holds no text
        widths = [max(w - 2, c) if w > c else w for w, c in zip(widths, content, strict=True)]
        excess = sum(widths) - room
    while excess > 0:
        i = max((j for j in range(len(widths)) if widths[j] > least[j]), key=lambda j: widths[j])
        others = [widths[j] for j in range(len(widths)) if j != i and widths[j] > least[j]]
        target = max(least[i], max(others, default=0), widths[i] - excess)
        if target >= widths[i]:
            target = widths[i] - 1
        excess -= widths[i] - target
        widths[i] = target
    return widths


def _blocks(heads: Sequence[str], rows: Sequence[Sequence[str]], width: int, paint: Paint,
            tone: Tone | None) -> list[str]:
    """One block per row: `label: value`, the values wrapped under their first
    line; a blank line between blocks."""
    labels = [f"{h}: " if h else "" for h in heads]
    pad = max((cells(x) for x in labels), default=0)
    if width - pad < MIN_WIDTH // 2:  # labels too wide to keep values beside them
        pad = 0
    out: list[str] = []
    for r, row in enumerate(rows):
        if r:
            out.append("")
        for i, (label, cell) in enumerate(zip(labels, row, strict=True)):
            if not cell:  # a value the table left blank (the same as the row above): nothing to say
                continue
            t = tone(r, i) if tone else None
            if pad:
                lines = wrap(cell, width - pad)
                out.append((label + " " * (pad - cells(label)) + paint(lines[0], t)).rstrip())
                out.extend((" " * pad + paint(line, t)).rstrip() for line in lines[1:])
            else:
                out.extend(wrap(label.rstrip(), width))
                out.extend(("  " + paint(line, t)).rstrip() for line in wrap(cell, width - 2))
    return out
