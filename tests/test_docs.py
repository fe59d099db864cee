"""The docs keep up with the code.

1. Every example of docs/errors.md and docs/checks.md runs: each ```career block
   (saved under the name the doc gives it, `ledger.career` by default), then the
   commands of the ```console block after it, in an otherwise empty folder, must
   print what the doc shows, with the exit status it shows. Every example of
   docs/library.md runs as a doctest. The other worked examples quoted in the
   docs (README.md, docs/metrics.md) print what they show.
2. Nothing the user can name is missing from the docs: every command and each of
   its options (README.md or docs/*.md), every report (README.md), every warning
   (docs/checks.md), every error code (docs/errors.md), every ledger option
   (docs/format.md), every section and field of the JSON (docs/json.md), and every
   test docs/metrics.md names as the worked example of a rule.
"""

import doctest
import json
import os
import re
import shlex

import click
import pytest
from conftest import DOCS, ROOT, run
from test_report_json import SHAPE

from careerledger.cli import main
from careerledger.core.options import SPECS
from careerledger.core.problems import CATALOGUE, WARNINGS
from careerledger.loader import load_string
from careerledger.reports import REPORTS

# docs/errors.md runs `check` without --as-of, as of the day its examples were made.
# Its ledgers show no warning beside the error (but under E306) from 2026-10-20 (the
# latest date in them) until 2030-09-01 (the E404 example's north star expires);
# this day in between keeps the test from depending on the calendar.
ERRORS_AS_OF = "2026-12-01"


# --- 1. the examples -------------------------------------------------------------------------


# the sections whose examples run on a ledger of another section: tested one by one below
OWN_TESTS = {"Output formats"}


def _examples(name):
    """The examples of one doc: (id, files, commands), where files maps a file name
    to (text, encoding, readable) and commands is a list of (args, output, status);
    status is None when the doc does not show it. A console block with no ledger
    of its own runs on the last one shown in its section (or on an empty one)."""
    text = (DOCS / name).read_text(encoding="utf-8")
    found = []
    heading = None
    files, label, encoding, unreadable = {}, None, "utf-8", set()
    last_files = {}
    blocks = re.finditer(r"^(#{2,3} [^\n]+)$|^(`[^`\n]+\.career`[^\n]*:)$|^```(career|console)\n(.*?)^```$",
                         text, re.M | re.S)
    for m in blocks:
        if m[1]:
            heading = m[1].lstrip("# ")
            files, label, encoding, unreadable = {}, None, "utf-8", set()
            last_files = {}
        elif m[2]:
            label = m[2][1:m[2].index("`", 1)]
            if "Latin-1" in m[2]:
                encoding = "latin-1"
            unreadable |= set(re.findall(r"chmod 000 ([\w.-]+)", m[2]))
        elif m[3] == "career":
            path = label or "ledger.career"
            files[path] = (m[4], encoding, path not in unreadable)
            label, encoding = None, "utf-8"
        elif heading not in OWN_TESTS:
            commands = _commands(m[4])
            found.append(pytest.param(dict(files or last_files), commands, id=f"{name}:{heading}:{len(found)}"))
            last_files = files or last_files
            files = {}
    return found


def _commands(console):
    """A console block -> [(args, output, exit status or None)]."""
    out = []
    for chunk in re.split(r"^\$ ", console, flags=re.M)[1:]:
        command, _, output = chunk.partition("\n")
        if command == "echo $?":
            args, shown, _ = out[-1]
            out[-1] = (args, shown, int(output.strip()))
        else:
            argv = shlex.split(command)
            assert argv[0] == "careerledger", command
            out.append((argv[1:], output, None))
    return out


def _expected_status(output):
    last = output.rstrip("\n").rsplit("\n", 1)[-1]
    if output.startswith("Usage: "):
        return 2
    return 1 if re.match(r"[1-9]\d* errors?\b", last) else 0


