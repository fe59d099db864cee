"""`careerledger import SOURCE`: a JSON Resume or a LinkedIn data export -> a ledger."""

import os
import stat
import sys
from typing import TYPE_CHECKING

import click

from .options import DATE

if TYPE_CHECKING:
    from datetime import date


@click.command("import", short_help="Make a ledger of a JSON Resume or a LinkedIn data export.",
               epilog="""\b
Examples:
  careerledger import resume.json -o career.career
  careerledger import ~/Downloads/Basic_LinkedInDataExport/ -o career.career
  careerledger import Positions.csv | less""")
@click.argument("source", metavar="SOURCE")
@click.option("-o", "--output", metavar="FILE",
              help="Write the ledger to FILE, which must not exist yet (written atomically), instead of standard "
                   "output.")
@click.option("--date", "day", type=DATE,
              help="The day of the import, on which the skills are dated (default: today). DATE: YYYY-MM-DD, "
                   "YYYY-MM, today, yesterday or tomorrow.")
def import_(source: str, output: str | None, day: "date | None") -> None:
    """Make a ledger of SOURCE: a JSON Resume (a .json file, schema 1.x) or a
    LinkedIn data export (its Positions.csv, or the export's folder; the
    Skills.csv beside it is read too). - reads standard input.

    The ledger goes to standard output, or to -o FILE, which is never
    overwritten. It checks without errors; what the source cannot say (a
    role's track and phase, a skill with no level) is filled in with a default
    and marked `; review:` on its line. docs/import-export.md has the mapping.
    Exit status: 0 done, 1 SOURCE cannot be read or is not what it should be,
    2 usage error (SOURCE missing, or FILE already there).
    """
    from datetime import date

    if output is not None and os.path.lexists(output):
        raise click.BadParameter(f"'{click.format_filename(output)}' exists; import never writes over a file: "
                                 "name a new one", param_hint="'-o' / '--output'")
    day = day or date.today()

    from ..authoring.jsonresume import SourceError, decode, import_json_resume

    kind, path = _source(source)
    data = _read(path)
    name = "<stdin>" if path == "-" else path
    try:
        text = decode(data, name)
        if kind is None:
            kind = "json" if text.lstrip()[:1] in ("{", "[") else "csv"
        if kind == "json":
            ledger = import_json_resume(text, name, day)
        else:
            from ..authoring.linkedin import import_linkedin

            skills_path = _beside(path, "Skills.csv") if path != "-" else None
            skills = decode(_read(skills_path), skills_path) if skills_path is not None else None
            ledger = import_linkedin(text, day, name, skills, skills_path or "Skills.csv")
    except SourceError as e:
        raise click.ClickException(str(e)) from None
    if output is None:
        click.echo(ledger.encode("utf-8"), nl=False)  # a ledger is UTF-8, whatever the terminal's encoding
        return
    from ..files import write_atomically

    try:
        write_atomically(output, ledger)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None


_HINT = "'SOURCE'"


def _source(source: str) -> tuple[str | None, str]:
    """SOURCE -> (json, csv or None to tell by the content; the file to read).
    A folder is a LinkedIn export: its Positions.csv."""
    if source == "-":
        return None, "-"
    shown = click.format_filename(source)
    try:
        info = os.stat(source)
    except (FileNotFoundError, NotADirectoryError):
        raise click.BadParameter(f"'{shown}' does not exist.", param_hint=_HINT) from None
    except OSError as e:
        raise click.ClickException(f"cannot read {source}: {e.strerror or e}") from None
    if stat.S_ISDIR(info.st_mode):
        found = _beside(os.path.join(source, "x"), "Positions.csv")
        if found is None:
            raise click.BadParameter(f"'{shown}' is a folder with no Positions.csv (a LinkedIn data export has one).",
                                     param_hint=_HINT)
        return "csv", found
    if not stat.S_ISREG(info.st_mode):
        raise click.BadParameter(f"'{shown}' is not a regular file (a pipe, a device or a socket); to read "
                                 "standard input, name it -", param_hint=_HINT)
    ext = os.path.splitext(source)[1].lower()
    return {".json": "json", ".csv": "csv"}.get(ext), source


def _beside(path: str, name: str) -> str | None:
    """The file `name` in the folder of `path` (its case as LinkedIn writes it, or any case), or None."""
    folder = os.path.dirname(path) or "."
    exact = os.path.join(folder, name)
    if os.path.exists(exact):
        return exact
    try:
        listed = os.listdir(folder)
    except OSError:
        return None
    found = sorted(n for n in listed if n.lower() == name.lower())
    return os.path.join(folder, found[0]) if found else None


def _read(path: str) -> bytes:
    """The bytes of `path` (- is standard input); exit 1 when it cannot be read."""
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as e:
            raise click.ClickException(f"cannot read standard input: {e}") from None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise click.ClickException(f"cannot read {path}: not a regular file (a device, pipe or socket)")
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise click.ClickException(f"cannot read {path}: {e.strerror or e}") from None
