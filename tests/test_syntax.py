"""Syntax (careerledger.syntax): the text of one file -> typed entries, or
located problems.

The parser builds the right typed entry, field by field, for every kind: each
kind gets one test with every argument and metadata key it has, and a check
of the defaults the format promises. Then the line-level rules: comments,
headings, blank lines, dates, line endings, indentation, `x-` metadata,
strings and locations. Then the errors of a line (E003, E1xx, E2xx, E305, E407),
one malformed ledger per row of SYNTAX_ERRORS, and the recovery that reports
every broken line of a file in one run.
"""

from datetime import date

import pytest
from conftest import EXAMPLES, ROLE_META, ROOT, assert_one_problem, codes, only_entry, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from careerledger.core import entries as E
from careerledger.core.entries import Duration, Loc
from careerledger.core.schema import KINDS
from careerledger.loader import load_string

F = "test.career"


# --- one test per entry kind ------------------------------------------------


def test_north_star_all_fields():
    e = only_entry("""
        2024-01-15 north-star "Run a product org" #goal
          by: 2030-06-30
          needs: #strategy #hiring
    """)
    assert type(e) is E.NorthStar
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2024, 1, 15)
    assert e.vision == "Run a product org"
    assert e.by == date(2030, 6, 30)
    assert e.needs == ("strategy", "hiring")
    assert e.tags == frozenset({"goal"})
    assert e.extra == ()


def test_north_star_by_defaults_to_date_plus_five_years():
    e = only_entry('2024-01-15 north-star "Run a product org"\n')
    assert e.by == date(2029, 1, 15)
    assert e.needs == ()
    assert e.tags == frozenset()


def test_north_star_by_default_on_leap_day_is_clamped():
    # 2029 has no 29 February: five years after a leap day is the 28th.
    e = only_entry('2024-02-29 north-star "v"\n')
    assert e.by == date(2029, 2, 28)


def test_role_all_fields():
    e = only_entry("""
        2021-03-01 role "Senior PM, Checkout" at "Acme" #payments #b2c
          track: innovation
          phase: impact
          scale: "12M monthly buyers"
          why: "closer to the customer"
          side: yes
    """)
    assert type(e) is E.Role
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2021, 3, 1)
    assert e.title == "Senior PM, Checkout"
    assert e.org == "Acme"
    assert e.track == "innovation"
    assert e.phase == "impact"
    assert e.scale == "12M monthly buyers"
    assert e.why == "closer to the customer"
    assert e.side is True
    assert e.is_main is False  # a side role runs alongside the main one
    assert e.tags == frozenset({"payments", "b2c"})
    assert e.extra == ()


def test_role_defaults():
    e = only_entry("""
        2021-03-01 role "PM" at "Acme"
          track: core
          phase: learning
    """)
    assert (e.track, e.phase) == ("core", "learning")
    assert e.scale is None
    assert e.why is None
    assert e.side is False
    assert e.is_main is True
    assert e.tags == frozenset()


def test_role_side_no_is_false():
    e = only_entry("""
        2021-03-01 role "Advisor" at "Startup"
          track: core
          phase: impact
          side: no
    """)
    assert e.side is False


def test_leave_all_fields():
    ledger = parse("""
        2021-03-01 role "PM" at "Acme"
          track: core
          phase: impact
        2022-04-30 leave "PM" #sabbatical
          why: "travel"
    """)
    assert ledger.problems == ()
    e = ledger.entries[1]
    assert type(e) is E.Leave
    assert e.loc == Loc(F, 4, 1)
    assert e.date == date(2022, 4, 30)
    assert e.title == "PM"
    assert e.why == "travel"
    assert e.tags == frozenset({"sabbatical"})
    assert e.extra == ()


def test_bet_all_fields():
    e = only_entry("""
        2022-05-01 bet "Instant refunds" #payments
          size: small
          in: "Senior PM, Checkout"
          ask: "two engineers"
    """)
    assert type(e) is E.Bet
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2022, 5, 1)
    assert e.name == "Instant refunds"
    assert e.size == "small"
    assert e.in_role == "Senior PM, Checkout"
    assert e.ask == "two engineers"
    assert e.tags == frozenset({"payments"})


def test_bet_size_defaults_to_big():
    e = only_entry('2022-05-01 bet "Instant refunds"\n')
    assert e.size == "big"
    assert e.in_role is None
    assert e.ask is None


