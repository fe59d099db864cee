"""Render a Report as one self-contained HTML page (`report --format html`).

The page holds everything it shows: the CSS inline, the charts as inline SVG,
no script and no URL to fetch (its Content-Security-Policy forbids any), so it
opens the same offline, from a mail attachment or years later. One stylesheet
serves light and dark (`prefers-color-scheme`) and prints on A4.

Every report is rendered section by section as the text renderer has it, with
its value formatting (render/report.py's `human`, `_covers`, `_heading`, `_rows`),
so the page never says something the text does not. The summary starts with
the one-page picture of the career drawn from its companion reports
(COMPANIONS, built career-wide by the caller): the timeline, the phase balance,
the contracts' periods, updates per month, the north star's needs and home.
Those charts are drawn in render/svg.py, from the reports' rows only.
"""

from collections.abc import Mapping
from datetime import date
from html import escape

from ..reports import model as R
from . import svg as S
from .report import KEPT, MISSED, _blank, _cover, _covers, _heading, _rows, _shown, human

# The reports each report's picture is drawn from, by name: the caller builds
# them career-wide (no window) for the same as-of and passes them to html().
COMPANIONS: dict[str, tuple[str, ...]] = {
    "summary": ("roles", "phases", "swings", "cadence", "skills", "home", "northstar"),
}


def html(report: R.Report, companions: Mapping[str, R.Report] = {}) -> str:
    """The page of `report`; `companions` are the reports named in COMPANIONS
    for it (any missing one leaves its charts out)."""
    first, *rest = _heading(report)
    body = [f"<header><h1>{escape(first)}</h1>"]
    body += [f'<p class="meta">{escape(line)}</p>' for line in rest]
    body.append("</header>")
    if report.name == "summary":
        body.append(_picture(report, companions))
    body.append('<div class="sections">')
    body += [_section(s) for s in report.sections]
    body.append("</div>")
    body.append('<footer>Written by careerledger from the ledger; every figure is defined in its docs/metrics.md.'
                "</footer>")
    return _page(first, "\n".join(body))


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        # nothing to fetch, nothing to run: the page is complete as written
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<main class="page">\n{body}\n</main>\n</body>\n</html>\n'
    )


# --- the sections, as text has them ----------------------------------------------------------

NUMERIC = (R.INT, R.DAYS, R.SHARE, R.NUMBER, R.LENGTH)  # right-aligned, in tabular figures
WIDE_TABLE = 6  # a table of more columns takes the page's width, a smaller one half of it


def _section(s: R.Section) -> str:
    covers = _covers(s)
    wide = s.kind == "table" and (s.strip or len(_shown(s)) > WIDE_TABLE)
    out = [f'<section class="card{" wide" if wide else ""}" id="s-{escape(s.key)}">', f"<h2>{escape(s.title)}</h2>"]
    if covers:
        out.append(f'<p class="covers">{escape(covers)}</p>')
    if s.kind == "facts":
        out.append(_facts(s))
    elif not s.rows:
        out.append(f'<p class="empty">{escape(s.empty or "")}</p>')
    elif s.strip:
        out.append(_strips(s))
        out.append(f"<details><summary>each period</summary>{_table(s)}</details>")
    else:
        out.append(_table(s))
    out.append("</section>")
    return "\n".join(out)


def _facts(s: R.Section) -> str:
    items = [f"<dt>{escape(f.label)}</dt><dd>{escape(human(f.value, f.type, f.none))}</dd>"
             for f in s.facts if f.none is not None or not _blank(f.value)]
    return f'<dl class="facts">{"".join(items)}</dl>'


