"""`factcheck lsp` end to end: a real client (pytest-lsp) talks to the server over stdio.

Each test starts `python -m factcheck lsp` in a folder of its own, opens documents as an editor
does, and reads what comes back: diagnostics with exact ranges in the agreed position encoding,
hovers, quick fixes, and new diagnostics after the claims file changes on disk.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, write_corpus
from lsprotocol import types
from pytest_lsp import LanguageClient, make_test_lsp_client

import factcheck

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
WAIT = 120  # seconds: a first run builds the claims file's index; only a hung server takes this long
BUNDLED = Path(factcheck.__file__).resolve().parent.parent / "claims.yaml"
AID = "Aid from China and the USSR to Vietnam from June 1950 to June 1954 was 43 million US dollars."
INDIA = "India became a comprehensive strategic partner of Vietnam in 2014."


class Editor:
    """A client with a few helpers: open and change a document, and wait for its diagnostics."""

    def __init__(self, client: LanguageClient, folder: Path):
        self.client = client
        self.folder = folder
        self.versions: dict[str, int] = {}

    async def open(self, name: str, text: str, language: str = "markdown") -> list[types.Diagnostic]:
        uri = (self.folder / name).as_uri()
        self.versions[uri] = 1
        waiting = self.client.protocol.wait_for_notification_async(PUBLISH)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return await self.diagnostics(uri, 1, waiting)

    async def change(self, name: str, changes: list, wait: bool = True) -> list[types.Diagnostic] | None:
        uri = (self.folder / name).as_uri()
        self.versions[uri] += 1
        version = self.versions[uri]
        # the client keeps one waiter per method: a new one would orphan a caller's
        waiting = self.client.protocol.wait_for_notification_async(PUBLISH) if wait else None
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), changes))
        return await self.diagnostics(uri, version, waiting) if wait else None

    async def diagnostics(self, uri: str, version: int, waiting) -> list[types.Diagnostic]:
        """The diagnostics published for this version of the document (earlier ones are skipped)."""
        while True:
            params = await asyncio.wait_for(waiting, WAIT)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)
            waiting = self.client.protocol.wait_for_notification_async(PUBLISH)

    async def hover(self, name: str, line: int, character: int) -> types.Hover | None:
        return await self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier((self.folder / name).as_uri()), types.Position(line, character)))

    async def actions(self, name: str, line: int, character: int) -> list[types.CodeAction]:
        where = types.Range(types.Position(line, character), types.Position(line, character))
        found = await self.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier((self.folder / name).as_uri()), where, types.CodeActionContext(diagnostics=[])))
        return list(found or [])


async def launch(folder: Path, *args: str, encodings: list[str] | None = None,
                 registrations: list[types.Registration] | None = None,
                 hover: types.MarkupKind = types.MarkupKind.Markdown) -> Editor:
    """The server started in `folder`; `registrations`: the client lets the server register
    file watchers, and collects them there."""
    client = make_test_lsp_client()
    if registrations is not None:
        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            registrations.extend(params.registrations)
    env = {**os.environ, "PYTHONPATH": str(Path(factcheck.__file__).parent.parent)}
    await client.start_io(sys.executable, "-m", "factcheck", "lsp", *args, cwd=str(folder), env=env)
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    watching = types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    capabilities = types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(did_change_watched_files=watching) if registrations is not None else None,
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[hover])),
    )
    result = await client.initialize_session(types.InitializeParams(capabilities=capabilities, root_uri=folder.as_uri()))
    assert result.capabilities.position_encoding == (encodings[0] if encodings else types.PositionEncodingKind.Utf16)
    return Editor(client, folder)


@pytest_asyncio.fixture
async def editor(tmp_path: Path) -> AsyncIterator[Editor]:
    """The server in a folder with the bundled claims file named in .factcheck.yaml, as a
    project would set it up."""
    (tmp_path / ".factcheck.yaml").write_text(f"claims: {BUNDLED}\n", encoding="utf-8")
    editor = await launch(tmp_path)
    yield editor
    await editor.client.shutdown_session()


def span(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return r.start.line, r.start.character, r.end.line, r.end.character


def apply(text: str, edit: types.TextEdit) -> str:
    """A one-line edit applied as the editor would (the tests' edits are within one line)."""
    lines = text.split("\n")
    r = edit.range
    assert r.start.line == r.end.line
    line = lines[r.start.line]
    lines[r.start.line] = line[: r.start.character] + edit.new_text + line[r.end.character :]
    return "\n".join(lines)


# --- diagnostics ------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_conflicting_sentence_is_a_warning_over_exactly_its_words(editor: Editor) -> None:
    text = f"# Aid\n\nThe weather was fine. {AID} It rained.\n"
    diagnostics = await editor.open("draft.md", text)
    assert [(span(d), d.severity, d.source, d.code, d.message) for d in diagnostics] == [(
        (2, 22, 2, 22 + len(AID)),
        types.DiagnosticSeverity.Warning, "factcheck", "conflicting",
        "the claim says 43 million USD; the source says 34 million USD "
        "(sources/internationalism-in-vietnam-then-and-now.md:58)",
    )]


@pytest.mark.asyncio
async def test_a_sentence_over_two_lines_with_emphasis(editor: Editor) -> None:
    text = "Intro.\n\n**India** became a comprehensive strategic\npartner of Vietnam in *2014*. Next.\n"
    diagnostics = await editor.open("draft.md", text)
    assert [span(d) for d in diagnostics] == [(2, 2, 3, len("partner of Vietnam in *2014*."))]
    (replace, _) = await editor.actions("draft.md", 3, 3)
    (edit,) = replace.edit.changes[(editor.folder / "draft.md").as_uri()]
    assert (edit.range, edit.new_text) == (types.Range(types.Position(3, 23), types.Position(3, 27)), "2016")


@pytest.mark.asyncio
async def test_plain_text_and_a_clean_document(editor: Editor) -> None:
    assert await editor.open("notes.txt", f"Some notes.\n{INDIA}\n", language="plaintext") != []
    assert await editor.open("fine.md", "India became a comprehensive strategic partner of Vietnam in 2016.\n") == []


@pytest.mark.asyncio
async def test_documents_of_other_languages_are_not_drafts(editor: Editor) -> None:
    """Runs go one at a time, in order: had the code been checked, its diagnostics came first."""
    uri = (editor.folder / "tool.py").as_uri()
    editor.client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="python", version=1, text=f"# {INDIA}\n")))
    assert len(await editor.open("notes.gfm.md", f"{INDIA}\n", language="gfm")) == 1  # Emacs' gfm-mode: by its name
    assert uri not in editor.client.diagnostics


