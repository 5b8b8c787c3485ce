"""Sentences of a draft, each located at its exact line and column in the original file: a
Markdown draft's prose blocks (see markdown.py), or a plain text's paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.sentences import Sentence
from .blocks import DIRECTIVE, Block, Located, Row, block_sentences
from .markdown import MarkdownReader


class DraftError(Exception):
    """A draft cannot be found or read; the message says what and where."""


def read_sentences(text: str, *, markdown: bool = True) -> list[Sentence]:
    """Return the sentences of a draft in order; `markdown=False` reads it all as plain prose."""
    source = Located.of(text)
    blocks: Sequence[Block | Row]
    if markdown:
        blocks = MarkdownReader(source).blocks()
    else:
        blocks = _plain_blocks(source.text)
    sentences: list[Sentence] = []
    pending_ignore = False
    for block in blocks:
        if isinstance(block, Row):
            row = None if pending_ignore else block.sentence(source)
            sentences.extend([row] if row else [])
            pending_ignore = False
            continue
        if pending_ignore:
            block.ignore_marks.insert(0, 0)
        found, pending_ignore = block_sentences(block, source)
        sentences.extend(found)
    return sentences


_BLANK_LINE = re.compile(r"\n[^\S\n]*(?=\n)")


def _plain_blocks(text: str) -> list[Block]:
    """Paragraphs of a plain text: runs of lines between blank lines. The same suppression
    comments as in Markdown are obeyed (an editor's "ignore this sentence" writes one into a
    text file too); their text is no prose."""
    blocks = []
    enabled = [True]
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        if gap.start() > start:  # a run of blank lines makes no empty blocks: a million cost nothing
            blocks.append(_plain_block(text, start, gap.start(), enabled))
        start = gap.end()
    blocks.append(_plain_block(text, start, len(text), enabled))
    return blocks


def _plain_block(text: str, start: int, end: int, enabled: list[bool]) -> Block:
    """One paragraph, less its suppression comments; `enabled` (one flag, shared by the text's
    paragraphs) is whether a `factcheck: off` region has not yet been closed."""
    block = Block(start)
    kept = start
    for directive in DIRECTIVE.finditer(text, start, end):
        if enabled[0]:
            block.add(text[kept : directive.start()], range(kept, directive.start()))
        word = directive.group(1).lower()
        if word in ("on", "off"):
            enabled[0] = word == "on"
        elif enabled[0]:
            block.mark_ignore()
        kept = directive.end()
    if enabled[0]:
        block.add(text[kept:end], range(kept, end))
    return block
