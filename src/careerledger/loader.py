"""Load: a ledger file and its includes -> one Ledger.

Includes are flattened depth first where they stand, options are resolved
with their defaults, entries are sorted by date (file order kept for the
same date), and the whole ledger is validated. Nothing is raised for bad
input: every problem lands in Ledger.problems.
"""

import codecs
import gc
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import NamedTuple, TypeVar

from .checks.consistency import validate
from .core import options as opts
from .core.entries import Entry, Loc, Role, sort_key
from .core.problems import Problem, did_you_mean, resolve_checks
from .syntax.lines import Include, Item, Option, Rejected, Suppress, parse

E = TypeVar("E", bound=Entry)

# Open editor buffers: real path (os.path.realpath) -> the file's text, read
# in place of the disk; bytes are decoded as a file's bytes are (E001 for what
# is not UTF-8).
Overlay = Mapping[str, str | bytes]
# What turns one file's text into its items and problems: syntax.lines.parse,
# or one that reuses earlier results (the language server's cache). The
# loader only reads the sequences it returns.
Parser = Callable[[str, str], tuple[Sequence[Item], Sequence[Problem]]]

STDIN = "<stdin>"  # the name of a ledger read from standard input (`-`)
MAX_DEPTH = 100  # files an include chain may nest
MAX_BAD_BYTES = 20  # bytes that are not UTF-8 reported one by one, per file


class Ledger(NamedTuple):
    entries: tuple[Entry, ...]  # sorted by date, stable in file order
    options: opts.Options
    problems: tuple[Problem, ...]  # in file and line order
    files: tuple[str, ...]  # every file read, the root first
    sources: dict[str, str]  # file -> its text, for showing the lines problems point at
    suppressed: dict[tuple[str, int], frozenset[str]]  # (file, line) -> checks an entry's comment turns off
    rejected: frozenset[tuple[str, int]] = frozenset()  # (file, line) of entries built without a rejected value

    def of(self, kind: type[E]) -> tuple[E, ...]:
        """The entries of one kind, by date: `ledger.of(Role)`."""
        return tuple(e for e in self.entries if type(e) is kind)

    @property
    def main_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.of(Role) if r.is_main)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def load(path: str | os.PathLike[str], *, overlay: Overlay | None = None, parser: Parser | None = None) -> Ledger:
    """Load the ledger at `path` and every file it includes. Nothing is raised
    for bad input: every problem is in Ledger.problems.

    `overlay` (real path -> text or bytes) is read in place of those files on
    disk, as an editor's unsaved buffers; `parser` parses each file's text in
    place of the parser of careerledger.syntax (to reuse earlier results)."""
    with _no_gc():
        loader = _Loader(overlay, parser)
        loader.read_file(os.fspath(path), None, ())
        return loader.ledger()


def load_many(
    paths: Iterable[str | os.PathLike[str]], *, overlay: Overlay | None = None, parser: Parser | None = None,
) -> Ledger:
    """Several files as one ledger, as if the first included the others: a file
    reached twice is read once, and everything is validated together.
    `overlay` and `parser` as for load()."""
    with _no_gc():
        loader = _Loader(overlay, parser)
        for path in paths:
            loader.read_file(os.fspath(path), None, ())
        return loader.ledger()


def load_roots(
    roots: Iterable[str | os.PathLike[str]], files: Iterable[str | os.PathLike[str]] = (), *,
    overlay: Overlay | None = None, parser: Parser | None = None,
) -> Iterator[Ledger]:
    """Each root as a ledger, then each of `files` that no root reaches, on its
    own: a hook passes the changed files, and an included one is checked within
    the root that includes it. A file named twice is loaded once. `overlay`
    and `parser` as for load()."""
    reached: set[str] = set()
    for root in roots:
        ledger = load(root, overlay=overlay, parser=parser)
        reached.update(os.path.realpath(f) for f in ledger.files)
        yield ledger
    for path in files:
        real = os.path.realpath(path)
        if real not in reached:
            reached.add(real)
            yield load(path, overlay=overlay, parser=parser)


def problem_order(files: Iterable[str]) -> Callable[[Problem], tuple[int, int, int]]:
    """The one order of problems: by file (in reading order), line, column."""
    rank = {f: i for i, f in enumerate(files)}
    return lambda p: (rank.get(p.loc.file, len(rank)), p.loc.line, p.loc.col)


