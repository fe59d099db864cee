"""Benchmark `careerledger check` against `bean-check -C` and `hledger check`.

    python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--python PATH]

Generates equivalent ledgers (bench/generate.py) into bench/out/, checks that
every tool accepts its file, times every case with hyperfine (or, without it,
with time.perf_counter), measures peak memory with GNU time's %M (or, without
it, getrusage in a small wrapper process), prints a markdown report and writes
it to docs/performance.md. Tools are found on PATH; a missing one is skipped
with a note. Standard library only, besides the tools themselves.
"""

import argparse
import datetime
import json
import os
import platform
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
AS_OF = generate.LAST_DAY.isoformat()  # the ledgers are clean as of their last day
GNU_TIME = "/usr/bin/time"


# --- finding the tools -------------------------------------------------------


def find_tools(args):
    python = args.python or os.environ.get("BENCH_PYTHON") or shutil.which("python") or shutil.which("python3")
    tools = {
        "careerledger": shutil.which("careerledger"),
        "bean-check": shutil.which("bean-check"),
        "hledger": shutil.which("hledger"),
        "python": python,
    }
    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
    gnu_time = None
    if os.path.exists(GNU_TIME):
        out = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
        if "GNU" in out.stdout + out.stderr:
            gnu_time = GNU_TIME
    return tools, hyperfine, gnu_time


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


# --- the cases ---------------------------------------------------------------


class Case:
    def __init__(self, group, tool, label, argv, entries=None, path=None):
        self.group = group  # "cold" or a size
        self.tool = tool
        self.label = label
        self.argv = argv
        self.entries = entries
        self.path = path
        self.times = []  # seconds, one per run
        self.peaks = []  # KiB, one per memory run

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def peak(self):
        return statistics.median(self.peaks) if self.peaks else None


def build_cases(tools, sizes, outdir, notes):
    cases = []
    cl, bc, hl, py = tools["careerledger"], tools["bean-check"], tools["hledger"], tools["python"]
    if cl is None:
        sys.exit("careerledger is not on PATH: install it (pip install .) or put its venv's bin/ first on PATH")
    for name, path in (("bean-check", bc), ("hledger", hl), ("python", py)):
        if path is None:
            notes.append(f"`{name}` was not found on PATH: its cases are skipped.")

    cold = generate.write(COLD_SIZE, outdir)
    empty = os.path.join(outdir, "empty.beancount")
    open(empty, "w").close()
    cases.append(Case("cold", "careerledger", f"careerledger check ({COLD_SIZE} entries)",
                      [cl, "check", "--as-of", AS_OF, cold["career"]], COLD_SIZE, cold["career"]))
    if py:
        cases.append(Case("cold", "python", "python -c pass", [py, "-c", "pass"]))
    if bc:
        cases.append(Case("cold", "bean-check", "bean-check -C (empty file)", [bc, "-C", empty], 0, empty))

    for n in sizes:
        files = generate.write(n, outdir)
        cases.append(Case(n, "careerledger", f"careerledger check ({n})", [cl, "check", "--as-of", AS_OF, files["career"]],
                          n, files["career"]))
        if bc:
            cases.append(Case(n, "bean-check", f"bean-check -C ({n})", [bc, "-C", files["beancount"]],
                              n, files["beancount"]))
        if hl:
            cases.append(Case(n, "hledger", f"hledger check ({n})", [hl, "check", "-f", files["journal"]],
                              n, files["journal"]))
    return cases


def verify(cases, env):
    """Every tool must accept its file, and careerledger must report nothing at all."""
    for case in cases:
        out = subprocess.run(case.argv, capture_output=True, text=True, env=env)
        if out.returncode != 0 or (case.tool == "careerledger" and out.stdout.strip()):
            sys.exit(f"{shlex.join(case.argv)} did not pass (exit {out.returncode}):\n"
                     f"{(out.stdout + out.stderr)[:2000]}")


# --- timing ------------------------------------------------------------------


def time_with_hyperfine(hyperfine, group, runs, warmup, env):
    """Run one hyperfine over a group of cases; fill each case's times."""
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "hyperfine.json")
        argv = [hyperfine, "-N", "--style", "basic", "--warmup", str(warmup), "--min-runs", str(runs),
                "--export-json", export]
        for case in group:
            argv += ["-n", case.label, shlex.join(case.argv)]
        subprocess.run(argv, check=True, env=env, stdout=sys.stderr)
        with open(export) as f:
            results = json.load(f)["results"]
    for case, result in zip(group, results):
        case.times = result["times"]