def test_outcome_all_fields():
    ledger = parse("""
        2022-05-01 bet "Instant refunds"
        2023-01-10 outcome "Instant refunds" pivot #lesson
          story: "users wanted partial refunds"
          lesson: "talk to support first"
    """)
    assert ledger.problems == ()
    e = ledger.entries[1]
    assert type(e) is E.Outcome
    assert e.loc == Loc(F, 2, 1)
    assert e.date == date(2023, 1, 10)
    assert e.bet == "Instant refunds"
    assert e.result == "pivot"
    assert e.story == "users wanted partial refunds"
    assert e.lesson == "talk to support first"
    assert e.tags == frozenset({"lesson"})


@pytest.mark.parametrize("result", ["success", "failure", "pivot", "stopped"])
def test_outcome_every_result(result):
    ledger = parse(f"""
        2022-05-01 bet "b"
        2023-01-10 outcome "b" {result}
    """)
    assert ledger.problems == ()
    assert ledger.entries[1].result == result


def test_skill_all_fields():
    e = only_entry("""
        2023-02-01 skill #sql proficient #data
          evidence: "wrote the churn model"
    """)
    assert type(e) is E.Skill
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 2, 1)
    assert e.skill == "sql"  # no '#'
    assert e.level == "proficient"
    assert e.evidence == "wrote the churn model"
    assert e.tags == frozenset({"data"})


@pytest.mark.parametrize("level", ["novice", "practicing", "proficient", "mastered"])
def test_skill_every_level(level):
    assert only_entry(f"2023-02-01 skill #board/governance {level}\n").level == level


def test_update_all_fields():
    e = only_entry("""
        2023-03-01 update "Q1 review" #marketing
          to: "leadership team"
          via: email
          covers: #checkout #refunds
    """)
    assert type(e) is E.Update
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 3, 1)
    assert e.title == "Q1 review"
    assert e.audience == "leadership team"
    assert e.via == "email"
    assert e.covers == ("checkout", "refunds")
    assert e.tags == frozenset({"marketing"})


def test_explained_all_fields():
    e = only_entry("""
        2023-03-02 explained #refund-flow #again
          to: "new support lead"
    """)
    assert type(e) is E.Explained
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 3, 2)
    assert e.topic == "refund-flow"
    assert e.audience == "new support lead"
    assert e.tags == frozenset({"again"})


def test_contract_all_fields():
    e = only_entry("""
        2023-01-01 contract "a post every week" #writing
          every: week
          count: 2
          with: "my manager"
          until: 2023-12-31
    """)
    assert type(e) is E.Contract
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 1, 1)
    assert e.text == "a post every week"
    assert e.every == "week"
    assert e.times == 2  # `count:`
    assert e.counterpart == "my manager"
    assert e.until == date(2023, 12, 31)
    assert e.tags == frozenset({"writing"})


def test_contract_count_defaults_to_one():
    e = only_entry("""
        2023-01-01 contract "a monthly summary"
          every: quarter
    """)
    assert e.every == "quarter"
    assert e.times == 1
    assert e.counterpart is None
    assert e.until is None


def test_feedback_all_fields():
    e = only_entry("""
        2023-04-01 feedback "too many slides" #presenting
          from: "CTO"
          tone: constructive
          action: "one-page memos"
    """)
    assert type(e) is E.Feedback
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 4, 1)
    assert e.text == "too many slides"
    assert e.giver == "CTO"
    assert e.tone == "constructive"
    assert e.action == "one-page memos"
    assert e.tags == frozenset({"presenting"})


def test_listen_all_fields():
    e = only_entry("""
        2023-05-02 listen "Head of Support" #landing
          heard: "refunds take 9 days"
    """)
    assert type(e) is E.Listen
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 5, 2)
    assert e.who == "Head of Support"
    assert e.heard == "refunds take 9 days"
    assert e.tags == frozenset({"landing"})


def test_sotu_all_fields():
    e = only_entry('2023-05-30 sotu "State of Checkout" #landing\n')
    assert type(e) is E.Sotu
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 5, 30)
    assert e.title == "State of Checkout"
    assert e.tags == frozenset({"landing"})
    assert e.extra == ()


