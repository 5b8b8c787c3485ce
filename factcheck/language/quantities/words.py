"""The words that make figures. Numbers, scales and months are English itself and written here;
the tables a curator may extend (qualifiers, currencies, units of time, parts of periods,
relations of dates, the words around a count) are read from knowledge/figures.txt."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from pathlib import Path

from .model import Qualifier

FILE = Path(__file__).parent.parent / "knowledge" / "figures.txt"
# the tables of names, with the most words a form may have: as many as the parser looks at
NAME_SECTIONS = {"qualifiers": 3, "currencies": 3, "durations": 1, "parts": 3, "relations": 2}
WORD_SECTIONS = ("count-skip", "not-counted", "series", "rankable", "insisting")


@dataclass(frozen=True)
class FigureWords:
    names: dict[str, dict[str, str]]  # by table: {form: name}
    words: dict[str, frozenset[str]]  # by table


def parse_figure_words(text: str) -> FigureWords:
    """The tables of figures.txt; a malformed line, an unknown or missing section or a form
    given twice is a ValueError naming it."""
    found = FigureWords({}, {})
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section in NAME_SECTIONS:
                found.names.setdefault(section, {})
            elif section in WORD_SECTIONS:
                found.words.setdefault(section, frozenset())
            else:
                raise ValueError(f"unknown section [{section}]; known: {', '.join((*NAME_SECTIONS, *WORD_SECTIONS))}")
        elif section in WORD_SECTIONS:
            found.words[section] |= frozenset(line.lower().split())
        elif section:
            _add_names(found.names[section], line, NAME_SECTIONS[section])
        else:
            raise ValueError(f"a line before any [section]: {line!r}")
    if missing := [s for s in (*NAME_SECTIONS, *WORD_SECTIONS) if s not in found.names and s not in found.words]:
        raise ValueError(f"no section [{missing[0]}]")
    return found


def _add_names(table: dict[str, str], line: str, most_words: int) -> None:
    name, bar, forms = line.partition(" | ")
    if not bar or not name.strip() or not forms.strip():
        raise ValueError(f"a line of names is 'name | form, form, ...': {line!r}")
    for form in (f.strip().lower() for f in forms.split(",")):
        if not form or len(form.split()) > most_words:
            raise ValueError(f"a form has one to {most_words} words: {form!r} in {line!r}")
        if form in table:
            raise ValueError(f"{form!r} given twice: {line!r}")
        table[form] = name.strip()


_TABLES = parse_figure_words(FILE.read_text(encoding="utf-8"))  # read at import: parse() is on every hot path

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
GLUED_SCALES = frozenset({"m", "b", "k"})  # a scale only when glued to the digits: "34m", not "34 m" (metres)
WORD_SCALES = frozenset({"thousand", "million", "billion", "trillion"})  # "two thousand", "a million"
GROUPS = {"dozen": 12, "score": 20}  # "a dozen of", "a score of"
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})  # "13th", "21st century"
FREQUENCY_WORDS = {"twice": 2.0, "thrice": 3.0}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# month names that are also English words ("may") or abbreviations: months only when capitalised
AMBIGUOUS_MONTHS = frozenset({"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr"})
QUALIFIER_OF = {form: Qualifier(name) for form, name in _TABLES.names["qualifiers"].items()}
INSISTING = _TABLES.words["insisting"]
CURRENCY_WORDS = _TABLES.names["currencies"]
# the first token of every currency phrase, "u" of "U.S. dollars" included: most tokens are none
CURRENCY_FIRST = frozenset(words.split()[0] for words in CURRENCY_WORDS) | {"u"}
MONEY_SYMBOLS = frozenset({"$", "US$", "€", "£"})
CODES_BEFORE = frozenset({"usd", "eur", "vnd", "us"})  # currency words that may stand before the amount: "USD 34 million"
DURATION_UNITS = _TABLES.names["durations"]
# "three decades" is "30 years": durations compare in one unit per family
IN_YEARS = {"decades": 10.0, "centuries": 100.0}
LONG_UNITS = frozenset({"decade", "year", "century", "month"})  # "decade-long": a duration of one unit
PARTS = _TABLES.names["parts"]
RELATIONS = _TABLES.names["relations"]
PERIOD_JOINERS = frozenset({"to", "until", "till", "-", "–", "—", "and", "through"})
COUNT_SKIP = _TABLES.words["count-skip"]  # "five US presidents"
NOT_COUNTED = _TABLES.words["not-counted"]
SERIES = _TABLES.words["series"]  # "Rotation 6": a number that ranks
RANKABLE = _TABLES.words["rankable"]  # "the first congress"
# words before a four-digit number that make it a year, not a count: "in 1917 marks"
YEAR_PREPOSITIONS = frozenset({"in", "of", "since", "by", "from", "after", "before", "until", "during", "to", "and", "year", "early",
                               "mid", "late", "the", "summer", "spring", "autumn", "winter", "fall"})
# after "three times" these make it a multiple ("three times as many", "three times the size")
MULTIPLE_AFTER = frozenset({"as", "more", "less", "fewer", "than", "the", "that", "over", "larger", "bigger", "greater",
                            "higher", "smaller", "faster", "lower", "longer", "per", "a", "an", "its", "their", "what"})
# before a number, these make it an identifier, no figure: "No. 1025", "p. 136", "Issue 4"
IDENTIFIER_PREFIXES = frozenset({"no", "nos", "vol", "p", "pp", "issue"})
FILE_EXTENSIONS = frozenset({"htm", "html", "php", "pdf", "aspx"})  # "333305.htm": a file name in a link
# before a small bare number, these make it a reference: "Resolution 36", "Level 2", "p. 136"
REFERENCE_PREFIXES = frozenset({"p", "pp", "no", "vol", "article", "resolution", "conclusion", "decree", "unit", "level", "-"})
# every word that can start a figure: a number, an ordinal, a month, a currency, "decade-long"
STARTERS = (frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | frozenset(ORDINAL_WORDS) | frozenset(MONTHS) | CURRENCY_FIRST
            | {"a", "an"} | LONG_UNITS | frozenset(FREQUENCY_WORDS))
