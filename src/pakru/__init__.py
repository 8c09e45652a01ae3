"""pakru: events, actors and sources of Pakistan–Soviet and Pakistan–Russian relations.

The shipped dataset loads on first use (``import pakru`` reads no data and imports
almost nothing: every name below is imported when it is first used).

>>> import pakru
>>> found = pakru.events(between=("1965", "1972"), actor="ussr")
>>> found[0].id
'1965-ogdc-first-gas-discovery-at-sari'

Records are frozen ``attrs`` classes; every claim carries stand-off evidence that points
into a named source of the corpus.

Module map, one way from bottom to top (no module imports from a layer above its own;
``docs/architecture.md`` and ``tests/test_layers.py``):

1. Core records and rules: ``errors``, ``rules`` (patterns, limits, record kinds),
   ``dates`` (EDTF), ``model`` (the records), ``vocabulary``, ``linedict``, ``query``,
   ``collection`` (:class:`Dataset`, :class:`EventList`), ``releases``, ``pinning``,
   ``serialize``, ``schemas``, ``tables``, ``handoff``.
2. Loading, ``pakru.loader``: ``files``, ``manifest``, ``yamlsafe``, ``jsonsafe``,
   ``records``, ``checks``, ``compiled``, ``tree`` (a data folder), ``documents`` (what a
   path holds: a YAML file or an export, read back), ``userdata`` (:func:`load`,
   overlays); the package itself owns the shipped dataset and :func:`clear_cache`.
3. Outputs: ``pakru.exports`` (``selection``, ``writers``, ``frames``),
   ``pakru.citation`` (:func:`cite`), ``pakru.ext`` (links, Markdown, Sphinx), ``corpus``,
   ``support`` (the support check).
4. Interfaces: ``cli`` (the ``pakru`` command) and this facade.
"""

from __future__ import annotations

import os

from pakru import handoff as _handoff
from pakru._version import DATA_VERSION, __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path
    from typing import Any, Literal

    from pakru.anchoring import Anchor
    from pakru.collection import Dataset, EventList
    from pakru.context import InContext
    from pakru.counts import Counts
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
        Fingerprint,
        Inference,
        Office,
        Participant,
        Skip,
        Source,
        Tombstone,
    )
    from pakru.panels import Dyads
    from pakru.pinning import require
    from pakru.vocabulary import (
        ACTOR_KINDS,
        EVENT_TYPES,
        ROLES,
        SKIP_REASONS,
        SOURCE_KINDS,
        EventType,
    )

