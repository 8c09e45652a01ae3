"""Load a pakru data directory: check the manifest, parse, validate, then index.

Nothing is returned unless everything is valid: any problem raises one
:class:`~pakru.errors.DataError` that lists them all.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pakru.collection import Dataset
from pakru.errors import DataError, Problem
from pakru.linedict import LineDict, LineList, short, type_name
from pakru.loader.checks import Located, check_references
from pakru.loader.compiled import COMPILED, read_compiled
from pakru.loader.files import DATA_DIRS, Tree, data_files
from pakru.loader.manifest import (
    MANIFEST,
    Manifest,
    check_files,
    parse_manifest,
    unversioned,
)
from pakru.rules import FINGERPRINTS, KINDS, MAX_PROBLEMS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pakru.model import Actor, Event, Source, Tombstone

__all__ = ["build_records", "collect_tree", "finish_dataset", "load_tree"]


def _kind(path: str) -> str | None:
    """The kind of records a data file holds, from its name or folder."""
    folder, _, name = path.rpartition("/")
    if folder:
        return folder if folder in DATA_DIRS else None
    stem, _, suffix = name.rpartition(".")
    return stem if stem in KINDS and suffix == "yaml" else None


def load_tree(
    root: Tree,
    label: str,
    *,
    expect_version: str | None = None,
    compiled: bool = True,
    releases: Tree | None = None,
) -> Dataset:
    """Load and validate the data directory ``root``; ``label`` prefixes file names.

    With ``compiled=True`` the records of a ``compiled.json`` made from exactly these
    files (same SHA-256 for each) are used instead of parsing the YAML. ``releases`` is
    the folder of release records whose tombstones keep retired ids resolving.

    The cyclic garbage collector is paused while the records are built: they hold no
    cycles, and its passes over the growing heap made loading grow faster than the data
    (twice as slow at 100 times the shipped size).
    """
    global _pauses  # noqa: PLW0603
    paused = gc.isenabled()
    if paused:
        gc.disable()
        _pauses += 1
    try:
        return _load_tree(
            root, label, expect_version=expect_version, compiled=compiled, releases=releases
        )
    finally:
        if paused:
            _pauses -= 1
            gc.enable()


#: Loads in progress that paused the garbage collector (a forked child restores it).
_pauses = 0


def _restore_gc_in_child() -> None:
    """A child forked during a load has no loading thread left to turn the collector on."""
    global _pauses  # noqa: PLW0603
    if _pauses:
        _pauses = 0
        gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_restore_gc_in_child)


def _load_tree(
    root: Tree,
    label: str,
    *,
    expect_version: str | None,
    compiled: bool,
    releases: Tree | None,
) -> Dataset:
    found, manifest, problems, digest = collect_tree(
        root, label, expect_version=expect_version, compiled=compiled
    )
    tombstones = None if releases is None else _tombstones(releases, f"{label}/releases")
    return finish_dataset(found, manifest, problems, label, tombstones, digest=digest)


def finish_dataset(
    found: Mapping[str, list[Located]],
    manifest: Manifest,
    problems: list[Problem],
    label: str,
    tombstones: Callable[[], Mapping[tuple[str, str], Tombstone]] | None,
    *,
    digest: str | None = None,
) -> Dataset:
    """Check the references between the records found; then the dataset, or every problem.

    ``digest`` is the records' digest when it is known already (compiled data); otherwise
    the dataset computes it from its records when first asked.
    """
    check_references(found["events"], found["actors"], found["sources"], problems)
    if problems:
        raise DataError(problems)
    return Dataset(
        events=[x.record for x in found["events"]],  # type: ignore[misc]
        actors=[x.record for x in found["actors"]],  # type: ignore[misc]
        sources=[x.record for x in found["sources"]],  # type: ignore[misc]
        data_version=manifest.data_version,
        digest=digest,
        license=manifest.license,
        label=label,
        tombstones=tombstones,
    )


def collect_tree(
    root: Tree,
    label: str,
    *,
    expect_version: str | None = None,
    compiled: bool = True,
    manifest_required: bool = True,
    prepare: Prepare | None = None,
) -> tuple[dict[str, list[Located]], Manifest, list[Problem], str | None]:
    """Every record of a data directory, its manifest, the problems found, a digest.

    The digest is the records' when compiled records were used, ``None`` otherwise.

    Cross-record checks are left to the caller, which may add records (an overlay).
    Without ``manifest_required`` a directory with no ``manifest.json`` is read as
    unversioned data; one that has a manifest is always checked against it. ``prepare``
    is passed on to :func:`build_records`.
    """
    problems: list[Problem] = []
    files = data_files(root)
    if manifest_required or root.joinpath(MANIFEST).is_file():
        # Every data file as the manifest lists it (reading and hashing them all costs
        # about 2 ms): an installed file changed by hand is refused, compiled or not.
        manifest = check_files(parse_manifest(root, label), files, label)
    else:
        manifest = unversioned(files)
    found: dict[str, list[Located]] | None = None
    digest: str | None = None
    entry = root.joinpath(COMPILED)
    if compiled and entry.is_file():
        # The compiled records are served when they match their own SHA-256 and were
        # made from exactly the files the manifest lists; then no YAML is parsed.
        name = f"{label}/{COMPILED}"
        ready = read_compiled(entry.read_bytes(), name)
        if dict(ready.files) == dict(manifest.files):
            digest = ready.digest
            found = {
                "events": [Located(r, name, None) for r in ready.events],
                "actors": [Located(r, name, None) for r in ready.actors],
                "sources": [Located(r, name, None) for r in ready.sources],
            }
    if found is None:
        found = _from_yaml(files, label, problems, prepare)
        if FINGERPRINTS in files:
            _join_fingerprints(found, files[FINGERPRINTS], f"{label}/{FINGERPRINTS}", problems)
    if expect_version is not None and manifest.data_version != expect_version:
        problems.append(
            Problem(
                f"{label}/manifest.json",
                None,
                "data_version",
                f"is {manifest.data_version!r} but this pakru expects "
                f"{expect_version!r}; reinstall pakru",
            )
        )
    return found, manifest, problems, digest


def _join_fingerprints(
    found: dict[str, list[Located]], raw: bytes, file: str, problems: list[Problem]
) -> None:
    """Give the evidence read from YAML its fingerprints from the fingerprint file."""
    from pakru.loader.fingerprints import join, read_fingerprints  # noqa: PLC0415

    try:
        table = read_fingerprints(raw, file)
    except DataError as exc:
        problems.extend(exc.problems)
        return
    found["events"] = join(found["events"], table)


def _from_yaml(
    files: Mapping[str, bytes],
    label: str,
    problems: list[Problem],
    prepare: Prepare | None = None,
) -> dict[str, list[Located]]:
    """Parse and validate every YAML data file, adding problems instead of raising."""
    from pakru.loader.yamlsafe import load_yaml  # noqa: PLC0415 - YAML only when needed

    found: dict[str, list[Located]] = {"events": [], "actors": [], "sources": []}
    for path in sorted(files):
        if path == FINGERPRINTS:
            continue  # joined onto the evidence afterwards
        kind = _kind(path)
        name = f"{label}/{path}"
        if kind is None:
            problems.append(
                Problem(
                    name,
                    None,
                    "",
                    "unexpected data file; expected actors.yaml, sources.yaml, events.yaml "
                    "or a YAML file in events/, actors/ or sources/",
                )
            )
            continue
        try:
            doc = load_yaml(files[path], name)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        build_records(kind, doc, name, 1, into=found[kind], problems=problems, prepare=prepare)
    return found


#: A hook that sees (and may rewrite) each record's mapping before it is validated.
Prepare = Callable[[str, LineDict, str], None]

Builder = Callable[[LineDict, str, list[Problem]], "Event | Actor | Source | None"]
"""Builds one kind of record from a mapping, or adds problems and returns None."""


@functools.cache
def builders() -> dict[str, Builder]:
    """How to build each kind of record from a mapping of a data file.

    The record readers are imported on first use: loading compiled data never needs them.
    """
    from pakru.loader.records import (  # noqa: PLC0415
        actor_from_mapping,
        event_from_mapping,
        source_from_mapping,
    )

    return {
        "events": event_from_mapping,
        "actors": actor_from_mapping,
        "sources": source_from_mapping,
    }


def build_records(
    kind: str,
    doc: Any,
    file: str,
    line: int | None,
    *,
    into: list[Located],
    problems: list[Problem],
    prepare: Prepare | None = None,
) -> None:
    """Validate a list of ``kind`` records read from ``file`` into ``into``.

    ``prepare(kind, mapping, file)`` may inspect or rewrite each mapping first.
    """
    if doc is None:
        return
    if not isinstance(doc, list):
        problems.append(Problem(file, line, "", f"expected a list of {kind}, got {type_name(doc)}"))
        return
    for i, item in enumerate(doc):
        if len(problems) >= MAX_PROBLEMS:  # enough to act on; the rest is counted, not kept
            problems.append(
                Problem(
                    file,
                    line,
                    "",
                    f"more than {MAX_PROBLEMS} problems; the last {len(doc) - i} {kind} "
                    "were not checked",
                )
            )
            return
        if not isinstance(item, LineDict):
            where = doc.line_of(i) if isinstance(doc, LineList) else line
            problems.append(
                Problem(file, where, f"[{i}]", f"expected a mapping, got {short(item)}")
            )
            continue
        if prepare is not None:
            prepare(kind, item, file)
        record = builders()[kind](item, file, problems)
        if record is not None:
            into.append(Located(record, file, item.line))


def _tombstones(folder: Tree, label: str) -> Callable[[], Mapping[tuple[str, str], Tombstone]]:
    """:func:`pakru.releases.lazy_tombstones`, importing that module on first use only."""
    lock = threading.Lock()
    reader: list[Callable[[], Mapping[tuple[str, str], Tombstone]]] = []

    def get() -> Mapping[tuple[str, str], Tombstone]:
        if not reader:
            with lock:
                if not reader:
                    from pakru.releases import lazy_tombstones  # noqa: PLC0415

                    reader.append(lazy_tombstones(folder, label))
        return reader[0]()

    return get
