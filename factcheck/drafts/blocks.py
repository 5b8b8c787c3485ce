"""The prose blocks of a draft as they are collected (a paragraph, a heading, a list item, a table
row), each character with its offset in the draft, and the sentences each block holds."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..language import tables
from ..language.normalise import Respaced
from ..language.sentences import NEWLINE, Sentence, as_positioned, split_sentences, whole_reference

# A suppression comment: `factcheck: ignore` the next sentence, `off` and `on` around a region.
DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:\s*(ignore|off|on)\s*-->", re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """The draft with its BOM dropped and every line break a single "\\n": lines and columns are
    those of the original file, and character offsets into this text are what blocks record."""

    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Located:
        text = as_positioned(text)
        return cls(text, (0, *(m.end() for m in NEWLINE.finditer(text))))

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


class Block:
    """The prose of one block (paragraph, heading, list item, table cell) being collected, with the
    source offset of each character and where `factcheck: ignore` comments stood."""

    def __init__(self, fallback: int):
        self.parts: list[str] = []
        self.offsets = array("q")
        self.ignore_marks: list[int] = []
        self.fallback = fallback

    def add(self, text: str, offsets: Iterable[int]) -> None:
        self.parts.append(text)
        self.offsets.extend(offsets)

    @property
    def last_offset(self) -> int:
        return self.offsets[-1] if self.offsets else self.fallback

    def mark_ignore(self) -> None:
        self.ignore_marks.append(len(self.offsets))

    @property
    def plain(self) -> str:
        return Respaced("".join(self.parts), drop_invisible=True).text


@dataclass(frozen=True)
class Row:
    """A body row of a table, read as one sentence with its header (see factcheck.language.tables):
    its cells, and where the row is written (source offsets of its first and last character)."""

    cells: tuple[Block, ...]
    header: tuple[str, ...]
    context: str
    start: int
    end: int

    def sentence(self, source: Located) -> Sentence | None:
        """The row's sentence; None when it has no words or a cell holds an ignore comment."""
        text = tables.row_sentence(self.header, [cell.plain for cell in self.cells])
        if not text or any(cell.ignore_marks for cell in self.cells):
            return None
        return Sentence(text, *source.position(self.start), *source.position(self.end), context=self.context)


# --- reading sentences --------------------------------------------------------------------------


def block_sentences(block: Block, source: Located) -> tuple[list[Sentence], bool]:
    """Split a block into sentences, dropping those an ignore comment names.

    Returns the sentences and whether an ignore comment is left over for the next block."""
    respaced = Respaced("".join(block.parts), drop_invisible=True)
    text, raw_index = respaced.text, respaced.raw_offset
    spans = [(start, end, raw_index(start)) for start, end in whole_reference(text) or split_sentences(text)]
    ignored: set[int] = set()
    leftover = False
    for mark in block.ignore_marks:
        target = next((i for i, (_, _, raw_start) in enumerate(spans) if raw_start >= mark), None)
        if target is None:
            leftover = True
        else:
            ignored.add(target)
    sentences = []
    for i, (start, end, raw_start) in enumerate(spans):
        if i in ignored:
            continue
        line, column = source.position(block.offsets[raw_start])
        end_line, end_column = source.position(block.offsets[raw_index(end - 1)])
        sentences.append(Sentence(text[start:end], line, column, end_line, end_column))
    return sentences, leftover


# --- Markdown -----------------------------------------------------------------------------------
