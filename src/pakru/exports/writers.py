"""Write pakru's records in formats other tools read.

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
When some events of a windowed query only possibly fall in the window
(``date_match="possible"``, ``pakru export --possible``), every format says which: the
``json``/``jsonl`` header gains ``matches`` (event id: ``"certain"`` or ``"possible"``),
``csv``, ``datapackage`` and ``parquet`` add a ``matches`` table, graphs a ``match``
node attribute, and TimelineJS puts such events in a "Possibly in the window" group.
:func:`pakru.load` reads a ``json``, ``jsonl`` or ``datapackage`` export (the file or the
folder holding it) back into a :class:`~pakru.collection.Dataset`, validated exactly as
the shipped data is (:mod:`pakru.loader.documents`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.errors import QueryError, QueryTypeError, require_extra
from pakru.fileio import folder_lock, write_file, write_text
from pakru.rules import DATAPACKAGE_FILE, JSON_FILE, JSONL_FILE
from pakru.tables import Table, guard_cell, matches_table, table_rows, tables

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.exports.selection import Data, Selection
    from pakru.model import Event

__all__ = ["FORMATS", "export", "table_schema"]

FORMATS = (
    "json",
    "jsonl",
    "csv",
    "datapackage",
    "timelinejs",
    "parquet",
    "csl-json",
    "web-annotation",
    "graphml",
    "gexf",
)

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

# -- writers --------------------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    return write_text(path, text)


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
    if isinstance(value, (list, dict)):
        return _dumps(value)
    if isinstance(value, str):
        return guard_cell(value)
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
    written = [_write(out / f"{t.name}.csv", _csv_text(t, rows[t.name])) for t in tables()]
    if sel.matches is not None:
        marks = matches_table()
        written.append(_write(out / f"{marks.name}.csv", _csv_text(marks, sel.match_rows())))
    return written


def _tables(sel: Selection) -> tuple[Table, ...]:
    """The tables an export of ``sel`` writes, in order."""
    return (*tables(), matches_table()) if sel.matches is not None else tables()


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
    for table, path in zip(_tables(sel), written, strict=True):
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
    """TimelineJS renders every text as HTML: each is escaped (:func:`html.escape`)."""
    from html import escape as html_escape  # noqa: PLC0415

    from pakru.dates import Precision  # noqa: PLC0415
    from pakru.vocabulary import EVENT_TYPES  # noqa: PLC0415

    escape = partial(html_escape, quote=False)  # text, not attributes

    names = {a.id: a.name for a in sel.actors}
    slides = []
    for event in sel.events:
        date = event.date
        start, end = date.start, date.end
        plain = {Precision.DAY, Precision.MONTH, Precision.YEAR}
        exact = (
            date.precision in plain
            and not (date.uncertain or date.approximate)
            and not date.is_set  # one date somewhere in a range
        )
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
                "headline": escape(event.title),
                "text": _timeline_text(event, names),
            },
            "group": escape(EVENT_TYPES[event.type].label),
        }
        if sel.matches is not None and sel.matches[event.id] == "possible":
            slide["group"] = "Possibly in the window"
            slide["text"]["headline"] += " (possibly in the window)"
        if date.is_interval and end is not None and start is not None:
            slide["end_date"] = _timeline_date(end)
        if display is not None:
            slide["display_date"] = escape(display)
        slides.append(slide)
    header = sel.header
    doc = {
        "title": {
            "text": {
                "headline": "Pakistan–Soviet and Pakistan–Russian relations",
                "text": escape(
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
    from pakru.exports.frames import arrow_tables  # noqa: PLC0415

    parquet = require_extra("pyarrow.parquet", "arrow", "the parquet export")
    written = []
    for name, table in arrow_tables(sel).items():
        path = out / f"{name}.parquet"
        written.append(write_file(path, partial(parquet.write_table, table)))
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
    corpus: str | os.PathLike[str] | None = None,
) -> tuple[Path, ...]:
    """Write ``data`` in ``format`` into the folder ``out``; return the files written.

    ``data`` is a :class:`Dataset` (``pakru.dataset()``), an :class:`EventList` from a
    query, any iterable of events, or None for the shipped dataset. ``format`` is one of
    ``FORMATS``. The folder is created if needed; files of the same names are replaced.
    ``corpus`` (a corpus folder) adds the passages' text to the ``web-annotation`` export.
    """
    if not isinstance(format, str):
        raise QueryTypeError(f"export: format must be a string, got {type(format).__name__}")
    if corpus is not None and format != "web-annotation":
        raise QueryError("export: corpus= is used only by the web-annotation format")
    if format not in FORMATS:
        raise QueryError(
            f"export: {format!r} is not an export format; expected one of {', '.join(FORMATS)}"
        )
    if not isinstance(out, (str, os.PathLike)):
        raise QueryTypeError(f"export: out must be a folder path, got {type(out).__name__}")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise QueryError(f"export: {folder} exists and is not a folder; give a folder to write in")
    if format == "parquet":  # fail before writing anything when the extra is missing
        require_extra("pyarrow.parquet", "arrow", "the parquet export")
    from pakru.exports.selection import select  # noqa: PLC0415 - loads the data

    selection = select(data, dataset=dataset)
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):  # one export at a time into a folder
        if format == "web-annotation":
            from pakru.annotation import write_annotations  # noqa: PLC0415

            return tuple(write_annotations(selection, folder, corpus=corpus))
        return tuple(_WRITERS[format](selection, folder))
