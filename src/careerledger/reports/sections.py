"""Sections more than one report shows: the north star, the current role,
the last big swing, the phase balance and the streak."""

from datetime import date
from typing import TYPE_CHECKING

from .model import (
    BOOL,
    DATE,
    DAYS,
    INT,
    ITEMS,
    LENGTH,
    LIST,
    SHARE,
    TEXT,
    Cover,
    Fact,
    Item,
    Length,
    Section,
    as_of_cover,
    career_cover,
    facts_section,
    item,
    span_length,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger
    from ..metrics.northstar import Coverage, NorthStarStatus
    from ..metrics.phases import Phases
    from ..metrics.roles import CurrentRole
    from ..metrics.swings import Swings


def balance_section(ph: "Phases", as_of: date) -> Section:
    """Days and shares of each phase, over the career and the trailing 5 years."""
    c, r = ph.career, ph.recent
    rows = [
        ("learning", c.learning, c.learning_share, r.learning, r.learning_share),
        ("impact", c.impact, c.impact_share, r.impact, r.impact_share),
        ("gap", c.gap, c.gap_share, r.gap, r.gap_share),
        ("all", c.days, 1.0 if c.days else None, r.days, 1.0 if r.days else None),
    ]
    return table_section(
        "balance", "Phase balance",
        (Cover("career", c.start, c.end), Cover("trailing 5 years", r.start, r.end)),
        (("phase", "phase", TEXT), ("career_days", "career", DAYS), ("career_share", "share", SHARE),
         ("recent_days", "trailing 5y", DAYS), ("recent_share", "share", SHARE)),
        rows if c.start is not None else (),
        empty="no main role yet",
    )


def north_star_section(star: "NorthStarStatus", cov: "Coverage", as_of: date) -> Section:
    current = star.current
    time_left = span_length(as_of, star.by, star.days_left) if current and not star.expired else None
    expired = (span_length(star.by, as_of, -star.days_left)
               if current and star.expired and star.days_left is not None else None)
    return facts_section(
        "north_star", "North star", as_of_cover(as_of),
        Fact("vision", "vision", current.vision if current else None, TEXT, "none: write a north-star entry"),
        Fact("set_on", "set on", current.date if current else None, DATE, None),
        Fact("horizon", "horizon", star.by, DATE, None),
        Fact("time_left", "time left", time_left, LENGTH, None),
        Fact("expired_by", "horizon passed", expired, LENGTH, None),
        Fact("needs", "needs", len(cov.needs) if current else None, INT, None),
        Fact("mastered", "mastered", len(cov.mastered) if current else None, INT, None),
        Fact("mastered_skills", "mastered skills", tuple(s.skill for s in cov.mastered), LIST, None),
        Fact("lower", "below mastered", tuple(level_item(s.skill, s.level) for s in cov.lower), ITEMS, None),
        Fact("missing", "no entry yet", cov.missing, LIST, None),
    )


def level_item(skill: str, level: str) -> Item:
    """A need below mastered: `hiring (proficient)` in text, its skill and level in JSON."""
    return item(f"{skill} ({level})", skill=skill, level=level)


def role_section(role: "CurrentRole | None", ph: "Phases", as_of: date) -> Section:
    if role is None:
        title = org = since = org_since = None
        in_role = at_org = None
    else:
        title, org, since, org_since = role.role.title, role.org, role.since, role.org_since
        in_role = Length(role.since, as_of, role.days_in_role)
        at_org = Length(role.org_since, as_of, role.days_at_org)
    nothing = "none (between roles)" if ph.current == "gap" else "none (no main role yet)"
    return facts_section(
        "role", "Current role", as_of_cover(as_of),
        Fact("title", "title", title, TEXT, nothing),
        Fact("org", "organisation", org, TEXT, None),
        Fact("since", "in the role since", since, DATE, None),
        Fact("in_role", "time in the role", in_role, LENGTH, None),
        Fact("org_since", "at the organisation since", org_since, DATE, None),
        Fact("at_org", "time at the organisation", at_org, LENGTH, None),
    )


def swing_section(sw: "Swings", ledger: "Ledger", as_of: date, rules: bool = True) -> Section:
    """The last big swing and whether the next is due; `rules` adds swing-every
    and established (the summary leaves them to the swings report)."""
    last = sw.swings[-1] if sw.swings else None
    facts = [
        Fact("last", "last big swing", last.name if last else None, TEXT, "none yet"),
        Fact("last_kind", "kind", last.kind if last else None, TEXT, None),
        Fact("last_on", "on", sw.last, DATE, None),
        Fact("since", "time since", span_length(sw.last, as_of, sw.days_since), LENGTH, None),
        Fact("swing_every", "swing every", str(ledger.options.swing_every), TEXT),
        Fact("due_on", "due by", sw.due_on, DATE, None),
        Fact("due_in", "due in", span_length(as_of, sw.due_on, sw.due_in_days), LENGTH, None),
        Fact("overdue_by", "overdue by", span_length(sw.due_on, as_of, sw.overdue_days), LENGTH, None),
        Fact("due", "due", sw.due, BOOL),
        Fact("established", "established", sw.established, DATE, None),
    ]
    if not rules:
        facts = [f for f in facts if f.key not in ("swing_every", "established")]
    return facts_section("last_swing", "Last big swing", (career_cover(ledger, as_of),), *facts)


def streak_section(ph: "Phases", ledger: "Ledger", as_of: date, rules: bool = True) -> Section:
    """The current phase and its streak; `rules` adds phase-max, the day the
    streak gets stuck and the switches (the summary leaves them to phases)."""
    facts = [
        Fact("phase", "phase", ph.current, TEXT, "none (no main role yet)"),
        Fact("since", "since", ph.streak_start, DATE, None),
        Fact("streak", "streak", span_length(ph.streak_start, as_of, ph.streak_days), LENGTH, None),
        Fact("phase_max", "phase-max", str(ledger.options.phase_max), TEXT),
        Fact("limit_on", "stuck after", ph.limit_on, DATE, None),
        Fact("stuck", "longer than phase-max", ph.stuck, BOOL),
        Fact("switches", "switches between learning and impact", ph.switches, INT),
    ]
    if not rules:
        facts = [f for f in facts if f.key not in ("phase_max", "limit_on", "switches")]
    return facts_section("streak", "Current streak", (Cover("career", ph.career.start, as_of),), *facts)
