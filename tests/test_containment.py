"""Paths from data stay inside the data package; only regular files are ever opened.

A data package descriptor names its tables by path. A path that is absolute, climbs out
with ``..`` or is a link to a file outside the package is refused as not safe, with a
DataError naming the descriptor and the path, and the file outside is never read (its
size and hash are not reported). A FIFO, a device or a folder where a file is expected
is a DataError, never a hang.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import samples

import pakru
from pakru.loader.documents import datapackage_document
from pakru.rules import MAX_RESOURCES


def _package(tmp_path: Path) -> Path:
    out = tmp_path / "pkg"
    pakru.export(pakru.events()[:2], "datapackage", out)
    return out


def _point(pkg: Path, name: str, path: str) -> None:
    descriptor_file = pkg / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource["path"] = path
    descriptor_file.write_text(json.dumps(descriptor), encoding="utf-8")


def _outside(tmp_path: Path, pkg: Path) -> Path:
    """A copy of a valid table outside the package, hash and all: it must not be read."""
    secret = tmp_path / "secret.csv"
    secret.write_bytes((pkg / "events.csv").read_bytes())
    return secret


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink", "nul", "empty"])
def test_a_path_out_of_the_package_is_not_safe(tmp_path: Path, how: str) -> None:
    pkg = _package(tmp_path)
    secret = _outside(tmp_path, pkg)
    if how == "symlink":
        (pkg / "link.csv").symlink_to(secret)
    path = {
        "absolute": str(secret),
        "dotdot": "../secret.csv",
        "symlink": "link.csv",
        "nul": "events.csv\0x",
        "empty": "",
    }[how]
    _point(pkg, "events", path)
    with pytest.raises(pakru.DataError) as info:
        pakru.load(pkg)
    problems = info.value.problems
    assert any(
        p.file.endswith("datapackage.json")
        and p.field == "events.path"
        and "not a safe" in p.message
        for p in problems
    )
    # nothing about the file outside was reported: it was not read
    assert not any("bytes" in p.message for p in problems)


def test_a_link_inside_the_package_is_followed(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "sub").mkdir()
    (pkg / "events.csv").rename(pkg / "sub" / "events.csv")
    (pkg / "events.csv").symlink_to(pkg / "sub" / "events.csv")
    assert len(pakru.load(pkg).events()) == 2


def test_too_many_resources_are_refused_before_any_is_read(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    descriptor_file = pkg / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    descriptor["resources"] *= MAX_RESOURCES
    descriptor_file.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(pakru.DataError, match="resources"):
        datapackage_document(descriptor_file)


def test_a_resource_listed_twice_is_refused(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    descriptor_file = pkg / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    descriptor["resources"].append(descriptor["resources"][0])
    descriptor_file.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(pkg)
    assert any("twice" in p.message for p in info.value.problems)


def _fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs mkfifo")
    os.mkfifo(path)
    return path


def _load_in_time(path: Path) -> BaseException | None:
    """Load in a thread; a hang fails the test instead of the run (a FIFO never answers)."""
    result: list[BaseException | None] = []

    def run() -> None:
        try:
            pakru.load(path)
            result.append(None)
        except BaseException as exc:
            result.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    if thread.is_alive():
        with path.open("wb"):  # release the reader, then fail
            pass
        pytest.fail(f"loading {path} hung")
    return result[0]


def test_a_fifo_as_a_table_is_a_data_error(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "events.csv").unlink()
    fifo = _fifo(pkg / "events.csv")
    error = _load_in_time(pkg)
    assert isinstance(error, pakru.DataError)
    assert any(p.file == str(fifo) and "regular file" in p.message for p in error.problems)


@pytest.mark.parametrize("name", ["data.yaml", "pakru.json", "datapackage.json"])
def test_a_fifo_given_directly_is_a_data_error(tmp_path: Path, name: str) -> None:
    fifo = _fifo(tmp_path / name)
    error = _load_in_time(fifo)
    assert isinstance(error, pakru.DataError)
    assert "no such file" not in str(error)
    assert str(fifo) in str(error)


def test_a_folder_as_a_table_is_a_data_error(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "events.csv").unlink()
    (pkg / "events.csv").mkdir()
    with pytest.raises(pakru.DataError) as info:
        pakru.load(pkg)
    assert any(p.file.endswith("events.csv") for p in info.value.problems)


def test_a_nul_in_the_path_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(pakru.DataError):
        pakru.load(tmp_path / "data\0.yaml")


def test_a_deeply_nested_manifest_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(tmp_path)
    assert any(p.file.endswith("manifest.json") for p in info.value.problems)


def _set_cell(pkg: Path, table: str, column: str, value: str) -> Path:
    """Change one cell of the first row of a table; the descriptor's size and hash follow."""
    path = pkg / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    raw = path.read_bytes()
    descriptor_file = pkg / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == table:
            resource["bytes"] = len(raw)
            resource["hash"] = f"sha256:{hashlib.sha256(raw).hexdigest()}"
    descriptor_file.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("evidence", "paragraph", "9" * 4000),
        ("evidence", "paragraph", "99999999999999999999"),
        ("evidence", "start", "1e3"),
        ("events", "tags", "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_bad_cell_is_a_data_error_naming_it(
    tmp_path: Path, table: str, column: str, value: str
) -> None:
    pkg = _package(tmp_path)
    path = _set_cell(pkg, table, column, value)
    with pytest.raises(pakru.DataError) as info:
        pakru.load(pkg)
    assert any(p.file == str(path) and p.field == column for p in info.value.problems)
    assert len(str(info.value)) < 5000


def test_a_long_summary_round_trips_through_the_data_package(tmp_path: Path) -> None:
    src = tmp_path / "src"
    pakru.export(pakru.events()[:1], "json", src)
    doc = json.loads((src / "pakru.json").read_text(encoding="utf-8"))
    doc["events"][0]["summary"] = "A long summary. " * 20_000  # 320 KB, one CSV cell
    (src / "pakru.json").write_text(json.dumps(doc), encoding="utf-8")
    data = pakru.load(src / "pakru.json")
    out = tmp_path / "out"
    pakru.export(data, "datapackage", out)
    assert pakru.load(out).events()[0].summary == data.events()[0].summary


@pytest.mark.parametrize(
    ("make", "named", "says"),
    [
        (lambda root: (root / "event").mkdir(), "event", "did you mean events/"),
        (lambda root: (root / "Actors").mkdir(), "Actors", "did you mean actors/"),
        (lambda root: (root / "more.YAML").write_text("[]\n"), "more.YAML", ".yaml"),
        (lambda root: (root / "events" / "old").mkdir(), "old", "no deeper"),
        (lambda root: (root / "events" / "notes.txt").write_text("x"), "notes.txt", ".yaml"),
    ],
)
def test_entries_meant_as_data_that_would_be_skipped_are_named(
    tmp_path: Path, make: Callable[[Path], object], named: str, says: str
) -> None:
    root = samples.write_folder(tmp_path / "data")
    make(root)
    with pytest.raises(pakru.DataError) as info:
        pakru.load(root)
    (problem,) = info.value.problems
    assert problem.file.endswith(named)
    assert says in problem.message


def test_other_folders_and_hidden_files_in_a_data_folder_are_left_alone(tmp_path: Path) -> None:
    root = samples.write_folder(tmp_path / "data")
    (root / "docs").mkdir()
    (root / ".git").mkdir()
    (root / "events" / ".DS_Store").write_bytes(b"\0")
    (root / "README.md").write_text("About this data.\n")
    assert len(pakru.load(root)) == len(samples.records()["events"])
