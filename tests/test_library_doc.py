"""docs/library.md: every example on the page runs, and prints what it shows."""

import doctest
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_example_in_the_library_doc_runs(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name examples/jane.career
    text = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "library.md", str(ROOT / "docs" / "library.md"), 0)
    assert len(test.examples) >= 15  # the page really has its examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in docs/library.md failed"
    assert os.getcwd() == str(ROOT)
