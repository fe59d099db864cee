"""The review packet: what to send upward for a period."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.dates import calendar_unit, period_label, shift, unit_span
from ..metrics import review
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LENGTH,
    LIST,
    TEXT,
    Cover,
    Fact,
    Section,
    Window,
    facts_section,
    register,
    span_length,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger


def last_month(as_of: date) -> Window:
    """The review's default window: the last whole calendar month before as_of's."""
    return Window(*unit_span(shift(as_of.replace(day=1), -1), "month"))


def span_label(begin: date, end: date) -> str:
    """`2026-09`, `2026-Q3`, `2026-W37` or `2026` for a calendar period, else
    `2026-09-03 to 2026-09-20` (the last day included)."""
    unit = calendar_unit(begin, end)
    if unit:
        return period_label(begin, unit)
    last = shift(end, -1)
    return str(begin) if last == begin else f"{begin} to {last}"


# metric label, Headline field
HEADLINE = (
    ("updates published", "updates"),
    ("contract periods kept", "periods_kept"),
    ("contract periods missed", "periods_missed"),
    ("wins", "wins"),
    ("skill entries", "skills_moved"),
    ("bets opened", "bets_opened"),
    ("bets closed", "bets_closed"),
    ("feedback received", "feedback"),
    ("constructive or critical feedback", "actionable"),
    ("… with an action", "actioned"),
    ("days since the last big swing, at the end", "days_since_swing"),
    ("north-star needs mastered, at the end", "needs_mastered"),
)


@register("review", "Review packet", "what to send upward for a period (-p): wins, updates, changes",
           fmt="markdown", default_window=last_month)
def review_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    entries = ledger.entries
    # -b alone runs through as-of; -e alone starts at the ledger's first entry
    end = window.end or shift(max(as_of, window.begin or as_of), 1)
    begin = window.begin or min(entries[0].date if entries else as_of, shift(end, -1))
    rv = review.review(entries, as_of, begin, end, ledger.options)
    this, prev = rv.headline, rv.previous
    here = (Cover("period", begin, end),)
    empty = f"nothing in {span_label(begin, end)}"

    period = facts_section(
        "period", "Period", here,
        Fact("period", "period", span_label(begin, end), TEXT),
        Fact("first_day", "first day", begin, DATE),
        Fact("last_day", "last day", shift(end, -1), DATE),
        Fact("previous", "compared with", span_label(prev.begin, prev.end), TEXT),
        Fact("figures_on", "figures at the end taken on", this.on, DATE),
    )
    headline = table_section(
        "headline", "Headline", (*here, Cover("previous period", prev.begin, prev.end)),
        (("metric", "metric", TEXT), ("this", span_label(begin, end), INT),
         ("previous", span_label(prev.begin, prev.end), INT), ("change", "change", INT)),
        [(label, getattr(this, key), getattr(prev, key),
          None if getattr(this, key) is None or getattr(prev, key) is None else getattr(this, key) - getattr(prev, key))
         for label, key in HEADLINE],
    )
    wins = table_section(
        "wins", "Wins", here,
        (("date", "date", DATE), ("win", "win", TEXT), ("impact", "impact", TEXT)),
        [(w.date, w.text, w.impact) for w in rv.wins], empty=empty,
    )
    updates = table_section(
        "updates", "Updates published", here,
        (("date", "date", DATE), ("update", "update", TEXT), ("to", "to", TEXT), ("via", "via", TEXT),
         ("covers", "covers", LIST)),
        [(u.date, u.title, u.audience, u.via, u.covers) for u in rv.updates], empty=empty,
    )
    contracts = table_section(
        "contracts", "Contracts", here,
        (("contract", "contract", TEXT), ("period", "period", TEXT), ("updates", "updates", INT),
         ("required", "required", INT), ("kept", "kept", BOOL)),
        [(c.contract.text, c.period.label, c.period.updates, c.contract.times, c.period.kept)
         for c in rv.contract_periods],
        empty="no contract period ends in " + span_label(begin, end),
    )
    skills = table_section(
        "skills", "Skills that moved", here,
        (("date", "date", DATE), ("skill", "skill", TEXT), ("from", "from", TEXT, "new"),
         ("level", "to", TEXT), ("evidence", "evidence", TEXT)),
        [(s.date, s.skill, s.previous, s.level, s.evidence) for s in rv.skills], empty=empty,
    )
    opened = table_section(
        "bets_opened", "Bets opened", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("size", "size", TEXT), ("in", "in", TEXT),
         ("outcome", "outcome so far", TEXT, "open")),
        [(b.date, b.name, b.size, b.entry.in_role, b.result) for b in rv.bets_opened], empty=empty,
    )
    closed = table_section(
        "bets_closed", "Bets closed", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("outcome", "outcome", TEXT),
         ("length", "open for", LENGTH), ("story", "story", TEXT), ("lesson", "lesson", TEXT)),
        [(b.closed_on, b.name, b.result, span_length(b.date, b.closed_on, b.days), b.story, b.lesson)
         for b in rv.bets_closed], empty=empty,
    )
    received = table_section(
        "feedback", "Feedback received", here,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("action", "action taken", TEXT)),
        [(f.date, f.giver, f.tone, f.text, f.action) for f in rv.feedback], empty=empty,
    )
    return [period, headline, wins, updates, contracts, skills, opened, closed, received]
