"""The charts of the HTML summary (render/html.py), as inline SVG strings.

Every chart is drawn from Report objects only: the rows and facts the reports
already hold (dates, Lengths, shares, counts). Nothing here reads the ledger or
computes a figure; the only arithmetic is layout (a date's x, a share's width).

The SVGs are sized by their viewBox, so they scale to the page; colours are CSS
classes (html.py's stylesheet has a light and a dark palette), never inline
colours, so one drawing serves both. Every mark carries an SVG <title> (the
tooltip: its dates and, where the report has it, the entry's file:line) and a
`data-kind` attribute, which the tests count.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import NamedTuple

from ..core.schema import LEVELS
from ..reports import model as R
from .report import human

WIDTH = 1000  # the viewBox width of a full-width chart
HALF = 490  # ... of a chart drawn half-width, two to a row
LEFT = 170  # the label column of the time charts
PAD = 16  # right margin
FONT = 13  # px in viewBox units: about 8px on an A4 page
SMALL = 12

Record = dict[str, R.Value]  # one table row (or the facts of a section), key -> value


# --- reading reports -----------------------------------------------------------------------


def section(report: R.Report | None, key: str) -> R.Section | None:
    if report is None:
        return None
    return next((s for s in report.sections if s.key == key), None)


def records(report: R.Report | None, key: str) -> list[Record]:
    """The rows of a table section as key -> value; none when the section is absent."""
    s = section(report, key)
    if s is None or s.kind != "table":
        return []
    keys = [c.key for c in s.columns]
    return [dict(zip(keys, row, strict=True)) for row in s.rows]


def facts(report: R.Report | None, key: str) -> Record:
    s = section(report, key)
    return {f.key: f.value for f in s.facts} if s is not None and s.kind == "facts" else {}


def day(value: R.Value) -> date | None:
    return value if isinstance(value, date) else None


def text(value: R.Value) -> str:
    return value if isinstance(value, str) else ""


def length(value: R.Value) -> R.Length | None:
    return value if isinstance(value, R.Length) else None


def count(value: R.Value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def share(value: R.Value) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


# --- SVG pieces ----------------------------------------------------------------------------


def _num(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return str(v)


def el(tag: str, body: str = "", /, **attrs: object) -> str:
    """One element: `class_` is `class`, other underscores are hyphens, None is left
    out; attribute values and nothing else are escaped here (bodies are built
    escaped already)."""
    parts = [tag]
    for k, v in attrs.items():
        if v is None:
            continue
        name = "class" if k == "class_" else k.replace("_", "-")
        parts.append(f'{name}="{escape(_num(v))}"')
    head = " ".join(parts)
    return f"<{head}>{body}</{tag}>" if body else f"<{head}/>"


def tip(*lines: str) -> str:
    """The tooltip of a mark: an SVG <title>, one line per non-empty line."""
    return el("title", escape("\n".join(line for line in lines if line)))


def label(x: float, y: float, words: str, cls: str = "label", anchor: str = "start", size: int = FONT) -> str:
    return el("text", escape(words), x=x, y=y, class_=cls, text_anchor=anchor, font_size=size)


def width_of(words: str, size: int = FONT, bold: bool = False) -> float:
    """About how wide `words` is in the system sans-serif: no font metrics in
    the renderer, so a generous average glyph width keeps labels from colliding."""
    return len(words) * size * (0.64 if bold else 0.58)


def fit(words: str, room: float, size: int = FONT, bold: bool = False) -> str | None:
    """`words`, cut with `…` to fit `room`; None when not even three letters fit."""
    if width_of(words, size, bold) <= room:
        return words
    n = int(room / (size * (0.64 if bold else 0.58))) - 1
    return words[:n].rstrip() + "…" if n >= 3 else None


def svg(width: float, height: float, body: Iterable[str], title: str, cls: str = "chart") -> str:
    """An inline SVG scaled by its viewBox; `title` is its accessible name."""
    return el("svg", el("title", escape(title)) + "".join(body), xmlns="http://www.w3.org/2000/svg",
              viewBox=f"0 0 {_num(width)} {_num(height)}", class_=cls, role="img",
              preserveAspectRatio="xMinYMin meet")


def span(value: R.Value, start: R.Value, end: R.Value) -> str:
    """`2016-09-05 → 2018-04-02 (1y 6m 28d)` as a tooltip says it; `now` when open."""
    first = human(start, R.DATE)
    last = human(end, R.DATE, "now")
    size = f" ({human(value, R.LENGTH)})" if isinstance(value, R.Length) else ""
    return f"{first} → {last}{size}"


# --- the time axis -------------------------------------------------------------------------


class Scale(NamedTuple):
    """Dates to x: [start, end] onto [x0, x1]."""

    start: date
    end: date
    x0: float
    x1: float

    def x(self, d: date) -> float:
        days = max((self.end - self.start).days, 1)
        return self.x0 + (d - self.start).days / days * (self.x1 - self.x0)


def scale_of(days: Iterable[date | None], x0: float, x1: float) -> Scale | None:
    """The scale holding every day given, a little padded; None with no day."""
    known = sorted(d for d in days if d is not None)
    if not known:
        return None
    first, last = known[0], known[-1]
    pad = max((last - first).days // 60, 20)  # a margin so end markers are not cut
    # the calendar's edges stop the margin (a ledger of 0001-01-01 or 9999-12-31)
    lo = max(first.toordinal() - pad, date.min.toordinal())
    hi = min(last.toordinal() + pad, date.max.toordinal())
    return Scale(date.fromordinal(lo), date.fromordinal(hi), x0, x1)


def year_ticks(scale: Scale, top: float, bottom: float) -> list[str]:
    """A faint line at each new year (every 2 or 5 when years are narrow), labelled below."""
    years = range(scale.start.year + 1, scale.end.year + 1)
    per_year = (scale.x1 - scale.x0) / max(len(years), 1)
    step = 1 if per_year >= 42 else 2 if per_year >= 21 else 5
    out = []
    for y in years:
        if y % step:
            continue
        x = scale.x(date(y, 1, 1))
        out.append(el("line", x1=x, x2=x, y1=top, y2=bottom, class_="grid"))
        out.append(label(x, bottom + 14, str(y), "axis", "middle", SMALL))
    return out


def day_lines(scale: Scale, top: float, bottom: float, as_of: date, horizon: date | None,
              horizon_source: str, labelled: bool = True) -> list[str]:
    """The vertical lines for today (as-of) and the north star's horizon. Their
    labels sit above `top`, pointing away from each other so they never overlap."""
    out = []
    marks = [("today", as_of, f"as of {as_of}", "as of (today)", "")]
    if horizon is not None:
        marks.append(("horizon", horizon, f"north star by {horizon}", "the north star's horizon", horizon_source))
    marks.sort(key=lambda m: m[1])
    taken: list[tuple[float, float, int]] = []  # labels placed: (left, right, row)
    for i, (kind, d, words, what, source) in enumerate(marks):
        x = scale.x(d)
        w = width_of(words, SMALL, bold=True)
        # the earlier of two points left, the later right; either turns when it would leave the chart
        left = i == 0 and len(marks) == 2
        if (left and x - 4 - w < 0) or (not left and x + 4 + w > WIDTH):
            left = not left
        span_ = (x - 4 - w, x - 4) if left else (x + 4, x + 4 + w)
        row = 0
        while any(a < span_[1] + 6 and span_[0] < b + 6 and r == row for a, b, r in taken):
            row += 1
        taken.append((*span_, row))
        body = [tip(f"{what}: {d}", source),
                el("line", x1=x, x2=x, y1=top - 4 - row * 13, y2=bottom, class_=f"day-line {kind}"),
                el("line", x1=x, x2=x, y1=top - 4, y2=bottom, class_="hover")]
        if labelled:
            body.append(label(x - 4 if left else x + 4, top - 6 - row * 13, words, f"day-label {kind}",
                              "end" if left else "start", SMALL))
        out.append(el("g", "".join(body), data_kind=kind))
    return out


# --- the timeline --------------------------------------------------------------------------

LANE = 38  # height of one organisation's lane
BAR = 22  # a main role's bar
THIN = 7  # a side role's
BET_ROW = 26


def _phase_class(phase: R.Value) -> str:
    return f"ph-{phase}" if phase in ("learning", "impact", "gap") else "ph-none"


def timeline_patterns() -> str:
    """The hatch of innovation roles: the phase colour crossed by light stripes."""
    out = []
    for phase in ("learning", "impact", "none"):
        out.append(el("pattern", el("rect", width=7, height=7, class_=f"ph-{phase}")
                      + el("line", x1=0, y1=0, x2=0, y2=7, class_="hatch"),
                      id=f"hatch-{phase}", patternUnits="userSpaceOnUse", width=7, height=7,
                      patternTransform="rotate(45)"))
    return el("defs", "".join(out))


def timeline(scale: Scale, roles: Sequence[Record], runs: Sequence[Record], bets: Sequence[Record],
             as_of: date, horizon: date | None, horizon_source: str) -> str:
    """One lane per organisation (in the order they first appear), each role a bar
    coloured by its phase, innovation roles hatched, side roles thin; above them
    the phase runs with the gaps, below them the bets; lines for today and the
    horizon."""
    orgs = list(dict.fromkeys(text(r["org"]) for r in roles))
    top = 34  # room for the day labels
    lanes_top = top + 22  # below the strip of phase runs
    lanes_bottom = lanes_top + len(orgs) * LANE
    bets_top = lanes_bottom + 8
    placed = _bet_rows(scale, bets)
    bottom = bets_top + max((row + 1 for _, row in placed), default=1) * BET_ROW

    # drawn in layers: lanes, then the year grid, then the marks, then the day lines
    body = [timeline_patterns()]
    for i, org in enumerate(orgs):
        y = lanes_top + i * LANE
        body.append(el("rect", x=0, y=y, width=WIDTH, height=LANE, class_="lane" + (" odd" if i % 2 else "")))
        body.append(el("g", tip(org) + label(8, y + LANE / 2 + 4, fit(org, LEFT - 14) or "", "lane-label")))
    body += year_ticks(scale, top - 4, bottom)

    # the phase runs: learning, impact and the gaps between main roles
    body.append(label(8, top + 10, "phases", "lane-label muted", size=SMALL))
    body += [_run(scale, r, top, 12) for r in runs]
    # gaps also as bands across the lanes: no main role was held
    body += [_gap_band(scale, r, lanes_top, lanes_bottom) for r in runs if r.get("phase") == "gap"]
    body += [_role(scale, r, lanes_top + orgs.index(text(r["org"])) * LANE) for r in roles]

    if bets:
        body.append(label(8, bets_top + 18, "bets", "lane-label muted", size=SMALL))
    body += [_bet(scale, b, bets_top + row * BET_ROW) for b, row in placed]
    body += day_lines(scale, top, bottom, as_of, horizon, horizon_source)
    return svg(WIDTH, bottom + 22, body, "Timeline of the career: roles by organisation, phases and bets",
               "chart timeline")


def _run(scale: Scale, r: Record, y: float, h: float) -> str:
    start, end = day(r.get("from")), length(r.get("length"))
    if start is None or end is None:
        return ""
    x0, x1 = scale.x(start), scale.x(end.end)
    phase = text(r.get("phase"))
    return el("g", tip(f"{phase}: {span(end, start, r.get('to'))}", text(r.get("started_by")))
              + el("rect", x=x0, y=y, width=max(x1 - x0, 1.5), height=h, rx=2, class_=f"run {_phase_class(phase)}"),
              data_kind="run", data_phase=phase)


def _gap_band(scale: Scale, r: Record, top: float, bottom: float) -> str:
    start, end = day(r.get("from")), length(r.get("length"))
    if start is None or end is None:
        return ""
    x0, x1 = scale.x(start), scale.x(end.end)
    words = fit("gap", x1 - x0 - 4, SMALL)
    body = tip(f"gap: {span(end, start, r.get('to'))}", text(r.get("started_by")))
    body += el("rect", x=x0, y=top, width=max(x1 - x0, 1.5), height=bottom - top, class_="gap-band")
    if words:
        body += label((x0 + x1) / 2, top + 12, words, "gap-label", "middle", SMALL)
    return el("g", body, data_kind="gap")


def _role(scale: Scale, r: Record, y: float) -> str:
    start, size = day(r.get("from")), length(r.get("length"))
    if start is None or size is None:
        return ""
    x0, x1 = scale.x(start), scale.x(size.end)
    w = max(x1 - x0, 2.0)
    title, phase, track, step = text(r.get("title")), r.get("phase"), text(r.get("track")), text(r.get("step"))
    side = step.split(",")[0] == "side"
    ph = _phase_class(phase).removeprefix("ph-")
    paint = f"innovation hatch-{ph}" if track == "innovation" else f"ph-{ph}"
    cls = f"role {paint}" + (" side" if side else "")
    tooltip = tip(f"{title} at {text(r.get('org'))}", span(size, start, r.get("to")),
                  ", ".join(x for x in (track, text(phase) or "no phase", step) if x),
                  text(r.get("source")))
    if side:
        bar = el("rect", x=x0, y=y + LANE - THIN - 6, width=w, height=THIN, rx=3, class_=cls, data_kind="role",
                 data_phase=ph, data_track=track)
        words = fit(title, w - 2, SMALL)
        text_ = label(x0 + 1, y + LANE - THIN - 10, words, "side-label", size=SMALL) if words else ""
        return el("g", tooltip + bar + text_, class_="mark")
    bar = el("rect", x=x0, y=y + 5, width=w, height=BAR, rx=4, class_=cls, data_kind="role", data_phase=ph,
             data_track=track)
    words = fit(title, w - 10, SMALL, bold=True)
    text_ = label(x0 + 5, y + 5 + BAR / 2 + 4, words, f"bar-label on-{ph}", size=SMALL) if words else ""
    return el("g", tooltip + bar + text_, class_="mark")


def _bet_label_x(scale: Scale, b: Record) -> float:
    """Where a bet's name starts: over its start, or pulled left to end inside the chart."""
    start = day(b.get("opened"))
    assert start is not None
    return min(scale.x(start) - 2, WIDTH - PAD - width_of(text(b.get("bet")), SMALL))


