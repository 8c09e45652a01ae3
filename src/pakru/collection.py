"""A validated, indexed collection of events, actors and sources, and its queries."""

from __future__ import annotations

import bisect
import functools
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex, TypeVar, overload

from pakru.errors import PakruWarning, QueryError, QueryTypeError, RetiredIdError, UnknownIdError
from pakru.handoff import handed
from pakru.model import Actor, Event, Source, Tombstone
from pakru.query import ALL_DAYS, as_keys, date_fit, day_range
from pakru.rules import DATE_MATCHES, KINDS
from pakru.vocabulary import ACTOR_KINDS, EVENT_TYPES, ROLES, canonical_tag

R = TypeVar("R", Event, Actor, Source)
Record = Event | Actor | Source
_KINDS = tuple(KINDS.values())

if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

    from pakru.counts import Counts
    from pakru.panels import Dyads

__all__ = ["Dataset", "EventList"]


class EventList(tuple[Event, ...]):
    """An immutable, date-ordered sequence of events (a tuple with a readable repr).

    A list returned by a query with ``between`` knows how each event falls in the
    window: :attr:`matches` holds ``"certain"`` or ``"possible"`` per event (see
    :func:`pakru.query.date_fit`).

    ```python
    >>> import pakru
    >>> found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    >>> found.count() == len(found) and found.count("certain") < found.count()
    True

    ```
    """

    _matches: tuple[str | None, ...] | None

    def __new__(
        cls, events: Iterable[Event] = (), matches: Iterable[str | None] | None = None
    ) -> EventList:
        """A list of ``events``, with one ``"certain"``/``"possible"`` per event or None."""
        self = super().__new__(cls, events)
        self._matches = None if matches is None else tuple(matches)
        if self._matches is not None and len(self._matches) != len(self):
            raise ValueError("EventList: give one match per event")
        return self

    @overload
    def __getitem__(self, index: SupportsIndex) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> EventList: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Event | EventList:
        if isinstance(index, slice):
            m = self._matches
            return EventList(super().__getitem__(index), None if m is None else m[index])
        return super().__getitem__(index)

    def __repr__(self) -> str:
        if not self:
            return "EventList([])"
        marks = self.matches
        rows = "\n".join(
            f"  {e.date.edtf:<23} {e.id:<48} {e.title}{' (possible)' if m == 'possible' else ''}"
            for e, m in zip(self, marks, strict=True)
        )
        noun = "event" if len(self) == 1 else "events"
        return f"EventList({len(self)} {noun}:\n{rows}\n)"

    def _repr_html_(self) -> str:
        from pakru.notebook import events_html  # noqa: PLC0415

        return events_html(self, self.matches)

    @property
    def matches(self) -> tuple[str | None, ...]:
        """Per event, ``"certain"`` or ``"possible"`` for a query with ``between``.

        None for each event of a list not selected by date.
        """
        return (None,) * len(self) if self._matches is None else self._matches

    def count(self, value: object = None, /) -> int:
        """The number of events; ``count("possible")`` counts those only possibly in the window.

        ``count(event)`` counts that event, as for any tuple.
        """
        if value is None:
            return len(self)
        if isinstance(value, str):
            return self.matches.count(value)
        return super().count(value)

    def certain(self) -> EventList:
        """The events that certainly fall in the query's window (all of them without one)."""
        if self._matches is None:
            return self
        keep = [i for i, m in enumerate(self._matches) if m == "certain"]
        return EventList([self[i] for i in keep], ["certain"] * len(keep))

    def possible(self) -> EventList:
        """The events that only possibly fall in the query's window."""
        keep = [i for i, m in enumerate(self.matches) if m == "possible"]
        return EventList([self[i] for i in keep], ["possible"] * len(keep))

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the events, in order."""
        return tuple(e.id for e in self)

    def export(self, format: str, out: str | PathLike[str]) -> tuple[Path, ...]:
        """Write these events, with the actors and sources they name, into folder ``out``.

        Formats as for :func:`pakru.export`; actors and sources come from the shipped data.
        """
        return handed("export")(self, format, out)  # type: ignore[no-any-return]

    def to_pandas(self, table: str = "events") -> Any:
        """A table of these events as a ``pandas.DataFrame`` (the ``pandas`` extra)."""
        return handed("to_pandas")(self, table)

    def to_arrow(self, table: str = "events") -> Any:
        """A table of these events as a ``pyarrow.Table`` (the ``arrow`` extra)."""
        return handed("to_arrow")(self, table)


def _date_key(event: Event) -> tuple[int, int, str]:
    lo, hi = event.date.bounds()
    return lo, hi, event.id


def _rebuild(state: dict[str, Any], stones: dict[tuple[str, str], Tombstone]) -> Dataset:
    """A :class:`Dataset` from what its ``__reduce__`` saved (unpickling)."""
    retired = functools.partial(MappingProxyType, stones) if stones else None
    return Dataset(**state, tombstones=retired)


class Dataset:
    """Events, actors and sources that passed validation, with indexes for queries.

    Build one with :func:`pakru.dataset` (the shipped data) or :func:`pakru.load`; the
    constructor trusts its arguments to be validated already.
    """

    def __init__(
        self,
        *,
        events: Iterable[Event],
        actors: Iterable[Actor],
        sources: Iterable[Source],
        data_version: str,
        license: str,
        digest: str | None = None,
        label: str,
        tombstones: Callable[[], Mapping[tuple[str, str], Tombstone]] | None = None,
    ) -> None:
        from pakru._version import __version__  # noqa: PLC0415

        self._tombstones = tombstones
        self._package_version: str = __version__
        self._data_version = data_version
        self._digest: str | None = digest  # computed from the records when first asked
        self._license = license
        self._label = label
        ordered = sorted(events, key=_date_key)
        self._events = EventList(ordered)
        self._plain: tuple[Event, ...] = tuple(ordered)  # indexed without EventList overhead
        self._event_by_id = MappingProxyType({e.id: e for e in ordered})
        self._actor_by_id = MappingProxyType({a.id: a for a in sorted(actors, key=lambda a: a.id)})
        self._source_by_id = MappingProxyType(
            {s.id: s for s in sorted(sources, key=lambda s: s.id)}
        )
        self._actor_names: dict[str, str] = {}
        for actor in self._actor_by_id.values():
            for name in (actor.id, actor.name, *actor.aliases):
                self._actor_names.setdefault(name.casefold(), actor.id)
        bounds = [e.date.bounds() for e in ordered]
        self._lo = [b[0] for b in bounds]
        self._hi = [b[1] for b in bounds]
        names = {a.id: "\n".join((a.name, *a.aliases)) for a in self._actor_by_id.values()}
        self._text = [
            "\n".join(
                (
                    e.title,
                    e.summary,
                    e.note or "",
                    e.place or "",
                    *(names.get(p.actor, p.actor) for p in e.participants),
                )
            ).casefold()
            for e in ordered
        ]
        self._places = [None if e.place is None else e.place.casefold() for e in ordered]
        by_role: dict[str, set[int]] = {}
        by_actor_role: dict[tuple[str, str], set[int]] = {}
        for i, event in enumerate(ordered):
            for p in event.participants:
                by_role.setdefault(p.role, set()).add(i)
                by_actor_role.setdefault((p.actor, p.role), set()).add(i)
        self._by_role = {k: frozenset(v) for k, v in by_role.items()}
        self._by_actor_role = {k: frozenset(v) for k, v in by_actor_role.items()}
        self._qualified = [e.date.uncertain or e.date.approximate for e in ordered]
        by_actor: dict[str, set[int]] = {}
        by_type: dict[str, set[int]] = {}
        by_tag: dict[str, set[int]] = {}
        by_source: dict[str, set[int]] = {}
        for i, event in enumerate(ordered):
            for actor_id in event.actors:
                by_actor.setdefault(actor_id, set()).add(i)
            by_type.setdefault(event.type, set()).add(i)
            for tag in event.tags:
                by_tag.setdefault(tag, set()).add(i)
            for source_id in event.sources:
                by_source.setdefault(source_id, set()).add(i)
        self._by_actor = {k: frozenset(v) for k, v in by_actor.items()}
        self._by_type = {k: frozenset(v) for k, v in by_type.items()}
        self._by_tag = {k: frozenset(v) for k, v in by_tag.items()}
        self._by_source = {k: frozenset(v) for k, v in by_source.items()}
        # Results of one-key filters (the common queries), built on first use and shared:
        # an EventList cannot be changed, so every caller may hold the same one.
        self._one_key: dict[tuple[str, str], EventList] = {}
        object.__setattr__(self, "_sealed", True)

    # -- a dataset cannot be changed, and travels to other processes --------------------

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_sealed", False):
            raise AttributeError(
                f"a pakru Dataset cannot be changed (setting {name!r}); every caller shares "
                "it: build another with pakru.load or Dataset.overlay"
            )
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a pakru Dataset cannot be changed (deleting {name!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its records; the tombstones are read now so the copy needs no files.
        stones = dict(self.retired)
        state = {
            "events": self._plain,
            "actors": tuple(self._actor_by_id.values()),
            "sources": tuple(self._source_by_id.values()),
            "data_version": self._data_version,
            "digest": self._digest,
            "license": self._license,
            "label": self._label,
        }
        return (_rebuild, (state, stones))

    # -- summary -----------------------------------------------------------------------

    @property
    def package_version(self) -> str:
        """Version of the pakru code that loaded the data."""
        return self._package_version

    @property
    def data_version(self) -> str:
        """Version of the data (semver), from its manifest."""
        return self._data_version

    @property
    def digest(self) -> str:
        """SHA-256 of the records served, as canonical JSON: one fingerprint for the data.

        Two datasets with the same digest hold the same records, whatever files or
        format they were read from. Computed on first use unless the loader knew it
        already (the shipped wheel's compiled data carries it).
        """
        found = self._digest
        if found is None:
            from pakru.serialize import records_digest, records_json  # noqa: PLC0415

            text = records_json(
                self._plain, self._actor_by_id.values(), self._source_by_id.values()
            )
            found = records_digest(text)
            object.__setattr__(self, "_digest", found)  # the same value whoever computes it
        return found

    @property
    def license(self) -> str:
        """SPDX identifier of the data licence."""
        return self._license

    @property
    def label(self) -> str:
        """Where the data was loaded from, as used in error messages."""
        return self._label

    @property
    def counts(self) -> Mapping[str, int]:
        """How many events, actors, sources and evidence passages the dataset holds."""
        return MappingProxyType(
            {
                "events": len(self._events),
                "actors": len(self._actor_by_id),
                "sources": len(self._source_by_id),
                "evidence": sum(len(e.evidence) for e in self._events),
            }
        )

    def _repr_html_(self) -> str:
        from pakru.notebook import dataset_html  # noqa: PLC0415

        return dataset_html(self)

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"<pakru Dataset {self.label!r} data {self.data_version} "
            f"(package {self.package_version}): {c['events']} events, {c['actors']} actors, "
            f"{c['sources']} sources, {c['evidence']} evidence passages; "
            f"{self.license}; sha256 {self.digest[:12]}>"
        )

    def export(self, format: str, out: str | PathLike[str]) -> tuple[Path, ...]:
        """Write the whole dataset in ``format`` into folder ``out`` (see pakru.export)."""
        return handed("export")(self, format, out)  # type: ignore[no-any-return]

    def to_pandas(self, table: str = "events") -> Any:
        """A table of the dataset as a ``pandas.DataFrame`` (the ``pandas`` extra)."""
        return handed("to_pandas")(self, table)

    def to_arrow(self, table: str = "events") -> Any:
        """A table of the dataset as a ``pyarrow.Table`` (the ``arrow`` extra)."""
        return handed("to_arrow")(self, table)

    def count(self, by: str = "year", between: object = None, **options: Any) -> Counts:
        """The events counted with their uncertainty, as :func:`pakru.count` does."""
        return handed("count")(self, by, between, **options)  # type: ignore[no-any-return]

    def dyads(self, directed: bool = True, by: str = "year", **options: Any) -> Dyads:
        """The dyad-year panel of the events, as :func:`pakru.dyads` gives it."""
        return handed("dyads")(self, directed=directed, by=by, **options)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)

    # -- lookups -----------------------------------------------------------------------

    def event(self, id: str) -> Event:
        """The event with this id; :class:`UnknownIdError` (a ``KeyError``) otherwise.

        An id that a release retired gives the record that replaced it, with a
        :class:`~pakru.PakruWarning` naming both (:class:`~pakru.RetiredIdError` when
        nothing replaced it).
        """
        if not isinstance(id, str):
            raise QueryTypeError(f"event: expected an event id string, got {type(id).__name__}")
        found = self._event_by_id.get(id)
        return found if found is not None else self._replacement("event", id, self._event_by_id)

    def actor(self, id_or_alias: str | Actor) -> Actor:
        """The actor with this id, name or alias (any letter case); retired ids as for events."""
        if isinstance(id_or_alias, Actor):
            id_or_alias = id_or_alias.id
        if not isinstance(id_or_alias, str):
            raise QueryTypeError(
                "actor: expected an actor id, name or alias string, or an "
                f"Actor, got {type(id_or_alias).__name__}"
            )
        found = self._actor_names.get(id_or_alias.casefold().strip())
        if found is None:
            return self._replacement("actor", id_or_alias.strip(), self._actor_by_id)
        return self._actor_by_id[found]

    def source(self, id: str) -> Source:
        """The source with this id; retired ids as for events."""
        if not isinstance(id, str):
            raise QueryTypeError(f"source: expected a source id string, got {type(id).__name__}")
        found = self._source_by_id.get(id)
        return found if found is not None else self._replacement("source", id, self._source_by_id)

    def tombstone(self, kind: str, id: str) -> Tombstone | None:
        """The tombstone of a retired ``kind`` (``"event"``, ...) id, or None."""
        if self._tombstones is None or not isinstance(id, str):
            return None
        return self._tombstones().get((kind, id))

    def _replacement(self, kind: str, key: str, current: Mapping[str, R]) -> R:
        """The record that took over a retired id, with a warning; or the right error."""
        stone = self.tombstone(kind, key)
        if stone is None:
            candidates = self._actor_names if kind == "actor" else current
            raise UnknownIdError(kind, key, candidates)
        first, seen = stone, {key}
        while stone.replaced_by is not None and stone.replaced_by not in current:
            nxt = self.tombstone(kind, stone.replaced_by)
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            stone = nxt
        if stone.replaced_by is None or stone.replaced_by not in current:
            raise RetiredIdError(stone)
        target = stone.replaced_by
        warnings.warn(
            f"{kind} {key!r} was retired in data {first.retired_in} ({first.reason}); "
            f"use {target!r}, which replaces it",
            PakruWarning,
            stacklevel=3,
        )
        return current[target]

    def resolve(self, id: str, kind: str | None = None) -> Event | Actor | Source | Tombstone:
        """The record any released id names, or the :class:`~pakru.Tombstone` of a retired one.

        Looks among events, actors and sources (or only ``kind``: ``"event"``, ``"actor"``
        or ``"source"``). A tombstone comes with a :class:`~pakru.PakruWarning` naming its
        replacement; only an id that was never released raises :class:`UnknownIdError`.
        """
        if not isinstance(id, str):
            raise QueryTypeError(f"resolve: expected an id string, got {type(id).__name__}")
        if kind is not None and kind not in _KINDS:
            raise QueryError(f"kind: expected 'event', 'actor' or 'source', got {kind!r}")
        kinds = _KINDS if kind is None else (kind,)
        try:
            return self.lookup(id, kinds)
        except UnknownIdError:
            for name in kinds:
                stone = self.tombstone(name, id)
                if stone is not None:
                    target = "nothing" if stone.replaced_by is None else repr(stone.replaced_by)
                    warnings.warn(
                        f"{name} {id!r} was retired in data {stone.retired_in} ({stone.reason}); "
                        f"it is replaced by {target}",
                        PakruWarning,
                        stacklevel=2,
                    )
                    return stone
            raise

    def lookup(self, id: str, kinds: Iterable[str] = _KINDS) -> Record:
        """The current record with this id among ``kinds``, looked up in that order.

        The one rule for finding a record by any id: :meth:`resolve` adds the tombstones
        of retired ids, and citations, record links and ``pakru show`` use it. Raises
        :class:`UnknownIdError` with the closest known ids otherwise.
        """
        if not isinstance(id, str):
            raise QueryTypeError(f"lookup: expected an id string, got {type(id).__name__}")
        tables: dict[str, Mapping[str, Record]] = {
            "event": self._event_by_id,
            "actor": self._actor_by_id,
            "source": self._source_by_id,
        }
        chosen = tuple(kinds)
        for name in chosen:
            if name not in tables:
                raise QueryError(f"kind: expected 'event', 'actor' or 'source', got {name!r}")
            record = tables[name].get(id)
            if record is not None:
                return record
        known = [k for name in chosen for k in tables[name]]
        what = chosen[-1] if len(chosen) == 1 else f"{', '.join(chosen[:-1])} or {chosen[-1]}"
        raise UnknownIdError(what, id, known)

    @property
    def retired(self) -> Mapping[tuple[str, str], Tombstone]:
        """The tombstones of every retired id, keyed by (kind, id); read on first use."""
        return MappingProxyType({}) if self._tombstones is None else self._tombstones()

    def overlay(self, path: str | os.PathLike[str]) -> Dataset:
        """A new dataset: this one with the user data at ``path`` added; see :func:`pakru.load`.

        This dataset, and everything it returned before, stays as it is.
        """
        return handed("load")(path, base=self)  # type: ignore[no-any-return]

    def actors(self, kind: str | None = None, *, text: str | None = None) -> tuple[Actor, ...]:
        """All actors sorted by id, or only those of one kind (see ``pakru.ACTOR_KINDS``).

        ``text`` keeps actors whose id, name or an alias contains it (any case). Raises
        ``QueryError`` for an unknown kind and ``QueryTypeError`` for a non-string.
        """
        if text is not None:
            if not isinstance(text, str):
                raise QueryTypeError(f"text: expected a string, got {type(text).__name__}")
            needle = text.casefold().strip()
            return tuple(
                a
                for a in self.actors(kind)
                if any(needle in n.casefold() for n in (a.id, a.name, *a.aliases))
            )
        if kind is None:
            return tuple(self._actor_by_id.values())
        if not isinstance(kind, str):
            raise QueryTypeError(f"kind: expected a string, got {type(kind).__name__}")
        if kind not in ACTOR_KINDS:
            raise QueryError(
                f"kind: {kind!r} is not an actor kind; expected one of " + ", ".join(ACTOR_KINDS)
            )
        return tuple(a for a in self._actor_by_id.values() if a.kind == kind)

    def sources(self) -> tuple[Source, ...]:
        """All sources sorted by id."""
        return tuple(self._source_by_id.values())

    def lineage(self, actor: str | Actor) -> tuple[Actor, ...]:
        """The actor with its predecessors and successors, oldest first."""
        first = self.actor(actor)
        seen = {first.id}
        while first.predecessor is not None and first.predecessor not in seen:
            first = self._actor_by_id[first.predecessor]
            seen.add(first.id)
        chain = [first]
        while chain[-1].successor is not None and chain[-1].successor not in {a.id for a in chain}:
            chain.append(self._actor_by_id[chain[-1].successor])
        return tuple(chain)

    # -- queries -----------------------------------------------------------------------

    def events(
        self,
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
        """Events matching every filter given, sorted by date then id.

        ``between`` is a window of days (see :func:`pakru.query.day_range` for its
        forms). With the default ``date_match="certain"`` an event is kept when every day
        its date can mean lies inside the window and the date has no ``?`` or ``~``;
        ``"possible"`` also keeps the events that only may fall in it (sharing a day with
        the window: open or unknown ends, coarse dates reaching past it, qualifiers).
        The list's :attr:`EventList.matches` says which is which. ``"within"`` (every day
        inside, qualifiers ignored) and ``"overlap"`` (any day shared, the same set as
        ``"possible"``) are kept for older code. ``actor``
        takes ids, names or aliases (any case) or :class:`Actor` objects; an event
        matches when it involves any of them, or all of them with ``all_actors=True``.
        With ``follow_succession=True`` an actor also stands for its predecessors and
        successors (``"ussr"`` then matches Russian Federation events too). ``type``,
        ``tag`` and ``source`` take one value or several (any of them matches); ``text``
        is a case-insensitive substring of the title, summary, note or place, or of a
        participant's name or alias. ``place`` keeps events whose place contains the text
        given (any case; several: any matches). ``role`` keeps events with a participant
        in that role (see ``pakru.ROLES``); with ``actor``, that actor in that role.

        Returns an :class:`EventList`. Raises :class:`~pakru.errors.QueryError` (a
        ``ValueError``) for a value that cannot be used, :class:`~pakru.errors.UnknownIdError`
        (a ``KeyError``, with suggestions) for an unknown actor, type, tag or source, and
        :class:`~pakru.errors.QueryTypeError` (a ``TypeError``) for a value of the wrong type.

        ```python
        >>> import pakru
        >>> pakru.dataset().events(between="1966-01", actor="ussr").ids
        ('1966-01-04-tashkent-conference', '1966-01-10-tashkent-declaration')

        ```
        """
        if date_match not in DATE_MATCHES:
            raise QueryError(
                "date_match: expected one of "
                + ", ".join(map(repr, DATE_MATCHES))
                + f", got {date_match!r}"
            )
        for flag, setting in (("all_actors", all_actors), ("follow_succession", follow_succession)):
            if not isinstance(setting, bool):
                raise QueryTypeError(f"{flag}: expected True or False, got {setting!r}")
        filters = {
            "actor": actor,
            "type": type,
            "tag": tag,
            "source": source,
            "place": place,
            "role": role,
        }
        one_key = self._one_key_query(between, text, follow_succession, filters)
        if one_key is not None:
            known_result = self._one_key.get(one_key)
            if known_result is not None:
                return known_result
        sets = self._role_place_sets(actor, all_actors, follow_succession, role, place)
        for name, value, index, known in (
            ("type", type, self._by_type, EVENT_TYPES),
            ("tag", tag, self._by_tag, self._by_tag),
            ("source", source, self._by_source, self._source_by_id),
        ):
            keys = as_keys(name, value, f"a {name} string or a collection of them")
            if keys is None:
                continue
            if name == "source":  # a retired source id stands for its replacement
                keys = tuple(k if k in known else self.source(k).id for k in keys)
            if name == "tag":  # a merged tag stands for the tag it was merged into
                keys = tuple(k if k in known else canonical_tag(k) for k in keys)
            for key in keys:
                if key not in known:
                    raise UnknownIdError(name, key, known)
            sets.append(frozenset().union(*(index.get(k, frozenset()) for k in keys)))
        if text is not None and not isinstance(text, str):
            raise QueryTypeError(f"text: expected a string, got {text.__class__.__name__}")
        window = day_range(between)

        if sets:
            sets.sort(key=len)
            hits: Iterable[int] = sorted(sets[0].intersection(*sets[1:]))
        elif window is not None:
            # Events are sorted by their first day: those starting after the window end go.
            hits = range(bisect.bisect_right(self._lo, window[1]))
        else:
            hits = range(len(self._events))
        if window is not None:
            lo, hi = window
            los, his = self._lo, self._hi
            if date_match in ("overlap", "possible"):
                hits = [i for i in hits if los[i] <= hi and his[i] >= lo]
            else:
                hits = [i for i in hits if los[i] >= lo and his[i] <= hi]
            if date_match == "certain" and window != ALL_DAYS:
                hits = [i for i in hits if not self._qualified[i]]
        if text is not None:
            needle = text.casefold()
            hits = [i for i in hits if needle in self._text[i]]
        events = self._plain
        chosen = [events[i] for i in hits]
        result = EventList(
            chosen, None if window is None else [date_fit(e.date, window) for e in chosen]
        )
        if one_key is not None:
            self._one_key[one_key] = result
        return result

    def _one_key_query(
        self, between: object, text: object, follow: bool, filters: Mapping[str, object]
    ) -> tuple[str, str] | None:
        """The (filter, key) of a query that names one actor, type, tag or source only."""
        if between is not None or text is not None or follow:
            return None
        given = [(name, value) for name, value in filters.items() if value is not None]
        if len(given) != 1:
            return None
        name, value = given[0]
        if not isinstance(value, str) or name in ("place", "role"):
            return None
        if name == "actor":
            ident = self._actor_names.get(value.casefold().strip())
            return None if ident is None else ("actor", ident)
        # Only current keys: unknown or retired ones take the general path every time,
        # so they keep raising or warning.
        known = {"type": EVENT_TYPES, "tag": self._by_tag, "source": self._source_by_id}[name]
        return (name, value) if value in known else None

    def _role_place_sets(
        self, actor: object, all_actors: bool, follow: bool, role: object, place: object
    ) -> list[frozenset[int]]:
        """The event sets of the actor, role and place filters."""
        sets: list[frozenset[int]] = []
        roles = as_keys("role", role, "a role string or a collection of them")
        for key in roles or ():
            if key not in ROLES:
                raise UnknownIdError("role", key, ROLES)
        if actor is not None:
            sets.extend(self._actor_sets(actor, all_actors, follow, roles))
        elif roles is not None:
            sets.append(frozenset().union(*(self._by_role.get(r, frozenset()) for r in roles)))
        places = as_keys("place", place, "a place string or a collection of them")
        if places is not None:
            wanted = [p.casefold().strip() for p in places]
            sets.append(
                frozenset(
                    i
                    for i, where in enumerate(self._places)
                    if where is not None and any(w in where for w in wanted)
                )
            )
        return sets

    def _actor_sets(
        self,
        actor: object,
        all_actors: bool,
        follow: bool,
        roles: tuple[str, ...] | None = None,
    ) -> list[frozenset[int]]:
        accepted = "an actor id, name or alias, an Actor, or a collection of them"
        if isinstance(actor, (str, Actor)):
            wanted: tuple[object, ...] = (actor,)
        elif isinstance(actor, Iterable) and not isinstance(actor, (bytes, dict)):
            wanted = tuple(actor)
            if not wanted:
                raise QueryError("actor: got an empty collection; give at least one actor")
        else:
            raise QueryTypeError(f"actor: expected {accepted}, got {type(actor).__name__}")
        groups: list[frozenset[int]] = []
        for item in wanted:
            if not isinstance(item, (str, Actor)):
                raise QueryTypeError(
                    f"actor: expected {accepted}, got an item of type {type(item).__name__}"
                )
            ids = [a.id for a in self.lineage(item)] if follow else [self.actor(item).id]
            if roles is None:
                found = [self._by_actor.get(i, frozenset()) for i in ids]
            else:
                found = [self._by_actor_role.get((i, r), frozenset()) for i in ids for r in roles]
            groups.append(frozenset().union(*found))
        if all_actors:
            return groups
        return [frozenset().union(*groups)]
