"""`careerledger import`: a JSON Resume or a LinkedIn export -> a ledger.

Every ledger an import writes must load with no error and be in the canonical
layout (a fixed point of `fmt`); the hand-checked ledgers below are compared
line for line, and their figures (`report roles --format json`) by hand.
docs/import-export.md is the mapping these tests hold the code to.
"""

import json
import os
import stat
from datetime import date

import pytest
from conftest import ROOT, dedent, ok, process, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerledger.authoring.jsonresume import (
    SourceError,
    clean,
    import_json_resume,
    parse_iso,
    quote,
    tag_of,
)
from careerledger.authoring.linkedin import import_linkedin, parse_month
from careerledger.loader import load_string

DATA = ROOT / "tests" / "data" / "jsonresume"
SAMPLE = DATA / "sample.resume.json"
DAY = "2026-05-01"  # the day of every import here (--date)


def checked(text, name="imported.career"):
    """Ledger text that must load without errors and be its own canonical layout -> the Ledger."""
    led = load_string(text, name)
    assert led.errors == (), [(p.code, p.loc.line, p.message) for p in led.errors]
    try:
        from careerledger.authoring.layout import format_text
    except ImportError:  # pragma: no cover - fmt is being written beside this
        pass
    else:
        assert format_text(text) == text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    return led


def imported(tmp_path, resume, name="resume.json"):
    """`careerledger import` of a résumé (a dict, written as JSON) -> the ledger text, checked."""
    path = tmp_path / name
    path.write_text(json.dumps(resume, indent=2), encoding="utf-8")  # \uXXXX escapes: a lone surrogate too
    text = ok(run("import", path, "--date", DAY))
    checked(text)
    return text


def roles_json(tmp_path, text, as_of=DAY):
    """`report roles --format json` of ledger text -> {"organisations": rows, "roles": rows}."""
    path = tmp_path / "imported.career"
    path.write_text(text, encoding="utf-8")
    report = json.loads(ok(run("report", "roles", "--format", "json", "--as-of", as_of, path)))
    return {s["key"]: s["rows"] for s in report["sections"]}


def failure(result, status, *words):
    """A failed command: its exit status, no standard output, and a message holding each of `words`."""
    assert result.exit_code == status, (result.exit_code, result.output)
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


# --- the official sample ------------------------------------------------------------------------

SAMPLE_LEDGER = """\
; careerledger import, 2026-05-01, from sample.resume.json (JSON Resume).
; The lines marked "review:" hold what the résumé does not say: decide them,
; then delete the comment.
;
; Not imported: basics (label, email, phone, url, summary, location,
; profiles); education (1); languages (1); interests (1); references (1);
; projects (1).

option "owner" "Richard Hendriks"

* Roles

2012-01-01 role "Teacher" at "CoderDojo"
  track: core  ; review: core or innovation? the résumé does not say
  side: yes
  x-url: "http://coderdojo.example.com/"
  x-summary: "Global movement of free coding clubs for young people."
  x-highlight-1: "Awarded 'Teacher of the Month'"

2013-01-02 leave "Teacher"  ; last day: 2013-01-01

2013-12-01 role "CEO/President" at "Pied Piper"
  track: core    ; review: core or innovation? the résumé does not say
  phase: impact  ; review: learning or impact? the résumé does not say
  x-url: "http://piedpiper.example.com"
  x-location: "Palo Alto, CA"
  x-description: "Awesome compression company"
  x-summary: "Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm that has consistently fielded high Weisman Scores™ that are not merely competitive, but approach the theoretical limit of lossless compression."
  x-highlight-1: "Build an algorithm for artist to detect if their music was violating copy right infringement laws"
  x-highlight-2: "Successfully won Techcrunch Disrupt"
  x-highlight-3: "Optimized an algorithm that holds the current world record for Weisman Scores"

2014-12-02 leave "CEO/President"  ; last day: 2014-12-01

* Publications

2014-10-01 update "Video compression for 3d media" #publication
  x-publisher: "Hooli"
  x-url: "http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)"
  x-summary: "Innovative middle-out compression algorithm that changes the way we store data."

* Awards

2014-11-01 note "Digital Compression Pioneer Award" #award
  x-awarder: "Techcrunch"
  x-summary: "There is no spoon."

* Skills

; The skills the résumé lists, dated on the day of the import (2026-05-01).
2026-05-01 skill #web-development mastered
  x-name: "Web Development"
  x-keywords: "HTML, CSS, Javascript"

2026-05-01 skill #compression mastered
  x-name: "Compression"
  x-keywords: "Mpeg, MP4, GIF"
"""


def test_the_official_sample_resume(tmp_path):
    text = ok(run("import", SAMPLE, "--date", DAY))
    assert text == SAMPLE_LEDGER
    led = checked(text)
    assert led.options.owner == "Richard Hendriks"
    figures = roles_json(tmp_path, text)
    # 2013-12-01 to 2014-12-02 (the day after the last day, 2014-12-01): 365 + 1 days
    assert [(r["org"], r["from"], r["to"], r["tenure"], r["roles"], r["promotions"], r["side"])
            for r in figures["organisations"]] == [
        ("CoderDojo", "2012-01-01", "2013-01-02", 367, 1, 0, True),  # 2012 is a leap year: 366 + 1
        ("Pied Piper", "2013-12-01", "2014-12-02", 366, 1, 0, False),
    ]