def time_with_python(group, runs, warmup, env):
    """Without hyperfine: at least `runs` runs and about 3 s per case, as hyperfine does."""
    for case in group:
        for _ in range(warmup):
            subprocess.run(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        spent = 0.0
        while len(case.times) < runs or (spent < 3.0 and len(case.times) < 1000):
            start = time.perf_counter()
            subprocess.run(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            case.times.append(time.perf_counter() - start)
            spent += case.times[-1]
        print(f"{case.label}: median {case.median * 1000:.1f} ms over {len(case.times)} runs", file=sys.stderr)


# A child's own getrusage(RUSAGE_CHILDREN).ru_maxrss is the peak of the one
# command it ran; in this process it would be the peak of all children so far.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure_memory(case, runs, gnu_time, env):
    """Peak resident set size in KiB, one value per run."""
    for _ in range(runs):
        if gnu_time:
            with tempfile.NamedTemporaryFile("r") as out:
                subprocess.run([gnu_time, "-f", "%M", "-o", out.name, *case.argv],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                case.peaks.append(int(out.read().split()[-1]))
        else:
            out = subprocess.run([sys.executable, "-c", _WRAPPER, *case.argv],
                                 capture_output=True, text=True, env=env)
            case.peaks.append(int(out.stdout.split()[-1]))


# --- the report --------------------------------------------------------------


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def mib(kib):
    return "–" if kib is None else f"{kib / 1024:,.1f} MiB"


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "–"


def verdict(value, limit, at_most=True):
    """Met or not; a value within 10% of its limit is flagged, as noise can flip it."""
    ok = value <= limit if at_most else value < limit
    text = "**met**" if ok else "**not met**"
    if abs(value / limit - 1) <= 0.10:
        text += " (within 10% of the limit: noise can flip it)"
    return text


def targets(by, sizes):
    """[(target, measured, verdict)] for the four targets of the issue."""
    rows = []
    cold_cl, cold_bc = by.get(("cold", "careerledger")), by.get(("cold", "bean-check"))
    if cold_cl and cold_bc:
        rows.append((f"cold start: `check` on {COLD_SIZE} entries faster than `bean-check -C` on an empty file",
                     f"{ms(cold_cl.median)} vs {ms(cold_bc.median)} ({ratio(cold_cl.median, cold_bc.median)})",
                     verdict(cold_cl.median / cold_bc.median, 1.0, at_most=False)))
    else:
        rows.append(("cold start vs `bean-check` on an empty file", "bean-check not found", "not evaluated"))

    cl, hl = by.get((10000, "careerledger")), by.get((10000, "hledger"))
    if cl and hl:
        rows.append(("10k entries: no slower than `hledger check`",
                     f"{ms(cl.median)} vs {ms(hl.median)} ({ratio(cl.median, hl.median)})",
                     verdict(cl.median / hl.median, 1.0)))
    else:
        rows.append(("10k entries: no slower than `hledger check`", "hledger or the 10k size missing", "not evaluated"))

    cl, bc = by.get((100000, "careerledger")), by.get((100000, "bean-check"))
    if cl and bc:
        t, m = cl.median / bc.median, cl.peak / bc.peak
        rows.append(("100k entries: at most half of `bean-check -C`'s wall time",
                     f"{ms(cl.median)} vs {ms(bc.median)} ({t:.2f}×)", verdict(t, 0.5)))
        rows.append(("100k entries: at most half of `bean-check -C`'s peak memory",
                     f"{mib(cl.peak)} vs {mib(bc.peak)} ({m:.2f}×)", verdict(m, 0.5)))
    else:
        rows.append(("100k entries: at most half of `bean-check -C`'s time and memory",
                     "bean-check or the 100k size missing", "not evaluated"))

    points = sorted((n, by[(n, "careerledger")]) for n in sizes if (n, "careerledger") in by)
    if len(points) >= 3:
        # Marginal cost per 1,000 entries between consecutive sizes: start-up
        # cancels out, so linear growth gives equal slopes.
        slopes = [(b.median - a.median) / (nb - na) * 1000 for (na, a), (nb, b) in zip(points, points[1:])]
        growth = slopes[-1] / slopes[0]
        text = ", ".join(f"{s * 1000:.1f} ms" for s in slopes)
        rows.append(("growth roughly linear: the cost per 1,000 more entries at the largest step is at most"
                     " 1.25× that at the smallest",
                     f"{text} per 1,000 entries ({growth:.2f}×)", verdict(growth, 1.25)))
    else:
        rows.append(("growth roughly linear", "needs three sizes", "not evaluated"))
    return rows


def report(cases, sizes, info, notes, settings):
    by = {(c.group, c.tool): c for c in cases}
    out = []
    w = out.append
    w("# Performance")
    w("")
    w("How fast `careerledger check` is, against the two plain-text accounting checkers its users")
    w("know: beancount's `bean-check -C` and `hledger check`. This file is written by `bench/run.py`;")
    w("re-run it rather than editing the numbers by hand.")
    w("")
    w("To reproduce:")
    w("")
    w("```sh")
    w("pip install '.[bench]'                # careerledger itself and beancount (bean-check)")
    w("sudo apt-get install hledger hyperfine  # optional: a missing tool is skipped")
    w("python bench/run.py                   # --sizes 1000,10000,100000 --runs 5 by default")
    w("```")
    w("")
    w(f"Measured {info['date']} with `{settings}`.")
    w("")
    w("## Targets")
    w("")
    w("| target | measured (median) | verdict |")
    w("|---|---|---|")
    for target, measured, ok in targets(by, sizes):
        w(f"| {target} | {measured} | {ok} |")
    w("")
    w("## Cold start")
    w("")
    w("The fixed cost of one run: interpreter start-up, imports, and (for careerledger) a")
    w(f"{COLD_SIZE}-entry ledger, the size of a few years of a real career.")
    w("")
    w("| command | median | runs | peak memory | careerledger ÷ this |")
    w("|---|---|---|---|---|")
    cl = by.get(("cold", "careerledger"))
    for c in (c for c in cases if c.group == "cold"):
        w(f"| `{c.label}` | {ms(c.median)} | {len(c.times)} | {mib(c.peak)} | {ratio(cl.median, c.median)} |")
    w("")
    w("## Scaling")
    w("")
    w("Wall time (median) and peak resident memory (median) per ledger size. The ratio columns")
    w("are careerledger ÷ the other tool on the equivalent file: below 1 means careerledger is faster")
    w("or smaller. *µs/entry* is the median time divided by the entry count (start-up included).")
    w("")
    w("| entries | command | median | runs | µs/entry | peak memory | time ratio | memory ratio |")
    w("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        cl = by.get((n, "careerledger"))
        for c in (c for c in cases if c.group == n):
            same = c.tool == "careerledger"
            w(f"| {n:,} | `{c.label.split(' (')[0]}` | {ms(c.median)} | {len(c.times)} | "
              f"{c.median / n * 1e6:.0f} | {mib(c.peak)} | "
              f"{'' if same else ratio(cl.median, c.median)} | {'' if same else ratio(cl.peak, c.peak)} |")
    w("")
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
    big = os.path.join(info["outdir"], str(max([COLD_SIZE, *sizes])))
    (cl_lines, cl_bytes), (bc_lines, bc_bytes) = generate.stats(big + ".career"), generate.stats(big + ".beancount")
    w("The two postings are what a transaction needs and a career entry has no equivalent of, so the")
    w(f"accounting files have two more lines per entry: {bc_lines / cl_lines:.2f}× the lines and"
      f" {bc_bytes / cl_bytes:.2f}× the bytes")
    w(f"of the `.career` file ({cl_lines / max(sizes + [COLD_SIZE]):.2f} lines per entry). Read the ratios"
      " with that in mind: per byte")
    w("read, the other tools do relatively better than the per-entry ratios above suggest.")
    n = max(sizes)
    cl = by.get((n, "careerledger"))
    scaled = []
    for tool, ext in (("bean-check", "beancount"), ("hledger", "journal")):
        other = by.get((n, tool))
        if cl and other and cl.path and other.path:
            per_byte = (cl.median / generate.stats(cl.path)[1]) / (other.median / generate.stats(other.path)[1])
            scaled.append(f"{per_byte:.2f}× {tool}'s")
    if scaled:
        w(f"At {n:,} entries, careerledger's time per byte is {' and '.join(scaled)}.")
    w("")
    w("| entries | `.career` lines / bytes | `.beancount` lines / bytes | `.journal` lines / bytes |")
    w("|---|---|---|---|")
    for n in [COLD_SIZE, *sizes]:
        cells = []
        for ext in ("career", "beancount", "journal"):
            path = os.path.join(info["outdir"], f"{n}.{ext}")
            lines, size = generate.stats(path) if os.path.exists(path) else (0, 0)
            cells.append(f"{lines:,} / {size:,}")
        w(f"| {n:,} | " + " | ".join(cells) + " |")
    w("")
    w("## Method")
    w("")
    w(f"- Timing: {info['timer']}.")
    w(f"  Each case first has {info['warmup']} untimed warm-up run(s), which also fill the OS file cache")
    w("  and, for Python tools, the bytecode cache; then at least the given number of runs and about")
    w("  3 s in all. The tables give medians, which a noisy machine disturbs least.")
    w(f"- Peak memory: {info['memory']},")
    w(f"  the median of {settings_mem(cases)} runs per case.")
    w("- Commands run directly, not through a shell, with their output discarded; every command is")
    w("  first run once to check that it exits 0 (and that careerledger prints nothing).")
    w("- `PYTHONDONTWRITEBYTECODE` is removed from the environment of the timed commands, if it is")
    w("  set: without bytecode caching every run would compile careerledger (and beancount) again,")
    w("  which is not how users run them.")
    w("- `bean-check -C` disables beancount's cache, so every run parses the file; `hledger check`")
    w("  runs hledger's default checks (parseable, balanced, assertions).")
    w("- `python -c pass` is the same interpreter careerledger runs on: the floor of any Python CLI.")
    w("")
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


def settings_mem(cases):
    return max((len(c.peaks) for c in cases), default=0)


def machine_info(tools, hyperfine, gnu_time):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    except OSError:
        pass
    rows = [
        ("CPU", f"{cpu}, {os.cpu_count()} logical CPUs"),
        ("OS", platform.platform()),
    ]
    if tools["python"]:
        rows.append(("Python", version([tools["python"], "-c", "import sys; print(sys.version.split()[0])"])
                     + f" (`{tools['python']}`)"))
    rows.append(("careerledger", version([tools["careerledger"], "--version"])))
    for name, argv in (("bean-check", [tools["bean-check"], "--version"]),
                       ("hledger", [tools["hledger"], "--version"])):
        rows.append((name, version(argv) if argv[0] else "not found"))
    rows.append(("hyperfine", version([hyperfine, "--version"]) if hyperfine else "not found"))
    rows.append(("GNU time", "yes" if gnu_time else "not found"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="ledger sizes in entries (comma-separated)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per case, at least (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--mem-runs", type=int, default=3, help="runs per case for peak memory (default 3)")
    ap.add_argument("--python", help="interpreter for the `python -c pass` baseline (default: $BENCH_PYTHON,"
                                     " else python on PATH)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="where to write the ledgers (bench/out)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "performance.md"), help="report to write")
    ap.add_argument("--no-doc", action="store_true", help="print the report only")
    ap.add_argument("--no-hyperfine", action="store_true", help="time with Python even if hyperfine is there")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]

    notes = []
    load = os.getloadavg()[0]
    tools, hyperfine, gnu_time = find_tools(args)
    env = timed_env()
    print("generating ledgers…", file=sys.stderr)
    cases = build_cases(tools, sizes, args.out, notes)
    print("checking that every tool accepts its file…", file=sys.stderr)
    verify(cases, env)

    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(tools, hyperfine, gnu_time),
        "outdir": args.out,
        "warmup": args.warmup,
        "timer": "hyperfine (`-N`, no intermediate shell; medians read from `--export-json`)" if hyperfine
        else "`time.perf_counter()` around `subprocess.run` (hyperfine was not found)",
        "memory": "GNU time's `%M` (maximum resident set size)" if gnu_time
        else "`getrusage(RUSAGE_CHILDREN).ru_maxrss` read in a one-command wrapper process (GNU time was not found)",
    }
    for group in ["cold", *sizes]:
        batch = [c for c in cases if c.group == group]
        print(f"timing {group}…", file=sys.stderr)
        if hyperfine:
            time_with_hyperfine(hyperfine, batch, args.runs, args.warmup, env)
        else:
            time_with_python(batch, args.runs, args.warmup, env)
        for case in batch:
            measure_memory(case, args.mem_runs, gnu_time, env)

    info["machine"].append(("Load average (1 min)", f"{load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"))
    settings = shlex.join(["python", "bench/run.py", *sys.argv[1:]])
    text = report(cases, sizes, info, notes, settings)
    print(text)
    if not args.no_doc:
        os.makedirs(os.path.dirname(args.doc), exist_ok=True)
        with open(args.doc, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {args.doc}", file=sys.stderr)


if __name__ == "__main__":
    main()
