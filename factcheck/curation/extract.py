"""Draft entries from a source document: one for each fact of each checkable sentence that no
entry of the claims file quotes yet.

A drafted entry is meant to be reviewed, not retyped: its quote is verbatim, every figure of
the quote is a structured value whose `text` is the figure as written, and the whole passes
`validate` as it is. What cannot be read from the text (which topic, whether a list is
whole) is guessed conservatively and marked for the curator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..claimsfile.claims import ClaimsError, ClaimsFile, load_claims, read_text
from ..claimsfile.sources import Source, SourceLibrary, source_path
from ..language.normalise import negated, tokens
from ..language.quantities import Kind, Quantity, parse
from .checkable import SourceSentence, overlaps, quoted_spans, reasons, source_sentences
from .facts import facts, statement_of
from .lists import find_list
from .naming import KEBAB, Topics, make_id, parties_of
from .valuefields import period_ends, value_fields


class ExtractError(Exception):
    """A source or claims file that cannot be drafted from; the message says which and why."""


@dataclass(frozen=True)
class Member:
    name: str
    values: tuple[dict, ...] = ()
    aliases: tuple[str, ...] = ()  # an acronym the source gives beside it: "European Union (EU)"


@dataclass(frozen=True)
class ProposedList:
    members: tuple[Member, ...]
    closed: bool


@dataclass(frozen=True)
class Proposal:
    """One drafted entry, with where its quote sits and how sure the guesses are."""

    id: str
    statement: str
    topic: str
    topic_guessed: bool  # no cue suggested the topic: the curator decides
    parties: tuple[str, ...]
    values: tuple[dict, ...]  # claims-file value mappings: kind, value..., text
    list: ProposedList | None
    polarity: str
    source: str
    quote: str
    line: int
    reasons: tuple[str, ...]
    others: tuple = ()  # discrepancies.Standing: the entries of other sources it agrees or differs with


@dataclass(frozen=True)
class Extraction:
    claims_path: Path
    sources_dir: Path
    proposals: tuple[Proposal, ...]
    skipped: int = 0  # checkable facts that an entry already quotes
    sources: tuple[Path, ...] = field(default=())


# --- the claims file and the sources -----------------------------------------------------------


def read_claims_or_empty(path: Path) -> ClaimsFile:
    """The claims file; one with no YAML in it yet (empty, or comments only) has no entries and
    its sources in `sources/` beside it, so that a curator can start from an empty file."""
    text = read_text(path) if path.exists() else ""
    if not _has_yaml(text):
        return ClaimsFile(path=path, sources_dir=path.parent / "sources", entries=())
    return load_claims(path)


def _has_yaml(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def source_id_of(path: Path, sources_dir: Path) -> str:
    """A SOURCE argument as a source id: a file of the claims file's sources folder (or its id)."""
    if not path.exists() and KEBAB.fullmatch(str(path)) and (sources_dir / f"{path}.md").is_file():
        return str(path)
    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    try:
        inside = path.resolve().parent == sources_dir.resolve()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot resolve: {exc}") from None
    if not inside or path.suffix != ".md":
        raise ExtractError(f"{path}: not a .md file of the sources folder {sources_dir} (copy it there first: evidence names a source by its file name)")
    if not KEBAB.fullmatch(path.stem):
        raise ExtractError(f"{path}: the file name {path.stem!r} is not kebab-case (a-z, 0-9, single hyphens): rename it, evidence names a source by it")
    return path.stem


def extract(claims_path: Path, source_args: list[Path]) -> Extraction:
    """Proposed entries for every checkable fact of the sources that no entry quotes yet."""
    try:
        claims_file = read_claims_or_empty(claims_path)
    except ClaimsError as exc:
        raise ExtractError(str(exc)) from None
    library = SourceLibrary(claims_file.sources_dir)
    ids = [source_id_of(Path(a), claims_file.sources_dir) for a in source_args]
    quoted = quoted_spans(claims_file.entries, lambda sid: _readable(library, sid))
    topics = Topics.of(claims_file)
    taken = {e.id for e in claims_file.entries}
    proposals: list[Proposal] = []
    skipped = 0
    for sid in dict.fromkeys(ids):
        try:
            source = library.get(sid)
        except ClaimsError as exc:
            raise ExtractError(str(exc)) from None
        for sentence, start, end, statement, already in checkable_facts(source, quoted.get(sid, ())):
            if already:
                skipped += 1
                continue
            proposals += propose(sentence, start, end, statement, topics, taken)
    if claims_file.entries and proposals:
        proposals = _compared(claims_path, proposals)
    return Extraction(claims_path, claims_file.sources_dir, tuple(proposals), skipped,
                      tuple(source_path(claims_file.sources_dir, sid) for sid in dict.fromkeys(ids)))


