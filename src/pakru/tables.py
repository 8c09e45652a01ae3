"""pakru's records as related tables: the layout of the CSV, data package and frame exports.

The tables follow the JSON Schema of the records (:mod:`pakru.schemas`), which follows the
model: each event, actor and source is a row of ``events``, ``actors`` or ``sources``;
each list of nested records (an event's participants, evidence and disputes, a dispute's
claims, an actor's offices, a source's creators) is a table of its own whose rows name
their parent and their ``position`` in the list (from 1). Lists of strings (tags,
aliases) stay in one cell as a JSON array, and one nested record (a passage's
fingerprint) as a JSON object. Nothing is dropped, so the records can be
rebuilt exactly from the tables.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from pakru.rules import FORMULA_START, KINDS, MATCH_MARKS, MATCHES_TABLE

__all__ = [
    "TABLES",
    "Column",
    "ForeignKey",
    "Table",
    "guard_cell",
    "iter_cells",
    "matches_table",
    "nest",
    "table_rows",
    "tables",
    "unguard_cell",
]

#: Table names, parents first.
TABLES = (
    "events",
    "participants",
    "evidence",
    "disputes",
    "claims",
    "inferences",
    "actors",
    "offices",
    "sources",
    "creators",
    "skipped",
)

#: Columns that hold the id of another record: (table, column) -> referenced table.
_REFERENCES: dict[tuple[str, str], str] = {
    ("participants", "actor"): "actors",
    ("evidence", "source"): "sources",
    ("claims", "source"): "sources",
    ("actors", "predecessor"): "actors",
    ("actors", "successor"): "actors",
    ("offices", "of"): "actors",
}


@attrs.frozen
class Column:
    """One column: its name, its value type, and the rules on its values."""

    name: str
    type: str  # "string", "integer", "boolean", "date", "array" or "object"
    nullable: bool
    description: str | None = None
    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    format: str | None = None
    record: str | None = None  # an "object" column: the record it holds ($defs name)


@attrs.frozen
class ForeignKey:
    """Columns of a table that name a row of another table (or of the same one)."""

    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@attrs.frozen
class Table:
    """One table of the export: its columns, primary key and foreign keys."""

    name: str
    record: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    parent: str | None
    list_field: str | None

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)


def matches_table() -> Table:
    """The ``matches`` table of an export of a windowed query: how each event falls in it.

    Written beside the record tables only when some exported event only possibly falls
    in the query's window; the records themselves stay as they are.
    """
    return Table(
        name=MATCHES_TABLE,
        record="Match",
        description=(
            "How each exported event falls in the query's date window: 'certain' (every "
            "possible day inside it) or 'possible' (it only may)."
        ),
        columns=(
            Column("event", "string", False, "Id of the event."),
            Column("match", "string", False, "How the event falls in the window.", MATCH_MARKS),
        ),
        primary_key=("event",),
        foreign_keys=(ForeignKey(("event",), "events", ("id",)),),
        parent="events",
        list_field=None,
    )


def _column(name: str, prop: Mapping[str, Any]) -> Column:
    options = prop.get("anyOf", [prop])
    nullable = any(o.get("type") == "null" for o in options)
    main = next(o for o in options if o.get("type") != "null")
    kind = main.get("type", "string")
    if isinstance(kind, list):
        nullable = nullable or "null" in kind
        (kind,) = [k for k in kind if k != "null"]
    if main.get("format") == "date":
        kind = "date"
    record = None
    if "$ref" in main:  # one nested record (a passage's fingerprint): a JSON object cell
        kind, record = "object", str(main["$ref"]).rsplit("/", 1)[-1]
    enum = main.get("enum")
    return Column(
        name,
        kind,
        nullable,
        prop.get("description"),
        None if enum is None else tuple(e for e in enum if e is not None),
        main.get("minimum"),
        "uri" if main.get("format") == "uri" else None,
        record,
    )


def _child_ref(prop: Mapping[str, Any]) -> str | None:
    items = prop.get("items", {})
    ref = items.get("$ref") if prop.get("type") == "array" else None
    return None if ref is None else str(ref).rsplit("/", 1)[-1]


@functools.cache
def tables() -> tuple[Table, ...]:
    """The tables, parents before children, derived from the records' JSON Schema."""
    from pakru.schemas import schema  # noqa: PLC0415

    defs = schema()["$defs"]
    found: dict[str, Table] = {}

    def add(
        record: str, name: str, keys: tuple[Column, ...], parent: str | None, field: str | None
    ) -> None:
        props = defs[record]["properties"]
        own: list[Column] = []
        children: list[tuple[str, str]] = []
        for prop_name, prop in props.items():
            child = _child_ref(prop)
            if child is not None:
                children.append((prop_name, child))
            else:
                own.append(_column(prop_name, prop))
        if keys:
            position = Column("position", "integer", False, "Place in the list, from 1.", None, 1)
            columns = (*keys, position, *own)
            primary = (*(k.name for k in keys), "position")
            assert parent is not None  # noqa: S101 - children always have a parent
            parent_key = found[parent].primary_key
            fks = [ForeignKey(tuple(k.name for k in keys), parent, parent_key)]
        else:
            columns = tuple(own)
            primary = ("id",)
            fks = []
        names = [c.name for c in columns]
        if len(set(names)) != len(names):  # pragma: no cover - guards future model changes
            msg = f"table {name} would have two columns of the same name: {names}"
            raise AssertionError(msg)
        for column in columns:
            target = _REFERENCES.get((name, column.name))
            if target is not None:
                fks.append(ForeignKey((column.name,), target, ("id",)))
        found[name] = Table(
            name,
            record,
            str(defs[record].get("description", "")),
            columns,
            primary,
            tuple(fks),
            parent,
            field,
        )
        for prop_name, child in children:
            if keys:
                # A grandchild names its grandparent and its parent's position.
                child_keys = (*keys, Column(record, "integer", False, f"Position of the {record}."))
            else:
                child_keys = (Column(record, "string", False, f"Id of the {record}."),)
            add(child, prop_name, child_keys, name, prop_name)

    for record, name in (("event", "events"), ("actor", "actors"), ("source", "sources")):
        add(record, name, (), None, None)
    ordered = tuple(found[n] for n in TABLES if n in found)
    if len(ordered) != len(found):  # pragma: no cover - guards future model changes
        missing = sorted(set(found) - set(TABLES))
        msg = f"tables {missing} are not listed in pakru.tables.TABLES"
        raise AssertionError(msg)
    return ordered


