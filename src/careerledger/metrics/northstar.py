"""The north star: the current one and its history, the coverage of its
needs by each skill's latest level, and the steps working backward."""

import datetime as dt
from collections.abc import Set as AbstractSet
from datetime import date
from typing import NamedTuple

from ..core.entries import Bet, NorthStar, Role, Skill, distinct
from ..core.links import links
from ..core.schema import LEVELS
from .skills import SkillLevel, latest_levels
from .swings import bet_records
from .timeline import Entries, latest, of, stints, upto


class NorthStarStatus(NamedTuple):
    current: NorthStar | None  # the latest north star
    history: tuple[NorthStar, ...]  # every north star, oldest first (the current one last)
    by: date | None  # its horizon
    days_left: int | None  # by - as_of (negative once passed)
    expired: bool  # as_of > by


def north_star(entries: Entries, as_of: date) -> NorthStarStatus:
    entries = upto(entries, as_of)
    stars = of(entries, NorthStar)
    if not stars:
        return NorthStarStatus(None, (), None, None, False)
    star = stars[-1]
    by = star.by
    assert by is not None  # the parser fills in the default horizon
    return NorthStarStatus(star, tuple(stars), by, (by - as_of).days, as_of > by)


class Coverage(NamedTuple):
    north_star: NorthStar | None
    needs: tuple[str, ...]  # the latest north star's needs, in its order
    mastered: tuple[SkillLevel, ...]  # whose latest level is mastered
    lower: tuple[SkillLevel, ...]  # whose latest level is below mastered
    missing: tuple[str, ...]  # needed skills with no skill entry


def coverage(entries: Entries, as_of: date) -> Coverage:
    """Coverage of the latest north star's needs by each skill's latest level
    (the latest entry wins, even when it records a lower level)."""
    entries = upto(entries, as_of)
    star = latest(entries, NorthStar)
    if star is None:
        return Coverage(None, (), (), (), ())
    levels = latest_levels(entries)
    needs = distinct(star.needs)  # a need written twice counts once
    found = [levels[n] for n in needs if n in levels]
    return Coverage(
        north_star=star,
        needs=needs,
        mastered=tuple(s for s in found if s.level == "mastered"),
        lower=tuple(s for s in found if s.level != "mastered"),
        missing=tuple(n for n in needs if n not in levels),
    )

def levels_to_go(level: str | None) -> int:
    """How far a skill still is from mastered, in levels: mastered 0, proficient 1,
    practicing 2, novice 3; no entry at all (None) is farthest, 4."""
    return len(LEVELS) if level is None else len(LEVELS) - 1 - LEVELS.index(level)


class Builder(NamedTuple):
    """An entry that built a skill: its #tags name the skill (a skill entry also
    builds its own skill)."""

    kind: str  # "role" | "bet" | "skill"
    name: str  # the role's title, the bet's name, the skill entry's "#skill level"
    date: date
    end: dt.date | None  # a role's end, a bet's close; None while going on, and for skills
    entry: Role | Bet | Skill


class Need(NamedTuple):
    skill: str  # the tag, without '#'
    level: str | None  # its latest level; None with no skill entry
    since: date | None  # the date of that latest skill entry
    to_go: int  # levels_to_go(level)
    built_by: tuple[Builder, ...]  # oldest first


class Backward(NamedTuple):
    north_star: NorthStar | None  # the current (latest) north star
    needs: tuple[Need, ...]  # for each of its needs, in its order
    steps: tuple[Need, ...]  # the needs not yet mastered, farthest first (ties keep the north star's order)


def built_by(entries: Entries, skill: str, as_of: date) -> tuple[Builder, ...]:
    """The roles, bets and skill entries up to as_of that built `skill`: a role or
    a bet whose #tags include it, a skill entry of that skill or tagged with it."""
    return _builders(upto(entries, as_of), as_of).get(skill, ())


def _builders(entries: Entries, as_of: date) -> dict[str, tuple[Builder, ...]]:
    """skill -> (Builder, ...) for every tag of a role, bet or skill entry."""
    ends = {s.role: (None if s.ongoing else s.end) for s in stints(entries, as_of) if s.role}
    ends.update((role, day) for role, day in links(entries).ended.items() if role.side)
    closed = {b.entry: b.closed_on for b in bet_records(entries, as_of)}
    found: dict[str, list[Builder]] = {}
    skills: AbstractSet[str]
    for e in entries:
        # one type() per entry; the asserts (for mypy) run only on the kinds that build
        t = type(e)
        if t is Role:
            assert isinstance(e, Role)
            builder, skills = Builder("role", e.title, e.date, ends.get(e), e), e.tags
        elif t is Bet:
            assert isinstance(e, Bet)
            builder, skills = Builder("bet", e.name, e.date, closed.get(e), e), e.tags
        elif t is Skill:
            assert isinstance(e, Skill)
            builder, skills = Builder("skill", f"#{e.skill} {e.level}", e.date, None, e), {e.skill, *e.tags}
        else:
            continue
        for skill in sorted(skills):
            found.setdefault(skill, []).append(builder)
    return {k: tuple(v) for k, v in found.items()}


def working_backward(entries: Entries, as_of: date) -> Backward:
    """The current north star's needs, each with how far it still is and what built
    it so far; `steps` are the needs not yet mastered, farthest first."""
    entries = upto(entries, as_of)
    cov = coverage(entries, as_of)
    if cov.north_star is None:
        return Backward(None, (), ())
    levels = {s.skill: s for s in cov.mastered + cov.lower}
    builders = _builders(entries, as_of)
    needs: list[Need] = []
    for n in cov.needs:
        s = levels.get(n)
        level = s.level if s else None
        needs.append(Need(n, level, s.date if s else None, levels_to_go(level), builders.get(n, ())))
    steps = sorted((n for n in needs if n.to_go), key=lambda n: -n.to_go)  # stable
    return Backward(cov.north_star, tuple(needs), tuple(steps))
