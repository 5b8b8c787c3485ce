"""Figures as values: parse amounts, counts, percentages, ordinals, durations, measures (330 m,
1,083 feet), dates and periods out of prose, and compare two of them with their precision and qualifiers.

Fuzzy text similarity barely moves when "34 million" becomes "43 million"; these values do.
Every pattern here is applied to untrusted text, so each one is linear: no nested quantifiers.

The package: `model` (what a figure is), `words` (the words of figures), `tokens`, `numbers`,
`dates`, `context` (what the words around a number say it is), `recognisers` and
`after_number` (how each style of figure is read), `parser`, `fields` (figures of the claims
file), `comparison` and `wording`.
"""

from .comparison import comparable, compare, in_base_unit
from .context import plural_key
from .dates import span_of
from .fields import from_fields
from .model import TIME_KINDS, Agreement, Kind, Qualifier, Quantity, Span
from .parser import parse
from .wording import describe, ordinal
from .words import MONTHS

__all__ = [
    "MONTHS", "TIME_KINDS", "Agreement", "Kind", "Qualifier", "Quantity", "Span", "comparable", "compare", "describe",
    "from_fields", "in_base_unit", "ordinal", "parse", "plural_key", "span_of",
]
