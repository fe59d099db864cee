"""`--format html`: careerledger.render.html.

Every report of every example renders to a well-formed page (each opened tag
closed, in order) that fetches nothing (no URL in any src, href or CSS url()
but data: and #fragments) and runs nothing. The summary of examples/jane.career
draws what its companion reports hold: one bar per role, one marker per bet with
its outcome, one cell per contract period, kept or missed, one dot per skill
entry of the north star's needs and per home check-in, each with a tooltip
giving its dates and the entry's file:line. The counts are checked against the
reports themselves and against fixed numbers, so that a chart that draws too
much or too little fails.
"""

import re
from collections import Counter
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest
from conftest import EXAMPLES, JANE

from careerledger import reports
from careerledger.loader import load, load_string
from careerledger.render.html import COMPANIONS, html
from careerledger.reports import REPORTS

AS_OF = date(2026, 12, 1)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster", "data"}


class Page(HTMLParser):
    """A parsed page: its problems (tags closed out of order, never closed), every
    element with its attributes, the text of every <title>, and the CSS."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.elements, self.titles, self.css = [], [], [], [], []
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"never closed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
            if tag == "title":
                self.titles.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} (line {self.getpos()[0]})")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.titles[-1] += data
        if self.stack and self.stack[-1] == "style":
            self.css.append(data)

    def kind(self, kind, **attrs):
        """The elements whose data-kind is `kind` (and whose other attributes are as given)."""
        return [a for _, a in self.elements if a.get("data-kind") == kind
                and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def companions(led, name):
    return {n: reports.build(n, led, AS_OF) for n in COMPANIONS.get(name, ())}


def page_of(led, name):
    return html(reports.build(name, led, AS_OF), companions(led, name))


def fetched(page):
    """Every URL the page would fetch: attribute URLs and CSS url(...) that are not
    data: or a #fragment of the page itself."""
    urls = [v for _, attrs in page.elements for k, v in attrs.items() if k in URL_ATTRS and v is not None]
    styles = page.css + [a["style"] for _, a in page.elements if a.get("style")]
    urls += [m.strip("'\" ") for css in styles for m in re.findall(r"url\(([^)]*)\)", css)]
    urls += [m for css in styles for m in re.findall(r"@import\s+(\S+)", css)]
    return [u for u in urls if not u.startswith(("#", "data:"))]


def assert_sound(text):
    page = Page(text)
    assert page.problems == []
    assert text.startswith("<!DOCTYPE html>")
    assert fetched(page) == []
    # nothing runs: no script, no handlers, no javascript: URLs
    assert not [t for t, _ in page.elements if t in ("script", "iframe", "object", "embed", "link", "img")]
    assert not [(t, k) for t, a in page.elements for k in a if k.startswith("on")]
    assert "javascript:" not in text.lower()
    return page


CLEAN = [p for p in EXAMPLES if not any(x.severity == "error" for x in load(p).problems)]
CASES = [(name, path) for name in REPORTS for path in CLEAN]


def test_every_example_is_checked():
    assert len(CLEAN) == len(EXAMPLES) >= 5


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}-{p.stem}" for n, p in CASES])
def test_every_report_of_every_example_is_a_sound_page(name, path):
    led = load(path)
    report = reports.build(name, led, AS_OF)
    page = assert_sound(html(report, companions(led, name)))
    # the generic rendering: a section per report section, in order, with its title
    ids = [a["id"] for t, a in page.elements if t == "section" and "id" in a]
    assert ids == [f"s-{s.key}" for s in report.sections]
    who = f": {report.owner}" if report.owner else ""
    assert page.titles[0] == f"{report.title}{who}, as of {AS_OF}"


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_of_an_empty_ledger_is_a_sound_page(name):
    led = load_string("", "empty.career")
    page = assert_sound(page_of(led, name))
    assert not page.kind("role")


def test_the_page_is_self_contained_light_dark_and_printable():
    text = page_of(load(JANE), "summary")
    assert "@media (prefers-color-scheme: dark)" in text
    assert "@page{size:A4" in text
    assert "@media print" in text
    assert "default-src 'none'" in text  # its Content-Security-Policy: the browser may fetch nothing
    assert '<meta charset="utf-8">' in text


