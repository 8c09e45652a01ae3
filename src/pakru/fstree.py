"""A data folder on the file system, read with ``os`` alone.

``importlib.resources`` finds pakru's data wherever the package lives (a folder, a zip
file, another importer), but importing it (and ``pathlib``, ``zipfile``, ``tempfile`` and
more behind it) costs more than reading the data. When the package is a plain folder,
the loader reads it through :class:`FolderTree` instead; any other layout still goes
through ``importlib.resources``.
"""

from __future__ import annotations

import os
from typing import IO, Any

__all__ = ["FolderTree", "package_folder"]


class FolderTree:
    """The part of ``importlib.resources.abc.Traversable`` the loader uses, over ``os``."""

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    def __repr__(self) -> str:
        return f"FolderTree({self._path!r})"

    def __str__(self) -> str:
        return self._path

    def __fspath__(self) -> str:
        return self._path

    @property
    def name(self) -> str:
        """The last part of the path."""
        return os.path.basename(self._path)  # noqa: PTH119

    def iterdir(self) -> list[FolderTree]:
        """The entries of the folder."""
        return [FolderTree(os.path.join(self._path, n)) for n in os.listdir(self._path)]  # noqa: PTH118, PTH208

    def is_file(self) -> bool:
        """Whether this is a file."""
        return os.path.isfile(self._path)  # noqa: PTH113

    def is_dir(self) -> bool:
        """Whether this is a folder."""
        return os.path.isdir(self._path)  # noqa: PTH112

    def joinpath(self, child: str) -> FolderTree:
        """The entry ``child`` of this folder."""
        return FolderTree(os.path.join(self._path, child))  # noqa: PTH118

    def open(self, mode: str = "r", encoding: str | None = None) -> IO[Any]:
        """The file, opened as :func:`open` would open it."""
        return open(self._path, mode, encoding=encoding)  # noqa: PTH123

    def read_bytes(self) -> bytes:
        """The content of the file."""
        with open(self._path, "rb") as fh:  # noqa: PTH123
            return fh.read()


def package_folder(origin: str | None, child: str) -> FolderTree | None:
    """The folder ``child`` beside a package's ``__init__`` file, if it is a plain folder."""
    if not origin:
        return None
    folder = os.path.join(os.path.dirname(origin), child)  # noqa: PTH118, PTH120
    return FolderTree(folder) if os.path.isdir(folder) else None  # noqa: PTH112
