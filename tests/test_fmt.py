"""`careerledger fmt` and careerledger.authoring.layout: the canonical layout of
docs/format.md ("Canonical layout"), the token guard that lets only white space
change, and the command around it (--check, --diff, -, errors, files left alone)."""

import os
import re
import shutil
import stat
import subprocess
import sys

import pytest
from conftest import COMMAND, DOCS, EXAMPLES, ROOT, process, run
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import ledger as generated_ledger

from careerledger.authoring import layout
from careerledger.authoring.layout import LayoutError, format_text, lay_out, token_stream, unified_diff
from careerledger.core.entries import Loc
from careerledger.syntax.lines import parse
from careerledger.syntax.tokens import tokens

# --- the layout ---------------------------------------------------------------------------------

# Everything the layout fixes at once: a BOM and CRLF endings (both kept), blank lines at the
# start, in runs and at the end, trailing white space, tabs, odd spacing and indentation, a
# string touching its neighbour, `key:value` and `key :  value`, comment lines inside an entry
# and after it, trailing comments (sloppy, spaced out by hand, in a run), and a `;` in a string.
MESSY = (
    "\ufeff\r\n"
    "\r\n"
    "; Jane's ledger   \r\n"
    "option  \"owner\"\t\"Jane Doe\"\r\n"
    "option \"swing-every\"\"3y\"   ;  a string touching a string\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "*  Roles   \t\r\n"
    "   \r\n"
    "2024-03-01   role\"Group PM\"  at \"Acme\"   #payments   #lead ; since March\r\n"
    "\ttrack:core\r\n"
    "; a comment at column 0 between metadata\r\n"
    "    phase :   impact ; one space\r\n"
    "  scale: \"3 squads\"        ; spaced out by hand\r\n"
    "  why:\"Closer to the money; not a comment\"   \r\n"
    "\r\n"
    "\r\n"
    " \tx-team:   #a   #b\r\n"
    "  x-empty:   \r\n"
    "  ; after the last metadata line\r\n"
    "2024-04-01 bet \"Refunds\" ; careerledger: ignore early-ask\r\n"
    "        size: small\r\n"
    "\t\t\r\n"
    "\t\r\n"
)
CANONICAL = (
    "\ufeff; Jane's ledger\r\n"
    "option \"owner\" \"Jane Doe\"\r\n"
    "option \"swing-every\" \"3y\"  ;  a string touching a string\r\n"
    "\r\n"
    "*  Roles\r\n"
    "\r\n"
    "2024-03-01 role \"Group PM\" at \"Acme\" #payments #lead  ; since March\r\n"
    "  track: core\r\n"
    "  ; a comment at column 0 between metadata\r\n"
    "  phase: impact            ; one space\r\n"
    "  scale: \"3 squads\"        ; spaced out by hand\r\n"
    "  why: \"Closer to the money; not a comment\"\r\n"
    "\r\n"
    "  x-team: #a #b\r\n"
    "  x-empty:\r\n"
    "; after the last metadata line\r\n"
    "2024-04-01 bet \"Refunds\"  ; careerledger: ignore early-ask\r\n"
    "  size: small\r\n"
)


def test_a_messy_ledger_formats_to_exactly_the_documented_layout():
    assert format_text(MESSY) == CANONICAL
    assert format_text(CANONICAL) == CANONICAL
    assert token_stream(MESSY) == token_stream(CANONICAL)
    assert _meaning(MESSY) == _meaning(CANONICAL)


def _meaning(text):
    """What the parser reads from `text`, without the places it read it at."""
    items, problems = parse(text, "x.career")
    assert problems == []
    return [(type(i).__name__, tuple(f for f in i if not isinstance(f, Loc))) for i in items]


