"""Write the JSON Schemas of docs/json.md: `python docs/schema/generate.py`.

The *.json files beside this script are its output, written out so that they
can be read and used without careerledger; tests/test_json_schema.py checks
that they are what this script writes, and that every JSON careerledger
prints validates against them. To change a schema, change this script (a
report's sections and their fields are listed in REPORTS, in the order of the
report) and run it again. The fixed words come from careerledger itself
(levels, tones, warning codes, the review's headline), so they cannot drift.
"""

import json
from pathlib import Path

from careerledger.core.problems import WARNINGS
from careerledger.core.schema import LEVELS, MOVES, PERIODS, PHASES, RESULTS, SIZES, TONES, TRACKS
from careerledger.metrics.landing import LANDING_STEPS
from careerledger.render import JSON_VERSION
from careerledger.reports import REPORTS as REGISTERED
from careerledger.reports.review import HEADLINE

HERE = Path(__file__).parent
DRAFT = "https://json-schema.org/draft/2020-12/schema"
C = "common.json#/$defs/"

STEPS = [rule.name for rule in LANDING_STEPS]
STAGES = [rule.phase for rule in LANDING_STEPS]  # the landing's phases: listening tour, alignment, quick wins
DAY_SPANS = [f"{rule.first_day}–{rule.day}" for rule in LANDING_STEPS]
STATUS = ["done", "late", "open", "overdue"]
WEEK, MONTH, QUARTER, YEAR = r"[0-9]{4}-W[0-9]{2}", r"[0-9]{4}-(0[1-9]|1[0-2])", r"[0-9]{4}-Q[1-4]", r"[0-9]{4}"
PERIOD = f"^({WEEK}|{MONTH}|{QUARTER})$"
BELOW_MASTERED = [x for x in LEVELS if x != "mastered"]


def ref(name):
    return {"$ref": C + name}


# type -> its JSON schema (not null)
BASE = {
    "text": {"type": "string"},
    "date": ref("date"),
    "length": ref("length"),
    "days": ref("days"),
    "int": {"type": "integer"},
    "share": ref("share"),
    "number": ref("number"),
    "bool": {"type": "boolean"},
    "list": ref("list"),
    "scores": ref("scores"),
    "source": ref("source"),
}


def F(key, type_, null=True, *, enum=None, pattern=None, minimum=None, maximum=None, items=None, of=None):
    """A fact or column: its key, type, and the schema of its value."""
    if type_ == "items":
        s = {"type": "array", "items": items}
    elif enum is not None and type_ == "text":
        s = {"enum": list(enum)}
    elif type_ == "list" and (of is not None):
        s = {"type": "array", "items": of}
    else:
        s = dict(BASE[type_])
    if pattern is not None:
        s["pattern"] = pattern
    if minimum is not None:
        s["minimum"] = minimum
    if maximum is not None:
        s["maximum"] = maximum
    if null:
        if "enum" in s:
            s = {"enum": [*s["enum"], None]}
        else:
            s = {"anyOf": [s, {"type": "null"}]}
    return key, type_, s


def N(key, type_, **kw):
    """A value never null."""
    return F(key, type_, False, **kw)


def covers(*slots, least=None):
    """Covers: one slot per cover in order, each the labels it may have; the
    first `least` (default all) are required."""
    least = len(slots) if least is None else least
    return {"type": "array", "minItems": least, "maxItems": len(slots),
            "prefixItems": [{"$ref": C + "cover", "properties": {"label": {"enum": list(labels)}}}
                            for labels in slots]}


AS_OF_LISTED = covers(["as of"], ["listed"], least=1)
AS_OF = covers(["as of"])
CAREER = covers(["career"])
CAREER_OR_LISTED = covers(["career", "listed"])
PERIOD_COVER = covers(["period"])
SECTIONS = {}


def S(key, kind, cover, *fields):
    meta = {"type": "array", "minItems": len(fields), "maxItems": len(fields),
            "prefixItems": [{"$ref": C + "meta", "properties": {"key": {"const": k}, "type": {"const": t}}}
                            for k, t, _ in fields]}
    values = {"type": "object", "required": [k for k, _, _ in fields], "additionalProperties": False,
              "properties": {k: s for k, _, s in fields}}
    props = {"key": {"const": key}, "title": {"type": "string", "minLength": 1}, "kind": {"const": kind},
             "covers": cover}
    if kind == "facts":
        props |= {"fields": meta, "facts": values}
    else:
        props |= {"columns": meta, "rows": {"type": "array", "items": values}}
    return {"type": "object", "required": list(props), "additionalProperties": False, "properties": props}


