"""Each recogniser of a figure style alone: what it reads at a token, what it leaves to the next
recogniser (None), and what it says starts no figure at all (NO_FIGURE)."""

from __future__ import annotations

import pytest

from factcheck.language.quantities import recognisers
from factcheck.language.quantities.after_number import Reading, count, figure_after, measure, not_a_count, percent, proportion, ratio_of
from factcheck.language.quantities.context import NO_FIGURE
from factcheck.language.quantities.numbers import qualifier_before, read_number, round_half
from factcheck.language.quantities.tokens import tokens


def at(text: str, word: str) -> tuple[list, int]:
    toks = tokens(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


def read(found) -> object:
    if found is None or found == NO_FIGURE:
        return found
    q, _ = found
    return (q.kind.value, q.value, q.text) if q.kind.value not in {"date", "period"} else (q.kind.value, q.text)


@pytest.mark.parametrize(
    "recogniser, text, word, expected",
    [
        (recognisers.identifier, "Decree No. 1025 of 2003", "1025", NO_FIGURE),
        (recognisers.identifier, "It lost 1025 tanks", "1025", None),
        (recognisers.frequency_word, "China invaded twice", "twice", ("count", 2.0, "twice")),
        (recognisers.frequency_word, "twice as many", "twice", NO_FIGURE),  # a multiple without a number
        (recognisers.date_or_period, "Signed on 12 July 1995 in Hanoi", "12", ("date", "12 July 1995")),
        (recognisers.date_or_period, "from 1950 to 1954", "1950", ("period", "from 1950 to 1954")),
        (recognisers.date_or_period, "in the early 1960s", "1960", ("date", "the early 1960s")),
        (recognisers.date_or_period, "It sent 1500 soldiers", "1500", None),  # a count
        (recognisers.one_unit_duration, "a decade-long war", "decade", ("duration", 10.0, "decade-long")),
        (recognisers.series_rank, "Rotation 6 left", "6", ("ordinal", 6.0, "Rotation 6")),
        (recognisers.series_rank, "Rotation 2024", "2024", None),
        (recognisers.digit_ordinal, "the 13th Party Congress", "13", ("ordinal", 13.0, "13th")),
        (recognisers.word_ordinal, "the twenty-first congress", "twenty", ("ordinal", 21.0, "twenty-first")),
        (recognisers.word_ordinal, "about a tenth of US aid", "tenth", ("percent", 10.0, "about a tenth")),
        (recognisers.word_ordinal, "twenty countries", "twenty", None),
        (recognisers.money_before, "over $34m in aid", "$", ("money", 34e6, "over $34m")),
        (recognisers.money_before, "the $ sign", "$", None),
    ],
)
def test_a_recogniser_at_a_token(recogniser, text, word, expected):
    toks, i = at(text, word)
    assert read(recogniser(text, toks, i)) == expected


def reading(text: str, word: str) -> tuple[list, Reading]:
    toks, i = at(text, word)
    num = read_number(toks, i)
    q, start = qualifier_before(toks, i)
    return toks, Reading(num, q, start, round_half(num.value, num.half))


@pytest.mark.parametrize(
    "recogniser, text, word, expected",
    [
        (ratio_of, "16 million out of 37 million people", "16", ("ratio", 16e6, "16 million out of 37 million")),
        (ratio_of, "192 of 193 members", "192", ("ratio", 192.0, "192 of 193")),
        (ratio_of, "5 of them", "5", None),
        (proportion, "four in five voters", "four", ("ratio", 4.0, "four in five")),
        (proportion, "3 in 2020", "3", None),
        (percent, "about 34 per cent", "34", ("percent", 34.0, "about 34 per cent")),
        (measure, "a 330-metre tower", "330", ("measure", 330.0, "330-metre")),
        (not_a_count, "a two-directional policy", "two", NO_FIGURE),
        (not_a_count, "point (2) says", "2", NO_FIGURE),
        (not_a_count, "two countries", "two", None),
        (count, "five US presidents", "five", ("count", 5.0, "five")),
        (count, "under Resolution 36.", "36", NO_FIGURE),
    ],
)
def test_a_recogniser_after_a_number(recogniser, text, word, expected):
    toks, r = reading(text, word)
    assert read(recogniser(text, toks, r)) == expected


def test_a_number_that_no_other_recogniser_reads_is_a_count():
    toks, r = reading("4200 schools", "4200")
    assert read(figure_after("4200 schools", toks, r.num)) == ("count", 4200.0, "4200")