@pytest.mark.parametrize(("before", "after"), [
    ('2024-01-01  note   "x"  #a\n', '2024-01-01 note "x" #a\n'),
    ('2024-01-01 note"x"#a\n', '2024-01-01 note "x" #a\n'),
    ('option"owner""Jane"\ninclude   "a.career"\n', 'option "owner" "Jane"\ninclude "a.career"\n'),
    ('2024-01-01 note "x"\n  x-a:b\n\tx-c :  d\n x-e   :"f"\n', '2024-01-01 note "x"\n  x-a: b\n  x-c: d\n  x-e: "f"\n'),
    ('2024-01-01 north-star "CPO"\n  needs:#a   #b\t#c\n', '2024-01-01 north-star "CPO"\n  needs: #a #b #c\n'),
    ('2024-01-01 note "x"\n  x-a:    \n', '2024-01-01 note "x"\n  x-a:\n'),
    # a heading's text is free: kept, but for its trailing white space
    ("*   Roles  and   more \t\n", "*   Roles  and   more\n"),
    # other Unicode white space between the pieces of a line is white space too
    ('2024-01-01\u00a0note\u3000"x"\n', '2024-01-01 note "x"\n'),
    # strings are never touched, tabs and runs of spaces in them included
    ('2024-01-01 note   "a  b\tc ; d"\n', '2024-01-01 note "a  b\tc ; d"\n'),
])
def test_the_pieces_of_a_line(before, after):
    assert format_text(before) == after


@pytest.mark.parametrize(("before", "after"), [
    # a comment line inside an entry (between its head and its last metadata line) is indented
    ('2024-01-01 note "x"\n; a\n\t\t; b\n  x-a: b\n', '2024-01-01 note "x"\n  ; a\n  ; b\n  x-a: b\n'),
    # after the last metadata line, or under an entry with none, at column 0
    ('2024-01-01 note "x"\n  x-a: b\n  ; about the next\n2024-01-02 note "y"\n',
     '2024-01-01 note "x"\n  x-a: b\n; about the next\n2024-01-02 note "y"\n'),
    ('2024-01-01 note "x"\n    ; c\n', '2024-01-01 note "x"\n; c\n'),
    ('  ; before anything\n* H\n   ; under a heading\n', '; before anything\n* H\n; under a heading\n'),
    # the text of a comment is its own, from ; to the end of the line (less trailing blanks)
    (";;  odd   spacing\t kept \t \n", ";;  odd   spacing\t kept\n"),
])
def test_comment_lines(before, after):
    assert format_text(before) == after


@pytest.mark.parametrize(("before", "after"), [
    # written closer than two spaces: two spaces
    ('2024-01-01 note "x";c\n', '2024-01-01 note "x"  ;c\n'),
    ('2024-01-01 note "x" ; c\n', '2024-01-01 note "x"  ; c\n'),
    # spaced out by hand: the column is kept ...
    ('2024-01-01 note "x"        ; c\n', '2024-01-01 note "x"        ; c\n'),
    # ... also when the code before it gets shorter, so that it stays aligned with its neighbours
    ('2024-01-01   note "x"   ; c\n', '2024-01-01 note "x"     ; c\n'),
    # ... and moves right only as far as needed when the code gets longer
    ('2024-01-01 note"x"  ; c\n', '2024-01-01 note "x"  ; c\n'),
    # a tab reaches the next multiple of 8
    ('2024-01-01 note "x"\t; c\n', '2024-01-01 note "x"     ; c\n'),
    # consecutive lines that end in a comment share one column, two spaces after the longest code
    ('2024-01-01 note "x" ; a\n  x-long-key: "value" ; b\n  x-c: d ; c\n',
     '2024-01-01 note "x"    ; a\n  x-long-key: "value"  ; b\n  x-c: d               ; c\n'),
    # ... or where one of them was put by hand, if that is further right
    ('2024-01-01 note "x" ; a\n  x-c: d                        ; b\n',
     '2024-01-01 note "x"' + " " * 13 + '; a\n  x-c: d' + " " * 24 + '; b\n'),
    # a line without one, a blank line or a comment line ends the run
    ('2024-01-01 note "x" ; a\n  x-long-key: "value"\n  x-c: d ; c\n\n  x-long-key2: "value" ; d\n',
     '2024-01-01 note "x"  ; a\n  x-long-key: "value"\n  x-c: d  ; c\n\n  x-long-key2: "value"  ; d\n'),
    # the suppression comment is a comment like the others: its text stays
    ('2024-01-01 note "x"   ;careerledger:ignore   drift\n', '2024-01-01 note "x"   ;careerledger:ignore   drift\n'),
    # a heading's `;` is part of its text
    ("* Roles ; all of them\n", "* Roles ; all of them\n"),
])
def test_trailing_comments(before, after):
    assert format_text(before) == after
    assert format_text(after) == after


