"""The parsed and indexed claims file, kept between runs: building the index is most of a cold check.

A cache file belongs to one claims file (by its absolute path) and records what it was built
from (Inputs): the claims file and each source as the build parsed them (hashes of the very
bytes parsed), the sources folder's listing, and factcheck's own code (its version, and any
edit to a checkout) and the Python version. It is used only while all of them are unchanged:
an edit that lands while the index is being built is never taken for what was built. Anything
wrong with the file (truncated, corrupt, another format) rebuilds it too: the cache is only
ever a shortcut, never an error.

Trust: the file holds pickles, and unpickling can run code. So it is read only from a folder
and a file of this user's own that no one else can write to (private.py: anything else is
ignored, with one warning, and left as it is), and only once its signature checks out: a
keyed BLAKE2b of everything before the entries, under a secret key that stays in the user's
own cache folder even when FACTCHECK_CACHE_DIR moves the cache (a repository, a CI cache or
another machine can fill that folder, but cannot sign for this user). Each entry's record is
signed on its own (with the key, its position and the file's nonce) and checked when first
read, before it is unpickled, so a check hashes only the signed head and the entries it reads.

Where: FACTCHECK_CACHE_DIR, else the user's cache folder. FACTCHECK_NO_CACHE=1 turns it off.

Large claims files: each entry is pickled on its own and read from the memory-mapped file only
when a check needs it; the postings (postings.py), the entry ids, the records' offsets and
signatures are plain arrays after the head, read in place: a check against 100,000 entries
unpickles neither the entries nor the postings. The records are written as they are packed,
with their offsets and signatures after them, so a first run never holds them all.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import mmap
import os
import pickle
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..claimsfile.claims import MAX_CLAIMS_BYTES, ClaimsError, ClaimsFile, Entry, Evidence
from ..claimsfile.files import Version, settled, shown_path, unchanged
from ..claimsfile.sources import MAX_SOURCE_BYTES, PackedCitation, Passage, SourceLibrary, source_files, source_path
from ..language.quantities import Span
from . import private
from .match import Index, Prepared
from .postings import Postings
from .strtable import Lengths, NameSet, StringTable, Texts

FORMAT = b"factcheck-cache 7\n"  # 7: when sources were written as day numbers (6: ids as a table of texts; 5: postings and ids as arrays after the head; records signed one by one, streamed)
SIGNATURE_BYTES = 32  # a keyed BLAKE2b of the lengths, the inputs and the head
_LENGTHS = struct.Struct("<QQQ")  # of the inputs pickle, of the head pickle, of the arrays after the head
RECORD_DIGEST_BYTES = 16  # each entry's keyed BLAKE2b: 128 bits, beyond forging or finding another record with the same
ALIGN = 8  # each array after the head starts at a multiple of this
NONCE_BYTES = 16  # a random number per file, in its signed head, that each record's signature includes
_CODE = Path(__file__).resolve().parents[1]  # the whole package
Found = Mapping[Evidence, Passage | None]  # every quote looked up: where it is in its source


@dataclass
class Stored:
    """A claims file as the cache gives it back; its entries are read when first used."""

    claims: ClaimsFile
    index: Index
    found: dict[Evidence, Passage | None]
    as_of: Mapping[str, Span]
    citations: dict[str, PackedCitation]  # how the sources read for the build are cited (sources.Citation)


class Cache:
    """The cache file of one claims file."""

    def __init__(self, claims_path: Path, folder: Path, key_folder: Path):
        self.claims_path = claims_path
        self.folder = folder
        self.key_folder = key_folder
        self.file = folder / (hashlib.sha256(str(claims_path.resolve()).encode()).hexdigest()[:32] + ".pickle")
        self.claims_version: Version | None = None  # the claims file as a build parsed it
        self.warning: str | None = None  # a folder or file not trusted: the cache is then neither read nor written

    @classmethod
    def of(cls, claims_path: Path) -> Cache | None:
        """The cache of a claims file; None when caching is off."""
        if os.environ.get("FACTCHECK_NO_CACHE", "") not in ("", "0"):
            return None
        try:
            return cls(claims_path, cache_folder(), user_folder())
        except (OSError, RuntimeError):  # a path that cannot be resolved: do without
            return None

    def read(self, rebuild: Callable[[], tuple[Sequence[Prepared], Found]]) -> Stored | None:
        """The stored claims file, or None when there is none or it is stale, damaged, unsigned
        or not trusted (then `warning` says why). `rebuild` builds it afresh, should an entry
        turn out damaged when it is first read."""
        try:
            opened = self._open()
        except private.Untrusted as exc:
            self.warning = str(exc)
            return None
        except (OSError, ValueError):  # unreadable, or cannot be mapped
            return None
        if opened is None:
            return None
        try:
            return self._unpack(*opened, rebuild)
        except Exception:  # noqa: BLE001 - a damaged or stale cache of any kind is rebuilt
            return None

    def _open(self) -> tuple[mmap.mmap, bytes] | None:
        """The cache file and the key it must be signed with, once their folders are checked."""
        if not private.folder(self.folder):
            return None
        mm = private.read(self.file)
        if mm is None or not private.folder(self.key_folder):
            return None
        key = private.secret(self.key_folder)
        return (mm, key) if key is not None else None

    def _unpack(self, mm: mmap.mmap, key: bytes, rebuild) -> Stored | None:
        signed_from = len(FORMAT) + SIGNATURE_BYTES
        at = signed_from + _LENGTHS.size
        if mm[:len(FORMAT)] != FORMAT:
            return None
        inputs_len, head_len, arrays_len = _LENGTHS.unpack(mm[signed_from:at])
        view = memoryview(mm)  # pickles and arrays are read in place, not copied out first
        signature = _signer(key, view[signed_from:at + inputs_len + head_len]).digest()
        if not hmac.compare_digest(signature, mm[len(FORMAT):signed_from]):
            return None
        inputs = pickle.loads(view[at:at + inputs_len])  # signed with this user's key: safe to unpickle
        if not inputs.unchanged(self.claims_path):
            return None
        sources_dir = self.claims_path.parent / inputs.sources
        at += inputs_len
        head = pickle.loads(view[at:at + head_len])
        at += head_len
        arrays_end = at + arrays_len
        # then the postings, names and entry ids: unsigned numbers and text, read in place,
        # each from a multiple of 8 bytes (numbers are read quicker aligned)
        arrays: dict[str, list[memoryview]] = {}
        for name, lengths in head["arrays"]:
            arrays[name] = []
            for length in lengths:
                at += -at % ALIGN
                arrays[name].append(view[at:at + length])
                at += length
        if at != arrays_end:
            return None
        postings = Postings.from_parts(*arrays["postings"])
        ids = Texts(*arrays["ids"])
        records = Records.of(view, at, head["entries"], _RecordKey(key, head["nonce"]), ids, self.file, rebuild)
        if records is None:
            return None
        claims = ClaimsFile(self.claims_path, sources_dir, Entries(records), head["soft_problems"], head["vocabulary"], head["topics"])
        index = Index.__new__(Index)
        index.__dict__.update(head["index"])
        index.postings = postings
        index.names, index.attribution_names = NameSet(StringTable(*arrays["names"])), NameSet(StringTable(*arrays["attribution_names"]))
        slots, offsets, blob, starts, lengths = arrays["name_lengths"]
        index.name_lengths = Lengths(StringTable(slots, offsets, blob), starts, lengths)
        index.statements, index.entry_ids = Texts(*arrays["statements"]), ids
        index.claims, index.prepared, index._by_id = claims, records, ById(records)
        index.start_memos()
        return Stored(claims, index, records.found, Spans(head["as_of"]), head["citations"])

    def building(self, claims_version: Version) -> None:
        """Note the version of the claims file that a build parses."""
        self.claims_version = claims_version

    def writable(self) -> bool:
        """Whether a build can be stored: caching is on, and its folders are this user's."""
        try:
            return self.warning is None and self.claims_version is not None and private.folder(self.folder, create=True) \
                and private.folder(self.key_folder, create=True)
        except (OSError, private.Untrusted):
            return False

    def write(self, library: SourceLibrary, index: Index, found: Found, as_of: Mapping[str, Span]) -> None:
        """Store a freshly built claims file, keyed by the versions of the files it was built
        from. A folder that cannot be written, or is not trusted, just means no cache."""
        records = (pack_record(p, tuple(found.get(ev) for ev in p.entry.evidence)) for p in index.prepared)
        self.store(library, index, [p.entry.id for p in index.prepared], [p.statement_text for p in index.prepared], records, as_of)

    def store(self, library: SourceLibrary, index: Index, ids: Sequence[str], statements: Sequence[str], records: Iterable[bytes],
              as_of: Mapping[str, Span]) -> bool:
        """Store an index whose entries (`ids`, their `statements`) come as packed `records`
        (pack_record), one by one; whether it was stored."""
        if self.warning or self.claims_version is None:
            return False
        inputs = pickle.dumps(Inputs.of(self.claims_path, self.claims_version, library), protocol=pickle.HIGHEST_PROTOCOL)
        in_arrays = ("postings", "names", "attribution_names", "name_lengths", "statements", "entry_ids")  # "ids" for entry_ids
        state = {k: v for k, v in index.__dict__.items() if k not in ("claims", "prepared", "_by_id", *Index.MEMOS, *in_arrays)}
        arrays = {
            "postings": index.postings.parts(),
            "names": NameSet.build(index.names).table.parts(),
            "attribution_names": NameSet.build(index.attribution_names).table.parts(),
            "name_lengths": Lengths.build(index.name_lengths).parts(),
            "ids": Texts.parts(ids),
            "statements": Texts.parts(statements),
        }
        nonce = os.urandom(NONCE_BYTES)
        head = pickle.dumps({
            "index": state,
            "arrays": [(name, [len(part) for part in parts]) for name, parts in arrays.items()],
            "soft_problems": index.claims.soft_problems,
            "vocabulary": index.claims.vocabulary,
            "topics": index.claims.topics,
            "as_of": {source_id: (span.first.toordinal(), span.last.toordinal()) for source_id, span in as_of.items()},
            "citations": library.citations(),  # after as_of, which reads every cited source
            "entries": len(ids),
            "nonce": nonce,
        }, protocol=pickle.HIGHEST_PROTOCOL)
        laid_out, at = [], len(FORMAT) + SIGNATURE_BYTES + _LENGTHS.size + len(inputs) + len(head)
        for part in (part for parts in arrays.values() for part in parts):
            laid_out += [bytes(-at % ALIGN), part]
            at += -at % ALIGN + len(part)
        lengths = _LENGTHS.pack(len(inputs), len(head), sum(map(len, laid_out)))
        try:
            if not (private.folder(self.folder, create=True) and private.folder(self.key_folder, create=True)):
                return False
            key = private.secret(self.key_folder) or private.new_secret(self.key_folder)
            signer = _signer(key, lengths)
            signer.update(inputs)
            signer.update(head)
            private.clean(self.folder)
            signed = _signed(records, _RecordKey(key, nonce))
            private.write(self.file, itertools.chain([FORMAT, signer.digest(), lengths, inputs, head, *laid_out], signed))
        except (OSError, private.Untrusted):
            return False
        return True


