"""Reading a file that someone else wrote, within a size limit, and telling its versions apart;
decoding it as UTF-8, and naming it in a message. Each is written here once, so that every
file factcheck reads is refused, and named, in the same words.

A FIFO nobody writes to reads as empty instead of hanging, and a link to /dev/zero is cut off
at the limit instead of being swallowed; a regular file over the limit is refused before a
byte is read.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import time
from pathlib import Path
from typing import NamedTuple

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only: elsewhere a FIFO is not a worry
_TRUST_STAMPS = os.name == "posix"  # elsewhere, ctime is the creation time: no sign of a change
SETTLED_NS = 2_000_000_000  # a file changed more recently than this may change again within the same time stamp

Stamp = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device
_LINE_BREAK = re.compile(rb"\r\n?|\n")


class NotUTF8(ValueError):
    """Bytes that are not UTF-8 text. The message names the first bad byte and its offset in
    the bytes given (a byte order mark counted), so that a hex editor finds it."""

    def __init__(self, data: bytes, offset: int):
        self.offset = offset
        self.line = len(_LINE_BREAK.findall(data, 0, offset)) + 1
        self.detail = f"invalid byte 0x{data[offset]:02x} at offset {offset}"
        super().__init__(f"not UTF-8 text ({self.detail})")

    def with_line(self) -> str:
        """The message with the line too, for a file a person edits in a text editor."""
        return f"not UTF-8 text ({self.detail}, line {self.line})"


def decode_utf8(data: bytes) -> str:
    """The text, without a leading byte order mark; NotUTF8 when it is not UTF-8."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUTF8(data, bom + error.start) from None


def shown_path(path: Path, base: Path) -> str:
    """How a message names a file: relative to `base` when it is inside it, else as given."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


class TooLarge(Exception):
    """The file holds more than the limit; `size` is its size when known before reading."""

    def __init__(self, size: int | None):
        super().__init__(size)
        self.size = size


class Version(NamedTuple):
    """Which version of a file some bytes were: the hash of those very bytes, and the file's
    stamp, taken before and after they were read (None when it changed meanwhile, or for
    anything but a regular file). A named tuple: a cache keeps one for each source, and every
    check reads them all (the 5,475 of 300,000 entries unpickle in 4 ms, as dataclasses in 6)."""

    digest: bytes
    stamp: Stamp | None
    taken: int  # time.time_ns() just before the stamp was taken


def read_bounded(path: str | os.PathLike, max_bytes: int) -> bytes:
    """At most `max_bytes` of a file; raises TooLarge beyond that, OSError when unreadable."""
    return _read(path, max_bytes)[0]


def read_version(path: str | os.PathLike, max_bytes: int) -> tuple[bytes, Version]:
    """What read_bounded reads, and which version of the file it is."""
    taken = time.time_ns()
    data, before, after = _read(path, max_bytes)
    stamp = _stamp(before) if stat.S_ISREG(before.st_mode) and _stamp(after) == _stamp(before) else None
    return data, Version(hashlib.sha256(data).digest(), stamp, taken)


def unchanged(path: str | os.PathLike, version: Version | None, max_bytes: int) -> bool:
    """Whether the file is still `version` (None: it could not be read, and still cannot).

    A file whose stamp is the one recorded, and whose times were already SETTLED_NS old when it
    was recorded, is not read again (as git does): any write since would have moved its ctime,
    which no one can set back. Hashing the 90 MB of a 100,000-entry claims file and its sources
    would take longer than the check itself. Any other file is read and hashed again."""
    if version is not None and _stamp_trusted(version) and _TRUST_STAMPS:
        try:
            if _stamp(os.stat(path)) == version.stamp:
                return True
        except OSError:
            return False
    try:
        data = read_bounded(path, max_bytes)
    except (OSError, TooLarge):
        return version is None
    return version is not None and hashlib.sha256(data).digest() == version.digest


def settled(path: str | os.PathLike, version: Version, max_bytes: int) -> Version:
    """`version`, with a stamp that later runs can trust. A file read within SETTLED_NS of its
    last change is read and hashed again now (as a build ends): if it still holds the bytes
    read, its stamp now stands for them. A claims file saved just before a check is then not
    hashed again by every later check."""
    if _stamp_trusted(version):
        return version
    try:
        again = read_version(path, max_bytes)[1]
    except (OSError, TooLarge):
        return version
    return again if again.digest == version.digest else version


def _read(path: str | os.PathLike, max_bytes: int) -> tuple[bytes, os.stat_result, os.stat_result]:
    """The bytes, and the file's status before and after they were read."""
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as file:
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
        before = os.fstat(descriptor)
        if before.st_size > max_bytes:
            raise TooLarge(before.st_size)
        data = file.read() if stat.S_ISREG(before.st_mode) else file.read(max_bytes + 1)
        after = os.fstat(descriptor)
    if len(data) > max_bytes:
        raise TooLarge(None)
    return data, before, after


def _stamp_trusted(version: Version) -> bool:
    """Whether the file's times were already SETTLED_NS old when its stamp was taken."""
    return version.stamp is not None and max(version.stamp[1:3]) < version.taken - SETTLED_NS


def _stamp(info: os.stat_result) -> Stamp:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev
