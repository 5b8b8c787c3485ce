"""A claims file with everything a check needs: its sources, its index, its checker.

Where the claims file comes from: `--claims PATH`, else a `claims.yaml` in the current folder
or the nearest parent, else the one bundled with the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from .claims import ClaimsError, ClaimsFile, Entry, Evidence, Problem, load_claims
from .match import Index
from .sources import Passage, Source, SourceLibrary
from .verdict import Checker, as_of_spans

CLAIMS_NAME = "claims.yaml"


def bundled_claims() -> Path:
    """The claims file shipped in the package (a wheel), or beside it (a source checkout)."""
    packaged = Path(str(resources.files("factcheck") / "data" / CLAIMS_NAME))
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / CLAIMS_NAME


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
    def __init__(self, claims: ClaimsFile):
        self.claims = claims
        self.library = SourceLibrary(claims.sources_dir)

    @classmethod
    def load(cls, path: Path) -> Corpus:
        return cls(load_claims(path))

    @cached_property
    def index(self) -> Index:
        """Entries are matched on their quotes' whole sentences too: quotes are kept tight."""
        passages = {e.id: [c.passage.sentence for c in self.cite(e)] for e in self.claims.entries}
        people = []
        for sid in self.library.available():
            try:
                meta = self.library.get(sid).meta
            except ClaimsError:
                continue
            people += [re.split(r"[,(]", str(meta.get(k) or ""))[0].strip() for k in ("author", "publisher")]
        return Index(self.claims, passages, people)

    @cached_property
    def checker(self) -> Checker:
        dates = {}
        for sid in {ev.source for e in self.claims.entries for ev in e.evidence}:
            try:
                dates[sid] = self.library.get(sid).date
            except ClaimsError:
                continue
        return Checker(self.index, as_of_spans(dates))

    def cite(self, entry: Entry) -> list[Cited]:
        """The entry's evidence found in its sources; quotes that cannot be found are left out."""
        return [c for ev in entry.evidence if (c := self.cite_one(ev)) is not None]

    def cite_one(self, ev: Evidence) -> Cited | None:
        try:
            source = self.library.get(ev.source)
        except ClaimsError:
            return None
        passage = source.find(ev.quote)
        return Cited(source, passage) if passage is not None else None

    def display_path(self, source: Source) -> str:
        """sources/FILE.md, relative to the claims file's folder."""
        try:
            return str(source.path.relative_to(self.claims.path.parent))
        except ValueError:
            return str(source.path)


__all__ = ["ClaimsError", "Corpus", "Problem", "bundled_claims", "find_claims"]
