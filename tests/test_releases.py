"""Ids that never break: release records, tombstones, ``pakru.resolve`` and ``pakru changes``."""

from __future__ import annotations

import json
import pickle
import re
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from samples import SHA, records, write_folder

import pakru
from pakru.cli import main
from pakru.loader import package_data
from pakru.releases import (
    RELEASES,
    Release,
    changes,
    changes_markdown,
    check_registry,
    parse_release,
    read_releases,
    record_digest,
    release_of,
    render_release,
)

REPO = Path(__file__).resolve().parent.parent


def shipped_releases() -> tuple[Release, ...]:
    return read_releases(package_data().joinpath(RELEASES), "releases")


# -- the shipped registry -------------------------------------------------------------------


def test_the_current_data_version_is_recorded_exactly() -> None:
    recorded = {r.data_version: r for r in shipped_releases()}
    assert pakru.DATA_VERSION in recorded, "run tools/record_release.py"
    assert recorded[pakru.DATA_VERSION] == attrs.evolve(
        release_of(pakru.dataset(), pakru.DATA_VERSION),
        retired=recorded[pakru.DATA_VERSION].retired,
    )


def test_every_id_of_every_recorded_release_resolves() -> None:
    releases = shipped_releases()
    assert releases
    checked = 0
    for release in releases:
        for plural, kind in (("events", "event"), ("actors", "actor"), ("sources", "source")):
            for ident in release.records[plural]:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    found = pakru.resolve(ident, kind)
                if isinstance(found, pakru.Tombstone):
                    assert caught, f"{ident}: a tombstone comes with a warning"
                    assert found.replaced_by is None or pakru.resolve(found.replaced_by, kind)
                else:
                    assert found.id == ident
                    assert not caught
                checked += 1
    assert checked >= len(pakru.dataset()) + len(pakru.actors()) + len(pakru.sources())


def test_the_recorded_releases_are_consistent() -> None:
    assert check_registry(shipped_releases()) == []


def _changelog_section(text: str, version: str) -> str:
    match = re.search(rf"^### Data {re.escape(version)}\b.*?(?=^## |\Z)", text, re.M | re.S)
    assert match, f"CHANGELOG.md has no '### Data {version}' section"
    return match.group(0)


def test_the_changelog_lists_the_ids_of_every_release() -> None:
    path = REPO / "CHANGELOG.md"
    if not path.is_file():
        pytest.skip("CHANGELOG.md is not here")
    text = path.read_text(encoding="utf-8")
    releases = shipped_releases()
    for before, release in zip([None, *releases], releases, strict=False):
        old = None if before is None else before.data_version
        section = _changelog_section(text, release.data_version)
        found = changes(releases, old, release.data_version)
        assert changes_markdown(found, old, release.data_version) in section
        for change in found:
            assert f"`{change.id}`" in section


def test_record_digests_follow_the_content() -> None:
    event = pakru.event("1966-01-10-tashkent-declaration")
    assert record_digest(event) == record_digest(attrs.evolve(event))
    assert record_digest(event) != record_digest(attrs.evolve(event, title="Another title"))
    assert record_digest(event) != record_digest(
        attrs.evolve(event, date=pakru.EDTFDate(event.date.edtf, wording="then"))
    )


# -- a registry with retirements ---------------------------------------------------------------

TALKS = "1970-03-alpha-beta-talks"
FIRST = "1970-03-first-meeting"  # retired in 0.2.0, replaced by MERGED
MERGED = "1970-03-merged-meeting"  # retired in 0.3.0, replaced by TALKS
RUMOUR = "1971-rumoured-summit"  # withdrawn in 0.2.0, no replacement


def _release(version: str, events: dict[str, str], retired: list[dict[str, Any]]) -> str:
    body = {
        "data_version": version,
        "retired": retired,
        "events": events,
        "actors": {"alpha": SHA, "beta": SHA, "gamma": SHA},
        "sources": {"doc-one": SHA, "doc-two": SHA, "doc-old": SHA},
    }
    if version == "0.3.0":
        body["actors"] = {"alpha": SHA, "beta": SHA, "gamma-league": SHA}
        body["sources"] = {"doc-one": SHA, "doc-two": SHA}
    return json.dumps(body)


