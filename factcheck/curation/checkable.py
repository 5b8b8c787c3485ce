"""The sentences of a source document, and which of them a claims file ought to state.

`extract` drafts entries from these sentences and `coverage` lists those that no entry quotes,
so both must read a source the same way: line by line, as written (a quote must be verbatim),
with its Markdown headings and list markers left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..claimsfile.sources import Source
from ..engine.clauses import has_predicate
from ..language.knowledge import FOLDER
from ..language.normalise import fold
from ..language.quantities import parse
from ..language.sentences import split_sentences

CUES_FILE = FOLDER / "checkable.txt"
NAME_REACH = 4  # words between a policy word and the name it goes with ("the Four Nos defence policy")


@dataclass(frozen=True)
class SourceSentence:
    """One sentence of a source, verbatim, with where it sits in the file."""

    source: str  # the source id
    line: int  # 1-based line of the file
    start: int  # offsets in Source.text
    end: int
    text: str


@dataclass(frozen=True)
class Cues:
    """What makes a sentence checkable besides its figures (knowledge/checkable.txt)."""

    policy: frozenset[str]
    treaty: tuple[str, ...]
    membership: tuple[str, ...]
    first: tuple[str, ...]
    list: tuple[str, ...]
    not_facts: tuple[str, ...]  # how a line starts that states nothing ("See also ...")


@lru_cache(maxsize=1)
def cues() -> Cues:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in CUES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line.lower())
    return Cues(
        policy=frozenset(sections.get("policy", ())), treaty=tuple(sections.get("treaty", ())),
        membership=tuple(sections.get("membership", ())), first=tuple(sections.get("first", ())),
        list=tuple(sections.get("list", ())), not_facts=tuple(sections.get("not-facts", ())),
    )


_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?")
_EMPHASIS = "*_"
_EMPHASIS_AS_QUOTES = str.maketrans({mark: '"' for mark in _EMPHASIS})  # where sentences are cut, not what they say


def source_sentences(source: Source) -> list[SourceSentence]:
    """Every sentence of a source's body, in order. A paragraph is its consecutive lines, as in
    Markdown, so that a sentence wrapped over two lines is one sentence (cited at the line it
    starts on); a list item starts a paragraph of its own. Headings, table rows and fenced
    code are not prose: a heading titles facts, it does not state them."""
    out: list[SourceSentence] = []
    for start, end in _paragraphs(source):
        # line breaks read as spaces, one for one: offsets into the text stay offsets into the file
        block = source.text[start:end].replace("\r", " ").replace("\n", " ")
        for a, b in split_sentences(block.translate(_EMPHASIS_AS_QUOTES)):  # "*A caption*" starts a sentence
            a, b = _unwrapped(block, a, b)
            if a < b:
                out.append(SourceSentence(source.id, source.line_of(start + a), start + a, start + b, block[a:b]))
    return out


def _paragraphs(source: Source) -> list[tuple[int, int]]:
    """The (start, end) offsets of the body's prose paragraphs, list markers left out."""
    out: list[tuple[int, int]] = []
    current: list[int] | None = None  # [start, end] of the paragraph being read
    offset = source.body_start
    fenced = False
    for line in source.text[source.body_start:].split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        prose = not fenced and stripped and not stripped.startswith(("#", "|", "```", "~~~"))
        skip = _marker_end(line) if prose else 0
        if current is not None and (not prose or skip and line[:skip].strip()):
            out.append((current[0], current[1]))  # a blank line, a heading, a new list item or quote
            current = None
        if prose:
            if current is None:
                current = [offset + skip, offset + len(line)]
            else:
                current[1] = offset + len(line)
        offset += len(line) + 1
    if current is not None:
        out.append((current[0], current[1]))
    return out


def _marker_end(line: str) -> int:
    """Where a line's quote marks and list marker end: 0 for a line without."""
    marker = _MARKER.match(line)
    assert marker is not None  # every part of the pattern may match nothing: it matches any line
    return marker.end()


def _unwrapped(line: str, a: int, b: int) -> tuple[int, int]:
    """A sentence without the emphasis marks around it ("*Vietnamese celebrate ...*")."""
    while a < b and line[a] in _EMPHASIS:
        a += 1
    while b > a and line[b - 1] in _EMPHASIS:
        b -= 1
    return a, b


