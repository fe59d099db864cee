"""Malformed ledgers: each yields the right code at the right line and column.

The TABLE holds one ledger per row, written so that it has exactly one
problem: the test asserts that problem's code, line and column (the column of
the first character the caret should underline), and for rows with a hint
fragment, that the hint contains it. Codes that need real files (encoding,
includes) are tested below the table. The last test checks that every code in
the catalogue is exercised here.
"""

import os

import pytest

from careerledger import load
from careerledger.problems import CATALOGUE

from conftest import codes, dedent, parse

ROLE_META = "  track: core\n  phase: impact\n"

# (id, text, code, line, col, hint fragment or None)
TABLE = [
    # --- E101 syntax: a line that is nothing ------------------------------------
    ("syntax-stray-words", "hello world\n", "E101", 1, 1, "a line is an entry"),
    ("syntax-keyword-without-date", 'role "PM" at "Acme"\n' + ROLE_META, "E101", 1, 1,
     'an entry starts with its date: 2024-01-31 role "title" at "org"'),
    ("syntax-option-typo", 'options "owner" "Jane"\n', "E101", 1, 1, "did you mean 'option'?"),
    ("syntax-include-typo", 'inclde "2024.career"\n', "E101", 1, 1, "did you mean 'include'?"),
    ("syntax-capitalised-directive", 'Option "owner" "Jane"\n', "E101", 1, 1, "did you mean 'option'?"),
    ("syntax-line-inside-entry", '2024-01-01 note "a"\n?? what\n', "E101", 2, 1, None),
    ("syntax-nul-line", '2024-01-01 note "a"\n\x00\n', "E101", 2, 1, None),
    # --- E102 strings -------------------------------------------------------------
    ("string-unterminated-arg", '2024-01-01 note "never closed\n', "E102", 1, 17, "ends with \""),
    ("string-unterminated-meta", '2024-01-01 note "a"\n  x-k: "open\n', "E102", 2, 8, None),
    ("string-unterminated-option", 'option "owner" "Jane\n', "E102", 1, 16, None),
    # the column is the backslash of the escape, not the string's start
    ("string-bad-escape-arg", '2024-01-01 note "tab\\there"\n', "E102", 1, 21, 'escape only \\" and \\\\'),
    ("string-bad-escape-meta", '2024-01-01 feedback "x"\n  action: "use \\n"\n', "E102", 2, 16, None),
    # --- E103 dates -----------------------------------------------------------------
    ("date-feb-30", '2024-02-30 note "a"\n', "E103", 1, 1, "YYYY-MM-DD"),
    ("date-month-13", '2024-13-01 note "a"\n', "E103", 1, 1, None),
    ("date-not-padded", '2024-1-5 note "a"\n', "E103", 1, 1, None),
    ("date-slashes", '2024/01/05 note "a"\n', "E103", 1, 1, None),
    ("date-partial-month-00", '2024-00 note "a"\n', "E103", 1, 1, None),
    ("date-feb-29-non-leap", '2023-02-29 note "a"\n', "E103", 1, 1, None),
    ("date-meta-until-feb-30", '2024-01-01 contract "c"\n  every: month\n  until: 2024-02-30\n',
     "E103", 3, 10, None),
    ("date-meta-by-month-13", '2024-01-01 north-star "v"\n  by: 2024-13-01\n', "E103", 2, 7, None),
    ("date-meta-not-padded", '2024-01-01 contract "c"\n  every: month\n  until: 2024-1-5\n',
     "E103", 3, 10, None),
    ("date-x-key", '2024-01-01 note "a"\n  x-when: 2024-02-30\n', "E103", 2, 11, None),
    # --- E104 keywords ----------------------------------------------------------------
    ("keyword-unknown", '2024-01-01 nope "a"\n', "E104", 1, 12, "did you mean 'note'?"),
    ("keyword-truncated", '2024-01-01 rol "PM" at "Acme"\n' + ROLE_META, "E104", 1, 12,
     "did you mean 'role'?"),
    ("keyword-no-hyphen", '2024-01-01 northstar "v"\n', "E104", 1, 12, "did you mean 'north-star'?"),
    ("keyword-capitalised", '2024-01-01 Note "a"\n', "E104", 1, 12, "did you mean 'note'?"),
    ("keyword-missing", "2024-01-01\n", "E104", 1, 12, "keywords: north-star, role"),
    ("keyword-string-instead", '2024-01-01 "a"\n', "E104", 1, 12, None),
    # --- E105 arguments ------------------------------------------------------------------
    ("args-missing", "2024-01-01 note\n", "E105", 1, 17, 'write it as: 2024-01-01 note "text"'),
    ("args-unquoted", "2024-01-01 note promoted\n", "E105", 1, 17, 'put it in double quotes: "promoted"'),
    ("args-role-in-not-at", '2024-01-01 role "PM" in "Acme"\n' + ROLE_META, "E105", 1, 22,
     'role "title" at "org"'),
    ("args-role-missing-org", '2024-01-01 role "PM" at\n' + ROLE_META, "E105", 1, 25, None),
    ("args-extra-string", '2024-01-01 note "a" "b"\n', "E105", 1, 21, 'then any #tags'),
    ("args-extra-word", '2024-01-01 note "a" extra\n', "E105", 1, 21, None),
    ("args-home-decimal", "2024-01-01 home 3.5\n", "E105", 1, 17, None),
    ("args-home-word", "2024-01-01 home five\n", "E105", 1, 17, None),
    ("args-skill-string-not-tag", '2024-01-01 skill "sql" mastered\n', "E105", 1, 18, None),
    # --- E106 tags ---------------------------------------------------------------------------
    ("tag-uppercase", '2024-01-01 note "a" #Payments\n', "E106", 1, 21, "lowercase"),
    ("tag-uppercase-skill", "2024-01-01 skill #SQL mastered\n", "E106", 1, 18, None),
    ("tag-dot", '2024-01-01 note "a" #a.b\n', "E106", 1, 21, None),
    ("tag-uppercase-meta", '2024-01-01 update "u"\n  covers: #ok #NotOk\n', "E106", 2, 15, None),
    # --- E107 values ---------------------------------------------------------------------------
    ("value-count-zero", '2024-01-01 contract "c"\n  every: week\n  count: 0\n', "E107", 3, 10, None),
    ("value-count-word", '2024-01-01 contract "c"\n  every: week\n  count: two\n', "E107", 3, 10, None),
    ("value-side-maybe", '2024-01-01 role "PM" at "A"\n' + ROLE_META + "  side: maybe\n", "E107", 4, 9, None),
    ("value-string-for-date", '2024-01-01 north-star "v"\n  by: "2030-01-01"\n', "E107", 2, 7, None),
    ("value-word-in-tags", '2024-01-01 update "u"\n  covers: #a notag\n', "E107", 2, 14, None),
    ("value-unquoted-string", '2024-01-01 role "PM" at "A"\n' + ROLE_META + "  scale: 12M\n", "E107", 4, 10,
     'put it in double quotes: "12M"'),
    ("value-two-words", '2024-01-01 feedback "f"\n  action: two words\n', "E107", 2, 15,
     "put text with spaces in double quotes"),
    ("value-empty", '2024-01-01 feedback "f"\n  tone:\n', "E107", 2, 9, None),
    # --- E108 enumerations ------------------------------------------------------------------------
    ("enum-phase-typo", '2024-01-01 role "PM" at "A"\n  track: core\n  phase: impct\n', "E108", 3, 10,
     "did you mean 'impact'?"),
    ("enum-track-capitalised", '2024-01-01 role "PM" at "A"\n  track: Core\n  phase: impact\n', "E108", 2, 10,
     "did you mean 'core'?"),
    ("enum-every-monthly", '2024-01-01 contract "c"\n  every: monthly\n', "E108", 2, 10, "did you mean 'month'?"),
    ("enum-outcome-result", '2024-01-01 bet "b"\n2024-02-01 outcome "b" succes\n', "E108", 2, 24,
     "did you mean 'success'?"),
    ("enum-decision-no-match", '2024-01-01 opportunity "o"\n2024-01-02 decision "o" accept\n', "E108", 2, 25,
     "expected one of: decline, defer, take"),
    ("enum-tone", '2024-01-01 feedback "f"\n  tone: critcal\n', "E108", 2, 9, "did you mean 'critical'?"),
    ("enum-size", '2024-01-01 bet "b"\n  size: huge\n', "E108", 2, 9, None),
    # --- E201 orphan metadata ---------------------------------------------------------------------
    ("orphan-before-any-entry", '  track: core\n2024-01-01 note "a"\n', "E201", 1, 3, None),
    ("orphan-after-heading", '2024-01-01 note "a"\n* Roles\n  x-k: 1\n', "E201", 3, 3, "a heading"),
    ("orphan-after-option", 'option "owner" "J"\n  x-k: 1\n', "E201", 2, 3, None),
    ("orphan-tab-indented", '\tx-k: 1\n', "E201", 1, 2, None),
    # --- E202 metadata shape ------------------------------------------------------------------------
    ("meta-no-colon", '2024-01-01 note "a"\n  just some text\n', "E202", 2, 3, "is metadata"),
    ("meta-no-key", '2024-01-01 note "a"\n  : value\n', "E202", 2, 3, None),
    ("meta-quoted-key", '2024-01-01 note "a"\n  "k": value\n', "E202", 2, 3, None),
    # --- E203 unknown key ----------------------------------------------------------------------------
    ("key-typo", '2024-01-01 role "PM" at "A"\n' + ROLE_META + "  trak: core\n", "E203", 4, 3,
     "did you mean 'track'?"),
    ("key-kind-takes-none", '2024-01-01 sotu "s"\n  to: "team"\n', "E203", 2, 3, "'sotu' takes no metadata"),
    ("key-bare-x-dash", '2024-01-01 note "a"\n  x-: 1\n', "E203", 2, 3, None),
    ("key-capitalised", '2024-01-01 feedback "f"\n  Tone: positive\n', "E203", 2, 3, "did you mean 'tone'?"),
    # --- E204 missing key ------------------------------------------------------------------------------
    ("missing-every", '2024-01-01 contract "c"\n  count: 2\n', "E204", 1, 12, "every:"),
    ("missing-phase", '2024-01-01 role "PM" at "A"\n  track: core\n', "E204", 1, 12, "phase:"),
    ("missing-track-padded", '2024-01-01  role "PM" at "A"\n  phase: impact\n', "E204", 1, 13, "track:"),
    # --- E205 duplicate key -----------------------------------------------------------------------------
    ("key-twice", '2024-01-01 role "PM" at "A"\n' + ROLE_META + "  track: innovation\n", "E205", 4, 3,
     "the first is on line 2"),
    ("x-key-twice", '2024-01-01 note "a"\n  x-k: 1\n\n  x-k: 2\n', "E205", 4, 3, "line 2"),
    # --- E301 / E302 / E305 directives ---------------------------------------------------------------------
    ("option-unknown", 'option "ownr" "Jane"\n', "E301", 1, 8, "did you mean 'owner'?"),
    ("option-unknown-wide-spacing", 'option   "nope" "x"\n', "E301", 1, 10, None),
    ("option-twice", 'option "owner" "A"\noption "owner" "B"\n', "E302", 2, 1, "first set at test.career:1"),
    ("option-bad-duration", 'option "swing-every" "3 years"\n', "E302", 1, 22, None),
    ("option-bad-date", 'option "established" "2020-02-30"\n', "E302", 1, 22, None),
    ("option-one-string", 'option "owner"\n', "E305", 1, 16, 'option "key" "value"'),
    ("option-unquoted-key", 'option owner "Jane"\n', "E305", 1, 8, None),
    ("option-three-strings", 'option "owner" "Jane" "Doe"\n', "E305", 1, 23, None),
    ("include-nothing", "include\n", "E305", 1, 9, 'include "path"'),
    ("include-unquoted", "include 2024.career\n", "E305", 1, 9, None),
    ("include-two-paths", 'include "a.career" "b.career"\n', "E305", 1, 20, None),
    # --- E306 suppression comments ----------------------------------------------------------------
    ("suppress-unknown-check", '2024-01-01 note "a" ; careerledger: ignore no-such-check\n', "E306", 1, 44, None),
    # --- E401-E407 consistency -------------------------------------------------------------------------------
    ("bet-unknown", '2024-01-01 outcome "Refunds" success\n', "E401", 1, 1, 'bet "name"'),
    ("bet-unknown-near", '2024-01-01 bet "Instant refunds"\n2024-02-01 outcome "Instant refund" failure\n',
     "E401", 2, 1, 'did you mean "Instant refunds"?'),
    ("bet-closed-twice", '2024-01-01 bet "b"\n2024-02-01 outcome "b" pivot\n2024-03-01 outcome "b" stopped\n',
     "E402", 3, 1, "closed at test.career:2"),
    ("outcome-before-bet", '2024-03-01 bet "b"\n2024-02-01 outcome "b" success\n', "E403", 2, 1,
     "opened at test.career:1"),
    ("leave-not-current", '2020-01-01 role "A" at "X"\n' + ROLE_META + '2021-01-01 role "B" at "Y"\n' + ROLE_META
     + '2022-01-01 leave "A"\n', "E404", 7, 1, 'the current main role is "B"'),
    ("leave-no-role", '2022-01-01 leave "A"\n', "E404", 1, 1, None),
    ("leave-twice", '2020-01-01 role "A" at "X"\n' + ROLE_META + '2021-01-01 leave "A"\n2022-01-01 leave "A"\n',
     "E404", 5, 1, None),
    ("decision-unknown", '2024-01-01 decision "Head of Payments" take\n', "E405", 1, 1, 'opportunity "name"'),
    ("decision-near", '2024-01-01 opportunity "Head of Payments"\n2024-01-02 decision "Head of Payment" take\n',
     "E405", 2, 1, 'did you mean "Head of Payments"?'),
    ("duplicate-note", '2024-01-01 note "same"\n2024-01-01 note "same"\n', "E406", 2, 1, "at test.career:1"),
    ("duplicate-skill", "2024-01-01 skill #sql novice\n2024-01-01 skill #sql mastered\n", "E406", 2, 1, None),
    # a decision cannot come before the opportunity it decides
    ("decision-before-opportunity",
     '2024-01-01 decision "Head of Payments" take\n2024-06-01 opportunity "Head of Payments"\n',
     "E408", 1, 1, "the opportunity is at"),
    # bare words are lowercase; a capitalised one is text that wants quotes
    ("word-capitalised-via", '2024-01-01 update "Summary"\n  via: Email\n', "E107", 2, 8, None),
    ("word-capitalised-extra", '2024-01-01 note "a"\n  x-w: Something\n', "E107", 2, 8, None),
    # a ; inside a string starts no comment, so no suppression is read from it
    ("suppress-inside-string-is-text",
     '2024-01-01 note "tip ; careerledger: ignore drifts" #x #Y\n', "E106", 1, 56, None),
    ("home-zero", "2024-01-01 home 0\n", "E407", 1, 17, None),
    ("home-six", "2024-01-01 home 6\n", "E407", 1, 17, None),
    ("home-negative", "2024-01-01 home -1\n", "E407", 1, 17, None),
]


