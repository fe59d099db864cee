"""Standard output and error that never fail on a character: a terminal or a
file in an encoding that lacks `■`, `→` or `▃` (latin-1, cp1252, ASCII under
LC_ALL=C) gets a plain ASCII stand-in instead of a UnicodeEncodeError."""

import codecs
import sys

# what each character the output uses is written as where it cannot be encoded
STAND_INS = {
    "■": "#", "□": ".", "→": "->", "←": "<-", "…": "...", "—": "-", "–": "-", "×": "x", "·": "*",
    "▁": "1", "▂": "2", "▃": "3", "▅": "4", "█": "5", "≥": ">=", "≤": "<=", "’": "'", "‘": "'",
    "“": '"', "”": '"', "\u00a0": " ",
}
ERRORS = "careerledger-ascii"


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(STAND_INS.get(c, "?") for c in bad), error.end


codecs.register_error(ERRORS, _stand_in)


def forgiving_streams() -> None:
    """Make stdout and stderr write a stand-in for what their encoding lacks."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and stream is not None:
            try:
                reconfigure(errors=ERRORS)
            except (ValueError, OSError):  # a closed or detached stream: nothing to write to
                pass
