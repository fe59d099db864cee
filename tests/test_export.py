"""`careerledger export jsonresume`: a ledger -> JSON Resume, valid against the
official schema (tests/data/jsonresume, vendored from @jsonresume/schema), and
the round trip import -> export, which keeps each work item's name, position
and dates."""

import json
import os

import jsonschema
import pytest
from conftest import ROOT, ok, process, run
from test_import import ADA, DAY, POSITIONS, SAMPLE, SKILLS

from careerledger.authoring.jsonresume import export_json_resume
from careerledger.loader import load_string

DATA = ROOT / "tests" / "data" / "jsonresume"
SCHEMA = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
ROLE = "  track: core\n  phase: impact\n"


def valid(resume):
    """A résumé that must validate against the JSON Resume schema (formats checked too) -> it."""
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(resume)]
    assert errors == []
    return resume


def export(*args, **kwargs):
    """`careerledger export jsonresume ARGS` -> the résumé, validated."""
    return valid(json.loads(ok(run("export", "jsonresume", *args, **kwargs))))


def of_ledger(tmp_path, text, name="ledger.career"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return export(path)


def dates(items, org="name"):
    return [(w[org], w["position"], w["startDate"], w.get("endDate")) for w in items]


def test_the_vendored_schema_and_sample():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "`@jsonresume/schema`" in readme
    assert "version 1.3.1" in readme
    assert "MIT" in readme
    assert "MIT License" in (DATA / "LICENSE.md").read_text(encoding="utf-8")
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    valid(json.loads(SAMPLE.read_text(encoding="utf-8")))
    with pytest.raises(AssertionError):  # the validation does catch a bad résumé
        valid({"work": [{"name": "X", "startDate": "Spring 2020"}]})


# --- the round trip -----------------------------------------------------------------------------


def round_trip(tmp_path, source, *more):
    ledger = tmp_path / "imported.career"
    ok(run("import", source, "-o", ledger, "--date", DAY, *more))
    return export(ledger)


def test_the_official_sample_comes_back(tmp_path):
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    back = round_trip(tmp_path, SAMPLE)
    assert back["basics"] == {"name": "Richard Hendriks"}
    assert back["work"] == sample["work"]  # every field: x- keys carry url, location, summary…
    assert back["volunteer"] == sample["volunteer"]
    assert back["awards"] == sample["awards"]
    assert back["publications"] == sample["publications"]
    assert back["skills"] == sample["skills"]
    assert set(back) == {"$schema", "basics", "work", "volunteer", "awards", "publications", "skills"}


def test_the_hand_written_resume_keeps_each_work_items_name_position_and_dates(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(ADA), encoding="utf-8")
    back = round_trip(tmp_path, path)
    assert sorted(dates(back["work"])) == sorted(
        (w["name"], w["position"], w["startDate"].replace("2014", "2014-01"), w.get("endDate"))
        for w in ADA["work"]
    )
    # the newest first, as a résumé is read; a bare year comes back as its January
    assert dates(back["work"]) == [
        ("Analytical Engines", "Head of Engineering", "2021-03", None),
        ("Babbage & Co", "Staff Engineer", "2019-01-01", "2020-06-30"),
        ("Babbage & Co", "Senior Engineer", "2016-06", "2018-12-31"),
        ("Babbage & Co", "Engineer", "2014-01", "2016-06"),
    ]
    assert dates(back["volunteer"], "organization") == dates(ADA["volunteer"], "organization")
    assert back["work"][0]["summary"] == "Runs engineering. Two teams, one \\ backslash."
    assert back["work"][0]["highlights"] == ["Shipped the Engine"]
    assert back["skills"] == [
        {"name": "Python", "level": "Master"}, {"name": "C++", "level": "Advanced", "keywords": ["templates", "STL"]},
        {"name": "Technical Writing", "level": "Intermediate"}, {"name": "Rust", "level": "Intermediate"},
        {"name": "Team Leadership", "level": "Intermediate"},
    ]
    assert back["publications"] == [
        {"name": 'Notes on the "Analytical Engine"', "releaseDate": "2019-03", "url": "https://medium.com/@ada/notes"},
        {"name": "On Bernoulli numbers", "publisher": "Royal Society", "releaseDate": "2015-01"},
    ]


def test_a_linkedin_export_comes_back_with_its_months(tmp_path):
    (tmp_path / "Positions.csv").write_text(POSITIONS, encoding="utf-8")
    (tmp_path / "Skills.csv").write_text(SKILLS, encoding="utf-8")
    back = round_trip(tmp_path, tmp_path)
    assert dates(back["work"]) == [
        ("Acme Corp", "Senior Product Manager", "2021-03", None),
        ("Acme Corp", "Product Manager", "2018-06", "2021-03"),
        ("Globex, Inc.", "Pricing Analyst", "2015-09", "2018-04"),
    ]
    assert back["work"][0]["highlights"] == ["Launched one-click pay", "Cut churn by 12%, in a year"]
    assert back["work"][2]["location"] == "Berlin"
    assert [s["name"] for s in back["skills"]] == ["Product Management", "SQL", "A/B Testing"]
    assert "basics" not in back


def test_side_roles_made_of_work_go_back_to_work(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"work": [
        {"name": "Own Co", "position": "Founder", "startDate": "2015-01"},
        {"name": "Seed Fund", "position": "Advisor", "startDate": "2020-01"},
        {"name": "A", "position": "Lead", "startDate": "2016-01-01", "endDate": "2019-12-31"},
        {"name": "B", "position": "Consultant", "startDate": "2017-02", "endDate": "2017-08"},
    ]}), encoding="utf-8")
    back = round_trip(tmp_path, path)
    assert dates(back["work"]) == [
        ("Seed Fund", "Advisor", "2020-01", None), ("B", "Consultant", "2017-02", "2017-08"),
        ("A", "Lead", "2016-01-01", "2019-12-31"), ("Own Co", "Founder", "2015-01", None),
    ]
    assert "volunteer" not in back


