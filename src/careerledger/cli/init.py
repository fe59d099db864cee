"""`careerledger init [FILE]`: write a Career Spec to start a ledger from."""

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..core.schema import PHASES, TRACKS
from .options import DATE, as_of_option

if TYPE_CHECKING:
    from datetime import date

DEFAULT_FILE = "career.career"


@click.command(short_help="Write a Career Spec to start a ledger from.",
               epilog="""\b
Examples:
  careerledger init                     # asks, on a terminal
  careerledger init --no-input --owner "Jane Doe" --role "PM" --at "Acme"
  careerledger init - --no-input --needs "zero-to-one payments" > my.career""")
@click.argument("file", default=DEFAULT_FILE, metavar="[FILE]")
@click.option("--owner", help='The ledger\'s owner, your name (default: "Your Name").')
@click.option("--north-star", "vision", metavar="TEXT",
              help="Where you want your career to be in five years (default: a placeholder to edit).")
@click.option("--by", type=DATE, help="When you mean to be there (default: five years from today).")
@click.option("--needs", multiple=True, metavar="TAGS",
              help="The skills the north star needs, as tags with or without # (several in one value, "
                   "or repeat it; default: #exec-communication #team-leadership).")
@click.option("--role", "title", metavar="TITLE", help="The title of your current role (default: a placeholder).")
@click.option("--at", "org", metavar="ORG", help="Its organisation (default: a placeholder).")
@click.option("--since", type=DATE, help="The day the role started (default: today).")
@click.option("--track", type=click.Choice(TRACKS), help="The role's track (default: core).")
@click.option("--phase", type=click.Choice(PHASES), help="The role's phase (default: impact).")
@click.option("--why", metavar="TEXT", help="Why you took the role, against your north star (default: a placeholder).")
@click.option("--home", type=click.IntRange(1, 5), metavar="SCORE",
              help="A first home check-in, from 1 (poor) to 5 (thriving) (default: 3).")
@click.option("--interactive/--no-input", default=None,
              help="Ask for what no option gives (the default when standard input is a terminal), or never "
                   "ask and take the defaults.")
@as_of_option("Take DATE as today: the date of the north star, contract and check-in (default: the real today).")
def init(
    file: str, owner: str | None, vision: str | None, by: "date | None", needs: tuple[str, ...],
    title: str | None, org: str | None, since: "date | None", track: str | None, phase: str | None,
    why: str | None, home: int | None, interactive: bool | None, as_of: "date | None",
) -> None:
    """Write a Career Spec to FILE (default: career.career; - for standard
    output), ready to edit: your name, a north star with its horizon and needs,
    your current role, an update contract in it, a first home check-in, and a
    commented-out example of every other kind of entry.

    When standard input is a terminal, it asks for each value no option gives;
    with --no-input (or when input is not a terminal) it takes the defaults.
    It never overwrites a file: if FILE exists, it says so and exits 2. The
    scaffold passes `careerledger check`. docs/authoring.md has the details.
    """
    from datetime import date

    from ..authoring import scaffold as sc

    if file != "-" and os.path.lexists(file):
        _exists(file)
    today = as_of or date.today()
    given: dict[str, Any] = {
        "owner": owner, "vision": vision, "by": by, "needs": _tags(needs, "--needs") if needs else None,
        "title": title, "org": org, "since": since, "track": track, "phase": phase, "why": why, "home": home,
    }
    if interactive is None:
        interactive = _is_terminal()
    try:
        sc.check_spec(sc.Spec(today, **{k: v for k, v in given.items() if v is not None}))  # before any question
        if interactive:
            _ask(given, today)
        text = sc.scaffold(sc.Spec(today, **{k: v for k, v in given.items() if v is not None}))
    except sc.SpecError as e:
        raise click.BadParameter(str(e), param_hint=f"'--{_OPTION.get(e.field, e.field)}'") from None
    _never_wrong(text, file)
    if file == "-":
        # a ledger is UTF-8 whatever the locale: `init - > file` makes a right one
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            click.echo(text, nl=False)
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        return
    _create(file, text)
    click.echo(f"Wrote {file}. Edit it, then: careerledger check {file}")
    click.echo(f"To make it your default ledger: export CAREERLEDGER_FILE={os.path.abspath(file)}")


