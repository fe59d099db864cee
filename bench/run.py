"""Benchmark `careerledger check` and its reports against `bean-check -C`, `hledger check` and plain CPython.

    python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--quick] [--no-doc]

Generates equivalent ledgers (bench/generate.py) into bench/out/, checks that
every command accepts its file, then times each group of cases interleaved:
round after round, every case of the group runs once per round, in an order
shuffled with a fixed seed, each run timed with time.perf_counter around
subprocess.run. Ratios are the medians of per-round ratios (careerledger's time
in round i / the other command's time in round i). Peak memory comes from GNU
time's %M (or, without it, getrusage in a small wrapper process). It prints a
markdown report, with the issue's targets marked met or not, and writes it to
docs/performance.md, keeping the sections other scripts maintain there
(bench/lsp.py's "Language server", bench/scaling.py's "Hostile inputs").
Tools are found on PATH; a missing one is skipped with a note. Standard
library only, besides the tools themselves.
"""

import argparse
import datetime
import itertools
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate  # noqa: E402

COLD_SIZE = 300
REPORT_SIZE = 100_000  # the size the reports target is set at
AS_OF = generate.LAST_DAY.isoformat()  # the ledgers are clean as of their last day
GNU_TIME = "/usr/bin/time"
BASELINE = os.path.join(HERE, "baseline.py")
SEED = 1  # the round orders are shuffled, but the same on every run of the script
MAX_ROUNDS = 300  # --min-time never asks for more rounds than this

DEFAULTS = {"sizes": "1000,10000,100000", "runs": 5, "warmup": 1, "mem_runs": 3, "min_time": 3.0}
QUICK = {"sizes": "1000", "runs": 3, "mem_runs": 0, "min_time": 0.0}  # and no report cases, no doc


# --- finding the tools -------------------------------------------------------


def interpreter_of(script):
    """The Python a console script runs on: the one its shebang names, else this one."""
    try:
        with open(script, encoding="utf-8", errors="replace") as f:
            head = f.readline() + f.readline()
    except OSError:
        return sys.executable
    # pip writes a /bin/sh trampoline instead of a shebang when the path is too long.
    m = re.match(r"#!/bin/sh\n'''exec' \"?([^\"\s]+)", head) or re.match(r"#!\s*(\S+)(?:\s+(\S+))?", head)
    if m:
        path = m.group(1)
        if os.path.basename(path) == "env" and m.lastindex == 2:  # #!/usr/bin/env python3
            path = shutil.which(m.group(2)) or ""
        if os.access(path, os.X_OK):
            return path
    return sys.executable


def find_tools(args):
    cl = shutil.which("careerledger")
    if cl is None:
        sys.exit("careerledger is not on PATH: install it (pip install .) or put its venv's bin/ first on PATH")
    interpreter = interpreter_of(cl)
    tools = {
        "careerledger": cl,
        "bean-check": shutil.which("bean-check"),
        "hledger": shutil.which("hledger"),
        # The floor of a Python CLI is the interpreter it runs on, unless told otherwise.
        "python": args.python or os.environ.get("BENCH_PYTHON") or interpreter,
        "interpreter": interpreter,
    }
    gnu_time = None
    if os.path.exists(GNU_TIME):
        out = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
        if "GNU" in out.stdout + out.stderr:
            gnu_time = GNU_TIME
    return tools, gnu_time


def version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except OSError:
        return "?"
    text = (out.stdout or out.stderr).strip().splitlines()
    return text[0] if text else "?"


