"""Release records: the ids of every released data version, and tombstones for retired ids.

Each released data version has a file ``releases/<version>.json`` in the data folder
listing every event, actor and source id it holds, each with a digest of the record's
content, and the ids it retired with their tombstones::

    {"data_version": "0.2.0",
     "retired": [{"kind": "event", "id": "...", "replaced_by": "...", "reason": "..."}],
     "events": {"<id>": "<sha256>", ...}, "actors": {...}, "sources": {...}}

From these files pakru keeps every id it ever released resolving (an id that was retired
or merged resolves to its tombstone, which names the replacement) and lists what was
added, changed and retired between two versions. The files are written by
``tools/record_release.py``; they are not data files of the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import textwrap
import threading
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from pakru.dates import EDTFDate
from pakru.errors import DataError, Problem
from pakru.fileio import read_regular
from pakru.model import Tombstone
from pakru.rules import KINDS, MAX_FILE_BYTES, RELEASES
from pakru.rules import SEMVER as _SEMVER
from pakru.rules import SHA256 as _SHA256

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.loader.manifest import Tree
    from pakru.model import Actor, Event, Source

__all__ = [
    "KINDS",
    "RELEASES",
    "Change",
    "Release",
    "Tombstone",
    "changes",
    "changes_markdown",
    "check_registry",
    "lazy_tombstones",
    "parse_release",
    "read_releases",
    "record_digest",
    "release_of",
    "render_release",
    "served_mismatches",
    "tombstones",
    "version_key",
]


@attrs.frozen
class Release:
    """The ids one data version released, with a digest of each record's content."""

    data_version: str
    #: kind (``"events"``, ``"actors"``, ``"sources"``) -> id -> SHA-256 of the record
    records: Mapping[str, Mapping[str, str]]
    #: ids this version retired (they were in the previous release)
    retired: tuple[Tombstone, ...] = ()

    def ids(self, kind: str) -> frozenset[str]:
        """The ids of one kind (plural, as in ``"events"``)."""
        return frozenset(self.records.get(kind, {}))


@attrs.frozen
class Change:
    """One id added, changed or retired between two data versions."""

    change: str
    kind: str
    id: str
    replaced_by: str | None = None
    reason: str | None = None


def version_key(version: str) -> tuple[int, int, int]:
    """A semantic version as a sortable tuple."""
    major, minor, patch = (int(x) for x in version.split("."))
    return major, minor, patch


