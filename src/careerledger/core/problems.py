"""Problems: every error and warning careerledger can report.

One record type and two catalogues: errors (E…, the file is wrong) and
warnings (W…, the career drifts). Each stage returns the problems it found
instead of raising, so one run of `check` shows all of them. A code never
changes meaning once released; docs/errors.md and docs/checks.md list every
one (tests keep them in step).
"""

from collections.abc import Collection, Iterable
from typing import NamedTuple

from .entries import Loc


class Problem(NamedTuple):
    loc: Loc
    code: str
    message: str
    hint: str | None = None
    length: int = 1  # how many characters the caret underlines
    severity: str = "error"  # or "warning"

    @property
    def name(self) -> str:
        """The code's name: `unknown-keyword` for E104, `drift` for W201."""
        return name_of_code(self.code)


# code -> (name, what it means). Messages are built where the problem is found,
# from the user's own text; this table is what docs and `--list` read.
CATALOGUE: dict[str, tuple[str, str]] = {
    # the file itself
    "E001": ("not-utf8", "the file is not valid UTF-8 text"),
    "E002": ("unreadable", "the file cannot be read"),
    "E003": ("bad-line-ending", "a carriage return (CR) that does not end a line with LF"),
    # syntax: the shape of a line
    "E101": ("syntax", "a line that is not an entry, metadata, directive, heading or comment"),
    "E102": ("bad-string", "a string is not closed, or uses an escape other than \\\" and \\\\"),
    "E103": ("bad-date", "a date that does not exist on the calendar, or is not YYYY-MM-DD / YYYY-MM"),
    "E104": ("unknown-keyword", "an entry keyword that does not exist"),
    "E105": ("bad-arguments", "an entry's arguments are missing, extra or of the wrong kind"),
    "E106": ("bad-tag", "a tag with characters other than lowercase letters, digits, - _ /"),
    "E107": ("bad-value", "a value of the wrong kind (a string where a date is expected, …)"),
    "E108": ("unknown-value", "a word that is not one of the values allowed here"),
    # metadata
    "E201": ("orphan-metadata", "an indented metadata line with no entry above it"),
    "E202": ("bad-metadata", "an indented line that is not `key: value`"),
    "E203": ("unknown-key", "a metadata key that this entry kind does not have"),
    "E204": ("missing-key", "a required metadata key is missing"),
    "E205": ("duplicate-key", "the same metadata key twice on one entry"),
    # directives
    "E301": ("unknown-option", "an option that does not exist"),
    "E302": ("bad-option", "an option whose value is not of its kind, or that is set twice"),
    "E303": ("missing-include", "an include that names no existing file"),
    "E304": ("include-cycle", "a file that includes itself, directly or through others"),
    "E305": ("bad-directive", "an option or include line of the wrong shape"),
    "E306": ("unknown-check", "a `; careerledger: ignore` comment naming no check"),
    "E307": ("include-too-deep", "includes nested more than 100 files deep"),
    # consistency of the whole ledger
    "E401": ("unknown-bet", "an outcome for a bet that was never opened"),
    "E402": ("bet-closed-twice", "a second outcome for the same bet"),
    "E403": ("outcome-before-bet", "an outcome dated before its bet"),
    "E404": ("leave-not-current", "a leave that names no current role, main or side"),
    "E405": ("unknown-opportunity", "a decision on an opportunity that was never recorded"),
    "E406": ("duplicate-entry", "two entries of the same date, kind and name"),
    "E407": ("bad-score", "a home score outside 1–5"),
    "E408": ("decision-before-opportunity", "a decision dated before its opportunity"),
    "E409": ("bet-already-open", "a bet opened while another bet of the same name is still open"),
    "E410": ("unknown-role", "a contract's `in:` that names no role held on its date"),
    "E411": ("unknown-contract", "an update's `for:` that names no contract"),
    "E412": ("ends-before-start", "a contract's `until:` or a north star's `by:` before the entry's own date"),
    "E413": ("ambiguous-leave", "a leave whose title names more than one current role"),
}


class WarningSpec(NamedTuple):
    """A warning of the catalogue: the framework's pitfall it names."""

    code: str
    name: str
    summary: str  # one line for --list-checks
    advice: str  # the hint under each warning, in the framework's spirit
    default: bool = True


