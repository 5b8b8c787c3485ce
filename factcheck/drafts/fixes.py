"""The sources' figure in place of a conflicting one: what an editor offers as a one-click fix,
and what SARIF carries as `fixes`.

A fix keeps the writer's wording and changes only what the source contradicts: "43 million US
dollars" becomes "34 million US dollars", not the source's "34 million USD"; "28 July 1996"
becomes "28 July 1995", not the source's "July 28, 1995". Only a figure compared and found in
conflict gets a fix; a conflict of meaning or of list members has no figure to put in. Located
in a draft, a figure is replaced only where it is found verbatim, once, inside the sentence as
the draft writes it: a figure written twice in one sentence is left to the writer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..engine.verdicts import CheckResult, Verdict
from ..language.quantities import Agreement
from ..language.sentences import Sentence, as_positioned

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class FigureFix:
    """Replace `found` (as written in the claim) with `replacement` (the source's figure)."""

    found: str
    replacement: str
    source_says: str  # the source's figure as factcheck describes it, for the fix's title


@dataclass(frozen=True)
class Fix:
    """Replace `old` (the draft's figure, at 1-based line and column, end exclusive) with `new`."""

    old: str
    new: str
    line: int
    column: int
    end_line: int
    end_column: int


def figure_fixes(result: CheckResult) -> list[FigureFix]:
    """The fixes of a conflicting result, one per conflicting figure, in the claim's order.

    A claim of several facts is fixed part by part: each conflicting part's figures."""
    if result.verdict is not Verdict.CONFLICTING:
        return []
    if result.parts:
        return _unique([fix for part in result.parts for fix in figure_fixes(part)])
    if not result.matches:
        return []
    fixes = []
    for comparison in result.matches[0].comparisons:
        if comparison.agreement is not Agreement.CONFLICT or comparison.source is None:
            continue
        found = comparison.claim.text
        replacement = in_claims_words(found, comparison.source.text)
        if found and replacement != found:
            fixes.append(FigureFix(found, replacement, comparison.source.describe()))
    return _unique(fixes)


def located_fixes(draft: str, sentence: Sentence, result: CheckResult) -> list[Fix]:
    """The figure fixes of a sentence of `draft` (its text as read), each located in the draft."""
    text = as_positioned(draft)
    starts = [0]
    starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    if sentence.line > len(starts) or sentence.end_line > len(starts):
        return []
    start = starts[sentence.line - 1] + sentence.column - 1
    end = starts[sentence.end_line - 1] + sentence.end_column
    written = text[start:end]
    fixes = []
    for fix in figure_fixes(result):
        at = written.find(fix.found)
        if at < 0 or written.find(fix.found, at + 1) >= 0:
            continue
        begin, finish = start + at, start + at + len(fix.found)
        fixes.append(Fix(fix.found, fix.replacement, *_position(starts, begin), *_position(starts, finish)))
    return fixes


def in_claims_words(claim_text: str, source_text: str) -> str:
    """The source's figure written as the claim wrote its own: when both have the same number of
    runs of digits and the claim's digits alone differ, swap the digits in; else the source's text."""
    claim_digits = _DIGITS.findall(claim_text)
    source_digits = _DIGITS.findall(source_text)
    if claim_digits and len(claim_digits) == len(source_digits):
        numbers = iter(source_digits)
        swapped = _DIGITS.sub(lambda _: next(numbers), claim_text)
        if swapped != claim_text:
            return swapped
    return source_text


def _unique(fixes: list[FigureFix]) -> list[FigureFix]:
    seen: set[tuple[str, str]] = set()
    out = []
    for fix in fixes:
        if (fix.found, fix.replacement) not in seen:
            seen.add((fix.found, fix.replacement))
            out.append(fix)
    return out


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1
