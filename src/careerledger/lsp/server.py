"""The language server: pygls wiring of analysis.py (docs/lsp.md).

Diagnostics are those of `careerledger check` for the whole ledger: the root
from the client's initializationOptions (`{"root": "career.career", "asOf":
"2026-01-31"}`, or later workspace/didChangeConfiguration), else
$CAREERLEDGER_FILE, else each open file. Open documents are read from the
editor's text, not the disk, and each check reuses the parse of what did not
change (analysis.ParseCache). A failure inside the server is reported as a
diagnostic or a log message, never a crash.
"""

import asyncio
import logging
import os
import traceback
from datetime import date
from typing import Any

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from ..authoring.layout import LayoutError, format_text
from ..core.problems import Problem
from . import analysis

DEBOUNCE = 0.25  # seconds of quiet after a change before the ledger is checked again (`debounce` in ms)
SOURCE = "careerledger"
log = logging.getLogger(__name__)


class CareerServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("careerledger", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Incremental)
        self.root: str | None = None
        self.as_of: date | None = None
        self.default_root: str | None = None  # --root, used when the client's options name none
        self.default_as_of: date | None = None  # --as-of, likewise
        self.base: str | None = None  # the workspace folder, which a relative root is relative to
        self.debounce = DEBOUNCE
        self.checked: list[analysis.Checked] = []
        self.cache = analysis.ParseCache()  # the files of self.checked, parsed
        self.published: set[str] = set()  # uris with diagnostics published
        self.pending: asyncio.Task[None] | None = None
        self.stale = True  # the documents changed since self.checked was computed

    # --- configuration ---------------------------------------------------

    def configure(self, options: Any) -> None:
        """Apply the client's settings (initializationOptions, or the settings
        of didChangeConfiguration): a key that is missing or empty falls back
        to the command line's default, so that clearing a setting undoes it."""
        options = options if isinstance(options, dict) else {}
        root = options.get("root") or self.default_root or os.environ.get("CAREERLEDGER_FILE") or None
        self.root = None
        if isinstance(root, str) and root:
            if root.startswith("file:"):
                root = to_fs_path(root) or root
            self.root = os.path.abspath(os.path.join(self.base or os.getcwd(), os.path.expanduser(root)))
        as_of = options.get("asOf")
        self.as_of = self.default_as_of
        if isinstance(as_of, str) and as_of:
            try:
                self.as_of = date.fromisoformat(as_of)
            except ValueError:
                self.window_log_message(t.LogMessageParams(t.MessageType.Warning, f"asOf: not a date: {as_of!r}"))
        debounce = options.get("debounce")
        self.debounce = DEBOUNCE
        if isinstance(debounce, int | float) and not isinstance(debounce, bool) and 0 <= debounce <= 10_000:
            self.debounce = debounce / 1000

    def today(self) -> date:
        return self.as_of or date.today()

    # --- documents -------------------------------------------------------

    def open_paths(self) -> dict[str, TextDocument]:
        """Open documents with a file path: path -> document."""
        out = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = to_fs_path(uri)
            if path:
                out[os.path.abspath(path)] = doc
        return out

    def uri_of(self, path: str, open_docs: dict[str, str]) -> str:
        """The uri to publish `path`'s diagnostics on: the open document's, if it is open."""
        return open_docs.get(os.path.realpath(path)) or from_fs_path(os.path.abspath(path)) or path

    # --- diagnostics -----------------------------------------------------

    def refresh(self) -> None:
        """Check every ledger the open documents belong to and publish the diagnostics of all their files."""
        docs = self.open_paths()
        overlay = analysis.overlay_of({os.path.realpath(p): d.source for p, d in docs.items()})
        roots = ([self.root] if self.root else []) + list(docs)
        by_uri: dict[str, list[t.Diagnostic]] = {}
        uris = {os.path.realpath(p): d.uri for p, d in docs.items()}
        try:
            self.checked = analysis.check_all(roots, overlay, self.today(), self.cache)
            self.cache.keep(f for one in self.checked for f in one.ledger.files)
        except Exception as e:  # a bug must not take the server (and the editor's checking) down
            log.exception("checking failed")
            self.checked = []
            for p in docs:
                by_uri[uris[os.path.realpath(p)]] = [t.Diagnostic(
                    t.Range(t.Position(0, 0), t.Position(0, 1)),
                    f"careerledger could not check this ledger: {type(e).__name__}: {e}",
                    t.DiagnosticSeverity.Error, source=SOURCE,
                    data={"traceback": traceback.format_exc(limit=5)},
                )]
        self.stale = False
        for one in self.checked:
            lines: dict[str, list[str]] = {}  # split only for the files with a problem
            for f in one.ledger.files:
                by_uri.setdefault(self.uri_of(f, uris), [])
            for problem in one.problems:
                file = problem.loc.file
                if file not in lines:
                    lines[file] = one.ledger.sources.get(file, "").splitlines()
                uri = self.uri_of(file, uris)
                by_uri.setdefault(uri, []).append(self.diagnostic(problem, lines[file]))
        for uri in self.published - set(by_uri):
            self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri, []))
        for uri, diags in by_uri.items():
            version = self.workspace.text_documents[uri].version if uri in self.workspace.text_documents else None
            self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri, diags, version))
        self.published = set(by_uri)

    def diagnostic(self, p: Problem, lines: list[str]) -> t.Diagnostic:
        line = max(p.loc.line - 1, 0)
        col = max(p.loc.col - 1, 0)
        text = lines[line] if line < len(lines) else ""
        start = self.client_col(text, col)
        end = self.client_col(text, col + max(p.length, 1))
        message = p.message if not p.hint else f"{p.message}\nhint: {p.hint}"
        return t.Diagnostic(
            t.Range(t.Position(line, start), t.Position(line, max(end, start + 1))),
            message,
            t.DiagnosticSeverity.Error if p.severity == "error" else t.DiagnosticSeverity.Warning,
            code=p.code, source=SOURCE, data={"name": p.name, "hint": p.hint},
        )

    def client_col(self, text: str, col: int) -> int:
        """A column in characters -> the client's units (UTF-16 unless negotiated otherwise)."""
        codec = self.workspace.position_codec
        col_units = codec.client_num_units(text[:col])
        return int(col_units) + max(col - len(text), 0)  # past the end of the line: as many more units

    def schedule(self) -> None:
        self.stale = True
        if self.pending is not None:
            self.pending.cancel()
        self.pending = asyncio.get_running_loop().create_task(self._later())

    async def _later(self) -> None:
        await asyncio.sleep(self.debounce)
        self.pending = None
        self.refresh()

    def fresh(self) -> None:
        """Bring self.checked up to date before answering a request."""
        if self.stale:
            if self.pending is not None:
                self.pending.cancel()
                self.pending = None
            self.refresh()

    def ledger_of(self, path: str) -> analysis.Checked | None:
        self.fresh()
        return self.last_checked(path)

    def last_checked(self, path: str) -> analysis.Checked | None:
        """The ledger `path` belonged to at the last check, stale or not."""
        return next((c for c in self.checked if c.covers(path)), None)

    def document(self, uri: str) -> tuple[TextDocument, str, list[str]] | None:
        path = to_fs_path(uri)
        if not path:
            return None
        doc = self.workspace.get_text_document(uri)
        try:
            source = doc.source  # a document not open is read from disk
        except (OSError, UnicodeError):
            return None
        return doc, os.path.abspath(path), source.splitlines()

    def checked_document(self, uri: str) -> tuple[TextDocument, str, list[str], analysis.Checked] | None:
        """The open document at `uri` (as document() gives it) and the checked
        ledger it belongs to; None when either is missing."""
        found = self.document(uri)
        if found is None:
            return None
        checked = self.ledger_of(found[1])
        return None if checked is None else (*found, checked)

    def server_col(self, doc: TextDocument, pos: t.Position) -> int:
        return doc.position_codec.position_from_client_units(doc.lines, pos).character


