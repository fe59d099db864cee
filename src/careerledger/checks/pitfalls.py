"""Pitfalls: the framework's warnings, the softer layer on top of errors.

Errors say the file is wrong; these say the career is drifting. Each check is
a plain function `(entries, as_of, options) -> iterable of Finding` over the
entries dated on or before as-of: the entry a warning points at and the facts
behind it. MESSAGES words each finding, in one place. The catalogue (code,
name, advice, default) is core.problems.WARNINGS; the numbers come from
careerledger.metrics, the same functions the reports use, so a warning and a
report never disagree.
"""

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..core.entries import Bet, Contract, Decision, Entry, NorthStar, Role, Skill
from ..core.links import links
from ..core.options import Options
from ..core.problems import WARNINGS, Near, Problem
from ..metrics import cadence, feedback, home, landing, northstar, phases, swings
from ..metrics.timeline import Entries, first_role, latest, stints, upto


class Finding(NamedTuple):
    entry: Entry  # where the warning points
    case: str  # which message of the check
    facts: Mapping[str, object]  # the figures the message names


Check = Callable[[Entries, date, Options], Iterable[Finding]]

# (check name, case) -> the message; its fields are the finding's facts
MESSAGES: dict[tuple[str, str], str] = {
    ("drift", ""): 'role "{title}" started with no recorded reason against your north star',
    ("swing-due", "since"): "a big swing is overdue: {days_since} days since your last big swing"
                            " (swing-every {swing_every})",
    ("swing-due", "never"): "a big swing is overdue: no big swing since your first role on {measured_from}"
                            " (swing-every {swing_every})",
    ("phase-stuck", ""): "{streak_days} days in the {phase} phase, longer than phase-max {phase_max}",
    ("cadence-missed", ""): 'contract "{contract}" missed its latest {every}, {period}: {updates} of {required}'
                            " updates",
    ("repeat-unwritten", "never"): "#{topic} explained {times} times and never written up",
    ("repeat-unwritten", "since"): "#{topic} explained {times} times since it was last written up on {written_on}",
    ("landing-overdue", ""): "landing step '{step}' was due by day {day} ({due_on})",
    ("early-ask", ""): 'big bet "{bet}" asks for resources: "{ask}"',
    ("feedback-unactioned", ""): '{tone} feedback "{text}" is {age} days old and records no action',
    ("home-stale", ""): "last home check-in was {days_since} days ago (home-every {home_every})",
    ("north-star-missing", ""): "this ledger has roles but no north star",
    ("north-star-expired", ""): "the north star's horizon {by} has passed",
    ("contract-orphaned", ""): 'contract "{contract}" was made in role "{title}", which ended on {ended};'
                               " add until: or in:",
    ("skill-near-need", ""): "#{skill} is not a need of your north star, but #{need} is: did you mean #{need}?",
    ("bet-in-unknown-role", "unknown"): 'bet "{bet}" is in unknown role "{title}"{near}',
    ("bet-in-unknown-role", "unheld"): 'bet "{bet}" is in role "{title}", which is not held on {date}',
}


def message(name: str, finding: Finding) -> str:
    return MESSAGES[(name, finding.case)].format(**finding.facts)


