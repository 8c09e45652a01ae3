"""Whole-dataset documents, read back: what a path holds, and its records.

pakru reads a dataset from five kinds of path, and this module alone decides which one a
path is (:func:`what_path_holds`):

- a data folder in the shipped layout (``actors.yaml``, ``sources.yaml``, ``events.yaml``
  and YAML files in ``events/``, ``actors/``, ``sources/``; a ``manifest.json`` is
  optional and checked when present);
- one YAML file with the top-level keys ``events``, ``actors``, ``sources`` (and
  optionally ``pakru`` with ``data_version`` and ``license``);
- a ``json`` export (``pakru.json``), a ``jsonl`` export (``pakru.jsonl``) or a
  ``datapackage`` export (``datapackage.json`` and its CSV files), given as the file or
  as the folder that holds it.

A folder that holds no data file and no export is an error, not an empty dataset; so is
a folder that holds both. Every document becomes the same line-aware records, validated
by :mod:`pakru.loader.records` exactly as the shipped data is.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.errors import DataError, Problem
from pakru.linedict import LineDict, LineList, short, type_name
from pakru.loader.checks import Located
from pakru.loader.files import DATA_DIRS, contained, read_bounded
from pakru.loader.jsonsafe import load_json
from pakru.loader.manifest import MANIFEST, NO_LICENSE, UNVERSIONED, Manifest
from pakru.loader.tree import Prepare, build_records, collect_tree
from pakru.rules import (
    DATAPACKAGE_FILE,
    JSON_FILE,
    JSONL_FILE,
    KINDS,
    MATCH_MARKS,
    MAX_FILE_BYTES,
    MAX_INT,
    MAX_LICENSE,
    MAX_RESOURCES,
    RELEASES,
    SEMVER,
    SHA256,
)
from pakru.serialize import date_fields
from pakru.tables import Table, nest, tables, unguard_cell

if TYPE_CHECKING:
    from pakru.model import Tombstone

__all__ = [
    "ACCEPTED",
    "EXPORT_FILES",
    "Found",
    "datapackage_document",
    "jsonl_document",
    "read_path",
    "what_path_holds",
]

#: Records found in a document, by kind, each with its file and line.
Found = dict[str, list[Located]]
Tombstones = Callable[[], Mapping[tuple[str, str], "Tombstone"]]

#: What a path may hold, in the words of error messages.
ACCEPTED = (
    "a data folder, a .yaml or .yml file, or a pakru export (a .json or .jsonl file, or a "
    "data package: its datapackage.json or the folder holding it)"
)
#: The files of whole-dataset exports, in the order a folder is searched for them.
EXPORT_FILES = (DATAPACKAGE_FILE, JSON_FILE, JSONL_FILE)
_DERIVED = ("earliest", "latest", "precision")


# -- what a path holds ---------------------------------------------------------------------


def what_path_holds(where: Path, label: str) -> tuple[str, Path]:
    """The kind of document at ``where`` and the file (or folder) to read it from.

    Kinds: ``"folder"``, ``"yaml"``, ``"json"``, ``"jsonl"`` and ``"datapackage"``.
    Raises :class:`DataError` for a path that holds none of them (an empty folder too)
    or, for a folder, more than one.
    """
    if where.is_dir():
        exports = [where / name for name in EXPORT_FILES if (where / name).is_file()]
        folder = _has_data_files(where)
        if exports and folder:
            raise DataError.single(
                label,
                None,
                "",
                f"holds both data files and a pakru export ({exports[0].name}); "
                "give the file to read",
            )
        if len(exports) > 1:
            names = ", ".join(p.name for p in exports)
            raise DataError.single(
                label, None, "", f"holds more than one pakru export ({names}); give the file"
            )
        if exports:
            return what_path_holds(exports[0], str(exports[0]))
        if folder:
            return "folder", where
        raise DataError.single(
            label, None, "", f"the folder holds no data file; expected {ACCEPTED}"
        )
    if where.is_file():
        suffix = where.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return "yaml", where
        if where.name == DATAPACKAGE_FILE:
            return "datapackage", where
        if suffix == ".json":
            return "json", where
        if suffix == ".jsonl":
            return "jsonl", where
        raise DataError.single(label, None, "", f"not a data file; expected {ACCEPTED}")
    if where.exists():  # a FIFO, a socket or a device: never opened
        raise DataError.single(
            label, None, "", f"is not a regular file or a folder; expected {ACCEPTED}"
        )
    raise DataError.single(label, None, "", f"no such file or folder; expected {ACCEPTED}")


def _has_data_files(folder: Path) -> bool:
    """Whether ``folder`` holds a YAML data file or a manifest, as a data folder does."""
    if (folder / MANIFEST).is_file():
        return True
    for entry in folder.iterdir():
        if entry.is_file() and entry.suffix.lower() in (".yaml", ".yml"):
            return True
        if entry.is_dir() and entry.name in DATA_DIRS:
            return True
    return False


def read_path(
    where: Path, label: str, problems: list[Problem], prepare: Prepare
) -> tuple[Found, Manifest, Tombstones | None]:
    """The records at ``where``, what its manifest or header says, and its tombstones.

    Problems with the records are added to ``problems``; a path that holds no dataset
    raises :class:`DataError`. ``prepare`` sees each record's mapping before it is read.
    """
    kind, target = what_path_holds(where, label)
    if kind == "folder":
        found, manifest, more, _ = collect_tree(
            target, label, compiled=False, manifest_required=False, prepare=prepare
        )
        problems.extend(more)
        releases = None
        if (target / RELEASES).is_dir():
            from pakru.releases import lazy_tombstones  # noqa: PLC0415 - rarely needed

            releases = lazy_tombstones(target / RELEASES, f"{label}/{RELEASES}")
        return found, manifest, releases
    if kind == "datapackage":
        found, manifest = _from_datapackage(target, problems, prepare)
        return found, manifest, None
    name = label if target == where else str(target)
    raw = read_bounded(target)
    reader = {"yaml": _from_yaml_file, "json": _from_export, "jsonl": _from_jsonl}[kind]
    found, manifest = reader(raw, name, problems, prepare)
    return found, manifest, None


# -- the header and top level of a document --------------------------------------------------


def _header(
    doc: LineDict, file: str, problems: list[Problem], *, required: tuple[str, ...]
) -> tuple[str, str]:
    """The data version and licence a ``pakru`` header states (defaults when absent)."""
    header = doc.get("pakru")
    if header is None and not required:
        return UNVERSIONED, NO_LICENSE
    accepted = ("package_version", "data_version", "digest", "license", "matches")
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
            lambda v: isinstance(v, str) and bool(SEMVER.fullmatch(v)),
            "a semantic version such as '1.0.0'",
        ),
        "digest": (
            lambda v: isinstance(v, str) and bool(SHA256.fullmatch(v)),
            "a SHA-256 digest (64 lower-case hex digits)",
        ),
        "license": (
            lambda v: isinstance(v, str) and bool(v.strip()) and len(v) <= MAX_LICENSE,
            "an SPDX licence id",
        ),
        "matches": (
            lambda v: (
                isinstance(v, dict) and all(isinstance(k, str) and v[k] in MATCH_MARKS for k in v)
            ),
            "an object of event id: " + " or ".join(repr(m) for m in MATCH_MARKS),
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
        version if isinstance(version, str) and SEMVER.fullmatch(version) else UNVERSIONED,
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
    raw: bytes, file: str, problems: list[Problem], prepare: Prepare
) -> tuple[dict[str, list[Located]], Manifest]:
    from pakru.loader.yamlsafe import load_yaml  # noqa: PLC0415

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
            prepare=prepare,
        )
    return found, _single(raw, file, version, licence)


def _from_export(
    raw: bytes, file: str, problems: list[Problem], prepare: Prepare
) -> tuple[dict[str, list[Located]], Manifest]:
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
        prepare=prepare,
        raw=raw,
    )


def _from_jsonl(
    raw: bytes, file: str, problems: list[Problem], prepare: Prepare
) -> tuple[dict[str, list[Located]], Manifest]:
    """A JSON Lines export: read as the ``json`` export it holds the records of."""
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
        prepare=prepare,
        raw=raw,
    )


def _from_datapackage(
    descriptor: Path, problems: list[Problem], prepare: Prepare
) -> tuple[dict[str, list[Located]], Manifest]:
    """A data package export: its tables (checked against their hashes) as records."""
    label = str(descriptor)
    try:
        doc, digests = datapackage_document(descriptor)
    except DataError as exc:
        problems.extend(exc.problems)
        return {kind: [] for kind in KINDS}, Manifest(UNVERSIONED, NO_LICENSE, {})
    files = {kind: str(descriptor.parent / f"{kind}.csv") for kind in KINDS}
    found, manifest = _from_export_doc(
        doc, files=files, file=label, problems=problems, prepare=prepare, raw=b""
    )
    return found, Manifest(manifest.data_version, manifest.license, digests)


def _from_export_doc(
    doc: LineDict,
    *,
    files: dict[str, str],
    file: str,
    problems: list[Problem],
    prepare: Prepare,
    raw: bytes,
) -> tuple[dict[str, list[Located]], Manifest]:
    """The records of an export document; ``files`` names the file each kind came from."""
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

    def rewrite(kind: str, item: LineDict, name: str) -> None:
        prepare(kind, item, name)
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
            prepare=rewrite,
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


# -- exports as documents ------------------------------------------------------------------
#
# pakru.load reads every export that holds all the records: a ``json`` export directly,
# and the two below by turning them into the same document first (records as line-aware
# mappings), so one path validates them all, with overlays and corrections.


def _relined(value: Any, line: int | None) -> Any:
    """A parsed JSON value with every mapping and list placed at ``line``."""
    if isinstance(value, dict):
        mapping = LineDict(line or 1)
        for key, item in value.items():
            mapping[key] = _relined(item, line)
            mapping.key_lines[key] = line or 1
        return mapping
    if isinstance(value, list):
        items = LineList(line or 1)
        for item in value:
            items.append(_relined(item, line))
            items.item_lines.append(line or 1)
        return items
    return value


def jsonl_document(raw: bytes, file: str) -> LineDict:
    """A ``jsonl`` export as the document of a ``json`` export, with each record's line."""
    problems: list[Problem] = []
    doc = LineDict(1)
    kinds = {singular: plural for plural, singular in KINDS.items()}
    for plural in kinds.values():
        doc[plural] = LineList(1)
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            item = load_json(line, file)
        except DataError as exc:
            problems.extend(Problem(p.file, number, p.field, p.message) for p in exc.problems)
            continue
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind == "pakru" and "pakru" not in doc:
            doc["pakru"] = _relined(item.get("record"), number)
            doc.key_lines["pakru"] = number
        elif kind in kinds and isinstance(item, dict) and "record" in item:
            records = doc[kinds[kind]]
            records.append(_relined(item["record"], number))
            records.item_lines.append(number)
        else:
            problems.append(
                Problem(
                    file,
                    number,
                    "kind",
                    'expected {"kind": "event" | "actor" | "source", "record": {...}} '
                    'after a first line of kind "pakru"',
                )
            )
    if problems:
        raise DataError(problems)
    return doc


