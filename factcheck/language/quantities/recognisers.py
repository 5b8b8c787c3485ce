"""The recognisers a figure is read with, tried in order at a token: each returns what it read
(a figure and the token after it, or NO_FIGURE when the token starts none) or None when the
figure is not of its style, for the next to try. The figures that a number starts, told apart by
the words after it, are in `after_number`."""

from __future__ import annotations

from .after_number import figure_after, frequency
from .context import NO_FIGURE, Found, is_identifier, looks_counted, make, noun_after, nouns_after, unit_is_rankable
from .dates import DateMatch, part_before, read_date, relation_before, with_part, year_span, year_tok
from .model import Kind, Span
from .numbers import PERCENT_HALF_MAX, currency_at, qualifier_before, read_number, round_half
from .tokens import Tok
from .words import (
    CODES_BEFORE,
    DURATION_UNITS,
    FREQUENCY_WORDS,
    IN_YEARS,
    LONG_UNITS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PARTS,
    PERIOD_JOINERS,
    SERIES,
    TENS_WORDS,
)

LONG_HALF = 0.1  # "decade-long" is about one decade: a tenth either way
FRACTION_FROM = 3  # "a third of", "a tenth of" are fractions; "a second of" is not a half
ORDINAL_NOUNS = 4  # the words after a rank kept for telling what it ranks ("13th National Party Congress")
WEAK_RANKS = frozenset({"first", "second", "third"})  # "first steps", "a second look": ranks that are often idiom
SERIES_DIGITS = 2  # "Rotation 6", "Phase 12": a rank in a series has one or two digits


def identifier(text: str, toks: list[Tok], i: int) -> Found | None:
    """"No. 1025", "Covid-19": a number that names, no figure."""
    return NO_FIGURE if toks[i].kind == "num" and is_identifier(toks, i) else None


def frequency_word(text: str, toks: list[Tok], i: int) -> Found | None:
    """"Visited twice", "thrice"; "twice as many" is no figure."""
    t = toks[i]
    if t.low not in FREQUENCY_WORDS:
        return None
    often = frequency(text, toks, i, i + 1, FREQUENCY_WORDS[t.low])
    return (often, i + 1) if often is not None else NO_FIGURE


def date_or_period(text: str, toks: list[Tok], i: int) -> Found | None:
    """"After July 1995", "the early 1960s", "from 1950 to 1954": a date with the relation and
    part before it, or a period; a year before a plural noun ("1500 soldiers") is a count."""
    d = read_date(toks, i)
    if d is None or (year_tok(toks[i]) and d.end == i + 1 and looks_counted(toks, i)):
        return None
    rel, rel_start = relation_before(toks, i)
    part, part_start = part_before(toks, i)
    first = min(part_start, rel_start) if part or rel else i
    if part:
        rel, rel_start = relation_before(toks, part_start)
        first = rel_start if rel else part_start
    span = with_part(d, part, toks)
    if (period := _period(text, toks, d, span, first, rel)) is not None:
        return period
    return make(Kind.DATE, text, toks, first, d.end, span=span, relation=rel), d.end


def _period(text: str, toks: list[Tok], d: DateMatch, span: Span, first: int, rel: str) -> Found | None:
    """"June 1950 to June 1954", "1950-54", "between 1950 and 1954": the date d, a joiner, a later date."""
    j = d.end
    if not (j + 1 < len(toks) and toks[j].low in PERIOD_JOINERS):
        return None
    between = first > 0 and toks[first - 1].low == "between"
    if toks[j].low == "and" and not between:
        return None  # "in 1950 and 1954" are two dates
    d2, part2 = _period_end(toks, d, j + 1)
    if d2 is None or d2.span.first < span.first:
        return None
    if between:
        first -= 1
    if first > 0 and toks[first - 1].low == "from" and not rel:
        first -= 1
    return make(Kind.PERIOD, text, toks, first, d2.end, span=span, span_to=with_part(d2, part2, toks), relation=""), d2.end


def _period_end(toks: list[Tok], d: DateMatch, k: int) -> tuple[DateMatch | None, str]:
    """The date that ends a period, at token k, with its part: "late 1954", "mid-1960s", the "54" of "1950-54"."""
    n = len(toks)
    part = ""
    if toks[k].low in PARTS and k + 1 < n:
        part = PARTS[toks[k].low]
        k += 1
        if toks[k].text in {"-", "–"} and k + 1 < n:
            k += 1
    d2 = read_date(toks, k)
    if d2 is None and toks[k].kind == "num" and len(toks[k].text) == 2 and toks[k].text.isdigit() and year_tok(toks[d.end - 1]):
        year = int(toks[d.end - 1].text)
        year2 = year // 100 * 100 + int(toks[k].text)
        if year2 > year:
            d2 = DateMatch(year_span(year2), k, k + 1)
    return d2, part


