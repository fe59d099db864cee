"""Skills (careerledger.metrics.skills): each skill's levels over time, novice to mastered, and
the skills with no progress in two years.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from conftest import D, ledger

from careerledger.metrics.skills import SKILL_STALE, SkillLevel, latest_levels, skill_steps, skills

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
    sk = skills(led.entries, D("2024-06-01"))
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
    sk = skills(led.entries, D("2024-06-02"))
    assert [p.skill for p in sk.stale] == ["hiring", "sql", "writing"]


def test_skill_steps_in_a_span_keep_the_level_before_it():
    led = ledger(SKILLS)
    steps = skill_steps(led.entries, D("2024-06-01"), D("2021-01-01"), D("2022-01-01"))
    assert [(s.skill, s.date, s.previous, s.level, s.change) for s in steps] == [
        ("hiring", D("2021-06-01"), "practicing", "proficient", "up"),
        ("pricing", D("2021-09-15"), "practicing", "mastered", "up"),
    ]


def test_skills_with_no_north_star_and_no_skill():
    led = ledger("""
        2020-01-01 skill #sql novice
    """)
    sk = skills(led.entries, D("2021-01-01"))
    # no north star: nothing is needed, nothing is "not needed" either
    assert (sk.north_star, sk.needs, sk.not_needed, sk.missing) == (None, (), (), ())
    assert [(p.skill, p.needed) for p in sk.skills] == [("sql", False)]
    empty = skills(ledger('2020-01-01 note "x"\n').entries, D("2021-01-01"))
    assert (empty.skills, empty.stale) == ((), ())


def test_novice_after_mastered_gives_no_time_to_mastered():
    led = ledger("""
        2020-01-01 skill #sql mastered
        2021-01-01 skill #sql novice
    """)
    [p] = skills(led.entries, D("2021-06-01")).skills
    # mastered came first: no novice-to-mastered span; the later novice is a fall, and
    # the last progress is the first entry (2020-01-01 + 2y = 2022-01-01: not stale yet).
    assert (p.novice_to_mastered, p.level, p.last_progress_on, p.stale) == (None, "novice", D("2020-01-01"), False)


def test_latest_levels_a_later_lower_level_replaces_an_earlier_one():
    led = ledger(SKILLS)
    levels = latest_levels(led.entries)
    assert [(k, v.level, v.date) for k, v in levels.items()] == [
        ("writing", "proficient", D("2023-01-10")),
        ("pricing", "mastered", D("2021-09-15")),
        ("hiring", "practicing", D("2022-07-01")),  # down from proficient
        ("sql", "novice", D("2022-06-01")),
        ("ops", "novice", D("2025-01-01")),  # every entry: cut at as-of first when that matters
    ]
    assert isinstance(levels["sql"], SkillLevel)
    assert levels["sql"].entry.skill == "sql"
    assert str(SKILL_STALE) == "2y"
