"""pakru: events, actors and sources of Pakistan–Soviet and Pakistan–Russian relations.

The shipped dataset loads on first use (``import pakru`` reads no data and imports
almost nothing: every name below is imported when it is first used).

```python
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

```
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

    For tests and long-running services. Datasets and records handed out before stay
    valid and unchanged; only the next call of :func:`dataset` builds a new one. It
    raises nothing.

    ```python
    >>> import pakru
    >>> before = pakru.dataset()
    >>> pakru.clear_cache()
    >>> pakru.dataset() is before, pakru.dataset().digest == before.digest
    (False, True)

    ```

    :returns: None.
    """
    from pakru.loader import clear_cache as clear  # noqa: PLC0415

    clear()


def dataset() -> Dataset:
    """The shipped dataset: its versions, counts, digest and licence, and every query.

    Loaded, validated and indexed on the first call (thread- and fork-safe), then the
    same object for every caller; it cannot be changed.

    ```python
    >>> import pakru
    >>> data = pakru.dataset()
    >>> data.data_version == pakru.DATA_VERSION, data.license
    (True, 'CC-BY-4.0')
    >>> data.counts["events"] == len(data)
    True

    ```

    :returns: the shipped :class:`Dataset`.
    :raises DataError: if the installed data files were changed or damaged.
    """
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
    """Events of the shipped dataset matching every filter, sorted by date then id.

    ```python
    >>> import pakru
    >>> pakru.events(place="tashkent", role="mediator").ids
    ('1966-01-04-tashkent-conference', '1966-01-10-tashkent-declaration')
    >>> found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    >>> found.count("certain") < found.count()
    True

    ```

    :param between: a window ``(start, end)`` of EDTF dates or years, inclusive (either
        end may be None); None for all dates.
    :param date_match: ``"certain"`` (default) keeps events certainly inside the window;
        ``"possible"`` adds those that only may be, marked in :attr:`EventList.matches`;
        ``"within"`` and ``"overlap"`` ignore ``?`` and ``~``.
    :param actor: an actor id, name, alias or :class:`Actor`, or several (any of them;
        all of them with ``all_actors=True``); ``follow_succession=True`` counts the USSR
        for Russia and back.
    :param type: event type ids (``pakru.EVENT_TYPES``); ``tag``: tags, old names
        resolving; ``source``: source ids; ``place``: places (case-insensitive);
        ``role``: participant roles (``pakru.ROLES``); ``text``: words searched in
        titles, summaries, notes, places and participants' names.
    :returns: an :class:`EventList` (an immutable tuple of :class:`Event`).
    :raises QueryError: (a ``ValueError``) for a value it cannot read, such as a bad date.
    :raises UnknownIdError: (a ``KeyError``) for an unknown id or name, with suggestions.
    :raises QueryTypeError: (a ``TypeError``) for an argument of the wrong type.
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
    """The event with this id.

    ```python
    >>> import pakru
    >>> pakru.event("1966-01-10-tashkent-declaration").title
    'Tashkent Declaration signed'
    >>> pakru.event("1966-01-10-tashkent-declaraton")
    Traceback (most recent call last):
    ...
    pakru.errors.UnknownIdError: ...did you mean '1966-01-10-tashkent-declaration'...

    ```

    :param id: an event id, such as ``"1966-01-10-tashkent-declaration"``.
    :returns: the :class:`Event`.
    :raises UnknownIdError: (a ``KeyError``) when no event has this id; the message
        suggests close ids, and :func:`resolve` finds ids that a release retired.
    """
    return _shipped().event(id)


def actor(id_or_alias: str | Actor) -> Actor:
    """The actor with this id, name or alias, in any letter case.

    ```python
    >>> import pakru
    >>> pakru.actor("Soviet Union").id, pakru.actor("USSR").successor
    ('ussr', 'russia')

    ```

    :param id_or_alias: an actor id (``"ussr"``), name or alias, or an :class:`Actor`.
    :returns: the :class:`Actor`.
    :raises UnknownIdError: (a ``KeyError``) when none matches, with suggestions.
    """
    return _shipped().actor(id_or_alias)


def actors(kind: str | None = None, *, text: str | None = None) -> tuple[Actor, ...]:
    """All actors sorted by id, or those of one kind.

    ```python
    >>> import pakru
    >>> tuple(a.id for a in pakru.actors("person", text="kosygin"))
    ('aleksei-kosygin',)

    ```

    :param kind: ``"state"``, ``"person"``, ``"organization"``, ... (``pakru.ACTOR_KINDS``);
        None for all.
    :param text: keeps actors whose id, name or an alias contains it, in any case.
    :returns: a tuple of :class:`Actor`.
    :raises QueryError: (a ``ValueError``) for an unknown kind.
    """
    return _shipped().actors(kind, text=text)


def source(id: str) -> Source:
    """The source with this id.

    ```python
    >>> import pakru
    >>> pakru.source("w-wikipedia-tashkent-declaration").url
    'https://en.wikipedia.org/wiki/Tashkent_Declaration'

    ```

    :param id: a source id, such as ``"w-wikipedia-tashkent-declaration"``.
    :returns: the :class:`Source`, with its bibliographic fields and corpus document.
    :raises UnknownIdError: (a ``KeyError``) when no source has this id, with suggestions.
    """
    return _shipped().source(id)


def sources() -> tuple[Source, ...]:
    """All sources, sorted by id. It raises nothing.

    ```python
    >>> import pakru
    >>> len(pakru.sources()) == pakru.dataset().counts["sources"]
    True

    ```

    :returns: a tuple of :class:`Source`.
    """
    return _shipped().sources()


def resolve(id: str, kind: str | None = None) -> Event | Actor | Source | Tombstone:
    """The record any id pakru ever released names, or the tombstone of a retired one.

    ```python
    >>> import pakru, warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", pakru.PakruWarning)
    ...     gone = pakru.resolve("2017-03-pakistani-prime-minister-visits-moscow")
    >>> gone.retired_in, gone.replaced_by
    ('0.2.0', '2022-02-23-imran-khan-visits-moscow')

    ```

    :param id: an event, actor or source id from this or any earlier data release.
    :param kind: ``"event"``, ``"actor"`` or ``"source"`` to look in one kind only.
    :returns: the :class:`Event`, :class:`Actor` or :class:`Source`, or a
        :class:`Tombstone` for a retired id (with a :class:`PakruWarning` naming the
        replacement).
    :raises UnknownIdError: (a ``KeyError``) for an id that was never released.
    """
    return _shipped().resolve(id, kind)


def load(path: str | os.PathLike[str], *, base: Dataset | None = None) -> Dataset:
    """Load your own data as a validated :class:`Dataset`.

    ```python
    >>> import pakru, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> written = pakru.export(pakru.events(place="tashkent"), "json", folder)
    >>> mine = pakru.load(folder)
    >>> [e.id for e in mine] == list(pakru.events(place="tashkent").ids)
    True

    ```

    :param path: a data folder (YAML files, optionally with a manifest), one YAML file,
        or a pakru ``json``, ``jsonl`` or ``datapackage`` export (the file or its folder).
    :param base: with ``base=pakru.dataset()`` the data is an overlay on the shipped
        records: new records are added and records marked ``correction: true`` replace
        shipped ones (see ``docs/robustness.md``).
    :returns: the :class:`Dataset`; the shipped dataset is never changed.
    :raises DataError: listing every problem with file, line and field; nothing is
        returned unless everything is valid.
    """
    from pakru.loader.userdata import load as load_user  # noqa: PLC0415 - only when used

    return load_user(path, base=base)


def anchor(
    source: str, copy: str | os.PathLike[str], *, html: bool | None = None
) -> tuple[Anchor, ...]:
    """Find every passage cited from ``source`` in ``copy``, any copy of the source.

    Uses each passage's text-free fingerprint, so it needs no corpus: a saved web page,
    text from a PDF or a reflowed text will do. See :func:`pakru.anchoring.anchor`.

    ```python
    >>> import pakru, pathlib, tempfile
    >>> copy = pathlib.Path(tempfile.mkdtemp(), "copy.txt")
    >>> _ = copy.write_text("A page that quotes none of it.", encoding="utf-8")
    >>> {a.verdict for a in pakru.anchor("w-wikipedia-tashkent-declaration", copy)}
    {'not-found'}

    ```

    :param source: a source id.
    :param copy: the path of a file holding a copy of that source.
    :param html: read the copy as HTML (True), as text (False), or by its suffix (None).
    :returns: one :class:`~pakru.anchoring.Anchor` per cited passage, each with a
        ``verdict`` (``"exact"``, ``"moved"``, ``"changed"``, ``"not-found"``, ...) and
        the span found in the copy.
    :raises UnknownIdError: for an unknown source id.
    :raises PakruError: when the copy cannot be read.
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

    ```python
    >>> import pakru, pathlib, tempfile
    >>> copy = pathlib.Path(tempfile.mkdtemp(), "copy.txt")
    >>> _ = copy.write_text("A page that quotes none of it.", encoding="utf-8")
    >>> print(pakru.in_context("1966-01-10-tashkent-declaration", copy=copy))
    1966-01-10-tashkent-declaration · 1966-01-10 · agreement
    Tashkent Declaration signed
    ...
    Evidence 1 of ... · not-found · ...

    ```

    :param event: an event or its id.
    :param corpus: a corpus folder (the curation corpus) to read the passages from.
    :param copy: or one file holding a copy of a cited source, anchored by fingerprint.
    :returns: an :class:`~pakru.context.InContext` that prints as text (passages marked
        ``[[...]]``) and displays as HTML in a notebook.
    :raises UnknownIdError: for an unknown event id.
    :raises PakruError: when neither ``corpus`` nor ``copy`` is given or readable.
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
    """The citation of an event, source, id, collection or dataset.

    ```python
    >>> import pakru
    >>> print(pakru.cite("w-wikipedia-tashkent-declaration"))
    Tashkent Declaration. (n.d.). In Wikipedia. Retrieved ... from https://en.wikipedia.org/wiki/Tashkent_Declaration
    >>> pakru.cite("w-wikipedia-tashkent-declaration", "bibtex").startswith("@misc{")
    True

    ```

    :param obj: an :class:`Event` (its sources, with paragraph pinpoints), a
        :class:`Source`, an id of either, an iterable of them, or a :class:`Dataset`
        (the data itself, with its version and digest).
    :param style: ``"apa"`` (default), ``"chicago"``, ``"mla"``, ``"csl-json"`` (an item
        array), ``"csl-citation"`` (a citation object), ``"biblatex"`` (for Biber),
        ``"bibtex"`` (classic BibTeX, for natbib) or ``"ris"``.
    :param markup: ``"text"`` or ``"html"`` for the prose styles.
    :param dataset: the dataset the records come from (default: the shipped one).
    :returns: the citation text.
    :raises QueryError: (a ``ValueError``) for an unknown style or markup.
    :raises UnknownIdError: (a ``KeyError``) for an unknown id.
    """
    from pakru.citation.cite import cite as _cite  # noqa: PLC0415 - keeps `import pakru` light

    return _cite(obj, style, markup=markup, dataset=dataset)


