"""The review packet: what to send upward for a period.

`--for manager` (the default) is what the manager reads: a two-line summary,
the wins with their impact and the updates that told them, what was learned,
feedback acted on, and what comes next. `--for me` adds the self-management
figures (days since the last big swing, north-star needs mastered) and the
warnings `check` gives at the period's end."""

from datetime import date
from typing import TYPE_CHECKING

from ..core.dates import calendar_unit, period_label, shift, unit_span
from ..metrics import review
from .model import (
    ALL,
    BOOL,
    DATE,
    INT,
    LENGTH,
    LIST,
    TEXT,
    Cover,
    Fact,
    Section,
    Window,
    facts_section,
    register,
    span_length,
    table_section,
)

if TYPE_CHECKING:
    from ..loader import Ledger


def last_month(as_of: date) -> Window:
    """The review's default window: the last whole calendar month before as_of's."""
    return Window(*unit_span(shift(as_of.replace(day=1), -1), "month"))


def span_label(begin: date, end: date) -> str:
    """`2026-09`, `2026-Q3`, `2026-W37` or `2026` for a calendar period, else
    `2026-09-03 to 2026-09-20` (the last day included)."""
    unit = calendar_unit(begin, end)
    if unit:
        return period_label(begin, unit)
    last = shift(end, -1)
    return str(begin) if last == begin else f"{begin} to {last}"


# metric label, Headline field (the last two are review.SELF_MANAGEMENT: --for me only)
HEADLINE = (
    ("updates published", "updates"),
    ("contract periods kept", "periods_kept"),
    ("contract periods missed", "periods_missed"),
    ("wins", "wins"),
    ("skill entries", "skills_moved"),
    ("bets opened", "bets_opened"),
    ("bets closed", "bets_closed"),
    ("feedback received", "feedback"),
    ("constructive or critical feedback", "actionable"),
    ("… with an action", "actioned"),
    ("days since the last big swing, at the end", "days_since_swing"),
    ("north-star needs mastered, at the end", "needs_mastered"),
)


RESULT = {"success": "a success", "failure": "a failure", "pivot": "a pivot", "stopped": "stopped"}


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _done(rv: review.Review) -> str:
    """The first line of the summary: what the period holds, wins first, in the
    ledger's own words (data, not adjectives)."""
    parts = [f"{w.text}: {w.impact}" if w.impact else w.text for w in rv.wins]
    parts += [f'bet "{b.name}" closed as {RESULT.get(b.result or "", b.result)}'
              + (f' (lesson: "{b.lesson}")' if b.lesson else "") for b in rv.bets_closed]
    h = rv.headline
    if h.updates:
        kept = h.periods_kept + h.periods_missed
        titles = [f'"{u.title}"' for u in rv.updates]
        what = (f"update {titles[0]}" if len(titles) == 1 else f"updates {titles[0]} and {titles[1]}"
                if len(titles) == 2 else _n(h.updates, "update"))
        parts.append(what + " published" + (f" ({h.periods_kept} of {_n(kept, 'contract period')} kept)"
                                            if kept else ""))
    elif h.periods_missed:
        parts.append(f"no update published ({_n(h.periods_missed, 'contract period')} missed)")
    moved = [f"#{s.skill} {s.level}" for s in rv.skills if s.change in ("new", "up")]
    if moved:
        parts.append(", ".join(moved))
    if h.actioned:
        parts.append(f"{h.actioned} feedback acted on")
    if h.bets_opened:
        parts.append(_n(h.bets_opened, "bet") + " opened")
    return ("; ".join(parts) if parts else "nothing recorded") + "."


def _periods(periods: tuple[tuple[date, date, str], ...]) -> str:
    return periods[0][2] if len(periods) == 1 else f"{periods[0][2]} to {periods[-1][2]}"


def _next(rv: review.Review) -> str:
    """The second line: what comes next, the contracts' next periods and the bets still open."""
    parts = [f'"{c.contract.text}" for {_periods(c.periods)} ({_n(c.updates, "update")})' for c in rv.commitments]
    bets = rv.open_bets
    parts.append(_n(len(bets), "open bet") + ": " + ", ".join(f'"{b.name}"' for b in bets) if bets else "no open bet")
    return "; ".join(parts) + "."


@register("review", "Review packet", "what to send upward for a period (-p): wins, updates, changes",
           options=("audience",), fmt="markdown", default_window=last_month)
def review_report(ledger: "Ledger", as_of: date, window: Window = ALL, audience: str = "manager") -> list[Section]:
    assert audience in review.AUDIENCES
    me = audience == "me"
    entries = ledger.entries
    # -b alone runs through as-of; -e alone starts at the ledger's first entry
    end = window.end or shift(max(as_of, window.begin or as_of), 1)
    begin = window.begin or min(entries[0].date if entries else as_of, shift(end, -1))
    rv = review.review(entries, as_of, begin, end, ledger.options)
    this, prev = rv.headline, rv.previous
    here = (Cover("period", begin, end),)
    label = span_label(begin, end)
    empty = f"nothing in {label}"
    then = (Cover("as of", None, this.on),)  # what comes next: as the period ended

    summary = facts_section(
        "summary", "In short", here,
        Fact("done", label, _done(rv), TEXT),
        Fact("next", "next", _next(rv), TEXT),
    )
    period = facts_section(
        "period", "Period", here,
        Fact("period", "period", label, TEXT),
        Fact("first_day", "first day", begin, DATE),
        Fact("last_day", "last day", shift(end, -1), DATE),
        Fact("previous", "compared with", span_label(prev.begin, prev.end), TEXT),
        Fact("figures_on", "figures at the end taken on", this.on, DATE),
    )
    change = review.changes(rv)
    headline = table_section(
        "headline", "Headline", (*here, Cover("previous period", prev.begin, prev.end)),
        (("metric", "metric", TEXT), ("this", label, INT),
         ("previous", span_label(prev.begin, prev.end), INT), ("change", "change", INT)),
        [(name, getattr(this, key), getattr(prev, key), change[key])
         for name, key in HEADLINE if me or key not in review.SELF_MANAGEMENT],
    )
    wins = table_section(
        "wins", "Wins", here,
        (("date", "date", DATE), ("win", "win", TEXT), ("impact", "impact", TEXT),
         ("told_in", "told in", LIST, "no update")),
        [(s.win.date, s.win.text, s.win.impact, tuple(u.title for u in s.told_in)) for s in rv.stories], empty=empty,
    )
    untold = table_section(
        "untold", "Wins not yet in any update", here,
        (("date", "date", DATE), ("win", "win", TEXT), ("tags", "tags", LIST, "no tag to match")),
        [(w.date, w.text, tuple(sorted(w.tags))) for w in rv.untold],
        empty=f"every win of {label} is in an update" if rv.wins else f"no win in {label}",
    )
    updates = table_section(
        "updates", "Updates published", here,
        (("date", "date", DATE), ("update", "update", TEXT), ("to", "to", TEXT), ("via", "via", TEXT),
         ("covers", "covers", LIST)),
        [(u.date, u.title, u.audience, u.via, u.covers) for u in rv.updates], empty=empty,
    )
    contracts = table_section(
        "contracts", "Contracts", here,
        (("contract", "contract", TEXT), ("period", "period", TEXT), ("updates", "updates", INT),
         ("required", "required", INT), ("kept", "kept", BOOL)),
        [(c.contract.text, c.period.label, c.period.updates, c.contract.times, c.period.kept)
         for c in rv.contract_periods],
        empty="no contract period ends in " + span_label(begin, end),
    )
    skills = table_section(
        "skills", "Skills that moved", here,
        (("date", "date", DATE), ("skill", "skill", TEXT), ("from", "from", TEXT, "new"),
         ("level", "to", TEXT), ("evidence", "evidence", TEXT)),
        [(s.date, s.skill, s.previous, s.level, s.evidence) for s in rv.skills], empty=empty,
    )
    opened = table_section(
        "bets_opened", "Bets opened", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("size", "size", TEXT), ("in", "in", TEXT),
         ("outcome", "outcome so far", TEXT, "open")),
        [(b.date, b.name, b.size, b.entry.in_role, b.result) for b in rv.bets_opened], empty=empty,
    )
    closed = table_section(
        "bets_closed", "Bets closed", here,
        (("date", "date", DATE), ("bet", "bet", TEXT), ("outcome", "outcome", TEXT),
         ("length", "open for", LENGTH), ("story", "story", TEXT), ("lesson", "lesson", TEXT)),
        [(b.closed_on, b.name, b.result, span_length(b.date, b.closed_on, b.days), b.story, b.lesson)
         for b in rv.bets_closed], empty=empty,
    )
    received = table_section(
        "feedback", "Feedback received", here,
        (("date", "date", DATE), ("from", "from", TEXT), ("tone", "tone", TEXT), ("feedback", "feedback", TEXT),
         ("action", "action taken", TEXT)),
        [(f.date, f.giver, f.tone, f.text, f.action) for f in rv.feedback], empty=empty,
    )
    open_bets = table_section(
        "open_bets", "Next: open bets", then,
        (("bet", "bet", TEXT), ("size", "size", TEXT), ("opened", "opened", DATE), ("open_for", "open for", LENGTH),
         ("in", "in", TEXT)),
        [(b.name, b.size, b.date, span_length(b.date, this.on, b.days), b.entry.in_role) for b in rv.open_bets],
        empty=f"no bet open on {this.on}",
    )
    nxt = span_label(rv.next_begin, rv.next_end)
    commitments = table_section(
        "commitments", f"Next: commitments for {nxt}", then,
        (("contract", "contract", TEXT), ("with", "with", TEXT), ("periods", "periods", TEXT),
         ("updates", "updates", INT), ("by", "by", DATE)),
        [(c.contract.text, c.contract.counterpart, _periods(c.periods), c.updates, c.by) for c in rv.commitments],
        empty=f"no contract period ends in {nxt}",
    )
    sections = [summary, period, headline, wins, untold, updates, contracts, skills, opened, closed, received,
                open_bets, commitments]
    if me:
        from ..checks.pitfalls import warnings

        found = warnings(ledger, this.on)
        sections.append(table_section(
            "warnings", f"Warnings on {this.on}", then,
            (("code", "code", TEXT), ("check", "check", TEXT), ("warning", "warning", TEXT)),
            [(p.code, p.name, p.message.split(": ", 1)[-1]) for p in found],
            empty=f"no warning on {this.on}",
        ))
    return sections