@pytest.mark.parametrize(
    ("encoding", "start", "end"),
    [
        # "Điện Biên Phủ 🎉 河内. " is 20 code points, 21 UTF-16 units (the emoji is two) and 33 bytes
        (types.PositionEncodingKind.Utf16, 21, 21 + len(INDIA)),
        (types.PositionEncodingKind.Utf8, 33, 33 + len(INDIA)),
        (types.PositionEncodingKind.Utf32, 20, 20 + len(INDIA)),
    ],
)
@pytest.mark.asyncio
async def test_ranges_are_in_the_agreed_encoding(tmp_path: Path, encoding: str, start: int, end: int) -> None:
    editor = await launch(tmp_path, "--claims", str(BUNDLED), encodings=[encoding])
    try:
        prefix = "Điện Biên Phủ 🎉 河内. "
        assert len(prefix) == 20 and len(prefix.encode("utf-16-le")) // 2 == 21 and len(prefix.encode()) == 33
        diagnostics = await editor.open("draft.md", f"{prefix}{INDIA} After 🎉.\n")
        assert [span(d) for d in diagnostics] == [(0, start, 0, end)]
        # a sentence with the emoji inside it ends after the emoji's last unit
        sentence = "India 🎉 became a comprehensive strategic partner of Vietnam in 2014 🎉."
        diagnostics = await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(
            text=f"Điện Biên Phủ.\n\n{sentence}\n")])
        units = {types.PositionEncodingKind.Utf16: len(sentence.encode("utf-16-le")) // 2,
                 types.PositionEncodingKind.Utf8: len(sentence.encode()), types.PositionEncodingKind.Utf32: len(sentence)}
        assert [span(d) for d in diagnostics] == [(2, 0, 2, units[encoding])]
    finally:
        await editor.client.shutdown_session()


