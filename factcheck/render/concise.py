"""Scan findings one a line, `path:line:col: verdict: reason (source:line)`, as ruff's concise
and Vale's line formats give them: for editors' error lists, grep and `wc -l`.

Paths, reasons and sources are untrusted: each line is `clean`ed, so it stays one line and can
drive neither a terminal nor a CI runner.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..drafts.scan import Finding
from ..engine.corpus import Corpus
from .safe import clean
from .scantext import citation_path, evidence, explanation


def concise_line(corpus: Corpus, finding: Finding) -> str:
    s = finding.sentence
    line = f"{finding.path}:{s.line}:{s.column}: {finding.verdict.value}: {explanation(finding.result)}"
    found = evidence(corpus, finding.result)
    if found and found[1]:
        line += f" ({citation_path(corpus, found[1][0])})"
    return clean(line)


def concise_lines(corpus: Corpus, findings: Iterable[Finding]) -> Iterator[str]:
    for finding in findings:
        yield concise_line(corpus, finding)