def _plain(value: Any) -> Any:
    """A record's fields as plain data: only what is given when it is built, none derived.

    Empty values are left out, so adding an optional field to a kind of record later
    leaves the digests of existing records unchanged.
    """
    if isinstance(value, EDTFDate):
        return _plain({"edtf": value.edtf, "wording": value.wording})
    if attrs.has(type(value)):
        return _plain(
            {
                f.name: getattr(value, f.name)
                for f in attrs.fields(type(value))
                if f.init and not f.metadata.get("derived")
            }
        )
    if isinstance(value, dict):
        pruned = {k: _plain(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, [], {})}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_digest(record: Event | Actor | Source) -> str:
    """SHA-256 of a record's content: its fields as canonical JSON, empty ones left out."""
    text = json.dumps(_plain(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def release_of(dataset: Dataset, data_version: str, retired: Iterable[Tombstone] = ()) -> Release:
    """The release record of ``dataset`` as data version ``data_version``."""
    records = {
        "events": {e.id: record_digest(e) for e in sorted(dataset, key=lambda e: e.id)},
        "actors": {a.id: record_digest(a) for a in dataset.actors()},
        "sources": {s.id: record_digest(s) for s in dataset.sources()},
    }
    return Release(data_version, records, tuple(sorted(retired, key=lambda t: (t.kind, t.id))))


def served_mismatches(dataset: Dataset, releases: Iterable[Release], label: str) -> list[Problem]:
    """Records of ``dataset`` that differ from the release record of its data version.

    Each record served (from the compiled records or the data files) is digested as
    :func:`record_digest` does and compared with the digest its release recorded, so an
    edited ``compiled.json`` or data file is found even when its own hashes were redone.
    """
    version = dataset.data_version
    release = next((r for r in releases if r.data_version == version), None)
    file = f"{label}/{version}.json"
    if release is None:
        return [Problem(file, None, "", f"no release record for data {version}")]
    served = release_of(dataset, version).records
    problems: list[Problem] = []
    for kind in KINDS:
        have, want = served.get(kind, {}), release.records.get(kind, {})
        for ident in sorted(set(have) | set(want)):
            if ident not in want:
                problems.append(Problem(file, None, f"{kind}.{ident}", "served but not released"))
            elif ident not in have:
                problems.append(Problem(file, None, f"{kind}.{ident}", "released but not served"))
            elif have[ident] != want[ident]:
                problems.append(
                    Problem(
                        file,
                        None,
                        f"{kind}.{ident}",
                        "the record served differs from the record released "
                        f"(sha256 {have[ident][:12]}, released {want[ident][:12]})",
                    )
                )
    return problems


def render_release(release: Release) -> str:
    """The JSON text of a release record (stable: sorted, one id per line)."""
    body: dict[str, Any] = {
        "data_version": release.data_version,
        "retired": [
            {"kind": t.kind, "id": t.id, "replaced_by": t.replaced_by, "reason": t.reason}
            for t in release.retired
        ],
    }
    for kind in KINDS:
        body[kind] = dict(sorted(release.records.get(kind, {}).items()))
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def parse_release(raw: bytes, file: str) -> Release:
    """Read a release record; any problem is a :class:`DataError` naming ``file``."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataError.single(file, None, "", f"not a JSON release record: {exc}") from None
    if not isinstance(body, dict):
        raise DataError.single(file, None, "", "expected a JSON object")
    problems: list[Problem] = []
    version = body.get("data_version")
    if not isinstance(version, str) or not _SEMVER.fullmatch(version):
        problems.append(Problem(file, None, "data_version", "expected a version such as '1.0.0'"))
        version = "0.0.0"
    unknown = set(body) - {"data_version", "retired", *KINDS}
    for key in sorted(unknown):
        problems.append(Problem(file, None, key, "unknown field"))
    records: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        listed = body.get(kind, {})
        if not isinstance(listed, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _SHA256.fullmatch(v)
            for k, v in listed.items()
        ):
            problems.append(Problem(file, None, kind, "expected an object of id: sha256"))
            listed = {}
        records[kind] = listed
    retired: list[Tombstone] = []
    entries = body.get("retired", [])
    if not isinstance(entries, list):
        problems.append(Problem(file, None, "retired", "expected a list of tombstones"))
        entries = []
    for i, entry in enumerate(entries):
        stone = _tombstone(entry, version)
        if stone is None:
            problems.append(
                Problem(
                    file,
                    None,
                    f"retired[{i}]",
                    "expected {kind: event|actor|source, id, replaced_by: id or null, reason}",
                )
            )
        else:
            retired.append(stone)
    if problems:
        raise DataError(problems)
    return Release(version, records, tuple(retired))


def _tombstone(entry: object, version: str) -> Tombstone | None:
    if not isinstance(entry, dict) or set(entry) != {"kind", "id", "replaced_by", "reason"}:
        return None
    kind, ident, target, reason = (entry[k] for k in ("kind", "id", "replaced_by", "reason"))
    if kind not in KINDS.values() or not isinstance(ident, str) or not ident:
        return None
    if not (target is None or (isinstance(target, str) and target)):
        return None
    if not isinstance(reason, str) or not reason.strip():
        return None
    return Tombstone(ident, kind, version, target, reason)


def _read(entry: Tree, name: str) -> bytes:
    """A release record's bytes: a regular file only, bounded in size."""
    if isinstance(entry, (str, os.PathLike)):
        return read_regular(entry, MAX_FILE_BYTES + 1, name)
    return entry.read_bytes()


def read_releases(folder: Tree, label: str) -> tuple[Release, ...]:
    """Every release record in ``folder``, oldest first (none when it does not exist)."""
    if not folder.is_dir():
        return ()
    found: list[Release] = []
    problems: list[Problem] = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        name = f"{label}/{entry.name}"
        try:
            release = parse_release(_read(entry, name), name)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if entry.name != f"{release.data_version}.json":
            problems.append(
                Problem(name, None, "data_version", f"is {release.data_version!r}: rename the file")
            )
        found.append(release)
    if problems:
        raise DataError(problems)
    return tuple(sorted(found, key=lambda r: version_key(r.data_version)))


def tombstones(releases: Iterable[Release]) -> dict[tuple[str, str], Tombstone]:
    """Every tombstone of ``releases``, keyed by (kind, id); later retirements win."""
    found: dict[tuple[str, str], Tombstone] = {}
    for release in sorted(releases, key=lambda r: version_key(r.data_version)):
        for stone in release.retired:
            found[stone.kind, stone.id] = stone
    return found


def lazy_tombstones(folder: Tree, label: str) -> Callable[[], Mapping[tuple[str, str], Tombstone]]:
    """A function that reads the tombstones of ``folder`` on first call, once, thread-safely.

    Lookups of current ids never call it, so the release records cost nothing until an
    unknown id is asked for.
    """
    lock = threading.Lock()
    cache: list[Mapping[tuple[str, str], Tombstone]] = []

    def get() -> Mapping[tuple[str, str], Tombstone]:
        if not cache:
            with lock:
                if not cache:
                    cache.append(MappingProxyType(tombstones(read_releases(folder, label))))
        return cache[0]

    return get


def check_registry(releases: Iterable[Release]) -> list[str]:
    """What is wrong with a sequence of release records (empty when all is well).

    Every id of a release is in the next one or retired by it, a retired id is gone from
    the release that retired it, and a tombstone's replacement exists in that release.
    """
    ordered = sorted(releases, key=lambda r: version_key(r.data_version))
    problems: list[str] = []
    for before, after in zip([None, *ordered], ordered, strict=False):
        retired = {(t.kind, t.id): t for t in after.retired}
        for (kind, ident), stone in sorted(retired.items()):
            plural = _plural(kind)
            if ident in after.ids(plural):
                problems.append(f"{after.data_version}: retired {kind} {ident!r} is still present")
            if before is None or ident not in before.ids(plural):
                problems.append(
                    f"{after.data_version}: retired {kind} {ident!r} was not in the release before"
                )
            if stone.replaced_by is not None and stone.replaced_by not in after.ids(plural):
                problems.append(
                    f"{after.data_version}: {kind} {ident!r} is replaced by "
                    f"{stone.replaced_by!r}, which that release does not hold"
                )
        if before is None:
            continue
        for plural, kind in KINDS.items():
            for ident in sorted(before.ids(plural) - after.ids(plural)):
                if (kind, ident) not in retired:
                    problems.append(
                        f"{after.data_version}: {kind} {ident!r} of {before.data_version} is "
                        "gone without a tombstone; retire it with a replacement or a reason"
                    )
    return problems


def _plural(kind: str) -> str:
    return {v: k for k, v in KINDS.items()}[kind]


def changes(releases: Iterable[Release], old: str | None, new: str) -> tuple[Change, ...]:
    """Ids added, changed (different content) and retired from ``old`` to ``new``.

    ``old`` None means "from nothing" (everything in ``new`` was added). Raises
    ``KeyError`` naming the version when either is not a recorded release.
    """
    by_version = {r.data_version: r for r in releases}
    for version in (old, new):
        if version is not None and version not in by_version:
            raise KeyError(version)
    after = by_version[new]
    before = None if old is None else by_version[old]
    span = [
        r
        for r in by_version.values()
        if (old is None or version_key(r.data_version) > version_key(old))
        and version_key(r.data_version) <= version_key(new)
    ]
    stones = tombstones(span)
    found: list[Change] = []
    for plural, kind in KINDS.items():
        then = {} if before is None else before.records.get(plural, {})
        now = after.records.get(plural, {})
        found += [Change("added", kind, i) for i in sorted(set(now) - set(then))]
        found += [
            Change("changed", kind, i) for i in sorted(set(now) & set(then)) if now[i] != then[i]
        ]
        for ident in sorted(set(then) - set(now)):
            stone = stones.get((kind, ident))
            found.append(
                Change(
                    "retired",
                    kind,
                    ident,
                    None if stone is None else stone.replaced_by,
                    None if stone is None else stone.reason,
                )
            )
    order = {"added": 0, "changed": 1, "retired": 2}
    return tuple(
        sorted(found, key=lambda c: (order[c.change], list(KINDS.values()).index(c.kind), c.id))
    )


def changes_markdown(found: Iterable[Change], old: str | None, new: str) -> str:
    """The changes as Markdown for the changelog: ids grouped by change and kind."""
    found = tuple(found)
    since = "the first release" if old is None else f"since {old}"
    lines = [f"Ids in data {new} ({since}):", ""]
    for change in ("added", "changed", "retired"):
        for kind in KINDS.values():
            group = [c for c in found if c.change == change and c.kind == kind]
            if not group:
                continue
            if change == "retired":
                items = [
                    f"`{c.id}`" + ("" if c.replaced_by is None else f" (now `{c.replaced_by}`)")
                    for c in group
                ]
            else:
                items = [f"`{c.id}`" for c in group]
            line = f"- {change.capitalize()} {kind}s ({len(group)}): " + ", ".join(items)
            lines.append(
                textwrap.fill(
                    line,
                    width=100,
                    subsequent_indent="  ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        if not any(c.change == change for c in found):
            lines.append(f"- {change.capitalize()}: none")
    return "\n".join(lines) + "\n"
