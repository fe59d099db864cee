"""More metrics (careerledger.compute): skills, feedback, the home trend, the
landing phases and the review packet, against values worked out by hand.

Each test is a worked example of docs/metrics.md (named after it there). As
in test_metrics.py, every expected number is written out with its
arithmetic; none is computed with the code under test. Month lengths: Jan 31,
Feb 28 (29 in 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31, Aug 31,
Sep 30, Oct 31, Nov 30, Dec 31.
"""

import textwrap
from datetime import date

import pytest

import careerledger
from careerledger import compute as C

D = date.fromisoformat


def ledger(text):
    led = careerledger.load_string(textwrap.dedent(text))
    assert led.problems == (), led.problems
    return led


# --- skills ----------------------------------------------------------------------------

SKILLS = """
    2020-01-01 north-star "Head of Pricing"
      needs: #pricing #hiring #sql #ops
    2019-03-01 skill #pricing novice
    2020-03-01 skill #pricing practicing
    2021-09-15 skill #pricing mastered
      evidence: "Ran the 2021 price change"
    2020-06-01 skill #hiring practicing
    2021-06-01 skill #hiring proficient
    2022-07-01 skill #hiring practicing
    2022-06-01 skill #sql novice
    2018-01-10 skill #writing proficient
    2023-01-10 skill #writing proficient
    2025-01-01 skill #ops novice
"""


def test_skill_progression_novice_to_mastered_and_stale():
    led = ledger(SKILLS)
    sk = C.skills(led.entries, D("2024-06-01"))
    # Needs first, in the north star's order (ops has no entry up to as-of: its
    # only entry is dated 2025), then the others by tag.
    assert [p.skill for p in sk.skills] == ["pricing", "hiring", "sql", "writing"]
    assert (sk.needs, sk.not_needed, sk.missing) == (("pricing", "hiring", "sql", "ops"), ("writing",), ("ops",))
    pricing, hiring, sql, writing = sk.skills

    # pricing: novice 2019-03-01 -> mastered 2021-09-15:
    # 2019-03-01 -> 2020-03-01 = 366 (2020-02-29), -> 2021-03-01 = 365,
    # -> 2021-09-15 = 31 + 30 + 31 + 30 + 31 + 31 + 14 = 198; 366 + 365 + 198 = 929 days.
    assert (pricing.level, pricing.novice_on, pricing.mastered_on, pricing.novice_to_mastered) == (
        "mastered", D("2019-03-01"), D("2021-09-15"), 929)
    assert [(s.level, s.previous, s.change) for s in pricing.steps] == [
        ("novice", None, "new"), ("practicing", "novice", "up"), ("mastered", "practicing", "up")]
    assert pricing.steps[-1].evidence == "Ran the 2021 price change"
    # mastered: nothing left to progress to, never stale
    assert (pricing.stale_after, pricing.stale, pricing.needed) == (None, False, True)

    # hiring: practicing (new), proficient (up), practicing (down: not progress).
    # Latest level practicing; last progress 2021-06-01; + 2y = 2023-06-01 < as-of: stale.
    assert (hiring.level, hiring.since, hiring.last_progress_on) == ("practicing", D("2022-07-01"), D("2021-06-01"))
    assert [s.change for s in hiring.steps] == ["new", "up", "down"]
    assert (hiring.novice_on, hiring.mastered_on, hiring.novice_to_mastered) == (None, None, None)
    assert (hiring.stale_after, hiring.stale) == (D("2023-06-01"), True)

    # sql: novice 2022-06-01 + 2y = 2024-06-01 = as-of: exactly two years, not stale yet.
    assert (sql.stale_after, sql.stale) == (D("2024-06-01"), False)

    # writing: proficient twice; the second ("same") is no progress: 2018-01-10 + 2y.
    assert [s.change for s in writing.steps] == ["new", "same"]
    assert (writing.last_progress_on, writing.stale_after, writing.stale, writing.needed) == (
        D("2018-01-10"), D("2020-01-10"), True, False)
    assert [p.skill for p in sk.stale] == ["hiring", "writing"]