def test_the_sample_through_the_installed_command_in_an_80_column_c_locale_pipe(tmp_path):
    env = {**os.environ, "LC_ALL": "C", "COLUMNS": "80", "PYTHONIOENCODING": "ascii"}
    done = process("import", SAMPLE, "--date", DAY, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    # UTF-8 whatever the terminal's encoding: `™` and `résumé` are not stand-ins
    assert done.stdout == SAMPLE_LEDGER.encode("utf-8")
    helped = process("import", "--help", env=env, text=True)
    assert helped.returncode == 0
    assert max(len(line) for line in helped.stdout.splitlines()) <= 80
    refused = process("import", SAMPLE, "-o", SAMPLE, env=env, text=True)
    assert refused.returncode == 2
    assert "exists; import never writes over a file" in refused.stderr
    assert "Traceback" not in refused.stderr


# --- a hand-written résumé ----------------------------------------------------------------------

# Promotions inside one employer (listed newest first, as JSON Resume usually is), a gap, two
# volunteer roles of one title, dates as days, months and a bare year, and a current role.
ADA = {
    "basics": {"name": 'Ada "Countess" Lovelace', "label": "Engineer", "email": "ada@example.com"},
    "work": [
        {"name": "Analytical Engines", "position": "Head of Engineering", "startDate": "2021-03",
         "summary": "Runs engineering.\nTwo teams, one \\ backslash.", "highlights": ["Shipped the Engine"]},
        {"name": "Babbage & Co", "position": "Staff Engineer", "startDate": "2019-01-01", "endDate": "2020-06-30"},
        {"name": "Babbage & Co", "position": "Senior Engineer", "startDate": "2016-06", "endDate": "2018-12-31"},
        {"name": "Babbage & Co", "position": "Engineer", "startDate": "2014", "endDate": "2016-06",
         "url": "https://babbage.example.com", "location": "London"},
    ],
    "volunteer": [
        {"organization": "Women Who Code", "position": "Mentor", "startDate": "2020-01"},
        {"organization": "Code Club", "position": "Mentor", "startDate": "2017-09", "endDate": "2019-06"},
    ],
    "education": [{"institution": "University of London", "studyType": "BSc"}],
    "skills": [
        {"name": "Python", "level": "Expert"},
        {"name": "C++", "level": "Advanced", "keywords": ["templates", "STL"]},
        {"name": "Technical Writing"},
        {"name": "Rust", "level": "Learning"},
        {"name": "Team Leadership", "level": "intermediate"},
    ],
    "publications": [
        {"name": 'Notes on the "Analytical Engine"', "releaseDate": "2019-03", "url": "https://medium.com/@ada/notes"},
        {"name": "On Bernoulli numbers", "releaseDate": "2015", "publisher": "Royal Society"},
    ],
    "awards": [{"title": "Engineer of the Year", "date": "2018-11-20", "awarder": "Babbage & Co"}],
}

ADA_LEDGER = r"""
; careerledger import, 2026-05-01, from resume.json (JSON Resume).
; The lines marked "review:" hold what the résumé does not say: decide them,
; then delete the comment.
;
; Not imported: basics (label, email); education (1).

option "owner" "Ada \"Countess\" Lovelace"

* Roles

; review: the résumé gives the year only (2014): January assumed
2014-01 role "Engineer" at "Babbage & Co"
  track: core    ; review: core or innovation? the résumé does not say
  phase: impact  ; review: learning or impact? the résumé does not say
  x-url: "https://babbage.example.com"
  x-location: "London"

2016-06 role "Senior Engineer" at "Babbage & Co"
  track: core    ; review: core or innovation? the résumé does not say
  phase: impact  ; review: learning or impact? the résumé does not say

2017-09 role "Mentor" at "Code Club"
  track: core  ; review: core or innovation? the résumé does not say
  side: yes

2019-01-01 role "Staff Engineer" at "Babbage & Co"
  track: core    ; review: core or innovation? the résumé does not say
  phase: impact  ; review: learning or impact? the résumé does not say

2019-06 leave "Mentor"
  at: "Code Club"

2020-01 role "Mentor" at "Women Who Code"
  track: core  ; review: core or innovation? the résumé does not say
  side: yes

2020-07-01 leave "Staff Engineer"  ; last day: 2020-06-30

2021-03 role "Head of Engineering" at "Analytical Engines"
  track: core    ; review: core or innovation? the résumé does not say
  phase: impact  ; review: learning or impact? the résumé does not say
  x-summary: "Runs engineering. Two teams, one \\ backslash."
  x-highlight-1: "Shipped the Engine"

* Publications

; review: the résumé gives the year only (2015): January assumed
2015-01 update "On Bernoulli numbers" #publication
  x-publisher: "Royal Society"

2019-03 update "Notes on the \"Analytical Engine\"" #publication
  via: blog
  x-url: "https://medium.com/@ada/notes"

* Awards

2018-11-20 note "Engineer of the Year" #award
  x-awarder: "Babbage & Co"

* Skills

; The skills the résumé lists, dated on the day of the import (2026-05-01).
2026-05-01 skill #python mastered
  x-name: "Python"

2026-05-01 skill #cpp proficient
  x-name: "C++"
  x-keywords: "templates, STL"

2026-05-01 skill #technical-writing practicing  ; review: the résumé gives no level: practicing assumed
  x-name: "Technical Writing"

2026-05-01 skill #rust practicing  ; review: the résumé gives level "Learning", which maps to none: practicing assumed
  x-name: "Rust"

2026-05-01 skill #team-leadership practicing
  x-name: "Team Leadership"
"""[1:]


def test_a_hand_written_resume(tmp_path):
    text = imported(tmp_path, ADA)
    assert text == ADA_LEDGER
    led = load_string(text)
    assert led.options.owner == 'Ada "Countess" Lovelace'
    summary = next(e for e in led.entries if getattr(e, "title", None) == "Head of Engineering").extra
    assert dict(summary)["x-summary"] == "Runs engineering. Two teams, one \\ backslash."


def test_the_figures_of_the_hand_written_resume(tmp_path):
    figures = roles_json(tmp_path, imported(tmp_path, ADA))
    assert [(r["org"], r["from"], r["to"], r["tenure"], r["roles"], r["promotions"], r["side"])
            for r in figures["organisations"]] == [
        # 2014-01-01 to 2020-07-01: six years (2191 days, 2016 a leap year) and 182 days of 2020
        ("Babbage & Co", "2014-01-01", "2020-07-01", 2373, 3, 2, False),
        # Sep-Dec 2017 (122), 2018 (365), Jan-May 2019 (151)
        ("Code Club", "2017-09-01", "2019-06-01", 638, 1, 0, True),
        # 2020-2025 (2192, two leap years) and Jan-Apr 2026 (120), to the as-of day
        ("Women Who Code", "2020-01-01", None, 2312, 1, 0, True),
        # five years from 2021-03-01 (1826, 2024 a leap year) and March-April 2026 (61)
        ("Analytical Engines", "2021-03-01", None, 1887, 1, 0, False),
    ]
    assert [(r["title"], r["from"], r["to"], r["length"], r["step"]) for r in figures["roles"]] == [
        ("Engineer", "2014-01-01", "2016-06-01", 882, "joined"),  # 730 + Jan-May 2016 (152)
        ("Senior Engineer", "2016-06-01", "2019-01-01", 944, "promotion"),  # Jun-Dec 2016 (214) + 730
        ("Staff Engineer", "2019-01-01", "2020-07-01", 547, "promotion"),  # 365 + 182
        ("Mentor", "2017-09-01", "2019-06-01", 638, "side"),
        ("Mentor", "2020-01-01", None, 2312, "side"),
        ("Head of Engineering", "2021-03-01", None, 1887, "joined"),
    ]


def test_the_older_company_and_website_names(tmp_path):
    text = imported(tmp_path, {
        "basics": {"name": "Old Style", "website": "http://old.example.com"},
        "work": [{"company": "Initech", "position": "Programmer", "website": "http://initech.example.com",
                  "startDate": "1999-02-19", "endDate": "1999-12-31"}],
        "publications": [{"name": "TPS reports", "website": "https://youtube.com/watch?v=tps",
                          "releaseDate": "1999-06"}],
    })
    assert '1999-02-19 role "Programmer" at "Initech"\n' in text
    assert '  x-url: "http://initech.example.com"\n' in text
    assert '2000-01-01 leave "Programmer"  ; last day: 1999-12-31\n' in text
    assert '1999-06 update "TPS reports" #publication\n  via: video\n  x-url: "https://youtube.com/watch?v=tps"\n' in text
    assert "; Not imported: basics (website).\n" in text


# --- roles: the one held, overlaps, gaps ---------------------------------------------------------


def work(org, title, start, end=None):
    item = {"name": org, "position": title, "startDate": start}
    if end is not None:
        item["endDate"] = end
    return item


def heads(text):
    """The head lines of the Roles section, with the comment lines above them."""
    section = text.split("* Roles\n", 1)[1].split("\n* ", 1)[0]
    return [line for line in section.split("\n") if line[:1].isdigit() or line.startswith(";")]


def test_of_several_roles_held_the_latest_to_start_is_the_main_one(tmp_path):
    text = imported(tmp_path, {"work": [
        work("Own Co", "Founder", "2015-01"), work("Big Co", "Engineer", "2016-01", "2017-12"),
        work("Seed Fund", "Advisor", "2020-01"),
    ]})
    assert heads(text) == [
        '; review: also held now in the résumé; the main role is "Advisor" at "Seed',
        '; Fund" (one at a time: the latest to start), so this one is a side role',
        '2015-01 role "Founder" at "Own Co"',
        '2016-01 role "Engineer" at "Big Co"',
        '2017-12 leave "Engineer"',
        '2020-01 role "Advisor" at "Seed Fund"',
    ]
    assert '  side: yes\n  x-resume-section: work\n' in text
    figures = roles_json(tmp_path, text)
    assert [(r["org"], r["to"], r["side"]) for r in figures["organisations"]] == [
        ("Own Co", None, True), ("Big Co", "2017-12-01", False), ("Seed Fund", None, False)]


def test_a_role_within_the_main_one_is_a_side_role_and_an_overlap_is_cut(tmp_path):
    text = imported(tmp_path, {"work": [
        work("A", "Lead", "2010-01-01", "2015-06-30"),
        work("B", "Consultant", "2012-01", "2012-12"),  # within Lead
        work("C", "Director", "2015-03-01", "2018-12-31"),  # starts before Lead ends
    ]})
    assert heads(text) == [
        '; review: the résumé ends it on 2015-06-30, after the next main role starts:',
        '; one main role at a time, so "Director" ends it on 2015-03-01',
        '2010-01-01 role "Lead" at "A"',
        '; review: within "Lead" at "A" in the résumé; one main role at a time, so this',
        '; one is a side role',
        '2012-01 role "Consultant" at "B"',
        '2012-12 leave "Consultant"',
        '2015-03-01 role "Director" at "C"',
        '2019-01-01 leave "Director"  ; last day: 2018-12-31',
    ]


def test_one_organisation_a_month_apart_is_a_promotion_and_longer_is_a_return(tmp_path):
    text = imported(tmp_path, {"work": [
        work("Acme", "PM", "2015-01", "2016-05"),
        work("Acme", "Senior PM", "2016-06", "2018-03"),  # the next month: no leave
        work("Acme", "Group PM", "2019-01"),  # nine months later: a leave, then a return
    ]})
    assert heads(text) == [
        '; review: the résumé ends it in 2016-05; no leave before the next role at',
        '; "Acme" (a promotion), which ends it on 2016-06',
        '2015-01 role "PM" at "Acme"',
        '2016-06 role "Senior PM" at "Acme"',
        '2018-03 leave "Senior PM"',
        '2019-01 role "Group PM" at "Acme"',
    ]
    figures = roles_json(tmp_path, text)
    assert [(r["from"], r["to"], r["roles"], r["promotions"]) for r in figures["organisations"]] == [
        ("2015-01-01", "2018-03-01", 2, 1), ("2019-01-01", None, 1, 0)]
    assert [r["step"] for r in figures["roles"]] == ["joined", "promotion", "rejoined"]


def test_a_role_started_and_left_in_one_month(tmp_path):
    text = imported(tmp_path, {"work": [work("Short Co", "Intern", "2019-06", "2019-06"),
                                        work("Next Co", "Engineer", "2019-09")]})
    assert heads(text) == ['2019-06 role "Intern" at "Short Co"', '2019-06 leave "Intern"',
                           '2019-09 role "Engineer" at "Next Co"']


def test_a_role_that_ends_in_the_month_or_year_it_started(tmp_path):
    text = imported(tmp_path, {"work": [work("X", "Temp", "2020-01-15", "2020-01"),
                                        work("Y", "Next", "2020-03-10", "2020")]})
    assert heads(text) == [
        '2020-01-15 role "Temp" at "X"',
        "; review: the résumé ends it in 2020-01, when it started: the leave is on its",
        "; first day",
        '2020-01-15 leave "Temp"',
        '2020-03-10 role "Next" at "Y"',
        "; review: the résumé ends it in 2020, when it started: the leave is on its",
        "; first day",
        '2020-03-10 leave "Next"',
    ]


def test_two_roles_of_one_title_on_one_day_cannot_be_written(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"volunteer": [
        {"organization": "A", "position": "Mentor", "startDate": "2020-01", "endDate": "2020-06"},
        {"organization": "B", "position": "Mentor", "startDate": "2020-03", "endDate": "2020-06"},
    ]}), encoding="utf-8")
    message = failure(run("import", path), 1, "volunteer[1] (\"Mentor\" at \"B\")", "volunteer[0]", "2020-06-01")
    assert "Traceback" not in message