LOWER = {"type": "object", "required": ["skill", "level"], "additionalProperties": False,
         "properties": {"skill": {"type": "string"}, "level": {"enum": BELOW_MASTERED}}}
NORTH_STAR = S("north_star", "facts", AS_OF,
               F("vision", "text"), F("set_on", "date"), F("horizon", "date"), F("time_left", "length"),
               F("expired_by", "length"), F("needs", "int", minimum=0), F("mastered", "int", minimum=0),
               N("mastered_skills", "list"), N("lower", "items", items=LOWER), N("missing", "list"))
SWING = [F("last", "text"), F("last_kind", "text", enum=["bet", "role"]), F("last_on", "date"), F("since", "length"),
         F("due_on", "date"), F("due_in", "length"), F("overdue_by", "length"), N("due", "bool")]
BALANCE = S("balance", "table", covers(["career"], ["trailing 5 years"]),
            N("phase", "text", enum=[*PHASES, "gap", "all"]), N("career_days", "days"), F("career_share", "share"),
            N("recent_days", "days"), F("recent_share", "share"))
STREAK = [F("phase", "text", enum=[*PHASES, "gap"]), F("since", "date"), F("streak", "length"), N("stuck", "bool")]
TONES_COUNT = [N("received", "int", minimum=0), N("positive", "int", minimum=0), N("constructive", "int", minimum=0),
               N("critical", "int", minimum=0), N("untoned", "int", minimum=0), N("actionable", "int", minimum=0),
               N("actioned", "int", minimum=0)]
LEVEL = {"enum": list(LEVELS)}