def test_the_readme_tour_and_the_first_look_of_the_format_stay_aligned():
    for doc, heading in ((ROOT / "README.md", "## A short tour of the format"), (DOCS / "format.md", "## A first look")):
        text = doc.read_text(encoding="utf-8")
        block = re.search(r"```career\n(.*?)```", text[text.index(heading):], re.S)[1]
        assert ";" in block
        assert format_text(block) == block, doc.name


def test_the_example_of_the_format_doc_is_laid_out_as_shown():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Canonical layout\n"):text.index("\n## Grammar\n")]
    before, after = re.findall(r"```career\n(.*?)```", section, re.S)
    assert format_text(before) == after
    assert before != after
    assert _meaning(before) == _meaning(after)


@pytest.mark.parametrize(("before", "after"), [
    ("", ""),
    ("\n\n \t\n", ""),
    ("\ufeff", "\ufeff"),
    ("\ufeff\r\n\r\n", "\ufeff"),
    ("; no final newline", "; no final newline\n"),
    ('2024-01-01 note "x"\n\n\n\n2024-01-02 note "y"\n\n\n', '2024-01-01 note "x"\n\n2024-01-02 note "y"\n'),
    # blank lines inside an entry: one at most, as elsewhere
    ('2024-01-01 note "x"\n\n\n  x-a: b\n \n\t\n  x-c: d\n', '2024-01-01 note "x"\n\n  x-a: b\n\n  x-c: d\n'),
])
def test_blank_lines_and_the_ends_of_the_file(before, after):
    assert format_text(before) == after


@pytest.mark.parametrize(("before", "after"), [
    ("; a\r\n; b\r\n", "; a\r\n; b\r\n"),
    ("; a\r\n; b\r\n; c", "; a\r\n; b\r\n; c\r\n"),
    ("; a\r\n; b\r\n; c\n", "; a\r\n; b\r\n; c\r\n"),  # mixed: the majority
    ("; a\r\n; b\n; c\n", "; a\n; b\n; c\n"),
    ("; a\r\n; b\n", "; a\n; b\n"),  # a tie: LF
    ("\ufeff; a\r\n", "\ufeff; a\r\n"),
])
def test_line_endings_and_the_byte_order_mark_are_kept(before, after):
    assert format_text(before) == after


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_in_the_canonical_layout(example):
    text = example.read_text(encoding="utf-8")
    assert format_text(text, example.name) == text


def test_consistency_errors_of_a_whole_ledger_do_not_stop_it():
    # an outcome of a bet never opened (E401) and an include of no file (E303): a ledger's
    # problems, not the file's own
    text = 'include   "nowhere.career"\n2024-01-01 outcome  "Nothing" success\n'
    assert format_text(text) == 'include "nowhere.career"\n2024-01-01 outcome "Nothing" success\n'


def test_a_text_with_syntax_errors_is_refused_with_the_parser_s_problems():
    with pytest.raises(LayoutError) as e:
        format_text('2024-01-01   nte "x"\n  track:core\r\n', "career.career")
    assert isinstance(e.value, ValueError)
    assert [(p.code, p.loc.file, p.loc.line) for p in e.value.problems] == [
        ("E104", "career.career", 1), ("E003", "career.career", 2)][:len(e.value.problems)]
    assert e.value.problems == parse('2024-01-01   nte "x"\n  track:core\r\n', "career.career")[1]
    assert "career.career" in str(e.value)


# --- the guard ----------------------------------------------------------------------------------