__all__ = [
    "ACTOR_KINDS",
    "DATA_VERSION",
    "EVENT_TYPES",
    "ROLES",
    "SKIP_REASONS",
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
    "Fingerprint",
    "Inference",
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
    "Skip",
    "Source",
    "Tombstone",
    "UnknownIdError",
    "__version__",
    "actor",
    "actors",
    "anchor",
    "cite",
    "clear_cache",
    "count",
    "dataset",
    "dyads",
    "event",
    "events",
    "export",
    "in_context",
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


#: Where each name of the facade lives; imported on first use (PEP 562).
_LAZY = {
    **dict.fromkeys(("Dataset", "EventList"), "pakru.collection"),
    **dict.fromkeys(("EDTFDate", "EDTFPoint", "Precision", "parse_edtf"), "pakru.dates"),
    **dict.fromkeys(
        (
            "DataError",
            "DataVersionError",
            "DateSyntaxError",
            "MissingExtraError",
            "PakruError",
            "PakruWarning",
            "Problem",
            "QueryError",
            "QueryTypeError",
            "RetiredIdError",
            "UnknownIdError",
        ),
        "pakru.errors",
    ),
    **dict.fromkeys(
        (
            "Actor",
            "Claim",
            "Creator",
            "Dispute",
            "Event",
            "Evidence",
            "Fingerprint",
            "Inference",
            "Office",
            "Participant",
            "Skip",
            "Source",
            "Tombstone",
        ),
        "pakru.model",
    ),
    "require": "pakru.pinning",
    **dict.fromkeys(
        ("ACTOR_KINDS", "EVENT_TYPES", "ROLES", "SKIP_REASONS", "SOURCE_KINDS", "EventType"),
        "pakru.vocabulary",
    ),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pakru' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _shipped() -> Dataset:
    from pakru.loader import shipped  # noqa: PLC0415 - keeps `import pakru` light

    return shipped()


def clear_cache() -> None:
    """Forget the loaded shipped dataset; the next query loads and validates it again.

    For tests and long-running services; datasets and records handed out stay valid.
    """
    from pakru.loader import clear_cache as clear  # noqa: PLC0415

    clear()


def dataset() -> Dataset:
    """The shipped dataset: versions, counts, digest and licence, and every query."""
    return _shipped()


def events(
    between: object = None,
    *,
    date_match: Literal["certain", "possible", "within", "overlap"] = "certain",
    actor: str | Actor | Iterable[str | Actor] | None = None,
    all_actors: bool = False,
    follow_succession: bool = False,
    type: str | Iterable[str] | None = None,
    tag: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    text: str | None = None,
    place: str | Iterable[str] | None = None,
    role: str | Iterable[str] | None = None,
) -> EventList:
    """Events of the shipped dataset matching every filter; see :meth:`Dataset.events`.

    Takes the same arguments as :meth:`Dataset.events` and returns an :class:`EventList`
    sorted by date; raises ``QueryError`` (a ``ValueError``), ``UnknownIdError`` (a
    ``KeyError`` with suggestions) or ``QueryTypeError`` (a ``TypeError``) for bad input.

    >>> import pakru
    >>> pakru.events(place="tashkent", role="mediator").ids
    ('1966-01-04-tashkent-conference', '1966-01-10-tashkent-declaration')
    """
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
        place=place,
        role=role,
    )


def event(id: str) -> Event:
    """The event with this id (a ``KeyError`` subclass with suggestions otherwise)."""
    return _shipped().event(id)


def actor(id_or_alias: str | Actor) -> Actor:
    """The actor with this id, name or alias, in any letter case."""
    return _shipped().actor(id_or_alias)


def actors(kind: str | None = None, *, text: str | None = None) -> tuple[Actor, ...]:
    """All actors, or those of one kind (``"state"``, ``"person"``, ...).

    ``text`` keeps actors whose id, name or an alias contains it, in any case. Raises
    ``QueryError`` (a ``ValueError``) for an unknown kind.

    >>> import pakru
    >>> tuple(a.id for a in pakru.actors("person", text="kosygin"))
    ('aleksei-kosygin',)
    """
    return _shipped().actors(kind, text=text)


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
    :func:`pakru.loader.userdata.load` and ``docs/robustness.md``.
    """
    from pakru.loader.userdata import load as load_user  # noqa: PLC0415 - only when used

    return load_user(path, base=base)


def anchor(
    source: str, copy: str | os.PathLike[str], *, html: bool | None = None
) -> tuple[Anchor, ...]:
    """Find every passage cited from ``source`` in ``copy``, any copy of the source.

    ``copy`` is a file: a saved web page, text from a PDF, a reflowed text. See
    :func:`pakru.anchoring.anchor`.
    """
    from pakru.anchoring import anchor as find  # noqa: PLC0415

    return find(source, copy, html=html)


def in_context(
    event: str | Event,
    *,
    corpus: str | os.PathLike[str] | None = None,
    copy: str | os.PathLike[str] | None = None,
) -> InContext:
    """An event's passages inside their paragraphs, from a corpus folder or a copy.

    The result prints as text and displays as HTML in a notebook; see
    :func:`pakru.context.in_context`.
    """
    from pakru.context import in_context as show  # noqa: PLC0415

    return show(event, corpus=corpus, copy=copy)


def cite(
    obj: object,
    style: str = "apa",
    *,
    markup: str = "text",
    dataset: Dataset | None = None,
) -> str:
    """The citation of an event, source, id, collection or a dataset; see the docs.

    Styles: ``csl-json`` (an item array), ``csl-citation`` (a citation object),
    ``biblatex`` (for Biber), ``bibtex`` (classic BibTeX, for natbib), ``ris``, ``apa``,
    ``chicago``, ``mla``.
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
    data: Dataset | Iterable[Event] | None,
    format: str,
    out: str | Path,
    *,
    corpus: str | os.PathLike[str] | None = None,
) -> tuple[Path, ...]:
    """Write ``data`` (a dataset, a query result, or None for all) in ``format`` into ``out``.

    Formats: ``json``, ``jsonl``, ``csv``, ``datapackage`` (Frictionless), ``timelinejs``,
    ``parquet`` (``arrow`` extra), ``csl-json``, ``web-annotation`` (W3C JSON-LD; with
    ``corpus``, a corpus folder, it quotes the passages), ``graphml`` and ``gexf``. Returns
    the files written; see :mod:`pakru.exports`.
    """
    from pakru.exports.writers import export as write  # noqa: PLC0415

    return write(data, format, out, corpus=corpus)


def to_pandas(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pandas.DataFrame`` (needs ``pip install 'pakru[pandas]'``)."""
    from pakru.exports.frames import to_pandas as frame  # noqa: PLC0415

    return frame(data, table)


def to_arrow(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pyarrow.Table`` (needs ``pip install 'pakru[arrow]'``)."""
    from pakru.exports.frames import to_arrow as arrow  # noqa: PLC0415

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
    from pakru.exports.selection import select  # noqa: PLC0415
    from pakru.graph import to_networkx as graph  # noqa: PLC0415

    return graph(select(data))


# Dataset and EventList methods (export, to_pandas, to_arrow, overlay) hand over to these.
def _count(data: Dataset, *args: Any, **kwargs: Any) -> Counts:
    from pakru.counts import count as counter  # noqa: PLC0415

    return counter(data, *args, **kwargs)


def _dyads(data: Dataset, **kwargs: Any) -> Dyads:
    from pakru.panels import dyads as panel  # noqa: PLC0415

    return panel(data, **kwargs)


def _rows_to_pandas(*args: Any) -> Any:
    from pakru.exports.frames import rows_to_pandas  # noqa: PLC0415

    return rows_to_pandas(*args)


def _rows_to_arrow(*args: Any) -> Any:
    from pakru.exports.frames import rows_to_arrow  # noqa: PLC0415

    return rows_to_arrow(*args)


_handoff.bind(
    dataset=dataset,
    rows_to_pandas=_rows_to_pandas,
    rows_to_arrow=_rows_to_arrow,
    export=export,
    to_pandas=to_pandas,
    to_arrow=to_arrow,
    load=load,
    count=_count,
    dyads=_dyads,
)
