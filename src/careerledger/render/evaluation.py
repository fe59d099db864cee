"""Render an Evaluation (metrics/evaluate.py) as text or JSON.

`careerledger evaluate` prints a short paragraph in the framework's words
(`summary`), then one line per reason with its points and the rule's weight,
then staying in the current role, reason by reason, and the two side by side
(docs/json.md, "evaluate", for the JSON). Several offers print one ranked
table (`comparison`). Every reason's wording is here, one function per rule,
from the facts the rule found; so is every sentence of the paragraph. Text is
wrapped to the width the command is given (`--width`, else the terminal's,
else 80).
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from ..core.entries import Duration, distinct
from ..metrics.evaluate import Comparison, Evaluation, Reason
from ..metrics.timeline import breakdown, percent
from . import EVALUATION_FORMATS, JSON_VERSION, fit

WIDTH = fit.DEFAULT_WIDTH  # text is wrapped to this many columns unless told otherwise

# the side-by-side columns: (header, the rules whose points it adds up)
COLUMNS = (("needs", ("needs",)), ("swing", ("swing-due", "early-career")), ("phase", ("phase",)),
           ("repeats", ("repeats",)), ("home", ("home",)))

WHY_DEMANDING = {"innovation": "innovation", "learning-after-impact": "a step back into learning after impact",
                 "new-org": "a new organisation"}


def _ago(start: object, end: object) -> str:
    assert isinstance(start, date)
    assert isinstance(end, date)
    return str(breakdown(start, end))


def _this(facts: Mapping[str, Any], what: str) -> str:
    value = facts[what]
    return f"this is {value}" if value else f"its {what} is not given"


def _tags(tags: Sequence[str], joiner: str = ", ") -> str:
    return joiner.join(f"#{t}" for t in tags)


def _and(items: Sequence[str]) -> str:
    """a, b and c."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


# --- one line per reason -------------------------------------------------------------------


def _needs(case: str, f: Mapping[str, Any]) -> str:
    if case == "no-builds":
        return "builds no skill it names (no builds: tags)"
    if case == "none-reached":
        tags = f["role_tags"]
        return (f"its tags ({_tags(tags)}) reach no north-star need" if tags
                else "the role has no #tags to reach a north-star need")
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


def _due(f: Mapping[str, Any]) -> str:
    """When the swing fell due: never before `established`."""
    if f["established"] is not None and f["established"] > f["due_on"]:
        return f"due since {f['due_from']}, when you became established"
    return f"due by {f['due_on']}"


def _swing(case: str, f: Mapping[str, Any]) -> str:
    if case == "not-due":
        return f"no big swing is due (the next by {f['due_on']}); {_this(f, 'track')}"
    this = "staying is no new swing" if f["staying"] else _this(f, "track")
    if case == "due-no-swing":
        what = f"none yet since the first role on {f['measured_from']}"
    else:
        small = f["small_since"]
        since = f", {_plural(small, 'small bet')} since" if small else ""
        what = (f"the last was {f['last_kind']} \"{f['last_name']}\" on {f['last_on']}, "
                f"{_ago(f['last_on'], f['as_of'])} ago{since}")
    return f"a big swing is due ({what}; {_due(f)}); {this}"


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
    if case == "none-reached":
        return "repeats nothing: its tags reach no skill"
    tags = _tags(f["tags"])
    if case == "repeats":
        return "only repeats what is already mastered: " + tags
    return "builds something not yet mastered: " + tags


def _trend(f: Mapping[str, Any]) -> str:
    if f["trend"] is None:
        return "no trend yet (one check-in)"
    return f"{f['trend']} over the last {len(f['scores'])} check-ins ({' '.join(map(str, f['scores']))})"


def _stale(f: Mapping[str, Any]) -> str:
    return f", the last {f['days_since']} days old" if f["stale"] else ""


