"""Lists in a quote: the names after a colon or "including", or in a row after a preposition;
closed only when the quote counts them ("with five countries: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.quantities import Kind, Qualifier, Quantity
from .checkable import cues

MEMBER_WORDS = 8  # a list member longer than this is a clause, not a name
MEMBER_CHARS = 200  # the same in characters, checked first


@dataclass(frozen=True)
class Listed:
    members: tuple[tuple[str, tuple[Quantity, ...], int, int], ...]  # name, the figures written with it, its span
    closed: bool
    head: str  # what the list is of, without its count: "Vietnam has established a ... partnership with"


_PARENTHESES = re.compile(r"\s{0,3}\([^()]{0,200}\)")  # bounded: source text is untrusted


def find_list(quote: str, figures: list[Quantity]) -> Listed | None:
    """The names a quote lists after a colon or "including"/"such as": closed when the quote
    counts them ("with five countries: ..."), open when it says they are examples."""
    intro, intro_at, at = _list_start(quote)
    if intro is None:
        return _enumeration(quote, figures)
    body = quote[at:].rstrip(" .;")
    items: list[tuple[str, int, int]] = []  # each member as written, and its span in the quote
    pos = at
    for piece in body.split(","):
        start = quote.index(piece, pos)
        pos = start + len(piece)
        text = re.sub(r"^\s*(?:and|or)\s+", "", piece)
        a = start + (len(piece) - len(text))
        items.append((text.strip(), a, pos))
    if items and " and " in items[-1][0]:
        last, a, b = items.pop()
        cut = a + last.index(" and ")
        items += [(last[:cut - a], a, cut), (last[cut - a + len(" and "):], cut + len(" and "), b)]
    names = []
    for text, a, b in items:
        if len(text) > MEMBER_CHARS:
            return None
        name = _PARENTHESES.sub("", text).strip().strip("\"“”'’.")
        name = re.sub(r"^the\s+", "", name)
        if not name or len(name.split()) > MEMBER_WORDS:
            return None
        names.append((name, a, b))
    counted = [q for q in figures if q.kind is Kind.COUNT and q.qualifier is Qualifier.EXACT and q.end <= at and not q.weak]
    count_fits = any(q.value == len(names) for q in counted)
    capitalised = all(n[:1].isupper() for n, _, _ in names)
    if len(names) < 2 or len({n.lower() for n, _, _ in names}) < len(names) or not (capitalised or count_fits):
        return None
    members = tuple((n, tuple(q for q in figures if a <= q.start and q.end <= b and not q.weak), a, b) for n, a, b in names)
    head_end = next((q.start for q in counted if q.value == len(names)), intro_at)
    return Listed(members, intro == ":" and count_fits, quote[:head_end].rstrip(" ,:"))


_ENUMERATED_AFTER = re.compile(r"(?<!\w)(?:with|to|in|from|between|by|of|visited)\s+")
MIN_ENUMERATED = 3  # names in a row, the last after "and", that make a list without a colon


def _enumeration(quote: str, figures: list[Quantity]) -> Listed | None:
    """Names in a row after a preposition, the last after "and" ("signed FTAs with ASEAN,
    Japan, Chile, the EU and South Korea"): a list, open, for the source does not count it."""
    for m in _ENUMERATED_AFTER.finditer(quote):
        items = _names_in_a_row(quote, m.end())
        if len(items) >= MIN_ENUMERATED and len({n.lower() for n, _, _ in items}) == len(items):
            members = tuple((n, tuple(q for q in figures if a <= q.start and q.end <= b and not q.weak), a, b) for n, a, b in items)
            return Listed(members, False, quote[:m.end()].rstrip())
    return None


def _names_in_a_row(quote: str, pos: int) -> list[tuple[str, int, int]]:
    """The names from `pos` separated by commas, up to the one after "and"; [] when the run
    does not end so."""
    items: list[tuple[str, int, int]] = []
    while pos < len(quote):
        end = min((i for i in (quote.find(",", pos), quote.find(";", pos)) if i >= 0), default=len(quote))
        piece = quote[pos:end]
        last = re.match(r"\s*and\s+", piece) if items else None
        joined = piece.find(" and ") if not last else -1
        if last or joined >= 0:
            pairs = [(pos + last.end(), end)] if last else [(pos, pos + joined), (pos + joined + len(" and "), end)]
            names = [(_member_name(quote[a:b]), a, b) for a, b in pairs]
            return items + names if all(n for n, _, _ in names) else []
        name = _member_name(piece)
        if not name or end == len(quote) or quote[end] != ",":
            return []
        items.append((name, pos, end))
        pos = end + 1
    return []


def _member_name(text: str) -> str:
    """A list item as a member's name: "the European Union (EU)" is "European Union"; "" for
    an item that is no name (lower case, or too long)."""
    if len(text) > MEMBER_CHARS:
        return ""
    name = re.sub(r"^the\s+", "", _PARENTHESES.sub("", text).strip().strip("\"“”'’.").strip())
    return name if name[:1].isupper() and len(name.split()) <= MEMBER_WORDS else ""


def _list_start(quote: str) -> tuple[str | None, int, int]:
    """How a list is introduced (":" or a cue), where that starts and where the list starts."""
    colon = quote.find(": ")
    if colon > 0:
        return ":", colon, colon + 2
    low = quote.lower()
    for cue in cues().list:
        m = re.search(r"(?<!\w)" + re.escape(cue) + r"\s+", low)
        if m:
            return cue, m.start(), m.end()
    return None, 0, 0
