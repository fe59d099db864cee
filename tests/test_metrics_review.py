"""The review packet (careerledger.metrics.review): what happened in a period, with the
headline figures of the period and of the one before it.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
import pytest
from conftest import D, ledger

from careerledger.metrics.review import changes, compared, next_period_of, previous_period, review


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


# --- which update told each win ------------------------------------------------------------------

STORIES = """
    2024-04-02 update "Pricing plan"
      covers: #pricing
    2024-04-10 win "New price book" #pricing #sales
    2024-04-10 update "Same-day note"
      covers: #sales
    2024-04-15 update "Ops and pricing"
      covers: #pricing #ops
    2024-04-20 win "Hired two PMs" #hiring
    2024-04-25 win "Untagged win"
    2024-05-02 update "Hiring news"
      covers: #hiring
"""


def test_each_win_is_linked_to_the_updates_of_the_period_that_told_it():
    led = ledger(STORIES)
    rv = review(led.entries, D("2024-07-15"), D("2024-04-01"), D("2024-05-01"), led.options)
    told = {s.win.text: [u.title for u in s.told_in] for s in rv.stories}
    assert told == {
        # "Pricing plan" covers #pricing but came before the win; the same day counts
        "New price book": ["Same-day note", "Ops and pricing"],
        # "Hiring news" covers #hiring, but in May: not in April's packet
        "Hired two PMs": [],
        # no #tag, so no update can cover it
        "Untagged win": [],
    }
    assert [w.text for w in rv.untold] == ["Hired two PMs", "Untagged win"]
    # the quarter's packet holds May's update: the hire was told
    rv = review(led.entries, D("2024-07-15"), D("2024-04-01"), D("2024-07-01"), led.options)
    assert [w.text for w in rv.untold] == ["Untagged win"]


# --- which figures are compared ----------------------------------------------------------------


def test_changes_only_where_a_comparison_means_something():
    led = ledger(REVIEW)
    # April 2024 against March: 30 days, a month: the counts are not compared
    ch = changes(review(led.entries, D("2024-05-15"), D("2024-04-01"), D("2024-05-01"), led.options))
    assert ch == {"periods_kept": 0, "periods_missed": 0, "updates": None, "wins": None, "skills_moved": None,
                  "bets_opened": None, "bets_closed": None, "feedback": None, "actionable": None, "actioned": None,
                  "days_since_swing": None, "needs_mastered": 1}
    # 2024-Q2 against 2024-Q1 (91 days), as of 2024-07-15. Q2: the April and May notes; the
    # contract's April and May kept, June missed; 1 win; pricing mastered; Beta opened; Alpha
    # closed; "Nice" and "Too slow" (critical, no action). Q1: the March note; January and
    # February missed, March kept; Alpha opened; "Too long" (constructive, with an action).
    ch = changes(review(led.entries, D("2024-07-15"), D("2024-04-01"), D("2024-07-01"), led.options))
    assert ch == {"periods_kept": 2 - 1, "periods_missed": 1 - 2, "updates": 2 - 1, "wins": 1 - 0,
                  "skills_moved": 1 - 0, "bets_opened": 1 - 1, "bets_closed": 1 - 0, "feedback": 2 - 1,
                  "actionable": 1 - 1, "actioned": 0 - 1, "days_since_swing": None, "needs_mastered": 1 - 0}


def test_counts_are_compared_from_ninety_days_on():
    # 2024-01-01 -> 2024-03-30 is 31 + 29 + 29 = 89 days; to 2024-03-31, 90
    assert compared("wins", D("2024-01-01"), D("2024-03-30")) is False
    assert compared("wins", D("2024-01-01"), D("2024-03-31")) is True
    # 2025-Q1, the shortest quarter: 31 + 28 + 31 = 90 days
    assert compared("updates", D("2025-01-01"), D("2025-04-01")) is True
    # whatever the length: the cadence and the needs mastered always, the swing never
    for field in ("periods_kept", "periods_missed", "needs_mastered"):
        assert compared(field, D("2024-01-01"), D("2024-01-08")) is True
    assert compared("days_since_swing", D("2024-01-01"), D("2025-01-01")) is False


# --- what comes next -------------------------------------------------------------------------------

NEXT = """
    2024-01-10 contract "Monthly note"
      every: month
      count: 2
      with: "VP"
    2024-03-01 bet "Open one"
      size: small
    2024-03-06 contract "Weekly sync"
      every: week
      until: 2024-07-10
    2024-04-01 bet "Closed later"
    2024-05-10 contract "Late"
      every: month
    2024-05-20 outcome "Closed later" success
