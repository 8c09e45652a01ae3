"""The compiled JSON form of the data always equals the YAML it is made from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import pakru
from pakru.compiled import COMPILED, compile_files, decode, encode, read_compiled
from pakru.loader import _package_data, load_tree
from pakru.manifest import data_files, render_manifest
from pakru.yamlsafe import load_yaml


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    source = Path(str(_package_data()))
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(COMPILED))
    return target


def test_compiled_content_equals_parsed_yaml() -> None:
    files = data_files(_package_data())
    compiled = read_compiled(compile_files(files).encode("utf-8"), "compiled.json")
    assert set(compiled) == set(files)
    for path, raw in files.items():
        parsed = load_yaml(raw, path)
        restored = decode(compiled[path]["data"])
        assert restored == parsed
        assert encode(restored) == compiled[path]["data"]


def test_line_numbers_survive_compilation() -> None:
    raw = b"- id: a\n  name: A\n\n- id: b\n  name: B\n"
    parsed = load_yaml(raw, "x.yaml")
    restored = decode(json.loads(json.dumps(encode(parsed))))
    assert [m.line for m in restored] == [1, 4]
    assert restored[1].line_of("name") == 5


def test_dataset_from_compiled_equals_dataset_from_yaml(tmp_path: Path) -> None:
    plain = _copy_data(tmp_path)
    from_yaml = load_tree(plain, "yaml")
    (plain / COMPILED).write_text(compile_files(data_files(plain)), encoding="utf-8")
    from_json = load_tree(plain, "json")
    assert list(from_json) == list(from_yaml)
    assert from_json.actors() == from_yaml.actors()
    assert from_json.sources() == from_yaml.sources()
    assert from_json.digest == from_yaml.digest


def test_stale_compiled_entry_is_ignored_and_yaml_wins(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / COMPILED).write_text(compile_files(data_files(data)), encoding="utf-8")
    actors = data / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("name: Republic of India", "name: Bharat"), encoding="utf-8")
    manifest = render_manifest(data_files(data), pakru.DATA_VERSION)
    (data / "manifest.json").write_text(manifest, encoding="utf-8")
    assert load_tree(data, "t").actor("india").name == "Bharat"


def test_damaged_compiled_file_is_a_data_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    text = compile_files(data_files(data)).replace("Tashkent", "Taschkent", 1)
    (data / COMPILED).write_text(text, encoding="utf-8")
    with pytest.raises(pakru.DataError, match="compiled.json"):
        load_tree(data, "t")
