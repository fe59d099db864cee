"""Load (careerledger.loader): a ledger file and its includes -> one Ledger.

Sorting, options, includes and the list of files read; then the errors found
while loading (options, suppression comments: one malformed ledger per row of
LOAD_ERRORS; unreadable files, includes and cycles, which need real files), and
the check that every error code of the catalogue has a malformed ledger in the
tests.
"""

import importlib
import os
import subprocess
import sys
from datetime import date

import pytest
from conftest import EXAMPLES, assert_one_problem, codes, parse

from careerledger.core.entries import Duration, Note
from careerledger.core.options import Options
from careerledger.core.problems import CATALOGUE
from careerledger.loader import Ledger, load, load_many, load_string


def texts(ledger):
    return [e.text for e in ledger.entries]


# --- sorting -----------------------------------------------------------------


def test_entries_sorted_by_date():
    ledger = parse("""
        2024-03-01 note "march"
        2023-01-01 note "2023"
        2024-01-15 note "january"
        2016-09 note "2016"
    """)
    assert ledger.problems == ()
    assert texts(ledger) == ["2016", "2023", "january", "march"]
    assert [e.date for e in ledger.entries] == sorted(e.date for e in ledger.entries)


def test_same_date_keeps_file_order():
    ledger = parse("""
        2024-01-01 note "c"
        2023-01-01 note "early"
        2024-01-01 note "a"
        2024-01-01 note "b"
    """)
    assert texts(ledger) == ["early", "c", "a", "b"]


def test_partial_date_sorts_as_the_first_of_the_month():
    ledger = parse("""
        2016-09-01 note "full date first in file"
        2016-09 note "partial date second"
        2016-08-31 note "day before"
    """)
    assert texts(ledger) == ["day before", "full date first in file", "partial date second"]


def test_same_date_across_an_include_keeps_include_position(ledger_file):
    ledger_file('2024-01-01 note "inc-1"\n2024-01-01 note "inc-2"\n', "inc.career")
    main = ledger_file("""
        2024-01-01 note "before"
        include "inc.career"
        2024-01-01 note "after"
        2023-12-31 note "earlier"
    """)
    ledger = load(main)
    assert ledger.problems == ()
    assert texts(ledger) == ["earlier", "before", "inc-1", "inc-2", "after"]


def test_entries_keep_their_own_file_in_loc(ledger_file):
    ledger_file('2024-01-02 note "inc"\n', "inc.career")
    main = ledger_file('include "inc.career"\n2024-01-01 note "main"\n')
    ledger = load(main)
    assert [(e.text, os.path.basename(e.loc.file), e.loc.line) for e in ledger.entries] == [
        ("main", "main.career", 2), ("inc", "inc.career", 1),
    ]


def test_validation_runs_on_the_sorted_ledger():
    # the leave is written first but dated after the role: it is valid
    ledger = parse("""
        2021-06-01 leave "PM"
        2020-01-01 role "PM" at "Acme"
          track: core
          phase: impact
    """)
    assert ledger.problems == ()


# --- options ---------------------------------------------------------------------


def test_option_defaults():
    options = parse('2024-01-01 note "a"\n').options
    assert options.owner is None
    assert options.established is None  # derived later from the first role
    assert options.swing_every == Duration(3, "y")
    assert options.phase_max == Duration(4, "y")
    assert options.home_every == Duration(3, "m")


def test_option_defaults_match_the_options_type():
    assert parse("").options == Options()


def test_options_are_resolved():
    ledger = parse("""
        option "owner" "Jane Doe"
        option "established" "2019-06"
        option "swing-every" "18m"
        option "phase-max" "5y"
        option "home-every" "6w"
    """)
    assert ledger.problems == ()
    o = ledger.options
    assert o.owner == "Jane Doe"
    assert o.established == date(2019, 6, 1)
    assert o.swing_every == Duration(18, "m")
    assert o.phase_max == Duration(5, "y")
    assert o.home_every == Duration(6, "w")


