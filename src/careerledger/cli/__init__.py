"""The `careerledger` command: a thin layer over the library. Each command is
one module, imported only when it runs (or for --help), so that `check` pays
for nothing else at start-up; the work is done by the library."""

from importlib import import_module

import click

from .. import __version__

# command -> (module in careerledger.cli, the click command in it), in --help order
COMMANDS = {
    "check": ("check", "check"),
    "report": ("report", "report"),
    "evaluate": ("evaluate", "evaluate"),
    "init": ("init", "init"),
    "import": ("imports", "import_"),
    "export": ("export", "export"),
    "add": ("add", "add"),
    "fmt": ("fmt", "fmt"),
    "lsp": ("lsp", "lsp"),
}


class _Lazy(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        found = COMMANDS.get(name)
        if found is None:
            return None
        command: click.Command = getattr(import_module(f".{found[0]}", __name__), found[1])
        return command


@click.group(cls=_Lazy, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="""\b
Examples, one a command (FILE may be left out once CAREERLEDGER_FILE is set):
  careerledger check career.career             # errors and pitfalls
  careerledger report career.career            # the summary (report --help)
  careerledger report -o career.html career.career      # the picture
  careerledger evaluate "Offer" career.career  # closer or further?
  careerledger init career.career              # a Career Spec to start
  careerledger import resume.json -o career.career
  careerledger export jsonresume -o resume.json
  careerledger add home 4 note="Calmer"        # one entry, checked
  careerledger fmt career.career               # the canonical layout
  careerledger lsp                             # for editors

\b
Shell completion (bash; zsh_source and fish_source for the others):
  eval "$(_CAREERLEDGER_COMPLETE=bash_source careerledger)"
The format, metrics and checks: docs/format.md, docs/metrics.md and
docs/checks.md in the source distribution.""")
@click.version_option(__version__, "-V", "--version", prog_name="careerledger")
def main() -> None:
    """Plain-text accounting for a career.

    Keep a Career Spec in a .career file of dated entries; careerledger checks
    it and turns it into honest metrics. `careerledger COMMAND --help` tells
    each command's options.
    """
