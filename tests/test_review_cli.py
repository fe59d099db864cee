"""`careerledger report review` end to end on examples/managing-up.career: the
paper trail the example describes, as the VP would receive it.

Priya's ledger holds the monthly learning summary she agreed, from May 2026,
to send the VP, and the win she used to be quiet about (2026-06-15: "15%
retention lift at day 90"). The packet of each month of the contract shows
that month's summary, and the June packet also shows the 15%.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careerledger.cli import main

ROOT = Path(__file__).resolve().parent.parent
MANAGING_UP = ROOT / "examples" / "managing-up.career"
AS_OF = "2026-11-21"

# each whole month of the contract (2026-05-04, monthly) before as-of's month, with its summary
SUMMARIES = {
    "2026-05": "May: what habit streaks taught us about lapsed members",
    "2026-06": "June: reminder fatigue is real, and measurable",
    "2026-07": "July: the week-two cliff and three ideas to soften it",
    "2026-08": "August: small experiment, null result, useful anyway",
    "2026-09": "September: what members say when they cancel",
    "2026-10": "October: the week-two cliff, written up at last",
}


def review(*args):
    result = CliRunner().invoke(main, ["report", "review", str(MANAGING_UP), "--as-of", AS_OF, *args])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def cells(markdown, start):
    """The cells of the one markdown table row that starts with `start`."""
    [line] = [x for x in markdown.splitlines() if x.startswith(start)]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def test_the_packet_of_the_wins_month_shows_the_15_percent_lift_and_the_summary():
    out = review("-p", "2026-06")
    assert out.startswith("# Review packet: Priya Raman, as of 2026-11-21\n")  # markdown by default
    assert "## Wins" in out
    assert "Habit streaks rolled out to every member" in out
    assert "15% retention lift at day 90 across all cohorts, the largest in company history" in out
    assert SUMMARIES["2026-06"] in out
    assert "Habit streaks: 15% retention lift at day 90" in out  # the skill that moved
    # the headline: one win in 2026-06, none in 2026-05
    assert cells(out, "| wins ") == ["wins", "1", "0", "1"]


@pytest.mark.parametrize("month", list(SUMMARIES))
def test_every_month_of_the_contract_has_its_summary_in_its_packet(month):
    out = review("-p", month)
    assert f"**period:** {month}" in out
    assert SUMMARIES[month] in out
    # only that month's summary: the others are in their own packets
    assert [t for t in SUMMARIES.values() if t in out] == [SUMMARIES[month]]
    # and the contract's period for that month, kept
    assert cells(out, "| A monthly learning summary to the VP ") == [
        "A monthly learning summary to the VP", month, "1", "1", "yes"]


def test_the_september_packet_as_the_vp_receives_it():
    out = review("-p", "2026-09")
    assert "**compared with:** 2026-08" in out
    assert "September: what members say when they cancel" in out
    assert "These summaries are the most useful thing in my inbox" in out  # feedback received
    doc = json.loads(review("-p", "2026-09", "--format", "json"))
    [head] = [s for s in doc["sections"] if s["key"] == "headline"]
    got = {r["metric"]: (r["this"], r["previous"], r["change"]) for r in head["rows"]}
    assert got["updates published"] == (1, 1, 0)
    assert got["contract periods kept"] == (1, 1, 0)
    assert got["feedback received"] == (1, 0, 1)
    # the last big swing is the bet "Habit streaks", 2024-05-06: to 2026-09-30 it is
    # 365 (to 2025-05-06) + 365 (to 2026-05-06) + 26 (to 06-01) + 30 + 31 + 31 (to 09-01) + 29
    # = 877 days; to 08-31, 30 fewer: 847
    assert got["days since the last big swing, at the end"] == (877, 847, 30)
    # retention mastered since 2026-06-20
    assert got["north-star needs mastered, at the end"] == (1, 1, 0)


def test_the_default_packet_is_the_last_whole_month():
    out = review()
    assert "**period:** 2026-10" in out and SUMMARIES["2026-10"] in out
    assert out == review("-p", "2026-10")


def test_a_quarterly_packet_holds_the_story_and_the_evidence():
    out = review("-p", "2025-Q1", "--format", "text")
    assert out.startswith("Review packet: Priya Raman, as of 2026-11-21\n")  # --format wins
    assert "Streaks plus a gentle 'welcome back' beat every reminder variant we tried" in out  # bet closed
    assert "Reward the return, not the streak" in out
    assert "Ran 23 streak and reminder variants with proper holdouts" in out  # skill evidence
    assert "compared with                2024-Q4" in out


def test_a_packet_written_to_a_file_for_the_email(tmp_path):
    target = tmp_path / "packet.md"
    assert review("-p", "2026-09", "-o", target) == ""
    assert target.read_text(encoding="utf-8") == review("-p", "2026-09")
