"""networkx graph -> one self-contained, offline HTML page drawn with pyvis's vis-network.

The page holds everything it needs: vis-network 9.1.2 and its CSS as shipped inside
pyvis (what pyvis's `cdn_resources="in_line"` mode inlines), the viewer's own script and
styles, and the graph as JSON in a `<script type="application/json">` block. pyvis's own
template is not used: it links Bootstrap from a CDN, embeds the data as JavaScript source
and sets tooltips through `innerHTML`.

Safety: article text is untrusted. It reaches the page only inside that JSON block, with
`<`, `>`, `&`, U+2028 and U+2029 written as `\\uXXXX` escapes, so no string can close the
script element; the viewer script turns it into DOM text nodes (`textContent`), never
markup. A Content-Security-Policy allows only the page's own scripts (by hash) and no
network access at all.

Output is deterministic: nodes and edges sorted, positions seeded and rounded, JSON with
sorted keys, no timestamps and no random element ids.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from ..records import Polarity
from .layout import compute_positions
from .network import ROLE_LABELS, VIEWS, articles
from .style import (
    ACTOR_LINK_STYLE,
    ACTOR_STYLES,
    CONDITION_MARKERS,
    CONDITION_STYLE,
    EDGE_STYLES,
    NEGATIVE_BORDER,
    NEGATIVE_MARK,
    STATUS_STYLES,
    node_style,
)

LABEL_MAX = 60
"""Longest commitment or condition label drawn on the canvas; the panel shows it all."""

BIG_GRAPH = 600
"""Above this many nodes the page hides edges while dragging or zooming, to stay fluid."""

VIS_DIR = "lib/vis-9.1.2"
"""Where pyvis 0.3.2 keeps the vis-network build it inlines."""


def embed_json(value: object) -> str:
    """Give `value` as JSON that is safe to place verbatim inside an HTML <script> element.

    `<`, `>` and `&` can only occur inside JSON strings, where `\\u003c`, `\\u003e` and
    `\\u0026` mean the same; escaping them means no `</script>` or `<!--` can appear.
    U+2028 and U+2029 are escaped too (they end lines in older JavaScript parsers), and
    non-ASCII text is escaped throughout, so lone surrogates cannot make invalid UTF-8.
    """
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def render_html(graph: nx.MultiDiGraph, *, view: str = "full", title: str | None = None) -> bytes:
    """Give the viewer page of `graph` (a graph from `dataset_to_graph`) as UTF-8 bytes."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
    from pyvis.network import Network

    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    infos = articles(graph)
    page_title = title or (
        f"kgbuild: {infos[0].title}" if len(infos) == 1 else f"kgbuild: {len(infos)} articles"
    )
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    positions = compute_positions(graph)
    # Assigned directly: pyvis's add_node/add_edge check for duplicates in lists and take
    # quadratic time (minutes at 10,000 nodes).
    net.nodes = [_vis_node(node, attrs, positions[node]) for node, attrs in graph.nodes(data=True)]
    net.edges = _vis_edges(graph)
    net.options = _options(graph.number_of_nodes())
    data = {
        "title": page_title,
        "view": view,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "articles": [{"iri": a.iri, "title": a.title, "date": a.date} for a in infos],
        "statuses": [
            {"name": name, "label": s.label, "fill": s.fill, "border": s.border}
            for name, s in STATUS_STYLES.items()
        ],
        "style": {"actorLink": ACTOR_LINK_STYLE.color},
    }
    vis_dir = Path(net.template_dir) / VIS_DIR
    assets = files(__package__) / "assets"
    scripts = [
        (vis_dir / "vis-network.min.js").read_text(encoding="utf-8"),
        assets.joinpath("viewer.js").read_text(encoding="utf-8"),
    ]
    env = Environment(
        loader=PackageLoader(__package__, "assets"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    html = env.get_template("viewer.html").render(
        title=page_title,
        csp=_content_security_policy(scripts),
        styles=[
            (vis_dir / "vis-network.css").read_text(encoding="utf-8"),
            assets.joinpath("viewer.css").read_text(encoding="utf-8"),
        ],
        scripts=scripts,
        data_json=embed_json(data),
        legend=_legend(),
        view=view,
    )
    return html.encode("utf-8")


def _content_security_policy(scripts: list[str]) -> str:
    """Give a CSP that runs only these inline scripts and fetches nothing from anywhere."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _truncate(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vis_node(node: str, attrs: dict[str, Any], position: tuple[int, int]) -> dict[str, Any]:
    """Give the vis-network node of one graph node; its attributes ride along in `attrs`."""
    kind = attrs["kind"]
    style = node_style(kind, attrs)
    negative = kind == "commitment" and attrs.get("polarity") == Polarity.NEGATIVE.value
    label = str(attrs.get("label", ""))
    if kind == "commitment":
        label = (NEGATIVE_MARK if negative else "") + _truncate(label)
    elif kind == "condition":
        marker = CONDITION_MARKERS.get(str(attrs.get("condition_type", "")), "")
        label = _truncate(f"{marker} {label}".strip())
    border = NEGATIVE_BORDER if negative else style.border
    vis: dict[str, Any] = {
        "id": node,
        "label": label,
        "kind": kind,
        "attrs": dict(attrs),
        "x": position[0],
        "y": position[1],
        "shape": style.shape,
        "color": {
            "background": style.fill,
            "border": border,
            "highlight": {"background": style.fill, "border": "#000000"},
            "hover": {"background": style.fill, "border": "#000000"},
        },
        "font": {"color": style.font},
        "borderWidth": 3 if negative else 1.5,
    }
    if kind == "actor":
        vis["size"] = 16
        vis["font"] = {"color": "#212121", "size": 15, "strokeWidth": 4, "strokeColor": "#FFFFFF"}
    else:
        vis["widthConstraint"] = {"maximum": 180}
    if negative:
        vis["shapeProperties"] = {"borderDashes": [6, 3]}
    return vis


def _vis_edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Give the vis-network edges: one per pair of nodes, labelled with all its roles.

    An actor both debtor and stated-by of a commitment gets one edge "debtor · stated
    by" rather than two lines drawn on top of each other; it is drawn in the style of its
    first role in `EDGE_STYLES` order.
    """
    order = {role: i for i, role in enumerate(EDGE_STYLES)}
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for u, v, role in graph.edges(keys=True):
        pairs[u, v].append(role)
    edges = []
    for i, ((u, v), found) in enumerate(sorted(pairs.items())):
        roles = sorted(found, key=order.__getitem__)
        style = EDGE_STYLES[roles[0]]
        edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "roles": roles,
                "label": " · ".join(ROLE_LABELS[r] for r in roles),
                "color": {"color": style.color, "highlight": style.color, "hover": style.color},
                "dashes": list(style.dashes) if style.dashes else False,
            }
        )
    return edges


