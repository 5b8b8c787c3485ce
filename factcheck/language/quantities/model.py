"""What a figure is once read: its kind, its qualifier, its value or its span of days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    RATIO = "ratio"
    MULTIPLE = "multiple"
    ORDINAL = "ordinal"
    DURATION = "duration"
    MEASURE = "measure"  # a physical quantity in a unit of units.txt: 330 m, about 1,083 feet
    DATE = "date"
    PERIOD = "period"


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    ALMOST = "almost"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    LESS_THAN = "less-than"
    AT_MOST = "at-most"


class Agreement(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    OPEN = "open"  # consistent, but the source does not confirm it


TIME_KINDS = frozenset({Kind.DATE, Kind.PERIOD})


@dataclass(frozen=True)
class Span:
    """A date as the interval of days it may mean: "1995" is a year long, "12 July 1995" a day."""

    first: date
    last: date

    def contains(self, other: Span) -> bool:
        return self.first <= other.first and other.last <= self.last

    def disjoint(self, other: Span) -> bool:
        return self.last < other.first or other.last < self.first

    @property
    def days(self) -> int:
        return (self.last - self.first).days


@dataclass(frozen=True)
class Quantity:
    kind: Kind
    text: str
    value: float | None = None  # numeric kinds; a ratio's part
    unit: str = ""  # currency code, counted noun, duration unit, ranked noun
    qualifier: Qualifier = Qualifier.EXACT
    of: float | None = None  # a ratio's whole
    span: Span | None = None  # a date, or a period's start
    span_to: Span | None = None  # a period's end
    relation: str = ""  # after, before, since, by, until (dates)
    half_unit: float = 0.0  # half the unit of the last significant digit as written
    weak: bool = False  # idiomatic figures ("one country", "first time") that may go unmatched
    nouns: tuple[str, ...] = ()  # the words after a count, for telling what it counts
    start: int = -1
    end: int = -1

    @property
    def number(self) -> float | None:
        """The value that comparisons use: ratios compare as percentages."""
        if self.kind is Kind.RATIO and self.value is not None and self.of:
            return 100.0 * self.value / self.of
        return self.value

    def describe(self) -> str:
        from .wording import describe  # wording reads the model: imported here, not at the top

        return describe(self)