def test_align_all_fields():
    e = only_entry("""
        2023-06-20 align "fix refunds before growth" #landing
          with: "VP Product"
    """)
    assert type(e) is E.Align
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 6, 20)
    assert e.text == "fix refunds before growth"
    assert e.counterpart == "VP Product"
    assert e.tags == frozenset({"landing"})


def test_win_all_fields():
    e = only_entry("""
        2023-07-15 win "refunds in 2 days" #landing
          impact: "-40% support tickets"
    """)
    assert type(e) is E.Win
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2023, 7, 15)
    assert e.text == "refunds in 2 days"
    assert e.impact == "-40% support tickets"
    assert e.tags == frozenset({"landing"})


def test_opportunity_all_fields():
    e = only_entry("""
        2024-01-05 opportunity "Head of Payments" #offer
          track: innovation
          phase: learning
          builds: #strategy #hiring
          at: "Globex"
    """)
    assert type(e) is E.Opportunity
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2024, 1, 5)
    assert e.name == "Head of Payments"
    assert e.track == "innovation"
    assert e.phase == "learning"
    assert e.builds == ("strategy", "hiring")
    assert e.org == "Globex"
    assert e.tags == frozenset({"offer"})


def test_opportunity_defaults_are_empty():
    e = only_entry('2024-01-05 opportunity "Head of Payments"\n')
    assert (e.track, e.phase, e.builds, e.org) == (None, None, (), None)


def test_decision_all_fields():
    ledger = parse("""
        2024-01-05 opportunity "Head of Payments"
        2024-01-20 decision "Head of Payments" decline #offer
          why: "no innovation track"
    """)
    assert ledger.problems == ()
    e = ledger.entries[1]
    assert type(e) is E.Decision
    assert e.loc == Loc(F, 2, 1)
    assert e.date == date(2024, 1, 20)
    assert e.opportunity == "Head of Payments"
    assert e.choice == "decline"
    assert e.why == "no innovation track"
    assert e.tags == frozenset({"offer"})


def test_home_all_fields():
    e = only_entry("""
        2024-02-01 home 4 #family
          note: "less travel"
    """)
    assert type(e) is E.Home
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2024, 2, 1)
    assert e.score == 4
    assert type(e.score) is int
    assert e.note == "less travel"
    assert e.tags == frozenset({"family"})


@pytest.mark.parametrize("score", [1, 5])
def test_home_score_bounds_are_allowed(score):
    assert only_entry(f"2024-02-01 home {score}\n").score == score


def test_note_all_fields():
    e = only_entry('2024-03-01 note "promoted to Group PM" #promotion #milestone\n')
    assert type(e) is E.Note
    assert e.loc == Loc(F, 1, 1)
    assert e.date == date(2024, 3, 1)
    assert e.text == "promoted to Group PM"
    assert e.tags == frozenset({"promotion", "milestone"})
    assert e.extra == ()


def test_every_kind_has_a_test_above():
    # A new kind added to the schema must get its own parse test here.
    tested = {
        "north-star", "role", "leave", "bet", "outcome", "skill", "update", "explained",
        "contract", "feedback", "listen", "sotu", "align", "win", "opportunity",
        "decision", "home", "note",
    }
    assert set(KINDS) == tested


# --- comments ----------------------------------------------------------------


def test_comment_after_values_is_dropped():
    e = only_entry("""
        2021-03-01 role "PM" at "Acme" #payments ; my first PM job
          track: core ; the main business
          phase: impact;no space before it
    """)
    assert e.tags == frozenset({"payments"})
    assert e.track == "core"
    assert e.phase == "impact"


def test_semicolon_inside_a_string_is_kept():
    e = only_entry("""
        2024-03-01 note "a; b ; c" ; but this goes
          x-why: "x ; y" ; and this
    """)
    assert e.text == "a; b ; c"
    assert e.extra == (("x-why", "x ; y"),)


def test_comment_lines_at_column_zero_and_indented():
    ledger = parse("""
        ; Jane Doe's career ledger
        ;; a double comment
        2024-03-01 note "a"
          ; an indented comment inside the entry
        ; a column-0 comment inside the entry
          x-k: 1
    """)
    assert ledger.problems == ()
    assert [e.extra for e in ledger.entries] == [(("x-k", 1),)]