def timed_env():
    """The environment of the timed commands: bytecode caching left on, as users have it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def report_names(cl, env):
    """The report names, as `careerledger report --help` lists them under "Reports:"."""
    out = subprocess.run([cl, "report", "--help"], capture_output=True, text=True, env=env)
    names, inside = [], False
    for line in out.stdout.splitlines():
        if line.strip() == "Reports:":
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            m = re.match(r"  ([a-z][\w-]*)\s", line)  # a description's further lines are indented deeper
            if m:
                names.append(m.group(1))
    return names


# --- the cases ---------------------------------------------------------------


class Case:
    def __init__(self, group, tool, label, argv, path=None, quiet=False):
        self.group = group  # "cold", a size, or "reports"
        self.tool = tool  # careerledger, bean-check…; in the reports group, check or a report name
        self.label = label
        self.argv = argv
        self.path = path
        self.quiet = quiet  # must print nothing (checked before timing)
        self.times = []  # seconds, one per round
        self.peaks = []  # KiB, one per memory round

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def peak(self):
        return statistics.median(self.peaks) if self.peaks else None


def check_case(group, cl, n, path):
    return Case(group, "careerledger", f"careerledger check ({n:,} entries)",
                [cl, "check", "--as-of", AS_OF, path], path, quiet=True)


def cold_cases(tools, outdir):
    """`check` on a small ledger beside the start-up of the other tools on empty files."""
    cold = generate.write(COLD_SIZE, outdir)
    empty = {ext: os.path.join(outdir, f"empty.{ext}") for ext in ("beancount", "journal")}
    for path in empty.values():
        open(path, "w").close()
    cases = [check_case("cold", tools["careerledger"], COLD_SIZE, cold["career"])]
    if tools["python"]:
        cases.append(Case("cold", "python", "python -c pass", [tools["python"], "-c", "pass"]))
    if tools["bean-check"]:
        cases.append(Case("cold", "bean-check", "bean-check -C (empty file)",
                          [tools["bean-check"], "-C", empty["beancount"]], empty["beancount"]))
    if tools["hledger"]:
        cases.append(Case("cold", "hledger", "hledger check -f EMPTY.journal (empty journal)",
                          [tools["hledger"], "check", "-f", empty["journal"]], empty["journal"]))
    return cases


def size_cases(tools, n, outdir):
    """`check` on n entries beside the other tools on the equivalent files and the throwaway pass."""
    files = generate.write(n, outdir)
    cases = [check_case(n, tools["careerledger"], n, files["career"])]
    if tools["bean-check"]:
        cases.append(Case(n, "bean-check", f"bean-check -C ({n:,})", [tools["bean-check"], "-C", files["beancount"]],
                          files["beancount"]))
    if tools["hledger"]:
        cases.append(Case(n, "hledger", f"hledger check ({n:,})", [tools["hledger"], "check", "-f", files["journal"]],
                          files["journal"]))
    cases.append(Case(n, "baseline", f"python bench/baseline.py ({n:,})",
                      [tools["interpreter"], BASELINE, files["career"]], files["career"], quiet=True))
    return cases


def report_cases(tools, n, outdir, names):
    """Every report on n entries, with `check` on the same file as the anchor of their ratios."""
    path = os.path.join(outdir, f"{n}.career")
    cl = tools["careerledger"]
    cases = [Case("reports", "check", f"careerledger check ({n:,})", [cl, "check", "--as-of", AS_OF, path], path,
                  quiet=True)]
    for name in names:
        cases.append(Case("reports", name, f"careerledger report {name} ({n:,})",
                          [cl, "report", name, "--as-of", AS_OF, "--format", "text", path], path))
    if "review" in names:  # markdown is review's own format (a packet to paste), and has its own tables
        cases.append(Case("reports", "review --format markdown", f"careerledger report review, markdown ({n:,})",
                          [cl, "report", "review", "--as-of", AS_OF, "--format", "markdown", path], path))
    return cases


def build_groups(tools, sizes, outdir, notes, reports_at, env):
    """{group: [cases]}, in the order they are timed; careerledger's case first in each."""
    for name in ("bean-check", "hledger"):
        if tools[name] is None:
            notes.append(f"`{name}` was not found on PATH: its cases are skipped.")
    groups = {"cold": cold_cases(tools, outdir)}
    for n in sizes:
        groups[n] = size_cases(tools, n, outdir)
    if reports_at:
        names = report_names(tools["careerledger"], env)
        if names:
            groups["reports"] = report_cases(tools, reports_at, outdir, names)
        else:
            notes.append("`careerledger report --help` listed no reports: the report cases are skipped.")
    return groups


def verify(groups, env):
    """Every command must exit 0 on its file, and `check` and the baseline must print nothing."""
    seen = set()
    for case in (c for group in groups.values() for c in group):
        if tuple(case.argv) in seen:
            continue
        seen.add(tuple(case.argv))
        out = subprocess.run(case.argv, capture_output=True, text=True, env=env)
        if out.returncode != 0 or (case.quiet and (out.stdout + out.stderr).strip()):
            sys.exit(f"{shlex.join(case.argv)} did not pass (exit {out.returncode}):\n"
                     f"{(out.stdout + out.stderr)[:2000]}")


