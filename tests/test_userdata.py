"""Users' own data: ``pakru.load`` of folders, YAML files and JSON exports, overlays on
the shipped data, and ``pakru validate``."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from samples import (
    SEED,
    SHA,
    dump,
    export_body,
    overlay_event,
    records,
    write_export,
    write_folder,
    write_single,
)

import pakru
from pakru.cli import main

TASHKENT = "1966-01-10-tashkent-declaration"
NEW_EVENT = "2024-05-01-ngo-delegation-visits-moscow"


def problems_of(path: Path, **kwargs: Any) -> tuple[pakru.Problem, ...]:
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path, **kwargs)
    assert info.value.problems
    return info.value.problems


def only(problems: tuple[pakru.Problem, ...], field: str) -> pakru.Problem:
    matching = [p for p in problems if p.field == field]
    assert len(matching) == 1, [str(p) for p in problems]
    return matching[0]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# -- the three formats ----------------------------------------------------------------------


def test_folder_without_manifest_loads_as_unversioned_data(tmp_path: Path) -> None:
    data = pakru.load(write_folder(tmp_path / "mine"))
    assert isinstance(data, pakru.Dataset)
    assert (data.data_version, data.license) == ("0.0.0", "NOASSERTION")
    assert dict(data.counts) == {"events": 2, "actors": 3, "sources": 2, "evidence": 3}
    assert data.label == str(tmp_path / "mine")
    # the same query API as the shipped data
    assert data.events(between=(1971, 1975), actor="Alpha").ids == (
        "1972-alpha-joins-gamma-league",
    )
    assert data.events(tag="high-level-visit").ids == ("1970-03-alpha-beta-talks",)
    assert data.actor("beta").name == "Kingdom of Beta"
    assert data.source("doc-one").issued == pakru.EDTFDate("1966-01-11")
    joined = data.event("1972-alpha-joins-gamma-league")
    assert joined.date.wording == "early in the year"
    assert joined.disputes[0].claims[1].status == "accepted"
    with pytest.raises(pakru.UnknownIdError):
        data.event(TASHKENT)


def test_folder_with_manifest_is_checked_against_it(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "mine", manifest=True)
    data = pakru.load(root)
    assert (data.data_version, data.license) == ("2.1.0", "CC0-1.0")
    events = root / "events" / "sample.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("Delegations", "Envoys"), "utf-8")
    problem = only(problems_of(root), "")
    assert problem.file == f"{root}/events/sample.yaml"
    assert "manifest" in problem.message


def test_single_yaml_file_with_a_header(tmp_path: Path) -> None:
    path = write_single(tmp_path / "mine.yaml", header={"data_version": "1.4.0", "license": "MIT"})
    data = pakru.load(path)
    assert (data.data_version, data.license) == ("1.4.0", "MIT")
    assert [e.id for e in data] == [e["id"] for e in records()["events"]]


def test_the_three_formats_give_the_same_records(tmp_path: Path) -> None:
    folder = pakru.load(write_folder(tmp_path / "mine"))
    single = pakru.load(write_single(tmp_path / "mine.yaml"))
    export = pakru.load(write_export(tmp_path / "mine.json", export_body(folder)))
    for other in (single, export):
        assert list(other) == list(folder)
        assert other.actors() == folder.actors()
        assert other.sources() == folder.sources()


def test_an_export_of_the_shipped_data_loads_back_equal(tmp_path: Path) -> None:
    shipped = pakru.dataset()
    body = export_body(shipped)
    data = pakru.load(write_export(tmp_path / "pakru.json", body))
    assert (data.data_version, data.license) == (shipped.data_version, shipped.license)
    assert list(data) == list(shipped)
    assert data.actors() == shipped.actors()
    assert data.sources() == shipped.sources()
    assert (
        data.events(actor="ussr", between=(1965, 1972)).ids
        == pakru.events(actor="ussr", between=(1965, 1972)).ids
    )


def test_an_export_whose_derived_dates_disagree_is_refused(tmp_path: Path) -> None:
    body = export_body(pakru.load(write_folder(tmp_path / "mine")))
    body["events"][0]["latest"] = "1999-12-31"
    path = write_export(tmp_path / "bad.json", body)
    problem = only(problems_of(path), "1970-03-alpha-beta-talks.latest")
    assert "1970-03-31" in problem.message
    assert problem.line == line_of(path, '"id": "1970-03-alpha-beta-talks"') - 1


def test_an_export_needs_its_header(tmp_path: Path) -> None:
    body = export_body(pakru.load(write_folder(tmp_path / "mine")))
    del body["pakru"]
    assert "header" in only(problems_of(write_export(tmp_path / "x.json", body)), "pakru").message
    body["pakru"] = {"data_version": "one", "license": "MIT", "digest": "x", "package_version": "1"}
    found = problems_of(write_export(tmp_path / "y.json", body))
    assert {p.field for p in found} == {"pakru.data_version", "pakru.digest"}


def test_unknown_top_level_keys_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(dump({**records(), "people": []}), encoding="utf-8")
    problem = only(problems_of(path), "people")
    assert problem.line == line_of(path, "people:")
    assert "accepted keys" in problem.message


@pytest.mark.parametrize("name", ["missing", "notes.txt"])
def test_paths_that_are_not_data(tmp_path: Path, name: str) -> None:
    if name.endswith(".txt"):
        (tmp_path / name).write_text("hello\n", encoding="utf-8")
    problem = only(problems_of(tmp_path / name), "")
    assert "folder" in problem.message
    assert ".json" in problem.message


def test_arguments_of_the_wrong_type() -> None:
    with pytest.raises(pakru.QueryTypeError):
        pakru.load(5)  # type: ignore[arg-type]
    with pytest.raises(pakru.QueryTypeError):
        pakru.load(b"/tmp")  # type: ignore[arg-type]
    with pytest.raises(pakru.QueryTypeError):
        pakru.load(".", base="pakru")  # type: ignore[arg-type]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = records()
    data["events"][0]["type"] = "vist"
    data["events"][1]["participants"][1]["actor"] = "nobody"
    data["actors"][2]["kind"] = "club"
    data["sources"][1]["length"] = "long"
    found = problems_of(write_folder(tmp_path / "mine", data))
    fields = {p.field for p in found}
    assert {
        "1970-03-alpha-beta-talks.type",
        "1972-alpha-joins-gamma-league.participants[1]",
        "gamma-league.kind",
        "doc-two.length",
    } <= fields
    assert all(p.line is not None for p in found)


# -- overlays -----------------------------------------------------------------------------------


def overlay_file(tmp_path: Path, *events: dict[str, Any], **more: Any) -> Path:
    return write_single(tmp_path / "overlay.yaml", {"events": list(events), **more})


def test_an_overlay_adds_records_that_refer_to_shipped_ones(tmp_path: Path) -> None:
    shipped = pakru.dataset()
    before = pakru.events(actor="russia")
    actor = {"id": "ngo-delegation", "name": "An NGO delegation", "kind": "organization"}
    participants = [
        {"actor": "ngo-delegation", "role": "visitor"},
        {"actor": "russia", "role": "host"},
    ]
    path = overlay_file(tmp_path, overlay_event(participants=participants), actors=[actor])
    mine = pakru.load(path, base=shipped)
    assert len(mine) == len(shipped) + 1
    assert mine.event(NEW_EVENT).actors == ("ngo-delegation", "russia")
    assert mine.event(TASHKENT) == shipped.event(TASHKENT)
    assert set(mine.events(actor="russia").ids) == {*before.ids, NEW_EVENT}
    assert mine.actor("An NGO delegation").kind == "organization"
    assert mine.label == f"{shipped.label} + {path}"
    assert mine.data_version == shipped.data_version
    assert mine.digest != shipped.digest
    # the shipped data, and what it returned before, are unchanged
    assert pakru.dataset() is shipped
    assert len(pakru.dataset()) == len(shipped)
    assert pakru.events(actor="russia") == before
    with pytest.raises(pakru.UnknownIdError):
        pakru.event(NEW_EVENT)
    with pytest.raises(pakru.UnknownIdError):
        pakru.actor("ngo-delegation")


def test_dataset_overlay_is_load_with_base(tmp_path: Path) -> None:
    path = overlay_file(tmp_path, overlay_event())
    one = pakru.dataset().overlay(path)
    two = pakru.load(path, base=pakru.dataset())
    assert list(one) == list(two)
    assert one.digest == two.digest


def test_overlay_references_must_resolve_in_either(tmp_path: Path) -> None:
    event = overlay_event(participants=[{"actor": "atlantis", "role": "host"}])
    problem = only(
        problems_of(overlay_file(tmp_path, event), base=pakru.dataset()),
        f"{NEW_EVENT}.participants[0]",
    )
    assert "atlantis" in problem.message
    # without the base the shipped actors and sources are unknown
    found = problems_of(overlay_file(tmp_path, overlay_event()))
    assert {p.field for p in found} == {
        f"{NEW_EVENT}.participants[0]",
        f"{NEW_EVENT}.participants[1]",
        f"{NEW_EVENT}.evidence[0]",
    }


def test_reusing_a_shipped_id_is_an_error(tmp_path: Path) -> None:
    path = overlay_file(tmp_path, overlay_event(TASHKENT, date="1966-01-10"))
    problem = only(problems_of(path, base=pakru.dataset()), f"{TASHKENT}.id")
    assert problem.file == str(path)
    assert problem.line == line_of(path, f"id: {TASHKENT}")
    assert "correction: true" in problem.message


def test_a_correction_replaces_the_shipped_record_in_the_overlay_only(tmp_path: Path) -> None:
    shipped = pakru.dataset()
    original = shipped.event(TASHKENT)
    corrected = overlay_event(TASHKENT, date="1966-01-10", title="Corrected title", correction=True)
    mine = pakru.load(overlay_file(tmp_path, corrected), base=shipped)
    assert mine.event(TASHKENT).title == "Corrected title"
    assert len(mine) == len(shipped)
    assert pakru.event(TASHKENT) is original
    assert pakru.event(TASHKENT).title != "Corrected title"


def test_corrections_of_actors_and_sources(tmp_path: Path) -> None:
    ussr = pakru.actor("ussr")
    fixed = {
        "id": "ussr",
        "name": ussr.name,
        "kind": "state",
        "aliases": [*ussr.aliases, "Soyuz"],
        "iso3": ussr.iso3,
        "cow": ussr.cow,
        "successor": "russia",
        "correction": True,
    }
    mine = pakru.load(overlay_file(tmp_path, actors=[fixed]), base=pakru.dataset())
    assert mine.actor("Soyuz").id == "ussr"
    assert mine.events(actor="ussr") == pakru.events(actor="ussr")
    with pytest.raises(pakru.UnknownIdError):
        pakru.actor("Soyuz")


def test_a_correction_that_breaks_shipped_records_is_refused(tmp_path: Path) -> None:
    seed = pakru.source(SEED)
    shrunk = {
        "id": SEED,
        "document": seed.document,
        "sha256": seed.sha256,
        "length": 20,
        "paragraphs": 1,
        "kind": seed.kind,
        "correction": True,
    }
    found = problems_of(overlay_file(tmp_path, sources=[shrunk]), base=pakru.dataset())
    assert found
    assert all(p.file == "pakru/data" for p in found), "the shipped events that cite it"
    assert all(SEED in p.message for p in found)


@pytest.mark.parametrize(
    ("flag", "base", "says"),
    [
        (True, False, "base dataset"),
        ("yes", True, "expected true"),
    ],
)
def test_misused_correction_markers(tmp_path: Path, flag: object, base: bool, says: str) -> None:
    path = overlay_file(tmp_path, overlay_event(TASHKENT, date="1966-01-10", correction=flag))
    found = problems_of(path, base=pakru.dataset() if base else None)
    problem = only(found, f"{TASHKENT}.correction")
    assert says in problem.message
    assert problem.line == line_of(path, "correction:")


def test_a_correction_of_an_id_the_base_does_not_have(tmp_path: Path) -> None:
    path = overlay_file(tmp_path, overlay_event(correction=True))
    problem = only(problems_of(path, base=pakru.dataset()), f"{NEW_EVENT}.correction")
    assert "no event" in problem.message


def test_an_overlay_alias_may_not_name_a_shipped_actor(tmp_path: Path) -> None:
    actor = {
        "id": "red-bear",
        "name": "Red Bear",
        "kind": "organization",
        "aliases": ["Soviet Union"],
    }
    problem = only(
        problems_of(overlay_file(tmp_path, actors=[actor]), base=pakru.dataset()),
        "red-bear.aliases",
    )
    assert "'ussr'" in problem.message


def test_the_correction_field_is_unknown_in_shipped_layout_loading(tmp_path: Path) -> None:
    from pakru.loader import load_tree  # noqa: PLC0415

    data = records()
    data["actors"][0]["correction"] = True
    root = write_folder(tmp_path / "mine", data, manifest=True)
    with pytest.raises(pakru.DataError) as info:
        load_tree(root, "t")
    assert any(
        p.field == "alpha.correction" and "unknown field" in p.message for p in info.value.problems
    )


# -- immutability and threads ------------------------------------------------------------------


def test_loaded_datasets_do_not_share_state(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "mine")
    first = pakru.load(root)
    found = first.events()
    as_list = list(found)
    as_list.clear()
    second = pakru.load(root)
    assert list(second) == list(first) == list(found)
    assert first is not second
    with pytest.raises(TypeError):
        first.counts["events"] = 0  # type: ignore[index]
    # editing the files after loading changes nothing already loaded
    (root / "events" / "sample.yaml").write_text("[]\n", encoding="utf-8")
    assert len(first) == 2
    assert len(pakru.load(root)) == 0


def test_sixteen_threads_load_and_overlay_at_once(tmp_path: Path) -> None:
    path = overlay_file(tmp_path, overlay_event())
    barrier = threading.Barrier(16)

    def work(i: int) -> tuple[str, ...]:
        barrier.wait(timeout=60)
        data = pakru.load(path, base=pakru.dataset()) if i % 2 else pakru.dataset().overlay(path)
        return data.events(actor="russia", between=(2020, None)).ids

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(work, range(16)))
    assert NEW_EVENT in results[0]
    assert all(r == results[0] for r in results)
    assert NEW_EVENT not in pakru.events(actor="russia").ids


# -- pakru validate -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_a_valid_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_folder(tmp_path / "mine")
    status, out, err = run(capsys, "validate", str(root))
    assert (status, err) == (0, "")
    assert out.startswith(f"ok: {root}: 2 events, 3 actors, 2 sources")


def test_validate_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = records()
    many = [dict(data["events"][0], id=f"1970-03-event-{i:02d}", type="vist") for i in range(30)]
    root = write_folder(tmp_path / "mine", {**data, "events": many})
    status, out, err = run(capsys, "validate", str(root))
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert lines[-1] == f"30 problems in {root}"
    events = root / "events" / "sample.yaml"
    text = events.read_text(encoding="utf-8").splitlines()
    type_lines = [n for n, line in enumerate(text, 1) if line.strip() == "type: vist"]
    assert len(type_lines) == 30
    for i, line in enumerate(lines[:-1]):
        where, field, message = line.split(": ", 2)
        assert where == f"{events}:{type_lines[i]}"
        assert field == f"1970-03-event-{i:02d}.type"
        assert "'vist'" in message


def test_validate_an_overlay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = overlay_file(tmp_path, overlay_event())
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert "unknown actor 'pakistan'" in out
    status, out, _ = run(capsys, "validate", "--overlay", str(path))
    assert status == 0
    assert out.startswith(f"ok: {path}: {len(pakru.dataset()) + 1} events")


def test_validate_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path / "nothing-here"))
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "no such file or folder" in err
    status, _, err = run(capsys, "validate")
    assert status == 2
    assert len(err.splitlines()) == 1


def test_validate_a_json_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = export_body(pakru.load(write_folder(tmp_path / "mine")))
    body["events"][1]["evidence"][0]["end"] = 5000
    path = write_export(tmp_path / "mine.json", body)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert f"{path}:" in out
    assert "1972-alpha-joins-gamma-league.evidence[0]: span end 5000 is past the end" in out


def test_loaded_dates_and_numbers_have_their_types(tmp_path: Path) -> None:
    data = records()
    data["sources"][0]["accessed"] = "2024-02-29"
    source = pakru.load(write_single(tmp_path / "x.yaml", data)).source("doc-one")
    assert source.accessed == dt.date(2024, 2, 29)
    assert isinstance(source.length, int)
    assert source.sha256 == SHA
