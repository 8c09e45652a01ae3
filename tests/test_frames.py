"""Data frames: typed pandas and Arrow tables, and a clear message without the extras."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pytest

import pakru
from pakru.tables import TABLES

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def test_events_frame_has_one_typed_row_per_event() -> None:
    data = pakru.dataset()
    frame = pakru.to_pandas()
    assert list(frame["id"]) == [e.id for e in data]
    assert str(frame["earliest"].dtype).startswith("datetime64")
    assert str(frame["latest"].dtype).startswith("datetime64")
    assert isinstance(frame["type"].dtype, pd.CategoricalDtype)
    assert list(frame["type"].cat.categories) == list(pakru.EVENT_TYPES)
    precision = frame["precision"].dtype
    assert isinstance(precision, pd.CategoricalDtype)
    assert precision.ordered
    assert list(precision.categories) == [p.value for p in pakru.Precision]
    for event, row in zip(data, frame.itertuples(index=False), strict=True):
        assert row.date == event.date.edtf
        assert row.type == event.type
        for bound, stamp in ((event.date.earliest, row.earliest), (event.date.latest, row.latest)):
            if bound is None:
                assert pd.isna(stamp)
            else:
                assert stamp.date() == bound
        assert list(row.tags) == list(event.tags)


def test_every_table_has_the_right_number_of_rows() -> None:
    data = pakru.dataset()
    expected = {
        "events": len(data),
        "participants": sum(len(e.participants) for e in data),
        "evidence": data.counts["evidence"],
        "disputes": sum(len(e.disputes) for e in data),
        "claims": sum(len(d.claims) for e in data for d in e.disputes),
        "inferences": sum(len(e.inferences) for e in data),
        "actors": len(data.actors()),
        "offices": sum(len(a.offices) for a in data.actors()),
        "sources": len(data.sources()),
        "creators": sum(len(s.creators) for s in data.sources()),
        "skipped": sum(len(s.skipped) for s in data.sources()),
    }
    for name in TABLES:
        assert len(pakru.to_pandas(table=name)) == expected[name], name
        assert pakru.to_arrow(table=name).num_rows == expected[name], name


def test_nullable_columns_keep_missing_values_missing() -> None:
    actors = pakru.to_pandas(table="actors")
    assert str(actors["cow"].dtype) == "Int64"
    ussr = actors[actors["id"] == "ussr"].iloc[0]
    assert ussr["cow"] == pakru.actor("ussr").cow
    person = actors[actors["kind"] == "person"].iloc[0]
    assert pd.isna(person["cow"])
    assert pd.isna(person["iso3"])


def test_query_results_become_frames_in_their_order() -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr")
    frame = found.to_pandas()
    assert list(frame["id"]) == list(found.ids)
    participants = found.to_pandas("participants")
    assert set(participants["event"]) == set(found.ids)


def test_arrow_types_and_metadata() -> None:
    table = pakru.to_arrow()
    schema = table.schema
    assert schema.field("earliest").type == pa.date32()
    assert pa.types.is_dictionary(schema.field("type").type)
    assert schema.field("tags").type == pa.list_(pa.string())
    assert not schema.field("id").nullable
    assert schema.field("place").nullable
    assert b"pakru" in schema.metadata
    first = pakru.dataset().events()[0]
    assert table.column("earliest")[0].as_py() == first.date.earliest
    assert pakru.dataset().to_arrow().equals(table)


def test_frames_are_fresh_copies() -> None:
    frame = pakru.to_pandas()
    frame.loc[0, "title"] = "changed"
    frame["tags"][0].append("changed")
    again = pakru.to_pandas()
    assert again.loc[0, "title"] != "changed"
    assert "changed" not in again["tags"][0]
    assert "changed" not in pakru.dataset().events()[0].tags


def test_unknown_table_is_a_query_error() -> None:
    with pytest.raises(pakru.QueryError, match="events, participants"):
        pakru.to_pandas(table="people")
    with pytest.raises(pakru.QueryTypeError):
        pakru.to_arrow(table=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", pakru.to_pandas, "pandas"),
        ("pyarrow", pakru.to_arrow, "arrow"),
        ("pyarrow", lambda: pakru.export(None, "parquet", "unused-folder"), "arrow"),
        ("networkx", pakru.to_networkx, "networkx"),
        ("pandas", lambda: pakru.count("quad").to_pandas(), "pandas"),
        ("pyarrow", lambda: pakru.dyads().to_arrow(), "arrow"),
    ],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, module: str, call: Any, extra: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(sys.modules):
        if name == module or name.startswith(f"{module}."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(pakru.MissingExtraError) as info:
        call()
    message = str(info.value)
    assert f"pip install 'pakru[{extra}]'" in message
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, pakru.PakruError)
    assert not (tmp_path / "unused-folder").exists()  # nothing is written on failure


def test_import_pakru_loads_no_optional_library(run_python: Any) -> None:
    code = (
        "import sys, pakru\n"
        "heavy = {'pandas', 'pyarrow', 'numpy', 'jsonschema', 'frictionless', 'yaml', 'csv',"
        " 'networkx', 'duckdb'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_dates_before_the_nanosecond_range_survive() -> None:
    old = pakru.Event(
        "1600-old-event",
        pakru.parse_edtf("1600-05"),
        "An old event",
        "A summary.",
        "visit",
        (pakru.Participant("ussr", "visitor"),),
        pakru.event("1966-01-10-tashkent-declaration").evidence[:1],
    )
    frame = pakru.to_pandas([old])
    assert frame.loc[0, "earliest"].date() == dt.date(1600, 5, 1)
    assert frame.loc[0, "latest"].date() == dt.date(1600, 5, 31)
