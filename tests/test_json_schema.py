"""The JSON Schemas published in docs/schema/ hold for what careerledger prints.

One schema per report (docs/schema/<report>.json), one for `evaluate` and one
for `check`, all draft 2020-12, sharing definitions through common.json by
relative `$ref`s, resolved here with a referencing.Registry; the files must
be what docs/schema/generate.py writes. Every report of
every example validates, as of two days and with a window; so does evaluate
for every opportunity of the examples (one, ad hoc and several at once), and
check, with warnings and with errors. The negative tests show that the schemas
are strict enough to fail: a wrong type, a missing key, an unknown key, a
packed string where an object belongs.
"""

import copy
import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import DOCS, EXAMPLES, run
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from careerledger.loader import load
from careerledger.metrics.evaluate import opportunity_names
from careerledger.render import JSON_VERSION
from careerledger.render.report import render
from careerledger.reports import ALL, REPORTS, build, window_of

SCHEMAS = DOCS / "schema"
AS_OF = ("2025-06-30", "2026-12-01")
WINDOWS = {"all": None, "p2025": "2025"}  # -p 2025


def _schemas():
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMAS.glob("*.json"))}


SCHEMA = _schemas()
# the files name each other by their file names: `common.json#/$defs/date`
REGISTRY = Registry().with_resources(
    (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in SCHEMA.items())


def validator(name):
    return Draft202012Validator(SCHEMA[name], registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator(name).iter_errors(doc)]


def assert_valid(name, doc):
    found = errors(name, doc)
    assert found == [], found[:5]


def _roots():
    """The examples that stand alone: one another includes (jane-2026.career, in
    jane.career) is checked within its root."""
    ledgers = {p: load(p) for p in EXAMPLES}
    included = {Path(f).resolve() for led in ledgers.values() for f in led.files[1:]}
    return {p: led for p, led in ledgers.items() if p.resolve() not in included}


LEDGERS = _roots()


def test_the_schemas_are_valid_2020_12_schemas_one_per_report():
    assert set(SCHEMA) == {f"{name}.json" for name in REPORTS} | {"common.json", "evaluate.json", "check.json"}
    for name, schema in SCHEMA.items():
        Draft202012Validator.check_schema(schema)
        assert name == "common.json" or schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["common.json"]["$defs"]["version"] == {"const": JSON_VERSION, "description": "careerledger_json: "
                                                          "the version of the shape"}


def test_the_schema_files_are_what_their_generator_writes():
    # docs/schema/generate.py holds the schemas as code; the files are its output, checked in
    spec = importlib.util.spec_from_file_location("generate", SCHEMAS / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    written = {name: (SCHEMAS / name).read_text(encoding="utf-8") for name in SCHEMA}
    stale = [name for name, text in generate.schemas().items() if written.get(name) != text]
    assert stale == [], "run: python docs/schema/generate.py"
    assert set(generate.schemas()) == set(SCHEMA)


def test_the_examples_include_one_root_and_skip_only_the_included_file():
    assert sorted(p.name for p in set(EXAMPLES) - set(LEDGERS)) == ["jane-2026.career"]


def test_docs_json_md_links_every_schema():
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    assert [name for name in SCHEMA if f"](schema/{name})" not in text] == []


REPORT_CASES = [(name, path, as_of, window) for name in REPORTS for path in LEDGERS for as_of in AS_OF
                for window in WINDOWS]


@pytest.mark.parametrize(("name", "path", "as_of", "window"), REPORT_CASES,
                         ids=[f"{n}-{p.stem}-{a}-{w}" for n, p, a, w in REPORT_CASES])
def test_every_report_of_every_example_validates(name, path, as_of, window):
    day = date.fromisoformat(as_of)
    win = window_of(day, period=WINDOWS[window]) if WINDOWS[window] else ALL
    params = {"all_roles": True} if name == "landing" and window != "all" else {}
    doc = json.loads(render(build(name, LEDGERS[path], day, win, **params), "json"))
    assert_valid(f"{name}.json", doc)
    if name == "review":  # --for me adds the warnings
        assert_valid("review.json", json.loads(render(build(name, LEDGERS[path], day, win, audience="me"), "json")))


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_of_an_empty_ledger_validates(name, ledger_file):
    result = run("report", name, ledger_file(""), "--as-of", "2026-12-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert_valid(f"{name}.json", json.loads(result.stdout))


def _evaluate(*args):
    result = run("evaluate", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


EVALUATE_CASES = [(path, name) for path, led in LEDGERS.items() for name in opportunity_names(led.entries)]


@pytest.mark.parametrize(("path", "name"), EVALUATE_CASES, ids=[f"{p.stem}-{n}" for p, n in EVALUATE_CASES])
def test_evaluate_of_every_opportunity_validates(path, name):
    assert_valid("evaluate.json", _evaluate(name, path))
    assert_valid("evaluate.json", _evaluate(name, path, "--as-of", "2026-12-01"))


@pytest.mark.parametrize("path", list(LEDGERS), ids=[p.stem for p in LEDGERS])
@pytest.mark.parametrize("as_of", AS_OF)
def test_evaluate_ad_hoc_and_several_offers_validate(path, as_of):
    for described in (("--track", "innovation", "--phase", "learning", "--builds", "zero-to-one"),
                      ("--track", "core"), ("--phase", "impact")):
        assert_valid("evaluate.json", _evaluate("Something new", path, "--as-of", as_of, *described))
    names = opportunity_names(LEDGERS[path].entries)
    if len(names) >= 2 and as_of == AS_OF[-1]:  # after every offer: they are weighed as of one day
        doc = _evaluate(*names, path, "--as-of", as_of)
        assert "ranking" in doc
        assert_valid("evaluate.json", doc)


@pytest.mark.parametrize("path", list(LEDGERS), ids=[p.stem for p in LEDGERS])
@pytest.mark.parametrize("as_of", AS_OF)
def test_check_json_validates(path, as_of):
    result = run("check", "--format", "json", "--as-of", as_of, path)
    assert_valid("check.json", json.loads(result.stdout))


def test_check_json_with_errors_validates(ledger_file):
    result = run("check", "--format", "json", ledger_file('2020-01-01 rol "PM" at "Acme"\n2020-13-01 note "x"\n'))
    doc = json.loads(result.stdout)
    assert {p["severity"] for p in doc} == {"error"}
    assert_valid("check.json", doc)


# --- the schemas fail what is not so ------------------------------------------------------------


def _summary():
    doc = json.loads(render(build("summary", LEDGERS[EXAMPLES[0].parent / "jane.career"], date(2026, 12, 1)), "json"))
    assert_valid("summary.json", doc)
    return doc


def _facts(doc, key):
    [s] = [s for s in doc["sections"] if s["key"] == key]
    return s["facts"]


def test_a_wrong_type_fails():
    doc = _summary()
    _facts(doc, "north_star")["needs"] = "5"
    assert any("'5' is not valid" in e or "is not of type 'integer'" in e for e in errors("summary.json", doc))
    doc = _summary()
    doc["as_of"] = "2026-13-01"  # not a day
    assert errors("summary.json", doc)
    doc = _summary()
    doc["careerledger_json"] = JSON_VERSION - 1
    assert errors("summary.json", doc)


def test_a_missing_key_fails():
    doc = _summary()
    del _facts(doc, "role")["title"]
    assert any("'title' is a required property" in e for e in errors("summary.json", doc))
    doc = _summary()
    del doc["listed"]
    assert any("'listed' is a required property" in e for e in errors("summary.json", doc))
    doc = _summary()
    doc["sections"].pop()  # the home section
    assert errors("summary.json", doc)


def test_an_unknown_key_or_word_fails():
    doc = _summary()
    _facts(doc, "home")["mood"] = "fine"
    assert errors("summary.json", doc)
    doc = _summary()
    _facts(doc, "streak")["phase"] = "coasting"
    assert errors("summary.json", doc)


def test_a_packed_string_where_an_object_belongs_fails():
    doc = _summary()
    lower = _facts(doc, "north_star")["lower"]
    assert lower
    assert all(set(x) == {"skill", "level"} for x in lower)
    _facts(doc, "north_star")["lower"] = [f"{x['skill']} ({x['level']})" for x in lower]  # as version 1 had it
    assert errors("summary.json", doc)


def test_evaluate_and_check_schemas_fail_too():
    doc = _evaluate("AI Shopping Assistant", EXAMPLES[0].parent / "evaluating-a-role-change.career")
    bad = copy.deepcopy(doc)
    bad["score"] = "5"
    assert errors("evaluate.json", bad)
    bad = copy.deepcopy(doc)
    del bad["reasons"][0]["facts"]["tag"]
    assert errors("evaluate.json", bad)
    problem = {"file": "a.career", "line": 1, "column": 1, "length": 3, "code": "E101", "name": "x",
               "severity": "error", "message": "m", "hint": None}
    assert errors("check.json", [problem]) == []
    assert errors("check.json", [{**problem, "severity": "fatal"}])
    assert errors("check.json", [{k: v for k, v in problem.items() if k != "hint"}])
