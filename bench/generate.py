"""Generate equivalent ledgers for the benchmark, in three formats.

    python bench/generate.py 10000 bench/out        # writes 10000.career, .beancount, .journal

One seeded stream of abstract entries is written three ways:

- `.career`: the entry as a user would type it, `key: value` metadata under it.
  The ledger is consistent (roles and leaves match, every outcome closes an open
  bet once, every decision names an offered opportunity, names are unique per
  date and kind), so `careerledger check` reports no error; and it keeps the
  framework's habits (landing steps, cadence, write-ups, home check-ins,
  actioned feedback, a live north star), so as of its last day, LAST_DAY,
  `careerledger check --as-of LAST_DAY` reports no warning either.
- `.beancount`: one transaction per entry, `DATE * "kind" "arguments" #tags`,
  the same metadata lines as `key: "value"`, then two postings (one with an
  amount, one auto-balanced) on accounts opened at the top of the file.
- `.journal` (hledger): one transaction per entry, `DATE * kind | arguments`
  with the tags in a `; tag:` comment, the same metadata lines as `; key: value`
  comment tags, then the same two postings; accounts declared at the top.

So every format has the same entries, the same head and metadata lines with
the same text; beancount and hledger add their two postings per transaction
(see docs/performance.md for the resulting line and byte counts).
Standard library only; the same (size, seed) always gives the same files.
"""

import os
import random
import sys
from datetime import date, timedelta

LAST_DAY = date(2025, 6, 30)  # fixed, so the files do not depend on today
ENTRIES_PER_DAY = 3  # on average

ORGS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
        "Tyrell", "Cyberdyne", "Soylent", "Vandelay Industries", "Wonka", "Aperture", "Gringotts"]
TEAMS = ["Checkout", "Payments", "Search", "Growth", "Onboarding", "Platform", "Billing", "Mobile",
         "Data", "Trust and Safety", "Marketplace", "Identity", "Pricing", "Logistics"]
TITLES = ["PM", "Senior PM", "Group PM", "Engineer", "Senior Engineer", "Staff Engineer",
          "Engineering Manager", "Director", "Principal Engineer", "Tech Lead"]
SCALES = ["12M monthly buyers", "3 teams, 25 people", "40M requests a day", "a 2M budget",
          "200 enterprise accounts", "6 markets", "1.5M daily users", "a team of 8"]
