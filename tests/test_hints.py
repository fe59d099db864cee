"""Hints for the slips people make: each gets a precise message and hint.

One malformed ledger per row of HINTS, each with exactly one problem, asserted
whole: its file, line, column, code, message and hint. The slips: strings in
curly or single quotes, tags separated by commas, uppercase tags, an entry
indented by mistake, metadata at column 0, a quoted or decimal `home` score, a
tag without its #, a quoted value where a bare one is expected, and a carriage
return (CR) that ends no line. Then what each slip does to the rest of the
ledger (what is still read, what is not reported twice), and the cost of the
CR checks on huge files.
"""

import time

import pytest
from conftest import ROLE_META, codes, parse

from careerledger.core import entries as E
from careerledger.core.entries import Loc
from careerledger.syntax import lines

F = "test.career"
TAGS_HINT = "tags are # then lowercase letters, digits, -, _ or /, such as #zero-to-one"
CR = "a carriage return (CR) that does not end a line"
CR_HINT = "remove it, or save the file with LF (or CRLF) line endings"
INDENTED = "this entry is indented"
UNINDENTED = "metadata must be indented under its entry"

# (id, text, code, line, col, message, hint)
HINTS = [
    # --- 1. a string in curly or single quotes: the caret on the quote ------------------------
    ("curly-args", '2024-01-01 role “Senior PM” at “Acme”\n' + ROLE_META, "E105", 1, 17,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "Senior PM"'),
    ("curly-single", "2024-01-01 note ‘Senior PM’\n", "E105", 1, 17,
     "a string needs straight double quotes, not ‘ (U+2018)", 'use straight double quotes: "Senior PM"'),
    ("curly-low-german", "2024-01-01 note „Senior PM“\n", "E105", 1, 17,
     "a string needs straight double quotes, not „ (U+201E)", 'use straight double quotes: "Senior PM"'),
    ("guillemets", "2024-01-01 note «Senior PM»\n", "E105", 1, 17,
     "a string needs straight double quotes, not « (U+00AB)", 'use straight double quotes: "Senior PM"'),
    ("straight-single", "2024-01-01 note 'Senior PM'\n", "E105", 1, 17,
     "a string needs straight double quotes, not ' (U+0027)", 'use straight double quotes: "Senior PM"'),
    # an apostrophe between letters does not close the string
    ("curly-apostrophe-inside", "2024-01-01 note ‘Jane’s team’\n", "E105", 1, 17,
     "a string needs straight double quotes, not ‘ (U+2018)", 'use straight double quotes: "Jane’s team"'),
    # not closed: the text runs to the end of the line
    ("curly-unclosed", "2024-01-01 note “Senior PM\n", "E105", 1, 17,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "Senior PM"'),
    # the suggestion is a string of the format: a backslash in it is escaped
    ("curly-backslash", "2024-01-01 note “C:\\temp”\n", "E105", 1, 17,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "C:\\\\temp"'),
    ("curly-metadata", '2024-01-01 win "w"\n  impact: “WISMO down 22%”\n', "E107", 2, 11,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "WISMO down 22%"'),
    ("curly-x-key", '2024-01-01 note "n"\n  x-manager: “Priya Nair”\n', "E107", 2, 14,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "Priya Nair"'),
    ("curly-option-key", "option “owner” “Jane Doe”\n", "E305", 1, 8,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "owner"'),
    ("curly-option-value", 'option "owner" “Jane Doe”\n', "E305", 1, 16,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "Jane Doe"'),
    ("curly-include", "include “2025.career”\n", "E305", 1, 9,
     "a string needs straight double quotes, not “ (U+201C)", 'use straight double quotes: "2025.career"'),
    # opened straight, closed curly: the caret on the curly quote
    ("curly-close", '2024-01-01 note "Senior PM”\n', "E102", 1, 27,
     "this string is closed with a curly quote ” (U+201D)", 'use straight double quotes: "Senior PM"'),
    # --- 2. tags separated by commas ---------------------------------------------------------------
    ("comma-space", '2024-01-01 north-star "v"\n  needs: #a, #b\n', "E106", 2, 10,
     "#a, is not a valid tag", "separate tags with spaces, not commas: #a #b"),
    ("comma-no-space", '2024-01-01 north-star "v"\n  needs: #a,#b\n', "E106", 2, 10,
     "#a,#b is not a valid tag", "separate tags with spaces, not commas: #a #b"),
    ("comma-alone", '2024-01-01 north-star "v"\n  needs: #a , #b\n', "E107", 2, 13,
     "expected a #tag, found ','", "separate tags with spaces, not commas: #a #b"),
    ("comma-then-word", '2024-01-01 north-star "v"\n  needs: #a,b\n', "E106", 2, 10,
     "#a,b is not a valid tag", "separate tags with spaces, not commas: #a #b"),
    ("comma-three", '2024-01-01 update "u"\n  covers: #a, #b, #c\n', "E106", 2, 11,
     "#a, is not a valid tag", "separate tags with spaces, not commas: #a #b #c"),
    ("comma-entry-tags", '2024-01-01 note "n" #a, #b\n', "E106", 1, 21,
     "#a, is not a valid tag", "separate tags with spaces, not commas: #a #b"),
    ("comma-alone-entry-tags", '2024-01-01 note "n" #a , #b\n', "E105", 1, 24,
     "unexpected , after the arguments of 'note'", "separate tags with spaces, not commas: #a #b"),
    ("comma-x-key", '2024-01-01 note "n"\n  x-themes: #growth, #pricing\n', "E107", 2, 13,
     "expected a valid #tag, found '#growth,'", "separate tags with spaces, not commas: #growth #pricing"),
    # --- 3. an uppercase tag: its lowercase, when that is a tag ---------------------------------------
    ("tag-uppercase", '2024-05-01 note "Promoted" #Promotion\n', "E106", 1, 28,
     "#Promotion is not a valid tag", "did you mean #promotion?"),
    ("tag-uppercase-skill", "2024-01-01 skill #SQL mastered\n", "E106", 1, 18,
     "#SQL is not a valid tag", "did you mean #sql?"),
    ("tag-uppercase-hierarchy", '2024-01-01 note "n" #Board/Governance\n', "E106", 1, 21,
     "#Board/Governance is not a valid tag", "did you mean #board/governance?"),
    ("tag-uppercase-metadata", '2024-01-01 update "u"\n  covers: #ok #NotOk\n', "E106", 2, 15,
     "#NotOk is not a valid tag", "did you mean #notok?"),
    ("tag-uppercase-and-comma", '2024-01-01 north-star "v"\n  needs: #Strategy, #hiring\n', "E106", 2, 10,
     "#Strategy, is not a valid tag", "separate tags with spaces, not commas: #strategy #hiring"),
    # lowercased it is still no tag: the general hint
    ("tag-uppercase-dot", '2024-01-01 note "n" #A.b\n', "E106", 1, 21, "#A.b is not a valid tag", TAGS_HINT),
    ("tag-uppercase-accent", '2024-01-01 note "n" #Café\n', "E106", 1, 21, "#Café is not a valid tag", TAGS_HINT),
    ("tag-x-key-uppercase", '2024-01-01 note "n"\n  x-themes: #Growth\n', "E107", 2, 13,
     "expected a valid #tag, found '#Growth'", "did you mean #growth?"),
    # --- 4. an entry indented by mistake --------------------------------------------------------------
    ("indented-under-entry", '2024-01-01 note "a"\n  2024-03-01 note "b"\n', "E202", 2, 3,
     INDENTED, "an entry starts at column 0: remove the spaces before 2024-03-01"),
    ("indented-no-entry", '* Notes\n  2024-03-01 note "b"\n', "E201", 2, 3,
     INDENTED, "an entry starts at column 0: remove the spaces before 2024-03-01"),
    ("indented-at-start", '  2024-03 note "b"\n', "E201", 1, 3,
     INDENTED, "an entry starts at column 0: remove the spaces before 2024-03"),
    ("indented-one-space", ' 2024-03-01 note "b"\n', "E201", 1, 2,
     INDENTED, "an entry starts at column 0: remove the space before 2024-03-01"),
    ("indented-tab", '2024-01-01 note "a"\n\t2024-03-01 note "b"\n', "E202", 2, 2,
     INDENTED, "an entry starts at column 0: remove the tab before 2024-03-01"),
    ("indented-tabs", '2024-01-01 note "a"\n\t\t2024-03-01 note "b"\n', "E202", 2, 3,
     INDENTED, "an entry starts at column 0: remove the tabs before 2024-03-01"),
    ("indented-mixed", '2024-01-01 note "a"\n \t2024-03-01 note "b"\n', "E202", 2, 3,
     INDENTED, "an entry starts at column 0: remove the spaces and tabs before 2024-03-01"),
    # a date and no word is not an entry: the usual message
    ("indented-date-only", '2024-01-01 note "a"\n  2024-03-01\n', "E202", 2, 3,
     "expected `key: value` metadata", "an indented line under an entry is metadata, such as:   track: core"),
    # --- 5. metadata at column 0 -------------------------------------------------------------------------
    ("unindented-under-entry", '2024-01-01 role "PM" at "Acme"\ntrack: core\n  phase: impact\n', "E101", 2, 1,
     UNINDENTED, "indent it:   track: core"),
    ("unindented-after-comment", '2024-01-01 role "PM" at "Acme"\n  track: core\n; why\n\nphase:impact\n',
     "E101", 5, 1, UNINDENTED, "indent it:   phase:impact"),
    ("unindented-x-key", '2024-01-01 note "n"\nx-source: "notes.txt"\n', "E101", 2, 1,
     UNINDENTED, 'indent it:   x-source: "notes.txt"'),
    ("unindented-no-entry", '* Roles\ntrack: core\n  phase: impact\n', "E101", 2, 1,
     UNINDENTED, "metadata goes under a dated entry, indented:   track: core"),
    # a URL is not a key
    ("unindented-url", "https://example.com/ledger\n", "E101", 1, 1,
     "this line is not an entry, metadata, heading, directive or comment",
     "a line is an entry (it starts with a date), `option`, `include`, a `*` heading, a `;` comment, or indented"
     " `key: value` metadata"),
    # --- 6. home scores, tags without # ------------------------------------------------------------------
    ("home-quoted", '2024-01-01 home "4"\n', "E105", 1, 17,
     "expected a score from 1 to 5, found '\"4\"'", "a score is a bare whole number: home 4"),
    ("home-decimal", "2024-01-01 home 3.5\n", "E105", 1, 17,
     "expected a score from 1 to 5, found '3.5'", "scores are whole numbers from 1 to 5"),
    ("home-quoted-decimal", '2024-01-01 home "3.5"\n', "E105", 1, 17,
     "expected a score from 1 to 5, found '\"3.5\"'", "scores are whole numbers from 1 to 5"),
    ("home-word", "2024-01-01 home five\n", "E105", 1, 17,
     "expected a score from 1 to 5, found 'five'", "scores are whole numbers from 1 to 5"),
    ("skill-no-hash", "2024-01-01 skill pricing mastered\n", "E105", 1, 18,
     "expected a #tag, found 'pricing'", "write a tag with #: #pricing"),
    ("explained-no-hash", "2024-01-01 explained refund-flow\n", "E105", 1, 22,
     "expected a #tag, found 'refund-flow'", "write a tag with #: #refund-flow"),
    ("skill-quoted-word", '2024-01-01 skill "pricing" mastered\n', "E105", 1, 18,
     "expected a #tag, found '\"pricing\"'", "write a tag with #: #pricing"),
    ("needs-no-hash", '2024-01-01 north-star "v"\n  needs: strategy hiring\n', "E107", 2, 10,
     "expected a #tag, found 'strategy'", "write tags with #: #strategy #hiring"),
    ("covers-one-without-hash", '2024-01-01 update "u"\n  covers: #a notag\n', "E107", 2, 14,
     "expected a #tag, found 'notag'", "write a tag with #: #notag"),
    ("entry-tag-no-hash", '2024-05-01 note "Promoted" yay\n', "E105", 1, 28,
     "unexpected word yay after the arguments of 'note'", "write a tag with #: #yay"),
    # several words after the arguments are more likely text that lost its quotes
    ("entry-words-after-args", '2024-05-01 note "Promoted" to vp\n', "E105", 1, 28,
     "unexpected word to after the arguments of 'note'", "'note' takes \"text\", then any #tags"),
    # a word that would not be a tag: no tag to suggest
    ("skill-capitalised-word", "2024-01-01 skill Pricing mastered\n", "E105", 1, 18,
     "expected a #tag, found 'Pricing'", None),
    # --- 7. a quoted value where a bare one is expected ------------------------------------------------
    ("quoted-word", '2024-01-01 update "u"\n  via: "email"\n', "E107", 2, 8,
     "expected a lowercase word, found '\"email\"'", "write it without quotes: via: email"),
    ("curly-quoted-word", '2024-01-01 update "u"\n  via: “email”\n', "E107", 2, 8,
     "expected a lowercase word, found '“email”'", "write it without quotes: via: email"),
    ("quoted-word-invalid", '2024-01-01 update "u"\n  via: "e-mail, then chat"\n', "E107", 2, 8,
     "expected a lowercase word, found '\"e-mail, then chat\"'", "write a lowercase word, without quotes"),
    ("quoted-enum", '2024-01-01 role "PM" at "A"\n  track: "core"\n  phase: impact\n', "E107", 2, 10,
     "expected core or innovation, found '\"core\"'", "write it without quotes: track: core"),
    # not a value once unquoted: the values there are
    ("quoted-enum-invalid", '2024-01-01 role "PM" at "A"\n  track: "Core"\n  phase: impact\n', "E107", 2, 10,
     "expected core or innovation, found '\"Core\"'", "write core or innovation, without quotes"),
    ("quoted-enum-long", '2024-01-01 skill #sql "expert"\n', "E105", 1, 23,
     "expected one of novice, practicing, proficient, mastered, found '\"expert\"'",
     "write one of novice, practicing, proficient, mastered, without quotes"),
    ("quoted-yes", '2024-01-01 role "PM" at "A"\n' + ROLE_META + '  side: "yes"\n', "E107", 4, 9,
     "expected yes or no, found '\"yes\"'", "write it without quotes: side: yes"),
    ("quoted-date", '2024-01-01 north-star "v"\n  by: "2030-01-01"\n', "E107", 2, 7,
     "expected a date (YYYY-MM-DD or YYYY-MM), found '\"2030-01-01\"'", "write it without quotes: by: 2030-01-01"),
    ("quoted-count", '2024-01-01 contract "c"\n  every: week\n  count: "2"\n', "E107", 3, 10,
     "expected a whole number of at least 1, found '\"2\"'", "write it without quotes: count: 2"),
    ("quoted-tags", '2024-01-01 north-star "v"\n  needs: "#a #b"\n', "E107", 2, 10,
     "expected a #tag, found '\"#a #b\"'", "write it without quotes: needs: #a #b"),
    ("quoted-tag-argument", '2024-01-01 skill "#pricing" mastered\n', "E105", 1, 18,
     "expected a #tag, found '\"#pricing\"'", "write it without quotes: skill #pricing"),
    # a later argument is shown alone
    ("quoted-result", '2024-01-01 bet "b"\n2024-02-01 outcome "b" "pivot"\n', "E105", 2, 24,
     "expected one of success, failure, pivot, stopped, found '\"pivot\"'", "write it without quotes: pivot"),
    # and the converse is kept: a bare word where a string is wanted
    ("bare-string", '2024-01-01 role "PM" at "A"\n' + ROLE_META + "  scale: 12M\n", "E107", 4, 10,
     "expected a \"quoted string\", found '12M'", 'put it in double quotes: "12M"'),
    # --- 8. a carriage return that ends no line ------------------------------------------------------------
    ("cr-inside-a-line", '2024-01-01 note "a"\r2024-01-02 note "b"\n', "E003", 1, 20, CR, CR_HINT),
    ("cr-inside-a-string", '2024-01-01 note "a\rb"\n', "E003", 1, 19, CR, CR_HINT),
    ("cr-cr-lf", '2024-01-01 note "a"\r\r\n', "E003", 1, 20, CR, CR_HINT),
    ("cr-after-lf", '2024-01-01 note "a"\n\r  x-k: 1\n', "E003", 2, 1, CR, CR_HINT),
    ("cr-at-the-end", '2024-01-01 note "a"\r', "E003", 1, 20, CR, CR_HINT),
    ("cr-classic-mac", '2024-01-01 note "a"\r2024-01-02 note "b"\r', "E003", 1, 20,
     "lines end with a lone CR (classic Mac OS line endings)", "save the file with LF (or CRLF) line endings"),
]


@pytest.mark.parametrize(("text", "code", "line", "col", "message", "hint"), [r[1:] for r in HINTS],
                         ids=[r[0] for r in HINTS])
def test_hint(text, code, line, col, message, hint):
    ledger = parse(text, raw=True)
    assert [(p.loc.file, p.loc.line, p.loc.col, p.code, p.message, p.hint) for p in ledger.problems] == [
        (F, line, col, code, message, hint)]


def test_hint_ids_are_unique():
    ids = [r[0] for r in HINTS]
    assert len(ids) == len(set(ids))


def test_a_curly_quote_is_underlined_alone():
    (p,) = parse('2024-01-01 note “Senior PM”\n').problems
    assert p.length == 1


def test_a_hint_quotes_at_most_sixty_characters_of_the_text():
    (p,) = parse(f"2024-01-01 note “{'x' * 5000}”\n").problems
    assert p.hint == 'use straight double quotes: "' + "x" * 59 + '…"'
    (p,) = parse(f"2024-01-01 note \"a\"\nx-key: {'y' * 5000}\n").problems
    assert p.hint == "indent it:   x-key: " + "y" * 52 + "…"


# --- 4. an indented entry is still read, with the metadata after it ----------------------------------


def test_an_indented_entry_is_read_with_its_metadata():
    ledger = parse("""
        2024-01-01 note "a"
          x-k: 1
          2024-03-01 role "PM" at "Acme"
            track: core
            phase: impact
    """)
    # one problem: no E203 for the role's keys under the note, no E204 for the role
    assert codes(ledger) == [("E202", 3, 3)]
    note, role = ledger.entries
    assert note.extra == (("x-k", 1),)
    assert (type(role), role.title, role.track, role.phase) == (E.Role, "PM", "core", "impact")
    assert role.loc == Loc(F, 3, 3)  # where its date is


def test_an_indented_entry_after_a_heading_takes_the_lines_after_it():
    ledger = parse("""
        * Roles
          2024-03-01 role "PM" at "Acme"
          track: core
          phase: impact
        2024-04-01 note "n"
    """)
    assert codes(ledger) == [("E201", 2, 3)]
    role, note = ledger.entries
    assert (role.track, role.phase, note.text) == ("core", "impact", "n")


def test_an_indented_entry_with_a_bad_head_is_dropped_with_its_metadata():
    ledger = parse("""
        * Roles
          2024-03-01 rol "PM" at "Acme"
            track: core
    """)
    assert codes(ledger) == [("E201", 2, 3), ("E104", 2, 14)]
    assert ledger.entries == ()


def test_an_indented_entry_keeps_its_suppression_comment():
    ledger = parse("""
        2024-01-01 note "a"
          2024-03-01 note "b" ; careerledger: ignore drift
    """)
    assert codes(ledger) == [("E202", 2, 3)]
    assert ledger.suppressed == {(F, 2): frozenset({"drift"})}


# --- 5. metadata at column 0 is reported, and still read --------------------------------------------------


def test_unindented_metadata_gives_no_missing_key():
    # the bug: phase: under the broken line was dropped, and E204 said it was missing
    ledger = parse("""
        2024-01-01 role "PM" at "Acme"
        track: core
          phase: impact
          scale: "9 people"
    """)
    assert codes(ledger) == [("E101", 2, 1)]
    (role,) = ledger.entries
    assert (role.track, role.phase, role.scale) == ("core", "impact", "9 people")
    assert ledger.rejected == frozenset()  # its values are all there: it feeds the warnings


def test_several_unindented_lines_all_join_the_entry():
    ledger = parse("""
        2024-01-01 role "PM" at "Acme"
        track: core

        ; a comment
        phase: impact
        2024-02-01 note "next"
    """)
    assert codes(ledger) == [("E101", 2, 1), ("E101", 5, 1)]
    role, note = ledger.entries
    assert (role.track, role.phase, note.text) == ("core", "impact", "next")


def test_unindented_metadata_is_checked_like_indented_metadata():
    ledger = parse("""
        2024-01-01 role "PM" at "Acme"
        track: cor
        trak: core
          phase: impact
    """)
    # track: is there, if wrong: no E204 for it
    assert codes(ledger) == [("E101", 2, 1), ("E108", 2, 8), ("E101", 3, 1), ("E203", 3, 1)]


def test_a_line_that_is_not_metadata_still_ends_the_entry():
    # the metadata under a broken line is skipped, as before: it may belong to what the line was meant to be
    ledger = parse("""
        2024-01-01 role "PM" at "Acme"
          track: core
        role "Group PM" at "Acme"
          phase: impact
    """)
    assert codes(ledger) == [("E204", 1, 12), ("E101", 3, 1)]
    assert ledger.entries[0].track == "core"


def test_unindented_metadata_after_a_heading_skips_the_lines_under_it():
    ledger = parse("""
        * Roles
        track: core
          phase: impact
        2024-01-01 note "n"
    """)
    assert codes(ledger) == [("E101", 2, 1)]
    assert [e.text for e in ledger.entries] == ["n"]


def test_unindented_metadata_under_a_broken_head_is_dropped_quietly():
    ledger = parse("""
        2024-02-30 role "PM" at "Acme"
        track: core
          phase: impact
    """)
    assert codes(ledger) == [("E103", 1, 1), ("E101", 2, 1)]
    assert ledger.entries == ()


def test_items_keep_file_order_while_an_entry_waits_for_its_metadata():
    text = (
        '2024-01-01 note "a"\nx-k: 1\n  x-j: 2\noption "owner" "J"\n2024-01-02 note "b"\ninclude "x.career"\n'
        '2024-01-03 note "c"\nx-k: 3\n* h\n2024-01-04 note "d"\nx-k: 4'
    )
    items, problems = lines.parse(text, F)
    assert [(type(i).__name__, i.loc.line) for i in items] == [
        ("Note", 1), ("Option", 4), ("Note", 5), ("Include", 6), ("Note", 7), ("Note", 10)]
    assert [i.extra for i in items if isinstance(i, E.Note)] == [
        (("x-k", 1), ("x-j", 2)), (), (("x-k", 3),), (("x-k", 4),)]
    assert [(p.code, p.loc.line) for p in problems] == [("E101", 2), ("E101", 8), ("E101", 11)]
    assert isinstance(items[1], lines.Option)
    assert isinstance(items[3], lines.Include)


# --- 8. carriage returns ----------------------------------------------------------------------------------------


def test_one_cr_problem_per_line_at_its_first_lone_cr():
    ledger = parse('2024-01-01 note "a\r\rb"\r\n2024-01-02 note "c"\n  x-k: "\rd\r"\n', raw=True)
    assert codes(ledger) == [("E003", 1, 19), ("E003", 3, 9)]


def test_what_follows_a_lone_cr_on_its_line_is_not_reported():
    # "2024-01-02" after the CR would be "unexpected a date": noise; the problem before the CR is real
    ledger = parse('2024-01-01 nope "a"\r2024-01-02 note "b"\n2024-01-03 nope "c"\n', raw=True)
    assert codes(ledger) == [("E104", 1, 12), ("E003", 1, 20), ("E104", 2, 12)]


def test_lf_cr_line_endings_give_one_problem_per_line():
    ledger = parse('2024-01-01 note "a"\n\r  x-k: 1\n\r2024-01-02 note "b"\n', raw=True)
    assert codes(ledger) == [("E003", 2, 1), ("E003", 3, 1)]
    assert [e.text for e in ledger.entries] == ["a"]


def test_a_cr_inside_a_string_keeps_the_entry():
    ledger = parse('2024-01-01 note "a\rb"\n', raw=True)
    assert [e.text for e in ledger.entries] == ["a\rb"]


def test_a_classic_mac_file_is_not_read_further():
    ledger = parse('option "owner" "J"\r2024-01-01 nope "a"\r  x-k: 1\r', raw=True)
    assert codes(ledger) == [("E003", 1, 19)]
    assert (ledger.entries, ledger.options.owner) == ((), None)


def test_crlf_and_lf_files_have_no_cr_problem():
    assert parse('2024-01-01 note "a"\r\n  x-k: 1\r\n2024-01-02 note "b"\n', raw=True).problems == ()


def test_a_bom_does_not_shift_the_cr_column():
    assert codes(parse('\ufeff2024-01-01 note "a\rb"\n', raw=True)) == [("E003", 1, 19)]


def test_ten_megabytes_of_cr_are_one_problem_in_no_time():
    start = time.process_time()
    ledger = parse("\r" * 10_000_000, raw=True)
    assert codes(ledger) == [("E003", 1, 1)]
    ledger = parse("\r" * 10_000_000 + "\n", raw=True)  # one line: one problem
    assert codes(ledger) == [("E003", 1, 1)]
    assert time.process_time() - start < 5


def test_many_lines_with_lone_crs_cost_linear_time():
    start = time.process_time()
    ledger = parse("".join(f'2024-01-01 note "{i:05d}\r\r\r\r\r"\n' for i in range(50_000)), raw=True)
    assert time.process_time() - start < 10
    assert len(ledger.problems) == 50_000
    assert {(p.code, p.loc.col) for p in ledger.problems} == {("E003", 23)}
    assert len(ledger.entries) == 50_000
