"""Dates as the spans of days they may mean: read from tokens (12 July 1995, the 1960s, the
thirteenth century, 26/9/2018) or from the claims file (1995-07-12, 1960s, C13)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .model import Span
from .tokens import Tok, phrase
from .words import AMBIGUOUS_MONTHS, MONTHS, ORDINAL_SUFFIXES, ORDINAL_WORDS, PARTS, RELATIONS, TENS_WORDS

FIRST_YEAR, LAST_YEAR = 1000, 2199  # a four-digit number read as a year; "2500 troops" is a count
LAST_CENTURY = 21  # "the 21st century" is the latest these sources speak of; a higher "nth century" is no date
# A date's length tells what it was read as, when a part ("early", "late") comes to narrow it:
# a decade is 3,652 days and a century (read in either reckoning, 101 years) some 36,900, far
# from each other and from a year (365) or a month.
DECADE_DAYS = range(3001, 4000)
CENTURY_DAYS_OVER = 30000


@dataclass
class DateMatch:
    span: Span
    start: int  # token range
    end: int


def year_span(year: int, part: str = "") -> Span:
    if part == "early":
        return Span(date(year, 1, 1), date(year, 4, 30))
    if part == "mid":
        return Span(date(year, 5, 1), date(year, 8, 31))
    if part == "late":
        return Span(date(year, 9, 1), date(year, 12, 31))
    return Span(date(year, 1, 1), date(year, 12, 31))


def month_span(year: int, month: int, day: int | None = None) -> Span | None:
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return Span(date(year, month, 1), date(year, month, last))
    if not 1 <= day <= last:
        return None
    return Span(date(year, month, day), date(year, month, day))


def decade_span(decade: int, part: str = "") -> Span:
    if part == "early":
        return Span(date(decade, 1, 1), date(decade + 3, 12, 31))
    if part == "mid":
        return Span(date(decade + 3, 1, 1), date(decade + 6, 12, 31))
    if part == "late":
        return Span(date(decade + 6, 1, 1), date(decade + 9, 12, 31))
    return Span(date(decade, 1, 1), date(decade + 9, 12, 31))


def hundreds_span(year: int) -> Span:
    """"The 1960s" is a decade; "the 1200s", a round hundred, is the thirteenth century (but
    "the 2000s" is read as the decade, as it mostly is)."""
    return century_span(year // 100 + 1) if year % 100 == 0 and year < 2000 else decade_span(year)


def century_span(n: int, part: str = "") -> Span:
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


def year_tok(t: Tok) -> bool:
    return t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and FIRST_YEAR <= int(t.text) <= LAST_YEAR


def _short_number(t: Tok) -> bool:
    """A day of the month or a century's number: one or two digits."""
    return t.kind == "num" and t.text.isdigit() and len(t.text) <= 2


# --- readers: each a date starting at token i, or None -----------------------------------------


def _day_month_year(toks: list[Tok], i: int) -> DateMatch | None:
    """12 July 1995."""
    if not (_short_number(toks[i]) and i + 2 < len(toks) and toks[i + 1].low in MONTHS and year_tok(toks[i + 2])):
        return None
    span = month_span(int(toks[i + 2].text), MONTHS[toks[i + 1].low], int(toks[i].text))
    return DateMatch(span, i, i + 3) if span else None


def _month_first(toks: list[Tok], i: int) -> DateMatch | None:
    """July 12, 1995; July 1995; July of 1995. "May", "Jan" and the like only when capitalised."""
    n = len(toks)
    t = toks[i]
    if t.kind != "word" or t.low not in MONTHS or (t.low in AMBIGUOUS_MONTHS and not t.text[0].isupper()):
        return None
    month = MONTHS[t.low]
    if i + 2 < n and _short_number(toks[i + 1]) and year_tok(toks[i + 2]):
        span = month_span(int(toks[i + 2].text), month, int(toks[i + 1].text))
        return DateMatch(span, i, i + 3) if span else None
    if i + 1 < n and year_tok(toks[i + 1]):
        span = month_span(int(toks[i + 1].text), month)
        return DateMatch(span, i, i + 2) if span else None
    if i + 2 < n and toks[i + 1].low == "of" and year_tok(toks[i + 2]):
        span = month_span(int(toks[i + 2].text), month)
        return DateMatch(span, i, i + 3) if span else None
    return None


def _numeric(toks: list[Tok], i: int) -> DateMatch | None:
    """26/9/2018 (day first) and 1995-07-12, written without spaces."""
    t = toks[i]
    if not (t.kind == "num" and t.text.isdigit() and i + 4 < len(toks) and toks[i + 1].text in {"/", "-"} and toks[i + 3].text == toks[i + 1].text):
        return None
    a, b, c = t.text, toks[i + 2].text, toks[i + 4].text
    if not (toks[i + 2].kind == "num" and toks[i + 4].kind == "num" and b.isdigit() and c.isdigit()):
        return None
    try:
        if len(a) == 4:
            span = month_span(int(a), int(b), int(c))
        elif len(c) == 4:
            span = month_span(int(c), int(b), int(a))
        else:
            span = None
    except (ValueError, calendar.IllegalMonthError):
        span = None
    if span and toks[i + 1].end == toks[i + 2].start and toks[i + 3].end == toks[i + 4].start:
        return DateMatch(span, i, i + 5)
    return None


