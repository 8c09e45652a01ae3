"""Reading and writing files safely: only regular files read, nothing lost on a write.

:func:`read_regular` is the one way pakru opens a file it was pointed at (a data file,
an export, a release record): it opens without blocking and checks that what it opened
is a regular file, so a FIFO, a device or a folder is a :class:`DataError` naming the
path, never a hang. It reads at most a given number of bytes.

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
import threading
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING

from pakru.errors import DataError, QueryError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["folder_lock", "read_regular", "write_bytes", "write_file", "write_text"]

_NOT_REGULAR = "is not a regular file (a folder, FIFO or device); expected a data file"


def read_regular(path: str | os.PathLike[str], limit: int, label: str | None = None) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path``.

    A path that is not a regular file, holds a NUL character or cannot be read is a
    :class:`DataError` naming ``label`` (the path by default); a missing file raises
    :class:`FileNotFoundError` as :func:`open` does.
    """
    name = label if label is not None else os.fsdecode(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:
        raise DataError.single(name, None, "", "the path holds a NUL character") from None
    except IsADirectoryError:
        raise DataError.single(name, None, "", _NOT_REGULAR) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DataError.single(name, None, "", _NOT_REGULAR)
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
    import tempfile  # noqa: PLC0415 - only when writing
    from pathlib import Path  # noqa: PLC0415 - reading data never needs pathlib

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