def _bet_extent(scale: Scale, b: Record) -> tuple[float, float]:
    start, size = day(b.get("opened")), length(b.get("length"))
    assert start is not None
    assert size is not None
    x0, x1, lx = scale.x(start), scale.x(size.end), _bet_label_x(scale, b)
    return min(x0 - 7, lx), max(x1 + 7, lx + width_of(text(b.get("bet")), SMALL)) + 10


def _bet_rows(scale: Scale, bets: Sequence[Record]) -> list[tuple[Record, int]]:
    """Each bet (in the report's order) with the row it is drawn in: the first row
    where it and its name stay clear of the bets already there."""
    edges: list[float] = []  # each row's right edge so far
    placed = []
    for b in bets:
        if day(b.get("opened")) is None or length(b.get("length")) is None:
            continue
        left, right = _bet_extent(scale, b)
        row = next((i for i, edge in enumerate(edges) if left >= edge), len(edges))
        if row == len(edges):
            edges.append(right)
        edges[row] = right
        placed.append((b, row))
    return placed


def _bet(scale: Scale, b: Record, y: float) -> str:
    start, size = day(b.get("opened")), length(b.get("length"))
    assert start is not None
    assert size is not None
    outcome = text(b.get("outcome")) or "open"
    big = b.get("size") == "big"
    x0, x1 = scale.x(start), scale.x(size.end)
    ly = y + 18
    r = 6.0 if big else 4.5
    body = [tip(f"bet: {text(b.get('bet'))} ({text(b.get('size'))})",
                f"{span(size, start, b.get('closed'))}", f"outcome: {outcome}", text(b.get("source"))),
            el("line", x1=x0, x2=x1, y1=ly, y2=ly, class_=f"bet-line {'big' if big else 'small'}"
               + (" open" if outcome == "open" else "")),
            el("circle", cx=x0, cy=ly, r=2.5, class_="bet-start"),
            outcome_marker(outcome, x1, ly, r),
            label(_bet_label_x(scale, b), y + 8, text(b.get("bet")), "bet-label", size=SMALL)]
    return el("g", "".join(body), class_="mark bet", data_kind="bet", data_outcome=outcome,
              data_size=text(b.get("size")))


