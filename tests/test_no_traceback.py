"""No input makes careerledger crash.

Seeded, deterministic fuzzing: a rich valid ledger is mutated line by line
and character by character; every mutant must load into a Ledger whose
problems are well formed, and the CLI must answer with exit 0 or 1, never a
traceback. Random bytes go through the CLI too.
"""

import random

import pytest
from click.testing import CliRunner

from careerledger import load_string
from careerledger.cli import main
from careerledger.loader import Ledger
from careerledger.problems import CATALOGUE

from conftest import dedent

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
    from careerledger.entries import KINDS, keyword

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
        assert isinstance(p.message, str) and p.message, p
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
        result = CliRunner().invoke(main, ["check", "--as-of", "2024-06-01", "--format", fmt, str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_through_the_cli(seed, ledger_file):
    rng = random.Random(1000 + seed)
    alphabet = b'\n\r\t "#;:*-0123456789abcdefxyz\\\x00\xff\xc3\xa9\xe2\x82'
    size = rng.randint(0, 400)
    if seed % 2:
        data = bytes(rng.randrange(256) for _ in range(size))
    else:
        data = bytes(rng.choice(alphabet) for _ in range(size))
    path = ledger_file(data, f"r{seed}.career")
    result = CliRunner().invoke(main, ["check", "--as-of", "2024-06-01", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


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
