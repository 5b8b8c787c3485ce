"""Figures as values: parse amounts, counts, percentages, ordinals, durations, measures (330 m,
1,083 feet), dates and periods out of prose, and compare two of them with their precision and qualifiers.

Fuzzy text similarity barely moves when "34 million" becomes "43 million"; these values do.
Every pattern here is applied to untrusted text, so each one is linear: no nested quantifiers.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from enum import StrEnum

from . import units


class Kind(StrEnum):
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    RATIO = "ratio"
    MULTIPLE = "multiple"
    ORDINAL = "ordinal"
    DURATION = "duration"
    MEASURE = "measure"  # a physical quantity in a unit of units.txt: 330 m, about 1,083 feet
    DATE = "date"
    PERIOD = "period"


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    ALMOST = "almost"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    LESS_THAN = "less-than"
    AT_MOST = "at-most"


class Agreement(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    OPEN = "open"  # consistent, but the source does not confirm it


TIME_KINDS = frozenset({Kind.DATE, Kind.PERIOD})
NUMBER_KINDS = frozenset(Kind) - TIME_KINDS


@dataclass(frozen=True)
class Span:
    """A date as the interval of days it may mean: "1995" is a year long, "12 July 1995" a day."""

    first: date
    last: date

    def contains(self, other: Span) -> bool:
        return self.first <= other.first and other.last <= self.last

    def disjoint(self, other: Span) -> bool:
        return self.last < other.first or other.last < self.first

    @property
    def days(self) -> int:
        return (self.last - self.first).days


@dataclass(frozen=True)
class Quantity:
    kind: Kind
    text: str
    value: float | None = None  # numeric kinds; a ratio's part
    unit: str = ""  # currency code, counted noun, duration unit, ranked noun
    qualifier: Qualifier = Qualifier.EXACT
    of: float | None = None  # a ratio's whole
    span: Span | None = None  # a date, or a period's start
    span_to: Span | None = None  # a period's end
    relation: str = ""  # after, before, since, by, until (dates)
    half_unit: float = 0.0  # half the unit of the last significant digit as written
    weak: bool = False  # idiomatic figures ("one country", "first time") that may go unmatched
    nouns: tuple[str, ...] = ()  # the words after a count, for telling what it counts
    start: int = -1
    end: int = -1

    @property
    def number(self) -> float | None:
        """The value that comparisons use: ratios compare as percentages."""
        if self.kind is Kind.RATIO and self.value is not None and self.of:
            return 100.0 * self.value / self.of
        return self.value

    def describe(self) -> str:
        return describe(self)


# --- words -----------------------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6,
    "mln": 1e6, "m": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
QUALIFIERS = [
    ("more than", Qualifier.MORE_THAN), ("over", Qualifier.MORE_THAN),
    ("above", Qualifier.MORE_THAN), ("in excess of", Qualifier.MORE_THAN),
    ("upwards of", Qualifier.MORE_THAN), ("exceeding", Qualifier.MORE_THAN),
    ("just over", Qualifier.MORE_THAN), ("well over", Qualifier.MORE_THAN),
    ("topped", Qualifier.MORE_THAN), ("exceeded", Qualifier.MORE_THAN),
    ("surpassed", Qualifier.MORE_THAN), ("passed", Qualifier.MORE_THAN),
    ("top", Qualifier.MORE_THAN), ("exceed", Qualifier.MORE_THAN),
    ("at least", Qualifier.AT_LEAST), ("no fewer than", Qualifier.AT_LEAST),
    ("no less than", Qualifier.AT_LEAST), ("less than", Qualifier.LESS_THAN),
    ("fewer than", Qualifier.LESS_THAN), ("under", Qualifier.LESS_THAN),
    ("below", Qualifier.LESS_THAN), ("just under", Qualifier.ALMOST),
    ("at most", Qualifier.AT_MOST), ("up to", Qualifier.AT_MOST),
    ("no more than", Qualifier.AT_MOST), ("about", Qualifier.ABOUT),
    ("around", Qualifier.ABOUT), ("approximately", Qualifier.ABOUT),
    ("approx", Qualifier.ABOUT), ("roughly", Qualifier.ABOUT), ("some", Qualifier.ABOUT),
    ("an estimated", Qualifier.ABOUT), ("estimated", Qualifier.ABOUT),
    ("circa", Qualifier.ABOUT), ("c", Qualifier.ABOUT), ("ca", Qualifier.ABOUT), ("~", Qualifier.ABOUT),
    ("close to", Qualifier.ALMOST), ("nearly", Qualifier.ALMOST), ("almost", Qualifier.ALMOST),
    ("just", Qualifier.EXACT), ("only", Qualifier.EXACT), ("exactly", Qualifier.EXACT),
]
QUALIFIER_WORDS = {q for q, _ in QUALIFIERS}
CURRENCY_WORDS = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "us dollar": "USD",
    "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "american dollars": "USD",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR", "vnd": "VND", "dong": "VND",
    "yuan": "CNY", "rmb": "CNY", "roubles": "RUB", "rubles": "RUB", "£": "GBP", "pounds": "GBP",
}
DURATION_UNITS = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years", "decade": "decades", "decades": "decades",
    "month": "months", "months": "months", "week": "weeks", "weeks": "weeks", "wks": "weeks", "day": "days",
    "days": "days", "hour": "hours", "hours": "hours", "hrs": "hours", "century": "centuries",
    "centuries": "centuries",
}
# "three decades" is "30 years": durations compare in one unit per family
IN_YEARS = {"decades": 10.0, "centuries": 100.0}
PARTS = {
    "early": "early", "beginning of": "early", "start of": "early", "the beginning of": "early",
    "mid": "mid", "middle of": "mid", "the middle of": "mid", "late": "late", "end of": "late",
    "the end of": "late", "the late": "late", "the early": "early", "the mid": "mid",
}
RELATIONS = {
    "after": "after", "before": "before", "since": "since", "by": "by", "until": "until",
    "till": "until", "prior to": "before", "following": "after", "from": "since",
    "beginning in": "since", "starting in": "since", "beginning from": "since", "starting from": "since",
}
# Words that may stand between a number and what it counts ("five US presidents").
COUNT_SKIP = {
    "us", "u.s.", "american", "vietnamese", "french", "soviet", "chinese", "un",
    "important", "international", "permanent", "prominent", "major", "main", "more", "other",
    "new", "foreign", "eligible", "young", "mass", "separate", "different", "key", "active",
    "national", "military", "official", "big", "great", "small",
}
NOT_COUNTED = {
    "and", "or", "of", "to", "the", "a", "an", "in", "on", "at", "for", "from", "by", "with",
    "per", "was", "were", "is", "are", "percent", "per cent", "times",
}


# --- tokens ------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<num>\d+(?:[.,]\d+)*)               # digits with separators, checked after matching
    | (?P<word>[A-Za-z]+(?:['’][A-Za-z]+)?)   # words
    | (?P<sym>US\$|\$|€|£|%|~|[-–—/²³])    # symbols that matter
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class _Tok:
    kind: str  # num | word | sym
    text: str
    low: str
    start: int
    end: int


_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d\d)(?![\d'’])")  # "China '08", "the '60s"
SHORT_YEAR_PIVOT = 30  # "'23" is 2023, "'54" is 1954: this project's sources end in the 2020s


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if len(raw) > 40:  # no word or number that long is a figure's (symbols never are)
            continue
        start, end = m.span()
        if m.lastgroup == "num" and start and text[start - 1].isalpha():
            continue  # "WW2", "G7": part of a name, no figure
        if m.lastgroup == "num" and len(raw) == 2 and start and (year := _SHORT_YEAR.match(text, start - 1)):
            century = 2000 if int(year.group(1)) <= SHORT_YEAR_PIVOT else 1900
            out.append(_Tok("num", str(century + int(raw)), str(century + int(raw)), start - 1, end))
            continue
        out.append(_Tok(m.lastgroup, raw, raw.lower().replace("’", "'"), start, end))
    return out


def _parse_digits(raw: str, next_is_scale: bool) -> tuple[float, float] | None:
    """A digit string to (value, half unit of its last significant digit).

    "1,100" and "34,000,000" use thousands separators; "0.86" a decimal point; "1,38" before
    a scale word ("1,38 trillion") the decimal comma that some sources use.
    """
    if "," in raw and "." in raw:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", raw):
            raw = raw.replace(",", "")
        else:
            return None
    elif "," in raw:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) and not (next_is_scale and raw.count(",") == 1 and len(raw.split(",")[1]) != 3):
            raw = raw.replace(",", "")
        elif re.fullmatch(r"\d+,\d{1,2}", raw):
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


def _round_half(value: float, half: float) -> float:
    """Trailing zeros are ambiguous ("100 countries"): cap the rounding at 5 % of the value."""
    if value == 0:
        return half
    return min(half, max(abs(value) * 0.05, half if half < 1 else 0.5))


# --- the parser ----------------------------------------------------------------------------


@dataclass
class _Num:
    value: float
    half: float
    start: int  # token index range [start, end)
    end: int
    word: bool = False  # written in words


def _read_number(toks: list[_Tok], i: int) -> _Num | None:
    """A number at token i: digits with an optional scale word, or number words."""
    t = toks[i]
    if t.kind == "num":
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        parsed = _parse_digits(t.text, nxt in SCALES and nxt not in {"m", "b", "k"} or (nxt in SCALES and toks[i + 1].start == t.end))
        if parsed is None:
            return None
        value, half = parsed
        end = i + 1
        if end < len(toks) and toks[end].low in SCALES and toks[end].kind == "word":
            scale_tok = toks[end]
            # "34m" / "7bn" glue; a lone "m"/"b"/"k" only counts when glued to the digits
            if scale_tok.low in {"m", "b", "k"} and scale_tok.start != t.end:
                return _Num(value, half, i, end)
            scale = SCALES[scale_tok.low]
            value *= scale
            half *= scale
            end += 1
        return _Num(value, half, i, end)
    if t.kind == "word" and (t.low in UNITS_WORDS or t.low in TENS_WORDS or t.low in {"a", "an"}):
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
            elif w in {"a", "an"} and not seen and j + 1 < len(toks) and toks[j + 1].low in {"hundred", "thousand", "million", "billion", "trillion", "dozen", "score"}:
                current = 1
            elif w in _GROUPS and seen and j + 1 < len(toks) and toks[j + 1].low == "of":
                current = (current or 1) * _GROUPS[w]  # "a score of changes": twenty
                j += 1
            elif w == "hundred" and seen:
                current = (current or 1) * 100
            elif w in {"thousand", "million", "billion", "trillion"} and seen:
                total += (current or 1) * SCALES[w]
                current = 0
            elif w == "and" and seen and j + 1 < len(toks) and (toks[j + 1].low in UNITS_WORDS or toks[j + 1].low in TENS_WORDS) and total + current >= 100:
                pass
            else:
                break
            seen = True
            j += 1
        if not seen or (toks[i].low in {"a", "an"} and j == i + 1):
            return None
        value = total + current
        last = toks[j - 1].low
        half = 0.5 * SCALES.get(last, 1)
        return _Num(value, half, i, j, word=True)
    return None


_GROUPS = {"dozen": 12, "score": 20}  # "a dozen of", "a score of"
_QUALIFIER_OF = dict(QUALIFIERS)  # looked up for every number: a dict, not a scan of the list
# the first token of every currency phrase, "u" of "U.S. dollars" included: most tokens are none
_CURRENCY_FIRST = frozenset(words.split()[0] for words in CURRENCY_WORDS) | {"u"}


def _qualifier_before(toks: list[_Tok], i: int) -> tuple[Qualifier, int]:
    """The qualifier phrase ending just before token i, and where it starts."""
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        q = _QUALIFIER_OF.get(" ".join(t.low for t in toks[i - length:i]))
        if q is not None:
            return q, i - length
    return Qualifier.EXACT, i


def _currency_at(toks: list[_Tok], i: int) -> tuple[str, int] | None:
    if toks[i].low not in _CURRENCY_FIRST:
        return None
    for length in (3, 2, 1):
        if i + length > len(toks):
            continue
        phrase = " ".join(t.low for t in toks[i:i + length])
        phrase = phrase.replace("u s", "us").replace("us $", "us$")
        if phrase in CURRENCY_WORDS:
            return CURRENCY_WORDS[phrase], i + length
    return None


def _is_year(n: _Num, toks: list[_Tok]) -> bool:
    t = toks[n.start]
    return (
        t.kind == "num"
        and n.end == n.start + 1
        and len(t.text) == 4
        and t.text.isdigit()
        and 1000 <= n.value <= 2199
    )


def _year_span(year: int, part: str = "") -> Span:
    if part == "early":
        return Span(date(year, 1, 1), date(year, 4, 30))
    if part == "mid":
        return Span(date(year, 5, 1), date(year, 8, 31))
    if part == "late":
        return Span(date(year, 9, 1), date(year, 12, 31))
    return Span(date(year, 1, 1), date(year, 12, 31))


def _month_span(year: int, month: int, day: int | None = None) -> Span | None:
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return Span(date(year, month, 1), date(year, month, last))
    if not 1 <= day <= last:
        return None
    return Span(date(year, month, day), date(year, month, day))


def _decade_span(decade: int, part: str = "") -> Span:
    if part == "early":
        return Span(date(decade, 1, 1), date(decade + 3, 12, 31))
    if part == "mid":
        return Span(date(decade + 3, 1, 1), date(decade + 6, 12, 31))
    if part == "late":
        return Span(date(decade + 6, 1, 1), date(decade + 9, 12, 31))
    return Span(date(decade, 1, 1), date(decade + 9, 12, 31))


def _hundreds_span(year: int) -> Span:
    """"The 1960s" is a decade; "the 1200s", a round hundred, is the thirteenth century (but
    "the 2000s" is read as the decade, as it mostly is)."""
    return _century_span(year // 100 + 1) if year % 100 == 0 and year < 2000 else _decade_span(year)


def _century_span(n: int, part: str = "") -> Span:
    """The nth century in either reckoning: most writers start the 21st in 2000, the strict
    count in 2001 and ends it in 2100; a year of either reading is not contradicted."""
    start = (n - 1) * 100 + 1
    if part == "early":
        return Span(date(start - 1, 1, 1), date(start + 32, 12, 31))
    if part == "mid":
        return Span(date(start + 33, 1, 1), date(start + 65, 12, 31))
    if part == "late":
        return Span(date(start + 66, 1, 1), date(start + 99, 12, 31))
    return Span(date(start - 1, 1, 1), date(start + 99, 12, 31))


@dataclass
class _Date:
    span: Span
    start: int  # token range
    end: int


def _part_before(toks: list[_Tok], i: int) -> tuple[str, int]:
    if i > 1 and toks[i - 1].low == "the" and toks[i - 2].low == "of":
        part, start = _part_before(toks, i - 1)
        if part:
            return part, start
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        phrase = " ".join(t.low for t in toks[i - length:i])
        if phrase in PARTS:
            return PARTS[phrase], i - length
        if length >= 2 and toks[i - 1].text in {"-", "–"} and " ".join(t.low for t in toks[i - length:i - 1]) in PARTS:
            return PARTS[" ".join(t.low for t in toks[i - length:i - 1])], i - length
    return "", i


def _read_date(toks: list[_Tok], i: int) -> _Date | None:
    """A date starting at token i: 12 July 1995, July 12, 1995, July 1995, 1995, the 1960s,
    the thirteenth century, 26/9/2018, 1995-07-12; with early/mid/late before it."""
    n = len(toks)
    t = toks[i]
    # day month year
    if t.kind == "num" and t.text.isdigit() and len(t.text) <= 2 and i + 2 < n and toks[i + 1].low in MONTHS and _year_tok(toks[i + 2]):
        span = _month_span(int(toks[i + 2].text), MONTHS[toks[i + 1].low], int(t.text))
        return _Date(span, i, i + 3) if span else None
    # month day, year / month year
    if t.kind == "word" and t.low in MONTHS and (t.low not in {"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr"} or t.text[0].isupper()):
        if i + 1 < n and toks[i + 1].kind == "num" and toks[i + 1].text.isdigit() and len(toks[i + 1].text) <= 2 and i + 2 < n and _year_tok(toks[i + 2]):
            span = _month_span(int(toks[i + 2].text), MONTHS[t.low], int(toks[i + 1].text))
            return _Date(span, i, i + 3) if span else None
        if i + 1 < n and _year_tok(toks[i + 1]):
            return _Date(_month_span(int(toks[i + 1].text), MONTHS[t.low]), i, i + 2)
        if i + 2 < n and toks[i + 1].low == "of" and _year_tok(toks[i + 2]):
            return _Date(_month_span(int(toks[i + 2].text), MONTHS[t.low]), i, i + 3)
    # 26/9/2018 (day first) and 1995-07-12
    if t.kind == "num" and t.text.isdigit() and i + 4 < n and toks[i + 1].text in {"/", "-"} and toks[i + 3].text == toks[i + 1].text:
        a, b, c = t.text, toks[i + 2].text, toks[i + 4].text
        if toks[i + 2].kind == "num" and toks[i + 4].kind == "num" and b.isdigit() and c.isdigit():
            try:
                if len(a) == 4:
                    span = _month_span(int(a), int(b), int(c))
                elif len(c) == 4:
                    span = _month_span(int(c), int(b), int(a))
                else:
                    span = None
            except (ValueError, calendar.IllegalMonthError):
                span = None
            if span and toks[i + 1].end == toks[i + 2].start and toks[i + 3].end == toks[i + 4].start:
                return _Date(span, i, i + 5)
    # decades: 1960s, the 1960s; "the 1200s" is a century, the thirteenth
    if t.kind == "num" and re.fullmatch(r"1\d{3}|20\d{2}", t.text) and i + 1 < n and toks[i + 1].low == "s" and toks[i + 1].start == t.end:
        return _Date(_hundreds_span(int(t.text)), i, i + 2)
    if t.kind == "num" and re.fullmatch(r"1\d{2}0s|20\d0s", t.text):
        return _Date(_hundreds_span(int(t.text[:4])), i, i + 1)
    # centuries: the thirteenth century, twenty-first century, 20th century
    if t.low in TENS_WORDS and i + 3 < n and toks[i + 1].text == "-" and toks[i + 2].low in ORDINAL_WORDS and toks[i + 3].low == "century":
        nth = TENS_WORDS[t.low] + ORDINAL_WORDS[toks[i + 2].low]
        if 1 <= nth <= 21:
            return _Date(_century_span(nth), i, i + 4)
    if i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low == "century" and t.low in ORDINAL_WORDS:
        nth = ORDINAL_WORDS[t.low]  # "twentieth-century movements"
        if 1 <= nth <= 21:
            return _Date(_century_span(nth), i, i + 3)
    if i + 1 < n and toks[i + 1].low == "century":
        nth = ORDINAL_WORDS.get(t.low)
        if nth is None and t.kind == "num" and t.text.isdigit() and i + 2 <= n:
            nth = int(t.text) if len(t.text) <= 2 else None
        if nth is None and t.kind == "word" and re.fullmatch(r"\d+(st|nd|rd|th)", t.low):
            nth = int(t.low[:-2])
        if nth and 1 <= nth <= 21:
            return _Date(_century_span(nth), i, i + 2)
    if t.kind == "num" and t.text.isdigit() and i + 2 < n and toks[i + 1].kind == "word" and toks[i + 1].low in {"st", "nd", "rd", "th"} and toks[i + 2].low == "century" and toks[i + 1].start == t.end:
        nth = int(t.text)
        if 1 <= nth <= 21:
            return _Date(_century_span(nth), i, i + 3)
    if _year_tok(t):
        return _Date(_year_span(int(t.text)), i, i + 1)
    return None


def _year_tok(t: _Tok) -> bool:
    return t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and 1000 <= int(t.text) <= 2199


def _with_part(d: _Date, part: str, toks: list[_Tok]) -> Span:
    if not part:
        return d.span
    t = toks[d.start]
    if d.end - d.start == 1 and _year_tok(t):
        return _year_span(int(t.text), part)
    if d.span.days > 3000 and d.span.days < 4000:  # a decade
        return _decade_span(d.span.first.year, part)
    if d.span.days > 30000:
        return _century_span(d.span.first.year // 100 + 1, part)
    return d.span


def _relation_before(toks: list[_Tok], i: int) -> tuple[str, int]:
    for length in (2, 1):
        if i - length < 0:
            continue
        phrase = " ".join(t.low for t in toks[i - length:i])
        if phrase in RELATIONS:
            return RELATIONS[phrase], i - length
    return "", i


_MONEY_SYMBOLS = {"$", "US$", "€", "£"}
FREQUENCY_WORDS = {"twice": 2.0, "thrice": 3.0}
# every word that can start a figure: a number, an ordinal, a month, a currency, "decade-long"
_STARTERS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | frozenset(ORDINAL_WORDS) | frozenset(MONTHS) | _CURRENCY_FIRST | {
    "a", "an", "decade", "year", "century", "month"} | frozenset(FREQUENCY_WORDS)
_PERIOD_JOINERS = {"to", "until", "till", "-", "–", "—", "and", "through"}


def parse(text: str) -> list[Quantity]:
    """Every figure in `text`, left to right, with its character offsets."""
    return list(_remembered_parse(text))


@lru_cache(maxsize=4096)
def _remembered_parse(text: str) -> tuple[Quantity, ...]:
    """A claim is parsed for its figures and again to blank them out: once is enough."""
    return tuple(_parse(text))


def _parse(text: str) -> list[Quantity]:
    toks = _tokens(text)
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].kind == "sym" and (toks[i].text not in _MONEY_SYMBOLS or i + 1 == n or toks[i + 1].kind == "sym"):
            i += 1  # a symbol starts a figure only as a currency before a number: skip floods fast
            continue
        if toks[i].kind == "word" and toks[i].low not in _STARTERS and not toks[i].low[:1].isdigit():
            i += 1  # most words start no figure: skip them fast
            continue
        q, nxt = _parse_at(text, toks, i)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = max(nxt, i + 1)
    return out


# after "three times" these make it a multiple ("three times as many", "three times the size")
_MULTIPLE_AFTER = frozenset({"as", "more", "less", "fewer", "than", "the", "that", "over", "larger", "bigger", "greater",
                             "higher", "smaller", "faster", "lower", "longer", "per", "a", "an", "its", "their", "what"})
_FREQUENCY_REACH = 3  # the words before "three times" that say what happened three times


def _frequency(text: str, toks: list[_Tok], a: int, b: int, value: float) -> Quantity | None:
    """"Invaded three times", "visited twice": how often something happened, a count of
    events compared with "three invasions"; None for a multiple ("twice as many")."""
    if a == 0 or toks[a - 1].kind != "word" or (b < len(toks) and toks[b].low in _MULTIPLE_AFTER):
        return None
    before = tuple(t.low for t in toks[max(0, a - _FREQUENCY_REACH):a] if t.kind == "word")
    return _mk(Kind.COUNT, text, toks, a, b, value=value, unit="times", nouns=before)


def _mk(kind: Kind, text: str, toks: list[_Tok], a: int, b: int, **kw) -> Quantity:
    start, end = toks[a].start, toks[b - 1].end
    return Quantity(kind=kind, text=text[start:end], start=start, end=end, **kw)


def _parse_at(text: str, toks: list[_Tok], i: int) -> tuple[Quantity | None, int]:
    n = len(toks)
    t = toks[i]
    if t.kind == "num" and _is_identifier(toks, i):
        return None, i + 1
    if t.low in FREQUENCY_WORDS:
        return _frequency(text, toks, i, i + 1, FREQUENCY_WORDS[t.low]), i + 1
    # periods and dates first: they start with a relation, a part, a month, a day or a year
    d = _read_date(toks, i)
    if d is not None and not (_year_tok(t) and d.end == i + 1 and _looks_counted(toks, i)):
        rel, rel_start = _relation_before(toks, i)
        part, part_start = _part_before(toks, i)
        first = min(part_start, rel_start) if part or rel else i
        if part:
            rel, rel_start = _relation_before(toks, part_start)
            first = rel_start if rel else part_start
        span = _with_part(d, part, toks)
        # a period: "June 1950 to June 1954", "1950-54", "between 1950 and 1954"
        j = d.end
        if j < n and toks[j].low in _PERIOD_JOINERS and j + 1 < n:
            between = rel_start > 0 and toks[first - 1].low == "between" if first > 0 else False
            if toks[j].low != "and" or between or (first > 0 and toks[first - 1].low == "between"):
                p2, p2s = _part_before(toks, j + 1)
                k = j + 1
                if toks[k].low in PARTS and k + 1 < n:
                    p2 = PARTS[toks[k].low]
                    k += 1
                    if toks[k].text in {"-", "–"} and k + 1 < n:
                        k += 1
                d2 = _read_date(toks, k)
                if d2 is None and toks[k].kind == "num" and len(toks[k].text) == 2 and toks[k].text.isdigit() and _year_tok(toks[d.end - 1]):
                    century = int(toks[d.end - 1].text) // 100 * 100
                    year2 = century + int(toks[k].text)
                    if year2 > int(toks[d.end - 1].text):
                        d2 = _Date(_year_span(year2), k, k + 1)
                if d2 is not None and d2.span.first >= span.first:
                    span2 = _with_part(d2, p2, toks)
                    if first > 0 and toks[first - 1].low == "between":
                        first -= 1
                    if first > 0 and toks[first - 1].low == "from" and not rel:
                        first -= 1
                    return _mk(Kind.PERIOD, text, toks, first, d2.end, span=span, span_to=span2, relation=""), d2.end
        if rel == "since" and first > 0 and toks[first].low == "from":
            rel = "since"
        return _mk(Kind.DATE, text, toks, first, d.end, span=span, relation=rel), d.end

    # "decade-long", "year-long": a duration of one unit
    if t.low in {"decade", "year", "century", "month"} and i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low == "long":
        unit = DURATION_UNITS[t.low]
        factor = IN_YEARS.get(unit, 1.0)
        return _mk(Kind.DURATION, text, toks, i, i + 3, value=factor, unit="years" if unit in IN_YEARS else unit, half_unit=0.1 * factor), i + 3
    # "Rotation 6", "Phase 2": a number that ranks what it follows
    if t.kind == "num" and t.text.isdigit() and len(t.text) <= 2 and i > 0 and toks[i - 1].low in SERIES and toks[i - 1].end < t.start:
        return _mk(Kind.ORDINAL, text, toks, i - 1, i + 1, value=float(t.text), unit=toks[i - 1].low), i + 1
    num = _read_number(toks, i)
    # ordinals: 13th, 2nd, twenty-ninth, first
    if t.kind == "num" and t.text.isdigit() and i + 1 < n and toks[i + 1].low in {"st", "nd", "rd", "th"} and toks[i + 1].start == t.end:
        unit = _noun_after(toks, i + 2)
        return _mk(Kind.ORDINAL, text, toks, i, i + 2, value=float(t.text), unit=unit, nouns=_nouns_after(toks, i + 2, 4)), i + 2
    if t.kind == "word" and re.fullmatch(r"\d+(?:st|nd|rd|th)", t.low):
        return None, i + 1
    if t.low in ORDINAL_WORDS or (t.low in TENS_WORDS and i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low in ORDINAL_WORDS):
        if t.low in TENS_WORDS:
            value = TENS_WORDS[t.low] + ORDINAL_WORDS[toks[i + 2].low]
            end = i + 3
        else:
            value = ORDINAL_WORDS[t.low]
            end = i + 1
        if value >= 3 and i > 0 and toks[i - 1].low in {"a", "one"} and end < n and toks[end].low == "of":
            # "about a tenth of US aid": a fraction, 10 percent
            q, first = _qualifier_before(toks, i - 1)
            return _mk(Kind.PERCENT, text, toks, first, end, value=100.0 / value, qualifier=q, half_unit=0.5), end
        unit = _noun_after(toks, end)
        # "Second, Vietnam chooses ...": an ordinal before a comma orders the text, not facts
        marker = text[toks[end - 1].end:toks[end - 1].end + 1] == ","
        weak = marker or value <= 3 and t.low in {"first", "second", "third"} and not unit_is_rankable(unit)
        return _mk(Kind.ORDINAL, text, toks, i, end, value=float(value), unit=unit, weak=weak, nouns=_nouns_after(toks, end, 4)), end

    # money with a currency before: $34m, US$34,000,000, USD 34 million
    cur = _currency_at(toks, i) if t.kind in {"sym", "word"} else None
    if cur is not None and cur[1] < n:
        code, after = cur
        num2 = _read_number(toks, after)
        if num2 is not None and (t.kind == "sym" or t.low in {"usd", "eur", "vnd", "us"} or t.text.startswith("US")):
            q, qs = _qualifier_before(toks, i)
            return _mk(Kind.MONEY, text, toks, qs, num2.end, value=num2.value, unit=code, qualifier=q, half_unit=_round_half(num2.value, num2.half)), num2.end
    if num is None:
        return None, i + 1
    q, qs = _qualifier_before(toks, i)
    if q is Qualifier.EXACT and text[toks[num.end - 1].end:toks[num.end - 1].end + 1] == "+":
        q = Qualifier.AT_LEAST  # "400+ experts"
    j = num.end
    value, half = num.value, _round_half(num.value, num.half)
    # "X out of Y", "X of the Y"
    of_at = j + 2 if j + 2 < n and toks[j].low == "out" and toks[j + 1].low == "of" else j + 2 if j + 2 < n and toks[j].low == "of" and toks[j + 1].low == "the" else -1
    if of_at < 0 and j + 1 < n and toks[j].low == "of" and toks[j + 1].kind == "num":
        of_at = j + 1  # "192 of 193"
    if of_at > 0:
        whole = _read_number(toks, of_at)
        if whole is not None and whole.value > value > 0:
            unit = _noun_after(toks, whole.end)
            if value == 1 and qs > 0 and toks[qs - 1].low in {"every", "each"}:
                return _mk(Kind.RATIO, text, toks, qs - 1, whole.end, value=whole.value, of=whole.value, unit=unit, half_unit=half), whole.end
            return _mk(Kind.RATIO, text, toks, qs, whole.end, value=value, of=whole.value, unit=unit, qualifier=q, half_unit=half), whole.end
    # "four in five", "one in three": a proportion
    if j + 1 < n and toks[j].low == "in" and q is not Qualifier.EXACT or (j + 1 < n and toks[j].low == "in" and num.word):
        whole = _read_number(toks, j + 1)
        if whole is not None and value < whole.value <= 20 and whole.end == j + 2:
            return _mk(Kind.RATIO, text, toks, qs, whole.end, value=value, of=whole.value, qualifier=q, half_unit=half), whole.end
    # percentages
    if j < n and (toks[j].text == "%" or toks[j].low == "percent" or (toks[j].low == "per" and j + 1 < n and toks[j + 1].low == "cent")):
        end = j + (2 if toks[j].low == "per" else 1)
        exact = num.half if num.half < 1 else 0.5  # "100 percent" means all of it
        return _mk(Kind.PERCENT, text, toks, qs, end, value=value, qualifier=q, half_unit=exact), end
    # money with a currency after: 34 million US dollars, 168 billion USD
    cur = _currency_at(toks, j) if j < n else None
    if cur is not None:
        code, after = cur
        if after < n and toks[after].text == "(" :
            after += 0
        return _mk(Kind.MONEY, text, toks, qs, after, value=value, unit=code, qualifier=q, half_unit=half), after
    # multiples: 40 times, ten-fold
    if j < n and toks[j].low == "times" and q is Qualifier.EXACT and (often := _frequency(text, toks, qs, j + 1, value)):
        return often, j + 1
    if j < n and toks[j].low in {"times", "fold"}:
        return _mk(Kind.MULTIPLE, text, toks, qs, j + 1, value=value, qualifier=q, half_unit=half), j + 1
    if j + 1 < n and toks[j].text == "-" and toks[j + 1].low == "fold":
        return _mk(Kind.MULTIPLE, text, toks, qs, j + 2, value=value, qualifier=q, half_unit=half), j + 2
    # durations: 30 years, 32 hours, a 30-year resistance
    k = j + 1 if j < n and toks[j].text == "-" else j
    if k < n and toks[k].low in DURATION_UNITS:
        unit = DURATION_UNITS[toks[k].low]
        factor = IN_YEARS.get(unit, 1.0)
        unit = "years" if unit in IN_YEARS else unit
        return _mk(Kind.DURATION, text, toks, qs, k + 1, value=value * factor, unit=unit, qualifier=q, half_unit=half * factor), k + 1
    # measures: 330 m, about 1,083 feet, a 330-metre tower, 2,000 square kilometres
    if (measured := _unit_at(toks, k)) is not None:
        unit, end = measured
        return _mk(Kind.MEASURE, text, toks, qs, end, value=value, unit=unit.name, qualifier=q, half_unit=half), end
    # counts: more than 100 countries, five US presidents, 4200 schools
    if num.word and value == 1 or (num.word and toks[num.start].low in {"a", "an"} and value < 100 and toks[num.end - 1].low not in _GROUPS
                                   and toks[num.end - 1].low != "of"):
        return None, num.end  # "a hundred countries" is a count, "a decade" is not
    if j + 1 < n and toks[j].text == "-" and toks[j].start == toks[j - 1].end and toks[j + 1].kind == "word":
        return None, j + 2  # "two-directional", "three-way": a compound word, not a count
    first, last = toks[num.start].start, toks[num.end - 1].end
    if text[first - 1:first] == "(" and text[last:last + 1] == ")" and not num.word:
        return None, num.end  # "(2)": a numbered point, not a count
    unit = _noun_after(toks, j)
    # a capitalised number word inside a sentence names something: "the Four Nos", "Four nos"
    sentence_start = num.start == 0 or toks[num.start - 1].text in {".", "!", "?"} or text[max(0, toks[num.start].start - 2):toks[num.start].start].strip() in {".", "!", "?"}
    named = num.word and j < n and toks[j].kind == "word" and toks[num.start].text[:1].isupper() and not sentence_start
    if t.kind == "num" and "." not in t.text and len(t.text) <= 2 and not unit and q is Qualifier.EXACT and _is_reference(toks, i):
        return None, j
    # "Four No's" names a doctrine: compared when the entry counts it, never missed otherwise
    weak = (num.word and value == 1) or named
    return _mk(Kind.COUNT, text, toks, qs, j, value=value, unit=unit, qualifier=q, half_unit=half, weak=weak, nouns=_nouns_after(toks, j)), j


def _unit_at(toks: list[_Tok], k: int) -> tuple[units.Unit, int] | None:
    """The unit of measure written at token k, its longest form, and the token after it."""
    if k >= len(toks):
        return None
    for words, unit in units.table().forms.get(toks[k].low, ()):
        end = k + len(words)
        if end <= len(toks) and all(toks[k + n].low == w for n, w in enumerate(words)):
            return unit, end
    return None


def _is_identifier(toks: list[_Tok], i: int) -> bool:
    """Issue numbers ("No. 1025"), document codes ("2662-NQ/QUTW"), clock times ("9:6")."""
    prev = toks[i - 1].low if i > 0 else ""
    if prev in {"no", "nos", "vol", "p", "pp", "issue"}:
        return True
    if i + 1 < len(toks) and toks[i + 1].start == toks[i].end + 1 and toks[i + 1].kind == "word" and toks[i + 1].low in {"htm", "html", "php", "pdf", "aspx"}:
        return True  # a file name in a link: "333305.htm"
    if i > 1 and toks[i - 1].text == "-" and toks[i - 1].end == toks[i].start and toks[i - 2].end == toks[i - 1].start and toks[i - 2].kind == "word" and toks[i - 2].low not in PARTS:
        return True  # "Covid-19", "Level-2"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    after = toks[i + 2] if i + 2 < len(toks) else None
    if nxt is not None and nxt.text == "-" and after is not None and after.kind == "word" and after.text.isupper() and len(after.text) >= 2:
        return True
    return False


SERIES = frozenset({"rotation", "phase", "round", "batch", "contingent"})


def _is_reference(toks: list[_Tok], i: int) -> bool:
    """Footnote marks "(1)", page numbers "p. 136" and list numbers are not figures."""
    prev = toks[i - 1].low if i > 0 else ""
    return prev in {"p", "pp", "no", "vol", "article", "resolution", "conclusion", "decree", "unit", "level", "-"}


_YEAR_PREPOSITIONS = {"in", "of", "since", "by", "from", "after", "before", "until", "during", "to", "and", "year", "early", "mid", "late", "the", "summer", "spring", "autumn", "winter", "fall"}


def _looks_counted(toks: list[_Tok], i: int) -> bool:
    """"1500 soldiers" is a count, not a year; "in 1917 marks" is a year."""
    if i + 1 >= len(toks) or (i > 0 and toks[i - 1].low in _YEAR_PREPOSITIONS):
        return False
    nxt = toks[i + 1]
    return nxt.kind == "word" and nxt.text.islower() and nxt.low.endswith("s") and len(nxt.low) > 3 and nxt.low not in NOT_COUNTED


def _noun_after(toks: list[_Tok], j: int) -> str:
    """What a number counts: the first word after it that is not a modifier."""
    for k in range(j, min(j + 4, len(toks))):
        w = toks[k].low
        if toks[k].kind != "word" or w in NOT_COUNTED:
            return ""
        if w in COUNT_SKIP:
            continue
        return w
    return ""


def _nouns_after(toks: list[_Tok], j: int, most: int = 3) -> tuple[str, ...]:
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


def plural_key(word: str) -> str:
    """One key for a counted noun's forms: "countries"/"country", "No's"/"Nos"/"no"."""
    word = word.lower().replace("'", "").replace("’", "")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def unit_is_rankable(unit: str) -> bool:
    return unit in {"congress", "plenum", "conference", "session", "anniversary", "expo", "rotation", "president", "leader", "country", "time", "meeting", "national", "party", "military", "diplomatic", "vietnam"}