def states_figure(text: str) -> bool:
    """A figure or a date, not an idiom ("one of the", "first of all")."""
    return any(not q.weak for q in parse(text))


def names_policy(text: str) -> bool:
    """A policy word with its name: a capitalised word right before it ("the Doi Moi policy"),
    a quoted phrase near it ("the "Four Nos" defence policy"), or capitalised words after "of"
    or "called", in the same stretch between commas ("the strategy of “protecting the country ...”"). An owner ("Vietnam's foreign
    policy") or a subject ("Vietnam to determine principles") names no policy."""
    words = text.replace("“", ' " ').replace("”", ' " ').replace('"', ' " ').split()
    policy = cues().policy
    for i, word in enumerate(words):
        if _core(word).lower() not in policy:
            continue
        before = _before(words, i)
        if '"' in before or (before[:1] and _names(before[0])):
            return True
        after = _after(words, i)
        if '"' in after or (after[:1] and after[0].lower() in _NAMING and any(_names(w) for w in after[1:])):
            return True
    return False


_NAMING = frozenset({"of", "called", "named", "known"})


def _before(words: list[str], i: int) -> list[str]:
    """The words before words[i], nearest first, NAME_REACH at most, not past a comma or the
    sentence's first word (capitalised anyway)."""
    out: list[str] = []
    for j in range(i - 1, max(0, i - NAME_REACH) - 1, -1):
        if j == 0 or words[j].endswith(_BREAKS):
            break
        out.append(words[j])
    return out


def _after(words: list[str], i: int) -> list[str]:
    """The words after words[i], NAME_REACH at most, not past a comma or the like."""
    out: list[str] = []
    if words[i].endswith(_BREAKS):
        return out
    for j in range(i + 1, min(len(words), i + 1 + NAME_REACH)):
        out.append(words[j])
        if words[j].endswith(_BREAKS):
            break
    return out


_BREAKS = (",", ";", ":", ".")


def _core(word: str) -> str:
    return word.strip(".,;:()’'")


def _names(word: str) -> bool:
    if word == '"':
        return True
    core = _core(word)
    return core[:1].isupper() and not core.endswith(("’s", "'s")) and core.lower() not in _NOT_NAMES


_NOT_NAMES = frozenset("the a an in on of our its their this that these those it party state".split())


def _has_cue(folded: str, phrases: Iterable[str]) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", folded) for p in phrases)


def reasons(text: str) -> tuple[str, ...]:
    """Why a sentence is checkable, each reason a word; () when it states nothing to check.
    A text without a verb asserts nothing but its figures: a caption, a reference or a
    footnote ("Gaiduk, Ilya. (1996).") is checkable for its date alone."""
    if text.lower().startswith(cues().not_facts):
        return ()
    figure = states_figure(text)
    if figure and not has_predicate(text):
        return ("figure",)  # a caption, a reference, a footnote: dated, and quoted as such
    if not figure and not has_predicate(text):
        return ()
    folded = fold(text)
    c = cues()
    found = ["figure"] if figure else []
    if names_policy(text):
        found.append("policy")
    for name, phrases in (("treaty", c.treaty), ("membership", c.membership), ("first", c.first), ("list", c.list)):
        if _has_cue(folded, phrases):
            found.append(name)
    return tuple(found)


def coverage_reasons(text: str) -> tuple[str, ...]:
    """What `coverage` asks of a sentence: a figure, a date or a named policy."""
    return tuple(r for r in reasons(text) if r in {"figure", "policy"})


def quoted_spans(entries: Iterable, source_of) -> dict[str, list[tuple[int, int]]]:
    """Where each source is quoted by the entries: (start, end) offsets by source id.
    `source_of(id)` gives the Source, or None when it cannot be read."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for entry in entries:
        for ev in entry.evidence:
            source = source_of(ev.source)
            passage = source.find(ev.quote) if source is not None else None
            if passage is not None:
                spans.setdefault(ev.source, []).append((passage.start, passage.end))
    return spans


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    a, b = span
    return any(s < b and a < e for s, e in spans)
