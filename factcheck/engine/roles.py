"""Who does what to whom: two names the claim puts the other way round from the source.

Word matching sees "helped Japanese forces fight the Americans" and "assisted American forces
against the Japanese" as the same words. What tells them apart is order around the word they
share: the claim has Japan, then "forces", then the US; the source the US, then "forces",
then Japan. Such a swap is looked for between names the claims file knows (countries, parties,
people, organisations, events: "the Soviet Union" counts as one word), round a shared word or
one that says which way ("from", "to"), within a clause of the source, and only where both
texts say the same words between the names that turn an order round ("was founded by",
"received aid from", "the DRV, the outcome of the August Revolution" keep their meaning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Protocol

from ..language.knowledge import words
from ..language.normalise import Token, fold, stem, tokens
from .match import without_figures


class Names(Protocol):
    """The names a claims file knows (Index)."""

    names: AbstractSet[tuple[str, ...]]

    def name_spans(self, toks: Sequence[Token]) -> list[tuple[tuple[str, ...], int, int]]: ...


CLAIM_REACH = 4  # words from the first name to the second, in the claim (a name is one word)
SOURCE_REACH = 4  # ... and in the source


def _any_of(forms: frozenset[str]) -> re.Pattern[str]:
    """Any of the words, whole, longest first, either apostrophe for "'"."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace("'", "['’]") for w in sorted(forms, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


# "was recognised by", "received aid from": between two names, they turn round who does what to whom
_CONVERSE = _any_of(words()["converse"])
WAYS = words()["directional"]
_DIRECTIONAL = _any_of(WAYS)
_WORD = re.compile(r"[\w']+")
_PART_BREAK = re.compile(r"[;:()\[\]|–—]|\s-\s")
_CLAUSE_BREAK = re.compile(_PART_BREAK.pattern + "|,")
# "from 'ready to be a friend' to ...": a quotation, in order; a single quote opens only before a
# word and closes only after one ("Vietnam's" is no quotation)
_QUOTED = re.compile(r"\"([^\"]{8,200})\"|“([^”]{8,200})”|(?<!\w)['‘]([^'‘’]{8,200}?)['’](?!\w)")


@dataclass(frozen=True)
class Swap:
    first: str  # a name's keys, first in the claim
    between: str  # the word both texts put between the two names
    second: str


@dataclass(frozen=True)
class Unit:
    """A content word, or a known name taken as one word; a name answers to the known names
    inside it too ("the ASEAN Chiefs of Police" to "asean", "Josef Stalin" to "stalin"). `at`:
    its place among the content words; a word that only says which way ("from") sits between
    two places and adds no distance."""

    keys: tuple[str, ...]
    name: bool
    at: float
    clause: int  # words apart by a comma, colon, bracket or dash say different things
    part: int  # ... or by anything but a comma, as a claim's pause ("increased their ties, at Hanoi's expense") may not
    start: int
    end: int


class Reading:
    """A text as the units a swap is looked for among, each key's units at hand."""

    def __init__(self, text: str, known: Names):
        self.text = text
        self.units = _units(text, known)
        self.of: dict[str, list[Unit]] = {}
        for unit in self.units:
            for key in unit.keys:
                self.of.setdefault(key, []).append(unit)

    def orders(self, a: str, b: str, c: str, claimed: bool = False) -> list[tuple[bool, frozenset[str]]]:
        """Each time the text has a and c within reach with b between them, in one clause (a
        part, of a text `claimed`): whether in that order (else c, b, a), and the words between
        them that turn an order round."""
        out = []
        apart: Callable[[Unit, Unit], bool] = (lambda u, v: u.part != v.part) if claimed else (lambda u, v: u.clause != v.clause)
        for ua in self.of.get(a, ()):
            for uc in self.of.get(c, ()):
                if apart(ua, uc) or abs(uc.at - ua.at) > SOURCE_REACH:
                    continue
                low, high = sorted((ua, uc), key=lambda u: u.at)
                if any(low.at < ub.at < high.at and not apart(ub, ua) for ub in self.of.get(b, ())):
                    out.append((ua.at < uc.at, _voice(self.text[low.end:high.start])))
        return out


