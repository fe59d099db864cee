"""`careerledger add`: one entry from plain shell words, checked with the whole
ledger before it is written, placed in date order in the file's own style, and
no other byte changed (careerledger.authoring.append; docs/authoring.md)."""

import os
import re
import shlex
import stat
import subprocess
from datetime import date

import pytest
from conftest import COMMAND, DOCS, D, dedent, process, run
from hypothesis import given, settings
from hypothesis import strategies as st

from careerledger.authoring import append
from careerledger.core import schema as S
from careerledger.loader import load, load_string

# A ledger every kind of entry can be added to: what an outcome, a decision, a
# leave, a contract's in: and an update's for: name is there.
BASE = """\
option "owner" "Test"

2024-01-01 role "PM" at "Acme"
  track: core
  phase: impact
  why: "Growth"

2024-01-02 north-star "CPO"
  needs: #a

2024-01-03 bet "Pilot"

2024-01-04 opportunity "Offer"

2024-01-05 contract "Monthly"
  every: month
  in: "PM"
"""

DAY = "2024-06-01"
TEXT = 'Text with "quotes", a \\ backslash; and a #hash'  # every character a string must escape or keep
REFS = {  # what an argument or key names in BASE
    ("outcome", "bet"): "Pilot", ("decision", "opportunity"): "Offer", ("leave", "title"): "PM",
    ("leave", "at"): "Acme", ("contract", "in"): "PM", ("bet", "in"): "PM", ("update", "for"): "Monthly",
}


def _typed(keyword, name, type_):
    """What to type for an argument or key of a kind -> (the word, the value the loader gives)."""
    if (keyword, name) in REFS:
        return REFS[(keyword, name)], REFS[(keyword, name)]
    if isinstance(type_, tuple):
        return type_[0], type_[0]
    return {
        S.STRING: (TEXT, TEXT), S.TAG: ("topic", "topic"), S.TAGS: ("x #y", ("x", "y")),
        S.DATE: ("2025-01-01", D("2025-01-01")), S.COUNT: ("2", 2), S.SCORE: ("4", 4), S.YES: ("no", False),
        S.WORD: ("email", "email"),
    }[type_]


def _words(keyword):
    """The words of `careerledger add KEYWORD ...` with every argument and key
    of the kind -> (words, {field: the value the loader gives})."""
    kind = S.KINDS[keyword]
    words, fields = [], {}
    for arg in kind.args:
        if arg.field is None:
            words.append(arg.type)
            continue
        word, value = _typed(keyword, arg.field, arg.type)
        words.append(word)
        fields[arg.field] = value
    for key, spec in kind.keys.items():
        word, value = _typed(keyword, key, spec.type)
        words.append(f"{key}={word}")
        fields[spec.field] = value
    return words, fields


def without(new, placed_lines, old):
    """`new` minus the lines that were inserted: it must be `old` (as bytes)."""
    lines = new.split(b"\n")
    for line in placed_lines:
        lines.remove(line)
    return b"\n".join(lines)


def inserted(before, after):
    """The lines of `after` that are not in `before`, as a list (both are bytes;
    each line of `before` is in `after` in order)."""
    old, new = before.split(b"\n"), after.split(b"\n")
    out, i = [], 0
    for line in new:
        if i < len(old) and line == old[i]:
            i += 1
        else:
            out.append(line)
    assert i == len(old), "a line of the file changed"
    return out


# --- every kind of the schema ----------------------------------------------------------------


@pytest.mark.parametrize("keyword", list(S.KINDS))
def test_every_kind_with_all_its_metadata_is_added_and_reads_back(keyword, ledger_file):
    path = ledger_file(BASE)
    before = path.read_bytes()
    words, fields = _words(keyword)
    result = run("add", "-f", path, "-d", DAY, "-t", "t1", keyword, *words, "x-ref=1.5")
    assert result.exit_code == 0, result.stderr
    # the file is as it was, then a blank line and the entry (every entry of BASE is older)
    assert path.read_bytes() == before + b"\n" + result.stdout.encode()
    ledger = load(path)
    assert ledger.errors == ()
    [entry] = [e for e in ledger.entries if e.date == D(DAY)]
    assert S.keyword(entry) == keyword
    for field, value in fields.items():
        assert getattr(entry, field) == value, field
    assert entry.tags == {"t1"}
    assert entry.extra == (("x-ref", 1.5),)


