"""Format 1.1 (docs/format.md, "Changes"): side roles end, bet names repeat,
moves, contracts in a role and updates for a contract, the cross-references
checked. Each value below is computed by hand in the comment above it."""

import pytest
from conftest import ROLE_META, D, assert_one_problem, codes, ledger, parse

from careerledger.core.links import links
from careerledger.metrics import cadence, roles, swings
from careerledger.metrics.northstar import working_backward

SIDE = ROLE_META + "  side: yes\n"

# (id, text, code, line, col, hint fragment or None)
FORMAT_1_1_ERRORS = [
    ("bet-open-twice", '2024-01-01 bet "Pilot"\n2024-02-01 bet "Pilot"\n', "E409", 2, 1,
     "the open one is at test.career:1"),
    ("outcome-same-day-above-its-bet", '2024-01-01 outcome "b" success\n2024-01-01 bet "b"\n', "E403", 1, 1,
     "write the bet (at test.career:2) above its outcome"),
    ("leave-near-a-side-role", '2020-01-01 role "PM" at "X"\n' + ROLE_META + '2020-02-01 role "Advisor" at "Y"\n'
     + SIDE + '2021-01-01 leave "Advisr"\n', "E404", 8, 1, 'did you mean "Advisor"?'),
    ("leave-two-side-roles", '2020-01-01 role "Advisor" at "X"\n' + SIDE + '2020-02-01 role "Advisor" at "Y"\n'
     + SIDE + '2021-01-01 leave "Advisor"\n', "E413", 9, 1, 'add at: with the organisation of the one it ends'
     ' ("X", "Y")'),
    ("leave-at-no-such-org", '2020-01-01 role "Advisor" at "X"\n' + SIDE + '2021-01-01 leave "Advisor"\n'
     '  at: "Z"\n', "E404", 5, 1, None),
    ("contract-in-unknown-role", '2020-01-01 role "Senior PM" at "X"\n' + ROLE_META
     + '2020-02-01 contract "Monthly"\n  every: month\n  in: "Senior PN"\n', "E410", 4, 1,
     'did you mean "Senior PM"?'),
    ("contract-in-a-role-ended", '2020-01-01 role "PM" at "X"\n' + ROLE_META + '2020-06-01 leave "PM"\n'
     + '2020-07-01 contract "Monthly"\n  every: month\n  in: "PM"\n', "E410", 5, 1, "held on the entry's date"),
    ("update-for-unknown-contract", '2020-01-01 contract "Monthly note"\n  every: month\n'
     '2020-02-01 update "Jan"\n  for: "Monthly notes"\n', "E411", 3, 1, 'did you mean "Monthly note"?'),
    ("update-for-with-no-contract", '2020-02-01 update "Jan"\n  for: "Monthly"\n', "E411", 1, 1,
     'contract "commitment"'),
    ("contract-until-before-its-date", '2020-03-01 contract "Monthly"\n  every: month\n  until: 2020-02-29\n',
     "E412", 1, 1, "on or after its date"),
    ("north-star-by-before-its-date", '2020-03-01 north-star "CPO"\n  by: 2019-12-31\n', "E412", 1, 1, None),
]


@pytest.mark.parametrize(("text", "code", "line", "col", "hint"), [r[1:] for r in FORMAT_1_1_ERRORS],
                         ids=[r[0] for r in FORMAT_1_1_ERRORS])
def test_format_1_1_error(text, code, line, col, hint):
    problem = assert_one_problem(text, code, line, col, hint)
    assert problem.length == 10


# --- 1. side roles end ---------------------------------------------------------------------------

SIDE_ENDS = """
    2020-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2020-03-01 role "Advisor" at "Seedling"
      track: innovation
      side: yes
    2021-03-01 leave "Advisor"
      why: "the company was sold"
    2022-01-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
"""