def _home(case: str, f: Mapping[str, Any]) -> str:
    if case == "no-checkins":
        return "home not weighed: the ledger has no home check-in"
    score = f"home {f['score']}, {_trend(f)}{_stale(f)}"
    if case == "not-demanding":
        move = "staying is no demanding move" if f["staying"] else "the move is not demanding"
        return f"{score}: {move}"
    why = _and([WHY_DEMANDING[w] for w in f["demanding"]])
    if case == "holds":
        return f"a demanding move ({why}) and home holds: {score}"
    strained = [s for s, on in ((f"{f['score']}, {f['low_at']} or less", f["low"]), ("falling", f["falling"])) if on]
    return f"a demanding move ({why}) while home is strained ({' and '.join(strained)}): {score}"


def _bigs(f: Mapping[str, Any]) -> str:
    big = f["big_closed"]
    if not big:
        return "none of them big"
    if big > 1:
        return f"{f['big_successes']} of the {big} big ones"
    return "the one big bet succeeded" if f["big_successes"] else "the one big bet did not succeed"


def _record(f: Mapping[str, Any]) -> str:
    closed = f["closed"]
    if not closed:
        return "you have closed no bet yet"
    return (f"{f['successes']} of your {_plural(closed, 'closed bet')} succeeded "
            f"({percent(f['successes'], closed)}, {f['vs_baseline']} it), {_bigs(f)}")


def _risk(case: str, f: Mapping[str, Any]) -> str:
    if case == "core":
        return "a core role is the stable choice: no bet to lose"
    if case == "no-track":
        return "its track is not given: no risk stated"
    return (f"innovation bets fail half the time (the framework's {percent(Fraction(f['baseline']), 1)} "
            f"baseline); {_record(f)}; no points: even if it fails, the story and the lesson remain")


_WORDING: dict[str, Callable[[str, Mapping[str, Any]], str]] = {
    "needs": _needs, "early-career": _early, "swing-due": _swing, "phase": _phase, "repeats": _repeats,
    "home": _home, "risk": _risk,
}


def reason_text(reason: Reason) -> str:
    """One line, for people."""
    return _WORDING[reason.rule](reason.case, reason.facts)


# --- the paragraph -----------------------------------------------------------------------------


def _rule(ev: Evaluation, rule: str) -> list[Reason]:
    return [r for r in ev.reasons if r.rule == rule]


def stay_name(ev: Evaluation) -> str:
    """`staying as Senior PM, Checkout`."""
    return f"staying as {ev.opportunity.name}"


def _score(score: int) -> str:
    return f"{score:+d}" if score else "0"


# (verdict, which of the two scores higher) -> how the paragraph opens
HEADS = {
    ("closer", "offer"): "Closer ({s}) than {stay} ({a})",
    ("closer", "stay"): "Closer ({s}), but {stay} is closer still ({a})",
    ("closer", "even"): "Closer ({s}), as close as {stay} ({a})",
    ("further", "offer"): "Further ({s}), but {stay} is further still ({a})",
    ("further", "stay"): "Further ({s}) than {stay} ({a})",
    ("further", "even"): "Further ({s}), as far as {stay} ({a})",
    ("neutral", "offer"): "Neither closer nor further ({s}), while {stay} takes you further ({a})",
    ("neutral", "stay"): "Neither closer nor further ({s}), while {stay} is closer ({a})",
    ("neutral", "even"): "Neither closer nor further ({s}), like {stay} ({a})",
}
ALONE = {"closer": "Closer ({s})", "further": "Further ({s})", "neutral": "Neither closer nor further ({s})"}


def _head(ev: Evaluation) -> str:
    alt = ev.alternative
    if alt is None or ev.closer_of_two is None:
        return ALONE[ev.verdict].format(s=_score(ev.score))
    return HEADS[(ev.verdict, ev.closer_of_two)].format(s=_score(ev.score), stay=stay_name(alt), a=_score(alt.score))