def _compared(claims_path: Path, proposals: list[Proposal]) -> list[Proposal]:
    """Each proposal marked with the entries of other sources that it agrees or differs with:
    a new source is checked on arrival."""
    from dataclasses import replace

    from ..engine.corpus import Corpus
    from .discrepancies import standings

    try:
        corpus = Corpus.load(claims_path)
    except ClaimsError as exc:
        raise ExtractError(str(exc)) from None
    marks = standings(corpus, [(p.source, p.quote, p.line) for p in proposals])
    return [replace(p, others=m) for p, m in zip(proposals, marks)]


def checkable_facts(source: Source, quoted: Sequence[tuple[int, int]]) -> Iterator[tuple[SourceSentence, int, int, str, bool]]:
    """Each fact of each checkable sentence of a source: (sentence, start, end, statement,
    whether an entry quotes it already); `quoted`: the spans of the source that entries quote."""
    for sentence in source_sentences(source):
        if sentence.text.rstrip("\"'”’)").endswith("?") or not reasons(sentence.text):
            continue  # a question asserts nothing
        for start, end, statement in facts(sentence.text):
            yield sentence, start, end, statement, overlaps((sentence.start + start, sentence.start + end), quoted)


def new_facts(claims_file: ClaimsFile, source_id: str) -> list[tuple[str, int]]:
    """The checkable facts of a source that no entry quotes yet, as (quote, line): what a
    document says that the claims file does not know, read as `extract` reads it."""
    library = SourceLibrary(claims_file.sources_dir)
    quoted = quoted_spans(claims_file.entries, lambda sid: _readable(library, sid))
    try:
        source = library.get(source_id)
    except ClaimsError as exc:
        raise ExtractError(str(exc)) from None
    return [(quote_of(sentence, start, end), sentence.line)
            for sentence, start, end, _, already in checkable_facts(source, quoted.get(source_id, ())) if not already]


def quote_of(sentence: SourceSentence, start: int, end: int) -> str:
    """A fact's quote: verbatim, a wrapped line read as one."""
    return " ".join(sentence.text[start:end].split()).rstrip(",;:")


def _readable(library: SourceLibrary, source_id: str) -> Source | None:
    try:
        return library.get(source_id)
    except ClaimsError:
        return None


# --- proposals ---------------------------------------------------------------------------------


def propose(sentence: SourceSentence, start: int, end: int, statement: str,
            topics: Topics, taken: set[str]) -> list[Proposal]:
    """The entry for one fact; a list whose members carry figures ("China (2008), Russia
    (2012)") separates one fact a member, each an entry of its own too."""
    quote = quote_of(sentence, start, end)
    figures = parse(quote)
    listed = find_list(quote, figures)
    in_members = {id(q) for m in (listed.members if listed else ()) for q in m[1]}
    carried = [q for q in figures if _carried(q) and id(q) not in in_members]
    values = tuple(f for q in carried for f in (value_fields(q), *map(value_fields, period_ends(q))) if f)
    proposed_list = ProposedList(tuple(Member(m[0], _fields(m[1]), _acronyms(quote[m[2]:m[3]], m[0])) for m in listed.members), listed.closed) if listed else None
    out = [_proposal(sentence, quote, statement, values, proposed_list, topics, taken)]
    head = listed.head if listed else ""
    for name, member_figures, a, b in (listed.members if listed and head else ()):
        fields = _fields(member_figures)
        if fields and len(fields) == len(member_figures):
            said = " and ".join(f"in {f['text']}" if f["kind"] == "date" and "relation" not in f else f"({f['text']})" for f in fields)
            out.append(_proposal(sentence, quote[a:b].strip(), statement_of(f"{head} {name} {said}"), fields, None, topics, taken))
    return out


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)")


def _acronyms(item: str, name: str) -> tuple[str, ...]:
    return tuple(a for a in _ACRONYM.findall(item) if a != name)


def _fields(figures) -> tuple[dict, ...]:
    return tuple(f for q in figures if (f := value_fields(q)))


def _proposal(sentence: SourceSentence, quote: str, statement: str, values: tuple[dict, ...],
              listed: ProposedList | None, topics: Topics, taken: set[str]) -> Proposal:
    topic, guessed = topics.guess(statement)
    proposal = Proposal(
        id=make_id(statement, taken), statement=statement, topic=topic, topic_guessed=guessed,
        parties=parties_of(statement), values=values, list=listed,
        polarity="negative" if negated(tokens(quote)) else "positive",
        source=sentence.source, quote=quote, line=sentence.line, reasons=reasons(sentence.text),
    )
    taken.add(proposal.id)
    return proposal


def _carried(q: Quantity) -> bool:
    """Every figure but the idioms ("one of", "first of all"); a number that names a doctrine
    ("the Four Nos") is carried, so that "Five Nos" conflicts with it."""
    return not q.weak or (q.kind is Kind.COUNT and (q.value or 0) >= NAMED_COUNT_FLOOR)


NAMED_COUNT_FLOOR = 2  # "one" is an idiom ("one of the"); "Four Nos", "Three Withs" name things


__all__ = ["ExtractError", "Extraction", "Proposal", "extract", "propose"]
