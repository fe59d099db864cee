"""Output that fits a terminal and colours as people expect: --width, $COLUMNS,
--color, NO_COLOR and TERM=dumb, for every report, evaluate and check on every
example; the table layout of render/fit.py; csv one table at a time; the
format picked from -o's extension.
"""

import csv
import io
import os
import pty
import re
import select
import subprocess

import pytest
from conftest import COMMAND, EXAMPLES, JANE, ROOT, ok, run

from careerledger import reports as R
from careerledger.loader import load
from careerledger.metrics.evaluate import opportunity_names
from careerledger.render import fit
from careerledger.render.problems import problems_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")
AS_OF = "2026-12-01"
WIDTHS = (60, 80, 120)


def widest(text):
    return max((fit.cells(line) for line in text.splitlines()), default=0)


def _commands():
    """Every report, check and each opportunity's evaluate, on every example."""
    out = []
    for path in EXAMPLES:
        rel = str(path.relative_to(ROOT))
        out += [("report", name, rel) for name in R.REPORTS]
        out += [("report", "review", "--for", "me", rel), ("report", "landing", "--all", rel)]
        out.append(("check", rel))
        for name in opportunity_names(load(path).entries):
            out.append(("evaluate", name, rel))
        names = opportunity_names(load(path).entries)
        if len(names) > 1:
            out.append(("evaluate", *names, rel))
    return out


