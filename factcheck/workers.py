"""A long scan's sentences checked by worker processes, one chunk of a draft at a time.

Checking is pure Python, so only processes use more than one core. Workers are forked from the
process that has loaded the corpus, and so share its index without loading anything. A chunk
carries the sentence before its first one, the context `scan_sentences` would have given it, and
comes back as a count and the findings to report: pickling every result would cost most of a
second per 10,000 sentences. The claims file's entries in them travel as their ids: both sides
hold the same index. Drafts come back whole and in order, so the report is the same as with
one process.

Each worker has its own pipe and is sent a chunk only when it is idle, so neither side can block
the other. A worker that dies is an error saying how it ended (the signal), not a hang; a worker
whose parent dies reads the end of its pipe and ends too.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING

from .claims import Entry
from .drafts import Sentence
from .match import Index
from .scan import Checked, Scan, Tally

if TYPE_CHECKING:  # multiprocessing is imported only when workers start: most scans need none
    from multiprocessing.connection import Connection

CHUNK = 100  # sentences a task: about 0.1 s of checking, against well under a millisecond of overhead
MIN_SENTENCES = 300  # fewer in all: forking and feeding workers would cost more than they save
AHEAD = 4  # chunks read ahead per worker, so that a free worker always has one waiting
REAP_SECONDS = 5.0  # a worker whose pipe has closed is ending: its exit status comes within this

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


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Workers are forked, never spawned: a spawned worker would have to load everything again.
    macOS has fork, but its system libraries may not survive one (Python spawns there too)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


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
    workers = _Workers(scan, min(jobs, math.ceil(waiting / CHUNK)))
    try:
        yield workers.check(chain(ahead, drafts))
    finally:
        workers.close()


class _Workers:
    """Worker processes forked from this one, each with its own pipe."""

    def __init__(self, scan: Scan, count: int):
        self.pipes: list[Connection] = []
        self.processes = []
        self.index = scan.index
        masked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # held back until every worker ignores it
        try:
            from multiprocessing import get_context

            context = get_context("fork")
            for _ in range(count):
                ours, theirs = context.Pipe()
                self.pipes.append(ours)
                process = context.Process(target=_serve, args=(scan, theirs, list(self.pipes)), daemon=True)
                process.start()
                self.processes.append(process)
                theirs.close()
        except BaseException:
            self.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, masked)

    def check(self, drafts: Iterator[Draft]) -> Iterator[Checked]:
        """Chunks go to whichever worker is free; drafts come back whole and in order. At most
        AHEAD chunks a worker are read ahead of the draft waited for."""
        from multiprocessing.connection import wait

        queue: deque[tuple[int, tuple]] = deque()  # numbered chunks, not yet sent
        read: deque[tuple[str, int]] = deque()  # drafts not yet given back: path, number after their last chunk
        done: dict[int, Checked] = {}
        busy: dict[Connection, int] = {}  # pipe -> number of the chunk its worker is checking
        idle = list(self.pipes)
        numbered = given = 0  # chunks read, chunks given back
        exhausted = False
        while True:
            while not exhausted and numbered - given < AHEAD * len(self.pipes):
                draft = next(drafts, None)
                if draft is None:
                    exhausted = True
                    break
                path, sentences = draft
                for i in range(0, len(sentences), CHUNK):
                    queue.append((numbered, (path, sentences[i : i + CHUNK], sentences[i - 1].text if i else "")))
                    numbered += 1
                read.append((path, numbered))
            while idle and queue:
                pipe = idle.pop()
                if pipe.poll():  # an idle worker has nothing to say, unless it has ended
                    raise self._ended(pipe)
                number, task = queue.popleft()
                try:
                    _send(pipe, task)
                except OSError:  # it ended just now
                    raise self._ended(pipe) from None
                busy[pipe] = number
            while read and all(n in done for n in range(given, read[0][1])):
                path, end = read.popleft()
                parts = [done.pop(n) for n in range(given, end)]
                given = end
                yield Checked(path, sum((p.tally for p in parts), Tally()), tuple(f for p in parts for f in p.findings))
            if not busy:  # so nothing is queued, and every draft read was given back
                if exhausted:
                    return
                continue
            for pipe in wait(list(busy)):
                try:
                    data = pipe.recv_bytes()
                except (EOFError, OSError):  # closed, or reset with a chunk unread: the worker was killed
                    raise self._ended(pipe) from None
                done[busy.pop(pipe)] = _received(data, self.index)
                idle.append(pipe)

    def _ended(self, pipe: Connection) -> WorkerError:
        """The error for the worker at the other end of a pipe, which has ended."""
        process = self.processes[self.pipes.index(pipe)]
        process.join(REAP_SECONDS)
        return WorkerError(process.exitcode)

    def close(self) -> None:
        for process in self.processes:
            process.terminate()  # one in the middle of a chunk (Ctrl-C) too
        for process in self.processes:
            process.join()
        for pipe in self.pipes:
            pipe.close()


def _send(pipe: Connection, task: tuple) -> None:
    """Send a chunk; a worker that ended since its idle check makes it fail with EPIPE rather
    than end this process (the CLI lets SIGPIPE end it quietly, for a closed stdout)."""
    if not hasattr(signal, "SIGPIPE"):
        pipe.send(task)
        return
    masked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
    try:
        pipe.send(task)
    except OSError:
        signal.sigtimedwait({signal.SIGPIPE}, 0)  # the failed write's, pending while blocked
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, masked)


def _packed(result: Checked | Exception) -> bytes:
    """A worker's answer pickled with each entry as its id."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: obj.id if type(obj) is Entry else None
    pickler.dump(result)
    return out.getvalue()


def _received(data: bytes, index: Index) -> Checked:
    unpickler = pickle.Unpickler(io.BytesIO(data))
    unpickler.persistent_load = lambda entry_id: index.prepared_for(entry_id).entry
    got = unpickler.load()
    if isinstance(got, Exception):
        raise got
    return got


def _serve(scan: Scan, pipe: Connection, inherited: list[Connection]) -> None:
    """A worker: check each chunk sent, send back what was found, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends us
    for other in inherited:
        other.close()  # the parent's ends: once the parent is gone, nothing holds our pipe open
    while True:
        try:
            path, sentences, previous = pipe.recv()
        except (EOFError, OSError):  # the parent is done, or gone
            return
        try:
            result = scan.check(path, sentences, previous)
        except Exception as error:  # noqa: BLE001 - raised again in the parent
            result = error
        try:
            pipe.send_bytes(_packed(result))
        except OSError:  # the parent is gone
            return
