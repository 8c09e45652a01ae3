"""Who did what with whom, as a network: GraphML, GEXF and networkx.

The graph is **bipartite**: one node per actor and one per event, and one directed edge
from each participating actor to the event, carrying the actor's role. An event with
several participants is kept whole (a treaty's three signatories and its mediator stay
one event, not six pairwise edges), the roles are not lost, and the actor–actor network
of any kind is one projection away (``networkx.bipartite.projected_graph``). An actor
with two roles in one event has one edge whose ``role`` lists both, separated by a space.

Node ids are ``actor:<id>`` and ``event:<id>``. Attributes:

- every node: ``node_type`` (``actor`` or ``event``), ``label`` (the actor's name or the
  event's title) and ``bipartite`` (0 for actors, 1 for events, networkx's convention);
- actors: ``kind``, and for states ``iso3``, ``cow`` and ``gw`` (integers);
- events: ``date`` (EDTF), ``earliest`` and ``latest`` (ISO days; absent where the date is
  open), ``event_type``, ``plover`` and ``quad`` (the PLOVER quad class);
- edges: ``role``.

A missing value is left out, not written empty. GraphML and GEXF (1.2) are written with
the standard library's XML writer, so the export needs no extra; ``to_networkx`` needs
the ``networkx`` extra.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pakru.fileio import write_file
from pakru.quads import quad_of
from pakru.vocabulary import EVENT_TYPES

if TYPE_CHECKING:
    from pakru.exports import Selection
    from pakru.model import Actor, Event

__all__ = [
    "EDGE_ATTRIBUTES",
    "GEXF_FILE",
    "GRAPHML_FILE",
    "NODE_ATTRIBUTES",
    "graph_parts",
    "to_networkx",
    "write_gexf",
    "write_graphml",
]

GRAPHML_FILE = "pakru.graphml"
GEXF_FILE = "pakru.gexf"

#: Node attributes and their types (GraphML's names: ``string``, ``int``).
NODE_ATTRIBUTES = (
    ("node_type", "string"),
    ("label", "string"),
    ("bipartite", "int"),
    ("kind", "string"),
    ("iso3", "string"),
    ("cow", "int"),
    ("gw", "int"),
    ("date", "string"),
    ("earliest", "string"),
    ("latest", "string"),
    ("event_type", "string"),
    ("plover", "string"),
    ("quad", "string"),
    ("match", "string"),
)
#: Edge attributes and their types.
EDGE_ATTRIBUTES = (("role", "string"),)

Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, dict[str, Any]]


def _actor_node(actor: Actor) -> Node:
    attrs: dict[str, Any] = {
        "node_type": "actor",
        "label": actor.name,
        "bipartite": 0,
        "kind": actor.kind,
        "iso3": actor.iso3,
        "cow": actor.cow,
        "gw": actor.gw,
    }
    return f"actor:{actor.id}", {k: v for k, v in attrs.items() if v is not None}


def _event_node(event: Event, match: str | None = None) -> Node:
    earliest, latest = event.date.earliest, event.date.latest
    attrs: dict[str, Any] = {
        "node_type": "event",
        "label": event.title,
        "bipartite": 1,
        "date": event.date.edtf,
        "earliest": None if earliest is None else earliest.isoformat(),
        "latest": None if latest is None else latest.isoformat(),
        "event_type": event.type,
        "plover": EVENT_TYPES[event.type].plover,
        "quad": quad_of(event.type),
        "match": match,
    }
    return f"event:{event.id}", {k: v for k, v in attrs.items() if v is not None}


def graph_parts(
    events: Iterable[Event],
    actors: Iterable[Actor],
    matches: Mapping[str, str] | None = None,
) -> tuple[list[Node], list[Edge]]:
    """The nodes (actors, then events) and edges (actor to event, with roles).

    ``matches`` (event id: ``"certain"``/``"possible"``) gives event nodes a ``match``.
    """
    nodes = [_actor_node(a) for a in actors]
    edges: list[Edge] = []
    for event in events:
        nodes.append(_event_node(event, None if matches is None else matches.get(event.id)))
        roles: dict[str, list[str]] = {}
        for p in event.participants:
            roles.setdefault(p.actor, []).append(p.role)
        edges.extend(
            (f"actor:{a}", f"event:{event.id}", {"role": " ".join(r)}) for a, r in roles.items()
        )
    return nodes, edges


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _write(root: ET.Element, path: Path) -> Path:
    ET.indent(root)
    tree = ET.ElementTree(root)
    return write_file(path, lambda fh: tree.write(fh, encoding="utf-8", xml_declaration=True))


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(sel: Selection, out: Path) -> list[Path]:
    """``pakru.graphml``: the graph of a selection in GraphML."""
    nodes, edges = graph_parts(sel.events, sel.actors, sel.matches)
    root = ET.Element("graphml", {"xmlns": _GRAPHML_NS})
    for scope, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        for name, kind in attributes:
            ET.SubElement(
                root,
                "key",
                {"id": f"{scope}_{name}", "for": scope, "attr.name": name, "attr.type": kind},
            )
    graph = ET.SubElement(root, "graph", {"id": "pakru", "edgedefault": "directed"})
    for ident, attrs in nodes:
        node = ET.SubElement(graph, "node", {"id": ident})
        for name, value in attrs.items():
            ET.SubElement(node, "data", {"key": f"node_{name}"}).text = _text(value)
    for source, target, attrs in edges:
        edge = ET.SubElement(graph, "edge", {"source": source, "target": target})
        for name, value in attrs.items():
            ET.SubElement(edge, "data", {"key": f"edge_{name}"}).text = _text(value)
    return [_write(root, out / GRAPHML_FILE)]


_GEXF_NS = "http://www.gexf.net/1.2draft"
_GEXF_TYPES = {"string": "string", "int": "integer"}


def write_gexf(sel: Selection, out: Path) -> list[Path]:
    """``pakru.gexf``: the graph of a selection in GEXF 1.2, as Gephi reads it."""
    nodes, edges = graph_parts(sel.events, sel.actors, sel.matches)
    root = ET.Element("gexf", {"xmlns": _GEXF_NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "pakru"
    ET.SubElement(
        meta, "description"
    ).text = f"pakru data {sel.origin.data_version}: actors and events, {sel.origin.license}"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    for scope, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        declared = ET.SubElement(graph, "attributes", {"class": scope, "mode": "static"})
        for name, kind in attributes:
            if name == "label":  # GEXF has its own label
                continue
            ET.SubElement(
                declared, "attribute", {"id": name, "title": name, "type": _GEXF_TYPES[kind]}
            )
    node_list = ET.SubElement(graph, "nodes")
    for ident, attrs in nodes:
        node = ET.SubElement(node_list, "node", {"id": ident, "label": attrs["label"]})
        values = ET.SubElement(node, "attvalues")
        for name, value in attrs.items():
            if name != "label":
                ET.SubElement(values, "attvalue", {"for": name, "value": _text(value)})
    edge_list = ET.SubElement(graph, "edges")
    for i, (source, target, attrs) in enumerate(edges):
        edge = ET.SubElement(edge_list, "edge", {"id": f"e{i}", "source": source, "target": target})
        values = ET.SubElement(edge, "attvalues")
        for name, value in attrs.items():
            ET.SubElement(values, "attvalue", {"for": name, "value": _text(value)})
    return [_write(root, out / GEXF_FILE)]


def to_networkx(sel: Selection) -> Any:
    """The graph of a selection as a ``networkx.DiGraph`` (needs the ``networkx`` extra)."""
    from pakru.errors import require_extra  # noqa: PLC0415

    nx = require_extra("networkx", "networkx", "to_networkx()")
    header = sel.header
    header.pop("matches", None)  # each event node carries its own match
    graph = nx.DiGraph(**header)
    nodes, edges = graph_parts(sel.events, sel.actors, sel.matches)
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph
