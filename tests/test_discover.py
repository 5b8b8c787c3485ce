"""Specification of factcheck.drafts.discover: which files a scan reads, and how their bytes become text."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from factcheck.drafts.discover import DraftFile, find_drafts, read_draft
from factcheck.drafts.documents import DraftError

TREE = {
    "a.md": "# A",
    "b.txt": "B.",
    "c.markdown": "C.",
    "notes.rst": "not a draft by default",
    "drafts/one.md": "One.",
    "drafts/old/two.md": "Two.",
    "drafts/deep/er/three.txt": "Three.",
    "node_modules/pkg/readme.md": "vendored",
    ".git/info.md": "hidden folder",
    "drafts/.cache/x.md": "hidden folder",
    ".hidden.md": "hidden file",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TREE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def paths(found: tuple[list[DraftFile], list[str]]) -> list[str]:
    return [draft.path for draft in found[0]]


ALL = ["a.md", "b.txt", "c.markdown", "drafts/deep/er/three.txt", "drafts/old/two.md", "drafts/one.md", "node_modules/pkg/readme.md"]


@pytest.mark.parametrize(
    ("args", "include", "exclude", "expected"),
    [
        (["."], None, (), ALL),
        (["drafts"], None, (), ["drafts/deep/er/three.txt", "drafts/old/two.md", "drafts/one.md"]),
        (["drafts/"], None, (), ["drafts/deep/er/three.txt", "drafts/old/two.md", "drafts/one.md"]),
        (["."], ("*.md",), (), ["a.md", "drafts/old/two.md", "drafts/one.md", "node_modules/pkg/readme.md"]),
        (["."], ("drafts/*.txt",), (), ["drafts/deep/er/three.txt"]),
        (["."], None, ("node_modules",), [p for p in ALL if "node_modules" not in p]),
        (["."], None, ("node_modules", "drafts/old/*"), ["a.md", "b.txt", "c.markdown", "drafts/deep/er/three.txt", "drafts/one.md"]),
        (["drafts"], None, ("old/*",), ["drafts/deep/er/three.txt", "drafts/one.md"]),
        (["."], None, ("*.txt", "node_modules"), ["a.md", "c.markdown", "drafts/old/two.md", "drafts/one.md"]),
        (["."], None, ("deep",), [p for p in ALL if "deep" not in p]),
        (["notes.rst"], None, (), ["notes.rst"]),
        (["notes.rst", "a.md"], ("*.txt",), (), ["a.md", "notes.rst"]),
        (["a.md"], None, ("a.md",), []),
        (["drafts/old/two.md"], None, ("drafts/old/*",), []),
        (["drafts/.cache/x.md"], None, (), ["drafts/.cache/x.md"]),
        (["drafts/.cache"], None, (), ["drafts/.cache/x.md"]),
        (["a.md", ".", "a.md", "./a.md"], None, ("node_modules",), [p for p in ALL if "node_modules" not in p]),
        (["-", "a.md"], None, (), ["-", "a.md"]),
    ],
)
def test_find_drafts(tree: Path, args: list[str], include, exclude, expected: list[str]) -> None:
    found = find_drafts(args, exclude=exclude) if include is None else find_drafts(args, include, exclude)
    assert paths(found) == expected


@pytest.mark.parametrize(
    ("path", "markdown"),
    [("a.md", True), ("c.markdown", True), ("b.txt", False), ("notes.rst", False), ("-", True)],
)
def test_markdown_by_extension(tree: Path, path: str, markdown: bool) -> None:
    assert find_drafts([path])[0] == [DraftFile(path, markdown)]


def test_paths_outside_the_current_folder_are_shown_as_given(tree: Path, tmp_path_factory, monkeypatch) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    assert paths(find_drafts([str(tree / "drafts")])) == [
        str(tree / "drafts/deep/er/three.txt"),
        str(tree / "drafts/old/two.md"),
        str(tree / "drafts/one.md"),
    ]
    assert paths(find_drafts([str(tree / "a.md")])) == [str(tree / "a.md")]


def test_absolute_paths_inside_the_current_folder_are_shown_relative(tree: Path) -> None:
    assert paths(find_drafts([str(tree / "drafts" / "one.md")])) == ["drafts/one.md"]


def test_symlinked_folders_are_not_followed(tree: Path) -> None:
    (tree / "linked").symlink_to(tree / "drafts", target_is_directory=True)
    drafts, warnings = find_drafts(["."], exclude=["node_modules"])
    assert not any(d.path.startswith("linked") for d in drafts)
    assert warnings == ["linked: symbolic link to a folder, not followed"]
    assert paths(find_drafts(["linked"])) == ["linked/deep/er/three.txt", "linked/old/two.md", "linked/one.md"]


def test_broken_symlinks_are_warned_about(tree: Path) -> None:
    (tree / "drafts" / "gone.md").symlink_to(tree / "nowhere.md")
    drafts, warnings = find_drafts(["drafts"])
    assert "drafts/gone.md" not in [d.path for d in drafts]
    assert warnings == ["drafts/gone.md: broken symbolic link, skipped"]


def test_folder_without_drafts_is_warned_about(tree: Path) -> None:
    (tree / "empty").mkdir()
    assert find_drafts(["empty"]) == ([], ["empty: no draft files (looked for *.md, *.markdown, *.txt)"])


def test_unreadable_folder_is_warned_about(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def locked(path="."):
        if os.path.basename(path) == "old":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", locked)
    drafts, warnings = find_drafts(["drafts"])
    assert [d.path for d in drafts] == ["drafts/deep/er/three.txt", "drafts/one.md"]
    assert warnings == ["drafts/old: cannot read folder: Permission denied"]


@pytest.mark.parametrize("missing", ["nope.md", "drafts/nope", "dangling.md"])
def test_missing_path(tree: Path, missing: str) -> None:
    (tree / "dangling.md").symlink_to(tree / "nowhere.md")
    with pytest.raises(DraftError, match=rf"^no such file or folder: {missing}$"):
        find_drafts(["a.md", missing])


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"plain", "plain"),
        (b"", ""),
        ("Vi\u1ec7t Nam".encode(), "Vi\u1ec7t Nam"),
        (b"\xef\xbb\xbfwith BOM", "with BOM"),
        (b"crlf\r\nkept\r", "crlf\r\nkept\r"),
    ],
)
def test_read_draft(tmp_path: Path, content: bytes, text: str) -> None:
    (tmp_path / "d.md").write_bytes(content)
    assert read_draft(str(tmp_path / "d.md")) == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"PNG\x00\x01\x02", "binary file, skipped", id="NUL first"),
        pytest.param(b"x" * 90 + b"\x00", "binary file, skipped", id="NUL later"),
        pytest.param(b"ok\nline two \xff here", r"not UTF-8 text \(invalid byte 0xff at offset 12, line 2\)", id="0xff"),
        pytest.param(b"\xef\xbb\xbf\r\n\r\n\xc3(", r"not UTF-8 text \(invalid byte 0xc3 at offset 7, line 3\)", id="BOM+CRLF"),
        pytest.param("caf\u00e9".encode("latin-1"), r"not UTF-8 text \(invalid byte 0xe9 at offset 3, line 1\)", id="latin-1"),
        pytest.param("UTF-16".encode("utf-16"), r"not UTF-8 text \(UTF-16 byte order mark\)", id="UTF-16"),
        pytest.param(b"x" * 101, r"too large \(over 100 bytes\), skipped", id="too large"),
    ],
)
def test_read_draft_refuses(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "d.md"
    path.write_bytes(content)
    with pytest.raises(DraftError, match=rf"^{path}: {message}$"):
        read_draft(str(path), max_bytes=100)


def test_nul_after_the_probe_is_not_binary(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_bytes(b"x" * 9000 + b"\x00")
    assert read_draft(str(tmp_path / "d.md")).endswith("x\x00")


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match=rf"^{tmp_path}: cannot read: Is a directory$"):
        read_draft(str(tmp_path))
    with pytest.raises(DraftError, match=rf"^{tmp_path / 'gone.md'}: cannot read: No such file or directory$"):
        read_draft(str(tmp_path / "gone.md"))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.md"
    path.write_text("secret")
    path.chmod(0)
    with pytest.raises(DraftError, match=r"cannot read: Permission denied$"):
        read_draft(str(path))


@pytest.mark.parametrize(
    ("stdin", "text"),
    [
        (io.TextIOWrapper(io.BytesIO("\ufeffVi\u1ec7t\r\n".encode())), "Vi\u1ec7t\r\n"),
        (io.BytesIO(b"bytes"), "bytes"),
        (io.StringIO("\ufefftext only"), "text only"),
        (io.StringIO(""), ""),
    ],
)
def test_read_stdin(stdin, text: str) -> None:
    assert read_draft("-", stdin) == text


def test_closed_stdin_reads_empty() -> None:
    stdin = io.StringIO("gone")
    stdin.close()
    assert read_draft("-", stdin) == ""


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (io.BytesIO(b"\x00\x01"), "binary file, skipped"),
        (io.StringIO("a\0b"), "binary file, skipped"),
        (io.BytesIO(b"ab\xfe"), r"not UTF-8 text \(invalid byte 0xfe at offset 2, line 1\)"),
    ],
)
def test_read_stdin_refuses(stdin, message: str) -> None:
    with pytest.raises(DraftError, match=rf"^<stdin>: {message}$"):
        read_draft("-", stdin)


def test_read_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"from the pipe")))
    assert read_draft("-") == "from the pipe"
    monkeypatch.setattr("sys.stdin", None)
    assert read_draft("-") == ""