def test_the_examples_of_the_brief(ledger_file):
    path = ledger_file(BASE)
    assert run("add", "-f", path, "-d", DAY, "update", "June learning summary", "to=VP Product",
               "covers=#retention").stdout == dedent('''
        2024-06-01 update "June learning summary"
          to: "VP Product"
          covers: #retention
        ''')
    assert run("add", "-f", path, "-d", DAY, "role", "Group PM", "at", "Acme", "track=core",
               "phase=impact").stdout == '2024-06-01 role "Group PM" at "Acme"\n  track: core\n  phase: impact\n'
    assert run("add", "-f", path, "-d", DAY, "home", "4", "note=Better").stdout == (
        '2024-06-01 home 4\n  note: "Better"\n')
    assert load(path).errors == ()


def test_an_argument_that_starts_with_a_dash_comes_after_two_dashes(ledger_file):
    path = ledger_file(BASE)
    assert run("add", "-f", path, "-d", DAY, "--", "note", "-5% churn").stdout == '2024-06-01 note "-5% churn"\n'


def test_a_literal_word_may_be_left_out(ledger_file):
    path = ledger_file(BASE)
    result = run("add", "-f", path, "-d", DAY, "role", "Group PM", "Acme", "track=core", "phase=impact")
    assert result.stdout.startswith('2024-06-01 role "Group PM" at "Acme"\n')


def test_values_are_converted_by_their_type():
    entry = append.build("update", ["Title", "to=Jo \"the\" \\ boss", "via=email", "covers=a #b  c",
                                    "for=Monthly"], "2024-06")
    assert entry.head == '2024-06 update "Title"'
    assert entry.metadata == (("to", '"Jo \\"the\\" \\\\ boss"'), ("via", "email"), ("covers", "#a #b #c"),
                              ("for", '"Monthly"'))
    assert entry.date == D("2024-06-01")
    contract = append.build("contract", ["Weekly", "every=week", "count=2", "until=2025-01"], "2024-06-01")
    assert contract.metadata == (("every", "week"), ("count", "2"), ("until", "2025-01"))


def test_x_keys_take_what_they_look_like():
    entry = append.build("note", ["n", "x-a=1", "x-b=-2.5", "x-c=3m", "x-d=2025-03", "x-e=l6", "x-f=Priya Nair",
                                  "x-g=#p #q", "x-h=", 'x-i="as typed"', "x-j=a;b"], "2024-06-01")
    assert dict(entry.metadata) == {"x-a": "1", "x-b": "-2.5", "x-c": "3m", "x-d": "2025-03", "x-e": "l6",
                                    "x-f": '"Priya Nair"', "x-g": "#p #q", "x-h": "", "x-i": '"as typed"',
                                    "x-j": '"a;b"'}
    text = "\n".join(entry.lines()) + "\n"
    [note] = load_string(text).entries
    assert dict(note.extra)["x-f"] == "Priya Nair"
    assert dict(note.extra)["x-h"] is None
    assert entry.lines()[-3] == "  x-h:"


def test_tags_from_words_and_options_once_each():
    entry = append.build("note", ["n", "#a", "#b #c"], "2024-06-01", tags=["#b", "d"])
    assert entry.head == '2024-06-01 note "n" #b #d #a #c'


def test_dates_of_the_day_and_of_a_month(ledger_file):
    path = ledger_file(BASE)
    assert run("add", "-f", path, "-d", "2024-07", "note", "m").stdout == '2024-07 note "m"\n'
    today = date.today()
    assert run("add", "-f", path, "note", "t").stdout == f'{today.isoformat()} note "t"\n'
    assert run("add", "-f", path, "-d", "Yesterday", "note", "y").stdout.startswith(
        date.fromordinal(today.toordinal() - 1).isoformat())
    bad = run("add", "-f", path, "-d", "2024-02-30", "note", "x")
    assert bad.exit_code == 2
    assert "'2024-02-30' is not a date" in bad.stderr


