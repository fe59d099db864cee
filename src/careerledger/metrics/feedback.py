"""Feedback as data: by source, tone and year, and how much of the
constructive and critical feedback records an action."""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..core.entries import Feedback
from ..core.schema import ACTIONABLE_TONES
from .timeline import Entries, of, share, upto, within

ACTION_WITHIN = 30  # days: constructive or critical feedback older than this wants an action:


class ToneCount(NamedTuple):
    label: str | int | None  # the source (a from:, None for feedback without one) or the year (int)
    total: int
    positive: int
    constructive: int
    critical: int
    untoned: int  # no tone:
    actionable: int  # constructive + critical
    actioned: int  # ... of which with an action:


class FeedbackStats(NamedTuple):
    items: tuple[Feedback, ...]  # oldest first (in the window, when one is given)
    totals: ToneCount  # over all of them (label None)
    actioned_share: float | None  # totals.actioned / totals.actionable; None with nothing actionable
    by_source: tuple[ToneCount, ...]  # per from:, most first, ties by name, no from: last
    by_year: tuple[ToneCount, ...]  # per calendar year, from the first feedback's year to as_of's
    actions: tuple[Feedback, ...]  # with an action: (whatever its tone), oldest first
    unactioned: tuple[Feedback, ...]  # constructive or critical, with no action:, oldest first


def _tones(label: str | int | None, items: Sequence[Feedback]) -> ToneCount:
    tones = [f.tone for f in items]
    act = [f for f in items if f.tone in ACTIONABLE_TONES]
    return ToneCount(label, len(items), tones.count("positive"), tones.count("constructive"),
                     tones.count("critical"), tones.count(None), len(act), sum(1 for f in act if f.action))


def feedback(entries: Entries, as_of: date, begin: date | None = None, end: date | None = None) -> FeedbackStats:
    """Feedback by source, tone and year, and how much of the constructive and
    critical feedback records an action. Only the feedback dated in [begin,
    end) counts (None: unbounded); the years still run from the first
    feedback's, of all of it up to as_of, so a window's years with none are
    there, with zeros."""
    known = of(upto(entries, as_of), Feedback)
    items = [f for f in known if within(f.date, begin, end)]
    totals = _tones(None, items)
    sources: dict[str | None, list[Feedback]] = {}
    for f in items:
        sources.setdefault(f.giver, []).append(f)
    by_source = sorted((_tones(k, v) for k, v in sources.items()),
                       key=lambda t: (t.label is None, -t.total, t.label or ""))
    by_year: tuple[ToneCount, ...] = ()
    if known:
        by_year = tuple(_tones(y, [f for f in items if f.date.year == y])
                        for y in range(known[0].date.year, as_of.year + 1))
    return FeedbackStats(
        items=tuple(items),
        totals=totals,
        actioned_share=share(totals.actioned, totals.actionable),
        by_source=tuple(by_source),
        by_year=by_year,
        actions=tuple(f for f in items if f.action),
        unactioned=tuple(f for f in items if needs_action(f)),
    )


def needs_action(f: Feedback) -> bool:
    """Constructive or critical feedback with no action: recorded."""
    return f.tone in ACTIONABLE_TONES and not f.action


def overdue_actions(entries: Entries, as_of: date) -> tuple[tuple[Feedback, int], ...]:
    """(feedback, its age in days) for each that needs an action and is older
    than ACTION_WITHIN days, oldest first."""
    return tuple((f, (as_of - f.date).days) for f in of(upto(entries, as_of), Feedback)
                 if needs_action(f) and (as_of - f.date).days > ACTION_WITHIN)