server = CareerServer()


@server.feature(t.INITIALIZE)
def initialize(ls: CareerServer, params: t.InitializeParams) -> None:
    ls.base = to_fs_path(params.root_uri) if params.root_uri else params.root_path
    ls.configure(params.initialization_options)


@server.feature(t.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: CareerServer, params: t.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("careerledger"), dict):
        settings = settings["careerledger"]  # {"careerledger": {...}}, as VS Code sends its section
    ls.configure(settings)
    ls.stale = True
    ls.fresh()  # also clears the diagnostics of the files no ledger holds now


@server.feature(t.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CareerServer, params: t.DidOpenTextDocumentParams) -> None:
    ls.refresh()


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: CareerServer, params: t.DidChangeTextDocumentParams) -> None:
    ls.schedule()


@server.feature(t.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CareerServer, params: t.DidSaveTextDocumentParams) -> None:
    ls.stale = True
    ls.fresh()


@server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CareerServer, params: t.DidCloseTextDocumentParams) -> None:
    ls.refresh()


_KINDS = {
    "keyword": t.CompletionItemKind.Keyword, "key": t.CompletionItemKind.Property,
    "value": t.CompletionItemKind.EnumMember, "tag": t.CompletionItemKind.Constant,
    "name": t.CompletionItemKind.Reference, "option": t.CompletionItemKind.Property,
    "snippet": t.CompletionItemKind.Snippet,
}


