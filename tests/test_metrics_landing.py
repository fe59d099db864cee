"""Landing a new role, 30/60/90 (careerledger.metrics.landing): the listening tour, the State of
the Union by day 30, alignment by day 60, a quick win by day 90.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from conftest import D, ledger

from careerledger.core.entries import Align, Sotu, Win
from careerledger.metrics.landing import LANDING_STEPS, StepRule, landing, landing_phases, landings

LANDING = """
    2023-01-01 role "PM" at "Acme"
      track: core
      phase: learning
    2023-02-01 win "Faster checkout"
    2024-01-10 listen "Old team"
    2024-01-15 role "Head of Product" at "Acme"
      track: core
      phase: impact
    2024-01-16 listen "CEO"
    2024-02-13 listen "CTO"
    2024-02-13 sotu "State of product"
    2024-02-14 listen "CFO"
    2024-03-15 align "Top three problems"
      with: "Execs"
"""


def test_landing_steps_done_late_open():
    led = ledger(LANDING)
    # Day 1 = 2024-01-15. Day 30 = +29 days = 2024-02-13 (16 days to Jan 31, 13 more);
    # day 60 = +59 = 2024-03-14 (16 + 29 in Feb 2024 + 14); day 90 = +89 = 2024-04-13.
    land = landing(led.entries, D("2024-04-13"))
    assert land.role.title == "Head of Product"
    assert (land.start, land.end, land.held, land.day, land.tour_ends_on) == (
        D("2024-01-15"), None, True, 90, D("2024-02-13"))
    # The tour: days 1-30 only (CFO on day 31 is out; "Old team" was the earlier role).
    assert [e.who for e in land.listens] == ["CEO", "CTO"]
    assert [(s.name, s.day, s.due_on, s.done_on, s.status, s.days_left) for s in land.steps] == [
        ("sotu", 30, D("2024-02-13"), D("2024-02-13"), "done", -60),  # on day 30 exactly
        ("align", 60, D("2024-03-14"), D("2024-03-15"), "late", -30),  # day 61
        ("win", 90, D("2024-04-13"), None, "open", 0),  # due today, not done
    ]
    assert land.overdue == ()


def test_landing_step_overdue_the_day_after():
    led = ledger(LANDING)
    land = landing(led.entries, D("2024-04-14"))
    win = land.steps[2]
    assert (land.day, win.status, win.days_left, land.overdue) == (91, "overdue", -1, ("win",))


def test_landing_of_an_earlier_role_ends_at_the_next_role():
    led = ledger(LANDING)
    land = landing(led.entries, D("2024-04-14"), role="PM")
    # PM: 2023-01-01 .. 2024-01-15. Its win on day 32 (2023-02-01) is on time;
    # no sotu or align ever: overdue. The 2024-01-10 listen is day 375, not the tour.
    assert (land.end, land.held, land.listens) == (D("2024-01-15"), False, ())
    assert [(s.name, s.status) for s in land.steps] == [
        ("sotu", "overdue"), ("align", "overdue"), ("win", "done")]
    assert landing(led.entries, D("2024-04-14"), role=land.role).role.title == "PM"
    assert [x.role.title for x in landings(led.entries, D("2024-04-14"))] == ["PM", "Head of Product"]


def test_landing_after_a_leave():
    led = ledger("""
        2022-01-01 role "A" at "X"
          track: core
          phase: learning
        2022-01-10 leave "A"
        2022-01-20 sotu "Too late: in the gap"
    """)
    assert landing(led.entries, D("2022-03-01")) is None  # no main role held
    land = landing(led.entries, D("2022-03-01"), role="A")
    # The role ended on 2022-01-10; the sotu in the gap does not count for it.
    assert (land.end, land.steps[0].status) == (D("2022-01-10"), "overdue")
    assert landing(ledger('2022-01-01 note "x"\n').entries, D("2022-03-01")) is None


def test_landing_phases_days_and_dates():
    led = ledger("""
        2024-01-15 role "Head of Product" at "Acme"
          track: core
          phase: learning
        2024-02-10 sotu "State of the Union"
    """)
    land = landing(led.entries, D("2024-03-01"))
    # Day 1 = 2024-01-15. Day 30 = +29 = 2024-02-13, day 31 = 2024-02-14;
    # day 60 = +59 = 2024-03-14 (16 + 29 + 14), day 61 = 2024-03-15; day 90 = +89 = 2024-04-13.
    got = [(p.name, p.first_day, p.last_day, p.start, p.last, p.step.name, p.step.status)
           for p in landing_phases(land)]
    assert got == [
        ("listening tour", 1, 30, D("2024-01-15"), D("2024-02-13"), "sotu", "done"),
        ("alignment", 31, 60, D("2024-02-14"), D("2024-03-14"), "align", "open"),
        ("quick wins", 61, 90, D("2024-03-15"), D("2024-04-13"), "win", "open"),
    ]


def test_the_three_landing_steps():
    # day 30: a State of the Union; day 60: alignment; day 90: a quick win
    assert (
        StepRule("sotu", Sotu, "listening tour", 1, 30),
        StepRule("align", Align, "alignment", 31, 60),
        StepRule("win", Win, "quick wins", 61, 90),
    ) == LANDING_STEPS
