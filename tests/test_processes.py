"""Datasets across threads and processes: shared safely, never changed, sent by pickle.

A child forked while another thread loads the data must not inherit a held load lock or
a paused garbage collector; a dataset handed to every caller cannot be changed by one of
them; and a dataset travels to a process pool.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import pickle
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import pakru
import pakru.loader
import pakru.loader.tree


def test_a_dataset_cannot_be_reassigned() -> None:
    data = pakru.dataset()
    before = len(data.events())
    with pytest.raises(AttributeError):
        data.events = lambda: []  # type: ignore[method-assign]
    with pytest.raises(AttributeError):
        data._events = None  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        del data.events
    assert len(pakru.dataset().events()) == before


def test_a_dataset_pickles_with_its_records_and_tombstones() -> None:
    data = pakru.dataset()
    copy = pickle.loads(pickle.dumps(data))  # noqa: S301 - our own bytes
    assert copy.digest == data.digest
    assert copy.data_version == data.data_version
    assert [e.id for e in copy.events()] == [e.id for e in data.events()]
    assert copy.actors() == data.actors()
    assert dict(copy.retired) == dict(data.retired)
    for kind, ident in data.retired:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pakru.PakruWarning)
            assert copy.resolve(ident, kind) == data.resolve(ident, kind)


def test_a_dataset_goes_to_a_process_pool() -> None:
    data = pakru.dataset()
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        # getattr is a builtin, so a fresh interpreter needs nothing from this module
        copy_digest = pool.submit(getattr, data, "digest").result(timeout=120)
        assert copy_digest == data.digest


def _child(queue: multiprocessing.Queue[object]) -> None:
    enabled = gc.isenabled()
    pakru.clear_cache()
    queue.put((enabled, len(pakru.dataset().events())))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_child_forked_during_a_load_neither_hangs_nor_keeps_gc_off() -> None:
    held = threading.Event()
    release = threading.Event()

    def loader_thread() -> None:  # stands for a thread in the middle of a load
        with pakru.loader._lock:
            held.set()
            release.wait(60)

    thread = threading.Thread(target=loader_thread)
    thread.start()
    held.wait(10)
    gc.disable()  # as a load in progress does
    pakru.loader.tree._pauses += 1
    try:
        ctx = multiprocessing.get_context("fork")
        queue: multiprocessing.Queue[object] = ctx.Queue()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads
            child = ctx.Process(target=_child, args=(queue,))
            child.start()
        child.join(120)
        if child.is_alive():
            child.kill()
            pytest.fail("the forked child hung")
        assert child.exitcode == 0
        enabled, count = queue.get(timeout=10)
        assert enabled is True
        assert count > 0
    finally:
        pakru.loader.tree._pauses -= 1
        gc.enable()
        release.set()
        thread.join()


def test_verify_finds_a_served_record_that_differs_from_its_release(tmp_path: Path) -> None:
    from pakru.loader import package_data  # noqa: PLC0415
    from pakru.releases import RELEASES, read_releases, served_mismatches  # noqa: PLC0415

    releases = read_releases(package_data().joinpath(RELEASES), "releases")
    assert served_mismatches(pakru.dataset(), releases, "releases") == []
    out = tmp_path / "out"
    pakru.export(None, "json", out)
    path = out / "pakru.json"
    first = pakru.events()[0]
    old = json.dumps(first.title, ensure_ascii=False)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, json.dumps(first.title + " (edited)"), 1), encoding="utf-8")
    edited = pakru.load(path)
    assert edited.data_version == pakru.dataset().data_version
    problems = served_mismatches(edited, releases, "releases")
    assert [p.field for p in problems] == [f"events.{first.id}"]
    assert "differs" in problems[0].message
