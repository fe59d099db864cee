"""Checks: what `careerledger check` reports beyond the syntax. consistency.py
finds errors (the ledger contradicts itself); pitfalls.py finds warnings (the
career drifts), from the same metrics the reports show."""
