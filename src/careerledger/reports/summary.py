"""The summary: one screen of the whole Career Spec."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import cadence, home, landing, northstar, phases, roles, swings
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LENGTH,
    TEXT,
    Fact,
    Length,
    Section,
    Window,
    as_of_cover,
    facts_section,
    listed_cover,
    register,
    role_name,
    span_length,
    table_section,
    through,
)
from .sections import balance_section, north_star_section, role_section, streak_section, swing_section

if TYPE_CHECKING:
    from ..loader import Ledger


@register("summary", "Summary", "one screen: north star, role, swing, phases, bets, home")
def summary_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    entries, options = ledger.entries, ledger.options
    star = northstar.north_star(entries, as_of)
    cov = northstar.coverage(entries, as_of)
    role = roles.current_role(entries, as_of)
    sw = swings.swings(entries, as_of, options)
    ph = phases.phases(entries, as_of, options)
    checkin = home.home(entries, as_of, options)
    sections = [
        north_star_section(star, cov, as_of),
        role_section(role, ph, as_of),
        swing_section(sw, ledger, as_of, rules=False),
        balance_section(ph, as_of),
        streak_section(ph, ledger, as_of, rules=False),
    ]

    # live on as-of, counted over their periods that end in the window
    live = [cadence.counted_in(c, window.begin, window.end, as_of) for c in cadence.cadence(entries, as_of)
            if c.live and window.overlaps(c.contract.date, through(c.last_day), as_of)]
    sections.append(table_section(
        "contracts", "Live contracts", as_of_cover(as_of) + listed_cover(window, as_of),
        (("contract", "contract", TEXT), ("every", "every", TEXT), ("latest", "latest period", TEXT),
         ("latest_kept", "kept", BOOL), ("current_run", "current run", INT),
         ("last_missed", "last missed", TEXT, "never")),
        [(c.contract.text, c.every, c.latest.label if c.latest else None,
          c.latest.kept if c.latest else None, c.current_run,
          c.last_missed.label if c.last_missed else None) for c in live],
        empty="no live contract",
    ))

    bets = [b for b in sw.open_bets if window.overlaps(b.date, None, as_of)]
    sections.append(table_section(
        "open_bets", "Open bets", as_of_cover(as_of) + listed_cover(window, as_of),
        (("bet", "bet", TEXT), ("size", "size", TEXT), ("opened", "opened", DATE),
         ("open_for", "open for", LENGTH)),
        [(b.name, b.size, b.date, Length(b.date, as_of, b.days)) for b in bets],
        empty="no open bet",
    ))

    land = landing.landing(entries, as_of)
    if land is None:
        why = "no current role"
    else:
        why = f"{role_name(land.role)} is on day {land.day}: past its first {landing.LANDING_DAYS} days"
    sections.append(table_section(
        "landing", "Landing (30/60/90)", as_of_cover(as_of),
        (("step", "step", TEXT), ("by_day", "by day", INT), ("due_on", "due on", DATE),
         ("done_on", "done on", DATE), ("status", "status", TEXT)),
        [(s.name, s.day, s.due_on, s.done_on, s.status) for s in land.steps]
        if land is not None and land.landing else (),
        empty=why,
    ))

    sections.append(facts_section(
        "home", "Home", as_of_cover(as_of),
        Fact("last", "last check-in", checkin.last.date if checkin.last else None, DATE, "none"),
        Fact("score", "score", checkin.last.score if checkin.last else None, INT, None),
        Fact("note", "note", checkin.last.note if checkin.last else None, TEXT, None),
        Fact("since", "time since", span_length(checkin.last.date if checkin.last else None, as_of, checkin.days_since),
             LENGTH, None),
        Fact("next_due", "next due by", checkin.next_due, DATE, None),
        Fact("stale", "stale", checkin.stale, BOOL),
    ))
    return sections