def _options(n_nodes: int) -> dict[str, Any]:
    """Give vis-network options: physics off (positions come from Python), fixed seed."""
    big = n_nodes > BIG_GRAPH
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
        "nodes": {
            "font": {"size": 13, "face": "system-ui, -apple-system, Segoe UI, sans-serif"},
            "margin": 8,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "smooth": False,
            "width": 1.4,
            "selectionWidth": 1.5,
            "font": {
                "size": 11,
                "color": "#546E7A",
                "strokeWidth": 3,
                "strokeColor": "#FFFFFF",
                # Horizontal, not "middle": vis-network 9.1.2 draws some rotated labels
                # of short edges upside down at the canvas origin.
                "align": "horizontal",
            },
        },
    }


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One line of the legend: what is drawn (shape or line), its colours, what it means."""

    text: str
    shape: str
    fill: str
    border: str
    dashes: str = ""


def _legend() -> dict[str, list[LegendItem]]:
    """Give the legend's sections, built from the same tables that style the graph."""
    return {
        "Actors": [LegendItem(s.label, s.shape, s.fill, s.border) for s in ACTOR_STYLES.values()],
        "Commitments by status (weakest to strongest)": [
            LegendItem(s.label, "box", s.fill, s.border) for s in STATUS_STYLES.values()
        ],
        "Other nodes": [
            LegendItem(
                "Negative: ✗ and dashed red border (will NOT do it)",
                "box-dashed",
                "#FFFFFF",
                NEGATIVE_BORDER,
            ),
            LegendItem(
                "Condition (once / if / so long as / unless …)",
                "ellipse",
                CONDITION_STYLE.fill,
                CONDITION_STYLE.border,
            ),
        ],
        "Edges (commitment → actor, person → state, member → group)": [
            LegendItem(
                ROLE_LABELS[role], "line", "none", s.color, " ".join(str(d) for d in s.dashes)
            )
            for role, s in EDGE_STYLES.items()
        ],
        "Actors view": [
            LegendItem(
                "debtor → beneficiary; width and label: commitments",
                "line",
                "none",
                ACTOR_LINK_STYLE.color,
            )
        ],
    }