@server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["#", '"', ":", " "]))
def completion(ls: CareerServer, params: t.CompletionParams) -> t.CompletionList | None:
    found = ls.document(params.text_document.uri)
    if found is None:
        return None
    doc, path, lines = found
    col = ls.server_col(doc, params.position)
    # The ledger of the last check (stale while one types) and the text as it
    # is now: the names a completion offers rarely change with a keystroke, and
    # checking again would delay every completion by a whole check.
    checked = ls.last_checked(path)
    items = analysis.complete(checked.ledger if checked else None, lines, params.position.line, col, ls.today())
    line_text = lines[params.position.line] if params.position.line < len(lines) else ""
    out = []
    for item in items:
        start = item.start if item.start is not None else col
        rng = t.Range(t.Position(params.position.line, ls.client_col(line_text, start)), params.position)
        out.append(t.CompletionItem(
            item.label, kind=_KINDS[item.kind], detail=item.detail or None,
            text_edit=t.TextEdit(rng, item.insert if item.insert is not None else item.label),
            insert_text_format=t.InsertTextFormat.Snippet if item.snippet else t.InsertTextFormat.PlainText,
        ))
    return t.CompletionList(is_incomplete=False, items=out)


@server.feature(t.TEXT_DOCUMENT_HOVER)
def hover(ls: CareerServer, params: t.HoverParams) -> t.Hover | None:
    found = ls.checked_document(params.text_document.uri)
    if found is None:
        return None
    doc, path, lines, checked = found
    text = analysis.hover(checked.ledger, checked.problems, path, lines, params.position.line,
                          ls.server_col(doc, params.position), ls.today())
    if text is None:
        return None
    return t.Hover(t.MarkupContent(t.MarkupKind.Markdown, text))


@server.feature(t.TEXT_DOCUMENT_DEFINITION)
def definition(ls: CareerServer, params: t.DefinitionParams) -> list[t.Location] | None:
    found = ls.checked_document(params.text_document.uri)
    if found is None:
        return None
    _, path, lines, checked = found
    uris = {os.path.realpath(p): d.uri for p, d in ls.open_paths().items()}
    targets = analysis.definition(checked.ledger, path, lines, params.position.line)
    return [t.Location(ls.uri_of(x.file, uris), t.Range(t.Position(x.line, 0), t.Position(x.line, 0)))
            for x in targets] or None


_SYMBOLS = {"heading": t.SymbolKind.Namespace, "entry": t.SymbolKind.Event, "include": t.SymbolKind.File}


@server.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def symbols(ls: CareerServer, params: t.DocumentSymbolParams) -> list[t.DocumentSymbol]:
    found = ls.document(params.text_document.uri)
    if found is None:
        return []
    doc, path, lines = found

    def convert(s: analysis.Symbol) -> t.DocumentSymbol:
        end_text = lines[s.end] if s.end < len(lines) else ""
        rng = t.Range(t.Position(s.start, 0), t.Position(s.end, ls.client_col(end_text, len(end_text))))
        first = lines[s.start] if s.start < len(lines) else ""
        sel = t.Range(t.Position(s.start, 0), t.Position(s.start, ls.client_col(first, len(first))))
        return t.DocumentSymbol(s.name, _SYMBOLS[s.kind], rng, sel, detail=s.detail or None,
                                children=[convert(c) for c in s.children] or None)

    return [convert(s) for s in analysis.outline(doc.source, path)]


@server.feature(t.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: CareerServer, params: t.DocumentFormattingParams) -> list[t.TextEdit] | None:
    found = ls.document(params.text_document.uri)
    if found is None:
        return None
    doc, path, _ = found
    text = doc.source
    try:
        new = format_text(text, path)
    except LayoutError:
        return None  # a text with syntax errors is left as it is; the diagnostics say why
    if new == text:
        return []
    lines = doc.lines
    if not lines:
        end = t.Position(0, 0)
    elif text.endswith("\n"):
        end = t.Position(len(lines), 0)
    else:
        end = t.Position(len(lines) - 1, ls.client_col(lines[-1], len(lines[-1])))
    return [t.TextEdit(t.Range(t.Position(0, 0), end), new)]


@server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]))
def code_actions(ls: CareerServer, params: t.CodeActionParams) -> list[t.CodeAction] | None:
    found = ls.checked_document(params.text_document.uri)
    if found is None:
        return None
    _, path, lines, checked = found
    real = os.path.realpath(path)
    first, last = params.range.start.line + 1, params.range.end.line + 1
    out = []
    for p in checked.problems:
        if not (first <= p.loc.line <= last and os.path.realpath(p.loc.file) == real):
            continue
        for fix in analysis.quick_fixes(p, lines):
            text = lines[fix.line]
            rng = t.Range(t.Position(fix.line, ls.client_col(text, fix.start)),
                          t.Position(fix.line, ls.client_col(text, fix.end)))
            diag = ls.diagnostic(p, lines)
            out.append(t.CodeAction(
                fix.title, kind=t.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=True,
                edit=t.WorkspaceEdit(changes={params.text_document.uri: [t.TextEdit(rng, fix.text)]}),
            ))
    return out or None


def main(root: str | None = None, as_of: date | None = None) -> None:
    """Serve on standard input/output until the client exits; `root` and
    `as_of` are used when the client's initializationOptions do not say."""
    logging.basicConfig(level=logging.WARNING)
    server.default_root = os.path.abspath(root) if root else None
    server.default_as_of = server.as_of = as_of
    server.start_io()