def _needs_clause(ev: Evaluation) -> str:
    scored = [str(r.facts["tag"]) for r in _rule(ev, "needs") if r.case in ("needed", "capped")]
    alt = ev.alternative
    if ev.north_star is None:
        return "there is no north star to hold it against"
    if scored:
        clause = f"it builds {_and([f'#{t}' for t in scored])}, which your north star needs"
        if alt is not None:
            also = [t for t in scored if t in alt.opportunity.builds]
            clause += (" and staying does not" if not also else
                       " and staying builds too" if len(also) == len(scored) else
                       f"; staying builds only {_and([f'#{t}' for t in also])}")
        return clause
    repeats = _rule(ev, "repeats")[0]
    if repeats.case == "repeats":
        repeated: Mapping[str, Any] = repeats.facts
        return f"it only repeats {_and([f'#{t}' for t in repeated['tags']])}, already mastered"
    if ev.staying:
        return "its tags reach no need you have not mastered"
    if not ev.opportunity.builds:
        return "it names no skill it builds (no builds: tags)"
    return "it builds no need you have not mastered"


def _mastered_clause(ev: Evaluation) -> str | None:
    alt = ev.alternative
    if alt is not None and _rule(alt, "repeats")[0].case == "repeats":
        return f"staying only repeats {_and([f'#{t}' for t in distinct(alt.opportunity.builds)])}, already mastered"
    if _rule(ev, "repeats")[0].case == "repeats":
        return None  # said already
    if ev.mastered:
        return f"you have already mastered {_and([f'#{t}' for t in ev.mastered])}"
    return None


def _untouched_clause(ev: Evaluation) -> str | None:
    left = [n.tag for n in ev.untouched if n.level != "mastered"]
    return f"it leaves {_and([f'#{t}' for t in left])} untouched" if left else None


def _join(clauses: Sequence[str]) -> str:
    """a; b, and c."""
    if len(clauses) < 3:
        return "; ".join(clauses)
    return "; ".join(clauses[:-2]) + "; " + ", and ".join(clauses[-2:])


def _swing_sentence(r: Reason) -> str:
    f: Mapping[str, Any] = r.facts
    track = f["track"]
    if r.rule == "early-career":
        until = f"before you are established ({f['established']})" if f["established"] else "with no main role yet"
        return f"{until.capitalize()}, the framework favours core roles first" + (
            f", and this is {track}." if track else ".")
    if r.case == "not-due":
        return f"No big swing is due before {f['due_on']}."
    if r.case == "due":
        last = f"the last was {_ago(f['last_on'], f['as_of'])} ago"
    else:
        last = f"none since your first role on {f['measured_from']}"
    one = ("staying is none" if f["staying"] else "this is one" if track == "innovation"
           else "this is not one" if track else "its track is not given")
    return f"A big swing is overdue ({last}), and {one}."


def _risk_sentence(r: Reason) -> str | None:
    f: Mapping[str, Any] = r.facts
    if r.case == "core":
        return "A core role is the stable choice."
    if r.case == "no-track":
        return None
    closed = f["closed"]
    if not closed:
        record = "you have closed no bet yet"
    else:
        record = f"{f['successes']} of your {_plural(closed, 'closed bet')} succeeded, {_bigs(f)}"
    return (f"Innovation bets fail half the time (the {percent(Fraction(f['baseline']), 1)} baseline; {record}): "
            "even if it fails, the story and the lesson remain.")


def _home_sentence(r: Reason) -> str:
    f: Mapping[str, Any] = r.facts
    if r.case == "no-checkins":
        return "Home was not weighed: the ledger has no home check-in."
    state = (f"{f['score']} and {f['trend']}" if f["trend"] else f"{f['score']} (one check-in so far)") + _stale(f)
    note = f["note"]
    said = "" if not note else f'; your last note says "{note}"' + ("" if note[-1] in ".!?" else ".")
    end = said or "."
    if r.case == "not-demanding":
        move = "staying is no demanding move" if f["staying"] else "the move is not demanding"
        return f"Home is {state}; {move}."
    why = _and([WHY_DEMANDING[w] for w in f["demanding"]])
    if r.case == "holds":
        return f"Watch home: {state}, enough for a demanding move so far{end}"
    strained = _and([s for s, on in ((f"a score of {f['score']}", f["low"]), ("a falling trend", f["falling"])) if on])
    return f"Home counts against it: {strained}{_stale(f)}, and the move is demanding ({why}){end}"


