"""Faults while writing: an export never empties, truncates or writes through another file.

Every export goes through :mod:`pakru.fileio`; these tests break it in the ways a
user's machine does (a text that cannot be encoded, a full disk, a link planted in the
output folder, several exports into one folder at once) and check that the earlier
export is intact and loads, and that nothing outside the folder changed.
"""

from __future__ import annotations

import errno
import json
import threading
from pathlib import Path

import pytest
from samples import records, write_single

import pakru
from pakru import fileio


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_unencodable_text_leaves_the_earlier_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "pakru.json"
    target.write_text("earlier export\n", encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        fileio.write_text(target, "a title with a lone surrogate \ud800")
    assert str(target) in str(info.value)
    assert target.read_text(encoding="utf-8") == "earlier export\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["json", "jsonl", "datapackage", "graphml"])
def test_a_full_disk_leaves_the_earlier_export_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    out = tmp_path / "out"
    written = pakru.export(None, fmt, out)
    before = {p: p.read_bytes() for p in written}

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full)
    with pytest.raises(OSError, match="space") as info:
        pakru.export(pakru.events()[:2], fmt, out)
    assert info.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in written} == before
    assert _leftovers(out) == []
    if fmt != "graphml":
        assert len(pakru.load(out).events()) == len(pakru.events())


@pytest.mark.parametrize(("fmt", "name"), [("json", "pakru.json"), ("csv", "events.csv")])
def test_a_link_in_the_output_folder_is_refused(tmp_path: Path, fmt: str, name: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / name).symlink_to(victim)
    with pytest.raises(pakru.QueryError) as info:
        pakru.export(None, fmt, out)
    assert name in str(info.value)
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (out / name).is_symlink()


def test_a_folder_at_the_target_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "pakru.json").mkdir(parents=True)
    with pytest.raises(pakru.QueryError, match=r"pakru\.json"):
        pakru.export(None, "json", out)


def test_the_new_file_keeps_the_earlier_mode(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("a", encoding="utf-8")
    target.chmod(0o640)
    fileio.write_text(target, "b")
    assert target.read_text(encoding="utf-8") == "b"
    assert target.stat().st_mode & 0o777 == 0o640


def test_threads_exporting_into_one_folder_leave_a_valid_package(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subsets = [pakru.events()[: n + 1] for n in range(6)]
    errors: list[BaseException] = []

    def run(events: object) -> None:
        try:
            pakru.export(events, "datapackage", out)  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in subsets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _leftovers(out) == []
    loaded = pakru.load(out)  # sizes and hashes in the descriptor match the files
    assert len(loaded.events()) in range(1, 7)


def test_processes_wait_for_the_folder(tmp_path: Path) -> None:
    import multiprocessing  # noqa: PLC0415

    out = tmp_path / "out"
    out.mkdir()
    ctx = multiprocessing.get_context("spawn")
    # The target is pakru's own function, so a fresh interpreter can import it.
    procs = [
        ctx.Process(target=pakru.export, args=(tuple(pakru.events()[:n]), "datapackage", str(out)))
        for n in range(1, 4)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert 1 <= len(pakru.load(out).events()) <= 3


def _export_with_title(tmp_path: Path, title_json: str) -> Path:
    """A pakru JSON export whose first event's title is the JSON string ``title_json``."""
    out = tmp_path / "src"
    pakru.export(pakru.events()[:1], "json", out)
    path = out / "pakru.json"
    text = path.read_text(encoding="utf-8")
    original = json.dumps(pakru.events()[0].title, ensure_ascii=False)
    assert original in text
    path.write_text(text.replace(original, title_json, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("title", "what"),
    [
        ('"Talks \\ud800 held"', "surrogate"),
        ('"Talks \\udfff"', "surrogate"),
        ('"Talks \\u001b[2J held"', "control"),
        ('"Talks \\u0000 held"', "control"),
        ('"Talks \\u0085 held"', "control"),
    ],
)
def test_record_text_refuses_surrogates_and_controls(tmp_path: Path, title: str, what: str) -> None:
    path = _export_with_title(tmp_path, title)
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    [problem] = info.value.problems
    assert problem.file == str(path)
    assert problem.field.endswith(".title")
    assert what in problem.message


def test_text_keeps_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = _export_with_title(tmp_path, '"Talks\\tare held\\nin two rounds"')
    assert pakru.load(path).events()[0].title == "Talks\tare held\nin two rounds"


def test_a_yaml_escape_is_refused_in_a_name(tmp_path: Path) -> None:
    data = records()
    data["actors"][0]["name"] = "Republic \x1b[31mof Alpha"
    path = write_single(tmp_path / "data.yaml", data)
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    assert info.value.problems[0].field == "alpha.name"
