"""Feedback as data (careerledger.metrics.feedback): by source, tone and year, and how much of
the constructive and critical feedback records an action.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from conftest import D, ledger

from careerledger.metrics.feedback import ACTION_WITHIN, ToneCount, feedback, overdue_actions

FEEDBACK = """
    2022-02-01 feedback "a"
      from: "Boss"
      tone: positive
    2022-05-01 feedback "b"
      from: "Boss"
      tone: constructive
      action: "x"
    2022-08-01 feedback "c"
      from: "Peer"
      tone: critical
    2024-01-15 feedback "d"
      from: "Peer"
      tone: constructive
    2024-02-01 feedback "e"
    2024-02-10 feedback "f"
      from: "Boss"
      tone: critical
      action: "y"
    2024-04-01 feedback "g"
      from: "Peer"
      tone: critical
"""


def test_feedback_by_source_tone_and_year():
    led = ledger(FEEDBACK)
    fb = feedback(led.entries, D("2024-03-01"))  # g (2024-04-01) is after as-of
    assert [f.text for f in fb.items] == ["a", "b", "c", "d", "e", "f"]
    # 6 received: positive a; constructive b, d; critical c, f; no tone e.
    # Constructive or critical: b, c, d, f = 4; with an action: b, f = 2; 2 / 4 = 0.5.
    assert fb.totals == ToneCount(None, 6, 1, 2, 2, 1, 4, 2)
    assert fb.actioned_share == 0.5
    # Boss 3 (a, b, f), Peer 2 (c, d), no from: 1 (e), last.
    assert fb.by_source == (
        ToneCount("Boss", 3, 1, 1, 1, 0, 2, 2),
        ToneCount("Peer", 2, 0, 1, 1, 0, 2, 0),
        ToneCount(None, 1, 0, 0, 0, 1, 0, 0),
    )
    # every year from the first feedback's (2022) to as-of's (2024), 2023 empty
    assert fb.by_year == (
        ToneCount(2022, 3, 1, 1, 1, 0, 2, 1),
        ToneCount(2023, 0, 0, 0, 0, 0, 0, 0),
        ToneCount(2024, 3, 0, 1, 1, 1, 2, 1),
    )
    assert [f.text for f in fb.actions] == ["b", "f"]
    assert [f.text for f in fb.unactioned] == ["c", "d"]


def test_feedback_inside_a_window():
    led = ledger(FEEDBACK)
    # [2022-06-01, 2024-02-01): c (2022-08-01) and d (2024-01-15); e (2024-02-01) is the end, excluded
    fb = feedback(led.entries, D("2024-03-01"), D("2022-06-01"), D("2024-02-01"))
    assert [f.text for f in fb.items] == ["c", "d"]
    # critical c, constructive d: 2 actionable, neither with an action
    assert fb.totals == ToneCount(None, 2, 0, 1, 1, 0, 2, 0)
    assert fb.actioned_share == 0.0
    assert fb.by_source == (ToneCount("Peer", 2, 0, 1, 1, 0, 2, 0),)
    # the years still run from the first feedback's (a, 2022) to as-of's, counting c and d alone
    assert [(y.label, y.total) for y in fb.by_year] == [(2022, 1), (2023, 0), (2024, 1)]
    assert fb.actions == ()
    assert [f.text for f in fb.unactioned] == ["c", "d"]
    # a window holding none: zeros, and the years all there
    empty = feedback(led.entries, D("2024-03-01"), D("2023-01-01"), D("2024-01-01"))
    assert (empty.totals.total, empty.actioned_share, empty.by_source) == (0, None, ())
    assert [(y.label, y.total) for y in empty.by_year] == [(2022, 0), (2023, 0), (2024, 0)]


def test_feedback_none_at_all():
    fb = feedback(ledger('2020-01-01 note "x"\n').entries, D("2021-01-01"))
    assert fb.totals == ToneCount(None, 0, 0, 0, 0, 0, 0, 0)
    assert (fb.actioned_share, fb.by_source, fb.by_year, fb.actions, fb.unactioned) == (None, (), (), (), ())


def test_feedback_a_positive_action_counts_as_an_action_but_not_in_the_share():
    led = ledger("""
        2024-01-01 feedback "Great demo"
          tone: positive
          action: "Demo every sprint"
    """)
    fb = feedback(led.entries, D("2024-02-01"))
    assert (fb.totals.actionable, fb.totals.actioned, fb.actioned_share) == (0, 0, None)
    assert [f.action for f in fb.actions] == ["Demo every sprint"]


def test_overdue_actions_after_30_days():
    led = ledger(FEEDBACK)
    # c (critical, 2022-08-01) and d (constructive, 2024-01-15) have no action. As of
    # 2024-02-14, d is 16 (to Jan 31) + 14 = 30 days old: not overdue yet; c is 2022-08-01
    # -> 2023-08-01 = 365, -> 2024-02-01: 31 + 30 + 31 + 30 + 31 + 31 = 184, + 13 = 562 days old
    got = [(f.text, age) for f, age in overdue_actions(led.entries, D("2024-02-14"))]
    assert got == [("c", 562)]
    assert ACTION_WITHIN == 30
    # the day after, d is 31 days old
    assert [f.text for f, _ in overdue_actions(led.entries, D("2024-02-15"))] == ["c", "d"]
