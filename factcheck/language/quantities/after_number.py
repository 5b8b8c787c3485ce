"""The figures a number starts, told apart by the words after it, tried in order: a ratio, a
proportion, a percentage, money, how often, a multiple, a duration, a measure, a count."""

from __future__ import annotations

from dataclasses import dataclass

from .context import NO_FIGURE, Found, is_reference, make, noun_after, nouns_after, unit_at
from .model import Kind, Qualifier, Quantity
from .numbers import PERCENT_HALF_MAX, Num, currency_at, qualifier_before, read_number, round_half
from .tokens import Tok
from .words import DURATION_UNITS, GROUPS, IN_YEARS, MULTIPLE_AFTER

FREQUENCY_REACH = 3  # the words before "three times" that say what happened three times
PROPORTION_WHOLE_MAX = 20  # "one in three", "four in five": a larger whole ("3 in 2020") is no proportion
A_COUNTS_FROM = 100  # number words after "a" count from "a hundred" up ("a hundred countries"), or as "a dozen of ..."
REFERENCE_DIGITS = 2  # "Resolution 36", "Level 2": a bare number of one or two digits after such a word refers


@dataclass(slots=True)
class Reading:
    """A number with the qualifier before it: what every figure after a number starts from."""

    num: Num
    qualifier: Qualifier
    start: int  # the first token: the qualifier's, or the number's
    half: float  # half the unit of its last significant digit, trailing zeros capped


def frequency(text: str, toks: list[Tok], a: int, b: int, value: float) -> Quantity | None:
    """"Invaded three times", "visited twice": how often something happened, a count of
    events compared with "three invasions"; None for a multiple ("twice as many")."""
    if a == 0 or toks[a - 1].kind != "word" or (b < len(toks) and toks[b].low in MULTIPLE_AFTER):
        return None
    before = tuple(t.low for t in toks[max(0, a - FREQUENCY_REACH):a] if t.kind == "word")
    return make(Kind.COUNT, text, toks, a, b, value=value, unit="times", nouns=before)


