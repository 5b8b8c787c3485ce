"""A long scan's sentences checked by worker processes, one chunk of a draft at a time.

Checking is pure Python, so only processes use more than one core. The pool is the standard
library's ProcessPoolExecutor, with workers forked from the process that has loaded the corpus,
so that they share its index without loading anything. A chunk carries the sentence before its
first one, the context `scan_sentences` would have given it, and comes back as a count and the
findings to report, pickled with the claims file's entries as their ids: both sides hold the
same index, and pickling every entry would cost most of a second per 10,000 sentences. Drafts
come back whole and in order, so the report is the same as with one process.

A worker that dies breaks the pool (BrokenProcessPool): that is an error saying how the worker
ended (the signal), not a hang. A worker whose parent dies sees the end of a pipe that only the
parent holds open, and ends too.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING

from ..claimsfile.claims import Entry
from ..engine.match import Index
from ..engine.processes import can_fork
from ..language.sentences import Sentence
from .scan import Checked, Scan, Tally

CHUNK = 100  # sentences a task: about 0.1 s of checking, against well under a millisecond of overhead
MIN_SENTENCES = 300  # fewer in all: forking and feeding workers would cost more than they save
AHEAD = 4  # chunks submitted ahead per worker, so that a free worker always has one waiting

if TYPE_CHECKING:  # the pool is imported only when workers start: most scans need none (0.1 s)
    from concurrent.futures import Future

Draft = tuple[str, Sequence[Sentence]]  # a draft's path and its sentences


class WorkerError(Exception):
    """A worker process ended before the scan did: killed (the out-of-memory killer sends
    SIGKILL) or exited. Not factcheck's doing, so it is named as what it is."""

    def __init__(self, exitcode: int | None):
        self.exitcode = exitcode
        super().__init__("a scan worker ended unexpectedly" + _how(exitcode))


def _how(exitcode: int | None) -> str:
    """How a process ended, from its exit code: negative, the signal that ended it."""
    if exitcode is None:
        return ""
    if exitcode < 0:
        try:
            return f" (signal {-exitcode}, {signal.Signals(-exitcode).name})"
        except ValueError:
            return f" (signal {-exitcode})"
    return f" (exit status {exitcode})"


@contextmanager
def checking(scan: Scan, drafts: Iterable[Draft], jobs: int) -> Iterator[Iterator[Checked]]:
    """Each draft checked, in order. With `jobs` > 1 and enough sentences, workers are forked
    here, before the caller starts any thread (a process forked with threads running may
    deadlock), and they are ended when the block ends, however it ends."""
    drafts = iter(drafts)
    ahead: list[Draft] = []
    waiting = 0
    if jobs > 1 and can_fork():
        for draft in drafts:  # enough to tell whether workers pay, and how many
            ahead.append(draft)
            waiting += len(draft[1])
            if waiting >= max(MIN_SENTENCES, jobs * CHUNK):
                break
    if waiting < MIN_SENTENCES:
        yield (scan.check(path, sentences) for path, sentences in chain(ahead, drafts))
        return
    # SIGINT is held back until every worker ignores it (Ctrl-C reaches the whole process group:
    # this process ends them), and until `workers` can end them. SIGPIPE is held back in the
    # pool's threads, which inherit this mask, so that a pipe to a dead worker fails there
    # instead of ending this process.
    masked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGPIPE})
    workers = None
    try:
        workers = _Workers(scan, min(jobs, math.ceil(waiting / CHUNK)))
        signal.pthread_sigmask(signal.SIG_SETMASK, masked)  # a Ctrl-C held back is raised here
        yield workers.check(chain(ahead, drafts))
    except BaseException:
        if workers is not None:
            workers.stop()  # Ctrl-C, a closed stdout: workers in the middle of a chunk end now
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, masked)
        if workers is not None:
            workers.close()


