"""The loader: sorting, options, includes, and the list of files read."""

import os
from datetime import date

from careerledger import load, load_string
from careerledger.entries import Duration
from careerledger.options import Options

from conftest import codes, parse


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
    assert isinstance(ledger.entries, tuple)
    assert isinstance(ledger.problems, tuple)
    assert isinstance(ledger.files, tuple)
