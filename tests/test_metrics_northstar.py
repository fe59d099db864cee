"""The north star (careerledger.metrics.northstar): the current one and its history, the
coverage of its needs, and the steps working backward.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from conftest import D, ledger

from careerledger.metrics.northstar import Backward, built_by, coverage, levels_to_go, north_star, working_backward

STARS = """
    2020-01-01 north-star "CPO"
      needs: #strategy #pricing #hiring
    2020-05-01 skill #pricing proficient
    2020-08-01 skill #strategy mastered
    2021-01-01 north-star "CPO at a scale-up"
      needs: #zero-to-one #exec-communication #pricing #hiring
    2021-02-01 skill #hiring mastered
    2021-03-01 skill #exec-communication practicing
    2021-06-01 skill #pricing mastered
    2022-01-01 skill #hiring proficient
    2030-01-01 skill #zero-to-one mastered
"""


def test_coverage_of_the_latest_north_star():
    led = ledger(STARS)
    cov = coverage(led.entries, D("2022-06-01"))
    assert cov.north_star.vision == "CPO at a scale-up"
    assert cov.needs == ("zero-to-one", "exec-communication", "pricing", "hiring")
    assert [(s.skill, s.date) for s in cov.mastered] == [("pricing", D("2021-06-01"))]
    # hiring: mastered, then re-assessed as proficient; the latest entry wins.
    assert [(s.skill, s.level) for s in cov.lower] == [
        ("exec-communication", "practicing"), ("hiring", "proficient")]
    assert cov.missing == ("zero-to-one",)  # its entry is after as_of
    # As of 2020-06-01 the first north star is the latest one.
    old = coverage(led.entries, D("2020-06-01"))
    assert ([s.skill for s in old.mastered], [s.skill for s in old.lower], old.missing) == (
        [], ["pricing"], ("strategy", "hiring"))
    none = coverage(led.entries, D("2019-12-31"))
    assert none == (None, (), (), (), ())


def test_north_star_history_and_horizon():
    led = ledger(STARS)
    ns = north_star(led.entries, D("2022-06-01"))
    assert ns.current.vision == "CPO at a scale-up"
    assert [s.vision for s in ns.history] == ["CPO", "CPO at a scale-up"]
    # by defaults to 2021-01-01 + 5y = 2026-01-01.
    # 2022-06-01 -> 2025-06-01 = 365*3 + 1 (2024) = 1096; -> 2026-01-01: 30+31+31+30+31+30+31 = 214.
    assert (ns.by, ns.days_left, ns.expired) == (D("2026-01-01"), 1310, False)
    assert north_star(led.entries, D("2019-01-01")) == (None, (), None, None, False)


def test_north_star_expires_the_day_after_by():
    led = ledger("""
        2020-01-01 north-star "Staff engineer"
          by: 2022-05-31
    """)
    on = north_star(led.entries, D("2022-05-31"))
    assert (on.days_left, on.expired) == (0, False)
    after = north_star(led.entries, D("2022-06-01"))
    assert (after.days_left, after.expired) == (-1, True)


WORKING_BACKWARD = """
    option "owner" "Ada"
    2015-01-01 role "Analyst" at "Acme" #pricing
      track: core
      phase: learning
    2017-01-01 bet "Usage pricing" #pricing
      size: small
    2018-01-01 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 north-star "Senior PM"
      needs: #pricing
    2019-01-01 skill #pricing practicing
    2019-06-01 skill #hiring proficient
    2020-01-01 north-star "Head of Product"
      needs: #hiring #zero-to-one #pricing #payments #hiring
    2020-06-01 skill #payments mastered
    2021-01-01 skill #negotiation novice #pricing
    2022-01-01 skill #zero-to-one novice
"""


def test_levels_to_go():
    assert [levels_to_go(x) for x in ("mastered", "proficient", "practicing", "novice", None)] == [0, 1, 2, 3, 4]


def test_working_backward_steps_and_what_built_them():
    led = ledger(WORKING_BACKWARD)
    back = working_backward(led.entries, D("2021-06-01"))
    assert back.north_star.vision == "Head of Product"
    # needs in the north star's order, #hiring written twice counted once
    assert [(n.skill, n.level, n.since, n.to_go) for n in back.needs] == [
        ("hiring", "proficient", D("2019-06-01"), 1),
        ("zero-to-one", None, None, 4),  # its novice entry is dated 2022, after as-of
        ("pricing", "practicing", D("2019-01-01"), 2),
        ("payments", "mastered", D("2020-06-01"), 0),
    ]
    # farthest first: zero-to-one 4, pricing 2, hiring 1; payments is mastered
    assert [n.skill for n in back.steps] == ["zero-to-one", "pricing", "hiring"]
    pricing = back.steps[1]
    assert [(b.kind, b.name, b.date, b.end) for b in pricing.built_by] == [
        ("role", "Analyst", D("2015-01-01"), D("2018-01-01")),  # ended by the PM role
        ("bet", "Usage pricing", D("2017-01-01"), None),  # still open
        ("skill", "#pricing practicing", D("2019-01-01"), None),
        ("skill", "#negotiation novice", D("2021-01-01"), None),  # tagged #pricing
    ]
    assert back.steps[0].built_by == ()
    assert [b.name for b in back.steps[2].built_by] == ["#hiring proficient"]
    assert built_by(led.entries, "pricing", D("2018-06-01"))[-1].name == "Usage pricing"


def test_working_backward_with_no_north_star():
    led = ledger('2020-01-01 skill #pricing novice\n')
    assert working_backward(led.entries, D("2021-01-01")) == Backward(None, (), ())
