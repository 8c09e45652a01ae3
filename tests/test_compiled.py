"""The compiled JSON form of the data always equals the YAML it is made from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pakru
from pakru.loader import load_tree, package_data
from pakru.loader.compiled import COMPILED, compile_dataset, read_compiled
from pakru.loader.manifest import data_files, read_manifest, render_manifest
from pakru.serialize import records_digest


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(Path(str(package_data())), target, ignore=shutil.ignore_patterns(COMPILED))
    return target


def _compile(data: Path) -> None:
    dataset = load_tree(data, "t", compiled=False)
    files = read_manifest(data, data_files(data), "t").files
    (data / COMPILED).write_text(compile_dataset(dataset, files), encoding="utf-8")


def test_compiled_records_equal_the_yaml_records(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    from_yaml = load_tree(data, "yaml", compiled=False)
    _compile(data)
    ready = read_compiled((data / COMPILED).read_bytes(), COMPILED)
    assert ready.events == tuple(from_yaml)
    assert ready.actors == from_yaml.actors()
    assert ready.sources == from_yaml.sources()
    from_json = load_tree(data, "json")
    assert list(from_json) == list(from_yaml)
    assert from_json.digest == from_yaml.digest


def test_installed_compiled_data_matches_installed_yaml() -> None:
    root = package_data()
    if not root.joinpath(COMPILED).is_file():
        pytest.skip("this install carries no compiled data (an editable install)")
    assert list(load_tree(root, "p")) == list(load_tree(root, "p", compiled=False))


def test_stale_compiled_data_is_ignored_and_the_yaml_wins(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _compile(data)
    actors = data / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("name: Republic of India", "name: Bharat"), encoding="utf-8")
    manifest = render_manifest(data_files(data), pakru.DATA_VERSION)
    (data / "manifest.json").write_text(manifest, encoding="utf-8")
    assert load_tree(data, "t").actor("india").name == "Bharat"


def test_damaged_compiled_file_is_a_data_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _compile(data)
    text = (data / COMPILED).read_text(encoding="utf-8").replace("Tashkent", "Taschkent", 1)
    (data / COMPILED).write_text(text, encoding="utf-8")
    with pytest.raises(pakru.DataError, match=r"compiled\.json"):
        load_tree(data, "t")


def test_forged_compiled_records_change_the_digest_served(tmp_path: Path) -> None:
    # Edited records with their digest recomputed are served, but under their own
    # digest: the dataset digest describes the records, not the manifest.
    data = _copy_data(tmp_path)
    original = load_tree(data, "yaml", compiled=False)
    genuine = original.digest
    _compile(data)
    text = (data / COMPILED).read_text(encoding="utf-8")
    head, _, rest = text.partition(',"data":')
    records = rest[: rest.rindex("}")].replace("Tashkent", "Taschkent", 1)
    forged_digest = records_digest(records)
    prefix = head[: head.index('"sha256":"') + len('"sha256":"')]
    head = prefix + forged_digest + head[len(prefix) + 64 :]
    (data / COMPILED).write_text(f'{head},"data":{records}}}\n', encoding="utf-8")
    forged = load_tree(data, "t")
    served = (tuple(forged), forged.actors(), forged.sources())
    assert served != (tuple(original), original.actors(), original.sources())
    assert forged.digest == forged_digest != genuine
    recomputed = pakru.Dataset(
        events=list(forged),
        actors=forged.actors(),
        sources=forged.sources(),
        data_version=forged.data_version,
        license=forged.license,
        label="recomputed",
    )
    assert recomputed.digest == forged.digest


def test_digest_is_the_same_for_the_same_records_in_any_format(tmp_path: Path) -> None:
    shipped = pakru.dataset()
    for fmt in ("json", "jsonl"):
        (written,) = [p for p in pakru.export(None, fmt, tmp_path / fmt) if p.suffix == f".{fmt}"]
        assert pakru.load(written).digest == shipped.digest, fmt
    fewer = pakru.EventList(list(shipped)[1:])
    pakru.export(fewer, "json", tmp_path / "fewer")
    assert pakru.load(tmp_path / "fewer" / "pakru.json").digest != shipped.digest