def test_two_roles_of_one_title_at_one_organisation_at_once_cannot_be_left_apart(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"work": [work("X", "Lead", "2010-01"), work("X", "Lead", "2012-01", "2013-01")]}),
                    encoding="utf-8")
    failure(run("import", path), 1, 'resume.json: work[1] ("Lead" at "X"): its leave would end work[0] ("Lead" at'
            ' "X"), held at the same time with the same title at the same organisation: give one of them another title')
    path.write_text(json.dumps({"work": [work("X", "Lead", "2010-01"), work("Y", "Boss", "2011-01"),
                                         work("X", "Lead", "2012-01", "2013-01")]}), encoding="utf-8")
    failure(run("import", path), 1, 'resume.json: work[2] ("Lead" at "X"): it is held at the same time as another'
            " role of that title at that organisation, and a leave cannot tell them apart: give one another title")


# --- LinkedIn -----------------------------------------------------------------------------------

# As LinkedIn writes it: its header row, fields quoted where they need it (a comma, a quote, a
# line break), a Description over several lines, and dates as `Mon YYYY`, newest first.
POSITIONS = (
    'Company Name,Title,Description,Location,Started On,Finished On\n'
    'Acme Corp,Senior Product Manager,"Led the checkout team of 9.\n'
    '- Launched one-click pay\n'
    '- Cut churn by 12%, in a year","London, England, United Kingdom",Mar 2021,\n'
    'Acme Corp,Product Manager,,"London, England, United Kingdom",Jun 2018,Mar 2021\n'
    '"Globex, Inc.",Pricing Analyst,"Pricing ""analysis"" for EMEA.",Berlin,Sep 2015,Apr 2018\n'
)
SKILLS = "Name\nProduct Management\nSQL\nA/B Testing\n"

