"""Evaluate: the measuring stick. Does an opportunity take the person closer
to or further from the north star?

A few plain rules with integer weights, each giving one reason, weighed on
the figures careerledger.compute already has (coverage, swings, phases), as
of the opportunity's own date. docs/metrics.md ("Evaluate: the measuring
stick") states every rule, weight and threshold, so a user can argue with
them. Kept out of compute.py so that `check` does not load it.
"""

from datetime import date
from fractions import Fraction
from typing import NamedTuple

from .compute import Phases, _of, breakdown, coverage, phases, swings, upto
from .entries import NorthStar, Opportunity, Skill

NEED_POINTS = 2  # each north-star need the opportunity builds that is not yet mastered
NEED_CAP = 4  # ... up to this many points in all (two needs)
SWING_POINTS = 2  # established and a big swing is due: innovation +2, core -2
EARLY_POINTS = 1  # not yet established: core +1, innovation -1 (core roles first)
PHASE_POINTS = 1  # the phase balance calls for a phase: that phase +1, the other -1
PHASE_SHARE = Fraction(3, 5)  # a phase with 60% or more of the trailing 5 years calls for the other
REPEAT_POINTS = 2  # it builds only skills already mastered: -2

OTHER_PHASE = {"learning": "impact", "impact": "learning"}


class Reason(NamedTuple):
    rule: str  # needs | swing-due | early-career | phase | repeats
    weight: int  # the rule's weight: what it scores, for or against, when it applies
    points: int  # what it scored here: +weight, -weight or 0
    text: str  # one line, for people


class Evaluation(NamedTuple):
    opportunity: Opportunity
    as_of: date
    ad_hoc: bool  # not an entry of the ledger (described on the command line)
    north_star: NorthStar | None
    reasons: tuple  # Reason, in the order of the rules
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


def phase_call(entries, options, as_of):
    """The phase balance calls for the other phase when the current learning or
    impact streak is longer than phase-max (`stuck`), else when one phase holds
    60% or more of the days of the trailing 5 years; otherwise for neither."""
    ph = phases(entries, as_of, options)
    r = ph.recent
    if ph.stuck:
        phase = ph.current
        return PhaseCall(OTHER_PHASE[phase], "streak", phase, getattr(r, phase),
                         getattr(r, phase + "_share"), ph)
    for phase in ("impact", "learning"):  # both cannot hold 60%
        days = getattr(r, phase)
        if r.days and days >= PHASE_SHARE * r.days:
            return PhaseCall(OTHER_PHASE[phase], "share", phase, days, getattr(r, phase + "_share"), ph)
    return PhaseCall(None, None, None, None, None, ph)


def find_opportunity(entries, name):
    """The latest `opportunity` entry named `name`, or None."""
    found = [e for e in _of(entries, Opportunity) if e.name == name]
    return found[-1] if found else None


def opportunity_names(entries):
    """The names of the ledger's opportunities, sorted."""
    return sorted({e.name for e in _of(entries, Opportunity)})


def evaluate(entries, options, opportunity, as_of):
    """Hold an opportunity against the ledger as of `as_of` (for an opportunity of
    the ledger, its own date): does it get the person closer to the north star?

    Each rule gives one Reason (the needs rule one per `builds:` tag); the score
    is the sum of their points; the verdict is `closer` above 0, `further`
    below, `neutral` at 0.
    """
    ad_hoc = opportunity not in entries
    entries = upto(entries, as_of)
    cov = coverage(entries, as_of)
    levels = {e.skill: e.level for e in _of(entries, Skill)}  # each skill's latest level
    reasons = list(_needs_reasons(opportunity, cov, levels))
    reasons.append(_swing_reason(opportunity, entries, options, as_of))
    reasons.append(_phase_reason(opportunity, entries, options, as_of))
    reasons.append(_repeats_reason(opportunity, levels))
    score = sum(r.points for r in reasons)
    verdict = "closer" if score > 0 else "further" if score < 0 else "neutral"
    return Evaluation(opportunity, as_of, ad_hoc, cov.north_star, tuple(reasons), score, verdict)