# Broken layouts, each of which loses or alters something that is not white space.
BROKEN = {
    "drops a tag": lambda text: lay_out(text).replace(" #lead", ""),
    "alters a string": lambda text: lay_out(text).replace('"Group PM"', '"Group  PM"'),
    "drops a comment": lambda text: lay_out(text).replace("  ; since March", ""),
    "alters a comment": lambda text: lay_out(text).replace("; one space", ";one space"),
    "glues two tags": lambda text: lay_out(text).replace("#a #b", "#a#b"),
    "unindents metadata": lambda text: lay_out(text).replace("  track: core", "track: core"),
    "drops a line": lambda text: lay_out(text).replace("  size: small\r\n", ""),
    "adds a line": lambda text: lay_out(text) + "; one more\r\n",
    "alters a heading": lambda text: lay_out(text).replace("*  Roles", "* Roles"),
}


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_the_guard_refuses_a_layout_that_changes_a_token(monkeypatch, broken):
    monkeypatch.setattr(layout, "lay_out", broken)
    with pytest.raises(LayoutError) as e:
        format_text(MESSY, "career.career")
    assert e.value.problems == []
    assert str(e.value).startswith("career.career: not formatted: the new layout would change its tokens at ")


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_fmt_refuses_and_writes_nothing_when_the_guard_fails(monkeypatch, tmp_path, broken):
    path = tmp_path / "career.career"
    path.write_bytes(MESSY.encode())
    os.utime(path, ns=(10**18, 10**18))
    monkeypatch.setattr(layout, "lay_out", broken)
    for args in ((), ("--check",), ("--diff",)):
        result = run("fmt", *args, path)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.startswith(f"careerledger: {path}: not formatted: the new layout would change")
        assert path.read_bytes() == MESSY.encode()
        assert path.stat().st_mtime_ns == 10**18
    assert os.listdir(tmp_path) == ["career.career"]  # no temporary file left either


def test_the_guard_names_the_line_of_the_first_token_that_changes(monkeypatch):
    monkeypatch.setattr(layout, "lay_out", BROKEN["alters a string"])
    with pytest.raises(LayoutError, match=r'at line 11 \(string "Group PM"\)'):
        format_text(MESSY, "career.career")


# --- properties ---------------------------------------------------------------------------------


@given(text=generated_ledger())
def test_a_generated_ledger_is_refused_or_formatted_for_good(text):
    problems = parse(text, "<text>")[1]
    if problems:
        with pytest.raises(LayoutError) as e:
            format_text(text)
        assert e.value.problems == problems
        return
    once = format_text(text)
    assert format_text(once) == once
    assert token_stream(once) == token_stream(text)
    assert _meaning(once) == _meaning(text)


SPACE = st.sampled_from([" ", "  ", "\t", " \t ", "    "])


@st.composite
def respaced(draw):
    """An example, in canonical layout, with its white space changed at random: what must
    format back to exactly the example."""
    text = draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8")
    out = []
    for line in text.split("\n")[:-1]:
        if not line or line.startswith("*"):
            out.append(line)
        elif line.lstrip().startswith(";"):
            out.append(draw(st.sampled_from(["", "  ", "\t"])) + line.lstrip())
        elif line.startswith(" "):
            key, _, rest = line.strip().partition(":")
            values = [t.text for t in tokens(rest)]
            out.append(draw(SPACE) + key + draw(st.sampled_from(["", " ", "\t"])) + ":"
                       + "".join(draw(st.sampled_from(["", " ", "\t"]) if i == 0 else SPACE) + v
                                 for i, v in enumerate(values)))
        else:
            out.append("".join((draw(SPACE) if i else "") + t.text for i, t in enumerate(tokens(line))))
        out[-1] += draw(st.sampled_from(["", "", " ", "\t "]))
        if not line:  # a blank line may become several (one where there was none would stay)
            out.extend([""] * draw(st.sampled_from([0, 0, 1, 2])))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    ends = draw(st.sampled_from(["", newline, newline * 3]))
    return text, draw(st.sampled_from(["", newline])) + newline.join(out) + ends, newline


@given(case=respaced())
def test_any_spacing_of_an_example_formats_back_to_it(case):
    text, spaced, newline = case
    assert format_text(spaced) == text.replace("\n", newline)


# --- the command --------------------------------------------------------------------------------


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "career.career"
    path.write_bytes(MESSY.encode())
    return path