def _units(text: str, known: Names) -> list[Unit]:
    toks = tokens(without_figures(text))
    spans = {start: (name, end) for name, start, end in known.name_spans(toks)}
    ways = [Token(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _DIRECTIONAL.finditer(text)]
    units: list[Unit] = []
    inside, at, clause, part, end = -1, -1, 0, 0, 0
    for t in sorted((*toks, *ways), key=lambda t: t.start):
        if t.negator or t.start < inside:
            continue
        clause += bool(_CLAUSE_BREAK.search(text, end, t.start))
        part += bool(_PART_BREAK.search(text, end, t.start))
        end = t.end
        if t.start in spans:
            name, inside = spans[t.start]
            inner = (" ".join(name[a:b]) for a in range(len(name)) for b in range(a + 1, len(name) + 1)
                     if (a, b) != (0, len(name)) and name[a:b] in known.names)
            at += 1
            units.append(Unit((" ".join(name), *inner), True, at, clause, part, t.start, inside))
        elif t.key in WAYS:
            units.append(Unit((t.key,), False, at + 0.5, clause, part, t.start, t.end))
        else:
            at += 1
            units.append(Unit((t.key,), False, at, clause, part, t.start, t.end))
    return units


def swapped(claim: str, texts: Sequence[str], known: Names) -> list[Swap]:
    """The pairs of names the claim orders round a shared word the other way from a text of the
    source, in the same voice ("was recognised by" turns an order round and keeps the meaning),
    where no text has them in the claim's order as often as the claim does (a claim may say a
    thing twice: "aid to Vietnam against the US, far below US war spending in Vietnam")."""
    mine = Reading(claim, known)
    units = mine.units
    if sum(u.name for u in units) < 2:
        return []  # the usual case: nothing to swap, no source text read
    sources = [Reading(t, known) for t in texts]
    out = []
    for i, one in enumerate(units):
        for k in range(i + 2, len(units)) if one.name else ():
            if units[k].at - one.at > CLAIM_REACH or units[k].part != one.part:
                break
            if not units[k].name:
                continue
            for first, second in ((a, b) for a in one.keys for b in units[k].keys if a != b):
                for between in dict.fromkeys(u.keys[0] for u in units[i + 1:k]):
                    if between not in (first, second) and _reversed(mine, sources, first, between, second):
                        out.append(Swap(first, between, second))
    return list(dict.fromkeys(out))


def _reversed(mine: Reading, sources: list[Reading], a: str, b: str, c: str) -> bool:
    """Whether a source text has c, b, a in a voice the claim has a, b, c in, and none has a, b,
    c in that voice as often as the claim does."""
    said = [voice for in_order, voice in mine.orders(a, b, c, claimed=True) if in_order]
    found = [[(in_order, voice) for in_order, voice in text.orders(a, b, c) if voice in said] for text in sources]
    return (any(not in_order for occurrences in found for in_order, _ in occurrences)
            and all(sum(in_order for in_order, _ in occurrences) < len(said) for occurrences in found))


def _voice(between: str) -> frozenset[str]:
    """The words between two names that turn their order round ("by", "received ... from")."""
    return frozenset(stem(m.group().lower()) for m in _CONVERSE.finditer(between))


def quotes_swapped(claim: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """Two quotations the claim gives in the other order from the source ("the formula moved from
    'ready to be a friend' to 'wants to be a friend'", where the source has them the other way)."""
    quotes = [next(g for g in m.groups() if g).strip(" ,.") for m in _QUOTED.finditer(claim)]
    folded = [fold(t) for t in texts]
    for a, b in zip(quotes, quotes[1:]):
        orders = [(t.find(fold(a)), t.find(fold(b))) for t in folded]
        found = [(i, j) for i, j in orders if i >= 0 and j >= 0 and i != j]
        if found and all(j < i for i, j in found):
            return a, b
    return None


def quote_reordered(claim: str, texts: Sequence[str]) -> str | None:
    """A quotation of the claim whose words the source has, together, only in another order
    ("'calm inside, warm outside'" where the source has "warm inside, calm outside"): a motto
    or a saying put the other way round says something else."""
    sources = [_written(t) for t in texts]
    for m in _QUOTED.finditer(claim):
        quote = next(g for g in m.groups() if g).strip(" ,.")
        words = _written(quote)
        if len(set(words)) < 2:
            continue
        windows = [text[i:i + len(words)] for text in sources for i in range(len(text) - len(words) + 1)]
        if words not in windows and any(sorted(w) == sorted(words) for w in windows):
            return quote
    return None


def _written(text: str) -> list[str]:
    """A quotation's words as written, stop words too, each stemmed ("helping" is "help"): a
    quotation is compared word for word, not for what it is about."""
    return [stem(w) for w in _WORD.findall(fold(text))]