class _Workers:
    """A pool of `count` processes forked from this one, all started before this returns;
    called with SIGINT and SIGPIPE blocked."""

    def __init__(self, scan: Scan, count: int):
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        from ..engine.forking import Forking

        self.count = count
        self.index = scan.index
        context = Forking()
        lifeline, self._lifeline = os.pipe()  # its writing end stays here only: its end tells a worker we are gone
        self.executor = ProcessPoolExecutor(count, context, initializer=_start, initargs=(scan, lifeline, self._lifeline))
        self.processes = context.started
        self.stopped = False
        try:
            try:
                self.executor.submit(int).result()  # with fork, the first task starts every worker
            except BrokenProcessPool:
                raise self._ended() from None
        except BaseException:
            self.close()
            raise
        finally:
            os.close(lifeline)

    def check(self, drafts: Iterator[Draft]) -> Iterator[Checked]:
        """Chunks are submitted in order, at most AHEAD a worker beyond the draft waited for;
        drafts come back whole and in order."""
        submitted: deque[tuple[str, list[Future]]] = deque()
        outstanding = 0
        for path, sentences in drafts:
            chunks = [
                self._submit(path, sentences[i : i + CHUNK], sentences[i - 1].text if i else "")
                for i in range(0, len(sentences), CHUNK)
            ]
            submitted.append((path, chunks))
            outstanding += len(chunks)
            while submitted and outstanding >= AHEAD * self.count:
                outstanding -= len(submitted[0][1])
                yield self._gathered(*submitted.popleft())
        while submitted:
            yield self._gathered(*submitted.popleft())

    def _submit(self, path: str, sentences: Sequence[Sentence], previous: str) -> Future:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.executor.submit(_check, path, sentences, previous)
        except BrokenProcessPool:
            raise self._ended() from None

    def _gathered(self, path: str, chunks: list[Future]) -> Checked:
        """A draft's chunks as one result."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            parts = [_received(chunk.result(), self.index) for chunk in chunks]
        except BrokenProcessPool:
            raise self._ended() from None
        return Checked(path, sum((p.tally for p in parts), Tally()), tuple(f for p in parts for f in p.findings))

    def _ended(self) -> WorkerError:
        """The error for the worker that broke the pool. The pool ends the others with SIGTERM,
        so the one that ended otherwise is the one to name. Its exit code is read once the
        pool's own thread, which reaps the workers, has ended: two threads reaping one process
        race, and the loser sees no exit code."""
        self.stop()
        self.executor.shutdown(wait=True)
        codes = [p.exitcode for p in self.processes]
        return WorkerError(next((c for c in codes if c not in (None, 0, -signal.SIGTERM)), next((c for c in codes if c is not None), None)))

    def stop(self) -> None:
        """Ends the workers now. The pool then fails the tasks left itself: cancelling them too
        races with that (Python 3.11 prints the error of failing a task it finds cancelled)."""
        self.stopped = True
        for process in self.processes:
            process.terminate()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=not self.stopped)
        os.close(self._lifeline)


_scan: Scan | None = None  # a worker's, set as it starts


def _start(scan: Scan, lifeline: int, ours: int) -> None:
    """A worker starting: Ctrl-C is for the parent, which ends us; so is the parent's end."""
    from ..engine.forking import ignore_interrupts  # imported by the parent already, as it forked us

    global _scan
    ignore_interrupts()
    os.close(ours)
    _scan = scan
    threading.Thread(target=_end_with_parent, args=(lifeline,), daemon=True).start()


def _end_with_parent(lifeline: int) -> None:
    """Wait for the parent's end of the pipe to close (it only closes when the pool is done or
    the parent is gone), then end: a worker with no parent would wait for work forever."""
    while os.read(lifeline, 1):
        pass
    os._exit(0)


def _check(path: str, sentences: Sequence[Sentence], previous: str) -> bytes:
    """A worker's task: one chunk checked."""
    assert _scan is not None
    return _packed(_scan.check(path, sentences, previous))


class _EntriesAsIds(pickle.Pickler):
    def persistent_id(self, obj: object) -> str | None:
        return obj.id if type(obj) is Entry else None


class _EntriesFromIds(pickle.Unpickler):
    def __init__(self, data: bytes, index: Index):
        super().__init__(io.BytesIO(data))
        self.index = index

    def persistent_load(self, entry_id: str) -> Entry:
        return self.index.prepared_for(entry_id).entry


def _packed(result: Checked) -> bytes:
    """A worker's answer pickled with each entry as its id."""
    out = io.BytesIO()
    _EntriesAsIds(out, protocol=pickle.HIGHEST_PROTOCOL).dump(result)
    return out.getvalue()


def _received(data: bytes, index: Index) -> Checked:
    return _EntriesFromIds(data, index).load()