# --- the summary of jane.career ------------------------------------------------------------------


@pytest.fixture(scope="module")
def jane():
    led = load(JANE)
    comp = companions(led, "summary")
    return Page(html(reports.build("summary", led, AS_OF), comp)), comp


def rows(report, key):
    section = next(s for s in report.sections if s.key == key)
    keys = [c.key for c in section.columns]
    return [dict(zip(keys, r, strict=True)) for r in section.rows]


def tooltip_with(page, *words):
    return [t for t in page.titles if all(w in t for w in words)]


def test_one_bar_per_role_each_titled_with_its_dates_and_source(jane):
    page, comp = jane
    roles = rows(comp["roles"], "roles")
    assert len(roles) == 7
    assert len(page.kind("role")) == 7
    for r in roles:
        hits = tooltip_with(page, f"{r['title']} at {r['org']}", str(r["from"]), r["source"])
        assert len(hits) == 1, (r["title"], hits)
        assert re.fullmatch(r".*jane(-2026)?\.career:\d+", r["source"])
    # innovation roles hatched, side roles thin, the rest in their phase's colour
    classes = [a["class"].split() for a in page.kind("role")]
    assert sum("innovation" in c for c in classes) == 2
    assert [c for c in classes if "side" in c] == [["role", "ph-learning", "side"]]
    assert Counter(a["data-phase"] for a in page.kind("role")) == {"learning": 4, "impact": 3}
    # the lanes: one per organisation, in the order they first appear
    lanes = [t for t in page.titles if t in {r["org"] for r in roles}]
    assert lanes == ["Northwind Bank", "Copperline", "Women in Fintech", "Fernway"]


def test_the_gap_and_the_phase_runs(jane):
    page, comp = jane
    runs = rows(comp["phases"], "runs")
    assert [a["data-phase"] for a in page.kind("run")] == [r["phase"] for r in runs]
    assert [a["data-phase"] for a in page.kind("run")] == ["learning", "impact", "learning", "impact", "gap",
                                                           "learning"]
    assert len(page.kind("gap")) == 1
    assert tooltip_with(page, "gap: 2025-03-31 → 2025-12-01 (8m 1d)")


def test_one_marker_per_bet_with_its_outcome(jane):
    page, comp = jane
    bets = rows(comp["swings"], "bets")
    drawn = page.kind("bet")
    assert [a["data-outcome"] for a in drawn] == [b["outcome"] or "open" for b in bets]
    assert [a["data-outcome"] for a in drawn] == ["success", "failure", "pivot", "success", "stopped", "open",
                                                  "success"]
    assert [a["data-size"] for a in drawn].count("big") == 4
    # each outcome has its own shape (and class): one per bet, one more in the legend
    shapes = Counter((tag, a["class"]) for tag, a in page.elements if a.get("class", "").startswith("outcome "))
    assert shapes == {("circle", "outcome success"): 3 + 1, ("path", "outcome failure"): 1 + 1,
                      ("path", "outcome pivot"): 1 + 1, ("rect", "outcome stopped"): 1 + 1,
                      ("circle", "outcome open"): 1 + 1}
    for b in bets:
        assert len(tooltip_with(page, f"bet: {b['bet']} ", str(b["opened"]), b["source"])) == 1


def test_today_and_the_horizon(jane):
    page, comp = jane
    assert len(page.kind("today")) == 3  # on the timeline, the ladder and home
    assert len(page.kind("horizon")) == 2  # the timeline and the ladder
    current = [h for h in rows(comp["northstar"], "history") if h["replaced_on"] is None]
    assert len(tooltip_with(page, "the north star's horizon: 2029-12-01", current[0]["source"])) == 2


def test_each_contract_period_is_a_cell_kept_or_missed(jane):
    page, comp = jane
    periods = rows(comp["cadence"], "periods")
    kept = sum(p["kept"] for p in periods)
    assert len(page.kind("period", data_kept="yes")) == kept == 10
    assert len(page.kind("period", data_kept="no")) == len(periods) - kept == 1
    missed = tooltip_with(page, "2025-W52: 2025-12-22 → 2025-12-29", "0 updates: missed")
    assert len(missed) == 1
    # a missed period is crossed out, not only red: its cell and the legend's
    assert len([a for t, a in page.elements if t == "path" and a.get("class") == "cross"]) == 1 + 1