@pytest.mark.parametrize("text, code, line, col, hint", [r[1:] for r in TABLE], ids=[r[0] for r in TABLE])
def test_malformed(text, code, line, col, hint):
    ledger = parse(text, raw=True)
    # each row is built to have exactly one problem
    assert codes(ledger) == [(code, line, col)], [(p.code, p.loc.line, p.loc.col, p.message) for p in ledger.problems]
    problem = ledger.problems[0]
    assert problem.loc.file == "test.career"
    assert problem.severity == "error"
    assert problem.length >= 1
    assert problem.message  # says something
    if hint is not None:
        assert problem.hint is not None and hint in problem.hint, problem.hint


def test_table_ids_are_unique_and_large_enough():
    ids = [r[0] for r in TABLE]
    assert len(ids) == len(set(ids))
    assert len(TABLE) >= 45


# Codes that need a file on disk, tested one by one below the table.
FILE_CODES = {"E001", "E002", "E303", "E304"}


def test_every_catalogue_code_is_exercised():
    assert {r[2] for r in TABLE} | FILE_CODES == set(CATALOGUE)


# --- details of some rows ------------------------------------------------------


def test_did_you_mean_names_the_keyword_in_the_message():
    (p,) = parse('2024-01-01 nope "a"\n').problems
    assert "nope" in p.message
    assert p.length == len("nope")


