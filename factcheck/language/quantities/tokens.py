"""Prose as the tokens figures are read from: numbers, words and the symbols that matter."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<num>\d+(?:[.,]\d+)*)               # digits with separators, checked after matching
    | (?P<word>[A-Za-z]+(?:['’][A-Za-z]+)?)   # words
    | (?P<sym>US\$|\$|€|£|%|~|[-–—/²³])    # symbols that matter
    """,
    re.VERBOSE,
)
LONGEST_TOKEN = 40  # no word or number that long is a figure's (symbols never are)

_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d\d)(?![\d'’])")  # "China '08", "the '60s"
SHORT_YEAR_PIVOT = 30  # "'23" is 2023, "'54" is 1954: this project's sources end in the 2020s


@dataclass(slots=True)
class Tok:
    kind: str  # num | word | sym
    text: str
    low: str
    start: int
    end: int


def tokens(text: str) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if len(raw) > LONGEST_TOKEN:
            continue
        start, end = m.span()
        if m.lastgroup == "num" and start and text[start - 1].isalpha():
            continue  # "WW2", "G7": part of a name, no figure
        if m.lastgroup == "num" and len(raw) == 2 and start and (year := _SHORT_YEAR.match(text, start - 1)):
            century = 2000 if int(year.group(1)) <= SHORT_YEAR_PIVOT else 1900
            out.append(Tok("num", str(century + int(raw)), str(century + int(raw)), start - 1, end))
            continue
        out.append(Tok(str(m.lastgroup), raw, raw.lower().replace("’", "'"), start, end))  # every alternative is a named group
    return out


def phrase(toks: list[Tok], start: int, end: int) -> str:
    """The lower-case words of tokens [start, end), as the word tables write a phrase."""
    return " ".join(t.low for t in toks[start:end])

