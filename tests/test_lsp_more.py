"""`careerledger lsp`, continued, through the real client (pytest-lsp):
re-configuring with workspace/didChangeConfiguration, the `debounce` option,
and the hovers on a contract and on a role's landing, with figures computed
by hand for a small ledger."""

from pathlib import Path

import pytest
from lsprotocol import types as t
from test_lsp import AS_OF, diagnostics, open_doc, position, session, uri

# As of 2026-12-01 (AS_OF). The role began on 2026-10-01 (day 1): today is day
# 62. Its State of the Union was due by day 30 (2026-10-30) and came on
# 2026-10-20; alignment was due by day 60 (2026-11-29) and has not come:
# overdue; a quick win is due by day 90 (2026-12-29), 28 days from today.
#
# The contract asks for one update a month from June. The whole months up to
# today: June 1 (kept), July 2 (kept), August 0 (missed), September 1, October
# 1, November 1 (kept): kept 5, missed 1, a current run of 3, the latest
# period November with 1 update, kept; December is not over. Its `until:`
# is after today: live. The older contract ran out at the end of July.
LANDING = """\
2026-06-01 contract "Monthly update to the VP"
  every: month
  until: 2027-06-30
2026-05-01 contract "Weekly note to the team"
  every: week
  until: 2026-07-31
2026-06-10 update "June"
2026-07-05 update "July, first"
2026-07-20 update "July, second"
2026-09-03 update "September"
2026-10-01 role "Head of Product" at "Beta"
  track: core
  phase: learning
2026-10-15 update "October"
2026-10-20 sotu "Where we are"
2026-11-02 update "November"
"""


async def hover_at(client, doc: str, text: str, marker: str) -> str:
    result = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(doc), position(text, marker, 2)))
    assert result is not None
    assert isinstance(result.contents, t.MarkupContent)
    return result.contents.value


@pytest.mark.asyncio
async def test_hover_on_a_contract(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(LANDING)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)
        text = await hover_at(client, doc, LANDING, 'contract "Monthly')
        assert text.split("\n\n") == [
            "**Monthly update to the VP**: 1 update every month",
            "kept 5, missed 1; current run: 3",
            "latest period: 2026-11, 1 of 1: kept",
            "live, until 2027-06-30",
        ]
        # on its metadata lines too
        assert await hover_at(client, doc, LANDING, "  every: month") == text
        weekly = await hover_at(client, doc, LANDING, 'contract "Weekly')
        assert weekly.split("\n\n")[0] == "**Weekly note to the team**: 1 update every week"
        assert weekly.split("\n\n")[-1] == "ended on 2026-07-31"


@pytest.mark.asyncio
async def test_hover_on_a_role_shows_its_landing(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text(LANDING)
    async with session(tmp_path) as client:
        doc = open_doc(client, path)
        await diagnostics(client, doc)
        text, *warnings = (await hover_at(client, doc, LANDING, 'role "Head')).split("\n\n---\n\n")
        # then the warnings on its line: the overdue step is W206's
        assert [w.split("**")[1] for w in warnings] == ["W206 landing-overdue", "W210 north-star-missing"]
        assert text.split("\n\n")[:3] == ["**Head of Product** at Beta", "held 2 months, current", "track: core"]
        assert text.split("\n\n")[-2:] == [
            "landing (the first 90 days), day 62:",
            "- day 30, State of the Union: done on 2026-10-20\n"
            "- day 60, alignment: overdue since 2026-11-29\n"
            "- day 90, a quick win: due 2026-12-29, in 28 days",
        ]


@pytest.mark.asyncio
async def test_did_change_configuration_sets_the_root_and_the_day(tmp_path: Path) -> None:
    root = tmp_path / "career.career"
    part = tmp_path / "bets.career"
    other = tmp_path / "other.career"
    root.write_text('include "bets.career"\n2022-02-01 bet "Refunds"\n  size: small\n'
                    '2021-01-01 north-star "CPO"\n  by: 2026-06-01\n')
    part.write_text('2023-01-10 outcome "Refunds" success\n')
    other.write_text('2021-01-01 north-star "Other"\n  by: 2026-06-01\n')
    async with session(tmp_path, {"root": "other.career"}) as client:
        doc = open_doc(client, part)
        # alone (the root named does not include it), the outcome closes no bet
        assert [str(d.code) for d in await diagnostics(client, doc)] == ["E401"]
        assert "W211" in {str(d.code) for d in await diagnostics(client, uri(other))}
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(
            {"careerledger": {"root": "career.career", "asOf": AS_OF}}))
        assert await diagnostics(client, doc, lambda d: d == []) == []
        # the old root is in no ledger now: its diagnostics are cleared
        assert await diagnostics(client, uri(other), lambda d: d == []) == []
        assert "W211" in {str(d.code) for d in await diagnostics(client, uri(root))}
        # the settings at the top level, and another day: the horizon (2026-06-01) is ahead
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(
            {"root": str(root), "asOf": "2026-01-01"}))
        assert await diagnostics(client, uri(root), lambda d: not d) == []
        # no root any more: the open file is its own ledger again, and the root is cleared
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams({"careerledger": {}}))
        assert [str(d.code) for d in await diagnostics(client, doc, lambda d: bool(d))] == ["E401"]
        assert await diagnostics(client, uri(root), lambda d: d == []) == []


@pytest.mark.asyncio
async def test_the_debounce_option(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    path.write_text('2024-01-01 note "x"\n')
    async with session(tmp_path, {"debounce": 0}) as client:
        doc = open_doc(client, path)
        assert await diagnostics(client, doc) == []
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=2, uri=doc),
            [t.TextDocumentContentChangeWholeDocument('2024-01-01 nope "x"\n')]))
        diags = await diagnostics(client, doc, lambda d: bool(d))
        assert [str(d.code) for d in diags] == ["E104"]


@pytest.mark.asyncio
async def test_completion_answers_from_the_last_check_and_the_current_text(tmp_path: Path) -> None:
    path = tmp_path / "career.career"
    text = '2024-01-01 bet "Refunds"\n  size: small\n'
    path.write_text(text)
    async with session(tmp_path, {"debounce": 10_000}) as client:  # no re-check while this runs
        doc = open_doc(client, path)
        await diagnostics(client, doc)
        typed = text + '2024-02-01 bet "Payouts"\n2024-03-01 outcome "'
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=2, uri=doc), [t.TextDocumentContentChangeWholeDocument(typed)]))
        result = await client.text_document_completion_async(t.CompletionParams(
            t.TextDocumentIdentifier(doc), t.Position(3, len('2024-03-01 outcome "'))))
        assert isinstance(result, t.CompletionList)
        # the bets of the last check; the context (inside `outcome "`) from the text typed since
        assert [i.label for i in result.items] == ["Refunds"]
        # a request that needs exact lines (a hover) checks again first
        hover = await client.text_document_hover_async(t.HoverParams(
            t.TextDocumentIdentifier(doc), t.Position(2, 12)))
        assert hover is not None
        assert isinstance(hover.contents, t.MarkupContent)
        assert "**Payouts**" in hover.contents.value