def test_bad_date_caret_covers_the_whole_date():
    (p,) = parse('2024-01-01 contract "c"\n  every: month\n  until: 2024-02-30\n').problems
    assert p.length == len("2024-02-30")


def test_missing_required_keys_are_all_reported():
    ledger = parse('2024-01-01 role "PM" at "Acme"\n')
    assert [(p.code, p.loc.line, p.loc.col) for p in ledger.problems] == [("E204", 1, 12), ("E204", 1, 12)]
    assert ["track" in ledger.problems[0].message, "phase" in ledger.problems[1].message] == [True, True]


def test_bad_metadata_does_not_drop_the_entry():
    # a bad value is reported; the entry is still loaded with the rest of its metadata
    ledger = parse("""
        2024-01-01 contract "c"
          every: week
          count: 0
          with: "manager"
    """)
    assert codes(ledger) == [("E107", 3, 10)]
    (e,) = ledger.entries
    assert (e.every, e.count, e.counterpart) == ("week", 1, "manager")


def test_bad_head_line_drops_the_entry_and_its_metadata_quietly():
    # the entry cannot be built, its metadata is not reported again as orphan
    ledger = parse("""
        2024-02-30 role "PM" at "Acme"
          track: core
          phase: impct
        2024-03-01 note "kept"
    """)
    assert codes(ledger) == [("E103", 1, 1)]
    assert [e.text for e in ledger.entries] == ["kept"]


