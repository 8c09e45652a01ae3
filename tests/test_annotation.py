"""The web-annotation export: W3C JSON-LD that parses against the W3C context (offline,
with the copy of the context kept in tests/w3c/), passes its own JSON Schema, ships no
passage text unless asked to, and gives back exactly the evidence it was made from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import pakru
import pakru.cli
from pakru.annotation import (
    ANNO_CONTEXT,
    PAKRU_TERMS,
    evidence_from_annotations,
    read_annotations,
    schema,
)
from pakru.corpus import digest
from pakru.serialize import fingerprint_to_dict

W3C_CONTEXT = Path(__file__).parent / "w3c" / "anno.jsonld"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("wa")
    (path,) = pakru.export(None, "web-annotation", out)
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_one_annotation_per_evidence_passage(exported: dict[str, Any]) -> None:
    items = exported["first"]["items"]
    assert len(items) == exported["total"] == pakru.dataset().counts["evidence"]
    assert len({a["id"] for a in items}) == len(items)


def test_the_export_passes_its_json_schema(exported: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    validator.check_schema(schema())
    errors = list(validator.iter_errors(exported))
    assert errors == [], errors[:3]
    assert exported["first"]["items"]  # the schema was applied to every annotation
    broken = json.loads(json.dumps(exported))
    del broken["first"]["items"][0]["target"]["selector"][0]["start"]
    assert list(validator.iter_errors(broken))


def test_no_passage_text_without_a_corpus(exported: dict[str, Any]) -> None:
    for item in exported["first"]["items"]:
        assert [s["type"] for s in item["target"]["selector"]] == ["TextPositionSelector"]
        assert set(item["target"]["pakru:fingerprint"]) == {
            "pakru:sha256",
            "pakru:length",
            "pakru:words",
            "pakru:head",
            "pakru:tail",
        }


def test_the_annotations_give_back_the_same_evidence(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    data = pakru.dataset()
    assert evidence_from_annotations(exported) == {e.id: e.evidence for e in data}
    # pakru.load of the exported events, their evidence taken from the annotations only:
    pakru.export(data, "json", tmp_path)
    doc = json.loads((tmp_path / "pakru.json").read_text(encoding="utf-8"))
    path = tmp_path / "annotations.jsonld"
    path.write_text(json.dumps(exported), encoding="utf-8")
    evidence = read_annotations(path)
    for event in doc["events"]:
        event["evidence"] = [
            {
                "source": ev.source,
                "paragraph": ev.paragraph,
                "start": ev.start,
                "end": ev.end,
                "sha256": ev.sha256,
                "fingerprint": fingerprint_to_dict(ev.fingerprint),
            }
            for ev in evidence[event["id"]]
        ]
    rebuilt = tmp_path / "rebuilt.json"
    rebuilt.write_text(json.dumps(doc), encoding="utf-8")
    again = pakru.load(rebuilt)
    assert [e.evidence for e in again] == [e.evidence for e in data]
    assert tuple(again) == tuple(data)


def test_a_damaged_annotation_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annotations.jsonld"
    path.write_text('{"first": {"items": [{"target": {}}]}}', encoding="utf-8")
    with pytest.raises(pakru.DataError, match="web-annotation"):
        read_annotations(path)


def _loader(url: str, options: Any = None) -> dict[str, Any]:  # noqa: ARG001
    if url != ANNO_CONTEXT:
        msg = f"offline: no document {url}"
        raise ValueError(msg)
    document = json.loads(W3C_CONTEXT.read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _properties(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found.add(key)
            _properties(value, found)
    elif isinstance(node, list):
        for item in node:
            _properties(item, found)
    return found


def test_the_export_is_json_ld_against_the_w3c_context(tmp_path: Path) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    events = pakru.events(source="w-gse-tashkent-declaration-1966")
    (path,) = pakru.export(events, "web-annotation", tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    expanded = jsonld.expand(doc, {"documentLoader": _loader})
    props = _properties(expanded, set())
    assert {
        f"{OA}hasBody",
        f"{OA}hasTarget",
        f"{OA}hasSource",
        f"{OA}hasSelector",
        f"{OA}start",
        f"{OA}end",
        f"{OA}motivatedBy",
        "http://www.w3.org/ns/activitystreams#items",
        f"{PAKRU_TERMS}paragraph",
        f"{PAKRU_TERMS}sha256",
        f"{PAKRU_TERMS}fingerprint",
    } <= props
    # Every key of the document maps to an IRI: nothing is dropped by expansion.
    assert all(p.startswith(("http://", "https://", "urn:")) for p in props)
    quads = jsonld.to_rdf(expanded, {"format": "application/n-quads"})
    total = sum(len(e.evidence) for e in events)
    assert quads.count(f"<{OA}TextPositionSelector>") == total
    assert quads.count("<http://www.w3.org/ns/oa#describing>") == total


def test_with_a_corpus_each_target_quotes_its_passage(corpus_dir: Path, tmp_path: Path) -> None:
    events = pakru.events(source="w-wikipedia-tashkent-declaration")
    code = pakru.cli.main(
        [
            "export",
            "--format",
            "web-annotation",
            "--out",
            str(tmp_path),
            "--corpus",
            str(corpus_dir),
            "--source",
            "w-wikipedia-tashkent-declaration",
        ]
    )
    assert code == 0
    doc = json.loads((tmp_path / "annotations.jsonld").read_text(encoding="utf-8"))
    assert jsonschema.Draft202012Validator(schema()).is_valid(doc)
    assert doc["total"] == sum(len(e.evidence) for e in events)
    for item in doc["first"]["items"]:
        position, quote = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert len(quote["exact"]) == position["end"] - position["start"]
        assert digest(quote["exact"]) == item["target"]["pakru:sha256"]