REPORTS = {
    "summary": [
        NORTH_STAR,
        S("role", "facts", AS_OF, F("title", "text"), F("org", "text"), F("since", "date"), F("in_role", "length"),
          F("org_since", "date"), F("at_org", "length")),
        S("last_swing", "facts", CAREER, *SWING),
        BALANCE,
        S("streak", "facts", CAREER, *STREAK),
        S("contracts", "table", AS_OF_LISTED,
          N("contract", "text"), N("every", "text", enum=PERIODS), F("latest", "text", pattern=PERIOD),
          F("latest_kept", "bool"), N("current_run", "int", minimum=0), F("last_missed", "text", pattern=PERIOD)),
        S("open_bets", "table", AS_OF_LISTED,
          N("bet", "text"), N("size", "text", enum=SIZES), N("opened", "date"), N("open_for", "length")),
        S("landing", "table", AS_OF,
          N("step", "text", enum=STEPS), N("by_day", "int", minimum=1), N("due_on", "date"), F("done_on", "date"),
          N("status", "text", enum=STATUS)),
        S("home", "facts", AS_OF, F("last", "date"), F("score", "int", minimum=1, maximum=5), F("note", "text"),
          F("since", "length"), F("next_due", "date"), N("stale", "bool")),
    ],
    "swings": [
        S("last_swing", "facts", CAREER, *SWING[:4], N("swing_every", "text"), *SWING[4:],
          F("established", "date")),
        S("swings", "table", CAREER_OR_LISTED,
          N("date", "date"), N("kind", "text", enum=["bet", "role"]), N("name", "text"), F("after", "length")),
        S("bets", "table", CAREER_OR_LISTED,
          N("bet", "text"), N("size", "text", enum=SIZES), N("opened", "date"), F("closed", "date"),
          N("length", "length"), F("outcome", "text", enum=RESULTS), N("source", "source")),
        S("innovation_roles", "table", CAREER_OR_LISTED,
          N("role", "text"), N("org", "text"), N("from", "date"), F("to", "date"), N("length", "length"),
          N("side", "bool")),
        S("portfolio", "facts", CAREER,
          N("core_days", "days"), N("innovation_days", "days"), F("core_share", "share"),
          F("innovation_share", "share"), N("bets", "int", minimum=0), N("open", "int", minimum=0),
          N("closed", "int", minimum=0), N("successes", "int", minimum=0), F("success_rate", "share"),
          N("baseline", "share"), F("vs_baseline", "text", enum=["above", "at", "below"])),
    ],
    "phases": [
        S("runs", "table", CAREER_OR_LISTED,
          N("phase", "text", enum=[*PHASES, "gap"]), N("from", "date"), F("to", "date"), N("length", "length"),
          N("started_by", "text")),
        BALANCE,
        S("streak", "facts", CAREER, *STREAK[:3], N("phase_max", "text"), F("limit_on", "date"), STREAK[3],
          N("switches", "int", minimum=0)),
    ],
    "cadence": [
        S("contracts", "table", AS_OF_LISTED,
          N("contract", "text"), N("every", "text", enum=PERIODS), N("count", "int", minimum=1), N("from", "date"),
          F("until", "date"), N("live", "bool"), N("kept", "int", minimum=0), N("missed", "int", minimum=0),
          N("current_run", "int", minimum=0), F("last_missed", "text", pattern=PERIOD), N("source", "source")),
        S("periods", "table", AS_OF_LISTED,
          N("contract", "text"), N("period", "text", pattern=PERIOD), N("from", "date"), N("to", "date"),
          N("updates", "int", minimum=0), N("kept", "bool")),
        S("updates", "facts", covers(["trailing 12 months"]),
          N("total", "int", minimum=0), N("per_month", "number", minimum=0)),
        S("months", "table", covers(["trailing 12 months", "listed"]),
          N("month", "text", pattern=f"^{MONTH}$"), N("updates", "int", minimum=0)),
        S("unwritten", "table", AS_OF_LISTED,
          N("topic", "text"), N("times", "int", minimum=1), N("explained_on", "list", of=ref("date")),
          F("written_on", "date")),
    ],
    "roles": [
        S("organisations", "table", CAREER_OR_LISTED,
          N("org", "text"), N("from", "date"), F("to", "date"), N("tenure", "length"), N("roles", "int", minimum=0),
          N("promotions", "int", minimum=0), N("side", "bool")),
        S("roles", "table", CAREER_OR_LISTED,
          N("org", "text"), N("title", "text"), N("from", "date"), F("to", "date"), N("length", "length"),
          N("track", "text", enum=TRACKS), F("phase", "text", enum=PHASES),
          N("step", "text", pattern=f"^(joined|rejoined|promotion|lateral|step-down|side)(, ({'|'.join(MOVES)}))?$"),
          N("source", "source")),
    ],
    "northstar": [
        NORTH_STAR,
        S("history", "table", AS_OF_LISTED,
          N("set_on", "date"), N("vision", "text"), F("horizon", "date"), F("replaced_on", "date"),
          N("needs", "list"), N("source", "source")),
        S("coverage", "table", AS_OF,
          N("need", "text"), N("status", "text", enum=["mastered", "lower", "missing"]),
          F("level", "text", enum=LEVELS), F("since", "date"), N("to_go", "int", minimum=0, maximum=4)),
        S("steps", "table", AS_OF,
          N("step", "int", minimum=1), N("need", "text"), F("level", "text", enum=BELOW_MASTERED),
          N("to_go", "int", minimum=1, maximum=4)),
        S("built_by", "table", AS_OF_LISTED,
          N("need", "text"), F("kind", "text", enum=["role", "bet", "skill"]), F("name", "text"), F("date", "date")),
    ],
    "skills": [
        S("skills", "table", AS_OF,
          N("skill", "text"), N("level", "text", enum=LEVELS), N("since", "date"), F("novice_on", "date"),
          F("mastered_on", "date"), F("novice_to_mastered", "length"), N("needed", "bool"),
          N("last_progress", "date"), N("stale", "bool")),
        S("north_star", "facts", AS_OF,
          F("vision", "text"), N("needs", "list"), N("mastered", "list"), N("lower", "items", items=LOWER),
          N("missing", "list"), N("not_needed", "list")),
        S("stale", "table", AS_OF,
          N("skill", "text"), N("level", "text", enum=BELOW_MASTERED),
          N("last_progress", "date"), N("without_progress", "length"), N("needed", "bool")),
        S("progression", "table", AS_OF_LISTED,
          N("skill", "text"), N("date", "date"), F("from", "text", enum=LEVELS), N("level", "text", enum=LEVELS),
          F("evidence", "text"), N("source", "source")),
    ],
    "landing": [
        S("roles", "table", AS_OF_LISTED,
          N("role", "text"), N("org", "text"), N("day_1", "date"), F("to", "date"), F("day", "int", minimum=1),
          N("listens", "int", minimum=0), N("overdue", "list", of={"enum": STEPS})),
        S("phases", "table", AS_OF_LISTED,
          N("role", "text"), N("phase", "text", enum=STAGES),
          N("days", "text", enum=DAY_SPANS), N("from", "date"), N("due_on", "date"),
          N("step", "text", enum=STEPS), F("done_on", "date"), N("status", "text", enum=STATUS),
          F("days_left", "int")),
        S("listens", "table", AS_OF_LISTED,
          N("role", "text"), N("date", "date"), N("day", "int", minimum=1, maximum=30), N("who", "text"),
          F("heard", "text")),
    ],
    "feedback": [
        S("totals", "facts", AS_OF_LISTED, *TONES_COUNT, F("actioned_share", "share")),
        S("by_source", "table", AS_OF_LISTED, F("source", "text"), *TONES_COUNT),
        S("by_year", "table", AS_OF_LISTED, N("year", "text", pattern=f"^{YEAR}$"), *TONES_COUNT),
        S("actions", "table", AS_OF_LISTED,
          N("date", "date"), F("from", "text"), F("tone", "text", enum=TONES), N("feedback", "text"),
          N("action", "text")),
        S("unactioned", "table", AS_OF_LISTED,
          N("date", "date"), F("from", "text"), N("tone", "text", enum=["constructive", "critical"]),
          N("feedback", "text"), N("age", "length")),
    ],
    "home": [
        S("history", "facts", AS_OF_LISTED,
          N("checkins", "int", minimum=0), F("from", "date"), F("to", "date"), N("scores", "scores"),
          F("average", "number", minimum=1, maximum=5)),
        S("trend", "facts", AS_OF,
          N("scores", "scores"), F("from", "date"), F("to", "date"), F("slope", "number"), F("change", "number"),
          F("trend", "text", enum=["up", "down", "flat"])),
        S("last", "facts", AS_OF,
          F("last", "date"), F("score", "int", minimum=1, maximum=5), F("note", "text"), F("since", "length"),
          N("home_every", "text"), F("next_due", "date"), F("due_in", "length"), F("overdue_by", "length"),
          N("stale", "bool")),
        S("checkins", "table", AS_OF_LISTED,
          N("date", "date"), N("score", "int", minimum=1, maximum=5), F("note", "text"), N("source", "source")),
    ],
    "review": [
        S("summary", "facts", PERIOD_COVER, N("done", "text"), N("next", "text")),
        S("period", "facts", PERIOD_COVER,
          N("period", "text"), N("first_day", "date"), N("last_day", "date"), N("previous", "text"),
          N("figures_on", "date")),
        S("headline", "table", covers(["period"], ["previous period"]),
          N("metric", "text", enum=[label for label, _ in HEADLINE]),
          F("this", "int", minimum=0), F("previous", "int", minimum=0), F("change", "int")),
        S("wins", "table", PERIOD_COVER,
          N("date", "date"), N("win", "text"), F("impact", "text"), N("told_in", "list")),
        S("untold", "table", PERIOD_COVER, N("date", "date"), N("win", "text"), N("tags", "list")),
        S("updates", "table", PERIOD_COVER,
          N("date", "date"), N("update", "text"), F("to", "text"), F("via", "text"), N("covers", "list")),
        S("contracts", "table", PERIOD_COVER,
          N("contract", "text"), N("period", "text", pattern=PERIOD), N("updates", "int", minimum=0),
          N("required", "int", minimum=1), N("kept", "bool")),
        S("skills", "table", PERIOD_COVER,
          N("date", "date"), N("skill", "text"), F("from", "text", enum=LEVELS), N("level", "text", enum=LEVELS),
          F("evidence", "text")),
        S("bets_opened", "table", PERIOD_COVER,
          N("date", "date"), N("bet", "text"), N("size", "text", enum=SIZES), F("in", "text"),
          F("outcome", "text", enum=RESULTS)),
        S("bets_closed", "table", PERIOD_COVER,
          N("date", "date"), N("bet", "text"), N("outcome", "text", enum=RESULTS), N("length", "length"),
          F("story", "text"), F("lesson", "text")),
        S("feedback", "table", PERIOD_COVER,
          N("date", "date"), F("from", "text"), F("tone", "text", enum=TONES), N("feedback", "text"),
          F("action", "text")),
        S("open_bets", "table", AS_OF,
          N("bet", "text"), N("size", "text", enum=SIZES), N("opened", "date"), N("open_for", "length"),
          F("in", "text")),
        S("commitments", "table", AS_OF,
          N("contract", "text"), F("with", "text"), N("periods", "text"), N("updates", "int", minimum=1),
          N("by", "date")),
    ],
}
WARNINGS_SECTION = S("warnings", "table", AS_OF,
                     N("code", "text", enum=[w.code for w in WARNINGS]),
                     N("check", "text", enum=[w.name for w in WARNINGS]), N("warning", "text"))

