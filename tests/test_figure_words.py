"""knowledge/figures.txt: the word tables of figures, as a curator writes them."""

from __future__ import annotations

import pytest

from factcheck.language.quantities import Qualifier, parse
from factcheck.language.quantities.words import FILE, NAME_SECTIONS, WORD_SECTIONS, parse_figure_words

SECTIONS = "".join(f"[{name}]\n" for name in (*NAME_SECTIONS, *WORD_SECTIONS))


def test_the_bundled_file_reads_and_names_only_qualifiers_that_exist():
    tables = parse_figure_words(FILE.read_text(encoding="utf-8"))
    assert set(tables.names) == set(NAME_SECTIONS) and set(tables.words) == set(WORD_SECTIONS)
    assert {Qualifier(name) for name in tables.names["qualifiers"].values()} == set(Qualifier)


def test_a_table_of_names_maps_each_form_and_a_table_of_words_splits_by_spaces():
    tables = parse_figure_words(SECTIONS + "[currencies]\nUSD | us$, US Dollars\n[series]\nphase round\nbatch\n")
    assert tables.names["currencies"] == {"us$": "USD", "us dollars": "USD"}
    assert tables.words["series"] == {"phase", "round", "batch"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("[bogus]\nx", "unknown section [bogus]"),
        ("x\n" + SECTIONS, "a line before any [section]: 'x'"),
        (SECTIONS + "[parts]\nearly: the early", "a line of names is 'name | form, form, ...': 'early: the early'"),
        (SECTIONS + "[parts]\nearly | ", "a line of names is 'name | form, form, ...': 'early |'"),
        (SECTIONS + "[relations]\nsince | starting as of", "a form has one to 2 words: 'starting as of' in 'since | starting as of'"),
        (SECTIONS + "[durations]\nyears | year, year", "'year' given twice: 'years | year, year'"),
        ("[qualifiers]\n", "no section [currencies]"),
    ],
    ids=["unknown-section", "before-any-section", "no-bar", "no-forms", "too-many-words", "twice", "missing-section"],
)
def test_a_malformed_file_is_refused_naming_the_line(text, message):
    with pytest.raises(ValueError) as raised:
        parse_figure_words(text)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("some 40 US dollars", "money", 40.0, "USD"),  # a qualifier and a currency of the file
        ("a decade-long war", "duration", 10.0, "years"),
        ("Rotation 6 left", "ordinal", 6.0, "rotation"),  # a series word
        ("five US presidents", "count", 5.0, "presidents"),  # a word skipped before the counted noun
    ],
)
def test_the_file_is_what_the_parser_reads(text, kind, value, unit):
    q = parse(text)[0]
    assert (q.kind, q.value, q.unit) == (kind, value, unit)