def test_option_string_escapes_and_unicode():
    ledger = parse(r"""
        option "owner" "Zoë \"Z\" O'Brien"
    """)
    assert ledger.options.owner == "Zoë \"Z\" O'Brien"


def test_option_anywhere_in_the_file():
    ledger = parse("""
        2024-01-01 note "a"
        option "owner" "Jane"
        2024-01-02 note "b"
    """)
    assert ledger.problems == ()
    assert ledger.options.owner == "Jane"
    assert texts(ledger) == ["a", "b"]


def test_unknown_option_with_hint():
    ledger = parse('option "swing_every" "3y"\n')
    assert codes(ledger) == [("E301", 1, 8)]
    assert ledger.problems[0].hint == "did you mean 'swing-every'?"
    assert ledger.options.swing_every == Duration(3, "y")  # the default stays


def test_option_set_twice_keeps_the_first():
    ledger = parse("""
        option "swing-every" "2y"
        option "swing-every" "5y"
    """)
    assert codes(ledger) == [("E302", 2, 1)]
    assert "set twice" in ledger.problems[0].message
    assert ledger.options.swing_every == Duration(2, "y")


def test_bad_option_value_keeps_the_default():
    ledger = parse('option "phase-max" "four years"\n')
    assert codes(ledger) == [("E302", 1, 20)]
    assert ledger.options.phase_max == Duration(4, "y")


def test_bad_option_then_good_one_is_not_set_twice():
    # a rejected value does not count as the option being set
    ledger = parse("""
        option "phase-max" "x"
        option "phase-max" "2y"
    """)
    assert codes(ledger) == [("E302", 1, 20)]
    assert ledger.options.phase_max == Duration(2, "y")


def test_option_in_included_file_applies_and_twice_names_the_first_file(ledger_file):
    ledger_file('option "owner" "Inc"\n', "inc.career")
    main = ledger_file('include "inc.career"\noption "owner" "Main"\n')
    ledger = load(main)
    assert ledger.options.owner == "Inc"
    assert codes(ledger) == [("E302", 2, 1)]
    assert "inc.career:1" in ledger.problems[0].hint


# --- includes --------------------------------------------------------------------------


def test_include_relative_to_the_including_file_in_nested_dirs(ledger_file, tmp_path, monkeypatch):
    ledger_file('include "2024/q1.career"\n2020-01-01 note "root"\n', "career/main.career")
    ledger_file('include "../shared/extra.career"\n2024-01-01 note "q1"\n', "career/2024/q1.career")
    ledger_file('2024-02-01 note "extra"\n', "career/shared/extra.career")
    # the working directory plays no part
    monkeypatch.chdir(tmp_path / "career" / "2024")
    ledger = load(tmp_path / "career" / "main.career")
    assert ledger.problems == ()
    assert texts(ledger) == ["root", "q1", "extra"]


def test_include_glob_sorted_by_name(ledger_file):
    ledger_file('2024-01-01 note "2024"\n', "years/2024.career")
    ledger_file('2024-01-01 note "2022"\n', "years/2022.career")
    ledger_file('2024-01-01 note "2023"\n', "years/2023.career")
    ledger_file('2024-01-01 note "ignored"\n', "years/notes.txt")
    main = ledger_file('include "years/*.career"\n')
    ledger = load(main)
    assert ledger.problems == ()
    # same date: the order is the glob's, which is sorted by file name
    assert texts(ledger) == ["2022", "2023", "2024"]
    assert [os.path.basename(f) for f in ledger.files] == [
        "main.career", "2022.career", "2023.career", "2024.career",
    ]


def test_file_included_twice_is_read_once(ledger_file):
    ledger_file('2024-01-01 note "shared"\n', "shared/common.career")
    ledger_file('include "../shared/common.career"\n', "a/a.career")
    main = ledger_file("""
        include "shared/common.career"
        include "a/a.career"
        include "shared/../shared/common.career"
    """)
    ledger = load(main)
    # no duplicate-entry error: the file's entries are there once
    assert ledger.problems == ()
    assert texts(ledger) == ["shared"]
    assert [os.path.relpath(f, main.parent) for f in ledger.files] == [
        "main.career", os.path.join("shared", "common.career"), os.path.join("a", "a.career"),
    ]