def _write(tmp_path, files, monkeypatch):
    unreadable = []
    for name, (text, encoding, readable) in files.items():
        path = tmp_path / name
        # ␍ stands for a carriage return in the docs (a CR cannot be shown in markdown)
        path.write_bytes(text.replace("\u240d", "\r").encode(encoding))
        if not readable:
            path.chmod(0)
            unreadable.append(path)
    if unreadable and os.access(unreadable[0], os.R_OK):
        # as root, chmod 000 does not stop a read: deny it the way the kernel would
        import importlib

        loader = importlib.import_module("careerledger.loader")
        names = {os.path.basename(p) for p in unreadable}

        def open_(path, *args, **kwargs):
            if os.path.basename(os.fspath(path)) in names:
                raise PermissionError(13, "Permission denied")
            return open(path, *args, **kwargs)

        monkeypatch.setattr(loader, "open", open_, raising=False)
    monkeypatch.chdir(tmp_path)


def _run_example(tmp_path, monkeypatch, files, commands, as_of=None):
    assert commands, "a console block with no command"
    _write(tmp_path, files or {"ledger.career": ("", "utf-8", True)}, monkeypatch)
    for args, output, status in commands:
        if as_of and args[:1] == ["check"] and not any(a.startswith("--as-of") for a in args):
            args = ["check", "--as-of", as_of, *args[1:]]
        result = run(*args)
        assert result.output == output, args
        assert result.exit_code == (_expected_status(output) if status is None else status), args


@pytest.mark.parametrize(("files", "commands"), _examples("errors.md"))
def test_errors_doc_example(tmp_path, monkeypatch, files, commands):
    _run_example(tmp_path, monkeypatch, files, commands, ERRORS_AS_OF)


CHECKS_EXAMPLES = _examples("checks.md")


@pytest.mark.parametrize(("files", "commands"), CHECKS_EXAMPLES)
def test_checks_doc_example(tmp_path, monkeypatch, files, commands):
    _run_example(tmp_path, monkeypatch, files, commands)


def _checks_examples_by_heading():
    found = {}
    for param in CHECKS_EXAMPLES:
        heading = param.id.split(":")[1]
        found.setdefault(heading, []).append(param.values)
    return found


# errors whose example would not fit on the page: a chain of 101 included files
NO_EXAMPLE = {"E307 include-too-deep"}


def test_every_doc_example_is_run():
    # the ids of the examples above: one per ```console block of each doc
    for name, examples in (("errors.md", _examples("errors.md")), ("checks.md", CHECKS_EXAMPLES)):
        doc = (DOCS / name).read_text(encoding="utf-8")
        own = sum(doc[doc.index(f"\n## {h}\n"):].split("\n## ", 2)[1].count("```console\n")
                  for h in OWN_TESTS if f"\n## {h}\n" in doc)
        assert len(examples) + own == doc.count("```console\n"), name
    # each error of the page has its example (test_errors_doc_names_every_error_code checks
    # that every error is on the page); each warning one that fires and one that does not
    doc = (DOCS / "errors.md").read_text(encoding="utf-8")
    errors = {p.id.split(":")[1] for p in _examples("errors.md")}
    assert set(re.findall(r"^### (E\d{3} [a-z0-9-]+)$", doc, re.M)) - errors <= NO_EXAMPLE
    examples = _checks_examples_by_heading()
    for check in WARNINGS:
        (fires_files, fires), (quiet_files, quiet) = examples[f"{check.code} {check.name}"]
        [(_, output, _)] = fires
        assert f": {check.code} {check.name}: " in output
        assert output.endswith("0 errors, 1 warning\n")
        assert [(status, output) for _, output, status in quiet] == [(0, "")]
        assert list(fires_files) == list(quiet_files) == ["ledger.career"]


def _w203_ledger():
    [(files, _), _] = _checks_examples_by_heading()["W203 phase-stuck"]
    return files["ledger.career"][0]