LINKEDIN_LEDGER = r"""
; careerledger import, 2026-05-01, from Positions.csv and Skills.csv (a
; LinkedIn data export).
; The lines marked "review:" hold what the LinkedIn export does not say:
; decide them, then delete the comment.

* Roles

2015-09 role "Pricing Analyst" at "Globex, Inc."
  track: core    ; review: core or innovation? the LinkedIn export does not say
  phase: impact  ; review: learning or impact? the LinkedIn export does not say
  x-location: "Berlin"
  x-summary: "Pricing \"analysis\" for EMEA."

2018-04 leave "Pricing Analyst"

2018-06 role "Product Manager" at "Acme Corp"
  track: core    ; review: core or innovation? the LinkedIn export does not say
  phase: impact  ; review: learning or impact? the LinkedIn export does not say
  x-location: "London, England, United Kingdom"

2021-03 role "Senior Product Manager" at "Acme Corp"
  track: core    ; review: core or innovation? the LinkedIn export does not say
  phase: impact  ; review: learning or impact? the LinkedIn export does not say
  x-location: "London, England, United Kingdom"
  x-summary: "Led the checkout team of 9."
  x-highlight-1: "Launched one-click pay"
  x-highlight-2: "Cut churn by 12%, in a year"

* Skills

; The skills the LinkedIn export lists, dated on the day of the import
; (2026-05-01).
2026-05-01 skill #product-management practicing  ; review: the LinkedIn export gives no level: practicing assumed
  x-name: "Product Management"

2026-05-01 skill #sql practicing  ; review: the LinkedIn export gives no level: practicing assumed
  x-name: "SQL"

2026-05-01 skill #a-b-testing practicing  ; review: the LinkedIn export gives no level: practicing assumed
  x-name: "A/B Testing"
"""[1:]


@pytest.fixture
def export_folder(tmp_path):
    folder = tmp_path / "Basic_LinkedInDataExport_05-01-2026"
    folder.mkdir()
    (folder / "Positions.csv").write_text(POSITIONS, encoding="utf-8", newline="")
    (folder / "Skills.csv").write_text(SKILLS, encoding="utf-8", newline="")
    (folder / "Profile.csv").write_text("First Name,Last Name\nJane,Doe\n", encoding="utf-8")
    return folder


