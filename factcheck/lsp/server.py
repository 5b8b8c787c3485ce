"""`factcheck lsp`: the scan as a language server, for writers in their editor.

Diagnostics for Markdown and text documents on open and on change; a hover on a flagged
sentence with the reason and the passage; quick fixes to put in the sources' figure or to
ignore the sentence. Edits come many a second while a writer types: each schedules a run after
a pause, a newer edit cancels the older run, and runs happen on a worker thread, so that the
editor's requests are answered while a long draft is being checked.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from ..drafts.discover import MARKDOWN_SUFFIXES
from ..drafts.fixes import figure_fixes
from ..drafts.scan import Finding
from ..engine.verdicts import Verdict
from .document import Memo, Run, check_document, sentence_at
from .edits import Edit, figure_edit, ignore_edit, sentence_span
from .messages import diagnostic_message, hover_text
from .positions import UTF8, UTF16, UTF32, Lines, Point
from .project import Project, ProjectError, Projects, ServerOptions, watched_globs

# A typist's pause between words is shorter than this, a pause to read longer: one run per
# pause, not one per keystroke. Opening a document, or a change to the claims file, runs at once.
DEBOUNCE_SECONDS = 0.2
SOURCE = "factcheck"
LANGUAGES = {"markdown": True, "plaintext": False, "text": False}  # languageId: read as Markdown
# by the encoding agreed with the client: the workspace's, None where none was (then UTF-16, LSP's default)
_ENCODINGS: dict[str | None, str] = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf16: UTF16,
                                     types.PositionEncodingKind.Utf32: UTF32}
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


@dataclass
class Document:
    """What the server keeps of an open document: its scheduled run, its last finished one."""

    uri: str
    markdown: bool
    text: str
    version: int | None
    memo: Memo = field(default_factory=Memo)
    task: asyncio.Task | None = None
    stop: threading.Event | None = None
    checked: Run | None = None
    project: Project | None = None
    error: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What a run on the worker thread hands back: the run (None: cancelled, or nothing to
    show), the project it used, and what to tell the writer."""

    checked: Run | None
    project: Project | None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, but a change reaches the server's handler before pygls's own copy of the
    document: pygls clamps each change's range, in place, to its own lines (see apply_change)."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None
        for change in params.content_changes:
            self.workspace.update_text_document(params.text_document, change)


class FactcheckServer(LanguageServer):
    """The pygls server with factcheck's state: projects, open documents, one worker thread."""

    def __init__(self, options: ServerOptions, version: str):
        super().__init__("factcheck", version, types.TextDocumentSyncKind.Incremental, protocol_cls=_Protocol)
        self.options = options
        self.projects = Projects(options)
        self.documents: dict[str, Document] = {}
        self.shut_down = False  # the editor asked first: exiting is then a success (LSP's rule)
        # one thread: runs never overlap, and a cancelled run ends at its next sentence
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")

    @property
    def encoding(self) -> str:
        return _ENCODINGS.get(self.workspace.position_encoding, UTF16)

    def schedule(self, uri: str, delay: float) -> None:
        """Run the document's check after `delay`, cancelling the one scheduled or running."""
        document = self.documents.get(uri)
        if document is None:
            return
        cancel(document)
        document.task = asyncio.get_running_loop().create_task(self.run(document, delay))

    async def run(self, document: Document, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        version, text = document.version, document.text
        stop = document.stop = threading.Event()
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(
                self.worker, self.check, document, text, version, stop)
        except asyncio.CancelledError:
            stop.set()
            raise
        except Exception as exc:  # noqa: BLE001 - a bug in a run must not stop the server
            self.window_log_message(types.LogMessageParams(
                types.MessageType.Error, f"factcheck: internal error: {type(exc).__name__}: {exc}"))
            return
        for warning in outcome.warnings:
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"factcheck: {warning}"))
        if outcome.error is not None:
            self.report(document, outcome.error)
        else:
            document.error = None
        if outcome.checked is None or stop.is_set():
            return
        document.checked, document.project = outcome.checked, outcome.project
        self.publish(document)

    def check(self, document: Document, text: str, version: int | None, stop: threading.Event) -> Outcome:
        """On the worker thread: the project (loaded again if its files changed) and the run.
        Nothing is sent from here: messages go out from the event loop, one at a time."""
        path = to_fs_path(document.uri)
        folder = Path(path).parent if path else Path.cwd()
        try:
            project, warnings = self.projects.for_folder(folder)
        except ProjectError as exc:
            return Outcome(Run(version, text, document.markdown, (), (), 0), None, str(exc))
        checked = check_document(project.scan, path or document.uri, text, document.markdown, document.memo,
                                 stop.is_set, version)
        return Outcome(checked, project, None, warnings)

    def report(self, document: Document, message: str) -> None:
        """A problem with the claims file or settings: shown once, not at every keystroke."""
        if document.error != message:
            document.error = message
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"factcheck: {message}"))

    def publish(self, document: Document) -> None:
        checked, project = document.checked, document.project
        diagnostics = []
        if checked is not None and project is not None and checked.findings:
            lines = Lines(checked.text, self.encoding)
            diagnostics = [self.diagnostic(project, lines, f) for f in checked.findings]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, diagnostics=diagnostics, version=checked.version if checked else None))

    def diagnostic(self, project: Project, lines: Lines, finding: Finding) -> types.Diagnostic:
        return types.Diagnostic(
            range=client_range(lines, finding),
            message=diagnostic_message(project.corpus, finding),
            severity=self.severity(finding.verdict),
            source=SOURCE,
            code=finding.verdict.value,
        )

    def severity(self, verdict: Verdict) -> types.DiagnosticSeverity:
        if verdict is Verdict.CONFLICTING:
            return _SEVERITY[self.options.conflicting]
        if verdict is Verdict.UNVERIFIED:
            return types.DiagnosticSeverity.Information
        return types.DiagnosticSeverity.Hint

    def current(self, uri: str) -> tuple[Document, Run, Project, Lines] | None:
        """The document's last run, if it is of the text the editor has now (else its positions
        may be stale: nothing is offered until the next run)."""
        document = self.documents.get(uri)
        if document is None or document.checked is None or document.project is None:
            return None
        if document.text != document.checked.text:
            return None
        return document, document.checked, document.project, Lines(document.checked.text, self.encoding)


