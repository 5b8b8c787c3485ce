"""The parsed and indexed claims file, kept between runs: building the index is most of a cold check.

A cache file belongs to one claims file (by its absolute path) and records what it was built
from: hashes of the claims file, of every .md file of its sources folder, and of factcheck's own
code (its version, and any edit to a checkout) and the Python version. Any change rebuilds it,
and so does anything wrong with the file (truncated, corrupt, another format): the cache is
only ever a shortcut, never an error. It is written whole or not at all (a temporary file, then
os.replace), and a folder that cannot be written just means no cache.

Where: FACTCHECK_CACHE_DIR, else the user's cache folder. FACTCHECK_NO_CACHE=1 turns it off.

Large claims files: each entry is pickled on its own and read from the memory-mapped file only
when a check needs it, so a check against 100,000 entries loads the postings, not the entries.

Security: the cache holds pickles, and unpickling can run code named in the file. It is read
only from the user's own cache folder, which no one else can write; do not point
FACTCHECK_CACHE_DIR at a folder that others can write to.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import struct
import sys
import time
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .claims import ClaimsFile, Entry, Evidence
from .match import Index, Prepared
from .quantities import Span
from .sources import Passage

FORMAT = b"factcheck-cache 2\n"
_LENGTHS = struct.Struct("<QQQ")  # of the inputs pickle, of the head pickle, of the whole file
_CODE = Path(__file__).resolve().parent
_TRUST_STAMPS = os.name == "posix"  # elsewhere, ctime is the creation time: no sign of a change
_SETTLED_NS = 2_000_000_000  # a file changed this recently may change again within its time stamp
Found = Mapping[Evidence, Passage | None]  # every quote looked up: where it is in its source


@dataclass
class Stored:
    """A claims file as the cache gives it back; its entries are read when first used."""

    claims: ClaimsFile
    index: Index
    found: dict[Evidence, Passage | None]
    as_of: dict[str, Span]


class Cache:
    """The cache file of one claims file."""

    def __init__(self, claims_path: Path, folder: Path):
        self.claims_path = claims_path
        self.file = folder / (hashlib.sha256(str(claims_path.resolve()).encode()).hexdigest()[:32] + ".pickle")
        self.before: Inputs | None = None  # the files as they were when the build began

    @classmethod
    def of(cls, claims_path: Path) -> Cache | None:
        """The cache of a claims file; None when caching is off."""
        if os.environ.get("FACTCHECK_NO_CACHE", "") not in ("", "0"):
            return None
        try:
            return cls(claims_path, cache_folder())
        except (OSError, RuntimeError):  # a path that cannot be resolved: do without
            return None

    def read(self, rebuild: Callable[[], tuple[Sequence[Prepared], Found]]) -> Stored | None:
        """The stored claims file, or None when there is none or it is stale or damaged.
        `rebuild` builds it afresh, should an entry turn out damaged when it is first read."""
        try:
            with open(self.file, "rb") as f:
                mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable, or empty
            return None
        try:
            return self._unpack(mm, rebuild)
        except Exception:  # noqa: BLE001 - a damaged or stale cache of any kind is rebuilt
            return None

    def _unpack(self, mm: mmap.mmap, rebuild) -> Stored | None:
        at = len(FORMAT) + _LENGTHS.size
        if mm[:len(FORMAT)] != FORMAT:
            return None
        inputs_len, head_len, total = _LENGTHS.unpack(mm[len(FORMAT):at])
        if total != len(mm):
            return None
        view = memoryview(mm)  # pickles are read in place, not copied out first
        stored = pickle.loads(view[at:at + inputs_len])
        sources_dir = self.claims_path.parent / stored.sources
        if Inputs.scan(self.claims_path, sources_dir, stored).key != stored.key:
            return None
        at += inputs_len
        head = pickle.loads(view[at:at + head_len])
        records = Records(mm, at + head_len, head["offsets"], head["crcs"], head["ids"], self.file, rebuild)
        claims = ClaimsFile(self.claims_path, sources_dir, Entries(records), head["soft_problems"])
        index = Index.__new__(Index)
        index.__dict__.update(head["index"])
        index.postings = Postings(*head["postings"])
        index.claims, index.prepared, index._by_id = claims, records, ById(records)
        return Stored(claims, index, records.found, head["as_of"])

    def building(self, claims: ClaimsFile) -> None:
        """Note the files as they are before the build, to know if they change during it."""
        try:
            self.before = Inputs.scan(self.claims_path, claims.sources_dir)
        except OSError:
            self.before = None

    def write(self, claims: ClaimsFile, index: Index, found: Found, as_of: dict[str, Span]) -> None:
        """Store a freshly built claims file, unless its files changed while it was built."""
        try:
            if self.before is None or Inputs.scan(self.claims_path, claims.sources_dir, self.before).key != self.before.key:
                return
        except OSError:
            return
        blobs = [_pack((p, tuple(found.get(ev) for ev in p.entry.evidence))) for p in index.prepared]
        offsets = array("Q", [0])
        for blob in blobs:
            offsets.append(offsets[-1] + len(blob))
        state = {k: v for k, v in index.__dict__.items() if k not in ("claims", "prepared", "_by_id", "postings")}
        head = pickle.dumps({
            "index": state,
            "postings": Postings.pack(index.postings),
            "soft_problems": claims.soft_problems,
            "as_of": as_of,
            "offsets": offsets,
            "crcs": array("I", [zlib.crc32(b) for b in blobs]),
            "ids": "\n".join(p.entry.id for p in index.prepared),
        }, protocol=pickle.HIGHEST_PROTOCOL)
        inputs = pickle.dumps(self.before, protocol=pickle.HIGHEST_PROTOCOL)
        total = len(FORMAT) + _LENGTHS.size + len(inputs) + len(head) + offsets[-1]
        _write_atomically(self.file, [FORMAT, _LENGTHS.pack(len(inputs), len(head), total), inputs, head, *blobs])


@dataclass
class Inputs:
    """The files a cache is built from, each with a hash of its contents, and the key they make
    together with factcheck's code. A file whose size, times and inode are as recorded, and
    that had not changed for a while when they were recorded, keeps its recorded hash without
    being read again (as git does): hashing the 90 MB of a 100,000-entry claims file and its
    sources would take longer than the check itself."""

    sources: str  # the sources folder, relative to the claims file's folder when inside it
    files: dict[str, tuple[tuple[int, ...], bytes]]  # name: (size, mtime, ctime, inode), hash
    recorded: int  # time.time_ns() when the sizes and times were read
    key: bytes

    @classmethod
    def scan(cls, claims_path: Path, sources_dir: Path, known: Inputs | None = None) -> Inputs:
        recorded = time.time_ns()
        paths = [("claims.yaml", str(claims_path))]
        try:
            root = os.path.realpath(sources_dir)
            with os.scandir(sources_dir) as it:
                # only regular files inside the folder: a symlink out of it, a FIFO or a device
                # is never opened (sources.py refuses to read them too)
                paths += sorted(
                    (f"sources/{e.name}", e.path) for e in it
                    if e.name.endswith(".md") and (e.is_file(follow_symlinks=False) or e.is_symlink() and _inside_regular(e.path, root))
                )
        except (FileNotFoundError, NotADirectoryError):
            pass
        h = hashlib.sha256(FORMAT + sys.version.encode() + _code_hash())
        files = {}
        for name, path in paths:
            st = os.stat(path)
            stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            hint = known.files.get(name) if known else None
            if hint and hint[0] == stamp and _TRUST_STAMPS and max(stamp[1:3]) < known.recorded - _SETTLED_NS:
                files[name] = hint
            else:
                files[name] = (stamp, _file_hash(path))
            h.update(name.encode() + b"\0" + files[name][1])
        return cls(_relative(sources_dir, claims_path.parent), files, recorded, h.digest())


class Postings(Mapping):
    """Word to the entries that use it, all in one array: 100,000 entries' postings as lists
    of Python ints would take hundreds of MB, and as one array each would load slowly."""

    def __init__(self, words: list[str], starts: array, entries: array):
        self._at = {w: i for i, w in enumerate(words)}
        self._starts = starts
        self._entries = memoryview(entries)

    @staticmethod
    def pack(postings: Mapping[str, Sequence[int]]) -> tuple[list[str], array, array]:
        entries = array("i")
        starts = array("Q", [0])
        for hits in postings.values():
            entries.extend(hits)
            starts.append(len(entries))
        return list(postings), starts, entries

    def __getitem__(self, word: str) -> memoryview:
        i = self._at[word]
        return self._entries[self._starts[i]:self._starts[i + 1]]

    def __contains__(self, word: object) -> bool:
        return word in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class Records(Sequence):
    """The index's prepared entries, each unpickled on first use, and where their quotes are."""

    def __init__(self, mm: mmap.mmap, base: int, offsets: array, crcs: array, ids: str, file: Path, rebuild):
        self._mm, self._base, self._offsets, self._crcs, self._ids = mm, base, offsets, crcs, ids
        self._file, self._rebuild = file, rebuild
        self._loaded: dict[int, Prepared] = {}
        self._fresh: Sequence[Prepared] | None = None
        self._positions: dict[str, int] | None = None
        self.found: dict[Evidence, Passage | None] = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):
        try:
            return self._loaded[i]  # the common case, kept quick: a check asks again and again
        except (KeyError, TypeError):
            pass
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            return self[i + len(self)]
        if not 0 <= i < len(self):
            raise IndexError(i)
        self._loaded[i] = self._load(i)
        return self._loaded[i]

    def __iter__(self) -> Iterator[Prepared]:
        return (self[i] for i in range(len(self)))

    def _load(self, i: int) -> Prepared:
        if self._fresh is None:
            blob = self._mm[self._base + self._offsets[i]:self._base + self._offsets[i + 1]]
            try:
                if zlib.crc32(blob) != self._crcs[i]:
                    raise ValueError("checksum")
                prepared, passages = pickle.loads(zlib.decompress(blob))
                self.found.update(zip(prepared.entry.evidence, passages))
                return prepared
            except Exception:  # noqa: BLE001 - damaged after all: build afresh, drop the file
                self._fresh, found = self._rebuild()
                self.found.update(found)
                try:
                    self._file.unlink()
                except OSError:
                    pass
        return self._fresh[i]

    def position(self, entry_id: str) -> int:
        if self._positions is None:
            self._positions = {eid: i for i, eid in enumerate(self._ids.split("\n"))} if self._ids else {}
        return self._positions[entry_id]


