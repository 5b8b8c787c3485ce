"""Figures in plain words, as reasons quote them: "34 million USD", "12 July 1995", "13th"."""

from __future__ import annotations

import calendar

from .model import Kind, Qualifier, Quantity, Span

_QUAL_WORDS = {
    Qualifier.EXACT: "", Qualifier.ABOUT: "about ", Qualifier.ALMOST: "almost ",
    Qualifier.MORE_THAN: "more than ", Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ", Qualifier.AT_MOST: "at most ",
}


def _fmt_number(v: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            x = v / scale
            return f"{x:.10g} {word}"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:.10g}"


def _fmt_span(span: Span) -> str:
    first, last = span.first, span.last
    if first == last:
        return f"{first.day} {calendar.month_name[first.month]} {first.year}"
    if first.year == last.year and first.month == last.month:
        return f"{calendar.month_name[first.month]} {first.year}"
    if first.year == last.year and first.month == 1 and last.month == 12:
        return str(first.year)
    if first.year == last.year:
        return f"{calendar.month_name[first.month]}–{calendar.month_name[last.month]} {first.year}"
    return f"{first.year}–{last.year}"


def ordinal(n: int) -> str:
    """13 as "13th", 22 as "22nd"."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def describe(q: Quantity) -> str:
    """A figure in plain words, as a reason quotes it: "34 million USD", "12 July 1995"."""
    if q.kind is Kind.DATE and q.span:
        rel = f"{q.relation} " if q.relation else ""
        return rel + _fmt_span(q.span)
    if q.kind is Kind.PERIOD and q.span and q.span_to:
        return f"{_fmt_span(q.span)} to {_fmt_span(q.span_to)}"
    v = q.value or 0.0
    pre = _QUAL_WORDS[q.qualifier]
    if q.kind is Kind.MONEY:
        return f"{pre}{_fmt_number(v)} {q.unit}".strip()
    if q.kind is Kind.PERCENT:
        return f"{pre}{_fmt_number(v)} percent"
    if q.kind is Kind.RATIO:
        return f"{pre}{_fmt_number(v)} out of {_fmt_number(q.of or 0)}"
    if q.kind is Kind.MULTIPLE:
        return f"{pre}{_fmt_number(v)} times"
    if q.kind is Kind.ORDINAL:
        return f"{ordinal(int(v))} {q.unit}".strip()
    return f"{pre}{_fmt_number(v)} {q.unit}".strip()
