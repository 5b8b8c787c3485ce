"""Sentences of a plain text, found by their terminators: abbreviations, initials and quotes
do not end one, and a reference-list entry is one whole."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence as plain text, with 1-based positions of its first and last character."""

    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    context: str = ""  # what it leans on instead of the sentence before it (a table row: heading, caption, header)


# A run of terminators (only at its start, so that a long run is scanned once) and closing marks,
# followed by whitespace. Possessive quantifiers: nothing to backtrack into.
_TERMINATOR = re.compile(r"(?<![.!?])[.!?]++[\"'”’»)\]]*+(?=\s)")
_SPACE = re.compile(r"\s*")
_OPENING_QUOTES = "\"'“‘«"
_LEADING_MARKS = "\"'“‘«(["
_ABBREVIATIONS = frozenset(
    "Dr Mr Mrs Ms Prof Gen Lt Sr Jr Col Maj No Nos Vol vol pp p vs St Inc Ltd Co"
    " Jan Feb Aug Sept Oct Nov Dec approx Approx".split()
)
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, U.K, e.g, i.e, a.m
_LONGEST_ABBREVIATION = 16


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of a plain text, without surrounding spaces.

    A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets) when whitespace and then an
    uppercase letter, a digit or an opening quote follow, unless the period ends an abbreviation or
    an initial. Linear in the length of the text.
    """
    spans: list[tuple[int, int]] = []
    start = _space_end(text, 0)
    for match in _TERMINATOR.finditer(text):
        following = _space_end(text, match.end())
        if following == len(text):
            continue
        first = text[following]
        if not (first.isupper() or first.isdigit() or first in _OPENING_QUOTES):
            continue
        if match.group().rstrip("\"'”’»)]") == "." and _ends_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = following
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _space_end(text: str, pos: int) -> int:
    """Where the whitespace at `pos` ends: `pos` itself when there is none."""
    space = _SPACE.match(text, pos)
    assert space is not None  # `\s*` matches the empty string, so matches anywhere
    return space.end()


def _ends_abbreviation(text: str, period: int) -> bool:
    """Whether the word before this period is an abbreviation or an initial, not a sentence end."""
    floor = max(0, period - _LONGEST_ABBREVIATION)
    begin = period
    while begin > floor and not text[begin - 1].isspace():
        begin -= 1
    if begin == floor and floor > 0 and not text[floor - 1].isspace():
        return False  # too long a word to be an abbreviation
    word = text[begin:period].lstrip(_LEADING_MARKS)
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or bool(_DOTTED.fullmatch(word))


# --- the source and its lines -------------------------------------------------------------------

# A reference-list entry, as author-date styles write it: "Gaiduk, Ilya. (2003). Confronting
# Vietnam. Stanford, CA: Stanford University Press." Bounded repeats: linear time on any line.
_REFERENCE = re.compile(
    r"\s*[A-Z][\w'’-]{0,40}(?: [A-Z][\w'’-]{0,40}){0,3}, "  # surname
    r"[A-Z][\w'’-]{0,30}\.?(?: [A-Z][\w'’-]{0,30}\.?){0,3}\. "  # given names and initials
    r"\((?:\d{4}[a-z]?|n\.d\.)\)\. \S"  # (year).
)


def whole_reference(text: str) -> list[tuple[int, int]]:
    """A block that is a reference-list entry read as one sentence: cut at its full stops,
    "Gaiduk, Ilya. (2003)." is a date without its book, and the one book of the author that the
    sources date otherwise seems to be contradicted."""
    if not _REFERENCE.match(text):
        return []
    start = len(text) - len(text.lstrip())
    return [(start, len(text.rstrip()))]


_LINE_BREAK = re.compile(r"\r\n?")
NEWLINE = re.compile("\n")


def as_positioned(text: str) -> str:
    """A draft's text as sentence positions count it: without a BOM, every line break a single
    "\\n" (a renderer that shows the draft whole finds each sentence's lines and columns in it)."""
    return _LINE_BREAK.sub("\n", text.removeprefix("\ufeff"))