class Entries(Sequence):
    """The claims file's entries, read from the cache as they are used."""

    def __init__(self, records: Records):
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [p.entry for p in self._records[i]]
        return self._records[i].entry

    def __iter__(self) -> Iterator[Entry]:
        return (p.entry for p in self._records)


class ById(Mapping):
    """Entry id to prepared entry, without reading every entry."""

    def __init__(self, records: Records):
        self._records = records

    def __getitem__(self, entry_id: str) -> Prepared:
        return self._records[self._records.position(entry_id)]

    def __iter__(self) -> Iterator[str]:
        return (p.entry.id for p in self._records)

    def __len__(self) -> int:
        return len(self._records)


def cache_folder() -> Path:
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def _code_hash() -> bytes:
    """factcheck's own code and knowledge files: its version, and any edit to a checkout,
    changes what is built."""
    h = hashlib.sha256()
    for folder, _, names in sorted(os.walk(_CODE)):
        for name in sorted(n for n in names if n.endswith((".py", ".txt"))):
            path = os.path.join(folder, name)
            h.update(os.path.relpath(path, _CODE).encode() + b"\0" + _file_hash(path))
    return h.digest()


MAX_HASHED = 64 * 1024 * 1024  # beyond any source the loader accepts


def _inside_regular(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return os.path.commonpath([real, root]) == root and os.path.isfile(real)


def _file_hash(path: str) -> bytes:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read(MAX_HASHED)).digest()


def _pack(record: tuple) -> bytes:
    return zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _relative(folder: Path, base: Path) -> str:
    try:
        return str(folder.relative_to(base))
    except ValueError:
        return str(folder)


def _write_atomically(path: Path, parts: list[bytes]) -> None:
    """All of it or nothing: a reader never sees half a file. Failing to write is no error."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: a check from the cache does without it

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            for part in parts:
                f.write(part)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
