"""Load a user's own data (any document of :mod:`pakru.loader.documents`), alone or as an overlay.

The result is a :class:`~pakru.collection.Dataset` with the same queries as the shipped
one. Loaded over a base dataset (an *overlay*) the user's records may refer to the
base's actors and sources, and a record marked ``correction: true`` replaces the base
record with its id; the base dataset itself never changes.

Everything is validated as the shipped data is, and every problem is reported at once
in one :class:`~pakru.errors.DataError`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pakru.collection import Dataset
from pakru.errors import DataError, Problem, QueryTypeError
from pakru.linedict import LineDict, short
from pakru.loader.checks import Located, check_references
from pakru.loader.documents import Found, read_path
from pakru.loader.manifest import NO_LICENSE, Manifest
from pakru.loader.tree import finish_dataset
from pakru.rules import KINDS

__all__ = ["CORRECTION", "load"]

#: The field that marks a record of an overlay as a correction of the base record.
CORRECTION = "correction"


class _Corrections:
    """Collects the ``correction`` markers of records before they are validated."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        #: (kind, id) -> (file, line) of each record marked as a correction
        self.marked: dict[tuple[str, str], tuple[str, int]] = {}

    def __call__(self, kind: str, item: LineDict, file: str) -> None:
        if CORRECTION not in item:
            return
        line = item.line_of(CORRECTION)
        flag = item.pop(CORRECTION)
        ident = item.get("id")
        if flag is not True:
            field = f"{ident}.{CORRECTION}" if isinstance(ident, str) else CORRECTION
            self.problems.append(
                Problem(file, line, field, f"expected true (or no such field), got {short(flag)}")
            )
        elif isinstance(ident, str):
            self.marked[kind, ident] = (file, line)


def load(path: str | os.PathLike[str], *, base: Dataset | None = None) -> Dataset:
    """Load and validate the data at ``path``; with ``base``, as an overlay on it.

    ``path`` is a folder in the shipped layout (``actors.yaml``, ``sources.yaml``,
    ``events.yaml`` and/or YAML files in ``events/``, ``actors/``, ``sources/``; a
    ``manifest.json`` is optional and checked when present), one YAML file with the
    top-level keys ``events``, ``actors``, ``sources`` (and optionally ``pakru`` with
    ``data_version`` and ``license``), or a pakru ``json``, ``jsonl`` or ``datapackage``
    export (the file, or the folder that holds it). A folder that holds none of these is
    an error (see :func:`pakru.loader.documents.what_path_holds`).

    With ``base`` (for example ``pakru.dataset()``) the result holds the base's records
    and the user's: user records may refer to base actors and sources; reusing a base id
    is an error unless the record says ``correction: true``, and then it replaces the
    base record in the result only. Raises :class:`DataError` listing every problem.
    """
    if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
        raise QueryTypeError(f"path: expected a str or path-like object, got {type(path).__name__}")
    if base is not None and not isinstance(base, Dataset):
        raise QueryTypeError(f"base: expected a pakru Dataset, got {type(base).__name__}")
    label = str(os.fspath(path))
    where = Path(label)
    problems: list[Problem] = []
    corrections = _Corrections(problems)
    try:
        found, manifest, releases = read_path(where, label, problems, corrections)
    except OSError as exc:
        raise DataError.single(label, None, "", f"cannot read: {exc.strerror or exc}") from None
    if base is None:
        return _standalone(
            found,
            manifest,
            problems=problems,
            corrections=corrections,
            label=label,
            releases=releases,
        )
    return _overlay(base, found, manifest, problems=problems, corrections=corrections, label=label)


def _standalone(
    found: Found,
    manifest: Manifest,
    *,
    problems: list[Problem],
    corrections: _Corrections,
    label: str,
    releases: Any,
) -> Dataset:
    for (_kind, ident), (file, line) in sorted(corrections.marked.items()):
        problems.append(
            Problem(
                file,
                line,
                f"{ident}.{CORRECTION}",
                "only data loaded over a base dataset can correct a record; "
                "use pakru.load(PATH, base=pakru.dataset())",
            )
        )
    return finish_dataset(found, manifest, problems, label, releases)


def _overlay(
    base: Dataset,
    found: Found,
    manifest: Manifest,
    *,
    problems: list[Problem],
    corrections: _Corrections,
    label: str,
) -> Dataset:
    current: dict[str, dict[str, Any]] = {
        "events": {e.id: e for e in base},
        "actors": {a.id: a for a in base.actors()},
        "sources": {s.id: s for s in base.sources()},
    }
    merged: dict[str, list[Located]] = {}
    for kind, singular in KINDS.items():
        replaced: set[str] = set()
        added: list[Located] = []
        for item in found[kind]:
            ident = item.record.id
            marked = (kind, ident) in corrections.marked
            if ident in current[kind] and not marked:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{ident}.id",
                        f"{base.label} already has this {singular} id; choose a new "
                        f"id, or add '{CORRECTION}: true' to replace that record",
                    )
                )
                continue
            if marked and ident not in current[kind]:
                file, line = corrections.marked[kind, ident]
                problems.append(
                    Problem(
                        file,
                        line,
                        f"{ident}.{CORRECTION}",
                        f"{base.label} has no {singular} {ident!r} to correct",
                    )
                )
            stone = base.tombstone(singular, ident)
            if stone is not None and ident not in current[kind]:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        f"{ident}.id",
                        f"this {singular} id was retired in data {stone.retired_in}; "
                        "a released id never changes meaning, so choose a new id",
                    )
                )
            if marked:
                replaced.add(ident)
            added.append(item)
        merged[kind] = [
            Located(record, base.label, None)
            for ident, record in current[kind].items()
            if ident not in replaced
        ] + added
    check_references(merged["events"], merged["actors"], merged["sources"], problems)
    if problems:
        raise DataError(problems)
    licence = (
        base.license
        if manifest.license in (base.license, NO_LICENSE)
        else (f"{base.license} AND {manifest.license}")
    )
    return Dataset(
        events=[x.record for x in merged["events"]],  # type: ignore[misc]
        actors=[x.record for x in merged["actors"]],  # type: ignore[misc]
        sources=[x.record for x in merged["sources"]],  # type: ignore[misc]
        data_version=base.data_version,
        license=licence,
        label=f"{base.label} + {label}",
        tombstones=lambda: base.retired,  # ids retired in the base stay resolvable
    )
