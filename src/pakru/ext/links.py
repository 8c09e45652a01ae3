"""Where each record's page lives on the pakru documentation site, and how to name it.

The site gives every event, actor and source a page whose address is its id:
``events/<id>/``, ``actors/<id>/`` and ``sources/<id>/``. Ids never change meaning, so
neither do these addresses. The site itself, its inventory (``objects.inv``) and the
Markdown and Sphinx extensions all build their links here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from pakru.datewords import human_date
from pakru.errors import QueryTypeError
from pakru.loader import or_shipped
from pakru.model import Actor, Event, Source

if TYPE_CHECKING:
    from pakru.collection import Dataset

__all__ = ["FOLDERS", "Reference", "find", "human_date", "record_path", "reference"]

#: The site folder of each kind of record.
FOLDERS: MappingProxyType[str, str] = MappingProxyType(
    {"event": "events", "actor": "actors", "source": "sources"}
)

#: The anchor of the citation block on an event page.
CITE_ANCHOR = "cite"


def record_path(kind: str, id: str) -> str:
    """The page of a record, relative to the site's root: ``events/<id>/`` and so on."""
    if kind not in FOLDERS:
        raise QueryTypeError(
            f"record_path: {kind!r} is not a kind of record; expected one of " + ", ".join(FOLDERS)
        )
    return f"{FOLDERS[kind]}/{id}/"


def _kind(record: Event | Actor | Source) -> str:
    if isinstance(record, Event):
        return "event"
    if isinstance(record, Actor):
        return "actor"
    return "source"


def find(id: str, dataset: Dataset | None = None) -> Event | Actor | Source:
    """The event, actor or source with this id (events first), in ``dataset``.

    ``dataset`` defaults to the shipped data. Actors are found by id only here (not by
    name or alias), since a link must name one record for good.
    """
    if not isinstance(id, str):
        raise QueryTypeError(f"find: expected a record id string, got {type(id).__name__}")
    return or_shipped(dataset).lookup(id.strip())


@attrs.frozen
class Reference:
    """What a link to a record shows: its kind, id, title, date and page."""

    kind: str
    id: str
    title: str
    date: str | None
    path: str

    def url(self, base_url: str) -> str:
        """The record's page under ``base_url`` (the address of a pakru documentation site)."""
        return _join(base_url, self.path)

    def cite_url(self, base_url: str) -> str:
        """Where to find how to cite the record: an event's citation block, or its page."""
        suffix = f"#{CITE_ANCHOR}" if self.kind == "event" else ""
        return self.url(base_url) + suffix


def _join(base_url: str, path: str) -> str:
    return path if not base_url else base_url.rstrip("/") + "/" + path


def reference(id: str, dataset: Dataset | None = None) -> Reference:
    """The :class:`Reference` of the event, actor or source with this id."""
    record = find(id, dataset)
    kind = _kind(record)
    if isinstance(record, Event):
        title, date = record.title, human_date(record.date)
    elif isinstance(record, Actor):
        title, date = record.name, None
    else:
        title = record.title or record.id
        date = None if record.issued is None else human_date(record.issued)
    return Reference(kind, record.id, title, date, record_path(kind, record.id))