# --- timing ------------------------------------------------------------------


def run_once(case, env):
    """Wall time of one run, in seconds. A failure would make its time meaningless: stop."""
    start = time.perf_counter()
    done = subprocess.run(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{shlex.join(case.argv)} exited {done.returncode} while being timed")
    return elapsed


def shuffled(group, rng):
    order = list(group)
    rng.shuffle(order)
    return order


def time_group(name, group, runs, warmup, min_time, env):
    """Interleaved rounds: each round runs every case of the group once, in a shuffled order.

    Load from other processes drifts over seconds; back-to-back runs of one command
    would give that drift to one case. Interleaved, all cases of a round share
    about the same load, so the ratio of two cases' times within one round is
    little disturbed by it (pair_ratio). At least `runs` rounds, and more until the
    group has spent about `min_time` seconds per case (so that fast cases get many).
    """
    rng = random.Random(f"{SEED}-{name}")  # per group, so a group's orders do not depend on the others
    for _ in range(warmup):  # fills the file cache and the bytecode cache
        for case in shuffled(group, rng):
            run_once(case, env)
    spent, rounds = 0.0, 0
    while rounds < runs or (spent < min_time * len(group) and rounds < MAX_ROUNDS):
        started = time.perf_counter()
        for case in shuffled(group, rng):
            case.times.append(run_once(case, env))
            spent += case.times[-1]
        rounds += 1
        if time.perf_counter() - started > 5:  # slow groups: show that something happens
            print(f"  round {rounds}/{runs}", file=sys.stderr)
    for case in group:
        print(f"  {case.label}: median {ms(case.median)} over {len(case.times)} rounds", file=sys.stderr)


# A child's own getrusage(RUSAGE_CHILDREN).ru_maxrss is the peak of the one
# command it ran; in this process it would be the peak of all children so far.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_once(case, gnu_time, env):
    """Peak resident set size of one run, in KiB."""
    if gnu_time:
        with tempfile.NamedTemporaryFile("r") as out:
            subprocess.run([gnu_time, "-f", "%M", "-o", out.name, *case.argv],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            return int(out.read().split()[-1])
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *case.argv], capture_output=True, text=True, env=env)
    return int(out.stdout.split()[-1])


def measure_memory(name, group, runs, gnu_time, env):
    """Peak memory in rounds too, so that memory ratios can be taken pair by pair."""
    rng = random.Random(f"{SEED}-{name}-memory")
    for _ in range(runs):
        for case in shuffled(group, rng):
            case.peaks.append(peak_once(case, gnu_time, env))


# --- ratios and targets ------------------------------------------------------


def pair_ratio(a, b, values="times"):
    """The median over rounds of a's value in round i ÷ b's value in round i."""
    xs, ys = getattr(a, values), getattr(b, values)
    assert len(xs) == len(ys), "cases of one group run the same rounds"
    return statistics.median(x / y for x, y in zip(xs, ys, strict=True)) if xs else None


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def mib(kib):
    return "–" if kib is None else f"{kib / 1024:,.1f} MiB"


def fmt_ratio(r):
    return "–" if r is None else f"{r:.2f}×"


def verdict(value, limit, at_most=True):
    """Met or not; a value within 10% of its limit is flagged, as noise can flip it."""
    ok = value <= limit if at_most else value < limit
    text = "**met**" if ok else "**not met**"
    if abs(value / limit - 1) <= 0.10:
        text += " (within 10% of the limit: noise can flip it)"
    return text


