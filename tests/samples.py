"""A small valid user dataset, written out in each format ``pakru.load`` reads.

The records are made up for the tests (they cite made-up sources); overlays use the
shipped actors and the shipped seed source instead.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

import pakru
from pakru.loader.manifest import data_files, render_manifest
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict

SHA = "a" * 64
#: The shipped source overlays cite, and its size.
SEED = "000_15160254dc6e7f3f"

ACTORS: list[dict[str, Any]] = [
    {"id": "alpha", "name": "Republic of Alpha", "kind": "state", "aliases": ["Alpha"]},
    {"id": "beta", "name": "Kingdom of Beta", "kind": "state", "aliases": ["Beta"]},
    {"id": "gamma-league", "name": "Gamma League", "kind": "organization"},
]

SOURCES: list[dict[str, Any]] = [
    {
        "id": "doc-one",
        "document": "doc-one",
        "sha256": SHA,
        "length": 1000,
        "paragraphs": 5,
        "kind": "news-report",
        "title": "First document",
        "issued": "1966-01-11",
    },
    {
        "id": "doc-two",
        "document": "doc-two",
        "sha256": SHA,
        "length": 500,
        "paragraphs": 3,
        "kind": "reference",
    },
]

EVENTS: list[dict[str, Any]] = [
    {
        "id": "1970-03-alpha-beta-talks",
        "date": "1970-03",
        "title": "Alpha and Beta hold talks",
        "summary": "Delegations met for talks.",
        "type": "visit",
        "participants": [
            {"actor": "alpha", "role": "visitor"},
            {"actor": "beta", "role": "host"},
        ],
        "evidence": [{"source": "doc-one", "paragraph": 2, "start": 10, "end": 50, "sha256": SHA}],
        "tags": ["high-level-visit"],
    },
    {
        "id": "1972-alpha-joins-gamma-league",
        "date": {"edtf": "1972", "wording": "early in the year"},
        "title": "Alpha joins the Gamma League",
        "summary": "Alpha became a member.",
        "type": "agreement",
        "participants": [
            {"actor": "alpha", "role": "signatory"},
            {"actor": "gamma-league", "role": "host"},
        ],
        "evidence": [
            {"source": "doc-one", "paragraph": 3, "start": 100, "end": 150, "sha256": SHA},
            {"source": "doc-two", "paragraph": 1, "start": 0, "end": 40, "sha256": SHA},
        ],
        "disputes": [
            {
                "field": "date",
                "resolution": "The reference work is right.",
                "claims": [
                    {"source": "doc-one", "paragraph": 3, "value": "1971", "status": "rejected"},
                    {"source": "doc-two", "value": "1972", "status": "accepted"},
                ],
            }
        ],
    },
]


def records() -> dict[str, list[dict[str, Any]]]:
    """A fresh copy of the sample records (tests may change it)."""
    return copy.deepcopy({"events": EVENTS, "actors": ACTORS, "sources": SOURCES})


def dump(value: Any) -> str:
    """YAML text of plain data, as a curator would write it."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(value, Dumper=dumper, sort_keys=False, allow_unicode=True)


def write_folder(
    root: Path, data: dict[str, list[dict[str, Any]]] | None = None, *, manifest: bool = False
) -> Path:
    """The shipped layout: actors.yaml, sources.yaml and events/sample.yaml."""
    data = records() if data is None else data
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "actors.yaml").write_text(dump(data["actors"]), encoding="utf-8")
    (root / "sources.yaml").write_text(dump(data["sources"]), encoding="utf-8")
    (root / "events" / "sample.yaml").write_text(dump(data["events"]), encoding="utf-8")
    if manifest:
        text = render_manifest(data_files(root), "2.1.0", "CC0-1.0")
        (root / "manifest.json").write_text(text, encoding="utf-8")
    return root


def write_single(
    path: Path,
    data: dict[str, list[dict[str, Any]]] | None = None,
    header: dict[str, str] | None = None,
) -> Path:
    """One YAML file with the top-level keys pakru (optional), actors, sources, events."""
    data = records() if data is None else data
    body: dict[str, Any] = {} if header is None else {"pakru": header}
    body.update(data)
    path.write_text(dump(body), encoding="utf-8")
    return path


def export_body(dataset: pakru.Dataset) -> dict[str, Any]:
    """The pakru JSON export of a dataset."""
    return {
        "pakru": {
            "package_version": dataset.package_version,
            "data_version": dataset.data_version,
            "digest": dataset.digest,
            "license": dataset.license,
        },
        "events": [event_to_dict(e) for e in dataset],
        "actors": [actor_to_dict(a) for a in dataset.actors()],
        "sources": [source_to_dict(s) for s in dataset.sources()],
    }


def write_export(path: Path, body: dict[str, Any]) -> Path:
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def overlay_event(
    ident: str = "2024-05-01-ngo-delegation-visits-moscow", **changes: Any
) -> dict[str, Any]:
    """An event for an overlay, citing shipped actors and the shipped seed source."""
    event: dict[str, Any] = {
        "id": ident,
        "date": "2024-05-01",
        "title": "A delegation visits Moscow",
        "summary": "A delegation travelled to Moscow.",
        "type": "visit",
        "participants": [
            {"actor": "pakistan", "role": "visitor"},
            {"actor": "russia", "role": "host"},
        ],
        "evidence": [{"source": SEED, "paragraph": 1, "start": 0, "end": 10, "sha256": SHA}],
    }
    event.update(changes)
    return event
