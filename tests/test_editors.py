"""The ledger in the editor (editors/, careerledger.pygments_lexer).

1. The generator: the committed grammars are what editors/generate.py writes
   now, and every word of the schema is in each of them.
2. Pygments: the `career` lexer is found through its entry point, reads every
   example and every ```career block of the docs without an Error token, gives
   the token types its docstring promises, and the CLI never imports it.
3. VS Code, without VS Code: the manifest, the language configuration, the
   snippets (each one, expanded, is an entry `check` accepts) and the problem
   matcher's pattern against real `check` output.
4. Slow, with the tools .ci/run installs (npm packages in editors/vscode, vim):
   vscode-tmgrammar-test on the scope assertions of editors/vscode/tests/,
   every example tokenised by vscode-textmate with no `invalid` scope,
   `vsce package`, and Vim run headless (highlight groups, filetype,
   commentstring, folds, and `:compiler careerledger` + `:make` filling the
   quickfix list). Without a tool they skip, saying which; with
   CAREERLEDGER_EDITOR_TOOLS=required (as .ci/run sets it) they fail instead,
   so that CI never passes by skipping them.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import COMMAND, DOCS, EXAMPLES, ROOT

from careerledger.core import schema
from careerledger.core.options import SPECS
from careerledger.core.problems import WARNINGS
from careerledger.loader import load_string

EDITORS = ROOT / "editors"
VSCODE = EDITORS / "vscode"
VIM = EDITORS / "vim"
NODE_BIN = VSCODE / "node_modules" / ".bin"
REQUIRED = os.environ.get("CAREERLEDGER_EDITOR_TOOLS") == "required"


def _load_generator():
    spec = importlib.util.spec_from_file_location("careerledger_editors_generate", EDITORS / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


def need(available, what):
    """Skip (or, under .ci/run, fail) a test whose tool is missing."""
    if available:
        return
    message = f"{what} is not installed; .ci/run installs it (or see editors/README.md)"
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


def need_node():
    need(shutil.which("node") is not None, "node")
    need((NODE_BIN / "vscode-tmgrammar-test").exists() and (NODE_BIN / "vsce").exists(),
         "the npm packages of editors/vscode (cd editors/vscode && npm ci)")


def need_vim():
    need(shutil.which("vim") is not None, "vim")


def doc_blocks():
    """(name, text) of every ```career block of README.md and docs/*.md."""
    out = []
    for path in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for i, m in enumerate(re.finditer(r"^```career\n(.*?)^```$", text, re.M | re.S)):
            out.append((f"{path.name}#{i + 1}", m[1]))
    return out


SYNTAX_CODES = re.compile(r"E[12]\d\d|E30[156]")  # what the line's own text is wrong in


def clean_blocks():
    """The doc blocks in whose own text `check` finds nothing wrong."""
    return [(name, text) for name, text in doc_blocks()
            if not any(SYNTAX_CODES.fullmatch(p.code) for p in load_string(text, "block.career").problems)]


# --- 1. the generator ------------------------------------------------------------------------------


def test_committed_grammars_are_what_the_generator_writes(tmp_path):
    proc = subprocess.run([sys.executable, str(EDITORS / "generate.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(generate.FILES)
    for rel in written:
        fresh = (tmp_path / rel).read_text(encoding="utf-8")
        committed = (EDITORS / rel).read_text(encoding="utf-8")
        assert committed == fresh, f"editors/{rel} is stale: run python editors/generate.py and commit it"


def test_generator_check_mode_passes_on_the_committed_files():
    proc = subprocess.run([sys.executable, str(EDITORS / "generate.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_generator_check_mode_shows_a_stale_file(tmp_path):
    shutil.copytree(EDITORS, tmp_path / "editors", ignore=shutil.ignore_patterns("node_modules"))
    grammar = tmp_path / "editors" / "vim" / "syntax" / "career.vim"
    grammar.write_text(grammar.read_text(encoding="utf-8").replace("north-star", "northstar"), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(EDITORS / "generate.py"), "--check", "--out", str(tmp_path / "editors")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "+++ b/vim/syntax/career.vim" in proc.stdout
    assert "run python editors/generate.py" in proc.stderr


def schema_words():
    """Every word an editor must know, straight from the schema."""
    keys = {k for kind in schema.KINDS.values() for k in kind.keys}
    enums = {w for kind in schema.KINDS.values()
             for t in [*(a.type for a in kind.args), *(k.type for k in kind.keys.values())]
             if isinstance(t, tuple) for w in t}
    return set(schema.KINDS), keys, enums, set(SPECS), {w.name for w in WARNINGS}


@pytest.mark.parametrize("rel", sorted(generate.FILES))
def test_every_word_of_the_schema_is_in_each_generated_file(rel):
    text = (EDITORS / rel).read_text(encoding="utf-8")
    keywords, keys, enums, options, checks = schema_words()
    wanted = keywords | (set() if rel.endswith("career.json") else keys | enums | options | checks)
    for word in sorted(wanted):
        escaped = word.replace("-", r"\\-") if rel.endswith(".tmLanguage.json") else word
        assert re.search(rf"(?<![\w-]){re.escape(escaped)}(?![\w])", text), f"{word!r} is missing from editors/{rel}"


def test_the_generator_reads_pieces_as_the_tokenizer_does():
    from careerledger.syntax import tokens

    assert generate.TAG_BODY == tokens.TAG_BODY
    for piece in ("2024-03-01", "2016-09", "#zero-to-one", "3y", "4.5", "-2", "core", "x-level"):
        ((kind, text, _),) = tokens.tokens(piece)
        assert text == piece
        shape = {"date": generate.DATE, "tag": "#" + generate.TAG_BODY, "word": generate.WORD,
                 "duration": r"\d+[ymwd]", "number": r"[+-]?\d+(?:\.\d+)?"}[kind]
        assert re.fullmatch(shape, piece), (kind, piece)


def test_the_grammars_follow_a_change_of_the_schema(monkeypatch):
    # A new kind with a new key and a new enumeration shows up in every generated file.
    kinds = dict(schema.KINDS)
    kinds["retro"] = schema.Kind(schema.Note, (schema.Arg("text", schema.STRING), schema.Arg("mood", ("glad", "sad"))),
                                 {"lesson-learned": schema.Key("lesson", schema.STRING, True)}, '"text" glad|sad')
    monkeypatch.setattr(schema, "KINDS", kinds)
    monkeypatch.setattr(generate, "KEYWORDS", list(kinds))
    monkeypatch.setattr(generate, "ENUMERATIONS", {**generate.ENUMERATIONS, "MOODS": ("glad", "sad")})
    grammar = json.loads(generate.textmate())
    assert "entry-retro" in grammar["repository"]
    assert r"(lesson\-learned)" in grammar["repository"]["key-lesson-learned"]["begin"]
    assert {"include": "#key-lesson-learned"} in grammar["repository"]["entry-retro"]["patterns"]
    assert "(?:glad|sad)" in grammar["repository"]["enum-moods"]["patterns"][0]["match"]
    assert {"include": "#enum-moods"} in grammar["repository"]["entry-retro"]["patterns"][0]["patterns"]
    snippets = json.loads(generate.snippets())
    assert snippets["retro"]["body"][0].endswith('retro "${2:text}" ${3|glad,sad|}')
    assert "  lesson-learned: \"${4}\"$0" in snippets["retro"]["body"]
    vim = generate.vim_syntax()
    assert "careerEntryRetro matchgroup=careerKeyword start=/retro" in vim
    assert "careerRetroKey /^[ \\t]\\+\\zs\\%(lesson-learned\\)" in vim


# --- 2. Pygments -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lexer():
    pytest.importorskip("pygments", reason="pip install 'careerledger[pygments]' (or [test])")
    from careerledger.pygments_lexer import CareerLexer

    return CareerLexer(stripnl=False)  # keep leading blank lines, so that the tokens add up to the text


def lex(lexer, text):
    from pygments.token import Error

    tokens = list(lexer.get_tokens(text))
    assert not [v for t, v in tokens if t in Error], [v for t, v in tokens if t in Error]
    return tokens


def test_the_lexer_is_found_through_its_entry_point(lexer):
    from importlib.metadata import entry_points

    from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name

    (point,) = [e for e in entry_points(group="pygments.lexers") if e.name == "career"]
    assert point.value == "careerledger.pygments_lexer:CareerLexer"
    assert type(get_lexer_by_name("career")) is type(lexer)
    assert find_lexer_class_for_filename("career.career") is type(lexer)


def test_pygmentize_highlights_a_ledger(lexer):
    proc = subprocess.run([sys.executable, "-m", "pygments", "-l", "career", "-f", "html", str(EXAMPLES[0])],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert '<span class="ld">' in proc.stdout  # a date
    assert '<span class="nt">#' in proc.stdout  # a tag


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_lexes_whole_and_without_an_error(lexer, path):
    text = path.read_text(encoding="utf-8")
    assert "".join(v for _, v in lex(lexer, text)) == text


def test_every_doc_block_lexes_without_an_error_broken_ones_too(lexer):
    blocks = doc_blocks()
    assert len(blocks) > 50
    for _name, text in blocks:
        assert "".join(v for _, v in lex(lexer, text)) == text


def test_garbage_lexes_without_an_error(lexer):
    for text in ['"', '"\\', '2024-01-01 "\\q', "\t; \x00 “curly” #A#b 1.2.3 key:::", "x-:\n  :\n*", "\r\n\r"]:
        lex(lexer, text)


def test_the_lexer_gives_the_documented_token_types(lexer):
    from pygments.token import Comment, Generic, Keyword, Literal, Name, Number, Operator, Punctuation, String

    text = (
        "; a comment\n"
        'option "swing-every" "3y"\n'
        'include "years/*.career"\n'
        "* Roles\n"
        '2016-09 role "Senior PM, \\"Checkout\\"" at "Acme" #payments ; careerledger: ignore drift\n'
        "  track: core\n"
        "  side: no\n"
        "  x-rating: 4.5\n"
        "  x-notice: 3m\n"
        "  x-review: 2025-03-31\n"
        "2024-01-01 home 4 ; summer\n"
        "  note: \"x\"\n"
        "  via: email\n"
    )
    got = [(t, v) for t, v in lex(lexer, text) if v.strip()]
    expected = [
        (Comment.Single, "; a comment"),
        (Keyword.Declaration, "option"), (String.Double, '"'), (Name.Builtin, "swing-every"), (String.Double, '"'),
        (String.Double, '"'), (String.Double, "3y"), (String.Double, '"'),
        (Keyword.Namespace, "include"), (String.Double, '"'), (String.Double, "years/*.career"), (String.Double, '"'),
        (Generic.Heading, "* Roles"),
        (Literal.Date, "2016-09"), (Keyword, "role"),
        (String.Double, '"'), (String.Double, "Senior PM, "), (String.Escape, '\\"'), (String.Double, "Checkout"),
        (String.Escape, '\\"'), (String.Double, '"'),
        (Operator.Word, "at"), (String.Double, '"'), (String.Double, "Acme"), (String.Double, '"'),
        (Name.Tag, "#payments"), (Comment.Special, "; careerledger: ignore drift"),
        (Name.Attribute, "track"), (Punctuation, ":"), (Name.Constant, "core"),
        (Name.Attribute, "side"), (Punctuation, ":"), (Keyword.Constant, "no"),
        (Name.Variable, "x-rating"), (Punctuation, ":"), (Number.Float, "4.5"),
        (Name.Variable, "x-notice"), (Punctuation, ":"), (Number, "3m"),
        (Name.Variable, "x-review"), (Punctuation, ":"), (Literal.Date, "2025-03-31"),
        (Literal.Date, "2024-01-01"), (Keyword, "home"), (Number.Integer, "4"), (Comment.Single, "; summer"),
        (Name.Attribute, "note"), (Punctuation, ":"), (String.Double, '"'), (String.Double, "x"), (String.Double, '"'),
        (Name.Attribute, "via"), (Punctuation, ":"), (Name, "email"),
    ]
    assert got == expected


def test_the_lexer_knows_the_words_the_generator_knows(lexer):
    from careerledger import pygments_lexer

    keywords, keys, enums, options, _ = schema_words()
    assert set(pygments_lexer.KEYWORDS) == keywords == set(generate.KEYWORDS)
    assert set(pygments_lexer.KEYS) == keys == set(generate.all_keys())
    assert set(pygments_lexer.ENUM_WORDS) == enums == set(generate.enum_words())
    assert set(pygments_lexer.OPTIONS) == options == set(generate.OPTIONS)


def test_the_cli_never_imports_pygments():
    code = (
        "import sys\n"
        "from careerledger.cli import main\n"
        "for args in (['check', sys.argv[1]], ['report', 'roles', sys.argv[1]], ['--help']):\n"
        "    try:\n"
        "        main(args, prog_name='careerledger')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygments' or m.endswith('pygments_lexer')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(EXAMPLES[0])], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# --- 3. VS Code, read without VS Code --------------------------------------------------------------


def manifest():
    return json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))


def test_the_manifest_contributes_the_language_grammar_snippets_and_matcher():
    m = manifest()
    for field in ("name", "publisher", "version", "license", "repository", "engines"):
        assert m[field], field
    assert m["engines"]["vscode"].startswith("^1.")
    (language,) = m["contributes"]["languages"]
    assert (language["id"], language["extensions"]) == ("career", [".career"])
    (grammar,) = m["contributes"]["grammars"]
    assert (grammar["language"], grammar["scopeName"]) == ("career", "source.career")
    assert json.loads((VSCODE / grammar["path"]).read_text(encoding="utf-8"))["scopeName"] == "source.career"
    (snippets,) = m["contributes"]["snippets"]
    assert snippets["language"] == "career"
    assert (VSCODE / snippets["path"]).is_file()
    assert (VSCODE / language["configuration"]).is_file()
    assert (VSCODE / "LICENSE").is_file()
    assert (VSCODE / "README.md").is_file()
    # exact versions, so that the lock file and CI agree
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in m["devDependencies"].values()), m["devDependencies"]
    lock = json.loads((VSCODE / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"] == m["devDependencies"]


def test_the_language_configuration():
    conf = json.loads((VSCODE / "language-configuration.json").read_text(encoding="utf-8"))
    assert conf["comments"] == {"lineComment": ";"}
    assert {"open": '"', "close": '"', "notIn": ["string", "comment"]} in conf["autoClosingPairs"]
    assert ['"', '"'] in conf["surroundingPairs"]
    assert conf["folding"]["offSide"] is False
    start, end = (re.compile(conf["folding"]["markers"][k]) for k in ("start", "end"))
    assert [bool(start.match(t)) for t in ("; region Roles", "  ;#region", "; endregion")] == [True, True, False]
    assert [bool(end.match(t)) for t in ("; endregion", "; region Roles")] == [True, False]
    (rule,) = conf["onEnterRules"]
    assert re.match(rule["beforeText"], '2024-01-01 role "PM" at "Acme"')
    assert not re.match(rule["beforeText"], "  track: core")
    word = re.compile(conf["wordPattern"])
    assert word.findall('  needs: #zero-to-one #board/governance') == ["needs", "zero-to-one", "board/governance"]


def expand(body):
    """A snippet's body with each tab stop at its default: the first choice, the placeholder, today."""
    today = date.today()
    text = "\n".join(body)
    text = (text.replace("$CURRENT_YEAR", f"{today:%Y}").replace("$CURRENT_MONTH", f"{today:%m}")
            .replace("$CURRENT_DATE", f"{today:%d}"))
    text = re.sub(r"\$\{\d+\|([^,|]*)[^}]*\}", r"\1", text)
    text = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", text)
    return re.sub(r"\$\{\d+\}|\$\d+", "", text) + "\n"


def snippets():
    return json.loads((VSCODE / "snippets" / "career.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("keyword", list(schema.KINDS))
def test_each_snippet_expands_to_an_entry_check_accepts(keyword):
    snippet = snippets()[keyword]
    assert snippet["prefix"] == keyword
    text = expand(snippet["body"])
    ledger = load_string(text, "snippet.career")
    syntax = [p for p in ledger.problems if SYNTAX_CODES.fullmatch(p.code) or p.code == "E204"]
    assert syntax == [], (text, syntax)
    (entry,) = ledger.entries
    assert schema.keyword(entry) == keyword
    for key, spec in schema.KINDS[keyword].keys.items():
        assert (f"\n  {key}: " in text) == spec.required, key


def test_the_option_and_include_snippets():
    s = snippets()
    text = expand(s["option"]["body"]).replace('""', '"Jane Doe"') + expand(s["include"]["body"])
    problems = load_string(text, "snippet.career").problems
    assert [p.code for p in problems] == ["E303"]  # years/*.career matches no file here, as it should
    assert all(name in s["option"]["body"][0] for name in SPECS)


def check_output(ledger_file):
    path = ledger_file(BROKEN)
    proc = subprocess.run([str(COMMAND), "check", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return path, proc.stdout


# errors and a warning, whatever the day: the date-dependent warnings are off
BROKEN = """\
option "check-ignore" "swing-due,phase-stuck,landing-overdue,home-stale,north-star-expired,cadence-missed,feedback-unactioned"
2024-01-08 role "Senior PM" at "Acme"
  track: core
  phase: impact
2024-02-01 note "Pricing pilot"
  sise: small
2024-03-01 rol "Advisor"
"""
EXPECTED = [(6, 3, "E203", "E"), (7, 12, "E104", "E"), (2, 1, "W210", "W")]


def test_the_problem_matcher_reads_check_output(ledger_file):
    path, out = check_output(ledger_file)
    (matcher,) = manifest()["contributes"]["problemMatchers"]
    assert (matcher["name"], matcher["owner"]) == ("careerledger", "careerledger")
    p = matcher["pattern"]
    regexp = re.compile(p["regexp"])
    found = []
    for line in out.splitlines():
        m = regexp.match(line)
        if m:
            found.append((m[p["file"]], int(m[p["line"]]), int(m[p["column"]]), m[p["code"]], m[p["severity"]]))
            assert m[p["message"]]
            assert not m[p["message"]].startswith(m[p["code"]])
    assert found == [(str(path), line, col, code, sev) for line, col, code, sev in EXPECTED]


def test_the_readme_task_uses_the_problem_matcher():
    readme = (VSCODE / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```jsonc?\n(.*?)^```$", readme, re.M | re.S)
    tasks = json.loads(re.sub(r"^\s*//.*$", "", block, flags=re.M))
    (task,) = tasks["tasks"]
    assert (task["command"], task["args"][0]) == ("careerledger", "check")
    assert task["problemMatcher"] == "$careerledger"


# --- 4. the tools: TextMate, vsce, Vim -------------------------------------------------------------


def node_tool(*args, timeout=300):
    return subprocess.run(list(map(str, args)), cwd=VSCODE, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_textmate_scope_assertions():
    need_node()
    tests = sorted(VSCODE.glob("tests/*.test.career"))
    assert len(tests) >= 2
    proc = node_tool(NODE_BIN / "vscode-tmgrammar-test", "-g", "syntaxes/career.tmLanguage.json",
                     *(t.relative_to(VSCODE) for t in tests))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("run successfuly") == len(tests), proc.stdout


@pytest.mark.slow
def test_textmate_finds_nothing_invalid_in_the_examples_and_clean_doc_blocks(tmp_path):
    need_node()
    files = list(EXAMPLES)
    for i, (_name, text) in enumerate(clean_blocks()):
        files.append(tmp_path / f"block{i:03d}.career")
        files[-1].write_text(text, encoding="utf-8")
    proc = node_tool("node", "tests/tokenize.js", *files)
    assert proc.returncode == 0, proc.stderr
    tokens = json.loads(proc.stdout)
    assert len(tokens) == len(files)
    for path, toks in tokens.items():
        text = Path(path).read_text(encoding="utf-8")
        assert "".join(t[3] for t in toks) == text.replace("\n", ""), path  # every character in a token
        bad = [(line + 1, start + 1, s, scopes[-1]) for line, start, _, s, scopes in toks
               if any(sc.startswith("invalid") for sc in scopes)]
        assert bad == [], (path, bad)


@pytest.mark.slow
def test_textmate_marks_the_mistakes_check_reports(tmp_path):
    need_node()
    lines = {
        "E104": '2024-01-01 rol "Senior PM" at "Acme"',
        "E102": '2024-01-01 note "a \\n b"',
        "E106": '2024-01-01 note "x" #Payments',
        "E108": "2024-01-01 outcome \"x\" sucess",
        "E203": '2024-01-01 note "x"\n  sise: small',
        "E101": 'options "owner" "Jane"',
        "E301": 'option "onwer" "Jane"',
        "E306": '2024-01-01 bet "x" ; careerledger: ignore early-asks',
    }
    files = []
    for code, text in lines.items():
        assert code in [p.code for p in load_string(text + "\n", "x.career").problems], code
        files.append(tmp_path / f"{code}.career")
        files[-1].write_text(text + "\n", encoding="utf-8")
    proc = node_tool("node", "tests/tokenize.js", *files)
    assert proc.returncode == 0, proc.stderr
    for path, toks in json.loads(proc.stdout).items():
        assert any(sc.startswith("invalid") for t in toks for sc in t[4]), path


@pytest.mark.slow
def test_the_problem_matcher_pattern_as_javascript_reads_it(ledger_file):
    need_node()
    path, out = check_output(ledger_file)
    script = (
        "const p = require('./package.json').contributes.problemMatchers[0].pattern;"
        "const re = new RegExp(p.regexp); const out = [];"
        "for (const line of require('fs').readFileSync(0, 'utf8').split('\\n')) {"
        "  const m = re.exec(line); if (m) out.push([m[p.file], +m[p.line], +m[p.column], m[p.code], m[p.severity]]); }"
        "console.log(JSON.stringify(out));"
    )
    proc = subprocess.run(["node", "-e", script], cwd=VSCODE, input=out, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [[str(path), line, col, code, sev] for line, col, code, sev in EXPECTED]


@pytest.mark.slow
def test_vsce_packages_the_extension(tmp_path):
    need_node()
    out = tmp_path / "careerledger.vsix"
    proc = node_tool(NODE_BIN / "vsce", "package", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = {n.lower() for n in zipfile.ZipFile(out).namelist()}
    for name in ("package.json", "syntaxes/career.tmlanguage.json", "snippets/career.json",
                 "language-configuration.json", "license.txt", "readme.md"):
        assert f"extension/{name}" in names, (name, sorted(names))
    assert "extension/extension.js" in names
    assert not [n for n in names if "/tests/" in n], sorted(names)
    # node_modules holds the client's runtime dependencies (package-lock.json), none of the tools
    lock = json.loads((VSCODE / "package-lock.json").read_text(encoding="utf-8"))
    runtime = {key.removeprefix("node_modules/") for key, p in lock["packages"].items()
               if key.startswith("node_modules/") and not p.get("dev")}
    assert "vscode-languageclient" in runtime
    packed = {re.match(r"extension/node_modules/((?:@[^/]+/)?[^/]+)/", n)[1] for n in names
              if n.startswith("extension/node_modules/")}
    assert packed == {name.lower() for name in runtime}


def run_extension(settings, new_command=None):
    """editors/vscode/extension.js activated in Node with stand-ins for `vscode` and
    `vscode-languageclient/node` (tests/extension.js) -> the events it recorded."""
    need(shutil.which("node") is not None, "node")
    args = ["node", "tests/extension.js", json.dumps(settings)] + ([json.dumps(new_command)] if new_command else [])
    proc = subprocess.run(args, cwd=VSCODE, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_extension_starts_the_language_client_with_the_settings():
    m = manifest()
    assert m["main"] == "./extension.js"
    assert "onLanguage:career" in m["activationEvents"]
    properties = m["contributes"]["configuration"]["properties"]
    assert properties["careerledger.server.command"]["default"] == ["careerledger", "lsp"]
    assert {"careerledger.root", "careerledger.asOf"} <= set(properties)
    assert re.fullmatch(r"\d+\.\d+\.\d+", m["dependencies"]["vscode-languageclient"])
    events = run_extension({"root": "career.career", "asOf": "2026-12-01",
                            "server.command": ["/opt/cl/bin/careerledger", "lsp", "--stdio"]},
                           ["careerledger", "lsp", "--as-of", "2026-01-01"])
    made = [e[1] for e in events if e[0] == "new"]
    assert [e for e in events if e[0] != "getConfiguration"] == [
        ["new", made[0]], ["start", 1], ["subscriptions", 1],  # a change of root alone restarts nothing
        ["stop", 1], ["new", made[1]], ["start", 2],  # a new command: a new server
        ["stop", 2],  # deactivate
    ]
    first = made[0]
    assert (first["id"], first["serverOptions"]) == (
        "careerledger", {"command": "/opt/cl/bin/careerledger", "args": ["lsp", "--stdio"]})
    assert first["clientOptions"]["initializationOptions"] == {"root": "career.career", "asOf": "2026-12-01"}
    assert first["clientOptions"]["synchronize"] == {"configurationSection": "careerledger"}
    assert {"scheme": "file", "language": "career"} in first["clientOptions"]["documentSelector"]
    assert made[1]["serverOptions"] == {"command": "careerledger", "args": ["lsp", "--as-of", "2026-01-01"]}


def test_the_extension_defaults():
    events = run_extension({})
    (made,) = [e[1] for e in events if e[0] == "new"]
    assert made["serverOptions"] == {"command": "careerledger", "args": ["lsp"]}
    assert made["clientOptions"]["initializationOptions"] == {"root": "", "asOf": ""}
    # a command that is not a list of strings falls back to the default
    (bad,) = [e[1] for e in run_extension({"server.command": "careerledger lsp"}) if e[0] == "new"]
    assert bad["serverOptions"] == {"command": "careerledger", "args": ["lsp"]}


def test_the_extension_uses_the_client_api_it_depends_on():
    need(shutil.which("node") is not None, "node")
    client = VSCODE / "node_modules" / "vscode-languageclient"
    need(client.is_dir(), "the npm packages of editors/vscode (cd editors/vscode && npm ci)")
    assert json.loads((client / "package.json").read_text())["version"] == manifest()["dependencies"][
        "vscode-languageclient"]
    api = (client / "lib" / "node" / "main.d.ts").read_text(encoding="utf-8")
    assert re.search(r"export declare class LanguageClient\b", api)
    assert re.search(r"constructor\(id: string, name: string, serverOptions: ServerOptions, "
                     r"clientOptions: LanguageClientOptions", api)
    proc = subprocess.run(["node", "--check", "extension.js"], cwd=VSCODE, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr


SAMPLE = """\
; Jane's ledger
option "owner" "Jane Doe"
include "years/*.career"

* Roles
** Acme

2016-09 role "Senior PM, \\"Checkout\\"" at "Acme" #payments ; careerledger: ignore drift
  track: core
  phase: impact
  ; a comment inside the entry
  x-level: l5
  trak: core
2024-02-15 outcome "Pay by bank" pivot
  story: "Coverage"

* Home
2026-07-01 home 4
  note: "Summer"
2026-08-01 rol "x"
"""


def run_vim(tmp_path, path, script):
    """Vim, headless, with no vimrc and editors/vim first on its runtimepath, edits `path`
    and runs `script`, which fills the dictionary g:out -> g:out, read back as JSON."""
    result = tmp_path / "vim-out.json"
    source = tmp_path / "probe.vim"
    source.write_text(
        "let g:out = {}\n"
        "try\n"
        f"  edit {path}\n" + script + "\ncatch\n  let g:out.exception = v:exception . ' at ' . v:throwpoint\nendtry\n"
        f"call writefile([json_encode(g:out)], '{result}')\n"
        "qall!\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        ["vim", "-Es", "-u", "NONE", "-i", "NONE", "-N", "--cmd", f"set rtp^={VIM}",
         "-c", "filetype plugin on | syntax on", "-S", str(source)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path,
    )
    assert result.exists(), (proc.returncode, proc.stdout, proc.stderr)
    out = json.loads(result.read_text(encoding="utf-8"))
    assert "exception" not in out, out["exception"]
    return out


def position(text, line_start, piece, occurrence=1):
    """1-based (line, column) of the `occurrence`-th `piece` on the first line starting with `line_start`."""
    lines = text.splitlines()
    n = next(i for i, s in enumerate(lines) if s.startswith(line_start))
    col = -1
    for _ in range(occurrence):
        col = lines[n].index(piece, col + 1)
    return n + 1, col + 1


VIM_GROUPS = [
    ("; Jane", ";", "careerComment"),
    ("option", "option", "careerDirective"),
    ("option", "owner", "careerOptionName"),
    ("option", "Jane Doe", "careerDirectiveString"),
    ("include", "years", "careerDirectiveString"),
    ("* Roles", "Roles", "careerHeading"),
    ("** Acme", "Acme", "careerHeading"),
    ("2016-09", "2016-09", "careerDate"),
    ("2016-09", "role", "careerKeyword"),
    ("2016-09", "Senior", "careerString"),
    ("2016-09", '\\"', "careerEscape"),
    ("2016-09", " at ", "careerEntryRole"),
    ("2016-09", "at \"Acme", "careerWord"),
    ("2016-09", "#payments", "careerTag"),
    ("2016-09", "careerledger:", "careerIgnoreComment"),
    ("2016-09", "drift", "careerCheck"),
    ("  track", "track", "careerRoleKey"),
    ("  track", "core", "careerEnum"),
    ("  ; a comment", "a comment", "careerComment"),
    ("  x-level", "x-level", "careerXKey"),
    ("  trak", "trak", "careerBadKey"),
    ("2024-02-15", "outcome", "careerKeyword"),
    ("2024-02-15", "pivot", "careerEnum"),
    ("  story", "story", "careerOutcomeKey"),
    ("2026-07-01", "4", "careerNumber"),
    ("  note", "note", "careerHomeKey"),
    ("2026-08-01", "rol", "careerError"),
]


@pytest.mark.slow
def test_vim_detects_highlights_and_folds_a_ledger(tmp_path):
    need_vim()
    ledger = tmp_path / "career.career"
    ledger.write_text(SAMPLE, encoding="utf-8")
    probes = [position(SAMPLE, start, piece) for start, piece, _ in VIM_GROUPS]
    script = (
        f"let g:out.groups = map({json.dumps(probes)}, {{_, p -> synIDattr(synID(p[0], p[1], 1), 'name')}})\n"
        "let g:out.filetype = &filetype\n"
        "let g:out.syntax = b:current_syntax\n"
        "let g:out.commentstring = &commentstring\n"
        "let g:out.foldmethod = &foldmethod\n"
        "let g:out.folds = map(range(1, line('$')), {_, l -> foldlevel(l)})\n"
        "let g:out.undo = b:undo_ftplugin\n"
        "execute b:undo_ftplugin\n"
        "let g:out.after_undo = [&commentstring, &foldmethod]\n"
    )
    out = run_vim(tmp_path, ledger, script)
    assert (out["filetype"], out["syntax"]) == ("career", "career")
    assert out["groups"] == [group for _, _, group in VIM_GROUPS]
    assert out["commentstring"] == "; %s"
    assert out["foldmethod"] == "expr"
    lines = SAMPLE.splitlines()
    expected_folds, level = [], 0
    for line in lines:
        if line.startswith("*"):
            level = len(line) - len(line.lstrip("*"))
        expected_folds.append(level)
    assert out["folds"] == expected_folds
    assert out["folds"][:4] == [0, 0, 0, 0]
    assert max(out["folds"]) == 2
    assert "commentstring<" in out["undo"]
    assert "foldexpr<" in out["undo"]
    assert out["after_undo"] != ["; %s", "expr"]


@pytest.mark.slow
def test_vim_make_fills_the_quickfix_list(tmp_path):
    need_vim()
    ledger = tmp_path / "broken.career"
    ledger.write_text(BROKEN, encoding="utf-8")
    script = (
        f"let g:careerledger_command = '{COMMAND}'\n"
        "compiler careerledger\n"
        "let g:out.makeprg = &makeprg\n"
        "let g:out.compiler = b:current_compiler\n"
        "silent make!\n"
        "let g:out.qf = map(getqflist(), {_, e -> [bufname(e.bufnr), e.lnum, e.col, e.type, e.nr, e.valid, e.text]})\n"
    )
    out = run_vim(tmp_path, ledger, script)
    assert out["compiler"] == "careerledger"
    assert out["makeprg"] == f"{COMMAND} check --format concise %"  # one line a problem, never wrapped
    qf = out["qf"]
    assert [(Path(f).name, line, col, t, f"{t}{nr}", valid) for f, line, col, t, nr, valid, _ in qf] == [
        ("broken.career", line, col, sev, code, 1) for line, col, code, sev in EXPECTED
    ]
    assert qf[0][6] == "'note' has no 'sise:' metadata"
