"""A parsed figure as the claims file writes a value: the reverse of `quantities.from_fields`,
so that a drafted value reads back as the figure it was parsed from."""

from __future__ import annotations

import re

from ..language.quantities import Kind, Qualifier, Quantity, Span, parse, span_of

UNITLESS_KINDS = frozenset({"percent", "multiple"})  # the claims file gives these no unit
UNIT_KINDS = frozenset({"money", "duration", "measure"})  # and these always one (by name: not every version has measures)


def value_fields(q: Quantity) -> dict | None:
    """A parsed figure as the claims file writes a value; None for one it cannot write."""
    if q.kind is Kind.DATE and q.span:
        value, part = date_value(q.span)
        fields: dict = {"kind": "date", "value": value}
        if part:
            fields["part"] = part
        if q.relation:
            fields["relation"] = q.relation
    elif q.kind is Kind.PERIOD and q.span and q.span_to:
        (start, p1), (end, p2) = date_value(q.span), date_value(q.span_to)
        if p1 or p2:
            return None  # a period's ends carry no part in the claims file
        fields = {"kind": "period", "from": start, "to": end}
    elif q.value is not None:
        fields = {"kind": q.kind.value, "value": _number(q.value)}
        if q.kind is Kind.RATIO:
            fields["of"] = _number(q.of or 0)
        if q.unit and q.kind.value not in UNITLESS_KINDS:
            fields["unit"] = q.unit
        elif q.kind.value in UNIT_KINDS:
            return None  # their unit is required
        if q.qualifier is not Qualifier.EXACT and q.kind is not Kind.ORDINAL:
            fields["qualifier"] = q.qualifier.value
    else:
        return None
    fields["text"] = q.text
    return fields


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def date_value(span: Span) -> tuple[str, str]:
    """A date's interval as the claims file writes it: (value, part), e.g. ("1995-07-12", ""),
    ("1946", "late"), ("1960s", ""), ("C13", "")."""
    y = span.first.year
    decade = y // 10 * 10
    centuries = dict.fromkeys(((y - 1) // 100 + 1, y // 100 + 1))  # a century may start in its year 00
    candidates = [(f"{y:04d}-{span.first.month:02d}-{span.first.day:02d}", ""), (f"{y:04d}-{span.first.month:02d}", ""), (f"{y:04d}", "")]
    bases = (f"{y:04d}", f"{decade:04d}s", *(f"C{c}" for c in centuries))
    candidates += [(base, part) for base in bases for part in ("", "early", "mid", "late")]
    for value, part in candidates:
        try:
            if span_of(value, part) == span:
                return value, part
        except ValueError:
            continue
    return f"{y:04d}", ""  # not reached for a span the parser made


_JOINER = re.compile(r"\s*(?:[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*")


def period_ends(q: Quantity) -> list[Quantity]:
    """The two ends of a period written as two days ("August 8, 1967 - August 8, 2023"), as
    dates of their own: each is an event's date ("ASEAN was founded on August 8, 1967"), which
    a claim of it is then confirmed by, not only consistent with."""
    if q.kind is not Kind.PERIOD:
        return []
    sides = _JOINER.split(q.text, maxsplit=1)
    if len(sides) != 2:
        return []
    ends = [next((d for d in parse(side) if d.kind is Kind.DATE and d.span == span), None)
            for side, span in zip(sides, (q.span, q.span_to))]
    days = all(d is not None and d.span is not None and d.span.days == 0 and not d.relation for d in ends)
    return [d for d in ends if d is not None] if days else []