COMMON = {
    "$schema": DRAFT,
    "title": "careerledger JSON: the definitions the other schemas share",
    "description": "See docs/json.md. Referred to as common.json#/$defs/NAME from the schemas beside it.",
    "$defs": {
        "version": {"const": JSON_VERSION, "description": "careerledger_json: the version of the shape"},
        "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "date_or_null": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
        "length": {"type": "integer", "minimum": 0, "description": "a span between two dates, in days"},
        "days": {"type": "integer", "minimum": 0, "description": "a sum of days that is not one span"},
        "share": {"type": "number", "minimum": 0, "maximum": 1, "description": "rounded to 4 places"},
        "number": {"type": "number", "description": "rounded to 4 places"},
        "list": {"type": "array", "items": {"type": "string"}},
        "scores": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 5}},
        "source": {"type": "string", "pattern": "^.+:[1-9][0-9]*$", "description": "file:line of the entry"},
        "meta": {
            "description": "a fact's or column's key, label and type (docs/json.md, Value types)",
            "type": "object", "required": ["key", "label", "type"], "additionalProperties": False,
            "properties": {"key": {"type": "string"}, "label": {"type": "string"},
                           "type": {"enum": ["text", "date", "length", "days", "int", "share", "number", "bool",
                                             "list", "scores", "source", "items"]}},
        },
        "cover": {
            "type": "object", "required": ["label", "start", "end"], "additionalProperties": False,
            "properties": {
                "label": {"enum": ["as of", "career", "trailing 5 years", "trailing 12 months", "listed", "period",
                                   "previous period"]},
                "start": {"$ref": "#/$defs/date_or_null"},
                "end": {"$ref": "#/$defs/date"},
            },
            # the state on as-of has no start
            "if": {"properties": {"label": {"const": "as of"}}},
            "then": {"properties": {"start": {"type": "null"}}},
        },
        "report": {
            "description": "the document every report prints; its `report` and `sections` are the report's own",
            "type": "object",
            "required": ["careerledger_json", "report", "title", "owner", "as_of", "career", "listed", "sections"],
            "additionalProperties": False,
            "properties": {
                "careerledger_json": {"$ref": "#/$defs/version"},
                "report": {"enum": list(REPORTS)},
                "title": {"type": "string", "minLength": 1},
                "owner": {"type": ["string", "null"]},
                "as_of": {"$ref": "#/$defs/date"},
                "career": {"type": "object", "required": ["start", "end"], "additionalProperties": False,
                           "properties": {"start": {"$ref": "#/$defs/date_or_null"}, "end": {"$ref": "#/$defs/date"}}},
                "listed": {"type": "object", "required": ["begin", "end"], "additionalProperties": False,
                           "properties": {"begin": {"$ref": "#/$defs/date_or_null"},
                                          "end": {"$ref": "#/$defs/date_or_null"}}},
                "sections": {"type": "array"},
            },
        },
    },
}


