"""The first run on a large claims file: entries prepared by worker processes, and the cache
written as they come.

Preparing an entry (finding its quotes' sentences, tokenising its texts, finding its names)
depends on nothing but the entry, the claims file's names and its sources, and is most of a
first run. So the entries are prepared in chunks, by processes forked once the claims file is
parsed (they share it, nothing is pickled to them), and each chunk comes back as its entries'
words, statements and cache records, already packed. The words go straight into the postings'
arrays; the records go to a temporary file beside the cache. Neither the prepared entries nor
their records are ever all held at once: at 100,000 entries they would be most of a gigabyte.
The cache file is then written from that file, and the check reads its index back from the
cache, as any later run does.
"""

from __future__ import annotations

import signal
import tempfile
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..claimsfile import claims as claimsfile
from ..claimsfile import pieces
from ..claimsfile.claims import ClaimsFile, Entry
from ..claimsfile.files import Version
from ..claimsfile.sources import Passage, SourceLibrary
from .cache import Cache, pack_record
from .match import Index
from .postings import Postings
from .processes import available_cpus, can_fork

MIN_ENTRIES = 2_000  # fewer: the bundled 274 entries are prepared in a fraction of a second, less than forking costs
CHUNK = 500  # entries a task: a fraction of a second of work, against a few milliseconds of passing it back

Cite = Callable[[Entry], tuple[Passage | None, ...]]  # where each of an entry's quotes is in its source


@dataclass
class Chunk:
    """Entries prepared: their words, statements and packed cache records, and the versions of
    the sources read for them that the worker has not sent before."""

    vocabularies: list[tuple[str, ...]]
    statements: list[str]
    records: list[bytes]
    versions: dict[str, Version | None]


@dataclass
class Built:
    """An index whose prepared entries are not in memory: their records are in `spill`."""

    index: Index
    ids: list[str]
    spill: IO[bytes]
    statements: list[str] = field(default_factory=list)
    offsets: array = field(default_factory=lambda: array("Q", [0]))
    versions: list[dict[str, Version | None]] = field(default_factory=list)

    def words(self, chunks: Iterable[Chunk]) -> Iterator[tuple[str, ...]]:
        """Each entry's words, in order; its record is written to the spill as it passes."""
        for chunk in chunks:
            for record in chunk.records:
                self.spill.write(record)
                self.offsets.append(self.offsets[-1] + len(record))
            self.statements += chunk.statements
            self.versions.append(chunk.versions)
            yield from chunk.vocabularies

    def records(self) -> Iterator[bytes]:
        self.spill.seek(0)
        for start, end in zip(self.offsets, self.offsets[1:]):
            yield self.spill.read(end - start)


def worth_streaming(entries: int) -> bool:
    return entries >= MIN_ENTRIES


def streamed(index: Index, library: SourceLibrary, cite: Cite, cache: Cache, attributions: Callable[[], list[str]]) -> Built:
    """`index`, begun (Index.begin), with its entries prepared by worker processes (one per CPU)
    and finished; `attributions` (the sources' authors and publishers) is called while they
    work. The caller closes the Built's spill. Raises OSError when it cannot be written."""
    entries = index.claims.entries
    built = Built(index, [e.id for e in entries], tempfile.TemporaryFile(dir=cache.folder))
    ranges = [(start, min(start + CHUNK, len(entries))) for start in range(0, len(entries), CHUNK)]
    try:
        with _mapping(index, cite, library, len(ranges)) as map_chunks:
            chunks = map_chunks(ranges)  # the workers start on them now
            people = attributions()
            postings = Postings.of(built.words(chunks))
    except BaseException:
        built.spill.close()
        raise
    _merge(library, built.versions)
    index.prepared = []
    index.finish(postings, people)
    return built


_job: tuple[Index, Cite, SourceLibrary, set[str]] | None = None  # what a worker prepares entries with, set before forking


