"""Render a Report (careerledger.reports) as text, markdown, csv or json.

All four formats render the same Report, section by section, so they never
disagree; they differ only in how a value is written:

| type   | text / markdown        | csv / json                  |
|--------|------------------------|-----------------------------|
| date   | 2026-11-21             | "2026-11-21"                |
| length | 2y 3m 4d               | days (int)                  |
| days   | 1,096 days             | days (int)                  |
| share  | 38%                    | 0.3836 (rounded to 4 places)|
| bool   | yes / no               | true / false                |
| list   | a, b                   | "a; b" in csv, array in json|
| scores | ▃▃▂▃ (a sparkline)     | "3; 3; 2; 3" in csv, array of ints in json |

docs/json.md documents the JSON; its version is reports.JSON_VERSION.
"""

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TypedDict, TypeGuard

from ..metrics.timeline import breakdown
from ..reports import model as R
from . import JSON_VERSION, REPORT_FORMATS, fit

KEPT, MISSED = "■", "□"
SPARKS = "▁▂▃▅█"  # home scores 1 to 5


def render(report: R.Report, fmt: str, width: int = fit.DEFAULT_WIDTH, paint: fit.Paint = fit.PLAIN,
           companions: Mapping[str, R.Report] | None = None) -> str:
    """The report in `fmt`; `width` and `paint` shape text only (the other
    formats are for documents and programs); `companions` are the reports an
    HTML page draws its pictures from (render.html.COMPANIONS)."""
    if fmt == "text":
        return text(report, width, paint)
    if fmt == "html":
        from .html import html

        return html(report, companions or {})
    return RENDERERS[fmt](report)


def only(report: R.Report, key: str) -> R.Report:
    """The report with one section, `key` (--section)."""
    return report._replace(sections=tuple(s for s in report.sections if s.key == key))


# --- values --------------------------------------------------------------------------


def length_text(length: R.Length) -> str:
    """`2y 3m 4d`, leaving out zero parts (`1y 5d`); `0d` for no time at all."""
    return str(breakdown(length.start, length.end))


def human(value: R.Value, type_: str, none: str | None = "—") -> str:
    """A value as text and markdown show it."""
    if value is None or (type_ in (R.LIST, R.SCORES, R.ITEMS) and not value):
        assert none is not None  # a fact whose `none` is None is left out when blank
        return none
    if type_ == R.DATE:
        assert isinstance(value, date)
        return value.isoformat()
    if type_ == R.LENGTH:
        assert isinstance(value, R.Length)
        return length_text(value)
    if type_ == R.DAYS:
        return f"{value:,} day" + ("" if value == 1 else "s")
    if type_ == R.SHARE:
        return f"{value:.0%}"
    if type_ == R.NUMBER:
        return f"{value:.2f}"
    if type_ == R.BOOL:
        return "yes" if value else "no"
    if type_ == R.LIST:
        assert _texts(value)
        return ", ".join(value)
    if type_ == R.SCORES:
        assert _scores(value)
        return sparkline(value)
    if type_ == R.ITEMS:
        assert _items(value)
        return ", ".join(i.text for i in value)
    return str(value)


# A fact's or column's type says which of R.Value its values are; these check it.
def _texts(value: R.Value) -> TypeGuard[tuple[str, ...]]:
    return isinstance(value, tuple) and all(isinstance(v, str) for v in value)


def _scores(value: R.Value) -> TypeGuard[tuple[int, ...]]:
    return isinstance(value, tuple) and all(isinstance(v, int) for v in value)


def _items(value: R.Value) -> TypeGuard[tuple[R.Item, ...]]:
    return isinstance(value, tuple) and all(isinstance(v, R.Item) for v in value)


class _ItemObject(dict[str, R.ItemField]):
    """An Item as JSON holds it: a plain object of its data, which keeps the
    item's text for csv, since csv writes the texts of the plain values."""

    __slots__ = ("text",)

    def __init__(self, item: R.Item) -> None:
        super().__init__(item.data)
        self.text = item.text


def sparkline(scores: Iterable[int]) -> str:
    """Home scores 1 to 5 as one character each: ▁▂▃▅█."""
    return "".join(SPARKS[s - 1] for s in scores)