def test_file_included_twice_through_a_symlink_is_read_once(ledger_file, tmp_path):
    ledger_file('2024-01-01 note "real"\n', "real.career")
    os.symlink(tmp_path / "real.career", tmp_path / "link.career")
    main = ledger_file('include "real.career"\ninclude "link.career"\n')
    ledger = load(main)
    assert ledger.problems == ()
    assert texts(ledger) == ["real"]


def test_files_order_is_depth_first_in_include_order(ledger_file):
    ledger_file('include "b1.career"\n', "b.career")
    ledger_file("", "b1.career")
    ledger_file("", "c.career")
    main = ledger_file('include "b.career"\ninclude "c.career"\n')
    ledger = load(main)
    assert ledger.problems == ()
    assert [os.path.basename(f) for f in ledger.files] == ["main.career", "b.career", "b1.career", "c.career"]
    assert set(ledger.sources) == set(ledger.files)
    assert ledger.sources[str(main)] == 'include "b.career"\ninclude "c.career"\n'


def test_root_path_is_kept_as_given(ledger_file, tmp_path, monkeypatch):
    ledger_file('2024-01-01 note "a"\n')
    monkeypatch.chdir(tmp_path)
    ledger = load("main.career")
    assert ledger.files == ("main.career",)
    assert ledger.entries[0].loc.file == "main.career"


def test_load_accepts_a_path_object(ledger_file):
    path = ledger_file('2024-01-01 note "a"\n')
    assert texts(load(path)) == ["a"]


def test_problems_ordered_by_file_then_line(ledger_file):
    ledger_file('2024-01-01 nope "x"\n\n2024-01-02 nope "y"\n', "inc.career")
    main = ledger_file('2024-01-03 nope "z"\ninclude "inc.career"\n2024-01-04 nope "w"\n')
    ledger = load(main)
    assert [(os.path.basename(p.loc.file), p.loc.line) for p in ledger.problems] == [
        ("main.career", 1), ("main.career", 3), ("inc.career", 1), ("inc.career", 3),
    ]


def test_load_string_filename_and_sources():
    text = '2024-01-01 note "a"\n'
    ledger = load_string(text, "mine.career")
    assert ledger.files == ("mine.career",)
    assert ledger.sources == {"mine.career": text}
    assert ledger.entries[0].loc.file == "mine.career"


def test_load_string_default_filename():
    ledger = load_string('2024-01-01 nope "a"\n')
    assert ledger.problems[0].loc.file == "<string>"


def test_ledger_is_immutable():
    ledger = parse('2024-01-01 note "a"\n')
    assert isinstance(ledger, Ledger)
    assert isinstance(ledger.entries, tuple)
    assert isinstance(ledger.problems, tuple)
    assert isinstance(ledger.files, tuple)


def test_ledger_of_a_kind_and_errors():
    ledger = parse("""
        2024-01-02 note "b"
        2024-01-01 note "a"
        2024-01-03 nope "x"
        2024-01-04 bet "B"
    """)
    assert [e.text for e in ledger.of(Note)] == ["a", "b"]
    assert [p.code for p in ledger.errors] == ["E104"]


def test_load_many_reads_several_files_as_one_ledger(ledger_file):
    a = ledger_file('option "owner" "Ada"\n2020-01-01 bet "One"\n', "a.career")
    b = ledger_file('2021-06-01 outcome "One" success\n', "b.career")
    ledger = load_many([a, b])
    # the outcome in b closes the bet in a: no E401
    assert ledger.problems == ()
    assert ledger.options.owner == "Ada"
    assert [os.path.basename(f) for f in ledger.files] == ["a.career", "b.career"]


