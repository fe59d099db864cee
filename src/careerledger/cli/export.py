"""`careerledger export jsonresume [FILE...]`: a ledger in another format."""


import click

from .options import LEDGER, ledger_files

FORMATS = ("jsonresume",)


@click.command(short_help="Write a ledger as a JSON Resume (export jsonresume).",
               epilog="""\b
Examples:
  careerledger export jsonresume career.career -o resume.json
  careerledger export jsonresume | jq .work     # $CAREERLEDGER_FILE's ledger""")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("files", nargs=-1, type=LEDGER, metavar="[FILE]...")
@click.option("-o", "--output", metavar="OUT", type=click.Path(dir_okay=False),
              help="Write to OUT (replaced atomically; never a file of the ledger) instead of standard output.")
def export(fmt: str, files: tuple[str, ...], output: str | None) -> None:
    """Write the ledger in FILE (default: the one $CAREERLEDGER_FILE names) as
    FORMAT: jsonresume, a JSON Resume (schema 1.x).

    Several FILEs are read as one ledger. A ledger with errors gives no
    export: its problems are printed as `check` prints them, and the exit
    status is 1. The owner is basics.name; each main role a work item, each
    side role a volunteer item (with the day before its end as endDate);
    skills at their latest level; published updates as publications.
    docs/import-export.md has the mapping.
    """
    from .common import load_without_errors

    ledger = load_without_errors(ledger_files(files))
    from ..authoring.jsonresume import export_text

    text = export_text(ledger)
    if output is None:
        click.echo(text.encode("utf-8"), nl=False)  # JSON is UTF-8, whatever the terminal's encoding
        return
    from .common import write_for_option

    write_for_option(output, text, ledger.files, "export")
