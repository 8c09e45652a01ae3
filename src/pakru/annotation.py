"""The evidence as W3C Web Annotations (JSON-LD): one annotation per passage.

``pakru export --format web-annotation`` writes ``annotations.jsonld``, an
``AnnotationCollection`` whose one page holds an ``Annotation`` for every evidence
passage of the exported events:

- the **body** is the event (``urn:pakru:event:<id>``, with its title and date);
- the **target** is the source: its address (``urn:pakru:source:<id>`` when it has none)
  as a ``SpecificResource`` with a ``TextPositionSelector`` (the ``[start, end)`` code
  points of the passage in the source's text as pakru's corpus stores it), and pakru's own
  terms: the source id, the paragraph, the passage's SHA-256, its fingerprint (which finds
  it in other copies, see :mod:`pakru.anchoring`) and its place in the event's evidence.

Only when the export is given a corpus folder (``--corpus``) does the target also get a
``TextQuoteSelector`` (the passage with a little text before and after); pakru itself
ships no passage text. The context is the W3C one
(``http://www.w3.org/ns/anno.jsonld``) plus the prefix ``pakru:`` for pakru's terms.

The export round-trips: :func:`read_annotations` gives back, event by event, exactly the
evidence that was exported (:func:`evidence_from_annotations` from a parsed document).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.errors import DataError
from pakru.fileio import write_text
from pakru.model import Evidence
from pakru.serialize import fingerprint_from_dict, fingerprint_to_dict

if TYPE_CHECKING:
    from pakru.exports import Selection
    from pakru.model import Event, Source

__all__ = [
    "ANNOTATIONS_FILE",
    "ANNO_CONTEXT",
    "PAKRU_TERMS",
    "collection",
    "evidence_from_annotations",
    "read_annotations",
    "schema",
    "write_annotations",
]

ANNOTATIONS_FILE = "annotations.jsonld"
#: The W3C Web Annotation context.
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The namespace of pakru's own terms (pakru has no web address of its own; URNs name
#: its records: urn:pakru:event:<id>, urn:pakru:source:<id>).
PAKRU_TERMS = "urn:pakru:terms:"
_CONTEXT: list[Any] = [ANNO_CONTEXT, {"pakru": PAKRU_TERMS}]
#: Characters of the TextQuoteSelector's prefix and suffix.
QUOTE_CONTEXT = 32


def _target(source: Source, ev: Evidence, position: int, text: str | None) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {"type": "TextPositionSelector", "start": ev.start, "end": ev.end}
    ]
    if text is not None:
        selectors.append(
            {
                "type": "TextQuoteSelector",
                "exact": text[ev.start : ev.end],
                "prefix": text[max(0, ev.start - QUOTE_CONTEXT) : ev.start],
                "suffix": text[ev.end : ev.end + QUOTE_CONTEXT],
            }
        )
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source.url or f"urn:pakru:source:{source.id}",
        "selector": selectors,
        "pakru:source": ev.source,
        "pakru:document": source.document,
        "pakru:paragraph": ev.paragraph,
        "pakru:sha256": ev.sha256,
        "pakru:position": position,
    }
    fp = fingerprint_to_dict(ev.fingerprint)
    if fp is not None:
        target["pakru:fingerprint"] = {f"pakru:{k}": v for k, v in fp.items()}
    return target


def collection(
    events: Sequence[Event],
    sources: Mapping[str, Source],
    header: Mapping[str, str],
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The Web Annotation collection of the evidence of ``events``.

    ``sources`` maps source ids to records; ``texts`` (source id -> corpus text), when
    given, adds a ``TextQuoteSelector`` to each target.
    """
    items = []
    for event in events:
        body = {
            "id": f"urn:pakru:event:{event.id}",
            "type": "pakru:Event",
            "pakru:id": event.id,
            "pakru:title": event.title,
            "pakru:date": event.date.edtf,
        }
        for i, ev in enumerate(event.evidence, 1):
            text = None if texts is None else texts.get(ev.source)
            items.append(
                {
                    "id": f"urn:pakru:evidence:{event.id}:{i}",
                    "type": "Annotation",
                    "motivation": "describing",
                    "body": body,
                    "target": _target(sources[ev.source], ev, i, text),
                }
            )
    return {
        "@context": _CONTEXT,
        "id": f"urn:pakru:annotations:{header['digest']}",
        "type": "AnnotationCollection",
        "label": f"pakru data {header['data_version']}: the passages that attest each event",
        "total": len(items),
        "pakru:header": {f"pakru:{k}": v for k, v in header.items()},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_annotations(
    selection: Selection, out: Path, *, corpus: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Write the annotations of a selection into ``out``; with ``corpus``, quotes too."""
    sources = {s.id: s for s in selection.sources}
    texts = None
    if corpus is not None:
        from pakru.corpus import Corpus  # noqa: PLC0415

        folder = Corpus(corpus)
        cited = {ev.source for e in selection.events for ev in e.evidence}
        texts = {sid: folder.text(sources[sid].document) for sid in sorted(cited)}
    doc = collection(selection.events, sources, selection.header, texts)
    path = out / ANNOTATIONS_FILE
    return [write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")]


def _fail(file: str, where: str, message: str) -> DataError:
    return DataError.single(file, None, where, message)


def evidence_from_annotations(
    doc: Mapping[str, Any], file: str = "annotations"
) -> dict[str, tuple[Evidence, ...]]:
    """The evidence of each event, from a parsed annotation export (compacted as written)."""
    try:
        items = doc["first"]["items"]
        found: dict[str, list[tuple[int, Evidence]]] = {}
        for item in items:
            target = item["target"]
            selectors = target["selector"]
            if isinstance(selectors, Mapping):
                selectors = [selectors]
            position = next(s for s in selectors if s["type"] == "TextPositionSelector")
            prints = target.get("pakru:fingerprint")
            fingerprint = (
                None
                if prints is None
                else fingerprint_from_dict({k.removeprefix("pakru:"): v for k, v in prints.items()})
            )
            evidence = Evidence(
                target["pakru:source"],
                target["pakru:paragraph"],
                position["start"],
                position["end"],
                target["pakru:sha256"],
                fingerprint,
            )
            found.setdefault(item["body"]["pakru:id"], []).append(
                (target["pakru:position"], evidence)
            )
    except (KeyError, TypeError, StopIteration, ValueError) as exc:
        raise _fail(file, "", f"not a pakru web-annotation export: {exc!r}") from None
    return {event: tuple(ev for _, ev in sorted(pairs)) for event, pairs in found.items()}


def read_annotations(path: str | os.PathLike[str]) -> dict[str, tuple[Evidence, ...]]:
    """The evidence of each event in an ``annotations.jsonld`` written by pakru."""
    from pakru.loader.files import read_bounded  # noqa: PLC0415
    from pakru.loader.jsonsafe import load_json  # noqa: PLC0415

    label = os.fspath(path)
    try:
        raw = read_bounded(Path(path))
    except OSError as exc:
        raise _fail(label, "", f"cannot read: {exc.strerror or exc}") from None
    return evidence_from_annotations(load_json(raw, label), label)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the web-annotation export."""
    from pakru import rules  # noqa: PLC0415

    sha = {"type": "string", "pattern": f"^{rules.SHA256.pattern}$"}
    edge = {"type": "string", "pattern": f"^{rules.EDGE_HASH.pattern}$"}
    count = {"type": "integer", "minimum": 1}
    offset = {"type": "integer", "minimum": 0}
    position = {
        "type": "object",
        "properties": {
            "type": {"const": "TextPositionSelector"},
            "start": offset,
            "end": offset,
        },
        "required": ["type", "start", "end"],
        "additionalProperties": False,
    }
    quote = {
        "type": "object",
        "properties": {
            "type": {"const": "TextQuoteSelector"},
            "exact": {"type": "string", "minLength": 1},
            "prefix": {"type": "string"},
            "suffix": {"type": "string"},
        },
        "required": ["type", "exact"],
        "additionalProperties": False,
    }
    fingerprint = {
        "type": "object",
        "properties": {
            "pakru:sha256": sha,
            "pakru:length": count,
            "pakru:words": count,
            "pakru:head": edge,
            "pakru:tail": edge,
        },
        "required": ["pakru:sha256", "pakru:length", "pakru:words", "pakru:head", "pakru:tail"],
        "additionalProperties": False,
    }
    annotation = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "pattern": "^urn:pakru:evidence:"},
            "type": {"const": "Annotation"},
            "motivation": {"const": "describing"},
            "body": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "pattern": "^urn:pakru:event:"},
                    "type": {"const": "pakru:Event"},
                    "pakru:id": {"type": "string", "pattern": f"^{rules.EVENT_ID.pattern}$"},
                    "pakru:title": {"type": "string", "minLength": 1},
                    "pakru:date": {"type": "string", "minLength": 1},
                },
                "required": ["id", "type", "pakru:id", "pakru:title", "pakru:date"],
                "additionalProperties": False,
            },
            "target": {
                "type": "object",
                "properties": {
                    "type": {"const": "SpecificResource"},
                    "source": {"type": "string", "pattern": "^(https?://|urn:pakru:source:)"},
                    "selector": {
                        "type": "array",
                        "prefixItems": [position],
                        "items": quote,
                        "minItems": 1,
                        "maxItems": 2,
                    },
                    "pakru:source": {
                        "type": "string",
                        "pattern": f"^{rules.SOURCE_ID.pattern}$",
                    },
                    "pakru:document": {"type": "string", "minLength": 1},
                    "pakru:paragraph": count,
                    "pakru:sha256": sha,
                    "pakru:position": count,
                    "pakru:fingerprint": fingerprint,
                },
                "required": [
                    "type",
                    "source",
                    "selector",
                    "pakru:source",
                    "pakru:document",
                    "pakru:paragraph",
                    "pakru:sha256",
                    "pakru:position",
                ],
                "additionalProperties": False,
            },
        },
        "required": ["id", "type", "motivation", "body", "target"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:pakru:schema:web-annotation",
        "title": "pakru web-annotation export",
        "description": "W3C Web Annotations, one per evidence passage of pakru's events.",
        "type": "object",
        "properties": {
            "@context": {"const": _CONTEXT},
            "id": {"type": "string"},
            "type": {"const": "AnnotationCollection"},
            "label": {"type": "string"},
            "total": {"type": "integer", "minimum": 0},
            "pakru:header": {
                "type": "object",
                "properties": {
                    f"pakru:{k}": {"type": "string"}
                    for k in ("package_version", "data_version", "digest", "license")
                },
                "additionalProperties": False,
            },
            "first": {
                "type": "object",
                "properties": {
                    "type": {"const": "AnnotationPage"},
                    "startIndex": {"const": 0},
                    "items": {"type": "array", "items": annotation},
                },
                "required": ["type", "items"],
                "additionalProperties": False,
            },
        },
        "required": ["@context", "id", "type", "total", "first"],
        "additionalProperties": False,
    }