_OPTION = {"vision": "north-star", "title": "role", "org": "at"}  # Spec field -> its option, where they differ


def _is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # no standard input, or a closed one
        return False


def _tags(values: tuple[str, ...] | list[str], param: str) -> tuple[str, ...]:
    """--needs values -> tags without #: each value may hold several, split by
    spaces or commas."""
    from ..syntax.tokens import tag_of

    out: list[str] = []
    for value in values:
        for word in value.replace(",", " ").split():
            tag = tag_of(word)
            if tag is None:
                raise click.BadParameter(f"{word!r} is not a tag: use lowercase letters, digits, -, _ and /",
                                         param_hint=f"'{param}'")
            out.append(tag)
    if not out:
        raise click.BadParameter("give at least one tag", param_hint=f"'{param}'")
    return tuple(dict.fromkeys(out))


def _ask(given: dict[str, Any], today: "date") -> None:
    """Ask, on standard error, for each value that no option gave."""
    from ..authoring import scaffold as sc

    def text(value: str) -> str:
        from ..authoring.append import line_problem

        problem = line_problem(value)
        if problem is not None:
            raise click.BadParameter(problem)
        return value

    def tags(value: str) -> tuple[str, ...]:
        return _tags([value], "needs")

    def horizon(value: str) -> "date":
        day = DATE.convert(value, None, None)
        if day < today:
            raise click.BadParameter(f"{day} is before today, {today}: a horizon is ahead")
        return day

    questions: list[tuple[str, str, object, Callable[[str], Any] | click.ParamType[Any]]] = [
        ("owner", "Your name", sc.OWNER, text),
        ("vision", "North star, your five-year destination", sc.VISION, text),
        ("by", "By when", sc.horizon(today).isoformat(), horizon),
        ("needs", "The skills it needs, as tags", " ".join("#" + t for t in sc.NEEDS), tags),
        ("title", "Your current role's title", sc.TITLE, text),
        ("org", "At which organisation", sc.ORG, text),
        ("since", "Its first day", today.isoformat(), DATE),
        ("track", "Its track", sc.TRACK, click.Choice(TRACKS)),
        ("phase", "Its phase", sc.PHASE, click.Choice(PHASES)),
        ("why", "Why you took it", sc.WHY, text),
        ("home", "Home life today, from 1 (poor) to 5 (thriving)", sc.HOME, click.IntRange(1, 5)),
    ]
    for field, question, default, convert in questions:
        if given[field] is not None:
            continue
        if isinstance(convert, click.ParamType):
            given[field] = click.prompt(question, default=default, type=convert, err=True)
        else:
            given[field] = click.prompt(question, default=default, value_proc=convert, err=True)


def _never_wrong(text: str, file: str) -> None:
    """The scaffold loads with no error (a bug otherwise: say so, write nothing)."""
    from ..loader import load_string

    errors = load_string(text, file if file != "-" else "<scaffold>").errors
    if errors:
        from ..render.problems import problems_text

        click.echo(problems_text(errors, {}), nl=False, err=True)
        click.echo("careerledger: internal error: the scaffold has errors; nothing written", err=True)
        sys.exit(1)


def _create(file: str, text: str) -> None:
    """Create `file` with `text`, only if nothing is there: O_EXCL makes the
    check and the creation one step, so a file (or a symlink, even a dangling
    one) that appeared since the first check is not overwritten or followed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(file, flags, 0o666)
    except FileExistsError:
        _exists(file)
    except OSError as e:
        _fail(f"cannot create {file}: {e.strerror or e}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except BaseException as e:
        try:
            os.unlink(file)  # ours, half written
        except OSError:
            pass
        if isinstance(e, OSError):
            _fail(f"cannot write {file}: {e.strerror or e}")
        raise


def _exists(file: str) -> NoReturn:
    click.echo(f"careerledger: {file} already exists; init never overwrites a file. Name another FILE, "
               "or move this one away first.", err=True)
    sys.exit(2)


def _fail(message: str) -> NoReturn:
    click.echo(f"careerledger: {message}", err=True)
    sys.exit(1)