def test_the_package_exports_the_load_functions():
    # `careerledger.load(path)` is the library's entry point (docs/library.md),
    # whichever of the package's names was used first
    code = (
        "import careerledger\n"
        "careerledger.load_string('')\n"
        "assert callable(careerledger.load), careerledger.load\n"
        "from careerledger import load, load_many\n"
        "assert callable(load) and callable(load_many), (load, load_many)\n"
        "print(type(careerledger.load(sys.argv[1])).__name__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", "import sys\n" + code, str(EXAMPLES[0])],
                          capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "Ledger\n", "")


# --- the errors of loading: one malformed ledger per row ---------------------------
# (id, text, code, line, col, hint fragment or None), as SYNTAX_ERRORS in test_syntax.py

LOAD_ERRORS = [
    # --- E301 / E302 options ---------------------------------------------------------------------
    ("option-unknown", 'option "ownr" "Jane"\n', "E301", 1, 8, "did you mean 'owner'?"),
    ("option-unknown-wide-spacing", 'option   "nope" "x"\n', "E301", 1, 10, None),
    ("option-twice", 'option "owner" "A"\noption "owner" "B"\n', "E302", 2, 1, "first set at test.career:1"),
    ("option-bad-duration", 'option "swing-every" "3 years"\n', "E302", 1, 22, None),
    ("option-bad-date", 'option "established" "2020-02-30"\n', "E302", 1, 22, None),
    # --- E306 suppression comments ----------------------------------------------------------------
    ("suppress-unknown-check", '2024-01-01 note "a" ; careerledger: ignore no-such-check\n', "E306", 1, 44, None),
]


@pytest.mark.parametrize(("text", "code", "line", "col", "hint"), [r[1:] for r in LOAD_ERRORS],
                         ids=[r[0] for r in LOAD_ERRORS])
def test_load_error(text, code, line, col, hint):
    assert_one_problem(text, code, line, col, hint)


# --- errors that need files ---------------------------------------------------------------


def test_not_utf8(ledger_file):
    path = ledger_file(b'2024-01-01 note "a"\n2024-01-02 note "caf\xe9"\n')
    ledger = load(path)
    assert codes(ledger) == [("E001", 2, 21)]
    p = ledger.problems[0]
    assert p.loc.file == str(path)
    # 0xe9 is byte 40 of the file
    assert p.message == "not valid UTF-8: byte 0xe9 at offset 40"
    # the rest of the file is still read, the bad byte shown as U+FFFD
    assert [e.text for e in ledger.entries] == ["a", "caf\ufffd"]
    assert ledger.files == (str(path),)


def test_not_utf8_column_counts_characters(ledger_file):
    # é is two bytes in UTF-8 but one column
    path = ledger_file('2024-01-01 note "é'.encode() + b'\xff"\n')
    ledger = load(path)
    assert codes(ledger) == [("E001", 1, 19)]
    assert ledger.problems[0].message == "not valid UTF-8: byte 0xff at offset 19"


def test_not_utf8_in_an_included_file(ledger_file):
    ledger_file(b"\xfe\xff\n", "bad.career")
    main = ledger_file('include "bad.career"\n2024-01-01 note "ok"\n')
    ledger = load(main)
    # each bad byte, and the line they make, which is no entry (in line and column order)
    assert [(p.code, os.path.basename(p.loc.file), p.loc.line, p.loc.col) for p in ledger.problems] == [
        ("E001", "bad.career", 1, 1), ("E101", "bad.career", 1, 1), ("E001", "bad.career", 1, 2),
    ]
    assert [p.message for p in ledger.problems if p.code == "E001"] == [
        "not valid UTF-8: byte 0xfe at offset 0", "not valid UTF-8: byte 0xff at offset 1"]
    assert [e.text for e in ledger.entries] == ["ok"]


def test_a_file_with_classic_mac_line_endings_is_one_problem(ledger_file):
    path = ledger_file(b'option "owner" "J"\r2024-01-01 note "a"\r2024-01-02 nope "b"\r')
    ledger = load(path)
    assert codes(ledger) == [("E003", 1, 19)]
    p = ledger.problems[0]
    assert (p.loc.file, p.message, p.hint) == (
        str(path), "lines end with a lone CR (classic Mac OS line endings)", "save the file with LF (or CRLF) line endings")
    # nothing of it is read, but its text is kept to show the line
    assert (ledger.entries, ledger.options.owner) == ((), None)
    assert ledger.sources[str(path)] == 'option "owner" "J"\r2024-01-01 note "a"\r2024-01-02 nope "b"\r'