def drift(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    taken: dict[str, Decision] = {}
    for e in entries:
        if type(e) is Decision and e.choice == "take":
            taken.setdefault(e.opportunity, e)
    star: NorthStar | None = None
    for e in entries:
        if type(e) is NorthStar and star is None:
            star = e
        elif (type(e) is Role and e.is_main and star is not None and e.date > star.date
              and e.why is None and e.title not in taken):
            yield Finding(e, "", {"title": e.title})


def swing_due(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    s = swings.swings(entries, as_of, options)
    if not s.due:
        return
    facts = {"swing_every": options.swing_every, "days_since": s.days_since, "measured_from": s.measured_from}
    if s.swings:
        yield Finding(s.swings[-1].entry, "since", facts)
    else:
        first = first_role(entries)
        if first is not None:
            yield Finding(first, "never", facts)


def phase_stuck(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    p = phases.phases(entries, as_of, options)
    if p.stuck:
        yield Finding(p.runs[-1].entry, "", {"streak_days": p.streak_days, "phase": p.current,
                                             "phase_max": options.phase_max})


def cadence_missed(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    for c in cadence.latest_periods(entries, as_of):
        last = c.latest
        if c.live and last is not None and not last.kept:
            yield Finding(c.contract, "", {"contract": c.contract.text, "every": c.every, "period": last.label,
                                           "updates": last.updates, "required": c.required})


def repeat_unwritten(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    # in date order of the latest explanation, as docs/checks.md says (the report lists by topic)
    for topic in sorted(cadence.unwritten(entries, as_of), key=lambda t: t.last.date):
        facts = {"topic": topic.topic, "times": topic.times, "written_on": topic.written_on}
        yield Finding(topic.last, "never" if topic.written_on is None else "since", facts)


def landing_overdue(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    land = landing.landing(entries, as_of)
    if land is None or land.day > landing.WATCH_DAYS:
        return
    for step in land.steps:
        if step.status == "overdue":
            yield Finding(land.role, "", {"step": step.name, "day": step.day, "due_on": step.due_on})


def early_ask(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    for e in entries:
        if type(e) is Bet and e.size == "big" and e.ask:
            yield Finding(e, "", {"bet": e.name, "ask": e.ask})


def feedback_unactioned(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    for f, age in feedback.overdue_actions(entries, as_of):
        yield Finding(f, "", {"tone": f.tone, "text": f.text, "age": age})


def home_stale(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    h = home.home(entries, as_of, options)
    if h.last is not None and h.stale:
        yield Finding(h.last, "", {"days_since": h.days_since, "home_every": options.home_every})


def north_star_missing(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    if not any(type(e) is NorthStar for e in entries):
        # the first main role; a ledger of side roles only has roles too
        first = first_role(entries) or next((e for e in entries if type(e) is Role), None)
        if first is not None:
            yield Finding(first, "", {})


def north_star_expired(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    star = northstar.north_star(entries, as_of)
    # a by: before the north star's own date is error E412 already: one problem is enough
    if star.expired and star.current is not None and star.by is not None and star.by >= star.current.date:
        yield Finding(star.current, "", {"by": star.by})


def contract_orphaned(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    # A contract with neither until: nor in: runs for ever; once the main role
    # it was made in has ended it is most likely a promise to a former manager.
    spans = stints(entries, as_of)
    starts = [s.start for s in spans]
    for c in entries:
        if type(c) is not Contract or c.until is not None or c.in_role is not None:
            continue
        i = bisect_right(starts, c.date) - 1  # stints are contiguous: the last to start holds the day
        if i < 0:
            continue  # made before the first main role
        made_in = spans[i]
        if made_in.role is not None and not made_in.ongoing:
            yield Finding(c, "", {"contract": c.text, "title": made_in.role.title, "ended": made_in.end})


NEAR_MIN = 4  # tags shorter than this are too often one edit from another on purpose (#ai, #ui)
NEAR_MAX = 64  # and longer ones are not typed by hand


def skill_near_need(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    star = latest(entries, NorthStar)
    if star is None or not star.needs:
        return
    needs = set(star.needs)
    # Two tags one edit apart (a letter changed, added, dropped or two swapped)
    # share a string with one letter deleted: index the needs by those, so the
    # cost is linear in the skills and needs whatever their number.
    index: dict[str, list[str]] = {}
    for need in sorted(needs):
        if NEAR_MIN <= len(need) <= NEAR_MAX:
            for variant in _deletions(need):
                index.setdefault(variant, []).append(need)
    last: dict[str, Skill] = {}
    for e in entries:
        if type(e) is Skill and e.skill not in needs:
            last[e.skill] = e  # the latest entry of the tag: the one that sets its level
    for tag, e in sorted(last.items(), key=lambda item: item[1].date):
        if not NEAR_MIN <= len(tag) <= NEAR_MAX:
            continue
        near = next((n for v in _deletions(tag) for n in index.get(v, ()) if _one_edit(tag, n)), None)
        if near is not None:
            yield Finding(e, "", {"skill": tag, "need": near})


def _deletions(word: str) -> Iterator[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one substitution, insertion,
    deletion or swap of two neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


def bet_in_unknown_role(entries: Entries, as_of: date, options: Options) -> Iterator[Finding]:
    belongs = links(entries).belongs
    titles: set[str] | None = None
    near: Near | None = None
    for e in entries:
        if type(e) is not Bet or e.in_role is None or e in belongs:
            continue
        if titles is None:
            titles = {r.title for r in entries if type(r) is Role}
            near = Near(titles, "")
        facts = {"bet": e.name, "title": e.in_role, "date": e.date}
        if e.in_role in titles:
            yield Finding(e, "unheld", facts)
        else:
            assert near is not None
            hint = near(e.in_role)
            yield Finding(e, "unknown", facts | {"near": f" ({hint})" if hint else ""})


# check name -> its function; the order of running is the catalogue's
CHECKS: dict[str, Check] = {
    "drift": drift,
    "swing-due": swing_due,
    "phase-stuck": phase_stuck,
    "cadence-missed": cadence_missed,
    "repeat-unwritten": repeat_unwritten,
    "landing-overdue": landing_overdue,
    "early-ask": early_ask,
    "feedback-unactioned": feedback_unactioned,
    "home-stale": home_stale,
    "north-star-missing": north_star_missing,
    "north-star-expired": north_star_expired,
    "contract-orphaned": contract_orphaned,
    "skill-near-need": skill_near_need,
    "bet-in-unknown-role": bet_in_unknown_role,
}
assert list(CHECKS) == [w.name for w in WARNINGS]


if TYPE_CHECKING:  # a Protocol class costs start-up time; only mypy needs it
    from typing import Protocol

    class _Ledger(Protocol):
        """What warnings need of a loaded ledger (load.Ledger has it all)."""

        @property
        def entries(self) -> Entries: ...
        @property
        def options(self) -> Options: ...
        @property
        def suppressed(self) -> dict[tuple[str, int], frozenset[str]]: ...
        @property
        def rejected(self) -> frozenset[tuple[str, int]]: ...


def run(ledger: "_Ledger", as_of: date, names: frozenset[str]) -> list[Problem]:
    """Warnings for the ledger as of `as_of`, for the checks in `names`, minus
    those suppressed by a `; careerledger: ignore NAME` comment on an entry."""
    entries = upto(ledger.entries, as_of)
    if ledger.rejected:  # an entry built with a default for a rejected value feeds no warning
        entries = tuple(e for e in entries if (e.loc.file, e.loc.line) not in ledger.rejected)
    out: list[Problem] = []
    for spec in WARNINGS:
        if spec.name not in names:
            continue
        for finding in CHECKS[spec.name](entries, as_of, ledger.options):
            loc = finding.entry.loc
            if spec.name in ledger.suppressed.get((loc.file, loc.line), ()):
                continue
            out.append(Problem(loc, spec.code, f"{spec.name}: {message(spec.name, finding)}", spec.advice, 10,
                               "warning"))
    return out


def warnings(
    ledger: "_Ledger", as_of: date | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
) -> list[Problem]:
    """The warnings `careerledger check` prints for `ledger` as of `as_of`
    (default today): the catalogue's defaults, less the ledger's check-ignore
    option, or exactly `select`; less `ignore`. Names or codes; an unknown one
    raises ValueError."""
    from ..core.problems import enabled_checks

    names = enabled_checks(select, ignore, ledger.options.check_ignore)
    return run(ledger, as_of or date.today(), names)
