"""Read pakru's records from JSON into plain frozen attrs classes: no validation."""

import json
import os
import sys

import attrs


@attrs.frozen
class Participant:
    actor: str
    role: str


@attrs.frozen
class Evidence:
    source: str
    paragraph: int
    start: int
    end: int
    sha256: str


@attrs.frozen
class Claim:
    source: str
    value: str
    status: str
    paragraph: "int | None"


@attrs.frozen
class Dispute:
    field: str
    claims: tuple
    resolution: str


@attrs.frozen
class Event:
    id: str
    date: str
    title: str
    summary: str
    type: str
    participants: tuple
    evidence: tuple
    place: "str | None"
    tags: tuple
    note: "str | None"
    disputes: tuple


@attrs.frozen
class Office:
    title: str
    date: str
    of: "str | None"


@attrs.frozen
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple
    iso3: "str | None"
    cow: "int | None"
    predecessor: "str | None"
    successor: "str | None"
    offices: tuple
    description: "str | None"


@attrs.frozen
class Creator:
    name: str
    role: str
    institutional: bool


@attrs.frozen
class Source:
    id: str
    document: str
    sha256: str
    length: int
    paragraphs: int
    kind: str
    title: "str | None"
    creators: tuple
    publisher: "str | None"
    container: "str | None"
    issued: "str | None"
    url: "str | None"
    accessed: "str | None"
    language: str
    note: "str | None"


def event(e: dict) -> Event:
    return Event(
        e["id"],
        e["date"],
        e["title"],
        e["summary"],
        e["type"],
        tuple(Participant(p["actor"], p["role"]) for p in e["participants"]),
        tuple(
            Evidence(x["source"], x["paragraph"], x["start"], x["end"], x["sha256"])
            for x in e["evidence"]
        ),
        e["place"],
        tuple(e["tags"]),
        e["note"],
        tuple(
            Dispute(
                d["field"],
                tuple(
                    Claim(c["source"], c["value"], c["status"], c["paragraph"]) for c in d["claims"]
                ),
                d["resolution"],
            )
            for d in e["disputes"]
        ),
    )


def actor(a: dict) -> Actor:
    return Actor(
        a["id"],
        a["name"],
        a["kind"],
        tuple(a["aliases"]),
        a["iso3"],
        a["cow"],
        a["predecessor"],
        a["successor"],
        tuple(Office(o["title"], o["date"], o["of"]) for o in a["offices"]),
        a["description"],
    )


def source(s: dict) -> Source:
    return Source(
        s["id"],
        s["document"],
        s["sha256"],
        s["length"],
        s["paragraphs"],
        s["kind"],
        s["title"],
        tuple(Creator(c["name"], c["role"], c["institutional"]) for c in s["creators"]),
        s["publisher"],
        s["container"],
        s["issued"],
        s["url"],
        s["accessed"],
        s["language"],
        s["note"],
    )


path = sys.argv[1] if len(sys.argv) > 1 else os.environ["PAKRU_FLOOR_JSON"]
with open(path, encoding="utf-8") as fh:  # noqa: PTH123 - pathlib would add to the floor
    raw = json.load(fh)
events = {e["id"]: event(e) for e in raw["events"]}
actors = {a["id"]: actor(a) for a in raw["actors"]}
sources = {s["id"]: source(s) for s in raw["sources"]}
