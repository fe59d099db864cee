"""Evaluate: the measuring stick. Does an opportunity take the person closer
to or further from the north star?

A few plain rules with integer weights, each giving one reason, weighed on
the figures the other metrics already have (coverage, swings, phases), as of
the opportunity's own date. docs/metrics.md ("Evaluate: the measuring stick")
states every rule, weight and threshold, so a user can argue with them. A
Reason holds the facts behind it; render/evaluation.py words them. `check`
never imports this module.
"""

from collections.abc import Iterator, Mapping
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from ..core.entries import Loc, NorthStar, Opportunity, distinct
from ..core.options import DEFAULTS, Options
from ..core.schema import TRACKS
from .northstar import Coverage, coverage
from .phases import Phases, phases
from .skills import latest_levels
from .swings import swings
from .timeline import Entries, of, upto

NEED_POINTS = 2  # each north-star need the opportunity builds that is not yet mastered
NEED_CAP = 4  # ... up to this many points in all (two needs)
SWING_POINTS = 2  # established and a big swing is due: innovation +2, core -2
EARLY_POINTS = 1  # not yet established: core +1, innovation -1 (core roles first)
PHASE_POINTS = 1  # the phase balance calls for a phase: that phase +1, the other -1
PHASE_SHARE = Fraction(3, 5)  # a phase with 60% or more of the trailing 5 years calls for the other
REPEAT_POINTS = 2  # it builds only skills already mastered: -2

OTHER_PHASE = {"learning": "impact", "impact": "learning"}
assert set(TRACKS) == {"core", "innovation"}  # the swing rules name both


class Reason(NamedTuple):
    rule: str  # needs | swing-due | early-career | phase | repeats
    weight: int  # the rule's weight: what it scores, for or against, when it applies
    points: int  # what it scored here: +weight, -weight or 0
    case: str  # which way the rule went (render/evaluation.py words each case)
    facts: Mapping[str, object]  # the figures behind it


class Evaluation(NamedTuple):
    opportunity: Opportunity
    as_of: date
    ad_hoc: bool  # not an entry of the ledger (described on the command line)
    north_star: NorthStar | None
    reasons: tuple[Reason, ...]  # in the order of the rules
    score: int  # the sum of the points
    verdict: str  # closer (score > 0) | further (score < 0) | neutral (0)


class PhaseCall(NamedTuple):
    """What the phase balance calls for next."""

    calls_for: str | None  # "learning" | "impact"; None when balanced or with no main role
    because: str | None  # "streak": the current streak is longer than phase-max; "share": 60% or more
    phase: str | None  # the phase that is too long or too large (the other one)
    days: int | None  # its days in the trailing 5 years
    share: float | None  # its share of the trailing 5 years
    phases: Phases


def phase_call(entries: Entries, as_of: date, options: Options = DEFAULTS) -> PhaseCall:
    """The phase balance calls for the other phase when the current learning or
    impact streak is longer than phase-max (`stuck`), else when one phase holds
    60% or more of the days of the trailing 5 years; otherwise for neither."""
    ph = phases(entries, as_of, options)
    r = ph.recent
    if ph.stuck and ph.current is not None:
        phase = ph.current
        return PhaseCall(OTHER_PHASE[phase], "streak", phase, getattr(r, phase),
                         getattr(r, phase + "_share"), ph)
    for phase in ("impact", "learning"):  # both cannot hold 60%
        days = getattr(r, phase)
        if r.days and days >= PHASE_SHARE * r.days:
            return PhaseCall(OTHER_PHASE[phase], "share", phase, days, getattr(r, phase + "_share"), ph)
    return PhaseCall(None, None, None, None, None, ph)


def find_opportunity(entries: Entries, name: str) -> Opportunity | None:
    """The latest `opportunity` entry named `name`, or None."""
    found = [e for e in of(entries, Opportunity) if e.name == name]
    return found[-1] if found else None


def opportunity_names(entries: Entries) -> list[str]:
    """The names of the ledger's opportunities, sorted."""
    return sorted({e.name for e in of(entries, Opportunity)})


def described(name: str, as_of: date, track: str | None = None, phase: str | None = None,
              builds: tuple[str, ...] = ()) -> Opportunity:
    """An opportunity that is not in the ledger, described by its track, phase
    and the skills it builds, offered on `as_of`."""
    return Opportunity(Loc("<command line>", 0), as_of, name, track, phase, builds)


