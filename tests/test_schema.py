"""The published JSON Schema: generated from the model, valid, and true of every record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import pakru
from pakru import schemas as schema_module
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict

REPO = Path(__file__).resolve().parent.parent
KINDS = {"event": pakru.Event, "actor": pakru.Actor, "source": pakru.Source}


def validator(kind: str = "export") -> Draft202012Validator:
    return Draft202012Validator(
        pakru.schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(kind: str, instance: Any) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(instance)]


def records(kind: str) -> list[dict[str, Any]]:
    data = pakru.dataset()
    if kind == "event":
        return [event_to_dict(e) for e in data]
    if kind == "actor":
        return [actor_to_dict(a) for a in data.actors()]
    return [source_to_dict(s) for s in data.sources()]


@pytest.mark.parametrize("kind", ["export", "event", "actor", "source", "line"])
def test_each_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = pakru.schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is Draft202012Validator
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", ["event", "actor", "source"])
def test_every_shipped_record_validates(kind: str) -> None:
    found = records(kind)
    assert found
    check = validator(kind)
    for record in found:
        problems = [e.message for e in check.iter_errors(record)]
        assert not problems, (record["id"], problems)


@pytest.mark.parametrize("kind", ["event", "actor", "source"])
def test_schema_properties_are_exactly_the_serialised_keys(kind: str) -> None:
    definition = pakru.schema()["$defs"][kind]
    assert definition["additionalProperties"] is False
    for record in records(kind):
        assert set(record) == set(definition["properties"]) == set(definition["required"])


@pytest.mark.parametrize(("kind", "cls"), KINDS.items())
def test_every_model_field_is_in_the_schema(kind: str, cls: type) -> None:
    properties = pakru.schema()["$defs"][kind]["properties"]
    for field in attrs.fields(cls):
        if field.init:
            assert field.name in properties, f"{cls.__name__}.{field.name} is not in the schema"


def test_vocabularies_come_from_pakru() -> None:
    defs = pakru.schema()["$defs"]
    assert defs["event"]["properties"]["type"]["enum"] == list(pakru.EVENT_TYPES)
    assert defs["participant"]["properties"]["role"]["enum"] == list(pakru.ROLES)
    assert defs["actor"]["properties"]["kind"]["enum"] == list(pakru.ACTOR_KINDS)
    assert defs["source"]["properties"]["kind"]["enum"] == list(pakru.SOURCE_KINDS)
    assert defs["event"]["properties"]["precision"]["enum"] == [p.value for p in pakru.Precision]


def tashkent() -> dict[str, Any]:
    return event_to_dict(pakru.event("1966-01-10-tashkent-declaration"))


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"type": "picnic"}, "not a type"),
        ({"id": "Tashkent"}, "not a date-led id"),
        ({"title": ""}, "empty title"),
        ({"title": "   "}, "blank title"),
        ({"evidence": []}, "no evidence"),
        ({"participants": []}, "no participants"),
        ({"tags": ["Tag With Spaces"]}, "bad tag"),
        ({"tags": ["a", "a"]}, "repeated tag"),
        ({"date": "1966-01-10T00:00"}, "not EDTF"),
        ({"earliest": "10/01/1966"}, "not an ISO day"),
        ({"precision": "hour"}, "not a precision"),
        ({"surprise": 1}, "unknown field"),
    ],
)
def test_schema_rejects_broken_events(change: dict[str, Any], why: str) -> None:
    event = {**tashkent(), **change}
    assert errors("event", event), why


def test_schema_rejects_a_missing_field_and_broken_nested_records() -> None:
    event = tashkent()
    del event["summary"]
    assert errors("event", event)
    event = tashkent()
    event["evidence"][0]["sha256"] = "XYZ"
    assert errors("event", event)
    event = tashkent()
    event["participants"][0]["role"] = "bystander"
    assert errors("event", event)
    event = tashkent()
    event["evidence"][0]["paragraph"] = 0
    assert errors("event", event)


@given(st.text(max_size=30))
def test_event_type_is_valid_exactly_when_it_is_in_the_vocabulary(value: str) -> None:
    event = {**tashkent(), "type": value}
    assert (not errors("event", event)) == (value in pakru.EVENT_TYPES)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ ", max_size=24))
def test_actor_id_pattern_matches_the_loader(value: str) -> None:
    from pakru.loader.records import ACTOR_ID  # noqa: PLC0415

    participant = {"actor": value, "role": "party"}
    event = {**tashkent(), "participants": [participant]}
    assert (not errors("event", event)) == bool(ACTOR_ID.fullmatch(value))


def test_ids_longer_than_the_loader_accepts_are_invalid() -> None:
    from pakru.loader.records import MAX_KEYWORD  # noqa: PLC0415

    ok = "a" * MAX_KEYWORD
    event = {**tashkent(), "participants": [{"actor": ok, "role": "party"}]}
    assert not errors("event", event)
    event["participants"][0]["actor"] = ok + "a"
    assert errors("event", event)


def test_schema_returns_a_fresh_copy_each_call() -> None:
    first = pakru.schema()
    first["$defs"]["event"]["properties"].clear()
    first["title"] = "changed"
    second = pakru.schema()
    assert second["title"] != "changed"
    assert "id" in second["$defs"]["event"]["properties"]


def test_schema_bad_kind_is_a_query_error() -> None:
    with pytest.raises(pakru.QueryError, match="export, event, actor, source, line"):
        pakru.schema("events")
    with pytest.raises(pakru.QueryTypeError):
        pakru.schema(3)  # type: ignore[arg-type]


def test_the_generator_refuses_a_type_it_cannot_map() -> None:
    @attrs.frozen
    class Odd:
        ratio: float

    with pytest.raises(TypeError, match="cannot map"):
        schema_module._record(Odd)


def test_edtf_pattern_accepts_what_the_parser_accepts() -> None:
    pattern = re.compile(schema_module._edtf_pattern())
    for text in (
        "1972",
        "1972-03",
        "1972-03-16",
        "1950~",
        "197X",
        "1972-21",
        "2017/..",
        "/1989",
        "[1991-12..2003-02]",
        "[..2016-09]",
        "[2017..]",
    ):
        pakru.parse_edtf(text)
        assert pattern.search(text), text
    for text in ("March 1972", "1972/03/16", "72", "[1991,1992]", "[..]x"):
        assert not pattern.search(text), text


def test_docs_publish_the_generated_schema() -> None:
    page = REPO / "docs" / "schema.md"
    if not page.is_file():
        pytest.skip("docs/schema.md is not in this tree")
    blocks = re.findall(r"```json\n(.*?)\n```", page.read_text(encoding="utf-8"), re.S)
    assert blocks, "docs/schema.md has no JSON block"
    assert json.loads(blocks[-1]) == pakru.schema(), (
        "docs/schema.md is stale: run python tools/schema_docs.py"
    )