def test_a_leave_ends_a_side_role_and_leaves_the_main_role_held():
    led = ledger(SIDE_ENDS)
    as_of = D("2022-07-01")
    [acme, seedling] = roles.tenures(led.entries, as_of)
    # Acme 2020-01-01 -> as of: 912 days (366 + 365 + 181), one promotion, still held
    assert (acme.org, acme.start, acme.end, acme.days, acme.promotions) == ("Acme", D("2020-01-01"), None, 912, 1)
    # the side role ran 2020-03-01 -> 2021-03-01: 365 days (2020-03-01 is after the leap day)
    assert (seedling.side, seedling.start, seedling.end, seedling.days) == (True, D("2020-03-01"), D("2021-03-01"), 365)
    # an innovation side role is still a big swing, and now it has an end
    s = swings.swings(led.entries, as_of)
    [side] = s.innovation_roles
    assert (side.role.title, side.end, side.days, side.side) == ("Advisor", D("2021-03-01"), 365, True)
    # the PM role was not ended by the side role's leave: no gap
    assert roles.current_role(led.entries, as_of).org_since == D("2020-01-01")


def test_a_side_role_s_phase_is_optional():
    led = ledger("""
        2020-01-01 role "Board member" at "Charity"
          track: core
          side: yes
    """)
    [role] = led.entries
    assert (role.side, role.phase) == (True, None)
    [problem] = parse('2020-01-01 role "PM" at "Acme"\n  track: core\n').problems
    assert (problem.code, problem.message) == ("E204", "'role' needs 'phase:' metadata")


def test_a_leave_names_the_main_role_first_then_at_picks_a_side_role():
    led = ledger("""
        2020-01-01 role "Advisor" at "Acme"
          track: core
          phase: impact
        2020-02-01 role "Advisor" at "Seedling"
          track: core
          side: yes
        2021-01-01 leave "Advisor"
        2022-01-01 leave "Advisor"
          at: "Seedling"
    """)
    ends = links(led.entries).ends
    first, second = (e for e in led.entries if type(e).__name__ == "Leave")
    # as in format 1.0, a leave names the main role when its title matches
    assert ends[first].org == "Acme"
    assert ends[second].org == "Seedling"


def test_a_mistyped_leave_still_ends_the_main_role_as_in_1_0():
    led = parse('2020-01-01 role "PM" at "Acme"\n' + ROLE_META + '2021-01-01 leave "P M"\n', raw=True)
    assert codes(led) == [("E404", 4, 1)]
    [tenure] = roles.tenures(led.entries, D("2022-01-01"))
    assert tenure.end == D("2021-01-01")


# --- 2. bet names repeat once the earlier bet is closed ------------------------------------------


def test_a_bet_name_is_reused_after_its_outcome():
    led = ledger("""
        2020-01-01 bet "Pilot"
        2020-06-01 outcome "Pilot" failure
        2021-01-01 bet "Pilot"
          size: small
        2021-09-01 outcome "Pilot" success
        2022-01-01 bet "Pilot"
    """)
    s = swings.swings(led.entries, D("2022-03-01"))
    # each outcome closes the bet of that name open at the time: 152 and 243 days; the third is open 59 days
    assert [(b.date, b.result, b.days, b.open) for b in s.bets] == [
        (D("2020-01-01"), "failure", 152, False), (D("2021-01-01"), "success", 243, False),
        (D("2022-01-01"), None, 59, True),
    ]
    assert (s.closed, s.successes, s.success_rate) == (2, 1, 0.5)


# --- 3. moves ------------------------------------------------------------------------------------

MOVES = """
    2015-01-01 role "PM" at "Acme"
      track: core
      phase: learning
    2017-01-01 role "Senior PM" at "Acme"
      track: core
      phase: impact
    2019-01-01 role "PM, Platform" at "Acme"
      track: core
      phase: learning
      move: lateral
      why: "lateral move, smaller scope, a new domain"
    2020-01-01 role "Associate PM" at "Globex"
      track: innovation
      phase: learning
      move: step-down
    2021-01-01 role "PM" at "Globex"
      track: innovation
      phase: impact
      move: promotion
"""


