"""One open document through the scan: the same sentences and verdicts as `factcheck scan`,
remembered from run to run so that an edit re-checks only the sentences it touched.

Checking a sentence takes about a millisecond, so a 2,000-sentence draft takes seconds; an edit
changes one or two of them. A sentence's verdict depends only on its words, its context (a
table row's heading) and the sentence before it (see `scan.scan_sentences`), never on where it
stands, so a result is remembered under those three and reused wherever the sentence moves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..drafts.documents import read_sentences
from ..drafts.scan import Finding, Scan, reported, scan_sentences
from ..engine.verdicts import CheckResult
from ..language.sentences import Sentence

Key = tuple[str, str, str]  # a sentence's text, its context, the sentence before it


@dataclass
class Memo:
    """The results of a document's last run, valid for one Scan (claims file and settings)."""

    scan: Scan | None = None
    results: dict[Key, CheckResult] = field(default_factory=dict)


@dataclass(frozen=True)
class Run:
    """A document as it was checked: its text and version, its sentences, what is reported."""

    version: int | None
    text: str
    markdown: bool
    sentences: tuple[Sentence, ...]
    findings: tuple[Finding, ...]
    rechecked: int  # sentences checked anew, not remembered: what an edit cost


def check_document(
    scan: Scan, path: str, text: str, markdown: bool, memo: Memo,
    cancelled: Callable[[], bool] = lambda: False, version: int | None = None,
) -> Run | None:
    """The document's reported findings, in order; None when cancelled part way (a newer edit
    came), leaving the memo as it was. Sentences are read as `factcheck scan` reads them."""
    sentences = read_sentences(text, markdown=markdown)
    remembered = memo.results if memo.scan is scan else {}
    fresh: dict[Key, CheckResult] = {}
    findings: list[Finding] = []
    previous = ""
    rechecked = 0
    for sentence in sentences:
        if cancelled():
            return None
        key = (sentence.text, sentence.context, previous)
        result = fresh.get(key) or remembered.get(key)
        if result is None:
            result = _check_one(scan, path, sentence, previous)
            rechecked += 1
        fresh[key] = result
        finding = Finding(path, sentence, result)
        if reported(finding, scan.show, scan.index):
            findings.append(finding)
        previous = sentence.text
    memo.scan, memo.results = scan, fresh
    return Run(version, text, markdown, tuple(sentences), tuple(findings), rechecked)


def _check_one(scan: Scan, path: str, sentence: Sentence, previous: str) -> CheckResult:
    (finding,) = scan_sentences(scan.checker, path, [sentence], previous, scan.top, scan.reports_unverified)
    return finding.result


def sentence_at(sentences: Sequence[Sentence], line: int, column: int) -> int | None:
    """The index of the sentence that starts at a factcheck position (1-based), if any."""
    for i, s in enumerate(sentences):
        if (s.line, s.column) == (line, column):
            return i
    return None