# The warnings, in the order check runs them. careerledger.checks.pitfalls has
# the function behind each name; messages are built there from its findings.
WARNINGS: tuple[WarningSpec, ...] = (
    WarningSpec("W201", "drift", "a new main role with no reason against the north star",
             "write a why: on the role, or record the opportunity and a decision ... take"),
    WarningSpec("W202", "swing-due", "no big swing (big bet or innovation role) for longer than swing-every",
             "look for a zero-to-one bet you can start out of the limelight"),
    WarningSpec("W203", "phase-stuck", "the current learning or impact streak is longer than phase-max",
             "alternate phases: after a long impact run, pick something that makes you learn"),
    WarningSpec("W204", "cadence-missed", "a live update contract missed its latest whole period",
             "publish the update, even a short one: the habit matters more than the polish"),
    WarningSpec("W205", "repeat-unwritten", "a topic explained twice or more and never written up",
             "write what you repeat: an update with covers: the topic"),
    WarningSpec("W206", "landing-overdue", "a 30/60/90 landing step of a new role is overdue",
             "day 30: State of the Union; day 60: alignment; day 90: a quick win"),
    WarningSpec("W207", "early-ask", "a big bet asks for resources up front",
             "build out of the limelight until there is traction, then ask"),
    WarningSpec("W208", "feedback-unactioned", "constructive or critical feedback older than 30 days without action:",
             "treat feedback as data: record what you changed with action:"),
    WarningSpec("W209", "home-stale", "no home check-in for longer than home-every",
             "add a home entry with a score from 1 to 5"),
    WarningSpec("W210", "north-star-missing", "roles but no north star",
             "write a north-star entry: where do you want to be in five years?"),
    WarningSpec("W211", "north-star-expired", "the latest north star's by: date has passed",
             "revise your north star with a new north-star entry"),
    WarningSpec("W212", "contract-orphaned", "a contract outlives the main role it was made in",
             "add until: (its last day) or in: (the role it belongs to), or make a new contract"),
    WarningSpec("W213", "skill-near-need", "a skill's tag is one edit away from a north-star need",
             "use the need's exact tag, so that the skill counts toward your north star"),
    WarningSpec("W214", "bet-in-unknown-role", "a bet's in: names no role held on its date",
             "in: is the title of a role held on the bet's date, as written on the role"),
)
WARNING_BY_KEY: dict[str, WarningSpec] = {w.name: w for w in WARNINGS} | {w.code: w for w in WARNINGS}


def name_of_code(code: str) -> str:
    """E104 -> `unknown-keyword`, W201 -> `drift`."""
    return CATALOGUE[code][0] if code in CATALOGUE else WARNING_BY_KEY[code].name


def resolve_checks(names: Iterable[str]) -> frozenset[str]:
    """Warning names or codes (each item may be a comma list) -> frozenset of names;
    raise ValueError naming an unknown one."""
    out = set()
    for raw in names:
        for name in filter(None, (n.strip() for n in raw.split(","))):
            found = WARNING_BY_KEY.get(name) or WARNING_BY_KEY.get(name.upper())
            if found is None:
                hint = did_you_mean(name, [w.name for w in WARNINGS])
                raise ValueError(f"unknown check '{name}': {hint}")
            out.add(found.name)
    return frozenset(out)


def enabled_checks(
    select: Iterable[str] = (), ignore: Iterable[str] = (), ledger_ignore: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The names of the warnings to run: --select wins over the ledger's check-ignore."""
    select = tuple(select)
    if select:
        names = set(resolve_checks(select))
    else:
        names = {w.name for w in WARNINGS if w.default} - ledger_ignore
    return frozenset(names - resolve_checks(ignore))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of `choices` most like `word` (a typo away), or None."""
    import difflib  # only on the error path: it costs start-up time

    # Comparing two strings costs the product of their lengths: compare the
    # first 64 characters, and only with choices of a length that could reach
    # the cutoff (a ratio is at most 2 * shorter / (both lengths)).
    word = word[:CLOSE_CHARS]
    n = len(word)
    pool: dict[str, str] = {}
    for choice in sorted(choices):
        short = choice[:CLOSE_CHARS]
        m = len(short)
        if 2 * min(n, m) >= CLOSE_CUTOFF * (n + m):
            pool.setdefault(short, choice)
        if len(pool) >= CLOSE_POOL:
            break
    close = difflib.get_close_matches(word, list(pool), n=1, cutoff=CLOSE_CUTOFF)
    return pool[close[0]] if close else None


CLOSE_CHARS = 64
CLOSE_CUTOFF = 0.6
CLOSE_POOL = 200


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """A hint naming the closest of `choices` to `word` (or one that starts
    like it), or listing them all."""
    ordered = sorted(choices)
    close = closest(word, ordered)
    if close is None and len(word) >= 3:
        close = next((c for c in ordered if c.startswith(word[:3])), None)
    if close is not None:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(ordered)


class Near:
    """"did you mean" hints for unknown names, with the work bounded: each
    unknown name is looked up once, and after BUDGET of them (a file of
    hundreds of misspelt outcomes) the hint says what to write instead, so the
    cost stays linear in the file."""

    BUDGET = 20

    def __init__(self, names: Iterable[str], otherwise: str):
        self.names = list(names)
        self.otherwise = otherwise
        self.found: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        hint = self.found.get(name)
        if hint is None:
            close = closest(name, self.names) if len(self.found) < self.BUDGET else None
            hint = f"did you mean \"{close}\"?" if close else self.otherwise
            self.found[name] = hint
        return hint