PEOPLE = ["Ana", "Ben", "Chloe", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jon",
          "Kemi", "Lars", "Mei", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sam", "Tariq"]
ROLES_OF = ["my manager", "skip-level", "a peer PM", "the design lead", "a direct report",
            "the CFO", "a customer", "the VP Engineering", "the sales lead", "a mentor"]
AUDIENCES = ["leadership team", "whole company", "engineering all-hands", "my team", "board",
             "product guild", "customers", "blog readers", "conference audience", "partners"]
VIAS = ["email", "slack", "talk", "blog", "memo", "demo", "newsletter", "wiki"]
SKILLS = ["sql", "python", "public-speaking", "writing", "negotiation", "hiring", "pricing",
          "roadmapping", "experimentation", "finance", "coaching", "system-design", "ux-research",
          "storytelling", "delegation", "forecasting", "facilitation", "data-viz"]
LEVELS = ["novice", "practicing", "proficient", "mastered"]
TOPICS = ["pricing", "roadmap", "metrics", "hiring-bar", "oncall", "okrs", "launch-process",
          "incident-review", "api-design", "data-model", "budget", "strategy", "onboarding"]
TAGS = ["payments", "growth", "zero-to-one", "board/governance", "team", "ops", "infra",
        "customer", "ml", "mobile", "launch", "cost"]
SUBJECTS = ["the checkout redesign", "Q3 planning", "the pricing test", "the outage review",
            "the hiring plan", "the migration", "the launch", "the roadmap", "the budget",
            "the partner deal", "the metrics review", "the offsite"]
IDEAS = ["Self-serve onboarding", "Usage-based pricing", "Instant payouts", "Smart search",
         "Fraud scoring", "Partner API", "One-click returns", "Creator marketplace",
         "Offline mode", "Team workspaces", "Voice ordering", "Carbon dashboard"]
RESULTS = ["success", "failure", "pivot", "stopped"]
SAID = ["Great clarity in the review of", "Too many slides in", "Strong follow-through on",
        "Decisions were slow on", "Loved the write-up of", "Missed stakeholders on",
        "Clear owner for", "Needs more data behind"]
ACTIONS = ["Now pre-read 24h before", "Cut the deck to 5 slides", "Added a weekly decision log",
           "Set up a stakeholder map", "Pair with data science", "Share drafts earlier"]

# Relative frequency of each kind in the stream; roles, leaves, outcomes and
# decisions follow from the state below.
MIX = [
    ("update", 20), ("feedback", 14), ("note", 7), ("skill", 9), ("win", 8), ("explained", 6),
    ("listen", 6), ("bet", 6), ("outcome", 5), ("opportunity", 4), ("decision", 3),
    ("align", 2), ("sotu", 1), ("home", 3), ("role", 3), ("leave", 1), ("contract", 1),
    ("north-star", 1),
]


class Entry:
    """One entry, independent of format: head words and metadata as typed values."""

    __slots__ = ("day", "kind", "args", "tags", "meta")

    def __init__(self, day, kind, args, tags=(), meta=()):
        self.day = day
        self.kind = kind
        self.args = args  # [(text, is_string)], in .career order
        self.tags = tags  # tag names, without the #
        self.meta = meta  # [(key, value, type)]: type "s" string, "w" word, "t" tags, "d" date, "n" number


def entries(n, seed=1):
    """The `n` entries of a consistent career, in date order."""
    rng = random.Random(f"careerledger-bench-{seed}")
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    # Dates: advance one day at a time with probability 1/ENTRIES_PER_DAY, ending at LAST_DAY.
    steps = [0]
    for _ in range(n - 1):
        steps.append(steps[-1] + (rng.random() < 1 / ENTRIES_PER_DAY))
    first = LAST_DAY - timedelta(days=steps[-1])
    days = [first + timedelta(days=s) for s in steps]

    out = []
    used = set()  # (day, kind, name): names are unique per date and kind
    role = None  # the current main role's title, None after a leave
    open_bets = []
    offered = []
    unwritten = []  # topics explained since the last update that covers them
    landing = {}  # entry index -> the landing step (sotu, align, win) due there
    count = 0  # a serial number that makes names unique

    def fresh(day, kind, make):
        while True:
            name = make()
            if (day, kind, name) not in used:
                used.add((day, kind, name))
                return name

    for i, day in enumerate(days):
        kind = landing.pop(i, None) or rng.choices(kinds, weights)[0]
        if i == 0 or (kind == "north-star" and rng.random() < 0.2):
            kind = "north-star"
        elif role is None and kind != "role":
            kind = "role"  # a career starts with a role, and a leave is followed by one
        elif kind == "leave" and role is None:
            kind = "role"
        elif kind == "outcome" and not open_bets:
            kind = "bet"
        elif kind == "decision" and not offered:
            kind = "opportunity"
        elif kind == "explained" and len(unwritten) >= len(TOPICS) // 2:
            kind = "update"
        elif kind == "north-star":
            kind = "note"
        count += 1
        tags = tuple(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2))))
        who = rng.choice(PEOPLE)
        subject = rng.choice(SUBJECTS)

        if kind == "north-star":
            vision = fresh(day, kind, lambda: f"Lead a {rng.choice(TEAMS).lower()} org of 100 at {rng.choice(ORGS)}")
            e = Entry(day, kind, [(vision, True)], (), [
                ("by", day + timedelta(days=5 * 365), "d"),
                ("needs", rng.sample(SKILLS, 3), "t"),
            ])
        elif kind == "role":
            title = fresh(day, kind, lambda: f"{rng.choice(TITLES)}, {rng.choice(TEAMS)} {count}")
            role = title
            # Land it: State of the Union, alignment and a quick win within days.
            for step in ("sotu", "align", "win"):
                j = i + rng.randint(1, 20)
                while j in landing:
                    j += 1
                landing[j] = step
            e = Entry(day, kind, [(title, True), ("at", False), (rng.choice(ORGS), True)], tags, [
                ("track", rng.choice(("core", "core", "core", "innovation")), "w"),
                ("phase", rng.choice(("learning", "impact")), "w"),
                ("scale", rng.choice(SCALES), "s"),
                ("why", f"Closer to the north star; {who} vouched", "s"),
            ])
        elif kind == "leave":
            fresh(day, kind, lambda: role)
            e = Entry(day, kind, [(role, True)], tags, [("why", f"Sabbatical after {subject}", "s")])
            role = None
        elif kind == "bet":
            name = fresh(day, kind, lambda: f"{rng.choice(IDEAS)} {count}")
            open_bets.append(name)
            e = Entry(day, kind, [(name, True)], tags, [
                ("size", rng.choice(("big", "small")), "w"),
                ("in", role, "s"),
                ("x-team", rng.choice(TEAMS), "s"),
            ])
        elif kind == "outcome":
            bet = open_bets.pop(rng.randrange(len(open_bets)))
            used.add((day, kind, bet))
            e = Entry(day, kind, [(bet, True), (rng.choice(RESULTS), False)], tags, [
                ("story", f"Shipped to {rng.randint(2, 60)}% of users after {subject}", "s"),
                ("lesson", f"Ask {who} earlier", "s"),
            ])
        elif kind == "opportunity":
            name = fresh(day, kind, lambda: f"{rng.choice(TITLES)} at {rng.choice(ORGS)} {count}")
            offered.append(name)
            e = Entry(day, kind, [(name, True)], tags, [
                ("track", rng.choice(("core", "innovation")), "w"),
                ("phase", rng.choice(("learning", "impact")), "w"),
                ("at", rng.choice(ORGS), "s"),
            ])
        elif kind == "decision":
            opportunity = offered.pop(rng.randrange(len(offered)))
            used.add((day, kind, opportunity))
            e = Entry(day, kind, [(opportunity, True), (rng.choice(("decline", "defer", "decline")), False)],
                      tags, [("why", f"Not aligned with the north star; talked to {who}", "s")])
        elif kind == "update":
            title = fresh(day, kind, lambda: f"Update {count}: {subject}")
            # Write what you repeat: cover what was explained, oldest first.
            covers = unwritten[:2] or rng.sample(TOPICS, rng.choice((1, 2)))
            del unwritten[:2]
            e = Entry(day, kind, [(title, True)], tags, [
                ("to", rng.choice(AUDIENCES), "s"),
                ("via", rng.choice(VIAS), "w"),
                ("covers", covers, "t"),
                ("x-link", f"https://wiki.example.com/updates/{count}", "s"),
            ])
        elif kind == "feedback":
            text = fresh(day, kind, lambda: f"{rng.choice(SAID)} {subject} ({count})")
            tone = rng.choice(("positive", "constructive", "critical"))
            e = Entry(day, kind, [(text, True)], tags, [
                ("from", f"{who}, {rng.choice(ROLES_OF)}", "s"),
                ("tone", tone, "w"),
                ("action", rng.choice(ACTIONS), "s"),
            ])
        elif kind == "skill":
            skill = fresh(day, kind, lambda: rng.choice(SKILLS))
            e = Entry(day, kind, [("#" + skill, False), (rng.choice(LEVELS), False)], tags, [
                ("evidence", f"Led {subject} with {who}", "s"),
                ("x-source", rng.choice(("self", "review", "peer", "course")), "s"),
            ])
        elif kind == "explained":
            topic = fresh(day, kind, lambda: rng.choice([t for t in TOPICS if t not in unwritten]))
            unwritten.append(topic)
            e = Entry(day, kind, [("#" + topic, False)], tags, [
                ("to", f"{who} and team", "s"), ("x-where", rng.choice(("1:1", "standup", "review")), "s"),
            ])
        elif kind == "listen":
            name = fresh(day, kind, lambda: f"{who}, {rng.choice(ROLES_OF)} {count}")
            e = Entry(day, kind, [(name, True)], tags, [
                ("heard", f"Worried about {subject}", "s"), ("x-role", rng.choice(ROLES_OF), "s"),
            ])
        elif kind == "sotu":
            e = Entry(day, kind, [(fresh(day, kind, lambda: f"State of {rng.choice(TEAMS)} {count}"), True)], tags,
                      [("x-doc", f"https://docs.example.com/sotu/{count}", "s")])
        elif kind == "align":
            e = Entry(day, kind, [(fresh(day, kind, lambda: f"Top problem: {subject} {count}"), True)], tags,
                      [("with", f"{who}, {rng.choice(ROLES_OF)}", "s"),
                       ("x-doc", f"https://docs.example.com/align/{count}", "s")])
        elif kind == "win":
            e = Entry(day, kind, [(fresh(day, kind, lambda: f"Faster {subject} {count}"), True)], tags,
                      [("impact", f"Cycle time down {rng.randint(5, 60)}%", "s"),
                       ("x-metric", rng.choice(("cycle-time", "conversion", "nps", "cost")), "s")])
        elif kind == "home":
            score = fresh(day, kind, lambda: str(rng.randint(1, 5)))
            e = Entry(day, kind, [(score, False)], tags, [("note", f"Weekend with {who}", "s")])
        elif kind == "contract":
            e = Entry(day, kind, [(fresh(day, kind, lambda: f"Weekly update to {who} {count}"), True)], tags, [
                ("every", rng.choice(("month", "quarter")), "w"),
                ("count", rng.randint(1, 3), "n"),
                ("with", f"{who}, {rng.choice(ROLES_OF)}", "s"),
                ("until", day + timedelta(days=rng.randint(90, 365)), "d"),
            ])
        else:  # note
            e = Entry(day, kind, [(fresh(day, kind, lambda: f"Calibration: {subject} {count}"), True)], tags,
                      [("x-mood", rng.choice(("good", "flat", "tired", "proud")), "s")] if rng.random() < 0.5 else [])
        out.append(e)
    # A bet's `in:` names the main role held on its day; a role or a leave later
    # that day ends the role it named (the role's last day is the day before),
    # so on such a day the bet names none.
    switched = {e.day for e in out if e.kind in ("role", "leave")}
    for e in out:
        if e.kind == "bet" and e.day in switched:
            e.meta = [m for m in e.meta if m[0] != "in"]
    return out


