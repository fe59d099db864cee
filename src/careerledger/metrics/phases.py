"""Phase balance: the runs of learning, impact and gap, their shares over the
career and the trailing 5 years, the current streak and the switches."""

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from ..core.dates import add
from ..core.entries import Duration, Leave, Role
from ..core.options import DEFAULTS, Options
from .timeline import Entries, share, stints, upto

RECENT = Duration(5, "y")  # the trailing window of the phase balance


class Run(NamedTuple):
    phase: str  # "learning" | "impact" | "gap"
    start: date
    end: date  # excluded; as_of for the current run
    days: int
    entry: Role | Leave  # the Role (or, for a gap, the Leave) that started the run


class Balance(NamedTuple):
    start: date | None  # first day counted (None when nothing is counted)
    end: date  # as_of (excluded)
    days: int
    learning: int
    impact: int
    gap: int
    learning_share: float | None  # None when days is 0
    impact_share: float | None
    gap_share: float | None


class Phases(NamedTuple):
    runs: tuple[Run, ...]  # consecutive same-phase roles merged; the last one is current
    career: Balance  # first main role to as_of
    recent: Balance  # the trailing 5 years: [as_of - 5y, as_of), clipped to the career
    current: str | None  # the phase held on as_of; None before the first main role
    streak_start: date | None  # the day the phase last changed
    streak_days: int | None  # as_of - streak_start
    switches: int  # changes between learning and impact, gaps ignored
    limit_on: date | None  # streak_start + phase-max: the last day not stuck
    stuck: bool  # a learning or impact streak longer than phase-max: as_of > limit_on


def phases(entries: Entries, as_of: date, options: Options = DEFAULTS) -> Phases:
    """Phase balance. `options` (for phase-max) defaults to the format's defaults."""
    entries = upto(entries, as_of)
    spans = stints(entries, as_of)

    # Zero-day stints take no days, but one that starts on as_of is the phase
    # held today (streak 0), so the last stint is always kept.
    runs: list[Run] = []
    broken = False  # a zero-day gap: a leave and a new role on one day still end the run
    for i, s in enumerate(spans):
        if s.start == s.end and i < len(spans) - 1:
            broken = broken or s.role is None
            continue
        # a main role always has a phase (only a side role may give none)
        phase = (s.role.phase or "learning") if s.role else "gap"
        if runs and runs[-1].phase == phase and not broken:
            prev = runs[-1]
            runs[-1] = prev._replace(end=s.end, days=(s.end - prev.start).days)
        else:
            runs.append(Run(phase, s.start, s.end, s.days, s.opened_by))
        broken = False

    first = runs[0].start if runs else None
    window = add(as_of, RECENT, times=-1)
    career = _balance(runs, first, as_of)
    recent = _balance(runs, max(first, window) if first else None, as_of)

    # A gap is a phase of its own for the streak (the phase did change when
    # the role ended), but not for switches: learning, gap, learning is no switch.
    current = runs[-1] if runs else None
    worked = [r.phase for r in runs if r.phase != "gap"]
    switches = sum(1 for a, b in pairwise(worked) if a != b)
    limit_on = add(current.start, options.phase_max) if current else None
    return Phases(
        runs=tuple(runs),
        career=career,
        recent=recent,
        current=current.phase if current else None,
        streak_start=current.start if current else None,
        streak_days=(as_of - current.start).days if current else None,
        switches=switches,
        limit_on=limit_on,
        # a long gap is a sabbatical or a search, not a phase one is stuck in
        stuck=current is not None and limit_on is not None and as_of > limit_on and current.phase != "gap",
    )


def _balance(runs: Sequence[Run], start: date | None, as_of: date) -> Balance:
    days = {"learning": 0, "impact": 0, "gap": 0}
    if start is not None:
        for r in runs:
            s = max(r.start, start)
            if r.end > s:
                days[r.phase] += (r.end - s).days
    total = sum(days.values())
    return Balance(
        start, as_of, total, days["learning"], days["impact"], days["gap"],
        share(days["learning"], total), share(days["impact"], total), share(days["gap"], total),
    )