def pack_record(prepared: Prepared, passages: tuple[Passage | None, ...]) -> bytes:
    """An entry's record in the cache: the prepared entry, and where each of its quotes is."""
    return zlib.compress(pickle.dumps((prepared, passages), protocol=pickle.HIGHEST_PROTOCOL), 1)


def _signed(records: Iterable[bytes], key: _RecordKey) -> Iterator[bytes]:
    """The records, then their offsets and signatures: written as they come, never all held at
    once (at 100,000 entries they are 100 MB)."""
    offsets = array("Q", [0])
    signatures = bytearray()
    for i, blob in enumerate(records):
        offsets.append(offsets[-1] + len(blob))
        signatures += key.sign(i, blob)
        yield blob
    yield offsets.tobytes()
    yield bytes(signatures)


class _RecordKey:
    """Signs each entry's record with the user's key, its position and the file's nonce: a
    record is checked when first read, so a check never hashes what it does not read, and a
    record moved within a file or from another file does not check out."""

    def __init__(self, key: bytes, nonce: bytes):
        self.key, self.nonce = key, nonce

    def sign(self, i: int, blob) -> bytes:
        h = hashlib.blake2b(self.nonce, key=self.key, digest_size=RECORD_DIGEST_BYTES)
        h.update(i.to_bytes(8, "little"))
        h.update(blob)
        return h.digest()


