"""What the installed package ships: the grammar and the parser generated from it
(careerledger/syntax/), the entry point, and a wheel that holds them."""

import importlib
import importlib.resources
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


def test_grammar_ships_in_the_installed_package():
    resource = importlib.resources.files("careerledger.syntax") / "careerledger.lark"
    assert resource.is_file()
    shipped = resource.read_text(encoding="utf-8")
    assert "ENTRY" in shipped
    assert shipped == (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")


def test_generated_parser_is_importable():
    lalr = importlib.import_module("careerledger.syntax._lalr")
    assert hasattr(lalr, "Lark_StandAlone")


def test_generated_parser_is_current():
    # _lalr.py is generated at install time; a grammar edit without a
    # reinstall (pip install -e .) leaves a stale parser behind
    lark = pytest.importorskip("lark")
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    fresh = lark.Lark(grammar, parser="lalr", lexer="basic")
    lalr = importlib.import_module("careerledger.syntax._lalr")
    shipped = {m["name"]: m["pattern"]["value"] for m in lalr.MEMO.values() if m.get("__type__") == "TerminalDef"}
    assert shipped == {t.name: t.pattern.value for t in fresh.terminals}


@pytest.mark.slow
def test_wheel_contains_the_grammar_and_the_parser(tmp_path):
    """Build a wheel from a copy of the project: it must hold both files."""
    pytest.importorskip("hatchling")
    pytest.importorskip("lark")
    src = tmp_path / "project"
    src.mkdir()
    for name in ("pyproject.toml", "hatch_build.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "grammar", src / "grammar")
    shutil.copytree(ROOT / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__", "_lalr.py", "careerledger.lark"))
    out = tmp_path / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        pytest.fail(f"wheel build failed:\n{proc.stdout}\n{proc.stderr}")
    (wheel,) = out.glob("careerledger-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "careerledger/syntax/careerledger.lark" in names
    assert "careerledger/syntax/_lalr.py" in names
    assert "careerledger/__main__.py" in names
    assert "careerledger/py.typed" in names


def test_generated_parser_imports_nothing_it_does_not_use():
    # hatch_build.py trims these imports for start-up speed; if a lark upgrade
    # changes the generated text, this fails instead of `check` quietly slowing.
    probe = (
        "import sys, careerledger.syntax._lalr as m; "
        "print(sorted(n for n in ('regex', 'logging', 'pickle') if n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_format_reference_quotes_the_grammar_as_it_is():
    # docs/format.md is the users' reference and shows the grammar in full:
    # the two must not drift apart.
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"```lark\n{grammar}```" in doc