class Targets:
    """Builds the rows (work, target, measured, verdict) of the targets table."""

    def __init__(self, by, sizes, missing, reports_at, mem_runs):
        self.by, self.sizes, self.missing = by, sizes, missing
        self.reports_at, self.mem_runs = reports_at, mem_runs
        self.rows = []

    def why_not(self, *keys):
        """Why a case a target needs was not measured."""
        for group, tool in keys:
            if (group, tool) in self.by:
                continue
            if tool in self.missing:
                return f"`{tool}` not found"
            return f"{group:,} entries not run (`--sizes`)" if isinstance(group, int) else f"{group} not run"
        return None

    def add(self, work, limit, measured, value):
        self.rows.append((work, f"≤ {limit}×", measured, verdict(value, limit)))

    def skip(self, work, limit, why):
        self.rows.append((work, f"≤ {limit}×", why, "not evaluated"))

    def time(self, work, limit, a, b):
        """careerledger's case a against case b: the median of the per-round time ratios."""
        why = self.why_not(a, b)
        if why:
            return self.skip(work, limit, why)
        a, b = self.by[a], self.by[b]
        r = pair_ratio(a, b)
        self.add(work, limit, f"{ms(a.median)} vs {ms(b.median)}: {r:.2f}×", r)

    def memory(self, work, limit, a, b):
        why = self.why_not(a, b) or (None if self.mem_runs else "no memory runs (`--mem-runs 0`)")
        if why:
            return self.skip(work, limit, why)
        a, b = self.by[a], self.by[b]
        r = pair_ratio(a, b, "peaks")
        self.add(work, limit, f"{mib(a.peak)} vs {mib(b.peak)}: {r:.2f}×", r)

    def reports(self, work, limit):
        check = self.by.get(("reports", "check"))
        if check is None:
            return self.skip(work, limit, "report cases not run (`--quick` or `--no-reports`)")
        if self.reports_at != REPORT_SIZE:
            return self.skip(work, limit, f"reports timed at {self.reports_at:,} entries, not {REPORT_SIZE:,}")
        ratios = {c.tool: pair_ratio(c, check) for (g, _), c in self.by.items() if g == "reports" and c is not check}
        worst = max(ratios, key=ratios.get)
        over = sum(r > limit for r in ratios.values())
        self.add(work, limit, f"worst `{worst}`: {ratios[worst]:.2f}× ({over} of {len(ratios)} over)", ratios[worst])

    def growth(self, work, limit):
        points = sorted((n, self.by[(n, "careerledger")]) for n in self.sizes if (n, "careerledger") in self.by)
        if len(points) < 3:
            return self.skip(work, limit, "needs three sizes")
        # Marginal cost per 1,000 entries between consecutive sizes: start-up
        # cancels out, so linear growth gives equal slopes.
        slopes = [(b.median - a.median) / (nb - na) * 1000 for (na, a), (nb, b) in itertools.pairwise(points)]
        g = slopes[-1] / slopes[0]
        self.add(work, limit, ", ".join(f"{s * 1000:.1f} ms" for s in slopes) + f" per 1,000 entries: {g:.2f}×", g)


def targets(by, sizes, missing, reports_at, mem_runs):
    """The targets of the issue, each measured or "not evaluated"."""
    t = Targets(by, sizes, missing, reports_at, mem_runs)
    cold = ("cold", "careerledger")
    big = (100_000, "careerledger")
    t.time(f"`check` on {COLD_SIZE} entries vs `bean-check -C` on an empty file", 0.5, cold, ("cold", "bean-check"))
    t.time("same vs `python -c pass` (the interpreter itself)", 4, cold, ("cold", "python"))
    t.time("1k entries vs `hledger check`", 1.0, (1000, "careerledger"), (1000, "hledger"))
    t.time("10k entries vs `hledger check`", 0.7, (10_000, "careerledger"), (10_000, "hledger"))
    t.time("100k entries vs `hledger check`", 0.5, big, (100_000, "hledger"))
    t.time("100k entries vs `bean-check -C`", 0.25, big, (100_000, "bean-check"))
    t.memory("100k peak memory vs `bean-check -C`", 0.25, big, (100_000, "bean-check"))
    t.time("100k vs a throwaway CPython pass (regex + date + tuple per entry + sort)", 2, big,
           (100_000, "baseline"))
    t.reports("every report at 100k vs `check` at 100k", 1.1)
    t.growth("growth roughly linear: the cost per 1,000 more entries at the largest step ÷ that at the smallest",
             1.25)
    return t.rows


# --- the report --------------------------------------------------------------


