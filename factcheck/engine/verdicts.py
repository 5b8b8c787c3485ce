"""What a check finds: the verdict on a claim, each entry's verdict on it, and the figures compared.

The engine (checker.py and the modules it calls) makes these; the renderers, the scan and the
language server read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..claimsfile.claims import Entry
from ..language.quantities import Agreement, Quantity

SHOWN = 3  # matches shown per claim, and per part of a split claim


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONFLICTING = "conflicting"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Comparison:
    """One figure of the claim against the entry's figure of the same kind."""

    claim: Quantity
    source: Quantity | None
    agreement: Agreement | None  # None: the entry gives no such figure

    @property
    def more_precise(self) -> bool:
        """"January 2007" where the source says 2007: within it, and narrower."""
        a, b = self.claim.span, self.source.span if self.source else None
        return bool(a and b and b.contains(a) and a.days < b.days)


@dataclass(frozen=True)
class Match:
    entry: Entry
    verdict: Verdict
    score: float
    reasons: tuple[str, ...]
    comparisons: tuple[Comparison, ...] = ()
    strong: bool = False  # close enough to the claim to decide its verdict
    missing_names: tuple[tuple[str, ...], ...] = ()
    only_list_item: bool = False  # conflicting only because a claimed item is not in the list
    closeness: float = 0.0  # how much of the entry's statement the claim says (1.0: all of it)
    by_meaning: bool = False  # conflicting only for denying what the entry says: no figure, list or contrast
    opposite: tuple[str, ...] = ()  # the claim's words of which the entry says the opposite ("leave": "joins")
    differs: bool = False  # unverified, and the entry denies or says the opposite of part of the claim


@dataclass(frozen=True)
class CheckResult:
    claim: str
    verdict: Verdict
    matches: tuple[Match, ...]
    parts: tuple[CheckResult, ...] = field(default=())  # a claim of several facts, fact by fact
    summary: str = ""  # the reason, when no single match gives it (a joint support)
    partial: bool = False  # unverified, but its first match agrees on all it can say

    @property
    def reason(self) -> str:
        if self.summary:
            return self.summary
        for part in self.parts:
            if part.verdict is self.verdict and part.matches:
                return f"in \u201c{part.claim.strip()}\u201d: {part.reason}"
        if self.matches and self.matches[0].reasons:
            return self.matches[0].reasons[0]
        return "no entry in the claims file is about this"


def combine(verdicts: list[Verdict]) -> Verdict:
    """One conflicting part makes the claim conflicting; all parts must be supported."""
    if Verdict.CONFLICTING in verdicts:
        return Verdict.CONFLICTING
    if all(v is Verdict.SUPPORTED for v in verdicts):
        return Verdict.SUPPORTED
    return Verdict.UNVERIFIED


def deciding(result: CheckResult) -> tuple[CheckResult, Match | None]:
    """The (part) result and entry that result.reason speaks of: for a claim of several parts,
    the first part with the claim's verdict, so the evidence shown is the evidence that decided."""
    for part in result.parts:
        if part.verdict is result.verdict and part.matches:
            return deciding(part)
    return result, (result.matches[0] if result.matches else None)