def summary(ev: Evaluation) -> str:
    """The paragraph, in the framework's words: the verdict against staying and
    the needs, the swing, the risk, home (the phase balance, a tie-breaker, is
    left to the reasons)."""
    first = [_needs_clause(ev)]
    first += [c for c in (_mastered_clause(ev), _untouched_clause(ev)) if c]
    sentences = [f"{_head(ev)}: {_join(first)}."]
    [swing] = _rule(ev, "swing-due") + _rule(ev, "early-career")
    sentences.append(_swing_sentence(swing))
    risk = _risk_sentence(_rule(ev, "risk")[0])
    if risk:
        sentences.append(risk)
    sentences.append(_home_sentence(_rule(ev, "home")[0]))
    return " ".join(sentences)


# --- text ------------------------------------------------------------------------------------


def _wrap(text: str, indent: str = "", first: str = "", width: int = WIDTH) -> list[str]:
    return fit.hanging(first, text, width, indent)


def _reason_lines(reasons: Sequence[Reason], width: int = WIDTH, paint: fit.Paint = fit.PLAIN) -> list[str]:
    """`+2 of 2  why`: a gain green, a loss red."""
    lines = []
    for r in reasons:
        points = f"{r.points:+d} of {r.weight}"
        head = f"  {points}  "
        wrapped = _wrap(reason_text(r), " " * len(head), head, width)
        tone = "good" if r.points > 0 else "bad" if r.points < 0 else None
        lines += [wrapped[0].replace(points, paint(points, tone), 1), *wrapped[1:]]
    return lines


def _points(ev: Evaluation, rules: Sequence[str]) -> int:
    return sum(r.points for r in ev.reasons if r.rule in rules)


def _row_name(ev: Evaluation) -> str:
    return f"staying: {ev.opportunity.name}" if ev.staying else ev.opportunity.name


def side_by_side(evaluations: Sequence[Evaluation], ranks: Sequence[int] | None = None,
                 title: str = "side by side", width: int = WIDTH) -> list[str]:
    """One row per evaluation: its score and verdict, its points per rule, then
    its name, last, so that a long name is never cut: it wraps in its column."""
    heads = ["score", "verdict"] + [h for h, _ in COLUMNS]
    verdict_w = max(len("verdict"), *(len(e.verdict) for e in evaluations))
    head = (("rank  " if ranks is not None else "") + "score  " + "verdict".ljust(verdict_w)
            + "".join(f"  {h}" for h in heads[2:]))
    below = len(head) + 2 + 12 > width  # too narrow for a name beside the points: it goes under them
    lines = [head + (f"  {title}" if title and not below else "")]
    for i, ev in enumerate(evaluations):
        rank = f"{ranks[i]:>4}  " if ranks is not None else ""
        cells = "".join(f"  {_points(ev, rules):+d}".rjust(len(h) + 2) for h, rules in COLUMNS)
        lead = f"{rank}{ev.score:+5d}  {ev.verdict.ljust(verdict_w)}{cells}  "
        if below:
            lines += [lead.rstrip(), *_wrap(_row_name(ev), "      ", "      ", width)]
        else:
            lines += fit.hanging(lead, _row_name(ev), width)
    return lines


def evaluation(ev: Evaluation, fmt: str, owner: str | None = None, width: int = WIDTH,
               paint: fit.Paint = fit.PLAIN) -> str:
    """An Evaluation as `text` or `json`; `owner` is the ledger's option."""
    assert fmt in EVALUATION_FORMATS
    if fmt == "json":
        return _json(evaluation_data(ev, owner))
    return evaluation_text(ev, owner, width, paint)


