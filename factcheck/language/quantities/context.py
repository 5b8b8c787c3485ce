"""The words around a number that say what it is: a year or a count, an identifier or a
reference, and what it counts or ranks."""

from __future__ import annotations

from .. import units
from .model import Kind, Quantity
from .tokens import Tok
from .words import COUNT_SKIP, FILE_EXTENSIONS, IDENTIFIER_PREFIXES, NOT_COUNTED, PARTS, RANKABLE, REFERENCE_PREFIXES, YEAR_PREPOSITIONS

Found = tuple[Quantity | None, int]  # what a recogniser read: a figure and the token after it, or NO_FIGURE
NO_FIGURE: Found = (None, -1)  # the token starts no figure, whatever a later recogniser would say: the parser moves on one token
NOUN_REACH = 4  # a counted noun is within this many tokens of its number ("five US presidents")
SHORTEST_PLURAL_COUNTED = 4  # "1500 soldiers" is a count; "1917 was" is a year: short words in -s are rarely nouns


def make(kind: Kind, text: str, toks: list[Tok], a: int, b: int, **fields) -> Quantity:
    """The figure written by tokens [a, b)."""
    start, end = toks[a].start, toks[b - 1].end
    return Quantity(kind=kind, text=text[start:end], start=start, end=end, **fields)


def looks_counted(toks: list[Tok], i: int) -> bool:
    """"1500 soldiers" is a count, not a year; "in 1917 marks" is a year."""
    if i + 1 >= len(toks) or (i > 0 and toks[i - 1].low in YEAR_PREPOSITIONS):
        return False
    nxt = toks[i + 1]
    return nxt.kind == "word" and nxt.text.islower() and nxt.low.endswith("s") and len(nxt.low) >= SHORTEST_PLURAL_COUNTED and nxt.low not in NOT_COUNTED


def is_identifier(toks: list[Tok], i: int) -> bool:
    """Issue numbers ("No. 1025"), document codes ("2662-NQ/QUTW"), file names, "Covid-19"."""
    prev = toks[i - 1].low if i > 0 else ""
    if prev in IDENTIFIER_PREFIXES:
        return True
    if i + 1 < len(toks) and toks[i + 1].start == toks[i].end + 1 and toks[i + 1].kind == "word" and toks[i + 1].low in FILE_EXTENSIONS:
        return True  # a file name in a link: "333305.htm"
    if i > 1 and toks[i - 1].text == "-" and toks[i - 1].end == toks[i].start and toks[i - 2].end == toks[i - 1].start and toks[i - 2].kind == "word" \
            and toks[i - 2].low not in PARTS:
        return True  # "Covid-19", "Level-2"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    after = toks[i + 2] if i + 2 < len(toks) else None
    return nxt is not None and nxt.text == "-" and after is not None and after.kind == "word" and after.text.isupper() and len(after.text) >= 2


def is_reference(toks: list[Tok], i: int) -> bool:
    """Footnote marks "(1)", page numbers "p. 136" and list numbers are not figures."""
    prev = toks[i - 1].low if i > 0 else ""
    return prev in REFERENCE_PREFIXES


def noun_after(toks: list[Tok], j: int) -> str:
    """What a number counts: the first word after it that is not a modifier."""
    for k in range(j, min(j + NOUN_REACH, len(toks))):
        w = toks[k].low
        if toks[k].kind != "word" or w in NOT_COUNTED:
            return ""
        if w in COUNT_SKIP:
            continue
        return w
    return ""


def nouns_after(toks: list[Tok], j: int, most: int = 3) -> tuple[str, ...]:
    """The words after a count or rank ("two Mongol invasions", "cadres and soldiers",
    "13th National Party Congress"), for telling what it counts."""
    out = []
    for k in range(j, min(j + most + 1, len(toks))):
        w = toks[k].low
        if toks[k].kind != "word" or (w in NOT_COUNTED and w != "and"):
            break
        if w != "and":
            out.append(w)
    return tuple(out[:most])


def unit_at(toks: list[Tok], k: int) -> tuple[units.Unit, int] | None:
    """The unit of measure written at token k, its longest form, and the token after it."""
    if k >= len(toks):
        return None
    for words, unit in units.table().forms.get(toks[k].low, ()):
        end = k + len(words)
        if end <= len(toks) and all(toks[k + n].low == w for n, w in enumerate(words)):
            return unit, end
    return None


def unit_is_rankable(unit: str) -> bool:
    return unit in RANKABLE


def plural_key(word: str) -> str:
    """One key for a counted noun's forms: "countries"/"country", "No's"/"Nos"/"no"."""
    word = word.lower().replace("'", "").replace("’", "")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word