def test_fmt_rewrites_a_file_in_place_and_prints_nothing(messy):
    messy.chmod(0o640)
    result = run("fmt", messy)
    assert (result.exit_code, result.output) == (0, "")
    assert messy.read_bytes() == CANONICAL.encode()  # CRLF and the BOM kept
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert os.listdir(messy.parent) == ["career.career"]


def test_a_file_already_in_the_layout_is_not_written(tmp_path):
    path = tmp_path / "career.career"
    path.write_bytes(CANONICAL.encode())
    os.utime(path, ns=(10**18, 10**18))
    inode = path.stat().st_ino
    for args in ((), ("--check",), ("--diff",), ("--check", "--diff")):
        result = run("fmt", *args, path)
        assert (result.exit_code, result.output) == (0, ""), args
    assert path.stat().st_mtime_ns == 10**18
    assert path.stat().st_ino == inode


def test_check_lists_the_files_that_would_change_and_changes_nothing(tmp_path, messy):
    clean = tmp_path / "clean.career"
    clean.write_text('2024-01-01 note "x"\n')
    other = tmp_path / "other.career"
    other.write_text('2024-01-01  note "x"\n')
    result = run("fmt", "--check", messy, clean, other)
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {messy}\nwould reformat {other}\n"
    assert result.stderr == ""
    assert messy.read_bytes() == MESSY.encode()
    assert other.read_text() == '2024-01-01  note "x"\n'
    result = run("fmt", "--check", clean)
    assert (result.exit_code, result.output) == (0, "")


def test_diff_prints_a_unified_diff_and_changes_nothing(tmp_path):
    path = tmp_path / "career.career"
    middle = "".join(f'2024-01-0{i} note "{i}"\n' for i in range(2, 10))
    path.write_text(f'2024-01-01   note "x"\n\n\n  x-a:b\n{middle}2024-01-10 note "v"')
    before = path.read_bytes()
    result = run("fmt", "--diff", path)
    assert result.exit_code == 0
    assert result.stdout == (
        f"--- a/{path}\n"
        f"+++ b/{path}\n"
        "@@ -1,7 +1,6 @@\n"
        '-2024-01-01   note "x"\n'
        '+2024-01-01 note "x"\n'
        " \n"
        "-\n"
        "-  x-a:b\n"
        "+  x-a: b\n"
        ' 2024-01-02 note "2"\n'
        ' 2024-01-03 note "3"\n'
        ' 2024-01-04 note "4"\n'
        "@@ -10,4 +9,4 @@\n"
        ' 2024-01-07 note "7"\n'
        ' 2024-01-08 note "8"\n'
        ' 2024-01-09 note "9"\n'
        '-2024-01-10 note "v"\n'
        "\\ No newline at end of file\n"
        '+2024-01-10 note "v"\n'
    )
    assert path.read_bytes() == before
    # the diff applies: patch(1), where it is installed, turns the file into what fmt would write
    if shutil.which("patch"):
        patch = subprocess.run(["patch", "-s", "-o", "-", str(path)], input=result.stdout_bytes,
                               capture_output=True, timeout=60)
        assert (patch.returncode, patch.stderr) == (0, b"")
        assert patch.stdout.decode() == format_text(before.decode())


def test_check_with_diff_exits_1_and_lists_the_files_beside_the_patch(messy):
    result = run("fmt", "--check", "--diff", messy)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- a/{messy}\n+++ b/{messy}\n@@ ")
    assert result.stderr == f"would reformat {messy}\n"
    assert messy.read_bytes() == MESSY.encode()


def test_a_crlf_diff_keeps_the_crlf_of_each_line(messy):
    diff = run("fmt", "--diff", messy).stdout_bytes.decode()
    assert '\n-2024-03-01   role"Group PM"' in diff
    assert diff == unified_diff(MESSY, CANONICAL, str(messy))
    assert all(line.endswith("\r") for line in diff.split("\n")[2:-1] if line[:1] in "-+ ")