def plain(value: R.Value, type_: str) -> object:
    """A value as JSON holds it (csv writes the same, lists joined by `; `)."""
    if value is None:
        return None
    if type_ == R.DATE:
        assert isinstance(value, date)
        return value.isoformat()
    if type_ == R.LENGTH:
        assert isinstance(value, R.Length)
        return value.days
    if type_ in (R.SHARE, R.NUMBER):
        assert isinstance(value, int | float)
        return round(value, 4)
    if type_ in (R.LIST, R.SCORES):
        assert isinstance(value, tuple)
        return list(value)
    if type_ == R.ITEMS:
        assert _items(value)
        return [_ItemObject(i) for i in value]
    return value


def _cover(c: R.Cover) -> str:
    if c.label == "as of":
        return f"as of {c.end}"
    return f"{c.label}: {c.start or '…'} → {c.end}"


def _covers(section: R.Section) -> str:
    """The covers text and markdown print by a heading: "as of" and "period" (the
    review's, shown in its heading as `listed`) are in the title lines already,
    and a span with no start (no main role yet) says nothing."""
    return "; ".join(_cover(c) for c in section.covers
                     if c.label not in ("as of", "period") and (c.start is not None or c.label == "listed"))


def _heading(report: R.Report) -> list[str]:
    who = f": {report.owner}" if report.owner else ""
    career = _cover(report.career) if report.career.start else "career: no main role yet"
    lines = [f"{report.title}{who}, as of {report.as_of}", career]
    if report.window.bounded:
        lines.append(_cover(R.Cover("listed", report.window.begin, report.window.end or report.as_of)))
    return lines


def _shown(section: R.Section) -> list[R.Column]:
    """The columns text and markdown show: a row's source (`file:line`) is for
    programs and the HTML tooltips, not for reading."""
    return [c for c in section.columns if c.type != R.SOURCE]


def whole_percents(shares: Sequence[float]) -> list[int] | None:
    """Shares that make a whole, as whole percents that add up to 100 (largest
    remainder: the rounding goes to the shares that lost most), or None when
    they do not make a whole."""
    if not shares or abs(sum(shares) - 1) > 1e-9:
        return None
    raw = [s * 100 for s in shares]
    out = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)[: 100 - sum(out)]:
        out[i] += 1
    return out


def _share_texts(section: R.Section) -> dict[tuple[int, int], str]:
    """(row, column) -> text, for each share column whose rows (but a 100% total
    row) make a whole: shown so that they add up to 100%, not 99% or 101%."""
    out = {}
    for c, col in enumerate(section.columns):
        if col.type != R.SHARE:
            continue
        parts = [(r, v) for r, row in enumerate(section.rows)
                 if isinstance(v := row[c], float) and v != 1.0]
        percents = whole_percents([v for _, v in parts])
        if percents is not None:
            out.update({(r, c): f"{p}%" for (r, _), p in zip(parts, percents, strict=True)})
    return out


def _rows(section: R.Section, cell: Callable[[R.Value, R.Column], str]) -> list[list[str]]:
    """Table rows as strings; with `group`, a first cell equal to the one above is blanked."""
    out = []
    prev: object = object()
    shares = _share_texts(section)
    for r, row in enumerate(section.rows):
        cells = [shares.get((r, i)) or cell(v, c) for i, (v, c) in enumerate(zip(row, section.columns, strict=True))
                 if c.type != R.SOURCE]
        if section.group:
            first = row[0]
            if first == prev:
                cells[0] = ""
            prev = first
        out.append(cells)
    return out


def _strips(section: R.Section) -> list[tuple[R.Value, R.Value, str, R.Value]]:
    """Periods as one strip per contract: (contract, first period, ■□…, last period)."""
    keys = [c.key for c in section.columns]
    i_contract, i_period, i_kept = keys.index("contract"), keys.index("period"), keys.index("kept")
    strips: dict[R.Value, list[R.Row]] = {}
    for row in section.rows:
        strips.setdefault(row[i_contract], []).append(row)
    return [
        (contract, rows[0][i_period], "".join(KEPT if r[i_kept] else MISSED for r in rows), rows[-1][i_period])
        for contract, rows in strips.items()
    ]


# --- text ------------------------------------------------------------------------------


