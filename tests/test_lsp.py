"""`careerledger lsp`, end to end: a real LSP client (pytest-lsp) talks to the
server over stdio. pygls and pytest-lsp are in the test extra: without them
these tests fail (they are not skipped)."""

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lsprotocol import types as t
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from careerledger.checks import pitfalls
from careerledger.cli.lsp import lsp
from careerledger.loader import load

AS_OF = "2026-12-01"
BROKEN = """\
* Roles

2021-03-01 role "Senior PM, Checkout" at "Acme" #payments
  track: core
  phase: impact
  colour: blue

2021-04 north-star "CPO at a mid-stage startup"
  needs: #zero-to-one

2022-06-15 bet "Instant refunds"
  size: small
  in: "Senior PM, Checkout"
2023-01-10 outcome "Instant refundz" success
2023-02-01 rol "X"
"""
SMALL = """\
option "owner" "Jane Doe"

* Roles

2021-03-01 role "Senior PM, Checkout" at "Acme" #payments
  track: core
  phase: impact
  why: "Closer to the money"

2021-04 north-star "CPO at a mid-stage startup"   ; YYYY-MM
  needs: #zero-to-one #exec-communication

* Bets

2022-06-15 bet "Instant refunds"
  size: small
  in: "Senior PM, Checkout"
2023-01-10 outcome "Instant refunds" success
2024-02-01 bet "Checkout v2"
  in: "Senior PM, Checkout"
2024-03-01 skill #zero-to-one proficient
2024-05-01 opportunity "Head of Payments at Beta"
2024-05-20 decision "Head of Payments at Beta" decline
2024-06-01 contract "Monthly update to the VP"
  every: month
"""


def uri(path: Path) -> str:
    u = from_fs_path(str(path))
    assert u is not None
    return u


@contextlib.asynccontextmanager
async def session(tmp_path: Path, options: dict[str, Any] | None = None, env: dict[str, str] | None = None,
                  args: tuple[str, ...] = ()) -> AsyncIterator[LanguageClient]:
    """A client connected to `python -m careerledger.lsp ARGS`, initialized with `options`."""
    server_env = {k: v for k, v in os.environ.items() if k != "CAREERLEDGER_FILE"} | (env or {})
    config = ClientServerConfig([sys.executable, "-m", "careerledger.lsp", *args], server_env=server_env)
    client = await config.start()
    try:
        await client.initialize_session(t.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=uri(tmp_path),
            initialization_options={"asOf": AS_OF, **(options or {})},
        ))
        yield client
        await asyncio.wait_for(client.shutdown_session(), 10)
    except BaseException:
        server = client._server  # a failed test must not wait for a server that will not exit
        if server is not None and server.returncode is None:
            server.kill()
        raise
    finally:
        await client.stop()