def test_directives_accept_a_trailing_comment():
    ledger = parse("""
        option "owner" "Jane Doe" ; me
    """)
    assert ledger.problems == ()
    assert ledger.options.owner == "Jane Doe"


# --- headings, blank lines, entry boundaries --------------------------------


def test_heading_ends_an_entry():
    ledger = parse("""
        2024-03-01 note "a"
        * Roles
          x-k: 1
    """)
    # the metadata after the heading belongs to no entry
    assert codes(ledger) == [("E201", 3, 3)]
    assert ledger.entries[0].extra == ()


def test_headings_are_ignored():
    ledger = parse("""
        * Roles
        ** Sub-heading with "quotes" and ; and #tags
        *
        2024-03-01 note "a"
    """)
    assert ledger.problems == ()
    assert [type(e) for e in ledger.entries] == [E.Note]


def test_blank_lines_inside_an_entry_keep_its_metadata():
    e = only_entry("""
        2021-03-01 role "PM" at "Acme"

          track: core


          phase: impact
    """)
    assert (e.track, e.phase) == ("core", "impact")


def test_whitespace_only_lines_are_blank():
    e = only_entry('2024-03-01 note "a"\n   \n\t\n  x-k: 1\n', raw=True)
    assert e.extra == (("x-k", 1),)


def test_next_dated_line_ends_the_entry():
    ledger = parse("""
        2024-03-01 note "a"
          x-k: 1
        2024-03-02 note "b"
          x-k: 2
    """)
    assert ledger.problems == ()
    assert [(e.text, e.extra) for e in ledger.entries] == [("a", (("x-k", 1),)), ("b", (("x-k", 2),))]


def test_empty_text_is_an_empty_ledger():
    for text in ("", "\n", "\n\n\n", "; only a comment\n", "* only a heading"):
        ledger = parse(text, raw=True)
        assert (ledger.entries, ledger.problems) == ((), ()), repr(text)


# --- dates ---------------------------------------------------------------------


def test_partial_date_counts_as_the_first():
    e = only_entry('2016-09 note "started"\n')
    assert e.date == date(2016, 9, 1)


def test_partial_date_in_metadata():
    e = only_entry("""
        2016-09 contract "c"
          every: month
          until: 2017-03
    """)
    assert e.until == date(2017, 3, 1)


def test_leap_day_is_a_date():
    assert only_entry('2024-02-29 note "leap"\n').date == date(2024, 2, 29)


# --- line endings, encoding marks, indentation ------------------------------


def test_crlf_line_endings():
    text = '2021-03-01 role "PM" at "Acme" #p\r\n  track: core\r\n  phase: impact\r\n\r\n2021-04-01 note "n"\r\n'
    ledger = parse(text, raw=True)
    assert ledger.problems == ()
    role, note = ledger.entries
    assert (role.title, role.org, role.track, role.phase, role.tags) == ("PM", "Acme", "core", "impact", frozenset({"p"}))
    assert note.text == "n"
    assert note.loc.line == 5


def test_crlf_error_lines_and_columns():
    ledger = parse('2024-01-01 note "a"\r\n\r\n  tone: x\r\n', raw=True)
    assert codes(ledger) == [("E203", 3, 3)]


def test_a_lone_cr_is_not_a_line_ending():
    # lines are counted by LF: the CR is reported inside line 1, and line 2 is the next LF line
    ledger = parse('2024-01-01 note "a"\r  x-k: 1\n2024-01-02 nope "b"\n', raw=True)
    assert codes(ledger) == [("E003", 1, 20), ("E104", 2, 12)]


def test_utf8_bom_is_accepted():
    e = only_entry('\ufeff2024-03-01 note "a"\n', raw=True)
    assert e.date == date(2024, 3, 1)
    assert e.loc == Loc(F, 1, 1)


def test_bom_does_not_shift_columns():
    ledger = parse('\ufeff2024-03-01 nope "a"\n', raw=True)
    assert codes(ledger) == [("E104", 1, 12)]


def test_no_trailing_newline():
    ledger = parse('2024-03-01 note "a"\n  x-k: 1', raw=True)
    assert ledger.problems == ()
    assert ledger.entries[0].extra == (("x-k", 1),)


def test_no_trailing_newline_after_a_heading_or_directive():
    assert parse('* heading', raw=True).problems == ()
    assert parse('option "owner" "J"', raw=True).options.owner == "J"


