"""Queries on the shipped data: date overlap, actors, filters, ordering, and errors."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from strategies import points, year_pairs

import pakru
from pakru import EventList, QueryError, QueryTypeError, UnknownIdError

TASHKENT = "1966-01-10-tashkent-declaration"
AFGHAN_WAR = "1979-soviet-afghan-war"

QUERY_ERRORS = (QueryError, QueryTypeError, UnknownIdError, pakru.DateSyntaxError)


def ids(found: EventList) -> list[str]:
    assert isinstance(found, EventList)
    return [e.id for e in found]


def first_day(event: pakru.Event) -> dt.date:
    return event.date.earliest or dt.date.min


def last_day(event: pakru.Event) -> dt.date:
    return event.date.latest or dt.date.max


def overlapping(lo: dt.date, hi: dt.date) -> list[str]:
    """Brute force: the events whose day bounds overlap [lo, hi]."""
    return sorted(e.id for e in pakru.dataset() if first_day(e) <= hi and last_day(e) >= lo)


def within(lo: dt.date, hi: dt.date) -> list[str]:
    return sorted(e.id for e in pakru.dataset() if first_day(e) >= lo and last_day(e) <= hi)


# -- dates ----------------------------------------------------------------------------------


def test_tashkent_is_a_single_day() -> None:
    event = pakru.event(TASHKENT)
    assert event.date.earliest == event.date.latest == dt.date(1966, 1, 10)


@pytest.mark.parametrize(
    "between",
    [
        ("1966-01-10", "1966-01-10"),
        (1960, 1966),
        ("1966-01", "1966-01"),
        ("1966-01-10", None),
        (None, "1966-01-10"),
        "1966-01-10",
        "1966",
        1966,
        dt.date(1966, 1, 10),
        (dt.date(1966, 1, 10), dt.date(1966, 1, 10)),
        (dt.datetime(1966, 1, 10, 12, 0), dt.datetime(1966, 1, 10, 13, 0)),
        ("..", "1966-01-10"),
        ("1966-01-10", ".."),
    ],
)
def test_overlap_includes_the_edges(between: object) -> None:
    assert TASHKENT in ids(pakru.events(between=between, date_match="possible"))


@pytest.mark.parametrize(
    "between",
    [
        (1967, 1970),
        ("1966-01-11", "1966-12-31"),
        ("1965-01-01", "1966-01-09"),
        (None, 1965),
        ("1967", ".."),
        "1966-02",
    ],
)
def test_overlap_excludes_outside(between: object) -> None:
    assert TASHKENT not in ids(pakru.events(between=between, date_match="possible"))


def test_within_versus_overlap_on_an_interval_event() -> None:
    war = pakru.event(AFGHAN_WAR)
    assert war.date.is_interval
    assert (war.date.earliest, war.date.latest) == (dt.date(1979, 12, 1), dt.date(1989, 2, 15))
    # Overlapping a part of the war finds it; "within" needs the whole war inside.
    assert AFGHAN_WAR in ids(pakru.events(between=(1985, 1986), date_match="overlap"))
    assert AFGHAN_WAR not in ids(pakru.events(between=(1985, 1986), date_match="within"))
    assert AFGHAN_WAR in ids(pakru.events(between=(1979, 1989), date_match="within"))
    assert AFGHAN_WAR in ids(pakru.events(between=(1970, 1995), date_match="within"))
    assert AFGHAN_WAR not in ids(pakru.events(between=(1980, 1995), date_match="within"))
    assert AFGHAN_WAR not in ids(pakru.events(between=(1970, 1988), date_match="within"))
    assert AFGHAN_WAR in ids(pakru.events(between=(1989, 1995), date_match="overlap"))
    assert AFGHAN_WAR in ids(pakru.events(between=(1960, 1979), date_match="overlap"))
    assert AFGHAN_WAR not in ids(pakru.events(between=(1990, 1995), date_match="overlap"))


def test_within_results_are_a_subset_of_overlap() -> None:
    for lo, hi in [(1960, 1970), (1979, 1989), (2000, 2011), (1900, 2100)]:
        inside = set(ids(pakru.events(between=(lo, hi), date_match="within")))
        assert inside <= set(ids(pakru.events(between=(lo, hi), date_match="overlap")))
        assert sorted(inside) == within(dt.date(lo, 1, 1), dt.date(hi, 12, 31))


def test_open_ends() -> None:
    everything = ids(pakru.events())
    assert ids(pakru.events(between=(None, None))) == everything
    assert ids(pakru.events(between=("..", ".."))) == everything
    assert ids(pakru.events(between=(None, 1970))) == ids(pakru.events(between=("..", 1970)))
    assert ids(pakru.events(between=(1990, None))) == ids(pakru.events(between=(1990, "..")))
    assert ids(pakru.events(between=(1990, None))) == ids(pakru.events(between="1990/.."))
    early = ids(pakru.events(between=(None, 1970), date_match="overlap"))
    assert sorted(early) == overlapping(dt.date.min, dt.date(1970, 12, 31))
    late = ids(pakru.events(between=(1990, None), date_match="overlap"))
    assert sorted(late) == overlapping(dt.date(1990, 1, 1), dt.date.max)
    assert early
    assert late


def test_accepted_between_forms_agree() -> None:
    forms: list[object] = [
        ("1965", "1972"),
        (1965, 1972),
        ["1965", "1972"],
        (dt.date(1965, 1, 1), dt.date(1972, 12, 31)),
        "1965/1972",
        ("1965-01", "1972-12"),
        ("1965-01-01", "1972-12-31"),
        (pakru.EDTFDate("1965"), pakru.EDTFDate("1972")),
        pakru.EDTFDate("1965/1972"),
        (" 1965 ", "1972"),
    ]
    results = [ids(pakru.events(between=f, date_match="overlap")) for f in forms]
    assert results[0], "the 1965-1972 window is not empty"
    assert all(r == results[0] for r in results)
    assert sorted(results[0]) == overlapping(dt.date(1965, 1, 1), dt.date(1972, 12, 31))
    # A single year means that year, whether given as an int, text or interval.
    one_year = [pakru.events(between=b) for b in (1966, "1966", (1966, 1966), "1966/1966")]
    assert all(r == one_year[0] for r in one_year)


def test_readme_examples() -> None:
    found = pakru.events(between=("1965", "1972"), actor="ussr")
    assert TASHKENT in ids(found)
    tashkent = pakru.event(TASHKENT)
    assert (tashkent.date.earliest, tashkent.date.precision) == (
        dt.date(1966, 1, 10),
        pakru.Precision.DAY,
    )
    mediators = [p.actor for p in tashkent.participants if p.role == "mediator"]
    assert mediators == ["ussr", "aleksei-kosygin"]
    assert pakru.actor("Soviet Union").successor == "russia"


# -- actors ---------------------------------------------------------------------------------


def test_actor_by_id_alias_name_any_case_or_object() -> None:
    ussr = pakru.actor("ussr")
    expected = ids(pakru.events(actor="ussr"))
    assert expected
    for key in ("ussr", "USSR", "Soviet Union", "soviet union", "SOVIET UNION", ussr.name, ussr):
        assert ids(pakru.events(actor=key)) == expected, key
    assert ids(pakru.events(actor=[ussr])) == expected
    assert all("ussr" in e.actors for e in pakru.events(actor="ussr"))
    brute = [e.id for e in pakru.dataset() if "ussr" in e.actors]
    assert expected == brute


def test_actor_lookup_by_alias_and_case() -> None:
    assert pakru.actor("Soviet Union").id == "ussr"
    assert pakru.actor("soviet union").id == "ussr"
    assert pakru.actor("RUSSIA").id == "russia"
    assert pakru.actor(pakru.actor("russia")) == pakru.actor("russia")


def test_several_actors_any_versus_all() -> None:
    ussr = set(ids(pakru.events(actor="ussr")))
    india = set(ids(pakru.events(actor="india")))
    any_of = ids(pakru.events(actor=["ussr", "india"]))
    all_of = ids(pakru.events(actor=["ussr", "india"], all_actors=True))
    assert set(any_of) == ussr | india
    assert set(all_of) == ussr & india
    assert TASHKENT in all_of
    assert set(all_of) < set(any_of)
    assert ids(pakru.events(actor=("India", "Soviet Union"), all_actors=True)) == all_of


def test_follow_succession() -> None:
    ussr = set(ids(pakru.events(actor="ussr")))
    russia = set(ids(pakru.events(actor="russia")))
    assert ussr
    assert russia
    assert ussr != russia, "without follow_succession the two states are distinct"
    for shared in ussr & russia:  # only events that really involve both, such as 1991
        assert {"ussr", "russia"} <= set(pakru.event(shared).actors)
    both = ussr | russia
    assert set(ids(pakru.events(actor="ussr", follow_succession=True))) == both
    assert set(ids(pakru.events(actor="russia", follow_succession=True))) == both
    assert set(ids(pakru.events(actor="Russia", follow_succession=True))) == both
    lineage = pakru.dataset().lineage("russia")
    assert [a.id for a in lineage] == ["ussr", "russia"]


# -- other filters --------------------------------------------------------------------------


def test_type_filter() -> None:
    wars = pakru.events(type="war")
    assert AFGHAN_WAR in ids(wars)
    assert all(e.type == "war" for e in wars)
    visits = set(ids(pakru.events(type="visit")))
    assert set(ids(pakru.events(type=["war", "visit"]))) == set(ids(wars)) | visits
    assert ids(pakru.events(type="war")) == [e.id for e in pakru.dataset() if e.type == "war"]


def test_a_known_but_unused_type_gives_no_events() -> None:
    used = {e.type for e in pakru.dataset()}
    unused = [t for t in pakru.EVENT_TYPES if t not in used]
    if not unused:
        pytest.skip("every event type is used")
    assert ids(pakru.events(type=unused[0])) == []


def test_tag_filter() -> None:
    found = pakru.events(tag="tashkent")
    assert TASHKENT in ids(found)
    assert all("tashkent" in e.tags for e in found)
    assert ids(found) == [e.id for e in pakru.dataset() if "tashkent" in e.tags]


def searched_text(event: pakru.Event) -> str:
    """What ``text`` searches: title, summary, note, place and participants' names."""
    names = []
    for p in event.participants:
        actor = pakru.actor(p.actor)
        names += [actor.name, *actor.aliases]
    parts = [event.title, event.summary, event.note or "", event.place or "", *names]
    return "\n".join(parts).casefold()


