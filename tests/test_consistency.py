"""Consistency of the whole ledger (careerledger.checks.consistency): errors
found after every file is read and the entries are sorted, E401-E408.

One malformed ledger per row of CONSISTENCY_ERRORS (as SYNTAX_ERRORS in
test_syntax.py), then the rules that the checks see the sorted ledger and that
their problems merge with the parser's in line order.
"""

import pytest
from conftest import ROLE_META, assert_one_problem, codes, ledger, parse

from careerledger.checks.consistency import validate

# (id, text, code, line, col, hint fragment or None)
CONSISTENCY_ERRORS = [
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
]


@pytest.mark.parametrize(("text", "code", "line", "col", "hint"), [r[1:] for r in CONSISTENCY_ERRORS],
                         ids=[r[0] for r in CONSISTENCY_ERRORS])
def test_consistency_error(text, code, line, col, hint):
    problem = assert_one_problem(text, code, line, col, hint)
    assert problem.length == 10  # the entry's date is underlined


def test_validation_runs_on_the_sorted_ledger():
    # the leave is written first but dated after the role: it is valid
    ledger("""
        2021-06-01 leave "PM"
        2020-01-01 role "PM" at "Acme"
          track: core
          phase: impact
    """)


def test_validate_takes_the_entries_and_returns_the_problems():
    led = parse('2024-01-01 outcome "ghost" success\n2024-01-02 bet "ghost"\n')
    # the outcome is before its bet: validate finds it again from the entries alone
    assert [(p.code, p.loc.line) for p in validate(led.entries)] == [("E403", 1)]
    assert validate(()) == []


def test_problems_are_in_line_order_across_stages():
    # parse problems and validation problems are merged in line order
    led = parse("""
        2024-01-01 outcome "ghost" success
        2024-01-02 nope "x"
        2024-01-03 home 9
    """)
    assert codes(led) == [("E401", 1, 1), ("E104", 2, 12), ("E407", 3, 17)]