def test_updates_per_month(jane):
    page, comp = jane
    months = rows(comp["cadence"], "months")
    drawn = page.kind("month")
    assert [int(a["data-updates"]) for a in drawn] == [m["updates"] for m in months]
    assert sum(int(a["data-updates"]) for a in drawn) == 11


def test_the_ladder_of_the_north_stars_needs(jane):
    page, comp = jane
    needs = [n["need"] for n in rows(comp["northstar"], "coverage")]
    assert [a["data-need"] for a in page.kind("need")] == needs
    steps = [s for s in rows(comp["skills"], "progression") if s["skill"] in needs]
    drawn = page.kind("skill-step")
    assert [(a["data-skill"], a["data-level"]) for a in drawn] == [(s["skill"], s["level"]) for s in steps]
    assert len(drawn) == 14
    assert [a["data-level"] for a in page.kind("skill-step", data_skill="payments")] == [
        "novice", "practicing", "proficient", "mastered"]
    assert len(tooltip_with(page, "#payments mastered on 2021-04-30", "from proficient")) == 1


def test_home_check_ins(jane):
    page, comp = jane
    checkins = rows(comp["home"], "checkins")
    assert [int(a["data-score"]) for a in page.kind("checkin")] == [c["score"] for c in checkins]
    assert len(checkins) == 15
    assert len(tooltip_with(page, "2024-09-29: 2 of 5", "Running on empty", checkins[6]["source"])) == 1


def test_the_phase_balance_is_the_summarys(jane):
    page, _ = jane
    shares = page.kind("share")
    assert [a["data-phase"] for a in shares] == ["learning", "impact", "gap"] * 2
    assert tooltip_with(page, "learning: 1,688 days, 45% of career")
    assert tooltip_with(page, "gap: 245 days, 13% of trailing 5 years")


def test_the_text_summary_follows_the_picture_in_its_order():
    text = page_of(load(JANE), "summary")
    picture, facts = text.index('class="picture"'), text.index('class="sections"')
    assert picture < facts
    titles = ["North star", "Current role", "Last big swing", "Phase balance", "Current streak",
              "Live contracts", "Open bets", "Landing (30/60/90)", "Home"]
    at = [text.index(f"<h2>{escape(t)}</h2>", facts) for t in titles]
    assert at == sorted(at)
    assert "<dt>time left</dt><dd>3y</dd>" in text
    assert "<dt>time since</dt><dd>8m 22d</dd>" in text
    assert '<td class="num">1,688 days</td>' in text
    assert "is on day 366: past its first 90 days" in text


def test_without_companions_the_summary_is_its_sections():
    led = load(JANE)
    page = assert_sound(html(reports.build("summary", led, AS_OF)))
    assert not page.kind("role")
    assert not page.kind("bet")
    assert len(page.kind("share")) == 6  # the balance is the summary's own


# --- escaping ------------------------------------------------------------------------------------


HOSTILE = r'''
option "owner" "Ann <b>&amp;</b> \"Q\""
2020-01-01 role "PM <i>x</i> & \"y\"" at "A&B <Co>"
  track: innovation
  phase: learning
2021-01-01 bet "Bet </title><script>alert(1)</script>"
'''


@pytest.mark.parametrize("name", ["summary", "roles", "swings"])
def test_everything_is_escaped(name):
    led = load_string(HOSTILE.lstrip("\n"), "hostile.career")
    assert not [p for p in led.problems if p.severity == "error"]
    text = page_of(led, name)
    page = assert_sound(text)
    assert "<script" not in text
    assert "<i>" not in text
    assert "<b>" not in text
    if name == "summary":
        assert 'PM <i>x</i> & "y" at A&B <Co>' in " ".join(page.titles)
        assert "Bet </title><script>alert(1)</script>" in " ".join(page.titles)
    assert page.titles[0].startswith('Summary: Ann <b>&amp;</b> "Q"' if name == "summary" else "")