# --- structured values from the claims file -------------------------------------------------


def span_of(value: str, part: str = "") -> Span:
    """A date as the claims file writes it: YYYY, YYYY-MM, YYYY-MM-DD, YYYYs, Cnn."""
    value = str(value).strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        span = _month_span(int(m[1]), int(m[2]), int(m[3]))
        if span is None:
            raise ValueError(f"not a date: {value!r}")
        return span
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if not 1 <= int(m[2]) <= 12:
            raise ValueError(f"not a date: {value!r}")
        return _month_span(int(m[1]), int(m[2]))  # type: ignore[return-value]
    if m := re.fullmatch(r"(\d{4})", value):
        return _year_span(int(m[1]), part)
    if m := re.fullmatch(r"(\d{3}0)s", value):
        return _decade_span(int(m[1]), part)
    if m := re.fullmatch(r"C(\d{1,2})", value):
        return _century_span(int(m[1]), part)
    raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM, YYYY-MM-DD, YYYYs or Cnn)")


def from_fields(fields: dict) -> Quantity:
    """A Quantity from a claims-file value mapping (already type-checked)."""
    kind = Kind(fields["kind"])
    text = str(fields["text"])
    qualifier = Qualifier(fields.get("qualifier", "exact"))
    if kind is Kind.DATE:
        return Quantity(kind, text, span=span_of(fields["value"], fields.get("part", "")), relation=fields.get("relation", ""))
    if kind is Kind.PERIOD:
        return Quantity(kind, text, span=span_of(fields["from"]), span_to=span_of(fields["to"]))
    value = float(fields["value"])
    if kind is Kind.MEASURE and units.unit(str(fields["unit"])) is None:
        raise ValueError(f"unknown unit {str(fields['unit'])!r} (one of: {', '.join(units.names())})")
    parsed = [p for p in parse(text) if p.value is not None]
    half = next((p.half_unit for p in parsed if p.value == value), _default_half(value))
    if kind is Kind.PERCENT:
        half = min(half, 0.5)
    unit = str(fields.get("unit", ""))
    nouns = tuple(dict.fromkeys((unit.lower(), *(w for p in parsed if p.value == value for w in p.nouns)))) if unit else ()
    return Quantity(
        kind, text, value=value, unit=unit, qualifier=qualifier,
        of=float(fields["of"]) if "of" in fields else None, half_unit=half, nouns=nouns,
    )