# --- several errors in one file -------------------------------------------------


def test_three_broken_entries_give_three_problems():
    ledger = parse("""
        2024-01-01 note "one"
        2024-01-02 nope "two"
        2024-01-03 note "three"
        this is not a line
        2024-01-04 note "four"
        2024-01-05 note "unterminated
        2024-01-06 note "six"
    """)
    assert codes(ledger) == [("E104", 2, 12), ("E101", 4, 1), ("E102", 6, 17)]
    # the good entries around the broken ones are all loaded
    assert [e.text for e in ledger.entries] == ["one", "three", "four", "six"]
    assert [e.loc.line for e in ledger.entries] == [1, 3, 5, 7]


def test_consecutive_syntax_errors_each_reported():
    ledger = parse("""
        2024-01-01 note "a"
        foo
        bar
        baz
        2024-01-02 note "b"
          x-k: 1
    """)
    assert codes(ledger) == [("E101", 2, 1), ("E101", 3, 1), ("E101", 4, 1)]
    assert [(e.text, e.extra) for e in ledger.entries] == [("a", ()), ("b", (("x-k", 1),))]


def test_syntax_error_at_first_and_last_line():
    ledger = parse('oops\n2024-01-01 note "a"\noops again', raw=True)
    assert codes(ledger) == [("E101", 1, 1), ("E101", 3, 1)]
    assert [e.text for e in ledger.entries] == ["a"]


def test_metadata_errors_in_several_entries():
    ledger = parse("""
        2024-01-01 role "PM" at "Acme"
          track: cor
          phase: impact
        2024-02-01 feedback "f"
          tone: nice
        2024-03-01 contract "c"
          every: month
          until: 2024-13-01
    """)
    assert codes(ledger) == [("E108", 2, 10), ("E108", 5, 9), ("E103", 8, 10)]
    assert [type(e).__name__ for e in ledger.entries] == ["Role", "Feedback", "Contract"]


def test_problems_are_in_line_order_across_stages():
    # parse problems and validation problems are merged in line order
    ledger = parse("""
        2024-01-01 outcome "ghost" success
        2024-01-02 nope "x"
        2024-01-03 home 9
    """)
    assert codes(ledger) == [("E401", 1, 1), ("E104", 2, 12), ("E407", 3, 17)]


# --- codes that need files --------------------------------------------------------


def test_not_utf8(ledger_file):
    path = ledger_file(b'2024-01-01 note "a"\n2024-01-02 note "caf\xe9"\n')
    ledger = load(path)
    assert codes(ledger) == [("E001", 2, 21)]
    p = ledger.problems[0]
    assert p.loc.file == str(path)
    assert "offset 40" in p.message  # the byte offset of 0xe9 in the file
    assert "0xe9" in p.message
    assert ledger.entries == ()
    assert ledger.files == (str(path),)


def test_not_utf8_column_counts_characters(ledger_file):
    # é is two bytes in UTF-8 but one column
    path = ledger_file('2024-01-01 note "é'.encode() + b'\xff"\n')
    ledger = load(path)
    assert codes(ledger) == [("E001", 1, 19)]
    assert "offset 19" in ledger.problems[0].message


def test_not_utf8_in_an_included_file(ledger_file):
    ledger_file(b"\xfe\xff\n", "bad.career")
    main = ledger_file('include "bad.career"\n2024-01-01 note "ok"\n')
    ledger = load(main)
    assert [(p.code, os.path.basename(p.loc.file), p.loc.line, p.loc.col) for p in ledger.problems] == [
        ("E001", "bad.career", 1, 1),
    ]
    assert [e.text for e in ledger.entries] == ["ok"]


def test_unreadable_file(ledger_file, monkeypatch):
    import careerledger.loader as loader

    path = ledger_file('2024-01-01 note "a"\n')

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader, "open", deny, raising=False)
    ledger = load(path)
    assert codes(ledger) == [("E002", 1, 1)]
    assert "Permission denied" in ledger.problems[0].message


def test_missing_include(ledger_file):
    main = ledger_file('2024-01-01 note "a"\ninclude "2025.career"\n')
    ledger = load(main)
    assert codes(ledger) == [("E303", 2, 9)]
    assert "2025.career" in ledger.problems[0].message
    assert "does not exist" in ledger.problems[0].message
    assert ledger.problems[0].length == len('"2025.career"')


def test_include_glob_matching_nothing(ledger_file):
    ledger = load(ledger_file('include "years/*.career"\n'))
    assert codes(ledger) == [("E303", 1, 9)]
    assert "matches no file" in ledger.problems[0].message


def test_include_of_a_directory(ledger_file, tmp_path):
    (tmp_path / "years").mkdir()
    ledger = load(ledger_file('include "years"\n'))
    assert codes(ledger) == [("E303", 1, 9)]
    assert "is a directory" in ledger.problems[0].message


def test_include_glob_matching_only_directories(ledger_file, tmp_path):
    # a glob includes files; a directory it matches is not a file to read
    (tmp_path / "2024.d").mkdir()
    ledger = load(ledger_file('include "*.d"\n'))
    assert codes(ledger) == [("E303", 1, 9)]


def test_include_cycle_names_the_chain(ledger_file, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # the chain is shown relative to the working directory
    ledger_file('include "b.career"\n2024-01-01 note "a"\n', "a.career")
    ledger_file('2024-01-02 note "b"\ninclude "a.career"\n', "b.career")
    ledger = load(tmp_path / "a.career")
    assert [(p.code, os.path.basename(p.loc.file), p.loc.line, p.loc.col) for p in ledger.problems] == [
        ("E304", "b.career", 2, 9),
    ]
    assert "a.career -> b.career -> a.career" in ledger.problems[0].message
    # both files are still loaded, each once
    assert sorted(e.text for e in ledger.entries) == ["a", "b"]


def test_include_cycle_through_three_files(ledger_file, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    ledger_file('include "b.career"\n', "a.career")
    ledger_file('include "c.career"\n', "b.career")
    ledger_file('include "b.career"\n', "c.career")
    ledger = load(tmp_path / "a.career")
    assert codes(ledger) == [("E304", 1, 9)]
    # the chain starts at the file that closes the loop, not at the root
    assert "b.career -> c.career -> b.career" in ledger.problems[0].message
    assert ledger.problems[0].loc.file.endswith("c.career")


def test_file_including_itself(ledger_file):
    path = ledger_file('include "main.career"\n')
    ledger = load(path)
    assert codes(ledger) == [("E304", 1, 9)]
