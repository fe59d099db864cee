"""Roles and organisations (careerledger.metrics.roles): the role held now, and the tenure at
each organisation with its promotions.

Every expected number is written out with its arithmetic in a comment; none is computed with
the code under test (docs/metrics.md has each worked example, named after its test). Month
lengths: Jan 31, Feb 28 (29 in 2016, 2020 and 2024), Mar 31, Apr 30, May 31, Jun 30, Jul 31,
Aug 31, Sep 30, Oct 31, Nov 30, Dec 31.
"""
from conftest import D, ledger

from careerledger.metrics.roles import current_role, tenures

ROLES = """
    2015-03-01 role "Analyst" at "Acme"
      track: core
      phase: learning
    2017-03-01 role "PM" at "Acme"
      track: core
      phase: impact
    2018-01-01 role "Board member" at "Charity"
      track: core
      phase: learning
      side: yes
    2019-03-01 role "Sr PM" at "Acme"
      track: core
      phase: impact
    2021-01-01 role "Director" at "Beta"
      track: core
      phase: impact
    2022-01-01 leave "Director"
    2022-06-01 role "Director" at "Beta"
      track: core
      phase: impact
"""


def test_current_role_and_tenure_at_the_org():
    led = ledger(ROLES)
    cur = current_role(led.entries, D("2020-03-01"))
    # Sr PM since 2019-03-01: 366 days (2020-02-29). The side role does not interrupt
    # Acme: three consecutive Acme roles since 2015-03-01: 5*365 + 2 (2016, 2020) = 1827.
    assert (cur.role.title, cur.since, cur.days_in_role) == ("Sr PM", D("2019-03-01"), 366)
    assert (cur.org, cur.org_since, cur.days_at_org) == ("Acme", D("2015-03-01"), 1827)
    # Another org starts a new tenure: 2021-01-01 -> 2021-06-01 = 31+28+31+30+31 = 151.
    beta = current_role(led.entries, D("2021-06-01"))
    assert (beta.org, beta.org_since, beta.days_at_org) == ("Beta", D("2021-01-01"), 151)


def test_current_role_after_a_leave_and_back():
    led = ledger(ROLES)
    assert current_role(led.entries, D("2022-03-01")) is None
    # Back at Beta after the gap: the gap breaks the tenure. 2022-06-01 -> 2022-07-01 = 30.
    back = current_role(led.entries, D("2022-07-01"))
    assert (back.org_since, back.days_at_org, back.days_in_role) == (D("2022-06-01"), 30, 30)
    assert current_role(led.entries, D("2015-02-28")) is None  # before the first entry


def test_tenures_grouped_by_organisation_with_promotions():
    led = ledger("""
        2015-03-01 role "Analyst" at "Acme"
          track: core
          phase: learning
        2017-03-01 role "PM" at "Acme"
          track: core
          phase: impact
        2018-01-01 role "Board member" at "Charity"
          track: core
          phase: learning
          side: yes
        2019-03-01 role "Sr PM" at "Globex"
          track: core
          phase: impact
        2020-01-01 leave "Sr PM"
        2020-07-01 role "Director" at "Acme"
          track: innovation
          phase: learning
    """)
    t = tenures(led.entries, D("2021-01-01"))
    # Grouped by organisation in order of first appearance: Acme (2015), Charity (2018),
    # Globex (2019); Acme's second tenure sits with its first.
    assert [(x.org, x.start, x.end, x.days, x.promotions, x.side) for x in t] == [
        # 2015-03-01 -> 2019-03-01: 4 * 365 + 1 (2016-02-29) = 1461
        ("Acme", D("2015-03-01"), D("2019-03-01"), 1461, 1, False),
        # 2020-07-01 -> 2021-01-01: 31 + 31 + 30 + 31 + 30 + 31 = 184, still held
        ("Acme", D("2020-07-01"), None, 184, 0, False),
        # side: 2018-01-01 -> 2021-01-01 = 365 + 365 + 366 = 1096, no end
        ("Charity", D("2018-01-01"), None, 1096, 0, True),
        # 2019-03-01 -> 2020-01-01: 31+30+31+30+31+31+30+31+30+31 = 306
        ("Globex", D("2019-03-01"), D("2020-01-01"), 306, 0, False),
    ]
    assert [(r.role.title, r.start, r.end, r.days, r.step) for r in t[0].roles] == [
        # 2015-03-01 -> 2017-03-01 = 365 + 366 (2016) = 731
        ("Analyst", D("2015-03-01"), D("2017-03-01"), 731, "joined"),
        # 2017-03-01 -> 2019-03-01 = 365 + 365 = 730
        ("PM", D("2017-03-01"), D("2019-03-01"), 730, "promotion"),
    ]
    assert [r.step for x in t[1:] for r in x.roles] == ["rejoined", "side", "joined"]
    # As of before anything: no tenure.
    assert tenures(led.entries, D("2015-02-28")) == ()
