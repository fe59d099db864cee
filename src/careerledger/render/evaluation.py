"""Render an Evaluation (metrics/evaluate.py) as text or JSON.

`careerledger evaluate` prints one line per reason, then the verdict
(docs/json.md, "evaluate", for the JSON). Every reason's wording is here, one
function per rule, from the facts the rule found.
"""

import json
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from ..core.entries import distinct
from ..metrics.evaluate import Evaluation, Reason
from ..metrics.timeline import breakdown, percent
from . import EVALUATION_FORMATS, JSON_VERSION


def _ago(start: object, end: object) -> str:
    assert isinstance(start, date)
    assert isinstance(end, date)
    return str(breakdown(start, end))


def _this(facts: Mapping[str, Any], what: str) -> str:
    value = facts[what]
    return f"this is {value}" if value else f"its {what} is not given"


def _needs(case: str, f: Mapping[str, Any]) -> str:
    if case == "no-builds":
        return "builds no skill it names (no builds: tags)"
    tag, where = f["tag"], f["level"] or "no entry yet"
    return {
        "no-north-star": f"builds #{tag} (no north star to need it)",
        "not-needed": f"builds #{tag} (not a north-star need)",
        "mastered": f"builds #{tag} (already mastered)",
        "capped": f"builds #{tag} ({where}; north star needs it, but needs score at most +{f['cap']})",
        "needed": f"builds #{tag} ({where}; north star needs it)",
    }[case]


def _early(case: str, f: Mapping[str, Any]) -> str:
    until = f"until {f['established']}" if f["established"] else "no main role yet"
    return f"not yet established ({until}): the framework favours core roles first; {_this(f, 'track')}"


def _swing(case: str, f: Mapping[str, Any]) -> str:
    this = _this(f, "track")
    if case == "not-due":
        return f"no big swing is due (the next by {f['due_on']}); {this}"
    if case == "due-no-swing":
        what = f"none yet since the first role on {f['measured_from']}"
    else:
        small = f["small_since"]
        since = f", {small} small bet{'' if small == 1 else 's'} since" if small else ""
        what = (f"the last was {f['last_kind']} \"{f['last_name']}\" on {f['last_on']}, "
                f"{_ago(f['last_on'], f['as_of'])} ago{since}")
    return f"a big swing is due ({what}; due by {f['due_on']}); {this}"


def _phase(case: str, f: Mapping[str, Any]) -> str:
    this = _this(f, "phase")
    total = f["recent_days"]
    if case == "no-role":
        return f"the phase balance calls for neither phase (no main role yet); {this}"
    if case == "neither":
        threshold: Fraction = f["threshold"]
        why = (f"over the trailing 5 years learning took {percent(f['learning'], total)} and impact "
               f"{percent(f['impact'], total)}: neither {percent(threshold, 1)} or more")
        return f"the phase balance calls for neither phase ({why}); {this}"
    if case == "streak":
        why = (f"the current {f['long_phase']} streak, {_ago(f['streak_start'], f['as_of'])}, is longer than "
               f"phase-max {f['phase_max']}")
    else:
        why = (f"{f['long_phase']} took {f['days']:,} of the {total:,} days of the trailing 5 years, "
               f"{percent(f['days'], total)}")
    return f"the phase balance calls for {f['calls_for']} ({why}); {this}"


def _repeats(case: str, f: Mapping[str, Any]) -> str:
    if case == "no-builds":
        return "repeats nothing it names (no builds: tags)"
    tags = ", ".join(f"#{t}" for t in f["tags"])
    if case == "repeats":
        return "only repeats what is already mastered: " + tags
    return "builds something not yet mastered: " + tags


_WORDING: dict[str, Callable[[str, Mapping[str, Any]], str]] = {
    "needs": _needs, "early-career": _early, "swing-due": _swing, "phase": _phase, "repeats": _repeats,
}


def reason_text(reason: Reason) -> str:
    """One line, for people."""
    return _WORDING[reason.rule](reason.case, reason.facts)


def evaluation(ev: Evaluation, fmt: str, owner: str | None = None) -> str:
    """An Evaluation as `text` or `json`; `owner` is the ledger's option."""
    assert fmt in EVALUATION_FORMATS
    if fmt == "json":
        return json.dumps(evaluation_data(ev, owner), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return evaluation_text(ev, owner)


def evaluation_text(ev: Evaluation, owner: str | None = None) -> str:
    opp, star = ev.opportunity, ev.north_star
    who = f": {owner}" if owner else ""
    when = "ad hoc" if ev.ad_hoc else "its date" if ev.as_of == opp.date else f"again; offered on {opp.date}"
    about = [f"track {opp.track or 'not given'}", f"phase {opp.phase or 'not given'}",
             "builds " + (" ".join(f"#{t}" for t in opp.builds) or "nothing named")]
    if opp.org:
        about.append(f"at {opp.org}")
    lines = [
        f'Evaluate "{opp.name}"{who}, as of {ev.as_of} ({when})',
        "opportunity: " + ", ".join(about),
        f"north star: {star.vision} (by {star.by})" if star else "north star: none",
        "",
    ]
    lines += [f"{r.points:+d} {reason_text(r)}" for r in ev.reasons]
    lines += ["", f"verdict: {ev.verdict} (score {ev.score:+d})"]
    return "\n".join(lines) + "\n"


def evaluation_data(ev: Evaluation, owner: str | None = None) -> dict[str, object]:
    """An Evaluation as JSON-ready data (documented in docs/json.md)."""
    opp, star = ev.opportunity, ev.north_star
    return {
        "careerledger_json": JSON_VERSION,
        "command": "evaluate",
        "owner": owner,
        "as_of": ev.as_of.isoformat(),
        "opportunity": {
            "name": opp.name, "date": opp.date.isoformat(), "ad_hoc": ev.ad_hoc, "track": opp.track,
            "phase": opp.phase, "builds": list(distinct(opp.builds)), "org": opp.org,
            "tags": sorted(opp.tags),
        },
        "north_star": {
            "vision": star.vision, "set_on": star.date.isoformat(),
            "horizon": star.by.isoformat() if star.by else None,
            "needs": list(distinct(star.needs)),
        } if star else None,
        "reasons": [{"rule": r.rule, "weight": r.weight, "points": r.points, "text": reason_text(r)}
                    for r in ev.reasons],
        "score": ev.score,
        "verdict": ev.verdict,
    }
