"""`careerledger init`: a Career Spec to start from, that passes `check`, with an
example of every kind of entry of the schema, and that never overwrites a file
(careerledger.authoring.scaffold; docs/authoring.md)."""

import os
import re
import subprocess
import sys

import pytest
from conftest import D, process, run

from careerledger.authoring import scaffold as sc
from careerledger.core import schema as S
from careerledger.core.entries import Note
from careerledger.loader import load, load_string

TODAY = "2026-03-02"
FLAGS = [
    "--owner", 'Jane "JD" Doe', "--north-star", "CPO at a mid-stage startup", "--by", "2030-12",
    "--needs", "#zero-to-one exec-communication", "--needs", "payments,team-leadership", "--role", "Group PM",
    "--at", "Acme", "--since", "2026-03-02", "--track", "innovation", "--phase", "learning",
    "--why", "Closer to the money", "--home", "4",
]


def init(tmp_path, monkeypatch, *args, input=None):
    monkeypatch.chdir(tmp_path)
    return run("init", "--as-of", TODAY, *args, input=input)


def check(path, as_of=TODAY):
    return run("check", "--as-of", as_of, path)


# --- what it writes -------------------------------------------------------------------------------


def test_the_defaults_make_a_ledger_that_check_passes_with_no_warning(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--no-input")
    assert result.exit_code == 0, result.stderr
    assert "Wrote career.career" in result.stdout
    assert (tmp_path / "career.career").exists()
    assert (check("career.career").exit_code, check("career.career").stdout) == (0, "")
    ledger = load("career.career")
    assert ledger.options.owner == sc.OWNER
    [star] = ledger.of(S.KINDS["north-star"].cls)
    assert (star.date, star.by, star.needs) == (D(TODAY), D("2031-03-02"), sc.NEEDS)
    [role] = ledger.of(S.KINDS["role"].cls)
    assert (role.date, role.track, role.phase) == (D(TODAY), "core", "impact")
    [contract] = ledger.of(S.KINDS["contract"].cls)
    assert (contract.every, contract.in_role) == ("month", sc.TITLE)
    [home] = ledger.of(S.KINDS["home"].cls)
    assert home.score == 3


def test_the_flags_make_the_entries(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "jane.career", "--no-input", *FLAGS)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "jane.career").read_text()
    assert 'option "owner" "Jane \\"JD\\" Doe"\n' in text
    assert ('2026-03-02 north-star "CPO at a mid-stage startup"\n  by: 2030-12-01\n'
            "  needs: #zero-to-one #exec-communication #payments #team-leadership\n") in text
    assert ('2026-03-02 role "Group PM" at "Acme"\n  track: innovation\n  phase: learning\n'
            '  why: "Closer to the money"\n') in text
    assert '  in: "Group PM"\n' in text
    assert "2026-03-02 home 4\n" in text
    assert (check("jane.career").exit_code, check("jane.career").stdout) == (0, "")
    assert load("jane.career").options.owner == 'Jane "JD" Doe'


def test_dash_writes_to_standard_output_and_no_file(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "-", "--no-input", *FLAGS)
    assert result.exit_code == 0
    assert result.stdout == sc.scaffold(sc.Spec(
        D(TODAY), 'Jane "JD" Doe', "CPO at a mid-stage startup", D("2030-12-01"),
        ("zero-to-one", "exec-communication", "payments", "team-leadership"), "Group PM", "Acme", D(TODAY),
        "innovation", "learning", "Closer to the money", 4,
    ))
    assert os.listdir(tmp_path) == []


def test_without_a_terminal_it_asks_nothing(tmp_path, monkeypatch):
    # CliRunner's standard input is no terminal: the defaults, as with --no-input
    result = init(tmp_path, monkeypatch, "-", input="")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == init(tmp_path, monkeypatch, "-", "--no-input").stdout


