"""Skills: each skill's levels over time, novice to mastered, and the skills
with no progress in two years."""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..core.dates import add
from ..core.entries import Duration, NorthStar, Skill, distinct
from ..core.schema import LEVELS
from .timeline import Entries, latest, upto, within


class SkillLevel(NamedTuple):
    skill: str  # the tag, without '#'
    level: str
    date: date
    entry: Skill


def latest_levels(entries: Entries) -> dict[str, SkillLevel]:
    """skill -> its latest level (a later lower level replaces an earlier one)."""
    found: dict[str, SkillLevel] = {}
    for e in entries:
        if type(e) is Skill:
            found[e.skill] = SkillLevel(e.skill, e.level, e.date, e)
    return found


SKILL_STALE = Duration(2, "y")  # a skill below mastered with no progress for longer is stale
_RANK = {level: i for i, level in enumerate(LEVELS)}  # novice 0 … mastered 3


class SkillStep(NamedTuple):
    skill: str  # the tag, without '#'
    date: date
    level: str
    previous: str | None  # the skill's level before this entry; None for its first entry
    change: str  # "new" (its first entry) | "up" | "same" | "down"
    evidence: str | None
    entry: Skill


def skill_steps(entries: Entries, as_of: date, begin: date | None = None,
                end: date | None = None) -> tuple[SkillStep, ...]:
    """Every skill entry as a SkillStep, oldest first; with begin/end only those
    dated in [begin, end) (their previous level still comes from every earlier entry)."""
    entries = upto(entries, as_of)
    level: dict[str, str] = {}  # skill -> its level so far
    steps: list[SkillStep] = []
    for e in entries:
        if type(e) is Skill:
            prev = level.get(e.skill)
            if prev is None:
                change = "new"
            else:
                d = _RANK[e.level] - _RANK[prev]
                change = "up" if d > 0 else "down" if d < 0 else "same"
            level[e.skill] = e.level
            if within(e.date, begin, end):
                steps.append(SkillStep(e.skill, e.date, e.level, prev, change, e.evidence, e))
    return tuple(steps)


class SkillProgress(NamedTuple):
    skill: str
    steps: tuple[SkillStep, ...]  # oldest first
    level: str  # the latest level (a later lower level replaces an earlier one)
    since: date  # the latest entry's date
    first_on: date  # the first entry's date
    novice_on: date | None  # the first `novice` entry
    mastered_on: date | None  # the first `mastered` entry
    novice_to_mastered: int | None  # mastered_on - novice_on, when both exist and novice came first
    last_progress_on: date  # the latest entry that raised the level (the first entry counts)
    stale_after: date | None  # last_progress_on + 2y, the last day not stale; None when mastered
    stale: bool  # below mastered and as_of > stale_after
    needed: bool  # in the latest north star's needs


class Skills(NamedTuple):
    north_star: NorthStar | None  # the latest north star
    skills: tuple[SkillProgress, ...]  # the north star's needs in its order, then the others by tag
    needs: tuple[str, ...]  # the latest north star's needs (a repeated tag once)
    not_needed: tuple[str, ...]  # skills with entries that the north star does not need, by tag; () with no north star
    missing: tuple[str, ...]  # needs with no skill entry
    stale: tuple[SkillProgress, ...]  # in the order of `skills`


def skills(entries: Entries, as_of: date) -> Skills:
    """Each skill's progression, time from novice to mastered, what the north
    star needs, and the skills with no progress in the last two years."""
    steps = skill_steps(entries, as_of)
    star = latest(upto(entries, as_of), NorthStar)
    needs = distinct(star.needs) if star else ()
    needed = set(needs)
    by_skill: dict[str, list[SkillStep]] = {}
    for s in steps:
        by_skill.setdefault(s.skill, []).append(s)
    others = sorted(k for k in by_skill if k not in needed)
    order = [n for n in needs if n in by_skill] + others
    found = tuple(_progress(by_skill[k], k in needed, as_of) for k in order)
    return Skills(
        north_star=star,
        skills=found,
        needs=needs,
        not_needed=tuple(others) if star else (),
        missing=tuple(n for n in needs if n not in by_skill),
        stale=tuple(p for p in found if p.stale),
    )


def _progress(steps: Sequence[SkillStep], needed: bool, as_of: date) -> SkillProgress:
    first, last = steps[0], steps[-1]
    novice = next((s.date for s in steps if s.level == "novice"), None)
    mastered = next((s.date for s in steps if s.level == "mastered"), None)
    progress_on = [s.date for s in steps if s.change in ("new", "up")][-1]
    stale_after = None if last.level == "mastered" else add(progress_on, SKILL_STALE)
    return SkillProgress(
        skill=first.skill,
        steps=tuple(steps),
        level=last.level,
        since=last.date,
        first_on=first.date,
        novice_on=novice,
        mastered_on=mastered,
        novice_to_mastered=(mastered - novice).days if novice and mastered and novice <= mastered else None,
        last_progress_on=progress_on,
        stale_after=stale_after,
        stale=stale_after is not None and as_of > stale_after,
        needed=needed,
    )