def evaluate(entries: Entries, opportunity: Opportunity, as_of: date, options: Options = DEFAULTS) -> Evaluation:
    """Hold an opportunity against the ledger as of `as_of` (for an opportunity of
    the ledger, its own date): does it get the person closer to the north star?

    Each rule gives one Reason (the needs rule one per `builds:` tag); the score
    is the sum of their points; the verdict is `closer` above 0, `further`
    below, `neutral` at 0.
    """
    ad_hoc = opportunity not in entries
    entries = upto(entries, as_of)
    cov = coverage(entries, as_of)
    levels = {k: s.level for k, s in latest_levels(entries).items()}
    reasons = list(_needs_reasons(opportunity, cov, levels))
    reasons.append(_swing_reason(opportunity, entries, as_of, options))
    reasons.append(_phase_reason(opportunity, entries, as_of, options))
    reasons.append(_repeats_reason(opportunity, levels))
    score = sum(r.points for r in reasons)
    verdict = "closer" if score > 0 else "further" if score < 0 else "neutral"
    return Evaluation(opportunity, as_of, ad_hoc, cov.north_star, tuple(reasons), score, verdict)


def _needs_reasons(opp: Opportunity, cov: Coverage, levels: dict[str, str]) -> Iterator[Reason]:
    if not opp.builds:
        yield Reason("needs", NEED_POINTS, 0, "no-builds", {})
        return
    needs = set(cov.needs)
    total = 0
    for tag in distinct(opp.builds):
        facts = {"tag": tag, "level": levels.get(tag), "cap": NEED_CAP}
        if cov.north_star is None:
            yield Reason("needs", NEED_POINTS, 0, "no-north-star", facts)
        elif tag not in needs:
            yield Reason("needs", NEED_POINTS, 0, "not-needed", facts)
        elif facts["level"] == "mastered":
            yield Reason("needs", NEED_POINTS, 0, "mastered", facts)
        elif total + NEED_POINTS > NEED_CAP:
            yield Reason("needs", NEED_POINTS, 0, "capped", facts)
        else:
            total += NEED_POINTS
            yield Reason("needs", NEED_POINTS, NEED_POINTS, "needed", facts)


def _swing_reason(opp: Opportunity, entries: Entries, as_of: date, options: Options) -> Reason:
    sw = swings(entries, as_of, options)
    track = opp.track
    if sw.established is None or as_of < sw.established:
        points = {"core": EARLY_POINTS, "innovation": -EARLY_POINTS}.get(track or "", 0)
        return Reason("early-career", EARLY_POINTS, points, "early",
                      {"established": sw.established, "track": track})
    if not sw.due:
        return Reason("swing-due", SWING_POINTS, 0, "not-due", {"due_on": sw.due_on, "track": track})
    points = {"innovation": SWING_POINTS, "core": -SWING_POINTS}.get(track or "", 0)
    facts: dict[str, object] = {"due_on": sw.due_on, "track": track, "as_of": as_of,
                                "measured_from": sw.measured_from}
    if sw.swings:
        last = sw.swings[-1]
        facts.update(last_kind=last.kind, last_name=last.name, last_on=last.date,
                     small_since=sum(1 for b in sw.bets if b.size == "small" and b.date > last.date))
        return Reason("swing-due", SWING_POINTS, points, "due", facts)
    return Reason("swing-due", SWING_POINTS, points, "due-no-swing", facts)


def _phase_reason(opp: Opportunity, entries: Entries, as_of: date, options: Options) -> Reason:
    call = phase_call(entries, as_of, options)
    phase = opp.phase
    r = call.phases.recent
    facts: dict[str, object] = {"phase": phase, "recent_days": r.days, "learning": r.learning,
                                "impact": r.impact, "threshold": PHASE_SHARE}
    if call.calls_for is None:
        return Reason("phase", PHASE_POINTS, 0, "neither" if r.days else "no-role", facts)
    facts.update(calls_for=call.calls_for, long_phase=call.phase, days=call.days)
    points = PHASE_POINTS if phase == call.calls_for else -PHASE_POINTS if phase else 0
    if call.because == "streak":
        facts.update(streak_start=call.phases.streak_start, as_of=as_of, phase_max=options.phase_max)
        return Reason("phase", PHASE_POINTS, points, "streak", facts)
    return Reason("phase", PHASE_POINTS, points, "share", facts)


def _repeats_reason(opp: Opportunity, levels: dict[str, str]) -> Reason:
    builds = distinct(opp.builds)
    if not builds:
        return Reason("repeats", REPEAT_POINTS, 0, "no-builds", {})
    new = tuple(t for t in builds if levels.get(t) != "mastered")
    if not new:
        return Reason("repeats", REPEAT_POINTS, -REPEAT_POINTS, "repeats", {"tags": builds})
    return Reason("repeats", REPEAT_POINTS, 0, "new", {"tags": new})
