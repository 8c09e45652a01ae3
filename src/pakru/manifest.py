"""The data manifest: the data version and the SHA-256 of every data file.

The loader recomputes each digest and refuses data that differs from its manifest, so
what a script reads is exactly the data version it reports.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from pakru.errors import DataError, Problem

__all__ = [
    "FINGERPRINTS",
    "MANIFEST",
    "MAX_FILE_BYTES",
    "NO_LICENSE",
    "UNVERSIONED",
    "Manifest",
    "data_files",
    "decode_text",
    "read_bounded",
    "read_manifest",
    "render_manifest",
    "unversioned",
]

MANIFEST = "manifest.json"
#: Largest data file pakru reads, in bytes; larger files are refused, not read whole.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: The data version reported for data that has no manifest (a user's own folder).
UNVERSIONED = "0.0.0"
#: The licence reported for data that does not state one (SPDX "no assertion").
NO_LICENSE = "NOASSERTION"
#: Folders whose YAML files hold records of one kind each.
DATA_DIRS = ("events", "actors", "sources")
#: The generated file of passage fingerprints (``pakru.fingerprintdata``), a data file too.
FINGERPRINTS = "fingerprints.json"
_SEMVER = r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"


class Tree(Protocol):
    """The part of ``importlib.resources.abc.Traversable`` pakru uses (a Path fits too)."""

    @property
    def name(self) -> str: ...

    def iterdir(self) -> Any: ...
    def is_file(self) -> bool: ...
    def is_dir(self) -> bool: ...
    def joinpath(self, child: str) -> Any: ...
    def read_bytes(self) -> bytes: ...


@attrs.frozen
class Manifest:
    """What a manifest file says."""

    data_version: str
    license: str
    files: Mapping[str, str]

    @property
    def digest(self) -> str:
        """One SHA-256 for the whole dataset: over the sorted ``path digest`` lines."""
        lines = "".join(f"{path} {sha}\n" for path, sha in sorted(self.files.items()))
        return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def read_bounded(entry: Any) -> bytes:
    """The bytes of a file (a Path or a Traversable), at most one past :data:`MAX_FILE_BYTES`.

    A file that is too large is then refused by the parser without being read whole.
    """
    with entry.open("rb") as stream:
        data: bytes = stream.read(MAX_FILE_BYTES + 1)
    return data


def decode_text(data: bytes, file: str) -> str:
    """A data file's bytes as text: bounded in size, UTF-8, a leading BOM dropped.

    Any failure is a :class:`DataError` naming the file (and the line of a bad byte).
    """
    if len(data) > MAX_FILE_BYTES:
        raise DataError.single(file, None, "", f"file is larger than {MAX_FILE_BYTES} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError.single(file, line, "", f"not UTF-8 text ({exc.reason})") from None


def data_files(root: Tree) -> dict[str, bytes]:
    """Every data file under ``root``, keyed by its path relative to ``root``.

    Data files are ``*.yaml`` at the top and in the ``events/``, ``actors/`` and
    ``sources/`` folders, and the fingerprint file :data:`FINGERPRINTS`.
    """
    found: dict[str, bytes] = {}
    for entry in root.iterdir():
        if entry.is_file() and (
            entry.name.endswith((".yaml", ".yml")) or entry.name == FINGERPRINTS
        ):
            found[entry.name] = read_bounded(entry)
        elif entry.is_dir() and entry.name in DATA_DIRS:
            for child in entry.iterdir():
                if child.is_file() and child.name.endswith((".yaml", ".yml")):
                    found[f"{entry.name}/{child.name}"] = read_bounded(child)
    return found


def read_manifest(root: Tree, files: Mapping[str, bytes], label: str) -> Manifest:
    """Read ``root``'s manifest and check ``files`` against it; raise DataError if unequal."""
    where = f"{label}/{MANIFEST}"
    entry = root.joinpath(MANIFEST)
    if not entry.is_file():
        raise DataError.single(where, None, "", "the data manifest is missing")
    try:
        raw = json.loads(entry.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError.single(
            where, getattr(exc, "lineno", None), "", f"not a JSON manifest: {exc}"
        ) from None
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise DataError.single(where, 1, "", "expected a JSON object")
    version = raw.get("data_version")
    if not isinstance(version, str) or not re.fullmatch(_SEMVER, version):
        problems.append(
            Problem(
                where,
                None,
                "data_version",
                f"expected a semantic version such as '1.0.0', got {version!r}",
            )
        )
    licence = raw.get("license")
    if not isinstance(licence, str):
        problems.append(Problem(where, None, "license", "expected an SPDX licence id"))
    listed = raw.get("files")
    if not isinstance(listed, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in listed.items()
    ):
        problems.append(Problem(where, None, "files", "expected an object of path: sha256"))
        listed = {}
    for path in sorted(set(listed) | set(files)):
        if path not in files:
            problems.append(
                Problem(f"{label}/{path}", None, "", "listed in the data manifest but missing")
            )
        elif path not in listed:
            problems.append(Problem(f"{label}/{path}", None, "", "not listed in the data manifest"))
        else:
            actual = hashlib.sha256(files[path]).hexdigest()
            if actual != listed[path]:
                problems.append(
                    Problem(
                        f"{label}/{path}",
                        None,
                        "",
                        f"changed since the manifest was written (SHA-256 {actual[:12]}..., "
                        f"manifest says {listed[path][:12]}...)",
                    )
                )
    if problems:
        raise DataError(problems)
    return Manifest(version, licence, dict(listed))  # type: ignore[arg-type]


def unversioned(files: Mapping[str, bytes]) -> Manifest:
    """What a manifest would say of ``files`` that have none: no version, no licence."""
    digests = {path: hashlib.sha256(files[path]).hexdigest() for path in sorted(files)}
    return Manifest(UNVERSIONED, NO_LICENSE, digests)


def render_manifest(
    files: Mapping[str, bytes], data_version: str, license: str = "CC-BY-4.0"
) -> str:
    """The manifest text for ``files``: the curation workflow writes it after each edit."""
    body = {
        "name": "pakru",
        "data_version": data_version,
        "license": license,
        "files": {p: hashlib.sha256(files[p]).hexdigest() for p in sorted(files)},
    }
    return json.dumps(body, indent=2) + "\n"
