"""Properties of the whole bundled claims file: each entry's statement checks as supported,
and the same statement with one of its figures changed checks as conflicting."""

import re

import pytest

from factcheck.claimsfile.claims import load_claims
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.quantities import Kind, parse

ENTRIES = load_claims(bundled_claims()).entries
YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WORDS = {"twenty-first": "nineteenth", "one": "four", "two": "six", "three": "seven", "four": "nine", "five": "eight", "six": "two",
         "seven": "three", "eight": "five", "first": "third", "second": "fourth", "third": "fifth"}


def changed(text: str, start: int, end: int, kind: Kind) -> str | None:
    """The text with the figure at [start, end) changed so that it clearly differs."""
    seg = text[start:end]
    if kind in (Kind.DATE, Kind.PERIOD) and (years := list(YEAR.finditer(seg))):
        y = years[-1]
        shift = 30 if seg[y.end():y.end() + 1] == "s" else (-7 if kind is Kind.PERIOD else 7)
        new = seg[:y.start()] + str(int(y.group()) - shift) + seg[y.end():]
    elif kind is Kind.RATIO and (m := NUMBER.search(seg)):
        new = seg[:m.start()] + str(max(1, int(m.group().replace(",", "")) // 2)) + seg[m.end():]
    elif kind in (Kind.ORDINAL, Kind.DATE) and (m := re.search(r"(\d+)(st|nd|rd|th)", seg)):
        n = int(m.group(1)) - 2
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        new = seg[:m.start()] + f"{n}{suffix}" + seg[m.end():]
    elif m := NUMBER.search(seg):
        raw = m.group().replace(",", "")
        value = float(raw) * 3 + 7
        new = seg[:m.start()] + (f"{value:.2f}" if "." in raw else str(int(value))) + seg[m.end():]
    else:
        for word, other in WORDS.items():
            if w := re.search(rf"\b{word}\b", seg, re.I):
                other = other.capitalize() if w.group()[0].isupper() else other
                new = seg[:w.start()] + other + seg[w.end():]
                break
        else:
            return None
    return text[:start] + new + text[end:]


@pytest.fixture(scope="module")
def checker():
    return Corpus.load(bundled_claims()).checker


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_every_statement_checks_as_supported(checker, entry):
    result = checker.check(entry.statement)
    assert result.verdict.value == "supported", result.reason


MUTANTS = [
    pytest.param(text, id=f"{e.id}:{q.text}")
    for e in ENTRIES
    for q in parse(e.statement)
    if not q.weak and (text := changed(e.statement, q.start, q.end, q.kind)) not in (None, e.statement)
]


@pytest.mark.parametrize("text", MUTANTS)
def test_a_statement_with_a_figure_changed_checks_as_conflicting(checker, text):
    result = checker.check(text)
    assert result.verdict.value == "conflicting", result.reason


def test_there_are_many_entries_and_mutants():
    assert len(ENTRIES) >= 150
    assert len(MUTANTS) >= 150