def test_a_linkedin_export_folder(tmp_path, export_folder):
    text = ok(run("import", export_folder, "--date", DAY))
    assert text == LINKEDIN_LEDGER
    checked(text)
    figures = roles_json(tmp_path, text)
    assert [(r["org"], r["from"], r["to"], r["tenure"], r["roles"], r["promotions"])
            for r in figures["organisations"]] == [
        # Sep 2015 to the leave in Apr 2018: Sep-Dec 2015 (122), 2016 (366), 2017 (365), Jan-Mar 2018 (90)
        ("Globex, Inc.", "2015-09-01", "2018-04-01", 943, 1, 0),
        # Jun 2018 to the as-of day: Jun-Dec 2018 (214), 2019-2025 (2557), Jan-Apr 2026 (120)
        ("Acme Corp", "2018-06-01", None, 2891, 2, 1),
    ]


def test_linkedins_positions_csv_named_itself_reads_the_skills_beside_it(export_folder):
    assert ok(run("import", export_folder / "Positions.csv", "--date", DAY)) == LINKEDIN_LEDGER


def test_positions_csv_alone_has_no_skills(tmp_path):
    (tmp_path / "Positions.csv").write_text(POSITIONS, encoding="utf-8")
    text = ok(run("import", tmp_path / "Positions.csv", "--date", DAY))
    checked(text)
    assert text.startswith("; careerledger import, 2026-05-01, from Positions.csv (a LinkedIn data\n; export).\n")
    assert "* Skills" not in text


def test_a_byte_order_mark_and_crlf_lines_are_read(tmp_path):
    path = tmp_path / "Positions.csv"
    path.write_bytes(b"\xef\xbb\xbf" + POSITIONS.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "Skills.csv").write_bytes(b"\xef\xbb\xbf" + SKILLS.replace("\n", "\r\n").encode("utf-8"))
    assert ok(run("import", path, "--date", DAY)) == LINKEDIN_LEDGER


def test_linkedin_dates():
    assert parse_month("Jan 2020") == (date(2020, 1, 1), "month", "Jan 2020")
    assert parse_month("sept 2020").day == date(2020, 9, 1)
    assert parse_month("SEPTEMBER 2020").day == date(2020, 9, 1)
    assert parse_month("Sep. 2020").day == date(2020, 9, 1)
    assert parse_month("2009") == (date(2009, 1, 1), "year", "2009")
    for bad in ("Spring 2020", "2020-01", "Jan", "Jan 20", "13 2020", "Jan 0000", ""):
        assert parse_month(bad) is None, bad


def test_the_library_functions_are_pure():
    text = import_linkedin(POSITIONS, date(2026, 5, 1), "Positions.csv", SKILLS, "Skills.csv")
    assert text == LINKEDIN_LEDGER
    sample = SAMPLE.read_text(encoding="utf-8")
    assert import_json_resume(sample, "sample.resume.json", date(2026, 5, 1)) == SAMPLE_LEDGER


# --- what a résumé holds, written as the format writes it ----------------------------------------


@pytest.mark.parametrize(("name", "tag"), [
    ("Web Development", "web-development"), ("C++", "cpp"), ("C#", "csharp"), ("F#", "fsharp"),
    (".NET", "dotnet"), ("ASP.NET", "asp-net"), ("Node.js", "node-js"), ("R&D", "r-and-d"),
    ("CI/CD", "ci-cd"), ("Español", "espanol"), ("  spaced   out  ", "spaced-out"), ("snake_case", "snake-case"),
    ("Notepad++", "notepadpp"), ("#hashtag", "hashtag"), ("Straße", "strasse"), ("日本語", None), ("---", None),
])
def test_a_skill_name_as_a_tag(name, tag):
    assert tag_of(name) == tag


def test_skill_levels_tags_taken_twice_and_names_with_no_tag(tmp_path):
    text = imported(tmp_path, {"skills": [
        {"name": "Go", "level": "Master"}, {"name": "Kotlin", "level": "ADVANCED"},
        {"name": "SQL", "level": "Beginner"}, {"name": "Rust", "level": "novice"},
        {"name": "C++", "level": "Expert"}, {"name": "cpp", "level": "Beginner"}, {"name": "日本語"},
        {"name": "Elm", "level": "Fluent"},
    ]})
    skills = [line for line in text.split("\n") if " skill #" in line]
    assert skills == [
        "2026-05-01 skill #go mastered",
        "2026-05-01 skill #kotlin proficient",
        "2026-05-01 skill #sql novice",
        "2026-05-01 skill #rust novice",
        "2026-05-01 skill #cpp mastered",
        '2026-05-01 skill #elm practicing  ; review: the résumé gives level "Fluent", which maps to none:'
        " practicing assumed",
    ]
    assert '; Not imported: skills[5] ("cpp"): its tag #cpp is that of "C++"; skills[6]\n; ("日本語"): no tag can be made of its name.\n' in text
    assert "\n  x-name: \"Rust\"\n" in text
    assert "\n  x-name: \"cpp\"\n" not in text


def test_strings_are_escaped_and_one_line(tmp_path):
    text = imported(tmp_path, {"basics": {"name": 'Back\\slash "Quote"'}, "work": [
        {"name": 'The "Best" Co\\Ltd', "position": "Tab\there; and #hash", "startDate": "2020-01-01", "endDate": "2020-12-31",
         "summary": "Line one.\r\n\r\nLine two\u2028three\x00\x07.", "highlights": ["  ", "kept"]},
        {"name": "Surrogate", "position": "Half\ud800", "startDate": "2021-01-01"},
    ]})
    assert 'option "owner" "Back\\\\slash \\"Quote\\""\n' in text
    assert '2020-01-01 role "Tab here; and #hash" at "The \\"Best\\" Co\\\\Ltd"\n' in text
    assert '  x-summary: "Line one. Line two three."\n  x-highlight-1: "kept"\n' in text
    assert '2021-01-01 role "Half" at "Surrogate"\n' in text  # a lone surrogate, which UTF-8 cannot hold, dropped
    led = load_string(text)
    role = led.main_roles[0]
    assert (role.title, role.org) == ("Tab here; and #hash", 'The "Best" Co\\Ltd')
    assert led.options.owner == 'Back\\slash "Quote"'


