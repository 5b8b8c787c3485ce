"""Positions as an editor counts them: lines split the LSP way, columns in the agreed encoding.

factcheck locates a sentence by line and column in code points of the draft with its BOM
dropped and every line break made "\\n" (see `drafts`). LSP counts columns in UTF-16 code units
unless client and server agreed on UTF-8 bytes or UTF-32 code points, and ends lines only at
"\\n", "\\r\\n" and "\\r". "Điện Biên Phủ" is 13 code points and 13 UTF-16 units but 18 UTF-8
bytes; an emoji is one code point and two UTF-16 units: a range in the wrong units underlines
the wrong words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class Point:
    """A 0-based line and a 0-based column in code points."""

    line: int
    column: int


class Lines:
    """A document's lines, for converting between code points, offsets and client units."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.encoding = encoding
        self.bom = text.startswith("\ufeff")  # factcheck's columns on the first line skip it
        starts, ends = [0], []
        for m in _LINE_BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.text = text
        self.starts = starts
        self.ends = ends

    def line(self, number: int) -> str:
        """The text of a 0-based line, without its break ("" past the end)."""
        if number >= len(self.starts):
            return ""
        return self.text[self.starts[number] : self.ends[number]]

    def from_factcheck(self, line: int, column: int) -> Point:
        """A factcheck position (1-based line and column, BOM dropped) as a Point."""
        column -= 1
        if line == 1 and self.bom:
            column += 1
        return Point(line - 1, column)

    def units(self, point: Point) -> int:
        """The column of a point in the encoding's units."""
        if self.encoding == UTF32:
            return point.column
        before = self.line(point.line)[: point.column]
        if self.encoding == UTF8:
            return len(before.encode("utf-8", "surrogatepass"))
        return len(before.encode("utf-16-le", "surrogatepass")) // 2

    def point(self, line: int, units: int) -> Point:
        """The Point at a client position: a column past the end of its line is the end; one
        inside a character (half a surrogate pair, a byte of a letter) is that character."""
        text = self.line(line)
        if self.encoding == UTF32:
            return Point(line, min(units, len(text)))
        counted = 0
        for i, char in enumerate(text):
            if counted >= units:
                return Point(line, i)
            counted += _width(char, self.encoding)
            if counted > units:
                return Point(line, i)
        return Point(line, len(text))

    def offset(self, point: Point) -> int:
        """The offset in the text of a point."""
        if point.line >= len(self.starts):
            return len(self.text)
        return min(self.starts[point.line] + point.column, self.ends[point.line])

    def point_at(self, offset: int) -> Point:
        """The point of an offset in the text."""
        line = bisect_right(self.starts, offset) - 1
        return Point(line, offset - self.starts[line])


def _width(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1