def apply_change(text: str, change: types.TextDocumentContentChangeEvent, encoding: str) -> str:
    """The text after one change, its range read with LSP's line breaks ("\\n", "\\r\\n", "\\r"
    only): the server keeps its own copy, because pygls splits lines at more (U+2028, form
    feed, ...) and would put an edit after one of them in the wrong place, or at the line's end."""
    if not isinstance(change, types.TextDocumentContentChangePartial):
        return change.text
    lines = Lines(text, encoding)
    start = lines.offset(lines.point(change.range.start.line, change.range.start.character))
    end = lines.offset(lines.point(change.range.end.line, change.range.end.character))
    return text[:start] + change.text + text[end:]


def cancel(document: Document) -> None:
    if document.task is not None and not document.task.done():
        document.task.cancel()
    if document.stop is not None:
        document.stop.set()


def client_range(lines: Lines, finding: Finding) -> types.Range:
    """Exactly the sentence, from its first character to the end of its last, in client units."""
    s = finding.sentence
    start = lines.from_factcheck(s.line, s.column)
    last = lines.from_factcheck(s.end_line, s.end_column)
    end = Point(last.line, last.column + 1)
    return types.Range(to_client(lines, start), to_client(lines, end))


def to_client(lines: Lines, point: Point) -> types.Position:
    return types.Position(line=point.line, character=lines.units(point))


def edit_range(lines: Lines, edit: Edit) -> types.Range:
    return types.Range(to_client(lines, lines.point_at(edit.start)), to_client(lines, lines.point_at(edit.end)))


def _contains(lines: Lines, finding: Finding, point: Point) -> bool:
    start, end = sentence_span(lines, finding.sentence)
    return start <= lines.offset(point) <= end


def _overlaps(lines: Lines, finding: Finding, first: Point, last: Point) -> bool:
    start, end = sentence_span(lines, finding.sentence)
    return lines.offset(first) <= end and start <= lines.offset(last)


async def _initialized(ls: FactcheckServer, params: types.InitializedParams) -> None:
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in watched_globs()]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="factcheck-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
        except Exception as exc:  # noqa: BLE001 - runs still notice changed files by their times
            ls.window_log_message(types.LogMessageParams(
                types.MessageType.Warning, f"factcheck: the editor will not report changed files: {exc}"))


def _shutdown(ls: FactcheckServer, params: None) -> None:
    ls.shut_down = True
    for document in ls.documents.values():
        cancel(document)


