"""Plain-data views of records (dicts of JSON types) for the command line and exports."""

from __future__ import annotations

from typing import Any

from pakru.dates import EDTFDate
from pakru.model import Actor, Event, Source

__all__ = ["actor_to_dict", "date_fields", "event_to_dict", "source_to_dict", "to_dict"]


def date_fields(date: EDTFDate) -> dict[str, Any]:
    """The EDTF text, the day bounds (None when open) and the precision of a date."""
    return {
        "date": date.edtf,
        "earliest": None if date.earliest is None else date.earliest.isoformat(),
        "latest": None if date.latest is None else date.latest.isoformat(),
        "precision": date.precision.value,
        "date_wording": date.wording,
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """Every field of an event, evidence included."""
    return {
        "id": event.id,
        **date_fields(event.date),
        "title": event.title,
        "summary": event.summary,
        "type": event.type,
        "participants": [{"actor": p.actor, "role": p.role} for p in event.participants],
        "evidence": [
            {
                "source": e.source,
                "paragraph": e.paragraph,
                "start": e.start,
                "end": e.end,
                "sha256": e.sha256,
            }
            for e in event.evidence
        ],
        "place": event.place,
        "tags": list(event.tags),
        "note": event.note,
        "disputes": [
            {
                "field": d.field,
                "resolution": d.resolution,
                "claims": [
                    {
                        "source": c.source,
                        "paragraph": c.paragraph,
                        "value": c.value,
                        "status": c.status,
                    }
                    for c in d.claims
                ],
            }
            for d in event.disputes
        ],
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """Every field of an actor."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "iso3": actor.iso3,
        "cow": actor.cow,
        "predecessor": actor.predecessor,
        "successor": actor.successor,
        "offices": [{"title": o.title, "of": o.of, "date": o.date.edtf} for o in actor.offices],
        "description": actor.description,
    }


def source_to_dict(source: Source) -> dict[str, Any]:
    """Every field of a source."""
    return {
        "id": source.id,
        "title": source.title,
        "creators": [
            {"name": c.name, "role": c.role, "institutional": c.institutional}
            for c in source.creators
        ],
        "publisher": source.publisher,
        "container": source.container,
        "issued": None if source.issued is None else source.issued.edtf,
        "url": source.url,
        "accessed": None if source.accessed is None else source.accessed.isoformat(),
        "kind": source.kind,
        "language": source.language,
        "document": source.document,
        "sha256": source.sha256,
        "length": source.length,
        "paragraphs": source.paragraphs,
        "note": source.note,
    }


def to_dict(record: Event | Actor | Source) -> dict[str, Any]:
    """The plain-data view of any record."""
    if isinstance(record, Event):
        return event_to_dict(record)
    if isinstance(record, Actor):
        return actor_to_dict(record)
    return source_to_dict(record)
