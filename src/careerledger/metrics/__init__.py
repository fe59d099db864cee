"""Metrics: the one implementation of every number careerledger shows.

`careerledger report …` renders these results, `careerledger check` turns
some of them into warnings and `evaluate` weighs them; none of those computes
anything itself. One module per concept; timeline.py has what they share.
Every function is pure: it takes the loaded entries (sorted by date), `as_of`
and, where a metric needs them, the options, and returns plain immutable
NamedTuples (tuples inside, never lists) with no formatting.

Two rules hold everywhere (docs/metrics.md is the authority):

- Entries dated after `as_of` are ignored: each function starts with
  `upto(entries, as_of)`, so a ledger replayed as of an earlier day gives the
  answers it would have given then.
- A span runs from its start date (included) to its end date (excluded), so
  "days since D" is `(as_of - D).days`, and a day count over a stretch of the
  career never includes `as_of` itself.

"Exceeds a duration" is calendar arithmetic: a span from D exceeds `3y` when
as_of > D + 3y (core.dates.add, month ends clamped), so on the day D + 3y
itself it does not exceed yet.
"""