def _default_half(value: float) -> float:
    if value == int(value):
        digits = str(int(abs(value)))
        zeros = len(digits) - len(digits.rstrip("0")) if value else 0
        return _round_half(value, 0.5 * 10**zeros)
    decimals = -Decimal(repr(value)).as_tuple().exponent  # repr may be "1e-06": no "." to count after
    return 0.5 * 10**-decimals


# --- comparison ------------------------------------------------------------------------------

KIND_GROUP = {
    Kind.MONEY: "money", Kind.COUNT: "count", Kind.PERCENT: "percent", Kind.RATIO: "percent",
    Kind.MULTIPLE: "multiple", Kind.ORDINAL: "ordinal", Kind.DURATION: "duration",
    Kind.MEASURE: "measure", Kind.DATE: "time", Kind.PERIOD: "time",
}
_LOWER = {Qualifier.MORE_THAN, Qualifier.AT_LEAST}
_UPPER = {Qualifier.LESS_THAN, Qualifier.AT_MOST}


def comparable(a: Quantity, b: Quantity) -> bool:
    if KIND_GROUP[a.kind] != KIND_GROUP[b.kind]:
        return False
    if a.kind is Kind.MONEY and a.unit and b.unit and a.unit != b.unit:
        return False
    if a.kind is Kind.DURATION and a.unit != b.unit:
        return False
    if a.kind is Kind.MEASURE:
        return _dimension(a) is not None and _dimension(a) == _dimension(b)
    return True