def test_the_default_file_is_the_one_careerledger_file_names(ledger_file, monkeypatch):
    path = ledger_file(BASE)
    monkeypatch.setenv("CAREERLEDGER_FILE", str(path))
    assert run("add", "-d", DAY, "note", "x").exit_code == 0
    assert path.read_text().endswith('\n2024-06-01 note "x"\n')
    monkeypatch.delenv("CAREERLEDGER_FILE")
    result = run("add", "note", "x")
    assert result.exit_code == 2
    assert "set CAREERLEDGER_FILE" in result.stderr


# --- what was typed wrong --------------------------------------------------------------------


@pytest.mark.parametrize(("words", "message"), [
    (["rol", "x"], "unknown kind of entry 'rol': did you mean 'role'?"),
    (["note"], "'note' needs its text: note \"text\""),
    (["role", "PM", "track=core"], "'role' needs its org: role \"title\" at \"org\""),
    (["outcome", "Pilot"], "'outcome' needs its result: outcome \"bet name\" success|failure|pivot|stopped"),
    (["note", "two", "words"], "unexpected 'words' after the arguments of 'note'"),
    (["note", "x", "colour=red"], "'note' has no 'colour:' metadata: 'note' takes no metadata (keys of your own"),
    (["home", "4", "notes=x"], "'home' has no 'notes:' metadata: did you mean 'note'?"),
    (["note", "x", "track:core"], "metadata is typed KEY=VALUE, such as track="),
    (["note", "line\nbreak"], "a value is one line"),
    (["role", "PM", "at", "Acme", "track=core;impact"], "track=: a value written bare cannot hold ';'"),
    (["note", "x", "x-a:b=1"], "'x-a:b' is no key of your own"),
])
def test_what_cannot_make_an_entry_is_a_usage_error_and_writes_nothing(words, message, ledger_file):
    path = ledger_file(BASE)
    result = run("add", "-f", path, *words)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert path.read_text() == BASE


def test_a_bad_value_is_the_parsers_error_on_the_would_be_line_and_nothing_is_written(ledger_file):
    path = ledger_file(BASE)
    before = path.read_bytes()
    result = run("add", "-f", path, "-d", DAY, "role", "Group PM", "at", "Acme", "track=Core")
    assert result.exit_code == 1
    assert result.stdout == ""
    # shown as check shows it, at the line the entry would have
    assert result.stderr == dedent(f'''
        {path}:19:12: E204 'role' needs 'phase:' metadata
         19 | 2024-06-01 role "Group PM" at "Acme"
            |            ^^^^
          hint: add an indented line under it:   phase: learning or impact

        {path}:20:10: E108 'Core' is not a value of 'track'
         20 |   track: Core
            |          ^^^^
          hint: did you mean 'core'?

        2 errors
        careerledger: nothing written: the entry would add 2 errors to the ledger
        ''')
    assert path.read_bytes() == before


@pytest.mark.parametrize(("words", "code"), [
    (["home", "7"], "E407"),
    (["skill", "Payments", "mastered"], "E106"),
    (["update", "u", "covers=a,b"], "E106"),
    (["contract", "c", "every=fortnight"], "E108"),
    (["contract", "c", "every=week", "until=2023-01-01"], "E412"),
    (["decision", "Nope", "take"], "E405"),
    (["leave", "CEO"], "E404"),
    (["bet", "Pilot"], "E409"),
    (["north-star", "x", "by=2024-13-01"], "E103"),
    (["note", "x", "x-t=#Bad"], "E107"),
])
def test_each_error_the_entry_would_bring_is_refused_with_its_code(words, code, ledger_file):
    path = ledger_file(BASE)
    before = path.read_bytes()
    result = run("add", "-f", path, "-d", DAY, *words)
    assert result.exit_code == 1
    assert f": {code} " in result.stderr
    assert path.read_bytes() == before


def test_an_error_the_entry_causes_elsewhere_is_refused_too(ledger_file):
    # a second outcome of the bet, dated before the one in the file, makes that one E402
    path = ledger_file(BASE + '\n2024-09-01 outcome "Pilot" success\n')
    before = path.read_bytes()
    result = run("add", "-f", path, "-d", DAY, "outcome", "Pilot", "failure")
    assert result.exit_code == 1
    assert f"{path}:21:1: E402 " in result.stderr  # the outcome of the file, on its line once the entry is in
    assert path.read_bytes() == before


