"""Faults while writing: an export never empties, truncates or writes through another file.

Every export goes through :mod:`pakru.fileio`; these tests break it in the ways a
user's machine does (a text that cannot be encoded, a full disk, a link planted in the
output folder, several exports into one folder at once) and check that the earlier
export is intact and loads, and that nothing outside the folder changed.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

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
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
    import multiprocessing  # noqa: PLC0415

    out = tmp_path / "out"
    out.mkdir()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_export_some, args=(str(out), n)) for n in range(1, 4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert 1 <= len(pakru.load(out).events()) <= 3


def _export_some(out: str, n: int) -> None:
    pakru.export(pakru.events()[:n], "datapackage", out)
