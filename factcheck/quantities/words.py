"""The words that make figures: number words, scales, months, qualifiers, currencies, units of
time, parts of periods and relations of dates, and the words around a count."""

from __future__ import annotations

import calendar

from .model import Qualifier

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
QUALIFIER_OF = dict(QUALIFIERS)  # looked up for every number: a dict, not a scan of the list
CURRENCY_WORDS = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "us dollar": "USD",
    "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "american dollars": "USD",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR", "vnd": "VND", "dong": "VND",
    "yuan": "CNY", "rmb": "CNY", "roubles": "RUB", "rubles": "RUB", "£": "GBP", "pounds": "GBP",
}
# the first token of every currency phrase, "u" of "U.S. dollars" included: most tokens are none
CURRENCY_FIRST = frozenset(words.split()[0] for words in CURRENCY_WORDS) | {"u"}
MONEY_SYMBOLS = frozenset({"$", "US$", "€", "£"})
CODES_BEFORE = frozenset({"usd", "eur", "vnd", "us"})  # currency words that may stand before the amount: "USD 34 million"
DURATION_UNITS = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years", "decade": "decades", "decades": "decades",
    "month": "months", "months": "months", "week": "weeks", "weeks": "weeks", "wks": "weeks", "day": "days",
    "days": "days", "hour": "hours", "hours": "hours", "hrs": "hours", "century": "centuries",
    "centuries": "centuries",
}
# "three decades" is "30 years": durations compare in one unit per family
IN_YEARS = {"decades": 10.0, "centuries": 100.0}
LONG_UNITS = frozenset({"decade", "year", "century", "month"})  # "decade-long": a duration of one unit
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
PERIOD_JOINERS = frozenset({"to", "until", "till", "-", "–", "—", "and", "through"})
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
# words before a four-digit number that make it a year, not a count: "in 1917 marks"
YEAR_PREPOSITIONS = frozenset({"in", "of", "since", "by", "from", "after", "before", "until", "during", "to", "and", "year", "early",
                               "mid", "late", "the", "summer", "spring", "autumn", "winter", "fall"})
SERIES = frozenset({"rotation", "phase", "round", "batch", "contingent"})  # "Rotation 6": a number that ranks
# nouns that the first three ranks really rank ("the first congress"), where "first" is otherwise idiom ("for the first time")
RANKABLE = frozenset({"congress", "plenum", "conference", "session", "anniversary", "expo", "rotation", "president", "leader",
                      "country", "time", "meeting", "national", "party", "military", "diplomatic", "vietnam"})
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
