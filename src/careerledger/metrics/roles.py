"""Roles and organisations: the role held now, and the tenure at each
organisation with its promotions."""

from datetime import date
from typing import NamedTuple

from ..core.entries import Role
from .timeline import Entries, held_on, side_end, stints, upto


class CurrentRole(NamedTuple):
    role: Role
    since: date
    days_in_role: int  # as_of - since
    org: str
    org_since: date  # start of the unbroken run of main roles at this org
    days_at_org: int  # as_of - org_since


def current_role(entries: Entries, as_of: date) -> CurrentRole | None:
    """The main role held on as_of, or None (no role yet, or after a leave)."""
    entries = upto(entries, as_of)
    role = held_on(stints(entries, as_of))
    if role is None:
        return None
    # the tenure whose last role is the one held: consecutive main roles at one org
    org_since = next(t.start for t in tenures(entries, as_of) if not t.side and t.roles[-1].role is role)
    return CurrentRole(role, role.date, (as_of - role.date).days, role.org, org_since,
                       (as_of - org_since).days)

class RoleRecord(NamedTuple):
    role: Role
    org: str
    start: date
    end: date | None  # the next main role or its leave, a side role's leave (excluded); None while held
    days: int  # start to end, or to as_of
    side: bool
    step: str  # "joined" | "rejoined" | "promotion" | "lateral" | "step-down" | "side"
    move: str | None  # the role's move: as written, or "promotion" inside one organisation; None otherwise


class Tenure(NamedTuple):
    org: str
    start: date
    end: date | None  # the end of its last role; None while held
    days: int  # start to end, or to as_of
    roles: tuple[RoleRecord, ...]  # oldest first
    promotions: int  # later roles at one organisation whose move is a promotion (written or not)
    side: bool  # a side role (each side role is a tenure of its own)


def tenures(entries: Entries, as_of: date) -> tuple[Tenure, ...]:
    """Time at each organisation, grouped by organisation.

    A tenure is an unbroken run of main roles at one organisation (as for
    current_role: a gap or a role elsewhere ends it, side roles do not); its
    first role is `joined` (`rejoined` after an earlier tenure there) and each
    later one takes its `move:` (a `promotion` when it gives none). A side
    role is a tenure of its own, running to its leave or as_of.
    Organisations come in the order they first appear, each with its tenures
    oldest first.
    """
    entries = upto(entries, as_of)
    found: list[tuple[str, list[RoleRecord]]] = []  # per tenure, by start
    seen: set[str] = set()
    current: tuple[str, list[RoleRecord]] | None = None
    for s in stints(entries, as_of):
        if s.role is None:
            current = None
            continue
        end = None if s.ongoing else s.end
        days = (s.end - s.start).days
        org = s.role.org
        if current is not None and current[0] == org:
            move = s.role.move or "promotion"
            current[1].append(RoleRecord(s.role, org, s.start, end, days, False, move, move))
        else:
            step = "rejoined" if org in seen else "joined"
            current = (org, [RoleRecord(s.role, org, s.start, end, days, False, step, s.role.move)])
            found.append(current)
            seen.add(org)
    for e in entries:
        if type(e) is Role and e.side:
            side = side_end(entries, e)
            found.append((e.org, [RoleRecord(e, e.org, e.date, side, ((side or as_of) - e.date).days, True, "side",
                                             None)]))
    found.sort(key=lambda t: t[1][0].start)  # stable: main roles before side roles of the same day
    order: dict[str, int] = {}
    for org, _ in found:
        order.setdefault(org, len(order))
    found.sort(key=lambda t: order[t[0]])  # grouped by organisation, first appearance first
    out: list[Tenure] = []
    for org, records in found:
        first, last = records[0], records[-1]
        out.append(Tenure(
            org=org,
            start=first.start,
            end=last.end,
            days=((last.end or as_of) - first.start).days,
            roles=tuple(records),
            promotions=sum(1 for r in records[1:] if r.step == "promotion"),
            side=first.side,
        ))
    return tuple(out)
