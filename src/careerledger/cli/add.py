"""`careerledger add KIND ARG... [KEY=VALUE]...`: one entry, checked, then written."""

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .options import LEDGER, completer, ledger_files

if TYPE_CHECKING:
    _TextParamType = click.ParamType[str]
else:  # ParamType is generic from click 8.4; older ones cannot be subscripted
    _TextParamType = click.ParamType


class _Day(_TextParamType):
    """-d: YYYY-MM-DD, YYYY-MM (kept as typed), today, yesterday or tomorrow."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..authoring.append import Typed, date_text

        try:
            return date_text(str(value))
        except Typed as e:
            self.fail(str(e), param, ctx)


@click.command(short_help="Add one entry to the ledger, checked before it is written.",
               epilog="""\b
Examples:
  careerledger add update "June summary" to="VP Product" covers="#retention"
  careerledger add role "Group PM" at "Acme" track=core phase=impact
  careerledger add -d 2026-06-30 home 4 note="Better"
  careerledger add -n outcome "Instant refunds" success lesson="Ship less"
  careerledger add -f work.career note "Calibrated 'exceeds'" -t promotion""")
@click.option("-f", "--file", "path", type=LEDGER, metavar="FILE",
              help="The ledger file to add to (default: the ledger $CAREERLEDGER_FILE names).")
@click.option("-d", "--date", "day", type=_Day(), default="today", show_default=True,
              help="The entry's date: YYYY-MM-DD, YYYY-MM, today, yesterday or tomorrow.")
@click.option("-t", "--tag", "tags", multiple=True, metavar="TAG",
              help="Tag the entry (#tag or tag; repeatable).")
@click.option("-n", "--dry-run", is_flag=True, help="Check the entry and print it, but write nothing.")
@click.argument("kind", shell_complete=completer("kinds"))
@click.argument("words", nargs=-1, metavar="ARG... [KEY=VALUE]...")
def add(path: str | None, day: str, tags: tuple[str, ...], dry_run: bool, kind: str,
        words: tuple[str, ...]) -> None:
    """Add one entry of KIND (north-star, role, bet, home, …) to the ledger.

    ARG... are the kind's arguments in order, as plain words: text is quoted
    for you (quote text with spaces for the shell), tags get their #, and a
    literal word such as the `at` of a role may be left out. Then KEY=VALUE
    metadata (values are converted as the key wants them: text is quoted, tags
    are `#a #b` or `a b`, words, dates and numbers stay bare) and #tags.

    The whole ledger (the file and what it includes) is checked with the entry
    first. If the entry would add an error, nothing is written: the error is
    shown as `check` shows it, on the entry as it would be in the file, and the
    exit status is 1 (errors the ledger already had do not stop it). Otherwise
    the entry goes after the last entry of the file dated on or before it, in
    the file's own indentation, line endings and spacing, and is printed.
    docs/authoring.md has the details.
    """
    from ..authoring import append

    [target] = ledger_files((path,) if path else ())
    if target == "-":
        raise click.BadParameter("add writes to a file: name one, not - (standard input)", param_hint="'-f'")
    try:
        entry = append.build(kind, words, day, tags)
    except append.Typed as e:
        raise click.UsageError(str(e)) from None
    real = os.path.realpath(target)  # a symlink is followed: its target gets the entry
    data, info = _read(target, real)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        _fail(f"cannot add to {target}: it is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
              f"`careerledger check {target}` shows where")
    placed = append.insert(text, entry)
    new, before, after = append.check(target, text, placed)
    if new:
        from ..render.problems import problems_text, summary

        click.echo(problems_text(new, after.sources), nl=False, err=True)
        click.echo(summary(new), err=True)
        _fail(f"nothing written: the entry would add {_errors(len(new))} to the ledger")
    had = len(before.errors)
    if had:
        click.echo(f"careerledger: note: the ledger already has {_errors(had)} (`careerledger check` shows "
                   "them); the entry adds none", err=True)
    shown = "\n".join(placed.lines)
    if dry_run:
        click.echo(shown)
        click.echo(f"careerledger: dry run: the entry would go at {target}:{placed.line}; nothing written",
                   err=True)
        return
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):  # read-only even to root: it was meant so
        _fail(f"cannot add to {target}: the file is read-only")
    try:
        now = os.stat(real)
    except OSError as e:
        _fail(f"cannot add to {target}: {e.strerror or e}")
    if (now.st_ino, now.st_size, now.st_mtime_ns) != (info.st_ino, info.st_size, info.st_mtime_ns):
        _fail(f"{target} changed while the entry was checked; nothing written: run the command again")
    from ..files import write_atomically

    try:
        write_atomically(real, placed.text, info)
    except OSError as e:
        _fail(f"cannot write {target}: {e.strerror or e}; it is as it was")
    click.echo(shown)
    click.echo(f"careerledger: added to {target}:{placed.line}", err=True)


def _read(path: str, real: str) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `real` and its stat. Opened without
    blocking, so that a named pipe is refused, never waited on."""
    import stat

    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        _fail(f"cannot read {path}: {e.strerror or e}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _fail(f"cannot add to {path}: it is not a regular file (a device, pipe or socket)")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    except OSError as e:
        _fail(f"cannot read {path}: {e.strerror or e}")
    finally:
        os.close(fd)
    return b"".join(chunks), info


def _errors(n: int) -> str:
    return f"{n} error" + ("" if n == 1 else "s")


def _fail(message: str) -> NoReturn:
    click.echo(f"careerledger: {message}", err=True)
    sys.exit(1)

