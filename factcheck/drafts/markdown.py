"""A Markdown draft's prose, read with markdown-it (never regexes for structure).

Inline tokens carry no positions, so the text of each token is matched back to the source lines of
its block: a character that cannot be matched takes the position of the nearest matched one before
it, so a reported position may be a little early but never on a later line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from ..language import tables
from ..language.sentences import split_sentences
from .blocks import DIRECTIVE, Block, Located, Row

_MARKDOWN = MarkdownIt("commonmark").enable("table")
_SPACE = re.compile(r"\s*")
_FRONT_MATTER_START = re.compile(r"---[^\S\n]*\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>]+", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ROW_LEAD = re.compile(r"[ \t>]*")  # before a table row on its line: indentation, block quote marks
_SEARCH_SLACK = 1000  # how far past the cursor markup between two pieces of text may reach
_ALIGN_WINDOW = 40  # how far one character may be looked for when a piece is not found verbatim


def _blank_front_matter(text: str) -> str:
    """Blank out a YAML front matter block, keeping every offset in place."""
    if not _FRONT_MATTER_START.match(text):
        return text
    end = _FRONT_MATTER_END.search(text, text.index("\n") + 1)
    if end is None:
        return text
    return re.sub(r"[^\n]", " ", text[: end.end()]) + text[end.end() :]


def _matched_end(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> int:
    """Where a pattern that may match nothing (spaces, a row's lead) stops matching from `pos`."""
    match = pattern.match(text, pos, endpos)
    assert match is not None  # a pattern that matches the empty string matches anywhere
    return match.end()


class MarkdownReader:
    """Walks markdown-it tokens in order, collecting prose blocks and obeying suppression comments.

    `cursor` is the source offset up to which inline text has been matched; it only moves forward."""

    def __init__(self, source: Located):
        self.src = source.text.replace("\0", "\ufffd")  # as markdown-it reads it
        self.line_starts = source.line_starts
        self.cursor = 0
        self.limit = 0
        self.enabled = True
        self.skip_next_block = False
        self.in_autolink = False
        self.block = Block(0)
        self.heading = ""  # the text of the last heading read: a table's title
        self._inline_state: StateInline | None = None

    def blocks(self) -> list[Block | Row]:
        tokens = _MARKDOWN.parse(_blank_front_matter(self.src))
        found: list[Block | Row] = []
        last_inline = -1  # the index of the last inline token read into `found`
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "html_block":
                self._obey(token.content, inline=False)
            elif self.skip_next_block and token.nesting >= 0:
                self.skip_next_block = False
                i = _after_subtree(tokens, i)
                continue
            elif token.type == "table_open":
                caption = found[-1] if last_inline == i - 2 and tokens[i - 1].type == "paragraph_close" else None
                end = _after_subtree(tokens, i)
                found.extend(self._read_table(tokens[i:end], _last_sentence(caption)))
                i = end
                continue
            elif token.type == "inline" and token.map:
                block = self._read_inline(token)
                found.append(block)
                last_inline = i
                if tokens[i - 1].type == "heading_open":
                    self.heading = block.plain
            i += 1
        return found

    def _read_table(self, tokens: Sequence[Token], caption: str) -> Iterator[Row]:
        """The body rows of a table, each with the header's cells; the header row is no sentence."""
        header: tuple[str, ...] = ()
        context = ""
        cells: list[Block] = []
        in_head = False
        row_line = 0
        for token in tokens:
            if token.type in ("thead_open", "thead_close"):
                in_head = token.type == "thead_open"
            elif token.type == "tr_open" and token.map:
                cells, row_line = [], token.map[0]
            elif token.type == "inline" and token.map:
                cells.append(self._read_inline(token))
            elif token.type == "tr_close" and in_head:
                header = tuple(cell.plain for cell in cells)
                context = tables.table_context(self.heading, caption, header)
            elif token.type == "tr_close":
                yield Row(tuple(cells), header, context, *self._row_span(row_line))

    def _row_span(self, line: int) -> tuple[int, int]:
        """Where a table row is written: its line, less indentation and block quote marks."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.src)
        start = _matched_end(_ROW_LEAD, self.src, start, end)
        end = start + len(self.src[start:end].rstrip())
        return start, max(start, end - 1)

    def _obey(self, html_text: str, *, inline: bool) -> None:
        for directive in DIRECTIVE.finditer(html_text):
            word = directive.group(1).lower()
            if word in ("on", "off"):
                self.enabled = word == "on"
            elif self.enabled and inline:
                self.block.mark_ignore()
            elif self.enabled:
                self.skip_next_block = True

    def _read_inline(self, token: Token) -> Block:
        assert token.map is not None  # only inline tokens of a block are read, and those carry its lines
        first_line, end_line = token.map
        self.cursor = max(self.cursor, self.line_starts[first_line])
        self.limit = self.line_starts[end_line] if end_line < len(self.line_starts) else len(self.src)
        self.block = Block(_matched_end(_SPACE, self.src, self.cursor, self.limit))
        for child in token.children or ():
            self._read_child(child)
        return self.block

    def _read_child(self, child: Token) -> None:
        kind = child.type
        if kind == "text" and not self.in_autolink:
            self._text(child.content)
        elif kind in ("softbreak", "hardbreak") and self.enabled:
            self.block.add("\n", (self.block.last_offset,))
        elif kind == "code_inline":
            self._skip_code(child.markup)
        elif kind == "html_inline":
            self._skip_verbatim(child.content)
            self._obey(child.content, inline=True)
        elif kind == "image":
            self._skip_image()
        elif kind == "link_open" and child.markup == "autolink":
            self.in_autolink = True
            opening = self.src.find("<", self.cursor, self.limit)
            closing = self.src.find(">", opening, self.limit) if opening >= 0 else -1
            self.cursor = closing + 1 if closing >= 0 else self.cursor
        elif kind == "link_close":
            if not self.in_autolink:
                self._skip_link_tail()
            self.in_autolink = False

    def _text(self, piece: str) -> None:
        offsets = self._locate(piece)
        if not self.enabled:
            return
        kept = 0
        for url in _URL.finditer(piece):
            start = len(piece[: url.start()].rstrip())  # "see https://x.org." reads "see."
            self.block.add(piece[kept:start], offsets[kept:start])
            kept = url.start() + len(_trim_url(url.group()))
        self.block.add(piece[kept:], offsets[kept:])

    def _locate(self, piece: str) -> Sequence[int]:
        """Source offsets of the characters of a piece of inline text, advancing the cursor.

        Taken verbatim when only markup lies before it; otherwise (or when an entity may be involved)
        matched character by character."""
        src, cursor = self.src, self.cursor
        at = src.find(piece, cursor, min(self.limit, cursor + len(piece) + _SEARCH_SLACK))
        if at >= 0 and "&" not in piece and not any(c.isalpha() or c == "&" for c in src[cursor:at]):
            self.cursor = at + len(piece)
            return range(at, at + len(piece))
        offsets: list[int] = []
        last = self.block.last_offset
        for char in piece:
            found = _match_char(src, char, self.cursor, min(self.limit, self.cursor + _ALIGN_WINDOW))
            if found is None:
                offsets.append(last)
            else:
                last, self.cursor = found
                offsets.append(last)
        return offsets

    def _skip_verbatim(self, text: str) -> None:
        at = self.src.find(text, self.cursor, min(self.limit, self.cursor + len(text) + _SEARCH_SLACK))
        if at >= 0:
            self.cursor = at + len(text)

    def _skip_code(self, backticks: str) -> None:
        opening = _find_backtick_run(self.src, backticks, self.cursor, self.limit)
        if opening >= 0:
            closing = _find_backtick_run(self.src, backticks, opening + len(backticks), self.limit)
            if closing >= 0:
                self.cursor = closing + len(backticks)

    def _skip_image(self) -> None:
        """Move past `![alt]` (the tail follows): markdown-it finds the end of the label, since alt
        text may hold code spans, brackets and escapes."""
        opening = self.src.find("![", self.cursor, self.limit)
        if opening < 0:
            return
        if self._inline_state is None:
            self._inline_state = StateInline(self.src, _MARKDOWN, {}, [])
        self._inline_state.posMax = self.limit
        label_end = parseLinkLabel(self._inline_state, opening + 1)
        if label_end >= 0:
            self.cursor = label_end
            self._skip_link_tail()

    def _skip_link_tail(self) -> None:
        """Move past `](destination "title")`, `][label]` or `]` that close a link's text."""
        src, limit = self.src, self.limit
        close = src.find("]", self.cursor, limit)
        if close < 0:
            return
        self.cursor = close + 1
        after = close + 1
        if src.startswith("(", after):
            pos = _skip_blank(src, after + 1, limit)
            destination = parseLinkDestination(src, pos, limit)
            if destination.ok:
                pos = _skip_blank(src, destination.pos, limit)
                title = parseLinkTitle(src, pos, limit)
                if title.ok:
                    pos = _skip_blank(src, title.pos, limit)
            if src.startswith(")", pos):
                self.cursor = pos + 1
        elif src.startswith("[", after):
            label_end = src.find("]", after, limit)
            if label_end >= 0 and "[" not in src[after + 1 : label_end]:  # else not a label: "[x][y[z]"
                self.cursor = label_end + 1


def _last_sentence(block: Block | Row | None) -> str:
    """The last sentence of a paragraph: a table's caption, when it comes right before it."""
    if not isinstance(block, Block):
        return ""
    text = block.plain
    spans = split_sentences(text)
    return text[spans[-1][0]:spans[-1][1]] if spans else ""


def _after_subtree(tokens: list[Token], i: int) -> int:
    """Index of the token after the block that starts at `i` (with everything it contains)."""
    if tokens[i].nesting == 0:
        return i + 1
    level = tokens[i].level
    j = i + 1
    while j < len(tokens) and not (tokens[j].nesting == -1 and tokens[j].level == level):
        j += 1
    return j + 1


def _match_char(src: str, char: str, start: int, end: int) -> tuple[int, int] | None:
    """Find how one character of inline text is written in the source: as itself, escaped or as an
    entity, after at most some markup. Returns (its offset, offset after it) or None."""
    i = start
    while i < end:
        found = src[i]
        if found == "&":
            entity = _ENTITY.match(src, i, end)
            decoded = html.unescape(entity.group()) if entity else ""
            if entity and decoded != entity.group() and decoded.startswith(char):
                return i, entity.end()
        if found == "\\" and i + 1 < end and src[i + 1] == char:
            return i, i + 2
        if found == char or (found.isspace() and char.isspace()):
            return i, i + 1
        if found.isalpha():
            return None  # text, not markup: the character is not here
        i += 1
    return None


def _find_backtick_run(src: str, run: str, start: int, end: int) -> int:
    """Offset of the first run of exactly `len(run)` backticks in src[start:end], or -1."""
    i = src.find(run, start, end)
    while i >= 0:
        after = i + len(run)
        if (i == start or src[i - 1] != "`") and (after >= end or src[after] != "`"):
            return i
        while after < end and src[after] == "`":
            after += 1
        i = src.find(run, after, end)
    return -1


def _skip_blank(src: str, i: int, end: int) -> int:
    while i < end and src[i] in " \t\n":
        i += 1
    return i


def _trim_url(url: str) -> str:
    """A bare URL without the sentence punctuation after it (a closing bracket only if unbalanced)."""
    while url and url[-1] in ".,;:!?'\")]":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url
