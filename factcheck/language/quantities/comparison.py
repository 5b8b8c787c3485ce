"""Whether two figures agree: `compare` and the rule it states, `comparable`, `in_base_unit`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .. import units
from .model import Agreement, Kind, Qualifier, Quantity, Span
from .numbers import default_half
from .words import INSISTING

KIND_GROUP = {
    Kind.MONEY: "money", Kind.COUNT: "count", Kind.PERCENT: "percent", Kind.RATIO: "percent",
    Kind.MULTIPLE: "multiple", Kind.ORDINAL: "ordinal", Kind.DURATION: "duration",
    Kind.MEASURE: "measure", Kind.DATE: "time", Kind.PERIOD: "time",
}
_LOWER = {Qualifier.MORE_THAN, Qualifier.AT_LEAST}
_UPPER = {Qualifier.LESS_THAN, Qualifier.AT_MOST}
_ROUNDED = {Qualifier.ABOUT, Qualifier.ALMOST}

HALF_OPEN = 1 - 1e-9  # rounding intervals are half-open: "4" and "5" do not meet at 4.5
RATIO_HALF = 1e-6  # the parts of "16 out of 37" are counted, not rounded: a ratio is all but a point
ABOUT_LOW, ABOUT_HIGH = 0.8, 1.2  # "about 100" allows 80 to 120, or its rounding if that is wider
ONE_SIDED_REACH = 2  # "more than 70" allows up to 140, "less than 70" down to 35: no one writes it of 170
ABOUT_TOLERANCE = 0.1  # two figures "about" or "almost" as written agree within a tenth
RATIO_TOLERANCE = 0.05  # ratios compare as percentages: within a twentieth of a point
FLOAT_NOISE = 1e-9  # products of floats that should be equal differ by this much


def comparable(a: Quantity, b: Quantity) -> bool:
    if KIND_GROUP[a.kind] != KIND_GROUP[b.kind]:
        return False
    if a.kind is Kind.MONEY and a.unit and b.unit and a.unit != b.unit:
        return False
    if a.kind is Kind.DURATION and a.unit != b.unit:
        return False
    if a.kind is Kind.MEASURE:
        return _dimension(a) is not None and _dimension(a) == _dimension(b)
    return True


def _dimension(q: Quantity) -> str | None:
    unit = units.unit(q.unit)
    return unit.dimension if unit else None


def in_base_unit(q: Quantity) -> Quantity:
    """A measure in its dimension's base unit, its rounding with it: "1,083 feet" as 330.1 m."""
    unit = units.unit(q.unit)
    if q.kind is not Kind.MEASURE or unit is None or q.value is None:
        return q
    return replace(q, value=q.value * unit.size, half_unit=q.half_unit * unit.size, unit=units.base(unit.dimension))


def _bounds(q: Quantity) -> tuple[float, float]:
    """What the words strictly allow. One-sided qualifiers get a far bound too: "more than 70"
    is not how anyone writes 170."""
    v = q.number or 0.0
    h = q.half_unit if q.kind is not Kind.RATIO else RATIO_HALF
    if q.qualifier is Qualifier.EXACT:
        return v - h * HALF_OPEN, v + h * HALF_OPEN
    if q.qualifier is Qualifier.ABOUT:
        return min(v - h, v * ABOUT_LOW), max(v + h, v * ABOUT_HIGH)
    if q.qualifier is Qualifier.ALMOST:
        return min(v - h, v * ABOUT_LOW), v
    if q.qualifier in _LOWER:
        return v, max(v * ONE_SIDED_REACH, v + 2 * h)  # or two roundings above it, for a small figure
    return v / ONE_SIDED_REACH, v  # less-than, at-most


def _tolerance(q: Quantity) -> float:
    v = abs(q.number or 0.0)
    if q.qualifier in {Qualifier.ABOUT, Qualifier.ALMOST}:
        return max(q.half_unit, ABOUT_TOLERANCE * v)
    if q.kind is Kind.RATIO:
        return RATIO_TOLERANCE
    return q.half_unit


def _direction(q: Quantity) -> str:
    if q.qualifier in _LOWER:
        return "lower"
    if q.qualifier in _UPPER:
        return "upper"
    return "point"


def compare(claim: Quantity, source: Quantity) -> Agreement:
    """Does the claim's figure agree with the source's? The rule, both ways:

    - conflict when the two ranges the words allow do not overlap;
    - agree when both are points (exact, about, almost) within the looser one's tolerance,
      when both bound the same side at about the same figure, or when the claim bounds
      ("less than one percent") a point the source gives ("0.86 percent");
    - otherwise open: consistent, not confirmed ("more than 100" does not confirm "5,000").
    """
    if KIND_GROUP[claim.kind] == "time":
        return _compare_time(claim, source)
    if claim.kind is Kind.MEASURE:  # in one unit: "330 m" and "about 1,083 feet"
        if not comparable(claim, source):
            return Agreement.OPEN
        claim, source = in_base_unit(claim), in_base_unit(source)
    if claim.kind is Kind.RATIO and source.kind is Kind.RATIO and claim.of and source.of:
        # "16 million out of 37 million": the wholes must agree before the parts can
        whole_c = Quantity(Kind.COUNT, "", value=claim.of, half_unit=default_half(claim.of))
        whole_s = Quantity(Kind.COUNT, "", value=source.of, half_unit=default_half(source.of))
        if compare(whole_c, whole_s) is Agreement.CONFLICT:
            return Agreement.CONFLICT
        part_c = Quantity(Kind.COUNT, "", value=claim.value, qualifier=claim.qualifier, half_unit=claim.half_unit)
        part_s = Quantity(Kind.COUNT, "", value=source.value, qualifier=source.qualifier, half_unit=source.half_unit)
        return compare(part_c, part_s)
    lo_c, hi_c = _bounds(claim)
    lo_s, hi_s = _bounds(source)
    if _apart(hi_c, claim, lo_s, source) or _apart(hi_s, source, lo_c, claim):
        return Agreement.CONFLICT
    if _direction(claim) == _direction(source) != "point" and _floors_differ(claim, source):
        return Agreement.CONFLICT
    if _insists(claim) and source.qualifier in _ROUNDED:
        return Agreement.OPEN  # "exactly 11 billion": "almost 11 billion" does not say as much
    c, s = claim.number or 0.0, source.number or 0.0
    dc, ds = _direction(claim), _direction(source)
    close = abs(c - s) <= max(_tolerance(claim), _tolerance(source)) + FLOAT_NOISE
    if dc == ds and close:
        return Agreement.AGREE
    if dc != "point" and ds == "point" and source.qualifier is Qualifier.EXACT and lo_c <= s <= hi_c and s != c:
        return Agreement.AGREE
    if dc != "point" and ds == "point" and lo_c <= lo_s and hi_s <= hi_c and s != c:
        return Agreement.AGREE  # "less than 10 billion" holds for all "about 7 billion" may be
    return Agreement.OPEN


