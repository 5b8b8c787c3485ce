"""A claim that orders two events ("A before B", "A, less than two years after B"): each event
dated by the entry that states it, their order (and gap) worked out from the two dates
(timeline.py reads the order words and does the arithmetic)."""

from __future__ import annotations

from collections.abc import Callable

from ..claimsfile.claims import Entry
from ..language.normalise import fold, keys, tokens
from ..language.quantities import Agreement, Kind, Quantity, Span
from .figures import fold_once, words_around
from .match import IMPLICIT_NAMES, Index, without_figures
from .timeline import Ordered, describe, relation_holds
from .verdicts import SHOWN, CheckResult, Verdict

CheckOne = Callable[[str], CheckResult]  # the verdict on one fact, no context


def check_order(claim: str, events: Ordered, check_one: CheckOne, index: Index) -> CheckResult | None:
    """Both events dated by the entries that state them, their order (and gap) worked out;
    None when either is not dated, or the dates allow both readings."""
    first, first_span = event(events.first, check_one, index)
    conflict = _figure_conflict(first)
    if first_span is None and not conflict:
        return None  # whatever the second event is, nothing is decided: it is not checked (most claims)
    second, second_span = event(events.second, check_one, index)
    if conflict:
        return CheckResult(claim, Verdict.CONFLICTING, first.matches, (first, second))  # "in 1975, right after ..."
    if first_span is None or second_span is None:
        return None
    holds = relation_holds(first_span, second_span, events.order, events.gap)
    if holds is None:
        return None
    said = f"{events.gap} {events.order}".strip()
    summary = (f"the sources date “{events.first}” to {describe(first_span)} and “{events.second}” to "
               f"{describe(second_span)}: the first {'is' if holds else 'is not'} {said} the second")
    verdict = Verdict.SUPPORTED if holds else Verdict.CONFLICTING
    return CheckResult(claim, verdict, (first.matches[0], second.matches[0]), (first, second), summary)


def _figure_conflict(result: CheckResult) -> bool:
    """Whether the sources contradict a figure of the event: then the claim is conflicting."""
    return result.verdict is Verdict.CONFLICTING and any(c.agreement is Agreement.CONFLICT for c in result.matches[0].comparisons)


def event(text: str, check_one: CheckOne, index: Index) -> tuple[CheckResult, Span | None]:
    """An event as the claims file dates it: the date of the entry that states it (its
    own figures agreeing), or of the best entry about the same subjects that does not
    contradict it."""
    result = check_one(text)
    named = any(n not in IMPLICIT_NAMES for n in index.find_names(tokens(without_figures(text))))
    for i, m in enumerate(result.matches[:SHOWN]):
        if m.verdict is Verdict.CONFLICTING or m.missing_names or not (m.verdict is Verdict.SUPPORTED or m.strong):
            continue
        if not named and i:
            break  # "diplomatic ties established": about whom? Only the best entry may say
        # not "by 2002"; "a member since 1990" dates its joining
        dates = [v for v in m.entry.values if v.kind is Kind.DATE and v.span and v.relation in ("", "since")]
        if date := _date_of(text, m.entry, dates):
            return result, date
    return result, None


def _date_of(event: str, e: Entry, dates: list[Quantity]) -> Span | None:
    """Of an entry's dates, the one its statement writes among the event's words ("joined
    ASEAN on July 28, 1995, and marked the 28th anniversary ... on July 28, 2023")."""
    if len(dates) <= 1:
        return dates[0].span if dates else None
    words = frozenset(keys(tokens(without_figures(event))))
    statement = fold_once(e.statement)
    near = sorted(((len(words & words_around(e.statement, at, at + len(v.text))), v.span) for v in dates
                   if (at := statement.find(fold(v.text))) >= 0), key=lambda x: -x[0])
    if not near or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1]
