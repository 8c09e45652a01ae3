"""What pakru returns cannot be changed, the data loads once under threads, and lazily."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import pakru
import pakru.loader

TASHKENT = "1966-01-10-tashkent-declaration"


def _records() -> list[Any]:
    data = pakru.dataset()
    event = pakru.event(TASHKENT)
    disputed = next(e for e in data if e.disputes)
    person = next(a for a in data.actors("person") if a.offices)
    source = next(s for s in data.sources() if s.creators)
    return [
        event,
        event.date,
        event.date.start,
        event.participants[0],
        event.evidence[0],
        disputed.disputes[0],
        disputed.disputes[0].claims[0],
        pakru.actor("ussr"),
        person.offices[0],
        source,
        source.creators[0],
        pakru.EVENT_TYPES["war"],
    ]


@pytest.mark.parametrize("index", range(12))
def test_records_are_frozen(index: int) -> None:
    record = _records()[index]
    field = attrs.fields(type(record))[0].name
    before = getattr(record, field)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, "changed")
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        record.new_attribute = 1
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        delattr(record, field)
    assert getattr(record, field) == before


def test_record_sequences_are_tuples() -> None:
    data = pakru.dataset()
    for event in data:
        for value in (event.participants, event.evidence, event.tags, event.disputes):
            assert isinstance(value, tuple)
        for dispute in event.disputes:
            assert isinstance(dispute.claims, tuple)
        assert isinstance(event.actors, tuple)
        assert isinstance(event.sources, tuple)
    for actor in data.actors():
        assert isinstance(actor.aliases, tuple)
        assert isinstance(actor.offices, tuple)
    for source in data.sources():
        assert isinstance(source.creators, tuple)
    assert isinstance(data.actors(), tuple)
    assert isinstance(data.actors("state"), tuple)
    assert isinstance(data.sources(), tuple)
    assert isinstance(data.lineage("ussr"), tuple)


def test_event_list_is_immutable_and_slices_to_event_lists() -> None:
    found = pakru.events()
    assert isinstance(found, tuple)
    assert len(found) >= 3
    with pytest.raises(TypeError):
        found[0] = found[1]  # type: ignore[index]
    with pytest.raises(TypeError):
        del found[0]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        found.append(found[0])  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        found.sort()  # type: ignore[attr-defined]
    part = found[1:3]
    assert isinstance(part, pakru.EventList)
    assert list(part) == list(found)[1:3]
    assert isinstance(found[::-1], pakru.EventList)
    assert isinstance(found[0], pakru.Event)
    assert found.ids == tuple(e.id for e in found)
    assert "EventList" in repr(found)


def test_counts_are_read_only() -> None:
    data = pakru.dataset()
    counts = data.counts
    before = dict(counts)
    with pytest.raises(TypeError):
        counts["events"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        del counts["events"]  # type: ignore[attr-defined]
    assert dict(data.counts) == before
    assert before["events"] == len(data) == len(pakru.events())


def test_vocabularies_are_read_only() -> None:
    for mapping in (pakru.EVENT_TYPES, pakru.ROLES, pakru.ACTOR_KINDS, pakru.SOURCE_KINDS):
        key = next(iter(mapping))
        with pytest.raises(TypeError):
            mapping["new"] = mapping[key]  # type: ignore[index]
        with pytest.raises(TypeError):
            del mapping[key]  # type: ignore[attr-defined]


def test_mutating_results_does_not_change_later_results() -> None:
    first = pakru.events(actor="ussr")
    copy_ids = first.ids
    as_list = list(first)
    as_list.clear()
    actors = list(pakru.actors())
    actors.reverse()
    actors.clear()
    ussr = pakru.actor("ussr")
    aliases = list(ussr.aliases)
    aliases.append("Evil Empire")
    counts = dict(pakru.dataset().counts)
    counts["events"] = -1
    assert pakru.events(actor="ussr").ids == copy_ids
    assert pakru.actor("ussr").aliases == ussr.aliases
    assert "Evil Empire" not in pakru.actor("ussr").aliases
    with pytest.raises(KeyError):
        pakru.actor("Evil Empire")
    assert pakru.dataset().counts["events"] == len(pakru.events())
    assert len(pakru.actors()) > 0


def test_updating_a_record_copy_leaves_the_dataset_alone() -> None:
    event = pakru.event(TASHKENT)
    changed = attrs.evolve(event, title="Something else", tags=("x",))
    assert changed.title == "Something else"
    assert pakru.event(TASHKENT).title == event.title
    assert pakru.event(TASHKENT).tags == event.tags
    assert changed not in pakru.events()


def test_dataset_attributes_cannot_be_reassigned() -> None:
    data = pakru.dataset()
    real = {"data_version": data.data_version, "license": data.license}
    try:
        with pytest.raises((AttributeError, TypeError)):
            data.data_version = "99.0.0"
        with pytest.raises((AttributeError, TypeError)):
            data.license = "proprietary"
    finally:
        # Put the shared dataset back, so a failure here cannot leak into other tests.
        for name, value in real.items():
            if getattr(data, name) != value:
                object.__setattr__(data, name, value)
    assert pakru.dataset().data_version == real["data_version"]
    assert pakru.dataset().license == real["license"]


def test_internal_indexes_cannot_be_changed_through_what_is_returned() -> None:
    data = pakru.dataset()
    before = pakru.event(TASHKENT)
    for index in (data._event_by_id, data._actor_by_id, data._source_by_id):
        with pytest.raises(TypeError):
            index["x"] = before  # type: ignore[index]
    found = pakru.events(actor="ussr")
    with pytest.raises(TypeError):
        found[0] = before  # type: ignore[index]
    with pytest.raises(AttributeError):
        found.ids = ()  # type: ignore[misc]
    assert pakru.event(TASHKENT) is before


def test_errors_carry_immutable_problems() -> None:
    with pytest.raises(pakru.DataError) as info:
        pakru.load("/nonexistent/pakru/data")
    problems = info.value.problems
    assert isinstance(problems, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        problems[0].message = "fine"  # type: ignore[misc]


# -- loading once, under threads -------------------------------------------------------------


def test_sixteen_threads_trigger_exactly_one_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pakru.loader, "_shipped", None)
    real_load = pakru.loader.load_tree
    calls: list[int] = []

    def counting_load(*args: Any, **kwargs: Any) -> pakru.Dataset:
        calls.append(threading.get_ident())
        time.sleep(0.05)  # widen the window in which other threads could start a load
        return real_load(*args, **kwargs)

    monkeypatch.setattr(pakru.loader, "load_tree", counting_load)
    threads = 16
    barrier = threading.Barrier(threads)

    def first_query() -> tuple[str, ...]:
        barrier.wait(timeout=60)
        return pakru.events(between=("1965", "1972"), actor="ussr").ids

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = [pool.submit(first_query) for _ in range(threads)]
        results = [f.result(timeout=60) for f in futures]
    assert len(calls) == 1
    assert TASHKENT in results[0]
    assert all(r == results[0] for r in results)
    assert pakru.loader._shipped is not None


def test_dataset_is_loaded_once_and_shared() -> None:
    assert pakru.dataset() is pakru.dataset()


# -- import pakru reads no data ------------------------------------------------------------


def test_import_reads_no_data(run_python: Any) -> None:
    code = (
        "import sys, pakru\n"
        "yaml_imported = 'yaml' in sys.modules\n"
        "import pakru.loader\n"
        "print(yaml_imported, pakru.loader._shipped is None)\n"
        "pakru.dataset()\n"
        "print(pakru.loader._shipped is not None)\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]