def test_source_filter() -> None:
    tashkent = pakru.event(TASHKENT)
    source_id = tashkent.sources[0]
    found = pakru.events(source=source_id)
    assert TASHKENT in ids(found)
    assert ids(found) == [e.id for e in pakru.dataset() if source_id in e.sources]


def test_text_filter_is_a_case_insensitive_substring() -> None:
    found = ids(pakru.events(text="TASHKENT"))
    assert TASHKENT in found
    expected = [e.id for e in pakru.dataset() if "tashkent" in searched_text(e)]
    assert found == expected
    assert ids(pakru.events(text="no such words anywhere zzz")) == []


def test_filters_combine_with_and() -> None:
    found = pakru.events(between=(1965, 1972), actor="ussr", type="agreement", tag="tashkent")
    assert ids(found) == [TASHKENT]


# -- results --------------------------------------------------------------------------------


def _order_key(event: pakru.Event) -> tuple[dt.date, dt.date, str]:
    return first_day(event), last_day(event), event.id


def test_results_are_sorted_event_lists() -> None:
    for found in (
        pakru.events(),
        pakru.events(actor="pakistan"),
        pakru.events(between=(1960, 2030), type=["war", "visit", "agreement"]),
    ):
        assert isinstance(found, EventList)
        assert isinstance(found, tuple)
        assert list(found) == sorted(found, key=_order_key)
    assert list(pakru.dataset()) == list(pakru.events())


