"""A LinkedIn data export in: Positions.csv (and Skills.csv beside it) ->
ledger text, through the same model and writer as JSON Resume (jsonresume.py).

LinkedIn writes `Company Name,Title,Description,Location,Started On,Finished On`,
every field that needs it quoted, a Description over several lines, and its
dates as `Jan 2020` (sometimes a bare year). docs/import-export.md is the mapping.
"""

import csv
import io
import re
from collections.abc import Iterator, Sequence
from datetime import date

from .jsonresume import Imported, Position, SkillItem, SourceError, When, base_name, clean, ledger_text, quote

POSITIONS = "Positions.csv"
SKILLS = "Skills.csv"
HEADER = ("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
REQUIRED = ("Company Name", "Title", "Started On", "Finished On")

_MONTHS = {
    name: i + 1
    for i, names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december"),
    ))
    for name in names
}
_MONTH_YEAR = re.compile(r"(?:([A-Za-z]+)\.?\s+)?(\d{4})")
BULLETS = "-*•·–—▪►✓"  # a Description line that starts with one of these is a highlight


def parse_month(text: str) -> When | None:
    """`Jan 2020`, `September 2020`, `Sept 2020` (any case) or `2020` -> When;
    None for anything else (`Spring 2020`)."""
    shown = clean(text)
    m = _MONTH_YEAR.fullmatch(shown)
    if m is None:
        return None
    year = int(m[2])
    if year < 1:
        return None
    if m[1] is None:
        return When(date(year, 1, 1), "year", shown)
    month = _MONTHS.get(m[1].lower())
    return None if month is None else When(date(year, month, 1), "month", shown)


def _rows(text: str, filename: str, required: Sequence[str]) -> Iterator[tuple[int, int, dict[str, str]]]:
    """(row number, line it starts on, {column: value}) for each row that is not
    blank; SourceError for a file without the columns or that is no CSV."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # a quote out of place is an error
    try:
        header = next(reader, None)
        if header is None:
            raise SourceError(f"{filename}: empty: no header row ({','.join(required)})")
        names = [h.strip() for h in header]
        missing = [c for c in required if c not in names]
        if missing:
            shown = ",".join(names)
            shown = shown if len(shown) <= 80 else shown[:79] + "…"
            raise SourceError(
                f"{filename}:1: no column {', '.join(quote(c) for c in missing)}: the header is {quote(shown)};"
                f" LinkedIn's is {quote(','.join(required if required != REQUIRED else HEADER))}"
            )
        number = 0
        line = reader.line_num + 1
        for values in reader:
            if any(v.strip() for v in values):
                number += 1
                yield number, line, {n: (values[i] if i < len(values) else "") for i, n in enumerate(names)}
            line = reader.line_num + 1
    except csv.Error as e:
        raise SourceError(f"{filename}:{reader.line_num}: not a CSV file LinkedIn wrote: {e}") from None


def read_linkedin(positions: str, positions_name: str = POSITIONS, skills: str | None = None,
                  skills_name: str = SKILLS) -> Imported:
    """Positions.csv's text (and Skills.csv's, when there is one) -> the model."""
    found = []
    for number, line, row in _rows(positions, positions_name, REQUIRED):
        org, title = clean(row["Company Name"]), clean(row["Title"])
        where = f"{positions_name}:{line}: row {number}"
        if title or org:
            where += f" ({quote(title)} at {quote(org)})"
        if not title:
            raise SourceError(f"{where}: no Title: a role needs one")
        if not org:
            raise SourceError(f"{where}: no Company Name: a role needs one")
        start = _when(row, "Started On", where, required=True)
        assert start is not None
        end = _when(row, "Finished On", where, required=False)
        if end is not None and end.last < start.day:
            raise SourceError(f"{where}: Finished On {quote(end.shown)} is before Started On {quote(start.shown)}")
        meta: list[tuple[str, str]] = []
        location = clean(row.get("Location", ""))
        if location:
            meta.append(("x-location", location))
        meta.extend(_description(row.get("Description", "")))
        found.append(Position(where, "work", title, org, start, end, tuple(meta)))
    listed = []
    if skills is not None:
        for number, line, row in _rows(skills, skills_name, ("Name",)):
            name = clean(row["Name"])
            if name:
                listed.append(SkillItem(f"{skills_name}:{line}: row {number} ({quote(name)})", name, None, ()))
    source = base_name(positions_name)
    if skills is not None:
        source += f" and {base_name(skills_name)}"
    return Imported(f"{source} (a LinkedIn data export)", "LinkedIn export", None, tuple(found), tuple(listed),
                    (), (), ())


def _when(row: dict[str, str], column: str, where: str, *, required: bool) -> When | None:
    value = row.get(column, "").strip()
    if not value or (not required and value.lower() == "present"):
        if required:
            raise SourceError(f"{where}: no {column}: the month it started is needed")
        return None
    found = parse_month(value)
    if found is None:
        shown = clean(value)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise SourceError(f"{where}: {column} {quote(shown)} is not a month and year, as LinkedIn writes them"
                          " (Jan 2020), or a year")
    return found


def _description(text: str) -> list[tuple[str, str]]:
    """A Description over several lines: its bullet lines as highlights, the
    other lines joined with spaces as the summary."""
    summary: list[str] = []
    highlights: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line[:1] and line[0] in BULLETS:
            bullet = clean(line.lstrip(BULLETS))
            if bullet:
                highlights.append(bullet)
        elif clean(line):
            summary.append(clean(line))
    meta = [("x-summary", " ".join(summary))] if summary else []
    meta.extend((f"x-highlight-{n}", h) for n, h in enumerate(highlights, 1))
    return meta


def import_linkedin(positions: str, today: date, positions_name: str = POSITIONS, skills: str | None = None,
                    skills_name: str = SKILLS) -> str:
    """Positions.csv (and Skills.csv) -> the text of a ledger that loads without errors."""
    return ledger_text(read_linkedin(positions, positions_name, skills, skills_name), today, positions_name)
