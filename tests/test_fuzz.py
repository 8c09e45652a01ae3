"""Property-based and fuzz tests of the readers, the loader, the date parser and lookups.

Every test here states what callers rely on for *any* input: valid records survive the
trip through a data file unchanged; a corrupted data file gives a Dataset or a
DataError and nothing else; random text given to the YAML and JSON readers and the
date parser gives a value or the documented error; random lookups give a record or a
documented error.

The number of examples per test is ``PAKRU_FUZZ_EXAMPLES`` (default 100; CI runs 1000,
and the test that draws whole datasets a twentieth of that).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from samples import SHA, dump, records
from strategies import points

import pakru
from pakru import (
    Actor,
    Claim,
    Creator,
    Dispute,
    EDTFDate,
    Event,
    Evidence,
    Office,
    Participant,
    Source,
)
from pakru.loader.jsonsafe import load_json
from pakru.loader.yamlsafe import load_yaml
from pakru.serialize import actor_to_dict, event_to_dict, source_to_dict

EXAMPLES = int(os.environ.get("PAKRU_FUZZ_EXAMPLES", "100"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
#: Drawing whole datasets costs more than the rest; a twentieth of the examples.
fuzz_datasets = settings(fuzz, max_examples=max(25, EXAMPLES // 20))


def scratch(factory: pytest.TempPathFactory, name: str) -> Path:
    """One file per test, rewritten by each example (a fresh folder each time costs more)."""
    folder = factory.getbasetemp() / "fuzz"
    folder.mkdir(exist_ok=True)
    return folder / name


# -- strategies for records --------------------------------------------------------------------

#: Text a curator might write: any printable characters, YAML's special ones included.
prose = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and bool(s))
slug = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
source_ids = st.from_regex(r"[a-z0-9][a-z0-9_]{0,8}", fullmatch=True)
sha = st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
edtf = points().map(lambda p: p.text)
dates = st.builds(EDTFDate, edtf, wording=st.none() | prose)


@st.composite
def actors(draw: st.DrawFn, ident: str) -> Actor:
    kind = draw(st.sampled_from(sorted(pakru.ACTOR_KINDS)))
    state = kind == "state"
    offices = draw(
        st.lists(
            st.builds(Office, prose, st.builds(EDTFDate, edtf), st.none()), max_size=2, unique=True
        )
    )
    return Actor(
        ident,
        draw(prose),
        kind,
        aliases=(),
        iso3=draw(st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True)) if state else None,
        cow=draw(st.none() | st.integers(1, 999)) if state else None,
        offices=tuple(offices),
        description=draw(st.none() | prose),
    )


@st.composite
def sources(draw: st.DrawFn, ident: str) -> Source:
    return Source(
        ident,
        draw(source_ids),
        draw(sha),
        draw(st.integers(5000, 10**6)),
        draw(st.integers(5, 500)),
        draw(st.sampled_from(sorted(pakru.SOURCE_KINDS))),
        **draw(
            st.one_of(
                st.fixed_dictionaries({"title": st.none() | prose}),
                st.fixed_dictionaries(
                    {"title": prose.map(lambda t: f"[{t}]"), "title_supplied": st.just(True)}
                ),
            )
        ),
        creators=tuple(
            draw(
                st.lists(
                    st.builds(
                        Creator,
                        prose,
                        st.sampled_from(["author", "editor", "interviewee", "interviewer"]),
                        st.booleans(),
                    ),
                    max_size=2,
                )
            )
        ),
        publisher=draw(st.none() | prose),
        issued=draw(st.none() | st.builds(EDTFDate, edtf)),
        url=draw(
            st.none() | st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9/]{0,20}", fullmatch=True)
        ),
        accessed=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
        language=draw(st.sampled_from(["en", "ru", "ur"])),
        note=draw(st.none() | prose),
    )


@st.composite
def events(draw: st.DrawFn, actor_ids: list[str], source_ids_: list[str]) -> Event:
    date = draw(dates)
    lead = date.edtf[:4] if date.edtf[:4].isdigit() else "1970"
    ident = f"{lead}-{draw(slug)}"
    cited = draw(st.lists(st.sampled_from(source_ids_), min_size=1, max_size=3))
    evidence = []
    for src in cited:
        start = draw(st.integers(0, 4000))
        evidence.append(
            Evidence(
                src, draw(st.integers(1, 5)), start, start + draw(st.integers(1, 999)), draw(sha)
            )
        )
    evidence = list(dict.fromkeys(evidence))
    parts = draw(
        st.lists(
            st.builds(
                Participant, st.sampled_from(actor_ids), st.sampled_from(sorted(pakru.ROLES))
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    disputes = ()
    if draw(st.booleans()):
        first, second = evidence[0], evidence[-1]
        disputes = (
            Dispute(
                draw(st.sampled_from(["date", "place", "number", "other"])),
                (
                    Claim(first.source, draw(prose), "accepted", first.paragraph),
                    Claim(
                        second.source,
                        draw(prose),
                        draw(st.sampled_from(["rejected", "unresolved"])),
                    ),
                ),
                draw(prose),
            ),
        )
    return Event(
        ident,
        date,
        draw(prose),
        draw(prose),
        draw(st.sampled_from(sorted(pakru.EVENT_TYPES))),
        tuple(parts),
        tuple(evidence),
        place=draw(st.none() | prose),
        tags=tuple(draw(st.lists(slug, max_size=3, unique=True))),
        note=draw(st.none() | prose),
        disputes=disputes,
    )


@st.composite
def datasets(draw: st.DrawFn) -> tuple[list[Event], list[Actor], list[Source]]:
    actor_ids = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    src_ids = draw(st.lists(source_ids, min_size=1, max_size=3, unique=True))
    found_actors = [draw(actors(i)) for i in actor_ids]
    names = [a.name.casefold() for a in found_actors] + actor_ids
    assume(len(set(names)) == len(names))  # every name picks out one actor
    found_events = draw(st.lists(events(actor_ids, src_ids), max_size=4, unique_by=lambda e: e.id))
    return found_events, found_actors, [draw(sources(i)) for i in src_ids]


def authoring(record: Event | Actor | Source) -> dict[str, Any]:
    """A record as a curator writes it in YAML (no derived fields, no empty ones)."""
    if isinstance(record, Event):
        body = event_to_dict(record)
        for key in ("earliest", "latest", "precision"):
            del body[key]
        wording = body.pop("date_wording")
        if wording is not None:
            body["date"] = {"edtf": body["date"], "wording": wording}
    elif isinstance(record, Actor):
        body = actor_to_dict(record)
    else:
        body = source_to_dict(record)
    return _drop_empty(body)


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


# -- valid records survive a data file -----------------------------------------------------------


@fuzz_datasets
@given(datasets(), st.sampled_from(["yaml", "json"]))
def test_any_valid_records_load_back_equal(
    tmp_path_factory: pytest.TempPathFactory, drawn: Any, fmt: str
) -> None:
    found_events, found_actors, found_sources = drawn
    if fmt == "yaml":
        path = scratch(tmp_path_factory, "valid.yaml")
        body = {
            "actors": [authoring(a) for a in found_actors],
            "sources": [authoring(s) for s in found_sources],
            "events": [authoring(e) for e in found_events],
        }
        path.write_text(dump(body), encoding="utf-8")
    else:
        path = scratch(tmp_path_factory, "valid.json")
        body = {
            "pakru": {
                "package_version": "1",
                "data_version": "1.0.0",
                "digest": SHA,
                "license": "MIT",
            },
            "events": [event_to_dict(e) for e in found_events],
            "actors": [actor_to_dict(a) for a in found_actors],
            "sources": [source_to_dict(s) for s in found_sources],
        }
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    data = pakru.load(path)
    assert sorted(data, key=lambda e: e.id) == sorted(found_events, key=lambda e: e.id)
    assert list(data.actors()) == sorted(found_actors, key=lambda a: a.id)
    assert list(data.sources()) == sorted(found_sources, key=lambda s: s.id)
    event("events" if found_events else "no events")


# -- corruptions only ever give DataError --------------------------------------------------------

VALID = dump(records()).encode("utf-8")
TOKENS = [
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"!x ",
    b"<<: ",
    b"- ",
    b": ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\t",
    b"\n",
    b"'",
    b'"',
    b"%",
    b"@",
    b"`",
    b"|",
    b">",
    b"? ",
    b"---\n",
    b"...\n",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"1e9999",
    b"0x" + b"f" * 30,
    b"9" * 30,
    b"~",
    b"null",
    b"yes",
    b"2003-02-30",
    b"1972/1965",
    b"-1",
    b"0",
    b"id: x\n",
]


@st.composite
def corruptions(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(
            st.sampled_from(["flip", "insert", "token", "delete", "duplicate", "truncate", "swap"])
        )
        event(op)
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif op == "truncate":
            del data[at:]
        elif op == "swap":
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@fuzz
@given(corruptions())
def test_a_corrupted_data_file_gives_a_dataset_or_a_data_error(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = scratch(tmp_path_factory, "corrupt.yaml")
    path.write_bytes(raw)
    error: pakru.DataError | None = None
    try:
        data = pakru.load(path)
    except pakru.DataError as exc:
        error = exc
    if error is not None:
        event("DataError")
        assert error.problems
        assert all(p.file == str(path) for p in error.problems)
        return
    event("loaded")
    assert all(isinstance(e, pakru.Event) for e in data)


junk_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", " ", "1972/1965", "1971-02-30", "x" * 300, "ussr", "doc-one", "-1"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, sub in value.items():
            found += _paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            found += _paths(sub, (*prefix, i))
    return found


@fuzz
@given(st.data())
def test_a_field_replaced_with_junk_gives_a_dataset_or_a_data_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    body: Any = records()
    path = data.draw(st.sampled_from(_paths(body)[1:]))
    target = body
    for key in path[:-1]:
        target = target[key]
    if data.draw(st.booleans()) and isinstance(target, dict):
        del target[path[-1]]
        event("deleted a field")
    else:
        target[path[-1]] = data.draw(junk_values)
        event("replaced a field")
    file = scratch(tmp_path_factory, "junk.yaml")
    file.write_text(dump(body), encoding="utf-8")
    error: pakru.DataError | None = None
    try:
        pakru.load(file)
    except pakru.DataError as exc:
        error = exc
    if error is not None:
        assert error.problems
        assert all(len(p.message) < 2000 for p in error.problems)


# -- the readers and the date parser on random input ------------------------------------------

yamlish = st.text(
    st.sampled_from(list(":-[]{},&*!|>'\"%@`#?~ \t\n") + list(string.ascii_letters[:6] + "019")),
    max_size=60,
)


@fuzz
@given(
    st.one_of(yamlish, st.text(max_size=60)).map(lambda s: s.encode("utf-8", "surrogatepass"))
    | st.binary(max_size=60)
)
def test_the_yaml_reader_gives_data_or_a_data_error(raw: bytes) -> None:
    error: pakru.DataError | None = None
    try:
        load_yaml(raw, "fuzz.yaml")
    except pakru.DataError as exc:
        error = exc
    event("parsed" if error is None else "DataError")
    assert error is None or all(p.file == "fuzz.yaml" for p in error.problems)


jsonish = st.lists(
    st.sampled_from(
        [*'{}[],:"\\ 0123456789.eE+-tfnaulrs', "NaN", "Infinity", '"a"', "true", "null"]
    ),
    max_size=40,
).map("".join)


@fuzz
@given(jsonish.map(str.encode) | st.binary(max_size=60))
def test_the_json_reader_gives_data_or_a_data_error(raw: bytes) -> None:
    try:
        load_json(raw, "fuzz.json")
    except pakru.DataError:
        event("DataError")
    else:
        event("parsed")


date_text = st.one_of(
    st.text(st.sampled_from(list("0123456789X-/.?~% ")), max_size=24),
    st.text(max_size=24),
    st.tuples(
        edtf, st.text(st.sampled_from(list("0123456789X-/.?~%")), max_size=3), st.integers(0, 12)
    ).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]),
)


@fuzz
@given(date_text)
def test_the_date_parser_gives_a_date_or_a_date_syntax_error(text: str) -> None:
    error: pakru.DateSyntaxError | None = None
    try:
        date = EDTFDate(text)
    except pakru.DateSyntaxError as exc:
        error = exc
    if error is not None:
        event("DateSyntaxError")
        assert isinstance(error, ValueError)
        assert len(str(error)) < 1000
        return
    event("parsed")
    lo, hi = date.bounds()
    assert lo <= hi
    assert EDTFDate(date.edtf) == date
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest


# -- random lookups ------------------------------------------------------------------------------

LOOKUP_ERRORS = (pakru.QueryError, pakru.QueryTypeError, pakru.UnknownIdError)


@functools.cache
def _pool() -> list[str]:
    data = pakru.dataset()
    return sorted(
        {e.id for e in data}
        | {k for a in data.actors() for k in (a.id, a.name, *a.aliases)}
        | {s.id for s in data.sources()}
    )


@st.composite
def known_keys(draw: st.DrawFn) -> str:
    """An id, name or alias of the shipped data (read when drawn), perhaps altered."""
    key = draw(st.sampled_from(_pool()))
    how = draw(st.sampled_from(["as is", "upper", "padded", "cut", "typo"]))
    if how == "upper":
        return key.upper()
    if how == "padded":
        return f" {key} "
    if how == "cut":
        return key[: draw(st.integers(0, len(key)))]
    if how == "typo":
        at = draw(st.integers(0, len(key)))
        return key[:at] + draw(st.text(max_size=2)) + key[at + 1 :]
    return key


keys = st.one_of(
    known_keys(),
    known_keys(),
    st.text(max_size=30),
    st.none(),
    st.integers(),
    st.binary(max_size=4),
    st.lists(st.text(max_size=3), max_size=2),
    st.floats(),
)


@fuzz
@given(
    st.sampled_from(["event", "actor", "source", "resolve", "actors", "lineage", "tombstone"]),
    keys,
)
def test_random_lookups_give_a_record_or_a_documented_error(name: str, key: Any) -> None:
    data = pakru.dataset()
    lookup = (lambda k: data.tombstone("event", k)) if name == "tombstone" else getattr(data, name)
    error: Exception | None = None
    try:
        found = lookup(key)
    except LOOKUP_ERRORS as exc:
        error = exc
    if error is not None:
        event(type(error).__name__)
        assert str(error), "the error says what was wrong"
        return
    event("found" if found is not None else "None")
