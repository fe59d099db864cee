"""Build hook: generate careerledger/_lalr.py from grammar/careerledger.lark.

Lark's standalone generator writes the LALR tables and the small runtime they
need into one module. Loading that is faster than importing lark and building
the tables at every start, and it needs no cache file written anywhere.
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
        target = root / "src" / "careerledger" / "_lalr.py"
        header = f"# Generated from grammar/careerledger.lark by hatch_build.py. Do not edit.\n"
        target.write_text(header + out.getvalue(), encoding="utf-8")
