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
from typing import Literal

from pakru._version import DATA_VERSION, __version__
from pakru.dataset import Dataset, EventList
from pakru.dates import EDTFDate, EDTFPoint, Precision, parse_edtf
from pakru.errors import (
    DataError,
    DataVersionError,
    DateSyntaxError,
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
    "dataset",
    "event",
    "events",
    "load",
    "parse_edtf",
    "require",
    "resolve",
    "source",
    "sources",
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
