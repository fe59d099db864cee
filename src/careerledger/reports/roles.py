"""The roles report: roles by organisation, tenure and promotions."""

from datetime import date
from typing import TYPE_CHECKING

from ..metrics import roles
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LENGTH,
    SOURCE,
    TEXT,
    Length,
    Section,
    Window,
    career_cover,
    listed_cover,
    register,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger


@register("roles", "Roles", "roles by organisation: tenure and promotions")
def roles_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    tenures = [t for t in roles.tenures(ledger.entries, as_of) if window.overlaps(t.start, t.end, as_of)]
    covers = listed_cover(window, as_of) or (career_cover(ledger, as_of),)
    orgs = table_section(
        "organisations", "Organisations", covers,
        (("org", "organisation", TEXT), ("from", "from", DATE), ("to", "to", DATE, "now"),
         ("tenure", "tenure", LENGTH), ("roles", "roles", INT), ("promotions", "promotions", INT),
         ("side", "side", BOOL)),
        # counted in the window: the roles it lists, the promotions dated in it
        [(t.org, t.start, t.end, Length(t.start, t.end or as_of, t.days),
          sum(1 for r in t.roles if window.overlaps(r.start, r.end, as_of)),
          sum(1 for r in t.roles if r.step == "promotion" and window.holds(r.start)), t.side)
         for t in tenures],
        empty="no role", group=True,
    )
    rows = [
        (r.org, r.role.title, r.start, r.end, Length(r.start, r.end or as_of, r.days), r.role.track,
         r.role.phase, _step(r), f"{r.role.loc.file}:{r.role.loc.line}")
        for t in tenures for r in t.roles if window.overlaps(r.start, r.end, as_of)
    ]
    table = table_section(
        "roles", "Roles", covers,
        (("org", "organisation", TEXT), ("title", "title", TEXT), ("from", "from", DATE),
         ("to", "to", DATE, "now"), ("length", "length", LENGTH), ("track", "track", TEXT),
         ("phase", "phase", TEXT), ("step", "step", TEXT), ("source", "source", SOURCE)),
        rows, empty="no role", group=True,
    )
    return [orgs, table]


def _step(r: roles.RoleRecord) -> str:
    """The step as given: `lateral`; a move written on a role that joins an
    organisation follows the join (`joined, step-down`)."""
    return r.step if r.move is None or r.move == r.step else f"{r.step}, {r.move}"