# --- the three formats -------------------------------------------------------


def career(es):
    lines = ["; careerledger benchmark ledger (bench/generate.py)", 'option "owner" "Bench Mark"', ""]
    for e in es:
        head = " ".join(f'"{t}"' if s else t for t, s in e.args)
        tags = "".join(f" #{t}" for t in e.tags)
        lines.append(f"{e.day} {e.kind} {head}{tags}")
        for key, value, typ in e.meta:
            if typ == "s":
                value = f'"{value}"'
            elif typ == "t":
                value = " ".join("#" + v for v in value)
            lines.append(f"  {key}: {value}")
    return "\n".join(lines) + "\n"


def _plain(e):
    return " ".join(t for t, _ in e.args).lstrip("#")


def _account(kind):
    return kind.title().replace("-", "")


def beancount(es):
    first = es[0].day if es else LAST_DAY
    kinds = sorted({e.kind for e in es})
    lines = ["; careerledger benchmark ledger (bench/generate.py)", 'option "title" "Bench Mark"', ""]
    for k in kinds:
        lines.append(f"{first} open Assets:{_account(k)}")
        lines.append(f"{first} open Equity:{_account(k)}")
    lines.append("")
    for e in es:
        tags = "".join(f" #{t}" for t in e.tags)
        lines.append(f'{e.day} * "{e.kind}" "{_plain(e)}"{tags}')
        for key, value, typ in e.meta:
            if typ == "t":
                value = " ".join(value)
            if typ == "d":
                lines.append(f"  {key}: {value}")
            elif typ == "n":
                lines.append(f"  {key}: {value}")
            else:
                lines.append(f'  {key}: "{value}"')
        lines.append(f"  Assets:{_account(e.kind)}  1 PT")
        lines.append(f"  Equity:{_account(e.kind)}")
    return "\n".join(lines) + "\n"


