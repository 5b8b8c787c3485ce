"""Claims that order two events in time ("Vietnam joined ASEAN less than three weeks after
establishing diplomatic relations with the United States"): the order and the gap are
arithmetic on the dates the sources give the two events, even in two documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ..language.quantities import Kind, Qualifier, Span, parse

DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25, "decade": 3652.5}
ABOUT = 0.25  # "about a month": within a quarter of the figure either way
NOT_ABOUT = 0.5  # and not "about" it when every possible gap is half the figure away
A_LITTLE_OVER = 1.5  # "a little over two weeks": more than two, less than three

_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_AMOUNT = r"(?:half a|half an|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d+(?:\.\d+)?)"
_QUALIFIER = (r"(?:a little over|a little more than|little more than|slightly more than|slightly over|just over|just under|less than|"
              r"more than|fewer than|under|over|about|around|roughly|nearly|almost|some|only)")
SOON = 92  # days: "immediately after", "right after", "shortly before" mean within about three months
_SOON = r"(?:immediately|right|soon|shortly|straight|just|directly)"
_RELATION = re.compile(
    rf"(?:,\s*)?\b(?P<gap>(?:{_QUALIFIER}\s+)?{_AMOUNT}\s+{_UNIT}\s+|{_SOON}\s+)?(?P<order>before|after|prior to|following|ahead of)\s+",
    re.IGNORECASE,
)
# the words _RELATION needs: searched for first, as most sentences have none and finding that
# out with _RELATION itself (its optional gap tried at every character) costs ten times as much
_ORDER_WORD = re.compile(r"(?:before|after|prior to|following|ahead of)\s", re.IGNORECASE)
_NOT_AN_ORDER = re.compile(r"\b(?:until|till|not|only|even|long|shortly|soon)\s*,?\s*$", re.IGNORECASE)  # "did not ... until after"
_PRONOUN = re.compile(r"^(?:it|they|he|she)\b", re.IGNORECASE)
_GERUND = re.compile(r"^[a-z]\w+ing\b")  # "normalising ties", not "Beijing invaded"
_NOT_GERUNDS = frozenset({"everything", "nothing", "something", "anything", "during", "king", "thing", "spring", "morning", "evening"})


@dataclass(frozen=True)
class Ordered:
    """Two events a claim orders: the first `order` ("before"/"after") the second, perhaps by
    a gap ("less than two years")."""

    first: str
    second: str
    order: str
    gap: str


def ordered(sentence: str, subject: str) -> Ordered | None:
    """The two events of "A before B" / "A, less than two years after B", B's missing subject
    taken from A ("after normalising ties"); None when the sentence orders nothing. A date
    ("before 1995") is a figure, not an event."""
    m = _RELATION.search(sentence) if _ORDER_WORD.search(sentence) else None
    if not m or not sentence[:m.start()].strip() or _NOT_AN_ORDER.search(sentence, 0, m.start()):
        return None
    first = sentence[:m.start()].strip(" ,")
    second = sentence[m.end():].strip().rstrip(".!")
    if not second or second[:1].isdigit() or parse(second[:12]) and parse(second[:12])[0].start == 0:
        return None
    if _PRONOUN.match(second):
        second = _PRONOUN.sub(subject, second, count=1) if subject else second
    elif _GERUND.match(second) and subject and second.split()[0].lower() not in _NOT_GERUNDS:
        second = f"{subject} {second}"
    order = "before" if m.group("order").lower() in ("before", "prior to", "ahead of") else "after"
    return Ordered(first, second, order, (m.group("gap") or "").strip())


def relation_holds(first: Span, second: Span, order: str, gap: str) -> bool | None:
    """Whether `first` comes `order` `second` (by `gap`), from the days each may mean: True or
    False where every reading agrees, None where the dates allow both."""
    early, late = (first, second) if order == "before" else (second, first)
    if early.last < late.first:
        apart: tuple[float, float] = ((late.first - early.last).days, (late.last - early.first).days)
    elif late.last < early.first:
        return False
    else:
        return None
    return _gap_holds(apart, gap) if gap else True


def _gap_holds(apart: tuple[float, float], gap: str) -> bool | None:
    if re.fullmatch(_SOON, gap, re.IGNORECASE):
        return True if apart[1] <= SOON else False if apart[0] > SOON else None
    half = re.search(r"\bhalf an? ", gap, re.IGNORECASE)
    figure = parse(re.sub(r"^(?:(\w+(?: \w+)*) )?(?:half )?an? (?=\w)", lambda m: (m.group(1) or "") + " one ", gap).strip())
    found = next(((q, q.value) for q in figure if q.kind is Kind.DURATION and q.value is not None), None)
    if found is None:
        return None
    wanted, value = found
    days = value * DAYS.get(wanted.unit.rstrip("s"), 0.0) * (0.5 if half else 1.0)
    low, high = apart
    words = gap.lower()
    if any(w in words for w in ("a little over", "little more than", "slightly", "just over")):
        return True if days <= low and high <= A_LITTLE_OVER * days else False if high < days or low > A_LITTLE_OVER * days else None
    if wanted.qualifier is Qualifier.LESS_THAN:
        return True if high < days else False if low >= days else None
    if wanted.qualifier is Qualifier.MORE_THAN:
        return True if low > days else False if high <= days else None
    # about, or exact: writers round a gap, and "November 1978" to "December 1978" is about a
    # month in the middle of what the two months allow
    if abs((low + high) / 2 - days) <= ABOUT * days:
        return True
    if high < (1 - NOT_ABOUT) * days or low > (1 + NOT_ABOUT) * days:
        return False
    return None


def describe(span: Span) -> str:
    """A span in words: "12 July 1995", "July 1995", "1995"."""
    if span.first == span.last:
        return f"{span.first.day} {span.first:%B %Y}"
    if span.first.day == 1 and (span.last + timedelta(days=1)).day == 1 and span.first.month == span.last.month:
        return f"{span.first:%B %Y}"
    if span.first.year == span.last.year:
        return str(span.first.year)
    return f"{span.first.year}–{span.last.year}"