def _needs_reasons(opp, cov, levels):
    if not opp.builds:
        yield Reason("needs", NEED_POINTS, 0, "builds no skill it names (no builds: tags)")
        return
    needs = set(cov.needs)
    total = 0
    for tag in dict.fromkeys(opp.builds):
        level = levels.get(tag)
        where = level or "no entry yet"
        if cov.north_star is None:
            yield Reason("needs", NEED_POINTS, 0, f"builds #{tag} (no north star to need it)")
        elif tag not in needs:
            yield Reason("needs", NEED_POINTS, 0, f"builds #{tag} (not a north-star need)")
        elif level == "mastered":
            yield Reason("needs", NEED_POINTS, 0, f"builds #{tag} (already mastered)")
        elif total + NEED_POINTS > NEED_CAP:
            yield Reason("needs", NEED_POINTS, 0,
                         f"builds #{tag} ({where}; north star needs it, but needs score at most +{NEED_CAP})")
        else:
            total += NEED_POINTS
            yield Reason("needs", NEED_POINTS, NEED_POINTS, f"builds #{tag} ({where}; north star needs it)")


def _swing_reason(opp, entries, options, as_of):
    sw = swings(entries, options, as_of)
    track = opp.track
    this = f"this is {track}" if track else "its track is not given"
    if sw.established is None or as_of < sw.established:
        points = {"core": EARLY_POINTS, "innovation": -EARLY_POINTS}.get(track, 0)
        until = f"until {sw.established}" if sw.established else "no main role yet"
        return Reason("early-career", EARLY_POINTS, points,
                      f"not yet established ({until}): the framework favours core roles first; {this}")
    if not sw.due:
        return Reason("swing-due", SWING_POINTS, 0, f"no big swing is due (the next by {sw.due_on}); {this}")
    points = {"innovation": SWING_POINTS, "core": -SWING_POINTS}.get(track, 0)
    if sw.swings:
        last = sw.swings[-1]
        small = sum(1 for b in sw.bets if b.size == "small" and b.date > last.date)
        since = f", {small} small bet{'' if small == 1 else 's'} since" if small else ""
        what = f"the last was {last.kind} \"{last.name}\" on {last.date}, {_ago(last.date, as_of)} ago{since}"
    else:
        what = f"none yet since the first role on {sw.measured_from}"
    return Reason("swing-due", SWING_POINTS, points,
                  f"a big swing is due ({what}; due by {sw.due_on}); {this}")


def _phase_reason(opp, entries, options, as_of):
    call = phase_call(entries, options, as_of)
    phase = opp.phase
    this = f"this is {phase}" if phase else "its phase is not given"
    if call.calls_for is None:
        r = call.phases.recent
        if not r.days:
            why = "no main role yet"
        else:
            why = (f"over the trailing 5 years learning took {_percent(r.learning, r.days)} and impact "
                   f"{_percent(r.impact, r.days)}: neither {_percent(PHASE_SHARE, 1)} or more")
        return Reason("phase", PHASE_POINTS, 0, f"the phase balance calls for neither phase ({why}); {this}")
    if call.because == "streak":
        ph = call.phases
        why = (f"the current {call.phase} streak, {_ago(ph.streak_start, as_of)}, is longer than "
               f"phase-max {options.phase_max}")
    else:
        r = call.phases.recent
        why = (f"{call.phase} took {call.days:,} of the {r.days:,} days of the trailing 5 years, "
               f"{_percent(call.days, r.days)}")
    points = PHASE_POINTS if phase == call.calls_for else -PHASE_POINTS if phase else 0
    return Reason("phase", PHASE_POINTS, points, f"the phase balance calls for {call.calls_for} ({why}); {this}")


def _repeats_reason(opp, levels):
    builds = tuple(dict.fromkeys(opp.builds))
    if not builds:
        return Reason("repeats", REPEAT_POINTS, 0, "repeats nothing it names (no builds: tags)")
    new = [t for t in builds if levels.get(t) != "mastered"]
    if not new:
        return Reason("repeats", REPEAT_POINTS, -REPEAT_POINTS,
                      "only repeats what is already mastered: " + ", ".join(f"#{t}" for t in builds))
    return Reason("repeats", REPEAT_POINTS, 0,
                  "builds something not yet mastered: " + ", ".join(f"#{t}" for t in new))


def _percent(part, whole):
    """part / whole as a whole percentage rounded down, so that a share shown as
    59% is below 60% (`1096 / 1827` is 59%, not 60%)."""
    return f"{int(100 * part // whole)}%"


def _ago(start, end):
    """end - start as `8y 8m 1d`."""
    return str(breakdown(start, end))
