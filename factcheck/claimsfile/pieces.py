"""A large claims file parsed in pieces, which worker processes parse at once (issue 15):
parsing 100,000 entries takes a single process some ten seconds.

The `claims:` list is cut at its items, each a `- ` starting a line, and each piece is
parsed (YAML, the schema, the typed entries) with the lines before it counted, so that every
position is the file's; the rest of the file (the skeleton) is parsed with the items' lines
left blank. Only a file that is plainly laid out and valid is read this way: anything unusual
(the list written otherwise, a piece with a different number of items than it has `- `
lines, a problem of any kind, a duplicate id or an unknown topic across the pieces) is None,
and the file is then parsed whole, which reports its problems as it always has.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .claims import ClaimsFile, Entry, Problem, Read, build, entry_of

_CLAIMS_KEY = re.compile(r"^claims:[ ]*(?:#[^\n]*)?$", re.M)
_FIRST_ITEM = re.compile(r"^( *)-(?: |$)|^ *(?:#|$)", re.M)  # the first item, past blank and comment lines


@dataclass(frozen=True)
class Piece:
    """Items `first` onwards, `count` of them: text[start:end], after `lines_before` lines."""

    start: int
    end: int
    first: int
    count: int
    lines_before: int


@dataclass(frozen=True)
class Pieces:
    skeleton: str  # the file with its items' lines blank: its lines and positions are the file's
    claims_line: int  # of the `claims:` key
    items: list[int]  # where each item's line starts
    end: int  # where the list ends

    def cut(self, text: str, size: int) -> list[Piece]:
        """Pieces of `size` items (the last fewer)."""
        out = []
        lines = text.count("\n", 0, self.items[0])
        for first in range(0, len(self.items), size):
            start = self.items[first]
            last = first + size
            end = self.items[last] if last < len(self.items) else self.end
            out.append(Piece(start, end, first, min(size, len(self.items) - first), lines))
            lines += text.count("\n", start, end)
        return out


def split(text: str) -> Pieces | None:
    """Where a claims file's items are; None unless its `claims:` list is written plainly, each
    item a `- ` at the start of a line (after the same spaces), as factcheck and editors write it."""
    if "\r" in text or "\t" in text:
        return None
    keys = list(_CLAIMS_KEY.finditer(text))
    if len(keys) != 1:
        return None
    at = keys[0].end() + 1
    while (first := _FIRST_ITEM.match(text, at)) is not None and first[1] is None and at < len(text):
        at = text.find("\n", at) + 1 or len(text)  # a blank or comment line
    if first is None or first[1] is None:
        return None
    indent = " " * len(first[1])
    # past the list: a line that is neither an item, nor deeper, nor blank, nor a comment
    after = re.compile(rf"^(?!{indent}(?:-(?: |$)| )| *(?:#|$))", re.M).search(text, at)
    end = after.start() if after else len(text)
    items = [m.start() for m in re.compile(rf"^{indent}-(?: |$)", re.M).finditer(text, at, end)]
    skeleton = text[:at] + "\n" * text.count("\n", at, end) + text[end:]
    return Pieces(skeleton, text.count("\n", 0, keys[0].start()) + 1, items, end)


def parse_piece(text: str, piece: Piece) -> tuple[Entry, ...] | None:
    """The piece's entries, typed; None when anything in it is wrong or unusual."""
    from . import schema
    from .yamlfile import LineList, YamlError, load

    try:
        data, soft = load(text[piece.start:piece.end], piece.lines_before)
    except YamlError:
        return None
    if soft or not isinstance(data, LineList) or len(data) != piece.count:
        return None
    problems: list[Problem] = []

    def add(at: tuple[int, int], where: str, message: str) -> None:
        problems.append(Problem("", at[0], at[1], where, message))

    entries = []
    for i, raw in enumerate(data):
        where = f"claims[{piece.first + i}]"
        if schema.check_entry(raw, where, data.position(i)):
            return None
        entry = entry_of(raw, where, add)
        if entry is None or problems:
            return None
        entries.append(entry)
    return tuple(entries)


def skeleton_read(pieces: Pieces, path: Path) -> Read | None:
    """The file but its items: its sources folder, topics and vocabulary; None when anything
    in it is wrong, or its `claims:` is not the file's own key with the items as its value."""
    from .yamlfile import LineDict, LineList, YamlError, load

    try:
        data, soft = load(pieces.skeleton)
    except YamlError:
        return None
    if soft or not isinstance(data, LineDict) or "claims" not in data or data["claims"] is not None \
            or data.position("claims")[0] != pieces.claims_line:
        return None
    items = data["claims"] = LineList()  # the items are checked piece by piece
    items.line, items.column, items.marks = 0, 0, array("I")
    read = build(data, path, [])
    return None if read.problems else read


def joined(read: Read, parts: Iterable[tuple[Entry, ...] | None], path: Path) -> ClaimsFile | None:
    """The claims file of the pieces' entries; None when a piece was not read, or an id is
    given twice, or a topic is not among the file's."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for part in parts:
        if part is None:
            return None
        for e in part:
            if (read.topics and e.topic not in read.topics) or e.id in seen:
                return None
            seen.add(e.id)
            entries.append(e)
    return ClaimsFile(path=path, sources_dir=read.sources_dir, entries=tuple(entries), vocabulary=read.vocabulary, topics=read.topics)