@pytest.mark.asyncio
async def test_severity_and_unverified_are_set_as_in_scan(tmp_path: Path) -> None:
    unverified = "Vietnam and Laos signed a Treaty of Amity and Cooperation in 1977."
    text = f"{AID} {unverified}\n"
    editor = await launch(tmp_path, "--claims", str(BUNDLED))
    try:
        assert [d.severity for d in await editor.open("a.md", text)] == [types.DiagnosticSeverity.Warning]
    finally:
        await editor.client.shutdown_session()
    editor = await launch(tmp_path, "--claims", str(BUNDLED), "--conflicting", "error", "--show", "unverified")
    try:
        diagnostics = await editor.open("a.md", text)
        assert [(d.severity, d.code, span(d)[1]) for d in diagnostics] == [
            (types.DiagnosticSeverity.Error, "conflicting", 0),
            (types.DiagnosticSeverity.Information, "unverified", len(AID) + 1),
        ]
        assert diagnostics[1].message.startswith("no entry states this")
    finally:
        await editor.client.shutdown_session()


@pytest.mark.asyncio
async def test_an_edit_is_checked_again_and_the_fixed_sentence_is_no_longer_flagged(editor: Editor) -> None:
    text = f"Intro.\n\n{INDIA}\n"
    assert len(await editor.open("draft.md", text)) == 1
    at = len("India became a comprehensive strategic partner of Vietnam in 201")
    fixed = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(2, at), types.Position(2, at + 1)), text="6")
    assert await editor.change("draft.md", [fixed]) == []


@pytest.mark.asyncio
async def test_lines_are_counted_as_lsp_counts_them(editor: Editor) -> None:
    """U+2028 and a form feed end no line in LSP (Python's splitlines ends one at each): an
    edit after them lands where the editor meant it."""
    text = f"Intro\u2028still line one\x0c too.\r\n{INDIA}\n"
    assert [span(d) for d in await editor.open("draft.md", text)] == [(1, 0, 1, len(INDIA))]
    at = INDIA.index("2014") + 3
    edit = types.TextDocumentContentChangePartial(range=types.Range(types.Position(1, at), types.Position(1, at + 1)), text="6")
    assert await editor.change("draft.md", [edit]) == []


@pytest.mark.asyncio
async def test_quick_edits_get_one_answer_for_the_last_version(editor: Editor) -> None:
    """Edits faster than the pause are one run: the versions in between get no diagnostics."""
    await editor.open("draft.md", "Start.\n")
    for text in ("Start. India", f"Start. {INDIA[:30]}"):
        await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(text=text)], wait=False)
    diagnostics = await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(text=f"Start. {INDIA}")])
    assert [span(d) for d in diagnostics] == [(0, 7, 0, 7 + len(INDIA))]


@pytest.mark.asyncio
async def test_a_long_run_never_blocks_the_editor_and_a_stale_one_is_dropped(editor: Editor) -> None:
    """While a long draft is being checked, requests are answered; an edit cancels the run of
    the version before it, whose diagnostics are never published."""
    long_draft = "".join(f"Paragraph {i}. The weather was fine on day {i}. {INDIA}\n\n" for i in range(700))
    uri = (editor.folder / "long.md").as_uri()
    first = editor.client.protocol.wait_for_notification_async(PUBLISH)
    editor.versions[uri] = 1
    editor.client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=long_draft)))
    assert await editor.hover("long.md", 0, 2) is None  # answered, not queued behind the run
    assert not first.done()
    await editor.change("long.md", [types.TextDocumentContentChangeWholeDocument(text=f"Short. {INDIA}\n")], wait=False)
    params = await asyncio.wait_for(first, WAIT)
    assert (params.version, [span(d) for d in params.diagnostics]) == (2, [(0, 7, 0, 7 + len(INDIA))])


# --- hover --------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_hover_shows_the_reason_and_the_passage_with_title_and_place(editor: Editor) -> None:
    await editor.open("draft.md", f"Intro.\n\n{INDIA}\n")
    assert await editor.hover("draft.md", 0, 2) is None  # not flagged
    hover = await editor.hover("draft.md", 2, 10)
    assert hover.range == types.Range(types.Position(2, 0), types.Position(2, len(INDIA)))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value == (
        "**factcheck: conflicting**: the claim says 2014; the source says 2016\n\n"
        "> \\(2\\) Vietnam has established a comprehensive strategic partnership with five countries: China "
        "\\(2008\\), Russia \\(2012\\), India \\(2016\\), the Republic of Korea \\(2022\\), and the US \\(2023\\)\\.\n\n"
        "— *Why doesn’t Vietnam “take sides” in its foreign policy? \\(Communist Review No\\. 1025, November 2023\\)*, "
        "sources/why\\-vietnam\\-does\\-not\\-take\\-sides\\.md:88"
    )