def test_skill_stale_the_day_after_two_years():
    led = ledger(SKILLS)
    sk = C.skills(led.entries, D("2024-06-02"))
    assert [p.skill for p in sk.stale] == ["hiring", "sql", "writing"]


def test_skill_steps_in_a_span_keep_the_level_before_it():
    led = ledger(SKILLS)
    steps = C.skill_steps(led.entries, D("2024-06-01"), D("2021-01-01"), D("2022-01-01"))
    assert [(s.skill, s.date, s.previous, s.level, s.change) for s in steps] == [
        ("hiring", D("2021-06-01"), "practicing", "proficient", "up"),
        ("pricing", D("2021-09-15"), "practicing", "mastered", "up"),
    ]


def test_skills_with_no_north_star_and_no_skill():
    led = ledger("""
        2020-01-01 skill #sql novice
    """)
    sk = C.skills(led.entries, D("2021-01-01"))
    # no north star: nothing is needed, nothing is "not needed" either
    assert (sk.north_star, sk.needs, sk.not_needed, sk.missing) == (None, (), (), ())
    assert [(p.skill, p.needed) for p in sk.skills] == [("sql", False)]
    empty = C.skills(ledger('2020-01-01 note "x"\n').entries, D("2021-01-01"))
    assert (empty.skills, empty.stale) == ((), ())


def test_novice_after_mastered_gives_no_time_to_mastered():
    led = ledger("""
        2020-01-01 skill #sql mastered
        2021-01-01 skill #sql novice
    """)
    [p] = C.skills(led.entries, D("2021-06-01")).skills
    # mastered came first: no novice-to-mastered span; the later novice is a fall, and
    # the last progress is the first entry (2020-01-01 + 2y = 2022-01-01: not stale yet).
    assert (p.novice_to_mastered, p.level, p.last_progress_on, p.stale) == (None, "novice", D("2020-01-01"), False)


# --- feedback -------------------------------------------------------------------------------

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
    fb = C.feedback(led.entries, D("2024-03-01"))  # g (2024-04-01) is after as-of
    assert [f.text for f in fb.items] == ["a", "b", "c", "d", "e", "f"]
    # 6 received: positive a; constructive b, d; critical c, f; no tone e.
    # Constructive or critical: b, c, d, f = 4; with an action: b, f = 2; 2 / 4 = 0.5.
    assert fb.totals == C.ToneCount(None, 6, 1, 2, 2, 1, 4, 2)
    assert fb.actioned_share == 0.5
    # Boss 3 (a, b, f), Peer 2 (c, d), no from: 1 (e), last.
    assert fb.by_source == (
        C.ToneCount("Boss", 3, 1, 1, 1, 0, 2, 2),
        C.ToneCount("Peer", 2, 0, 1, 1, 0, 2, 0),
        C.ToneCount(None, 1, 0, 0, 0, 1, 0, 0),
    )
    # every year from the first feedback's (2022) to as-of's (2024), 2023 empty
    assert fb.by_year == (
        C.ToneCount(2022, 3, 1, 1, 1, 0, 2, 1),
        C.ToneCount(2023, 0, 0, 0, 0, 0, 0, 0),
        C.ToneCount(2024, 3, 0, 1, 1, 1, 2, 1),
    )
    assert [f.text for f in fb.actions] == ["b", "f"]
    assert [f.text for f in fb.unactioned] == ["c", "d"]


def test_feedback_none_at_all():
    fb = C.feedback(ledger('2020-01-01 note "x"\n').entries, D("2021-01-01"))
    assert fb.totals == C.ToneCount(None, 0, 0, 0, 0, 0, 0, 0)
    assert (fb.actioned_share, fb.by_source, fb.by_year, fb.actions, fb.unactioned) == (None, (), (), (), ())


def test_feedback_a_positive_action_counts_as_an_action_but_not_in_the_share():
    led = ledger("""
        2024-01-01 feedback "Great demo"
          tone: positive
          action: "Demo every sprint"
    """)
    fb = C.feedback(led.entries, D("2024-02-01"))
    assert (fb.totals.actionable, fb.totals.actioned, fb.actioned_share) == (0, 0, None)
    assert [f.action for f in fb.actions] == ["Demo every sprint"]


# --- the home trend -----------------------------------------------------------------------------


