"""Landing a new role, 30/60/90: the listening tour, the State of the Union
by day 30, alignment by day 60, a quick win by day 90."""

from datetime import date
from typing import NamedTuple

from ..core.dates import shift
from ..core.entries import Align, Entry, Listen, Role, Sotu, Win
from .timeline import Entries, Stint, between, held_on, stints, upto


class StepRule(NamedTuple):
    name: str  # the step: "sotu" | "align" | "win"
    cls: type[Entry]  # the entry that does it
    phase: str  # the phase it closes
    first_day: int  # the phase's first day
    day: int  # the day the step is due by (the phase's last day)


LANDING_STEPS = (
    StepRule("sotu", Sotu, "listening tour", 1, 30),
    StepRule("align", Align, "alignment", 31, 60),
    StepRule("win", Win, "quick wins", 61, 90),
)
TOUR_DAYS = LANDING_STEPS[0].day  # the listening tour: days 1-30
LANDING_DAYS = LANDING_STEPS[-1].day  # a role is landing for its first 90 days
WATCH_DAYS = 180  # landing-overdue warns about an overdue step until day 180


class Step(NamedTuple):
    name: str  # "sotu" | "align" | "win"
    day: int  # 30 | 60 | 90
    due_on: date  # the role's date + day - 1 (the role's date is day 1)
    done_on: date | None  # the first such entry for the role
    entry: Entry | None
    status: str  # "done" | "late" | "open" | "overdue"
    days_left: int  # due_on - as_of (negative once past)


class Landing(NamedTuple):
    role: Role
    start: date  # day 1
    end: date | None  # next main role or leave (excluded); None while held
    day: int  # as_of's day number: as_of - start + 1
    held: bool
    tour_ends_on: date  # day 30
    listens: tuple[Listen, ...]  # Listen entries of days 1-30 (while the role lasts)
    steps: tuple[Step, ...]  # Step for sotu, align, win
    overdue: tuple[str, ...]  # the names of the overdue steps

    @property
    def landing(self) -> bool:
        """Still in its first 90 days."""
        return self.day <= LANDING_DAYS


def landing(entries: Entries, as_of: date, role: Role | str | None = None) -> Landing | None:
    """The landing of a main role: `role` is a Role entry or a title (the latest
    main role with that title); default: the main role held on as_of. None when
    there is no such role."""
    entries = upto(entries, as_of)
    spans = stints(entries, as_of)
    if role is None:
        match = list(spans[-1:]) if held_on(spans) else []
    elif isinstance(role, str):
        match = [s for s in spans if s.role is not None and s.role.title == role]
    else:
        match = [s for s in spans if s.role == role]
    return _landing(entries, match[-1], as_of) if match else None


def landings(entries: Entries, as_of: date) -> tuple[Landing, ...]:
    """The landing of every main role, oldest first."""
    entries = upto(entries, as_of)
    return tuple(_landing(entries, s, as_of) for s in stints(entries, as_of) if s.role)


def _landing(entries: Entries, stint: Stint, as_of: date) -> Landing:
    # Entries count for the role from its first day until it ends: the next
    # main role, or a leave (entries in a gap belong to no role).
    assert stint.role is not None
    start = stint.start
    mine = between(entries, start, shift(as_of, 1) if stint.ongoing else stint.end)
    tour_ends_on = shift(start, TOUR_DAYS - 1)
    steps = []
    for rule in LANDING_STEPS:
        due_on = shift(start, rule.day - 1)
        done = next((e for e in mine if type(e) is rule.cls), None)
        if done is not None:
            status = "done" if done.date <= due_on else "late"
        else:
            status = "overdue" if as_of > due_on else "open"
        steps.append(Step(rule.name, rule.day, due_on, done.date if done else None, done, status,
                          (due_on - as_of).days))
    return Landing(
        role=stint.role,
        start=start,
        end=None if stint.ongoing else stint.end,
        day=(as_of - start).days + 1,
        held=stint.ongoing,
        tour_ends_on=tour_ends_on,
        listens=tuple(e for e in mine if type(e) is Listen and e.date <= tour_ends_on),
        steps=tuple(steps),
        overdue=tuple(s.name for s in steps if s.status == "overdue"),
    )


class LandingPhase(NamedTuple):
    name: str  # "listening tour" | "alignment" | "quick wins"
    first_day: int  # 1 | 31 | 61
    last_day: int  # 30 | 60 | 90
    start: date  # the date of first_day
    last: date  # the date of last_day (included): the day its step is due
    step: Step  # the step due on last_day: sotu | align | win


def landing_phases(land: Landing) -> tuple[LandingPhase, ...]:
    """The three phases of a Landing: days 1-30, 31-60 and 61-90 with their dates and steps."""
    steps = {s.name: s for s in land.steps}
    return tuple(
        LandingPhase(rule.phase, rule.first_day, rule.day, shift(land.start, rule.first_day - 1),
                     steps[rule.name].due_on, steps[rule.name])
        for rule in LANDING_STEPS
    )
