"""Load a user's own data: a data folder, one YAML file, or a pakru JSON export.

The result is a :class:`~pakru.collection.Dataset` with the same queries as the shipped
one. Loaded over a base dataset (an *overlay*) the user's records may refer to the
base's actors and sources, and a record marked ``correction: true`` replaces the base
record with its id; the base dataset itself never changes.

Everything is validated as the shipped data is, and every problem is reported at once
in one :class:`~pakru.errors.DataError`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pakru.checks import Located, check_references
from pakru.collection import Dataset
from pakru.errors import DataError, Problem, QueryTypeError
from pakru.linedict import LineDict, short, type_name
from pakru.loader import build_records, collect_tree, finish_dataset
from pakru.manifest import NO_LICENSE, UNVERSIONED, Manifest, read_bounded
from pakru.releases import KINDS, RELEASES, lazy_tombstones

__all__ = ["CORRECTION", "load"]

#: The field that marks a record of an overlay as a correction of the base record.
CORRECTION = "correction"
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DERIVED = ("earliest", "latest", "precision")
_ACCEPTED = (
    "a data folder, a .yaml or .yml file, or a pakru export (a .json or .jsonl file, or a "
    "data package: its datapackage.json or the folder holding it)"
)
DATAPACKAGE = "datapackage.json"


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
    ``data_version`` and ``license``), or a pakru JSON export.

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
    releases = None
    try:
        if where.is_dir() and (where / DATAPACKAGE).is_file():
            found, manifest = _from_datapackage(where / DATAPACKAGE, problems, corrections)
        elif where.is_dir():
            found, manifest, more = collect_tree(
                where, label, compiled=False, manifest_required=False, prepare=corrections
            )
            problems.extend(more)
            if (where / RELEASES).is_dir():
                releases = lazy_tombstones(where / RELEASES, f"{label}/{RELEASES}")
        elif where.is_file():
            raw = read_bounded(where)
            if where.suffix.lower() in (".yaml", ".yml"):
                found, manifest = _from_yaml_file(raw, label, problems, corrections)
            elif where.name == DATAPACKAGE:
                found, manifest = _from_datapackage(where, problems, corrections)
            elif where.suffix.lower() == ".json":
                found, manifest = _from_export(raw, label, problems, corrections)
            elif where.suffix.lower() == ".jsonl":
                found, manifest = _from_jsonl(raw, label, problems, corrections)
            else:
                raise DataError.single(label, None, "", f"not a data file; expected {_ACCEPTED}")
        else:
            raise DataError.single(label, None, "", f"no such file or folder; expected {_ACCEPTED}")
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
    found: dict[str, list[Located]],
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
    found: dict[str, list[Located]],
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
    digest = hashlib.sha256(f"{base.digest}\n{manifest.digest}\n".encode()).hexdigest()
    return Dataset(
        events=[x.record for x in merged["events"]],  # type: ignore[misc]
        actors=[x.record for x in merged["actors"]],  # type: ignore[misc]
        sources=[x.record for x in merged["sources"]],  # type: ignore[misc]
        data_version=base.data_version,
        digest=digest,
        license=licence,
        label=f"{base.label} + {label}",
        tombstones=base._tombstones,  # ids retired in the base stay resolvable
    )


def _header(
    doc: LineDict, file: str, problems: list[Problem], *, required: tuple[str, ...]
) -> tuple[str, str]:
    """The data version and licence a ``pakru`` header states (defaults when absent)."""
    header = doc.get("pakru")
    if header is None and not required:
        return UNVERSIONED, NO_LICENSE
    accepted = ("package_version", "data_version", "digest", "license")
    if not isinstance(header, LineDict):
        problems.append(
            Problem(
                file,
                doc.line_of("pakru"),
                "pakru",
                "expected a mapping with " + ", ".join(required or ("data_version", "license")),
            )
        )
        return UNVERSIONED, NO_LICENSE
    for key in header:
        if key not in accepted:
            problems.append(
                Problem(
                    file,
                    header.line_of(key),
                    f"pakru.{key}",
                    "unknown field; accepted fields are " + ", ".join(accepted),
                )
            )
    for key in required:
        if key not in header:
            problems.append(Problem(file, header.line, f"pakru.{key}", "required field is missing"))
    checks: dict[str, tuple[Callable[[Any], bool], str]] = {
        "package_version": (lambda v: isinstance(v, str) and bool(v.strip()), "a version"),
        "data_version": (
            lambda v: isinstance(v, str) and bool(_SEMVER.fullmatch(v)),
            "a semantic version such as '1.0.0'",
        ),
        "digest": (
            lambda v: isinstance(v, str) and bool(_SHA256.fullmatch(v)),
            "a SHA-256 digest (64 lower-case hex digits)",
        ),
        "license": (
            lambda v: isinstance(v, str) and bool(v.strip()) and len(v) <= 200,
            "an SPDX licence id",
        ),
    }
    for key, (ok, what) in checks.items():
        if key in header and not ok(header[key]):
            problems.append(
                Problem(
                    file,
                    header.line_of(key),
                    f"pakru.{key}",
                    f"expected {what}, got {short(header[key])}",
                )
            )
    version = header.get("data_version")
    licence = header.get("license")
    return (
        version if isinstance(version, str) and _SEMVER.fullmatch(version) else UNVERSIONED,
        licence if isinstance(licence, str) and licence.strip() else NO_LICENSE,
    )


def _top_level(doc: Any, file: str, problems: list[Problem], what: str) -> LineDict | None:
    if doc is None:
        return None
    if not isinstance(doc, LineDict):
        problems.append(
            Problem(
                file,
                1,
                "",
                f"expected {what}: a mapping with the keys events, actors and sources, "
                f"got {type_name(doc)}",
            )
        )
        return None
    for key in doc:
        if key not in ("pakru", *KINDS):
            problems.append(
                Problem(
                    file,
                    doc.line_of(key),
                    key,
                    "unknown top-level key; accepted keys are pakru, events, actors, sources",
                )
            )
    return doc


def _single(raw: bytes, file: str, version: str, licence: str) -> Manifest:
    return Manifest(version, licence, {Path(file).name: hashlib.sha256(raw).hexdigest()})


def _parse(
    parser: Callable[[bytes, str], Any],
    raw: bytes,
    file: str,
    problems: list[Problem],
    what: str,
) -> LineDict | None:
    """The top-level mapping ``parser`` reads from ``raw``; None (with problems) if none."""
    try:
        return _top_level(parser(raw, file), file, problems, what)
    except DataError as exc:
        problems.extend(exc.problems)
        return None


def _from_yaml_file(
    raw: bytes, file: str, problems: list[Problem], corrections: _Corrections
) -> tuple[dict[str, list[Located]], Manifest]:
    from pakru.yamlsafe import load_yaml  # noqa: PLC0415

    found: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    doc = _parse(load_yaml, raw, file, problems, "a pakru data file")
    if doc is None:
        return found, _single(raw, file, UNVERSIONED, NO_LICENSE)
    version, licence = _header(doc, file, problems, required=())
    for kind in KINDS:
        build_records(
            kind,
            doc.get(kind),
            file,
            doc.line_of(kind),
            into=found[kind],
            problems=problems,
            prepare=corrections,
        )
    return found, _single(raw, file, version, licence)


def _from_export(
    raw: bytes, file: str, problems: list[Problem], corrections: _Corrections
) -> tuple[dict[str, list[Located]], Manifest]:
    from pakru.jsonsafe import load_json  # noqa: PLC0415

    found: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    doc = _parse(load_json, raw, file, problems, "a pakru JSON export")
    if doc is None:
        if not problems:
            problems.append(Problem(file, 1, "", "empty file; expected a pakru JSON export"))
        return found, _single(raw, file, UNVERSIONED, NO_LICENSE)
    return _from_export_doc(
        doc,
        files=dict.fromkeys(KINDS, file),
        file=file,
        problems=problems,
        corrections=corrections,
        raw=raw,
    )


def _from_jsonl(
    raw: bytes, file: str, problems: list[Problem], corrections: _Corrections
) -> tuple[dict[str, list[Located]], Manifest]:
    """A JSON Lines export: read as the ``json`` export it holds the records of."""
    from pakru.exports import jsonl_document  # noqa: PLC0415

    try:
        doc = jsonl_document(raw, file)
    except DataError as exc:
        problems.extend(exc.problems)
        return {kind: [] for kind in KINDS}, _single(raw, file, UNVERSIONED, NO_LICENSE)
    return _from_export_doc(
        doc,
        files=dict.fromkeys(KINDS, file),
        file=file,
        problems=problems,
        corrections=corrections,
        raw=raw,
    )


def _from_datapackage(
    descriptor: Path, problems: list[Problem], corrections: _Corrections
) -> tuple[dict[str, list[Located]], Manifest]:
    """A data package export: its tables (checked against their hashes) as records."""
    from pakru.exports import datapackage_document  # noqa: PLC0415

    label = str(descriptor)
    try:
        doc, digests = datapackage_document(descriptor)
    except DataError as exc:
        problems.extend(exc.problems)
        return {kind: [] for kind in KINDS}, Manifest(UNVERSIONED, NO_LICENSE, {})
    files = {kind: str(descriptor.parent / f"{kind}.csv") for kind in KINDS}
    found, manifest = _from_export_doc(
        doc, files=files, file=label, problems=problems, corrections=corrections, raw=b""
    )
    return found, Manifest(manifest.data_version, manifest.license, digests)


def _from_export_doc(
    doc: LineDict,
    *,
    files: dict[str, str],
    file: str,
    problems: list[Problem],
    corrections: _Corrections,
    raw: bytes,
) -> tuple[dict[str, list[Located]], Manifest]:
    """The records of an export document; ``files`` names the file each kind came from."""
    from pakru.serialize import date_fields  # noqa: PLC0415

    found: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    if "pakru" not in doc:
        problems.append(
            Problem(
                file,
                doc.line,
                "pakru",
                "not a pakru JSON export: the 'pakru' header (package_version, data_version, "
                "digest, license) is missing",
            )
        )
        version, licence = UNVERSIONED, NO_LICENSE
    else:
        version, licence = _header(
            doc, file, problems, required=("package_version", "data_version", "digest", "license")
        )
    derived: dict[str, tuple[int, dict[str, Any]]] = {}

    def prepare(kind: str, item: LineDict, name: str) -> None:
        corrections(kind, item, name)
        if kind == "events":
            _event_from_export(item, derived)
        elif kind == "actors" and isinstance(item.get("offices"), list):
            for office in item["offices"]:
                if isinstance(office, LineDict):
                    _wording_back(office, "date")
        elif kind == "sources":
            _wording_back(item, "issued")

    for kind in KINDS:
        build_records(
            kind,
            doc.get(kind),
            files[kind],
            doc.line_of(kind),
            into=found[kind],
            problems=problems,
            prepare=prepare,
        )
    for item in found["events"]:
        line, stated = derived.get(item.record.id, (item.line, {}))
        actual = date_fields(item.record.date)  # type: ignore[union-attr]
        for key, value in stated.items():
            if value != actual[key]:
                problems.append(
                    Problem(
                        files["events"],
                        line,
                        f"{item.record.id}.{key}",
                        f"is {short(value)} but the date {actual['date']!r} means "
                        f"{actual[key]!r}; the export was changed by hand or damaged",
                    )
                )
    return found, _single(raw, file, version, licence)


def _wording_back(item: LineDict, key: str) -> None:
    """Put an exported date and its ``<key>_wording`` back together, as data files write it."""
    wording = item.pop(f"{key}_wording", None)
    date = item.get(key)
    if wording is not None and isinstance(date, str):
        merged = LineDict(item.line_of(key))
        merged["edtf"], merged["wording"] = date, wording
        merged.key_lines.update(edtf=merged.line, wording=merged.line)
        item[key] = merged


def _event_from_export(item: LineDict, derived: dict[str, tuple[int, dict[str, Any]]]) -> None:
    """Rewrite an exported event into the authoring form: date and wording together."""
    stated = {key: item.pop(key) for key in _DERIVED if key in item}
    _wording_back(item, "date")
    ident = item.get("id")
    if isinstance(ident, str):
        derived[ident] = (item.line, stated)