def test_a_lone_cr_in_an_included_file(ledger_file):
    ledger_file(b'2024-01-02 note "b\r"\r\n2024-01-03 note "c"\r\n', "inc.career")
    main = ledger_file('include "inc.career"\n2024-01-01 note "a"\n')
    ledger = load(main)
    assert [(p.code, os.path.basename(p.loc.file), p.loc.line, p.loc.col) for p in ledger.problems] == [
        ("E003", "inc.career", 1, 19)]
    assert sorted(texts(ledger)) == ["a", "b\r", "c"]


def test_a_lone_cr_after_a_byte_that_is_not_utf8(ledger_file):
    # the column of the CR counts the replaced byte as one character
    ledger = load(ledger_file(b'2024-01-01 note "caf\xe9\r"\n'))
    assert codes(ledger) == [("E001", 1, 21), ("E003", 1, 22)]


def test_unreadable_file(ledger_file, monkeypatch):
    loader = importlib.import_module("careerledger.loader")
    path = ledger_file('2024-01-01 note "a"\n')

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader, "open", deny, raising=False)
    ledger = load(path)
    assert codes(ledger) == [("E002", 1, 1)]
    assert ledger.problems[0].message == f"cannot read {path}: Permission denied"


def test_missing_include(ledger_file):
    main = ledger_file('2024-01-01 note "a"\ninclude "2025.career"\n')
    ledger = load(main)
    assert codes(ledger) == [("E303", 2, 9)]
    assert ledger.problems[0].message == f"included file {main.parent / '2025.career'} does not exist"
    assert ledger.problems[0].length == len('"2025.career"')


def test_include_glob_matching_nothing(ledger_file):
    ledger = load(ledger_file('include "years/*.career"\n'))
    assert codes(ledger) == [("E303", 1, 9)]
    assert ledger.problems[0].message == 'include "years/*.career" matches no file'


def test_include_of_a_directory(ledger_file, tmp_path):
    (tmp_path / "years").mkdir()
    ledger = load(ledger_file('include "years"\n'))
    assert codes(ledger) == [("E303", 1, 9)]
    assert ledger.problems[0].message.endswith("years is a directory")


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
    assert ledger.problems[0].message == "include cycle: a.career -> b.career -> a.career"
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
    assert ledger.problems[0].message == "include cycle: b.career -> c.career -> b.career"
    assert ledger.problems[0].loc.file.endswith("c.career")


def test_file_including_itself(ledger_file):
    path = ledger_file('include "main.career"\n')
    ledger = load(path)
    assert codes(ledger) == [("E304", 1, 9)]


# --- every code of the catalogue has a malformed ledger ------------------------------------

# the codes that need files on disk, tested one by one above and below
FILE_CODES = {"E001", "E002", "E303", "E304", "E307"}


def _tables():
    from test_consistency import CONSISTENCY_ERRORS
    from test_format_1_1 import FORMAT_1_1_ERRORS
    from test_syntax import SYNTAX_ERRORS

    return SYNTAX_ERRORS + LOAD_ERRORS + CONSISTENCY_ERRORS + FORMAT_1_1_ERRORS


