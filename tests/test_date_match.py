"""Date matching that says what it knows: certain, partly and possible answers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.cli import main
from pakru.dates import EDTFDate
from pakru.query import date_fit, day_range
from pakru.rules import MATCH_MARKS

RULES = ("certain", "possible", "within", "overlap")
days = st.dates(dt.date(1940, 1, 1), dt.date(2030, 12, 31))


@st.composite
def windows(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    a, b = draw(days), draw(days)
    return (a, b) if a <= b else (b, a)


def ids(found: pakru.EventList) -> set[str]:
    return set(found.ids)


@given(windows())
def test_certain_is_a_subset_of_possible(window: tuple[dt.date, dt.date]) -> None:
    certain = pakru.events(between=window)
    possible = pakru.events(between=window, date_match="possible")
    assert ids(certain) <= ids(possible)
    assert ids(certain) <= ids(pakru.events(between=window, date_match="within"))
    assert ids(possible) == ids(pakru.events(between=window, date_match="overlap"))
    # The possible answer marks exactly the certain events as certain.
    marked = {e.id for e, m in zip(possible, possible.matches, strict=True) if m == "certain"}
    assert marked == ids(certain)
    assert set(possible.matches) <= set(MATCH_MARKS)


spans = [
    e
    for e in pakru.dataset()
    if e.date.is_interval
    and e.date.start is not None
    and e.date.end is not None
    and not (e.date.uncertain or e.date.approximate)
    and e.date.start.latest < e.date.end.earliest
]


@given(st.sampled_from(spans), st.data())
def test_a_span_is_partly_in_any_window_of_its_certain_days_not_holding_it(
    event: pakru.Event, data: st.DataObject
) -> None:
    start, end = event.date.start, event.date.end
    assert start is not None
    assert end is not None
    first, last = start.latest, end.earliest
    day = data.draw(st.dates(first, last))
    before, after = data.draw(st.integers(0, 800)), data.draw(st.integers(0, 800))
    window = (day - dt.timedelta(days=before), day + dt.timedelta(days=after))
    found = pakru.events(between=window, date_match="possible")
    assert event.id in found.ids
    mark = found.matches[found.ids.index(event.id)]
    inside = window[0] <= event.date.earliest and event.date.latest <= window[1]  # type: ignore[operator]
    assert mark == ("certain" if inside else "partly")


@given(windows())
def test_partly_means_a_day_of_the_window_certainly_belongs_to_the_span(
    window: tuple[dt.date, dt.date],
) -> None:
    found = pakru.events(between=window, date_match="possible")
    for event in found.possible():
        date = event.date
        if found.matches[found.ids.index(event.id)] != "partly":
            continue
        assert date.is_interval
        assert not date.uncertain
        assert not date.approximate
        assert date.start is not None
        assert date.start.latest <= window[1]
        assert date.end is None or date.end.earliest >= window[0]


@given(windows(), st.integers(0, 3000), st.integers(0, 3000), st.sampled_from(RULES))
def test_widening_the_window_never_drops_an_event(
    window: tuple[dt.date, dt.date], before: int, after: int, rule: str
) -> None:
    lo, hi = window
    wider = (lo - dt.timedelta(days=before), hi + dt.timedelta(days=after))
    narrow = pakru.events(between=window, date_match=rule)  # type: ignore[arg-type]
    assert ids(narrow) <= ids(pakru.events(between=wider, date_match=rule))  # type: ignore[arg-type]


exact = [
    e
    for e in pakru.dataset()
    if e.date.earliest == e.date.latest and not e.date.uncertain and not e.date.approximate
]


@given(st.sampled_from(exact), st.integers(0, 400), st.integers(0, 400), st.sampled_from(RULES))
def test_an_exact_day_matches_any_window_holding_it(
    event: pakru.Event, before: int, after: int, rule: str
) -> None:
    day = event.date.earliest
    assert day is not None
    window = (day - dt.timedelta(days=before), day + dt.timedelta(days=after))
    assert event.id in pakru.events(between=window, date_match=rule).ids  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1968-22", "certain"),
        ("1965/1972", "certain"),
        ("1968?", "possible"),
        ("1968~", "possible"),
        ("196X", "possible"),
        ("195X/..", "partly"),
        ("1954/", "possible"),
        ("1960/1966", "partly"),
        ("1960/1980", "partly"),
        ("1960~/1980", "possible"),
        ("../1966", "possible"),
        ("[1960..1969]", "possible"),
        ("1973", None),
    ],
)
def test_date_fit_names_the_reason(text: str, expected: str | None) -> None:
    assert date_fit(EDTFDate(text), day_range(("1965", "1972"))) == expected  # type: ignore[arg-type]


def test_the_readme_command_lists_only_events_in_the_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["events", "--between", "1965", "1972", "--actor", "ussr", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    for row in rows:
        assert "1965-01-01" <= row["earliest"] <= row["latest"] <= "1972-12-31", row["id"]
        assert "match" not in row  # the machine formats of the default answer are unchanged
    flags = ["events", "--between", "1965", "1972", "--actor", "ussr", "--possible"]
    assert main([*flags, "--format", "json"]) == 0
    marked = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {r["id"] for r in marked if r["match"] == "certain"}
    extra = [r for r in marked if r["match"] != "certain"]
    assert extra
    assert {r["match"] for r in extra} == {"partly", "possible"}
    assert any(r["date"] == "195X/.." and r["match"] == "partly" for r in extra)
    assert any(r["date"] == "1954/" and r["match"] == "possible" for r in extra)
    for fmt in ("csv", "table"):
        assert main([*flags, "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "possible" in out
        assert "partly" in out
        assert "match" in out.lower().splitlines()[0]


def test_a_list_counts_and_splits_by_match() -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    assert found.count() == len(found)
    assert found.count("partly") > 0
    assert found.count("possible") > 0
    assert sum(found.count(m) for m in MATCH_MARKS) == len(found)
    assert found.certain() == pakru.events(between=("1965", "1972"), actor="ussr")
    rest = found.possible()
    assert rest.ids == tuple(
        e.id for e, m in zip(found, found.matches, strict=True) if m != "certain"
    )
    assert rest.matches == tuple(m for m in found.matches if m != "certain")
    assert found[:3].matches == found.matches[:3]
    assert pakru.events(actor="ussr").matches[0] is None
    assert found.count(found[0]) == 1
