"""Counts that carry uncertainty and dyad-year panels: properties and the shipped data."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pakru
from pakru import Actor, Claim, Dispute, Event, Evidence, Participant, parse_edtf
from pakru.counts import (
    BY,
    DISPUTED,
    count_events,
    count_range,
    coverage,
    dataset_coverage,
    readings,
)
from pakru.panels import dyad_years
from pakru.quads import QUADS, quad_of

EVIDENCE = (Evidence("doc", 1, 0, 10, "a" * 64),)
STATES = tuple(
    Actor(f"state-{i}", f"State {i}", "state", iso3=f"S{i:02d}", cow=100 + i, gw=100 + i)
    for i in range(6)
)
ACTORS = {a.id: a for a in STATES}
SYMMETRIC = ("party", "signatory", "participant")


@st.composite
def point(draw: st.DrawFn) -> str:
    """An EDTF point between 1900 and 2035 of any precision from day to decade."""
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2035, 12, 31)))
    return draw(
        st.sampled_from(
            [
                day.isoformat(),
                day.isoformat()[:7],
                str(day.year),
                f"{day.year}?",
                str(day.year)[:3] + "X",
                f"{day.year}-{draw(st.integers(21, 24))}",
            ]
        )
    )


@st.composite
def dates(draw: st.DrawFn) -> str:
    """EDTF dates: points, closed, open and unknown-end intervals."""
    a, b = parse_edtf(draw(point())), parse_edtf(draw(point()))
    shape = draw(st.sampled_from(["point", "interval", "open", "unknown"]))
    if shape == "point":
        return a.edtf
    if a.bounds()[0] > b.bounds()[1]:
        a, b = b, a
    if shape == "interval":
        return f"{a.edtf}/{b.edtf}"
    return f"{a.edtf}/.." if shape == "open" else f"/{b.edtf}"


@st.composite
def events(draw: st.DrawFn, n: int = 1, roles: tuple[str, ...] | None = None) -> list[Event]:
    found = []
    for i in range(n):
        states = draw(st.lists(st.sampled_from(STATES), min_size=1, max_size=4, unique=True))
        participants = tuple(
            Participant(s.id, draw(st.sampled_from(roles or ("visitor", "host", "party"))))
            for s in states
        )
        disputes: tuple[Dispute, ...] = ()
        if draw(st.booleans()):
            claims = tuple(
                Claim("doc", draw(dates()), draw(st.sampled_from(["rejected", "unresolved"])))
                for _ in range(2)
            )
            disputes = (Dispute("date", claims, "Open."),)
        found.append(
            Event(
                f"e{i}",
                parse_edtf(draw(dates())),
                "An event",
                "It happened.",
                draw(st.sampled_from(list(pakru.EVENT_TYPES))),
                participants,
                EVIDENCE,
                disputes=disputes,
            )
        )
    return found


def _dataset(found: list[Event]) -> pakru.Dataset:
    return pakru.Dataset(
        events=found,
        actors=STATES,
        sources=(),
        data_version="0.0.0",
        digest="0" * 64,
        license="CC-BY-4.0",
        label="test",
    )


# -- counts: properties ---------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(events(n=6), st.sampled_from(BY), st.sampled_from(DISPUTED))
def test_every_bin_holds_min_le_expected_le_max_and_expected_sums_to_the_events(
    found: list[Event], by: str, disputed: str
) -> None:
    counts = count_events(found, by, coverage_of=coverage(found), disputed=disputed)
    for b in counts:
        assert b.min <= b.expected + 1e-9
        assert b.expected <= b.max + 1e-9
        assert 0 <= b.min <= b.max <= len(found)
    assert math.isclose(sum(b.expected for b in counts), len(found), abs_tol=1e-9)
    assert counts.events == len(found)


@settings(max_examples=60, deadline=None)
@given(
    events(n=4),
    st.dates(dt.date(1890, 1, 1), dt.date(2040, 12, 31)),
    st.integers(0, 20000),
    st.integers(0, 20000),
    st.integers(0, 20000),
    st.sampled_from(DISPUTED),
)
def test_widening_a_bin_never_lowers_its_maximum_or_minimum(  # noqa: PLR0917
    found: list[Event], start: dt.date, length: int, before: int, after: int, disputed: str
) -> None:
    cover = coverage(found)
    end = min(start + dt.timedelta(days=length), dt.date(9999, 12, 31))
    wide_start = max(start - dt.timedelta(days=before), dt.date(1, 1, 1))
    wide_end = min(end + dt.timedelta(days=after), dt.date(9999, 12, 31))
    narrow = count_range(found, start, end, coverage_of=cover, disputed=disputed)
    wide = count_range(found, wide_start, wide_end, coverage_of=cover, disputed=disputed)
    assert wide.max >= narrow.max
    assert wide.min >= narrow.min
    assert wide.expected >= narrow.expected - 1e-9


@settings(max_examples=40, deadline=None)
@given(events(n=5))
def test_a_decade_bounds_its_years(found: list[Event]) -> None:
    cover = coverage(found)
    years = count_events(found, "year", coverage_of=cover)
    for decade in count_events(found, "decade", coverage_of=cover):
        inside = [b for b in years if decade.key <= int(b.key) < int(decade.key) + 10]
        assert decade.max >= max(b.max for b in inside)
        assert decade.min >= sum(b.min for b in inside)
        assert math.isclose(decade.expected, sum(b.expected for b in inside), abs_tol=1e-9)


@settings(max_examples=40, deadline=None)
@given(events(n=4))
def test_more_readings_only_widen_the_bounds(found: list[Event]) -> None:
    cover = coverage(found)
    accepted = count_events(found, "year", coverage_of=cover)
    every = count_events(found, "year", coverage_of=cover, disputed="all")
    wider = {b.key: b for b in every}
    for b in accepted:
        if b.key in wider:
            assert wider[b.key].max >= b.max
            assert wider[b.key].min <= b.min


# -- counts: the shipped data ---------------------------------------------------------------


def test_a_decade_date_is_possible_in_each_of_its_years_and_certain_in_none() -> None:
    decade_events = [e for e in pakru.dataset() if e.date.edtf.startswith("197X")]
    if not decade_events:
        pytest.skip("the data has no 197X event")
    counts = count_events(decade_events, "year", coverage_of=dataset_coverage(pakru.dataset()))
    for year in range(1970, 1980):
        b = counts.get(year)
        assert b is not None
        assert (b.min, b.max) == (0, len(decade_events))
        assert math.isclose(
            b.expected, len(decade_events) * (b.end - b.start).days / 3652 + 0, rel_tol=0.01
        )


def test_a_long_war_is_counted_across_its_years_not_only_its_first() -> None:
    war = pakru.event("1979-soviet-afghan-war")
    counts = count_events([war], "year", coverage_of=dataset_coverage(pakru.dataset()))
    spread = [b for b in counts if b.max]
    assert [b.key for b in spread] == list(range(1979, 1990))
    assert all(b.min == 0 for b in spread)
    assert counts.get(1985).expected > counts.get(1979).expected  # type: ignore[union-attr]


def test_count_takes_the_filters_of_events() -> None:
    for filters in ({"actor": "ussr"}, {"type": "visit", "between": (1960, 1990)}, {}):
        assert pakru.count("quad", **filters).events == len(pakru.events(**filters))
    with pytest.raises(pakru.QueryTypeError, match="not a filter"):
        pakru.count("year", actors="ussr")
    with pytest.raises(pakru.QueryError, match="by"):
        pakru.count("month")
    with pytest.raises(pakru.QueryError, match="disputed"):
        pakru.count("year", disputed="maybe")


def test_a_rejected_date_is_a_reading_only_when_asked_for() -> None:
    musharraf = pakru.event("2003-02-05-musharraf-visits-moscow")
    assert [d.edtf for d in readings(musharraf)] == ["2003-02-05"]
    assert [d.edtf for d in readings(musharraf, "all")] == ["2003-02-05", "2002"]
    accepted = pakru.count("year", source="w-kremlin-putin-musharraf-talks-2003")
    every = pakru.count("year", disputed="all", source="w-kremlin-putin-musharraf-talks-2003")
    assert accepted.get(2002).max < every.get(2002).max  # type: ignore[union-attr]
    assert accepted.get(2003).min > every.get(2003).min  # type: ignore[union-attr]


def test_counts_cover_the_data_and_come_as_frames() -> None:
    counts = pakru.count("year")
    cover = dataset_coverage(pakru.dataset())
    assert [b.key for b in counts] == list(cover.year_range)
    assert {b.key for b in counts if not b.covered} == set(cover.year_range) - cover.years
    frame = counts.to_pandas()
    assert list(frame["year"]) == [b.key for b in counts]
    assert frame["expected"].sum() == pytest.approx(len(pakru.dataset()))
    assert counts.to_arrow().num_rows == len(counts)
    shipped = pakru.to_pandas(table="counts")
    assert shipped.equals(frame)
    assert tuple(pakru.count("quad")) == tuple(pakru.count("quad"))
    with pytest.raises((TypeError, AttributeError)):
        counts.bins[0].min = 5  # type: ignore[misc]


def test_a_loaded_dataset_counts_and_pairs_its_own_events() -> None:
    visit = Event(
        "v",
        parse_edtf("1972-03"),
        "A visit",
        "A visit.",
        "visit",
        (Participant("state-0", "visitor"), Participant("state-1", "host")),
        EVIDENCE,
    )
    data = _dataset([visit])
    assert [(b.key, b.min, b.max) for b in data.count("year")] == [(1972, 1, 1)]
    assert data.count("quad", actor="state-0").get("verbal-cooperation").max == 1  # type: ignore[union-attr]
    assert [(r.code1, r.code2, r.year) for r in data.dyads(directed=False)] == [(100, 101, 1972)]


def test_quad_classes_follow_plover() -> None:
    assert quad_of("war") == "material-conflict"
    assert quad_of("military-aid") == "material-cooperation"
    assert quad_of("criticism") == "verbal-conflict"
    assert quad_of("visit") == "verbal-cooperation"
    mapped = {t for t, entry in pakru.EVENT_TYPES.items() if entry.plover is not None}
    assert {quad_of(t) for t in mapped} == set(QUADS)
    assert all(quad_of(t) is None for t in set(pakru.EVENT_TYPES) - mapped)
    assert quad_of("era") is None


# -- dyads: properties ----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(events(n=1), st.booleans())
def test_an_event_with_k_states_gives_k_k_minus_1_rows_per_year_it_spans(
    found: list[Event], directed: bool
) -> None:
    (event,) = found
    k = len(set(event.actors))
    cover = coverage(found)
    panel = dyad_years(found, ACTORS, coverage_of=cover, directed=directed)
    lo, hi = cover.span(event.date)
    years = dt.date.fromordinal(hi).year - dt.date.fromordinal(lo).year + 1
    expected_rows = k * (k - 1) * years
    assert len(panel) == (expected_rows if directed else expected_rows // 2)
    assert all(r.events == 1 for r in panel)
    quad = quad_of(event.type)
    if quad is None:  # a period or dispute type falls in no quad class
        assert all(sum(r.quads or ()) == 0 for r in panel)
    else:
        assert all(r.quad(quad) == 1 for r in panel)
    assert all(r.type(event.type) == 1 for r in panel)


@settings(max_examples=40, deadline=None)
@given(events(n=5, roles=SYMMETRIC))
def test_symmetric_roles_give_symmetric_counts(found: list[Event]) -> None:
    panel = dyad_years(found, ACTORS, coverage_of=coverage(found), directed=True)
    rows = {(r.code1, r.code2, r.year): r for r in panel}
    for (a, b, year), row in rows.items():
        other = rows[b, a, year]
        assert (row.events, row.events_certain, row.initiated, row.quads, row.types) == (
            other.events,
            other.events_certain,
            other.initiated,
            other.quads,
            other.types,
        )


def test_a_visit_is_initiated_by_the_visitor() -> None:
    visit = Event(
        "v",
        parse_edtf("1972-03"),
        "A visit",
        "A visit.",
        "visit",
        (Participant("state-0", "visitor"), Participant("state-1", "host")),
        EVIDENCE,
    )
    panel = dyad_years([visit], ACTORS, coverage_of=coverage([visit]))
    by_pair = {(r.code1, r.code2): r for r in panel}
    assert by_pair[100, 101].initiated == 1
    assert by_pair[101, 100].initiated == 0
    assert by_pair[100, 101].events == by_pair[101, 100].events == 1


# -- dyads: the shipped data ----------------------------------------------------------------


@pytest.mark.parametrize("codes", ["cow", "gw"])
def test_the_ussr_and_russia_share_365_without_duplicate_keys(codes: str) -> None:
    frame = pakru.dyads(codes=codes).to_pandas()
    key1, key2 = ("ccode1", "ccode2") if codes == "cow" else ("gwcode1", "gwcode2")
    assert not frame.duplicated([key1, key2, "year"]).any()
    soviet = frame[(frame[key1] == 365) & (frame[key2] == 770)].set_index("year")
    assert soviet.loc[1985, "actor1"] == "ussr"
    assert soviet.loc[1991, "actor1"] == "ussr"
    assert soviet.loc[1992, "actor1"] == "russia"
    assert soviet.loc[2010, "actor1"] == "russia"


def test_iso3_panels_keep_the_ussr_and_russia_apart() -> None:
    frame = pakru.dyads(codes="iso3").to_pandas()
    sun = frame[(frame.iso3_1 == "SUN") & (frame.iso3_2 == "PAK")]
    rus = frame[(frame.iso3_1 == "RUS") & (frame.iso3_2 == "PAK")]
    assert sun.year.max() == 1991
    assert rus.year.min() == 1991
    assert set(sun.actor1) == {"ussr"}
    assert set(rus.actor1) == {"russia"}


def _talks(ident: str, date: str) -> Event:
    pair = (Participant(STATES[0].id, "visitor"), Participant(STATES[1].id, "host"))
    return Event(ident, parse_edtf(date), "Talks", "They talked.", "visit", pair, EVIDENCE)


def test_an_uncovered_year_is_missing_not_zero() -> None:
    # Events in 2000 and 2003: the data reports on nothing in 2001 and 2002.
    data = _dataset([_talks("e1", "2000-05-01"), _talks("e2", "2003-02-01")])
    cover = dataset_coverage(data)
    assert set(cover.year_range) - cover.years == {2001, 2002}
    panel = data.dyads()
    uncovered = [r for r in panel if not r.covered]
    assert {r.year for r in uncovered} == {2001, 2002}
    assert all(r.events is None for r in uncovered)
    frame = panel.to_pandas()
    assert frame.loc[~frame.covered, "events"].isna().all()
    assert (frame.loc[frame.covered, "events"].notna()).all()
    counts = data.count(by="year")
    assert [(b.key, b.covered) for b in counts] == [
        (2000, True),
        (2001, False),
        (2002, False),
        (2003, True),
    ]


def test_undirected_panels_put_the_smaller_code_first() -> None:
    frame = pakru.dyads(directed=False).to_pandas()
    assert (frame.ccode1 < frame.ccode2).all()
    assert "initiated" not in frame.columns


def test_the_panel_joins_peacesciencer_keys() -> None:
    pd = pytest.importorskip("pandas")
    # Rows as peacesciencer's create_dyadyears() gives them for two system members.
    cow_ddy = pd.DataFrame(
        {"ccode1": [770, 365, 770], "ccode2": [365, 770, 365], "year": [1985, 1985, 2003]}
    )
    merged = cow_ddy.merge(
        pakru.dyads().to_pandas(), on=["ccode1", "ccode2", "year"], how="left", validate="1:1"
    )
    assert len(merged) == 3
    assert merged["events"].notna().all()
    gw_ddy = cow_ddy.rename(columns={"ccode1": "gwcode1", "ccode2": "gwcode2"})
    joined = gw_ddy.merge(
        pakru.dyads(codes="gw").to_pandas(), on=["gwcode1", "gwcode2", "year"], validate="1:1"
    )
    assert len(joined) == 3


def test_dyads_take_the_filters_of_events() -> None:
    panel = pakru.dyads(type="war")
    assert all(r.events == r.type("war") for r in panel if r.events is not None)
    with pytest.raises(pakru.QueryError, match="codes"):
        pakru.dyads(codes="iso2")
    with pytest.raises(pakru.QueryError, match="year"):
        pakru.dyads(by="decade")
