"""Drafts through the checker: every sentence of a draft, checked like a claim.

A sentence of a draft leans on the one before it ("The Republic of Korea joined that group
in 2021" after a sentence about comprehensive strategic partnerships), so a sentence that
matches nothing on its own is tried again with its predecessor's words as context.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .drafts import Sentence, read_sentences
from .match import Index
from .normalise import keys, name_keys, tokens
from .quantities import parse
from .verdict import SHOWN, Checker, CheckResult, Verdict


@dataclass(frozen=True)
class Finding:
    path: str
    sentence: Sentence
    result: CheckResult

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict


def check_worthy(index: Index, text: str) -> bool:
    """Whether an unverified sentence is worth reporting: it states a figure, a date or a
    named policy. Ordinary prose ("The weather was pleasant") never is."""
    if _has_figures(text):
        return True
    claim_keys = set(keys(tokens(text)))
    for p in index.prepared:
        for alias in p.entry.aliases:
            k = name_keys(alias)
            if len(k) >= 1 and set(k) <= claim_keys and sum(index.weight(x) for x in k) >= 3.0:
                return True
    return False


def scan_text(checker: Checker, path: str, text: str, markdown: bool, shown: int = SHOWN) -> Iterator[Finding]:
    """Each sentence of a draft with its verdict, in order; `shown`: matches shown per finding."""
    previous = ""
    for sentence in read_sentences(text, markdown=markdown):
        result = checker.check(sentence.text, shown=shown)
        if result.verdict is Verdict.UNVERIFIED and previous and _has_figures(sentence.text):
            with_context = checker.check(sentence.text, context=previous, shown=shown)
            if with_context.verdict is not Verdict.UNVERIFIED:
                result = with_context
        previous = sentence.text
        yield Finding(path, sentence, result)


def _has_figures(text: str) -> bool:
    """Context may identify what a sentence's figures are about; it never stands in for them."""
    return any(not q.weak for q in parse(text))


def reported(finding: Finding, show: set[str], index: Index) -> bool:
    """Conflicts always; supported and unverified sentences only when asked, and unverified
    ones only when check-worthy."""
    if finding.verdict is Verdict.CONFLICTING:
        return True
    if finding.verdict is Verdict.SUPPORTED:
        return "supported" in show
    return "unverified" in show and check_worthy(index, finding.sentence.text)
