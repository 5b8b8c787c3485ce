"""Sets of strings read in place from a cache file: an open-addressing hash table in flat arrays.

A check from the cache looks up a few dozen words and names. Unpickling the index's
vocabulary and names as Python sets and dicts costs time in proportion to the claims file
(at 100,000 entries, 40,000 names: most of what a later check spends beyond its imports);
probing a table of three arrays costs the same at any size.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

EMPTY_SLOT = -1
NAME_JOIN = "\x1f"  # joins a name's words into one string: no word holds a control character


class StringTable(Mapping):
    """str -> its number (the order it was given in), for strings given once each."""

    def __init__(self, slots, offsets, blob) -> None:
        """`slots`: int32, a power of two long, each a string's number or EMPTY_SLOT; `offsets`:
        int64, where each string's UTF-8 starts in `blob`, and where the last ends."""
        self._slots = memoryview(slots).cast("B").cast("i")
        self._offsets = memoryview(offsets).cast("B").cast("q")
        self._blob = memoryview(blob).cast("B")
        self._mask = len(self._slots) - 1
        # each string's answer, once probed: a scan asks for the same words sentence after sentence
        self._probed: dict[str, int | None] = {}

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringTable:
        encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
        size = 2
        while size < 2 * len(encoded):  # at most half full: probes stay short
            size *= 2
        slots = array("i", [EMPTY_SLOT]) * size
        offsets = array("q", [0])
        for n, b in enumerate(encoded):
            offsets.append(offsets[-1] + len(b))
            i = zlib.crc32(b) & (size - 1)
            while slots[i] != EMPTY_SLOT:
                i = (i + 1) & (size - 1)
            slots[i] = n
        return cls(slots, offsets, b"".join(encoded))

    def parts(self) -> tuple[bytes, bytes, bytes]:
        """The three arrays' bytes, for a file."""
        return self._slots.tobytes(), self._offsets.tobytes(), self._blob.tobytes()

    def get(self, key, default=None):
        if not isinstance(key, str):
            return default
        n = self._probed.get(key, EMPTY_SLOT)
        if n == EMPTY_SLOT:
            n = self._probed[key] = self._probe(key)
        return default if n is None else n

    def _probe(self, key: str) -> int | None:
        b = key.encode("utf-8", "surrogatepass")
        slots, offsets, blob, mask = self._slots, self._offsets, self._blob, self._mask
        i = zlib.crc32(b) & mask
        while (n := slots[i]) != EMPTY_SLOT:
            if blob[offsets[n]:offsets[n + 1]] == b:
                return n
            i = (i + 1) & mask
        return None

    def __getitem__(self, key) -> int:
        n = self.get(key)
        if n is None:
            raise KeyError(key)
        return n

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        offsets, blob = self._offsets, self._blob
        return (bytes(blob[offsets[n]:offsets[n + 1]]).decode("utf-8", "surrogatepass") for n in range(len(self)))

    def __len__(self) -> int:
        return len(self._offsets) - 1


class NameSet(Set):
    """A set of names (tuples of words) over a StringTable: `name in names`."""

    def __init__(self, table: StringTable):
        self.table = table

    @classmethod
    def build(cls, names: Iterable[tuple[str, ...]]) -> NameSet:
        return cls(StringTable.build(NAME_JOIN.join(n) for n in names))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, tuple) and NAME_JOIN.join(name) in self.table

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (tuple(s.split(NAME_JOIN)) for s in self.table)

    def __len__(self) -> int:
        return len(self.table)


class Lengths(Mapping):
    """word -> the lengths of the names it starts, longest first (normalise.lengths_by_first_word),
    over a StringTable and the lengths of each word in turn (`starts` into `values`)."""

    def __init__(self, table: StringTable, starts, values):
        self.table = table
        self._starts = memoryview(starts).cast("B").cast("q")
        self._values = memoryview(values).cast("B").cast("I")

    @classmethod
    def build(cls, lengths: Mapping[str, Sequence[int]]) -> Lengths:
        starts, values = array("q", [0]), array("I")
        for ns in lengths.values():
            values.extend(ns)
            starts.append(len(values))
        return cls(StringTable.build(lengths), starts, values)

    def parts(self) -> tuple[bytes, ...]:
        return (*self.table.parts(), self._starts.tobytes(), self._values.tobytes())

    def __getitem__(self, word: str) -> tuple[int, ...]:
        n = self.table[word]
        return tuple(self._values[self._starts[n]:self._starts[n + 1]])

    def __contains__(self, word: object) -> bool:
        return word in self.table

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


class Texts(Sequence):
    """A list of strings in two arrays: where each one's UTF-8 starts in `blob`, and `blob`."""

    def __init__(self, offsets, blob) -> None:
        self._offsets = memoryview(offsets).cast("B").cast("q")
        self._blob = memoryview(blob).cast("B")
        self._read: dict[int, str] = {}  # each text once decoded: a scan ranks the same entries again and again

    @staticmethod
    def parts(texts: Iterable[str]) -> tuple[bytes, bytes]:
        offsets, blob = array("q", [0]), bytearray()
        for text in texts:
            blob += text.encode("utf-8", "surrogatepass")
            offsets.append(len(blob))
        return offsets.tobytes(), bytes(blob)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        text = self._read.get(i)
        if text is None:
            if i < 0:
                i += len(self)
            text = self._read[i] = bytes(self._blob[self._offsets[i]:self._offsets[i + 1]]).decode("utf-8", "surrogatepass")
        return text

    def __len__(self) -> int:
        return len(self._offsets) - 1
