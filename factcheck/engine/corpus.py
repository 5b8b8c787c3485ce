"""A claims file with everything a check needs: its sources, its index, its checker.

Where the claims file comes from: `--claims PATH`, else a `claims.yaml` in the current folder
or the nearest parent, else the one bundled with the package.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..claimsfile.claims import ClaimsError, ClaimsFile, Entry, Evidence, Problem, load_claims, read_claims
from ..claimsfile.files import shown_path
from ..claimsfile.sources import PackedCitation, Passage, Source, SourceLibrary
from ..language.quantities import Span
from .cache import Cache
from .checker import Checker, as_of_spans
from .match import Index, Prepared

CLAIMS_NAME = "claims.yaml"


def bundled_claims() -> Path:
    """The claims file shipped in the package (a wheel), or beside it (a source checkout). Found
    from this file's path: importlib.resources would cost a check 5 ms of imports, and factcheck
    is never run from a zip file."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / CLAIMS_NAME
    if packaged.is_file():
        return packaged
    return package.parent / CLAIMS_NAME


def find_claims(explicit: str | None, cwd: Path | None = None) -> Path:
    if explicit:
        return Path(explicit)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CLAIMS_NAME
        if candidate.is_file():
            return candidate
    return bundled_claims()


@dataclass(frozen=True)
class Cited:
    """An evidence quote, found in its source."""

    source: Source
    passage: Passage


class Corpus:
    """A claims file ready for checks. Its index is built when first needed, or comes from
    the cache (cache.py) when the claims file, its sources and factcheck are unchanged."""

    def __init__(self, claims: ClaimsFile, index: Index | None = None, found: dict | None = None,
                 as_of: Mapping[str, Span] | None = None, cache: Cache | None = None, warnings: tuple[str, ...] = (),
                 citations: dict[str, PackedCitation] | None = None):
        self.claims = claims
        # an index given comes from the cache, built from these very sources
        self.library = SourceLibrary(claims.sources_dir, front_checked=index is not None, citations=citations)
        self.found: dict[Evidence, Passage | None] = {} if found is None else found  # quotes looked up
        self._index = index
        self._as_of = as_of
        self._cache = cache
        self.warnings = warnings  # for the user: a cache folder or file not trusted, and so not used

    @classmethod
    def load(cls, path: Path) -> Corpus:
        cache = Cache.of(path)
        stored = cache.read(lambda: cls._fresh(path)) if cache else None
        warnings = (cache.warning,) if cache and cache.warning else ()
        if stored:
            return cls(stored.claims, stored.index, stored.found, stored.as_of, warnings=warnings, citations=stored.citations)
        from .build import parse_in_parallel

        claims, version = read_claims(path, parse_in_parallel)
        if cache:
            cache.building(version)
        return cls(claims, cache=cache, warnings=warnings)

    @staticmethod
    def _fresh(path: Path) -> tuple[Sequence[Prepared], dict[Evidence, Passage | None]]:
        """Everything built anew, for a cache found damaged in the middle of a check."""
        corpus = Corpus(load_claims(path))
        return corpus.index.prepared, corpus.found

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = self._streamed()
        if self._index is None:
            self._index = self._build_index()
            if self._cache:
                self._cache.write(self.library, self._index, self.found, self.as_of)
        return self._index

    def _build_index(self) -> Index:
        """Entries are matched on their quotes' whole sentences too: quotes are kept tight."""
        passages = {e.id: self.sentences(e) for e in self.claims.entries}
        return Index(self.claims, passages, self._attributions())

    def _attributions(self) -> list[str]:
        """The sources' authors and publishers, whom a claim may cite."""
        people = []
        for sid in self.library.available():
            try:
                meta = self.library.get(sid).meta
            except ClaimsError:
                continue
            people += [name for k in ("author", "publisher") for name in names_in(str(meta.get(k) or ""))]
        return people

    def _streamed(self) -> Index | None:
        """A large claims file's index, its entries prepared by worker processes and written to
        the cache as they come (build.py), then read back from it as a later run reads it; None
        where there is no cache to write, or writing it failed."""
        from . import build

        if not (self._cache and build.worth_streaming(len(self.claims.entries)) and self._cache.writable()):
            return None
        from concurrent.futures.process import BrokenProcessPool

        try:
            built = build.streamed(Index.begun(self.claims), self.library, self.passages, self._cache, self._attributions)
            with built.spill:
                written = self._cache.store(self.library, built.index, built.ids, built.statements, built.records(), self.as_of)
        except (OSError, BrokenProcessPool):
            return None
        path = self.claims.path
        read = self._cache.read(lambda: Corpus._fresh(path)) if written else None
        if read is None:
            return None
        self.claims, self.found, self._as_of, self._cache = read.claims, read.found, read.as_of, None
        return read.index

    def sentences(self, entry: Entry) -> list[str]:
        """The whole sentences the entry's quotes sit in, which it is matched on too."""
        return [c.passage.sentence for c in self.cite(entry)]

    def passages(self, entry: Entry) -> tuple[Passage | None, ...]:
        """Where each of the entry's quotes is in its source (None: not found)."""
        return tuple(c.passage if c else None for c in map(self.cite_one, entry.evidence))

    @property
    def as_of(self) -> Mapping[str, Span]:
        """When each cited source was written: a state it reports held then."""
        if self._as_of is None:
            dates = {}
            for sid in {ev.source for e in self.claims.entries for ev in e.evidence}:
                try:
                    dates[sid] = self.library.get(sid).date
                except ClaimsError:
                    continue
            self._as_of = as_of_spans(dates)
        return self._as_of

    @cached_property
    def checker(self) -> Checker:
        return Checker(self.index, self.as_of, self.sentences)

    def cite(self, entry: Entry) -> list[Cited]:
        """The entry's evidence found in its sources; quotes that cannot be found are left out."""
        return [c for ev in entry.evidence if (c := self.cite_one(ev)) is not None]

    def cite_one(self, ev: Evidence) -> Cited | None:
        """Where a quote is in its source; each quote is searched for once, then remembered."""
        if ev in self.found and self.found[ev] is None:
            return None
        try:
            source = self.library.get(ev.source)
        except ClaimsError:
            self.found[ev] = None
            return None
        if ev not in self.found:
            self.found[ev] = source.find(ev.quote)
        passage = self.found[ev]
        return Cited(source, passage) if passage is not None else None

    def display_path(self, source: Source) -> str:
        """sources/FILE.md, relative to the claims file's folder."""
        return shown_path(source.path, self.claims.path.parent)


__all__ = ["ClaimsError", "Corpus", "Problem", "bundled_claims", "find_claims"]


_TITLE_WORD = re.compile(r"[A-Z][\w'’-]*\.$|[A-Z]{1,3}$")  # "Lt.", "Prof.", "Dr": a rank or title, not a name


def names_in(credit: str) -> list[str]:
    """The names in a source's author or publisher line: its first part ("Communist Review",
    "Vu Van Hien"), and any later part that is a person's name alone after its titles
    ("Sr. Lt. Gen., Associate Prof., Dr Hoang Xuan Chien, Member of the ..."), not a post."""
    parts = [p.strip() for p in re.split(r"[,;]", credit.split("(")[0]) if p.strip()]
    names = parts[:1]
    for part in parts[1:]:
        words = part.split()
        while words and (_TITLE_WORD.fullmatch(words[0]) or words[0] in ("Dr", "Mr", "Ms", "Mrs")):
            words = words[1:]
        if len(words) >= 2 and all(w[:1].isupper() and not w.endswith(".") for w in words):
            names.append(" ".join(words))
    return names
