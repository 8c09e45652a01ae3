"""pakru: events, actors and sources of Pakistan–Soviet and Pakistan–Russian relations.

The shipped dataset loads on first use (``import pakru`` reads no data)::

    >>> import pakru
    >>> pakru.events(between=("1965", "1972"), actor="ussr")  # doctest: +SKIP

Records are frozen ``attrs`` classes; every claim carries stand-off evidence that points
into a named source of the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

from pakru._version import DATA_VERSION, __version__
from pakru.collection import Dataset, EventList
from pakru.dates import EDTFDate, EDTFPoint, Precision, parse_edtf
from pakru.errors import (
    DataError,
    DataVersionError,
    DateSyntaxError,
    MissingExtraError,
    PakruError,
    PakruWarning,
    Problem,
    QueryError,
    QueryTypeError,
    RetiredIdError,
    UnknownIdError,
)
from pakru.model import (
    Actor,
    Claim,
    Creator,
    Dispute,
    Event,
    Evidence,
    Office,
    Participant,
    Source,
    Tombstone,
)
from pakru.pinning import require
from pakru.vocabulary import ACTOR_KINDS, EVENT_TYPES, ROLES, SOURCE_KINDS, EventType

if TYPE_CHECKING:
    from pathlib import Path

    from pakru.counts import Counts
    from pakru.panels import Dyads

__all__ = [
    "ACTOR_KINDS",
    "DATA_VERSION",
    "EVENT_TYPES",
    "ROLES",
    "SOURCE_KINDS",
    "Actor",
    "Claim",
    "Creator",
    "DataError",
    "DataVersionError",
    "Dataset",
    "DateSyntaxError",
    "Dispute",
    "EDTFDate",
    "EDTFPoint",
    "Event",
    "EventList",
    "EventType",
    "Evidence",
    "MissingExtraError",
    "Office",
    "PakruError",
    "PakruWarning",
    "Participant",
    "Precision",
    "Problem",
    "QueryError",
    "QueryTypeError",
    "RetiredIdError",
    "Source",
    "Tombstone",
    "UnknownIdError",
    "__version__",
    "actor",
    "actors",
    "cite",
    "count",
    "dataset",
    "dyads",
    "event",
    "events",
    "export",
    "load",
    "parse_edtf",
    "require",
    "resolve",
    "schema",
    "source",
    "sources",
    "to_arrow",
    "to_networkx",
    "to_pandas",
]


_LOADERS: list[Callable[[], Dataset]] = []  # pakru.loader.shipped, imported on first use


def _shipped() -> Dataset:
    if not _LOADERS:
        from pakru.loader import shipped  # noqa: PLC0415 - keeps `import pakru` light

        _LOADERS.append(shipped)
    return _LOADERS[0]()


def dataset() -> Dataset:
    """The shipped dataset: versions, counts, digest and licence, and every query."""
    return _shipped()


def events(
    between: object = None,
    *,
    date_match: Literal["overlap", "within"] = "overlap",
    actor: str | Actor | Iterable[str | Actor] | None = None,
    all_actors: bool = False,
    follow_succession: bool = False,
    type: str | Iterable[str] | None = None,
    tag: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    text: str | None = None,
) -> EventList:
    """Events of the shipped dataset matching every filter; see :meth:`Dataset.events`."""
    return _shipped().events(
        between,
        date_match=date_match,
        actor=actor,
        all_actors=all_actors,
        follow_succession=follow_succession,
        type=type,
        tag=tag,
        source=source,
        text=text,
    )


def event(id: str) -> Event:
    """The event with this id (a ``KeyError`` subclass with suggestions otherwise)."""
    return _shipped().event(id)


def actor(id_or_alias: str | Actor) -> Actor:
    """The actor with this id, name or alias, in any letter case."""
    return _shipped().actor(id_or_alias)


def actors(kind: str | None = None) -> tuple[Actor, ...]:
    """All actors, or those of one kind (``"state"``, ``"person"``, ...)."""
    return _shipped().actors(kind)


def source(id: str) -> Source:
    """The source with this id."""
    return _shipped().source(id)


def sources() -> tuple[Source, ...]:
    """All sources."""
    return _shipped().sources()


def resolve(id: str, kind: str | None = None) -> Event | Actor | Source | Tombstone:
    """The record any id pakru ever released names, or the tombstone of a retired one.

    See :meth:`Dataset.resolve`: a tombstone comes with a :class:`PakruWarning` that
    names the replacement; ids that were never released raise :class:`UnknownIdError`.
    """
    return _shipped().resolve(id, kind)


def load(path: str | os.PathLike[str], *, base: Dataset | None = None) -> Dataset:
    """Load your own data (a folder, a YAML file or a pakru JSON export) as a Dataset.

    With ``base=pakru.dataset()`` the data is an overlay on the shipped records; see
    :func:`pakru.userdata.load` and ``docs/robustness.md``.
    """
    from pakru.userdata import load as load_user  # noqa: PLC0415 - only when used

    return load_user(path, base=base)


def cite(
    obj: object,
    style: str = "apa",
    *,
    markup: str = "text",
    dataset: Dataset | None = None,
) -> str:
    """The citation of an event, source, id, collection or the dataset; see the docs.

    Styles: ``csl-json``, ``bibtex`` (BibLaTeX), ``ris``, ``apa``, ``chicago``, ``mla``.
    """
    from pakru.citation.cite import cite as _cite  # noqa: PLC0415 - keeps `import pakru` light

    return _cite(obj, style, markup=markup, dataset=dataset)


def schema(kind: str = "export") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a JSON export or of one kind of record.

    ``kind``: ``"export"``, ``"event"``, ``"actor"``, ``"source"`` or ``"line"`` (one
    line of a JSON Lines export). Generated from the record classes; a fresh dict each call.
    """
    from pakru.schemas import schema as build  # noqa: PLC0415

    return build(kind)