def outcome_marker(outcome: str, x: float, y: float, r: float) -> str:
    """A bet's end: a filled disc for success, a cross for failure, a diamond for a
    pivot, a square when stopped, a ring while open: the shape alone tells them apart."""
    cls = f"outcome {outcome}"
    if outcome == "success":
        return el("circle", cx=x, cy=y, r=r, class_=cls)
    if outcome == "failure":
        d = r * 0.85
        return el("path", d=f"M{_num(x - d)} {_num(y - d)}L{_num(x + d)} {_num(y + d)}"
                  f"M{_num(x - d)} {_num(y + d)}L{_num(x + d)} {_num(y - d)}", class_=cls)
    if outcome == "pivot":
        return el("path", d=f"M{_num(x)} {_num(y - r)}L{_num(x + r)} {_num(y)}L{_num(x)} {_num(y + r)}"
                  f"L{_num(x - r)} {_num(y)}Z", class_=cls)
    if outcome == "stopped":
        d = r * 0.8
        return el("rect", x=x - d, y=y - d, width=2 * d, height=2 * d, class_=cls)
    return el("circle", cx=x, cy=y, r=r - 1, class_="outcome open")


# --- the phase balance ---------------------------------------------------------------------


def balance(rows: Sequence[Record], covers: Sequence[R.Cover]) -> str:
    """Career and trailing-5-year shares of learning, impact and gap as two stacked bars."""
    x0, x1 = 120, HALF - 10
    parts = [r for r in rows if r.get("phase") != "all"]
    spans = {c.label: c for c in covers}
    body = []
    for i, (key, name, cover) in enumerate((("career", "career", "career"),
                                              ("recent", "trailing 5y", "trailing 5 years"))):
        y = 14 + i * 44
        c = spans.get(cover)
        body.append(el("g", tip(f"{cover}: {c.start or '…'} → {c.end}" if c else cover)
                       + label(0, y + 17, name, "lane-label")))
        x = float(x0)
        for r in parts:
            phase = text(r.get("phase"))
            s = share(r.get(f"{key}_share"))
            w = s * (x1 - x0)
            if w <= 0:
                continue
            pct = human(s, R.SHARE)
            # "learning 45%" where it fits, else "45%", else nothing (the tooltip has it)
            words = next((x_ for x_ in (f"{phase} {pct}", pct) if width_of(x_, SMALL, bold=True) <= w - 8), None)
            body.append(el("g", tip(f"{phase}: {human(r.get(f'{key}_days'), R.DAYS)}, {pct} of {cover}")
                           + el("rect", x=x, y=y, width=w, height=26, class_=f"seg {_phase_class(phase)}")
                           + (label(x + w / 2, y + 17, words, f"bar-label on-{phase}", "middle", SMALL)
                              if words else ""),
                           data_kind="share", data_phase=phase))
            x += w
    return svg(HALF, 100, body, "Phase balance: learning, impact and gap, career and trailing five years",
               "chart balance")