_HUNDREDS = re.compile(r"1\d{3}|20\d{2}")
_HUNDREDS_S = re.compile(r"1\d{2}0s|20\d0s")


def _hundreds(toks: list[Tok], i: int) -> DateMatch | None:
    """1960s, the 1960s, the 1960's; "the 1200s" is a century, the thirteenth."""
    t = toks[i]
    if t.kind != "num":
        return None
    if _HUNDREDS.fullmatch(t.text) and i + 1 < len(toks) and toks[i + 1].low == "s" and toks[i + 1].start == t.end:
        return DateMatch(hundreds_span(int(t.text)), i, i + 2)
    if _HUNDREDS_S.fullmatch(t.text):
        return DateMatch(hundreds_span(int(t.text[:4])), i, i + 1)
    return None


def _century(nth: int | None, start: int, end: int) -> DateMatch | None:
    return DateMatch(century_span(nth), start, end) if nth and 1 <= nth <= LAST_CENTURY else None


def _centuries(toks: list[Tok], i: int) -> DateMatch | None:
    """The thirteenth century, twenty-first century, twentieth-century movements, 20th century."""
    n = len(toks)
    t = toks[i]
    if t.low in TENS_WORDS and i + 3 < n and toks[i + 1].text == "-" and toks[i + 2].low in ORDINAL_WORDS and toks[i + 3].low == "century":
        if found := _century(TENS_WORDS[t.low] + ORDINAL_WORDS[toks[i + 2].low], i, i + 4):
            return found
    if i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low == "century" and t.low in ORDINAL_WORDS:
        if found := _century(ORDINAL_WORDS[t.low], i, i + 3):
            return found
    if i + 1 < n and toks[i + 1].low == "century":
        nth = ORDINAL_WORDS.get(t.low)
        if nth is None and _short_number(t):
            nth = int(t.text)
        if found := _century(nth, i, i + 2):
            return found
    if t.kind == "num" and t.text.isdigit() and i + 2 < n and toks[i + 1].low in ORDINAL_SUFFIXES and toks[i + 1].kind == "word" \
            and toks[i + 2].low == "century" and toks[i + 1].start == t.end:
        return _century(int(t.text), i, i + 3)
    return None


def _year(toks: list[Tok], i: int) -> DateMatch | None:
    return DateMatch(year_span(int(toks[i].text)), i, i + 1) if year_tok(toks[i]) else None


_READERS = (_day_month_year, _month_first, _numeric, _hundreds, _centuries, _year)


def read_date(toks: list[Tok], i: int) -> DateMatch | None:
    """A date starting at token i: 12 July 1995, July 12, 1995, July 1995, 1995, the 1960s,
    the thirteenth century, 26/9/2018, 1995-07-12 (a part before it is read by `part_before`)."""
    for reader in _READERS:
        if (found := reader(toks, i)) is not None:
            return found
    return None


def with_part(d: DateMatch, part: str, toks: list[Tok]) -> Span:
    """The span of "early 1995", "the late 1960s", "the mid-twentieth century"."""
    if not part:
        return d.span
    t = toks[d.start]
    if d.end - d.start == 1 and year_tok(t):
        return year_span(int(t.text), part)
    if d.span.days in DECADE_DAYS:
        return decade_span(d.span.first.year, part)
    if d.span.days > CENTURY_DAYS_OVER:
        return century_span(d.span.first.year // 100 + 1, part)
    return d.span


def part_before(toks: list[Tok], i: int) -> tuple[str, int]:
    """The part of a period ("early", "the end of", "mid-") ending just before token i, and where it starts."""
    if i > 1 and toks[i - 1].low == "the" and toks[i - 2].low == "of":
        part, start = part_before(toks, i - 1)
        if part:
            return part, start
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        words = phrase(toks, i - length, i)
        if words in PARTS:
            return PARTS[words], i - length
        if length >= 2 and toks[i - 1].text in {"-", "–"}:
            words = phrase(toks, i - length, i - 1)  # "mid-", "the late-"
            if words in PARTS:
                return PARTS[words], i - length
    return "", i


def relation_before(toks: list[Tok], i: int) -> tuple[str, int]:
    """The relation ("after", "prior to", "since") ending just before token i, and where it starts."""
    for length in (2, 1):
        if i - length < 0:
            continue
        words = phrase(toks, i - length, i)
        if words in RELATIONS:
            return RELATIONS[words], i - length
    return "", i


def span_of(value: str, part: str = "") -> Span:
    """A date as the claims file writes it: YYYY, YYYY-MM, YYYY-MM-DD, YYYYs, Cnn."""
    value = str(value).strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        span = month_span(int(m[1]), int(m[2]), int(m[3]))
        if span is None:
            raise ValueError(f"not a date: {value!r}")
        return span
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if not 1 <= int(m[2]) <= 12:
            raise ValueError(f"not a date: {value!r}")
        return month_span(int(m[1]), int(m[2]))  # type: ignore[return-value]
    if m := re.fullmatch(r"(\d{4})", value):
        return year_span(int(m[1]), part)
    if m := re.fullmatch(r"(\d{3}0)s", value):
        return decade_span(int(m[1]), part)
    if m := re.fullmatch(r"C(\d{1,2})", value):
        return century_span(int(m[1]), part)
    raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM, YYYY-MM-DD, YYYYs or Cnn)")