def table_rows(
    events: Iterable[Mapping[str, Any]],
    actors: Iterable[Mapping[str, Any]],
    sources: Iterable[Mapping[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table, from records in their plain-data form (pakru.serialize)."""
    layout = {t.name: t for t in tables()}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in layout}
    children: dict[str, list[Table]] = {}
    for table in layout.values():
        if table.parent is not None:
            children.setdefault(table.parent, []).append(table)

    def emit(table: Table, record: Mapping[str, Any], keys: dict[str, Any]) -> None:
        row = dict(keys)
        for column in table.columns:
            if column.name not in row:
                row[column.name] = record[column.name]
        out[table.name].append(row)
        for child in children.get(table.name, ()):
            assert child.list_field is not None  # noqa: S101
            if table.parent is None:
                base = {table.record: record["id"]}
            else:
                base = {k: v for k, v in keys.items() if k != "position"}
                base[table.record] = keys["position"]
            for i, item in enumerate(record[child.list_field], 1):
                emit(child, item, {**base, "position": i})

    for name, records in (("events", events), ("actors", actors), ("sources", sources)):
        for record in records:
            emit(layout[name], record, {})
    return out


def nest(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Rebuild the plain-data records from table rows: the inverse of :func:`table_rows`.

    Child rows are put back in ``position`` order under their parent; raises ``KeyError``
    or ``ValueError`` naming the table when a row's parent is missing.
    """
    layout = {t.name: t for t in tables()}
    built: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for table in layout.values():
        index: dict[tuple[Any, ...], dict[str, Any]] = {}
        skip = set(table.primary_key) if table.parent is not None else set()
        for row in rows.get(table.name, ()):
            record = {c.name: row.get(c.name) for c in table.columns if c.name not in skip}
            for child in layout.values():
                if child.parent == table.name and child.list_field is not None:
                    record[child.list_field] = []
            key = tuple(row.get(k) for k in table.primary_key)
            if key in index:
                msg = f"{table.name}: two rows have the key {key}"
                raise ValueError(msg)
            index[key] = record
        built[table.name] = index
    for table in reversed(tuple(layout.values())):
        if table.parent is None or table.list_field is None:
            continue
        parent = built[table.parent]
        fk = table.foreign_keys[0]
        ordered = sorted(built[table.name].items(), key=lambda item: item[0])
        for key, record in ordered:
            parent_key = key[: len(fk.columns)]
            if parent_key not in parent:
                msg = f"{table.name}: row {key} names a missing {table.parent} row {parent_key}"
                raise ValueError(msg)
            parent[parent_key][table.list_field].append(record)
    return {name: list(built[name].values()) for name in KINDS if name in built}


def iter_cells(table: Table, rows: Iterable[Mapping[str, Any]]) -> Iterator[list[Any]]:
    """The rows of ``table`` as lists of values in column order."""
    names = table.names
    for row in rows:
        yield [row[n] for n in names]


def guard_cell(text: str) -> str:
    """A text cell for a CSV file, never read as a spreadsheet formula.

    A ``'`` goes before a first character a spreadsheet reads as a formula (``=``, ``+``, ``-``,
    ``@``, a tab or carriage return) or before a ``'``, so the cell is shown as text;
    :func:`unguard_cell` reverses it exactly.
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_cell(text: str) -> str:
    """The text of a CSV cell written by :func:`guard_cell`."""
    return text[1:] if text.startswith("'") else text
