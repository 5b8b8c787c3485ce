"""The claim's verdict from its entries' verdicts: a support, a conflict that stands against it,
a joint support by neighbouring entries, or a partial agreement to report."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.normalise import Token, fold, keys
from ..language.quantities import Agreement, Quantity
from .judge import DIRECT, SUPPORT_WITH_VALUES, VALUE_WEIGHT
from .match import Index
from .verdicts import Match, Verdict

CONFLICT_MARGIN = 4.0  # a conflict beats a support only when its entry matches clearly better (in match scores)


def decide(matches: list[Match]) -> tuple[Verdict, list[Match]]:
    """The claim's verdict from its entries' verdicts; the deciding entry first."""
    support = next((m for m in matches if m.verdict is Verdict.SUPPORTED), None)
    # the conflicts that stand, those that also confirm some figure of the claim first
    conflicts = [m for m in matches if m.verdict is Verdict.CONFLICTING and not _consistent_elsewhere(m, matches)]
    conflicts.sort(key=lambda m: not any(c.agreement is Agreement.AGREE for c in m.comparisons))
    conflict = conflicts[0] if conflicts else None
    if conflict and (same := _states_it_more_loosely(matches)) and same.closeness > conflict.closeness and not support:
        # the entry that states the claim finds it only more precise; a related entry is about another fact
        return Verdict.UNVERIFIED, _first(same, matches)
    if conflict and support and conflict.only_list_item:
        conflict = None  # an entry stating the claim outweighs a list that seems to lack it
    if conflict and support and conflict.by_meaning and support.closeness >= DIRECT and support.closeness > conflict.closeness:
        conflict = None  # a direct statement of the claim is not outvoted by a related entry
    if conflict and support and support.entry.fact and support.entry.fact == conflict.entry.fact:
        conflict = None  # the sources differ on this fact, and the claim follows one of them
    if conflict and (support is None or conflict.score > support.score + CONFLICT_MARGIN or _answers_what_support_skipped(conflict, support)
                     or _opposes_what_support_skipped(conflict, support)):
        return Verdict.CONFLICTING, _first(conflict, matches)
    if support:
        return Verdict.SUPPORTED, _first(support, matches)
    return Verdict.UNVERIFIED, matches


def _states_it_more_loosely(matches: list[Match]) -> Match | None:
    """An entry that restates the claim (DIRECT) and finds its figures agreeing or only more
    precise than its own ("December 1991" against "1991")."""
    return next((m for m in matches if m.verdict is Verdict.UNVERIFIED and m.strong and not m.missing_names and not m.differs
                 and m.closeness >= DIRECT and m.comparisons
                 and all(c.agreement is Agreement.AGREE or c.more_precise for c in m.comparisons)), None)


def joint_support(index: Index, toks: Sequence[Token], matches: list[Match], qs: list[Quantity]) -> list[Match]:
    """A claim of several figures stated across neighbouring entries ("$34 million ...,
    less than one percent of US aid"): each figure agreed by an entry, none denied by an
    entry about the same thing, and the entries together covering the claim's words."""
    needed = [q for q in qs if not q.weak]
    if len(needed) < 2:
        return []
    used: list[Match] = []
    for q in needed:
        # the best-matching strong entry that speaks of this figure decides it
        deciding = [m for m in matches if any(c.claim == q and c.agreement is not None for c in m.comparisons)]
        found = next((m for m in deciding if (m.strong and not m.missing_names) or any(c.claim == q and c.agreement is Agreement.AGREE for c in m.comparisons)), None)
        if found is None or not any(c.claim == q and c.agreement is Agreement.AGREE for c in found.comparisons):
            return []
        if found not in used:
            used.append(found)
    if len(used) < 2 or any(_disagrees(m) or m.differs for m in used):
        return []
    # the entries must come from one document: a claim joins facts of one passage
    if not set.intersection(*({ev.source for ev in m.entry.evidence} for m in used)):
        return []
    if set.intersection(*(set(m.missing_names) for m in used)):
        return []
    vocab = set().union(*(index.prepared_for(m.entry.id).vocab for m in used))
    ks = list(dict.fromkeys(keys(toks)))
    credit = VALUE_WEIGHT * len(needed)
    total = sum(index.weight(k) for k in ks) + credit
    covered = sum(index.weight(k) for k in ks if k in vocab) + credit
    return used if covered / total >= SUPPORT_WITH_VALUES else []


def _disagrees(m: Match) -> bool:
    return any(c.agreement is Agreement.OPEN for c in m.comparisons)


def _answers_what_support_skipped(conflict: Match, support: Match) -> bool:
    """"Russia was the first partner": the Russia entry says nothing of ranks, the dated list
    of partners says Russia was second."""
    skipped = {c.claim for c in support.comparisons if c.agreement is None}
    return any(c.claim in skipped for c in conflict.comparisons if c.agreement is Agreement.CONFLICT)


def _opposes_what_support_skipped(conflict: Match, support: Match) -> bool:
    """"Vietnam leave no military alliances": the Four Nos entry says nothing of leaving or
    joining, the entry on alliances says "joins"."""
    if not conflict.opposite:
        return False
    e = support.entry
    said = fold(" ".join((e.statement, *e.aliases, *(ev.quote for ev in e.evidence))))
    return not any(re.search(rf"(?<![\w-]){re.escape(fold(w))}(?![\w-])", said) for w in conflict.opposite)


def _consistent_elsewhere(conflict: Match, matches: list[Match]) -> bool:
    """A better-matching entry finds the same figures consistent ("late 1970s" for January
    1979), or an entry matching about as well states them: the conflicting entry is then
    likely about another event."""
    disputed = [c.claim for c in conflict.comparisons if c.agreement is Agreement.CONFLICT]
    if not disputed:
        return False
    for m in matches:
        if m is conflict or not m.strong or m.missing_names:
            continue
        agreed = {c.claim for c in m.comparisons if c.agreement is Agreement.AGREE}
        fine = agreed | {c.claim for c in m.comparisons if c.agreement is Agreement.OPEN}
        if m.score > conflict.score + CONFLICT_MARGIN and all(q in fine for q in disputed):
            return True
        # another entry, matching about as well, states the disputed figure
        if m.score >= conflict.score - CONFLICT_MARGIN and any(q in agreed for q in disputed):
            return True
    return False


def _first(best: Match, matches: list[Match]) -> list[Match]:
    return [best] + [m for m in matches if m is not best]


def partly(m: Match) -> str:
    """Why an entry that agrees on every figure it gives, and matches closely, still does not
    support the claim: what agreed, and what the sources lack."""
    strong = [c for c in m.comparisons if not c.claim.weak]
    if not m.strong or m.missing_names or m.verdict is not Verdict.UNVERIFIED or not strong:
        return ""
    if any(c.agreement is Agreement.CONFLICT for c in strong) or not any(c.agreement is not Agreement.AGREE for c in strong):
        return ""
    agreed = [f"{c.claim.describe()} agrees" for c in strong if c.agreement is Agreement.AGREE]
    lacking = [r for r in m.reasons if not r.startswith("the claim says") or "more precise" in r or "does not confirm" in r]
    return "partly stated: " + "; ".join([*agreed, *lacking])


