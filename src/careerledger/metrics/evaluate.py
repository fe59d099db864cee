"""Evaluate: the measuring stick. Does an opportunity take the person closer
to or further from the north star, and closer or further than staying?

A few plain rules with integer weights, each giving one reason, weighed on
the figures the other metrics already have (coverage, swings, phases, home),
as of the opportunity's own date. Every offer is weighed against the implicit
alternative, staying in the current main role, by the same rules.
docs/metrics.md ("Evaluate: the measuring stick") states every rule, weight
and threshold, so a user can argue with them. A Reason holds the facts
behind it; render/evaluation.py words them. `check` never imports this
module.
"""

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from ..core.dates import shift
from ..core.entries import Loc, NorthStar, Opportunity, Role, distinct
from ..core.options import DEFAULTS, Options
from ..core.schema import TRACKS
from .home import home, home_trend
from .northstar import Coverage, coverage
from .phases import Phases, phases
from .roles import current_role
from .skills import latest_levels
from .swings import SUCCESS_BASELINE, Swings, swings
from .timeline import Entries, of, upto

NEED_POINTS = 2  # each north-star need the opportunity builds that is not yet mastered
NEED_CAP = 4  # ... up to this many points in all (two needs)
SWING_POINTS = 2  # established and a big swing is due: innovation +2, core (and staying) -2
EARLY_POINTS = 1  # not yet established: core +1, innovation -1 (core roles first)
PHASE_POINTS = 1  # the phase balance calls for a phase: that phase +1, the other -1
PHASE_SHARE = Fraction(3, 5)  # a phase with 60% or more of the trailing 5 years calls for the other
REPEAT_POINTS = 2  # it builds only skills already mastered: -2
HOME_POINTS = 2  # a demanding move while home is strained: -2
HOME_LOW = 2  # a last home score of 2 or less is strained (so is a falling trend)
RISK_POINTS = 0  # the risk of an innovation bet is stated, never scored (the story is worth it)

OTHER_PHASE = {"learning": "impact", "impact": "learning"}
assert set(TRACKS) == {"core", "innovation"}  # the swing and risk rules name both

STAYING = Loc("<staying>", 0)  # where the stay alternative comes from: the current role


class Reason(NamedTuple):
    rule: str  # needs | swing-due | early-career | phase | repeats | home | risk
    weight: int  # the rule's weight: what it scores, for or against, when it applies
    points: int  # what it scored here: +weight, -weight or 0
    case: str  # which way the rule went (render/evaluation.py words each case)
    facts: Mapping[str, object]  # the figures behind it


class Need(NamedTuple):
    """A need of the north star, with its latest level (None with no skill entry)."""

    tag: str
    level: str | None


class Evaluation(NamedTuple):
    opportunity: Opportunity
    as_of: date
    ad_hoc: bool  # not an entry of the ledger (described on the command line); False for staying
    north_star: NorthStar | None
    reasons: tuple[Reason, ...]  # in the order of the rules
    score: int  # the sum of the points
    verdict: str  # closer (score > 0) | further (score < 0) | neutral (0)
    untouched: tuple[Need, ...]  # the north star's needs it does not build at all, in the north star's order
    mastered: tuple[str, ...]  # the north star's needs already mastered as of as_of
    role: Role | None  # the main role held on as_of (None before the first, or after a leave)
    staying: bool  # this is the stay alternative itself
    alternative: "Evaluation | None"  # staying in `role`, weighed alike; None when staying, or with no role

    @property
    def closer_of_two(self) -> str | None:
        """Which of the offer and staying scores higher: `offer`, `stay` or `even`;
        None with no alternative."""
        alt = self.alternative
        if alt is None:
            return None
        return "offer" if self.score > alt.score else "stay" if self.score < alt.score else "even"


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
              builds: tuple[str, ...] = (), org: str | None = None) -> Opportunity:
    """An opportunity that is not in the ledger, described by its track, phase,
    the skills it builds and its organisation, offered on `as_of`."""
    return Opportunity(Loc("<command line>", 0), as_of, name, track, phase, builds, org)


def stay_opportunity(role: Role, needs: Sequence[str], as_of: date) -> Opportunity:
    """The stay alternative as an opportunity: the current role's track and
    phase, at its organisation, building the north star's needs among the
    role's #tags (in the north star's order)."""
    return Opportunity(STAYING, as_of, role.title, role.track, role.phase,
                       tuple(n for n in needs if n in role.tags), role.org)


