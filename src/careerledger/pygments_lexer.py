"""A Pygments lexer for `.career` ledgers: ```career blocks in Sphinx and MkDocs, `pygmentize -l career`.

Pygments is an optional extra (`pip install 'careerledger[pygments]'`); the CLI
never imports this module. Pygments finds the lexer through the
`pygments.lexers` entry point that careerledger installs, under the name and
alias `career` and for `*.career` files.

The words it knows come from careerledger's schema when the module is
imported, never from a list typed here: the entry keywords
(`core.schema.KINDS`), every metadata key of every kind, the words of the
enumerations, and the option names (`core.options.SPECS`). The tokens:

================================  ===========================================
piece                             token type
================================  ===========================================
date (``2024-03-01``, ``2016-09``)  ``Literal.Date``
entry keyword (``role``)          ``Keyword``
the ``at`` of a role              ``Operator.Word``
``option``, ``include``           ``Keyword.Declaration``, ``Keyword.Namespace``
option name (``"owner"``)         ``Name.Builtin`` inside ``String.Double``
string                            ``String.Double``; ``\\"`` ``\\\\`` ``String.Escape``
tag (``#payments``)               ``Name.Tag``
metadata key (``track:``)         ``Name.Attribute``, then ``Punctuation``
``x-`` key                        ``Name.Variable``
enumeration word (``core``)       ``Name.Constant``
``yes``, ``no``                   ``Keyword.Constant``
other bare word (``via: email``)  ``Name``
whole number, decimal             ``Number.Integer``, ``Number.Float``
duration (``3y``)                 ``Number``
comment                           ``Comment.Single``
``; careerledger: ignore …``      ``Comment.Special``
heading (``* Roles``)             ``Generic.Heading``
================================  ===========================================

It never yields an ``Error`` token, whatever the text: a documentation
highlighter shows what is written, broken examples included (docs/errors.md
is full of them), and Sphinx treats an ``Error`` token as a failed lex. An
unknown keyword or key is plain ``Name``; finding mistakes is
`careerledger check`'s job, and the editor grammars' (editors/).
"""

import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups, default, include
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

from .core import schema
from .core.options import SPECS

__all__ = ["CareerLexer"]

_groups: Callable[..., Any] = bygroups  # the stubs leave bygroups unannotated


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


KEYWORDS: tuple[str, ...] = tuple(schema.KINDS)
KEYS: tuple[str, ...] = _unique(key for kind in schema.KINDS.values() for key in kind.keys)
ENUM_WORDS: tuple[str, ...] = _unique(
    word
    for kind in schema.KINDS.values()
    for t in [*(a.type for a in kind.args if a.field is not None), *(k.type for k in kind.keys.values())]
    if isinstance(t, tuple)
    for word in t
)
LITERALS: tuple[str, ...] = _unique(str(a.type) for kind in schema.KINDS.values() for a in kind.args if a.field is None)
YES_NO = ("yes", "no")
OPTIONS: tuple[str, ...] = tuple(SPECS)

_END = r'(?=[\s;"]|$)'  # a bare piece ends at white space, a ; or " or the end of the line
_DATE = r"\d{4}-\d\d(?:-\d\d)?"


def _alt(items: Iterable[str]) -> str:
    """A regex group of these literal words, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) + ")"


def _bare(items: Iterable[str]) -> str:
    """These words as whole bare pieces."""
    return r"(?<![\w-])" + _alt(items) + _END


class CareerLexer(RegexLexer):
    """careerledger's plain-text career ledger (docs/format.md)."""

    name = "career"
    aliases: ClassVar[list[str]] = ["career"]
    filenames: ClassVar[list[str]] = ["*.career"]
    mimetypes: ClassVar[list[str]] = ["text/x-career"]

    tokens: ClassVar[dict[str, list[Any]]] = {
        "root": [
            (r"\n", Whitespace),
            (r"^(\*.*)$", Generic.Heading),
            (r"^(option)" + _END, Keyword.Declaration, "directive"),
            (r"^(include)" + _END, Keyword.Namespace, "value"),
            (r"^(" + _DATE + r")([ \t]+)(" + _alt(KEYWORDS) + ")" + _END, _groups(Literal.Date, Whitespace, Keyword),
             "head"),
            (r"^(" + _DATE + r")" + _END, Literal.Date, "head"),
            (r'^([ \t]+)(x-[^\s:;"]+)([ \t]*)(:)', _groups(Whitespace, Name.Variable, Whitespace, Punctuation),
             "value"),
            (r"^([ \t]+)(" + _alt(KEYS) + r")([ \t]*)(:)", _groups(Whitespace, Name.Attribute, Whitespace, Punctuation),
             "value"),
            (r'^([ \t]+)([^\s:;"]+)([ \t]*)(:)', _groups(Whitespace, Name, Whitespace, Punctuation), "value"),
            (r"[ \t]+", Whitespace),
            include("comment"),
            (r"[^\n]+", Text),
        ],
        "comment": [
            (r";[ \t]*careerledger:[ \t]*ignore(?![\w-]).*$", Comment.Special),
            (r";.*$", Comment.Single),
        ],
        "string": [
            (r'"', String.Double, "string-body"),
        ],
        "string-body": [
            (r'\\["\\]', String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r"\\", String.Double),  # another escape is an error for `check`, text here
            (r'"', String.Double, "#pop"),
            default("#pop"),  # a string that does not close on its line ends with it
        ],
        "pieces": [
            (r"[ \t]+", Whitespace),
            include("comment"),
            include("string"),
            (r"#[a-z0-9_/-]+" + _END, Name.Tag),
            (_DATE + _END, Literal.Date),
            (r"\d+[ymwd]" + _END, Number),
            (r"[+-]?\d+\.\d+" + _END, Number.Float),
            (r"[+-]?\d+" + _END, Number.Integer),
            (_bare(YES_NO), Keyword.Constant),
            (_bare(ENUM_WORDS), Name.Constant),
            (r"[A-Za-z_][A-Za-z0-9_-]*" + _END, Name),
            (r'[^\s;"]+', Text),
        ],
        "head": [
            (r"\n", Whitespace, "#pop"),
            (_bare(LITERALS), Operator.Word),
            include("pieces"),
        ],
        "value": [
            (r"\n", Whitespace, "#pop"),
            include("pieces"),
        ],
        "directive": [
            (r"\n", Whitespace, "#pop"),
            (r'([ \t]*)(")(' + _alt(OPTIONS) + r')(")', _groups(Whitespace, String.Double, Name.Builtin, String.Double),
             "directive-rest"),
            include("pieces"),
        ],
        "directive-rest": [
            (r"\n", Whitespace, "#pop:2"),
            include("pieces"),
        ],
    }
