"""The report model: what every report is made of, and the registry.

A Report is plain data: a title, the span the career-wide figures cover, the
window that restricts what is listed, and a list of sections. A section is
either facts (key, label, value) or a table (columns and rows of plain
values). The four output formats (render/report.py) all render this one
structure, so they never disagree. Every number comes from
careerledger.metrics; a report only picks, orders and labels.

Values are dates, ints, floats, strings, bools, tuples of strings, None, a
Length (a span between two dates: days in JSON, "2y 3m 4d" in text), or a
tuple of Items (several facts in one element: "hiring (proficient)" in text,
{"skill": "hiring", "level": "proficient"} in JSON). Each fact and column
says its type, one of TYPES.

The window (`-b/-e/-p`) restricts what a report lists and what it counts:
an item is listed when it overlaps the window (a dated entry when its day is
inside it; a contract period when its last day is, so that windows side by
side share none), and every count in a section that covers `listed` counts
only inside the window. Figures that cover the career, trailing years or the
state on as-of are never restricted; each section says what it covers.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeAlias

from ..core.dates import period_begin, period_span, shift
from ..metrics import timeline

if TYPE_CHECKING:
    from ..core.entries import Role
    from ..loader import Ledger

# value types of facts and columns
TEXT = "text"  # str
DATE = "date"  # date
LENGTH = "length"  # Length: a span between two dates
DAYS = "days"  # int: a count of days that is not one span (a sum)
INT = "int"  # int: a count
SHARE = "share"  # float from 0 to 1
NUMBER = "number"  # float
BOOL = "bool"
LIST = "list"  # tuple of str
SCORES = "scores"  # tuple of int home scores (1 to 5): a sparkline in text
SOURCE = "source"  # str `file:line` of the entry a row comes from: json, csv and html only
ITEMS = "items"  # tuple of Item: its texts in text, objects in json
TYPES = (TEXT, DATE, LENGTH, DAYS, INT, SHARE, NUMBER, BOOL, LIST, SCORES, SOURCE, ITEMS)


class Length(NamedTuple):
    """A span from `start` (included) to `end` (excluded); `days` comes from the metrics."""

    start: date
    end: date
    days: int


# A field of an Item's JSON object: JSON scalars only, so that the object needs no
# type of its own to be rendered.
ItemField: TypeAlias = str | int | bool | None


class Item(NamedTuple):
    """One element of an ITEMS value, for an element that packs several facts
    (a skill and its level): a program should not have to parse the text
    back. `text` is what text, markdown and csv show; `data` the fields of
    its JSON object, in order."""

    text: str
    data: tuple[tuple[str, ItemField], ...]


def item(text: str, **data: ItemField) -> Item:
    """An Item shown as `text`, its JSON object's fields in the order given."""
    return Item(text, tuple(data.items()))


# What a fact or a table cell holds; its type (one of TYPES) says which.
Value: TypeAlias = (date | int | float | str | bool | tuple[str, ...] | tuple[int, ...] | tuple[Item, ...] | Length
                    | None)
Row: TypeAlias = tuple[Value, ...]
# A column as table_section takes it: (key, label, type) or (key, label, type, none).
ColumnSpec: TypeAlias = tuple[str, str, str] | tuple[str, str, str, str]


class Window(NamedTuple):
    """What a report lists: [begin, end); None is unbounded."""

    begin: date | None = None
    end: date | None = None

    @property
    def bounded(self) -> bool:
        return self.begin is not None or self.end is not None

    def holds(self, day: date) -> bool:
        return (self.begin is None or day >= self.begin) and (self.end is None or day < self.end)

    def overlaps(self, start: date, end: date | None, as_of: date) -> bool:
        """Whether [start, end) meets the window. `end` None is an item still going
        on as of `as_of` (which it includes); a zero-day item is its start day."""
        if end is None:
            end = shift(as_of, 1)
        if end <= start:
            return self.holds(start)
        return (self.end is None or start < self.end) and (self.begin is None or end > self.begin)


ALL = Window()


class Cover(NamedTuple):
    """The span a section's figures cover: `career`, `trailing 5 years`, `listed`, `as of`…"""

    label: str
    start: date | None
    end: date | None


class Fact(NamedTuple):
    key: str
    label: str
    value: Value
    type: str
    none: str | None = "—"  # how text shows None; None: leave the line out


class Column(NamedTuple):
    key: str
    label: str
    type: str
    none: str = "—"


class Section(NamedTuple):
    key: str
    title: str
    kind: str  # "facts" | "table"
    covers: tuple[Cover, ...]
    facts: tuple[Fact, ...] = ()  # for kind facts
    columns: tuple[Column, ...] = ()  # for kind table
    rows: tuple[Row, ...] = ()  # one value per column
    empty: str | None = "nothing to list"  # text shown for a table with no rows; None: it always has some
    strip: bool = False  # periods: text shows one strip per contract instead of rows
    group: bool = False  # text and markdown blank a first-column value equal to the row above