def _tomb(kind: str, ident: str, by: str | None, reason: str) -> dict[str, Any]:
    return {"kind": kind, "id": ident, "replaced_by": by, "reason": reason}


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """User data at 0.3.0 with release records 0.1.0, 0.2.0 and 0.3.0."""
    root = write_folder(tmp_path / "mine")
    folder = root / RELEASES
    folder.mkdir()
    other = "b" * 64
    files = {
        "0.1.0": _release("0.1.0", {TALKS: SHA, FIRST: SHA, RUMOUR: SHA}, []),
        "0.2.0": _release(
            "0.2.0",
            {TALKS: other, MERGED: SHA},
            [
                _tomb("event", FIRST, MERGED, "merged with a duplicate"),
                _tomb("event", RUMOUR, None, "no source supports it"),
            ],
        ),
        "0.3.0": _release(
            "0.3.0",
            {TALKS: other, "1972-alpha-joins-gamma-league": SHA},
            [
                _tomb("event", MERGED, TALKS, "the same talks"),
                _tomb("actor", "gamma", "gamma-league", "renamed"),
                _tomb("source", "doc-old", "doc-two", "a better copy"),
            ],
        ),
    }
    for version, text in files.items():
        (folder / f"{version}.json").write_text(text, encoding="utf-8")
    return root


def test_a_merged_id_gives_its_replacement_with_a_warning(registry: Path) -> None:
    data = pakru.load(registry)
    with pytest.warns(
        pakru.PakruWarning, match=rf"'{FIRST}' was retired in data 0\.2\.0"
    ) as caught:
        found = data.event(FIRST)
    assert found.id == TALKS, "follows FIRST -> MERGED -> TALKS"
    assert TALKS in str(caught[0].message)
    assert issubclass(pakru.PakruWarning, UserWarning)
    with pytest.warns(pakru.PakruWarning, match="renamed"):
        assert data.actor("gamma").id == "gamma-league"
    with pytest.warns(pakru.PakruWarning, match="a better copy"):
        assert data.source("doc-old").id == "doc-two"


def test_queries_by_retired_ids_follow_the_replacement(registry: Path) -> None:
    data = pakru.load(registry)
    with pytest.warns(pakru.PakruWarning):
        assert data.events(actor="gamma") == data.events(actor="gamma-league")
    with pytest.warns(pakru.PakruWarning):
        assert data.events(source="doc-old") == data.events(source="doc-two")


def test_resolve_returns_the_tombstone(registry: Path) -> None:
    data = pakru.load(registry)
    with pytest.warns(pakru.PakruWarning, match=f"replaced by '{MERGED}'"):
        stone = data.resolve(FIRST)
    assert stone == pakru.Tombstone(FIRST, "event", "0.2.0", MERGED, "merged with a duplicate")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        stone.replaced_by = "x"  # type: ignore[misc]
    assert data.resolve(TALKS) is data.event(TALKS)
    assert data.resolve("alpha") is data.actor("alpha")
    with pytest.warns(pakru.PakruWarning, match="replaced by nothing"):
        withdrawn = data.resolve(RUMOUR, "event")
    assert isinstance(withdrawn, pakru.Tombstone)
    assert withdrawn.replaced_by is None


def test_a_withdrawn_id_raises_a_retired_id_error(registry: Path) -> None:
    data = pakru.load(registry)
    with pytest.raises(pakru.RetiredIdError) as info:
        data.event(RUMOUR)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, pakru.UnknownIdError)
    assert "no source supports it" in str(info.value)
    assert info.value.tombstone.retired_in == "0.2.0"
    restored = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own object
    assert str(restored) == str(info.value)


def test_ids_never_released_still_raise_unknown_id_errors(registry: Path) -> None:
    data = pakru.load(registry)
    with pytest.raises(pakru.UnknownIdError) as info:
        data.event("1970-03-alpha-beta-talk")
    assert not isinstance(info.value, pakru.RetiredIdError)
    assert TALKS in info.value.suggestions
    with pytest.raises(pakru.UnknownIdError):
        data.resolve("never-released")
    with pytest.raises(pakru.QueryError):
        data.resolve(TALKS, "planet")
    with pytest.raises(pakru.QueryTypeError):
        data.resolve(5)  # type: ignore[arg-type]


def test_release_records_are_read_only_when_an_id_is_missing(registry: Path) -> None:
    data = pakru.load(registry)
    (registry / RELEASES / "0.2.0.json").write_text("{not json", encoding="utf-8")
    assert data.event(TALKS).id == TALKS, "current ids never touch the release records"
    with pytest.raises(pakru.DataError) as info:
        data.event(FIRST)
    assert info.value.problems[0].file.endswith("releases/0.2.0.json")


