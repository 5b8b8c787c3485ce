"""The edits behind the two quick fixes, as offsets into the document's text.

"Ignore this sentence" writes the comment that `factcheck scan` obeys. Where it can go depends
on the Markdown around the sentence: inline, right before it, is exact, but a line that starts
with `<!--` is an HTML block, which would swallow the paragraph. So each place the comment could
go is tried in turn, and the first one after which the document reads as the same sentences
less this one is the edit: what the scan will do is checked, not assumed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..drafts.documents import read_sentences
from ..drafts.fixes import FigureFix
from ..language.sentences import Sentence
from .positions import Lines

IGNORE_COMMENT = "<!-- factcheck: ignore -->"
# What may stand before a sentence that starts its line: indentation, block quote and list
# markers. A comment there would start an HTML block, which reads its line as raw HTML.
_LINE_LEAD = re.compile(r"(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`."""

    start: int
    end: int
    text: str


def sentence_span(lines: Lines, sentence: Sentence) -> tuple[int, int]:
    """Offsets of a sentence's first character and of the end of its last one."""
    first = lines.offset(lines.from_factcheck(sentence.line, sentence.column))
    last = lines.offset(lines.from_factcheck(sentence.end_line, sentence.end_column))
    return first, min(last + 1, len(lines.text))


def figure_edit(lines: Lines, sentence: Sentence, fix: FigureFix) -> Edit | None:
    """The figure as written in the sentence's span, replaced; None unless it is written there
    exactly once (Markdown inside a figure, or the figure twice, and no edit is sure)."""
    start, end = sentence_span(lines, sentence)
    span = lines.text[start:end]
    at = span.find(fix.found)
    if at < 0 or span.find(fix.found, at + 1) >= 0:
        return None
    return Edit(start + at, start + at + len(fix.found), fix.replacement)


def ignore_edit(lines: Lines, markdown: bool, sentences: Sequence[Sentence], index: int) -> Edit | None:
    """An insertion of the ignore comment after which exactly sentences[index] is no longer read."""
    sentence = sentences[index]
    start, _ = sentence_span(lines, sentence)
    expected = [s.text for i, s in enumerate(sentences) if i != index]
    point = lines.point_at(start)
    line_start = lines.starts[point.line]
    candidates = []
    if not _LINE_LEAD.fullmatch(lines.text, line_start, start):  # inline, right before it
        candidates.append(Edit(start, start, IGNORE_COMMENT + " "))
    previous = next((n for n in range(point.line - 1, -1, -1) if lines.line(n).strip()), None)
    after_previous = [] if previous is None else [Edit(lines.ends[previous], lines.ends[previous], " " + IGNORE_COMMENT)]
    own_line = [Edit(line_start, line_start, IGNORE_COMMENT + "\n")]  # the next block: exact when it is one sentence
    if previous == point.line - 1:  # the line before is of the same paragraph: the comment waits there
        candidates += after_previous + own_line
    else:  # the first line of a block; last, a comment left over at the end of the block before
        candidates += own_line + after_previous
    for edit in candidates:
        changed = lines.text[: edit.start] + edit.text + lines.text[edit.end :]
        if [s.text for s in read_sentences(changed, markdown=markdown)] == expected:
            return edit
    return None