def _insists(q: Quantity) -> bool:
    """Whether the figure is written as not rounded ("exactly 11 billion")."""
    return q.qualifier is Qualifier.EXACT and q.text.split(" ", 1)[0].lower() in INSISTING


FLOOR_TOLERANCE = 0.15  # two bounds of one side that differ by more than 15 % speak of different figures
FLOOR_ROUNDINGS = 2  # ... and by more than two roundings: "over 10" and "over 12" may be one figure


def _floors_differ(a: Quantity, b: Quantity) -> bool:
    """"More than 170" and "over 70", "over 1,500" and "over 1,100": writers put a bound close
    to the figure, so two bounds of one side that differ by more than 15 % disagree."""
    x, y = a.number or 0.0, b.number or 0.0
    gap = abs(x - y)
    return gap > FLOOR_TOLERANCE * max(abs(x), abs(y)) and gap > max(a.half_unit, b.half_unit) * FLOOR_ROUNDINGS


def _apart(hi: float, upper: Quantity, lo: float, lower: Quantity) -> bool:
    """Whether a range ending at `hi` lies wholly below one starting at `lo`. "More than 11"
    and "almost 11" share no figure: their ends at 11 are open."""
    if hi < lo:
        return True
    open_hi = upper.qualifier in {Qualifier.ALMOST, Qualifier.LESS_THAN}
    open_lo = lower.qualifier is Qualifier.MORE_THAN
    return hi == lo and (open_hi or open_lo)


def _compare_time(claim: Quantity, source: Quantity) -> Agreement:
    cs, ss = claim.span, source.span
    if cs is None or ss is None:
        return Agreement.OPEN
    if claim.kind is Kind.PERIOD and source.kind is Kind.PERIOD:
        a = _compare_spans(cs, ss)
        b = _compare_spans(claim.span_to or cs, source.span_to or ss)
        if Agreement.CONFLICT in (a, b):
            return Agreement.CONFLICT
        return Agreement.AGREE if a is b is Agreement.AGREE else Agreement.OPEN
    if source.kind is Kind.PERIOD and claim.kind is Kind.DATE and claim.relation in {"until", "by", "since"}:
        # "until 1954" speaks of a period's end, "since 2014" of its start
        end = source.span_to if claim.relation in {"until", "by"} else source.span
        return _compare_spans(cs, end or ss)
    if claim.kind is Kind.PERIOD or source.kind is Kind.PERIOD:
        whole_c = Span(cs.first, (claim.span_to or cs).last)
        whole_s = Span(ss.first, (source.span_to or ss).last)
        if whole_c.disjoint(whole_s):
            return Agreement.CONFLICT
        return Agreement.OPEN
    rc, rs = claim.relation, source.relation
    if {rc, rs} in ({"before", "until"}, {"since", "after"}) and _compare_spans(cs, ss) is Agreement.AGREE:
        # a state's bound: "could not help before 1950" is "prevented from helping until 1950",
        # "relied on Moscow since 1968" is "turned toward Moscow after 1968"
        return Agreement.AGREE
    if rc in _RANGES or rs in _RANGES:
        if rc == rs:
            return _compare_spans(cs, ss)
        lo_c, hi_c = _relation_range(cs, rc)
        lo_s, hi_s = _relation_range(ss, rs)
        if hi_c < lo_s or hi_s < lo_c:
            return Agreement.CONFLICT
        if lo_c <= lo_s and hi_s <= hi_c:
            return Agreement.AGREE  # "by 2010" holds for 2007, "after 1990" for 1995
        return Agreement.OPEN  # 1995 is consistent with "by 2002", not confirmed by it
    return _compare_spans(cs, ss)


_RANGES = frozenset({"after", "before", "by"})  # relations that make a date a range of dates


def _relation_range(span: Span, relation: str) -> tuple[date, date]:
    if relation == "after":
        return span.last, date.max
    if relation == "before":
        return date.min, span.first
    if relation == "by":
        return date.min, span.last
    return span.first, span.last


def _compare_spans(claim: Span, source: Span) -> Agreement:
    if claim.disjoint(source):
        return Agreement.CONFLICT
    if claim.contains(source):
        return Agreement.AGREE
    return Agreement.OPEN