def journal(es):
    kinds = sorted({e.kind for e in es})
    lines = ["; careerledger benchmark ledger (bench/generate.py)", ""]
    for k in kinds:
        lines.append(f"account assets:{k}")
        lines.append(f"account equity:{k}")
    lines.append("")
    for e in es:
        tags = ("  ; " + ", ".join(f"{t}:" for t in e.tags)) if e.tags else ""
        lines.append(f"{e.day} * {e.kind} | {_plain(e).replace(';', ',')}{tags}")
        for key, value, typ in e.meta:
            if typ == "t":
                value = " ".join(value)
            lines.append(f"  ; {key}: {value}")
        lines.append(f"  assets:{e.kind}  1 PT")
        lines.append(f"  equity:{e.kind}")
    return "\n".join(lines) + "\n"


FORMATS = {"career": career, "beancount": beancount, "journal": journal}


def write(n, outdir, seed=1, name=None):
    """Write `<name>.career`, `.beancount` and `.journal` for `n` entries -> {format: path}."""
    os.makedirs(outdir, exist_ok=True)
    es = entries(n, seed)
    paths = {}
    for ext, render in FORMATS.items():
        path = os.path.join(outdir, f"{name or n}.{ext}")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(es))
        paths[ext] = path
    return paths


def stats(path):
    """(lines, bytes) of a file."""
    with open(path, "rb") as f:
        data = f.read()
    return data.count(b"\n"), len(data)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python bench/generate.py N OUTDIR [SEED]")
    n, outdir = int(argv[0]), argv[1]
    seed = int(argv[2]) if len(argv) > 2 else 1
    for path in write(n, outdir, seed).values():
        lines, size = stats(path)
        print(f"{path}: {n} entries, {lines} lines, {size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