def test_tabs_as_indentation_and_separators():
    e = only_entry('2021-03-01\trole\t"PM"\tat\t"Acme"\t#p\n\ttrack:\tcore\n \t phase: impact\n', raw=True)
    assert (e.title, e.org, e.track, e.phase, e.tags) == ("PM", "Acme", "core", "impact", frozenset({"p"}))


def test_extra_spaces_between_tokens():
    e = only_entry('2021-03-01   role   "PM"   at   "Acme"\n      track   :   core\n  phase:impact\n', raw=True)
    assert (e.title, e.org, e.track, e.phase) == ("PM", "Acme", "core", "impact")


# --- x- metadata ---------------------------------------------------------------


def test_x_keys_of_every_value_kind():
    e = only_entry("""
        2024-03-01 note "a"
          x-string: "hello, world"
          x-int: 3
          x-decimal: 4.5
          x-negative: -2
          x-date: 2024-02-29
          x-month: 2016-09
          x-duration: 18m
          x-word: remote
          x-tags: #one #two/three
          x-tag: #solo
          x-empty:
    """)
    assert e.extra == (
        ("x-string", "hello, world"),
        ("x-int", 3),
        ("x-decimal", 4.5),
        ("x-negative", -2),
        ("x-date", date(2024, 2, 29)),
        ("x-month", date(2016, 9, 1)),
        ("x-duration", Duration(18, "m")),
        ("x-word", "remote"),
        ("x-tags", ("one", "two/three")),
        ("x-tag", ("solo",)),
        ("x-empty", None),
    )
    # the types, not just equality (3 == 3.0)
    values = dict(e.extra)
    assert type(values["x-int"]) is int
    assert type(values["x-decimal"]) is float


def test_x_keys_allowed_on_every_kind_even_without_metadata():
    e = only_entry("""
        2023-05-30 sotu "State of Checkout"
          x-link: "https://wiki/sotu"
    """)
    assert e.extra == (("x-link", "https://wiki/sotu"),)


def test_x_keys_keep_file_order_alongside_schema_keys():
    e = only_entry("""
        2021-03-01 role "PM" at "Acme"
          x-b: 2
          track: core
          x-a: 1
          phase: impact
    """)
    assert e.extra == (("x-b", 2), ("x-a", 1))
    assert (e.track, e.phase) == ("core", "impact")


# --- strings -------------------------------------------------------------------


def test_string_escapes():
    e = only_entry(r"""
        2024-03-01 note "she said \"ship it\" \\ then left" #quote
          x-path: "C:\\Users\\jane"
    """)
    assert e.text == 'she said "ship it" \\ then left'
    assert e.extra == (("x-path", "C:\\Users\\jane"),)
    assert e.tags == frozenset({"quote"})


def test_escaped_backslash_before_closing_quote():
    e = only_entry(r'2024-03-01 note "ends with \\" #t' + "\n")
    assert e.text == "ends with \\"
    assert e.tags == frozenset({"t"})


def test_unicode_in_strings():
    e = only_entry("""
        2021-03-01 role "Directrice Produit — Paiements" at "Société Générale 🇫🇷"
          track: core
          phase: impact
          why: "日本語も大丈夫"
    """)
    assert e.title == "Directrice Produit — Paiements"
    assert e.org == "Société Générale 🇫🇷"
    assert e.why == "日本語も大丈夫"


def test_unicode_does_not_shift_columns():
    # Columns count characters, not bytes: é and 🎉 are one column each.
    ledger = parse('2024-03-01 note "é🎉" nope\n')
    assert codes(ledger) == [("E105", 1, 22)]


def test_empty_string_is_a_string():
    assert only_entry('2024-03-01 note ""\n').text == ""


def test_hash_inside_a_string_is_not_a_tag():
    e = only_entry('2024-03-01 note "#notatag" #tag\n')
    assert e.text == "#notatag"
    assert e.tags == frozenset({"tag"})


# --- tags ----------------------------------------------------------------------


def test_tag_characters():
    e = only_entry('2024-03-01 note "a" #zero-to-one #board/governance #a_b #2024\n')
    assert e.tags == frozenset({"zero-to-one", "board/governance", "a_b", "2024"})


def test_repeated_tag_is_one_tag():
    assert only_entry('2024-03-01 note "a" #x #x\n').tags == frozenset({"x"})


