"""Pitfalls: the framework's warnings, the softer layer on top of errors.

Errors say the file is wrong; these say the career is drifting. Each check is
a plain function `(entries, options, as_of) -> [(entry, message)]` over the
entries dated on or before as-of, registered once in CHECKS with a stable code
and name. The numbers they judge come from careerledger.compute, the same
functions the reports use, so a warning and a report never disagree.
"""

from typing import NamedTuple

from . import compute
from .entries import Bet, Decision, Feedback, NorthStar, Role
from .problems import Problem


class Check(NamedTuple):
    code: str
    name: str
    summary: str  # one line for --list-checks
    advice: str  # the hint under each warning, in the framework's spirit
    run: object  # (entries, options, as_of) -> iterable of (entry, message)
    default: bool = True


def drift(entries, options, as_of):
    taken = {}
    for e in entries:
        if type(e) is Decision and e.choice == "take":
            taken.setdefault(e.opportunity, e)
    star = None
    for e in entries:
        if type(e) is NorthStar and star is None:
            star = e
        elif type(e) is Role and not e.side and star is not None and e.date > star.date:
            if e.why is None and e.title not in taken:
                yield e, f'role "{e.title}" started with no recorded reason against your north star'


def swing_due(entries, options, as_of):
    s = compute.swings(entries, options, as_of)
    if s.due:
        if s.swings:
            anchor, since = s.swings[-1].entry, f"{s.days_since} days since your last big swing"
        else:
            anchor, since = compute.first_role(entries), f"no big swing since your first role on {s.measured_from}"
        yield anchor, f"a big swing is overdue: {since} (swing-every {options.swing_every})"


def phase_stuck(entries, options, as_of):
    p = compute.phases(entries, as_of, options)
    if p.stuck:
        yield p.runs[-1].entry, (
            f"{p.streak_days} days in the {p.current} phase, longer than phase-max {options.phase_max}"
        )


def cadence_missed(entries, options, as_of):
    for c in compute.cadence(entries, as_of):
        last = c.latest
        if c.live and last is not None and not last.kept:
            yield c.contract, (
                f'contract "{c.contract.text}" missed its latest {c.every}, {last.label}:'
                f" {last.count} of {c.required} updates"
            )


def repeat_unwritten(entries, options, as_of):
    for topic in compute.unwritten(entries, as_of):
        if topic.written_on is None:
            yield topic.last, f"#{topic.topic} explained {topic.times} times and never written up"
        else:
            yield topic.last, (
                f"#{topic.topic} explained {topic.times} times since it was last written up on {topic.written_on}"
            )


def landing_overdue(entries, options, as_of):
    land = compute.landing(entries, as_of)
    if land is None or land.day > 180:
        return
    for step in land.steps:
        if step.status == "overdue":
            yield land.role, f"landing step '{step.name}' was due by day {step.day} ({step.due_on})"


def early_ask(entries, options, as_of):
    for e in entries:
        if type(e) is Bet and e.size == "big" and e.ask:
            yield e, f'big bet "{e.name}" asks for resources: "{e.ask}"'


def feedback_unactioned(entries, options, as_of):
    for e in entries:
        if type(e) is Feedback and e.tone in ("constructive", "critical") and e.action is None:
            age = (as_of - e.date).days
            if age > 30:
                yield e, f'{e.tone} feedback "{e.text}" is {age} days old and records no action'


def home_stale(entries, options, as_of):
    h = compute.home(entries, options, as_of)
    if h.last is not None and h.stale:
        yield h.last, f"last home check-in was {h.days_since} days ago (home-every {options.home_every})"


def north_star_missing(entries, options, as_of):
    if not any(type(e) is NorthStar for e in entries):
        # the first main role; a ledger of side roles only has roles too
        first = compute.first_role(entries) or next((e for e in entries if type(e) is Role), None)
        if first is not None:
            yield first, "this ledger has roles but no north star"


def north_star_expired(entries, options, as_of):
    star = compute.north_star(entries, as_of)
    if star.expired:
        yield star.current, f"the north star's horizon {star.by} has passed"


CHECKS = (
    Check("W201", "drift", "a new main role with no reason against the north star",
          "write a why: on the role, or record the opportunity and a decision ... take", drift),
    Check("W202", "swing-due", "no big swing (big bet or innovation role) for longer than swing-every",
          "look for a zero-to-one bet you can start out of the limelight", swing_due),
    Check("W203", "phase-stuck", "the current learning or impact streak is longer than phase-max",
          "alternate phases: after a long impact run, pick something that makes you learn", phase_stuck),
    Check("W204", "cadence-missed", "a live update contract missed its latest whole period",
          "publish the update, even a short one: the habit matters more than the polish", cadence_missed),
    Check("W205", "repeat-unwritten", "a topic explained twice or more and never written up",
          "write what you repeat: an update with covers: the topic", repeat_unwritten),
    Check("W206", "landing-overdue", "a 30/60/90 landing step of a new role is overdue",
          "day 30: State of the Union; day 60: alignment; day 90: a quick win", landing_overdue),
    Check("W207", "early-ask", "a big bet asks for resources up front",
          "build out of the limelight until there is traction, then ask", early_ask),
    Check("W208", "feedback-unactioned", "constructive or critical feedback older than 30 days without action:",
          "treat feedback as data: record what you changed with action:", feedback_unactioned),
    Check("W209", "home-stale", "no home check-in for longer than home-every",
          "add a home entry with a score from 1 to 5", home_stale),
    Check("W210", "north-star-missing", "roles but no north star",
          "write a north-star entry: where do you want to be in five years?", north_star_missing),
    Check("W211", "north-star-expired", "the latest north star's by: date has passed",
          "revise your north star with a new north-star entry", north_star_expired),
)

BY_KEY = {c.name: c for c in CHECKS} | {c.code: c for c in CHECKS}


def resolve(names):
    """Check names or codes -> frozenset of names; raise ValueError naming an unknown one."""
    out = set()
    for raw in names:
        for name in filter(None, (n.strip() for n in raw.split(","))):
            check = BY_KEY.get(name) or BY_KEY.get(name.upper())
            if check is None:
                from .problems import did_you_mean

                raise ValueError(f"unknown check '{name}': {did_you_mean(name, [c.name for c in CHECKS])}")
            out.add(check.name)
    return frozenset(out)


def enabled(select=(), ignore=(), ledger_ignore=frozenset()):
    """The names of the checks to run: --select wins over the ledger's check-ignore."""
    if select:
        names = set(resolve(select))
    else:
        names = {c.name for c in CHECKS if c.default} - ledger_ignore
    return frozenset(names - resolve(ignore))


def run(ledger, as_of, names):
    """Warnings for the ledger as of `as_of`, for the checks in `names`, minus
    those suppressed by a `; careerledger: ignore NAME` comment on an entry."""
    entries = compute.upto(ledger.entries, as_of)
    out = []
    for check in CHECKS:
        if check.name not in names:
            continue
        for entry, message in check.run(entries, ledger.options, as_of):
            if check.name in ledger.suppressed.get((entry.loc.file, entry.loc.line), ()):
                continue
            out.append(Problem(entry.loc, check.code, f"{check.name}: {message}", check.advice, 10, "warning"))
    return out