def evaluate(entries: Entries, opportunity: Opportunity, as_of: date, options: Options = DEFAULTS) -> Evaluation:
    """Hold an opportunity against the ledger as of `as_of` (for an opportunity of
    the ledger, its own date): does it get the person closer to the north star?
    And staying in the main role held on `as_of`, by the same rules (the
    Evaluation's `alternative`).

    Each rule gives one Reason (the needs rule one per `builds:` tag); the score
    is the sum of their points; the verdict is `closer` above 0, `further`
    below, `neutral` at 0.
    """
    ad_hoc = opportunity not in entries
    entries = upto(entries, as_of)
    ctx = _Context(entries, as_of, options)
    alternative = None
    if ctx.role is not None:
        alternative = _weigh(ctx, stay_opportunity(ctx.role, ctx.cov.needs, as_of), False, True, None)
    return _weigh(ctx, opportunity, ad_hoc, False, alternative)


def stay(entries: Entries, as_of: date, options: Options = DEFAULTS) -> Evaluation | None:
    """Staying in the main role held on `as_of`, weighed alone; None with no main role held."""
    entries = upto(entries, as_of)
    ctx = _Context(entries, as_of, options)
    if ctx.role is None:
        return None
    return _weigh(ctx, stay_opportunity(ctx.role, ctx.cov.needs, as_of), False, True, None)


class Ranked(NamedTuple):
    rank: int  # 1 for the highest score; equal scores share a rank
    evaluation: Evaluation


class Comparison(NamedTuple):
    as_of: date
    offers: tuple[Evaluation, ...]  # in the order given, each with staying as its alternative
    stay: Evaluation | None  # staying in the current role; None with no main role held
    ranking: tuple[Ranked, ...]  # the offers and staying, highest score first


def compare(entries: Entries, opportunities: Sequence[Opportunity], as_of: date,
            options: Options = DEFAULTS) -> Comparison:
    """Several offers weighed as of one day, and staying; ranked by score,
    highest first. Equal scores share a rank and keep the order given, staying
    after the offers it ties with."""
    offers = tuple(evaluate(entries, o, as_of, options) for o in opportunities)
    alt = offers[0].alternative if offers else stay(entries, as_of, options)
    field = [*offers, *([alt] if alt is not None else [])]
    ordered = sorted(field, key=lambda ev: -ev.score)  # stable: the order given, staying last
    ranking: list[Ranked] = []
    for i, ev in enumerate(ordered):
        rank = ranking[-1].rank if i and ordered[i - 1].score == ev.score else i + 1
        ranking.append(Ranked(rank, ev))
    return Comparison(as_of, offers, alt, tuple(ranking))


class _Context:
    """The figures every rule reads, computed once for an offer and its alternative."""

    def __init__(self, entries: Entries, as_of: date, options: Options):
        self.entries, self.as_of, self.options = entries, as_of, options
        self.cov: Coverage = coverage(entries, as_of)
        self.levels = {k: s.level for k, s in latest_levels(entries).items()}
        self.swings: Swings = swings(entries, as_of, options)
        self.phase: PhaseCall = phase_call(entries, as_of, options)
        held = current_role(entries, as_of)
        self.role: Role | None = held.role if held else None


def _weigh(ctx: _Context, opp: Opportunity, ad_hoc: bool, is_stay: bool,
           alternative: Evaluation | None) -> Evaluation:
    reasons = list(_needs_reasons(opp, ctx.cov, ctx.levels, ctx.role if is_stay else None))
    reasons.append(_swing_reason(opp, ctx.swings, ctx.as_of, is_stay))
    reasons.append(_phase_reason(opp, ctx.phase, ctx.as_of, ctx.options))
    reasons.append(_repeats_reason(opp, ctx.levels, is_stay))
    reasons.append(_home_reason(opp, ctx, is_stay))
    reasons.append(_risk_reason(opp, ctx.swings))
    score = sum(r.points for r in reasons)
    verdict = "closer" if score > 0 else "further" if score < 0 else "neutral"
    builds = set(opp.builds)
    untouched = tuple(Need(n, ctx.levels.get(n)) for n in ctx.cov.needs if n not in builds)
    mastered = tuple(s.skill for s in ctx.cov.mastered)
    return Evaluation(opp, ctx.as_of, ad_hoc, ctx.cov.north_star, tuple(reasons), score, verdict, untouched,
                      mastered, ctx.role, is_stay, alternative)


def _needs_reasons(opp: Opportunity, cov: Coverage, levels: dict[str, str],
                   role: Role | None) -> Iterator[Reason]:
    if not opp.builds:
        if role is not None:  # staying: the role's tags reach no need
            yield Reason("needs", NEED_POINTS, 0, "none-reached", {"role_tags": tuple(sorted(role.tags))})
        else:
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