def _table(s: R.Section) -> str:
    shown = _shown(s)
    head = "".join(f'<th{_num_class(c)}>{escape(c.label)}</th>' for c in shown)
    sources = [i for i, c in enumerate(s.columns) if c.type == R.SOURCE]
    rows = []
    for row, cells in zip(s.rows, _rows(s, lambda v, c: human(v, c.type, c.none)), strict=True):
        # the row's entry (file:line), as a tooltip: html shows source columns this way
        where = "; ".join(str(row[i]) for i in sources if row[i] is not None)
        attr = f' title="{escape(where)}" data-source="{escape(where)}"' if where else ""
        tds = "".join(f"<td{_num_class(c)}>{escape(v)}</td>" for v, c in zip(cells, shown, strict=True))
        rows.append(f"<tr{attr}>{tds}</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _num_class(c: R.Column) -> str:
    if c.type in NUMERIC:
        return ' class="num"'
    return ' class="date"' if c.type == R.DATE else ""  # a date is never broken at its hyphens


def _strips(s: R.Section) -> str:
    """A periods section as text shows it, one strip per contract, each period a cell
    (■ kept, □ missed: the glyph as well as the colour) titled with its label."""
    by: dict[str, list[S.Record]] = {}
    keys = [c.key for c in s.columns]
    for row in s.rows:
        r = dict(zip(keys, row, strict=True))
        by.setdefault(S.text(r.get("contract")), []).append(r)
    rows = []
    for contract, periods in by.items():
        cells = "".join(
            f'<span class="cell {"kept" if p.get("kept") else "missed"}" '
            f'title="{escape(S.text(p.get("period")))}: {"kept" if p.get("kept") else "missed"}">'
            f'{KEPT if p.get("kept") else MISSED}</span>' for p in periods)
        rows.append(f"<tr><th>{escape(contract)}</th><td>{escape(S.text(periods[0].get('period')))}</td>"
                    f'<td class="strip">{cells}</td><td>{escape(S.text(periods[-1].get("period")))}</td></tr>')
    return (f'<div class="scroll"><table class="strips"><thead><tr><th>contract</th><th>from</th>'
            f"<th>{KEPT} kept {MISSED} missed</th><th>to</th></tr></thead>"
            f'<tbody>{"".join(rows)}</tbody></table></div>')


# --- the summary's picture -------------------------------------------------------------------


def _picture(report: R.Report, companions: Mapping[str, R.Report]) -> str:
    """The one-page career: each figure drawn from the companions it needs, left out
    when they are missing (or have nothing to draw)."""
    get = companions.get
    roles = S.records(get("roles"), "roles")
    runs = S.records(get("phases"), "runs")
    bets = S.records(get("swings"), "bets")
    steps = S.records(get("skills"), "progression")
    needs = S.records(get("northstar"), "coverage")
    horizon = S.day(S.facts(report, "north_star").get("horizon"))
    current = [r for r in S.records(get("northstar"), "history") if r.get("replaced_on") is None]
    horizon_source = S.text(current[-1].get("source")) if current else ""

    # one time axis for the timeline and the ladder, so that they line up on the page
    days: list[date | None] = [report.career.start, report.as_of, horizon]
    for r in roles:
        days += [S.day(r.get("from")), _end(r)]
    for b in bets:
        days += [S.day(b.get("opened")), _end(b)]
    days += [S.day(s.get("date")) for s in steps]
    scale = S.scale_of(days, S.LEFT, S.WIDTH - S.PAD)

    figures = []
    if roles and scale is not None:
        figures.append(_figure("Timeline", _cover(report.career), S.timeline(
            scale, roles, runs, bets, report.as_of, horizon, horizon_source) + TIMELINE_LEGEND, "wide"))
    balance = S.section(report, "balance")
    if balance is not None and balance.rows:
        figures.append(_figure(balance.title, _covers(balance),
                               S.balance(S.records(report, "balance"), balance.covers) + PHASE_LEGEND))
    months = S.section(get("cadence"), "months")
    if months is not None and months.rows:
        figures.append(_figure(months.title, _covers(months), S.months(S.records(get("cadence"), "months"),
                                                                       _covers(months))))
    periods = S.records(get("cadence"), "periods")
    if periods:
        figures.append(_figure("Contracts, period by period", "",
                               S.contracts(periods, S.records(get("cadence"), "contracts")) + CELL_LEGEND))
    checkins = S.records(get("home"), "checkins")
    if checkins:
        figures.append(_figure("Home check-ins", "", S.home(checkins, report.as_of)))
    if needs and scale is not None:
        figures.append(_figure("North-star needs, novice to mastered", "",
                               S.ladder(scale, needs, steps, report.as_of, horizon, horizon_source), "wide"))
    if not figures:
        return ""
    return '<div class="picture">' + "\n".join(figures) + "</div>"


def _end(r: S.Record) -> date | None:
    size = S.length(r.get("length"))
    return size.end if size is not None else None


def _figure(title: str, covers: str, drawing: str, cls: str = "") -> str:
    caption = f"<h2>{escape(title)}</h2>" + (f'<p class="covers">{escape(covers)}</p>' if covers else "")
    return f'<figure class="{f"card {cls}".strip()}"><figcaption>{caption}</figcaption>{drawing}</figure>'


def _mini(drawing: str) -> str:
    """A legend swatch drawn with the chart's own marks."""
    return f'<svg class="mini" viewBox="0 0 16 16" aria-hidden="true">{drawing}</svg>'


def _legend(items: list[tuple[str, str]]) -> str:
    return '<ul class="legend">' + "".join(f"<li>{swatch}{escape(words)}</li>" for swatch, words in items) + "</ul>"


PHASE_LEGEND = _legend([
    ('<span class="swatch learning"></span>', "learning"),
    ('<span class="swatch impact"></span>', "impact"),
    ('<span class="swatch gap"></span>', "gap (no main role)"),
])
TIMELINE_LEGEND = _legend([
    ('<span class="swatch learning"></span>', "learning"),
    ('<span class="swatch impact"></span>', "impact"),
    ('<span class="swatch learning hatched"></span>', "innovation track (hatched)"),
    ('<span class="swatch learning thin"></span>', "side role"),
    ('<span class="swatch gap"></span>', "gap"),
    (_mini(S.outcome_marker("success", 8, 8, 5.5)), "bet: success"),
    (_mini(S.outcome_marker("failure", 8, 8, 5.5)), "failure"),
    (_mini(S.outcome_marker("pivot", 8, 8, 5.5)), "pivot"),
    (_mini(S.outcome_marker("stopped", 8, 8, 5.5)), "stopped"),
    (_mini(S.outcome_marker("open", 8, 8, 5.5)), "open"),
])
CELL_LEGEND = _legend([
    (_mini('<rect x="2" y="2" width="12" height="12" rx="2.5" class="cell kept"/>'), "kept"),
    (_mini('<rect x="2" y="2" width="12" height="12" rx="2.5" class="cell missed"/>'
           '<path d="M5 5L11 11M5 11L11 5" class="cross"/>'), "missed"),
])


# --- the stylesheet --------------------------------------------------------------------------

# The palette: calm, learning and impact far apart in hue (blue, amber), the gap a
# neutral grey, kept green and missed red (never colour alone: missed cells are
# crossed out, outcomes differ in shape). Print always uses the light one.
LIGHT = {
    "bg": "#f5f4f0", "card": "#ffffff", "fg": "#1f2328", "muted": "#5f6873", "line": "#d9dde3",
    "grid": "#e6e9ed", "lane": "#f4f6f8",
    "learning": "#3a76ad", "impact": "#d8862a", "gap": "#a3aab3", "none": "#8b949e",
    "on-learning": "#ffffff", "on-impact": "#231300", "on-none": "#ffffff", "hatch": "rgba(255,255,255,.55)",
    "kept": "#2f9a57", "missed": "#cf3f35", "pivot": "#8659cf", "stopped": "#7b848e",
    "today": "#c2410c", "horizon": "#a16207", "climb": "#3a76ad",
}
DARK = {
    "bg": "#0e1116", "card": "#161b22", "fg": "#e6edf3", "muted": "#9ba6b2", "line": "#30363d",
    "grid": "#262d35", "lane": "#1b2129",
    "learning": "#5d9ad6", "impact": "#e5a04f", "gap": "#6b7480", "none": "#7d8590",
    "on-learning": "#07121e", "on-impact": "#1e1000", "on-none": "#0e1116", "hatch": "rgba(10,14,20,.45)",
    "kept": "#3fb46b", "missed": "#f0605a", "pivot": "#a98be6", "stopped": "#8b949e",
    "today": "#fb8c4c", "horizon": "#e3b341", "climb": "#79b0e6",
}


def _vars(palette: dict[str, str]) -> str:
    return "".join(f"--{k}:{v};" for k, v in palette.items())


CSS = f"""
:root{{{_vars(LIGHT)}color-scheme:light dark}}
@media (prefers-color-scheme: dark){{:root{{{_vars(DARK)}}}}}
@media print{{:root{{{_vars(LIGHT)}}}}}
*{{box-sizing:border-box}}
html{{background:var(--bg);color:var(--fg);
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}}
body{{margin:0}}
.page{{max-width:1120px;margin:0 auto;padding:28px 24px 40px}}
header h1{{font-size:1.6rem;margin:0 0 2px;font-weight:650;letter-spacing:-.01em}}
.meta{{margin:0;color:var(--muted)}}
h2{{font-size:1rem;margin:0 0 8px;font-weight:650}}
.covers{{margin:-7px 0 10px;color:var(--muted);font-size:.82rem}}
.card{{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0}}
.picture{{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin:20px 0}}
.picture .wide{{grid-column:1 / -1}}
.sections{{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px;margin-top:14px;
  align-items:start}}
.sections .wide{{grid-column:1 / -1}}
svg.chart{{display:block;width:100%;height:auto;overflow:visible}}
svg text{{font-family:inherit;fill:var(--fg)}}
dl.facts{{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:0}}
dl.facts dt{{color:var(--muted)}}
dl.facts dd{{margin:0;font-variant-numeric:tabular-nums}}
.scroll{{overflow-x:auto}}
table{{border-collapse:collapse;font-size:.88rem;width:100%}}
th,td{{text-align:left;padding:4px 10px 4px 0;border-bottom:1px solid var(--grid);vertical-align:top}}
th{{color:var(--muted);font-weight:600;border-bottom-color:var(--line);white-space:nowrap}}
td.num,th.num{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}
td.date{{white-space:nowrap;font-variant-numeric:tabular-nums}}
tbody th{{color:var(--fg);font-weight:500;white-space:normal}}
tr[title]{{cursor:help}}
.empty{{color:var(--muted);font-style:italic;margin:0}}
details summary{{cursor:pointer;color:var(--muted);font-size:.85rem;margin-top:8px}}
.strip{{line-height:1.1}}
span.cell{{display:inline-block;width:1.05em;text-align:center;font-size:1.05em}}
span.cell.kept{{color:var(--kept)}}
span.cell.missed{{color:var(--missed)}}
footer{{margin-top:22px;color:var(--muted);font-size:.8rem}}
ul.legend{{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0 0;padding:0;font-size:.8rem;
  color:var(--muted)}}
ul.legend li{{display:flex;align-items:center;gap:6px}}
.swatch{{display:inline-block;width:18px;height:11px;border-radius:3px}}
.swatch.learning{{background-color:var(--learning)}}
.swatch.impact{{background-color:var(--impact)}}
.swatch.gap{{background-color:var(--gap)}}
.swatch.hatched{{background-image:repeating-linear-gradient(45deg,transparent 0 3px,var(--hatch) 3px 6px)}}
.swatch.thin{{height:5px}}
svg.mini{{width:16px;height:16px;overflow:visible}}
.ph-learning{{fill:var(--learning)}} .ph-impact{{fill:var(--impact)}} .ph-gap{{fill:var(--gap)}}
.ph-none{{fill:var(--none)}}
.hatch{{stroke:var(--hatch);stroke-width:3}}
rect.role{{stroke:var(--card);stroke-width:1}}
.lane{{fill:transparent}} .lane.odd{{fill:var(--lane)}}
text.lane-label{{font-weight:600}} text.muted,text.axis,text.gap-label{{fill:var(--muted)}}
text.bar-label{{font-weight:600;pointer-events:none}}
text.on-learning{{fill:var(--on-learning)}} text.on-impact{{fill:var(--on-impact)}}
text.on-none,text.on-gap{{fill:var(--on-none)}}
.hatch-learning{{fill:url(#hatch-learning)}} .hatch-impact{{fill:url(#hatch-impact)}}
.hatch-none{{fill:url(#hatch-none)}}
rect.hatch-learning + text{{paint-order:stroke;stroke:var(--learning);stroke-width:3px}}
rect.hatch-impact + text{{paint-order:stroke;stroke:var(--impact);stroke-width:3px}}
text.side-label{{fill:var(--muted)}}
.gap-band{{fill:var(--gap);opacity:.16}}
.grid{{stroke:var(--grid);stroke-width:1}} .axis-line{{stroke:var(--line)}}
.day-line{{stroke-width:1.6}} .day-line.today{{stroke:var(--today)}}
.day-line.horizon{{stroke:var(--horizon);stroke-dasharray:5 4}}
.hover{{stroke:transparent;stroke-width:10}}
text.day-label{{font-weight:600}} text.day-label.today{{fill:var(--today)}}
text.day-label.horizon{{fill:var(--horizon)}}
.bet-line{{stroke:var(--muted);stroke-linecap:round}} .bet-line.big{{stroke-width:3}}
.bet-line.small{{stroke-width:1.6}} .bet-line.open{{stroke-dasharray:4 4}}
.bet-start{{fill:var(--muted)}}
.outcome.success{{fill:var(--kept)}}
.outcome.failure{{fill:none;stroke:var(--missed);stroke-width:3;stroke-linecap:round}}
.outcome.pivot{{fill:var(--pivot)}} .outcome.stopped{{fill:var(--stopped)}}
.outcome.open{{fill:var(--card);stroke:var(--fg);stroke-width:2}}
text.bet-label{{fill:var(--fg)}}
rect.cell.kept{{fill:var(--kept)}}
rect.cell.missed{{fill:var(--card);stroke:var(--missed);stroke-width:1.5}}
.cross{{stroke:var(--missed);stroke-width:1.6;stroke-linecap:round}}
.month-bar{{fill:var(--learning)}}
.rung{{stroke:var(--grid);stroke-width:1}} .rung.top{{stroke:var(--horizon);stroke-dasharray:3 3}}
.climb{{fill:none;stroke:var(--climb);stroke-width:2.5;stroke-linejoin:round}}
.step{{fill:var(--climb);stroke:var(--card);stroke-width:1.5}} .step.mastered{{fill:var(--horizon)}}
.home-line{{fill:none;stroke:var(--climb);stroke-width:2;stroke-linejoin:round}}
.home-dot{{fill:var(--card);stroke:var(--climb);stroke-width:2}}
.row-title{{font-weight:600}} tspan.muted{{fill:var(--muted)}}
g.mark:hover rect,g.mark:hover path,g[data-kind]:hover circle{{filter:brightness(1.12)}}
@page{{size:A4;margin:10mm}}
@media print{{
  html{{background:#fff;font-size:9pt}}
  header h1{{font-size:1.4rem}}
  .page{{max-width:none;padding:0}}
  .card{{border-color:#ccc;break-inside:avoid;padding:6px 10px}}
  .picture{{gap:6px;margin:8px 0}}
  .picture h2{{margin-bottom:4px}}
  .picture .covers{{margin:-4px 0 4px}}
  ul.legend{{font-size:.72rem;margin-top:4px}}
  .sections{{grid-template-columns:1fr 1fr;gap:8px}}
  .picture + .sections{{break-before:page}}
  details{{display:none}}
}}
@media screen and (max-width:760px){{.picture,.sections{{grid-template-columns:1fr}}}}
"""
