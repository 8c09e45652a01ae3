"""The layouts of the analysis shapes: counts and dyad-year panels beside the record tables.

``pakru.to_pandas(table="counts")`` and ``table="dyads"`` (likewise ``to_arrow``) give
the shapes of :mod:`pakru.counts` (by year, accepted dates) and :mod:`pakru.panels`
(directed, COW codes) of the data, and the ``parquet`` export writes them as
``counts.parquet`` and ``dyads.parquet`` beside the record tables. Other settings come
from ``pakru.count(...)`` and ``pakru.dyads(...)``, whose results have ``to_pandas()``
and ``to_arrow()`` of their own.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

from pakru.quads import QUAD_BINS, QUAD_LABELS, QUADS
from pakru.tables import Column, Table
from pakru.vocabulary import EVENT_TYPES

__all__ = ["KEY_COLUMNS", "SHAPE_TABLES", "counts_table", "dyads_table"]

#: The shape tables, by name.
SHAPE_TABLES = ("counts", "dyads")

#: The key columns of a panel by code system, as peacesciencer names them.
KEY_COLUMNS = MappingProxyType(
    {"cow": ("ccode1", "ccode2"), "gw": ("gwcode1", "gwcode2"), "iso3": ("iso3_1", "iso3_2")}
)

_KEYS = {
    "year": Column("year", "integer", False, "The year."),
    "decade": Column("decade", "integer", False, "The decade's first year (1980 for the 1980s)."),
    "type": Column("type", "string", False, "Event type (pakru.EVENT_TYPES).", tuple(EVENT_TYPES)),
    "quad": Column(
        "quad", "string", False, "PLOVER quad class ('none': no PLOVER type).", QUAD_BINS
    ),
}


@functools.cache
def counts_table(by: str = "year") -> Table:
    """The layout of a count's rows, binned ``by`` year, decade, type or quad class."""
    columns = [
        _KEYS[by],
        Column("min", "integer", False, "Events certainly in the bin.", None, 0),
        Column("expected", "number", False, "Expected events: date intervals spread evenly."),
        Column("max", "integer", False, "Events that may be in the bin.", None, 0),
    ]
    if by in ("year", "decade"):
        columns += [
            Column("start", "date", False, "First day of the bin."),
            Column("end", "date", False, "Last day of the bin."),
            Column("covered", "boolean", False, "Whether the data reports on the bin's time."),
        ]
    return Table(
        "counts",
        "bin",
        f"Events counted by {by}, with the bounds their uncertain dates allow.",
        tuple(columns),
        (by,),
        (),
        None,
        None,
    )


@functools.cache
def dyads_table(codes: str = "cow", *, directed: bool = True) -> Table:
    """The layout of a dyad-year panel's rows."""
    key1, key2 = KEY_COLUMNS[codes]
    kind = "string" if codes == "iso3" else "integer"
    name = {"cow": "Correlates of War", "gw": "Gleditsch–Ward", "iso3": "ISO 3166"}[codes]
    count = "Events in the year"
    columns = [
        Column(key1, kind, False, f"{name} code of the first state."),
        Column(key2, kind, False, f"{name} code of the second state."),
        Column("year", "integer", False, "The year."),
        Column("actor1", "string", False, "Actor id of the first state in that year."),
        Column("actor2", "string", False, "Actor id of the second state in that year."),
        Column("covered", "boolean", False, "Whether the data reports on the year at all."),
        Column("events", "integer", True, f"{count} with both states taking part.", None, 0),
        Column("events_certain", "integer", True, f"{count} certainly.", None, 0),
    ]
    if directed:
        columns.append(
            Column("initiated", "integer", True, f"{count} where state 1 acts on 2.", None, 0)
        )
    columns += [
        Column(q.replace("-", "_"), "integer", True, f"{count}: {QUAD_LABELS[q]}.", None, 0)
        for q in QUADS
    ]
    columns += [
        Column("type_" + t.replace("-", "_"), "integer", True, f"{count}: {t}.", None, 0)
        for t in EVENT_TYPES
    ]
    return Table(
        "dyads",
        "dyad-year",
        f"{'Directed' if directed else 'Undirected'} dyad-years of states ({name} codes).",
        tuple(columns),
        (key1, key2, "year"),
        (),
        None,
        None,
    )
