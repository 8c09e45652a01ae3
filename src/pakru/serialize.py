"""Plain-data views of records (dicts of JSON types), and back, without loss.

``*_to_dict`` gives every field of a record (an event also gets its derived day bounds
and precision); ``*_from_dict`` rebuilds an equal record from that view. The command
line, the compiled data and exports all use these two directions.

:func:`records_json` is the canonical text of a whole set of records, and
:func:`records_digest` its SHA-256: the dataset digest, which describes the records
served whatever format they were read from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from pakru.dates import EDTFDate
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
)

__all__ = [
    "Make",
    "actor_from_dict",
    "actor_to_dict",
    "build",
    "date_fields",
    "event_from_dict",
    "event_to_dict",
    "fingerprint_from_dict",
    "fingerprint_to_dict",
    "records_digest",
    "records_json",
    "source_from_dict",
    "source_to_dict",
    "to_dict",
]


def date_fields(date: EDTFDate) -> dict[str, Any]:
    """The EDTF text, the day bounds (None when open) and the precision of a date."""
    return {
        "date": date.edtf,
        "earliest": None if date.earliest is None else date.earliest.isoformat(),
        "latest": None if date.latest is None else date.latest.isoformat(),
        "precision": date.precision.value,
        "date_wording": date.wording,
    }


def fingerprint_to_dict(fp: Fingerprint | None) -> dict[str, Any] | None:
    """Every field of a passage fingerprint (None stays None)."""
    if fp is None:
        return None
    return {
        "sha256": fp.sha256,
        "length": fp.length,
        "words": fp.words,
        "head": fp.head,
        "tail": fp.tail,
    }


def fingerprint_from_dict(data: Mapping[str, Any] | None) -> Fingerprint | None:
    """The fingerprint :func:`fingerprint_to_dict` produced ``data`` from."""
    if data is None:
        return None
    return Fingerprint(data["sha256"], data["length"], data["words"], data["head"], data["tail"])


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
                "fingerprint": fingerprint_to_dict(e.fingerprint),
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
        "inferences": [
            {"fact": i.fact, "source": i.source, "paragraph": i.paragraph, "reason": i.reason}
            for i in event.inferences
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
        "gw": actor.gw,
        "predecessor": actor.predecessor,
        "successor": actor.successor,
        "offices": [
            {"title": o.title, "of": o.of, "date": o.date.edtf, "date_wording": o.date.wording}
            for o in actor.offices
        ],
        "description": actor.description,
    }


def source_to_dict(source: Source) -> dict[str, Any]:
    """Every field of a source."""
    return {
        "id": source.id,
        "title": source.title,
        "title_supplied": source.title_supplied,
        "creators": [
            {"name": c.name, "role": c.role, "institutional": c.institutional}
            for c in source.creators
        ],
        "publisher": source.publisher,
        "container": source.container,
        "issued": None if source.issued is None else source.issued.edtf,
        "issued_wording": None if source.issued is None else source.issued.wording,
        "url": source.url,
        "accessed": None if source.accessed is None else source.accessed.isoformat(),
        "kind": source.kind,
        "language": source.language,
        "document": source.document,
        "sha256": source.sha256,
        "length": source.length,
        "paragraphs": source.paragraphs,
        "note": source.note,
        "skipped": [
            {"paragraph": k.paragraph, "reason": k.reason, "note": k.note} for k in source.skipped
        ],
    }


def to_dict(record: Event | Actor | Source) -> dict[str, Any]:
    """The plain-data view of any record."""
    if isinstance(record, Event):
        return event_to_dict(record)
    if isinstance(record, Actor):
        return actor_to_dict(record)
    return source_to_dict(record)


def _date(edtf: str, wording: str | None = None) -> EDTFDate:
    return EDTFDate(edtf, wording=wording)


T = TypeVar("T")


class Make(Protocol):
    """How ``*_from_dict`` builds each record: ``make(cls, *args, **kwargs)``."""

    def __call__(self, cls: type[T], /, *args: Any, **kwargs: Any) -> T:
        """A record of ``cls`` with these field values."""


def build(cls: type[T], /, *args: Any, **kwargs: Any) -> T:
    """Build a record with its constructor: every field converted and validated."""
    return cls(*args, **kwargs)


def event_from_dict(data: Mapping[str, Any], *, make: Make = build) -> Event:
    """The event that :func:`event_to_dict` produced ``data`` from (derived fields ignored)."""
    return make(
        Event,
        data["id"],
        _date(data["date"], data.get("date_wording")),
        data["title"],
        data["summary"],
        data["type"],
        tuple(make(Participant, p["actor"], p["role"]) for p in data["participants"]),
        tuple(
            make(
                Evidence,
                e["source"],
                e["paragraph"],
                e["start"],
                e["end"],
                e["sha256"],
                fingerprint_from_dict(e.get("fingerprint")),
            )
            for e in data["evidence"]
        ),
        place=data.get("place"),
        tags=tuple(data.get("tags", ())),
        note=data.get("note"),
        disputes=tuple(
            make(
                Dispute,
                d["field"],
                tuple(
                    make(Claim, c["source"], c["value"], c["status"], c.get("paragraph"))
                    for c in d["claims"]
                ),
                d["resolution"],
            )
            for d in data.get("disputes", ())
        ),
        inferences=tuple(
            make(Inference, i["fact"], i["source"], i["paragraph"], i["reason"])
            for i in data.get("inferences", ())
        ),
    )


def actor_from_dict(data: Mapping[str, Any], *, make: Make = build) -> Actor:
    """The actor that :func:`actor_to_dict` produced ``data`` from."""
    return make(
        Actor,
        data["id"],
        data["name"],
        data["kind"],
        tuple(data.get("aliases", ())),
        data.get("iso3"),
        data.get("cow"),
        data.get("predecessor"),
        data.get("successor"),
        tuple(
            make(Office, o["title"], _date(o["date"], o.get("date_wording")), o.get("of"))
            for o in data.get("offices", ())
        ),
        data.get("description"),
        gw=data.get("gw"),
    )


def source_from_dict(data: Mapping[str, Any], *, make: Make = build) -> Source:
    """The source that :func:`source_to_dict` produced ``data`` from."""
    issued = data.get("issued")
    accessed = data.get("accessed")
    return make(
        Source,
        data["id"],
        data["document"],
        data["sha256"],
        data["length"],
        data["paragraphs"],
        data["kind"],
        title=data.get("title"),
        title_supplied=data.get("title_supplied", False),
        creators=tuple(
            make(Creator, c["name"], c.get("role", "author"), c.get("institutional", False))
            for c in data.get("creators", ())
        ),
        publisher=data.get("publisher"),
        container=data.get("container"),
        issued=None if issued is None else _date(issued, data.get("issued_wording")),
        url=data.get("url"),
        accessed=None if accessed is None else dt.date.fromisoformat(accessed),
        language=data.get("language", "en"),
        note=data.get("note"),
        skipped=tuple(
            make(Skip, k["paragraph"], k["reason"], k.get("note")) for k in data.get("skipped", ())
        ),
    )


def records_json(
    events: Iterable[Event], actors: Iterable[Actor], sources: Iterable[Source]
) -> str:
    """The canonical JSON text of a set of records, as the compiled data stores them.

    Records are given in the dataset's order (events by date, then id; actors and
    sources by id); keys are sorted and no space is added, so equal records give equal
    text.
    """
    body = {
        "events": [event_to_dict(e) for e in events],
        "actors": [actor_to_dict(a) for a in actors],
        "sources": [source_to_dict(s) for s in sources],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def records_digest(text: str) -> str:
    """The SHA-256 of :func:`records_json` text: one fingerprint for a set of records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