def test_checks_doc_output_formats_are_those_of_the_first_w203_example(tmp_path, monkeypatch):
    doc = (DOCS / "checks.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Output formats\n"):doc.index("## In a pre-commit hook\n")]
    text, github = re.findall(r"```console\n(.*?)```", section, re.S)
    [shown_json] = re.findall(r"```json\n(.*?)```", section, re.S)
    monkeypatch.chdir(tmp_path)
    ledger = _w203_ledger()
    (tmp_path / "ledger.career").write_text(ledger, encoding="utf-8")
    [(args, output, _)] = _commands(text)
    assert run(*args).output == output
    result = run(*args[:-1], "--format", "json", args[-1])
    assert json.loads(result.output) == json.loads(shown_json)
    [concise] = re.findall(r"```\n(ledger\.career:.*?)```", section, re.S)
    assert run(*args[:-1], "--format", "concise", args[-1]).output == concise
    # "with line 12 of the same ledger mistyped as `2025-05-01 rol "Group PM" at "Acme"`"
    mistyped = re.search(r"line 12 of\s+the\s+same\s+ledger\s+mistyped\s+as\s+`([^`]+)`", section)[1]
    # the ledger has 11 lines: line 12 is a role written after them, its keyword mistyped
    lines = ledger.rstrip("\n").split("\n")
    assert len(lines) == 11
    (tmp_path / "ledger.career").write_text("\n".join([*lines, mistyped]) + "\n", encoding="utf-8")
    [(args, output, _)] = _commands(github)
    result = run(*args)
    assert (result.output, result.exit_code) == (output, 1)


def test_checks_doc_suppression_comment_example():
    doc = (DOCS / "checks.md").read_text(encoding="utf-8")
    [snippet] = re.findall(r"^  ```career\n(.*?)^  ```$", doc, re.M | re.S)
    ledger = load_string(re.sub(r"^  ", "", snippet, flags=re.M), "ledger.career")
    assert ledger.problems == ()
    assert ledger.suppressed == {("ledger.career", 1): frozenset({"drift"})}


def test_every_example_in_the_library_doc_runs(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name examples/jane.career
    text = (DOCS / "library.md").read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "library.md", str(DOCS / "library.md"), 0)
    assert len(test.examples) >= 15  # the page really has its examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in docs/library.md failed"
    assert os.getcwd() == str(ROOT)


# the other worked examples the docs quote


def test_readme_shows_the_summary_of_jane_as_it_is(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ careerledger report summary examples/jane.career --as-of 2026-11-21\n"
    assert command in readme
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    result = run("report", "summary", "examples/jane.career", "--as-of", "2026-11-21")
    assert (result.exit_code, result.stdout) == (0, shown)


AI = "AI Shopping Assistant"
WORKED = ROOT / "examples" / "evaluating-a-role-change.career"


def test_metrics_doc_shows_the_worked_example_of_evaluate_as_it_is():
    text = (DOCS / "metrics.md").read_text(encoding="utf-8")
    m = re.search(r"```console\n\$ careerledger evaluate \"AI Shopping Assistant\" "
                  r"examples/evaluating-a-role-change.career\n(.*?)```", text, re.S)
    assert m, "docs/metrics.md lost the worked example"
    assert m[1] == run("evaluate", AI, WORKED).stdout


def test_readme_shows_the_start_and_the_end_of_the_worked_example_as_they_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = f'$ careerledger evaluate "{AI}" examples/evaluating-a-role-change.career\n'
    assert command in readme
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    head, tail = shown.split("...\n")
    out = run("evaluate", AI, WORKED).stdout
    assert head.startswith("Evaluate ")  # the paragraph comes first
    assert out.startswith(head)
    assert out.endswith("\n" + tail)


# --- 2. nothing is missing ---------------------------------------------------------------------


def _all_docs():
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))])


def _named(word, text):
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


_CTX = click.Context(main)
COMMANDS = sorted(main.list_commands(_CTX))


