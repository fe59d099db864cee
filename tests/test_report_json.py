"""The JSON of every report matches the shape documented in docs/json.md.

SHAPE below is that document written as data (a small JSON-schema of our own,
no dependency): for each report, its sections in order, each with its kind
and its fields or columns with their types. Every report of every example is
checked against it, with and without a window, and so is an empty ledger;
and docs/json.md must name every section and field listed here (test_docs.py).
"""

import json
import re
from datetime import date

import pytest
from conftest import EXAMPLES, run

from careerledger.render import JSON_VERSION
from careerledger.reports import REPORTS

_SWING = {"last": "text", "last_kind": "text", "last_on": "date", "since": "length",
          "due_on": "date", "due_in": "length", "overdue_by": "length", "due": "bool"}
_BALANCE = {"phase": "text", "career_days": "days", "career_share": "share",
            "recent_days": "days", "recent_share": "share"}
_STREAK = {"phase": "text", "since": "date", "streak": "length", "stuck": "bool"}
_TONES = {"received": "int", "positive": "int", "constructive": "int", "critical": "int", "untoned": "int",
          "actionable": "int", "actioned": "int"}

SHAPE = {
    "summary": [
        ("north_star", "facts", {
            "vision": "text", "set_on": "date", "horizon": "date", "time_left": "length",
            "expired_by": "length", "needs": "int", "mastered": "int", "mastered_skills": "list",
            "lower": "items", "missing": "list"}),
        ("role", "facts", {"title": "text", "org": "text", "since": "date", "in_role": "length",
                           "org_since": "date", "at_org": "length"}),
        ("last_swing", "facts", _SWING),
        ("balance", "table", _BALANCE),
        ("streak", "facts", _STREAK),
        ("contracts", "table", {"contract": "text", "every": "text", "latest": "text", "latest_kept": "bool",
                                "current_run": "int", "last_missed": "text"}),
        ("open_bets", "table", {"bet": "text", "size": "text", "opened": "date", "open_for": "length"}),
        ("landing", "table", {"step": "text", "by_day": "int", "due_on": "date", "done_on": "date",
                              "status": "text"}),
        ("home", "facts", {"last": "date", "score": "int", "note": "text", "since": "length",
                           "next_due": "date", "stale": "bool"}),
    ],
    "swings": [
        ("last_swing", "facts", {
            "last": "text", "last_kind": "text", "last_on": "date", "since": "length", "swing_every": "text",
            "due_on": "date", "due_in": "length", "overdue_by": "length", "due": "bool", "established": "date"}),
        ("swings", "table", {"date": "date", "kind": "text", "name": "text", "after": "length"}),
        ("bets", "table", {"bet": "text", "size": "text", "opened": "date", "closed": "date",
                           "length": "length", "outcome": "text", "source": "source"}),
        ("innovation_roles", "table", {"role": "text", "org": "text", "from": "date", "to": "date",
                                       "length": "length", "side": "bool"}),
        ("portfolio", "facts", {
            "core_days": "days", "innovation_days": "days", "core_share": "share",
            "innovation_share": "share", "bets": "int", "open": "int", "closed": "int", "successes": "int",
            "success_rate": "share", "baseline": "share", "vs_baseline": "text"}),
    ],
    "phases": [
        ("runs", "table", {"phase": "text", "from": "date", "to": "date", "length": "length",
                           "started_by": "text"}),
        ("balance", "table", _BALANCE),
        ("streak", "facts", {"phase": "text", "since": "date", "streak": "length", "phase_max": "text",
                             "limit_on": "date", "stuck": "bool", "switches": "int"}),
    ],
    "cadence": [
        ("contracts", "table", {
            "contract": "text", "every": "text", "count": "int", "from": "date", "until": "date",
            "live": "bool", "kept": "int", "missed": "int", "current_run": "int", "last_missed": "text",
            "source": "source"}),
        ("periods", "table", {"contract": "text", "period": "text", "from": "date", "to": "date",
                              "updates": "int", "kept": "bool"}),
        ("updates", "facts", {"total": "int", "per_month": "number"}),
        ("months", "table", {"month": "text", "updates": "int"}),
        ("unwritten", "table", {"topic": "text", "times": "int", "explained_on": "list",
                                "written_on": "date"}),
    ],
    "roles": [
        ("organisations", "table", {"org": "text", "from": "date", "to": "date", "tenure": "length",
                                    "roles": "int", "promotions": "int", "side": "bool"}),
        ("roles", "table", {"org": "text", "title": "text", "from": "date", "to": "date", "length": "length",
                            "track": "text", "phase": "text", "step": "text", "source": "source"}),
    ],
    "northstar": [
        ("north_star", "facts", {
            "vision": "text", "set_on": "date", "horizon": "date", "time_left": "length",
            "expired_by": "length", "needs": "int", "mastered": "int", "mastered_skills": "list",
            "lower": "items", "missing": "list"}),
        ("history", "table", {"set_on": "date", "vision": "text", "horizon": "date", "replaced_on": "date",
                              "needs": "list", "source": "source"}),
        ("coverage", "table", {"need": "text", "status": "text", "level": "text", "since": "date",
                               "to_go": "int"}),
        ("steps", "table", {"step": "int", "need": "text", "level": "text", "to_go": "int"}),
        ("built_by", "table", {"need": "text", "kind": "text", "name": "text", "date": "date"}),
    ],
    "skills": [
        ("skills", "table", {"skill": "text", "level": "text", "since": "date", "novice_on": "date",
                             "mastered_on": "date", "novice_to_mastered": "length", "needed": "bool",
                             "last_progress": "date", "stale": "bool"}),
        ("north_star", "facts", {"vision": "text", "needs": "list", "mastered": "list", "lower": "items",
                                 "missing": "list", "not_needed": "list"}),
        ("stale", "table", {"skill": "text", "level": "text", "last_progress": "date",
                            "without_progress": "length", "needed": "bool"}),
        ("progression", "table", {"skill": "text", "date": "date", "from": "text", "level": "text",
                                  "evidence": "text", "source": "source"}),
    ],
    "landing": [
        ("roles", "table", {"role": "text", "org": "text", "day_1": "date", "to": "date", "day": "int",
                            "listens": "int", "overdue": "list"}),
        ("phases", "table", {"role": "text", "phase": "text", "days": "text", "from": "date", "due_on": "date",
                             "step": "text", "done_on": "date", "status": "text", "days_left": "int"}),
        ("listens", "table", {"role": "text", "date": "date", "day": "int", "who": "text", "heard": "text"}),
    ],
    "feedback": [
        ("totals", "facts", {"received": "int", "positive": "int", "constructive": "int", "critical": "int",
                             "untoned": "int", "actionable": "int", "actioned": "int", "actioned_share": "share"}),
        ("by_source", "table", {"source": "text", **_TONES}),
        ("by_year", "table", {"year": "text", **_TONES}),
        ("actions", "table", {"date": "date", "from": "text", "tone": "text", "feedback": "text",
                              "action": "text"}),
        ("unactioned", "table", {"date": "date", "from": "text", "tone": "text", "feedback": "text",
                                 "age": "length"}),
    ],
    "home": [
        ("history", "facts", {"checkins": "int", "from": "date", "to": "date", "scores": "scores",
                              "average": "number"}),
        ("trend", "facts", {"scores": "scores", "from": "date", "to": "date", "slope": "number",
                            "change": "number", "trend": "text"}),
        ("last", "facts", {"last": "date", "score": "int", "note": "text", "since": "length",
                           "home_every": "text", "next_due": "date", "due_in": "length",
                           "overdue_by": "length", "stale": "bool"}),
        ("checkins", "table", {"date": "date", "score": "int", "note": "text", "source": "source"}),
    ],
    "review": [
        ("summary", "facts", {"done": "text", "next": "text"}),
        ("period", "facts", {"period": "text", "first_day": "date", "last_day": "date", "previous": "text",
                             "figures_on": "date"}),
        ("headline", "table", {"metric": "text", "this": "int", "previous": "int", "change": "int"}),
        ("wins", "table", {"date": "date", "win": "text", "impact": "text", "told_in": "list"}),
        ("untold", "table", {"date": "date", "win": "text", "tags": "list"}),
        ("updates", "table", {"date": "date", "update": "text", "to": "text", "via": "text", "covers": "list"}),
        ("contracts", "table", {"contract": "text", "period": "text", "updates": "int", "required": "int",
                                "kept": "bool"}),
        ("skills", "table", {"date": "date", "skill": "text", "from": "text", "level": "text",
                             "evidence": "text"}),
        ("bets_opened", "table", {"date": "date", "bet": "text", "size": "text", "in": "text",
                                  "outcome": "text"}),
        ("bets_closed", "table", {"date": "date", "bet": "text", "outcome": "text", "length": "length",
                                  "story": "text", "lesson": "text"}),
        ("feedback", "table", {"date": "date", "from": "text", "tone": "text", "feedback": "text",
                               "action": "text"}),
        ("open_bets", "table", {"bet": "text", "size": "text", "opened": "date", "open_for": "length",
                                "in": "text"}),
        ("commitments", "table", {"contract": "text", "with": "text", "periods": "text", "updates": "int",
                                  "by": "date"}),
    ],
}