def load_string(
    text: str, filename: str = "<string>", *, overlay: Overlay | None = None, parser: Parser | None = None,
) -> Ledger:
    """Load a ledger from text; includes resolve relative to the current
    directory. `overlay` and `parser` as for load()."""
    with _no_gc():
        loader = _Loader(overlay, parser)
        loader.read_text(text, filename, ())
        return loader.ledger()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Loading allocates hundreds of thousands of tuples and no reference
    cycles; the cycle collector would rescan the growing heap again and again
    (a fifth of the time of a 100k-entry load). It is back on afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Loader:
    def __init__(self, overlay: Overlay | None = None, parser: Parser | None = None) -> None:
        self.items: list[Entry | Option | Suppress | Rejected] = []  # includes are read where they stand
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.sources: dict[str, str] = {}
        self.seen: set[str] = set()  # real paths already read
        self.overlay = overlay or None  # None, not an empty mapping: the CLI's path looks no further
        self.parse: Parser = parser or parse

    def read_file(self, path: str, loc: Loc | None, chain: tuple[str, ...]) -> None:
        """Read one file; `loc` is the include line that named it (None for the root)."""
        if path == "-" and loc is None:
            self.read_stdin()
            return
        key = os.path.realpath(path)
        if key in chain:
            names = " -> ".join(_rel(p) for p in (*chain, key)[chain.index(key):])
            assert loc is not None  # the root is in no chain yet
            self.problems.append(Problem(
                loc, "E304", f"include cycle: {names}", "a file may not include itself, directly or through others",
            ))
            return
        if key in self.seen:
            return  # included twice along different paths: read once
        if len(chain) >= MAX_DEPTH:
            assert loc is not None
            self.problems.append(Problem(
                loc, "E307", f"includes nest more than {MAX_DEPTH} files deep",
                "include the files from one root instead of each from the one before" + _via(chain),
            ))
            return
        if self.overlay is not None:
            held = self.overlay.get(key)
            if held is not None:  # an editor's buffer: there may be no such file on disk yet
                self.seen.add(key)
                self.read_text(self.decode(held, path) if isinstance(held, bytes) else held, path, (*chain, key))
                return
        where = loc or Loc(path, 1, 1)
        try:
            # Only a regular file is read: a device (/dev/zero) never ends and a
            # named pipe may never answer; stat() asks without opening.
            if not stat.S_ISREG(os.stat(path).st_mode):
                self.problems.append(Problem(
                    where, "E002", f"cannot read {path}: not a regular file (a device, pipe or socket)",
                    "a ledger is a text file; to read standard input, name it -",
                ))
                return
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self.problems.append(Problem(where, "E002", f"cannot read {path}: {e.strerror or e}"))
            return
        self.seen.add(key)
        text = self.decode(data, path)
        del data  # not held through the parse: it would add the file's size to the peak
        self.read_text(text, path, (*chain, key))

    def read_stdin(self) -> None:
        """`-`: the ledger on standard input; its includes resolve from the current directory."""
        try:
            data = sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as e:
            self.problems.append(Problem(Loc(STDIN, 1, 1), "E002", f"cannot read standard input: {e}"))
            return
        text = self.decode(data, STDIN)
        del data
        self.read_text(text, STDIN, ())

    def decode(self, data: bytes, path: str) -> str:
        """Decode what can be decoded, and report each byte that is not UTF-8
        (the first few: a binary file would have thousands)."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            bad: list[tuple[int, int]] = []
            text = _decode_recording(data, bad)
            for start, _ in bad[:MAX_BAD_BYTES]:
                line = data.count(b"\n", 0, start) + 1
                # the column in characters, as every other column (bytes before it on the line decoded)
                col = len(data[data.rfind(b"\n", 0, start) + 1 : start].decode("utf-8", "replace")) + 1
                self.problems.append(Problem(
                    Loc(path, line, col), "E001", f"not valid UTF-8: byte 0x{data[start]:02x} at offset {start}",
                    "save the file as UTF-8 (most editors: 'Save with encoding')",
                ))
            if len(bad) > MAX_BAD_BYTES:
                start = bad[MAX_BAD_BYTES][0]
                self.problems.append(Problem(
                    Loc(path, data.count(b"\n", 0, start) + 1, 1), "E001",
                    f"{len(bad) - MAX_BAD_BYTES} more bytes that are not UTF-8, from offset {start}",
                    "is this a text file? save it as UTF-8",
                ))
        return text

    def read_text(self, text: str, path: str, chain: tuple[str, ...]) -> None:
        self.sources[path] = text
        self.files.append(path)
        items, problems = self.parse(text, path)
        self.problems.extend(problems)
        base = os.path.dirname(path)
        for item in items:
            if isinstance(item, Include):
                self.include(item, base, chain)
            else:
                self.items.append(item)

    def include(self, item: Include, base: str, chain: tuple[str, ...]) -> None:
        pattern = os.path.join(base, item.path)
        import glob  # only here: an include is rare, a pattern rarer

        if glob.has_magic(item.path):
            paths = sorted(p for p in glob.glob(pattern, recursive=True) if not os.path.isdir(p))  # files only
            if not paths:
                self.problems.append(Problem(
                    item.loc, "E303", f"include \"{item.path}\" matches no file", None, len(item.path) + 2,
                ))
        elif self.overlay is not None and os.path.realpath(pattern) in self.overlay:
            paths = [pattern]  # open in the editor, saved or not: read_file reads the buffer
        else:
            paths = [pattern]
            try:
                is_dir = stat.S_ISDIR(os.stat(pattern).st_mode)
                missing = False
            except FileNotFoundError:
                is_dir, missing = False, True
            except OSError:  # it is there but cannot be reached: read_file says why (E002)
                is_dir = missing = False
            if is_dir or missing:
                what = "is a directory" if is_dir else "does not exist"
                self.problems.append(Problem(
                    item.loc, "E303", f"included file {pattern} {what}",
                    "include paths are relative to the file that includes them" + _via(chain),
                    len(item.path) + 2,
                ))
                return
        for path in paths:
            self.read_file(path, item.loc, chain)

    def ledger(self) -> Ledger:
        entries: list[Entry] = []
        values: dict[str, object] = {}
        where: dict[str, Loc] = {}
        suppressed: dict[tuple[str, int], frozenset[str]] = {}
        rejected: set[tuple[str, int]] = set()
        for item in self.items:
            if isinstance(item, Suppress):
                self.suppress(item, suppressed)
                continue
            if isinstance(item, Rejected):
                rejected.add((item.loc.file, item.loc.line))
                continue
            if not isinstance(item, Option):
                entries.append(item)
                continue
            if item.key not in opts.SPECS:
                self.problems.append(Problem(
                    item.key_loc or item.loc._replace(col=8), "E301", f"unknown option '{item.key}'",
                    did_you_mean(item.key, opts.SPECS), len(item.key) + 2,
                ))
                continue
            if item.key in where:
                first = where[item.key]
                self.problems.append(Problem(
                    item.loc, "E302", f"option '{item.key}' is set twice",
                    f"it was first set at {first.file}:{first.line}; keep one", 6,
                ))
                continue
            try:
                field, value = opts.convert(item.key, item.value)
            except ValueError as e:
                self.problems.append(Problem(item.value_loc, "E302", str(e), None, len(item.value) + 2))
                continue
            where[item.key] = item.loc
            values[field] = value
        entries.sort(key=sort_key)
        ordered = tuple(entries)
        problems = self.problems + validate(ordered)
        problems.sort(key=problem_order(self.files))
        # opts.convert names each field at run time, so Options(**values) cannot be checked statically
        return Ledger(
            ordered, opts.Options(**values), tuple(problems), tuple(self.files),  # type: ignore[arg-type]
            self.sources, suppressed, frozenset(rejected),
        )

    def suppress(self, item: Suppress, suppressed: dict[tuple[str, int], frozenset[str]]) -> None:
        try:
            names = resolve_checks([item.names])
        except ValueError as e:
            self.problems.append(Problem(item.loc, "E306", str(e), None, len(item.names)))
            return
        suppressed[(item.loc.file, item.loc.line)] = names


def _rel(path: str) -> str:
    """`path` relative to the current directory, or as it is when there is none
    (the directory was deleted) or it is on another drive."""
    try:
        return os.path.relpath(path)
    except (OSError, ValueError):
        return path


_recorded: list[tuple[int, int]] = []


def _record(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _recorded.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("careerledger-record", _record)


def _decode_recording(data: bytes, bad: list[tuple[int, int]]) -> str:
    """`data` decoded with U+FFFD for each invalid sequence, whose (start, end)
    go to `bad`: one pass, whatever the number of bad bytes."""
    _recorded.clear()
    try:
        return data.decode("utf-8", "careerledger-record")
    finally:
        bad.extend(_recorded)
        _recorded.clear()


def _via(chain: tuple[str, ...]) -> str:
    """`; included from a -> b` for a problem inside nested includes."""
    if len(chain) < 2:
        return ""
    return "; included through " + " -> ".join(_rel(p) for p in chain)