# --- locations -------------------------------------------------------------------


def test_loc_line_numbers_skip_comments_blanks_headings_and_metadata():
    ledger = parse("""
        ; header comment
        option "owner" "Jane"

        * Section
        2021-03-01 role "PM" at "Acme"
          track: core

          phase: impact
        ; between
        2021-04-01 note "one"
          x-k: 1
        2021-05-01 note "two"
    """, filename="jane.career")
    assert ledger.problems == ()
    assert [e.loc for e in ledger.entries] == [
        Loc("jane.career", 5, 1), Loc("jane.career", 10, 1), Loc("jane.career", 12, 1),
    ]


def test_loc_line_numbers_after_a_syntax_error():
    # error recovery re-parses the rest of the file; lines must not shift
    ledger = parse("""
        2024-03-01 note "a"
        not a line
        2024-03-02 note "b"
        again not
          x-orphan: 1
        2024-03-03 note "c"
          bad: 1
    """)
    assert [e.loc.line for e in ledger.entries] == [1, 3, 6]
    assert codes(ledger) == [("E101", 2, 1), ("E101", 4, 1), ("E203", 7, 3)]


# --- the errors of a line: one malformed ledger per row -------------------------------
# (id, text, code, line, col, hint fragment or None). Each row is written to have
# exactly one problem: its code, line and column (the first character the caret
# underlines) and, when given, a fragment of its hint. The errors found while
# loading (options, includes, suppressions) are in test_load.py, those of the
# whole ledger in test_consistency.py.

SYNTAX_ERRORS = [
    # --- E003 a carriage return (CR) that ends no line ---------------------------------
    ("cr-lone-inside-a-line", '2024-01-01 note "a"\r2024-01-02 note "b"\n', "E003", 1, 20, "LF (or CRLF)"),
    ("cr-lone-in-a-string", '2024-01-01 note "a"\n2024-01-02 note "b\rc"\n', "E003", 2, 19, None),
    ("cr-classic-mac-file", '2024-01-01 note "a"\r2024-01-02 note "b"\r', "E003", 1, 20, "LF (or CRLF)"),
    # --- E101 syntax: a line that is nothing ------------------------------------
    ("syntax-stray-words", "hello world\n", "E101", 1, 1, "a line is an entry"),
    ("syntax-keyword-without-date", 'role "PM" at "Acme"\n' + ROLE_META, "E101", 1, 1,
     'an entry starts with its date: 2024-01-31 role "title" at "org"'),
    ("syntax-option-typo", 'options "owner" "Jane"\n', "E101", 1, 1, "did you mean 'option'?"),
    ("syntax-include-typo", 'inclde "2024.career"\n', "E101", 1, 1, "did you mean 'include'?"),
    ("syntax-capitalised-directive", 'Option "owner" "Jane"\n', "E101", 1, 1, "did you mean 'option'?"),
    ("syntax-line-inside-entry", '2024-01-01 note "a"\n?? what\n', "E101", 2, 1, None),
    ("syntax-nul-line", '2024-01-01 note "a"\n\x00\n', "E101", 2, 1, None),
    ("syntax-unindented-metadata", '2024-01-01 note "a"\nx-k: 1\n', "E101", 2, 1, "indent it:   x-k: 1"),
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
    ("tag-uppercase", '2024-01-01 note "a" #Payments\n', "E106", 1, 21, "did you mean #payments?"),
    ("tag-uppercase-skill", "2024-01-01 skill #SQL mastered\n", "E106", 1, 18, None),
    ("tag-dot", '2024-01-01 note "a" #a.b\n', "E106", 1, 21, None),
    ("tag-uppercase-meta", '2024-01-01 update "u"\n  covers: #ok #NotOk\n', "E106", 2, 15, None),
    # a ; inside a string starts no comment, so no suppression is read from it
    ("suppress-inside-string-is-text",
     '2024-01-01 note "tip ; careerledger: ignore drifts" #x #Y\n', "E106", 1, 56, None),
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
    # bare words are lowercase; a capitalised one is text that wants quotes
    ("word-capitalised-via", '2024-01-01 update "Summary"\n  via: Email\n', "E107", 2, 8, None),
    ("word-capitalised-extra", '2024-01-01 note "a"\n  x-w: Something\n', "E107", 2, 8, None),
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
    ("orphan-indented-entry", '* Notes\n  2024-01-01 note "a"\n', "E201", 2, 3, "remove the spaces before 2024-01-01"),
    # --- E202 metadata shape ------------------------------------------------------------------------
    ("meta-no-colon", '2024-01-01 note "a"\n  just some text\n', "E202", 2, 3, "is metadata"),
    ("meta-no-key", '2024-01-01 note "a"\n  : value\n', "E202", 2, 3, None),
    ("meta-quoted-key", '2024-01-01 note "a"\n  "k": value\n', "E202", 2, 3, None),
    ("meta-indented-entry", '2024-01-01 note "a"\n  2024-01-02 note "b"\n', "E202", 2, 3, "an entry starts at column 0"),
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
    # --- E305 the shape of a directive ----------------------------------------------------------------------
    ("option-one-string", 'option "owner"\n', "E305", 1, 16, 'option "key" "value"'),
    ("option-unquoted-key", 'option owner "Jane"\n', "E305", 1, 8, None),
    ("option-three-strings", 'option "owner" "Jane" "Doe"\n', "E305", 1, 23, None),
    ("include-nothing", "include\n", "E305", 1, 9, 'include "path"'),
    ("include-unquoted", "include 2024.career\n", "E305", 1, 9, None),
    ("include-two-paths", 'include "a.career" "b.career"\n', "E305", 1, 20, None),
    # --- E407 a home score, checked as the value is read ------------------------------------------------------
    ("home-zero", "2024-01-01 home 0\n", "E407", 1, 17, None),
    ("home-six", "2024-01-01 home 6\n", "E407", 1, 17, None),
    ("home-negative", "2024-01-01 home -1\n", "E407", 1, 17, None),
]


