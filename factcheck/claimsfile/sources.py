"""Source documents: front matter, verbatim body, and where a quote sits in them.

Quotes are found insensitive to whitespace and quote style (PDF extraction and YAML editing
both change those), and are cited by the line of the file they start on.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..language.normalise import Respaced
from ..language.sentences import split_sentences
from .claims import ClaimsError, Problem, decode, read_file
from .files import Version

MAX_SOURCE_BYTES = 20 * 1024 * 1024
QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "″": '"'})


@dataclass(frozen=True)
class Passage:
    """Where a quote was found: the file line it starts on and the sentence(s) around it."""

    line: int
    start: int  # offsets of the quote in Source.text
    end: int
    sentence: str  # the whole sentence(s) the quote sits in


@dataclass(frozen=True)
class Citation:
    """How a source is cited: its front matter's title and dates. The cache keeps them, so that
    a check served from it shows them without parsing YAML (PyYAML is slow to import)."""

    title: str
    published: str
    date: str

    def packed(self) -> PackedCitation:
        """As the cache keeps it: three strings unpickle several times faster than a dataclass,
        and a cache of 300,000 entries keeps thousands."""
        return (self.title, self.published, self.date)


PackedCitation = tuple[str, str, str]  # a Citation as the cache keeps it


@dataclass
class Source:
    id: str
    path: Path
    text: str  # the whole file, front matter included, so that offsets give file lines
    body_start: int = 0  # where the body starts, after the front matter
    cited_as: Citation | None = None  # as the cache recorded it, from this very file

    @cached_property
    def meta(self) -> dict:
        """The front matter, parsed when first asked for: a check served from the cache cites
        passages by file and line, and does without PyYAML, slow to import."""
        m = _FRONT.match(self.text)
        if not m:
            return {}
        from .yamlfile import YamlError, load

        try:
            data, _ = load(m.group(1))
        except YamlError as exc:
            p = exc.problem
            raise ClaimsError([Problem(str(self.path), p.line + 1, p.column, "front matter", p.message)]) from None
        return dict(data) if isinstance(data, dict) else {}

    @cached_property
    def citation(self) -> Citation:
        if self.cited_as is not None:
            return self.cited_as
        meta = self.meta
        return Citation(str(meta.get("title") or self.id), str(meta.get("published") or meta.get("date") or "undated"), str(meta.get("date") or ""))

    @property
    def title(self) -> str:
        return self.citation.title

    @property
    def published(self) -> str:
        return self.citation.published

    @property
    def date(self) -> str:
        return self.citation.date

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def find(self, quote: str) -> Passage | None:
        """The quote's place in the body, or None when it is not there verbatim."""
        needle = fold_quote(quote)
        span = self._folded.find(needle) if needle else None
        if span is None:
            return None
        return Passage(self._folded.line_of(span[0]), *span, self.sentence_around(*span))

    @cached_property
    def _folded(self) -> _FoldedBody:
        """The body folded once for all the quotes searched in it: a claims file quotes
        each source many times."""
        return _FoldedBody(self.text, self.body_start)

    def sentence_around(self, start: int, end: int) -> str:
        """The whole sentence(s) that contain text[start:end], within its paragraph line."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        if line_end < 0:
            line_end = len(self.text)
        paragraph = self.text[line_start:line_end]
        a, b = start - line_start, end - line_start
        first, last = a, b
        for s, e in split_sentences(paragraph):
            if s <= a < e or (s < b <= e) or (a <= s and e <= b):
                first = min(first, s)
                last = max(last, e)
        return " ".join(paragraph[first:last].split())

    def nearest(self, quote: str) -> tuple[int, str]:
        """The passage most like a quote that was not found: (line, text)."""
        from rapidfuzz import fuzz

        body = self.text[self.body_start:]
        folded = fold_quote(quote)
        best = (0.0, 0, "")
        offset = self.body_start
        for line in body.split("\n"):
            if line.strip():
                lf = fold_quote(line)
                al = fuzz.partial_ratio_alignment(folded, lf, score_cutoff=best[0])
                if al is not None and al.score > best[0]:
                    best = (al.score, self.line_of(offset), lf[al.dest_start:al.dest_end])
            offset += len(line) + 1
        return best[1], best[2]


class _FoldedBody:
    """A source's body folded for quote search (whitespace respaced, one style of quote mark),
    with offsets back to the text as written."""

    def __init__(self, text: str, start: int):
        self.respaced = Respaced(text, start, {chr(mark): to for mark, to in QUOTE_CHARS.items()})
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def find(self, needle: str) -> tuple[int, int] | None:
        """The first place the folded needle is, as (start, end) offsets in the text."""
        at = self.respaced.text.find(needle)
        if at < 0:
            return None
        return self.respaced.raw_offset(at), self.respaced.raw_offset(at + len(needle) - 1) + 1

    def line_of(self, offset: int) -> int:
        return bisect_left(self.newlines, offset) + 1


def fold_quote(text: str) -> str:
    """A quote as it is searched for: whitespace runs as one space, one style of quote mark."""
    return " ".join(text.split()).translate(QUOTE_CHARS)


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


def source_path(sources_dir: Path, source_id: str) -> Path:
    """sources/<id>.md, refusing any path that leads outside the sources folder."""
    root = sources_dir.resolve()
    path = (sources_dir / f"{source_id}.md")
    try:
        real = path.resolve()
    except OSError as exc:
        raise ClaimsError([Problem(str(path), 0, 0, "", f"cannot resolve: {exc}")]) from None
    if not real.is_relative_to(root):
        raise ClaimsError([Problem(str(path), 0, 0, "", f"leads outside the sources folder {sources_dir}: refused")])
    return path


def source_files(sources_dir: Path) -> dict[str, os.DirEntry]:
    """The sources in a folder, by id: its .md files (named as fnmatch's "*.md" would match
    them, without its cost at 100,000 files)."""
    try:
        with os.scandir(sources_dir) as entries:
            return {e.name[:-len(".md")]: e for e in entries if os.path.normcase(e.name).endswith(".md")}
    except OSError:  # no such folder, or not one
        return {}


class SourceLibrary:
    """The sources a claims file cites, each read once and on demand. It keeps the version of
    each file it read and the folder's listing as it saw it: what the cache of an index built
    from them is keyed by (cache.py)."""

    def __init__(self, sources_dir: Path, front_checked: bool = False, citations: dict[str, PackedCitation] | None = None):
        """`front_checked`: the sources are as they were when their front matter was last parsed
        (the cache says so), and each is parsed only when first asked for; `citations`: how
        they are cited, as the cache recorded it then."""
        self.dir = sources_dir
        self._cache: dict[str, Source | ClaimsError] = {}
        self._parse_front = not front_checked
        self._citations = citations or {}
        self.versions: dict[str, Version | None] = {}  # id: the version read, None when none could be
        self.listed: tuple[str, ...] | None = None

    def get(self, source_id: str) -> Source:
        if source_id not in self._cache:
            try:
                self._cache[source_id] = self._load(source_id)
            except ClaimsError as exc:
                self._cache[source_id] = exc
        got = self._cache[source_id]
        if isinstance(got, ClaimsError):
            raise got
        return got

    def _load(self, source_id: str) -> Source:
        """Read sources/<id>.md from inside the sources folder; unless the front matter was
        checked before, refuse front matter that is not YAML too."""
        self.versions[source_id] = None
        path = source_path(self.dir, source_id)
        raw, self.versions[source_id] = read_file(path, MAX_SOURCE_BYTES)
        text = decode(raw, path)
        m = _FRONT.match(text)
        cited = self._citations.get(source_id)
        source = Source(source_id, path, text, m.end() if m else 0, Citation(*cited) if cited else None)
        if self._parse_front:
            source.meta  # raises ClaimsError now, not where the meta is first used
        return source

    def citations(self) -> dict[str, PackedCitation]:
        """How each source read so far is cited, for the cache to keep."""
        return {sid: s.citation.packed() for sid, s in self._cache.items() if isinstance(s, Source)}

    def available(self) -> list[str]:
        if self.listed is None:
            self.listed = tuple(sorted(source_files(self.dir)))
        return list(self.listed)