def test_clean_and_quote():
    assert clean("  a\n\tb  \u2028 c\x1b ") == "a b c"
    assert clean("plain") == "plain"
    assert quote('say "hi" \\o/') == '"say \\"hi\\" \\\\o/"'


def test_what_is_not_imported_is_named_first(tmp_path):
    text = imported(tmp_path, {
        "basics": {"name": "N", "label": "", "email": "n@example.com", "profiles": []},
        "work": [], "education": [{}, {}], "certificates": [{"name": "CKA"}], "interests": [],
        "x-custom": {"a": 1}, "meta": {"version": "v1.0.0"}, "$schema": "https://example.com/schema.json",
        "awards": [{"title": "No date"}, {"date": "2020-01-01"},
                   {"title": "Twice", "date": "2020-01-01"}, {"title": "Twice", "date": "2020-01-01"}],
        "publications": [{"name": "Draft"}],
    })
    assert text.startswith(dedent("""
        ; careerledger import, 2026-05-01, from resume.json (JSON Resume).
        ; The lines marked "review:" hold what the résumé does not say: decide them,
        ; then delete the comment.
        ;
        ; Not imported: basics (email); education (2); certificates (1); x-custom;
        ; publications[0] ("Draft"): no releaseDate; awards[0] ("No date"): no date;
        ; awards[1]: no title; awards[3] ("Twice"): the same as one before it on the
        ; same day.

        option "owner" "N"

        * Awards

        2020-01-01 note "Twice" #award
    """))


def test_dates_as_json_resume_writes_them():
    assert parse_iso("2014-06-29") == (date(2014, 6, 29), "day", "2014-06-29")
    assert parse_iso("2014-06").text == "2014-06"
    assert parse_iso("2014").text == "2014-01"
    for bad in ("2014-13", "2014-02-30", "14-06", "2014/06", "June 2014", "2014-06-29T00:00:00Z", "0000"):
        assert parse_iso(bad) is None, bad


@pytest.mark.parametrize("end", ["", "Present", "now", "current", None])
def test_an_end_that_says_held(tmp_path, end):
    item = work("Now Co", "Lead", "2020-02")
    item["endDate"] = end
    text = imported(tmp_path, {"work": [item]})
    assert "leave" not in text


# --- writing the file --------------------------------------------------------------------------


def test_o_writes_the_ledger_and_never_over_a_file(tmp_path):
    out = tmp_path / "career.career"
    result = run("import", SAMPLE, "-o", out, "--date", DAY)
    assert result.exit_code == 0
    assert result.output == ""
    assert out.read_text(encoding="utf-8") == SAMPLE_LEDGER
    assert [p.name for p in tmp_path.iterdir()] == ["career.career"]  # no temporary file left
    again = failure(run("import", SAMPLE, "--output", out), 2, "career.career", "exists", "never writes over a file")
    assert "Usage:" in again
    assert out.read_text(encoding="utf-8") == SAMPLE_LEDGER
    link = tmp_path / "dangling.career"
    link.symlink_to(tmp_path / "nowhere")
    failure(run("import", SAMPLE, "-o", link), 2, "dangling.career", "exists")
    failure(run("import", SAMPLE, "-o", tmp_path / "no" / "such" / "x.career"), 1, "cannot write")


def test_standard_input(tmp_path):
    from_stdin = SAMPLE_LEDGER.replace("from sample.resume.json", "from <stdin>")
    assert ok(run("import", "-", "--date", DAY, input=SAMPLE.read_bytes())) == from_stdin
    text = ok(run("import", "-", "--date", DAY, input=POSITIONS))
    assert '2015-09 role "Pricing Analyst" at "Globex, Inc."' in text
    assert "; careerledger import, 2026-05-01, from <stdin> (a LinkedIn data export).\n" in text
    failure(run("import", "-", input=b"{\n  \"work\": [1]\n}"), 1, "<stdin>: work[0] is a number, not an object")


def test_a_source_that_is_not_json_or_csv_by_name_is_told_by_its_content(tmp_path):
    (tmp_path / "resume.txt").write_bytes(SAMPLE.read_bytes())
    expected = SAMPLE_LEDGER.replace("from sample.resume.json", "from resume.txt")
    assert ok(run("import", tmp_path / "resume.txt", "--date", DAY)) == expected
    (tmp_path / "positions.export").write_text(POSITIONS, encoding="utf-8")
    assert "Pricing Analyst" in ok(run("import", tmp_path / "positions.export", "--date", DAY))


def test_the_date_of_the_import_defaults_to_today(tmp_path):
    before = date.today()
    text = ok(run("import", SAMPLE))
    days = {before, date.today()}  # the run may cross midnight
    assert any(f"{day.isoformat()} skill #compression mastered" in text for day in days)


# --- bad input: one clear message, never a traceback --------------------------------------------


