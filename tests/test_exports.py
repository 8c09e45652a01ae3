"""Exports: every format validates with an independent tool, and the round trips hold."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import pakru
from pakru.cli import EXPORT_FORMATS, main
from pakru.exports import FORMATS, read_export
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict
from pakru.tables import TABLES

REPO = Path(__file__).resolve().parent.parent
SHARED_SCHEMAS = REPO.parent / "shared" / "schemas"
TASHKENT = "1966-01-10-tashkent-declaration"


def check_schema(kind: str = "export") -> Draft202012Validator:
    return Draft202012Validator(
        pakru.schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def same_records(loaded: pakru.Dataset, expected: pakru.Dataset) -> None:
    assert tuple(loaded) == tuple(expected)
    assert loaded.actors() == expected.actors()
    assert loaded.sources() == expected.sources()
    # The version and licence come from the export's header; the digest is that of the
    # files read, as for any data pakru.load reads.
    assert (loaded.data_version, loaded.license) == (expected.data_version, expected.license)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format of the whole shipped dataset, written once for the module."""
    root = tmp_path_factory.mktemp("exports")
    return {fmt: Path(root / fmt) for fmt in FORMATS if pakru.export(None, fmt, root / fmt)}


# -- json and jsonl -------------------------------------------------------------------------


def test_json_export_is_the_agreed_document(exported: dict[str, Path]) -> None:
    data = pakru.dataset()
    doc = json.loads((exported["json"] / "pakru.json").read_text(encoding="utf-8"))
    assert list(doc) == ["pakru", "events", "actors", "sources"]
    assert doc["pakru"] == {
        "package_version": pakru.__version__,
        "data_version": data.data_version,
        "digest": data.digest,
        "license": data.license,
    }
    assert doc["events"] == [event_to_dict(e) for e in data]
    assert doc["actors"] == [actor_to_dict(a) for a in data.actors()]
    assert doc["sources"] == [source_to_dict(s) for s in data.sources()]


def test_json_export_validates_against_the_schema(exported: dict[str, Path]) -> None:
    doc = json.loads((exported["json"] / "pakru.json").read_text(encoding="utf-8"))
    problems = [e.message for e in check_schema().iter_errors(doc)]
    assert not problems, problems[:5]


def test_jsonl_export_lines_validate_and_hold_every_record(exported: dict[str, Path]) -> None:
    lines = (exported["jsonl"] / "pakru.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    check = check_schema("line")
    for item in items:
        assert not list(check.iter_errors(item)), item
    assert items[0]["kind"] == "pakru"
    data = pakru.dataset()
    kinds = [i["kind"] for i in items[1:]]
    assert kinds.count("event") == len(data)
    assert kinds.count("actor") == len(data.actors())
    assert kinds.count("source") == len(data.sources())
    events = [i["record"] for i in items if i["kind"] == "event"]
    assert events == [event_to_dict(e) for e in data]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "datapackage"])
def test_round_trip_gives_records_equal_to_the_shipped_ones(
    exported: dict[str, Path], fmt: str
) -> None:
    same_records(read_export(exported[fmt]), pakru.dataset())


def test_round_trip_keeps_disputes_wording_and_evidence(exported: dict[str, Path]) -> None:
    loaded = read_export(exported["datapackage"])
    for event in pakru.dataset():
        again = loaded.event(event.id)
        assert again.disputes == event.disputes
        assert again.evidence == event.evidence
        assert again.date.wording == event.date.wording
    assert any(e.disputes for e in loaded)
    assert any(e.date.wording for e in loaded)


@st.composite
def subsets(draw: st.DrawFn) -> list[pakru.Event]:
    everything = tuple(pakru.dataset())
    picked = draw(st.sets(st.integers(0, len(everything) - 1), min_size=1, max_size=12))
    return [everything[i] for i in sorted(picked)]


