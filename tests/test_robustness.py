"""Robustness: no input makes careerledger crash.

Seeded, deterministic fuzzing: a rich valid ledger is mutated line by line
and character by character; every mutant must load into a Ledger whose
problems are well formed, and the CLI must answer with exit 0 or 1, never a
traceback. Random bytes go through the CLI too: in-process, where an
exception would propagate and fail the test (conftest.run), and through the
installed command, whose standard error must stay empty.
"""

# ruff: noqa: E101  (the RICH ledger indents two metadata lines with tabs, on purpose)

import os
import random
import subprocess
import sys
import time
from datetime import date

import pytest
from conftest import COMMAND, JANE, dedent, process, run

from careerledger.checks import pitfalls
from careerledger.core.problems import CATALOGUE
from careerledger.core.schema import KINDS, keyword
from careerledger.loader import Ledger, load_string

RICH = dedent(r"""
    ; Jane Doe's career ledger
    option "owner" "Jane Doe"
    option "swing-every" "3y"
    option "home-every" "3m"

    * North star
    2020-01-01 north-star "Run a product org that ships zero-to-one bets" #vision
      by: 2026-12-31
      needs: #strategy #hiring #board/governance

    * Roles
    2016-09 role "Associate PM" at "Initech" #first-job
      track: core
      phase: learning
      scale: "3 teams"
    2019-03-01 role "Senior PM, Checkout" at "Acme" #payments
      track: core
      phase: impact
      why: "closer to \"real\" customers"
      x-salary-band: 7
    2021-06-15 role "Advisor" at "Tiny Startup"
      track: innovation
      phase: learning
      side: yes
    2022-01-10	role "Head of New Bets" at "Acme"	#zero-to-one
    	track: innovation
    	phase: learning

    2022-02-01 listen "Head of Support"
      heard: "refunds take 9 days ; really"
    2022-02-25 sotu "State of New Bets"
    2022-03-20 align "refunds before growth"
      with: "VP Product"
    2022-04-01 win "refunds in 2 days"
      impact: "-40% tickets"

    2022-05-01 bet "Instant refunds" #payments
      size: small
      in: "Head of New Bets"
      ask: "two engineers"
    2023-01-10 outcome "Instant refunds" pivot
      story: "users wanted partial refunds"
      lesson: "talk to support first"

    2022-06-01 skill #sql proficient
      evidence: "churn model"
    2022-07-01 update "Q2 review" #marketing
      to: "leadership"
      via: email
      covers: #refund-flow
    2022-07-02 explained #refund-flow
      to: "new support lead"
    2022-07-03 contract "a post every week"
      every: week
      count: 2
      with: "my manager"
      until: 2023-06
    2022-08-01 feedback "too many slides"
      from: "CTO"
      tone: constructive
      action: "one-page memos"
    2023-02-01 opportunity "VP Product at Globex"
      track: core
      phase: impact
      builds: #strategy #hiring
      at: "Globex"
    2023-02-15 decision "VP Product at Globex" decline
      why: "not a swing"
    2023-03-01 home 4
      note: "less travel — café mornings ☕"
    2023-04-01 note "promoted" #promotion
      x-when: 2023-04
      x-ratio: 4.5
      x-span: 18m
      x-word: remote
      x-tags: #a #b
    2024-01-01 leave "Head of New Bets"
      why: "sabbatical"
""")

INSERTS = ['"', ";", "#", ":", "\t", "\r", "\n", " ", "\\", "*", "-", "é", "🎉", "\u00a0", "\x00",
           "0", "1", "9", "2024-02-30", "x-", "role", "include", "option"]
N_MUTANTS = 300


def test_rich_ledger_is_valid():
    # the fuzz base must itself be clean, or mutants prove little
    ledger = load_string(RICH, "rich.career")
    assert ledger.problems == ()
    # every kind of entry is in it
    assert {keyword(e) for e in ledger.entries} == set(KINDS)


