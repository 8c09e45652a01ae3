"""Notebook displays: HTML for events, lists of events and datasets (every value escaped).

Jupyter and similar front ends call ``_repr_html_``; the methods of
:class:`pakru.Event`, :class:`pakru.EventList` and :class:`pakru.Dataset` build their
HTML here. Every value from the data passes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pakru.datewords import human_date, short_date

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.dates import EDTFDate
    from pakru.model import Event

__all__ = ["dataset_html", "event_html", "events_html"]

#: At most this many rows of a list are shown; the rest are counted.
MAX_ROWS = 60


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f"<tr><th style='text-align:left;vertical-align:top'>{_e(k)}</th>"
        f"<td style='text-align:left'>{v}</td></tr>"
        for k, v in pairs
    )


def _date(date: EDTFDate, words: str) -> str:
    """A date in words, with its EDTF text as a tooltip."""
    return f"<span title='EDTF {_e(date.edtf)}'>{_e(words)}</span>"


def event_html(event: Event) -> str:
    """One event as an HTML table: id, date, type, title, summary, participants, sources."""
    pairs = [
        ("id", f"<code>{_e(event.id)}</code>"),
        ("date", f"{_e(human_date(event.date))} <code>{_e(event.date.edtf)}</code>"),
        ("type", _e(event.type)),
        ("title", f"<b>{_e(event.title)}</b>"),
        ("summary", _e(event.summary)),
        ("participants", ", ".join(f"{_e(p.actor)} ({_e(p.role)})" for p in event.participants)),
    ]
    if event.place:
        pairs.append(("place", _e(event.place)))
    if event.tags:
        pairs.append(("tags", ", ".join(_e(t) for t in event.tags)))
    pairs.append(("sources", ", ".join(f"<code>{_e(s)}</code>" for s in event.sources)))
    if event.disputes:
        pairs.append(("disputes", ", ".join(_e(d.field) for d in event.disputes)))
    return f"<table class='pakru-event'>{_rows(pairs)}</table>"


def events_html(events: Sequence[Event], matches: Sequence[str | None]) -> str:
    """A list of events as an HTML table: date, id, type, title.

    A ``match`` column is added when some events only possibly fall in the query's window.
    """
    marked = any(m == "possible" for m in matches)
    head = ["date", "id", "type", *(["match"] if marked else []), "title"]
    body = []
    for event, match in list(zip(events, matches, strict=True))[:MAX_ROWS]:
        when = _date(event.date, short_date(event.date))
        cells = [when, f"<code>{_e(event.id)}</code>", _e(event.type)]
        if marked:
            cells.append(_e(match or ""))
        cells.append(_e(event.title))
        body.append("<tr>" + "".join(f"<td style='text-align:left'>{c}</td>" for c in cells))
    more = len(events) - MAX_ROWS
    noun = "event" if len(events) == 1 else "events"
    caption = f"{len(events)} {noun}" + (f" ({more} more not shown)" if more > 0 else "")
    header = "".join(f"<th style='text-align:left'>{_e(h)}</th>" for h in head)
    return (
        f"<table class='pakru-events'><caption>{_e(caption)}</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def dataset_html(data: Dataset) -> str:
    """A dataset's versions, counts, digest and licence as an HTML table."""
    pairs = [
        ("label", _e(data.label)),
        ("data version", _e(data.data_version)),
        ("package version", _e(data.package_version)),
        *((k, _e(v)) for k, v in data.counts.items()),
        ("sha256", f"<code>{_e(data.digest)}</code>"),
        ("licence", _e(data.license)),
    ]
    return f"<table class='pakru-dataset'>{_rows(pairs)}</table>"