def test_an_overlay_may_not_reuse_a_retired_id(registry: Path, tmp_path: Path) -> None:
    base = pakru.load(registry)
    event = dict(records()["events"][0], id=RUMOUR, date="1971")
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(json.dumps({"events": [event]}), encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(overlay, base=base)
    assert any("retired in data 0.2.0" in p.message for p in info.value.problems)
    with pytest.warns(pakru.PakruWarning):
        assert (
            base.overlay(
                write_folder(tmp_path / "empty", {"events": [], "actors": [], "sources": []})
            )
            .event(FIRST)
            .id
            == TALKS
        )


def test_changes_between_versions(registry: Path) -> None:
    releases = read_releases(registry / RELEASES, "r")
    assert check_registry(releases) == []
    found = {(c.change, c.kind, c.id): c for c in changes(releases, "0.1.0", "0.3.0")}
    assert set(found) == {
        ("added", "event", "1972-alpha-joins-gamma-league"),
        ("added", "actor", "gamma-league"),
        ("changed", "event", TALKS),
        ("retired", "event", FIRST),
        ("retired", "event", RUMOUR),
        ("retired", "actor", "gamma"),
        ("retired", "source", "doc-old"),
    }
    assert found["retired", "event", FIRST].replaced_by == MERGED
    assert found["retired", "event", RUMOUR].reason == "no source supports it"
    first = changes(releases, None, "0.1.0")
    assert {c.change for c in first} == {"added"}
    assert len(first) == 9
    text = changes_markdown(changes(releases, "0.2.0", "0.3.0"), "0.2.0", "0.3.0")
    assert f"`{MERGED}` (now `{TALKS}`)" in text
    assert "- Changed: none" in text
    with pytest.raises(KeyError):
        changes(releases, "0.1.0", "9.9.9")


@pytest.mark.parametrize(
    ("break_it", "says"),
    [
        (lambda r: attrs.evolve(r, retired=()), "gone without a tombstone"),
        (
            lambda r: attrs.evolve(
                r, retired=(attrs.evolve(r.retired[0], replaced_by="nowhere"), *r.retired[1:])
            ),
            "which that release does not hold",
        ),
        (
            lambda r: attrs.evolve(
                r, records={**r.records, "events": {**r.records["events"], MERGED: SHA}}
            ),
            "is still present",
        ),
    ],
)
def test_the_registry_check_finds_broken_records(registry: Path, break_it: Any, says: str) -> None:
    releases = list(read_releases(registry / RELEASES, "r"))
    releases[-1] = break_it(releases[-1])
    assert any(says in problem for problem in check_registry(releases))


def test_release_records_round_trip(registry: Path) -> None:
    for release in read_releases(registry / RELEASES, "r"):
        text = render_release(release)
        assert parse_release(text.encode("utf-8"), "x") == release


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"data_version": "one"}',
        '{"data_version": "1.0.0", "events": {"x": "short"}}',
        '{"data_version": "1.0.0", "retired": [{"kind": "planet", "id": "x"}]}',
        '{"data_version": "1.0.0", "extra": 1}',
        "\xff",
    ],
)
def test_broken_release_records_are_data_errors(tmp_path: Path, text: str) -> None:
    folder = tmp_path / RELEASES
    folder.mkdir()
    (folder / "1.0.0.json").write_bytes(text.encode("latin-1"))
    with pytest.raises(pakru.DataError):
        read_releases(folder, "r")


# -- pakru changes ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_changes_command_lists_the_ids_of_a_release(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "changes", pakru.DATA_VERSION, "--format", "json")
    assert (status, err) == (0, "")
    rows = json.loads(out)
    first = shipped_releases()[0].data_version == pakru.DATA_VERSION
    if first:
        assert {(r["change"], r["id"]) for r in rows} == {
            *(("added", e.id) for e in pakru.dataset()),
            *(("added", a.id) for a in pakru.actors()),
            *(("added", s.id) for s in pakru.sources()),
        }
    status, out, _ = run(capsys, "changes", pakru.DATA_VERSION, pakru.DATA_VERSION)
    assert status == 0
    assert out.strip().endswith("(0 rows)")
    status, out, _ = run(capsys, "changes", pakru.DATA_VERSION, "--format", "markdown")
    assert status == 0
    assert out.startswith(f"Ids in data {pakru.DATA_VERSION}")


@pytest.mark.parametrize(
    "args",
    [("9.9.9",), ("0.1.0", "0.1.0", "0.1.0"), ("latest",), ("0.1.0", "--format", "xml")],
)
def test_changes_command_bad_usage(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    status, out, err = run(capsys, "changes", *args)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1


def test_sixteen_threads_asking_for_retired_ids_read_the_releases_once(
    registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    import pakru.releases  # noqa: PLC0415

    real = pakru.releases.read_releases
    calls: list[int] = []

    def counting(*args: Any) -> tuple[Release, ...]:
        calls.append(threading.get_ident())
        time.sleep(0.05)  # widen the window in which a second read could start
        return real(*args)

    monkeypatch.setattr(pakru.releases, "read_releases", counting)
    data = pakru.load(registry)
    barrier = threading.Barrier(16)

    def ask(_: int) -> str:
        barrier.wait(timeout=60)
        return data.event(FIRST).id

    # Warning filters are process-wide: set once here, not in the threads.
    with warnings.catch_warnings(), ThreadPoolExecutor(max_workers=16) as pool:
        warnings.simplefilter("ignore", pakru.PakruWarning)
        results = list(pool.map(ask, range(16)))
    assert results == [TALKS] * 16
    assert len(calls) == 1