def report_schema(name, sections):
    extra = [WARNINGS_SECTION] if name == "review" else []
    return {
        "$schema": DRAFT,
        "title": f"careerledger report {name} --format json",
        "description": f"docs/json.md#{name}; the document's keys are in common.json#/$defs/report",
        "allOf": [{"$ref": "common.json#/$defs/report"}],
        "properties": {
            "report": {"const": name},
            "sections": {"type": "array", "minItems": len(sections), "maxItems": len(sections) + len(extra),
                         "prefixItems": [*sections, *extra],
                         **({"description": "--for me adds the warnings section last"} if extra else {})},
        },
    }


# --- evaluate ---------------------------------------------------------------------------------

STR, INT, BOOL, NUM = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "number"}
DATE = ref("date")
TAGS = {"type": "array", "items": STR}


def null(s):
    return {"enum": [*s["enum"], None]} if "enum" in s else {"anyOf": [s, {"type": "null"}]}


def obj(required, optional=None):
    props = dict(required) | dict(optional or {})
    return {"type": "object", "required": list(required), "additionalProperties": False, "properties": props}


TRACK, PHASE = {"enum": list(TRACKS)}, {"enum": list(PHASES)}


def reason(rule, cases, facts):
    return obj({"rule": {"const": rule}, "weight": {"type": "integer", "minimum": 0}, "points": INT,
                "case": {"enum": cases}, "text": STR, "facts": facts})


