"""Units of measure, read from knowledge/units.txt: what a `measure` figure is measured in, and
how big that unit is in its dimension's base unit.

A small table, not a units library: the table is needed anyway to find units in prose ("about
1,083 feet"), which no library does, and it loads in well under a millisecond, where pint
takes about a quarter of a second to import and build its registry (twice a whole check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FILE = Path(__file__).with_name("knowledge") / "units.txt"
_WORD = re.compile(r"\d+|[A-Za-z]+|[²³/-]")  # a form's words, as quantities' tokenizer splits them


@dataclass(frozen=True)
class Unit:
    name: str  # as a claims file writes it: "m", "km/h"
    dimension: str  # length, area, mass, speed, volume, energy, power
    size: float  # in the dimension's base unit


@dataclass(frozen=True)
class Table:
    units: dict[str, Unit]  # by name
    forms: dict[str, tuple[tuple[tuple[str, ...], Unit], ...]]  # first word -> (words, unit), longest first


def form_words(form: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(form))


def parse_units(text: str) -> Table:
    """The table from the text of units.txt; a malformed line is a ValueError naming it."""
    units: dict[str, Unit] = {}
    forms: dict[str, list[tuple[tuple[str, ...], Unit]]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) != 4 or not all(fields):
            raise ValueError(f"a unit is 'dimension | unit | size | forms': {line!r}")
        dimension, name, size, written = fields
        try:
            unit = Unit(name, dimension, float(size))
        except ValueError:
            raise ValueError(f"a unit's size is a number: {line!r}") from None
        if name in units:
            raise ValueError(f"unit {name!r} given twice")
        units[name] = unit
        for form in written.split(","):
            if words := form_words(form):
                forms.setdefault(words[0], []).append((words, unit))
    ordered = {first: tuple(sorted(found, key=lambda f: -len(f[0]))) for first, found in forms.items()}
    return Table(units, ordered)


@lru_cache(maxsize=1)
def table() -> Table:
    return parse_units(FILE.read_text(encoding="utf-8"))


def unit(name: str) -> Unit | None:
    """The unit a claims file names, or None."""
    return table().units.get(name)


def names() -> tuple[str, ...]:
    return tuple(table().units)


def base(dimension: str) -> str:
    """The name of the dimension's unit of size 1."""
    return next(u.name for u in table().units.values() if u.dimension == dimension and u.size == 1)
