"""Scaling of hostile inputs: each input that once took superlinear time, at 1x, 10x and 100x.

    python bench/scaling.py [--runs 3] [--write-doc]

Each case writes a ledger of N units (trailing spaces, unparseable lines, bets
with misspelt outcomes…) into bench/out/scaling/, times the whole command
(`careerledger check` or a report, found on PATH) with time.perf_counter and
prints the medians and what one more unit costs at the last step. Linear cost
gives about the same cost per unit at each step (start-up cancels out in the
difference); a return to quadratic cost shows as a step about ten times dearer
per unit than the step before.
With --write-doc the table replaces the "Hostile inputs" section of
docs/performance.md. Standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out", "scaling")
DOC = os.path.join(ROOT, "docs", "performance.md")
AS_OF = "2026-01-01"
NOISE = 0.010  # seconds: a difference smaller than this between two medians is noise here


def trailing_spaces(n):
    return f'2024-01-01 note "a"{" " * n}\n', "trailing spaces"


def bad_lines(n):
    return "x\n" * n, "unparseable lines"


def misspelt_outcomes(n):
    lines = []
    for i in range(n):
        lines.append(f'2024-01-01 bet "Pilot number {i:06d} of the new payments platform"\n  size: small\n')
    for i in range(n):
        lines.append(f'2024-06-01 outcome "Pilto nubmer {i:06d} of the new paymnets platfrom" success\n')
    return "".join(lines), "bets with misspelt outcomes"


def weekly_contracts(n):
    body = "".join(f'0001-01-01 contract "Weekly note {i}"\n  every: week\n' for i in range(n))
    return body, "weekly contracts from year 0001"


def long_unknown_keyword(n):
    return f'2024-01-01 nope "{"x" * n}"\n', "characters on a line with an unknown keyword"


def many_needs(n):
    needs = " ".join(f"#skill-{i}" for i in range(n))
    skills = "".join(f"2024-01-02 skill #skill-{i} novice\n" for i in range(n))
    return f'2024-01-01 north-star "Somewhere"\n  needs: {needs}\n{skills}', "north-star needs and skills"


def ambiguous_leaves(n):
    roles = "".join(f'2020-01-01 role "Advisor" at "Org {i}"\n  track: core\n  side: yes\n' for i in range(n))
    return roles + '2021-01-01 leave "Advisor"\n' * n, "side roles of one title, each leave ambiguous"


def shared_contracts(n):
    contracts = "".join(f'2020-01-06 contract "Weekly note"\n  every: week\n  count: {i + 1}\n' for i in range(n))
    updates = "".join(f'2020-02-03 update "Note {i}"\n  for: "Weekly note"\n' for i in range(n))
    return contracts + updates, "contracts of one commitment, updates for it"


def near_skills(n):
    needs = " ".join(f"#needed-skill-{i}" for i in range(n))
    skills = "".join(f"2024-01-02 skill #needed-skil-{i} novice\n" for i in range(n))
    return f'2024-01-01 north-star "Somewhere"\n  needs: {needs}\n{skills}', "skills one edit from a need"


# case, the units at 1x, the command after `careerledger`
CASES = (
    (trailing_spaces, 400, ["check"]),
    (bad_lines, 40, ["check"]),
    (misspelt_outcomes, 5, ["check"]),
    (weekly_contracts, 2, ["check"]),
    (long_unknown_keyword, 5000, ["check"]),
    (many_needs, 100, ["report", "skills"]),
    (ambiguous_leaves, 100, ["check"]),
    (shared_contracts, 20, ["check"]),
    (near_skills, 100, ["check"]),
)


def timed(argv, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # wait() with a timeout polls in sleeps of up to 50 ms, which would round
        # every time up to the next 50 ms: the bound on a hang is a timer instead
        guard = threading.Timer(600, proc.kill)
        guard.start()
        proc.wait()
        times.append(time.perf_counter() - start)
        guard.cancel()
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args()
    cl = shutil.which("careerledger")
    if cl is None:
        sys.exit("careerledger is not on PATH: activate the venv to measure")
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for make, unit, command in CASES:
        cells = []
        label = ""
        for scale in (1, 10, 100):
            n = unit * scale
            text, label = make(n)
            path = os.path.join(OUT, f"{make.__name__}-{n}.career")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            cells.append((n, timed([cl, *command, "--as-of", AS_OF, path], args.runs)))
        (n1, t1), (n10, t10), (n100, t100) = cells
        # The cost of one more unit at each step: start-up cancels out, and a
        # quadratic cost shows as a last step about 10x dearer per unit.
        first, last = (t10 - t1) / (n10 - n1), (t100 - t10) / (n100 - n10)
        if t100 - t10 <= NOISE:
            per_unit, growth = f"< {NOISE / (n100 - n10) * 1e6:.2g} µs", "— (no step above noise)"
        else:
            per_unit = f"{last * 1e6:.1f} µs"
            growth = f"{last / first:.2f}×" if t10 - t1 > NOISE else "— (the 10× step is within noise)"
        rows.append((f"`{' '.join(command)}`: {label}", cells, per_unit, growth))
    lines = [
        "## Hostile inputs",
        "",
        "Inputs that once cost superlinear time (issue: nothing hangs), timed by `bench/scaling.py` at",
        f"1×, 10× and 100× their size, median of {args.runs} runs. *per unit* is what one more unit costs",
        "between 10× and 100×; the last column divides it by the same between 1× and 10×: linear cost",
        f"keeps it near 1, quadratic cost makes it about 10 (a step under {NOISE * 1000:.0f} ms is left out as noise).",
        "",
        "| input | 1× | 10× | 100× | per unit | growth |",
        "|---|---|---|---|---|---|",
    ]
    for label, cells, per_unit, growth in rows:
        shown = [f"{n:,}: {t * 1000:.0f} ms" for n, t in cells]
        lines.append(f"| {label} | {' | '.join(shown)} | {per_unit} | {growth} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write_doc:
        with open(DOC, encoding="utf-8") as f:
            doc = f.read()
        start = doc.find("## Hostile inputs")
        if start == -1:
            doc = doc.rstrip("\n") + "\n\n" + table
        else:
            end = doc.find("\n## ", start + 1)
            doc = doc[:start] + table + (doc[end + 1:] if end != -1 else "")
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(doc)


if __name__ == "__main__":
    main()
