"""What an export holds: a whole dataset, or events with every record they refer to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pakru.collection import Dataset, EventList
from pakru.errors import QueryTypeError
from pakru.linedict import short
from pakru.loader import or_shipped
from pakru.model import Actor, Event, Source
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict

__all__ = ["Data", "Selection", "select"]

Data = Dataset | Iterable[Event]


class Selection:
    """Events with every actor and source they refer to, and where they came from."""

    def __init__(
        self,
        events: Sequence[Event],
        actors: Sequence[Actor],
        sources: Sequence[Source],
        origin: Dataset,
        matches: Mapping[str, str] | None = None,
    ) -> None:
        self.events = tuple(events)
        self.actors = tuple(actors)
        self.sources = tuple(sources)
        self.origin = origin
        self.matches = None if matches is None else dict(matches)
        """Event id to ``"certain"`` or ``"possible"`` when the events came from a query
        whose window some of them only may fall in; None otherwise."""

    @property
    def header(self) -> dict[str, Any]:
        """The versions, digest and licence of the data the records came from.

        An export of a windowed query that holds events only possibly in the window adds
        ``matches``: each event id with ``"certain"`` or ``"possible"``.
        """
        from pakru._version import __version__  # noqa: PLC0415

        header: dict[str, Any] = {
            "package_version": __version__,
            "data_version": self.origin.data_version,
            "digest": self.origin.digest,
            "license": self.origin.license,
        }
        if self.matches is not None:
            header["matches"] = dict(self.matches)
        return header

    def match_rows(self) -> list[dict[str, str]]:
        """The ``matches`` table: one row per event, in export order (empty if unmarked)."""
        if self.matches is None:
            return []
        return [{"event": e.id, "match": self.matches[e.id]} for e in self.events]

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
        whole = or_shipped(data)
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
    matches = _matches(data, events)
    events = tuple(dict.fromkeys(events))  # an event given twice is written once
    origin = or_shipped(dataset)
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
        matches,
    )


def _matches(data: object, events: Sequence[Event]) -> dict[str, str] | None:
    """Each event's match when ``data`` is a windowed query holding possible events."""
    if not isinstance(data, EventList) or "possible" not in data.matches:
        return None
    return {e.id: str(m) for e, m in zip(events, data.matches, strict=True)}