# --- dates: the day before the end, a month as a month ------------------------------------------

PARTIAL = f"""\
option "owner" "Zoë Ündersby"

2016-09 role "A" at "X"
{ROLE}
2018-04 role "B" at "X"
{ROLE}
2019-06 leave "B"

2020-01-15 role "C" at "Y"
{ROLE}
2021-02-01 leave "C"

2021-03 role "D" at "Z"
{ROLE}
2022-05-10 role "E" at "Z"
{ROLE}
2020-03 role "Adviser" at "S"
  track: innovation
  side: yes
2020-09 leave "Adviser"

2023-01-01 role "Board member" at "T"
  track: core
  side: yes
"""


def test_dates_as_the_ledger_writes_them(tmp_path):
    back = of_ledger(tmp_path, PARTIAL)
    assert dates(back["work"]) == [
        ("Z", "E", "2022-05-10", None),  # the role held: no endDate
        ("Z", "D", "2021-03", "2022-05-09"),  # a month start stays a month; ended by a day: the day before
        ("Y", "C", "2020-01-15", "2021-01-31"),  # left on 2021-02-01: the last day is the day before
        ("X", "B", "2018-04", "2019-06"),  # left in 2019-06, a month: the end is that month
        ("X", "A", "2016-09", "2018-04"),  # ended by B, written 2018-04
    ]
    assert dates(back["volunteer"], "organization") == [
        ("T", "Board member", "2023-01-01", None), ("S", "Adviser", "2020-03", "2020-09")]
    assert back["basics"] == {"name": "Zoë Ündersby"}


def test_the_ends_are_those_of_report_roles(tmp_path):
    path = tmp_path / "ledger.career"
    path.write_text(PARTIAL, encoding="utf-8")
    report = json.loads(ok(run("report", "roles", "--format", "json", "--as-of", "2030-01-01", path)))
    [roles] = [s["rows"] for s in report["sections"] if s["key"] == "roles"]
    ends = {r["title"]: r["to"] for r in roles}
    back = export(path)
    for item in back["work"] + back["volunteer"]:
        end = ends[item["position"]]
        if end is None:
            assert "endDate" not in item
        elif "endDate" in item and len(item["endDate"]) == 10:
            from datetime import date, timedelta

            assert date.fromisoformat(item["endDate"]) + timedelta(days=1) == date.fromisoformat(end)
        else:
            assert end.startswith(item["endDate"])
            assert end.endswith("-01")


