"""Reading a file that someone else wrote, within a size limit.

A FIFO nobody writes to reads as empty instead of hanging, and a link to /dev/zero is cut off
at the limit instead of being swallowed; a regular file over the limit is refused before a
byte is read.
"""

from __future__ import annotations

import os
import stat

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only: elsewhere a FIFO is not a worry


class TooLarge(Exception):
    """The file holds more than the limit; `size` is its size when known before reading."""

    def __init__(self, size: int | None):
        super().__init__(size)
        self.size = size


def read_bounded(path: str | os.PathLike, max_bytes: int) -> bytes:
    """At most `max_bytes` of a file; raises TooLarge beyond that, OSError when unreadable."""
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as file:
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
        info = os.fstat(descriptor)
        if info.st_size > max_bytes:
            raise TooLarge(info.st_size)
        data = file.read() if stat.S_ISREG(info.st_mode) else file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(None)
    return data
