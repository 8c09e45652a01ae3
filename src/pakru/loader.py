"""Load a pakru data directory: check the manifest, parse, validate, then index.

Nothing is returned unless everything is valid: any problem raises one
:class:`~pakru.errors.DataError` that lists them all.
"""

from __future__ import annotations

import gc
import sys
import threading
from typing import TYPE_CHECKING

from pakru.checks import Located, check_references
from pakru.compiled import COMPILED, read_compiled
from pakru.dataset import Dataset
from pakru.errors import DataError, Problem
from pakru.fstree import package_folder
from pakru.linedict import LineDict, LineList, short
from pakru.manifest import DATA_DIRS, Tree, data_files, read_manifest

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pakru.model import Actor, Event, Source

__all__ = ["load_tree", "shipped"]


def _kind(path: str) -> str | None:
    """The kind of records a data file holds, from its name or folder."""
    folder, _, name = path.rpartition("/")
    if folder:
        return folder if folder in DATA_DIRS else None
    return {"actors.yaml": "actors", "sources.yaml": "sources", "events.yaml": "events"}.get(name)


def load_tree(
    root: Tree, label: str, *, expect_version: str | None = None, compiled: bool = True
) -> Dataset:
    """Load and validate the data directory ``root``; ``label`` prefixes file names.

    With ``compiled=True`` the records of a ``compiled.json`` made from exactly these
    files (same SHA-256 for each) are used instead of parsing the YAML.

    The cyclic garbage collector is paused while the records are built: they hold no
    cycles, and its passes over the growing heap made loading grow faster than the data
    (twice as slow at 100 times the shipped size).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _load_tree(root, label, expect_version=expect_version, compiled=compiled)
    finally:
        if paused:
            gc.enable()


def _load_tree(root: Tree, label: str, *, expect_version: str | None, compiled: bool) -> Dataset:
    files = data_files(root)
    manifest = read_manifest(root, files, label)
    problems: list[Problem] = []
    if expect_version is not None and manifest.data_version != expect_version:
        problems.append(
            Problem(
                f"{label}/manifest.json",
                None,
                "data_version",
                f"is {manifest.data_version!r} but this pakru expects "
                f"{expect_version!r}; reinstall pakru",
            )
        )
    found: dict[str, list[Located]] | None = None
    entry = root.joinpath(COMPILED)
    if compiled and entry.is_file():
        name = f"{label}/{COMPILED}"
        ready = read_compiled(entry.read_bytes(), name)
        if dict(ready.files) == dict(manifest.files):
            found = {
                "events": [Located(r, name, None) for r in ready.events],
                "actors": [Located(r, name, None) for r in ready.actors],
                "sources": [Located(r, name, None) for r in ready.sources],
            }
    if found is None:
        found = _from_yaml(files, label, problems)
    check_references(found["events"], found["actors"], found["sources"], problems)
    if problems:
        raise DataError(problems)
    return Dataset(
        events=[x.record for x in found["events"]],  # type: ignore[misc]
        actors=[x.record for x in found["actors"]],  # type: ignore[misc]
        sources=[x.record for x in found["sources"]],  # type: ignore[misc]
        data_version=manifest.data_version,
        digest=manifest.digest,
        license=manifest.license,
        label=label,
    )


def _from_yaml(
    files: Mapping[str, bytes], label: str, problems: list[Problem]
) -> dict[str, list[Located]]:
    """Parse and validate every YAML data file, adding problems instead of raising."""
    from pakru.records import (  # noqa: PLC0415 - compiled data needs no record readers
        actor_from_mapping,
        event_from_mapping,
        source_from_mapping,
    )
    from pakru.yamlsafe import load_yaml  # noqa: PLC0415 - YAML only when needed

    builders: dict[str, Callable[[LineDict, str, list[Problem]], Event | Actor | Source | None]]
    builders = {
        "events": event_from_mapping,
        "actors": actor_from_mapping,
        "sources": source_from_mapping,
    }
    found: dict[str, list[Located]] = {"events": [], "actors": [], "sources": []}
    for path in sorted(files):
        kind = _kind(path)
        name = f"{label}/{path}"
        if kind is None:
            problems.append(
                Problem(
                    name,
                    None,
                    "",
                    "unexpected data file; expected actors.yaml, sources.yaml, events.yaml "
                    "or a YAML file in events/, actors/ or sources/",
                )
            )
            continue
        try:
            doc = load_yaml(files[path], name)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if doc is None:
            continue
        if not isinstance(doc, list):
            problems.append(
                Problem(name, 1, "", f"expected a list of {kind}, got {type(doc).__name__}")
            )
            continue
        for i, item in enumerate(doc):
            if not isinstance(item, LineDict):
                line = doc.line_of(i) if isinstance(doc, LineList) else None
                problems.append(
                    Problem(name, line, f"[{i}]", f"expected a mapping, got {short(item)}")
                )
                continue
            record = builders[kind](item, name, problems)
            if record is not None:
                found[kind].append(Located(record, name, item.line))
    return found


_lock = threading.Lock()
_shipped: Dataset | None = None


def _package_data() -> Tree:
    """The packaged data folder, found through importlib.resources (wheel, editable, zip).

    Python 3.12's standard library has the complete ``files()`` API; older versions use
    the ``importlib-resources`` backport that pakru depends on there. When the package is
    a plain folder (the usual install) the data is read with ``os`` alone, which spares
    the first query the import of ``importlib.resources`` and what it pulls in.
    """
    folder = package_folder(None if __spec__ is None else __spec__.origin, "data")
    if folder is not None:
        return folder
    if sys.version_info >= (3, 12):
        from importlib.resources import files  # noqa: PLC0415

        return files("pakru").joinpath("data")
    try:  # pragma: no cover - depends on the interpreter
        from importlib_resources import files as backport_files  # noqa: PLC0415
    except ImportError:  # pragma: no cover
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

            _shipped = load_tree(_package_data(), "pakru/data", expect_version=DATA_VERSION)
        return _shipped
