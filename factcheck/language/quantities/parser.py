"""`parse`: every figure in a text, read by the recognisers tried in order at each token."""

from __future__ import annotations

from functools import lru_cache

from .context import Found
from .model import Quantity
from .recognisers import RECOGNISERS, number
from .tokens import Tok, tokens
from .words import MONEY_SYMBOLS, STARTERS

REMEMBERED_TEXTS = 4096  # texts whose figures are kept: a text is mostly parsed again soon after the first time


def parse(text: str) -> list[Quantity]:
    """Every figure in `text`, left to right, with its character offsets."""
    return list(_remembered_parse(text))


@lru_cache(maxsize=REMEMBERED_TEXTS)
def _remembered_parse(text: str) -> tuple[Quantity, ...]:
    """A claim is parsed for its figures and again to blank them out: once is enough."""
    return tuple(_parse(text))


def _parse(text: str) -> list[Quantity]:
    toks = tokens(text)
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.kind == "sym" and (t.text not in MONEY_SYMBOLS or i + 1 == n or toks[i + 1].kind == "sym"):
            i += 1  # a symbol starts a figure only as a currency before a number: skip floods fast
            continue
        if t.kind == "word" and t.low not in STARTERS:
            i += 1  # most words start no figure: skip them fast
            continue
        q, nxt = _figure_at(text, toks, i)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = max(nxt, i + 1)
    return out


def _figure_at(text: str, toks: list[Tok], i: int) -> Found:
    for recognise in RECOGNISERS:
        if (found := recognise(text, toks, i)) is not None:
            return found
    return number(text, toks, i)