def mutate(text, rng):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        i = rng.randrange(len(lines))
        if op == 0 and len(lines) > 1:  # delete a line
            del lines[i]
        elif op == 1:  # duplicate a line
            lines.insert(i, lines[i])
        elif op == 2:  # swap two lines
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # truncate a line
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op in (4, 5):  # insert characters
            line = lines[i]
            k = rng.randint(0, len(line))
            lines[i] = line[:k] + rng.choice(INSERTS) + line[k:]
        elif op == 6:  # shuffle the words of a line
            words = lines[i].split(" ")
            rng.shuffle(words)
            lines[i] = " ".join(words)
        else:  # delete one character
            line = lines[i]
            if line:
                k = rng.randrange(len(line))
                lines[i] = line[:k] + line[k + 1 :]
    sep = "\r\n" if rng.random() < 0.1 else "\n"
    return sep.join(lines)


MUTANTS = [mutate(RICH, random.Random(seed)) for seed in range(N_MUTANTS)]


def test_mutants_are_mostly_broken():
    # the mutations are strong enough to exercise the error paths
    broken = sum(1 for m in MUTANTS if load_string(m, "m.career").problems)
    assert broken > N_MUTANTS // 2


def assert_well_formed(ledger, text):
    assert isinstance(ledger, Ledger)
    # the parser counts lines as \n-separated (a lone \r is inside a line)
    n_lines = text.count("\n") + 1
    for p in ledger.problems:
        assert p.code in CATALOGUE, p
        assert p.loc.file == "m.career", p
        assert 1 <= p.loc.line <= n_lines, (p, n_lines)
        assert p.loc.col >= 1, p
        assert p.length >= 1, p
        assert p.severity == "error", p
        assert isinstance(p.message, str), p
        assert p.message, p
    for e in ledger.entries:
        assert 1 <= e.loc.line <= n_lines
    lines = [e.loc.line for e in ledger.entries]
    assert len(lines) == len(set(lines)), "two entries built from one line"


@pytest.mark.parametrize("seed", range(N_MUTANTS))
def test_mutant_loads_without_raising(seed):
    text = MUTANTS[seed]
    assert_well_formed(load_string(text, "m.career"), text)


@pytest.mark.parametrize("seed", range(0, N_MUTANTS, 30))
def test_mutant_through_the_cli(seed, ledger_file):
    path = ledger_file(MUTANTS[seed].encode("utf-8"), f"m{seed}.career")
    for fmt in ("text", "json"):
        result = run("check", "--as-of", "2024-06-01", "--format", fmt, path)
        assert result.exit_code in (0, 1), result.output


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_through_the_cli(seed, ledger_file):
    path = ledger_file(random_bytes(seed), f"r{seed}.career")
    result = run("check", "--as-of", "2024-06-01", path)
    assert result.exit_code in (0, 1), result.output


def random_bytes(seed):
    rng = random.Random(1000 + seed)
    alphabet = b'\n\r\t "#;:*-0123456789abcdefxyz\\\x00\xff\xc3\xa9\xe2\x82'
    size = rng.randint(0, 400)
    if seed % 2:
        return bytes(rng.randrange(256) for _ in range(size))
    return bytes(rng.choice(alphabet) for _ in range(size))


def test_mutants_and_random_bytes_through_the_installed_command(ledger_file):
    # one real process for all of them: a crash would print a traceback on stderr
    paths = [ledger_file(MUTANTS[seed].encode("utf-8"), f"m{seed}.career") for seed in range(0, N_MUTANTS, 30)]
    paths += [ledger_file(random_bytes(seed), f"r{seed}.career") for seed in range(20)]
    for fmt in ("text", "json"):
        proc = process("check", "--as-of", "2024-06-01", "--format", fmt, *paths, text=True)
        assert proc.returncode == 1, proc.stderr  # most of them are broken
        assert proc.stderr == ""
        assert proc.stdout


@pytest.mark.parametrize(
    "text",
    [
        "\x00", "\r", "\r\r\r", "\n\r\n\r", '"', "\\", ";", "#", ":", "*", "\t", " \t \n",
        "2024", "2024-", "2024-01-01 ", "2024-01-01 role", '2024-01-01 role "', "  :", "\t:",
        "option", 'option "', "include ", "\ufeff", "\ufeff\ufeff", "9" * 5000, "2024-01-01 home 99999999999999999999",
        '2024-01-01 note "' + "a" * 10000 + '"', "x-a: 1", "\u2028\u2029", "2024-01-01 note \"a\"\x0c",
    ],
)
def test_edge_strings_load(text):
    assert_well_formed(load_string(text, "m.career"), text)


