"""The cold path keeps every guarantee: the same records, checked, frozen, found cheaply.

Records served from compiled data are rebuilt without running their validators again
(they ran when the wheel was built); these tests hold them to the records read from the
YAML, and check what the first query imports in a package laid out as a wheel installs it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import pakru
from pakru.loader import load_tree, package_data
from pakru.loader.compiled import COMPILED, compile_dataset, trusted
from pakru.loader.files import Folder
from pakru.loader.manifest import data_files, read_manifest
from pakru.model import Event, Evidence


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package with compiled data, as a wheel installs it."""
    root = tmp_path_factory.mktemp("site")
    package = root / "pakru"
    installed = Path(pakru.__file__).resolve().parent
    shutil.copytree(installed, package, ignore=shutil.ignore_patterns("__pycache__", COMPILED))
    data = package / "data"
    dataset = load_tree(data, "build", compiled=False)
    files = read_manifest(data, data_files(data), "build").files
    (data / COMPILED).write_text(compile_dataset(dataset, files), encoding="utf-8")
    return root


def test_compiled_records_are_the_yaml_records_field_by_field(site: Path) -> None:
    data = site / "pakru" / "data"
    from_yaml = load_tree(data, "yaml", compiled=False)
    from_json = load_tree(data, "json")
    for ours, theirs in zip(from_json, from_yaml, strict=True):
        assert ours == theirs
        assert hash(ours) == hash(theirs)
        for field in attrs.fields(Event):
            value = getattr(ours, field.name)
            assert type(value) is type(getattr(theirs, field.name)), field.name
    assert from_json.actors() == from_yaml.actors()
    assert from_json.sources() == from_yaml.sources()


def test_trusted_records_stay_frozen() -> None:
    record = trusted(Evidence, "doc", 1, 0, 10, "0" * 64)
    assert record == Evidence("doc", 1, 0, 10, "0" * 64)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.paragraph = 2  # type: ignore[misc]


def test_the_installed_data_folder_is_a_plain_folder() -> None:
    root = package_data()
    if not isinstance(root, Folder):  # pragma: no cover - a zip import
        pytest.skip("pakru is imported from an archive here")
    assert Path(str(root)).is_dir()
    assert root.joinpath("manifest.json").is_file()
    assert {e.name for e in root.iterdir()} >= {"manifest.json", "events"}


def test_first_query_from_compiled_data_needs_no_path_machinery(
    site: Path, run_python: Any
) -> None:
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "before = {'pathlib', 'importlib.resources', 'importlib_resources'} & set(sys.modules)\n"
        "import pakru\n"
        f"assert pakru.__file__.startswith({str(site)!r}), pakru.__file__\n"
        "assert pakru.events(between=('1965', '1972'), actor='ussr')\n"
        "after = {'pathlib', 'importlib.resources', 'importlib_resources', 'yaml'}\n"
        "print(sorted((after & set(sys.modules)) - before))\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_changed_file_beside_compiled_data_is_still_refused(tmp_path: Path, site: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(site / "pakru" / "data", data)
    actors = data / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(pakru.DataError, match="changed since the manifest"):
        load_tree(data, "t")