def _dimension(q: Quantity) -> str | None:
    unit = units.unit(q.unit)
    return unit.dimension if unit else None


def in_base_unit(q: Quantity) -> Quantity:
    """A measure in its dimension's base unit, its rounding with it: "1,083 feet" as 330.1 m."""
    unit = units.unit(q.unit)
    if q.kind is not Kind.MEASURE or unit is None or q.value is None:
        return q
    return replace(q, value=q.value * unit.size, half_unit=q.half_unit * unit.size, unit=units.base(unit.dimension))


def _bounds(q: Quantity) -> tuple[float, float]:
    """What the words strictly allow. One-sided qualifiers get a far bound too: "more than 70"
    is not how anyone writes 170."""
    v = q.number or 0.0
    h = q.half_unit if q.kind is not Kind.RATIO else 1e-6
    if q.qualifier is Qualifier.EXACT:
        # rounding intervals are half-open: "4" and "5" do not meet at 4.5
        return v - h * (1 - 1e-9), v + h * (1 - 1e-9)
    if q.qualifier is Qualifier.ABOUT:
        return min(v - h, v * 0.8), max(v + h, v * 1.2)
    if q.qualifier is Qualifier.ALMOST:
        return min(v - h, v * 0.8), v
    if q.qualifier in _LOWER:
        return v, max(v * 2, v + 2 * h)
    return v / 2, v  # less-than, at-most