def _swing_reason(opp: Opportunity, sw: Swings, as_of: date, is_stay: bool) -> Reason:
    track = opp.track
    if sw.established is None or as_of < sw.established:
        points = {"core": EARLY_POINTS, "innovation": -EARLY_POINTS}.get(track or "", 0)
        return Reason("early-career", EARLY_POINTS, points, "early",
                      {"established": sw.established, "track": track})
    if not sw.due:
        return Reason("swing-due", SWING_POINTS, 0, "not-due", {"due_on": sw.due_on, "track": track})
    assert sw.due_on is not None  # a swing is due only after a due date
    # staying is no new swing, whatever its track
    points = -SWING_POINTS if is_stay else {"innovation": SWING_POINTS, "core": -SWING_POINTS}.get(track or "", 0)
    facts: dict[str, object] = {
        "due_on": sw.due_on, "track": track, "as_of": as_of, "measured_from": sw.measured_from,
        # the first day it counted as due: the day after due_on, never before established
        "established": sw.established, "due_from": max(shift(sw.due_on, 1), sw.established),
        "staying": is_stay,
    }
    if sw.swings:
        last = sw.swings[-1]
        facts.update(last_kind=last.kind, last_name=last.name, last_on=last.date,
                     small_since=sum(1 for b in sw.bets if b.size == "small" and b.date > last.date))
        return Reason("swing-due", SWING_POINTS, points, "due", facts)
    return Reason("swing-due", SWING_POINTS, points, "due-no-swing", facts)


def _phase_reason(opp: Opportunity, call: PhaseCall, as_of: date, options: Options) -> Reason:
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


def _repeats_reason(opp: Opportunity, levels: dict[str, str], is_stay: bool) -> Reason:
    builds = distinct(opp.builds)
    if not builds:
        return Reason("repeats", REPEAT_POINTS, 0, "none-reached" if is_stay else "no-builds", {})
    new = tuple(t for t in builds if levels.get(t) != "mastered")
    if not new:
        return Reason("repeats", REPEAT_POINTS, -REPEAT_POINTS, "repeats", {"tags": builds})
    return Reason("repeats", REPEAT_POINTS, 0, "new", {"tags": new})


def demanding(opp: Opportunity, role: Role | None) -> tuple[str, ...]:
    """Why a move is demanding, in this order: `innovation` (an innovation
    track), `learning-after-impact` (a learning phase while the current main
    role is impact), `new-org` (`at:` an organisation other than the current
    main role's). Empty when it is none of them."""
    why = []
    if opp.track == "innovation":
        why.append("innovation")
    if role is not None and opp.phase == "learning" and role.phase == "impact":
        why.append("learning-after-impact")
    if role is not None and opp.org is not None and opp.org != role.org:
        why.append("new-org")
    return tuple(why)


def _home_reason(opp: Opportunity, ctx: _Context, is_stay: bool) -> Reason:
    status = home(ctx.entries, ctx.as_of, ctx.options)
    last = status.last
    if last is None:
        return Reason("home", HOME_POINTS, 0, "no-checkins", {})
    trend = home_trend(ctx.entries, ctx.as_of)
    low, falling = last.score <= HOME_LOW, trend.trend == "down"
    why = () if is_stay else demanding(opp, ctx.role)
    facts: dict[str, object] = {
        "demanding": why, "staying": is_stay, "last_on": last.date, "score": last.score, "note": last.note,
        "days_since": status.days_since, "stale": status.stale, "trend": trend.trend, "scores": trend.scores,
        "low": low, "falling": falling, "low_at": HOME_LOW,
    }
    if not why:
        return Reason("home", HOME_POINTS, 0, "not-demanding", facts)
    if low or falling:
        return Reason("home", HOME_POINTS, -HOME_POINTS, "strained", facts)
    return Reason("home", HOME_POINTS, 0, "holds", facts)


def _risk_reason(opp: Opportunity, sw: Swings) -> Reason:
    if opp.track != "innovation":
        return Reason("risk", RISK_POINTS, 0, opp.track or "no-track", {"track": opp.track})
    closed = [b for b in sw.bets if not b.open]
    big = [b for b in closed if b.size == "big"]
    facts: dict[str, object] = {
        "track": opp.track, "baseline": SUCCESS_BASELINE, "closed": len(closed), "successes": sw.successes,
        "rate": sw.success_rate, "vs_baseline": sw.vs_baseline, "big_closed": len(big),
        "big_successes": sum(1 for b in big if b.result == "success"),
    }
    return Reason("risk", RISK_POINTS, 0, "innovation", facts)