def ratio_of(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"16 million out of 37 million", "two of the five", "192 of 193", "one of every ..."."""
    n = len(toks)
    j = r.num.end
    if j + 2 < n and toks[j].low == "out" and toks[j + 1].low == "of" or j + 2 < n and toks[j].low == "of" and toks[j + 1].low == "the":
        of_at = j + 2
    elif j + 1 < n and toks[j].low == "of" and toks[j + 1].kind == "num":
        of_at = j + 1
    else:
        return None
    whole = read_number(toks, of_at)
    if whole is None or not whole.value > r.num.value > 0:
        return None
    unit = noun_after(toks, whole.end)
    if r.num.value == 1 and r.start > 0 and toks[r.start - 1].low in {"every", "each"}:
        return make(Kind.RATIO, text, toks, r.start - 1, whole.end, value=whole.value, of=whole.value, unit=unit, half_unit=r.half), whole.end
    return make(Kind.RATIO, text, toks, r.start, whole.end, value=r.num.value, of=whole.value, unit=unit, qualifier=r.qualifier, half_unit=r.half), whole.end


def proportion(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"Four in five", "one in three", "about 1 in 10"."""
    j = r.num.end
    if not (j + 1 < len(toks) and toks[j].low == "in" and (r.qualifier is not Qualifier.EXACT or r.num.word)):
        return None
    whole = read_number(toks, j + 1)
    if whole is not None and r.num.value < whole.value <= PROPORTION_WHOLE_MAX and whole.end == j + 2:
        return make(Kind.RATIO, text, toks, r.start, whole.end, value=r.num.value, of=whole.value, qualifier=r.qualifier, half_unit=r.half), whole.end
    return None


def percent(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"34%", "34 percent", "34 per cent"."""
    j = r.num.end
    n = len(toks)
    if not (j < n and (toks[j].text == "%" or toks[j].low == "percent" or (toks[j].low == "per" and j + 1 < n and toks[j + 1].low == "cent"))):
        return None
    end = j + (2 if toks[j].low == "per" else 1)
    exact = min(r.num.half, PERCENT_HALF_MAX)
    return make(Kind.PERCENT, text, toks, r.start, end, value=r.num.value, qualifier=r.qualifier, half_unit=exact), end


def money_after(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"34 million US dollars", "168 billion USD": a currency after the amount."""
    j = r.num.end
    cur = currency_at(toks, j) if j < len(toks) else None
    if cur is None:
        return None
    code, after = cur
    return make(Kind.MONEY, text, toks, r.start, after, value=r.num.value, unit=code, qualifier=r.qualifier, half_unit=r.half), after


def how_often(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"Invaded three times": a count of events (not "three times as many")."""
    j = r.num.end
    if j < len(toks) and toks[j].low == "times" and r.qualifier is Qualifier.EXACT:
        often = frequency(text, toks, r.start, j + 1, r.num.value)
        if often is not None:
            return often, j + 1
    return None


def multiple(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"40 times", "ten-fold", "tenfold" written "ten fold"."""
    j = r.num.end
    n = len(toks)
    if j < n and toks[j].low in {"times", "fold"}:
        end = j + 1
    elif j + 1 < n and toks[j].text == "-" and toks[j + 1].low == "fold":
        end = j + 2
    else:
        return None
    return make(Kind.MULTIPLE, text, toks, r.start, end, value=r.num.value, qualifier=r.qualifier, half_unit=r.half), end


def _unit_token(toks: list[Tok], r: Reading) -> int:
    """Where a unit stands after the number: "30 years", and "a 30-year resistance"."""
    j = r.num.end
    return j + 1 if j < len(toks) and toks[j].text == "-" else j


def duration(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"30 years", "32 hours", "a 30-year resistance"; decades and centuries in years."""
    k = _unit_token(toks, r)
    if not (k < len(toks) and toks[k].low in DURATION_UNITS):
        return None
    unit = DURATION_UNITS[toks[k].low]
    factor = IN_YEARS.get(unit, 1.0)
    unit = "years" if unit in IN_YEARS else unit
    return make(Kind.DURATION, text, toks, r.start, k + 1, value=r.num.value * factor, unit=unit, qualifier=r.qualifier, half_unit=r.half * factor), k + 1


def measure(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """"330 m", "about 1,083 feet", "a 330-metre tower", "2,000 square kilometres"."""
    measured = unit_at(toks, _unit_token(toks, r))
    if measured is None:
        return None
    unit, end = measured
    return make(Kind.MEASURE, text, toks, r.start, end, value=r.num.value, unit=unit.name, qualifier=r.qualifier, half_unit=r.half), end


def not_a_count(text: str, toks: list[Tok], r: Reading) -> Found | None:
    """Numbers that count nothing: "one" and "a decade" (but "a hundred countries" counts),
    "two-directional", a numbered point "(2)"."""
    num = r.num
    j = num.end
    if num.word and num.value == 1 or (num.word and toks[num.start].low in {"a", "an"} and num.value < A_COUNTS_FROM and toks[num.end - 1].low not in GROUPS
                                       and toks[num.end - 1].low != "of"):
        return NO_FIGURE
    if j + 1 < len(toks) and toks[j].text == "-" and toks[j].start == toks[j - 1].end and toks[j + 1].kind == "word":
        return NO_FIGURE  # "two-directional", "three-way": a compound word, not a count
    first, last = toks[num.start].start, toks[num.end - 1].end
    if text[first - 1:first] == "(" and text[last:last + 1] == ")" and not num.word:
        return NO_FIGURE
    return None


def count(text: str, toks: list[Tok], r: Reading) -> Found:
    """"More than 100 countries", "five US presidents", "4200 schools"; not "Resolution 36"."""
    num = r.num
    j = num.end
    t = toks[num.start]
    unit = noun_after(toks, j)
    if t.kind == "num" and "." not in t.text and len(t.text) <= REFERENCE_DIGITS and not unit and r.qualifier is Qualifier.EXACT and is_reference(toks, num.start):
        return NO_FIGURE
    # a capitalised number word inside a sentence names something: "the Four Nos", "Four nos";
    # compared when the entry counts it, never missed otherwise
    named = num.word and j < len(toks) and toks[j].kind == "word" and t.text[:1].isupper() and not _starts_sentence(text, toks, num.start)
    weak = (num.word and num.value == 1) or named
    return make(Kind.COUNT, text, toks, r.start, j, value=num.value, unit=unit, qualifier=r.qualifier, half_unit=r.half, weak=weak, nouns=nouns_after(toks, j)), j


def _starts_sentence(text: str, toks: list[Tok], i: int) -> bool:
    return i == 0 or text[max(0, toks[i].start - 2):toks[i].start].strip() in {".", "!", "?"}


_AFTER_NUMBER = (ratio_of, proportion, percent, money_after, how_often, multiple, duration, measure, not_a_count)


def figure_after(text: str, toks: list[Tok], num: Num) -> Found:
    """The figure the number `num` starts, by the words after it; a count if nothing else."""
    q, qs = qualifier_before(toks, num.start)
    if q is Qualifier.EXACT and text[toks[num.end - 1].end:toks[num.end - 1].end + 1] == "+":
        q = Qualifier.AT_LEAST  # "400+ experts"
    r = Reading(num, q, qs, round_half(num.value, num.half))
    for recognise in _AFTER_NUMBER:
        if (found := recognise(text, toks, r)) is not None:
            return found
    return count(text, toks, r)
