"""Date matching that says what it knows: certain and possible answers."""

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
    assert set(possible.matches) <= {"certain", "possible"}


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
        ("195X/..", "possible"),
        ("1954/", "possible"),
        ("1960/1966", "possible"),
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
    extra = [r for r in marked if r["match"] == "possible"]
    assert extra
    assert any(r["date"] == "195X/.." for r in extra)
    for fmt in ("csv", "table"):
        assert main([*flags, "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "possible" in out
        assert "match" in out.lower().splitlines()[0]


def test_a_list_counts_and_splits_by_match() -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    assert found.count() == len(found)
    assert found.count("certain") + found.count("possible") == len(found)
    assert found.certain() == pakru.events(between=("1965", "1972"), actor="ussr")
    assert found.possible().ids == tuple(
        e.id for e, m in zip(found, found.matches, strict=True) if m == "possible"
    )
    assert found[:3].matches == found.matches[:3]
    assert pakru.events(actor="ussr").matches[0] is None
    assert found.count(found[0]) == 1