def test_errors_the_ledger_already_has_do_not_stop_an_entry_that_adds_none(ledger_file):
    path = ledger_file(BASE + '\n2024-02-01 leave "Nobody"\n')
    result = run("add", "-f", path, "-d", DAY, "note", "fine")
    assert result.exit_code == 0
    assert "note: the ledger already has 1 error" in result.stderr
    assert [p.code for p in load(path).errors] == ["E404"]
    # one that adds another is still refused, and only the new one is shown
    result = run("add", "-f", path, "-d", DAY, "leave", "Nobody else")
    assert result.exit_code == 1
    assert result.stderr.count("E404") == 1
    assert "Nobody else" in result.stderr


def test_dry_run_prints_and_writes_nothing(ledger_file):
    path = ledger_file(BASE)
    result = run("add", "-f", path, "-d", DAY, "--dry-run", "note", "x")
    assert (result.exit_code, result.stdout) == (0, '2024-06-01 note "x"\n')
    assert f"the entry would go at {path}:19; nothing written" in result.stderr
    assert path.read_text() == BASE


# --- includes ----------------------------------------------------------------------------------


def test_an_outcome_closes_a_bet_of_an_included_file(ledger_file):
    ledger_file('2025-02-01 bet "Side project"\n  size: small\n', "years/2025.career")
    root = ledger_file(BASE + '\ninclude "years/*.career"\n')
    result = run("add", "-f", root, "-d", "2025-03-01", "outcome", "Side project", "success")
    assert result.exit_code == 0, result.stderr
    assert load(root).errors == ()
    # among the entries of the root, before its include line
    assert root.read_text().endswith('  in: "PM"\n\n2025-03-01 outcome "Side project" success\n\ninclude "years/*.career"\n')


def test_an_outcome_naming_no_bet_of_the_ledger_is_refused(ledger_file):
    ledger_file('2025-02-01 bet "Side project"\n', "years/2025.career")
    root = ledger_file(BASE + '\ninclude "years/*.career"\n')
    before = root.read_bytes()
    result = run("add", "-f", root, "-d", "2025-03-01", "outcome", "Side projekt", "success")
    assert result.exit_code == 1
    assert "E401" in result.stderr
    assert root.read_bytes() == before


def test_an_included_file_is_checked_with_its_includes_as_its_own_ledger(ledger_file):
    # adding to the included file: the bet of the root is not seen, so an outcome for it is E401
    inc = ledger_file('2025-02-01 bet "Side project"\n', "years/2025.career")
    ledger_file(BASE + '\ninclude "years/*.career"\n')
    assert run("add", "-f", inc, "-d", "2025-03-01", "outcome", "Side project", "success").exit_code == 0
    assert run("add", "-f", inc, "-d", "2025-03-01", "outcome", "Pilot", "success").exit_code == 1


# --- the file's style, and every other byte ---------------------------------------------------


def test_crlf_stays_crlf(ledger_file):
    path = ledger_file(BASE.replace("\n", "\r\n").encode())
    assert run("add", "-f", path, "-d", DAY, "home", "4", "note=ok").exit_code == 0
    data = path.read_bytes()
    assert data.endswith(b'\r\n\r\n2024-06-01 home 4\r\n  note: "ok"\r\n')
    assert data.count(b"\n") == data.count(b"\r\n")


def test_tab_indented_metadata_gets_tabs(ledger_file):
    path = ledger_file(BASE.replace("\n  ", "\n\t").encode())
    result = run("add", "-f", path, "-d", DAY, "home", "4", "note=ok")
    assert result.stdout == '2024-06-01 home 4\n\tnote: "ok"\n'
    assert path.read_text().endswith('\n\n2024-06-01 home 4\n\tnote: "ok"\n')


def test_the_most_common_indentation_wins():
    text = '2024-01-01 note "a"\n    x-a: 1\n    x-b: 2\n2024-01-02 note "b"\n  x-c: 3\n'
    assert append.style_of(text) == append.Style("\n", "    ", False)
    assert append.style_of("") == append.Style("\n", "  ", True)