def _tolerance(q: Quantity) -> float:
    v = abs(q.number or 0.0)
    if q.qualifier in {Qualifier.ABOUT, Qualifier.ALMOST}:
        return max(q.half_unit, 0.1 * v)
    if q.kind is Kind.RATIO:
        return 0.05
    return q.half_unit


def _direction(q: Quantity) -> str:
    if q.qualifier in _LOWER:
        return "lower"
    if q.qualifier in _UPPER:
        return "upper"
    return "point"


def compare(claim: Quantity, source: Quantity) -> Agreement:
    """Does the claim's figure agree with the source's? The rule, both ways:

    - conflict when the two ranges the words allow do not overlap;
    - agree when both are points (exact, about, almost) within the looser one's tolerance,
      when both bound the same side at about the same figure, or when the claim bounds
      ("less than one percent") a point the source gives ("0.86 percent");
    - otherwise open: consistent, not confirmed ("more than 100" does not confirm "5,000").
    """
    if KIND_GROUP[claim.kind] == "time":
        return _compare_time(claim, source)
    if claim.kind is Kind.MEASURE:  # in one unit: "330 m" and "about 1,083 feet"
        if not comparable(claim, source):
            return Agreement.OPEN
        claim, source = in_base_unit(claim), in_base_unit(source)
    if claim.kind is Kind.RATIO and source.kind is Kind.RATIO and claim.of and source.of:
        # "16 million out of 37 million": the wholes must agree before the parts can
        whole_c = Quantity(Kind.COUNT, "", value=claim.of, half_unit=_default_half(claim.of))
        whole_s = Quantity(Kind.COUNT, "", value=source.of, half_unit=_default_half(source.of))
        if compare(whole_c, whole_s) is Agreement.CONFLICT:
            return Agreement.CONFLICT
        part_c = Quantity(Kind.COUNT, "", value=claim.value, qualifier=claim.qualifier, half_unit=claim.half_unit)
        part_s = Quantity(Kind.COUNT, "", value=source.value, qualifier=source.qualifier, half_unit=source.half_unit)
        return compare(part_c, part_s)
    lo_c, hi_c = _bounds(claim)
    lo_s, hi_s = _bounds(source)
    if _apart(hi_c, claim, lo_s, source) or _apart(hi_s, source, lo_c, claim):
        return Agreement.CONFLICT
    if _direction(claim) == _direction(source) != "point" and _floors_differ(claim, source):
        return Agreement.CONFLICT
    c, s = claim.number or 0.0, source.number or 0.0
    dc, ds = _direction(claim), _direction(source)
    close = abs(c - s) <= max(_tolerance(claim), _tolerance(source)) + 1e-9
    if dc == ds and close:
        return Agreement.AGREE
    if dc != "point" and ds == "point" and source.qualifier is Qualifier.EXACT and lo_c <= s <= hi_c and s != c:
        return Agreement.AGREE
    if dc != "point" and ds == "point" and lo_c <= lo_s and hi_s <= hi_c and s != c:
        return Agreement.AGREE  # "less than 10 billion" holds for all "about 7 billion" may be
    return Agreement.OPEN


