"""Where each record's page lives on the pakru documentation site, and how to name it.

The site gives every event, actor and source a page whose address is its id:
``events/<id>/``, ``actors/<id>/`` and ``sources/<id>/``. Ids never change meaning, so
neither do these addresses. The site itself, its inventory (``objects.inv``) and the
Markdown and Sphinx extensions all build their links here.
"""

from __future__ import annotations

import calendar
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from pakru.dates import EDTFDate, EDTFPoint, Precision
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

_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


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


def _month(number: int) -> str:
    return calendar.month_name[number]


def _point(point: EDTFPoint) -> str:
    first = point.earliest
    precision = point.precision
    if precision is Precision.DAY:
        text = f"{first.day} {_month(first.month)} {first.year}"
    elif precision is Precision.MONTH:
        text = f"{_month(first.month)} {first.year}"
    elif precision is Precision.SEASON:
        season = _SEASONS[int(point.text[5:7])]
        text = f"{season} {first.year}"
        if season == "winter":
            text = f"winter {first.year}–{str(first.year + 1)[-2:]}"
    elif precision is Precision.YEAR:
        text = str(first.year)
    elif precision is Precision.DECADE and first.year >= 1000:
        text = f"the {first.year}s"
    else:  # a century, or a decade of the first millennium: its first and last year
        text = f"{first.year}–{point.latest.year}"
    if point.approximate:
        text = f"about {text}"
    if point.uncertain:
        text = f"{text} (uncertain)"
    return text


def _same_month_days(start: EDTFPoint, end: EDTFPoint) -> str | None:
    a, b = start.earliest, end.earliest
    plain = not (start.uncertain or start.approximate or end.uncertain or end.approximate)
    if (
        plain
        and start.precision is Precision.DAY
        and end.precision is Precision.DAY
        and (a.year, a.month) == (b.year, b.month)
    ):
        return f"{a.day}–{b.day} {_month(a.month)} {a.year}"
    return None


def human_date(date: EDTFDate) -> str:
    """A reader's wording of an EDTF date: ``1966-01-10`` reads "10 January 1966".

    Intervals read "A to B" ("4–10 January 1966" within one month); an open end reads
    "from A on" and an unknown one "from A (end unknown)"; qualifiers read "about"
    (approximate) and "(uncertain)". One date of a range reads "some time between A and
    B", "on or before B" or "on or after A".
    """
    if date.is_set:
        first, last = date.start, date.end
        if first is not None and last is not None:
            return f"some time between {_point(first)} and {_point(last)}"
        if last is not None:
            return f"on or before {_point(last)}"
        assert first is not None  # noqa: S101 - a range has at least one known end
        return f"on or after {_point(first)}"
    if not date.is_interval:
        assert date.start is not None  # noqa: S101 - a single date always has its point
        return _point(date.start)
    start, end = date.start, date.end
    if start is not None and end is not None:
        return _same_month_days(start, end) or f"{_point(start)} to {_point(end)}"
    if start is not None:
        return (
            f"from {_point(start)} on" if date.end_open else f"from {_point(start)} (end unknown)"
        )
    assert end is not None  # noqa: S101 - an interval has at least one known end
    return f"until {_point(end)}" if date.start_open else f"until {_point(end)} (start unknown)"


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