@pytest.mark.parametrize("since", ["2024-05-01", "2026-01-15", "2026-09-01"])
def test_a_role_that_started_before_or_starts_after_today_passes_too(since, tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--no-input", "--since", since)
    assert result.exit_code == 0
    assert load("career.career").errors == ()
    text = (tmp_path / "career.career").read_text()
    entries = re.findall(r"^(\d{4}-\d\d-\d\d) ", text, re.M)
    assert entries == sorted(entries)  # in date order, for add to keep
    assert f"{since} role " in text


def test_the_warnings_it_may_show_later(tmp_path, monkeypatch):
    # as docs/authoring.md says: none on the day, then the contract, the landing and home as they come due
    init(tmp_path, monkeypatch, "--no-input")

    def codes(as_of):
        return re.findall(r": (W\d{3}) ", check("career.career", as_of).stdout)

    assert codes(TODAY) == []
    assert codes("2026-03-31") == []
    assert set(codes("2026-04-01")) == {"W204", "W206"}
    assert set(codes("2026-06-03")) == {"W204", "W206", "W209"}
    assert set(codes("2031-03-03")) == {"W202", "W203", "W204", "W209", "W211"}


# --- every kind -----------------------------------------------------------------------------------


def test_every_kind_of_the_schema_is_in_it(tmp_path, monkeypatch):
    text = init(tmp_path, monkeypatch, "-", "--no-input").stdout
    for keyword in S.KINDS:
        assert re.search(rf"^(; )?{TODAY} {re.escape(keyword)} ", text, re.M), keyword
    for keyword in sc.PRESENT:
        assert re.search(rf"^{TODAY} {re.escape(keyword)} ", text, re.M), keyword


def test_a_kind_added_to_the_schema_is_in_the_next_scaffold(monkeypatch):
    monkeypatch.setitem(S.KINDS, "retro", S.Kind(Note, (S.Arg("text", S.STRING),),
                                                 {"mood": S.Key("mood", ("good", "bad")), "on": S.Key("on", S.DATE)},
                                                 '"text"'))
    text = sc.scaffold(sc.Spec(D(TODAY)))
    assert f'; {TODAY} retro "Text"\n;   mood: good   ; or bad\n;   on: {TODAY}\n' in text


def test_the_examples_uncommented_are_a_right_ledger(tmp_path, monkeypatch):
    text = init(tmp_path, monkeypatch, "-", "--no-input", *FLAGS).stdout
    examples = re.findall(r"^; (?=\d|  )", text, re.M)
    assert len(examples) >= 2 * (len(S.KINDS) - len(sc.PRESENT))
    # each uncommented as it is, but the leave a day later: a leave on the day ends the role at
    # once, and the contract in it would be in no role (E410)
    text = text.replace(f"; {TODAY} leave ", "; 2026-03-03 leave ")
    uncommented = re.sub(r"^; (?=\d|  )", "", text, flags=re.M)
    ledger = load_string(uncommented, "uncommented.career")
    assert ledger.errors == ()
    assert {S.keyword(e) for e in ledger.entries} == set(S.KINDS)


# --- asking ---------------------------------------------------------------------------------------


ANSWERS = [
    "Jane Doe",  # name
    "",  # north star: the default
    "2020-01-01", "2031-01-01",  # by: before today is asked again
    "zero-to-one, #Payments", "zero-to-one #payments",  # needs: a bad tag is asked again
    "Group PM",  # role
    "Acme",  # at
    "not a date", "2025-01",  # since
    "innovation",  # track
    "",  # phase: the default
    "For the zero-to-one",  # why
    "7", "4",  # home: 1 to 5
]


def test_it_asks_for_what_no_option_gives_and_asks_again_after_a_wrong_answer(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--interactive", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Error: 2020-01-01 is before today, 2026-03-02: a horizon is ahead" in result.stderr
    assert "Error: '#Payments' is not a tag" in result.stderr
    assert "Error: 7 is not in the range 1<=x<=5." in result.stderr
    ledger = load("career.career")
    assert ledger.errors == ()
    assert ledger.options.owner == "Jane Doe"
    [star] = ledger.of(S.KINDS["north-star"].cls)
    assert (star.vision, star.by, star.needs) == (sc.VISION, D("2031-01-01"), ("zero-to-one", "payments"))
    [role] = ledger.of(S.KINDS["role"].cls)
    assert (role.title, role.org, role.date, role.track, role.phase, role.why) == (
        "Group PM", "Acme", D("2025-01-01"), "innovation", "impact", "For the zero-to-one")
    assert ledger.of(S.KINDS["home"].cls)[0].score == 4


def test_it_does_not_ask_for_what_an_option_gives(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--interactive", *FLAGS[:-2], input="5\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("[") == 1  # one question, with its default
    assert "Home life today" in result.stderr
    assert load("career.career").of(S.KINDS["home"].cls)[0].score == 5


def test_an_existing_file_is_refused_before_any_question(tmp_path, monkeypatch):
    (tmp_path / "career.career").write_text("mine\n")
    result = init(tmp_path, monkeypatch, "--interactive", input="")
    assert result.exit_code == 2
    assert "[" not in result.stderr


# --- never overwrite ------------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "empty file", "symlink", "dangling symlink", "directory"])
def test_it_never_overwrites_anything(what, tmp_path, monkeypatch):
    path = tmp_path / "career.career"
    other = tmp_path / "other.career"
    if what == "file":
        path.write_bytes(b'2024-01-01 note "mine"\r\n')
    elif what == "empty file":
        path.write_bytes(b"")
    elif what == "symlink":
        other.write_bytes(b"theirs\n")
        path.symlink_to(other)
    elif what == "dangling symlink":
        path.symlink_to(other)
    else:
        path.mkdir()
    before = {p.name: (p.is_symlink(), p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    result = init(tmp_path, monkeypatch, "--no-input")
    assert result.exit_code == 2
    assert result.stderr == ("careerledger: career.career already exists; init never overwrites a file. "
                             "Name another FILE, or move this one away first.\n")
    assert result.stdout == ""
    after = {p.name: (p.is_symlink(), p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    assert after == before


def test_a_file_that_appears_after_the_first_look_is_not_overwritten(tmp_path, monkeypatch):
    # the race: nothing there when init looks, a file there when it creates
    path = tmp_path / "career.career"
    path.write_bytes(b"written meanwhile\n")
    monkeypatch.setattr(os.path, "lexists", lambda p: False)
    result = init(tmp_path, monkeypatch, "--no-input")
    assert result.exit_code == 2
    assert path.read_bytes() == b"written meanwhile\n"


def test_a_file_in_no_folder_is_one_message(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "no/such/folder.career", "--no-input")
    assert result.exit_code == 1
    assert result.stderr == "careerledger: cannot create no/such/folder.career: No such file or directory\n"


# --- bad values are usage errors ------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2026-02-30"], "Invalid value for '--since': '2026-02-30' is not a date"),
    (["--by", "soon"], "Invalid value for '--by': 'soon' is not a date"),
    (["--by", "2026-03-01"], "Invalid value for '--by': the horizon 2026-03-01 is before the north star's date"),
    (["--needs", "#Payments"], "Invalid value for '--needs': '#Payments' is not a tag"),
    (["--needs", ","], "Invalid value for '--needs': give at least one tag"),
    (["--owner", "two\nlines"], "Invalid value for '--owner': a value is one line"),
    (["--role", "tab\x00null"], "Invalid value for '--role': a value cannot hold the control character U+0000"),
    (["--track", "core-ish"], "Invalid value for '--track'"),
    (["--home", "0"], "Invalid value for '--home'"),
])
def test_a_bad_value_is_a_usage_error_and_writes_nothing(args, message, tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--no-input", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert os.listdir(tmp_path) == []


# --- the installed command ------------------------------------------------------------------------


def test_the_installed_command_in_the_c_locale_and_piped(tmp_path):
    env = {**os.environ, "LC_ALL": "C", "COLUMNS": "80"}
    proc = process("init", "-", "--today", TODAY, "--owner", "Zoë", stdin=subprocess.DEVNULL, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert load_string(proc.stdout.decode("utf-8"), "piped.career").errors == ()
    # a ledger is UTF-8 whatever the locale says the output is
    latin = process("init", "-", "--no-input", "--owner", "Zoë “Z”", env={**env, "PYTHONIOENCODING": "latin-1"})
    assert 'option "owner" "Zoë “Z”"'.encode() in latin.stdout
    written = process("init", tmp_path / "c.career", "--no-input", "--owner", "Zoë", env=env, text=True)
    assert written.returncode == 0
    assert load(tmp_path / "c.career").options.owner == "Zoë"
    again = process("init", tmp_path / "c.career", "--no-input", env=env, text=True)
    assert again.returncode == 2
    assert "Traceback" not in again.stderr
    # a reader that stops at once
    piped = subprocess.run(f'"{sys.executable}" -m careerledger init - --no-input | head -c 1',
                           shell=True, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in piped.stderr


def test_check_does_not_import_the_authoring_commands(tmp_path):
    code = ("import sys\nfrom careerledger.cli import main\n"
            "try:\n    main(['check', '-'], prog_name='careerledger')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if 'authoring' in m or m.endswith(('cli.add', 'cli.init'))))")
    proc = subprocess.run([sys.executable, "-c", code], input="", capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_a_role_that_started_weeks_ago_is_late_to_land_on_the_first_day(tmp_path, monkeypatch):
    # as docs/authoring.md says: between 30 and 180 days back, landing-overdue shows at once
    init(tmp_path, monkeypatch, "--no-input", "--since", "2026-01-01")
    assert set(re.findall(r": (W\d{3}) ", check("career.career").stdout)) == {"W206"}
    assert check("career.career").exit_code == 0  # a warning, not an error


def test_a_bad_option_is_said_before_any_question(tmp_path, monkeypatch):
    result = init(tmp_path, monkeypatch, "--interactive", "--by", "2020-01-01", input="")
    assert result.exit_code == 2
    assert "Invalid value for '--by'" in result.stderr
    assert "[" not in result.stderr.split("Usage:")[0]


def test_the_scaffold_fits_in_80_columns(tmp_path, monkeypatch):
    text = init(tmp_path, monkeypatch, "-", "--no-input").stdout
    assert [line for line in text.split("\n") if len(line) > 80] == []