def test_error_tables_ids_are_unique_and_large_enough():
    ids = [r[0] for r in _tables()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 45


def test_every_catalogue_code_is_exercised():
    assert {r[2] for r in _tables()} | FILE_CODES == set(CATALOGUE)


# --- what is read: deep includes, devices, recursive globs, bytes that are not UTF-8 ---------------


def test_an_include_chain_330_deep_is_an_error_not_a_recursion_error(tmp_path):
    for i in range(330):
        (tmp_path / f"{i}.career").write_text(f'include "{i + 1}.career"\n')
    (tmp_path / "330.career").write_text('2020-01-01 note "x"\n')
    ledger = load(tmp_path / "0.career")
    assert [p.code for p in ledger.problems] == ["E307"]


def test_dev_zero_as_an_include_is_not_a_regular_file(tmp_path):
    path = tmp_path / "a.career"
    path.write_text('include "/dev/zero"\n')
    [problem] = load(path).problems
    assert (problem.code, problem.loc.line) == ("E002", 1)
    assert "not a regular file" in problem.message


def test_a_glob_with_two_stars_is_recursive(tmp_path):
    (tmp_path / "years" / "2024").mkdir(parents=True)
    (tmp_path / "years" / "2024" / "q1.career").write_text('2024-01-01 note "deep"\n')
    (tmp_path / "main.career").write_text('include "years/**/*.career"\n')
    ledger = load(tmp_path / "main.career")
    assert ledger.problems == ()
    assert [e.text for e in ledger.entries] == ["deep"]


def test_one_bad_utf8_byte_hides_no_other_problem(tmp_path):
    path = tmp_path / "bytes.career"
    path.write_bytes(b'2024-01-01 note "caf\xe9"\n2024-01-02 nope "x"\n')
    ledger = load(path)
    assert [(p.code, p.loc.line, p.loc.col) for p in ledger.problems] == [("E001", 1, 21), ("E104", 2, 12)]


def test_a_binary_file_reports_a_bounded_number_of_bytes(tmp_path):
    path = tmp_path / "binary.career"
    path.write_bytes(bytes(range(128, 256)) * 100)
    codes = [p.code for p in load(path).problems]
    assert codes.count("E001") == 21  # twenty one by one, then one for the rest


# --- the overlay and parser parameters (what the language server reads) ----


def test_the_overlay_is_read_in_place_of_the_disk(tmp_path):
    from careerledger.loader import load_roots

    root = tmp_path / "main.career"
    part = tmp_path / "part.career"
    root.write_text('include "part.career"\n2024-01-01 note "root"\n')
    part.write_text('2024-02-01 nope "on disk"\n')
    buffer = {os.path.realpath(part): '2024-02-01 note "in the editor"\n'}
    for ledger in (load(root, overlay=buffer), load_many([root], overlay=buffer),
                   next(load_roots([root], overlay=buffer))):
        assert ledger.problems == ()
        assert texts(ledger) == ["root", "in the editor"]
        assert ledger.sources[str(part)] == '2024-02-01 note "in the editor"\n'
    assert [p.code for p in load(root).problems] == ["E104"]  # the disk, without it


def test_an_overlay_file_need_not_be_on_disk(tmp_path):
    root = tmp_path / "main.career"
    root.write_text('include "new.career"\n')
    assert [p.code for p in load(root).problems] == ["E303"]
    ledger = load(root, overlay={os.path.realpath(tmp_path / "new.career"): '2024-01-01 note "unsaved"\n'})
    assert (ledger.problems, texts(ledger)) == ((), ["unsaved"])
    alone = load(tmp_path / "other.career", overlay={os.path.realpath(tmp_path / "other.career"): ""})
    assert alone.problems == ()


def test_overlay_bytes_are_decoded_as_a_file_is(tmp_path):
    path = tmp_path / "main.career"
    path.write_text("")
    ledger = load(path, overlay={os.path.realpath(path): b'2024-01-01 note "caf\xe9"\n'})
    assert [(p.code, p.loc.line, p.loc.col) for p in ledger.problems] == [("E001", 1, 21)]


def test_the_parser_parameter_parses_each_file(tmp_path):
    from careerledger.syntax.lines import parse as real_parse

    root = tmp_path / "main.career"
    root.write_text('include "part.career"\n2024-01-01 note "root"\n')
    (tmp_path / "part.career").write_text('2024-02-01 note "part"\n')
    seen = []

    def parser(text, file):
        seen.append(os.path.basename(file))
        return real_parse(text, file)

    assert load(root, parser=parser) == load(root)
    assert seen == ["main.career", "part.career"]
    assert load_string('2024-01-01 note "x"\n', "s.career", parser=parser).entries
    assert seen[-1] == "s.career"