def _decode(column: Any, text: str) -> Any:
    if text == "":
        return None
    if column.type == "integer":
        if len(text) > 20 or not text.lstrip("-").isdigit():
            msg = f"expected an integer, got {short(text)}"
            raise ValueError(msg)
        number = int(text)
        if not -MAX_INT < number < MAX_INT:
            msg = f"the integer {short(text)} is out of range"
            raise ValueError(msg)
        return number
    if column.type == "boolean":
        if text not in ("true", "false"):
            msg = f"expected true or false, got {short(text)}"
            raise ValueError(msg)
        return text == "true"
    if column.type == "array":
        value = json.loads(text)
        if not isinstance(value, list):
            msg = f"expected a JSON array, got {short(text)}"
            raise ValueError(msg)
        return value
    if column.type == "object":
        value = json.loads(text)
        if not isinstance(value, dict):
            msg = f"expected a JSON object, got {short(text)}"
            raise ValueError(msg)
        return value
    return unguard_cell(text)


def _read_table(
    target: Path, table: Table, resource: Mapping[str, Any], problems: list[Problem]
) -> list[tuple[dict[str, Any], int]]:
    """The rows of one CSV file of a data package, with their lines; checks size and hash."""
    try:
        raw = read_bounded(target)
        text = raw.decode("utf-8")
    except DataError as exc:
        problems.extend(exc.problems)
        return []
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(target), None, "", f"cannot read the table: {exc}"))
        return []
    digest = f"sha256:{hashlib.sha256(raw).hexdigest()}"
    if resource.get("hash") != digest or resource.get("bytes") != len(raw):
        problems.append(
            Problem(
                str(target),
                None,
                "",
                f"does not match the descriptor's size and hash ({len(raw)} bytes, {digest})",
            )
        )
        return []
    # A cell may be as long as a file (a summary of a record pakru wrote itself).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _rows(reader, target, table, problems)
    except csv.Error as exc:
        problems.append(Problem(str(target), reader.line_num, "", f"not valid CSV: {exc}"))
        return []