@pytest.mark.parametrize(("content", "words"), [
    (b'{"work": [}', ["resume.json:1:11: not JSON:"]),
    (b"", ["resume.json:1:1: not JSON:"]),
    (b"[1, 2]", ["resume.json: not a JSON Resume: the file holds a list, not an object"]),
    (b'"text"', ["not a JSON Resume: the file holds text"]),
    (b'{"name": "x", "jobs": []}', ["resume.json: not a JSON Resume: it has none of its sections (basics, work,"]),
    (b"[" * 100000, ["resume.json: not a JSON Resume: nested too deeply"]),
    (b'{"work": {"name": "x"}}', ["resume.json: work is an object, not a list"]),
    (b'{"basics": []}', ["resume.json: basics is a list, not an object"]),
    (b'{"basics": {"name": 7}}', ["resume.json: basics: name is a number, not text"]),
    (b'{"work": [{"name": "Beta", "position": 1, "startDate": "2020"}]}',
     ["resume.json: work[0]", "position is a number, not text"]),
    (b'{"work": [{"name": "Beta", "position": "CTO", "startDate": "2020", "highlights": "x"}]}',
     ['resume.json: work[0] ("CTO" at "Beta"): highlights is text, not a list of text']),
    (b'{"work": [{"name": "Beta", "position": "CTO", "startDate": "2020", "highlights": [true]}]}',
     ['work[0] ("CTO" at "Beta"): highlights[0] is true or false, not text']),
    (b'{"work": [{"name": "A", "position": "B", "startDate": "2020"}, {"name": "Beta", "position": "CTO",'
     b' "startDate": "Spring 2020"}]}',
     ['resume.json: work[1] ("CTO" at "Beta"): startDate "Spring 2020" is not a date: use YYYY-MM-DD, YYYY-MM or'
      " YYYY"]),
    (b'{"work": [{"name": "Beta", "position": "CTO", "startDate": "2020-02-30"}]}', ['startDate "2020-02-30"']),
    (b'{"work": [{"name": "Beta", "position": "CTO", "startDate": 2020}]}', ["startDate is a number, not a date"]),
    (b'{"work": [{"name": "Beta", "position": "CTO"}]}',
     ['work[0] ("CTO" at "Beta"): no startDate: the day it started is needed']),
    (b'{"work": [{"name": "Beta", "startDate": "2020"}]}', ['work[0] ("" at "Beta"): no position: a role']),
    (b'{"work": [{"position": "CTO", "startDate": "2020"}]}', ['work[0] ("CTO" at ""): no name: a role']),
    (b'{"volunteer": [{"position": "Tutor", "startDate": "2020"}]}', ["volunteer[0]", "no organization"]),
    (b'{"work": [{"name": "Beta", "position": "CTO", "startDate": "2020-03", "endDate": "2019"}]}',
     ['work[0] ("CTO" at "Beta"): endDate 2019 is before startDate 2020-03']),
    (b'{"awards": [{"title": "Best", "date": "yesterday"}]}', ['awards[0] ("Best"): date "yesterday" is not a date']),
    (b'{"skills": [{"name": "Go", "keywords": "go"}]}', ['skills[0] ("Go"): keywords is text, not a list']),
    (b'{"basics": {"name": "Ren\xe9e"}}', ["resume.json:1: not UTF-8: byte 0xe9 at offset 24; save the file as UTF-8"]),
])
def test_a_bad_json_resume(tmp_path, content, words):
    path = tmp_path / "resume.json"
    path.write_bytes(content)
    message = failure(run("import", path), 1, *words)
    assert message.startswith("Error: ")
    assert message.count("\n") == 1, message


@pytest.mark.parametrize(("positions", "words"), [
    ("Name\nGo\n", ['Positions.csv:1: no column "Company Name", "Title", "Started On", "Finished On": the header is'
                    ' "Name"; LinkedIn\'s is "Company Name,Title,Description,Location,Started On,Finished On"']),
    ("", ["Positions.csv: empty: no header row"]),
    ("Company Name,Title,Started On,Finished On\nAcme,PM,Spring 2020,\n",
     ['Positions.csv:2: row 1 ("PM" at "Acme"): Started On "Spring 2020" is not a month and year, as LinkedIn'
      " writes them (Jan 2020), or a year"]),
    ('Company Name,Title,Description,Location,Started On,Finished On\nA,B,"x\ny",,Jan 2020,\n\nAcme,PM,"two\nlines",'
     ",Mar 2020,Summer\n",
     ['Positions.csv:5: row 2 ("PM" at "Acme"): Finished On "Summer" is not a month and year']),
    ("Company Name,Title,Started On,Finished On\nAcme,,Jan 2020,\n", ["Positions.csv:2: row 1", "no Title"]),
    ("Company Name,Title,Started On,Finished On\n,PM,Jan 2020,\n", ["no Company Name"]),
    ("Company Name,Title,Started On,Finished On\nAcme,PM,,\n", ['row 1 ("PM" at "Acme"): no Started On']),
    ("Company Name,Title,Started On,Finished On\nAcme,PM,Jan 2020,Dec 2019\n",
     ['Finished On "Dec 2019" is before Started On "Jan 2020"']),
    ('Company Name,Title,Started On,Finished On\nAcme,"PM,Jan 2020,\n', ["Positions.csv:2: not a CSV file"]),
    ('Company Name,Title,Started On,Finished On\nAcme,"PM"x,Jan 2020,\n', ["Positions.csv:2: not a CSV file"]),
])
def test_a_bad_positions_csv(tmp_path, positions, words):
    path = tmp_path / "Positions.csv"
    path.write_text(positions, encoding="utf-8", newline="")
    message = failure(run("import", path), 1, *words)
    assert message.count("\n") == 1, message


def test_a_bad_skills_csv_beside_it(tmp_path):
    (tmp_path / "Positions.csv").write_text(POSITIONS, encoding="utf-8")
    (tmp_path / "Skills.csv").write_text("Skill\nGo\n", encoding="utf-8")
    failure(run("import", tmp_path), 1, "Skills.csv:1: no column \"Name\"", "LinkedIn's is \"Name\"")
    (tmp_path / "Skills.csv").write_bytes(b"Name\n\xff\n")
    failure(run("import", tmp_path), 1, "Skills.csv:2: not UTF-8: byte 0xff at offset 5")


