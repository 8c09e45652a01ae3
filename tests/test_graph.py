"""The network export (GraphML, GEXF, networkx) and the state codes its nodes carry."""

from __future__ import annotations

import csv
import importlib.resources
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pakru
from pakru.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, graph_parts

nx = pytest.importorskip("networkx")


@pytest.fixture(scope="module")
def reference() -> object:
    return pakru.to_networkx()


def test_graphml_round_trips_through_networkx_with_every_attribute(
    tmp_path: Path, reference: object
) -> None:
    (path,) = pakru.export(None, "graphml", tmp_path)
    read = nx.read_graphml(path)
    assert isinstance(read, nx.DiGraph)
    assert dict(read.nodes(data=True)) == dict(reference.nodes(data=True))  # type: ignore[attr-defined]
    assert {(a, b): d for a, b, d in read.edges(data=True)} == {
        (a, b): d
        for a, b, d in reference.edges(data=True)  # type: ignore[attr-defined]
    }
    marks = {e.id: "possible" for e in pakru.dataset()}  # as for a windowed query
    nodes, _ = graph_parts(pakru.dataset(), pakru.actors(), marks)
    written = {name for _, attrs in nodes for name in attrs}
    assert written == {name for name, _ in NODE_ATTRIBUTES}
    ussr = read.nodes["actor:ussr"]
    assert (ussr["cow"], ussr["gw"], ussr["iso3"], ussr["kind"]) == (365, 365, "SUN", "state")


def test_gexf_loads_in_networkx_with_every_attribute(tmp_path: Path, reference: object) -> None:
    (path,) = pakru.export(None, "gexf", tmp_path)
    read = nx.read_gexf(path)
    assert read.number_of_nodes() == reference.number_of_nodes()  # type: ignore[attr-defined]
    assert read.number_of_edges() == reference.number_of_edges()  # type: ignore[attr-defined]
    for node, attrs in reference.nodes(data=True):  # type: ignore[attr-defined]
        assert read.nodes[node] == attrs
    for a, b, attrs in reference.edges(data=True):  # type: ignore[attr-defined]
        assert {k: v for k, v in read.edges[a, b].items() if k != "id"} == attrs


def test_the_graph_is_bipartite_actors_to_events_with_roles(reference: object) -> None:
    graph = reference
    event = pakru.event("1966-01-10-tashkent-declaration")
    into = graph.in_edges(f"event:{event.id}", data="role")  # type: ignore[attr-defined]
    roles = {a.removeprefix("actor:"): r for a, _, r in into}
    for p in event.participants:
        assert p.role in roles[p.actor].split()
    node = graph.nodes[f"event:{event.id}"]  # type: ignore[attr-defined]
    assert (node["date"], node["event_type"], node["bipartite"]) == (
        event.date.edtf,
        event.type,
        1,
    )
    assert all(
        graph.nodes[a]["node_type"] == "actor" and graph.nodes[b]["node_type"] == "event"  # type: ignore[attr-defined]
        for a, b in graph.edges  # type: ignore[attr-defined]
    )
    assert nx.is_bipartite(graph)


def test_the_command_line_writes_graphml_for_a_query(tmp_path: Path) -> None:
    from pakru.cli import main  # noqa: PLC0415

    assert main(["export", "--format", "graphml", "--out", str(tmp_path), "--actor", "ussr"]) == 0
    read = nx.read_graphml(tmp_path / "pakru.graphml")
    events = {n for n, t in read.nodes(data="node_type") if t == "event"}
    assert events == {f"event:{e.id}" for e in pakru.events(actor="ussr")}


def test_text_is_escaped_as_xml(tmp_path: Path) -> None:
    hostile = pakru.Dataset(
        events=(),
        actors=(pakru.Actor("odd", 'A & B <"Co">', "company"),),
        sources=(),
        data_version="0.0.0",
        digest="0" * 64,
        license="CC-BY-4.0",
        label="test",
    )
    for fmt in ("graphml", "gexf"):
        (path,) = pakru.export(hostile, fmt, tmp_path / fmt)
        ET.parse(path)  # noqa: S314 - well-formed; the file is the test's own
        read = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert read.nodes["actor:odd"]["label"] == 'A & B <"Co">'


def test_an_exported_query_is_a_subgraph(tmp_path: Path) -> None:
    found = pakru.events(actor="ussr", between=(1965, 1966))
    (path,) = found.export("graphml", tmp_path)
    read = nx.read_graphml(path)
    events = {n for n, t in read.nodes(data="node_type") if t == "event"}
    assert events == {f"event:{e.id}" for e in found}
    assert set(EDGE_ATTRIBUTES) == {("role", "string")}


