"""Reading data files: bounded in size, decoded as UTF-8, and found in a data folder.

Every reader of pakru data (YAML, JSON, CSV of a data package, the manifest and the
compiled records) gets its bytes and text here, so the same limits hold for all of them.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Protocol

from pakru.errors import DataError, Problem
from pakru.fileio import read_regular
from pakru.linedict import short
from pakru.rules import DATA_DIRS, FINGERPRINTS, MAX_FILE_BYTES, RELEASES

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DATA_DIRS",
    "MAX_FILE_BYTES",
    "DataFiles",
    "Folder",
    "Tree",
    "contained",
    "data_files",
    "decode_text",
    "read_bounded",
]


class Tree(Protocol):
    """The part of ``importlib.resources.abc.Traversable`` pakru uses (a Path fits too)."""

    @property
    def name(self) -> str:
        """The last part of the path."""

    def iterdir(self) -> Any:
        """The entries of this folder."""

    def is_file(self) -> bool:
        """Whether this is a file."""

    def is_dir(self) -> bool:
        """Whether this is a folder."""

    def joinpath(self, child: str) -> Any:
        """The entry ``child`` inside this folder."""

    def read_bytes(self) -> bytes:
        """The whole content of this file."""


class Folder:
    """A file or folder on disk by its path: a :class:`Tree` for an installed package.

    It does with :mod:`os` what a :class:`pathlib.Path` would, so the first query of an
    installed pakru imports neither pathlib nor importlib.resources.
    """

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return self._path

    def __str__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"Folder({self._path!r})"

    def __truediv__(self, child: str) -> Folder:
        return self.joinpath(child)

    @property
    def name(self) -> str:
        """The last part of the path."""
        return os.path.basename(self._path)  # noqa: PTH119

    def iterdir(self) -> Iterator[Folder]:
        """The entries of this folder."""
        names = sorted(os.listdir(self._path))  # noqa: PTH208
        return (self.joinpath(name) for name in names)

    def is_file(self) -> bool:
        """Whether this is a file."""
        return os.path.isfile(self._path)  # noqa: PTH113

    def is_dir(self) -> bool:
        """Whether this is a folder."""
        return os.path.isdir(self._path)  # noqa: PTH112

    def joinpath(self, child: str) -> Folder:
        """The entry ``child`` inside this folder."""
        return Folder(os.path.join(self._path, child))  # noqa: PTH118

    def open(self, mode: str = "rb") -> IO[Any]:
        """The file, opened for reading (binary by default)."""
        if "b" in mode:
            return open(self._path, mode)  # noqa: PTH123
        return open(self._path, mode, encoding="utf-8")  # noqa: PTH123

    def read_bytes(self) -> bytes:
        """The whole content of this file."""
        with self.open("rb") as stream:
            data: bytes = stream.read()
        return data

    def read_text(self, encoding: str = "utf-8") -> str:
        """The whole content of this file as text."""
        return self.read_bytes().decode(encoding)


def read_bounded(entry: Any) -> bytes:
    """The bytes of a file (a Path or a Traversable), at most one past :data:`MAX_FILE_BYTES`.

    A file that is too large is then refused by the parser without being read whole;
    anything but a regular file is a :class:`DataError` (:func:`pakru.fileio.read_regular`).
    """
    if isinstance(entry, (str, os.PathLike)):  # a file on disk: a regular file only
        return read_regular(entry, MAX_FILE_BYTES + 1)
    with entry.open("rb") as stream:
        data: bytes = stream.read(MAX_FILE_BYTES + 1)
    return data


def contained(root: Path, relative: object, label: str, field: str) -> Path:
    """The file ``relative`` names inside the folder ``root``, or a :class:`DataError`.

    A path taken from data must stay inside the folder the user pointed at: an absolute
    path, a ``..`` part, a NUL character or a link that resolves outside ``root`` is
    refused as not safe, and nothing is read from it.
    """
    text = relative if isinstance(relative, str) else ""
    parts = text.replace("\\", "/").split("/")
    unsafe = (
        not text
        or "\0" in text
        or os.path.isabs(text)  # noqa: PTH117
        or text.startswith(("/", "\\"))
        or ".." in parts
        or ":" in parts[0]
    )
    if not unsafe:
        base = os.path.realpath(root)
        target = os.path.realpath(os.path.join(base, text))  # noqa: PTH118
        unsafe = os.path.commonpath([base, target]) != base
    if unsafe:
        raise DataError.single(
            label,
            None,
            field,
            f"{short(relative)} is not a safe path: expected a file name inside the folder "
            "of the descriptor (no absolute path, no '..', no link out of the folder)",
        )
    return root / text


def decode_text(data: bytes, file: str) -> str:
    """A data file's bytes as text: bounded in size, UTF-8, a leading BOM dropped.

    Any failure is a :class:`DataError` naming the file (and the line of a bad byte).
    """
    if len(data) > MAX_FILE_BYTES:
        raise DataError.single(file, None, "", f"file is larger than {MAX_FILE_BYTES} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError.single(file, line, "", f"not UTF-8 text ({exc.reason})") from None


#: What a data folder may hold besides its data files; anything else in it is named.
_FOLDER_ACCEPTS = (
    "*.yaml files, the folders events/, actors/ and sources/ of *.yaml files, "
    "manifest.json, compiled.json, fingerprints.json and releases/"
)


def _entry_problem(entry: Any, inside: str | None) -> str | None:
    """Why ``entry`` of a data folder (or of its folder ``inside``) is not read, if it should be."""
    name = str(entry.name)
    if name.startswith((".", "__")):
        return None  # hidden files and caches
    lower = name.lower()
    if entry.is_dir():
        if inside is not None:
            return "is a folder inside a data folder's folder; pakru reads no deeper"
        if name in (*DATA_DIRS, RELEASES):
            return None
        if lower in DATA_DIRS or lower.rstrip("s") + "s" in DATA_DIRS:
            return f"is not a data folder; did you mean {lower.rstrip('s') + 's'}/?"
        return None  # another folder (documentation, say) is not data
    if lower.endswith((".yaml", ".yml")) and not name.endswith((".yaml", ".yml")):
        return "has an upper-case suffix; name it with .yaml so pakru reads it"
    if inside is not None and not name.endswith((".yaml", ".yml")):
        return "is not a .yaml file, so pakru does not read it"
    return None


class DataFiles(Mapping[str, bytes]):
    """The data files of a folder by relative path, each read only when it is looked up.

    Nothing is held: the loader hashes one file, parses one file, and lets its bytes go
    before it reads the next, so a folder of many large files never sits in memory at
    once. A file read twice (hashed against the manifest, then parsed) must give the same
    bytes both times; a file changed in between is a :class:`DataError`, so what is
    parsed is always what was checked.
    """

    __slots__ = ("_entries", "_lock", "_seen")

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = dict(entries)
        self._seen: dict[str, str] = {}
        self._lock = threading.Lock()

    def __getitem__(self, path: str) -> bytes:
        entry = self._entries[path]
        data = read_bounded(entry)
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            first = self._seen.setdefault(path, digest)
        if first != digest:
            raise DataError.single(
                str(entry),
                None,
                "",
                "changed while pakru was reading the data; load it again once nothing "
                "is writing to the folder",
            )
        return data

    def sha256(self, path: str) -> str:
        """The SHA-256 (hex) of the file at ``path``, read now and checked as above."""
        self[path]  # reads, hashes and records the digest
        return self._seen[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"DataFiles({sorted(self._entries)!r})"


def data_files(root: Tree) -> DataFiles:
    """Every data file under ``root``, keyed by its path relative to ``root``.

    The files are read when looked up (:class:`DataFiles`), one at a time. Data files
    are ``*.yaml`` at the top and in the ``events/``, ``actors/`` and ``sources/``
    folders, and the fingerprint file :data:`~pakru.rules.FINGERPRINTS`.
    An entry that looks meant as data but would not be read (``event/`` for
    ``events/``, ``a.YAML``, a folder inside ``events/``) is a :class:`DataError`
    naming it.
    """
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    for entry in sorted(root.iterdir(), key=lambda e: str(e.name)):
        why = _entry_problem(entry, None)
        if why is not None:
            problems.append(
                Problem(str(entry), None, "", f"{why} (a data folder holds {_FOLDER_ACCEPTS})")
            )
        elif entry.is_file() and (
            entry.name.endswith((".yaml", ".yml")) or entry.name == FINGERPRINTS
        ):
            found[entry.name] = entry
        elif entry.is_dir() and entry.name in DATA_DIRS:
            for child in sorted(entry.iterdir(), key=lambda e: str(e.name)):
                why = _entry_problem(child, entry.name)
                if why is not None:
                    problems.append(Problem(str(child), None, "", why))
                elif child.is_file() and child.name.endswith((".yaml", ".yml")):
                    found[f"{entry.name}/{child.name}"] = child
    if problems:
        raise DataError(problems)
    return DataFiles(found)
