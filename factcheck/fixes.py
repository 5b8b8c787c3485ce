"""Corrections for a conflicting sentence: each figure the sources give instead of the draft's,
and where the draft's figure is written, so that a tool can offer to replace it.

A figure is replaced only where it is found verbatim, once, inside the sentence as the draft
writes it: a sentence read through Markdown (emphasis, links) or joined across lines is still
found, and a figure written twice in one sentence is left to the writer.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .drafts import Sentence, as_positioned
from .quantities import Agreement
from .verdict import CheckResult, Verdict, deciding


@dataclass(frozen=True)
class Fix:
    """Replace `old` (the draft's figure, at 1-based line and column, end exclusive) with `new`."""

    old: str
    new: str
    line: int
    column: int
    end_line: int
    end_column: int


def corrections(result: CheckResult) -> list[tuple[str, str]]:
    """(the claim's figure, the sources' figure) for each figure that conflicts, as written."""
    if result.verdict is not Verdict.CONFLICTING:
        return []
    _, match = deciding(result)
    if match is None:
        return []
    return [(c.claim.text, c.source.text) for c in match.comparisons
            if c.agreement is Agreement.CONFLICT and c.source is not None and c.claim.text and c.source.text]


def figure_fixes(draft: str, sentence: Sentence, result: CheckResult) -> list[Fix]:
    """The corrections of a sentence of `draft` (its text as read), each located in the draft."""
    text = as_positioned(draft)
    starts = [0]
    starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    if sentence.line > len(starts) or sentence.end_line > len(starts):
        return []
    start = starts[sentence.line - 1] + sentence.column - 1
    end = starts[sentence.end_line - 1] + sentence.end_column
    written = text[start:end]
    fixes = []
    for old, new in corrections(result):
        at = written.find(old)
        if at < 0 or written.find(old, at + 1) >= 0:
            continue
        begin, finish = start + at, start + at + len(old)
        fixes.append(Fix(old, new, *_position(starts, begin), *_position(starts, finish)))
    return fixes


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1