def schema(kind: str = "export") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a JSON export or of one kind of record.

    Generated from the record classes; a fresh dict on each call.

    ```python
    >>> import pakru
    >>> event = pakru.schema("event")
    >>> event["$ref"], "id" in event["$defs"]["event"]["required"]
    ('#/$defs/event', True)

    ```

    :param kind: ``"export"`` (default), ``"event"``, ``"actor"``, ``"source"`` or
        ``"line"`` (one line of a JSON Lines export).
    :returns: the schema as a dict.
    :raises QueryError: (a ``ValueError``) for another kind.
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
    """Write ``data`` in ``format`` into the folder ``out``; return the files written.

    Each file is written whole or not at all (a temporary file, then a rename); an
    export of events also holds every actor and source they refer to. See
    :mod:`pakru.exports` and ``docs/exports.md``.

    ```python
    >>> import pakru, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> [p.name for p in pakru.export(pakru.events(place="tashkent"), "json", folder)]
    ['pakru.json']

    ```

    :param data: a :class:`Dataset`, a query result (:class:`EventList`), any iterable
        of events, or None for the whole shipped dataset.
    :param format: ``json``, ``jsonl``, ``csv``, ``datapackage`` (Frictionless),
        ``timelinejs``, ``parquet`` (``arrow`` extra), ``csl-json``, ``web-annotation``
        (W3C JSON-LD), ``graphml`` or ``gexf``.
    :param out: the folder to write into (created if needed; files of the same names
        are replaced).
    :param corpus: ``web-annotation`` only: a corpus folder to quote the passages from.
    :returns: the paths written, as a tuple.
    :raises QueryError: (a ``ValueError``) for an unknown format.
    :raises QueryTypeError: (a ``TypeError``) for data that is not events.
    :raises MissingExtraError: when the format needs an extra that is not installed.
    :raises OSError: when the folder cannot be written (a link or a non-file in the way
        is refused; nothing already there is lost).
    """
    from pakru.exports.writers import export as write  # noqa: PLC0415

    return write(data, format, out, corpus=corpus)


