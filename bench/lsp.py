"""Time the language server (`careerledger lsp`) on a 3,000-entry ledger.

    python bench/lsp.py                 # --entries 3000 --runs 20
    python bench/lsp.py --write-doc     # also rewrite the "Language server" section of docs/performance.md

It drives the real server over standard input/output with a small JSON-RPC
client (standard library only), on the consistent career of bench/generate.py
written two ways into a temporary directory: one file, and a root with the
first quarter of the entries that includes three files with the rest (a
file per stretch of years, as a user splits a ledger). In each layout:

- didChange -> publishDiagnostics: a one-character change in the middle of
  a file (a letter of a note's text, back and forth), then the time until the
  diagnostics of that document's new version arrive. The server is started
  with `{"debounce": 0}` in its initializationOptions, so the figure is the
  checking alone, without the quarter-second the server waits by default.
- completion: a one-character change, then at once a completion request after
  a `#` (the ledger's tags) in the changed file; the time until the answer.
  This server keeps its default debounce, so the answer comes before the
  re-check that the change scheduled, as it does while one types.

Each figure is the median and the 90th percentile of `--runs` runs, after one
untimed warm-up run.
"""

import argparse
import importlib.util
import json
import os
import queue
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## Language server"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("careerledger_bench_generate", HERE / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def uri(path: Path) -> str:
    return path.resolve().as_uri()


# --- the ledgers -------------------------------------------------------------------------------


def write_ledgers(n: int, out: Path) -> dict[str, tuple[Path, Path]]:
    """layout -> (root, the file that is edited)."""
    gen = _generator()
    es = gen.entries(n)
    single = out / "single"
    single.mkdir()
    (single / "career.career").write_text(gen.career(es), encoding="utf-8")
    split = out / "split"
    split.mkdir()
    quarter = len(es) // 4
    parts = [es[i * quarter:(i + 1) * quarter] if i < 3 else es[3 * quarter:] for i in range(4)]
    names = []
    for part in parts[1:]:
        name = f"{part[0].day.year}-{part[-1].day.year}.career"
        names.append(name)
        (split / name).write_text(gen.career(part).split("\n", 2)[2], encoding="utf-8")  # no option line twice
    head = gen.career(parts[0])
    includes = "".join(f'include "{name}"\n' for name in names)
    (split / "career.career").write_text(head.replace("\n\n", "\n" + includes + "\n", 1), encoding="utf-8")
    return {
        "one file": (single / "career.career", single / "career.career"),
        "root + 3 includes": (split / "career.career", split / names[1]),
    }


# --- a minimal JSON-RPC client -----------------------------------------------------------------


class Client:
    def __init__(self, argv: list[str], cwd: Path) -> None:
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=cwd)
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(out.read(length))
            self.inbox.put((time.perf_counter(), message))

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        sent = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return sent

    def notify(self, method: str, params: Any) -> float:
        return self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> tuple[int, float]:
        self.next_id += 1
        return self.next_id, self.send({"id": self.next_id, "method": method, "params": params})

    def wait(self, want: Any, timeout: float = 60) -> tuple[float, dict[str, Any]]:
        """The first message `want` accepts (requests from the server are answered with null)."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("the server did not answer")
            at, message = self.inbox.get(timeout=left)
            if "method" in message and "id" in message:  # e.g. client/registerCapability
                self.send({"id": message["id"], "result": None})
            if want(message):
                return at, message

    def answer(self, request_id: int) -> tuple[float, dict[str, Any]]:
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m)

    def close(self) -> None:
        try:
            self.answer(self.request("shutdown", None)[0])
            self.notify("exit", None)
            self.proc.wait(10)
        except (OSError, TimeoutError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def start(root: Path, options: dict[str, Any]) -> Client:
    client = Client([sys.executable, "-m", "careerledger.lsp"], root.parent)
    request_id, _ = client.request("initialize", {
        "processId": os.getpid(), "rootUri": uri(root.parent), "capabilities": {},
        "initializationOptions": {"root": root.name, "asOf": "2025-06-30", **options},
    })
    client.answer(request_id)
    client.notify("initialized", {})
    return client


# --- the measures ------------------------------------------------------------------------------


def note_letter(text: str) -> tuple[int, int]:
    """(line, column) of the first letter of a note's text, from the middle of the file on."""
    lines = text.split("\n")
    for i in range(len(lines) // 2, len(lines)):
        m = re.match(r'\d{4}-\d{2}-\d{2} note "([A-Za-z])', lines[i])
        if m:
            return i, m.start(1)
    raise SystemExit("no note in the second half of the file")


def tag_position(text: str, after: int) -> tuple[int, int]:
    """(line, column) just after the `#` of a tag on a head line, from line `after` on."""
    lines = text.split("\n")
    for i in range(after, len(lines)):
        m = re.match(r"\d{4}-\d{2}-\d{2} [a-z-]+ .*? #[a-z]", lines[i])
        if m:
            return i, m.end() - 1
    raise SystemExit("no tag after the middle of the file")


def changes(client: Client, doc: str, line: int, col: int) -> Iterator[tuple[int, float]]:
    """Send one-character changes (a, b, a, …) at (line, col): yield (version, when sent)."""
    version = 1
    while True:
        version += 1
        letter = "ab"[version % 2]
        sent = client.notify("textDocument/didChange", {
            "textDocument": {"uri": doc, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": col},
                                          "end": {"line": line, "character": col + 1}}, "text": letter}],
        })
        yield version, sent


