"""The feedback report: by source and tone over time, the actions taken."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.dates import unit_span
from ..metrics import feedback
from .model import (
    ALL,
    DATE,
    INT,
    LENGTH,
    SHARE,
    TEXT,
    Fact,
    Length,
    Section,
    Window,
    as_of_cover,
    facts_section,
    listed_cover,
    register,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger
    from ..metrics.feedback import ToneCount


_TONE_COLUMNS = (("received", "received", INT), ("positive", "positive", INT),
                 ("constructive", "constructive", INT), ("critical", "critical", INT),
                 ("untoned", "no tone", INT), ("actionable", "constructive or critical", INT),
                 ("actioned", "with an action", INT))


def _tone_row(t: "ToneCount") -> tuple[int, int, int, int, int, int, int]:
    return (t.total, t.positive, t.constructive, t.critical, t.untoned, t.actionable, t.actioned)


def _year(label: object) -> tuple[date, date]:
    """A by_year label (a year) as its span: [1 January, the next 1 January)."""
    assert isinstance(label, int)
    return unit_span(date(label, 1, 1), "year")


@register("feedback", "Feedback", "feedback by source and tone over time, the actions taken")
def feedback_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    # every count is of the feedback dated in the window; the ages are as of as-of
    fb = feedback.feedback(ledger.entries, as_of, window.begin, window.end)
    listed = listed_cover(window, as_of)
    t = fb.totals
    totals = facts_section(
        "totals", "Feedback", as_of_cover(as_of) + listed,
        Fact("received", "received", t.total, INT),
        Fact("positive", "positive", t.positive, INT),
        Fact("constructive", "constructive", t.constructive, INT),
        Fact("critical", "critical", t.critical, INT),
        Fact("untoned", "no tone", t.untoned, INT),
        Fact("actionable", "constructive or critical", t.actionable, INT),
        Fact("actioned", "… with an action", t.actioned, INT),
        Fact("actioned_share", "share with an action", fb.actioned_share, SHARE,
             "— (no constructive or critical feedback)"),
    )
    by_source = table_section(
        "by_source", "By source", as_of_cover(as_of) + listed,
        (("source", "source", TEXT, "no from:"), *_TONE_COLUMNS),
        [(s.label, *_tone_row(s)) for s in fb.by_source],
        empty="no feedback",
    )
    by_year = table_section(
        "by_year", "By year", as_of_cover(as_of) + listed,
        (("year", "year", TEXT), *_TONE_COLUMNS),
        [(str(y.label), *_tone_row(y)) for y in fb.by_year
         if window.overlaps(*_year(y.label), as_of)],
        empty="no feedback",
    )
    actions = table_section(
        "actions", "Actions taken", as_of_cover(as_of) + listed,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("action", "action", TEXT)),
        [(f.date, f.giver, f.tone, f.text, f.action) for f in fb.actions],
        empty="no feedback records an action",
    )
    unactioned = table_section(
        "unactioned", "Constructive or critical, no action yet", as_of_cover(as_of) + listed,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("age", "age", LENGTH)),
        [(f.date, f.giver, f.tone, f.text, Length(f.date, as_of, (as_of - f.date).days))
         for f in fb.unactioned],
        empty="every constructive or critical feedback records an action",
    )
    return [totals, by_source, by_year, actions, unactioned]