@pytest.mark.parametrize(("text", "code", "line", "col", "hint"), [r[1:] for r in SYNTAX_ERRORS],
                         ids=[r[0] for r in SYNTAX_ERRORS])
def test_syntax_error(text, code, line, col, hint):
    assert_one_problem(text, code, line, col, hint)


# --- details of some rows ------------------------------------------------------


def test_did_you_mean_names_the_keyword_in_the_message():
    (p,) = parse('2024-01-01 nope "a"\n').problems
    assert p.message == "unknown keyword 'nope'"
    assert p.length == len("nope")


def test_bad_date_caret_covers_the_whole_date():
    (p,) = parse('2024-01-01 contract "c"\n  every: month\n  until: 2024-02-30\n').problems
    assert p.length == len("2024-02-30")


def test_missing_required_keys_are_all_reported():
    ledger = parse('2024-01-01 role "PM" at "Acme"\n')
    assert [(p.code, p.loc.line, p.loc.col) for p in ledger.problems] == [("E204", 1, 12), ("E204", 1, 12)]
    assert [p.message for p in ledger.problems] == ["'role' needs 'track:' metadata", "'role' needs 'phase:' metadata"]


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
    assert (e.every, e.times, e.counterpart) == ("week", 1, "manager")


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


# --- several errors in one file: each broken line is reported, the rest is read -----------


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


# --- the calendar's edges --------------------------------------------------------------------------


def test_a_north_star_of_9999_gets_the_last_day_as_its_horizon():
    ledger = load_string('9999-01-01 north-star "x"\n')
    assert ledger.problems == ()
    assert ledger.entries[0].by == date(9999, 12, 31)


# --- the scan is Lark's parse of the grammar ---------------------------------------------------


def _scanned(text):
    """(terminal, line, text) of each token syntax/lines.py hands on."""
    from careerledger.syntax import lines as L

    found = []

    class Recorder:
        def __getattr__(self, rule):
            terminal = {v: k for k, v in L.RULES.items()}[rule]
            return lambda line, value: found.append((terminal, line, value))

    L._scan(text, Recorder())
    return found


def _lark_tokens(text):
    lark = pytest.importorskip("lark")
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    parser = lark.Lark(grammar, parser="lalr", lexer="basic")
    parser.parse(text)  # the grammar accepts every text: any line is some token
    return [(t.type, t.line, str(t)) for t in parser.lex(text)]