def test_no_match_is_an_empty_event_list() -> None:
    found = pakru.events(between=(1900, 1901))
    assert isinstance(found, EventList)
    assert len(found) == 0


# -- errors ---------------------------------------------------------------------------------


def test_unknown_ids_raise_key_errors_with_suggestions() -> None:
    with pytest.raises(UnknownIdError) as info:
        pakru.actor("usrr")
    assert isinstance(info.value, KeyError)
    assert "ussr" in info.value.suggestions
    assert "'ussr'" in str(info.value)
    with pytest.raises(KeyError):
        pakru.event("1966-01-10-tashkent-declaraton")
    with pytest.raises(UnknownIdError, match="tashkent-declaration"):
        pakru.event("1966-01-10-tashkent-declaraton")
    with pytest.raises(KeyError):
        pakru.source("no-such-source")
    with pytest.raises(UnknownIdError, match="ussr"):
        pakru.events(actor="usrr")
    with pytest.raises(UnknownIdError):
        pakru.events(type="no-such-type")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"between": (1972, 1965)}, QueryError),
        ({"between": ("1972-03-16", "1972-03-15")}, QueryError),
        ({"between": "1972/1965"}, QueryError),
        ({"between": ("1965-13", "1970")}, QueryError),
        ({"between": "garbage"}, QueryError),
        ({"between": (1965, 1970, 1975)}, QueryError),
        ({"between": ()}, QueryError),
        ({"between": 0}, QueryError),
        ({"between": (1965, 10000)}, QueryError),
        ({"between": 3.5}, QueryTypeError),
        ({"between": (1965.0, 1970)}, QueryTypeError),
        ({"between": (True, 1970)}, QueryTypeError),
        ({"between": b"1965"}, QueryTypeError),
        ({"between": {"start": 1965}}, QueryTypeError),
        ({"actor": 5}, QueryTypeError),
        ({"actor": [5]}, QueryTypeError),
        ({"actor": b"ussr"}, QueryTypeError),
        ({"actor": []}, QueryError),
        ({"type": 5}, QueryTypeError),
        ({"type": ["war", 5]}, QueryTypeError),
        ({"type": []}, QueryError),
        ({"tag": 5}, QueryTypeError),
        ({"source": 5}, QueryTypeError),
        ({"text": 5}, QueryTypeError),
        ({"date_match": "inside"}, QueryError),
        ({"all_actors": "yes"}, QueryTypeError),
        ({"follow_succession": 1}, QueryTypeError),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        pakru.events(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, pakru.PakruError)
    if error is QueryError:
        assert isinstance(info.value, ValueError)
    if error is QueryTypeError:
        assert isinstance(info.value, TypeError)
    name = next(iter(kwargs))
    assert name in str(info.value), "the message names the argument"


