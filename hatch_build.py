"""Build hook: put the grammar and the parser generated from it in the package.

Lark's standalone generator writes the LALR tables and the small runtime they
need into one module, careerledger/_lalr.py. Loading that is faster than
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
        # Lark's runtime imports the third-party `regex` module whenever it is
        # installed, though this grammar needs only `re`: 7 ms of start-up.
        code = out.getvalue().replace(
            "try:\n    import regex\n    _has_regex = True\nexcept ImportError:\n    _has_regex = False\n",
            "_has_regex = False  # careerledger's grammar needs only `re` (hatch_build.py)\n",
        )
        package = root / "src" / "careerledger"
        header = "# Generated from grammar/careerledger.lark by hatch_build.py. Do not edit.\n"
        (package / "_lalr.py").write_text(header + code, encoding="utf-8")
        (package / "careerledger.lark").write_text(grammar.read_text(encoding="utf-8"), encoding="utf-8")