def report(groups, sizes, info, notes, settings):
    by = {(c.group, c.tool): c for group in groups.values() for c in group}
    out = []
    w = out.append
    w("# Performance")
    w("")
    w("How fast `careerledger check` is, against the two plain-text accounting checkers its users")
    w("know: beancount's `bean-check -C` and `hledger check`, and against plain CPython. This file is")
    w("written by `bench/run.py`; re-run it rather than editing the numbers by hand.")
    w("")
    w("To reproduce:")
    w("")
    w("```sh")
    w("pip install '.[bench]'       # careerledger itself and beancount (bean-check)")
    w("sudo apt-get install hledger  # optional: a missing tool is skipped")
    w("python bench/run.py          # --sizes 1000,10000,100000 --runs 5 by default")
    w("```")
    w("")
    w(f"Measured {info['date']} with `{settings}`.")
    w("")
    w("## Targets")
    w("")
    w("Each ratio is careerledger's time (or memory) ÷ the other command's, taken round by round,")
    w("and the table gives the median of those per-round ratios beside the median times.")
    w("")
    w("| work | target | measured (median) | verdict |")
    w("|---|---|---|---|")
    for row in targets(by, sizes, info["missing"], info["reports_at"], info["mem_runs"]):
        w("| " + " | ".join(row) + " |")
    w("")
    cold_section(w, groups["cold"])
    scaling_section(w, groups, sizes)
    if "reports" in groups:
        reports_section(w, groups["reports"], info["reports_at"])
    files_section(w, by, sizes, info["outdir"])
    w(KEPT_HERE)
    method_section(w, info)
    if notes:
        w("Notes from this run:")
        w("")
        for note in notes:
            w(f"- {note}")
        w("")
    w("## Machine")
    w("")
    for key, value in info["machine"]:
        w(f"- {key}: {value}")
    w("")
    return "\n".join(out)


def cold_section(w, group):
    w("## Cold start")
    w("")
    w("The fixed cost of one run: interpreter start-up, imports, and (for careerledger) a")
    w(f"{COLD_SIZE}-entry ledger, the size of a few years of a real career.")
    w("")
    w("| command | median | runs | peak memory | careerledger ÷ this |")
    w("|---|---|---|---|---|")
    cl = group[0]
    for c in group:
        w(f"| `{c.label}` | {ms(c.median)} | {len(c.times)} | {mib(c.peak)} | "
          f"{'' if c is cl else fmt_ratio(pair_ratio(cl, c))} |")
    w("")


