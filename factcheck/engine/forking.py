"""The context worker pools are forked with, imported only when workers start: multiprocessing
costs 16 ms of imports, and most checks and scans start none."""

from __future__ import annotations

import signal
from multiprocessing.context import ForkContext
from multiprocessing.process import BaseProcess


class Forking(ForkContext):
    """The fork context, keeping the processes it starts (in `started`): how a worker that
    broke a pool ended is in its exit code, which the pool does not tell, and a pool left by
    Ctrl-C is ended by ending them."""

    def __init__(self) -> None:
        self.started: list[BaseProcess] = []

    def Process(self, *args, **kwargs):  # noqa: N802 - the name the pool calls
        process = super().Process(*args, **kwargs)
        self.started.append(process)
        return process


def ignore_interrupts() -> None:
    """A worker's first act: Ctrl-C reaches the whole process group, and is for the parent,
    which ends its workers and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