def _home(*scores):
    """A ledger with one check-in a month from 2024-01-01, with these scores."""
    return ledger("".join(f"2024-{i + 1:02d}-01 home {s}\n" for i, s in enumerate(scores)))


# Least squares through (0, y0) … (n-1, y_n-1): slope = (nΣxy - ΣxΣy) / (nΣx² - (Σx)²);
# for n = 4: Σx = 6, Σx² = 14, the denominator is 4·14 - 36 = 20.
@pytest.mark.parametrize("scores, slope, change, trend", [
    # the last four are 3 3 4 4: Σy = 14, Σxy = 0 + 3 + 8 + 12 = 23; (92 - 84) / 20 = 0.4; × 3 = 1.2
    ((5, 2, 3, 3, 4, 4), 0.4, 1.2, "up"),
    # 4 4 3 4: Σy = 15, Σxy = 0 + 4 + 6 + 12 = 22; (88 - 90) / 20 = -0.1; × 3 = -0.3
    ((4, 4, 3, 4), -0.1, -0.3, "flat"),
    # 5 5 4 4: Σy = 18, Σxy = 0 + 5 + 8 + 12 = 25; (100 - 108) / 20 = -0.4; × 3 = -1.2
    ((5, 5, 4, 4), -0.4, -1.2, "down"),
    # 5 5 5 4: Σy = 19, Σxy = 0 + 5 + 10 + 12 = 27; (108 - 114) / 20 = -0.3; × 3 = -0.9: one drop is no trend
    ((5, 5, 5, 4), -0.3, -0.9, "flat"),
    # n = 3, 3 3 4: Σx = 3, Σx² = 5, Σy = 10, Σxy = 11; (33 - 30) / (15 - 9) = 0.5; × 2 = 1.0: exactly a point
    ((3, 3, 4), 0.5, 1.0, "up"),
    # n = 3, 4 4 3: Σy = 11, Σxy = 10; (30 - 33) / 6 = -0.5; × 2 = -1.0
    ((4, 4, 3), -0.5, -1.0, "down"),
    # n = 2, 3 4: (2·4 - 1·7) / (2·1 - 1) = 1; × 1 = 1
    ((3, 4), 1.0, 1.0, "up"),
    # 2 4 4 3: Σy = 13, Σxy = 0 + 4 + 8 + 9 = 21; (84 - 78) / 20 = 0.3; × 3 = 0.9
    ((2, 4, 4, 3), 0.3, 0.9, "flat"),
])
def test_home_trend_least_squares_over_the_last_four(scores, slope, change, trend):
    t = C.home_trend(_home(*scores).entries, D("2025-01-01"))
    assert t.scores == scores[-4:]
    assert t.slope == pytest.approx(slope) and t.change == pytest.approx(change)
    assert t.trend == trend


def test_home_trend_needs_two_checkins():
    one = C.home_trend(_home(4).entries, D("2025-01-01"))
    assert (one.scores, one.slope, one.change, one.trend) == ((4,), None, None, None)
    none = C.home_trend(ledger('2020-01-01 note "x"\n').entries, D("2025-01-01"))
    assert (none.checkins, none.trend) == ((), None)
    # check-ins after as-of do not count: as of 2024-02-15 only 3 and 4 are known
    assert C.home_trend(_home(3, 4, 1, 1).entries, D("2024-02-15")).trend == "up"


# --- landing phases ------------------------------------------------------------------------------


def test_landing_phases_days_and_dates():
    led = ledger("""
        2024-01-15 role "Head of Product" at "Acme"
          track: core
          phase: learning
        2024-02-10 sotu "State of the Union"
    """)
    land = C.landing(led.entries, D("2024-03-01"))
    # Day 1 = 2024-01-15. Day 30 = +29 = 2024-02-13, day 31 = 2024-02-14;
    # day 60 = +59 = 2024-03-14 (16 + 29 + 14), day 61 = 2024-03-15; day 90 = +89 = 2024-04-13.
    got = [(p.name, p.first_day, p.last_day, p.start, p.last, p.step.name, p.step.status)
           for p in C.landing_phases(land)]
    assert got == [
        ("listening tour", 1, 30, D("2024-01-15"), D("2024-02-13"), "sotu", "done"),
        ("alignment", 31, 60, D("2024-02-14"), D("2024-03-14"), "align", "open"),
        ("quick wins", 61, 90, D("2024-03-15"), D("2024-04-13"), "win", "open"),
    ]