@contextmanager
def _mapping(index: Index, cite: Cite, library: SourceLibrary, tasks: int):
    """A function mapping entry ranges to prepared Chunks, in order: on worker processes forked
    from this one where there are several CPUs, else here."""
    global _job
    _job = (index, cite, library, set())
    count = min(available_cpus(), tasks)
    try:
        if count < 2 or not can_fork():
            yield lambda ranges: (_prepare(*r) for r in ranges)
            return
        with _pool(count) as pool:
            yield lambda ranges: _results(pool, _prepare, ranges)
    finally:
        _job = None


@contextmanager
def _pool(count: int):
    """`count` forked workers, started with Ctrl-C held back (a worker that saw it before it
    ignores it would report it too). SIGPIPE stays held back in the pool's threads, which
    inherit the mask as the first task starts them: a pipe to a worker ended by a Ctrl-C fails
    there, and does not end this process. A Ctrl-C, or any error, ends the workers at once:
    the parent says so, once, and no worker is left preparing entries nobody will read."""
    from concurrent.futures import ProcessPoolExecutor

    from .forking import Forking, ignore_interrupts

    context = Forking()
    pool = ProcessPoolExecutor(count, context, initializer=ignore_interrupts)
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGPIPE})
        try:
            pool.submit(int).result()  # with fork, the first task starts every worker
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a Ctrl-C held back is raised here
        yield pool
    except BaseException:
        for process in context.started:
            process.terminate()
        pool.shutdown(wait=True)  # not cancel_futures: see _results
        raise
    pool.shutdown(wait=True)


def _results(pool, task: Callable, arguments: Iterable[tuple]) -> Iterator:
    """The tasks' results, in order, each let go once read. Not Executor.map: interrupted, it
    cancels the tasks not yet done, which the pool's thread, finding its workers ended, then
    fails too, and Python 3.11 prints a traceback for each."""
    futures = deque(pool.submit(task, *a) for a in arguments)
    while futures:
        yield futures.popleft().result()


def _prepare(start: int, end: int) -> Chunk:
    """A task: entries start to end prepared and packed for the cache."""
    assert _job is not None
    index, cite, library, sent = _job
    chunk = Chunk([], [], [], {})
    for e in index.claims.entries[start:end]:
        passages = cite(e)
        p = index.prepare(e, [found.sentence for found in passages if found is not None])
        chunk.vocabularies.append(tuple(p.vocab))
        chunk.statements.append(p.statement_text)
        chunk.records.append(pack_record(p, passages))
    chunk.versions = {k: v for k, v in library.versions.items() if k not in sent}
    sent.update(chunk.versions)
    return chunk


_parsing: str | None = None  # the claims file's text that workers parse pieces of, set before forking


def parse_in_parallel(text: str, path: Path) -> ClaimsFile:
    """What parse_claims gives, a large file parsed in pieces by worker processes (one per CPU)
    while this one parses the rest of it (claimsfile/pieces.py); parsed whole, as parse_claims
    parses it, when it is small or its pieces are not plainly laid out and valid."""
    global _parsing
    split = pieces.split(text)
    count = min(available_cpus(), len(split.items) // CHUNK) if split else 0
    if split is None or not worth_streaming(len(split.items)) or count < 2 or not can_fork():
        return claimsfile.parse_claims(text, path)
    _parsing = text
    try:
        with _pool(count) as pool:
            parts = _results(pool, _parse_piece, [(piece,) for piece in split.cut(text, CHUNK)])
            read = pieces.skeleton_read(split, path)
            claims = pieces.joined(read, parts, path) if read else None
    finally:
        _parsing = None
    return claims or claimsfile.parse_claims(text, path)


def _parse_piece(piece: pieces.Piece) -> tuple[Entry, ...] | None:
    """A task: a piece of the claims file parsed."""
    assert _parsing is not None
    return pieces.parse_piece(_parsing, piece)


def _merge(library: SourceLibrary, versions: list[dict[str, Version | None]]) -> None:
    """The versions of the sources the workers read, beside those read here. A source read as
    two different versions changed during the build: it is recorded as unreadable, which it
    is not, so the next run builds afresh."""
    for found in versions:
        for source_id, version in found.items():
            mine = library.versions.setdefault(source_id, version)
            if (mine and mine.digest) != (version and version.digest):
                library.versions[source_id] = None