PHASE_FACTS = {"phase": null(PHASE), "recent_days": {"type": "integer", "minimum": 0},
               "learning": {"type": "integer", "minimum": 0}, "impact": {"type": "integer", "minimum": 0},
               "threshold": NUM}
CALLS = {"calls_for": PHASE, "long_phase": PHASE, "days": {"type": "integer", "minimum": 0}}
DUE = {"due_on": DATE, "track": null(TRACK), "as_of": DATE, "measured_from": DATE, "established": DATE,
       "due_from": DATE, "staying": BOOL}
HOME = {"demanding": {"type": "array", "items": {"enum": ["innovation", "learning-after-impact", "new-org"]}},
        "staying": BOOL, "last_on": DATE, "score": {"type": "integer", "minimum": 1, "maximum": 5},
        "note": null(STR), "days_since": {"type": "integer", "minimum": 0}, "stale": BOOL,
        "trend": {"enum": ["up", "down", "flat", None]}, "scores": ref("scores"), "low": BOOL, "falling": BOOL,
        "low_at": INT}
REASON = {"oneOf": [
    reason("needs", ["needed", "capped", "mastered", "not-needed", "no-north-star"],
           obj({"tag": STR, "level": null({"enum": list(LEVELS)}), "cap": INT})),
    reason("needs", ["none-reached"], obj({"role_tags": TAGS})),
    reason("needs", ["no-builds"], obj({})),
    reason("swing-due", ["not-due"], obj({"due_on": ref("date_or_null"), "track": null(TRACK)})),
    reason("swing-due", ["due"], obj(DUE | {"last_kind": {"enum": ["bet", "role"]}, "last_name": STR,
                                           "last_on": DATE, "small_since": {"type": "integer", "minimum": 0}})),
    reason("swing-due", ["due-no-swing"], obj(DUE)),
    reason("early-career", ["early"], obj({"established": ref("date_or_null"), "track": null(TRACK)})),
    reason("phase", ["neither", "no-role"], obj(PHASE_FACTS)),
    reason("phase", ["share"], obj(PHASE_FACTS | CALLS)),
    reason("phase", ["streak"], obj(PHASE_FACTS | CALLS | {"streak_start": DATE, "as_of": DATE, "phase_max": STR})),
    reason("repeats", ["repeats", "new"], obj({"tags": {**TAGS, "minItems": 1}})),
    reason("repeats", ["no-builds", "none-reached"], obj({})),
    reason("home", ["strained", "holds", "not-demanding"], obj(HOME)),
    reason("home", ["no-checkins"], obj({})),
    reason("risk", ["core", "no-track"], obj({"track": {"enum": ["core", None]}})),
    reason("risk", ["innovation"], obj({
        "track": {"const": "innovation"}, "baseline": ref("share"), "closed": {"type": "integer", "minimum": 0},
        "successes": {"type": "integer", "minimum": 0}, "rate": null(ref("share")),
        "vs_baseline": {"enum": ["above", "at", "below", None]}, "big_closed": {"type": "integer", "minimum": 0},
        "big_successes": {"type": "integer", "minimum": 0}})),
]}
VERDICT = {"enum": ["closer", "further", "neutral"]}
UNTOUCHED = {"type": "array", "items": obj({"tag": STR, "level": null({"enum": list(LEVELS)})})}
WEIGHED = {"summary": STR, "reasons": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/reason"}},
           "score": INT, "verdict": {"$ref": "#/$defs/verdict"}, "untouched": {"$ref": "#/$defs/untouched"}}