def _about(ev: Evaluation) -> str:
    opp = ev.opportunity
    about = [f"track {opp.track or 'not given'}", f"phase {opp.phase or 'not given'}",
             "builds " + (" ".join(f"#{t}" for t in opp.builds) or "nothing named")]
    if opp.org:
        about.append(f"at {opp.org}")
    return ", ".join(about)


def _header(ev: Evaluation, owner: str | None, what: str, width: int = WIDTH) -> tuple[str, list[str]]:
    """The title line, and the north star's lines."""
    star = ev.north_star
    who = f": {owner}" if owner else ""
    return (f"{what}{who}, as of {ev.as_of}",
            _wrap(f"north star: {star.vision} (by {star.by})", "  ", width=width) if star else ["north star: none"])


def evaluation_text(ev: Evaluation, owner: str | None = None, width: int = WIDTH,
                    paint: fit.Paint = fit.PLAIN) -> str:
    opp = ev.opportunity
    when = "ad hoc" if ev.ad_hoc else "its date" if ev.as_of == opp.date else f"again; offered on {opp.date}"
    title, star = _header(ev, owner, f'Evaluate "{opp.name}"', width)
    lines = [*_wrap(f"{title} ({when})", "  ", width=width), *_wrap("opportunity: " + _about(ev), "  ", width=width),
             *star, ""]
    lines[0] = paint(lines[0], "heading")
    lines += _wrap(summary(ev), width=width)
    lines += ["", *_wrap(f'"{opp.name}", rule by rule (points of the rule\'s weight):', "  ", width=width)]
    lines += _reason_lines(ev.reasons, width, paint)
    tone = "good" if ev.score > 0 else "bad" if ev.score < 0 else None
    lines += ["", "verdict: " + paint(f"{ev.verdict} (score {ev.score:+d})", tone)]
    alt = ev.alternative
    if alt is not None:
        role = ev.role
        assert role is not None  # the alternative is staying in it
        reach = " ".join(f"#{t}" for t in alt.opportunity.builds) or "no need"
        lines += ["", *_wrap(f"S{stay_name(alt)[1:]} (at {role.org} since {role.date}; track {role.track}, "
                             f"phase {role.phase}; its tags reach {reach}), rule by rule:", width=width)]
        lines += _reason_lines(alt.reasons, width, paint)
        lines += ["", "The offer and staying, side by side:", *side_by_side([ev, alt], title="", width=width)]
    else:
        lines += ["", *_wrap("staying: no main role is held on " + str(ev.as_of) + ", so nothing to compare with",
                             "  ", width=width)]
    return "\n".join(lines) + "\n"


def comparison_text(cmp: Comparison, owner: str | None = None, width: int = WIDTH,
                    paint: fit.Paint = fit.PLAIN) -> str:
    """Several offers: the ranked table, then each offer's paragraph."""
    first = cmp.offers[0]
    n = len(cmp.offers)
    title, star = _header(first, owner, f"Compare {n} offers" + (" and staying" if cmp.stay else ""), width)
    lines = [*_wrap(title, "  ", width=width), *star, ""]
    lines[0] = paint(lines[0], "heading")
    lines += side_by_side([r.evaluation for r in cmp.ranking], [r.rank for r in cmp.ranking], "offer", width)
    for r in cmp.ranking:
        ev = r.evaluation
        if ev.staying:
            continue
        lines += ["", *_wrap(f'{r.rank}. "{ev.opportunity.name}" ({_about(ev)}):', "   ", width=width)]
        lines += _wrap(summary(ev), "   ", "   ", width)
    if cmp.stay is None:
        lines += ["", *_wrap("staying: no main role is held on " + str(cmp.as_of) + ", so nothing to compare with",
                             "  ", width=width)]
    lines += ["", 'Every reason of one: careerledger evaluate "NAME" FILE']
    return "\n".join(lines) + "\n"


