"""The phases report: runs of learning, impact and gap."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.entries import Leave, Role
from ..metrics import phases
from .model import (
    ALL,
    DATE,
    LENGTH,
    TEXT,
    Cover,
    Length,
    Row,
    Section,
    Window,
    listed_cover,
    register,
    role_name,
    table_section,
)
from .sections import balance_section, streak_section

if TYPE_CHECKING:
    from ..loader import Ledger


@register("phases", "Phases", "learning / impact / gap runs, shares, streak, switches")
def phases_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    ph = phases.phases(ledger.entries, as_of, ledger.options)
    career = Cover("career", ph.career.start, as_of)
    last = len(ph.runs) - 1
    rows: list[Row] = []
    for i, r in enumerate(ph.runs):
        end = None if i == last else r.end
        if window.overlaps(r.start, end, as_of):
            if type(r.entry) is Leave:
                by = f"leave {r.entry.title}"
            else:
                assert isinstance(r.entry, Role)  # a run starts with a leave or a main role
                by = role_name(r.entry)
            rows.append((r.phase, r.start, end, Length(r.start, r.end, r.days), by))
    runs = table_section(
        "runs", "Runs", listed_cover(window, as_of) or (career,),
        (("phase", "phase", TEXT), ("from", "from", DATE), ("to", "to", DATE, "now"),
         ("length", "length", LENGTH), ("started_by", "started by", TEXT)),
        rows, empty="no main role yet",
    )
    return [runs, balance_section(ph, as_of), streak_section(ph, ledger, as_of)]
