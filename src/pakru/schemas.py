"""The JSON Schema (draft 2020-12) of pakru's records, generated from the model.

The record classes in :mod:`pakru.model` are the one source of truth. This module walks
their ``attrs`` fields and type annotations and writes the schema of the plain-data form
that :mod:`pakru.serialize` gives them (the form of every pakru export); the value rules
come from the validators in :mod:`pakru.loader.records` (id patterns, non-empty text, bounds)
and the vocabularies in :mod:`pakru.vocabulary`. A field added to the model appears in
the schema without an edit here; a type the generator cannot map fails loudly.

``schema()`` gives the schema of a whole JSON export; ``schema("event")``,
``schema("actor")`` and ``schema("source")`` the schema of one record, and
``schema("line")`` that of one line of a JSON Lines export.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import re
import types
import typing
from typing import Any

import attrs

from pakru import dates, rules
from pakru.dates import EDTFDate, Precision
from pakru.errors import QueryError, QueryTypeError
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
from pakru.rules import DAY
from pakru.vocabulary import ACTOR_KINDS, EVENT_TYPES, ROLES, SKIP_REASONS, SOURCE_KINDS

__all__ = ["DIALECT", "KINDS", "schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: What :func:`schema` can describe.
KINDS = ("export", "event", "actor", "source", "line")

#: The record classes, in the order their definitions appear, with their $defs names.
_RECORDS: tuple[tuple[str, type], ...] = (
    ("event", Event),
    ("participant", Participant),
    ("evidence", Evidence),
    ("fingerprint", Fingerprint),
    ("dispute", Dispute),
    ("claim", Claim),
    ("inference", Inference),
    ("actor", Actor),
    ("office", Office),
    ("source", Source),
    ("creator", Creator),
    ("skip", Skip),
)
_DEF_NAME = {cls: name for name, cls in _RECORDS}

#: Record fields whose date also carries its derived day bounds and precision.
_DATE_BOUNDS = {(Event, "date")}


def _anchored(rx: re.Pattern[str] | str) -> str:
    text = rx if isinstance(rx, str) else rx.pattern
    return f"^(?:{text})$"


def _edtf_pattern() -> str:
    # The parser's own pattern for one point, without Python's named groups.
    point = re.sub(r"\(\?P<\w+>", "(?:", dates.POINT.pattern)
    end = rf"(?:{point}|\.\.)?"
    one_of = rf"\[(?:{point})?\.\.(?:{point})?\]"  # one date of a range (EDTF level 2)
    return f"^(?:{point}|{end}/{end}|{one_of})$"


def _keyword(rx: re.Pattern[str], longest: int = rules.MAX_KEYWORD) -> dict[str, Any]:
    """An id or other keyword: its pattern, and the longest the loader accepts."""
    return {"pattern": _anchored(rx), "maxLength": longest}


_TEXT: dict[str, Any] = {"minLength": 1, "pattern": r"\S"}
_SHA256 = _keyword(rules.SHA256)
_ACTOR_ID = _keyword(rules.ACTOR_ID)
_SOURCE_ID = _keyword(rules.SOURCE_ID)

#: Value rules per field (``Class.field``), beyond what the annotation says.
_RULES: dict[str, dict[str, Any]] = {
    "Event.id": _keyword(rules.EVENT_ID),
    "Event.type": {"enum": list(EVENT_TYPES)},
    "Event.participants": {"minItems": 1, "uniqueItems": True},
    "Event.evidence": {"minItems": 1, "uniqueItems": True},
    "Event.tags": {"uniqueItems": True, "items": _keyword(rules.TAG)},
    "Participant.actor": _ACTOR_ID,
    "Participant.role": {"enum": list(ROLES)},
    "Evidence.source": _SOURCE_ID,
    "Evidence.paragraph": {"minimum": 1},
    "Evidence.start": {"minimum": 0},
    "Evidence.end": {"minimum": 1},
    "Evidence.sha256": _SHA256,
    "Fingerprint.sha256": _SHA256,
    "Fingerprint.length": {"minimum": 1},
    "Fingerprint.words": {"minimum": 1},
    "Fingerprint.head": _keyword(rules.EDGE_HASH),
    "Fingerprint.tail": _keyword(rules.EDGE_HASH),
    "Dispute.field": {"enum": list(rules.DISPUTE_FIELDS)},
    "Dispute.claims": {"minItems": 2},
    "Claim.source": _SOURCE_ID,
    "Claim.status": {"enum": list(rules.CLAIM_STATUSES)},
    "Claim.paragraph": {"minimum": 1},
    "Inference.source": _SOURCE_ID,
    "Inference.paragraph": {"minimum": 1},
    "Actor.id": _ACTOR_ID,
    "Actor.kind": {"enum": list(ACTOR_KINDS)},
    "Actor.aliases": {"uniqueItems": True},
    "Actor.iso3": _keyword(rules.ISO3),
    "Actor.predecessor": _ACTOR_ID,
    "Actor.successor": _ACTOR_ID,
    "Office.of": _ACTOR_ID,
    "Source.id": _SOURCE_ID,
    "Source.document": _SOURCE_ID,
    "Source.sha256": _SHA256,
    "Source.length": {"minimum": 1},
    "Source.paragraphs": {"minimum": 1},
    "Source.kind": {"enum": list(SOURCE_KINDS)},
    "Source.url": {**_keyword(rules.URL, rules.MAX_URL), "format": "uri"},
    "Source.language": _keyword(rules.LANGUAGE),
    "Creator.role": {"enum": list(rules.CREATOR_ROLES)},
    "Skip.paragraph": {"minimum": 1},
    "Skip.reason": {"enum": list(SKIP_REASONS)},
}

#: One line on each field, for readers of the schema and of the codebook.
_DOCS: dict[str, str] = {
    "Event.id": "Stable id: the date the event is known by, then a slug.",
    "Event.date": "When it happened, in EDTF (level 0 or 1).",
    "Event.title": "One-line title.",
    "Event.summary": "A few sentences in pakru's own words.",
    "Event.type": "Event type (pakru.EVENT_TYPES; each maps to PLOVER and CAMEO).",
    "Event.participants": "Actors taking part, each with a role.",
    "Event.evidence": "Passages of sources that attest the event.",
    "Event.place": "Where it happened.",
    "Event.tags": "Topic tags.",
    "Event.note": "Editorial note: how the date or a detail was established.",
    "Event.disputes": "Points on which the sources disagree.",
    "Participant.actor": "Actor id.",
    "Participant.role": "Role of the actor in the event (pakru.ROLES).",
    "Evidence.source": "Source id.",
    "Evidence.paragraph": "Paragraph of the source (non-empty lines numbered from 1).",
    "Evidence.start": "Start of the passage: code-point offset into the document.",
    "Evidence.end": "End of the passage (exclusive).",
    "Evidence.sha256": "SHA-256 of the passage's UTF-8 bytes.",
    "Evidence.fingerprint": (
        "Text-free fingerprint of the normalised passage, to find it in any copy of the "
        "source; null when the data has none."
    ),
    "Fingerprint.sha256": "SHA-256 of the normalised passage's UTF-8 bytes.",
    "Fingerprint.length": "Length of the normalised passage in code points.",
    "Fingerprint.words": "Number of words of the normalised passage.",
    "Fingerprint.head": "First 12 hex digits of the SHA-256 of its first four words.",
    "Fingerprint.tail": "First 12 hex digits of the SHA-256 of its last four words.",
    "Dispute.field": "What is disputed.",
    "Dispute.claims": "What each source says, with pakru's verdict.",
    "Dispute.resolution": "Why pakru chose as it did.",
    "Claim.source": "Source id.",
    "Claim.value": "The claim in pakru's normal form (an EDTF date, a number, a name).",
    "Claim.status": "accepted (the editorial value), rejected or unresolved.",
    "Claim.paragraph": "Paragraph of the source that makes the claim.",
    "Event.inferences": "Facts a cited passage implies without stating them, and how.",
    "Inference.fact": "The fact as the title, summary or place states it.",
    "Inference.source": "Source id of the passage that implies it (a source the event cites).",
    "Inference.paragraph": "Paragraph of that source (one the event's evidence cites).",
    "Inference.reason": "How the passage implies the fact.",
    "Actor.id": "Stable id: lower-case words joined by hyphens.",
    "Actor.name": "Full name.",
    "Actor.kind": "Kind of actor (pakru.ACTOR_KINDS).",
    "Actor.aliases": "Other names the actor is found by (unique across actors).",
    "Actor.iso3": "ISO 3166-1 alpha-3 code (ISO 3166-3 for former states); states only.",
    "Actor.cow": "Correlates of War state number; states only.",
    "Actor.gw": "Gleditsch–Ward state number; states only.",
    "Actor.predecessor": "Actor id of the predecessor state.",
    "Actor.successor": "Actor id of the successor state.",
    "Actor.offices": "Offices a person held.",
    "Actor.description": "Short description.",
    "Office.title": "Title of the office.",
    "Office.date": "Term of office, in EDTF.",
    "Office.of": "Actor id of the state or organisation the office belongs to.",
    "Source.id": "Stable id: the corpus document id.",
    "Source.document": "Corpus document id.",
    "Source.sha256": "SHA-256 of the document's bytes.",
    "Source.length": "Length of the document in code points.",
    "Source.paragraphs": "Number of paragraphs (non-empty lines) of the document.",
    "Source.kind": "Kind of source (pakru.SOURCE_KINDS).",
    "Source.title": "Title as the document gives it, or a supplied one in square brackets.",
    "Source.title_supplied": "True when the document shows no title and pakru supplied one.",
    "Source.creators": "Authors and other credited persons or bodies.",
    "Source.publisher": "Publisher, or the web host of the copy read.",
    "Source.container": "Newspaper, magazine, encyclopedia, book or site the source appeared in.",
    "Source.issued": "Date of publication, in EDTF.",
    "Source.url": "Address the document was read at.",
    "Source.accessed": "Day the document was read.",
    "Source.language": "Language tag.",
    "Source.note": "Editorial note on the source.",
    "Creator.name": "Name.",
    "Creator.role": "Role the source gives them.",
    "Creator.institutional": "True for a body rather than a person.",
    "Source.skipped": "Paragraphs a curator read and that no event needs to cite, and why.",
    "Skip.paragraph": "Paragraph of the source (non-empty lines numbered from 1).",
    "Skip.reason": "Why no event cites it (pakru.SKIP_REASONS).",
    "Skip.note": "More on the reason, in pakru's words.",
}


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or cls.__name__
    return " ".join(doc.split("\n\n", 1)[0].split())


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema or not isinstance(schema.get("type"), str):
        return {"anyOf": [schema, {"type": "null"}]}
    out = {**schema, "type": [schema["type"], "null"]}
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _scalar(tp: Any, rules: dict[str, Any]) -> dict[str, Any]:
    if tp is str:
        return {"type": "string", **(_TEXT if not rules.keys() & {"enum", "pattern"} else {})}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": _anchored(DAY)}
    if attrs.has(tp) and tp in _DEF_NAME:
        return {"$ref": f"#/$defs/{_DEF_NAME[tp]}"}
    msg = f"the schema generator cannot map the type {tp!r}; teach pakru.schemas about it"
    raise TypeError(msg)


def _field(cls: type, name: str, tp: Any) -> dict[str, dict[str, Any]]:
    """The serialised properties of one model field (a date gives several)."""
    key = f"{cls.__name__}.{name}"
    rules = dict(_RULES.get(key, {}))
    doc = _DOCS.get(key)
    args = typing.get_args(tp)
    nullable = typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args
    if nullable:
        (tp,) = [a for a in args if a is not type(None)]
    if tp is EDTFDate:
        edtf: dict[str, Any] = {"type": "string", "pattern": _edtf_pattern()}
        wording = {
            "type": ["string", "null"],
            **_TEXT,
            "description": "The source's own wording of the date, where it matters.",
        }
        out = {
            name: {
                **(_nullable(edtf) if nullable else edtf),
                **({"description": doc} if doc else {}),
            },
        }
        if (cls, name) in _DATE_BOUNDS:
            day = {"type": ["string", "null"], "format": "date", "pattern": _anchored(DAY)}
            out["earliest"] = {**day, "description": "First day the date can mean; null if open."}
            out["latest"] = {**day, "description": "Last day the date can mean; null if open."}
            out["precision"] = {
                "enum": [p.value for p in Precision],
                "description": "How finely the date is known (the coarser end of an interval).",
            }
        out[f"{name}_wording"] = wording
        return out
    if typing.get_origin(tp) is tuple:
        item_rules = rules.pop("items", {})
        item_type = typing.get_args(tp)[0]
        schema: dict[str, Any] = {
            "type": "array",
            "items": {**_scalar(item_type, item_rules), **item_rules},
            **rules,
        }
    else:
        schema = {**_scalar(tp, rules), **rules}
    if nullable:
        schema = _nullable(schema)
    if doc:
        schema["description"] = doc
    return {name: schema}


def _record(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.init:
            props.update(_field(cls, field.name, hints[field.name]))
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def _header() -> dict[str, Any]:
    semver = f"^{rules.SEMVER.pattern}$"
    return {
        "title": "pakru",
        "description": "Which pakru and which data an export was made from.",
        "type": "object",
        "properties": {
            "package_version": {"type": "string", "description": "pakru package version."},
            "data_version": {
                "type": "string",
                "pattern": semver,
                "description": "Data version (semantic versioning).",
            },
            "digest": {
                "type": "string",
                **_SHA256,
                "description": (
                    "SHA-256 of the records of the dataset the export was taken from "
                    "(Dataset.digest)."
                ),
            },
            "license": {"type": "string", "description": "SPDX id of the data licence."},
            "matches": {
                "type": "object",
                "additionalProperties": {"enum": list(rules.MATCH_MARKS)},
                "description": (
                    "Present when some events of a windowed query only possibly fall in "
                    "the window: each event id with 'certain' or 'possible'."
                ),
            },
        },
        "required": ["package_version", "data_version", "digest", "license"],
        "additionalProperties": False,
    }


def _line() -> dict[str, Any]:
    variants = [("pakru", "pakru"), ("event", "event"), ("actor", "actor"), ("source", "source")]
    return {
        "title": "JSON Lines record",
        "description": (
            "One line of a JSON Lines export: the first line is the 'pakru' header, "
            "then one line per event, actor and source."
        ),
        "oneOf": [
            {
                "type": "object",
                "properties": {"kind": {"const": kind}, "record": {"$ref": f"#/$defs/{ref}"}},
                "required": ["kind", "record"],
                "additionalProperties": False,
            }
            for kind, ref in variants
        ],
    }


@functools.cache
def _texts() -> dict[str, str]:
    from pakru._version import __version__  # noqa: PLC0415

    defs: dict[str, Any] = {"pakru": _header()}
    defs.update({name: _record(cls) for name, cls in _RECORDS})
    defs["line"] = _line()

    def document(kind: str, body: dict[str, Any]) -> str:
        full = {"$schema": DIALECT, "$id": f"urn:pakru:schema:{kind}:{__version__}", **body}
        full["$defs"] = defs
        return json.dumps(full, ensure_ascii=False, indent=2)

    export = {
        "title": "pakru JSON export",
        "description": (
            "Events, actors and sources of pakru with the versions of the package and "
            "the data they came from; every record as pakru.serialize gives it."
        ),
        "type": "object",
        "properties": {
            "pakru": {"$ref": "#/$defs/pakru"},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        },
        "required": ["pakru", *rules.KINDS],
        "additionalProperties": False,
    }
    texts = {"export": document("export", export)}
    for kind in ("event", "actor", "source", "line"):
        title = defs[kind]["title"]
        texts[kind] = document(kind, {"title": f"pakru {title}", "$ref": f"#/$defs/{kind}"})
    return texts


def schema(kind: str = "export") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a pakru JSON export, or of one kind of record.

    ``kind`` is ``"export"`` (a whole ``json`` export), ``"event"``, ``"actor"``,
    ``"source"`` or ``"line"`` (one line of a ``jsonl`` export). Each call returns a new
    dict, so changing it changes nothing for the next caller.
    """
    if not isinstance(kind, str):
        raise QueryTypeError(f"schema: expected a kind string, got {type(kind).__name__}")
    texts = _texts()
    if kind not in texts:
        raise QueryError(
            f"schema: {kind!r} is not a schema kind; expected one of {', '.join(KINDS)}"
        )
    loaded: dict[str, Any] = json.loads(texts[kind])
    return loaded