def export(
    data: Dataset | Iterable[Event] | None, format: str, out: str | Path
) -> tuple[Path, ...]:
    """Write ``data`` (a dataset, a query result, or None for all) in ``format`` into ``out``.

    Formats: ``json``, ``jsonl``, ``csv``, ``datapackage`` (Frictionless), ``timelinejs``,
    ``parquet`` (``arrow`` extra), ``csl-json``, ``graphml`` and ``gexf``. Returns the
    files written; see :mod:`pakru.exports`.
    """
    from pakru.exports import export as write  # noqa: PLC0415

    return write(data, format, out)


def to_pandas(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pandas.DataFrame`` (needs ``pip install 'pakru[pandas]'``)."""
    from pakru.frames import to_pandas as frame  # noqa: PLC0415

    return frame(data, table)


def to_arrow(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pyarrow.Table`` (needs ``pip install 'pakru[arrow]'``)."""
    from pakru.frames import to_arrow as arrow  # noqa: PLC0415

    return arrow(data, table)


def count(
    by: str = "year",
    between: object = None,
    *,
    disputed: str = "accepted",
    **filters: Any,
) -> Counts:
    """Events of the shipped dataset counted ``by`` year, decade, type or quad class.

    ``between`` and ``filters`` are those of :func:`events`. Each bin has ``min`` (events
    certainly in it), ``max`` (events possibly in it) and ``expected`` (each event spread
    evenly over its date); ``disputed`` (``accepted``, ``unresolved`` or ``all``) also
    counts other readings of disputed dates. See :mod:`pakru.counts`.
    """
    from pakru.counts import count as counter  # noqa: PLC0415

    return counter(_shipped(), by, between, disputed=disputed, **filters)


def dyads(
    directed: bool = True,
    by: str = "year",
    codes: str = "cow",
    *,
    between: object = None,
    **filters: Any,
) -> Dyads:
    """The dyad-year panel of state participants of the shipped dataset's events.

    ``codes`` is ``cow``, ``gw`` or ``iso3``; ``between`` and ``filters`` are those of
    :func:`events`. Years the data does not cover are flagged ``covered=False`` and have
    missing counts. See :mod:`pakru.panels`.
    """
    from pakru.panels import dyads as panel  # noqa: PLC0415

    return panel(_shipped(), directed=directed, by=by, codes=codes, between=between, **filters)


def to_networkx(data: Dataset | Iterable[Event] | None = None) -> Any:
    """Actors and events as a bipartite ``networkx.DiGraph`` (the ``networkx`` extra).

    See :mod:`pakru.graph` for the nodes, edges and attributes.
    """
    from pakru.exports import select  # noqa: PLC0415
    from pakru.graph import to_networkx as graph  # noqa: PLC0415

    return graph(select(data))