def test_a_file_without_blank_lines_between_entries_gets_none(ledger_file):
    path = ledger_file('2024-01-01 note "a"\n  x-a: 1\n2024-03-01 note "c"\n')
    run("add", "-f", path, "-d", "2024-02-01", "note", "b", "x-b=2")
    assert path.read_text() == '2024-01-01 note "a"\n  x-a: 1\n2024-02-01 note "b"\n  x-b: 2\n2024-03-01 note "c"\n'


def test_a_file_without_a_final_newline_gets_one_before_the_entry(ledger_file):
    path = ledger_file(b'2024-01-01 note "a"')
    run("add", "-f", path, "-d", DAY, "note", "b")
    assert path.read_bytes() == b'2024-01-01 note "a"\n\n2024-06-01 note "b"\n'


def test_an_empty_file_and_a_file_of_options(ledger_file):
    empty = ledger_file(b"")
    run("add", "-f", empty, "-d", DAY, "note", "b")
    assert empty.read_bytes() == b'2024-06-01 note "b"\n'
    options = ledger_file(b'option "owner" "Me"\n', "options.career")
    run("add", "-f", options, "-d", DAY, "note", "b")
    assert options.read_bytes() == b'option "owner" "Me"\n\n2024-06-01 note "b"\n'


def test_a_byte_order_mark_is_kept(ledger_file):
    path = ledger_file('\ufeff2024-01-01 note "a"\n'.encode())
    run("add", "-f", path, "-d", DAY, "note", "b")
    assert path.read_bytes() == '\ufeff2024-01-01 note "a"\n\n2024-06-01 note "b"\n'.encode()


PLACES = """\
; the header
option "owner" "Me"

; introduces a
2024-01-01 note "a"
  x-a: 1
  ; an indented comment of a

  x-b: 2
; a comment right after a, so a's

; a comment of its own
2024-03-01 note "c"
  x-c: 1
; introduces d
2024-05-01 note "d"
* Later
2024-09-01 note "e"
"""


@pytest.mark.parametrize(("day", "after"), [
    ("2023-06-01", "; introduces a"),  # before the oldest, above the comments that introduce it
    ("2024-01-01", "; a comment right after a, so a's"),  # same day: after it
    ("2024-02-01", "; a comment right after a, so a's"),  # after a's metadata and its trailing comments
    ("2024-04-01", "  x-c: 1"),  # after c, before the comment that introduces d
    ("2024-06-01", '2024-05-01 note "d"'),  # before the heading
    ("2025-01-01", '2024-09-01 note "e"'),  # at the end
])
def test_the_entry_goes_after_the_last_entry_dated_on_or_before_it(day, after):
    placed = append.insert(PLACES, append.build("note", ["new"], day))
    lines = placed.text.split("\n")
    head = lines.index(f'{day} note "new"')
    assert placed.line == head + 1
    if day == "2023-06-01":
        assert lines[head + 1:head + 3] == ["", after]
        assert lines[head - 1] == ""
    else:
        assert lines[head - 2:head] == [after, ""]
    # every other line as it was
    assert [line for i, line in enumerate(lines) if not placed.start - 1 <= i < placed.start - 1 + placed.added] \
        == PLACES.split("\n")
    assert load_string(placed.text).errors == ()


def test_an_unsorted_file_gets_it_after_the_last_earlier_entry_in_file_order():
    text = '2024-05-01 note "b"\n\n2024-01-01 note "a"\n'
    placed = append.insert(text, append.build("note", ["c"], "2024-06-01"))
    assert placed.text == text + '\n2024-06-01 note "c"\n'


def test_every_byte_but_the_entry_is_kept(ledger_file):
    # odd spacing, trailing white space, comments, a CRLF line among LF ones
    text = ('; top  \n\noption "owner" "Me"   ; note\r\n2024-01-01   note   "a"  #x\n\t  x-a:1  \n\n\n'
            '2024-07-01 note "b" ; c\n   ; tail\n')
    path = ledger_file(text.encode())
    for day in ("2023-01-01", "2024-01-01", "2024-03-01", "2024-07-01", "2025-01-01"):
        before = path.read_bytes()
        result = run("add", "-f", path, "-d", day, "note", f"n{day}")
        assert result.exit_code == 0, result.stderr
        after = path.read_bytes()
        assert [line for line in inserted(before, after) if line] == [f'{day} note "n{day}"'.encode()]


