"""What keeps pakru fast, checked for behaviour (never for time): shared query results,
the garbage collector left as found, and data read from a plain folder."""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.loader import load_tree, package_data

DATA = pakru.dataset()
ACTOR_NAMES = sorted({n for a in DATA.actors() for n in (a.id, a.name, *a.aliases)})
TAGS = sorted({t for e in DATA for t in e.tags})
SOURCES = sorted({s for e in DATA for s in e.sources})


@given(
    st.one_of(
        st.tuples(st.just("actor"), st.sampled_from(ACTOR_NAMES)),
        st.tuples(st.just("type"), st.sampled_from(sorted(pakru.EVENT_TYPES))),
        st.tuples(st.just("tag"), st.sampled_from(TAGS)),
        st.tuples(st.just("source"), st.sampled_from(SOURCES)),
    ),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_one_key_queries_equal_the_general_path(query: tuple[str, str], case: object) -> None:
    name, value = query
    if name == "actor":
        value = case(value)  # type: ignore[operator]
    first = DATA.events(**{name: value})
    again = DATA.events(**{name: value})
    general = DATA.events(**{name: [value]})  # a collection takes the general path
    assert first == general
    assert again is first  # the shared, immutable result
    assert isinstance(first, pakru.EventList)


def test_shared_results_are_per_dataset() -> None:
    other = load_tree(Path(str(package_data())), "other")
    assert other.events(actor="ussr") == DATA.events(actor="ussr")
    assert other.events(actor="ussr") is not DATA.events(actor="ussr")


def test_bad_keys_fail_every_time() -> None:
    for _ in range(2):
        with pytest.raises(pakru.UnknownIdError):
            DATA.events(type="picnic")
        with pytest.raises(pakru.UnknownIdError):
            DATA.events(actor="nobody at all")


def test_shared_results_cannot_be_changed() -> None:
    found = DATA.events(actor="ussr")
    with pytest.raises(TypeError):
        found[0] = found[1]  # type: ignore[index]
    assert DATA.events(actor="ussr")[0] == found[0]


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    root = package_data()
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        load_tree(root, "t")
        assert gc.isenabled() is enabled
        with pytest.raises(pakru.DataError):
            load_tree(root, "t", expect_version="9.9.9")
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_every_tag_and_source_index_counts_match_the_records() -> None:
    tags = Counter(t for e in DATA for t in e.tags)
    for tag, count in tags.items():
        assert len(DATA.events(tag=tag)) == count
    cited = Counter(s for e in DATA for s in e.sources)
    for source, count in cited.items():
        assert len(DATA.events(source=source)) == count


def test_the_loader_names_the_release_folder_as_releases_does() -> None:
    from pakru import loader, releases  # noqa: PLC0415

    assert loader.RELEASES == releases.RELEASES


def test_the_first_query_imports_only_what_compiled_data_needs(run_python: Any) -> None:
    root = package_data()
    if not root.joinpath("compiled.json").is_file():
        pytest.skip("this install carries no compiled data (an editable install)")
    code = (
        "import sys, pakru\n"
        "pakru.events(actor='ussr')\n"
        "unneeded = {'pakru.loader.records', 'pakru.releases', 'pakru.loader.yamlsafe', 'yaml'}\n"
        "print(sorted(unneeded & set(sys.modules)))\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_retired_ids_still_resolve_after_a_lazy_start(run_python: Any) -> None:
    code = (
        "import sys, pakru\n"
        "data = pakru.dataset()\n"
        "loaded = 'pakru.releases' in sys.modules\n"
        "try:\n"
        "    data.event('1900-01-01-no-such-event')\n"
        "except pakru.UnknownIdError:\n"
        "    pass\n"
        "print(loaded, 'pakru.releases' in sys.modules)\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "True"  # an unknown id reads the release records
