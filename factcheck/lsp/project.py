"""What a document in the editor is checked against: the same claims file and settings as
`factcheck scan` would use in the document's folder, reloaded when any of them changes.

An editor keeps the server running for hours while the writer (or a colleague, through git)
edits the claims file or a source. Before each run, the files a project was loaded from are
looked at again (their sizes and modification times, a few `stat` calls); a change loads the
project anew, so no diagnostic speaks from a claims file that is no longer there.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..claimsfile.claims import ClaimsError
from ..drafts.config import ConfigError, ScanConfig, load_config, merge
from ..drafts.scan import Scan
from ..engine.corpus import Corpus, find_claims


class ProjectError(Exception):
    """The claims file or the settings cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ServerOptions:
    """What `factcheck lsp` was started with; None: the settings file's, else the default."""

    claims: str | None = None  # absolute
    show: tuple[str, ...] | None = None
    conflicting: str = "warning"  # the severity of a conflicting sentence: warning or error


Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Project:
    """A loaded claims file, the settings that chose it, and the stamp of the files it came from."""

    corpus: Corpus
    scan: Scan
    settings: ScanConfig
    claims_path: Path
    stamp: Stamp


class Projects:
    """Projects by claims file, each loaded once and again only when its files change."""

    def __init__(self, options: ServerOptions):
        self.options = options
        self._loaded: dict[tuple[Path, frozenset[str]], Project] = {}

    def for_folder(self, folder: Path) -> tuple[Project, list[str]]:
        """The project a document of this folder is checked against, and warnings to pass on."""
        try:
            settings, _ = load_config(folder)
        except ConfigError as exc:
            raise ProjectError(str(exc)) from None
        settings = merge(settings, claims=self.options.claims, show=self.options.show)
        claims_path = find_claims(settings.claims, cwd=folder).resolve()
        show = frozenset(settings.show)
        key = (claims_path, show)
        known = self._loaded.get(key)
        if known is not None and known.stamp == stamp(claims_path, known.corpus.claims.sources_dir):
            return known, []
        try:
            corpus = Corpus.load(claims_path)
            index = corpus.index
        except ClaimsError as exc:
            raise ProjectError(str(exc)) from None
        except OSError as exc:
            raise ProjectError(f"{claims_path}: cannot read: {exc.strerror or exc}") from None
        project = Project(corpus, Scan(corpus.checker, index, show, top=1), settings, claims_path,
                          stamp(claims_path, corpus.claims.sources_dir))
        self._loaded[key] = project
        return project, list(corpus.warnings)


def stamp(claims_path: Path, sources_dir: Path) -> Stamp:
    """Name, size and modification time of the claims file and of every file of its sources."""
    files: list[tuple[str, int, int]] = [_stat(str(claims_path))]
    try:
        with os.scandir(sources_dir) as entries:
            files += sorted(_stat(entry.path) for entry in entries if entry.is_file())
    except OSError:
        files.append((str(sources_dir), -1, -1))
    return tuple(files)


def _stat(path: str) -> tuple[str, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return path, -1, -1
    return path, info.st_size, info.st_mtime_ns


def watched_globs() -> Sequence[str]:
    """What the editor is asked to watch: claims files, settings and sources (Markdown)."""
    return ("**/*.yaml", "**/*.yml", "**/pyproject.toml", "**/*.md")