def open_and_wait(client: Client, path: Path) -> str:
    doc = uri(path)
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": doc, "languageId": "career", "version": 1, "text": path.read_text(encoding="utf-8")}})
    client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == doc)
    return doc


def diagnostics_after_change(root: Path, edited: Path, runs: int) -> list[float]:
    client = start(root, {"debounce": 0})
    try:
        doc = open_and_wait(client, edited)
        line, col = note_letter(edited.read_text(encoding="utf-8"))
        times = []
        for n, (version, sent) in enumerate(changes(client, doc, line, col)):
            if n > runs:
                break
            at, _ = client.wait(lambda m, v=version: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == doc and m["params"].get("version") == v)
            if n:  # the first is the warm-up
                times.append(at - sent)
        return times
    finally:
        client.close()


def completion_after_change(root: Path, edited: Path, runs: int) -> list[float]:
    client = start(root, {})
    try:
        doc = open_and_wait(client, edited)
        text = edited.read_text(encoding="utf-8")
        line, col = note_letter(text)
        tag_line, tag_col = tag_position(text, line + 1)
        times = []
        for n, _ in enumerate(changes(client, doc, line, col)):
            if n > runs:
                break
            request_id, sent = client.request("textDocument/completion", {
                "textDocument": {"uri": doc}, "position": {"line": tag_line, "character": tag_col}})
            at, answer = client.answer(request_id)
            items = answer["result"]["items"] if isinstance(answer.get("result"), dict) else answer.get("result")
            if not items:
                raise SystemExit(f"no completion at {tag_line}:{tag_col}: {answer}")
            if n:
                times.append(at - sent)
            time.sleep(0.4)  # let the re-check the change scheduled run before the next change
        return times
    finally:
        client.close()


def summary(times: list[float]) -> tuple[float, float]:
    """(median, 90th percentile) in milliseconds."""
    ms = sorted(t * 1000 for t in times)
    return statistics.median(ms), statistics.quantiles(ms, n=10, method="inclusive")[8]


def section(rows: list[tuple[str, str, float, float]], command: str, runs: int, n: int) -> str:
    out = [
        SECTION,
        "",
        f"`careerledger lsp` on a {n:,}-entry ledger (bench/generate.py's career), as an editor drives",
        "it over standard input/output: written by `bench/lsp.py`, whose docstring says what is timed.",
        f"Median and 90th percentile of {runs} runs, on the machine below (2 cores), measured"
        f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"with `{command}`.",
        "",
        "| ledger | measure | median | p90 |",
        "|---|---|---|---|",
    ]
    out += [f"| {layout} | {what} | {median:.1f} ms | {p90:.1f} ms |" for layout, what, median, p90 in rows]
    out += [
        "",
        "*didChange → publishDiagnostics* excludes the debounce: it is measured with `\"debounce\": 0` in",
        "the initializationOptions (the default waits 250 ms after the last change). *completion* is",
        "asked right after a change and answered from the last checked ledger plus the document's text.",
        "",
    ]
    return "\n".join(out)


def write_doc(text: str, doc: Path) -> None:
    """Put `text` in place of the section of `doc` (or before its "## Method" section).

    bench/run.py rewrites the rest of the file and puts this section back before
    its "## Method" too (it keeps every `## ` section it does not write), so the
    two scripts can run in either order.
    """
    old = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    elif "\n## Method\n" in old:
        new = old.replace("\n## Method\n", "\n" + text + "\n## Method\n", 1)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    doc.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=3000, help="ledger size (default 3000)")
    ap.add_argument("--runs", type=int, default=20, help="timed runs per measure (default 20)")
    ap.add_argument("--write-doc", action="store_true", help="rewrite the section of docs/performance.md")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for layout, (root, edited) in write_ledgers(args.entries, Path(tmp)).items():
            for what, measure in (("didChange → publishDiagnostics", diagnostics_after_change),
                                  ("completion → response", completion_after_change)):
                median, p90 = summary(measure(root, edited, args.runs))
                rows.append((layout, what, median, p90))
                print(f"{layout:20} {what:32} median {median:7.1f} ms   p90 {p90:7.1f} ms", flush=True)
    command = shlex.join(["python", "bench/lsp.py", *(a for a in sys.argv[1:] if a != "--write-doc")])
    text = section(rows, command, args.runs, args.entries)
    if args.write_doc:
        write_doc(text, ROOT / "docs" / "performance.md")
        print("wrote docs/performance.md", file=sys.stderr)


if __name__ == "__main__":
    main()