def test_lookup_with_wrong_types() -> None:
    with pytest.raises(QueryTypeError):
        pakru.event(5)  # type: ignore[arg-type]
    with pytest.raises(QueryTypeError):
        pakru.actor(None)  # type: ignore[arg-type]
    with pytest.raises(QueryTypeError):
        pakru.source(["x"])  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        pakru.actors("planet")


def test_actors_by_kind() -> None:
    states = pakru.actors("state")
    assert {"ussr", "russia", "pakistan"} <= {a.id for a in states}
    assert all(a.kind == "state" for a in states)
    assert len(pakru.actors()) == len({a.id for a in pakru.actors()})


# -- properties ---------------------------------------------------------------------------


def _dataset_values(pick: Callable[[pakru.Dataset], list[str]]) -> st.SearchStrategy[str]:
    """One of the values ``pick`` finds in the shipped data (read when drawn, not imported)."""

    @st.composite
    def draw_value(draw: st.DrawFn) -> str:
        values = pick(pakru.dataset())
        return values[draw(st.integers(0, len(values) - 1))]

    return draw_value()


actor_keys = _dataset_values(
    lambda d: sorted({k for a in d.actors() for k in (a.id, a.name, *a.aliases)})
)
tags = _dataset_values(lambda d: sorted({t for e in d for t in e.tags}))
source_ids = _dataset_values(lambda d: sorted({s for e in d for s in e.sources}))
type_ids = st.sampled_from(sorted(pakru.EVENT_TYPES))
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 12000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.binary(max_size=4),
    st.dates(),
    st.just(".."),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)
