"""The swings report: the innovation portfolio."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import swings
from .model import (
    ALL,
    BOOL,
    DATE,
    DAYS,
    INT,
    LENGTH,
    SHARE,
    SOURCE,
    TEXT,
    Cover,
    Fact,
    Length,
    Row,
    Section,
    Window,
    career_cover,
    facts_section,
    listed_cover,
    register,
    table_section,
)
from .sections import swing_section

if TYPE_CHECKING:
    from ..loader import Ledger


@register("swings", "Big swings", "bets and innovation roles, success rate, swing intervals")
def swings_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    sw = swings.swings(ledger.entries, as_of, ledger.options)
    career = Cover("career", career_cover(ledger, as_of).start, as_of)
    listed = listed_cover(window, as_of)

    rows: list[Row] = []
    for i, s in enumerate(sw.swings):
        if window.holds(s.date):
            prev = sw.swings[i - 1] if i else None
            after = Length(prev.date, s.date, sw.intervals[i - 1]) if prev else None
            rows.append((s.date, s.kind, s.name, after))
    listing = table_section(
        "swings", "Big swings", listed or (career,),
        (("date", "date", DATE), ("kind", "kind", TEXT), ("name", "name", TEXT),
         ("after", "after the previous", LENGTH, "first")),
        rows, empty="no big swing",
    )

    bets = table_section(
        "bets", "Bets", listed or (career,),
        (("bet", "bet", TEXT), ("size", "size", TEXT), ("opened", "opened", DATE),
         ("closed", "closed", DATE), ("length", "length", LENGTH),
         ("outcome", "outcome", TEXT, "open"), ("source", "source", SOURCE)),
        [(b.name, b.size, b.date, b.closed_on, Length(b.date, b.closed_on or as_of, b.days), b.result,
          f"{b.entry.loc.file}:{b.entry.loc.line}")
         for b in sw.bets if window.overlaps(b.date, b.closed_on, as_of)],
        empty="no bet",
    )

    roles = table_section(
        "innovation_roles", "Innovation roles", listed or (career,),
        (("role", "role", TEXT), ("org", "organisation", TEXT), ("from", "from", DATE),
         ("to", "to", DATE, "now"), ("length", "length", LENGTH), ("side", "side", BOOL)),
        [(r.role.title, r.role.org, r.start, r.end, Length(r.start, r.end or as_of, r.days), r.side)
         for r in sw.innovation_roles if window.overlaps(r.start, r.end, as_of)],
        empty="no innovation role",
    )

    portfolio = facts_section(
        "portfolio", "Portfolio", (career,),
        Fact("core_days", "core time", sw.core_days, DAYS),
        Fact("innovation_days", "innovation time", sw.innovation_days, DAYS),
        Fact("core_share", "core share", sw.core_share, SHARE),
        Fact("innovation_share", "innovation share", sw.innovation_share, SHARE),
        Fact("bets", "bets", len(sw.bets), INT),
        Fact("open", "open", len(sw.open_bets), INT),
        Fact("closed", "closed", sw.closed, INT),
        Fact("successes", "successes", sw.successes, INT),
        Fact("success_rate", "success rate", sw.success_rate, SHARE, "— (no bet closed)"),
        Fact("baseline", "baseline", swings.SUCCESS_BASELINE, SHARE),
        Fact("vs_baseline", "against the baseline", sw.vs_baseline, TEXT),
    )
    return [swing_section(sw, ledger, as_of), listing, bets, roles,
            portfolio]