def _did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    markdown = LANGUAGES.get(item.language_id)
    if markdown is None:  # a client that names languages its own way: go by the file name
        suffix = PurePosixPath(item.uri).suffix.lower()
        if suffix not in MARKDOWN_SUFFIXES | {".txt"}:
            return  # code, YAML, ...: not a draft
        markdown = suffix in MARKDOWN_SUFFIXES
    ls.documents[item.uri] = Document(item.uri, markdown, item.text, item.version)
    ls.schedule(item.uri, 0)


def _did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return
    for change in params.content_changes:
        document.text = apply_change(document.text, change, ls.encoding)
    document.version = params.text_document.version
    ls.schedule(document.uri, DEBOUNCE_SECONDS)


def _did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    document = ls.documents.pop(params.text_document.uri, None)
    if document is not None:
        cancel(document)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _did_change_watched_files(ls: FactcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
    for uri in list(ls.documents):  # each run looks at the files again, and reloads what changed
        ls.schedule(uri, 0)


def _hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
    found = ls.current(params.text_document.uri)
    if found is None:
        return None
    _, checked, project, lines = found
    point = lines.point(params.position.line, params.position.character)
    finding = next((f for f in checked.findings if _contains(lines, f, point)), None)
    if finding is None:
        return None
    formats = (ls.client_capabilities.text_document and ls.client_capabilities.text_document.hover
               and ls.client_capabilities.text_document.hover.content_format) or []
    markdown = types.MarkupKind.Markdown in formats or not formats
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
                                     value=hover_text(project.corpus, finding, markdown)),
        range=client_range(lines, finding),
    )


async def _code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    found = ls.current(params.text_document.uri)
    if found is None:
        return None
    document, checked, project, lines = found
    first = lines.point(params.range.start.line, params.range.start.character)
    last = lines.point(params.range.end.line, params.range.end.character)
    hits = [f for f in checked.findings if _overlaps(lines, f, first, last)]
    if not hits:
        return None
    uri = params.text_document.uri
    diagnostics = [ls.diagnostic(project, lines, f) for f in hits]  # here: the corpus is the loop's
    ignores = await asyncio.get_running_loop().run_in_executor(None, ignore_edits, checked, lines, hits)
    out = []
    for finding, diagnostic, ignore in zip(hits, diagnostics, ignores):
        for fix in figure_fixes(finding.result):
            edit = figure_edit(lines, finding.sentence, fix)
            if edit is not None:
                out.append(_action(f"Replace with the sources' figure: {fix.replacement}", uri, lines, edit, diagnostic, True))
        if ignore is not None:
            out.append(_action("Ignore this sentence", uri, lines, ignore, diagnostic, False))
    return out


FEATURES = (  # each LSP method with its handler (and its options, if any)
    (types.INITIALIZED, _initialized),
    (types.SHUTDOWN, _shutdown),
    (types.TEXT_DOCUMENT_DID_OPEN, _did_open),
    (types.TEXT_DOCUMENT_DID_CHANGE, _did_change),
    (types.TEXT_DOCUMENT_DID_CLOSE, _did_close),
    (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, _did_change_watched_files),
    (types.TEXT_DOCUMENT_HOVER, _hover),
    (types.TEXT_DOCUMENT_CODE_ACTION, _code_action, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])),
)


def build(options: ServerOptions, version: str) -> FactcheckServer:
    """The server with its features registered."""
    server = FactcheckServer(options, version)
    for method, handler, *feature_options in FEATURES:
        server.feature(method, *feature_options)(handler)
    return server


def ignore_edits(checked: Run, lines: Lines, hits: list[Finding]) -> list[Edit | None]:
    """Where an ignore comment goes for each flagged sentence; on a thread, since finding out
    reads the document again (see edits.ignore_edit)."""
    out = []
    for finding in hits:
        index = sentence_at(checked.sentences, finding.sentence.line, finding.sentence.column)
        out.append(ignore_edit(lines, checked.markdown, checked.sentences, index) if index is not None else None)
    return out


def _action(title: str, uri: str, lines: Lines, edit: Edit, diagnostic: types.Diagnostic, preferred: bool) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=edit_range(lines, edit), new_text=edit.text)]}),
    )


def serve(options: ServerOptions, version: str) -> int:
    """Serve over standard input and output until the client says exit; the exit status is 0
    after a shutdown request, else 1 (the editor went away). pygls closes the stream it writes
    to as it stops: it is given a copy, so standard output stays open."""
    server = build(options, version)
    with os.fdopen(os.dup(sys.stdout.fileno()), "wb") as stdout:
        server.start_io(sys.stdin.buffer, stdout)
    server.worker.shutdown(wait=False, cancel_futures=True)
    return 0 if server.shut_down else 1