FLOOR_TOLERANCE = 0.15


def _floors_differ(a: Quantity, b: Quantity) -> bool:
    """"More than 170" and "over 70", "over 1,500" and "over 1,100": writers put a bound close
    to the figure, so two bounds of one side that differ by more than 15 % disagree."""
    x, y = a.number or 0.0, b.number or 0.0
    gap = abs(x - y)
    return gap > FLOOR_TOLERANCE * max(abs(x), abs(y)) and gap > max(a.half_unit, b.half_unit) * 2


def _apart(hi: float, upper: Quantity, lo: float, lower: Quantity) -> bool:
    """Whether a range ending at `hi` lies wholly below one starting at `lo`. "More than 11"
    and "almost 11" share no figure: their ends at 11 are open."""
    if hi < lo:
        return True
    open_hi = upper.qualifier in {Qualifier.ALMOST, Qualifier.LESS_THAN}
    open_lo = lower.qualifier is Qualifier.MORE_THAN
    return hi == lo and (open_hi or open_lo)




def _compare_time(claim: Quantity, source: Quantity) -> Agreement:
    cs, ss = claim.span, source.span
    if cs is None or ss is None:
        return Agreement.OPEN
    if claim.kind is Kind.PERIOD and source.kind is Kind.PERIOD:
        a = _compare_spans(cs, ss)
        b = _compare_spans(claim.span_to or cs, source.span_to or ss)
        if Agreement.CONFLICT in (a, b):
            return Agreement.CONFLICT
        return Agreement.AGREE if a is b is Agreement.AGREE else Agreement.OPEN
    if source.kind is Kind.PERIOD and claim.kind is Kind.DATE and claim.relation in {"until", "by", "since"}:
        # "until 1954" speaks of a period's end, "since 2014" of its start
        end = source.span_to if claim.relation in {"until", "by"} else source.span
        return _compare_spans(cs, end or ss)
    if claim.kind is Kind.PERIOD or source.kind is Kind.PERIOD:
        whole_c = Span(cs.first, (claim.span_to or cs).last)
        whole_s = Span(ss.first, (source.span_to or ss).last)
        if whole_c.disjoint(whole_s):
            return Agreement.CONFLICT
        return Agreement.OPEN
    rc, rs = claim.relation, source.relation
    if {rc, rs} in ({"before", "until"}, {"since", "after"}) and _compare_spans(cs, ss) is Agreement.AGREE:
        # a state's bound: "could not help before 1950" is "prevented from helping until 1950",
        # "relied on Moscow since 1968" is "turned toward Moscow after 1968"
        return Agreement.AGREE
    if rc in _RANGES or rs in _RANGES:
        if rc == rs:
            return _compare_spans(cs, ss)
        lo_c, hi_c = _relation_range(cs, rc)
        lo_s, hi_s = _relation_range(ss, rs)
        if hi_c < lo_s or hi_s < lo_c:
            return Agreement.CONFLICT
        if lo_c <= lo_s and hi_s <= hi_c:
            return Agreement.AGREE  # "by 2010" holds for 2007, "after 1990" for 1995
        return Agreement.OPEN  # 1995 is consistent with "by 2002", not confirmed by it
    return _compare_spans(cs, ss)


