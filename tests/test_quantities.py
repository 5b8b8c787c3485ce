"""The figure parser and the tolerance rules, as tables."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.language import units
from factcheck.language.quantities import Agreement, Kind, Qualifier, compare, from_fields, in_base_unit, parse, span_of


def one(text: str):
    found = [q for q in parse(text) if not q.weak]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    "text, kind, value, unit, qualifier",
    [
        ("34 million US dollars", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("$34m", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("$34 mn", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("US$34,000,000", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("USD 34 million", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("thirty-four million dollars", Kind.MONEY, 34e6, "USD", Qualifier.EXACT),
        ("1,38 trillion US dollars", Kind.MONEY, 1.38e12, "USD", Qualifier.EXACT),
        ("1.38 trillion US dollars", Kind.MONEY, 1.38e12, "USD", Qualifier.EXACT),
        ("about 7 billion USD", Kind.MONEY, 7e9, "USD", Qualifier.ABOUT),
        ("roughly seven billion US dollars", Kind.MONEY, 7e9, "USD", Qualifier.ABOUT),
        ("almost US$11 billion", Kind.MONEY, 11e9, "USD", Qualifier.ALMOST),
        ("nearly 11 billion dollars", Kind.MONEY, 11e9, "USD", Qualifier.ALMOST),
        ("$214 billion", Kind.MONEY, 214e9, "USD", Qualifier.EXACT),
        ("0.86 percent", Kind.PERCENT, 0.86, "", Qualifier.EXACT),
        ("0.86%", Kind.PERCENT, 0.86, "", Qualifier.EXACT),
        ("less than one percent", Kind.PERCENT, 1, "", Qualifier.LESS_THAN),
        ("82 per cent", Kind.PERCENT, 82, "", Qualifier.EXACT),
        ("more than 100 countries", Kind.COUNT, 100, "countries", Qualifier.MORE_THAN),
        ("over 1,100 cadres", Kind.COUNT, 1100, "cadres", Qualifier.MORE_THAN),
        ("over one hundred countries", Kind.COUNT, 100, "countries", Qualifier.MORE_THAN),
        ("five US presidents", Kind.COUNT, 5, "presidents", Qualifier.EXACT),
        ("4200 schools", Kind.COUNT, 4200, "schools", Qualifier.EXACT),
        ("two million Americans", Kind.COUNT, 2e6, "americans", Qualifier.EXACT),
        ("40 times", Kind.MULTIPLE, 40, "", Qualifier.EXACT),
        ("three times as many", Kind.MULTIPLE, 3, "", Qualifier.EXACT),
        ("more than three times larger", Kind.MULTIPLE, 3, "", Qualifier.MORE_THAN),
        ("invaded three times", Kind.COUNT, 3, "times", Qualifier.EXACT),
        ("visited Hanoi twice", Kind.COUNT, 2, "times", Qualifier.EXACT),
        ("~$70bn", Kind.MONEY, 70e9, "USD", Qualifier.ABOUT),
        ("400+ experts", Kind.COUNT, 400, "experts", Qualifier.AT_LEAST),
        ("for 30 yrs", Kind.DURATION, 30, "years", Qualifier.EXACT),
        ("the 13th National Party Congress", Kind.ORDINAL, 13, "party", Qualifier.EXACT),
        ("the 29th Diplomatic Conference", Kind.ORDINAL, 29, "diplomatic", Qualifier.EXACT),
        ("nearly 40 years", Kind.DURATION, 40, "years", Qualifier.ALMOST),
        ("for 32 hours", Kind.DURATION, 32, "hours", Qualifier.EXACT),
    ],
)
def test_numbers(text, kind, value, unit, qualifier):
    q = one(text)
    assert (q.kind, q.value, q.unit, q.qualifier) == (kind, pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("text, value, of", [("192 out of 193", 192, 193), ("192 of 193", 192, 193), ("3 of the 5", 3, 5)])
def test_a_part_of_a_whole_is_a_ratio(text, value, of):
    q = one(text)
    assert (q.kind, q.value, q.of) == (Kind.RATIO, value, of)


def test_ratio_compares_as_a_percentage():
    q = one("192 out of 193")
    assert (q.kind, q.value, q.of) == (Kind.RATIO, 192, 193)
    assert q.number == pytest.approx(99.48, abs=0.01)


@pytest.mark.parametrize(
    "text, first, last, relation",
    [
        ("12 July 1995", date(1995, 7, 12), date(1995, 7, 12), ""),
        ("July 12, 1995", date(1995, 7, 12), date(1995, 7, 12), ""),
        ("July 1995", date(1995, 7, 1), date(1995, 7, 31), ""),
        ("in 1995", date(1995, 1, 1), date(1995, 12, 31), ""),
        ("mid-1950", date(1950, 5, 1), date(1950, 8, 31), ""),
        ("early 1950", date(1950, 1, 1), date(1950, 4, 30), ""),
        ("at the end of 1946", date(1946, 9, 1), date(1946, 12, 31), ""),
        ("the 1960s", date(1960, 1, 1), date(1969, 12, 31), ""),
        ("the late 1970s", date(1976, 1, 1), date(1979, 12, 31), ""),
        ("the thirteenth century", date(1200, 1, 1), date(1300, 12, 31), ""),
        ("in the 1200s", date(1200, 1, 1), date(1300, 12, 31), ""),
        ("the 2000s", date(2000, 1, 1), date(2009, 12, 31), ""),
        ("China '08", date(2008, 1, 1), date(2008, 12, 31), ""),
        ("in the ’60s", date(1960, 1, 1), date(1969, 12, 31), ""),
        ("after 1968", date(1968, 1, 1), date(1968, 12, 31), "after"),
        ("since 2014", date(2014, 1, 1), date(2014, 12, 31), "since"),
        ("by 2030", date(2030, 1, 1), date(2030, 12, 31), "by"),
        ("26/9/2018", date(2018, 9, 26), date(2018, 9, 26), ""),
    ],
)
def test_dates(text, first, last, relation):
    q = one(text)
    assert q.kind is Kind.DATE
    assert (q.span.first, q.span.last, q.relation) == (first, last, relation)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("from June 1950 to June 1954", (1950, 6), (1954, 6)),
        ("June 1950 to June 1954", (1950, 6), (1954, 6)),
        ("1950-1954", (1950, 1), (1954, 12)),
        ("1950–54", (1950, 1), (1954, 12)),
        ("between 1950 and 1954", (1950, 1), (1954, 12)),
        ("1974–1975", (1974, 1), (1975, 12)),
        ("from mid-1950 to mid-1954", (1950, 5), (1954, 8)),
    ],
)
def test_periods(text, start, end):
    q = one(text)
    assert q.kind is Kind.PERIOD
    assert (q.span.first.year, q.span.first.month) == start
    assert (q.span_to.last.year, q.span_to.last.month) == end


@pytest.mark.parametrize(
    "text",
    ["Communist Review No. 1025", "Resolution 2662-NQ/QUTW", "Conclusion 53-KL/TW", "no figure here", "", "in WW2", "the G7 summit"],
)
def test_not_figures(text):
    assert [q for q in parse(text) if not q.weak] == []


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        # rounding, both ways
        ("213.77 billion USD", "$214 billion", Agreement.AGREE),
        ("$214 billion", "213.77 billion USD", Agreement.AGREE),
        ("34 million USD", "34 million US dollars", Agreement.AGREE),
        ("43 million USD", "34 million US dollars", Agreement.CONFLICT),
        ("340 million USD", "34 million US dollars", Agreement.CONFLICT),
        ("3.4 million USD", "34 million US dollars", Agreement.CONFLICT),
        ("1.68 billion USD", "168 billion USD", Agreement.CONFLICT),
        # qualifiers
        ("roughly seven billion USD", "about 7 billion USD", Agreement.AGREE),
        ("nearly 11 billion USD", "almost US$11 billion", Agreement.AGREE),
        ("more than 11 billion USD", "almost US$11 billion", Agreement.CONFLICT),
        ("exactly 11 billion USD", "almost US$11 billion", Agreement.OPEN),  # the source rounds what the claim insists on
        ("precisely 10.8 billion USD", "about 11 billion USD", Agreement.OPEN),
        ("exactly 11 billion USD", "11 billion USD", Agreement.AGREE),
        ("exactly 15 billion USD", "almost US$11 billion", Agreement.CONFLICT),
        ("just 11 billion USD", "almost US$11 billion", Agreement.AGREE),  # "just": merely, not "exactly"
        ("over one hundred countries", "more than 100 countries", Agreement.AGREE),
        ("more than 100 countries", "5,000 countries", Agreement.CONFLICT),
        ("more than 90 countries", "more than 100 countries", Agreement.OPEN),
        ("more than 170 organisations", "over 70 organisations", Agreement.CONFLICT),
        ("about 300 soldiers", "over 1,100 soldiers", Agreement.CONFLICT),
        ("100 countries", "more than 100 countries", Agreement.OPEN),
        ("less than one percent", "0.86 percent", Agreement.AGREE),
        ("less than 10 billion USD", "about 7 billion USD", Agreement.AGREE),
        ("less than 7.5 billion USD", "about 7 billion USD", Agreement.OPEN),
        ("100 percent", "192 out of 193", Agreement.CONFLICT),
        ("five presidents", "five presidents", Agreement.AGREE),
        ("three presidents", "five presidents", Agreement.CONFLICT),
        ("10 times", "40 times", Agreement.CONFLICT),
        # dates and precision
        ("1995", "12 July 1995", Agreement.AGREE),
        ("July 1995", "12 July 1995", Agreement.AGREE),
        ("1994", "12 July 1995", Agreement.CONFLICT),
        ("November 2000", "2000", Agreement.OPEN),
        ("1950", "the end of 1946", Agreement.CONFLICT),
        ("after 1968", "After 1968", Agreement.AGREE),
        ("before 1968", "after 1968", Agreement.CONFLICT),
        ("1970", "after 1968", Agreement.OPEN),
        ("before 1950", "until 1950", Agreement.AGREE),
        ("beginning in 1968", "after 1968", Agreement.AGREE),
        ("after 1968", "since 1968", Agreement.AGREE),
        ("until 1950", "before 1950", Agreement.AGREE),
        ("1950-1954", "June 1950 to June 1954", Agreement.AGREE),
        ("mid-1950 to mid-1954", "June 1950 to June 1954", Agreement.AGREE),
        ("1950-1956", "June 1950 to June 1954", Agreement.CONFLICT),
    ],
)
def test_compare(claim, source, expected):
    assert compare(one(claim), one(source)) is expected


@pytest.mark.parametrize("value, first, last", [("1995", date(1995, 1, 1), date(1995, 12, 31)), ("1995-07", date(1995, 7, 1), date(1995, 7, 31)), ("1960s", date(1960, 1, 1), date(1969, 12, 31)), ("C20", date(1900, 1, 1), date(2000, 12, 31))])
def test_claims_file_dates(value, first, last):
    span = span_of(value)
    assert (span.first, span.last) == (first, last)


@pytest.mark.parametrize("value", ["1995-13", "1995-02-30", "July 1995", "95", ""])
def test_claims_file_dates_refused(value):
    with pytest.raises(ValueError):
        span_of(value)


STYLES = [
    lambda n: f"{n:,}",
    lambda n: f"{n}",
    lambda n: f"{n / 1e6:g} million" if n % 10_000 == 0 else f"{n:,}",
]


@given(st.integers(min_value=1, max_value=999).map(lambda n: n * 1_000_000), st.sampled_from(STYLES), st.sampled_from(STYLES))
def test_a_figure_written_in_any_style_parses_to_the_same_value(n, style_a, style_b):
    a = one(f"aid of US${style_a(n)}")
    b = one(f"aid of {style_b(n)} US dollars")
    assert a.value == b.value == n
    assert compare(a, b) is Agreement.AGREE


@given(st.text(max_size=300))
def test_parse_never_crashes_and_spans_point_into_the_text(text):
    for q in parse(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", ["1e308 dollars", "9" * 400 + " dollars", "-34 million dollars", "NaN dollars", "1,1,1,1,1,1 dollars"])
def test_absurd_figures_do_not_crash(text):
    parse(text)


@pytest.mark.parametrize("text", ["Ho Chi Minh's internationalism was two-directional.", "(2) Vietnam has five partners.",
                                  "a three-way summit"],
                         ids=["two-directional", "a-numbered-point", "three-way"])
def test_compound_words_and_numbered_points_are_no_counts(text):
    assert [q.value for q in parse(text) if q.kind is Kind.COUNT and q.value in (2.0, 3.0)] == []


@pytest.mark.parametrize(
    "text, kind, value, of",
    [
        ("a score of changes of government", Kind.COUNT, 20.0, None),
        ("a dozen of them", Kind.COUNT, 12.0, None),
        ("every one of the five permanent members", Kind.RATIO, 5.0, 5.0),
        ("only three of the five permanent members", Kind.RATIO, 3.0, 5.0),
        ("about a tenth of US aid", Kind.PERCENT, 10.0, None),
        ("over a hundred countries", Kind.COUNT, 100.0, None),
    ],
    ids=["a-score-of", "a-dozen-of", "every-one-of-the-five", "three-of-the-five", "a-tenth-of", "a-hundred"],
)
def test_figures_written_in_words(text, kind, value, of):
    [q] = parse(text)
    assert (q.kind, q.value, q.of) == (kind, value, of)


# --- measures: physical quantities, compared in one unit -------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("330 m", 330, "m", Qualifier.EXACT),
        ("330 metres", 330, "m", Qualifier.EXACT),
        ("about 1,083 feet", 1083, "ft", Qualifier.ABOUT),
        ("a 330-metre tower", 330, "m", Qualifier.EXACT),
        ("2,000 square kilometres", 2000, "km2", Qualifier.EXACT),
        ("5 m²", 5, "m2", Qualifier.EXACT),
        ("more than 120 km/h", 120, "km/h", Qualifier.MORE_THAN),
        ("1.7 million tonnes", 1.7e6, "t", Qualifier.EXACT),
        ("nearly 40 kilowatt-hours", 40, "kWh", Qualifier.ALMOST),
    ],
)
def test_measures(text, value, unit, qualifier):
    q = one(text)
    assert (q.kind, q.value, q.unit, q.qualifier) == (Kind.MEASURE, pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("text", ["$34m", "34 million US dollars", "32 hours", "the 13th Congress", "5 in 10"])
def test_what_is_no_measure(text):
    assert all(q.kind is not Kind.MEASURE for q in parse(text))


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("330 metres", Agreement.AGREE),
        ("about 1,083 feet", Agreement.AGREE),
        ("1,083 feet", Agreement.AGREE),
        ("0.33 km", Agreement.AGREE),
        ("400 m", Agreement.CONFLICT),
        ("about 1,500 feet", Agreement.CONFLICT),
        ("more than 300 metres", Agreement.AGREE),
        ("330 kg", Agreement.OPEN),  # another dimension: not comparable
    ],
)
def test_measures_compare_across_units(claim, expected):
    source = from_fields({"kind": "measure", "value": 330, "unit": "m", "text": "330 m"})
    assert compare(one(claim), source) is expected


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["m", "km", "ft", "mi", "kg", "t", "ha", "km/h", "kWh"]))
def test_a_measure_agrees_with_itself_in_its_base_unit(n, name):
    source = from_fields({"kind": "measure", "value": n, "unit": name, "text": f"{n} {name}"})
    assert compare(in_base_unit(source), source) is Agreement.AGREE


def test_the_units_table_parses_and_every_dimension_has_a_base_unit():
    table = units.table()
    assert {u.dimension for u in table.units.values()} >= {"length", "area", "mass", "speed", "volume", "energy"}
    assert all(units.base(u.dimension) for u in table.units.values())


@pytest.mark.parametrize("line", ["length | m | 1", "length | m | one | metre", "length | m | 1 | metre\nlength | m | 2 | metres"])
def test_a_malformed_units_line_is_refused(line):
    with pytest.raises(ValueError):
        units.parse_units(line)