date_ends = st.one_of(
    st.none(),
    st.just(".."),
    st.integers(1900, 2030),
    st.integers(1900, 2030).map(str),
    points().map(lambda p: p.text),
    points().map(lambda p: pakru.EDTFDate(p.text)),
    st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)),
    st.datetimes(),
    junk,
)
betweens = st.one_of(
    st.none(),
    st.tuples(date_ends, date_ends),
    st.lists(date_ends, max_size=3),
    points().map(lambda p: p.text),
    st.integers(-5, 10005),
    junk,
)


def _one_or_many(values: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), values, st.lists(values, max_size=3), st.tuples(values, values))


query_kwargs = st.fixed_dictionaries(
    {},
    optional={
        "between": betweens,
        "date_match": st.sampled_from(["certain", "possible", "overlap", "within", "inside", 3]),
        "actor": _one_or_many(st.one_of(actor_keys, actor_keys.map(pakru.actor), junk)),
        "all_actors": st.one_of(st.booleans(), junk),
        "follow_succession": st.one_of(st.booleans(), junk),
        "type": _one_or_many(st.one_of(type_ids, junk)),
        "tag": _one_or_many(st.one_of(tags, junk)),
        "source": _one_or_many(st.one_of(source_ids, junk)),
        "text": st.one_of(st.none(), st.text(max_size=8), junk),
    },
)


@settings(max_examples=300)
@given(query_kwargs)
def test_any_arguments_give_an_event_list_or_a_query_error(kwargs: dict[str, object]) -> None:
    error: Exception | None = None
    try:
        found = pakru.events(**kwargs)  # type: ignore[arg-type]
    except QUERY_ERRORS as exc:
        error = exc
    if error is not None:
        event(type(error).__name__)
        assert str(error), "the error says what was wrong"
        return
    event("EventList")
    assert isinstance(found, EventList)
    assert list(found) == sorted(found, key=_order_key)


@given(year_pairs(), st.sampled_from(["overlap", "within"]))
def test_year_windows_match_brute_force(pair: tuple[int, int], mode: str) -> None:
    lo_year, hi_year = pair
    lo, hi = dt.date(lo_year, 1, 1), dt.date(hi_year, 12, 31)
    found = pakru.events(between=pair, date_match=mode)  # type: ignore[arg-type]
    returned = set(ids(found))
    expected = overlapping(lo, hi) if mode == "overlap" else within(lo, hi)
    assert sorted(returned) == expected
    for record in pakru.dataset():
        hits = first_day(record) <= hi and last_day(record) >= lo
        if mode == "within":
            hits = first_day(record) >= lo and last_day(record) <= hi
        assert (record.id in returned) is hits, record.id