@dataclass(frozen=True)
class Inputs:
    """What an index was built from: the claims file and each source as versions of the very
    bytes the build parsed (files.Version), the sources folder's listing as the build saw it,
    and factcheck's code."""

    code: bytes
    claims: Version
    sources: str  # the sources folder, relative to the claims file's folder when inside it
    listed: tuple[str, ...]  # the source ids in the sources folder
    read: dict[str, Version | None]  # each source the build read; None: it could not be read

    @classmethod
    def of(cls, claims_path: Path, claims: Version, library: SourceLibrary) -> Inputs:
        """The inputs of a build that parsed `claims` and read its sources through `library`."""
        read = {source_id: version and _settled_source(library.dir, source_id, version) for source_id, version in library.versions.items()}
        claims = settled(claims_path, claims, MAX_CLAIMS_BYTES)
        return cls(_code_hash(), claims, shown_path(library.dir, claims_path.parent), tuple(library.available()), read)

    def unchanged(self, claims_path: Path) -> bool:
        """Whether every input is still as it was built from (files.unchanged says how it tells)."""
        if not unchanged(claims_path, self.claims, MAX_CLAIMS_BYTES) or self.code != _code_hash():
            return False
        folder = claims_path.parent / self.sources
        files = source_files(folder)
        if tuple(sorted(files)) != self.listed:
            return False
        return all(_source_unchanged(folder, files.get(source_id), source_id, version) for source_id, version in self.read.items())


def _settled_source(folder: Path, source_id: str, version: Version) -> Version:
    try:
        return settled(source_path(folder, source_id), version, MAX_SOURCE_BYTES)
    except ClaimsError:  # now outside the sources folder: the next run will see that
        return version