@settings(max_examples=15)
@given(subsets(), st.sampled_from(["json", "jsonl", "datapackage"]))
def test_any_query_result_exports_self_contained_and_reads_back(
    events: list[pakru.Event], fmt: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pakru.export(pakru.EventList(events), fmt, folder)
        loaded = read_export(folder)
    assert tuple(loaded) == tuple(sorted(events, key=lambda e: (*e.date.bounds(), e.id)))
    named = {p.actor for e in events for p in e.participants}
    assert named <= {a.id for a in loaded.actors()}
    cited = {s for e in events for s in e.sources}
    assert cited == {s.id for s in loaded.sources()}
    for actor in loaded.actors():  # the same records as shipped, not trimmed copies
        assert actor == pakru.actor(actor.id)


def test_an_event_given_twice_is_written_once(tmp_path: Path) -> None:
    event = pakru.event(TASHKENT)
    pakru.export([event, event], "json", tmp_path)
    assert tuple(read_export(tmp_path)) == (event,)


def test_exporting_a_query_follows_succession_links(tmp_path: Path) -> None:
    found = pakru.events(actor="ussr", between=("1965", "1966"))
    found.export("json", tmp_path)
    loaded = pakru.load(tmp_path / "pakru.json")
    assert {"ussr", "russia"} <= {a.id for a in loaded.actors()}
    assert loaded.events() == found


# -- csv and the data package ----------------------------------------------------------------


def read_table(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables_are_keyed_by_id(exported: dict[str, Path]) -> None:
    folder = exported["csv"]
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(TABLES)
    data = pakru.dataset()
    events = read_table(folder, "events")
    assert [r["id"] for r in events] == [e.id for e in data]
    ids = {r["id"] for r in events}
    participants = read_table(folder, "participants")
    evidence = read_table(folder, "evidence")
    assert len(participants) == sum(len(e.participants) for e in data)
    assert len(evidence) == data.counts["evidence"]
    assert {r["event"] for r in participants} == ids
    assert {r["event"] for r in evidence} == ids
    disputes = read_table(folder, "disputes")
    assert len(disputes) == sum(len(e.disputes) for e in data)
    claims = read_table(folder, "claims")
    assert {(r["event"], r["dispute"]) for r in claims} == {
        (r["event"], r["position"]) for r in disputes
    }
    first = pakru.event(TASHKENT)
    rows = [r for r in participants if r["event"] == TASHKENT]
    assert [(r["actor"], r["role"]) for r in rows] == [
        (p.actor, p.role) for p in first.participants
    ]
    row = next(r for r in events if r["id"] == TASHKENT)
    assert json.loads(row["tags"]) == list(first.tags)
    assert row["earliest"] == first.date.earliest.isoformat()  # type: ignore[union-attr]


def test_data_package_passes_frictionless_validate(exported: dict[str, Path]) -> None:
    import frictionless  # noqa: PLC0415

    report = frictionless.validate(str(exported["datapackage"] / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert report.stats["tasks"] == len(TABLES)


def test_data_package_descriptor_follows_the_official_profile(exported: dict[str, Path]) -> None:
    profile = SHARED_SCHEMAS / "datapackage-2.0.json"
    if not profile.is_file():
        pytest.skip(f"{profile} is not available")
    import jsonschema  # noqa: PLC0415

    schema = json.loads(profile.read_text(encoding="utf-8"))
    descriptor = json.loads((exported["datapackage"] / "datapackage.json").read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    problems = [e.message for e in validator.iter_errors(descriptor)]
    assert not problems, problems


def test_data_package_keys_hashes_and_licence(exported: dict[str, Path]) -> None:
    folder = exported["datapackage"]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == pakru.dataset().license
    assert descriptor["version"] == pakru.DATA_VERSION
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(TABLES)
    for resource in resources.values():
        raw = (folder / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(raw).hexdigest()}"
        assert resource["bytes"] == len(raw)
        assert resource["schema"]["primaryKey"]
    fks = {
        (name, tuple(fk["fields"])): fk["reference"]
        for name, r in resources.items()
        for fk in r["schema"].get("foreignKeys", [])
    }
    assert fks[("participants", ("actor",))] == {"resource": "actors", "fields": ["id"]}
    assert fks[("evidence", ("source",))] == {"resource": "sources", "fields": ["id"]}
    assert fks[("claims", ("event", "dispute"))] == {
        "resource": "disputes",
        "fields": ["event", "position"],
    }


def _rehash(folder: Path) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        raw = (folder / resource["path"]).read_bytes()
        resource["hash"] = f"sha256:{hashlib.sha256(raw).hexdigest()}"
        resource["bytes"] = len(raw)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def test_a_dangling_reference_fails_frictionless_and_pakru(tmp_path: Path) -> None:
    import frictionless  # noqa: PLC0415

    pakru.export(None, "datapackage", tmp_path)
    table = tmp_path / "participants.csv"
    table.write_text(table.read_text("utf-8").replace(",ussr,", ",nobody,", 1), "utf-8")
    _rehash(tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}
    with pytest.raises(pakru.DataError, match="unknown actor 'nobody'"):
        pakru.load(tmp_path / "datapackage.json")


def test_a_changed_table_file_is_refused(tmp_path: Path) -> None:
    pakru.export(None, "datapackage", tmp_path)
    table = tmp_path / "evidence.csv"
    table.write_text(table.read_text("utf-8").replace("1", "2", 1), "utf-8")
    with pytest.raises(pakru.DataError, match=r"evidence\.csv.*size and hash"):
        pakru.load(tmp_path / "datapackage.json")


# -- TimelineJS -----------------------------------------------------------------------------


def test_timelinejs_has_one_well_formed_slide_per_event(exported: dict[str, Path]) -> None:
    doc = json.loads((exported["timelinejs"] / "timeline.json").read_text(encoding="utf-8"))
    assert set(doc) <= {"title", "events", "eras", "scale"}
    assert doc["scale"] == "human"
    assert doc["title"]["text"]["headline"]
    slides = {s["unique_id"]: s for s in doc["events"]}
    data = pakru.dataset()
    assert list(slides) == [e.id for e in data]
    allowed = {"start_date", "end_date", "text", "group", "display_date", "unique_id"}
    for event in data:
        slide = slides[event.id]
        assert set(slide) <= allowed
        start = slide["start_date"]
        assert isinstance(start["year"], int)
        first = event.date.earliest or event.date.latest
        assert first is not None
        assert start["year"] == first.year
        if "month" in start:
            assert start["month"] == first.month
        if "day" in start:
            assert (start["year"], start["month"], start["day"]) == (
                first.year,
                first.month,
                first.day,
            )
        if "end_date" in slide:
            assert event.date.latest is not None
            assert slide["end_date"]["year"] == event.date.latest.year
        assert html.unescape(slide["text"]["headline"]) == event.title
        assert "<script" not in slide["text"]["text"]
    open_ended = [e for e in data if e.date.latest is None]
    assert all("end_date" not in slides[e.id] for e in open_ended)


def _timelinejs_check(file: Path) -> dict[str, Any]:
    """Run TimelineJS's own configuration checks (its source, under Node) on a file."""
    package = os.environ.get("PAKRU_TIMELINEJS")
    node = shutil.which("node")
    if not package or node is None:
        pytest.skip(
            "PAKRU_TIMELINEJS (the @knight-lab/timelinejs package folder) or node is missing"
        )
    helpers = Path(__file__).resolve().parent / "timelinejs"
    result = subprocess.run(
        [
            node,
            "--import",
            str(helpers / "register.mjs"),
            str(helpers / "check.mjs"),
            package,
            str(file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_timeline_passes_timelinejs_own_checks(exported: dict[str, Path]) -> None:
    report = _timelinejs_check(exported["timelinejs"] / "timeline.json")
    assert report == {"valid": True, "errors": [], "events": len(pakru.dataset())}


def test_timelinejs_checks_can_fail(exported: dict[str, Path], tmp_path: Path) -> None:
    doc = json.loads((exported["timelinejs"] / "timeline.json").read_text(encoding="utf-8"))
    doc["events"][0]["start_date"] = {"year": "not a year"}
    broken = tmp_path / "timeline.json"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    report = _timelinejs_check(broken)
    assert not report["valid"]
    assert report["errors"]


# -- Parquet --------------------------------------------------------------------------------


def test_parquet_files_read_back_as_the_arrow_tables(exported: dict[str, Path]) -> None:
    import pyarrow.parquet as pq  # noqa: PLC0415

    for name in TABLES:
        table = pq.read_table(exported["parquet"] / f"{name}.parquet")
        assert table.equals(pakru.to_arrow(table=name)), name


# -- errors ---------------------------------------------------------------------------------


def test_export_refuses_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(pakru.QueryError, match="json, jsonl, csv"):
        pakru.export(None, "xml", tmp_path)
    with pytest.raises(pakru.QueryTypeError):
        pakru.export(None, 3, tmp_path)  # type: ignore[arg-type]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(pakru.QueryError, match="not a folder"):
        pakru.export(None, "json", a_file)
    with pytest.raises(pakru.QueryTypeError, match="iterable of events"):
        pakru.export("events", "json", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(pakru.QueryTypeError, match="got an item of type Actor"):
        pakru.export([pakru.actor("ussr")], "json", tmp_path)  # type: ignore[list-item]


def _edit_json(folder: Path, change: Any) -> Path:
    path = folder / "pakru.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["events"][0].update(type="picnic"), "'picnic' is not one of the event types"),
        (lambda d: d["events"][0].update(earliest="1800-01-01"), "earliest: is '1800-01-01'"),
        (lambda d: d["events"][0].update(surprise=1), "surprise: unknown field"),
        (lambda d: d["actors"].pop(0), "unknown actor"),
        (lambda d: d["events"][0]["evidence"][0].update(paragraph=10**6), "past the last"),
        (lambda d: d["pakru"].pop("digest"), "pakru.digest"),
        (lambda d: d["events"].append(7), "expected a mapping"),
    ],
)
def test_reading_back_a_broken_json_export_is_a_data_error(
    tmp_path: Path, change: Any, message: str
) -> None:
    pakru.export(None, "json", tmp_path)
    path = _edit_json(tmp_path, change)
    with pytest.raises(pakru.DataError) as info:
        read_export(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_reading_back_a_broken_jsonl_line_names_the_line(tmp_path: Path) -> None:
    pakru.export(None, "jsonl", tmp_path)
    path = tmp_path / "pakru.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"type": "', '"type": "x', 1)
    lines[4] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(pakru.DataError, match=r"pakru\.jsonl:5: not valid JSON"):
        read_export(path)


def test_read_export_of_something_else_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(pakru.QueryError, match=r"holds no datapackage\.json"):
        read_export(tmp_path)
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(pakru.DataError, match="not a data file"):
        read_export(other)


# -- command line ---------------------------------------------------------------------------


def test_cli_formats_are_the_export_formats() -> None:
    assert EXPORT_FORMATS == FORMATS


def test_cli_export_writes_a_valid_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["export", "--format", "datapackage", "--out", str(tmp_path)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert str(tmp_path / "datapackage.json") in out.splitlines()
    same_records(read_export(tmp_path), pakru.dataset())


def test_cli_export_with_filters_writes_the_matching_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "--format", "json", "--out", str(tmp_path), "--actor", "ussr"]
    assert main([*args, "--between", "1965", "1972"]) == 0
    capsys.readouterr()
    loaded = read_export(tmp_path)
    assert loaded.events() == pakru.events(between=("1965", "1972"), actor="ussr")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "xml", "--out", "x"],
        ["export", "--format", "json"],
        ["export", "--format", "json", "--out", "x", "--actor", "nobody-at-all"],
        ["schema", "--kind", "everything"],
    ],
)
def test_cli_export_bad_input_is_one_line_and_status_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([a if a != "x" else str(tmp_path / "x") for a in args])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--kind", "event"]) == 0
    assert json.loads(capsys.readouterr().out) == pakru.schema("event")


wordings = st.one_of(st.none(), st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != ""))


@given(wordings, wordings)
def test_wording_of_office_terms_and_publication_dates_survives(
    office_wording: str | None, issued_wording: str | None
) -> None:
    from pakru.serialize import actor_from_dict, source_from_dict  # noqa: PLC0415

    person = next(a for a in pakru.actors("person") if a.offices)
    office = person.offices[0]
    changed = attrs.evolve(
        person,
        offices=(
            attrs.evolve(office, date=pakru.parse_edtf(office.date.edtf, wording=office_wording)),
        ),
    )
    assert actor_from_dict(json.loads(json.dumps(actor_to_dict(changed)))) == changed
    source = next(s for s in pakru.sources() if s.issued is not None)
    assert source.issued is not None
    dated = attrs.evolve(
        source, issued=pakru.parse_edtf(source.issued.edtf, wording=issued_wording)
    )
    assert source_from_dict(json.loads(json.dumps(source_to_dict(dated)))) == dated
    assert not list(check_schema("actor").iter_errors(actor_to_dict(changed)))
    assert not list(check_schema("source").iter_errors(source_to_dict(dated)))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "datapackage"])
def test_wording_of_office_terms_and_publication_dates_loads_back(tmp_path: Path, fmt: str) -> None:
    data = pakru.dataset()
    person = next(a for a in data.actors("person") if a.offices)
    term = person.offices[0]
    reworded = attrs.evolve(
        person, offices=(attrs.evolve(term, date=pakru.parse_edtf(term.date.edtf, wording="x")),)
    )
    source = next(s for s in data.sources() if s.issued is not None)
    assert source.issued is not None
    dated = attrs.evolve(source, issued=pakru.parse_edtf(source.issued.edtf, wording="last May"))
    changed = pakru.Dataset(
        events=tuple(data),
        actors=[reworded if a.id == person.id else a for a in data.actors()],
        sources=[dated if s.id == source.id else s for s in data.sources()],
        data_version=data.data_version,
        digest=data.digest,
        license=data.license,
        label="changed",
    )
    pakru.export(changed, fmt, tmp_path)
    loaded = read_export(tmp_path)
    assert loaded.actor(person.id) == reworded
    assert loaded.source(source.id) == dated


def test_load_reads_a_data_package_folder(exported: dict[str, Path]) -> None:
    loaded = pakru.load(exported["datapackage"])
    assert tuple(loaded) == tuple(pakru.dataset())


# -- csl-json -------------------------------------------------------------------------------

CSL_SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "csl-data.json"


def test_csl_json_export_holds_every_source_and_validates(exported: dict[str, Path]) -> None:
    items = json.loads((exported["csl-json"] / "sources.csl.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [s.id for s in pakru.sources()]
    if not CSL_SCHEMA.is_file():
        pytest.skip("the CSL-JSON schema of ../shared/schemas is not available")
    from jsonschema import Draft7Validator  # noqa: PLC0415 - the CSL schema is draft 7

    errors = list(
        Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))).iter_errors(items)
    )
    assert not errors, errors[0].message


def test_csl_json_export_of_a_query_holds_the_sources_it_cites(tmp_path: Path) -> None:
    found = pakru.events(actor="ussr", between=(1965, 1966))
    pakru.export(found, "csl-json", tmp_path)
    items = json.loads((tmp_path / "sources.csl.json").read_text(encoding="utf-8"))
    assert {item["id"] for item in items} == {s for e in found for s in e.sources}


# -- a windowed query's matches travel with every export -------------------------------


def test_exports_of_a_possible_query_say_which_events_only_may_fall_in_it(
    tmp_path: Path,
) -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    possible = {e.id for e, m in zip(found, found.matches, strict=True) if m == "possible"}
    assert possible
    assert len(possible) < len(found)
    want = {e.id: m for e, m in zip(found, found.matches, strict=True)}

    pakru.export(found, "json", tmp_path / "json")
    doc = json.loads((tmp_path / "json" / "pakru.json").read_text(encoding="utf-8"))
    assert doc["pakru"]["matches"] == want
    Draft202012Validator(pakru.schema()).validate(doc)
    back = pakru.load(tmp_path / "json")  # the header is accepted on the way back
    assert list(back) == list(found)

    pakru.export(found, "jsonl", tmp_path / "jsonl")
    first = (tmp_path / "jsonl" / "pakru.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(first)["record"]["matches"] == want

    pakru.export(found, "datapackage", tmp_path / "dp")
    with (tmp_path / "dp" / "matches.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["event"]: r["match"] for r in rows} == want
    descriptor = json.loads((tmp_path / "dp" / "datapackage.json").read_text(encoding="utf-8"))
    assert "matches" in [r["name"] for r in descriptor["resources"]]
    assert list(pakru.load(tmp_path / "dp" / "datapackage.json")) == list(found)

    pakru.export(found, "graphml", tmp_path / "graph")
    text = (tmp_path / "graph" / "pakru.graphml").read_text(encoding="utf-8")
    assert text.count(">possible</data>") == len(possible)

    pakru.export(found, "timelinejs", tmp_path / "tl")
    slides = json.loads((tmp_path / "tl" / "timeline.json").read_text(encoding="utf-8"))
    grouped = {s["unique_id"] for s in slides["events"] if s["group"] == "Possibly in the window"}
    assert grouped == possible


def test_exports_of_certain_events_carry_no_matches(tmp_path: Path) -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr")  # certain only
    pakru.export(found, "csv", tmp_path)
    assert not (tmp_path / "matches.csv").exists()
    pakru.export(None, "json", tmp_path)
    doc = json.loads((tmp_path / "pakru.json").read_text(encoding="utf-8"))
    assert "matches" not in doc["pakru"]


def test_a_bad_matches_header_is_named(tmp_path: Path) -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    pakru.export(found, "json", tmp_path)
    path = tmp_path / "pakru.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["pakru"]["matches"] = {found[0].id: "maybe"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    assert [p.field for p in info.value.problems] == ["pakru.matches"]


def test_matches_table_passes_frictionless_and_reads_from_parquet(tmp_path: Path) -> None:
    import frictionless  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    found = pakru.events(between=("1980", "1989"), date_match="possible")
    pakru.export(found, "datapackage", tmp_path / "dp")
    report = frictionless.validate(str(tmp_path / "dp" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    pakru.export(found, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "matches.parquet").to_pylist()
    assert table == [{"event": e.id, "match": m} for e, m in zip(found, found.matches, strict=True)]
