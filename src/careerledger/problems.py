"""Problems: every error (and, later, warning) careerledger can report.

One catalogue, one record type. Each stage returns the problems it found
instead of raising, so one run of `check` shows all of them. A code never
changes meaning once released; docs/errors.md lists every one (a test keeps
the two in step).
"""

from typing import NamedTuple

from .entries import Loc


class Problem(NamedTuple):
    loc: Loc
    code: str
    message: str
    hint: str | None = None
    length: int = 1  # how many characters the caret underlines
    severity: str = "error"  # or "warning"


# code -> (name, what it means). Messages are built where the problem is found,
# from the user's own text; this table is what docs and `--list` read.
CATALOGUE = {
    # the file itself
    "E001": ("not-utf8", "the file is not valid UTF-8 text"),
    "E002": ("unreadable", "the file cannot be read"),
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
    # consistency of the whole ledger
    "E401": ("unknown-bet", "an outcome for a bet that was never opened"),
    "E402": ("bet-closed-twice", "a second outcome for the same bet"),
    "E403": ("outcome-before-bet", "an outcome dated before its bet"),
    "E404": ("leave-not-current", "a leave for a role that is not the current main role"),
    "E405": ("unknown-opportunity", "a decision on an opportunity that was never recorded"),
    "E406": ("duplicate-entry", "two entries of the same date, kind and name"),
    "E407": ("bad-score", "a home score outside 1–5"),
    "E408": ("decision-before-opportunity", "a decision dated before its opportunity"),
}


def closest(word, choices):
    """The one of `choices` most like `word` (a typo away), or None."""
    import difflib  # only on the error path: it costs start-up time

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word, choices):
    """A hint naming the closest of `choices` to `word` (or one that starts
    like it), or listing them all."""
    choices = sorted(choices)
    close = closest(word, choices)
    if close is None and len(word) >= 3:
        close = next((c for c in choices if c.startswith(word[:3])), None)
    if close is not None:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(choices)
