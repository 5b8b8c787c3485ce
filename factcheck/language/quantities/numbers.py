"""Numbers as written: digits with separators and scale words, number words, and what stands
around a number (its qualifier, its currency), with the precision the writing implies."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from .model import Qualifier
from .tokens import Tok, phrase
from .words import CURRENCY_FIRST, CURRENCY_WORDS, GLUED_SCALES, GROUPS, QUALIFIER_OF, SCALES, TENS_WORDS, UNITS_WORDS, WORD_SCALES

PERCENT_HALF_MAX = 0.5  # a percentage is exact to half a point at most, whatever zeros it ends in: "100 percent" is all of it
ROUNDING_CAP = 0.05  # "100 countries" may be 95 or 104, not 50 to 149: trailing zeros round by 5 % at most
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_THOUSANDS_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


@dataclass
class Num:
    value: float
    half: float
    start: int  # token index range [start, end)
    end: int
    word: bool = False  # written in words


def parse_digits(raw: str, next_is_scale: bool) -> tuple[float, float] | None:
    """A digit string to (value, half unit of its last significant digit).

    "1,100" and "34,000,000" use thousands separators; "0.86" a decimal point; "1,38" before
    a scale word ("1,38 trillion") the decimal comma that some sources use.
    """
    if "," in raw and "." in raw:
        if _THOUSANDS_DECIMAL.fullmatch(raw):
            raw = raw.replace(",", "")
        else:
            return None
    elif "," in raw:
        if _THOUSANDS.fullmatch(raw) and not (next_is_scale and raw.count(",") == 1 and len(raw.split(",")[1]) != 3):
            raw = raw.replace(",", "")
        elif _DECIMAL_COMMA.fullmatch(raw):
            raw = raw.replace(",", ".")
        else:
            return None
    elif raw.count(".") > 1:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if "." in raw:
        decimals = len(raw.split(".")[1])
        half = 0.5 * 10 ** -decimals
    else:
        digits = raw.rstrip("0")
        zeros = len(raw) - len(digits) if digits else 0
        half = 0.5 * 10**zeros
    return value, half


def round_half(value: float, half: float) -> float:
    """Trailing zeros are ambiguous ("100 countries"): cap the rounding at 5 % of the value."""
    if value == 0:
        return half
    return min(half, max(abs(value) * ROUNDING_CAP, half if half < 1 else 0.5))


def default_half(value: float) -> float:
    """The rounding of a value the claims file gives without text to read it from."""
    if value == int(value):
        digits = str(int(abs(value)))
        zeros = len(digits) - len(digits.rstrip("0")) if value else 0
        return round_half(value, 0.5 * 10**zeros)
    decimals = -int(Decimal(repr(value)).as_tuple().exponent)  # repr may be "1e-06": no "." to count after
    return 0.5 * 10**-decimals


def read_number(toks: list[Tok], i: int) -> Num | None:
    """A number at token i: digits with an optional scale word, or number words."""
    t = toks[i]
    if t.kind == "num":
        return _read_digits(toks, i)
    if t.kind == "word" and (t.low in UNITS_WORDS or t.low in TENS_WORDS or t.low in {"a", "an"}):
        return _read_words(toks, i)
    return None


def _read_digits(toks: list[Tok], i: int) -> Num | None:
    """"34", "1,100", "34 million", "7bn": a lone "m", "b" or "k" is a scale only when glued."""
    t = toks[i]
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    parsed = parse_digits(t.text, nxt in SCALES and nxt not in GLUED_SCALES or (nxt in SCALES and toks[i + 1].start == t.end))
    if parsed is None:
        return None
    value, half = parsed
    end = i + 1
    if end < len(toks) and toks[end].low in SCALES and toks[end].kind == "word":
        scale_tok = toks[end]
        if scale_tok.low in GLUED_SCALES and scale_tok.start != t.end:
            return Num(value, half, i, end)
        scale = SCALES[scale_tok.low]
        value *= scale
        half *= scale
        end += 1
    return Num(value, half, i, end)


_A_SCALE = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "score"})  # "a hundred", "a dozen"


def _read_words(toks: list[Tok], i: int) -> Num | None:
    """"Twenty-five", "three hundred and twelve", "a million", "a score of": number words."""
    j = i
    total = 0.0
    current = 0.0
    seen = False
    while j < len(toks):
        w = toks[j].low
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
            if j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 2].low in UNITS_WORDS:
                current += UNITS_WORDS[toks[j + 2].low]
                j += 2
        elif w in {"a", "an"} and not seen and j + 1 < len(toks) and toks[j + 1].low in _A_SCALE:
            current = 1
        elif w in GROUPS and seen and j + 1 < len(toks) and toks[j + 1].low == "of":
            current = (current or 1) * GROUPS[w]  # "a score of changes": twenty
            j += 1
        elif w == "hundred" and seen:
            current = (current or 1) * 100
        elif w in WORD_SCALES and seen:
            total += (current or 1) * SCALES[w]
            current = 0
        elif w == "and" and seen and j + 1 < len(toks) and (toks[j + 1].low in UNITS_WORDS or toks[j + 1].low in TENS_WORDS) and total + current >= 100:
            pass  # "three hundred and twelve"
        else:
            break
        seen = True
        j += 1
    if not seen or (toks[i].low in {"a", "an"} and j == i + 1):
        return None
    half = 0.5 * SCALES.get(toks[j - 1].low, 1)
    return Num(total + current, half, i, j, word=True)


def qualifier_before(toks: list[Tok], i: int) -> tuple[Qualifier, int]:
    """The qualifier phrase ending just before token i, and where it starts."""
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        q = QUALIFIER_OF.get(phrase(toks, i - length, i))
        if q is not None:
            return q, i - length
    return Qualifier.EXACT, i


def currency_at(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """The currency code of a phrase starting at token i ("US$", "U.S. dollars"), and the token after it."""
    if toks[i].low not in CURRENCY_FIRST:
        return None
    for length in (3, 2, 1):
        if i + length > len(toks):
            continue
        words = phrase(toks, i, i + length).replace("u s", "us").replace("us $", "us$")
        if words in CURRENCY_WORDS:
            return CURRENCY_WORDS[words], i + length
    return None
