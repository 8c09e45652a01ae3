"""What a path holds, read one way: folders of exports, empty folders, and the shared rules.

One module (``pakru.loader.documents``) decides what a path holds for ``pakru.load``,
``pakru.exports.read_export`` and ``pakru validate``; these tests pin the cases that two
dispatchers used to answer differently.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.cli import main
from pakru.exports import read_export

ALL = pakru.dataset()


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("exports")
    folders = {}
    for fmt in ("json", "jsonl", "datapackage"):
        folders[fmt] = root / fmt
        pakru.export(ALL, fmt, folders[fmt])
    return folders


@pytest.mark.parametrize("fmt", ["json", "jsonl", "datapackage"])
def test_load_reads_the_folder_of_an_export(exports: dict[str, Path], fmt: str) -> None:
    # pakru.load(folder) once returned an empty dataset here without a word.
    loaded = pakru.load(exports[fmt])
    assert len(loaded) == len(ALL) > 0
    assert [e.id for e in loaded] == [e.id for e in ALL]
    assert loaded.actors() == ALL.actors()
    assert loaded.sources() == ALL.sources()
    assert [e.id for e in read_export(exports[fmt])] == [e.id for e in loaded]


def test_an_empty_folder_is_an_error_not_an_empty_dataset(tmp_path: Path) -> None:
    with pytest.raises(pakru.DataError, match="no data file") as info:
        pakru.load(tmp_path)
    assert info.value.problems[0].file == str(tmp_path)
    with pytest.raises(pakru.DataError, match="no data file"):
        pakru.load(tmp_path, base=ALL)


def test_a_folder_of_unrelated_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "other").mkdir()
    with pytest.raises(pakru.DataError, match="no data file"):
        pakru.load(tmp_path)


def test_a_folder_with_data_files_and_an_export_names_both(
    tmp_path: Path, exports: dict[str, Path]
) -> None:
    shutil.copy(exports["json"] / "pakru.json", tmp_path / "pakru.json")
    (tmp_path / "events.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(
        pakru.DataError, match=r"both data files and a pakru export \(pakru\.json\)"
    ):
        pakru.load(tmp_path)
    assert len(pakru.load(tmp_path / "pakru.json")) == len(ALL)


def test_a_data_folder_with_only_an_empty_events_file_is_still_data(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text("[]\n", encoding="utf-8")
    assert len(pakru.load(tmp_path)) == 0


def test_validate_fails_on_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert status == 1
    assert "no data file" in out
    assert "ok:" not in out


def test_validate_reads_the_folder_of_a_json_export(
    exports: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", str(exports["json"])])
    out, _ = capsys.readouterr()
    assert status == 0
    assert f"{len(ALL)} events" in out


# -- the event filters of the command line, defined once ---------------------------------


@pytest.mark.parametrize(
    ("flags", "query"),
    [
        (
            ["--between", "1965", "1972", "--within", "--actor", "ussr"],
            {"between": ("1965", "1972"), "date_match": "within", "actor": ["ussr"]},
        ),
        (
            ["--actor", "pakistan", "--actor", "ussr", "--all-actors"],
            {"actor": ["pakistan", "ussr"], "all_actors": True},
        ),
        (
            ["--actor", "russia", "--follow-succession", "--between", "1955", "1965"],
            {"actor": ["russia"], "follow_succession": True, "between": ("1955", "1965")},
        ),
    ],
)
def test_export_takes_every_filter_of_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], query: dict[str, object]
) -> None:
    expected = pakru.events(**query)  # type: ignore[arg-type]
    assert 0 < len(expected) < len(ALL)
    status = main(["export", "--format", "json", "--out", str(tmp_path), *flags])
    capsys.readouterr()
    assert status == 0
    doc = json.loads((tmp_path / "pakru.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in doc["events"]] == list(expected.ids)
    assert main(["events", "--format", "json", *flags]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed] == list(expected.ids)


def test_cli_choices_come_from_the_modules_that_own_them() -> None:
    from pakru import cli, schemas  # noqa: PLC0415
    from pakru.citation.cite import MARKUPS, STYLES  # noqa: PLC0415
    from pakru.exports import FORMATS  # noqa: PLC0415

    parser = cli._build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None

    def choices(command: str, dest: str) -> tuple[str, ...]:
        action = next(a for a in commands[command]._actions if a.dest == dest)
        return tuple(action.choices or ())

    assert choices("export", "format") == FORMATS
    assert choices("schema", "kind") == schemas.KINDS
    assert choices("cite", "style") == STYLES
    assert choices("bibliography", "markup") == MARKUPS
    for command in ("events", "bibliography", "export"):
        flags = {a.dest for a in commands[command]._actions}
        assert {"between", "date_match", *cli.FILTERS} <= flags, command


# -- one way to the shipped data, and one way to find a record ---------------------------


def test_clear_cache_reloads_the_same_records() -> None:
    before = pakru.dataset()
    pakru.clear_cache()
    after = pakru.dataset()
    assert after is not before
    assert list(after) == list(before)
    assert after.digest == before.digest
    assert pakru.dataset() is after


def test_lookup_is_the_one_rule_for_ids() -> None:
    data = pakru.dataset()  # the shipped data, as ext.links and cite default to
    event, actor, source = next(iter(data)), data.actors()[0], data.sources()[0]
    for record in (event, actor, source):
        assert data.lookup(record.id) is record
        assert data.resolve(record.id) is record
    from pakru.ext.links import find  # noqa: PLC0415

    assert find(f" {actor.id} ") is actor
    with pytest.raises(pakru.UnknownIdError, match="no event or source with id"):
        pakru.cite(actor.id)
    with pytest.raises(pakru.UnknownIdError, match="no event, actor or source with id"):
        find("no-such-record")


def test_require_extra_lives_in_errors() -> None:
    from pakru.errors import require_extra  # noqa: PLC0415

    assert require_extra("json", "none", "a test").dumps([]) == "[]"
    with pytest.raises(pakru.MissingExtraError, match=r"pip install 'pakru\[nope\]'"):
        require_extra("pakru_no_such_module", "nope", "a test feature")