def _source_unchanged(folder: Path, file: os.DirEntry | None, source_id: str, version: Version | None) -> bool:
    """Whether a source is as it was read. A file right in the folder that is not a symbolic
    link is inside it; any other path is checked as the build checked it (source_path), as
    resolving thousands of paths would take most of a check from the cache."""
    if file is not None and not file.is_symlink():
        return unchanged(file.path, version, MAX_SOURCE_BYTES)
    try:
        path = source_path(folder, source_id)
    except ClaimsError:  # now outside the sources folder: refused, as it was if it had no version
        return version is None
    return unchanged(path, version, MAX_SOURCE_BYTES)


class Spans(Mapping):
    """When each source was written, kept as day numbers: a Span is made only for the sources a
    check asks about (the 5,475 sources of 300,000 entries, unpickled as Spans, cost 9 ms)."""

    def __init__(self, days: dict[str, tuple[int, int]]):
        self._days = days

    def __getitem__(self, source_id: str) -> Span:
        first, last = self._days[source_id]
        return Span(date.fromordinal(first), date.fromordinal(last))

    def __iter__(self) -> Iterator[str]:
        return iter(self._days)

    def __len__(self) -> int:
        return len(self._days)


class Records(Sequence):
    """The index's prepared entries, each unpickled on first use, and where their quotes are."""

    def __init__(self, view: memoryview, base: int, offsets: memoryview, signatures: memoryview, key: _RecordKey, ids: Texts, file: Path, rebuild):
        self._view, self._base, self._offsets, self._signatures, self._key, self._ids = view, base, offsets, signatures, key, ids
        self._file, self._rebuild = file, rebuild
        self._loaded: dict[int, Prepared] = {}
        self._fresh: Sequence[Prepared] | None = None
        self._positions: dict[str, int] | None = None
        self.found: dict[Evidence, Passage | None] = {}

    @classmethod
    def of(cls, view: memoryview, base: int, count: int, key: _RecordKey, ids: Texts, file: Path, rebuild) -> Records | None:
        """The records from `base` on, with the offsets and signatures that end the file; None
        when the file does not end where they say (truncated, or not this format)."""
        trailer = len(view) - 8 * (count + 1) - RECORD_DIGEST_BYTES * count
        if trailer < base:
            return None
        offsets = view[trailer:trailer + 8 * (count + 1)].cast("Q")
        if offsets[0] != 0 or base + offsets[count] != trailer:
            return None
        return cls(view, base, offsets, view[trailer + 8 * (count + 1):], key, ids, file, rebuild)

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
        if self._fresh is not None:
            return self._fresh[i]
        blob = self._view[self._base + self._offsets[i]:self._base + self._offsets[i + 1]]
        try:
            signature = self._signatures[i * RECORD_DIGEST_BYTES:(i + 1) * RECORD_DIGEST_BYTES]
            if not hmac.compare_digest(self._key.sign(i, blob), signature):
                raise ValueError("signature")
            prepared, passages = pickle.loads(zlib.decompress(blob))
            self.found.update(zip(prepared.entry.evidence, passages))
            return prepared
        except Exception:  # noqa: BLE001 - damaged after all: build afresh, drop the file
            return self._damaged()[i]

    def _damaged(self) -> Sequence[Prepared]:
        """The entries built afresh, in place of a file found damaged, which is dropped."""
        self._fresh, found = self._rebuild()
        self._positions = {p.entry.id: i for i, p in enumerate(self._fresh)}
        self.found.update(found)
        try:
            self._file.unlink()
        except OSError:
            pass
        return self._fresh

    def position(self, entry_id: str) -> int:
        if self._positions is None:
            self._positions = {eid: i for i, eid in enumerate(self._ids)}
        at = self._positions[entry_id]
        if self[at].entry.id != entry_id:  # the list of ids is not signed: trust the record's own
            if self._fresh is None:
                self._damaged()
            at = self._positions[entry_id]
        return at


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
    return Path(explicit) if explicit else user_folder()


def user_folder() -> Path:
    """The user's own cache folder: the cache's, unless FACTCHECK_CACHE_DIR moves it, and always
    its secret key's."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def _code_hash() -> bytes:
    """factcheck's own code and knowledge files: its version, and any edit to a checkout,
    changes what is built."""
    h = hashlib.sha256(FORMAT + sys.version.encode())
    for folder, _, names in sorted(os.walk(_CODE)):
        for name in sorted(n for n in names if n.endswith((".py", ".txt"))):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                h.update(os.path.relpath(path, _CODE).encode() + b"\0" + hashlib.sha256(f.read()).digest())
    return h.digest()


def _signer(key: bytes, data) -> hashlib.blake2b:
    return hashlib.blake2b(data, key=key, digest_size=SIGNATURE_BYTES)
