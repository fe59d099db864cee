"""Build hook: put the grammar and the parser generated from it in the package.

Lark's standalone generator writes the LALR tables and the small runtime they
need into one module, careerledger/syntax/_lalr.py. Loading that is faster than
importing lark and building the tables at every start, and it needs no cache
file written anywhere. The grammar itself ships beside it, for reference.
Both files are written into src/ (and ignored by git) so that an editable
install has them too.
"""

import io
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        from lark import Lark
        from lark.tools.standalone import gen_standalone

        root = Path(self.root)
        grammar = root / "grammar" / "careerledger.lark"
        parser = Lark(grammar.read_text(encoding="utf-8"), parser="lalr", lexer="basic")
        out = io.StringIO()
        gen_standalone(parser, out=out)
        code = _trim(out.getvalue())
        package = root / "src" / "careerledger" / "syntax"
        header = "# Generated from grammar/careerledger.lark by hatch_build.py. Do not edit.\n"
        (package / "_lalr.py").write_text(header + code, encoding="utf-8")
        (package / "careerledger.lark").write_text(grammar.read_text(encoding="utf-8"), encoding="utf-8")


# Lark's runtime, as the standalone generator writes it, imports modules that
# this parser never uses at run time: `regex` (whenever it is installed; this
# grammar needs only `re`), `logging` (for grammar-building diagnostics) and
# `pickle` (for parser caches). Together they cost about 15 ms of every start.
# lark is pinned in [build-system], and tests/test_packaging.py fails if one of
# these stops applying, so a lark upgrade cannot make start-up slow unnoticed.
_TRIMS = (
    (
        "try:\n    import regex\n    _has_regex = True\nexcept ImportError:\n    _has_regex = False\n",
        "_has_regex = False\n",
    ),
    (
        "import logging\n",
        "",
    ),
    (
        'logger: logging.Logger = logging.getLogger("lark")\nlogger.addHandler(logging.StreamHandler())\n',
        "class _SilentLogger:\n    def __getattr__(self, name):\n        return lambda *args, **kwargs: None\n\n"
        "logger = _SilentLogger()\n",
    ),
    (
        "logger.setLevel(logging.CRITICAL)\n",
        "",
    ),
    (
        "import pickle, zlib, base64\n",
        "",
    ),
)


def _trim(code):
    for old, new in _TRIMS:
        code = code.replace(old, new, 1)
    return code
