"""Write pakru's records in formats other tools read, and read pakru's own exports back.

Formats (``FORMATS``):

``json``
    ``pakru.json``: one object ``{"pakru": {versions, digest, licence}, "events": [...],
    "actors": [...], "sources": [...]}`` whose records are exactly what
    :mod:`pakru.serialize` gives (every field, evidence and disputes included). It
    validates against :func:`pakru.schema`.
``jsonl``
    ``pakru.jsonl``: the same records one per line as ``{"kind": ..., "record": ...}``,
    after a first line ``{"kind": "pakru", "record": {versions, digest, licence}}``.
``csv``
    One CSV file per table of :mod:`pakru.tables` (events, participants, evidence,
    disputes, claims, actors, offices, sources, creators), keyed by id and position.
``datapackage``
    The same CSV files with a Frictionless Data Package descriptor, ``datapackage.json``
    (Data Package 2.0): Table Schemas with types, constraints, primary and foreign keys,
    the licence, and the size and SHA-256 of every file.
``timelinejs``
    ``timeline.json`` in the TimelineJS3 JSON format, one slide per event.
``parquet``
    One Parquet file per table (needs the ``arrow`` extra), and the analysis shapes
    ``counts.parquet`` and ``dyads.parquet`` (see :mod:`pakru.shapes`).
``csl-json``
    ``sources.csl.json``: the sources as CSL-JSON items.
``graphml``, ``gexf``
    ``pakru.graphml`` or ``pakru.gexf``: actors and events as a bipartite network (see
    :mod:`pakru.graph`).

Exporting a query result (an :class:`~pakru.collection.EventList` or any events) writes those
events with every actor and source they refer to, so each export is self-contained.
:func:`pakru.load` (and :func:`read_export`, which also takes the folder of a ``json``
or ``jsonl`` export) reads a ``json``, ``jsonl`` or ``datapackage`` export back into a
:class:`~pakru.collection.Dataset`, validated exactly as the shipped data is.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pakru.collection import Dataset
from pakru.errors import DataError, Problem, QueryError, QueryTypeError
from pakru.linedict import LineDict, LineList, short
from pakru.model import Actor, Event, Source
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict
from pakru.tables import Table, nest, table_rows, tables

__all__ = [
    "FORMATS",
    "datapackage_document",
    "export",
    "jsonl_document",
    "read_export",
    "select",
]

FORMATS = (
    "json",
    "jsonl",
    "csv",
    "datapackage",
    "timelinejs",
    "parquet",
    "csl-json",
    "graphml",
    "gexf",
)

JSON_FILE = "pakru.json"
JSONL_FILE = "pakru.jsonl"
DATAPACKAGE_FILE = "datapackage.json"
TIMELINE_FILE = "timeline.json"
CSL_FILE = "sources.csl.json"

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
_LICENCES = {
    "CC-BY-4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
}

Data = Dataset | Iterable[Event]


# -- what an export holds -------------------------------------------------------------------


class Selection:
    """Events with every actor and source they refer to, and where they came from."""

    def __init__(
        self,
        events: Sequence[Event],
        actors: Sequence[Actor],
        sources: Sequence[Source],
        origin: Dataset,
    ) -> None:
        self.events = tuple(events)
        self.actors = tuple(actors)
        self.sources = tuple(sources)
        self.origin = origin

    @property
    def header(self) -> dict[str, str]:
        """The versions, digest and licence of the data the records came from."""
        from pakru._version import __version__  # noqa: PLC0415

        return {
            "package_version": __version__,
            "data_version": self.origin.data_version,
            "digest": self.origin.digest,
            "license": self.origin.license,
        }

    def dicts(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """The records in their plain-data form."""
        return (
            [event_to_dict(e) for e in self.events],
            [actor_to_dict(a) for a in self.actors],
            [source_to_dict(s) for s in self.sources],
        )


def select(data: Data | None = None, *, dataset: Dataset | None = None) -> Selection:
    """What exporting ``data`` writes: a whole dataset, or events and what they refer to.

    ``data`` is a :class:`Dataset`, an :class:`EventList` or any iterable of events (None:
    the shipped dataset). Actors and sources of events come from ``dataset`` (default: the
    shipped dataset): the participants, the states their offices and successions name,
    and every source the evidence cites.
    """
    if data is None or isinstance(data, Dataset):
        whole = data if data is not None else _shipped()
        return Selection(tuple(whole), whole.actors(), whole.sources(), whole)
    if isinstance(data, (str, bytes, Mapping, Event)) or not isinstance(data, Iterable):
        raise QueryTypeError(
            "export: expected a pakru Dataset, an EventList or an iterable of events, "
            f"got {type(data).__name__}"
        )
    events = tuple(data)
    bad = next((e for e in events if not isinstance(e, Event)), None)
    if bad is not None:
        raise QueryTypeError(
            f"export: expected events, got an item of type {type(bad).__name__} ({short(bad)})"
        )
    events = tuple(dict.fromkeys(events))  # an event given twice is written once
    origin = dataset if dataset is not None else _shipped()
    if not isinstance(origin, Dataset):
        raise QueryTypeError(f"export: dataset must be a pakru Dataset, got {type(origin)}")
    actor_ids: set[str] = set()
    pending = [p.actor for e in events for p in e.participants]
    while pending:
        ident = pending.pop()
        if ident in actor_ids:
            continue
        actor_ids.add(ident)
        actor = origin.actor(ident)
        linked = [actor.predecessor, actor.successor, *(o.of for o in actor.offices)]
        pending.extend(x for x in linked if x is not None)
    source_ids = {s for e in events for s in e.sources}
    source_ids |= {c.source for e in events for d in e.disputes for c in d.claims}
    return Selection(
        events,
        tuple(a for a in origin.actors() if a.id in actor_ids),
        tuple(s for s in origin.sources() if s.id in source_ids),
        origin,
    )


def _shipped() -> Dataset:
    from pakru.loader import shipped  # noqa: PLC0415

    return shipped()


# -- writers --------------------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return path


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json(sel: Selection, out: Path) -> list[Path]:
    events, actors, sources = sel.dicts()
    # One record per line: the file stays readable and diffs well.
    parts = ['{"pakru": ' + _dumps(sel.header)]
    for name, records in (("events", events), ("actors", actors), ("sources", sources)):
        body = ",\n".join(_dumps(r) for r in records)
        parts.append(f'"{name}": [\n{body}\n]' if records else f'"{name}": []')
    return [_write(out / JSON_FILE, ",\n".join(parts) + "}\n")]


def _jsonl(sel: Selection, out: Path) -> list[Path]:
    events, actors, sources = sel.dicts()
    lines = [_dumps({"kind": "pakru", "record": sel.header})]
    for kind, records in (("event", events), ("actor", actors), ("source", sources)):
        lines.extend(_dumps({"kind": kind, "record": r}) for r in records)
    return [_write(out / JSONL_FILE, "\n".join(lines) + "\n")]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _dumps(value)
    return str(value)


def _csv_text(table: Table, rows: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.names)
    for row in rows:
        writer.writerow([_cell(row[n]) for n in table.names])
    return buf.getvalue()


def _csv(sel: Selection, out: Path) -> list[Path]:
    rows = table_rows(*sel.dicts())
    return [_write(out / f"{t.name}.csv", _csv_text(t, rows[t.name])) for t in tables()]


def _field_descriptor(column: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.format is not None:
        field["format"] = column.format
    if column.description:
        field["description"] = column.description
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.enum is not None:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of one table."""
    schema: dict[str, Any] = {
        "$schema": TABLESCHEMA_PROFILE,
        "fields": [_field_descriptor(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:  # the profile wants the list left out rather than empty
        schema["foreignKeys"] = [
            {
                "fields": list(fk.columns),
                "reference": {"resource": fk.table, "fields": list(fk.references)},
            }
            for fk in table.foreign_keys
        ]
    return schema


def _datapackage(sel: Selection, out: Path) -> list[Path]:
    written = _csv(sel, out)
    header = sel.header
    licence = _LICENCES.get(header["license"], {"name": header["license"]})
    resources = []
    for table, path in zip(tables(), written, strict=True):
        raw = path.read_bytes()
        resources.append(
            {
                "name": table.name,
                "type": "table",
                "path": path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(raw),
                "hash": f"sha256:{hashlib.sha256(raw).hexdigest()}",
                "description": table.description,
                "dialect": {"header": True, "delimiter": ",", "quoteChar": '"'},
                "schema": table_schema(table),
            }
        )
    descriptor = {
        "$schema": DATAPACKAGE_PROFILE,
        "name": "pakru",
        "title": "pakru: Pakistan–Soviet and Pakistan–Russian relations, 1947 to today",
        "description": (
            "Events, actors and sources of Pakistan–Soviet and Pakistan–Russian relations, "
            "each event with the source passages that attest it."
        ),
        "version": header["data_version"],
        "licenses": [licence],
        "contributors": [{"title": "The pakru project", "roles": ["creator"]}],
        "keywords": ["pakistan", "soviet union", "russia", "international relations", "events"],
        "pakru": header,
        "resources": resources,
    }
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    return [*written, _write(out / DATAPACKAGE_FILE, text)]


def _timeline_date(point: Any) -> dict[str, Any]:
    """A TimelineJS date object: the year, and the month and day where they are known."""
    from pakru.dates import Precision  # noqa: PLC0415

    date: dict[str, Any] = {"year": point.earliest.year}
    if point.precision in (Precision.DAY, Precision.MONTH):
        date["month"] = point.earliest.month
    if point.precision is Precision.DAY:
        date["day"] = point.earliest.day
    return date


def _timelinejs(sel: Selection, out: Path) -> list[Path]:
    from pakru.dates import Precision  # noqa: PLC0415
    from pakru.vocabulary import EVENT_TYPES  # noqa: PLC0415

    names = {a.id: a.name for a in sel.actors}
    slides = []
    for event in sel.events:
        date = event.date
        start, end = date.start, date.end
        plain = {Precision.DAY, Precision.MONTH, Precision.YEAR}
        exact = date.precision in plain and not (date.uncertain or date.approximate)
        # TimelineJS needs a start: an interval with an unknown start begins at its end.
        first = start if start is not None else end
        assert first is not None  # noqa: S101 - an EDTF date has at least one known end
        display = None if exact and start is not None else date.edtf
        if date.wording:
            display = f"{date.edtf} ({date.wording})"
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _timeline_date(first),
            "text": {
                "headline": event.title,
                "text": _timeline_text(event, names),
            },
            "group": EVENT_TYPES[event.type].label,
        }
        if date.is_interval and end is not None and start is not None:
            slide["end_date"] = _timeline_date(end)
        if display is not None:
            slide["display_date"] = display
        slides.append(slide)
    header = sel.header
    doc = {
        "title": {
            "text": {
                "headline": "Pakistan–Soviet and Pakistan–Russian relations",
                "text": (
                    f"pakru data {header['data_version']} ({header['license']}): "
                    f"{len(slides)} events with their sources."
                ),
            }
        },
        "events": slides,
        "scale": "human",
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    return [_write(out / TIMELINE_FILE, text)]


def _timeline_text(event: Event, names: Mapping[str, str]) -> str:
    from html import escape  # noqa: PLC0415

    who = ", ".join(f"{escape(names.get(p.actor, p.actor))} ({p.role})" for p in event.participants)
    cited = ", ".join(escape(s) for s in event.sources)
    return (
        f"<p>{escape(event.summary)}</p>"
        f"<p><b>Participants:</b> {who}</p>"
        f"<p><b>Sources:</b> {cited} &middot; pakru id {escape(event.id)}</p>"
    )


def _parquet(sel: Selection, out: Path) -> list[Path]:
    from pakru.frames import arrow_tables, require_extra  # noqa: PLC0415

    parquet = require_extra("pyarrow.parquet", "arrow", "the parquet export")
    written = []
    for name, table in arrow_tables(sel).items():
        path = out / f"{name}.parquet"
        parquet.write_table(table, str(path))
        written.append(path)
    return written


def _csl_json(sel: Selection, out: Path) -> list[Path]:
    """The exported sources as CSL-JSON items, for reference managers and pandoc."""
    from pakru.citation.cite import cite  # noqa: PLC0415

    text = cite(list(sel.sources), "csl-json", dataset=sel.origin) if sel.sources else "[]"
    return [_write(out / CSL_FILE, text.rstrip("\n") + "\n")]


def _graphml(sel: Selection, out: Path) -> list[Path]:
    from pakru.graph import write_graphml  # noqa: PLC0415

    return write_graphml(sel, out)


def _gexf(sel: Selection, out: Path) -> list[Path]:
    from pakru.graph import write_gexf  # noqa: PLC0415

    return write_gexf(sel, out)


_WRITERS: dict[str, Callable[[Selection, Path], list[Path]]] = {
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "datapackage": _datapackage,
    "timelinejs": _timelinejs,
    "parquet": _parquet,
    "csl-json": _csl_json,
    "graphml": _graphml,
    "gexf": _gexf,
}


def export(
    data: Data | None,
    format: str,
    out: str | os.PathLike[str],
    *,
    dataset: Dataset | None = None,
) -> tuple[Path, ...]:
    """Write ``data`` in ``format`` into the folder ``out``; return the files written.

    ``data`` is a :class:`Dataset` (``pakru.dataset()``), an :class:`EventList` from a
    query, any iterable of events, or None for the shipped dataset. ``format`` is one of
    ``FORMATS``. The folder is created if needed; files of the same names are replaced.
    """
    if not isinstance(format, str):
        raise QueryTypeError(f"export: format must be a string, got {type(format).__name__}")
    if format not in _WRITERS:
        raise QueryError(
            f"export: {format!r} is not an export format; expected one of {', '.join(FORMATS)}"
        )
    if not isinstance(out, (str, os.PathLike)):
        raise QueryTypeError(f"export: out must be a folder path, got {type(out).__name__}")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise QueryError(f"export: {folder} exists and is not a folder; give a folder to write in")
    if format == "parquet":  # fail before writing anything when the extra is missing
        from pakru.frames import require_extra  # noqa: PLC0415

        require_extra("pyarrow.parquet", "arrow", "the parquet export")
    selection = select(data, dataset=dataset)
    folder.mkdir(parents=True, exist_ok=True)
    return tuple(_WRITERS[format](selection, folder))


# -- reading exports back ------------------------------------------------------------------
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
    from pakru.jsonsafe import load_json  # noqa: PLC0415

    problems: list[Problem] = []
    doc = LineDict(1)
    kinds = {"event": "events", "actor": "actors", "source": "sources"}
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
        return int(text)
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
    return text


def _read_table(
    target: Path, table: Table, resource: Mapping[str, Any], problems: list[Problem]
) -> list[tuple[dict[str, Any], int]]:
    """The rows of one CSV file of a data package, with their lines; checks size and hash."""
    from pakru.manifest import read_bounded  # noqa: PLC0415

    try:
        raw = read_bounded(target)
        text = raw.decode("utf-8")
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
    reader = csv.reader(io.StringIO(text, newline=""))
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
            except ValueError as exc:
                problems.append(Problem(str(target), reader.line_num, column.name, str(exc)))
        out.append((row, reader.line_num))
    return out


def datapackage_document(file: Path) -> tuple[LineDict, dict[str, str]]:
    """A ``datapackage`` export as the document of a ``json`` export, and its files' digests.

    Each file's size and SHA-256 are checked against the descriptor first. Records carry
    the line of their row in ``events.csv``, ``actors.csv`` or ``sources.csv``.
    """
    from pakru.jsonsafe import load_json  # noqa: PLC0415
    from pakru.manifest import read_bounded  # noqa: PLC0415

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
    for resource in descriptor["resources"]:
        name = resource.get("name") if isinstance(resource, dict) else None
        if name not in layout:
            continue
        target = file.parent / str(resource.get("path", ""))
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


def read_export(path: str | os.PathLike[str]) -> Dataset:
    """The dataset in a ``json``, ``jsonl`` or ``datapackage`` export (as :func:`pakru.load`).

    ``path`` is the file (``pakru.json``, ``pakru.jsonl``, ``datapackage.json``) or a
    folder holding one of them. The records are validated exactly as the shipped data
    is; any problem raises one :class:`~pakru.errors.DataError` listing them all.
    """
    from pakru.userdata import load  # noqa: PLC0415

    if not isinstance(path, (str, os.PathLike)):
        raise QueryTypeError(f"read_export: expected a path, got {type(path).__name__}")
    target = Path(path)
    if target.is_dir():
        for name in (DATAPACKAGE_FILE, JSON_FILE, JSONL_FILE):
            if (target / name).is_file():
                return load(target / name)
        raise QueryError(
            f"read_export: {target} holds no {DATAPACKAGE_FILE}, {JSON_FILE} or {JSONL_FILE}"
        )
    return load(target)