LINES = [
    '2024-01-01 note "a"', '2024-03 note "b"', '2024-06-01 note "c"', '2025-01-01 note "d"', '2024-13-01 note "e"',
    "  x-a: 1", "\tx-b: 2", "    ; indented", "; column 0", "", "   ", "* Heading", 'option "home-every" "3m"',
    "x-c: 3", "not a line", "\ufeff; a mark",
]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\r\n"])), max_size=14),
       st.booleans(), st.sampled_from(["2023-01-01", "2024-01-01", "2024-02-01", "2024-06-01", "2026-01-01"]))
def test_any_file_less_the_inserted_lines_is_what_it_was_and_keeps_its_meaning(lines, ended, day):
    text = "".join(line + end for line, end in lines)
    if lines and not ended:
        text = text[: -len(lines[-1][1])]
    entry = append.build("note", ["new"], day)
    placed = append.insert(text, entry)
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # a byte order mark stays first
    assert placed.text.startswith(bom)
    new = placed.text[len(bom):].split("\n")
    assert new[placed.line - 1].rstrip("\r") == f'{day} note "new"'
    del new[placed.start - 1 : placed.start - 1 + placed.added]
    rest = bom + "\n".join(new)
    assert rest in (text, text + "\n", text + "\r\n")
    # no line changes meaning: the ledger has the errors it had, and the note
    before, after = load_string(text, "f.career"), load_string(placed.text, "f.career")
    assert append.added_errors(before, after, "f.career", placed) == []
    assert len(after.errors) == len(before.errors)
    assert len(after.entries) == len(before.entries) + 1


@pytest.mark.parametrize("name", ["jane.career", "ten-years.career", "managing-up.career"])
def test_the_examples_take_an_entry_on_any_day_in_date_order(name):
    from conftest import ROOT

    path = ROOT / "examples" / name
    text = path.read_text(encoding="utf-8")
    for day in ("2010-01-01", "2017-03-10", "2019-07-15", "2022-01-17", "2024-12-31", "2030-01-01"):
        placed = append.insert(text, append.build("note", ["new"], day))
        new = placed.text.split("\n")
        del new[placed.start - 1 : placed.start - 1 + placed.added]
        assert "\n".join(new) == text
        # after the last entry dated on or before it: every entry below is later (the files are not
        # all in date order: jane.career has its north stars above its roles)
        heads = [(n, line.split()[0]) for n, line in enumerate(placed.text.split("\n"), 1) if line[:1].isdigit()]
        above = [_day(d) for n, d in heads if n < placed.line]
        below = [_day(d) for n, d in heads if n > placed.line]
        assert all(d > D(day) for d in below), day
        if any(d <= D(day) for d in above + below):
            assert above[-1] <= D(day)
        assert append.check(str(path), text, placed)[0] == []


def _day(text):
    return D(text) if len(text) == 10 else D(text + "-01")


# --- the file itself ----------------------------------------------------------------------------


def test_a_symlink_is_followed_and_stays_a_link(ledger_file, tmp_path):
    target = ledger_file(BASE, "real/ledger.career")
    link = tmp_path / "link.career"
    link.symlink_to(target)
    assert run("add", "-f", link, "-d", DAY, "note", "x").exit_code == 0
    assert link.is_symlink()
    assert target.read_text().endswith('\n2024-06-01 note "x"\n')


def test_the_mode_is_kept(ledger_file):
    path = ledger_file(BASE)
    path.chmod(0o640)
    assert run("add", "-f", path, "-d", DAY, "note", "x").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_read_only_file_is_refused(ledger_file):
    path = ledger_file(BASE)
    path.chmod(0o444)
    result = run("add", "-f", path, "-d", DAY, "note", "x")
    assert result.exit_code == 1
    assert "the file is read-only" in result.stderr
    assert path.read_text() == BASE