# --- contracts: kept and missed periods ----------------------------------------------------

CELL = 13  # a period's square
STEP = 16  # ... and the distance to the next


def contracts(periods: Sequence[Record], contracts_: Sequence[Record]) -> str:
    """Each contract's whole periods as a row of cells, like a contribution calendar:
    kept a filled green square, missed a red outline crossed out. Rows wrap."""
    by: dict[str, list[Record]] = {}
    for p in periods:
        by.setdefault(text(p.get("contract")), []).append(p)
    about = {text(c.get("contract")): c for c in contracts_}
    left = 74  # room for a period's label (`2025-W49`) before its row
    per_row = int((HALF - left - 74) // STEP)
    body: list[str] = []
    y = 2.0
    for name, cells in by.items():
        c = about.get(name, {})
        source = text(c.get("source"))
        stats = f"every {text(c.get('every'))} · {count(c.get('kept'))} kept, {count(c.get('missed'))} missed"
        body.append(el("g", tip(f"{name}: {stats}", source)
                       + label(0, y + 13, fit(name, HALF - 4, FONT, bold=True) or "", "row-title")
                       + label(0, y + 29, stats, "muted", size=SMALL)))
        y += 38
        for start in range(0, len(cells), per_row):
            chunk = cells[start:start + per_row]
            body.append(label(left - 6, y + CELL - 2, text(chunk[0].get("period")), "axis", "end", SMALL))
            for j, p in enumerate(chunk):
                body.append(_cell(left + j * STEP, y, p, source))
            body.append(label(left + len(chunk) * STEP + 4, y + CELL - 2, text(chunk[-1].get("period")),
                              "axis", size=SMALL))
            y += STEP + 2
        y += 10
    return svg(HALF, y, body, "Contracts: each period kept or missed", "chart contracts")


def _cell(x: float, y: float, p: Record, source: str) -> str:
    kept = p.get("kept") is True
    updates = count(p.get("updates"))
    tooltip = tip(f"{text(p.get('period'))}: {human(p.get('from'), R.DATE)} → {human(p.get('to'), R.DATE)}",
                  f"{updates} update{'' if updates == 1 else 's'}: {'kept' if kept else 'missed'}", source)
    box = el("rect", x=x + 0.5, y=y + 0.5, width=CELL - 1, height=CELL - 1, rx=2.5,
             class_="cell " + ("kept" if kept else "missed"))
    a, b = 3.5, CELL - 3.5  # the cross of a missed period, corner to corner inside the square
    cross = "" if kept else el("path", d=f"M{_num(x + a)} {_num(y + a)}L{_num(x + b)} {_num(y + b)}"
                                         f"M{_num(x + a)} {_num(y + b)}L{_num(x + b)} {_num(y + a)}", class_="cross")
    return el("g", tooltip + box + cross, data_kind="period", data_kept="yes" if kept else "no")


# --- updates per month ---------------------------------------------------------------------


def months(rows: Sequence[Record], cover: str) -> str:
    """Updates per month as columns, the count above each."""
    x0, x1, top, bottom = 24, HALF - 6, 18, 96
    most = max((count(r.get("updates")) for r in rows), default=0) or 1
    w = (x1 - x0) / max(len(rows), 1)
    body = [el("line", x1=x0, x2=x1, y1=bottom, y2=bottom, class_="axis-line")]
    for i, r in enumerate(rows):
        n = count(r.get("updates"))
        h = n / most * (bottom - top)
        x = x0 + i * w
        month = text(r.get("month"))
        body.append(el("g", tip(f"{month}: {n} update{'' if n == 1 else 's'}")
                       + el("rect", x=x + w * 0.18, y=bottom - h, width=w * 0.64, height=max(h, 0), rx=2,
                            class_="month-bar")
                       + label(x + w / 2, bottom - h - 4, str(n), "axis", "middle", SMALL),
                       data_kind="month", data_updates=n))
        name, year = _month_name(month)
        body.append(label(x + w / 2, bottom + 14, name, "axis", "middle", 11))
        if year and (i == 0 or name == "Jan"):
            body.append(label(x + w / 2, bottom + 27, year, "axis", "middle", 11))
    return svg(HALF, 130, body, f"Updates per month ({cover})", "chart months")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_name(label_: str) -> tuple[str, str]:
    """`2026-01` -> (`Jan`, `2026`); anything else as it is."""
    year, _, month = label_.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return MONTHS[int(month) - 1], year
    return label_, ""


# --- the north star's needs: a ladder ------------------------------------------------------

RUNG = 13  # between two levels
NEED = RUNG * (len(LEVELS) - 1) + 42  # one need's row


def ladder(scale: Scale, needs: Sequence[Record], steps: Sequence[Record], as_of: date,
           horizon: date | None, horizon_source: str) -> str:
    """Each need of the north star on its own ladder, novice at the bottom and mastered
    at the top, the skill's entries climbing it over time (on the timeline's axis)."""
    by: dict[str, list[Record]] = {}
    for s in steps:
        by.setdefault(text(s.get("skill")), []).append(s)
    top = 12  # no day labels: the timeline above has them
    body: list[str] = []
    for i, n in enumerate(needs):
        need = text(n.get("need"))
        body.append(_need(scale, need, n, by.get(need, []), top + i * NEED, as_of))
    bottom = top + len(needs) * NEED
    body[0:0] = year_ticks(scale, top - 4, bottom)
    body += day_lines(scale, top, bottom, as_of, horizon, horizon_source, labelled=False)
    return svg(WIDTH, bottom + 22, body, "The north star's needs: each skill from novice to mastered over time",
               "chart ladder")


def _need(scale: Scale, need: str, n: Record, steps: Sequence[Record], y: float, as_of: date) -> str:
    level = n.get("level")
    base = y + 26 + RUNG * (len(LEVELS) - 1)  # the novice rung

    def rung_y(lv: R.Value) -> float:
        return base - LEVELS.index(str(lv)) * RUNG

    status = human(level, R.TEXT, "no entry yet")
    body = [el("text", el("tspan", escape(need), class_="row-title")
               + el("tspan", escape(f"  {status}"), class_="muted", font_size=SMALL), x=0, y=y + 14)]
    for lv in LEVELS:
        ry = rung_y(lv)
        top = " top" if lv == LEVELS[-1] else ""  # mastered: the rung every need aims at
        body.append(el("line", x1=LEFT, x2=WIDTH - PAD, y1=ry, y2=ry, class_="rung" + top))
        body.append(label(LEFT - 8, ry + 4, lv, "axis", "end", 11))
    dated = [(d, s) for s in steps if (d := day(s.get("date"))) is not None and s.get("level") in LEVELS]
    if dated:
        # the climb: level held from each entry to the next, the last to as-of
        points: list[tuple[float, float]] = []
        for d, s in dated:
            x = scale.x(d)
            if points:
                points.append((x, points[-1][1]))  # along the rung held until this entry
            points.append((x, rung_y(s.get("level"))))
        points.append((scale.x(as_of), points[-1][1]))
        body.append(el("polyline", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points), class_="climb"))
        for d, s in dated:
            lv = text(s.get("level"))
            prev = human(s.get("from"), R.TEXT, "new")
            body.append(el("g", tip(f"#{need} {lv} on {d}", f"from {prev}", text(s.get("evidence")),
                                    text(s.get("source")))
                           + el("circle", cx=scale.x(d), cy=rung_y(lv), r=4.5,
                                class_="step" + (" mastered" if lv == LEVELS[-1] else "")),
                           data_kind="skill-step", data_skill=need, data_level=lv))
    return el("g", "".join(body), data_kind="need", data_need=need)