"""


def commitments(rv):
    return [(c.contract.text, [p[2] for p in c.periods], c.updates, c.by) for c in rv.commitments]


@pytest.mark.parametrize(("begin", "end", "next_begin", "next_end"), [
    ("2026-06-01", "2026-07-01", "2026-07-01", "2026-08-01"),  # a month: the next month
    ("2026-01-01", "2026-04-01", "2026-04-01", "2026-07-01"),  # a quarter
    ("2025-12-29", "2026-01-05", "2026-01-05", "2026-01-12"),  # ISO 2026-W01 -> W02
    ("2026-03-10", "2026-03-20", "2026-03-20", "2026-03-30"),  # 10 days: the 10 days after
])
def test_next_period_of_the_same_length(begin, end, next_begin, next_end):
    assert next_period_of(D(begin), D(end)) == (D(next_begin), D(next_end))


def test_what_comes_next_as_the_period_ended():
    led = ledger(NEXT)
    # 2024-Q1, as of 2024-06-01: the next period is 2024-Q2. The monthly note's April, May and
    # June: 3 x 2 = 6 updates. The weekly sync's weeks whose Sunday is in Q2: 2024-04-01 is a
    # Monday (ISO week 14: 13 weeks after Monday 2024-01-01), up to the week of 06-24 (W26),
    # which ends on 06-30: 13 weeks. The week of 03-25 ends on 03-31: it is Q1's.
    rv = review(led.entries, D("2024-06-01"), D("2024-01-01"), D("2024-04-01"), led.options)
    assert commitments(rv) == [
        ("Monthly note", ["2024-04", "2024-05", "2024-06"], 6, D("2024-06-30")),
        ("Weekly sync", [f"2024-W{w}" for w in range(14, 27)], 13, D("2024-06-30")),
    ]
    # open on 2024-03-31: "Closed later" is dated after it
    assert [b.name for b in rv.open_bets] == ["Open one"]

    # April 2024: on 04-30 "Closed later" was still open (it closed 05-20); "Late" did not exist.
    # May's weeks: those ending 05-06, 05-13, 05-20, 05-27 (W18 to W21; the week of 05-27 ends
    # in June)
    rv = review(led.entries, D("2024-06-01"), D("2024-04-01"), D("2024-05-01"), led.options)
    assert [b.name for b in rv.open_bets] == ["Open one", "Closed later"]
    assert commitments(rv) == [
        ("Monthly note", ["2024-05"], 2, D("2024-05-31")),
        ("Weekly sync", ["2024-W18", "2024-W19", "2024-W20", "2024-W21"], 4, D("2024-05-26")),
    ]

    # June 2024, as of 2024-08-01: July. The weekly sync ends on 07-10: its last week is the one
    # holding that day (07-08 to 07-14), so 2 weeks; "Late" (from May) asks for July's note
    rv = review(led.entries, D("2024-08-01"), D("2024-06-01"), D("2024-07-01"), led.options)
    assert commitments(rv) == [
        ("Monthly note", ["2024-07"], 2, D("2024-07-31")),
        ("Weekly sync", ["2024-W27", "2024-W28"], 2, D("2024-07-14")),
        ("Late", ["2024-07"], 1, D("2024-07-31")),
    ]
    assert [b.name for b in rv.open_bets] == ["Open one"]


def test_contract_periods_are_compared_only_when_some_ended_in_both_periods():
    led = ledger("""
        2024-01-01 contract "Quarterly letter"
          every: quarter
        2024-03-10 update "Q1 letter"
    """)
    # March holds Q1's last day (kept); April holds none: nothing was due, nothing kept or missed
    ch = changes(review(led.entries, D("2024-08-01"), D("2024-04-01"), D("2024-05-01"), led.options))
    assert (ch["periods_kept"], ch["periods_missed"]) == (None, None)
    # June holds Q2's last day (missed: no letter), May none
    rv = review(led.entries, D("2024-08-01"), D("2024-06-01"), D("2024-07-01"), led.options)
    assert (rv.headline.periods_missed, rv.previous.periods_missed) == (1, 0)
    assert changes(rv)["periods_missed"] is None
    # Q2 against Q1: one period ended in each, kept 0 - 1, missed 1 - 0
    ch = changes(review(led.entries, D("2024-08-01"), D("2024-04-01"), D("2024-07-01"), led.options))
    assert (ch["periods_kept"], ch["periods_missed"]) == (-1, 1)