ODD = [
    "", "\n", "2024-01-01 note \"a\"\n  x: 1\n\n; c\n  y: 2\n* H\n  z: 3\n",
    "option \"owner\" \"A\"\ninclude \"b.career\"\noptional\nincluded\n",
    "\t2024-01-01 role\n   \n;\n\r\nx\r\n2024\n2024-13-45 rol \"x\"\r\n",
    "  indented\n*\n**\n\x0c\n\u00a0\n日本語\n",
]


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in EXAMPLES] + ODD)
def test_the_scan_hands_on_exactly_the_tokens_lark_parses(text):
    text = text if text.endswith("\n") else text + "\n"
    assert _scanned(text) == _lark_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2024-01-01 note \"a\"", "  k: v", "", ";c", "  ;c", "* h", "option x",
                                 "include y", "x", "\t", " 2024-01-01 bet \"b\"", "\r", "2"]), max_size=30))
def test_the_scan_agrees_with_lark_on_any_mix_of_lines(parts):
    text = "\n".join(parts) + "\n"
    assert _scanned(text) == _lark_tokens(text)


# --- the fast paths read what the general path reads ----------------------------

_PIECES = [
    "2024-01-31", "2024-02-30", "2024-01", "0000-01-01", "٢٠٢٤-01-01", "note", "role", "at", "skill", "outcome",
    "decision", "home", "explained", "north-star", "bet", "notes", '"A"', '"Senior PM"', '""', '"a;b"', '"a\\"b"',
    '"open', "“curly”", "'single'", "#tag", "#a/b", "#Bad", "#", "#a,#b", "mastered", "success", "pivoted",
    "decline", "4", "04", "6", "4.0", "-1", "x", ";", "; careerledger: ignore W201", "3y",
]
_GAPS = [" ", "  ", "\t", "", "\u00a0", "\x0b"]


def _heads():
    for path in EXAMPLES:
        for text in path.read_text(encoding="utf-8").splitlines():
            if text[:1].isdigit():
                yield text


def _both_heads(text):
    from careerledger.syntax import entry as B
    from careerledger.syntax.values import Bad

    plain = B._plain_head(text)
    try:
        general = B._head("f.career", 1, text)
    except Bad as bad:
        general = bad.problem
    return plain, general


@pytest.mark.parametrize("text", sorted(set(_heads())))
def test_plain_head_lines_of_the_examples_are_read_at_once_and_alike(text):
    plain, general = _both_heads(text)
    if "\\" not in text and "  " not in text:
        assert plain is not None, text  # the examples are plain: the fast path takes them
    if plain is not None:
        assert plain == general


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_PIECES)), min_size=1, max_size=8),
       st.sampled_from(["2024-01-31 ", "2024-01-31\t", "2024-13-01 ", "2024-01-31"]), st.sampled_from(_GAPS))
def test_any_head_line_the_fast_path_reads_it_reads_as_the_general_path(parts, start, end):
    text = start + "".join(gap + piece for gap, piece in parts).lstrip(" \t") + end
    plain, general = _both_heads(text)
    if plain is not None:
        assert plain == general, text


_VALUES = ['"A"', '"a b"', '""', '"a\\"b"', "core", "innovation", "nope", "yes", "no", "Core", "a1-b", "#t",
           "#t #u", "#t\t#u", "#t #t", "#T", "#t,#u", "2024-01-01", "2024-01", "2024-02-30", "0000-01-01",
           "٢٠٢٤-01-01", "2024-01-01 #t", "3y", "4", "0", "6", "04", "12", "1.5", "-1", "+2", "1" * 19, "٣",
           "“x”", "'x'", '"open']


@pytest.mark.parametrize("keyword", sorted(KINDS))
def test_any_metadata_line_the_fast_path_reads_it_reads_as_the_general_path(keyword):
    # Every key of the kind (and an x- key, and none) with every value: a
    # trailing comment takes a line off the fast path, which reads a value
    # alone on its line, and the comment itself is dropped by either path.
    from careerledger.syntax.entry import _metadata

    def read(line):
        fields, problems = {}, []
        seen = _metadata("f.career", keyword, KINDS[keyword], [(2, line)], fields, problems)
        return fields, problems, seen

    for key in [*KINDS[keyword].keys, "x-a", "x-", "nokey"]:
        for value in _VALUES:
            for end in ("", " ", "\t"):
                line = f"  {key}: {value}{end}"
                assert read(line) == read(line + " ; c"), line