def test_a_positions_csv_that_is_not_utf8(tmp_path):
    path = tmp_path / "Positions.csv"
    path.write_bytes(POSITIONS.encode("cp1252").replace(b"Globex", b"Gl\xf6bex"))
    failure(run("import", path), 1, "Positions.csv:6: not UTF-8: byte 0xf6")


def test_a_path_that_is_no_source(tmp_path):
    failure(run("import", tmp_path / "missing.json"), 2, "missing.json' does not exist.")
    failure(run("import", tmp_path), 2, "is a folder with no Positions.csv (a LinkedIn data export has one)")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    failure(run("import", fifo), 2, "pipe.json' is not a regular file", "name it -")
    failure(run("import", "/dev/null"), 2, "is not a regular file")
    failure(run("import"), 2, "Missing argument 'SOURCE'")
    failure(run("import", SAMPLE, "--date", "Spring"), 2, "'Spring' is not a date")


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = tmp_path / "resume.json"
    path.write_bytes(SAMPLE.read_bytes())
    path.chmod(0)
    if os.access(path, os.R_OK):  # as root, chmod 000 does not stop a read: deny it the way the kernel would
        import careerledger.cli.imports as imports

        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(imports, "open", denied, raising=False)
    try:
        failure(run("import", path), 1, "cannot read", "resume.json: Permission denied")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_the_library_raises_source_error():
    with pytest.raises(SourceError, match=r"^x\.json:1:1: not JSON"):
        import_json_resume("", "x.json", date(2026, 5, 1))
    with pytest.raises(SourceError, match=r"^P\.csv:2: row 1"):
        import_linkedin("Company Name,Title,Started On,Finished On\nA,B,someday,\n", date(2026, 5, 1), "P.csv")


def test_check_imports_neither_import_nor_export(tmp_path):
    path = tmp_path / "imported.career"
    path.write_text(SAMPLE_LEDGER, encoding="utf-8")
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    done = process("check", "--as-of", DAY, path, env=env, text=True)
    assert done.returncode == 0, done.stderr
    assert "careerledger.cli.options" in done.stderr  # the list of imports is there
    assert "careerledger.cli.imports" not in done.stderr
    assert "careerledger.authoring" not in done.stderr


# --- anything a résumé may hold ----------------------------------------------------------------

_TEXT = st.text(max_size=12) | st.sampled_from(["Acme", "Mentor", "CTO", 'Say "hi"', "a\\b", "x\ny", " ", "é"])
_DATE = st.dates(date(1990, 1, 1), date(2030, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))
_WORK = st.fixed_dictionaries({"name": _TEXT, "position": _TEXT, "startDate": _DATE},
                              optional={"endDate": _DATE | st.just(""), "summary": _TEXT,
                                        "highlights": st.lists(_TEXT, max_size=2), "url": _TEXT})
_VOLUNTEER = st.fixed_dictionaries({"organization": _TEXT, "position": _TEXT, "startDate": _DATE},
                                   optional={"endDate": _DATE})
_RESUME = st.fixed_dictionaries({}, optional={
    "basics": st.fixed_dictionaries({}, optional={"name": _TEXT, "label": _TEXT}),
    "work": st.lists(_WORK, max_size=6),
    "volunteer": st.lists(_VOLUNTEER, max_size=3),
    "skills": st.lists(st.fixed_dictionaries({"name": _TEXT}, optional={
        "level": st.sampled_from(["Master", "Beginner", "Fluent", ""]) | _TEXT,
        "keywords": st.lists(_TEXT, max_size=2)}), max_size=4),
    "publications": st.lists(st.fixed_dictionaries({"name": _TEXT}, optional={"releaseDate": _DATE, "url": _TEXT}),
                             max_size=3),
    "awards": st.lists(st.fixed_dictionaries({"title": _TEXT}, optional={"date": _DATE}), max_size=3),
    "education": st.lists(st.just({}), max_size=2),
})


def _ordered(resume):
    """A résumé whose every item ends no earlier than it starts: the others are errors, tested above."""
    for section in ("work", "volunteer"):
        for item in resume.get(section, []):
            if item.get("endDate") and parse_iso(item["endDate"]).day < parse_iso(item["startDate"]).day:
                item["endDate"], item["startDate"] = item["startDate"], item["endDate"]
    return resume


@given(_RESUME.map(_ordered))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_resume_gives_a_ledger_that_checks_or_one_clear_message(resume):
    resume = resume or {"work": []}
    try:
        text = import_json_resume(json.dumps(resume), "r.json", date(2026, 5, 1))
    except SourceError as e:
        message = str(e)
    else:
        checked(text)
        return
    assert message.startswith("r.json: "), message
    assert "\n" not in message
    assert "please report this" not in message, message  # a limit of the import, not of the résumé


@given(st.lists(st.tuples(_TEXT, _TEXT, st.dates(date(1990, 1, 1), date(2030, 12, 1)), st.integers(-1, 40), _TEXT),
                max_size=6))
@settings(max_examples=200, deadline=None)
def test_any_positions_csv_gives_a_ledger_that_checks_or_one_clear_message(rows):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"])
    for org, title, start, months, description in rows:
        month = (start.month - 1 + max(months, 0)) % 12 + 1
        year = start.year + (start.month - 1 + max(months, 0)) // 12
        end = "" if months < 0 else f"{date(year, month, 1):%b %Y}"
        writer.writerow([org, title, description, "", f"{start:%b %Y}", end])
    try:
        text = import_linkedin(out.getvalue(), date(2026, 5, 1), "P.csv")
    except SourceError as e:
        message = str(e)
    else:
        checked(text)
        return
    assert message.startswith("P.csv:"), message
    assert "\n" not in message
    assert "please report this" not in message, message