def comparison(cmp: Comparison, fmt: str, owner: str | None = None, width: int = WIDTH,
               paint: fit.Paint = fit.PLAIN) -> str:
    assert fmt in EVALUATION_FORMATS
    if fmt == "json":
        return _json(comparison_data(cmp, owner))
    return comparison_text(cmp, owner, width, paint)


def _json(data: dict[str, object]) -> str:
    import json  # only for --format json

    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


# --- JSON ------------------------------------------------------------------------------------


def plain(value: object) -> object:
    """A fact as JSON holds it: dates ISO, fractions and floats rounded to 4
    places, durations as written (`3y`), tuples as arrays."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction | float):
        return round(float(value), 4)
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def _reason_data(r: Reason) -> dict[str, object]:
    return {"rule": r.rule, "weight": r.weight, "points": r.points, "case": r.case, "text": reason_text(r),
            "facts": {k: plain(v) for k, v in r.facts.items()}}


def _weighed(ev: Evaluation) -> dict[str, object]:
    """What an offer and staying share: the reasons, score, verdict, paragraph."""
    return {
        "reasons": [_reason_data(r) for r in ev.reasons],
        "score": ev.score,
        "verdict": ev.verdict,
        "untouched": [{"tag": n.tag, "level": n.level} for n in ev.untouched],
    }


def _opportunity(ev: Evaluation) -> dict[str, object]:
    opp = ev.opportunity
    return {"name": opp.name, "date": opp.date.isoformat(), "ad_hoc": ev.ad_hoc, "track": opp.track,
            "phase": opp.phase, "builds": list(distinct(opp.builds)), "org": opp.org, "tags": sorted(opp.tags)}


def _stay_data(alt: Evaluation | None) -> dict[str, object] | None:
    if alt is None:
        return None
    role = alt.role
    assert role is not None  # staying is staying in a role
    return {"kind": "stay", "role": role.title, "org": role.org, "since": role.date.isoformat(),
            "track": alt.opportunity.track, "phase": alt.opportunity.phase,
            "builds": list(alt.opportunity.builds), "summary": summary(alt), **_weighed(alt)}


def _north_star(ev: Evaluation) -> dict[str, object] | None:
    star = ev.north_star
    if star is None:
        return None
    return {"vision": star.vision, "set_on": star.date.isoformat(), "horizon": star.by.isoformat() if star.by else None,
            "needs": list(distinct(star.needs)), "mastered": list(ev.mastered)}


def evaluation_data(ev: Evaluation, owner: str | None = None) -> dict[str, object]:
    """An Evaluation as JSON-ready data (documented in docs/json.md)."""
    return {
        "careerledger_json": JSON_VERSION,
        "command": "evaluate",
        "owner": owner,
        "as_of": ev.as_of.isoformat(),
        "opportunity": _opportunity(ev),
        "north_star": _north_star(ev),
        "summary": summary(ev),
        **_weighed(ev),
        "alternative": _stay_data(ev.alternative),
        "closer_of_two": ev.closer_of_two,
    }


def comparison_data(cmp: Comparison, owner: str | None = None) -> dict[str, object]:
    """A Comparison as JSON-ready data (documented in docs/json.md)."""
    first = cmp.offers[0]
    return {
        "careerledger_json": JSON_VERSION,
        "command": "evaluate",
        "owner": owner,
        "as_of": cmp.as_of.isoformat(),
        "north_star": _north_star(first),
        "offers": [{"opportunity": _opportunity(ev), "summary": summary(ev), **_weighed(ev),
                    "closer_of_two": ev.closer_of_two} for ev in cmp.offers],
        "alternative": _stay_data(cmp.stay),
        "ranking": [{"rank": r.rank, "name": r.evaluation.opportunity.name,
                     "kind": "stay" if r.evaluation.staying else "offer",
                     "score": r.evaluation.score, "verdict": r.evaluation.verdict} for r in cmp.ranking],
    }
