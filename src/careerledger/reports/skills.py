"""The skills report: levels with evidence, novice to mastered, stale skills."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import skills
from .model import (
    ALL,
    BOOL,
    DATE,
    ITEMS,
    LENGTH,
    LIST,
    SOURCE,
    TEXT,
    Fact,
    Length,
    Section,
    Window,
    as_of_cover,
    facts_section,
    listed_cover,
    register,
    span_length,
    table_section,
)
from .sections import level_item

if TYPE_CHECKING:
    from ..loader import Ledger


@register("skills", "Skills", "skill levels with evidence, novice to mastered, stale skills")
def skills_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    sk = skills.skills(ledger.entries, as_of)
    listed = listed_cover(window, as_of)
    table = table_section(
        "skills", "Skills", as_of_cover(as_of),
        (("skill", "skill", TEXT), ("level", "level", TEXT), ("since", "since", DATE),
         ("novice_on", "novice on", DATE), ("mastered_on", "mastered on", DATE),
         ("novice_to_mastered", "novice to mastered", LENGTH), ("needed", "north star needs it", BOOL),
         ("last_progress", "last progress", DATE), ("stale", "stale", BOOL)),
        [(p.skill, p.level, p.since, p.novice_on, p.mastered_on,
          span_length(p.novice_on, p.mastered_on, p.novice_to_mastered), p.needed, p.last_progress_on, p.stale)
         for p in sk.skills],
        empty="no skill entry",
    )
    progression = table_section(
        "progression", "Progression", as_of_cover(as_of) + listed,
        (("skill", "skill", TEXT), ("date", "date", DATE), ("from", "from", TEXT, "new"),
         ("level", "level", TEXT), ("evidence", "evidence", TEXT), ("source", "source", SOURCE)),
        [(s.skill, s.date, s.previous, s.level, s.evidence, f"{s.entry.loc.file}:{s.entry.loc.line}")
         for p in sk.skills for s in p.steps if window.holds(s.date)],
        empty="no skill entry", group=True,
    )
    star = sk.north_star
    needs = facts_section(
        "north_star", "North-star needs", as_of_cover(as_of),
        Fact("vision", "vision", star.vision if star else None, TEXT, "none: write a north-star entry"),
        Fact("needs", "needs", sk.needs, LIST, None),
        Fact("mastered", "mastered", tuple(p.skill for p in sk.skills if p.needed and p.level == "mastered"),
             LIST, None),
        Fact("lower", "below mastered",
             tuple(level_item(p.skill, p.level) for p in sk.skills if p.needed and p.level != "mastered"), ITEMS,
             None),
        Fact("missing", "no entry yet", sk.missing, LIST, None),
        Fact("not_needed", "not needed", sk.not_needed, LIST, None),
    )
    stale = table_section(
        "stale", f"No progress for more than {skills.SKILL_STALE.amount} years", as_of_cover(as_of),
        (("skill", "skill", TEXT), ("level", "level", TEXT), ("last_progress", "last progress", DATE),
         ("without_progress", "without progress", LENGTH), ("needed", "north star needs it", BOOL)),
        [(p.skill, p.level, p.last_progress_on,
          Length(p.last_progress_on, as_of, (as_of - p.last_progress_on).days), p.needed) for p in sk.stale],
        empty="every skill below mastered progressed in the last 2 years",
    )
    return [table, needs, stale, progression]