# --- the calendar's edges and huge numbers: located errors, never an exception ---------------------


@pytest.mark.parametrize(('ledger', 'args'), [
    ('2020-01-01 contract "x"\n  every: month\n  until: 9999-12-31\n', ["check", "--as-of", "9999-12-31"]),
    # every week up to the year 9999: seconds
    pytest.param('2020-01-01 contract "x"\n  every: week\n  until: 9999-12-31\n',
                 ["report", "cadence", "--as-of", "9999-12-31"], marks=pytest.mark.slow),
    ('9999-01-01 north-star "x"\n', ["check", "--as-of", "9999-12-31"]),
    ('option "swing-every" "8000y"\n2020-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["check"]),
    ('option "phase-max" "100000m"\n2020-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["check"]),
    ('option "home-every" "3000000d"\n2020-01-01 home 3\n', ["check"]),
    ('0003-01-01 opportunity "Old"\n  track: core\n', ["evaluate", "Old"]),
    ('2020-01-01 note "x"\n', ["check", "--as-of", "0005-12-31"]),
    ('2020-01-01 note "x"\n', ["report", "review", "-p", "0001"]),
    ('2020-01-01 note "x"\n', ["report", "landing", "-p", "9999-W52"]),
    ('2020-01-01 note "x"\n', ["report", "cadence", "--as-of", "0001-06-01"]),
    ('2020-01-01 note "x"\n', ["report", "review", "--as-of", "0001-01-15"]),
    ('2020-01-01 note "x"\n', ["report", "swings", "-p", "last-month", "--as-of", "0001-01-15"]),
    ('0001-01 bet "Old"\n', ["report", "summary", "--as-of", "9999-12-31"]),
    ('9997-01-01 role "a" at "b"\n  track: core\n  phase: impact\n', ["report", "summary", "--as-of", "9999-12-31"]),
])
def test_date_arithmetic_that_leaves_the_calendar_never_raises(tmp_path, ledger, args):
    path = tmp_path / "edge.career"
    path.write_text(ledger)
    command, rest = args[0], args[1:]
    if command == "evaluate":
        result = run("evaluate", rest[0], path)
    else:
        result = run(command, *rest, path)
    assert result.exit_code in (0, 1)


@pytest.mark.parametrize("line", [
    "2020-01-01 contract \"x\"\n  every: month\n  count: " + "9" * 5000,
    "2020-01-01 home " + "9" * 5000,
    "2020-01-01 note \"x\"\n  x-n: " + "9" * 5000,
    'option "swing-every" "99999999999999999999y"',
])
def test_numbers_of_thousands_of_digits_are_a_located_error(line):
    ledger = load_string(line + "\n")
    assert [p.code for p in ledger.problems] in (["E107"], ["E302"])


# --- files that are not files: nothing hangs, nothing crashes --------------------------------------


def test_dev_urandom_as_the_ledger_is_an_error():
    result = run("check", "/dev/urandom")
    assert result.exit_code == 1
    assert "E002" in result.output
    assert "not a regular file" in result.output


def test_a_fifo_as_the_ledger_or_matched_by_a_glob_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "pipe.career")
    (tmp_path / "main.career").write_text('include "p*.career"\n')
    start = time.monotonic()
    for path in ("pipe.career", "main.career"):
        done = process("check", tmp_path / path, cwd=tmp_path)
        assert done.returncode == 1
        assert b"not a regular file" in done.stdout
    assert time.monotonic() - start < 60


def test_a_deleted_current_directory_and_an_include_cycle(tmp_path):
    (tmp_path / "a.career").write_text('include "a.career"\n')
    gone = tmp_path / "gone"
    gone.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]);"
         "from careerledger.__main__ import run; sys.argv = ['careerledger', 'check', sys.argv[2]]; run()",
         str(gone), str(tmp_path / "a.career")], capture_output=True, timeout=120)
    assert done.returncode == 1
    assert b"E304" in done.stdout
    assert b"Traceback" not in done.stderr