def _rows(
    reader: Any, target: Path, table: Table, problems: list[Problem]
) -> list[tuple[dict[str, Any], int]]:
    """The rows of a CSV table after its size and hash were checked."""
    if tuple(next(reader, [])) != table.names:
        problems.append(
            Problem(str(target), 1, "", f"expected the columns {', '.join(table.names)}")
        )
        return []
    out = []
    for values in reader:
        if len(values) != len(table.columns):
            problems.append(
                Problem(
                    str(target),
                    reader.line_num,
                    "",
                    f"expected {len(table.columns)} cells, got {len(values)}",
                )
            )
            continue
        row: dict[str, Any] = {}
        for column, cell in zip(table.columns, values, strict=True):
            try:
                row[column.name] = _decode(column, cell)
            except RecursionError:
                problems.append(
                    Problem(str(target), reader.line_num, column.name, "nested too deeply")
                )
            except ValueError as exc:
                problems.append(Problem(str(target), reader.line_num, column.name, str(exc)))
        out.append((row, reader.line_num))
    return out


def datapackage_document(file: Path) -> tuple[LineDict, dict[str, str]]:
    """A ``datapackage`` export as the document of a ``json`` export, and its files' digests.

    Each file's size and SHA-256 are checked against the descriptor first. Records carry
    the line of their row in ``events.csv``, ``actors.csv`` or ``sources.csv``.
    """
    label = str(file)
    raw = read_bounded(file)
    descriptor = load_json(raw, label)
    if not isinstance(descriptor, LineDict) or not isinstance(descriptor.get("resources"), list):
        raise DataError.single(label, 1, "resources", "expected a data package descriptor")
    layout = {t.name: t for t in tables()}
    problems: list[Problem] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    lines: dict[tuple[str, Any], int] = {}
    digests = {file.name: hashlib.sha256(raw).hexdigest()}
    resources = descriptor["resources"]
    if len(resources) > MAX_RESOURCES:
        raise DataError.single(
            label,
            descriptor.line_of("resources"),
            "resources",
            f"lists {len(resources)} resources; at most {MAX_RESOURCES} are read",
        )
    for resource in resources:
        name = resource.get("name") if isinstance(resource, dict) else None
        if name not in layout:
            continue
        if name in rows:
            problems.append(Problem(label, None, "resources", f"lists {name!r} twice"))
            continue
        try:
            target = contained(file.parent, resource.get("path"), label, f"{name}.path")
        except DataError as exc:
            problems.extend(exc.problems)
            rows[name] = []
            continue
        found = _read_table(target, layout[name], resource, problems)
        digests[target.name] = str(resource.get("hash", "")).removeprefix("sha256:")
        rows[name] = [row for row, _ in found]
        lines.update(((name, row.get("id")), line) for row, line in found)
    missing = [n for n in layout if n not in rows]
    if missing:
        problems.append(
            Problem(label, None, "resources", f"missing the tables {', '.join(missing)}")
        )
    if problems:
        raise DataError(problems)
    try:
        nested = nest(rows)
    except ValueError as exc:
        raise DataError.single(label, None, "", str(exc)) from None
    doc = LineDict(1)
    if "pakru" in descriptor:
        doc["pakru"] = _relined(dict(descriptor["pakru"]), descriptor.line_of("pakru"))
        doc.key_lines["pakru"] = descriptor.line_of("pakru")
    for kind, records in nested.items():
        items = LineList(1)
        for record in records:
            line = lines.get((kind, record.get("id")), 1)
            items.append(_relined(record, line))
            items.item_lines.append(line)
        doc[kind] = items
    return doc, digests