def test_a_role_left_on_its_first_day_ends_on_it(tmp_path):
    back = of_ledger(tmp_path, f'2020-01-01 role "Blink" at "X"\n{ROLE}2020-01-01 leave "Blink"\n'
                               f'2020-02 role "Flash" at "Y"\n{ROLE}2020-02 leave "Flash"\n')
    assert dates(back["work"]) == [("Y", "Flash", "2020-02", "2020-02"), ("X", "Blink", "2020-01-01", "2020-01-01")]


def test_the_whole_ledger_is_exported_with_crlf_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "ledger.career"
    path.write_bytes(b"\xef\xbb\xbf" + f'2016-09 role "A" at "X"\n{ROLE}2030-01 role "B" at "Y"\n{ROLE}'
                     .replace("\n", "\r\n").encode("utf-8"))
    assert dates(export(path)["work"]) == [("Y", "B", "2030-01", None), ("X", "A", "2016-09", "2030-01")]


# --- skills, publications, awards ---------------------------------------------------------------


def test_skills_at_their_latest_level(tmp_path):
    back = of_ledger(tmp_path, """\
        2020-01-01 skill #go novice
        2021-01-01 skill #go proficient
        2022-01-01 skill #go practicing
        2020-01-01 skill #sql mastered
          x-name: "SQL"
        2024-01-01 skill #sql mastered
        2021-06-01 skill #writing novice
          x-keywords: "docs, talks"
    """.replace("        ", ""))
    assert back["skills"] == [
        {"name": "go", "level": "Intermediate"},  # a later lower level replaces a higher one
        {"name": "SQL", "level": "Master"},  # the name from any of its entries
        {"name": "writing", "level": "Beginner", "keywords": ["docs", "talks"]},
    ]


def test_publications_are_the_published_updates_and_awards_the_notes_tagged_award(tmp_path):
    back = of_ledger(tmp_path, """\
        2024-01-05 update "Landing notes, week 1"
          to: "CEO"
          via: email
        2024-02-01 update "Why churn hides in refunds"
          via: blog
          x-url: "https://example.com/churn"
        2024-03 update "Pricing, a talk" #talk
          via: talk
        2024-04-01 update "A paper" #publication
          x-publisher: "ACM"
          x-summary: "On pricing"
        2024-05-01 update "Monthly summary"
        2024-06-01 note "Promoted early"
        2024-07 note "Product person of the year" #award
          x-awarder: "Fintech Awards"
    """.replace("        ", ""))
    assert back["publications"] == [
        {"name": "A paper", "publisher": "ACM", "releaseDate": "2024-04-01", "summary": "On pricing"},
        {"name": "Pricing, a talk", "releaseDate": "2024-03"},
        {"name": "Why churn hides in refunds", "releaseDate": "2024-02-01", "url": "https://example.com/churn"},
    ]
    assert back["awards"] == [{"title": "Product person of the year", "date": "2024-07", "awarder": "Fintech Awards"}]
    assert set(back) == {"$schema", "publications", "awards"}


def test_the_example_ledger(monkeypatch):
    monkeypatch.chdir(ROOT)
    back = export("examples/jane.career")
    assert back["basics"] == {"name": "Jane Doe"}
    assert dates(back["work"]) == [
        ("Fernway", "Head of Product, Embedded Finance", "2025-12-01", None),
        ("Copperline", "Director of Product, Lending", "2023-07-03", "2025-03-30"),  # left 2025-03-31
        ("Copperline", "Group PM, Lending", "2021-06-14", "2023-07-02"),
        ("Northwind Bank", "Senior PM, Mobile App", "2019-06-03", "2021-06-13"),
        ("Northwind Bank", "Product Manager, Cards", "2018-04-02", "2019-06-02"),
        ("Northwind Bank", "Associate Product Manager", "2016-09-05", "2018-04-01"),
    ]
    assert dates(back["volunteer"], "organization") == [("Women in Fintech", "Volunteer mentor", "2021-10-01", None)]
    assert [(s["name"], s["level"]) for s in back["skills"]] == [
        ("payments", "Master"), ("zero-to-one", "Advanced"), ("exec-communication", "Advanced"),
        ("team-leadership", "Advanced"), ("credit", "Advanced"),
    ]
    # the talks and the blog posts; not the landing notes and letters sent by email
    assert [p["name"] for p in back["publications"]] == [
        "Embedded finance, explained in one page", "From a failed bet to EUR 40M lent",
        "Credit risk for the rest of us", "How we rebuilt card controls",
    ]


