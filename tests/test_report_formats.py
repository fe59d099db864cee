"""Rendering reports (careerledger.render.report): one Report, four formats.

Text for people, markdown for documents, csv and json for programs, all from
the one structure, so they never disagree. The data in the reports is tested
in test_reports.py, the JSON's documented shape in test_report_json.py, and
every report of every example in every format in the snapshots.
"""

import csv
import io
import json

import pytest
from conftest import D, ledger
from hypothesis import given, settings
from hypothesis import strategies as st
from test_reports import REVIEW, TWO_ROLES, report

from careerledger import reports as R
from careerledger.render import REPORT_FORMATS
from careerledger.render.report import _pipe_table, length_text, only, render, sparkline
from careerledger.reports import model as M
from careerledger.reports.model import Length


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2024-02-29", "2025-02-28", "1y"),  # relativedelta: one year exactly
    ("2020-01-01", "2020-01-01", "0d"),
    ("2020-01-01", "2022-04-05", "2y 3m 4d"),
    ("2020-01-31", "2020-03-01", "1m 1d"),
    ("2020-01-01", "2021-01-06", "1y 5d"),
])
def test_length_text(start, end, expected):
    s, e = D(start), D(end)
    assert length_text(Length(s, e, (e - s).days)) == expected


def test_review_markdown_is_ready_to_paste():
    rep = report("review", REVIEW, "2024-05-15")
    md = render(rep, "markdown")
    assert md.startswith("# Review packet: Ada, as of 2024-05-15\n")
    assert "\n*period:" not in md  # the period is in the heading, not repeated by every section
    assert "*previous period: 2024-03-01 → 2024-04-01*" in md
    assert "Faster checkout" in md
    assert "20% less time to pay" in md


def test_sparkline_one_bar_per_score():
    assert sparkline((1, 2, 3, 4, 5)) == "▁▂▃▅█"
    assert sparkline(()) == ""


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_format_starts_with_the_report_and_ends_with_a_newline(fmt):
    rep = R.build("roles", ledger(TWO_ROLES), D("2020-03-01"))
    out = render(only(rep, "roles") if fmt == "csv" else rep, fmt)
    assert out.endswith("\n")
    if fmt == "text":
        assert out.startswith("Roles: Ada, as of 2020-03-01\ncareer: 2015-03-01 → 2020-03-01\n")
    elif fmt == "markdown":
        assert out.startswith("# Roles: Ada, as of 2020-03-01\n")
    elif fmt == "csv":
        table = list(csv.reader(io.StringIO(out)))
        assert [row[:8] for row in table[:2]] == [
            ["org", "title", "from", "to", "length", "track", "phase", "step"],
            ["Acme", "Analyst", "2015-03-01", "2017-03-01", "731", "core", "learning", "joined"]]
    elif fmt == "html":
        assert out.lower().startswith("<!doctype html>")
        assert "Ada" in out
    else:
        doc = json.loads(out)
        assert (doc["report"], doc["owner"], doc["as_of"], doc["career"]) == (
            "roles", "Ada", "2020-03-01", {"start": "2015-03-01", "end": "2020-03-01"})


def test_json_lengths_are_days_and_text_lengths_are_years_months_days():
    rep = R.build("roles", ledger(TWO_ROLES), D("2020-03-01"))
    # Analyst 2015-03-01 -> 2017-03-01: 731 days, 2y; PM to as-of: 1096 days, 3y
    [roles] = [s for s in json.loads(render(rep, "json"))["sections"] if s["key"] == "roles"]
    assert [(r["title"], r["length"]) for r in roles["rows"]] == [("Analyst", 731), ("PM", 1096)]
    # text: 2y and 3y; the organisation is written once for its roles, "now" for a role still held
    assert render(rep, "text", 120).endswith(
        "  Acme            Analyst  2015-03-01  2017-03-01  2y        core     learning  joined\n"
        "                  PM       2017-03-01  now         3y        core     impact    promotion\n")


def test_shares_of_a_whole_add_up_to_100_percent_by_largest_remainder():
    from careerledger.render.report import whole_percents

    # 27.4 + 71.4 + 1.2: rounded alone 27 + 71 + 1 = 99; the largest remainders (.4, .4) get the point
    assert whole_percents([0.274, 0.714, 0.012]) == [28, 71, 1]
    assert whole_percents([1 / 3, 1 / 3, 1 / 3]) == [34, 33, 33]
    assert whole_percents([0.5, 0.25]) is None  # not a whole: each share shown as it is
    section = M.table_section("balance", "Phase balance", (), (("phase", "phase", M.TEXT), ("share", "share", M.SHARE)),
                              [("learning", 0.274), ("impact", 0.714), ("gap", 0.012), ("all", 1.0)])
    rep = M.Report("x", "X", None, D("2020-01-01"), M.Cover("career", None, D("2020-01-01")), R.ALL, (section,))
    assert render(rep, "text").splitlines()[-4:] == [
        "  learning  28%", "  impact    71%", "  gap       1%", "  all       100%"]


# any text but what would end a line (tabulate would split the row; no value of
# a ledger holds one) and escape codes (tabulate measures a cell without them)
_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1b\x1c\x1d\x1e\x85\u2028\u2029"),
                max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(_CELL.filter(lambda h: h == h.strip()), min_size=n, max_size=n),
    st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=5))))
def test_markdown_tables_are_laid_out_as_tabulates_github_format(table):
    # careerledger renders its markdown tables itself (tabulate's import alone
    # costs a report tens of milliseconds); tabulate is the reference layout.
    from tabulate import tabulate

    headers, rows = table
    assert _pipe_table(headers, rows) == tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def test_a_markdown_table_pads_its_columns_and_strips_its_cells():
    assert _pipe_table(["Title", "Org"], [[" PM ", "Acme"], ["Senior PM, Growth", ""]]) == (
        "| Title             | Org   |\n"
        "|-------------------|-------|\n"
        "| PM                | Acme  |\n"
        "| Senior PM, Growth |       |"
    )