def test_a_file_changed_while_checking_is_not_overwritten(ledger_file, monkeypatch):
    path = ledger_file(BASE)
    real_check = append.check

    def check_and_edit(*args):
        out = real_check(*args)
        with open(path, "a", encoding="utf-8") as f:
            f.write('\n2024-08-01 note "written meanwhile"\n')
        return out

    monkeypatch.setattr(append, "check", check_and_edit)
    result = run("add", "-f", path, "-d", DAY, "note", "x")
    assert result.exit_code == 1
    assert "changed while the entry was checked; nothing written" in result.stderr
    assert path.read_text() == BASE + '\n2024-08-01 note "written meanwhile"\n'


@pytest.mark.parametrize("what", ["fifo", "directory", "not-utf8", "unreadable", "stdin"])
def test_what_cannot_be_added_to_is_one_message_and_no_traceback(what, ledger_file, tmp_path, monkeypatch):
    path = tmp_path / "x.career"
    status = 1
    if what == "fifo":
        os.mkfifo(path)
        message = "it is not a regular file"
    elif what == "directory":
        path.mkdir()
        status, message = 2, "is a directory"
    elif what == "not-utf8":
        path.write_bytes(b'2024-01-01 note "caf\xe9"\n')
        message = "it is not valid UTF-8 (byte 0xe9 at offset 20)"
    elif what == "unreadable":
        path.write_text(BASE)
        real_open = os.open

        def no_read(file, *args, **kwargs):
            if os.fspath(file) == os.path.realpath(path):
                raise PermissionError(13, "Permission denied")
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(os, "open", no_read)
        message = "cannot read"
    else:
        path = "-"
        status, message = 2, "add writes to a file"
    result = run("add", "-f", path, "note", "x")
    assert result.exit_code == status
    assert message in result.stderr
    assert result.stdout == ""


# --- the installed command ----------------------------------------------------------------------


def test_the_installed_command_in_the_c_locale_and_piped(ledger_file):
    path = ledger_file(BASE)
    env = {**os.environ, "LC_ALL": "C", "COLUMNS": "80"}
    proc = process("add", "-f", path, "-d", DAY, "note", "Café, “quoted”", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b'2024-06-01 note "Caf')  # whatever the locale can show
    assert load(path).entries[-1].text == "Café, “quoted”"  # the file is UTF-8 whatever the locale
    bad = process("add", "-f", path, "-d", DAY, "home", "0", env=env, text=True)
    assert bad.returncode == 1
    assert "E407" in bad.stderr
    assert "Traceback" not in bad.stderr
    # a reader that stops at once: no traceback, and the entry is written
    piped = subprocess.run(f'"{COMMAND}" add -f "{path}" -d {DAY} note piped | true',
                           shell=True, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in piped.stderr
    assert path.read_text().endswith('2024-06-01 note "piped"\n')


# --- docs/authoring.md --------------------------------------------------------------------------


def test_the_examples_of_the_authoring_doc_are_real_runs(tmp_path, monkeypatch):
    # one story, in an empty folder shown as /home/jane: each console block runs in turn, and each
    # career block is the file as it then is (whole, or the lines it names)
    doc = (DOCS / "authoring.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("CAREERLEDGER_FILE", raising=False)
    here = os.getcwd()
    blocks = list(re.finditer(r"^```(console|career)\n(.*?)^```$", doc, re.M | re.S))
    assert len(blocks) >= 8
    status = None
    for m in blocks:
        if m[1] == "console":
            for chunk in re.split(r"^\$ ", m[2], flags=re.M)[1:]:
                command, _, shown = chunk.partition("\n")
                if command == "echo $?":
                    assert int(shown) == status
                    continue
                argv = shlex.split(command)
                assert argv[0] == "careerledger"
                result = run(*argv[1:])
                assert result.output.replace(here, "/home/jane").replace(str(tmp_path), "/home/jane") == shown, command
                status = result.exit_code
            continue
        before = doc[:m.start()].rstrip().rsplit("\n", 1)[-1]
        text = (tmp_path / "career.career").read_text(encoding="utf-8")
        lines = re.search(r"lines (\d+) to (\d+)", before)
        if lines:
            text = "\n".join(text.split("\n")[int(lines[1]) - 1:int(lines[2])]) + "\n"
        else:
            assert "as `init` wrote it" in before
        assert m[2] == text
