"""The landing report: a role's 30/60/90 days."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.entries import Listen, Role
from ..core.problems import did_you_mean
from ..metrics import landing, timeline
from .model import (
    ALL,
    DATE,
    INT,
    LIST,
    TEXT,
    ReportError,
    Row,
    Section,
    Window,
    as_of_cover,
    listed_cover,
    register,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger
    from ..metrics.timeline import Entries


@register("landing", "Landing (30/60/90)", "a role's 30/60/90 days: listening tour, SOTU, alignment, wins",
           options=("role", "all_roles"))
def landing_report(ledger: "Ledger", as_of: date, window: Window = ALL, role: str | None = None,
                   all_roles: bool = False) -> list[Section]:
    """The current main role's landing; `role` (a title) picks another main role,
    `all_roles` lists every main role's landing that overlaps the window."""
    entries = ledger.entries
    if all_roles:
        lands = [land for land in landing.landings(entries, as_of) if window.overlaps(land.start, land.end, as_of)]
        empty = "no main role"
    elif role is not None:
        land = landing.landing(entries, as_of, role)
        if land is None:
            raise ReportError(_no_role(entries, as_of, role))
        lands, empty = [land], None
    else:
        land = landing.landing(entries, as_of)
        lands, empty = ([land] if land else []), "no current main role (name one with --role, or use --all)"
    covers = as_of_cover(as_of) + (listed_cover(window, as_of) if all_roles else ())
    # only --all lists by the window; then a role's conversations are those dated in it
    shown = window if all_roles else ALL

    def tour(land: landing.Landing) -> list[Listen]:
        return [e for e in land.listens if shown.holds(e.date)]

    roles = table_section(
        "roles", "Roles", covers,
        (("role", "role", TEXT), ("org", "organisation", TEXT), ("day_1", "day 1", DATE),
         ("to", "to", DATE, "now"), ("day", "day today", INT), ("listens", "conversations", INT),
         ("overdue", "overdue", LIST, "none")),
        [(land.role.title, land.role.org, land.start, land.end, land.day if land.held else None,
          len(tour(land)), land.overdue) for land in lands],
        empty=empty,
    )
    rows: list[Row] = []
    for land in lands:
        for ph in landing.landing_phases(land):
            s = ph.step
            # days left (negative once overdue) while the step is not done and the role is held
            left = s.days_left if s.status in ("open", "overdue") and land.held else None
            rows.append((land.role.title, ph.name, f"{ph.first_day}–{ph.last_day}", ph.start, ph.last, s.name,
                         s.done_on, s.status, left))
    phases = table_section(
        "phases", "Phases", covers,
        (("role", "role", TEXT), ("phase", "phase", TEXT), ("days", "days", TEXT), ("from", "from", DATE),
         ("due_on", "due on", DATE), ("step", "step", TEXT), ("done_on", "done on", DATE),
         ("status", "status", TEXT), ("days_left", "days left", INT)),
        rows, empty=empty, group=True,
    )
    listens = table_section(
        "listens", "Listening tour (days 1–30)", covers,
        (("role", "role", TEXT), ("date", "date", DATE), ("day", "day", INT), ("who", "who", TEXT),
         ("heard", "heard", TEXT)),
        [(land.role.title, e.date, (e.date - land.start).days + 1, e.who, e.heard)
         for land in lands for e in tour(land)],
        empty="no conversation in days 1–30" if lands else empty, group=True,
    )
    return [roles, phases, listens]


def _no_role(entries: "Entries", as_of: date, title: str) -> str:
    """Why `--role title` names no landing: a side role, or no such main role."""
    known = timeline.upto(entries, as_of)
    if any(type(e) is Role and e.side and e.title == title for e in known):
        return f"'{title}' is a side role: side roles have no landing"
    titles = sorted({e.title for e in known if type(e) is Role and not e.side})
    if not titles:
        return f"no main role titled '{title}': the ledger has no main role up to {as_of}"
    return f"no main role titled '{title}': {did_you_mean(title, titles)}"
