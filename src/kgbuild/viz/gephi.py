"""networkx graph -> GraphML and GEXF bytes for Gephi, yEd and Cytoscape, byte-stable.

networkx writes both formats; two things are fixed here. GraphML edge ids come from
multigraph keys, which are roles ("debtor") and so repeat, and Gephi drops edges whose id
it has seen: edges are renumbered `e0`, `e1`, ... with the role kept as an attribute.
GEXF carries a `lastmodifieddate` of today and the networkx version: both are dropped
(the creator is "kgbuild"), so the same graph always gives the same bytes. GEXF also gets
each node's colour, shape, size and position from the viewer, so Gephi opens it looking
like the page.
"""

from __future__ import annotations

import io

import networkx as nx

from .layout import compute_positions
from .style import ACTOR_LINK_STYLE, EDGE_STYLES, hex_to_rgb, node_style

_GEXF_SHAPES = {"dot": "disc", "diamond": "diamond", "triangle": "triangle", "box": "square"}


def _renumbered(graph: nx.MultiDiGraph | nx.DiGraph) -> nx.MultiDiGraph | nx.DiGraph:
    """Give a copy of a multigraph whose edge keys are unique ids `e0`, `e1`, ..."""
    if not graph.is_multigraph():
        return graph
    copy = nx.MultiDiGraph()
    copy.graph.update(graph.graph)
    copy.add_nodes_from(graph.nodes(data=True))
    for i, (u, v, data) in enumerate(graph.edges(data=True)):
        copy.add_edge(u, v, key=f"e{i}", **data)
    return copy


def graphml_bytes(graph: nx.MultiDiGraph | nx.DiGraph) -> bytes:
    """Give `graph` as GraphML, attribute keys named after the attributes."""
    buffer = io.BytesIO()
    nx.write_graphml(
        _renumbered(graph), buffer, encoding="utf-8", prettyprint=True, named_key_ids=True
    )
    return buffer.getvalue()


def gexf_bytes(
    graph: nx.MultiDiGraph | nx.DiGraph, positions: dict[str, tuple[int, int]] | None = None
) -> bytes:
    """Give `graph` as GEXF 1.2 with the viewer's colours, shapes and positions.

    `positions` default to the viewer's layout of `graph`; y is flipped because Gephi's
    y axis points up and the page's down.
    """
    from networkx.readwrite.gexf import GEXFWriter

    where = positions if positions is not None else compute_positions(graph)
    styled = graph.copy()
    for node, attrs in styled.nodes(data=True):
        style = node_style(str(attrs.get("kind", "")), attrs)
        r, g, b = hex_to_rgb(style.fill)
        x, y = where.get(node, (0, 0))
        attrs["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "position": {"x": float(x), "y": float(-y), "z": 0.0},
            "size": 12.0 if attrs.get("kind") == "actor" else 8.0,
            "shape": _GEXF_SHAPES.get(style.shape, "disc"),
        }
    for *_, attrs in styled.edges(data=True):
        color = EDGE_STYLES[attrs["role"]].color if "role" in attrs else ACTOR_LINK_STYLE.color
        r, g, b = hex_to_rgb(color)
        attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "kgbuild"
    writer.add_graph(styled)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