COMMANDS = _commands()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_line_is_wider_than_the_width(args, width, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(*args, "--as-of", AS_OF, "--width", width, "--format", "text")
    assert result.exit_code in (0, 1), result.output  # check exits 1 on errors, never a usage error
    assert result.stdout.strip() or args[0] == "check"  # a ledger with no problem: check prints nothing
    assert widest(result.stdout) <= width, "\n" + result.stdout


def test_columns_sets_the_width_and_width_wins_over_it(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    narrow = ok(run("report", "northstar", JANE, "--as-of", AS_OF))
    assert 50 < widest(narrow) <= 60
    wide = ok(run("report", "northstar", JANE, "--as-of", AS_OF, "--width", "200"))
    assert widest(wide) > 120
    monkeypatch.delenv("COLUMNS")
    assert widest(ok(run("report", "northstar", JANE, "--as-of", AS_OF))) <= 80  # not a terminal: 80


def test_terminal_width_order(monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    assert fit.terminal_width(70) == 70
    assert fit.terminal_width(None) == 90
    monkeypatch.setenv("COLUMNS", "wide")  # nonsense is ignored
    assert fit.terminal_width(None, isatty=False) == 80
    monkeypatch.setenv("COLUMNS", "5")
    assert fit.terminal_width(None) == fit.MIN_WIDTH


def test_a_long_list_wraps_under_its_label_between_items():
    out = ok(run("report", "northstar", JANE, "--as-of", AS_OF, "--width", "80"))
    at = out.index("  below mastered   ")
    assert out[at:].splitlines()[:2] == [
        "  below mastered   zero-to-one (proficient), exec-communication (proficient),",
        "                   team-leadership (proficient), credit (proficient)",
    ]


def test_a_table_too_wide_wraps_its_cells_then_turns_into_blocks():
    cols = [fit.Col("date"), fit.Col("feedback")]
    rows = [["2020-07-10", "In exec reviews you answer questions nobody asked"]]
    assert fit.table(cols, rows, 40) == [
        "date        feedback",
        "----------  ----------------------------",
        "2020-07-10  In exec reviews you answer",
        "            questions nobody asked",
    ]
    assert fit.table(cols, rows, 20) == [  # one space apart, they still fit
        "date       feedback",
        "---------- ---------",
        "2020-07-10 In exec",
        "           reviews",
        "           you",
        "           answer",
        "           questions",
        "           nobody",
        "           asked",
    ]
    assert fit.table(cols, [*rows, ["2021-01-01", "Fine"]], 19) == [  # they cannot: a block per row
        "date:",
        "  2020-07-10",
        "feedback:",
        "  In exec reviews",
        "  you answer",
        "  questions nobody",
        "  asked",
        "",
        "date:",
        "  2021-01-01",
        "feedback:",
        "  Fine",
    ]


def test_a_table_that_fits_is_laid_out_as_tabulate_does():
    from tabulate import tabulate

    rows = [["a", "bbbb", ""], ["cc", "d", "x y"]]
    expected = tabulate(rows, headers=["h1", "header2", "z"], tablefmt="simple", disable_numparse=True)
    assert "\n".join(fit.table([fit.Col("h1"), fit.Col("header2"), fit.Col("z")], rows, 80)) == expected
    plain = tabulate(rows, tablefmt="plain", disable_numparse=True)
    assert "\n".join(fit.table([fit.Col(None)] * 3, rows, 80)) == plain


def test_wide_characters_take_two_cells():
    assert fit.cells("日本") == 4
    assert fit.cells("é") == 1
    assert fit.cells("e\u0301") == 1
    lines = fit.wrap("日本語 の テキスト です " * 5, 20)
    assert all(fit.cells(line) <= 20 for line in lines)


def test_check_cuts_a_long_source_line_around_the_caret(tmp_path):
    path = tmp_path / "long.career"
    path.write_text('2024-01-01 note "' + "x" * 300 + '" bogus\n', encoding="utf-8")
    result = run("check", path, "--width", "60")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    excerpt = next(line for line in lines if line.startswith(" 1 | "))
    caret = lines[lines.index(excerpt) + 1]
    assert excerpt.startswith(" 1 | …")
    assert len(excerpt) <= 60
    # the caret sits under the column the problem names
    col = int(lines[0].split(":")[2])
    line = path.read_text(encoding="utf-8")
    assert excerpt[caret.index("^")] == line[col - 1]


def test_check_wraps_messages_and_hints_but_keeps_the_place_and_code_whole():
    from careerledger.core.entries import Loc
    from careerledger.core.problems import Problem

    p = Problem(Loc("a.career", 3, 1), "E104", "unknown keyword 'x' " + "and more words " * 8,
                "expected one of: " + ", ".join(f"kind{i}" for i in range(20)))
    out = problems_text([p], {"a.career": "\n\nx y\n"}, 40)
    assert widest(out) <= 40
    assert out.startswith("a.career:3:1: E104 unknown keyword 'x'")
    assert "\n    and more words" in out  # the message goes on, indented
    assert "\n  hint: expected one of:" in out
    assert "\n        kind" in out


def test_concise_is_one_line_a_problem_never_wrapped(tmp_path):
    path = tmp_path / "a.career"
    path.write_text('2024-01-01 rol "x"\n2024-01-02 bogus "y"\n', encoding="utf-8")
    result = run("check", path, "--format", "concise", "--width", "20")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:1:12: E104 unknown keyword 'rol'",
        f"{path}:2:12: E104 unknown keyword 'bogus'",
    ]


# --- colour -----------------------------------------------------------------------------------


def test_color_always_colours_and_never_does_not(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    path = tmp_path / "a.career"
    path.write_text('2024-01-01 rol "x"\n', encoding="utf-8")
    coloured = run("check", path, "--color", "always").stdout
    assert "\x1b[31m\x1b[1mE104\x1b[0m" in coloured  # an error's code red and bold
    assert "\x1b[31m\x1b[1m^^^\x1b[0m" in coloured  # and its caret
    assert ANSI.sub("", coloured) == run("check", path, "--color", "never").stdout
    assert not ANSI.search(run("check", path).stdout)  # auto, and not a terminal


def test_no_color_and_dumb_terminals_switch_it_off_unless_always(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert not fit.use_color("auto", isatty=True)
    assert fit.use_color("always", isatty=False)
    monkeypatch.setenv("NO_COLOR", "")  # set but empty: no effect
    assert fit.use_color("auto", isatty=True)
    monkeypatch.setenv("TERM", "dumb")
    assert not fit.use_color("auto", isatty=True)
    monkeypatch.delenv("TERM")
    assert not fit.use_color("auto", isatty=False)
    assert not fit.use_color("never", isatty=True)


def test_reports_colour_headings_kept_and_missed_and_evaluate_its_reasons(monkeypatch):
    monkeypatch.chdir(ROOT)
    cadence = ok(run("report", "cadence", "examples/jane.career", "--as-of", AS_OF, "--color", "always"))
    assert "\x1b[1mCadence: Jane Doe, as of 2026-12-01\x1b[0m" in cadence  # the title bold
    assert "\x1b[32m■■■\x1b[0m\x1b[31m□\x1b[0m\x1b[32m■■■■\x1b[0m" in cadence  # kept green, missed red
    ev = ok(run("evaluate", "AI Shopping Assistant", "examples/evaluating-a-role-change.career", "--color", "always"))
    assert "\x1b[32m+2 of 2\x1b[0m" in ev
    assert "\x1b[31m-2 of 2\x1b[0m" in ev


def _on_a_terminal(*args, env=None, columns=70):
    """The installed command's output on a real pseudo-terminal `columns` wide."""
    leader, follower = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "TERM")}
    environ.update(env or {})
    proc = subprocess.Popen([str(COMMAND), *map(str, args)], stdout=follower, stderr=follower, env=environ)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the other end closed: the command is done
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_on_a_terminal_colour_is_on_and_the_width_is_the_terminal_s():
    out = _on_a_terminal("report", "northstar", JANE, "--as-of", AS_OF, env={"TERM": "xterm"})
    assert ANSI.search(out)
    assert widest(ANSI.sub("", out)) <= 70
    assert not ANSI.search(_on_a_terminal("report", "northstar", JANE, "--as-of", AS_OF,
                                          env={"TERM": "xterm", "NO_COLOR": "1"}))
    assert not ANSI.search(_on_a_terminal("report", "northstar", JANE, "--as-of", AS_OF, env={"TERM": "dumb"}))


# --- csv and formats by name --------------------------------------------------------------------


def test_csv_of_a_report_with_several_tables_needs_a_section(tmp_path):
    result = run("report", "cadence", JANE, "--format", "csv", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "pick one with --section (contracts, periods, updates, months, unwritten)" in result.stderr
    out = ok(run("report", "cadence", JANE, "--format", "csv", "--section", "periods", "--as-of", AS_OF))
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:6] == ["contract", "period", "from", "to", "updates", "kept"]
    assert all(len(row) == len(table[0]) for row in table)


def test_csv_into_a_folder_writes_one_file_per_section(tmp_path):
    folder = tmp_path / "sheets"
    out = ok(run("report", "home", JANE, "--format", "csv", "-o", f"{folder}/", "--as-of", AS_OF))
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["home-checkins.csv", "home-history.csv", "home-last.csv", "home-trend.csv"]
    assert out.splitlines() == [str(folder / f"home-{k}.csv") for k in ("history", "trend", "last", "checkins")]
    trend = list(csv.reader(io.StringIO((folder / "home-trend.csv").read_text(encoding="utf-8"))))
    assert trend[0] == ["field", "value"]
    assert ["trend", "flat"] in trend


def test_an_unknown_section_lists_the_report_s_sections():
    result = run("report", "home", JANE, "--section", "nope")
    assert result.exit_code == 2
    assert "its sections: history, trend, last, checkins" in result.stderr


def test_section_works_with_every_format():
    text = ok(run("report", "home", JANE, "--section", "trend", "--as-of", AS_OF))
    assert "Trend over the last 4 check-ins" in text
    assert "History" not in text


@pytest.mark.parametrize(("name", "starts"), [
    ("r.md", "# Home: Jane Doe"), ("r.json", "{"), ("r.txt", "Home: Jane Doe"), ("r.html", "<!DOCTYPE html>"),
    ("r.csv", "field,value"), ("r.unknown", "Home: Jane Doe"),
])
def test_the_format_comes_from_the_output_s_extension(tmp_path, name, starts):
    target = tmp_path / name
    section = ("--section", "trend") if name.endswith(".csv") else ()
    assert ok(run("report", "home", JANE, "-o", target, "--as-of", AS_OF, *section)) == ""
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_format_wins_over_the_extension_and_txt_md_are_names(tmp_path):
    target = tmp_path / "r.json"
    ok(run("report", "home", JANE, "-o", target, "--format", "md", "--as-of", AS_OF))
    assert target.read_text(encoding="utf-8").startswith("# Home")
    assert ok(run("report", "home", JANE, "--format", "txt", "--as-of", AS_OF)).startswith("Home: Jane Doe")


def test_a_file_is_never_coloured(tmp_path):
    target = tmp_path / "r.txt"
    ok(run("report", "cadence", JANE, "-o", target, "--color", "always", "--as-of", AS_OF))
    assert not ANSI.search(target.read_text(encoding="utf-8"))
