"""Which files a scan reads: the drafts under the paths given, and their text decoded safely."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import PurePath
from typing import BinaryIO, TextIO

from ..claimsfile.files import NotUTF8, TooLarge, decode_utf8, read_bounded
from .documents import DraftError

STDIN = "-"
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
MAX_BYTES = 16 * 1024 * 1024  # far beyond any draft; stops a scan from swallowing a disk image
_BINARY_PROBE = 8192


@dataclass(frozen=True)
class DraftFile:
    """A draft to scan: its path as the user should see it ("-" for stdin) and how to read it."""

    path: str
    markdown: bool


def find_drafts(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> tuple[list[DraftFile], list[str]]:
    """Expand files and folders into draft files (each once, sorted), with warnings about what was
    passed over. Folders are walked without following symlinked folders, and hidden folders and
    files (.git, editor lock files) are passed over; files named explicitly are taken whatever their
    extension or name, unless excluded."""
    found: dict[str, str] = {}  # real path -> path shown, so a file reached twice is read once
    warnings: list[str] = []
    cwd = os.getcwd()
    for given in paths:
        if given == STDIN:
            found.setdefault(STDIN, STDIN)
        elif not os.path.exists(given):
            raise DraftError(f"no such file or folder: {given}")
        elif os.path.isdir(given):
            shown_root = _shown(given, cwd)
            walked = 0
            for shown, real in _walk(given, shown_root, include, exclude, warnings):
                found.setdefault(real, shown)
                walked += 1
            if not walked:
                warnings.append(f"{shown_root}: no draft files (looked for {', '.join(include)})")
        else:
            shown = _shown(given, cwd)
            if not _excluded(shown, None, exclude):
                found.setdefault(os.path.realpath(given), shown)
    for real, shown in list(found.items()):
        if real != STDIN and _is_binary(real):
            warnings.append(f"{shown}: binary file, skipped")
            del found[real]
    files = [DraftFile(shown, _is_markdown(shown)) for shown in found.values()]
    return sorted(files, key=lambda draft: PurePath(draft.path).parts), warnings


def _walk(
    root: str, shown_root: str, include: Sequence[str], exclude: Sequence[str], warnings: list[str]
) -> Iterator[tuple[str, str]]:
    """Yield (path shown, real path) of the drafts under a folder, in a stable order."""

    def unreadable(error: OSError) -> None:
        where = os.path.join(shown_root, os.path.relpath(error.filename, root)) if error.filename else shown_root
        warnings.append(f"{os.path.normpath(where)}: cannot read folder: {error.strerror or error}")

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        relative_folder = os.path.relpath(folder, root)
        kept = []
        for name in sorted(subfolders):
            relative = os.path.normpath(os.path.join(relative_folder, name))
            shown = os.path.normpath(os.path.join(shown_root, relative))
            if name.startswith(".") or _excluded(shown, relative, exclude):
                continue
            if os.path.islink(os.path.join(folder, name)):
                warnings.append(f"{shown}: symbolic link to a folder, not followed")
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            relative = os.path.normpath(os.path.join(relative_folder, name))
            shown = os.path.normpath(os.path.join(shown_root, relative))
            full = os.path.join(folder, name)
            if name.startswith(".") or not _included(name, relative, include) or _excluded(shown, relative, exclude):
                continue
            if os.path.isfile(full):
                yield shown, os.path.realpath(full)
            elif os.path.islink(full):
                warnings.append(f"{shown}: broken symbolic link, skipped")
            else:
                warnings.append(f"{shown}: not a regular file, skipped")


def _is_binary(path: str) -> bool:
    """A NUL in the first bytes of a regular file: an image or archive named like a draft, passed
    over with a warning. Anything else (a FIFO, an unreadable file) is left to read_draft."""
    try:
        if not os.path.isfile(path):
            return False
        with open(path, "rb") as file:
            return b"\0" in file.read(_BINARY_PROBE)
    except OSError:
        return False


def _shown(path: str, cwd: str) -> str:
    """The path relative to the current folder when inside it, else as given."""
    absolute = os.path.abspath(path)
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, cwd)
    return path


def _included(name: str, relative: str, include: Sequence[str]) -> bool:
    posix = PurePath(relative).as_posix()
    return any(fnmatch(name, pattern) or fnmatch(posix, pattern) for pattern in include)


def _excluded(shown: str, relative: str | None, exclude: Sequence[str]) -> bool:
    """Whether a pattern matches the path shown, the path inside the folder walked, or any component
    of a relative one ("node_modules", "drafts/old/*")."""
    paths = [PurePath(shown)] + ([PurePath(relative)] if relative is not None else [])
    candidates = {path.as_posix() for path in paths}
    candidates.update(part for path in paths if not path.is_absolute() for part in path.parts)
    candidates.add(paths[0].name)
    return any(fnmatch(candidate, pattern) for pattern in exclude for candidate in candidates)


def _is_markdown(path: str) -> bool:
    return path == STDIN or PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES


def read_draft(path: str, stdin: TextIO | BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of a draft ("-": standard input, or `stdin` if given), without a BOM.

    Raises DraftError for a binary, non-UTF-8, oversized or unreadable file."""
    if path == STDIN:
        return _decode(_read_stream(stdin if stdin is not None else sys.stdin, max_bytes), "<stdin>", max_bytes)
    try:
        data = read_bounded(path, max_bytes)
    except TooLarge:
        raise DraftError(_too_large(path, max_bytes)) from None
    except OSError as error:
        raise DraftError(f"{path}: cannot read: {error.strerror or error}") from None
    return _decode(data, path, max_bytes)


def _read_stream(stream: TextIO | BinaryIO | None, max_bytes: int) -> bytes | str:
    """Read a stream as bytes when it has them; a missing or closed one reads as empty."""
    if stream is None:
        return ""
    try:
        return getattr(stream, "buffer", stream).read(max_bytes + 1)
    except ValueError:  # closed
        return ""


def _too_large(name: str, max_bytes: int) -> str:
    return f"{name}: too large (over {max_bytes} bytes), skipped"


def _decode(data: bytes | str, name: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise DraftError(_too_large(name, max_bytes))
    if isinstance(data, str):
        if "\0" in data[:_BINARY_PROBE]:
            raise DraftError(f"{name}: binary file, skipped")
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DraftError(f"{name}: not UTF-8 text (UTF-16 byte order mark)")
    if b"\0" in data[:_BINARY_PROBE]:
        raise DraftError(f"{name}: binary file, skipped")
    try:
        return decode_utf8(data)
    except NotUTF8 as error:
        raise DraftError(f"{name}: {error.with_line()}") from None