OPPORTUNITY = obj({"name": STR, "date": DATE, "ad_hoc": BOOL, "track": null(TRACK), "phase": null(PHASE),
                   "builds": TAGS, "org": null(STR), "tags": TAGS})
STAR = null(obj({"vision": STR, "set_on": DATE, "horizon": ref("date_or_null"), "needs": TAGS, "mastered": TAGS}))
STAY = null(obj({"kind": {"const": "stay"}, "role": STR, "org": STR, "since": DATE, "track": TRACK,
                 "phase": null(PHASE), "builds": TAGS, **WEIGHED}))
CLOSER = {"enum": ["offer", "stay", "even", None]}
HEAD = {"careerledger_json": ref("version"), "command": {"const": "evaluate"}, "owner": null(STR), "as_of": DATE,
        "north_star": {"$ref": "#/$defs/north_star"}}
EVALUATE = {
    "$schema": DRAFT,
    "title": "careerledger evaluate --format json",
    "description": "docs/json.md#evaluate: one offer, or several (with `offers` and `ranking`)",
    "oneOf": [{"$ref": "#/$defs/one"}, {"$ref": "#/$defs/several"}],
    "$defs": {
        "one": obj(HEAD | {"opportunity": {"$ref": "#/$defs/opportunity"}, **WEIGHED,
                           "alternative": {"$ref": "#/$defs/alternative"}, "closer_of_two": CLOSER}),
        "several": obj(HEAD | {
            "offers": {"type": "array", "minItems": 1, "items": obj({
                "opportunity": {"$ref": "#/$defs/opportunity"}, **WEIGHED, "closer_of_two": CLOSER})},
            "alternative": {"$ref": "#/$defs/alternative"},
            "ranking": {"type": "array", "minItems": 1, "items": obj({
                "rank": {"type": "integer", "minimum": 1}, "name": STR, "kind": {"enum": ["offer", "stay"]},
                "score": INT, "verdict": {"$ref": "#/$defs/verdict"}})}}),
        "opportunity": OPPORTUNITY,
        "north_star": STAR,
        "alternative": STAY,
        "reason": REASON,
        "verdict": VERDICT,
        "untouched": UNTOUCHED,
    },
}

CHECK = {
    "$schema": DRAFT,
    "title": "careerledger check --format json",
    "description": "docs/checks.md#output-formats: one object per problem, [] with none",
    "type": "array",
    "items": obj({
        "file": STR, "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
        "length": {"type": "integer", "minimum": 0}, "code": {"type": "string", "pattern": "^[EW][0-9]{3}$"},
        "name": STR, "severity": {"enum": ["error", "warning"]}, "message": STR, "hint": null(STR)}),
}


def schemas():
    """File name -> its text."""
    assert list(REPORTS) == list(REGISTERED), "one schema per registered report, in their order"
    files = ({"common.json": COMMON} | {f"{n}.json": report_schema(n, s) for n, s in REPORTS.items()}
             | {"evaluate.json": EVALUATE, "check.json": CHECK})
    return {name: dumps(schema) + "\n" for name, schema in files.items()}


def main():
    for name, text in schemas().items():
        (HERE / name).write_text(text, encoding="utf-8")


def dumps(value, indent=0, start=0, width=110):
    """JSON with any object or array that fits the line written on one line;
    `indent` is the block's, `start` the column the value starts at."""
    flat = json.dumps(value, ensure_ascii=False)
    if start + len(flat) <= width or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            head = f"{pad}{json.dumps(k, ensure_ascii=False)}: "
            parts.append(head + dumps(v, indent + 2, len(head) + 1))
        return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
    parts = [pad + dumps(v, indent + 2, indent + 3) for v in value]
    return "[\n" + ",\n".join(parts) + "\n" + " " * indent + "]"


if __name__ == "__main__":
    main()