def scaling_section(w, groups, sizes):
    w("## Scaling")
    w("")
    w("Wall time (median) and peak resident memory (median) per ledger size. The ratio columns")
    w("are careerledger ÷ the other command on the equivalent file (medians of per-round ratios):")
    w("below 1 means careerledger is faster or smaller. *µs/entry* is the median time divided by")
    w("the entry count (start-up included). `python bench/baseline.py` is the throwaway CPython pass")
    w("(a regex match, a `date.fromisoformat` and a tuple per entry head line, then a sort).")
    w("")
    w("| entries | command | median | runs | µs/entry | peak memory | time ratio | memory ratio |")
    w("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        cl = groups[n][0]
        for c in groups[n]:
            ratios = ("", "") if c is cl else (fmt_ratio(pair_ratio(cl, c)), fmt_ratio(pair_ratio(cl, c, "peaks")))
            w(f"| {n:,} | `{c.label.split(' (')[0]}` | {ms(c.median)} | {len(c.times)} | "
              f"{c.median / n * 1e6:.0f} | {mib(c.peak)} | {ratios[0]} | {ratios[1]} |")
    w("")


def reports_section(w, group, n):
    check = group[0]
    w("## Reports")
    w("")
    w(f"Every report on the {n:,}-entry ledger, `careerledger report NAME --as-of {AS_OF} --format text FILE`")
    w("(and `review` as markdown too, the format it prints by default), timed in the same rounds as `check`")
    w("on that file; the ratio is the median of the per-round ratios report ÷ `check` (target: at most 1.1×).")
    w("")
    w("| command | median | runs | ÷ `check` | verdict |")
    w("|---|---|---|---|---|")
    w(f"| `careerledger check` | {ms(check.median)} | {len(check.times)} |  |  |")
    for c in group[1:]:
        r = pair_ratio(c, check)
        w(f"| `careerledger report {c.tool}` | {ms(c.median)} | {len(c.times)} | {r:.2f}× | {verdict(r, 1.1)} |")
    w("")


def files_section(w, by, sizes, outdir):
    w("## The files")
    w("")
    w("`bench/generate.py` draws one seeded stream of entries and writes it three ways, so the")
    w("files are *equivalent*: the same number of entries, each with the same date, the same head")
    w("text (kind, title or arguments, `#tags`) and the same metadata lines with the same values.")
    w("")
    w("- `.career`: a consistent career: roles with `track`/`phase`/`scale`/`why`, updates with")
    w("  `to`/`via`/`covers`, feedback with `from`/`tone`/`action`, skills with `evidence`, notes,")
    w("  bets and their outcomes, wins, listening-tour entries, opportunities and decisions, home")
    w("  check-ins, contracts with an `until:`, north stars, plus some `x-` keys. Names are unique")
    w("  per date and kind, leaves match the current role, outcomes close open bets once, decisions")
    w("  name offered opportunities, and the career keeps the framework's habits (landing steps,")
    w("  cadence, write-ups, home check-ins, actioned feedback): timed as")
    w(f"  `careerledger check --as-of {AS_OF} FILE` (the ledgers' last day, so that results do not")
    w("  depend on today), it reports no error and no warning, and prints nothing (verified before")
    w("  timing). The warnings are computed all the same, so they are part of the time.")
    w("- `.beancount`: one transaction per entry, `DATE * \"kind\" \"arguments\" #tags`, the same")
    w("  metadata as `key: \"value\"` lines, and two postings (`Assets:Kind  1 PT` and an")
    w("  auto-balanced `Equity:Kind`), with an `open` directive for each account.")
    w("- `.journal` (hledger): one transaction per entry, `DATE * kind | arguments  ; tag:`, the same")
    w("  metadata as `; key: value` comment tags, and the same two postings, with `account` declarations.")
    w("")
    biggest = max([COLD_SIZE, *sizes])
    big = os.path.join(outdir, str(biggest))
    (cl_lines, cl_bytes), (bc_lines, bc_bytes) = generate.stats(big + ".career"), generate.stats(big + ".beancount")
    w("The two postings are what a transaction needs and a career entry has no equivalent of, so the")
    w(f"accounting files have two more lines per entry: {bc_lines / cl_lines:.2f}× the lines and"
      f" {bc_bytes / cl_bytes:.2f}× the bytes")
    w(f"of the `.career` file ({cl_lines / biggest:.2f} lines per entry). Read the ratios"
      " with that in mind: per byte")
    w("read, the other tools do relatively better than the per-entry ratios above suggest.")
    n = max(sizes)
    cl = by.get((n, "careerledger"))
    scaled = []
    for tool in ("bean-check", "hledger"):
        other = by.get((n, tool))
        if cl and other:
            per_byte = pair_ratio(cl, other) * generate.stats(other.path)[1] / generate.stats(cl.path)[1]
            scaled.append(f"{per_byte:.2f}× {tool}'s")
    if scaled:
        w(f"At {n:,} entries, careerledger's time per byte is {' and '.join(scaled)}.")
    w("")
    w("| entries | `.career` lines / bytes | `.beancount` lines / bytes | `.journal` lines / bytes |")
    w("|---|---|---|---|")
    for n in [COLD_SIZE, *sizes]:
        cells = []
        for ext in ("career", "beancount", "journal"):
            path = os.path.join(outdir, f"{n}.{ext}")
            lines, size = generate.stats(path) if os.path.exists(path) else (0, 0)
            cells.append(f"{lines:,} / {size:,}")
        w(f"| {n:,} | " + " | ".join(cells) + " |")
    w("")


def method_section(w, info):
    w("## Method")
    w("")
    w("- Timing: interleaved rounds. The cases of a group (the cold start; each size; the reports) run")
    w("  round after round, each round running every case of the group once, in an order shuffled")
    w("  with a fixed seed; each run is timed with `time.perf_counter()` around `subprocess.run`.")
    w(f"  {info['warmup']} untimed warm-up round(s) come first, which also fill the OS file cache and, for")
    w(f"  Python tools, the bytecode cache; then at least {info['runs']} rounds"
      + (f", and more until the group has spent about {info['min_time']:g} s per case (so that fast"
         " cases get many rounds)." if info["min_time"] else "."))
    w("  Load from other processes drifts over seconds: run back to back, one command would get all")
    w("  of a burst; interleaved, the cases of a round share about the same load.")
    w("- Ratios: taken pair by pair, careerledger's time in round *i* ÷ the other command's time in")
    w("  round *i* (for the reports, each report's ÷ `check`'s), and the median of those per-round")
    w("  ratios is quoted, beside the medians of the times. Memory ratios are taken the same way over")
    w("  the memory rounds. The growth target is the exception: it compares median times across sizes.")
    w("- hyperfine is no longer used: it runs one command's runs back to back, which is what the")
    w("  interleaving replaces, and nothing else here needs it.")
    if info["mem_runs"]:
        w(f"- Peak memory: {info['memory']}, the median of {info['mem_runs']} rounds per case")
        w("  (the report cases are not measured for memory).")
    else:
        w("- Peak memory: not measured (`--mem-runs 0`).")
    w("- Commands run directly, not through a shell, with their output discarded; every command is")
    w("  first run once to check that it exits 0 (and that `check` and the baseline print nothing).")
    w("- `PYTHONDONTWRITEBYTECODE` is removed from the environment of the timed commands, if it is")
    w("  set: without bytecode caching every run would compile careerledger (and beancount) again,")
    w("  which is not how users run them.")
    w("- `bean-check -C` disables beancount's cache, so every run parses the file; `hledger check`")
    w("  runs hledger's default checks (parseable, balanced, assertions). Their cold start is timed on")
    w("  empty files.")
    w("- `python -c pass` and `python bench/baseline.py FILE` (the throwaway CPython pass) run on the")
    w("  interpreter careerledger runs on (the one its `careerledger` script's shebang names): the")
    w("  floor of any Python CLI, and the floor of any Python reader of the file.")
    w("")


# --- the doc -----------------------------------------------------------------


# Where the sections that other scripts maintain go back: after the tables, before
# the Method section (bench/lsp.py also inserts its section before "## Method").
KEPT_HERE = "<!-- sections kept from the previous docs/performance.md -->"
SECTION = re.compile(r"^(## [^\n]*)\n.*?(?=^## |\Z)", re.M | re.S)
# The sections run.py writes, even those a run may leave out ("## Reports" with
# --no-reports): an old copy of one of these is stale, never kept.
OWN_SECTIONS = {"## Targets", "## Cold start", "## Scaling", "## Reports", "## The files", "## Method", "## Machine"}


def with_kept_sections(new, old):
    """`new` with the `## ` sections of `old` that run.py does not write put back.

    bench/lsp.py --write-doc keeps "## Language server" and bench/scaling.py
    --write-doc "## Hostile inputs" in the same file, and a section written by
    hand (what stands in the way of a target) may sit among them; regenerating
    the tables must not drop them. A kept section goes back after the section
    of run.py's it followed, or where KEPT_HERE marks when that one is gone.
    """
    written = set(re.findall(r"^## [^\n]*", new, re.M))
    assert written <= OWN_SECTIONS, f"add {written - OWN_SECTIONS} to OWN_SECTIONS"
    after: dict[str, list[str]] = {}  # an own section of new -> the kept sections that follow it
    loose = []
    anchor = None
    for m in SECTION.finditer(old):
        if m.group(1) in OWN_SECTIONS:
            anchor = m.group(1)
            continue
        part = m.group(0).rstrip("\n") + "\n\n"
        if anchor in written:
            after.setdefault(anchor, []).append(part)
        else:
            loose.append(part)
    out = new.replace(KEPT_HERE + "\n", "".join(loose), 1)
    for title, parts in after.items():
        at = out.index(title + "\n")
        m = SECTION.match(out, at)
        out = out[:m.end()] + "".join(parts) + out[m.end():]
    return out


def write_doc(text, path):
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(with_kept_sections(text, old))


# --- main --------------------------------------------------------------------


def settings_line():
    return shlex.join(["python", "bench/run.py", *sys.argv[1:]])


def machine_info(tools, gnu_time):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    except OSError:
        pass
    rows = [
        ("CPU", f"{cpu}, {os.cpu_count()} logical CPUs"),
        ("OS", platform.platform()),
    ]
    py_version = [tools["interpreter"], "-c", "import sys; print(sys.version.split()[0])"]
    rows.append(("Python (careerledger's)", version(py_version) + f" (`{tools['interpreter']}`)"))
    if tools["python"] != tools["interpreter"]:
        rows.append(("Python (`python -c pass`)", f"`{tools['python']}`"))
    rows.append(("careerledger", version([tools["careerledger"], "--version"])))
    for name, argv in (("bean-check", [tools["bean-check"], "--version"]),
                       ("hledger", [tools["hledger"], "--version"])):
        rows.append((name, version(argv) if argv[0] else "not found"))
    rows.append(("GNU time", "yes" if gnu_time else "not found"))
    return rows


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", help=f"ledger sizes in entries, comma-separated (default {DEFAULTS['sizes']})")
    ap.add_argument("--runs", type=int, help=f"timed rounds per group, at least (default {DEFAULTS['runs']})")
    ap.add_argument("--warmup", type=int, help=f"untimed rounds first (default {DEFAULTS['warmup']})")
    ap.add_argument("--mem-runs", type=int, help=f"rounds per group for peak memory (default {DEFAULTS['mem_runs']})")
    ap.add_argument("--min-time", type=float, help="more rounds until a group has spent about this many seconds"
                                                   f" per case (default {DEFAULTS['min_time']:g})")
    ap.add_argument("--no-reports", action="store_true", help="skip the report cases")
    ap.add_argument("--quick", action="store_true",
                    help="for development: --sizes 1000 --runs 3 --mem-runs 0 --min-time 0, no report cases,"
                         " no doc (--sizes, --runs, --mem-runs, --min-time given explicitly still win)")
    ap.add_argument("--python", help="interpreter for the `python -c pass` baseline (default: $BENCH_PYTHON,"
                                     " else the interpreter of the careerledger script)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="where to write the ledgers (bench/out)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "performance.md"), help="report to write")
    ap.add_argument("--no-doc", action="store_true", help="print the report only")
    args = ap.parse_args()
    for key, default in DEFAULTS.items():
        if getattr(args, key) is None:
            setattr(args, key, QUICK.get(key, default) if args.quick else default)
    if args.quick:
        args.no_reports = args.no_doc = True
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    return args