async def diagnostics(client: LanguageClient, doc_uri: str,
                      ok: Callable[[list[t.Diagnostic]], bool] = lambda d: True,
                      timeout: float = 15) -> list[t.Diagnostic]:
    """The diagnostics published for `doc_uri`, once `ok` accepts them."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        if doc_uri in client.diagnostics and ok(list(client.diagnostics[doc_uri])):
            return list(client.diagnostics[doc_uri])
        left = deadline - asyncio.get_running_loop().time()
        assert left > 0, f"no diagnostics for {doc_uri}: {client.diagnostics}"
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(client.wait_for_notification("textDocument/publishDiagnostics"), left)


def open_doc(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    doc_uri = uri(path)
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        t.TextDocumentItem(doc_uri, "career", version, path.read_text() if text is None else text)))
    return doc_uri


def expected(path: Path) -> list[tuple[str, int, int, int, str]]:
    """What `check` reports: (code, 0-based line, 0-based column, length, severity)."""
    ledger = load(path)
    problems = [*ledger.problems, *pitfalls.warnings(ledger, date.fromisoformat(AS_OF))]
    return sorted((p.code, p.loc.line - 1, p.loc.col - 1, p.length, p.severity) for p in problems)


def seen(diags: list[t.Diagnostic]) -> list[tuple[str, int, int, int, str]]:
    return sorted((
        str(d.code), d.range.start.line, d.range.start.character, d.range.end.character - d.range.start.character,
        "error" if d.severity == t.DiagnosticSeverity.Error else "warning",
    ) for d in diags)


def position(text: str, marker: str, offset: int | None = None) -> t.Position:
    """The position just after `marker` (or `offset` characters into it) in `text`."""
    i = text.index(marker) + (len(marker) if offset is None else offset)
    line = text.count("\n", 0, i)
    return t.Position(line, i - (text.rfind("\n", 0, i) + 1))


def labels(result: t.CompletionList | list[t.CompletionItem] | None) -> list[str]:
    assert result is not None
    items = result.items if isinstance(result, t.CompletionList) else result
    return [i.label for i in items]


def test_cli_command_help() -> None:
    result = CliRunner().invoke(lsp, ["--help"])
    assert result.exit_code == 0
    assert "language server" in result.output
    assert "careerledger[lsp]" in result.output


def test_the_cli_does_not_import_the_server() -> None:
    import subprocess

    code = "import sys, careerledger.cli.lsp; print(sorted(m for m in ('pygls', 'lsprotocol') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_without_the_extra_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a))
    result = CliRunner().invoke(lsp, [])
    assert result.exit_code == 1
    assert "pip install 'careerledger[lsp]'" in result.output


@pytest.mark.asyncio
async def test_save_and_close(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(BROKEN)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc, lambda d: any(x.code == "E104" for x in d))
        path.write_text(SMALL)
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=2, uri=doc), [t.TextDocumentContentChangeWholeDocument(SMALL)]))
        client.text_document_did_save(t.DidSaveTextDocumentParams(t.TextDocumentIdentifier(doc)))
        await diagnostics(client, doc, lambda d: not any(x.code.startswith("E") for x in d if isinstance(x.code, str)))
        client.text_document_did_close(t.DidCloseTextDocumentParams(t.TextDocumentIdentifier(doc)))
        assert await diagnostics(client, doc, lambda d: d == []) == []  # a closed file's diagnostics are cleared


@pytest.mark.asyncio
async def test_diagnostics_are_those_of_check(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(BROKEN)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        diags = await diagnostics(client, doc)
        assert seen(diags) == expected(path)
        codes = {str(d.code) for d in diags}
        assert {"E203", "E401", "E104", "W211"} <= codes
        e104 = next(d for d in diags if d.code == "E104")
        assert e104.range == t.Range(t.Position(14, 11), t.Position(14, 14))
        assert e104.severity == t.DiagnosticSeverity.Error
        assert "unknown keyword 'rol'" in e104.message
        assert "did you mean 'role'?" in e104.message
        assert e104.source == "careerledger"
        w211 = next(d for d in diags if d.code == "W211")
        assert w211.severity == t.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_change_updates_the_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(BROKEN)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc, lambda d: any(x.code == "E104" for x in d))
        fixed = BROKEN.replace(' rol "X"', ' note "X"')
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=2, uri=doc),
            [t.TextDocumentContentChangeWholeDocument(fixed)],
        ))
        diags = await diagnostics(client, doc, lambda d: not any(x.code == "E104" for x in d))
        assert "E401" in {str(d.code) for d in diags}  # the disk still has the typo; the buffer is checked
        # an incremental change: fix the outcome's typo (z -> s)
        at = position(fixed, 'outcome "Instant refundz', 23)
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=3, uri=doc),
            [t.TextDocumentContentChangePartial(t.Range(at, t.Position(at.line, at.character + 1)), "s")],
        ))
        diags = await diagnostics(client, doc, lambda d: not any(x.code == "E401" for x in d))
        assert "E203" in {str(d.code) for d in diags}


@pytest.mark.asyncio
async def test_included_file_is_checked_within_its_root(tmp_path: Path) -> None:
    root = tmp_path / "career.career"
    part = tmp_path / "2023.career"
    root.write_text('include "2023.career"\n\n2021-03-01 role "PM" at "Acme"\n  track: core\n  phase: impact\n'
                    '  why: "x"\n2022-01-01 north-star "CPO"\n  by: 2030-01-01\n2022-02-01 bet "Refunds"\n'
                    '  size: small\n2026-11-20 home 4\n')
    part.write_text('2023-01-10 outcome "Refunds" success\n2023-02-01 outcome "Nothing" success\n')
    async with session(tmp_path, {"root": "career.career"}) as client:
        doc = open_doc(client, part)
        diags = await diagnostics(client, doc)
        # "Refunds" is a bet of the root: only the second outcome names no bet
        assert [(str(d.code), d.range.start.line) for d in diags] == [("E401", 1)]
        assert uri(root) in client.diagnostics  # the root's own diagnostics are published for it


@pytest.mark.asyncio
async def test_root_from_the_environment(tmp_path: Path) -> None:
    root = tmp_path / "career.career"
    part = tmp_path / "bets.career"
    root.write_text('include "bets.career"\n2022-02-01 bet "Refunds"\n  size: small\n')
    part.write_text('2023-01-10 outcome "Refunds" success\n')
    async with session(tmp_path, env={"CAREERLEDGER_FILE": str(root)}) as client:
        doc = open_doc(client, part)
        diags = await diagnostics(client, doc)
        assert "E401" not in {str(d.code) for d in diags}


@pytest.mark.asyncio
async def test_root_and_as_of_from_the_command_line(tmp_path: Path) -> None:
    root = tmp_path / "career.career"
    part = tmp_path / "bets.career"
    root.write_text('include "bets.career"\n2022-02-01 bet "Refunds"\n  size: small\n'
                    '2021-01-01 north-star "CPO"\n  by: 2026-06-01\n')
    part.write_text('2023-01-10 outcome "Refunds" success\n')
    async with session(tmp_path, {"asOf": ""}, args=("--root", str(root), "--as-of", "2026-01-01", "--stdio")) as client:
        doc = open_doc(client, part)
        assert await diagnostics(client, doc) == []
        # as of 2026-01-01 the north star's horizon (2026-06-01) has not passed: no W211
        assert "W211" not in {str(d.code) for d in await diagnostics(client, uri(root))}


@pytest.mark.asyncio
async def test_open_file_alone_when_no_root(tmp_path: Path) -> None:
    part = tmp_path / "bets.career"
    part.write_text('2023-01-10 outcome "Refunds" success\n')
    async with session(tmp_path) as client:
        doc = open_doc(client, part)
        diags = await diagnostics(client, doc)
        assert [str(d.code) for d in diags] == ["E401"]


@pytest.mark.asyncio
async def test_non_utf8_document(tmp_path: Path) -> None:
    path = tmp_path / "binary.career"
    data = b'2021-03-01 note "caf\xe9"\n\x00\xff\xfe binary\n'
    path.write_bytes(data)
    async with session(tmp_path) as client:
        # an editor that decoded it with U+FFFD for each bad byte
        doc = open_doc(client, path, data.decode("utf-8", "replace"))
        diags = await diagnostics(client, doc)
        assert "E001" in {str(d.code) for d in diags}
        # an editor that kept the bytes as lone surrogates
        other = tmp_path / "unsaved.career"
        doc2 = open_doc(client, other, data.decode("utf-8", "surrogateescape"))
        diags2 = await diagnostics(client, doc2)
        assert "E001" in {str(d.code) for d in diags2}
        hover = await client.text_document_hover_async(t.HoverParams(
            t.TextDocumentIdentifier(doc2), t.Position(0, 3)))
        assert hover is None or isinstance(hover, t.Hover)  # it answers


@pytest.mark.asyncio
async def test_completion(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(SMALL)
    extra = ('2024-07-01 ro\n2024-07-02 role "Lead" at "Acme"\n  track: core\n  \n  phase: \n'
             '2024-08-01 outcome "\n2024-08-02 decision "\n2024-08-03 leave "\n2024-08-04 update "x" #\n'
             '  for: "\noption "\n\n')
    text = SMALL + extra

    async def at(pos: t.Position) -> list[str]:
        return labels(await client.text_document_completion_async(
            t.CompletionParams(t.TextDocumentIdentifier(doc), pos)))

    async with session(tmp_path) as client:
        doc = open_doc(client, path, text)
        lines = text.split("\n")

        def line_end(prefix: str) -> t.Position:
            n = lines.index(prefix)
            return t.Position(n, len(prefix))

        assert {"role", "bet", "outcome", "north-star"} <= set(await at(line_end("2024-07-01 ro")))
        keys = await at(line_end("  "))
        assert "why" in keys
        assert "scale" in keys
        assert "track" not in keys
        assert "phase" not in keys
        assert set(await at(line_end("  phase: "))) == {"learning", "impact"}
        assert await at(line_end('2024-08-01 outcome "')) == ["Checkout v2"]  # the open bet only
        assert await at(line_end('2024-08-02 decision "')) == ["Head of Payments at Beta"]
        # the new main role "Lead" ended "Senior PM, Checkout": the current role is "Lead"
        assert await at(line_end('2024-08-03 leave "')) == ["Lead"]
        assert {"#payments", "#zero-to-one", "#exec-communication"} <= set(
            await at(line_end('2024-08-04 update "x" #')))
        assert await at(line_end('  for: "')) == ["Monthly update to the VP"]
        assert "owner" in await at(line_end('option "'))
        snippet = await client.text_document_completion_async(
            t.CompletionParams(t.TextDocumentIdentifier(doc), t.Position(len(lines) - 2, 0)))
        assert isinstance(snippet, t.CompletionList)
        assert snippet.items[0].insert_text_format == t.InsertTextFormat.Snippet
        assert snippet.items[0].label == AS_OF
        # the edit of a name completes the string and closes its quote
        result = await client.text_document_completion_async(
            t.CompletionParams(t.TextDocumentIdentifier(doc), line_end('2024-08-01 outcome "')))
        assert isinstance(result, t.CompletionList)
        edit = result.items[0].text_edit
        assert isinstance(edit, t.TextEdit)
        assert edit.new_text == 'Checkout v2"'


@pytest.mark.asyncio
async def test_hover(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(SMALL)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)

        async def hover(marker: str, offset: int = 0) -> str:
            result = await client.text_document_hover_async(t.HoverParams(
                t.TextDocumentIdentifier(doc), position(SMALL, marker, offset)))
            assert result is not None
            assert isinstance(result.contents, t.MarkupContent)
            return result.contents.value

        role = await hover('role "Senior PM', 2)
        assert "5 years 9 months" in role
        assert "impact" in role
        assert "core" in role
        assert "open for" in await hover('bet "Checkout v2"', 2)
        assert "success" in await hover('bet "Instant refunds"', 2)
        tag = await hover("#zero-to-one #exec", 3)
        assert "proficient since 2024-03-01" in tag
        assert "needs" in tag
        assert "does not need" in await hover("#payments", 2)
        # W211 (the north star's horizon has passed) is on the north star's line: its advice
        assert "revise your north star" in await hover("north-star", 2)


@pytest.mark.asyncio
async def test_definition(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    part = tmp_path / "more.career"
    part.write_text('2024-09-01 leave "Senior PM, Checkout"\n')
    text = SMALL + 'include "more.career"\n2024-07-01 update "July"\n  for: "Monthly update to the VP"\n'
    path.write_text(text)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)

        async def where(doc_uri: str, pos: t.Position) -> list[tuple[str, int]]:
            result = await client.text_document_definition_async(t.DefinitionParams(
                t.TextDocumentIdentifier(doc_uri), pos))
            assert isinstance(result, list)
            return [(loc.uri, loc.range.start.line) for loc in result if isinstance(loc, t.Location)]

        role_line = position(text, '2021-03-01 role', 0).line
        assert await where(doc, position(text, 'outcome "Instant', 3)) == [
            (doc, position(text, '2022-06-15 bet', 0).line)]
        assert await where(doc, position(text, 'decision "Head', 3)) == [
            (doc, position(text, '2024-05-01 opportunity', 0).line)]
        assert await where(doc, position(text, '  in: "Senior PM, Checkout"\n2023', 3)) == [(doc, role_line)]
        assert await where(doc, position(text, '  for: "Monthly', 3)) == [
            (doc, position(text, '2024-06-01 contract', 0).line)]
        assert await where(doc, position(text, 'include "more', 3)) == [(uri(part), 0)]
        other = open_doc(client, part)
        assert await where(other, t.Position(0, 13)) == [(doc, role_line)]


@pytest.mark.asyncio
async def test_document_symbols(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(SMALL)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        result = await client.text_document_document_symbol_async(
            t.DocumentSymbolParams(t.TextDocumentIdentifier(doc)))
        assert result is not None
        symbols = [s for s in result if isinstance(s, t.DocumentSymbol)]
        assert [s.name for s in symbols] == ["Roles", "Bets"]
        roles, bets = symbols
        assert [c.name for c in roles.children or []] == [
            "role Senior PM, Checkout", "north-star CPO at a mid-stage startup"]
        assert roles.range.start.line == 2
        assert roles.range.end.line == 11
        first = (roles.children or [])[0]
        assert (first.range.start.line, first.range.end.line) == (4, 7)
        assert first.detail == "2021-03-01"
        assert len(bets.children or []) == 7


@pytest.mark.asyncio
async def test_formatting(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    messy = '2021-03-01   role "PM" at "Acme"\n    track: core\n  phase:   impact\n'
    path.write_text(messy)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        options = t.FormattingOptions(tab_size=2, insert_spaces=True)
        edits = await client.text_document_formatting_async(
            t.DocumentFormattingParams(t.TextDocumentIdentifier(doc), options))
        assert edits is not None
        assert len(edits) == 1
        from careerledger.authoring.layout import format_text

        assert edits[0].new_text == format_text(messy)
        assert edits[0].range == t.Range(t.Position(0, 0), t.Position(3, 0))
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=2, uri=doc), [t.TextDocumentContentChangeWholeDocument(edits[0].new_text)]))
        assert await client.text_document_formatting_async(
            t.DocumentFormattingParams(t.TextDocumentIdentifier(doc), options)) in ([], ())  # nothing to change
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=3, uri=doc),
            [t.TextDocumentContentChangeWholeDocument(messy + '2022 rol   "x"\n')]))
        assert await client.text_document_formatting_async(
            t.DocumentFormattingParams(t.TextDocumentIdentifier(doc), options)) is None


@pytest.mark.asyncio
async def test_code_actions(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    text = BROKEN + '2024-01-01 feedback "Too slow to decide"\n  tone: critical\n'
    path.write_text(text)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)

        async def fixes(line: int) -> list[tuple[str, t.TextEdit]]:
            result = await client.text_document_code_action_async(t.CodeActionParams(
                t.TextDocumentIdentifier(doc), t.Range(t.Position(line, 0), t.Position(line, 0)),
                t.CodeActionContext(diagnostics=[])))
            out = []
            for action in result or []:
                assert isinstance(action, t.CodeAction)
                assert action.edit is not None
                assert action.edit.changes is not None
                out += [(action.title, edit) for edit in action.edit.changes[doc] if isinstance(edit, t.TextEdit)]
            return out

        assert await fixes(14) == [("replace with 'role'", t.TextEdit(
            t.Range(t.Position(14, 11), t.Position(14, 14)), "role"))]
        assert await fixes(13) == [('replace with "Instant refunds"', t.TextEdit(
            t.Range(t.Position(13, 20), t.Position(13, 35)), "Instant refunds"))]
        assert await fixes(15) == [("add action:", t.TextEdit(
            t.Range(t.Position(16, 16), t.Position(16, 16)), '\n  action: ""'))]
        assert await fixes(0) == []


@pytest.mark.asyncio
async def test_server_survives_a_malformed_request(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(SMALL)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)
        loop = asyncio.get_running_loop()
        answers = []
        for n, params in enumerate([
            {"bogus": 1},  # not hover's parameters
            {"textDocument": {"uri": "file:///nowhere.career"}, "position": {"line": 99, "character": 0}},
            {"textDocument": {"uri": doc}, "position": {"line": 9999, "character": 9999}},
        ]):
            answer = loop.create_future()
            client.protocol._request_futures[f"bad-{n}"] = answer
            client.protocol._send_data({"jsonrpc": "2.0", "id": f"bad-{n}", "method": "textDocument/hover",
                                        "params": params})
            answers.append(answer)
        with contextlib.suppress(Exception):  # pygls cannot read these parameters: an error, or no answer
            await asyncio.wait_for(answers[0], 2)
        assert await asyncio.wait_for(answers[1], 10) is None  # a document that does not exist
        assert await asyncio.wait_for(answers[2], 10) is None  # a position past the end
        writer = client.protocol.writer
        assert writer is not None
        sent = writer.write(b"Content-Length: 9\r\n\r\n{bad json")  # not JSON at all
        if sent is not None:
            await sent
        # and still works
        result = await client.text_document_document_symbol_async(
            t.DocumentSymbolParams(t.TextDocumentIdentifier(doc)))
        assert result


def test_server_exits_when_the_client_disappears() -> None:
    import json
    import subprocess
    import time

    server = subprocess.Popen([sys.executable, "-m", "careerledger.lsp"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()
        assert server.stdin is not None
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()
        assert server.stdout is not None
        assert server.stdout.readline().startswith(b"Content-Length:")  # it answered
        time.sleep(0.2)
        server.stdin.close()  # the editor is gone: no shutdown, no exit
        assert server.wait(15) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