_RANGES = frozenset({"after", "before", "by"})  # relations that make a date a range of dates


def _relation_range(span: Span, relation: str) -> tuple[date, date]:
    if relation == "after":
        return span.last, date.max
    if relation == "before":
        return date.min, span.first
    if relation == "by":
        return date.min, span.last
    return span.first, span.last


def _compare_spans(claim: Span, source: Span) -> Agreement:
    if claim.disjoint(source):
        return Agreement.CONFLICT
    if claim.contains(source):
        return Agreement.AGREE
    return Agreement.OPEN


# --- words for reasons -------------------------------------------------------------------------

_QUAL_WORDS = {
    Qualifier.EXACT: "", Qualifier.ABOUT: "about ", Qualifier.ALMOST: "almost ",
    Qualifier.MORE_THAN: "more than ", Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ", Qualifier.AT_MOST: "at most ",
}


def _fmt_number(v: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            x = v / scale
            return f"{x:.10g} {word}"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:.10g}"


def _fmt_span(span: Span) -> str:
    f, l = span.first, span.last
    if f == l:
        return f"{f.day} {calendar.month_name[f.month]} {f.year}"
    if f.year == l.year and f.month == l.month:
        return f"{calendar.month_name[f.month]} {f.year}"
    if f.year == l.year and f.month == 1 and l.month == 12:
        return str(f.year)
    if f.year == l.year:
        return f"{calendar.month_name[f.month]}–{calendar.month_name[l.month]} {f.year}"
    return f"{f.year}–{l.year}"


