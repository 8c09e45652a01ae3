"""Write files so an earlier file is never lost and a reader never sees half of one.

Every file pakru writes goes through :func:`write_file`: the content goes into a
temporary file in the same folder, is flushed and synced to disk, and only then
replaces the target with :func:`os.replace` (one atomic rename). A failure at any
point (an encoding error, a full disk, an interrupt) leaves the earlier file whole and
removes the temporary one. A symbolic link (or anything but a regular file) at the
target is refused, so an export never writes through a link into another file.
:func:`folder_lock` lets one export at a time write into a folder, across threads and
processes.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from pakru.errors import DataError, QueryError

__all__ = ["folder_lock", "write_bytes", "write_file", "write_text"]

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _thread_lock(folder: Path) -> threading.Lock:
    key = os.path.realpath(folder)
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder for one writer: other threads and processes wait their turn.

    Within a process a lock per folder; across processes (where the system has
    ``flock``) an advisory lock on the folder itself, so no lock file is left behind.
    """
    with _thread_lock(folder):
        try:
            import fcntl  # noqa: PLC0415 - POSIX only
        except ImportError:  # pragma: no cover - Windows: the lock within a process only
            yield
            return
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _check_target(path: Path) -> int:
    """The mode to give the new file; refuse a link or a non-regular file at ``path``."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return 0o644
    if stat.S_ISLNK(info.st_mode):
        raise QueryError(
            f"{path} is a symbolic link; pakru does not write through links: "
            "remove it or write into another folder"
        )
    if not stat.S_ISREG(info.st_mode):
        raise QueryError(
            f"{path} exists and is not a regular file; remove it or write into another folder"
        )
    return stat.S_IMODE(info.st_mode)


def write_file(path: Path, fill: Callable[[IO[bytes]], object]) -> Path:
    """Write ``path`` atomically: ``fill`` writes the content into a binary file.

    The target is replaced only once ``fill`` has returned and the content is on disk.
    """
    path = Path(path)
    mode = _check_target(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.chmod(mode)
        _check_target(path)  # a link made while the content was written is refused too
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return write_file(path, lambda fh: fh.write(data))


def write_text(path: Path, text: str) -> Path:
    """Encode ``text`` as UTF-8 (before anything is touched), then write it atomically."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DataError.single(
            str(path),
            None,
            "",
            f"cannot be written: text holds {exc.object[exc.start : exc.end]!r}, "
            "which is not a Unicode character (a lone surrogate); nothing was written",
        ) from None
    return write_bytes(path, data)
