"""The north star report: its history, coverage, and the steps working backward."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.entries import Role
from ..metrics import northstar
from .model import (
    ALL,
    DATE,
    INT,
    LIST,
    SOURCE,
    TEXT,
    Row,
    Section,
    Window,
    as_of_cover,
    listed_cover,
    register,
    role_name,
    table_section,
)
from .sections import north_star_section

if TYPE_CHECKING:
    from ..loader import Ledger


@register("northstar", "North star", "the north star, its history, coverage, working backward")
def northstar_report(ledger: "Ledger", as_of: date, window: Window = ALL) -> list[Section]:
    entries = ledger.entries
    star = northstar.north_star(entries, as_of)
    cov = northstar.coverage(entries, as_of)
    back = northstar.working_backward(entries, as_of)
    covers = as_of_cover(as_of) + listed_cover(window, as_of)
    none = "no north star: write a north-star entry"

    rows: list[Row] = []
    for i, s in enumerate(star.history):
        replaced = star.history[i + 1].date if i + 1 < len(star.history) else None
        if window.overlaps(s.date, replaced, as_of):
            rows.append((s.date, s.vision, s.by, replaced, tuple(dict.fromkeys(s.needs)), f"{s.loc.file}:{s.loc.line}"))
    history = table_section(
        "history", "History", covers,
        (("set_on", "set on", DATE), ("vision", "vision", TEXT), ("horizon", "horizon", DATE),
         ("replaced_on", "replaced on", DATE, "current"), ("needs", "needs", LIST, "none"),
         ("source", "source", SOURCE)),
        rows, empty=none,
    )

    status = {"mastered": "mastered", None: "missing"}
    coverage = table_section(
        "coverage", "Coverage of its needs", as_of_cover(as_of),
        (("need", "need", TEXT), ("status", "status", TEXT), ("level", "level", TEXT, "no entry"),
         ("since", "since", DATE), ("to_go", "levels to go", INT)),
        [(n.skill, status.get(n.level, "lower"), n.level, n.since, n.to_go) for n in back.needs],
        empty=none if star.current is None else "the north star names no needs",
    )

    if star.current is None:
        done = none
    elif not back.needs:
        done = "the north star names no needs"
    else:
        done = "every need is mastered"
    steps = table_section(
        "steps", "Working backward", as_of_cover(as_of),
        (("step", "step", INT), ("need", "need", TEXT), ("level", "level", TEXT, "no entry"),
         ("to_go", "levels to go", INT)),
        [(i, n.skill, n.level, n.to_go) for i, n in enumerate(back.steps, 1)],
        empty=done,
    )

    rows = []
    for n in back.steps:
        if not n.built_by:
            rows.append((n.skill, None, None, None))
        for b in n.built_by:
            shown = window.holds(b.date) if b.kind == "skill" else window.overlaps(b.date, b.end, as_of)
            if shown:
                if b.kind == "role":
                    assert isinstance(b.entry, Role)
                    name = role_name(b.entry)
                else:
                    name = b.name
                rows.append((n.skill, b.kind, name, b.date))
    built = table_section(
        "built_by", "What built them so far", covers,
        (("need", "need", TEXT), ("kind", "kind", TEXT, "nothing yet"), ("name", "name", TEXT),
         ("date", "date", DATE)),
        rows, empty=done, group=True,
    )
    return [north_star_section(star, cov, as_of), history, coverage, steps, built]
