"""`careerledger fmt [FILE...] [--check] [--diff]`: ledgers in the canonical
layout (docs/format.md), as bean-format does for beancount. The layout is
careerledger.authoring.layout's; this reads, writes and reports."""

import os
import sys
from typing import TYPE_CHECKING

import click

from .options import LEDGER, ledger_files

if TYPE_CHECKING:
    from ..core.problems import Problem


@click.command(epilog="""\b
Examples:
  careerledger fmt career.career 2026.career
  careerledger fmt --check *.career       # in CI: exit 1 if one would change
  careerledger fmt --diff career.career   # what would change, as a patch
  careerledger fmt - < career.career      # a filter, for editors""")
@click.argument("files", nargs=-1, type=LEDGER)
@click.option("--check", is_flag=True,
              help="Change nothing; list the files that would change ('would reformat FILE') and exit 1 if any.")
@click.option("--diff", is_flag=True, help="Change nothing; print what would change as a unified diff.")
def fmt(files: tuple[str, ...], check: bool, diff: bool) -> None:
    """Rewrite ledgers in the canonical layout.

    Only white space changes (indentation, spaces between the pieces of a
    line, trailing comments lined up, blank lines); the tokens before and
    after are compared, and a file whose tokens would change is refused. A
    file with errors is left as it is, and its errors are shown as `check`
    shows them. Only the files named are formatted, not the files they
    include; a file already in the layout is not written at all. With no
    FILE, formats the ledger $CAREERLEDGER_FILE names; FILE `-` reads
    standard input and writes the result to standard output. The layout is
    that of docs/format.md, "Canonical layout". Exit status: 0 done (or, with
    --check, nothing to change), 1 errors or, with --check, files to change,
    2 usage error.
    """
    from ..authoring.layout import LayoutError, format_text, unified_diff

    files = ledger_files(files)
    failed = False
    problems: list[Problem] = []
    sources: dict[str, str] = {}
    seen: set[str] = set()
    for path in files:
        if path != "-":
            real = os.path.realpath(path)
            if real in seen:  # named twice (however spelt): once is enough
                continue
            seen.add(real)
        name, text, found = _read(path)
        if text is not None:
            sources[name] = text
        if found:
            problems.extend(found)
            failed = True
            continue
        assert text is not None
        try:
            new = format_text(text, name)
        except LayoutError as e:
            if e.problems:
                problems.extend(e.problems)
            else:
                click.echo(f"careerledger: {e}", err=True)
            failed = True
            continue
        if path == "-" and not (check or diff):
            click.echo(_encoded(new), nl=False)
            continue
        if new == text:
            continue
        if diff:
            click.echo(_encoded(unified_diff(text, new, name)), nl=False)
        if check:
            # with --diff, standard output is the patch: the list goes beside it
            click.echo(f"would reformat {click.format_filename(name)}", err=diff)
            failed = True
        elif not diff:
            failed |= not _write(path, new)
    if problems:
        from ..render.problems import problems_text, summary

        click.echo(problems_text(problems, sources), nl=False, err=True)
        click.echo(summary(problems), err=True)
    sys.exit(1 if failed else 0)


def _read(path: str) -> tuple[str, str | None, list["Problem"]]:
    """Read one ledger file (`-`: standard input) as `check` does -> (its name in
    messages, its text or None, the problems of reading it: E001 not UTF-8, and
    E002 unreadable, which is also anything but a regular file)."""
    from ..loader import STDIN, _Loader
    from ..syntax.lines import parse

    class _OneFile(_Loader):
        """The loader's reading and decoding, without parsing or includes."""

        def read_text(self, text: str, path: str, chain: tuple[str, ...]) -> None:
            self.sources[path] = text

    reader = _OneFile()
    reader.read_file(path, None, ())
    name = STDIN if path == "-" else path
    text = reader.sources.get(name)
    found = list(reader.problems)
    if found and text is not None:  # not UTF-8: what is wrong besides, as check would show it
        found.extend(parse(text, name)[1])
        found.sort(key=lambda p: (p.loc.line, p.loc.col))
    return name, text, found


def _write(path: str, text: str) -> bool:
    """Replace the file at `path` (through a symlink: its target) by `text`,
    atomically, keeping its mode and owner; a message and False when it fails."""
    from ..files import write_atomically

    try:
        info = os.stat(path)
        if not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied")
        write_atomically(os.path.realpath(path), text, info)
    except OSError as e:
        click.echo(f"careerledger: cannot write {click.format_filename(path)}: {e.strerror or e}", err=True)
        return False
    return True


def _encoded(text: str) -> bytes:
    """Ledger text for standard output as UTF-8 bytes, whatever the locale: a
    stand-in character there (under LC_ALL=C) would corrupt the ledger."""
    return text.encode("utf-8", "surrogateescape")
