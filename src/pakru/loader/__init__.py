"""Loading: from files to a validated :class:`~pakru.collection.Dataset`.

Modules, bottom up:

``files``
    bounded reading of data files, UTF-8 decoding, the files of a data folder
``manifest``
    the data version, licence and SHA-256 of every data file
``yamlsafe``, ``jsonsafe``
    YAML and JSON parsers that keep line numbers and bound depth, size and numbers
``records``
    one record from a parsed mapping, every field checked (the YAML readers)
``checks``
    the checks between records (references, succession, duplicates)
``compiled``
    the validated records as one JSON document, made when a wheel is built
``tree``
    a data folder: manifest, compiled records or YAML, checks, then the Dataset
``documents``
    whole-dataset documents read back: one YAML file, a ``json`` or ``jsonl`` export,
    a data package, and the rule for what a path holds
``userdata``
    ``load``: a user's data, alone or as an overlay on a base dataset (``pakru.load``)

This package also owns the shipped dataset: :func:`shipped` loads it once, thread-safely;
:func:`or_shipped` is the one way any module defaults to it; :func:`clear_cache` drops it.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from pakru.loader.files import Folder
from pakru.loader.tree import load_tree
from pakru.rules import RELEASES

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.loader.files import Tree

__all__ = ["clear_cache", "load_tree", "or_shipped", "package_data", "shipped"]

_lock = threading.Lock()
_shipped: Dataset | None = None


def _after_fork_in_child() -> None:
    """A child forked while another thread loaded the data gets a fresh, free lock.

    The thread that held the lock does not exist in the child, so the lock would never
    be released; the dataset already loaded (if any) stays shared.
    """
    global _lock  # noqa: PLW0603
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def package_data() -> Tree:
    """The packaged data folder (a wheel, an editable install or a zip archive).

    A package installed as files needs no resource machinery: its folder is a path
    (a :class:`~pakru.loader.files.Folder`).
    Anything else (a zip archive) is found through ``importlib.resources``.
    """
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # noqa: PTH100, PTH120
    if os.path.isdir(os.path.join(here, "data")):  # noqa: PTH112, PTH118
        return Folder(os.path.join(here, "data"))  # noqa: PTH118
    return _resource_data()  # pragma: no cover - zip imports


def _resource_data() -> Tree:  # pragma: no cover - zip imports
    """The data folder through ``importlib.resources`` (the backport before Python 3.12)."""
    if sys.version_info >= (3, 12):
        from importlib.resources import files  # noqa: PLC0415

        return files("pakru").joinpath("data")
    try:
        from importlib_resources import files as backport_files  # noqa: PLC0415
    except ImportError:
        from importlib.resources import files as std_files  # noqa: PLC0415

        return std_files("pakru").joinpath("data")
    return backport_files("pakru").joinpath("data")


def shipped() -> Dataset:
    """The dataset packaged with pakru, loaded and validated once, thread-safely."""
    global _shipped  # noqa: PLW0603
    loaded = _shipped
    if loaded is not None:
        return loaded
    with _lock:
        if _shipped is None:
            from pakru._version import DATA_VERSION  # noqa: PLC0415

            data = package_data()
            _shipped = load_tree(
                data,
                "pakru/data",
                expect_version=DATA_VERSION,
                releases=data.joinpath(RELEASES),  # read only when a retired id is asked for
            )
        return _shipped


def or_shipped(data: Dataset | None) -> Dataset:
    """``data``, or the shipped dataset when it is None: every default goes through here."""
    return shipped() if data is None else data


def clear_cache() -> None:
    """Forget the loaded shipped dataset; the next query loads and validates it again.

    For tests and long-running services that replace the installed data. Datasets and
    records already handed out stay valid.
    """
    global _shipped  # noqa: PLW0603
    with _lock:
        _shipped = None
