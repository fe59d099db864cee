"""Build hook: put the grammar and the lexer generated from it in the package.

Lark reads grammar/careerledger.lark and gives its terminals in the order its
basic lexer tries them; they are written into careerledger/syntax/_lexer.py,
which syntax/lines.py scans with as one pattern. The grammar is a sequence of
lines, each rule one token (`start: _line*`), so its LALR parse is a plain
loop over the tokens: the hook checks that shape and fails the build if the
grammar ever leaves it, because lines.py would then have to parse for real.
Nothing of lark is imported at run time, and no cache file is written
anywhere. The grammar itself ships beside it, for reference. Both files are
written into src/ (and ignored by git) so that an editable install has them.
"""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        root = Path(self.root)
        grammar = (root / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
        package = root / "src" / "careerledger" / "syntax"
        (package / "_lexer.py").write_text(lexer_module(grammar), encoding="utf-8")
        (package / "careerledger.lark").write_text(grammar, encoding="utf-8")


def lexer_module(grammar):
    """The text of _lexer.py for `grammar` (tests/test_packaging.py compares)."""
    from lark import Lark

    parser = Lark(grammar, parser="lalr", lexer="basic")
    rules = _line_rules(parser)
    lexer = parser._build_lexer()  # the order it tries terminals in is what counts
    terminals = [(t.name, t.pattern.to_regexp()) for t in lexer.terminals]
    out = [
        "# Generated from grammar/careerledger.lark by hatch_build.py. Do not edit.",
        '"""The grammar\'s terminals, in the order Lark\'s basic lexer tries them;',
        "the terminals it ignores; the one-token rule that holds each other terminal.\"\"\"",
        "",
        "TERMINALS = (",
        *(f"    ({name!r}, {pattern!r})," for name, pattern in terminals),
        ")",
        f"IGNORED = frozenset({sorted(lexer.ignore_types)!r})",
        f"RULES = {dict(sorted(rules.items()))!r}",
        f"FLAGS = {lexer.g_regex_flags!r}",
        "",
    ]
    return "\n".join(out)


def _line_rules(parser):
    """terminal -> its rule, checking that the grammar is `start: _line*` where each
    `_line` is a rule of one terminal."""
    by_name = {}
    for rule in parser.rules:
        by_name.setdefault(rule.origin.name, []).append([s.name for s in rule.expansion])
    line_rules = [body[0] for body in by_name.get("_line", []) if len(body) == 1]
    shape_ok = (
        len(line_rules) == len(by_name.get("_line", ()))
        and sorted(map(tuple, by_name.get("start", []))) == [(), ("__start_star_0",)]
        and sorted(map(tuple, by_name.get("__start_star_0", []))) == [("__start_star_0", "_line"), ("_line",)]
        and all(len(by_name.get(r, [])) == 1 and len(by_name[r][0]) == 1 and by_name[r][0][0].isupper()
                for r in line_rules)
    )
    if not shape_ok or set(by_name) != {"start", "_line", "__start_star_0", *line_rules}:
        raise ValueError("grammar/careerledger.lark is no longer `start: _line*` with one terminal a line rule: "
                         "careerledger/syntax/lines.py scans tokens and must parse for real")
    return {by_name[r][0][0]: r for r in line_rules}