def text(report: R.Report, width: int = fit.DEFAULT_WIDTH, paint: fit.Paint = fit.PLAIN) -> str:
    """The report for a terminal: no line wider than `width` (docs/json.md's
    types say how each value is written), coloured by `paint`."""
    inner = width - 2  # sections are indented by two spaces
    out: list[str] = []
    for i, line in enumerate(_heading(report)):
        wrapped = fit.wrap(line, width, hang=2)
        out.append(paint(wrapped[0], "heading" if i == 0 else None))
        out.extend("  " + x for x in wrapped[1:])
    for s in report.sections:
        out.append("")
        covers = _covers(s)
        title = fit.wrap(f"{s.title}  ({covers})" if covers else s.title, width, hang=2)
        out += [paint(title[0], "heading")] + ["  " + x for x in title[1:]]
        if s.kind == "facts":
            facts = [f for f in s.facts if f.none is not None or not _blank(f.value)]
            pairs = [(f.label, _cell(f.value, f.type, f.none)) for f in facts]
            tones = [_tone(f.value, f.type, f.key) for f in facts]
            lines = fit.table((fit.Col(None), fit.Col(None)), pairs, inner, paint=paint,
                              tone=_value_tone(tones))
        elif not s.rows:
            assert s.empty is not None  # a table with no empty text always has rows
            lines = fit.wrap(s.empty, inner)
        elif s.strip:
            strips = [(str(c), human(a, R.TEXT), k, human(b, R.TEXT)) for c, a, k, b in _strips(s)]
            lines = fit.table((fit.Col("contract"), fit.Col("from"), fit.Col(f"{KEPT} kept  {MISSED} missed", True),
                               fit.Col("to")), strips, inner, paint=paint,
                              tone=lambda r, c: "strip" if c == 2 else None)
        else:
            shown = _shown(s)
            keep = [i for i, c in enumerate(s.columns) if c.type != R.SOURCE]
            rows = _rows(s, lambda v, c: _cell(v, c.type, c.none))
            tone_rows = [[_tone(row[i], s.columns[i].type, s.columns[i].key) for i in keep] for row in s.rows]
            lines = fit.table([fit.Col(c.label) for c in shown], rows, inner, paint=paint,
                              tone=_cell_tone(tone_rows))
        out.extend(fit.indent(lines, "  "))
    return "\n".join(out) + "\n"


def _value_tone(tones: Sequence[str | None]) -> fit.Tone:
    """A facts table's tones: the value's, never the label's."""
    return lambda r, c: tones[r] if c == 1 else None


def _cell_tone(tones: Sequence[Sequence[str | None]]) -> fit.Tone:
    return lambda r, c: tones[r][c]


def _cell(value: R.Value, type_: str, none: str | None) -> str:
    """A value as text shows it, a list's items each kept on one line where they fit."""
    if type_ == R.LIST and value and _texts(value):
        return ", ".join(v.replace(" ", fit.NBSP) for v in value)
    if type_ == R.ITEMS and value and _items(value):
        return ", ".join(i.text.replace(" ", fit.NBSP) for i in value)
    return human(value, type_, none)


_GOOD = frozenset({"done", "kept", "success", "mastered", "up"})
_BAD = frozenset({"overdue", "missed", "failure", "down"})


def _tone(value: R.Value, type_: str, key: str) -> str | None:
    """How a cell is coloured: overdue and missed red, done and kept green."""
    if type_ == R.BOOL and value is not None:
        if "kept" in key:
            return "good" if value else "bad"
        if key in ("stale", "overdue", "missed"):
            return "bad" if value else None
        return None
    if type_ == R.TEXT and isinstance(value, str):
        return "good" if value in _GOOD else "bad" if value in _BAD else None
    return None


def _blank(value: R.Value) -> bool:
    return value is None or value == ()


# --- markdown ------------------------------------------------------------------------


