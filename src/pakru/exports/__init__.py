"""Outputs: pakru's records in the formats other tools read.

``selection``
    what an export holds: a whole dataset, or events with the actors and sources they name
``writers``
    one writer per format (:data:`FORMATS`) and :func:`export`
``frames``
    tables as pandas DataFrames and Arrow tables (the ``pandas`` and ``arrow`` extras)

A new export format is one writer function in :mod:`pakru.exports.writers`, added to its
table of writers (and so to :data:`FORMATS`, which the ``pakru export`` command offers).
Exports are read back by :func:`pakru.load` (:mod:`pakru.loader.documents`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from pakru.errors import QueryError, QueryTypeError
from pakru.exports.writers import FORMATS, export

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.exports.selection import Selection, select

__all__ = ["FORMATS", "Selection", "export", "read_export", "select"]


def read_export(path: str | os.PathLike[str]) -> Dataset:
    """The dataset in a ``json``, ``jsonl`` or ``datapackage`` export: :func:`pakru.load`.

    Kept for code written against earlier versions; ``pakru.load`` reads the same paths
    (the file, or the folder holding it) with the same rule, and data folders too. A
    folder given here must hold an export.
    """
    from pakru.loader.documents import EXPORT_FILES  # noqa: PLC0415
    from pakru.loader.userdata import load  # noqa: PLC0415

    if not isinstance(path, (str, os.PathLike)):
        raise QueryTypeError(f"read_export: expected a path, got {type(path).__name__}")
    target = Path(path)
    if target.is_dir() and not any((target / name).is_file() for name in EXPORT_FILES):
        raise QueryError(f"read_export: {target} holds no {', '.join(EXPORT_FILES)}")
    return load(target)


def __getattr__(name: str) -> object:
    if name in ("Selection", "select"):  # imported on first use: they load the loader
        from pakru.exports import selection  # noqa: PLC0415

        return getattr(selection, name)
    raise AttributeError(f"module 'pakru.exports' has no attribute {name!r}")