@given(st.dates(dt.date(1940, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 4000))
def test_day_windows_match_brute_force(start: dt.date, days: int) -> None:
    end = min(start + dt.timedelta(days=days), dt.date(9999, 12, 31))
    assert sorted(ids(pakru.events(between=(start, end), date_match="overlap"))) == overlapping(
        start, end
    )
    assert sorted(ids(pakru.events(between=(start, end), date_match="within"))) == within(
        start, end
    )


@st.composite
def valid_queries(draw: st.DrawFn) -> dict[str, object]:
    kwargs: dict[str, object] = {}
    if draw(st.booleans()):
        kwargs["between"] = draw(year_pairs(1950, 2020))
        kwargs["date_match"] = draw(st.sampled_from(["overlap", "within", "possible"]))
    if draw(st.booleans()):
        kwargs["actor"] = draw(st.lists(actor_keys, min_size=1, max_size=2))
        kwargs["all_actors"] = draw(st.booleans())
        kwargs["follow_succession"] = draw(st.booleans())
    if draw(st.booleans()):
        kwargs["type"] = draw(st.lists(type_ids, min_size=1, max_size=3))
    if draw(st.integers(0, 3)) == 0:
        kwargs["tag"] = draw(st.lists(tags, min_size=1, max_size=2))
    if draw(st.integers(0, 3)) == 0:
        kwargs["source"] = draw(st.lists(source_ids, min_size=1, max_size=2))
    if draw(st.integers(0, 3)) == 0:
        kwargs["text"] = draw(st.sampled_from(["soviet", "TASHKENT", "war", "Moscow", "zzz"]))
    return kwargs


def _brute_force(event: pakru.Event, kwargs: dict[str, object]) -> bool:
    data = pakru.dataset()
    if "between" in kwargs:
        lo_year, hi_year = kwargs["between"]  # type: ignore[misc]
        lo, hi = dt.date(lo_year, 1, 1), dt.date(hi_year, 12, 31)
        if kwargs["date_match"] in ("overlap", "possible"):
            if not (first_day(event) <= hi and last_day(event) >= lo):
                return False
        elif not (first_day(event) >= lo and last_day(event) <= hi):
            return False
    if "actor" in kwargs:
        groups = []
        for key in kwargs["actor"]:  # type: ignore[attr-defined]
            if kwargs["follow_succession"]:
                groups.append({a.id for a in data.lineage(key)})
            else:
                groups.append({data.actor(key).id})
        hits = [bool(group & set(event.actors)) for group in groups]
        if not (all(hits) if kwargs["all_actors"] else any(hits)):
            return False
    if "type" in kwargs and event.type not in kwargs["type"]:  # type: ignore[operator]
        return False
    if "tag" in kwargs and not set(event.tags) & set(kwargs["tag"]):  # type: ignore[arg-type]
        return False
    if "source" in kwargs and not set(event.sources) & set(kwargs["source"]):  # type: ignore[arg-type]
        return False
    if "text" in kwargs:
        return str(kwargs["text"]).casefold() in searched_text(event)
    return True


@settings(max_examples=150)
@given(valid_queries())
def test_valid_queries_match_brute_force(kwargs: dict[str, object]) -> None:
    found = pakru.events(**kwargs)  # type: ignore[arg-type]
    event("hit" if found else "empty")
    expected = [e.id for e in pakru.dataset() if _brute_force(e, kwargs)]
    assert ids(found) == expected


def test_unknown_id_error_survives_pickling() -> None:
    with pytest.raises(UnknownIdError) as info:
        pakru.actor("usrr")
    restored = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own object
    assert type(restored) is UnknownIdError
    assert str(restored) == str(info.value)
    assert restored.suggestions == info.value.suggestions


def test_data_error_survives_pickling() -> None:
    error = pakru.DataError([pakru.Problem("t/x.yaml", 3, "a.b", "bad value")])
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert restored.problems == error.problems
    assert str(restored) == str(error)


def test_place_and_role_filters() -> None:
    at_moscow = pakru.events(place="MOSCOW")
    assert at_moscow
    assert all(e.place is not None and "moscow" in e.place.casefold() for e in at_moscow)
    visits = pakru.events(place="moscow", role="visitor")
    assert set(visits.ids) <= set(at_moscow.ids)
    assert all(any(p.role == "visitor" for p in e.participants) for e in visits)
    ayub = pakru.events(actor="ayub-khan", role="visitor")
    assert ayub
    assert all(
        any(p.actor == "ayub-khan" and p.role == "visitor" for p in e.participants) for e in ayub
    )
    with pytest.raises(pakru.UnknownIdError):
        pakru.events(role="visiter")
    assert pakru.events(text="Tashkent", place="tashkent")


def test_text_finds_places_and_participants_names() -> None:
    moscow = set(pakru.events(text="moscow").ids)
    assert set(pakru.events(place="moscow").ids) <= moscow
    assert "1966-01-10-tashkent-declaration" in pakru.events(text="Kosygin").ids