def markdown(report: R.Report) -> str:
    first, *rest = _heading(report)
    out = [f"# {_md(first)}", "", " · ".join(_md(x) for x in rest)]
    for s in report.sections:
        out += ["", f"## {_md(s.title)}", ""]
        covers = _covers(s)
        if covers:
            out += [f"*{_md(covers)}*", ""]
        if s.kind == "facts":
            out += [f"- **{_md(f.label)}:** {_md(human(f.value, f.type, f.none))}" for f in s.facts
                    if f.none is not None or not _blank(f.value)]
        elif not s.rows:
            assert s.empty is not None  # a table with no empty text always has rows
            out.append(f"*{_md(s.empty)}*")
        else:
            rows = _rows(s, lambda v, c: _md(human(v, c.type, c.none)))
            out.append(_pipe_table([_md(c.label) for c in _shown(s)], rows))
    return "\n".join(out) + "\n"


def _pipe_table(headers: list[str], rows: list[list[str]]) -> str:
    """A markdown (GitHub) table laid out as tabulate's `github` format lays it
    out, left-aligned, columns padded so that the source reads as a table too.
    Written here because importing tabulate costs a report 20-40 ms (0.10
    imports importlib.metadata); tests/test_report_formats.py holds the two
    together."""
    rows = [[cell.strip() for cell in row] for row in rows]
    # len, not terminal cells: markdown is read as source text, and tabulate counts so too
    widths = [max([len(h) + fit.HEADER_PAD] + [len(row[i]) for row in rows]) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    return "\n".join(lines)


def _md(value: str) -> str:
    """Escape what would break a line of markdown or a table cell."""
    for ch in "\\|*_`[]<>":
        value = value.replace(ch, "\\" + ch)
    return value


# --- csv -------------------------------------------------------------------------------


def csv_(report: R.Report) -> str:
    """One section's table: the header row (column keys; `field,value` for
    facts), then its rows. A spreadsheet reads one table per file, so a report
    of several sections is rendered one section at a time (`only`, --section)."""
    import csv  # csv and json only for their formats: text and markdown need neither

    assert len(report.sections) == 1, "csv renders one section: pick it with only()"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    s = report.sections[0]
    if s.kind == "facts":
        w.writerow(["field", "value"])
        for f in s.facts:
            w.writerow([f.key, _csv(plain(f.value, f.type))])
    else:
        w.writerow([c.key for c in s.columns])
        for row in s.rows:
            w.writerow([_csv(plain(v, c.type)) for v, c in zip(row, s.columns, strict=True)])
    return buf.getvalue()


def _csv(value: object) -> object:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(v.text if isinstance(v, _ItemObject) else str(v) for v in value)
    return value


# --- json ------------------------------------------------------------------------------


class _Header(TypedDict):
    careerledger_json: int
    report: str
    title: str
    owner: str | None
    as_of: str
    career: dict[str, str | None]
    listed: dict[str, str | None]


def _header(report: R.Report) -> _Header:
    return {
        "careerledger_json": JSON_VERSION,
        "report": report.name,
        "title": report.title,
        "owner": report.owner,
        "as_of": report.as_of.isoformat(),
        "career": {"start": _iso(report.career.start), "end": _iso(report.career.end)},
        "listed": {"begin": _iso(report.window.begin), "end": _iso(report.window.end)},
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def to_data(report: R.Report) -> dict[str, object]:
    """The Report as JSON-ready data (documented in docs/json.md)."""
    data: dict[str, object] = dict(_header(report))
    sections = []
    for s in report.sections:
        item: dict[str, object] = {
            "key": s.key,
            "title": s.title,
            "kind": s.kind,
            "covers": [{"label": c.label, "start": _iso(c.start), "end": _iso(c.end)} for c in s.covers],
        }
        if s.kind == "facts":
            item["fields"] = [{"key": f.key, "label": f.label, "type": f.type} for f in s.facts]
            item["facts"] = {f.key: plain(f.value, f.type) for f in s.facts}
        else:
            item["columns"] = [{"key": c.key, "label": c.label, "type": c.type} for c in s.columns]
            item["rows"] = [{c.key: plain(v, c.type) for v, c in zip(row, s.columns, strict=True)} for row in s.rows]
        sections.append(item)
    data["sections"] = sections
    return data


def json_(report: R.Report) -> str:
    import json

    return json.dumps(to_data(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


RENDERERS: dict[str, Callable[[R.Report], str]] = {"text": text, "json": json_, "csv": csv_, "markdown": markdown,
                                                   "html": lambda report: render(report, "html")}
assert tuple(RENDERERS) == REPORT_FORMATS
