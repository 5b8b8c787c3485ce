"""Word to the entries that use it, held in two flat integer arrays.

At 100,000 entries the postings are ten million entry numbers: as Python lists they take
hundreds of MB and are read one `dict.get` at a time. As one int32 array (`entries`) with each
word's start in another (`starts`), they take 4 bytes a hit, numpy scores them in place
(scoring.py), and a cache file hands them over memory-mapped, without unpickling them. Plain
`array`s and memoryviews, not numpy: a check that never needs numpy does not pay its import.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from .strtable import StringTable

EMPTY = memoryview(array("i"))


class Postings(Mapping):
    """word -> the entries whose words include it, ascending, as a memoryview of int32."""

    def __init__(self, words: Sequence[str] | Mapping[str, int], starts, entries):
        """`words` in the order of their postings (or already word -> position, such as a
        strtable.StringTable); `starts`: len(words) + 1 offsets into `entries` (int64); any
        array may be part of a mapped file."""
        self._at = words if isinstance(words, Mapping) else {w: i for i, w in enumerate(words)}
        self.starts = memoryview(starts).cast("B").cast("q")
        self.entries = memoryview(entries).cast("B").cast("i")

    @classmethod
    def of(cls, vocabularies: Iterable[Iterable[str]]) -> Postings:
        """From each entry's words, entry by entry: the hits go straight into arrays, 4 bytes
        each, never into lists."""
        hits: dict[str, array] = defaultdict(lambda: array("i"))
        for i, words in enumerate(vocabularies):
            for word in words:
                hits[word].append(i)
        return cls.pack(hits)

    @classmethod
    def pack(cls, postings: Mapping[str, Sequence[int]]) -> Postings:
        """From word -> ascending entry numbers."""
        entries = array("i")
        starts = array("q", [0])
        for hits in postings.values():
            entries.extend(hits)
            starts.append(len(entries))
        return cls(list(postings), starts, entries)

    def __getitem__(self, word: str) -> memoryview:
        i = self._at[word]
        return self.entries[self.starts[i]:self.starts[i + 1]]

    def get(self, word: str, default=EMPTY) -> memoryview:
        i = self._at.get(word)
        return default if i is None else self.entries[self.starts[i]:self.starts[i + 1]]

    def count(self, word: str) -> int:
        """How many entries use the word."""
        i = self._at.get(word)
        return 0 if i is None else self.starts[i + 1] - self.starts[i]

    def __contains__(self, word: object) -> bool:
        return word in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def parts(self) -> tuple[bytes, ...]:
        """The arrays' bytes, for a file: the words' table (strtable.StringTable), then the
        postings' starts and entries."""
        return (*StringTable.build(self._at).parts(), self.starts.tobytes(), self.entries.tobytes())

    @classmethod
    def from_parts(cls, slots, offsets, blob, starts, entries) -> Postings:
        return cls(StringTable(slots, offsets, blob), starts, entries)
