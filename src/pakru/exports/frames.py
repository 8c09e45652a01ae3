"""pakru's tables as pandas data frames and Arrow tables (optional extras).

``to_pandas`` needs the ``pandas`` extra (``pip install 'pakru[pandas]'``) and
``to_arrow`` the ``arrow`` extra (``pip install 'pakru[arrow]'``); without them each
raises :class:`~pakru.errors.MissingExtraError` naming the extra. Neither library is
imported until one of these functions is called.

The tables are those of :mod:`pakru.tables` (``events``, ``participants``, ``evidence``,
``disputes``, ``claims``, ``actors``, ``offices``, ``sources``, ``creators``), with typed
columns: the day bounds of dates (``earliest``, ``latest``) as datetimes (NaT where a
date is open), closed vocabularies (event type, precision, role, kinds) as categoricals
with every value of the vocabulary as a category, nullable integers and booleans, and
lists of strings as lists. The EDTF text stays in ``date`` and ``issued``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from pakru.errors import QueryError, QueryTypeError, require_extra
from pakru.exports.selection import select
from pakru.shapes import SHAPE_TABLES
from pakru.tables import TABLES, Column, Table, matches_table, table_rows, tables

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pakru.collection import Dataset
    from pakru.exports.selection import Data, Selection
    from pakru.model import Event

__all__ = [
    "arrow_tables",
    "require_extra",
    "rows_to_arrow",
    "rows_to_pandas",
    "to_arrow",
    "to_pandas",
]

#: Vocabularies whose order means something.
_ORDERED = {("events", "precision")}


def _table(name: object) -> Table:
    if not isinstance(name, str):
        raise QueryTypeError(f"table: expected a table name string, got {type(name).__name__}")
    for table in tables():
        if table.name == name:
            return table
    accepted = ", ".join((*TABLES, *SHAPE_TABLES))
    raise QueryError(f"table: {name!r} is not a pakru table; expected one of {accepted}")


def _rows(data: Data | None, dataset: Dataset | None) -> tuple[Selection, dict[str, Any]]:
    selection = select(data, dataset=dataset)
    return selection, table_rows(*selection.dicts())


def _series(pd: Any, np: Any, table: Table, column: Column, values: list[Any]) -> Any:
    if column.enum is not None:
        ordered = (table.name, column.name) in _ORDERED
        return pd.Categorical(values, categories=list(column.enum), ordered=ordered)
    if column.type == "date":
        return pd.Series(np.array(values, dtype="datetime64[s]"))
    if column.type == "integer":
        return pd.array(values, dtype="Int64" if column.nullable else "int64")
    if column.type == "number":
        return pd.array(values, dtype="Float64" if column.nullable else "float64")
    if column.type == "boolean":
        return pd.array(values, dtype="boolean")
    if column.type in ("array", "object"):
        return pd.Series(values, dtype=object)
    return pd.array(values, dtype="string")


def to_pandas(
    data: Data | None = None, table: str = "events", *, dataset: Dataset | None = None
) -> Any:
    """One table of ``data`` as a ``pandas.DataFrame`` (needs the ``pandas`` extra).

    ``data`` is a :class:`Dataset`, an :class:`EventList` or any events (None: the
    shipped dataset); ``table`` is one of ``pakru.tables.TABLES`` or of the shapes
    ``pakru.shapes.SHAPE_TABLES`` (``counts``, ``dyads``). For events, actors and sources
    come from ``dataset`` (default: the shipped one).
    """
    if table in SHAPE_TABLES:
        require_extra("pandas", "pandas", "to_pandas()")
        return rows_to_pandas(*_shape(data, dataset, table))
    layout = _table(table)
    require_extra("pandas", "pandas", "to_pandas()")
    _, rows = _rows(data, dataset)
    return rows_to_pandas(layout, rows[layout.name])


def _shape(data: Data | None, dataset: Dataset | None, name: str) -> tuple[Table, list[Any]]:
    from pakru.exports.selection import select  # noqa: PLC0415

    selection = select(data, dataset=dataset)
    return shape_rows(name, selection.events, selection.origin)


def rows_to_pandas(layout: Table, rows: list[dict[str, Any]]) -> Any:
    """Rows laid out as ``layout`` as a ``pandas.DataFrame`` (needs the ``pandas`` extra).

    ``layout`` is a table of :mod:`pakru.tables` or :mod:`pakru.shapes`; columns are typed.
    """
    pd = require_extra("pandas", "pandas", "to_pandas()")
    np = require_extra("numpy", "pandas", "to_pandas()")
    columns = {
        c.name: _series(pd, np, layout, c, [row[c.name] for row in rows]) for c in layout.columns
    }
    return pd.DataFrame(columns)


def _arrow_type(pa: Any, column: Column) -> Any:
    if column.enum is not None:
        return pa.dictionary(pa.int8(), pa.string())
    if column.type == "object":  # a nested record: a struct of its scalar fields
        from pakru.schemas import schema  # noqa: PLC0415

        props = schema()["$defs"][column.record]["properties"]
        kinds = {"integer": pa.int64(), "string": pa.string()}
        return pa.struct([(name, kinds[prop["type"]]) for name, prop in props.items()])
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "array": pa.list_(pa.string()),
    }[column.type]


def _arrow_table(pa: Any, layout: Table, found: list[dict[str, Any]], meta: bytes) -> Any:
    fields = [
        pa.field(
            c.name,
            _arrow_type(pa, c),
            nullable=c.nullable,
            metadata=None if not c.description else {b"description": c.description.encode()},
        )
        for c in layout.columns
    ]
    schema = pa.schema(fields, metadata={b"pakru": meta})
    arrays = []
    for column, field in zip(layout.columns, fields, strict=True):
        values = [row[column.name] for row in found]
        if column.type == "date":
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def arrow_tables(selection: Selection) -> dict[str, Any]:
    """Every table of a selection as a ``pyarrow.Table``, keyed by table name."""
    pa = require_extra("pyarrow", "arrow", "to_arrow() and the parquet export")
    rows = table_rows(*selection.dicts())
    meta = json.dumps(selection.header).encode("utf-8")
    found = {t.name: _arrow_table(pa, t, rows[t.name], meta) for t in tables()}
    if selection.matches is not None:
        marks = matches_table()
        found[marks.name] = _arrow_table(pa, marks, selection.match_rows(), meta)
    for name in SHAPE_TABLES:
        layout, shape = shape_rows(name, selection.events, selection.origin)
        found[name] = _arrow_table(pa, layout, shape, meta)
    return found


def to_arrow(
    data: Data | None = None, table: str = "events", *, dataset: Dataset | None = None
) -> Any:
    """One table of ``data`` as a ``pyarrow.Table`` (needs the ``arrow`` extra).

    Arguments as for :func:`to_pandas`. The table's schema metadata holds the versions,
    digest and licence of the data under the key ``pakru`` (JSON), and each field's
    metadata its description.
    """
    pa = require_extra("pyarrow", "arrow", "to_arrow()")
    if table in SHAPE_TABLES:
        from pakru.exports.selection import select  # noqa: PLC0415

        selection = select(data, dataset=dataset)
        layout, shape = shape_rows(table, selection.events, selection.origin)
        return _arrow_table(pa, layout, shape, json.dumps(selection.header).encode("utf-8"))
    layout = _table(table)
    selection, rows = _rows(data, dataset)
    meta = json.dumps(selection.header).encode("utf-8")
    return _arrow_table(pa, layout, rows[layout.name], meta)


def rows_to_arrow(layout: Table, rows: list[dict[str, Any]], settings: dict[str, Any]) -> Any:
    """Rows laid out as ``layout`` as a ``pyarrow.Table`` (needs the ``arrow`` extra).

    The schema metadata holds ``settings`` (how the shape was made) under ``pakru``.
    """
    pa = require_extra("pyarrow", "arrow", "to_arrow()")
    return _arrow_table(pa, layout, rows, json.dumps(settings).encode("utf-8"))


def shape_rows(
    name: str, events: Sequence[Event], origin: Dataset
) -> tuple[Table, list[dict[str, Any]]]:
    """The default shape table ``name`` of ``events``; coverage and actors from ``origin``."""
    from pakru.counts import count_events, dataset_coverage  # noqa: PLC0415
    from pakru.panels import dyad_years  # noqa: PLC0415

    cover = dataset_coverage(origin)
    if name == "counts":
        counts = count_events(events, "year", coverage_of=cover)
        return counts.table, counts.rows()
    states = {a.id: a for a in origin.actors("state")}
    panel = dyad_years(events, states, coverage_of=cover)
    return panel.table, panel.rows()
