"""The home report: check-ins, the trend, the next one due."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import home
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LENGTH,
    NUMBER,
    SCORES,
    SOURCE,
    TEXT,
    Fact,
    Section,
    Window,
    as_of_cover,
    facts_section,
    listed_cover,
    register,
    span_length,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger


@register("home", "Home", "home check-ins over time, the trend, the next one due")
def home_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    entries, options = ledger.entries, ledger.options
    status = home.home(entries, as_of, options)
    trend = home.home_trend(entries, as_of)
    listed = listed_cover(window, as_of)
    shown = [c for c in status.checkins if window.holds(c.date)]
    scores = tuple(c.score for c in shown)
    history = facts_section(
        "history", "Check-ins", as_of_cover(as_of) + listed,
        Fact("checkins", "check-ins", len(shown), INT),
        Fact("from", "from", shown[0].date if shown else None, DATE, None),
        Fact("to", "to", shown[-1].date if shown else None, DATE, None),
        Fact("scores", "scores", scores, SCORES, "none"),
        Fact("average", "average", sum(scores) / len(scores) if scores else None, NUMBER, None),
    )
    last4 = trend.checkins
    trend_section = facts_section(
        "trend", f"Trend over the last {home.HOME_TREND_OVER} check-ins", as_of_cover(as_of),
        Fact("scores", "scores", trend.scores, SCORES, "none"),
        Fact("from", "from", last4[0].date if last4 else None, DATE, None),
        Fact("to", "to", last4[-1].date if last4 else None, DATE, None),
        Fact("slope", "slope (points a check-in)", trend.slope, NUMBER, None),
        Fact("change", "fitted change", trend.change, NUMBER, None),
        Fact("trend", "trend", trend.trend, TEXT, "— (fewer than two check-ins)"),
    )
    last = status.last
    stale = status.stale
    next_section = facts_section(
        "last", "Last check-in", as_of_cover(as_of),
        Fact("last", "last check-in", last.date if last else None, DATE, "none"),
        Fact("score", "score", last.score if last else None, INT, None),
        Fact("note", "note", last.note if last else None, TEXT, None),
        Fact("since", "time since", span_length(last.date if last else None, as_of, status.days_since), LENGTH, None),
        Fact("home_every", "home-every", str(options.home_every), TEXT),
        Fact("next_due", "next due by", status.next_due, DATE, None),
        Fact("due_in", "due in", span_length(as_of, status.next_due, status.days_left) if last and not stale else None,
             LENGTH, None),
        Fact("overdue_by", "overdue by",
             span_length(status.next_due, as_of, -status.days_left) if stale and status.days_left is not None else None,
             LENGTH, None),
        Fact("stale", "stale", stale, BOOL),
    )
    checkins = table_section(
        "checkins", "All check-ins", as_of_cover(as_of) + listed,
        (("date", "date", DATE), ("score", "score", INT), ("note", "note", TEXT, ""),
         ("source", "source", SOURCE)),
        [(c.date, c.score, c.note, f"{c.loc.file}:{c.loc.line}") for c in shown],
        empty="no home check-in",
    )
    return [history, trend_section, next_section, checkins]