ISO = re.compile(r"\d{4}-\d\d-\d\d")


def is_date(v):
    return isinstance(v, str) and ISO.fullmatch(v) is not None and date.fromisoformat(v) is not None


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v):
    return is_int(v) or isinstance(v, float)


CHECK = {
    "text": lambda v: isinstance(v, str),
    "date": is_date,
    "length": lambda v: is_int(v) and v >= 0,
    "days": lambda v: is_int(v) and v >= 0,
    "int": is_int,
    "share": lambda v: is_number(v) and 0 <= v <= 1 and round(v, 4) == v,
    "number": lambda v: is_number(v) and round(v, 4) == v,
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "scores": lambda v: isinstance(v, list) and all(is_int(x) and 1 <= x <= 5 for x in v),
    "source": lambda v: isinstance(v, str) and re.fullmatch(r".+:[1-9]\d*", v) is not None,
    # an element packing several facts is an object of them (the only ones: a skill and its level)
    "items": lambda v: isinstance(v, list) and all(isinstance(x, dict) and set(x) == {"skill", "level"} for x in v),
}


def check_value(where, value, type_):
    assert value is None or CHECK[type_](value), f"{where}: {value!r} is not a {type_}"


def validate(doc, name):
    """Assert that `doc` has the documented shape of report `name`."""
    assert set(doc) == {"careerledger_json", "report", "title", "owner", "as_of", "career", "listed", "sections"}
    assert doc["careerledger_json"] == JSON_VERSION
    assert doc["report"] == name
    assert isinstance(doc["title"], str)
    assert doc["owner"] is None or isinstance(doc["owner"], str)
    assert is_date(doc["as_of"])
    assert set(doc["career"]) == {"start", "end"}
    assert doc["career"]["end"] == doc["as_of"]
    check_value("career.start", doc["career"]["start"], "date")
    assert set(doc["listed"]) == {"begin", "end"}
    for k in ("begin", "end"):
        check_value(f"listed.{k}", doc["listed"][k], "date")

    expected = SHAPE[name]
    assert [s["key"] for s in doc["sections"]] == [key for key, _, _ in expected]
    for section, (key, kind, fields) in zip(doc["sections"], expected, strict=True):
        where = f"{name}.{key}"
        assert section["kind"] == kind, where
        assert isinstance(section["title"], str), where
        assert section["title"], where
        assert section["covers"], where
        for c in section["covers"]:
            assert set(c) == {"label", "start", "end"}, where
            assert c["label"] in ("as of", "career", "trailing 5 years", "trailing 12 months", "listed",
                                  "period", "previous period"), where
            check_value(where, c["start"], "date")
            assert is_date(c["end"]), where
        meta = section["fields" if kind == "facts" else "columns"]
        assert [(m["key"], m["type"]) for m in meta] == list(fields.items()), where
        assert all(isinstance(m["label"], str) and m["label"] for m in meta), where
        if kind == "facts":
            assert set(section) == {"key", "title", "kind", "covers", "fields", "facts"}, where
            assert set(section["facts"]) == set(fields), where
            for k, v in section["facts"].items():
                check_value(f"{where}.{k}", v, fields[k])
        else:
            assert set(section) == {"key", "title", "kind", "covers", "columns", "rows"}, where
            for i, row in enumerate(section["rows"]):
                assert set(row) == set(fields), f"{where}[{i}]"
                for k, v in row.items():
                    check_value(f"{where}[{i}].{k}", v, fields[k])


def report_json(*args):
    result = run("report", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


CASES = [(name, path, extra) for name in SHAPE for path in EXAMPLES
         for extra in ((), ("-p", "2025"), ("-b", "2026-06-01"))]


@pytest.mark.parametrize(("name", "path", "extra"), CASES,
                         ids=[f"{n}-{p.stem}-{'_'.join(e) or 'all'}" for n, p, e in CASES])
def test_report_json_has_the_documented_shape(name, path, extra):
    doc = report_json(name, path, "--as-of", "2026-11-21", *extra)
    validate(doc, name)
    if extra:
        assert any(doc["listed"].values())


@pytest.mark.parametrize("name", list(SHAPE))
def test_report_json_of_an_empty_ledger_has_the_same_shape(name, ledger_file):
    validate(report_json(name, ledger_file(""), "--as-of", "2026-11-21"), name)


def test_shape_lists_every_registered_report():
    assert list(SHAPE) == list(REPORTS)
    assert JSON_VERSION == 2  # 2: items (docs/json.md, Versions)