def main():
    args = parse_args()
    sizes = args.sizes
    notes = []
    load = os.getloadavg()[0]
    tools, gnu_time = find_tools(args)
    env = timed_env()
    # The reports target is set at 100k; on other sizes they run at the largest, for a look.
    reports_at = None if args.no_reports or not sizes else (REPORT_SIZE if REPORT_SIZE in sizes else max(sizes))
    print("generating ledgers…", file=sys.stderr)
    groups = build_groups(tools, sizes, args.out, notes, reports_at, env)
    print("checking that every command accepts its file…", file=sys.stderr)
    verify(groups, env)

    for name, group in groups.items():
        print(f"timing {name} ({len(group)} cases, interleaved)…", file=sys.stderr)
        time_group(name, group, args.runs, args.warmup, args.min_time, env)
        if name != "reports":
            measure_memory(name, group, args.mem_runs, gnu_time, env)

    info = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(tools, gnu_time),
        "outdir": args.out,
        "warmup": args.warmup,
        "runs": args.runs,
        "min_time": args.min_time,
        "mem_runs": args.mem_runs,
        "missing": {name for name in ("bean-check", "hledger") if tools[name] is None},
        "reports_at": reports_at if "reports" in groups else None,
        "memory": "GNU time's `%M` (maximum resident set size)" if gnu_time
        else "`getrusage(RUSAGE_CHILDREN).ru_maxrss` read in a one-command wrapper process (GNU time was not found)",
    }
    info["machine"].append(("Load average (1 min)", f"{load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"))
    text = report(groups, sizes, info, notes, settings_line())
    print(text.replace(KEPT_HERE + "\n", ""))
    if not args.no_doc:
        write_doc(text, args.doc)
        print(f"wrote {args.doc}", file=sys.stderr)


if __name__ == "__main__":
    main()