def ordinal(n: int) -> str:
    """13 as "13th", 22 as "22nd"."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def describe(q: Quantity) -> str:
    """A figure in plain words, as a reason quotes it: "34 million USD", "12 July 1995"."""
    if q.kind is Kind.DATE and q.span:
        rel = f"{q.relation} " if q.relation else ""
        return rel + _fmt_span(q.span)
    if q.kind is Kind.PERIOD and q.span and q.span_to:
        return f"{_fmt_span(q.span)} to {_fmt_span(q.span_to)}"
    v = q.value or 0.0
    pre = _QUAL_WORDS[q.qualifier]
    if q.kind is Kind.MONEY:
        return f"{pre}{_fmt_number(v)} {q.unit}".strip()
    if q.kind is Kind.PERCENT:
        return f"{pre}{_fmt_number(v)} percent"
    if q.kind is Kind.RATIO:
        return f"{pre}{_fmt_number(v)} out of {_fmt_number(q.of or 0)}"
    if q.kind is Kind.MULTIPLE:
        return f"{pre}{_fmt_number(v)} times"
    if q.kind is Kind.ORDINAL:
        return f"{ordinal(int(v))} {q.unit}".strip()
    return f"{pre}{_fmt_number(v)} {q.unit}".strip()


__all__ = [
    "Agreement", "Kind", "Qualifier", "Quantity", "Span", "compare", "comparable", "describe",
    "from_fields", "in_base_unit", "ordinal", "parse", "span_of",
]
