"""The language server's parse cache (careerledger.lsp.analysis.ParseCache):
whatever it reuses, it returns exactly what syntax.lines.parse returns for
the text, items and problems alike, through edit after edit."""

import random
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import EXAMPLES

from careerledger.loader import load
from careerledger.lsp.analysis import MIN_HEADS, ParseCache, chunk_bounds
from careerledger.syntax.lines import parse

FILE = "/ledger/main.career"

ODD = """\
\ufeff; a BOM, then a comment
option "owner" "Jane"
include "other.career"
* Roles
2021-03-01 role "PM" at "Acme" #payments ; careerledger: ignore drift
  track: core
track: core
  phase: impact
    2021-04-01 note "indented by mistake"
  why: "x"
2021-05 rol "typo"
  sise: small
2021-06-01 note "a \\q bad escape"
garbage line
  metadata under garbage
2021-07-01 bet "B"
  size: huge
; comment at column 0
  ; indented comment

2021-08-01 outcome "B" success
  story: "s"
   2021-08-02 note "indented, under no entry"
* Heading ends it
  orphan: "metadata"
2021-09-01 note "no newline at the end"\
"""


def many(n: int, seed: int) -> str:
    """`n` entries of several kinds, some of them broken."""
    rng = random.Random(seed)
    out = ['option "owner" "Bench"\n']
    for i in range(n):
        day = f"20{10 + i // 300:02d}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
        kind = rng.choice(["note", "role", "bet", "rol", "update", "skill"])
        if kind == "role":
            out.append(f'{day} role "R{i}" at "Org"\n  track: core\n  phase: impact\n')
        elif kind == "bet":
            out.append(f'{day} bet "B{i}"\n  size: {rng.choice(["small", "big", "huge"])}\n')
        elif kind == "update":
            out.append(f'{day} update "U{i}" #tag{i % 7}\n  to: "team"\n  via: email\n\n')
        elif kind == "skill":
            out.append(f"{day} skill #s{i % 5} novice\n")
        else:
            out.append(f'{day} {kind} "N{i}"\n')
        if rng.random() < 0.05:
            out.append(rng.choice(["* Heading\n", "junk\n", "  stray: 1\n", "; c\n", 'option "x" "y"\n']))
    return "".join(out)


def edit(text: str, rng: random.Random) -> str:
    """One edit as a user makes them: a character typed or deleted, a line added or removed."""
    at = rng.randrange(len(text) + 1)
    what = rng.choice(["a", "1", '"', " ", "\n", "\n  ", "\n2024-01-01 note \"n\"\n", "  track: core\n", "#"])
    if rng.random() < 0.3 and at < len(text):
        return text[:at] + text[at + 1:]
    return text[:at] + what + text[at:]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_example_and_its_edits_parse_as_a_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cache = ParseCache()
    rng = random.Random(path.name)
    for _ in range(15):
        assert cache.parse(text, str(path)) == parse(text, str(path))
        text = edit(text, rng)


@pytest.mark.parametrize("seed", range(4))
def test_a_large_ledger_through_many_edits(seed: int) -> None:
    text = many(1500, seed)
    assert len(chunk_bounds(text)) > 10  # chunks, reused across the edits
    cache = ParseCache()
    rng = random.Random(seed)
    for _ in range(40):
        assert cache.parse(text, FILE) == parse(text, FILE)
        text = edit(text, rng)


def test_odd_files_parse_as_a_whole() -> None:
    texts = [ODD, ODD.replace("\n", "\r\n"), ODD.replace("\n", "\r", 3), "", "\n", "2024", ODD * 30]
    cache = ParseCache()
    for text in texts:
        assert cache.parse(text, FILE) == parse(text, FILE)
        assert cache.parse(text + many(200, 1), FILE) == parse(text + many(200, 1), FILE)


def test_chunks_start_at_entry_heads_and_a_change_moves_only_nearby_bounds() -> None:
    text = many(1000, 7)
    bounds = chunk_bounds(text)
    assert bounds[0] == (0, 1)
    for start, line in bounds[1:]:
        assert text[start - 1] == "\n"
        assert text[start].isdigit()
        assert text.count("\n", 0, start) + 1 == line
    assert all(b[0] - a[0] > 0 for a, b in pairwise(bounds))
    assert min(text.count("\n20", a[0], b[0]) for a, b in pairwise(bounds)) >= MIN_HEADS - 1
    middle = len(text) // 2
    changed = text[:middle] + "\n\n" + text[middle:]  # two lines more in the middle
    after = {(s - 2, line - 2) for s, line in chunk_bounds(changed) if s > middle}
    before = {b for b in bounds if b[0] > middle}
    assert len(before - after) <= 2  # the chunks further on are the same text, two lines down


def test_unchanged_text_is_not_parsed_again_and_the_cache_keeps_only_the_ledgers_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import careerledger.lsp.analysis as analysis

    root = tmp_path / "main.career"
    root.write_text('include "a.career"\n' + many(100, 3))
    (tmp_path / "a.career").write_text(many(100, 4))
    cache = ParseCache()
    first = load(root, parser=cache.parse)
    calls = []
    monkeypatch.setattr(analysis, "parse", lambda text, file: calls.append(file) or parse(text, file))
    assert load(root, parser=cache.parse) == first
    assert calls == []
    assert sorted(cache.files) == sorted(first.files)
    cache.keep([str(root)])
    assert list(cache.files) == [str(root)]