def test_an_unreadable_file_is_the_same_error_for_every_command(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.career"
    path.write_text('2020-01-01 note "x"\n')
    path.chmod(0)
    assert run("check", path).exit_code == 1
    assert run("report", path).exit_code == 1


def test_a_file_under_an_unreadable_folder_is_e002_not_missing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.career").write_text('2020-01-01 note "x"\n')
    folder.chmod(0)
    try:
        if os.access(folder / "a.career", os.R_OK):
            pytest.skip("root reads every file")
        result = run("check", folder / "a.career")
        assert result.exit_code == 1
        assert "E002" in result.output
    finally:
        folder.chmod(0o755)


# --- linear cost: no input makes a command take minutes --------------------------------------------


def test_trailing_spaces_cost_linear_time():
    text = '2024-01-01 note "a"' + " " * 40_000 + "\n  x-a: 1" + "\t" * 40_000 + "\n"
    start = time.process_time()
    assert load_string(text).problems == ()
    assert time.process_time() - start < 5  # quadratic took minutes


def test_consecutive_unparseable_lines_cost_linear_time():
    start = time.process_time()
    ledger = load_string("x\n" * 16_000 + '2024-01-01 note "after"\n')
    assert time.process_time() - start < 5  # re-parsing from the last good line took minutes
    assert len(ledger.problems) == 16_000
    assert [e.text for e in ledger.entries] == ["after"]


def test_did_you_mean_over_many_bets_is_bounded():
    bets = "".join(f'2024-01-01 bet "Pilot number {i:05d} of the platform"\n' for i in range(500))
    outcomes = "".join(f'2024-06-01 outcome "Pliot nmuber {i:05d} of the platfrom" success\n' for i in range(500))
    start = time.process_time()
    ledger = load_string(bets + outcomes)
    assert time.process_time() - start < 10
    assert [p.code for p in ledger.problems] == ["E401"] * 500
    assert ledger.problems[0].hint == 'did you mean "Pilot number 00000 of the platform"?'


def test_check_of_weekly_contracts_from_year_0001_is_constant_per_contract():
    text = "".join(f'0001-01-01 contract "c{i}"\n  every: week\n' for i in range(20))
    ledger = load_string(text)
    start = time.process_time()
    warnings = pitfalls.run(ledger, date(2026, 1, 1), frozenset({"cadence-missed"}))
    assert time.process_time() - start < 2
    assert len(warnings) == 20


def test_a_50_mb_line_with_an_unknown_keyword_is_cut_around_the_column(tmp_path):
    path = tmp_path / "long.career"
    path.write_text('2024-01-01 nope "' + "x" * 5_000_000 + '"\n')
    result = run("check", path)
    assert result.exit_code == 1
    assert max(len(line) for line in result.output.splitlines()) < 400
    assert " |            ^^^^" in result.output


def test_report_skills_with_10k_needs_is_linear():
    needs = " ".join(f"#s{i}" for i in range(10_000))
    skills = "".join(f"2024-01-02 skill #s{i} novice\n" for i in range(10_000))
    ledger = load_string(f'2024-01-01 north-star "x"\n  needs: {needs}\n{skills}')
    from careerledger.metrics.skills import skills as skill_metrics

    start = time.process_time()
    found = skill_metrics(ledger.entries, date(2025, 1, 1))
    assert time.process_time() - start < 3
    assert len(found.skills) == 10_000
    assert all(p.needed for p in found.skills)


def test_a_closed_standard_output_is_one_message_not_a_traceback():
    # `careerledger report … >&-`: Python sees no stdout at all (sys.stdout is None)
    proc = subprocess.run(f'exec "{COMMAND}" report "{JANE}" --as-of 2026-11-21 >&-', shell=True,
                          capture_output=False, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == "careerledger: cannot write the output: standard output is closed\n"
    quiet = subprocess.run(f'exec "{COMMAND}" check -q "{JANE}" >&-', shell=True, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert (quiet.returncode, quiet.stderr) == (0, "")
