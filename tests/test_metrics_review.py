"""The review packet (careerledger.metrics.review): what happened in a period, with the
headline figures of the period and of the one before it.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
import pytest
from conftest import D, ledger

from careerledger.metrics.review import previous_period, review


@pytest.mark.parametrize(("begin", "end", "prev_begin", "prev_end"), [
    ("2026-09-01", "2026-10-01", "2026-08-01", "2026-09-01"),  # a month: the month before
    ("2026-03-01", "2026-04-01", "2026-02-01", "2026-03-01"),  # February, 28 days, not 31
    ("2026-01-01", "2026-04-01", "2025-10-01", "2026-01-01"),  # 2026-Q1 -> 2025-Q4
    ("2025-12-29", "2026-01-05", "2025-12-22", "2025-12-29"),  # ISO 2026-W01 -> 2025-W52
    ("2026-01-01", "2027-01-01", "2025-01-01", "2026-01-01"),  # a year
    ("2026-03-10", "2026-03-20", "2026-02-28", "2026-03-10"),  # 10 days: the 10 days before
])
def test_previous_period_of_the_same_length(begin, end, prev_begin, prev_end):
    assert previous_period(D(begin), D(end)) == (D(prev_begin), D(prev_end))


REVIEW = """
    option "established" "2020-01-01"
    2020-01-01 north-star "Lead"
      needs: #pricing
    2021-01-01 role "PM" at "A"
      track: core
      phase: impact
    2023-01-01 skill #pricing proficient
    2023-03-01 contract "Monthly note"
      every: month
    2024-02-20 bet "Alpha"
      size: big
    2024-03-05 update "March note"
    2024-03-20 feedback "Too long"
      from: "VP"
      tone: constructive
      action: "Shorter"
    2024-04-02 update "April note"
      to: "VP"
      via: email
    2024-04-10 win "Faster checkout"
      impact: "20% less time to pay"
    2024-04-12 skill #pricing mastered
    2024-04-20 outcome "Alpha" success
      story: "It worked"
    2024-04-25 bet "Beta"
      size: small
    2024-04-28 feedback "Nice"
      from: "VP"
      tone: positive
    2024-04-29 feedback "Too slow"
      from: "CTO"
      tone: critical
    2024-05-03 update "May note"
"""


def test_review_packet_and_the_previous_period():
    led = ledger(REVIEW)
    rv = review(led.entries, D("2024-05-15"), D("2024-04-01"), D("2024-05-01"), led.options)
    assert [w.text for w in rv.wins] == ["Faster checkout"]
    assert [u.title for u in rv.updates] == ["April note"]  # not March's, not May's
    assert [(s.skill, s.previous, s.level) for s in rv.skills] == [("pricing", "proficient", "mastered")]
    assert [(b.name, b.open) for b in rv.bets_opened] == [("Beta", True)]
    # Alpha: 2024-02-20 -> 2024-04-20 = 10 (to Mar 1, Feb 2024 has 29 days) + 31 + 19 = 60 days
    assert [(b.name, b.result, b.story, b.days) for b in rv.bets_closed] == [("Alpha", "success", "It worked", 60)]
    assert [f.text for f in rv.feedback] == ["Nice", "Too slow"]
    # the contract's April period ends in April (its last day, 2024-04-30, is in it)
    assert [(c.period.label, c.period.updates, c.period.kept) for c in rv.contract_periods] == [("2024-04", 1, True)]

    h = rv.headline
    assert (h.begin, h.end, h.on) == (D("2024-04-01"), D("2024-05-01"), D("2024-04-30"))
    # updates 1, April kept, 1 win, 1 skill entry, Beta opened, Alpha closed,
    # 2 feedback of which 1 critical, 0 with an action
    assert (h.updates, h.periods_kept, h.periods_missed, h.wins, h.skills_moved, h.bets_opened,
            h.bets_closed, h.feedback, h.actionable, h.actioned) == (1, 1, 0, 1, 1, 1, 1, 2, 1, 0)
    # last big swing Alpha 2024-02-20 (Beta is small); to 2024-04-30: 10 + 31 + 29 = 70 days
    assert (h.days_since_swing, h.needs_mastered) == (70, 1)

    p = rv.previous
    assert (p.begin, p.end, p.on) == (D("2024-03-01"), D("2024-04-01"), D("2024-03-31"))
    assert (p.updates, p.periods_kept, p.periods_missed, p.wins, p.skills_moved, p.bets_opened,
            p.bets_closed, p.feedback, p.actionable, p.actioned) == (1, 1, 0, 0, 0, 0, 0, 1, 1, 1)
    # 2024-02-20 -> 2024-03-31: 10 + 30 = 40 days; pricing still proficient then
    assert (p.days_since_swing, p.needs_mastered) == (40, 0)


def test_review_of_a_period_with_nothing_in_it():
    led = ledger(REVIEW)
    rv = review(led.entries, D("2024-05-15"), D("2022-06-01"), D("2022-07-01"), led.options)
    assert (rv.wins, rv.updates, rv.skills, rv.bets_opened, rv.bets_closed, rv.feedback, rv.contract_periods) == (
        (), (), (), (), (), (), ())
    h = rv.headline
    assert (h.updates, h.wins, h.feedback, h.periods_kept, h.periods_missed) == (0, 0, 0, 0, 0)
    # no big swing by 2022-06-30; a north star, but pricing has no entry before 2023
    assert (h.days_since_swing, h.needs_mastered) == (None, 0)


def test_review_of_a_period_not_over_yet_takes_the_state_as_of_as_of():
    led = ledger(REVIEW)
    rv = review(led.entries, D("2024-05-15"), D("2024-05-01"), D("2024-06-01"), led.options)
    # 2024-05: only what happened up to as-of (the May note); the May contract period is not over.
    assert [u.title for u in rv.updates] == ["May note"]
    assert rv.contract_periods == ()
    # 2024-02-20 -> 2024-05-15: 10 + 31 + 30 + 14 = 85 days
    assert (rv.headline.on, rv.headline.days_since_swing) == (D("2024-05-15"), 85)