def test_dash_reads_standard_input_and_writes_standard_output():
    result = run("fmt", "-", input=MESSY.encode())
    assert result.exit_code == 0
    assert result.stdout_bytes == CANONICAL.encode()
    # unchanged text is written as it is
    result = run("fmt", "-", input=CANONICAL.encode())
    assert result.stdout_bytes == CANONICAL.encode()
    result = run("fmt", "--check", "-", input=MESSY.encode())
    assert (result.exit_code, result.stdout) == (1, "would reformat <stdin>\n")
    result = run("fmt", "--diff", "-", input=MESSY.encode())
    assert result.exit_code == 0
    assert result.stdout.startswith("--- a/<stdin>\n+++ b/<stdin>\n")


def test_a_file_with_a_syntax_error_is_untouched_and_its_errors_shown_as_check_shows_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = b'2024-01-01   nte "x"\r\n  track:core\r\n\r\n\r\n'
    (tmp_path / "bad.career").write_bytes(bad)
    os.utime("bad.career", ns=(10**18, 10**18))
    for args in ((), ("--check",), ("--diff",)):
        result = run("fmt", *args, "bad.career")
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == run("check", "bad.career").stdout
        assert result.stderr.startswith("bad.career:1:14: E104 unknown keyword 'nte'\n")
        assert result.stderr.endswith("\n1 error\n")
    assert (tmp_path / "bad.career").read_bytes() == bad
    assert os.stat("bad.career").st_mtime_ns == 10**18
    result = run("fmt", "-", input=bad)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("<stdin>:1:14: E104 ")


def test_a_file_named_twice_is_read_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.career").write_text('2024-01-01 nte "x"\n')
    result = run("fmt", "--check", "bad.career", "./bad.career", tmp_path / "bad.career")
    assert result.exit_code == 1
    assert result.stderr.count("E104") == 1


def test_the_other_files_are_formatted_when_one_has_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.career").write_text('2024-01-01 nte "x"\n')
    (tmp_path / "good.career").write_text('2024-01-01  note "x"\n')
    result = run("fmt", "bad.career", "good.career")
    assert result.exit_code == 1
    assert "bad.career:1:12: E104" in result.stderr
    assert (tmp_path / "good.career").read_text() == '2024-01-01 note "x"\n'


def test_a_file_that_is_not_utf8_is_e001_as_check_shows_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = '2024-01-01  note "Café"\n'.encode("latin-1")
    (tmp_path / "latin.career").write_bytes(data)
    result = run("fmt", "latin.career")
    assert result.exit_code == 1
    assert result.stderr.startswith("latin.career:1:22: E001 not valid UTF-8: byte 0xe9 at offset 21\n")
    assert result.stderr == run("check", "latin.career").stdout
    assert (tmp_path / "latin.career").read_bytes() == data


