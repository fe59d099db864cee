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


def _hatch_build():
    """The build hook's module (it needs lark, a test dependency)."""
    pytest.importorskip("lark")
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.import_module("hatch_build")
    finally:
        sys.path.remove(str(ROOT))


def test_generated_lexer_is_current():
    # _lexer.py is generated at install time; a grammar edit without a
    # reinstall (pip install -e .) leaves a stale lexer behind
    hatch_build = _hatch_build()
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    shipped = importlib.resources.files("careerledger.syntax") / "_lexer.py"
    assert shipped.read_text(encoding="utf-8") == hatch_build.lexer_module(grammar)


def test_the_build_refuses_a_grammar_that_is_not_a_sequence_of_one_token_lines():
    hatch_build = _hatch_build()
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    nested = grammar.replace("entry: ENTRY", "entry: ENTRY META*")
    assert nested != grammar
    with pytest.raises(ValueError, match="no longer `start: _line\\*`"):
        hatch_build.lexer_module(nested)


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
    shutil.copytree(ROOT / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__", "_lexer.py", "careerledger.lark"))
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
    assert "careerledger/syntax/_lexer.py" in names
    assert "careerledger/__main__.py" in names
    assert "careerledger/py.typed" in names


def test_check_imports_no_lark():
    # the grammar is read by lark at build time only
    probe = (
        "import sys; from careerledger import load; load(sys.argv[1]); "
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('lark', 'regex', 'logging', 'pickle')))"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(ROOT / "examples" / "jane.career")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_format_reference_quotes_the_grammar_as_it_is():
    # docs/format.md is the users' reference and shows the grammar in full:
    # the two must not drift apart.
    grammar = (ROOT / "grammar" / "careerledger.lark").read_text(encoding="utf-8")
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"```lark\n{grammar}```" in doc