def one_unit_duration(text: str, toks: list[Tok], i: int) -> Found | None:
    """"Decade-long", "year-long": a duration of one unit."""
    t = toks[i]
    if not (t.low in LONG_UNITS and i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].low == "long"):
        return None
    unit = DURATION_UNITS[t.low]
    factor = IN_YEARS.get(unit, 1.0)
    return make(Kind.DURATION, text, toks, i, i + 3, value=factor, unit="years" if unit in IN_YEARS else unit, half_unit=LONG_HALF * factor), i + 3


def series_rank(text: str, toks: list[Tok], i: int) -> Found | None:
    """"Rotation 6", "Phase 2": a number that ranks what it follows."""
    t = toks[i]
    if t.kind == "num" and t.text.isdigit() and len(t.text) <= SERIES_DIGITS and i > 0 and toks[i - 1].low in SERIES and toks[i - 1].end < t.start:
        return make(Kind.ORDINAL, text, toks, i - 1, i + 1, value=float(t.text), unit=toks[i - 1].low), i + 1
    return None


def digit_ordinal(text: str, toks: list[Tok], i: int) -> Found | None:
    """"13th", "2nd"."""
    t = toks[i]
    if t.kind == "num" and t.text.isdigit() and i + 1 < len(toks) and toks[i + 1].low in ORDINAL_SUFFIXES and toks[i + 1].start == t.end:
        unit = noun_after(toks, i + 2)
        return make(Kind.ORDINAL, text, toks, i, i + 2, value=float(t.text), unit=unit, nouns=nouns_after(toks, i + 2, ORDINAL_NOUNS)), i + 2
    return None


def word_ordinal(text: str, toks: list[Tok], i: int) -> Found | None:
    """"First", "twenty-ninth"; "a tenth of" is a fraction; "Second, ..." orders the text, no fact."""
    t = toks[i]
    n = len(toks)
    if t.low in ORDINAL_WORDS:
        value, end = ORDINAL_WORDS[t.low], i + 1
    elif t.low in TENS_WORDS and i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low in ORDINAL_WORDS:
        value, end = TENS_WORDS[t.low] + ORDINAL_WORDS[toks[i + 2].low], i + 3
    else:
        return None
    if value >= FRACTION_FROM and i > 0 and toks[i - 1].low in {"a", "one"} and end < n and toks[end].low == "of":
        # "about a tenth of US aid": a fraction, 10 percent
        q, first = qualifier_before(toks, i - 1)
        return make(Kind.PERCENT, text, toks, first, end, value=100.0 / value, qualifier=q, half_unit=PERCENT_HALF_MAX), end
    unit = noun_after(toks, end)
    marker = text[toks[end - 1].end:toks[end - 1].end + 1] == ","
    weak = marker or t.low in WEAK_RANKS and not unit_is_rankable(unit)
    return make(Kind.ORDINAL, text, toks, i, end, value=float(value), unit=unit, weak=weak, nouns=nouns_after(toks, end, ORDINAL_NOUNS)), end


def money_before(text: str, toks: list[Tok], i: int) -> Found | None:
    """$34m, US$34,000,000, USD 34 million: a currency before the amount."""
    t = toks[i]
    cur = currency_at(toks, i) if t.kind in {"sym", "word"} else None
    if cur is None or cur[1] >= len(toks):
        return None
    code, after = cur
    num = read_number(toks, after)
    if num is not None and (t.kind == "sym" or t.low in CODES_BEFORE or t.text.startswith("US")):
        q, qs = qualifier_before(toks, i)
        return make(Kind.MONEY, text, toks, qs, num.end, value=num.value, unit=code, qualifier=q, half_unit=round_half(num.value, num.half)), num.end
    return None


def number(text: str, toks: list[Tok], i: int) -> Found:
    """Any other figure starts with a number, and the words after it tell what it is: tried
    when no recogniser of RECOGNISERS has answered."""
    num = read_number(toks, i)
    if num is None:
        return NO_FIGURE
    return figure_after(text, toks, num)


RECOGNISERS = (identifier, frequency_word, date_or_period, one_unit_duration, series_rank, digit_ordinal, word_ordinal, money_before)
