"""Property-based robustness: generated and mutated ledgers, through every
command, in every format. Nothing may raise: a bad ledger is problems and an
exit status, never an exception.

The default run is small and seeded (derandomized), so it is the same every
time; `CAREERLEDGER_FUZZ=slow` (set by .ci/run) gives it a larger budget.
"""

import os

import pytest
from conftest import EXAMPLES, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careerledger
from careerledger.core import schema as S
from careerledger.reports import REPORTS

SLOW = os.environ.get("CAREERLEDGER_FUZZ") == "slow"
settings.register_profile(
    "default", max_examples=25, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "slow", max_examples=300, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("slow" if SLOW else "default")

ODD = ["\x00", "\r", "\u2028", "\u200f", "\u0301", "\ufeff", "\t", "  ", ";", "#", '"', "\\", "é", "■"]
DATES = st.sampled_from(["0001-01-01", "0001-01", "9999-12-31", "9999-12", "2024-02-29", "2023-02-29",
                         "2020-01-01", "2026-11-21", "1999-13-01", "2024-1-1"])
WORDS = st.sampled_from(sorted({w for k in S.KINDS.values() for key in k.keys.values()
                                if isinstance(key.type, tuple) for w in key.type} | {"yes", "no", "x"}))
NUMBERS = st.one_of(st.integers(-5, 10).map(str), st.integers(10**18, 10**19).map(str), st.just("9" * 5000))
TEXT = st.lists(st.one_of(st.sampled_from(ODD), st.characters(codec="utf-8")), max_size=12).map("".join)


@st.composite
def value(draw):
    kind = draw(st.sampled_from(["string", "tag", "date", "word", "number", "duration", "tags"]))
    if kind == "string":
        return '"' + draw(TEXT).replace('"', "").replace("\\", "") + '"'
    if kind == "tag":
        return "#" + draw(st.sampled_from(["payments", "zero-to-one", "Bad", "a/b", ""]))
    if kind == "date":
        return draw(DATES)
    if kind == "word":
        return draw(WORDS)
    if kind == "number":
        return draw(NUMBERS)
    if kind == "duration":
        return draw(st.sampled_from(["3y", "0m", "8000y", "99999999999999999999y", "100000m", "3000000d", "6w"]))
    return " ".join("#" + t for t in draw(st.lists(st.sampled_from(["a", "b", "zero-to-one"]), max_size=3)))


@st.composite
def entry(draw):
    keyword = draw(st.sampled_from([*S.KINDS, "nope", "option", "include"]))
    head = draw(DATES) + " " + keyword
    kind = S.KINDS.get(keyword)
    if kind is not None:
        for arg in kind.args:
            head += " " + (arg.type if arg.field is None and isinstance(arg.type, str) else draw(value()))
        keys = [*kind.keys, "x-mine", "nope"]
    else:
        keys = ["x-mine"]
    lines = [head]
    for key in draw(st.lists(st.sampled_from(keys), max_size=4)):
        lines.append(f"  {key}: {draw(value())}")
    return "\n".join(lines)


@st.composite
def ledger(draw):
    parts = draw(st.lists(st.one_of(entry(), st.sampled_from([
        'option "swing-every" "8000y"', 'option "phase-max" "100000m"', 'option "home-every" "3000000d"',
        'option "swing-every" "99999999999999999999y"', 'option "check-ignore" "nope"', "* Heading",
        "; a comment", "", "   ", "x", 'include "missing.career"', "\x00\x00",
    ])), max_size=12))
    return "\n".join(parts) + draw(st.sampled_from(["\n", "", "\r\n", " " * 50]))


@st.composite
def mutated_example(draw):
    text = draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8")
    lines = text.split("\n")
    how = draw(st.sampled_from(["flip", "truncate", "shuffle", "insert", "drop"]))
    if how == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 5))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)
    if how == "truncate":
        return text[: draw(st.integers(0, len(text)))].encode("utf-8")
    if how == "shuffle":
        return "\n".join(draw(st.permutations(lines))).encode("utf-8")
    if how == "insert":
        i = draw(st.integers(0, len(lines)))
        return "\n".join([*lines[:i], draw(st.sampled_from(ODD)) * draw(st.integers(1, 3)), *lines[i:]]).encode()
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    return "\n".join(lines[:i] + lines[i + 1:]).encode("utf-8")


AS_OF = st.sampled_from(["0001-01-01", "0001-01-15", "0005-12-31", "2026-11-21", "9999-12-31"])
PERIOD = st.sampled_from(["0001", "9999-W52", "last-month", "2025-Q2", "0001..9999", "this-year"])


def invoke(args):
    result = run(*args)  # an exception propagates
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    return result


def _write(tmp_path, data):
    path = tmp_path / "fuzz.career"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return str(path)


@given(text=st.one_of(ledger().map(lambda t: t.encode("utf-8", "surrogatepass")), mutated_example()),
       as_of=AS_OF)
def test_load_and_check_never_raise(tmp_path, text, as_of):
    path = _write(tmp_path, text)
    careerledger.load(path)
    for fmt in ("text", "json", "github"):
        invoke(["check", "--as-of", as_of, "--format", fmt, path])


@given(text=st.one_of(ledger().map(lambda t: t.encode("utf-8", "surrogatepass")), mutated_example()),
       as_of=AS_OF, period=PERIOD, name=st.sampled_from(sorted(REPORTS)),
       fmt=st.sampled_from(["text", "json", "csv", "markdown", "html"]))
def test_every_report_never_raises(tmp_path, text, as_of, period, name, fmt):
    path = _write(tmp_path, text)
    invoke(["report", name, "--as-of", as_of, "--format", fmt, path])
    invoke(["report", name, "--as-of", as_of, "-p", period, path])


@given(as_of=AS_OF, track=st.sampled_from(["core", "innovation"]), example=st.sampled_from(EXAMPLES))
def test_evaluate_never_raises(as_of, track, example):
    invoke(["evaluate", "Something", "--track", track, "--builds", "zero-to-one", "--as-of", as_of, str(example)])


# every report of every example up to the year 9999 takes seconds
@pytest.mark.parametrize("as_of", ["0001-01-01", "0005-12-31", pytest.param("9999-12-31", marks=pytest.mark.slow)])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_at_the_ends_of_the_calendar(example, as_of):
    for name in sorted(REPORTS):
        invoke(["report", name, "--as-of", as_of, str(example)])
    invoke(["check", "--as-of", as_of, str(example)])
