"""The cadence report: each contract period by period, updates a month, repeats."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import cadence
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LIST,
    NUMBER,
    SOURCE,
    TEXT,
    Cover,
    Fact,
    Section,
    Window,
    as_of_cover,
    facts_section,
    listed_cover,
    register,
    table_section,
    through,
)

if TYPE_CHECKING:
    from ..loader import Ledger


@register("cadence", "Cadence", "contracts kept per period, updates a month, repeats")
def cadence_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    entries = ledger.entries
    listed = listed_cover(window, as_of)
    # the contracts that overlap the window, each counted over its periods that end in it
    contracts = [cadence.counted_in(c, window.begin, window.end, as_of) for c in cadence.cadence(entries, as_of)
                 if window.overlaps(c.contract.date, through(c.last_day), as_of)]
    table = table_section(
        "contracts", "Contracts", as_of_cover(as_of) + listed,
        (("contract", "contract", TEXT), ("every", "every", TEXT), ("count", "count", INT),
         ("from", "from", DATE), ("until", "until", DATE, "open-ended"), ("live", "live", BOOL),
         ("kept", "kept", INT), ("missed", "missed", INT), ("current_run", "run", INT),
         ("last_missed", "last missed", TEXT, "never"), ("source", "source", SOURCE)),
        [(c.contract.text, c.every, c.required, c.contract.date, c.last_day, c.live, c.kept,
          c.missed, c.current_run, c.last_missed.label if c.last_missed else None,
          f"{c.contract.loc.file}:{c.contract.loc.line}") for c in contracts],
        empty="no contract",
    )
    periods = table_section(
        "periods", "Periods", as_of_cover(as_of) + listed,
        (("contract", "contract", TEXT), ("period", "period", TEXT), ("from", "from", DATE),
         ("to", "to", DATE), ("updates", "updates", INT), ("kept", "kept", BOOL)),
        [(c.contract.text, p.label, p.start, p.end, p.updates, p.kept)
         for c in contracts for p in c.periods],
        empty="no whole period yet", strip=True, group=True,
    )

    per = cadence.updates_per_month(entries, as_of)
    trailing = Cover("trailing 12 months", per.start, per.end)
    months = cadence.month_counts(entries, as_of, window.begin, window.end) if window.bounded else per.months
    month_table = table_section(
        "months", "Updates per month", listed or (trailing,),
        (("month", "month", TEXT), ("updates", "updates", INT)),
        [(m.label, m.updates) for m in months], empty="no whole month",
    )
    rate = facts_section(
        "updates", "Updates", (trailing,),
        Fact("total", "updates", per.total, INT),
        Fact("per_month", "per month", per.average, NUMBER),
    )
    unwritten = table_section(
        "unwritten", "Write what you repeat", as_of_cover(as_of) + listed,
        (("topic", "topic", TEXT), ("times", "times explained", INT), ("explained_on", "explained on", LIST),
         ("written_on", "last written up", DATE, "never")),
        [(u.topic, len(days), tuple(d.isoformat() for d in days), u.written_on)
         for u in cadence.unwritten(entries, as_of)
         if (days := [d for d in u.explained_on if window.holds(d)])],
        empty="nothing explained twice without a write-up",
    )
    return [table, periods, rate, month_table, unwritten]
