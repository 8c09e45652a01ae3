"""The package as installed: data found through importlib.resources, wheel contents,
zip imports, manifest tampering, version pinning and the citation file."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.resources
import json
import os
import shutil
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import Any

import pytest
import yaml

import pakru
from pakru import DataVersionError, QueryError, QueryTypeError

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent


def _resources_files(package: str) -> Any:
    return importlib.resources.files(package)


def _env_path(name: str) -> Path:
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set")
    path = Path(value)
    assert path.is_file(), f"{name}={value} is not a file"
    return path


# -- the installed package ------------------------------------------------------------------


def test_data_is_read_through_importlib_resources() -> None:
    data = _resources_files("pakru").joinpath("data")
    manifest = json.loads(data.joinpath("manifest.json").read_text(encoding="utf-8"))
    assert manifest["data_version"] == pakru.DATA_VERSION
    assert manifest["license"] == "CC-BY-4.0"
    assert manifest["files"]
    for path, sha in manifest["files"].items():
        entry = data
        for part in path.split("/"):
            entry = entry.joinpath(part)
        assert hashlib.sha256(entry.read_bytes()).hexdigest() == sha, path
    dataset = pakru.dataset()
    assert isinstance(dataset, pakru.Dataset)
    assert len(dataset) > 0
    assert dataset.data_version == pakru.DATA_VERSION
    assert dataset.package_version == pakru.__version__


def test_py_typed_marker_is_installed() -> None:
    assert _resources_files("pakru").joinpath("py.typed").is_file()


def test_tests_run_against_the_installed_package() -> None:
    if os.environ.get("PAKRU_REQUIRE_INSTALLED") != "1":
        pytest.skip("PAKRU_REQUIRE_INSTALLED is not 1")
    installed = Path(pakru.__file__).resolve()
    source_tree = (REPO / "src").resolve()
    assert not installed.is_relative_to(source_tree), (
        f"pakru was imported from the source tree ({installed}), not the installed wheel"
    )


# -- the wheel ------------------------------------------------------------------------------


def _wheel_metadata(wheel: zipfile.ZipFile) -> Any:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode("utf-8"))


def test_wheel_contents() -> None:
    with zipfile.ZipFile(_env_path("PAKRU_WHEEL")) as wheel:
        names = set(wheel.namelist())
        assert "pakru/py.typed" in names
        assert "pakru/__init__.py" in names
        assert "pakru/data/manifest.json" in names
        manifest = json.loads(wheel.read("pakru/data/manifest.json"))
        for path, sha in manifest["files"].items():
            member = f"pakru/data/{path}"
            assert member in names, f"{member} is listed in the manifest but not in the wheel"
            assert hashlib.sha256(wheel.read(member)).hexdigest() == sha, member
        assert not [n for n in names if n.startswith(("tests/", "src/"))]


def test_wheel_metadata() -> None:
    from packaging.requirements import Requirement  # noqa: PLC0415

    with zipfile.ZipFile(_env_path("PAKRU_WHEEL")) as wheel:
        meta = _wheel_metadata(wheel)
    licence = meta.get("License-Expression") or meta.get("License") or ""
    assert "CC-BY-4.0" in licence
    assert meta["Name"] == "pakru"
    assert meta["Version"] == pakru.__version__
    runtime = {}
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is not None and "extra" in str(req.marker):
            continue
        runtime[req.name.lower().replace("_", "-")] = req
    assert set(runtime) == {"attrs", "pyyaml", "importlib-resources"}, sorted(runtime)
    assert runtime["attrs"].marker is None
    assert runtime["pyyaml"].marker is None
    backport = runtime["importlib-resources"].marker
    assert backport is not None
    assert "python_version" in str(backport)
    assert backport.evaluate({"python_version": "3.10"})
    assert not backport.evaluate({"python_version": "3.13"})


def test_zip_import(tmp_path: Path, run_python: Any) -> None:
    bundle = tmp_path / "pakru-only.zip"
    with zipfile.ZipFile(_env_path("PAKRU_WHEEL")) as wheel, zipfile.ZipFile(bundle, "w") as out:
        for info in wheel.infolist():
            if info.filename.startswith("pakru/"):
                out.writestr(info.filename, wheel.read(info))
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(bundle)!r})\n"
        "import pakru\n"
        f"assert pakru.__file__.startswith({str(bundle)!r}), pakru.__file__\n"
        "data = pakru.dataset()\n"
        "print(len(data), data.data_version)\n"
        "print(pakru.event('1966-01-10-tashkent-declaration').title)\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    count, version = result.stdout.splitlines()[0].split()
    assert int(count) == len(pakru.dataset())
    assert version == pakru.DATA_VERSION
    assert result.stdout.splitlines()[1] == pakru.event("1966-01-10-tashkent-declaration").title


def test_sdist_carries_the_tests_and_the_data() -> None:
    with tarfile.open(_env_path("PAKRU_SDIST")) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert "src/pakru/data/manifest.json" in names
    assert "tests/conftest.py" in names
    assert "CITATION.cff" in names


# -- tampering ------------------------------------------------------------------------------


def _flip_one_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    for i in range(len(raw) // 2, len(raw)):
        if ord("a") <= raw[i] < ord("z"):
            raw[i] += 1
            path.write_bytes(bytes(raw))
            return
    pytest.fail(f"no letter to change in {path}")


def test_a_changed_data_file_is_refused(tmp_path: Path, run_python: Any) -> None:
    installed = Path(pakru.__file__).resolve().parent
    site = tmp_path / "site"
    copy = site / "pakru"
    shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__"))
    manifest = json.loads((copy / "data" / "manifest.json").read_text(encoding="utf-8"))
    changed = sorted(manifest["files"])[0]
    _flip_one_byte(copy / "data" / changed)
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import pakru\n"
        f"assert pakru.__file__.startswith({str(site)!r}), pakru.__file__\n"
        "try:\n"
        "    pakru.dataset()\n"
        "except pakru.DataError as exc:\n"
        "    print(json.dumps([[p.file, p.message] for p in exc.problems]))\n"
        "else:\n"
        "    print('loaded')\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() != "loaded", "tampered data was accepted"
    problems = json.loads(result.stdout)
    assert [f"pakru/data/{changed}"] == [file for file, _ in problems]
    assert "manifest" in problems[0][1]


@pytest.mark.parametrize("how", ["deleted", "emptied", "replaced by another data file"])
def test_a_missing_or_swapped_data_file_is_named(tmp_path: Path, run_python: Any, how: str) -> None:
    installed = Path(pakru.__file__).resolve().parent
    site = tmp_path / "site"
    copy = site / "pakru"
    shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__"))
    manifest = json.loads((copy / "data" / "manifest.json").read_text(encoding="utf-8"))
    names = sorted(manifest["files"])
    target = copy / "data" / names[-1]
    if how == "deleted":
        target.unlink()
    elif how == "emptied":
        target.write_bytes(b"")
    else:
        shutil.copyfile(copy / "data" / names[0], target)
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import pakru\n"
        f"assert pakru.__file__.startswith({str(site)!r}), pakru.__file__\n"
        "try:\n"
        "    pakru.events()\n"
        "except pakru.DataError as exc:\n"
        "    print(json.dumps([[p.file, p.message] for p in exc.problems]))\n"
        "else:\n"
        "    print('loaded')\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() != "loaded", f"a {how} data file was accepted"
    problems = json.loads(result.stdout)
    assert [file for file, _ in problems] == [f"pakru/data/{names[-1]}"]
    says = "missing" if how == "deleted" else "changed since the manifest"
    assert says in problems[0][1]


# -- version pinning ------------------------------------------------------------------------


def test_require_the_installed_version() -> None:
    major, minor, _ = pakru.DATA_VERSION.split(".")
    assert pakru.require(f"{major}.{minor}") == pakru.DATA_VERSION
    assert pakru.require(pakru.DATA_VERSION) == pakru.DATA_VERSION
    assert pakru.require(f"=={pakru.DATA_VERSION}") == pakru.DATA_VERSION


def test_require_a_newer_version_fails_naming_both() -> None:
    with pytest.raises(DataVersionError) as info:
        pakru.require("9.0")
    assert "9.0" in str(info.value)
    assert pakru.DATA_VERSION in str(info.value)
    assert isinstance(info.value, pakru.PakruError)


@pytest.mark.parametrize(
    ("spec", "installed", "ok"),
    [
        ("0.1", "0.1.0", True),
        ("0.1", "0.1.7", True),
        ("0.1", "0.2.0", False),  # 0.x minor releases may break
        ("0.1.3", "0.1.2", False),
        ("0.1.3", "0.1.3", True),
        ("9.0", "0.1.0", False),
        ("1", "1.4.2", True),
        ("1.2", "1.5.0", True),
        ("1.2", "1.1.9", False),
        ("1.2", "2.0.0", False),
        ("==0.1.0", "0.1.0", True),
        ("==0.1.0", "0.1.1", False),
        ("== 1.2.3", "1.2.3", True),
        ("==1.2.3", "1.2.4", False),
        (" 0.1 ", "0.1.0", True),
        (">=0.1", "0.2.0", True),
        (">=0.2,<0.3", "0.2.5", True),
        (">=0.2,<0.3", "0.3.0", False),
        ("~=0.2", "0.9.0", True),
        ("~=0.2", "1.0.0", False),
        ("~=0.2.1", "0.2.4", True),
        ("~=0.2.1", "0.3.0", False),
        ("!=0.2.0", "0.2.0", False),
        ("==0.2.*", "0.2.7", True),
        ("==0.2.*", "0.3.0", False),
        ("!=0.2.*", "0.3.0", True),
        ("<1", "0.9.9", True),
        (">0.2", "0.2.0", False),
        ("<=0.2", "0.2.0", True),
    ],
)
def test_require_semantics(spec: str, installed: str, ok: bool) -> None:
    if ok:
        assert pakru.require(spec, installed=installed) == installed
    else:
        with pytest.raises(DataVersionError) as info:
            pakru.require(spec, installed=installed)
        assert spec.strip() in str(info.value)
        assert installed in str(info.value)


@pytest.mark.parametrize(
    "spec", ["latest", "", "0.1.x", "1.2.3.4", "v1", "~=1", ">=0.1,", ">=1.*", "==1.*.2"]
)
def test_require_garbage_is_a_query_error(spec: str) -> None:
    with pytest.raises(QueryError) as info:
        pakru.require(spec)
    assert isinstance(info.value, ValueError)


def test_require_a_non_string_is_a_type_error() -> None:
    with pytest.raises(QueryTypeError):
        pakru.require(0.1)  # type: ignore[arg-type]


# -- citation -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """YAML dates as ISO strings, the way CFF's JSON schema expects them."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _citation() -> dict[str, Any]:
    path = REPO / "CITATION.cff"
    assert path.is_file(), f"{path} is missing"
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return _plain(loaded)


def test_citation_file_validates_against_the_cff_schema() -> None:
    import jsonschema  # noqa: PLC0415

    schema_path = REPO.parent / "shared" / "schemas" / "cff-1.2.0.schema.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} is not available")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    citation = _citation()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(citation), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_citation_version_is_the_package_version() -> None:
    citation = _citation()
    assert str(citation["version"]) == pakru.__version__
    assert citation["cff-version"] == "1.2.0"


def test_require_pins_the_data_digest() -> None:
    digest = pakru.dataset().digest
    assert pakru.require(digest=digest[:12]) == pakru.DATA_VERSION
    assert pakru.require(f">={pakru.DATA_VERSION}", digest=f"sha256:{digest}")
    other = ("0" if digest[0] != "0" else "1") + digest[1:12]
    with pytest.raises(DataVersionError):
        pakru.require(digest=other)
    with pytest.raises(QueryError):
        pakru.require(digest="abc")
    with pytest.raises(QueryError):
        pakru.require()
