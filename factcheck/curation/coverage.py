"""Which sentences of the sources state a figure, a date or a named policy that no entry quotes:
what a curator still has to turn into entries, so that a CI can require full coverage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..claimsfile.claims import ClaimsError, ClaimsFile
from ..claimsfile.sources import Source, SourceLibrary
from .checkable import coverage_reasons, overlaps, quoted_spans, source_sentences


@dataclass(frozen=True)
class Uncovered:
    path: Path  # the source file
    line: int
    text: str
    reasons: tuple[str, ...]  # "figure", "policy"


def uncovered(claims: ClaimsFile) -> tuple[list[Uncovered], list[str]]:
    """The sentences no entry quotes, in file order, and the sources that could not be read
    (each one line, for the user)."""
    library = SourceLibrary(claims.sources_dir)
    errors: list[str] = []

    def readable(source_id: str) -> Source | None:
        try:
            return library.get(source_id)
        except ClaimsError as exc:
            if str(exc) not in errors:
                errors.append(str(exc))
            return None

    quoted = quoted_spans(claims.entries, readable)
    found: list[Uncovered] = []
    for source_id in library.available():
        source = readable(source_id)
        if source is None:
            continue
        for sentence in source_sentences(source):
            why = coverage_reasons(sentence.text)
            if why and not overlaps((sentence.start, sentence.end), quoted.get(source_id, ())):
                found.append(Uncovered(source.path, sentence.line, sentence.text, why))
    return found, errors
