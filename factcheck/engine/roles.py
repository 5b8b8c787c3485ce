"""Who does what to whom: two names the claim puts the other way round from the source.

Word matching sees "helped Japanese forces fight the Americans" and "assisted American forces
against the Japanese" as the same words. What tells them apart is order around the word they
share: the claim has Japan, then "forces", then the US; the source the US, then "forces",
then Japan. Such a swap is looked for only between countries, the parties of a relation (not
between events: "the DRV, the outcome of the August Revolution" keeps its meaning), and only
where both texts are in the same voice ("was founded by" turns an order round and keeps the
meaning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..language.normalise import fold, tokens
from .match import without_figures

CLAIM_REACH = 3  # content words from the first name to the second, in the claim
SOURCE_REACH = 4  # ... and in the source, which may say more between them
_PASSIVE = re.compile(r"\bby\b", re.IGNORECASE)  # "was recognised by": the order of who and whom turns round
# "from 'ready to be a friend' to ...": a quotation, in order; a single quote opens only before a
# word and closes only after one ("Vietnam's" is no quotation)
_QUOTED = re.compile(r"\"([^\"]{8,200})\"|“([^”]{8,200})”|(?<!\w)['‘]([^'‘’]{8,200}?)['’](?!\w)")


@dataclass(frozen=True)
class Swap:
    first: str  # a name's key, first in the claim
    between: str  # the word both texts put between the two names
    second: str


def _keys(text: str) -> list[str]:
    return [t.key for t in tokens(without_figures(text)) if not t.negator]


def swapped(claim: str, texts: Sequence[str], is_name: Callable[[str], bool]) -> list[Swap]:
    """The pairs of names the claim orders round a shared word the other way from every text of
    the source that has all three, where no text has them in the claim's order."""
    words = _keys(claim)
    passive = bool(_PASSIVE.search(claim))
    sources = [(_positions(_keys(t)), bool(_PASSIVE.search(t)) == passive) for t in texts]
    out = []
    for i, first in enumerate(words):
        if not is_name(first):
            continue
        for k in range(i + 2, min(len(words), i + CLAIM_REACH + 1)):
            second = words[k]
            if second == first or not is_name(second):
                continue
            for between in dict.fromkeys(words[i + 1:k]):
                if between in (first, second):
                    continue
                orders = [_order(pos, first, between, second) for pos, same_voice in sources if same_voice]
                if "reversed" in orders and "same" not in orders:
                    out.append(Swap(first, between, second))
    return out


def _positions(words: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        out.setdefault(word, []).append(i)
    return out


def _order(pos: dict[str, list[int]], a: str, b: str, c: str) -> str:
    """"same" when a text has a, b, c in that order within reach; "reversed" for c, b, a; else ""."""
    if not (a in pos and b in pos and c in pos):
        return ""
    found = ""
    for pa in pos[a]:
        for pb in pos[b]:
            for pc in pos[c]:
                if pa < pb < pc and pc - pa <= SOURCE_REACH:
                    return "same"
                if pc < pb < pa and pa - pc <= SOURCE_REACH:
                    found = "reversed"
    return found


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