def test_the_library_function():
    led = load_string(f'option "owner" "Lib"\n2020-02 role "R" at "O"\n{ROLE}', "lib.career")
    assert export_json_resume(led) == {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {"name": "Lib"},
        "work": [{"name": "O", "position": "R", "startDate": "2020-02"}],
    }
    assert valid(export_json_resume(load_string("", "empty.career"))) == {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"}


# --- the command --------------------------------------------------------------------------------


def test_o_writes_the_file_and_never_onto_the_ledger(tmp_path, jane):
    out = tmp_path / "resume.json"
    result = run("export", "jsonresume", jane, "-o", out)
    assert result.exit_code == 0
    assert result.output == ""
    assert valid(json.loads(out.read_text(encoding="utf-8")))["basics"] == {"name": "Jane Doe"}
    out.write_text("old", encoding="utf-8")
    assert run("export", "jsonresume", jane, "--output", out).exit_code == 0  # replaced, as report -o does
    assert json.loads(out.read_text(encoding="utf-8"))["basics"] == {"name": "Jane Doe"}
    before = jane.read_bytes()
    refused = run("export", "jsonresume", jane, "-o", jane.parent / "jane-2026.career")  # an included file
    assert refused.exit_code == 2
    assert "refusing to write the export onto" in refused.stderr
    assert jane.read_bytes() == before
    failed = run("export", "jsonresume", jane, "-o", tmp_path / "no" / "such.json")
    assert failed.exit_code == 1
    assert "cannot write" in failed.stderr


def test_the_default_ledger_and_several_files(tmp_path, monkeypatch, jane):
    monkeypatch.setenv("CAREERLEDGER_FILE", str(jane))
    assert export()["basics"] == {"name": "Jane Doe"}
    monkeypatch.delenv("CAREERLEDGER_FILE")
    missing = run("export", "jsonresume")
    assert missing.exit_code == 2
    assert "no ledger given" in missing.stderr
    a = tmp_path / "a.career"
    a.write_text(f'option "owner" "Two Files"\n2020-01 role "R" at "O"\n{ROLE}', encoding="utf-8")
    b = tmp_path / "b.career"
    b.write_text('2021-01 leave "R"\n', encoding="utf-8")
    assert dates(export(a, b)["work"]) == [("O", "R", "2020-01", "2021-01")]
    assert dates(export("-", input=a.read_text(encoding="utf-8"))["work"]) == [("O", "R", "2020-01", None)]


def test_a_ledger_with_errors_gives_no_export(tmp_path):
    path = tmp_path / "bad.career"
    path.write_text('2020-01-01 role "R" at "O"\n  track: core\n', encoding="utf-8")
    result = run("export", "jsonresume", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "E204" in result.stderr
    assert "1 error" in result.stderr


def test_usage_errors():
    for args, words in ((["export"], "Missing argument 'FORMAT'"),
                        (["export", "yaml"], "'yaml' is not 'jsonresume'"),
                        (["export", "jsonresume", "missing.career"], "does not exist")):
        result = run(*args)
        assert result.exit_code == 2, args
        assert words in result.stderr, result.stderr


def test_the_installed_command_in_an_80_column_c_locale_pipe(tmp_path):
    path = tmp_path / "ledger.career"
    path.write_text(PARTIAL, encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "COLUMNS": "80", "PYTHONIOENCODING": "ascii"}
    done = process("export", "jsonresume", path, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert b'"name": "Zo\xc3\xab \xc3\x9cndersby"' in done.stdout  # UTF-8, not a stand-in
    assert json.loads(done.stdout.decode("utf-8")) == json.loads(ok(run("export", "jsonresume", path)))
    helped = process("export", "--help", env=env, text=True)
    assert helped.returncode == 0
    assert max(len(line) for line in helped.stdout.splitlines()) <= 80