def to_pandas(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pandas.DataFrame`` (``pip install 'pakru[pandas]'``).

    ```python
    >>> import pakru
    >>> frame = pakru.to_pandas(pakru.events(place="tashkent"))
    >>> list(frame["id"])
    ['1966-01-04-tashkent-conference', '1966-01-10-tashkent-declaration']

    ```

    :param data: a :class:`Dataset`, an :class:`EventList`, events, or None for all.
    :param table: a table of the export (``"events"``, ``"participants"``,
        ``"evidence"``, ``"actors"``, ...) or an analysis shape (``"counts"``,
        ``"dyads"``); see ``docs/analysis.md``.
    :returns: the ``DataFrame``, typed, with the data's versions in ``attrs["pakru"]``.
    :raises QueryError: (a ``ValueError``) for an unknown table.
    :raises MissingExtraError: when pandas is not installed.
    """
    from pakru.exports.frames import to_pandas as frame  # noqa: PLC0415

    return frame(data, table)


def to_arrow(data: Dataset | Iterable[Event] | None = None, table: str = "events") -> Any:
    """A table of ``data`` as a ``pyarrow.Table`` (``pip install 'pakru[arrow]'``).

    ```python
    >>> import pakru
    >>> pakru.to_arrow(pakru.events(place="tashkent")).num_rows
    2

    ```

    :param data: a :class:`Dataset`, an :class:`EventList`, events, or None for all.
    :param table: as for :func:`to_pandas`.
    :returns: the ``pyarrow.Table``; its schema metadata holds the data's versions.
    :raises QueryError: (a ``ValueError``) for an unknown table.
    :raises MissingExtraError: when pyarrow is not installed.
    """
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

    Each bin has ``min`` (events certainly in it), ``max`` (events possibly in it) and
    ``expected`` (each event spread evenly over its date). See :mod:`pakru.counts`.

    ```python
    >>> import pakru
    >>> counts = pakru.count("decade", ("1960", "1969"))
    >>> sixties = next(row for row in counts.rows() if row["decade"] == 1960)
    >>> sixties["min"] <= sixties["expected"] <= sixties["max"]
    True

    ```

    :param by: ``"year"``, ``"decade"``, ``"type"`` or ``"quad"``.
    :param between: and ``filters``: as for :func:`events`.
    :param disputed: ``"accepted"`` (default), ``"unresolved"`` or ``"all"``: whether
        other readings of disputed dates are counted too.
    :returns: a :class:`~pakru.counts.Counts`, with ``rows()`` and ``to_pandas()``.
    :raises QueryError: (a ``ValueError``) for an unknown ``by``, ``disputed`` or filter.
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

    Years the data does not cover are flagged ``covered=False`` and have missing
    counts. See :mod:`pakru.panels`.

    ```python
    >>> import pakru
    >>> panel = pakru.dyads(between=("1966", "1966"))
    >>> any(r["ccode1"] == 770 and r["ccode2"] == 365 for r in panel.rows())
    True

    ```

    :param directed: one row per ordered pair (True) or per unordered pair.
    :param by: ``"year"`` (the only period so far).
    :param codes: ``"cow"`` (default), ``"gw"`` or ``"iso3"`` state codes.
    :param between: and ``filters``: as for :func:`events`.
    :returns: a :class:`~pakru.panels.Dyads`, with ``rows()`` and ``to_pandas()``.
    :raises QueryError: (a ``ValueError``) for an unknown argument value.
    """
    from pakru.panels import dyads as panel  # noqa: PLC0415

    return panel(_shipped(), directed=directed, by=by, codes=codes, between=between, **filters)


def to_networkx(data: Dataset | Iterable[Event] | None = None) -> Any:
    """Actors and events as a bipartite ``networkx.DiGraph`` (the ``networkx`` extra).

    See :mod:`pakru.graph` for the nodes, edges and attributes.

    ```python
    >>> import pakru
    >>> graph = pakru.to_networkx(pakru.events(place="tashkent"))
    >>> graph.has_edge("actor:ussr", "event:1966-01-10-tashkent-declaration")
    True

    ```

    :param data: a :class:`Dataset`, an :class:`EventList`, events, or None for all.
    :returns: the graph: ``actor:<id>`` and ``event:<id>`` nodes, edges from actors to
        the events they take part in, with their roles.
    :raises MissingExtraError: when networkx is not installed.
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
