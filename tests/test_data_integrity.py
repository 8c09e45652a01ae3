"""The shipped data: ids, references, vocabularies, codes, and a historian's spot checks."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

import pakru
from pakru.corpus import Corpus, verify

PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "ACCUSE",
    "DEMAND",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
}


@pytest.fixture(scope="module")
def data() -> pakru.Dataset:
    return pakru.dataset()


def test_the_dataset_is_not_empty(data: pakru.Dataset) -> None:
    assert len(data) > 0
    assert data.actors()
    assert data.sources()
    assert data.data_version == pakru.DATA_VERSION
    assert data.license == "CC-BY-4.0"


def test_ids_are_unique(data: pakru.Dataset) -> None:
    for kind, found in (
        ("event", [e.id for e in data]),
        ("actor", [a.id for a in data.actors()]),
        ("source", [s.id for s in data.sources()]),
    ):
        repeated = [i for i, n in Counter(found).items() if n > 1]
        assert not repeated, f"repeated {kind} ids: {repeated}"


def test_actor_names_and_aliases_pick_out_one_actor(data: pakru.Dataset) -> None:
    owners: dict[str, str] = {}
    for actor in data.actors():
        for name in {actor.id, actor.name, *actor.aliases}:
            owner = owners.setdefault(name.casefold(), actor.id)
            assert owner == actor.id, f"{name!r} names both {owner} and {actor.id}"
            assert data.actor(name) == actor


def test_event_ids_are_date_led_slugs_matching_the_date(data: pakru.Dataset) -> None:
    for event in data:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?-[a-z0-9]+(?:-[a-z0-9]+)*", event.id)
        assert m, event.id
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        lo = dt.date(year, month or 1, day or 1)
        if day:
            hi = lo
        elif month:
            hi = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            hi = dt.date(year, 12, 31)
        earliest = event.date.earliest or dt.date.min
        latest = event.date.latest or dt.date.max
        assert earliest <= hi, f"{event.id} does not fit {event.date}"
        assert latest >= lo, f"{event.id} does not fit {event.date}"


def test_every_reference_resolves(data: pakru.Dataset) -> None:
    actor_ids = {a.id for a in data.actors()}
    source_ids = {s.id for s in data.sources()}
    for event in data:
        for part in event.participants:
            assert part.actor in actor_ids, f"{event.id}: unknown actor {part.actor}"
            assert part.role in pakru.ROLES, f"{event.id}: unknown role {part.role}"
        for ev in event.evidence:
            assert ev.source in source_ids, f"{event.id}: unknown source {ev.source}"
        for dispute in event.disputes:
            for claim in dispute.claims:
                assert claim.source in event.sources, f"{event.id}: claim cites {claim.source}"
    for actor in data.actors():
        for link in (actor.predecessor, actor.successor):
            assert link is None or link in actor_ids
        for office in actor.offices:
            assert office.of is None or office.of in actor_ids


def test_every_event_has_evidence_and_participants(data: pakru.Dataset) -> None:
    for event in data:
        assert event.evidence, event.id
        assert event.participants, event.id
        assert event.title.strip()
        assert event.summary.strip()


def test_evidence_spans_fit_their_sources(data: pakru.Dataset) -> None:
    for event in data:
        for ev in event.evidence:
            source = data.source(ev.source)
            assert 0 <= ev.start < ev.end <= source.length, (event.id, ev)
            assert 1 <= ev.paragraph <= source.paragraphs, (event.id, ev)
            assert re.fullmatch(r"[0-9a-f]{64}", ev.sha256)


def test_disputes_have_at_most_one_accepted_claim(data: pakru.Dataset) -> None:
    for event in data:
        for dispute in event.disputes:
            assert len(dispute.claims) >= 2
            statuses = [c.status for c in dispute.claims]
            assert statuses.count("accepted") <= 1
            assert dispute.resolution.strip()


def test_event_types_map_to_plover_and_cameo(data: pakru.Dataset) -> None:
    for type_id, entry in pakru.EVENT_TYPES.items():
        assert entry.id == type_id
        # None is the explicit "no equivalent"; a mode needs a PLOVER type to qualify.
        assert entry.plover is None or entry.plover in PLOVER, f"{type_id}: {entry.plover}"
        assert entry.plover is not None or entry.plover_mode is None, type_id
        if entry.cameo is None:
            assert entry.cameo_root is None
            continue
        assert re.fullmatch(r"\d{3,4}", entry.cameo), f"{type_id}: CAMEO {entry.cameo!r}"
        assert 1 <= int(entry.cameo[:2]) <= 20, f"{type_id}: CAMEO root of {entry.cameo}"
        assert entry.cameo_root == entry.cameo[:2]
    for event in data:
        assert event.type in pakru.EVENT_TYPES, event.id


def test_plover_and_cameo_agree_on_fighting() -> None:
    # Spot checks of the crosswalk: war is FIGHT/19x, a visit CONSULT/04x, an agreement 05x.
    assert pakru.EVENT_TYPES["war"].plover == "FIGHT"
    assert pakru.EVENT_TYPES["war"].cameo_root == "19"
    assert pakru.EVENT_TYPES["visit"].plover == "CONSULT"
    assert pakru.EVENT_TYPES["visit"].cameo_root == "04"
    assert pakru.EVENT_TYPES["agreement"].cameo_root == "05"
    # Periods and standing disputes have no equivalent in either scheme, and say so.
    assert pakru.EVENT_TYPES["era"].plover is None
    assert pakru.EVENT_TYPES["territorial-dispute"].cameo_root is None
    assert pakru.EVENT_TYPES["publication"].cameo_root == "01"


def test_states_carry_valid_iso_codes(data: pakru.Dataset) -> None:
    states = data.actors("state")
    assert states
    for state in states:
        assert state.iso3 is not None, state.id
        current = pycountry.countries.get(alpha_3=state.iso3)
        former = pycountry.historic_countries.get(alpha_3=state.iso3)
        assert current is not None or former is not None, f"{state.id}: {state.iso3}"
        if state.successor is not None:
            assert former is not None, f"{state.id} has a successor, so is a former state"
        if state.cow is not None:
            assert 1 <= state.cow <= 999
    for actor in data.actors():
        if actor.kind != "state":
            assert actor.iso3 is None
            assert actor.cow is None


def test_ussr_is_the_former_soviet_union() -> None:
    ussr = pakru.actor("ussr")
    assert ussr.iso3 == "SUN"
    historic = pycountry.historic_countries.get(alpha_3="SUN")
    assert historic is not None
    assert "Soviet" in historic.name
    assert pycountry.countries.get(alpha_3="SUN") is None
    assert pakru.actor("russia").iso3 == "RUS"
    assert pakru.actor("pakistan").iso3 == "PAK"


def test_succession_links_are_symmetric(data: pakru.Dataset) -> None:
    assert pakru.actor("ussr").successor == "russia"
    assert pakru.actor("russia").predecessor == "ussr"
    for actor in data.actors():
        if actor.successor is not None:
            assert data.actor(actor.successor).predecessor == actor.id
        if actor.predecessor is not None:
            assert data.actor(actor.predecessor).successor == actor.id


def test_offices_are_date_intervals_in_order(data: pakru.Dataset) -> None:
    for person in data.actors("person"):
        for office in person.offices:
            assert office.date.earliest is not None, (person.id, office)
            if office.date.latest is not None:
                assert office.date.earliest <= office.date.latest


# -- a historian's spot checks -----------------------------------------------------------------


def test_tashkent_declaration() -> None:
    event = pakru.event("1966-01-10-tashkent-declaration")
    assert event.date.edtf == "1966-01-10"
    assert event.date.precision is pakru.Precision.DAY
    assert event.date.earliest == event.date.latest == dt.date(1966, 1, 10)
    assert event.type == "agreement"
    mediators = {p.actor for p in event.participants if p.role == "mediator"}
    assert "ussr" in mediators
    assert {"pakistan", "india"} <= set(event.actors)
    assert "ussr" not in {p.actor for p in event.participants if p.role == "signatory"}


def test_musharraf_kremlin_talks_date_dispute() -> None:
    event = pakru.event("2003-02-05-musharraf-visits-moscow")
    assert event.date.edtf == "2003-02-05"
    assert {"pakistan", "russia"} <= set(event.actors)
    assert "ussr" not in event.actors, "in 2003 the host is the Russian Federation"
    (dispute,) = [d for d in event.disputes if d.field == "date"]
    by_value = {c.value: c for c in dispute.claims}
    assert by_value["2002"].status == "rejected"
    accepted = [c for c in dispute.claims if c.status == "accepted"]
    assert [c.value for c in accepted] == [event.date.edtf]
    for claim in dispute.claims:
        assert claim.source in event.sources


def test_soviet_afghan_war_spans_the_decade() -> None:
    war = pakru.event("1979-soviet-afghan-war")
    assert war.date.edtf == "1979-12/1989-02-15"
    assert war.type == "war"
    assert "ussr" in war.actors
    assert "russia" not in war.actors


def test_soviet_and_russian_eras_do_not_mix(data: pakru.Dataset) -> None:
    end_of_ussr = dt.date(1991, 12, 26)
    for event in data:
        if "ussr" in event.actors and event.date.earliest is not None:
            assert event.date.earliest < end_of_ussr, event.id
        if "russia" in event.actors and event.date.latest is not None:
            assert event.date.latest >= end_of_ussr, event.id


# -- against the corpus ----------------------------------------------------------------------


def test_evidence_and_sources_match_the_corpus(corpus_dir: Path, data: pakru.Dataset) -> None:
    corpus = Corpus(corpus_dir)
    mismatches = verify(data, corpus)
    assert mismatches == [], "\n".join(map(str, mismatches[:20]))


def test_evidence_spans_lie_inside_their_paragraph(corpus_dir: Path, data: pakru.Dataset) -> None:
    from pakru.corpus import digest, paragraphs  # noqa: PLC0415

    corpus = Corpus(corpus_dir)
    for event in data:
        for ev in event.evidence:
            text = corpus.text(data.source(ev.source).document)
            spans = paragraphs(text)
            p0, p1 = spans[ev.paragraph - 1]
            assert p0 <= ev.start < ev.end <= p1, (event.id, ev)
            passage = text[ev.start : ev.end]
            assert "\n" not in passage
            assert passage == passage.strip(), (event.id, ev)
            assert digest(passage) == ev.sha256