@pytest.mark.asyncio
async def test_hover_is_plain_text_for_an_editor_without_markdown(tmp_path: Path) -> None:
    editor = await launch(tmp_path, "--claims", str(BUNDLED), hover=types.MarkupKind.PlainText)
    try:
        await editor.open("draft.md", f"{INDIA}\n")
        hover = await editor.hover("draft.md", 0, 0)
        assert hover.contents.kind == types.MarkupKind.PlainText
        assert hover.contents.value.splitlines() == [
            "factcheck: conflicting: the claim says 2014; the source says 2016",
            "",
            "“(2) Vietnam has established a comprehensive strategic partnership with five countries: China (2008), "
            "Russia (2012), India (2016), the Republic of Korea (2022), and the US (2023).”",
            "— Why doesn’t Vietnam “take sides” in its foreign policy? (Communist Review No. 1025, November 2023), "
            "sources/why-vietnam-does-not-take-sides.md:88",
        ]
    finally:
        await editor.client.shutdown_session()


@pytest.mark.asyncio
async def test_hover_escapes_markdown_of_sources_and_titles(tmp_path: Path) -> None:
    hostile = PATH_TO_THE_WORLD.replace("title: Vietnam's path to the world", 'title: "[click](http://x.y) <img src=x onerror=alert(1)>"')
    write_corpus(tmp_path, ASEAN_ENTRY, {"doc": hostile})
    editor = await launch(tmp_path)
    try:
        await editor.open("draft.md", "Vietnam joined ASEAN on 28 July 1996.\n")
        value = (await editor.hover("draft.md", 0, 3)).contents.value
        assert "*\\[click\\]\\(http://x\\.y\\) \\<img src=x onerror=alert\\(1\\)\\> \\(2020\\-05\\-01\\)*" in value
        assert not re.search(r"(?<!\\)[<\[\]]", value)  # no tag, no link: every bracket escaped
    finally:
        await editor.client.shutdown_session()


# --- code actions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "title", "fixed"),
    [
        (AID, "Replace with the sources' figure: 34 million US dollars", AID.replace("43 million", "34 million")),
        (INDIA, "Replace with the sources' figure: 2016", INDIA.replace("2014", "2016")),
    ],
)
@pytest.mark.asyncio
async def test_replace_with_the_sources_figure(editor: Editor, sentence: str, title: str, fixed: str) -> None:
    text = f"# Draft\n\nBefore. {sentence} After.\n"
    await editor.open("draft.md", text)
    actions = await editor.actions("draft.md", 2, 12)
    assert [a.title for a in actions] == [title, "Ignore this sentence"]
    replace = actions[0]
    assert replace.kind == types.CodeActionKind.QuickFix and replace.is_preferred
    assert replace.diagnostics[0].code == "conflicting"
    (edit,) = replace.edit.changes[(editor.folder / "draft.md").as_uri()]
    changed = apply(text, edit)
    assert changed == f"# Draft\n\nBefore. {fixed} After.\n"
    assert await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(text=changed)]) == []


@pytest.mark.parametrize(
    ("text", "line", "ignored"),
    [
        # inline, right before the sentence
        (f"Before. {INDIA} After.\n", 0, f"Before. <!-- factcheck: ignore --> {INDIA} After.\n"),
        # at the start of a line inside a paragraph: at the end of the line before
        (f"Before.\n{INDIA}\nAfter.\n", 1, f"Before. <!-- factcheck: ignore -->\n{INDIA}\nAfter.\n"),
        # a paragraph of its own: a comment line before it
        (f"Before.\n\n{INDIA}\n", 2, f"Before.\n\n<!-- factcheck: ignore -->\n{INDIA}\n"),
    ],
)
@pytest.mark.asyncio
async def test_ignore_this_sentence_inserts_the_comment_that_scan_obeys(editor: Editor, text: str, line: int, ignored: str) -> None:
    await editor.open("draft.md", text)
    actions = await editor.actions("draft.md", line, text.split("\n")[line].index("India") + 3)
    ignore = next(a for a in actions if a.title == "Ignore this sentence")
    (edit,) = ignore.edit.changes[(editor.folder / "draft.md").as_uri()]
    changed = apply(text, edit)
    assert changed == ignored
    assert await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(text=changed)]) == []