def test_an_unreadable_file_is_e002(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.career").write_text('2024-01-01  note "x"\n')
    import careerledger.loader

    def denied(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(careerledger.loader, "open", denied, raising=False)
    result = run("fmt", "secret.career")
    assert result.exit_code == 1
    assert result.stderr == "secret.career:1:1: E002 cannot read secret.career: Permission denied\n\n1 error\n"


def test_a_directory_or_a_missing_file_is_a_usage_error(tmp_path):
    for path in (tmp_path, tmp_path / "missing.career"):
        result = run("fmt", path)
        assert result.exit_code == 2
        assert "Usage: careerledger fmt" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_e002_and_never_waited_on(tmp_path):
    fifo = tmp_path / "pipe.career"
    os.mkfifo(fifo)
    proc = process("fmt", fifo, text=True)
    assert proc.returncode == 1
    assert f"{fifo}:1:1: E002 cannot read {fifo}: not a regular file" in proc.stderr


def test_a_write_that_fails_is_one_message_and_the_file_stays(messy, monkeypatch):
    import careerledger.files

    def full(path, text, info=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(careerledger.files, "write_atomically", full)
    result = run("fmt", messy)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"careerledger: cannot write {messy}: No space left on device\n"
    assert messy.read_bytes() == MESSY.encode()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_is_not_replaced(messy):
    messy.chmod(0o444)
    result = run("fmt", messy)
    assert result.exit_code == 1
    assert result.stderr == f"careerledger: cannot write {messy}: Permission denied\n"
    assert messy.read_bytes() == MESSY.encode()


def test_a_symlink_stays_a_link_and_its_target_is_formatted(messy):
    link = messy.parent / "link.career"
    link.symlink_to(messy.name)
    assert run("fmt", link).exit_code == 0
    assert link.is_symlink()
    assert messy.read_bytes() == CANONICAL.encode()


def test_only_the_files_named_are_formatted_not_their_includes(tmp_path):
    root = tmp_path / "career.career"
    root.write_text('include   "2024.career"\n')
    year = tmp_path / "2024.career"
    year.write_text('2024-01-01  note "x"\n')
    assert run("fmt", root).exit_code == 0
    assert root.read_text() == 'include "2024.career"\n'
    assert year.read_text() == '2024-01-01  note "x"\n'


def test_with_no_file_it_formats_the_default_ledger(messy, monkeypatch):
    monkeypatch.setenv("CAREERLEDGER_FILE", str(messy))
    assert run("fmt").exit_code == 0
    assert messy.read_bytes() == CANONICAL.encode()
    monkeypatch.delenv("CAREERLEDGER_FILE")
    result = run("fmt")
    assert result.exit_code == 2
    assert "set CAREERLEDGER_FILE" in result.stderr


def test_the_examples_pass_check():
    result = run("fmt", "--check", *EXAMPLES)
    assert (result.exit_code, result.output) == (0, "")


# --- as a real process --------------------------------------------------------------------------


def test_the_installed_command_in_a_pipe_under_lc_all_c(tmp_path):
    # standard output is the ledger: its bytes, whatever the locale (no stand-in for é or the BOM)
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    text = MESSY.replace("Jane Doe", "Jane Doé")
    proc = subprocess.run([str(COMMAND), "fmt", "-"], input=text.encode(), capture_output=True, env=env, timeout=120)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout == CANONICAL.replace("Jane Doe", "Jane Doé").encode()
    path = tmp_path / "career.career"
    path.write_bytes(text.encode())
    proc = subprocess.run([str(COMMAND), "fmt", "--diff", str(path)], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0
    assert '+option "owner" "Jane Doé"\r\n'.encode() in proc.stdout
    proc = subprocess.run([str(COMMAND), "fmt", str(path)], capture_output=True, env=env, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")
    assert path.read_bytes() == CANONICAL.replace("Jane Doe", "Jane Doé").encode()


def test_a_reader_that_stops_early_is_no_traceback(tmp_path):
    path = tmp_path / "big.career"
    path.write_text("".join(f'2024-01-01  note "n{i}"\n' for i in range(20000)))
    proc = subprocess.run(f"'{COMMAND}' fmt --diff '{path}' | head -1", shell=True, capture_output=True,
                          text=True, timeout=120)
    assert proc.stdout == f"--- a/{path}\n"
    assert proc.stderr == ""


def test_check_never_imports_the_layout(tmp_path):
    path = tmp_path / "a.career"
    path.write_text('2024-01-01 note "a"\n')
    code = (
        "import sys\n"
        "from careerledger.cli import main\n"
        f"try:\n    main(['check', '--as-of', '2025-01-01', {str(path)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print([m for m in ('careerledger.authoring.layout', 'careerledger.cli.fmt', 'difflib') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_pre_commit_hooks_run_fmt_on_career_files(messy):
    yaml = pytest.importorskip("yaml")  # pre-commit's own dependency, in the test extra
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["careerledger-fmt"]["entry"] == "careerledger fmt"
    assert hooks["careerledger-fmt-check"]["entry"] == "careerledger fmt --check"
    for name in ("careerledger-fmt", "careerledger-fmt-check"):
        assert hooks[name]["files"] == hooks["careerledger-check"]["files"] == r"\.career$"
        assert hooks[name]["language"] == "python"
    # as pre-commit runs them: the entry, then the changed files
    check = run(*hooks["careerledger-fmt-check"]["entry"].split()[1:], messy)
    assert (check.exit_code, check.stdout) == (1, f"would reformat {messy}\n")
    fix = run(*hooks["careerledger-fmt"]["entry"].split()[1:], messy)
    assert fix.exit_code == 0
    assert messy.read_bytes() == CANONICAL.encode()