# --- the review packet -------------------------------------------------------------------------------


@pytest.mark.parametrize("begin, end, prev_begin, prev_end", [
    ("2026-09-01", "2026-10-01", "2026-08-01", "2026-09-01"),  # a month: the month before
    ("2026-03-01", "2026-04-01", "2026-02-01", "2026-03-01"),  # February, 28 days, not 31
    ("2026-01-01", "2026-04-01", "2025-10-01", "2026-01-01"),  # 2026-Q1 -> 2025-Q4
    ("2025-12-29", "2026-01-05", "2025-12-22", "2025-12-29"),  # ISO 2026-W01 -> 2025-W52
    ("2026-01-01", "2027-01-01", "2025-01-01", "2026-01-01"),  # a year
    ("2026-03-10", "2026-03-20", "2026-02-28", "2026-03-10"),  # 10 days: the 10 days before
])
def test_previous_period_of_the_same_length(begin, end, prev_begin, prev_end):
    assert C.previous_period(D(begin), D(end)) == (D(prev_begin), D(prev_end))


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
    rv = C.review(led.entries, led.options, D("2024-05-15"), D("2024-04-01"), D("2024-05-01"))
    assert [w.text for w in rv.wins] == ["Faster checkout"]
    assert [u.title for u in rv.updates] == ["April note"]  # not March's, not May's
    assert [(s.skill, s.previous, s.level) for s in rv.skills] == [("pricing", "proficient", "mastered")]
    assert [(b.name, b.open) for b in rv.bets_opened] == [("Beta", True)]
    # Alpha: 2024-02-20 -> 2024-04-20 = 10 (to Mar 1, Feb 2024 has 29 days) + 31 + 19 = 60 days
    assert [(b.name, b.result, b.story, b.days) for b in rv.bets_closed] == [("Alpha", "success", "It worked", 60)]
    assert [f.text for f in rv.feedback] == ["Nice", "Too slow"]
    # the contract's April period ends in April (its last day, 2024-04-30, is in it)
    assert [(c.period.label, c.period.count, c.period.kept) for c in rv.contract_periods] == [("2024-04", 1, True)]

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
    rv = C.review(led.entries, led.options, D("2024-05-15"), D("2022-06-01"), D("2022-07-01"))
    assert (rv.wins, rv.updates, rv.skills, rv.bets_opened, rv.bets_closed, rv.feedback, rv.contract_periods) == (
        (), (), (), (), (), (), ())
    h = rv.headline
    assert (h.updates, h.wins, h.feedback, h.periods_kept, h.periods_missed) == (0, 0, 0, 0, 0)
    # no big swing by 2022-06-30; a north star, but pricing has no entry before 2023
    assert (h.days_since_swing, h.needs_mastered) == (None, 0)


def test_review_of_a_period_not_over_yet_takes_the_state_as_of_as_of():
    led = ledger(REVIEW)
    rv = C.review(led.entries, led.options, D("2024-05-15"), D("2024-05-01"), D("2024-06-01"))
    # 2024-05: only what happened up to as-of (the May note); the May contract period is not over.
    assert [u.title for u in rv.updates] == ["May note"]
    assert rv.contract_periods == ()
    # 2024-02-20 -> 2024-05-15: 10 + 31 + 30 + 14 = 85 days
    assert (rv.headline.on, rv.headline.days_since_swing) == (D("2024-05-15"), 85)


# --- the docs ------------------------------------------------------------------------------------


def test_every_worked_example_of_these_sections_is_a_test_here():
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "metrics.md").read_text(encoding="utf-8")
    sections = text[text.index("\n## Skills and their progression\n"):]
    named = set(re.findall(r"`(test_\w+)`", sections))
    assert named, "docs/metrics.md lost the worked examples"
    missing = sorted(n for n in named if n not in globals())
    assert missing == [], f"docs/metrics.md names tests that do not exist here: {missing}"
