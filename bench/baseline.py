"""A throwaway CPython pass over a `.career` file: the floor of any Python checker.

    python bench/baseline.py FILE

For each entry head line (a line that starts with a date, `YYYY-MM-DD `) it
does a regex match, a `date.fromisoformat` and builds a tuple (date, kind,
rest); it collects the tuples, sorts them and exits 0, printing nothing.
bench/run.py times it on the 100k-entry ledger, with the interpreter
careerledger runs on, as the anchor of the target "at most 2× a throwaway
pass": what reading the entries costs in plain Python, before any checking.
Standard library only.
"""

import re
import sys
from datetime import date

HEAD = re.compile(r"(\d{4}-\d{2}-\d{2}) (\S+) ?(.*)")


def entries(path):
    """The sorted (date, kind, rest) of every head line of the file."""
    out = []
    match = HEAD.match
    with open(path, encoding="utf-8") as f:
        for line in f:
            # Metadata, comments and blank lines do not start with a digit: skip
            # them without a regex, so that only head lines pay for one.
            if not line[:1].isdigit():
                continue
            m = match(line)
            if m:
                out.append((date.fromisoformat(m[1]), m[2], m[3]))
    out.sort()
    return out


def main(argv):
    if len(argv) != 1:
        sys.exit("usage: python bench/baseline.py FILE")
    entries(argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
