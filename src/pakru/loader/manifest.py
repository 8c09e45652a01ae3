"""The data manifest: the data version and the SHA-256 of every data file.

The loader recomputes each digest and refuses data that differs from its manifest, so
what a script reads is exactly the data version it reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import attrs

from pakru.errors import DataError, Problem
from pakru.loader.files import (
    DATA_DIRS,
    MAX_FILE_BYTES,
    DataFiles,
    Tree,
    data_files,
    decode_text,
    read_bounded,
)
from pakru.rules import FINGERPRINTS, SEMVER

__all__ = [
    "DATA_DIRS",
    "FINGERPRINTS",
    "MANIFEST",
    "MAX_FILE_BYTES",
    "NO_LICENSE",
    "UNVERSIONED",
    "Manifest",
    "Tree",
    "check_files",
    "data_files",
    "decode_text",
    "parse_manifest",
    "read_bounded",
    "read_manifest",
    "render_manifest",
    "unversioned",
]

MANIFEST = "manifest.json"
#: The data version reported for data that has no manifest (a user's own folder).
UNVERSIONED = "0.0.0"
#: The licence reported for data that does not state one (SPDX "no assertion").
NO_LICENSE = "NOASSERTION"


@attrs.frozen
class Manifest:
    """What a manifest file says."""

    data_version: str
    license: str
    files: Mapping[str, str]


def read_manifest(root: Tree, files: Mapping[str, bytes], label: str) -> Manifest:
    """Read ``root``'s manifest and check ``files`` against it; raise DataError if unequal."""
    return check_files(parse_manifest(root, label), files, label)


def parse_manifest(root: Tree, label: str) -> Manifest:
    """What ``root``'s manifest says, checked for form only (see :func:`check_files`)."""
    where = f"{label}/{MANIFEST}"
    entry = root.joinpath(MANIFEST)
    if not entry.is_file():
        raise DataError.single(where, None, "", "the data manifest is missing")
    try:
        raw = json.loads(read_bounded(entry).decode("utf-8"))
    except RecursionError:
        raise DataError.single(where, None, "", "not a JSON manifest: nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError.single(
            where, getattr(exc, "lineno", None), "", f"not a JSON manifest: {exc}"
        ) from None
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise DataError.single(where, 1, "", "expected a JSON object")
    version = raw.get("data_version")
    if not isinstance(version, str) or not SEMVER.fullmatch(version):
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
    if problems:
        raise DataError(problems)
    return Manifest(version, licence, dict(listed))  # type: ignore[arg-type]


def _sha256(files: Mapping[str, bytes], path: str) -> str:
    """The SHA-256 of one file of ``files``, hashed once when the folder reader can."""
    if isinstance(files, DataFiles):
        return files.sha256(path)
    return hashlib.sha256(files[path]).hexdigest()


def check_files(manifest: Manifest, files: Mapping[str, bytes], label: str) -> Manifest:
    """``manifest`` if ``files`` are exactly the files it lists, with the same SHA-256."""
    problems: list[Problem] = []
    listed = manifest.files
    for path in sorted(set(listed) | set(files)):
        if path not in files:
            problems.append(
                Problem(f"{label}/{path}", None, "", "listed in the data manifest but missing")
            )
        elif path not in listed:
            problems.append(Problem(f"{label}/{path}", None, "", "not listed in the data manifest"))
        else:
            actual = _sha256(files, path)
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
    return manifest


def unversioned(files: Mapping[str, bytes]) -> Manifest:
    """What a manifest would say of ``files`` that have none: no version, no licence."""
    digests = {path: _sha256(files, path) for path in sorted(files)}
    return Manifest(UNVERSIONED, NO_LICENSE, digests)


def render_manifest(
    files: Mapping[str, bytes], data_version: str, license: str = "CC-BY-4.0"
) -> str:
    """The manifest text for ``files``: the curation workflow writes it after each edit."""
    body = {
        "name": "pakru",
        "data_version": data_version,
        "license": license,
        "files": {p: _sha256(files, p) for p in sorted(files)},
    }
    return json.dumps(body, indent=2) + "\n"
