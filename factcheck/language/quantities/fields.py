"""A figure as the claims file gives it: a mapping of kind, text, value and the rest."""

from __future__ import annotations

from .. import units
from .dates import span_of
from .model import Kind, Qualifier, Quantity
from .numbers import PERCENT_HALF_MAX, default_half
from .parser import parse


def from_fields(fields: dict) -> Quantity:
    """A Quantity from a claims-file value mapping (already type-checked)."""
    kind = Kind(fields["kind"])
    text = str(fields["text"])
    qualifier = Qualifier(fields.get("qualifier", "exact"))
    if kind is Kind.DATE:
        return Quantity(kind, text, span=span_of(fields["value"], fields.get("part", "")), relation=fields.get("relation", ""))
    if kind is Kind.PERIOD:
        return Quantity(kind, text, span=span_of(fields["from"]), span_to=span_of(fields["to"]))
    value = float(fields["value"])
    if kind is Kind.MEASURE and units.unit(str(fields["unit"])) is None:
        raise ValueError(f"unknown unit {str(fields['unit'])!r} (one of: {', '.join(units.names())})")
    parsed = [p for p in parse(text) if p.value is not None]
    half = next((p.half_unit for p in parsed if p.value == value), default_half(value))
    if kind is Kind.PERCENT:
        half = min(half, PERCENT_HALF_MAX)
    unit = str(fields.get("unit", ""))
    nouns = tuple(dict.fromkeys((unit.lower(), *(w for p in parsed if p.value == value for w in p.nouns)))) if unit else ()
    return Quantity(
        kind, text, value=value, unit=unit, qualifier=qualifier,
        of=float(fields["of"]) if "of" in fields else None, half_unit=half, nouns=nouns,
    )