def test_only_promotions_count_as_promotions_and_steps_read_as_written():
    acme, globex = roles.tenures(ledger(MOVES).entries, D("2022-01-01"))
    assert [r.step for r in acme.roles] == ["joined", "promotion", "lateral"]
    assert acme.promotions == 1  # the lateral move is not one
    assert [(r.step, r.move) for r in globex.roles] == [("joined", "step-down"), ("promotion", "promotion")]
    assert globex.promotions == 1


def test_the_roles_report_shows_the_move_as_given():
    from careerledger.reports.model import build

    table = build("roles", ledger(MOVES), D("2022-01-01")).sections[1]
    step = [c.key for c in table.columns].index("step")
    assert [row[step] for row in table.rows] == ["joined", "promotion", "lateral", "joined, step-down", "promotion"]


# --- 4. contracts in a role, updates for a contract ---------------------------------------------

CONTRACTS = """
    2024-01-08 role "Senior PM" at "Acme"
      track: core
      phase: impact
    2024-01-10 contract "Monthly note to my VP"
      every: month
      in: "Senior PM"
    2024-01-10 contract "Quarterly letter to the board"
      every: quarter
    2024-01-20 update "January note"
      for: "Monthly note to my VP"
    2024-02-15 update "A note for everyone"
    2024-04-20 update "Board letter, Q2"
      for: "Quarterly letter to the board"
    2024-05-16 role "Group PM" at "Globex"
      track: core
      phase: impact
"""


def test_a_contract_in_a_role_ends_with_it_and_an_update_for_one_counts_only_for_it():
    led = ledger(CONTRACTS)
    monthly, quarterly = cadence.cadence(led.entries, D("2024-09-15"))
    # Senior PM ended 2024-05-16 (the Group PM role): its last day 2024-05-15, so May is the last period.
    # Jan: the January note (1); Feb: the note for everyone (1); Mar, Apr (the board letter is not for it), May: 0
    assert (monthly.last_day, monthly.live) == (D("2024-05-15"), False)
    assert [(p.label, p.updates) for p in monthly.periods] == [
        ("2024-01", 1), ("2024-02", 1), ("2024-03", 0), ("2024-04", 0), ("2024-05", 0)]
    assert (monthly.kept, monthly.missed, monthly.current_run) == (2, 3, 0)
    # the board contract: Q1 has the note for everyone (the January note is not for it), Q2 the board letter
    assert (quarterly.last_day, quarterly.live) == (None, True)
    assert [(p.label, p.updates) for p in quarterly.periods] == [("2024-Q1", 1), ("2024-Q2", 1)]
    # Both latest whole periods are kept or over, so no cadence-missed. The board contract has neither
    # in: nor until: and the main role held on its date (Senior PM) has ended: contract-orphaned, line 7.
    from careerledger.checks import pitfalls

    warned = pitfalls.run(led, D("2024-09-15"), frozenset({"cadence-missed", "contract-orphaned"}))
    assert [(w.code, w.loc.line) for w in warned] == [("W212", 7)]


def test_a_contract_s_until_still_wins_when_it_comes_before_its_role_s_end():
    text = CONTRACTS.replace('      in: "Senior PM"\n', '      in: "Senior PM"\n      until: 2024-03-31\n')
    [monthly, _] = cadence.cadence(ledger(text).entries, D("2024-09-15"))
    assert monthly.last_day == D("2024-03-31")
    assert [p.label for p in monthly.periods] == ["2024-01", "2024-02", "2024-03"]


# --- docs gaps: what a builder sees of side roles ---------------------------------------------------


def test_a_side_role_s_tags_build_a_need_until_its_leave():
    led = ledger("""
        2020-01-01 north-star "CPO"
          needs: #governance
        2020-02-01 role "Board member" at "Charity" #governance
          track: core
          side: yes
        2021-02-01 leave "Board member"
    """)
    [need] = working_backward(led.entries, D("2022-01-01")).needs
    [builder] = need.built_by
    assert (builder.kind, builder.date, builder.end) == ("role", D("2020-02-01"), D("2021-02-01"))