# --- home check-ins ------------------------------------------------------------------------


def home(rows: Sequence[Record], as_of: date) -> str:
    """The check-in scores, 1 to 5, as a line over time, each check-in a dot."""
    x0, x1, top, bottom = 26, HALF - 14, 12, 112
    dated = [(d, r) for r in rows if (d := day(r.get("date"))) is not None]
    scale = scale_of([d for d, _ in dated] + [as_of], x0, x1)
    assert scale is not None

    def y_of(score: int) -> float:
        return bottom - (score - 1) / 4 * (bottom - top)

    body = []
    for s in range(1, 6):
        body.append(el("line", x1=x0, x2=x1, y1=y_of(s), y2=y_of(s), class_="grid"))
        body.append(label(x0 - 8, y_of(s) + 4, str(s), "axis", "end", SMALL))
    body += year_ticks(scale, top, bottom)
    if len(dated) > 1:
        points = " ".join(f"{_num(scale.x(d))},{_num(y_of(count(r.get('score'))))}" for d, r in dated)
        body.append(el("polyline", points=points, class_="home-line"))
    for d, r in dated:
        score = count(r.get("score"))
        body.append(el("g", tip(f"{d}: {score} of 5", text(r.get("note")), text(r.get("source")))
                       + el("circle", cx=scale.x(d), cy=y_of(score), r=4.5, class_="home-dot"),
                       data_kind="checkin", data_score=score))
    x = scale.x(as_of)
    body.append(el("g", tip(f"as of {as_of}") + el("line", x1=x, x2=x, y1=top - 4, y2=bottom, class_="day-line today"),
                   data_kind="today"))
    return svg(HALF, bottom + 24, body, "Home check-ins: scores from 1 to 5 over time", "chart home")