class Report(NamedTuple):
    name: str
    title: str
    owner: str | None
    as_of: date
    career: Cover  # first main role -> as_of
    window: Window
    sections: tuple[Section, ...]


class Build(Protocol):
    """A registered report: `(ledger, as_of, window=ALL, **params) -> Report`."""

    def __call__(self, ledger: "Ledger", as_of: date, window: Window = ..., **params: object) -> Report: ...


# What register decorates: the report's sections, given its own options as keywords.
Sections: TypeAlias = Callable[..., Iterable[Section]]


class Spec(NamedTuple):
    name: str
    title: str
    summary: str  # one line, for --help
    build: Build
    options: tuple[str, ...] = ()  # the report's own options: "role", "all" (landing)
    format: str = "text"  # the format used when --format is not given


REPORTS: dict[str, Spec] = {}


def register(name: str, title: str, summary: str, options: Iterable[str] = (), fmt: str = "text",
             default_window: Callable[[date], Window] | None = None) -> Callable[[Sections], Build]:
    """Register a function that lists a report's sections as the report `name`:
    the registered function, `(ledger, as_of, window=ALL, **params) -> Report`,
    adds the header (title, owner, as-of, the career's span, the window).
    `options` names the keyword parameters the report takes (its own options),
    `fmt` its default format, and `default_window(as_of)` the window it uses
    when none is given."""
    from functools import wraps

    def wrap(sections: Sections) -> Build:
        @wraps(sections)
        def report(ledger: "Ledger", as_of: date, window: Window = ALL, **params: object) -> Report:
            if default_window is not None and not window.bounded:
                window = default_window(as_of)
            return Report(name, title, ledger.options.owner, as_of, career_cover(ledger, as_of), window,
                          tuple(sections(ledger, as_of, window, **params)))

        REPORTS[name] = Spec(name, title, summary, report, tuple(options), fmt)
        return report

    return wrap


class ReportError(ValueError):
    """A report's option names nothing in the ledger (`--role` with no such role)."""


class WindowError(ValueError):
    """-b, -e or -p that makes no window; `option` names the one at fault."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


def window_of(as_of: date, begin: str | None = None, end: str | None = None, period: str | None = None) -> Window:
    """-b/-e/-p (dates or periods, as text) -> Window; raise WindowError.

    -p is one period, or a range, as in hledger: `A..B` (or `from A to B`)
    from the first day of A to the first day of B, excluded; `A..` and `..B`
    are open at one end. -b is the first day of a date or period, -e the
    first day of one (excluded); neither takes a range. Relative periods
    (today, last month, q2) count from `as_of`."""
    if period and (begin or end):
        raise WindowError("use -p/--period or -b/--begin and -e/--end, not both")
    if period:
        try:
            return Window(*period_span(period, as_of))
        except ValueError as e:
            raise WindowError(str(e), "period") from None

    def first_day(text: str | None, option: str) -> date | None:
        if not text:
            return None
        try:
            return period_begin(text, as_of)
        except ValueError as e:
            raise WindowError(str(e), option) from None

    first, last = first_day(begin, "begin"), first_day(end, "end")
    if first and last and last <= first:
        raise WindowError(f"-e {last} is not after -b {first}")
    return Window(first, last)


def build(name: str, ledger: "Ledger", as_of: date, window: Window = ALL, **params: object) -> Report:
    """The report `name` for a loaded ledger as of `as_of`, listing what overlaps
    `window`; `params` are the report's own options (Spec.options)."""
    return REPORTS[name].build(ledger, as_of, window, **params)

# --- pieces every report uses ---------------------------------------------------


def career_cover(ledger: "Ledger", as_of: date) -> Cover:
    first = timeline.first_role(timeline.upto(ledger.entries, as_of))
    return Cover("career", first.date if first else None, as_of)


def as_of_cover(as_of: date) -> tuple[Cover]:
    return (Cover("as of", None, as_of),)


def listed_cover(window: Window, as_of: date) -> tuple[Cover, ...]:
    return (Cover("listed", window.begin, window.end or as_of),) if window.bounded else ()


def facts_section(key: str, title: str, covers: Iterable[Cover], *facts: Fact) -> Section:
    return Section(key, title, "facts", tuple(covers), facts=tuple(facts))


def table_section(key: str, title: str, covers: Iterable[Cover], columns: Iterable[ColumnSpec],
                  rows: Iterable[Sequence[Value]], empty: str | None = "nothing to list", *, strip: bool = False,
                  group: bool = False) -> Section:
    return Section(key, title, "table", tuple(covers), columns=tuple(Column(*c) for c in columns),
                   rows=tuple(tuple(r) for r in rows), empty=empty, strip=strip, group=group)


def span_length(start: date | None, end: date | None, days: int | None) -> Length | None:
    """A Length, or None when any part is missing."""
    return None if start is None or end is None or days is None else Length(start, end, days)


def through(last_day: date | None) -> date | None:
    """The excluded end of a span whose last day is `last_day` (a contract's until:)."""
    return shift(last_day, 1) if last_day is not None else None


def role_name(role: "Role") -> str:
    return f"{role.title} at {role.org}"