# -- state codes ----------------------------------------------------------------------------

# Correlates of War state numbers (COW State System Membership List, v2016) and
# Gleditsch-Ward numbers (Gleditsch & Ward 1999, "A revised list of independent states
# since the congress of Vienna", International Interactions 25(4)) of the states in the
# data. No Python library holds COW numbers; the GW numbers are also checked against
# country-converter below. GW numbers equal COW numbers for every state listed here.
REFERENCE = {
    "ussr": ("SUN", 365, 365),
    "russia": ("RUS", 365, 365),
    "pakistan": ("PAK", 770, 770),
    "india": ("IND", 750, 750),
    "usa": ("USA", 2, 2),
    "afghanistan": ("AFG", 700, 700),
    "tajikistan": ("TJK", 702, 702),
    "iran": ("IRN", 630, 630),
    "united-kingdom": ("GBR", 200, 200),
    "france": ("FRA", 220, 220),
    "australia": ("AUS", 900, 900),
    "new-zealand": ("NZL", 920, 920),
    "philippines": ("PHL", 840, 840),
    "thailand": ("THA", 800, 800),
    "turkey": ("TUR", 640, 640),
    "iraq": ("IRQ", 645, 645),
    "cuba": ("CUB", 40, 40),
    "ireland": ("IRL", 205, 205),
    "china": ("CHN", 710, 710),
    "kazakhstan": ("KAZ", 705, 705),
    "kyrgyzstan": ("KGZ", 703, 703),
    "turkmenistan": ("TKM", 701, 701),
    "uzbekistan": ("UZB", 704, 704),
    "ukraine": ("UKR", 369, 369),
    "poland": ("POL", 290, 290),
    "saudi-arabia": ("SAU", 670, 670),
    "belarus": ("BLR", 370, 370),
    "canada": ("CAN", 20, 20),
    "qatar": ("QAT", 694, 694),
    "united-arab-emirates": ("ARE", 696, 696),
}


def test_state_codes_match_the_reference_lists() -> None:
    for state in pakru.actors("state"):
        if state.id in REFERENCE:
            assert (state.iso3, state.cow, state.gw) == REFERENCE[state.id], state.id
        else:  # a state added later must carry all three codes
            assert state.cow is not None, state.id
            assert state.gw is not None, state.id
    for actor in pakru.actors():
        if actor.kind != "state":
            assert (actor.iso3, actor.cow, actor.gw) == (None, None, None)


def test_gw_codes_match_country_converter() -> None:
    pytest.importorskip("country_converter")
    table = importlib.resources.files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as fh:
        rows = {r["ISO3"]: r["GWcode"] for r in csv.DictReader(fh, delimiter="\t")}
    checked = 0
    for state in pakru.actors("state"):
        known = rows.get(state.iso3 or "")
        if known:  # the former USSR has no row of its own
            assert state.gw == int(float(known)), state.id
            checked += 1
    assert checked >= len(pakru.actors("state")) - 1


def test_the_ussr_and_russia_are_separated_by_date() -> None:
    from pakru.panels import CODE_PERIODS  # noqa: PLC0415

    ussr, russia = pakru.actor("ussr"), pakru.actor("russia")
    assert ussr.successor == "russia"
    assert ussr.cow == russia.cow == ussr.gw == russia.gw == 365
    ussr_end, russia_start = CODE_PERIODS["ussr"][1], CODE_PERIODS["russia"][0]
    assert ussr_end is not None
    assert russia_start is not None
    assert (russia_start - ussr_end).days == 1


def test_gw_codes_reach_every_table_and_schema() -> None:
    assert "gw" in pakru.schema("actor")["$defs"]["actor"]["properties"]
    frame = pakru.to_pandas(table="actors")
    assert frame.set_index("id").loc["pakistan", "gw"] == 770
    from pakru.loader.records import actor_from_mapping  # noqa: PLC0415
    from pakru.loader.yamlsafe import load_yaml  # noqa: PLC0415

    problems: list[pakru.Problem] = []
    doc = load_yaml(b"- id: x\n  name: X\n  kind: person\n  gw: 1\n", "actors.yaml")
    assert actor_from_mapping(doc[0], "actors.yaml", problems) is None
    assert any("gw" in str(p) for p in problems)