@pytest.mark.asyncio
async def test_ignore_in_a_text_file_with_non_ascii_before_the_sentence(tmp_path: Path) -> None:
    editor = await launch(tmp_path, "--claims", str(BUNDLED))
    try:
        text = f"Điện Biên Phủ 🎉. {INDIA}\n"
        await editor.open("notes.txt", text, language="plaintext")
        actions = await editor.actions("notes.txt", 0, 20)
        ignore = next(a for a in actions if a.title == "Ignore this sentence")
        (edit,) = ignore.edit.changes[(tmp_path / "notes.txt").as_uri()]
        assert edit.range.start == types.Position(0, len("Điện Biên Phủ 🎉. ") + 1)  # the emoji is two UTF-16 units
        changed = f"Điện Biên Phủ 🎉. <!-- factcheck: ignore --> {INDIA}\n"
        assert await editor.change("notes.txt", [types.TextDocumentContentChangeWholeDocument(text=changed)]) == []
    finally:
        await editor.client.shutdown_session()


# --- reload -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_changed_claims_file_is_read_again(tmp_path: Path) -> None:
    claims = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    editor = await launch(tmp_path)
    try:
        draft = "Vietnam joined ASEAN on 28 July 1996.\n"
        assert [d.message for d in await editor.open("draft.md", draft)] == [
            "the claim says 28 July 1996; the source says 28 July 1995 (sources/doc.md:8)"]
        # the source and the entry now say 1996 (an erratum): the sentence is supported
        source = tmp_path / "sources" / "doc.md"
        source.write_text(PATH_TO_THE_WORLD.replace("July 28, 1995", "July 28, 1996"), encoding="utf-8")
        claims.write_text(claims.read_text(encoding="utf-8").replace("1995", "1996"), encoding="utf-8")
        waiting = editor.client.protocol.wait_for_notification_async(PUBLISH)
        editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=claims.as_uri(), type=types.FileChangeType.Changed)]))
        assert await editor.diagnostics((tmp_path / "draft.md").as_uri(), 1, waiting) == []
        # and back, noticed at the next edit without any notification
        source.write_text(PATH_TO_THE_WORLD, encoding="utf-8")
        claims.write_text(claims.read_text(encoding="utf-8").replace("1996", "1995"), encoding="utf-8")
        diagnostics = await editor.change("draft.md", [types.TextDocumentContentChangeWholeDocument(text=draft + "\nMore.\n")])
        assert [d.code for d in diagnostics] == ["conflicting"]
    finally:
        await editor.client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_asks_the_editor_to_watch_claims_settings_and_sources(tmp_path: Path) -> None:
    registrations: list[types.Registration] = []
    editor = await launch(tmp_path, "--claims", str(BUNDLED), registrations=registrations)
    try:
        await editor.open("draft.md", "Nothing to check.\n")  # the server is past `initialized`
        (registration,) = registrations
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        assert [w["globPattern"] for w in registration.register_options["watchers"]] == [
            "**/*.yaml", "**/*.yml", "**/pyproject.toml", "**/*.md"]
    finally:
        await editor.client.shutdown_session()


@pytest.mark.asyncio
async def test_a_broken_claims_file_is_one_message_and_no_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text("claims: [\n", encoding="utf-8")
    editor = await launch(tmp_path)
    try:
        waiting = editor.client.protocol.wait_for_notification_async(types.WINDOW_SHOW_MESSAGE)
        assert await editor.open("draft.md", f"{INDIA}\n") == []
        message = await asyncio.wait_for(waiting, WAIT)
        assert message.type == types.MessageType.Error
        assert message.message.startswith("factcheck: ") and "claims.yaml" in message.message
    finally:
        await editor.client.shutdown_session()


# --- exit status --------------------------------------------------------------------------------


def _message(body: dict) -> bytes:
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


INITIALIZE = _message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
SHUTDOWN = _message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
EXIT = _message({"jsonrpc": "2.0", "method": "exit"})


@pytest.mark.parametrize(
    ("args", "stdin", "status", "stderr"),
    [
        ([], INITIALIZE + SHUTDOWN + EXIT, 0, ""),
        ([], INITIALIZE + EXIT, 1, ""),  # exit without shutdown: LSP says 1
        ([], b"", 1, ""),  # the editor went away
        (["--claims", "missing.yaml"], b"", 2, "Error: no such claims file: missing.yaml\n"),
        (["--conflicting", "fatal"], b"", 2, None),
    ],
)
def test_exit_status(tmp_path: Path, args: list[str], stdin: bytes, status: int, stderr: str | None) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(factcheck.__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-m", "factcheck", "lsp", *args], input=stdin, capture_output=True,
                          cwd=tmp_path, env=env, timeout=WAIT)
    assert done.returncode == status
    if stderr is not None:
        assert done.stderr.decode() == stderr
    else:
        assert done.stderr.decode().count("\n") == 1 and "Traceback" not in done.stderr.decode()