def test_every_command_of_the_cli_is_built():
    from careerledger.cli import COMMANDS as DECLARED

    assert sorted(DECLARED) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_each_of_its_options_is_documented(name):
    text = _all_docs()
    assert f"careerledger {name}" in text
    command = main.get_command(_CTX, name)
    assert command is not None
    options = [p for p in command.params if isinstance(p, click.Option) and p.name != "help"]
    assert options
    missing = [p.opts for p in options if not any(_named(o, text) for o in p.opts + p.secondary_opts)]
    assert missing == [], f"options of `careerledger {name}` in no doc"


def test_every_report_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in REPORTS if f"- `{name}`" not in readme] == []


def test_checks_doc_names_every_check_with_its_code_and_advice():
    doc = (DOCS / "checks.md").read_text(encoding="utf-8")
    for check in WARNINGS:
        assert f"### {check.code} {check.name}\n" in doc, check.code
        assert f"| [{check.code}](#{check.code.lower()}-{check.name}) | `{check.name}` |" in doc, check.code
        assert check.advice in doc, check.code
    assert "careerledger-check" in doc
    assert "--root" in doc


def test_errors_doc_names_every_error_code():
    doc = (DOCS / "errors.md").read_text(encoding="utf-8")
    for code, (name, _) in CATALOGUE.items():
        assert f"### {code} {name}\n" in doc, code
        assert f"| [{code}](#{code.lower()}-{name}) | `{name}` |" in doc, code


def test_every_example_of_the_format_doc_is_a_valid_ledger():
    # Each ```career block of docs/format.md, alone, loads with no problem; the include example
    # names files that do not exist beside the doc (it says so), so it is E303 and only that.
    from careerledger.loader import load_string

    text = (DOCS / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```career\n(.*?)^```$", text, re.M | re.S)
    assert len(blocks) >= 20
    found = {}
    for i, block in enumerate(blocks):
        problems = [p.code for p in load_string(block, f"block{i}.career").problems]
        if problems:
            found[i] = problems
    assert list(found.values()) == [["E303"]], found


def test_format_doc_and_grammar_say_the_same_version():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    version = re.match(r"# The `\.career` format, version (\d+\.\d+)\n", text)
    assert version, "docs/format.md names its version in its title"
    assert grammar.startswith(f"// The .career format, version {version[1]}: ")
    assert f"### {version[1]} (" in text  # and the history of the format has it


def test_format_doc_names_every_ledger_option():
    doc = (DOCS / "format.md").read_text(encoding="utf-8")
    assert [key for key in SPECS if f"| `{key}` |" not in doc] == []


def _json_doc_rows():
    """docs/json.md -> {report: {section: row text}} from each report's table."""
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    out = {}
    for name in SHAPE:
        m = re.search(rf"^## {name}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        assert m, f"docs/json.md has no '## {name}' section"
        out[name] = {r[0]: r[1] for r in re.findall(r"^\| `(\w+)` \| (.*)$", m[1], re.M)}
    return out


def test_docs_json_md_names_every_section_and_field():
    rows = _json_doc_rows()
    for name, sections in SHAPE.items():
        assert list(rows[name]) == [key for key, _, _ in sections], name
        for key, kind, fields in sections:
            row = rows[name][key]
            assert row.startswith(f"{kind} |"), (name, key)
            # "as in the summary": the summary's row of the same section names the rest
            text = row + (rows["summary"].get(key, "") if "as in the summary" in row else "")
            for field, type_ in fields.items():
                assert f"`{field}` {type_}" in text, f"docs/json.md, {name}.{key}: `{field}` {type_}"


def test_every_worked_example_named_in_the_metrics_doc_is_a_test():
    text = (DOCS / "metrics.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", text))
    assert len(named) >= 30, "docs/metrics.md lost the worked examples"
    tests = set()
    for path in sorted(ROOT.glob("tests/test_*.py")):
        tests |= set(re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M))
    assert sorted(named - tests) == [], "docs/metrics.md names tests that do not exist"
