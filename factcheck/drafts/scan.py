"""Drafts through the checker: every sentence of a draft, checked like a claim.

A sentence of a draft leans on the one before it ("The Republic of Korea joined that group
in 2021" after a sentence about comprehensive strategic partnerships), so a sentence that
matches nothing on its own is tried again with its predecessor's words as context. A table row
says too little alone, and is read with its table's heading and caption first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import astuple, dataclass

from ..engine.checker import Checker
from ..engine.match import Index
from ..engine.verdicts import SHOWN, CheckResult, Verdict
from ..language.normalise import keys, tokens
from ..language.quantities import parse
from ..language.sentences import Sentence
from .documents import read_sentences


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
    return any(set(k) <= claim_keys for first in claim_keys for k in index.policy_names.get(first, ()))


def scan_text(checker: Checker, path: str, text: str, markdown: bool, shown: int = SHOWN) -> Iterator[Finding]:
    """Each sentence of a draft with its verdict, in order; `shown`: matches shown per finding."""
    return scan_sentences(checker, path, read_sentences(text, markdown=markdown), shown=shown)


def scan_sentences(
    checker: Checker, path: str, sentences: Sequence[Sentence], previous: str = "", shown: int = SHOWN,
    reports_unverified: Callable[[str], bool] | None = None,
) -> Iterator[Finding]:
    """Each of a run of a draft's sentences with its verdict; `previous` is the sentence before
    the run, the first one's context, so that a draft checked in pieces reads as a whole. A
    sentence with a context of its own (a table row: its table's heading and caption) is read
    with that instead.
    `reports_unverified`: whether the caller reports a sentence if unverified (None: every one);
    an unverified sentence it does not report comes without matches, the quicker to find."""
    for sentence in sentences:
        wanted = reports_unverified is None or reports_unverified(sentence.text)
        if sentence.context:
            result = _check_leaning(checker, sentence, shown, wanted)
        else:
            result = checker.check(sentence.text, shown=shown, unverified_matches=wanted)
            if result.verdict is Verdict.UNVERIFIED and previous and _has_figures(sentence.text):
                with_context = checker.check(sentence.text, context=previous, shown=shown, unverified_matches=wanted)
                if with_context.verdict is not Verdict.UNVERIFIED:
                    result = with_context
        previous = sentence.text
        yield Finding(path, sentence, result)


def _check_leaning(checker: Checker, sentence: Sentence, shown: int, wanted: bool) -> CheckResult:
    """A sentence that says little alone (a table row, "India: Since 2018.") is checked with its
    own context; alone, it may still be conflicting but is never supported: alone, it is
    supported by any entry about India whose source dates from 2018."""
    result = checker.check(sentence.text, context=sentence.context, shown=shown, unverified_matches=wanted)
    if result.verdict is Verdict.UNVERIFIED:
        alone = checker.check(sentence.text, shown=shown, unverified_matches=wanted)
        if alone.verdict is Verdict.CONFLICTING:
            return alone
    return result


def _has_figures(text: str) -> bool:
    """Context may identify what a sentence's figures are about; it never stands in for them."""
    return any(not q.weak for q in parse(text))


def reported(finding: Finding, show: Set[str], index: Index) -> bool:
    """Conflicts always; supported and unverified sentences only when asked, and unverified
    ones only when check-worthy."""
    if finding.verdict is Verdict.CONFLICTING:
        return True
    if finding.verdict is Verdict.SUPPORTED:
        return "supported" in show
    return unverified_reported(finding.sentence.text, show, index)


def unverified_reported(text: str, show: Set[str], index: Index) -> bool:
    return "unverified" in show and check_worthy(index, text)


@dataclass(frozen=True)
class Tally:
    """What a scan reached, reported or not: sentences checked and how many reached each
    verdict; `worthy`, the unverified ones worth reporting (see `check_worthy`), which
    `--fail-on unverified` fails on whether they are shown or not."""

    sentences: int = 0
    conflicting: int = 0
    unverified: int = 0
    worthy: int = 0
    supported: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other))))


@dataclass(frozen=True)
class Checked:
    """What a report needs of a draft or a run of its sentences: what they reached, and the
    findings to report (not every result: a worker process sends back only these)."""

    path: str
    tally: Tally
    findings: tuple[Finding, ...]

    @property
    def sentences(self) -> int:
        return self.tally.sentences


@dataclass(frozen=True)
class Scan:
    """What every sentence of a scan is checked against, and what is reported of it."""

    checker: Checker
    index: Index
    show: frozenset[str]
    top: int  # matches shown per finding

    def reports_unverified(self, text: str) -> bool:
        return unverified_reported(text, self.show, self.index)

    def check(self, path: str, sentences: Sequence[Sentence], previous: str = "") -> Checked:
        """A run of one draft's sentences; `previous` is the sentence before it, its context.
        Whether an unverified sentence is check-worthy costs about 1 % of checking it, so it is
        always counted; the matches of one that is not reported are still skipped."""
        counts = dict.fromkeys(("conflicting", "unverified", "worthy", "supported"), 0)
        findings = []
        for f in scan_sentences(self.checker, path, sentences, previous, self.top, self.reports_unverified):
            counts[f.verdict.value] += 1
            if f.verdict is Verdict.UNVERIFIED:
                if not check_worthy(self.index, f.sentence.text):
                    continue
                counts["worthy"] += 1
                if "unverified" in self.show:
                    findings.append(f)
            elif reported(f, self.show, self.index):
                findings.append(f)
        return Checked(path, Tally(len(sentences), **counts), tuple(findings))
