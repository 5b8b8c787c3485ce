"""Folders and files of this user's own, for the cache: anything another user could have
written is never read, and never written over.

A folder or file that another user owns, or that group or others may write to (the secret
key: nor read), raises Untrusted, whose message says so in one line; it is left as it is, for
its owner to look at. Only regular files are read, opened without following a symbolic link
and without blocking: a FIFO or a link planted at a file's name is never read. A folder made
here is private (0700) whatever the umask. Where there are no POSIX owners and modes
(Windows), only the kind of file is checked.

A file is written whole or not at all: into a temporary file, then renamed over it. Ctrl-C
removes the temporary file; one left by a writer killed outright is removed by a later writer.
"""

from __future__ import annotations

import mmap
import os
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

KEY_NAME = "key"
KEY_BYTES = 32
TEMPORARY = ".tmp"  # the suffix of every temporary file, so that a later writer can find them
ABANDONED_NS = 60 * 1_000_000_000  # a writer writes from memory in one go: a minute untouched means it was killed
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_OWNERS = hasattr(os, "geteuid")


class Untrusted(Exception):
    """A folder or file someone else could have written."""


def folder(path: Path, create: bool = False) -> bool:
    """Whether `path` is a folder of this user's own; with `create`, it is made if there is none,
    and so are its missing parents, all private. Raises Untrusted for a folder another user owns
    or may write to."""
    if create:
        for missing in reversed([p for p in (path, *path.parents) if not p.exists()]):
            try:
                missing.mkdir(mode=0o700)
                os.chmod(missing, 0o700)  # mkdir's mode is masked by the umask: 0700 at most, and maybe less
            except FileExistsError:
                pass
    try:
        info = os.stat(path)
    except OSError:  # missing, or a path through a file
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    _check(info, path, "cache folder", 0o022)
    return True


@contextmanager
def _checked(path: Path, what: str, not_by: int) -> Iterator[tuple[int, os.stat_result] | None]:
    """A regular file opened, and checked as _check does, closed after use; None when there is
    none."""
    opened = _open(path)
    if opened is None:
        yield None
        return
    try:
        _check(opened[1], path, what, not_by)
        yield opened
    finally:
        os.close(opened[0])


def read(path: Path) -> mmap.mmap | None:
    """The file, mapped read-only; None when there is none (missing, a link, empty, or not a
    regular file). Raises Untrusted for a file another user owns or may write to."""
    with _checked(path, "cache file", 0o022) as opened:
        if opened is None:
            return None
        descriptor, info = opened
        return mmap.mmap(descriptor, 0, access=mmap.ACCESS_READ) if info.st_size else None


def secret(folder: Path) -> bytes | None:
    """This user's secret key, kept in `folder` (checked first with folder()), which the cache
    signs its files with; None when there is none yet. Raises Untrusted for a key another user
    owns, or may read or write."""
    path = folder / KEY_NAME
    with _checked(path, "cache key", 0o077) as opened:
        if opened is None:
            return None
        key = os.read(opened[0], KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def new_secret(folder: Path) -> bytes:
    """A new secret key, in place of any other: the cache files signed with that one are
    rebuilt. Raises OSError."""
    key = os.urandom(KEY_BYTES)
    write(folder / KEY_NAME, [key])
    return key


def write(path: Path, parts: Iterable[bytes]) -> None:
    """Replace `path` with `parts`, all of them or nothing: a reader never sees half a file.
    The file is this user's alone (0600). Raises OSError."""
    temporary = path.with_name(f"{path.name}.{os.urandom(6).hex()}{TEMPORARY}")
    descriptor = os.open(temporary, _CREATE, 0o600)
    try:
        with open(descriptor, "wb") as file:
            for part in parts:
                file.write(part)
        os.replace(temporary, path)
    except BaseException:  # Ctrl-C too
        _remove(temporary)
        raise


def clean(folder: Path) -> None:
    """Remove the temporary files of writers killed while writing, untouched for ABANDONED_NS."""
    limit = time.time_ns() - ABANDONED_NS
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(TEMPORARY) and entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime_ns < limit:
                    _remove(entry.path)
    except OSError:  # no folder: nothing to clean
        pass


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _open(path: Path) -> tuple[int, os.stat_result] | None:
    """A regular file, opened for reading, and its status; None for anything else."""
    try:
        descriptor = os.open(path, _READ)
    except OSError:  # missing, unreadable, or a symbolic link
        return None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        return None
    return descriptor, info


def _check(info: os.stat_result, path: Path, what: str, others: int) -> None:
    """Raise Untrusted unless this user owns it, and none of the `others` mode bits are set."""
    if not _OWNERS:
        return
    if info.st_uid != os.geteuid():
        raise Untrusted(f"{path}: {what} belongs to another user (uid {info.st_uid}): ignored")
    if info.st_mode & others:
        can = "read or written" if others & 0o044 else "written"
        raise Untrusted(f"{path}: {what} can be {can} by other users (mode {stat.S_IMODE(info.st_mode):04o}): ignored")
