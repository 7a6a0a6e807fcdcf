"""Node positions for the viewer, computed once in Python so the page never runs physics.

A force layout of every node costs seconds at 2,000 nodes and scatters each commitment
far from its actors. Instead the layout has two levels:

1. the *actor skeleton* (actors linked by the commitments they share, and by acts-for and
   member-of) is laid out with networkx, one connected component at a time: Kamada-Kawai
   for small components, a seeded spring layout for large ones;
2. each commitment sits near the actors it involves (in a sunflower around their centroid,
   or in a ring around a lone actor), and each condition just below its commitment.

A component's skeleton is first scaled up until it has room for all its label boxes;
overlap removal then pushes apart boxes that landed on each other (spreading the whole
component a little while many are jammed), and the components are packed in rows,
largest first. The actor-to-actor view reuses the actors'
positions, so switching views keeps everyone in place. Everything is seeded and sorted:
the same graph always gives the same integer positions.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np
from numpy.typing import NDArray

SEED = 20250904
ACTOR_SPACING = 320.0
"""Typical distance in pixels between two linked actors."""
RING_RADIUS = 150.0
"""Distance from a lone actor to the first commitment around it."""
CELL_AREA = 95.0 * 70.0
"""Area a commitment box takes up in a sunflower."""
CONDITION_STEP = 60.0
"""Distance from a commitment down to its condition, and between its conditions."""
FILL = 0.35
"""Share of a component's area its boxes may cover before the skeleton is spread out."""
EXPANSION = 1.03
"""How much a jammed component spreads per round of overlap removal."""
JAM_SHARE = 0.1
"""A component is jammed while it has more overlapping pairs than this share of its nodes."""
SEPARATION_ROUNDS = 40
"""Most rounds of overlap removal; most graphs are clear after a few."""
CHAR_WIDTH = 7.0
"""Average width in pixels of a label character (13 px sans-serif)."""
BOX_MAX_WIDTH = 180.0
"""Widest a commitment or condition label grows before it wraps (the page's widthConstraint)."""
MARGIN = 14.0
"""Room kept free around every node's box."""
COMPONENT_GAP = 60.0
KAMADA_KAWAI_MAX = 150
"""Largest skeleton component laid out with Kamada-Kawai (O(n²) memory, slow beyond)."""
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))

Point = NDArray[np.float64]


def compute_positions(graph: nx.DiGraph) -> dict[str, tuple[int, int]]:
    """Give an integer (x, y) in pixels for every node of a viewer graph (either view)."""
    if graph.number_of_nodes() == 0:
        return {}
    kinds = dict(graph.nodes(data="kind"))
    anchors_of = _anchors(graph, kinds)
    skeleton = _skeleton(graph, kinds, anchors_of)
    boxes = {node: _box(attrs) for node, attrs in graph.nodes(data=True)}
    owner = {node: anchors[0] for node, anchors in anchors_of.items()}
    hanging_on: dict[str, list[str]] = defaultdict(list)
    for node in owner:
        root = _root(node, owner)
        if root != node:
            hanging_on[root].append(node)
    blocks = []
    for component in _components(skeleton):
        local = _skeleton_layout(skeleton.subgraph(component))
        # Nodes placed in this component: its skeleton plus what hangs on it (a condition
        # hangs on a commitment, which hangs on an actor).
        hanging = [n for m in component for n in hanging_on[m]]
        _spread(local, [boxes[n] for n in (*component, *hanging)])
        _place_satellites(graph, kinds, anchors_of, component, local)
        placed = {n: local[n] for n in sorted(local)}
        blocks.append((_separate(placed, boxes), boxes))
    placed = _pack(blocks)
    return {node: (round(x), round(y)) for node, (x, y) in sorted(placed.items())}


def _root(node: str, owner: dict[str, str]) -> str:
    """Give the skeleton node that `node` ultimately hangs on."""
    while node in owner and owner[node] != node:
        node = owner[node]
    return node


def _spread(skeleton: dict[str, Point], boxes: list[tuple[float, float]]) -> None:
    """Scale a component's skeleton up, in place, until its area can hold all its boxes.

    Busy actors bring many commitments; below FILL the separation pass can clear overlaps
    in a few rounds, above it the drawing stays a pile.
    """
    if len(skeleton) < 2:
        return
    xy = np.array(list(skeleton.values()))
    width, height = xy.max(axis=0) - xy.min(axis=0) + ACTOR_SPACING
    needed = sum(w * h for w, h in boxes) / FILL
    if needed > width * height:
        factor = math.sqrt(needed / (width * height))
        for node in skeleton:
            skeleton[node] = skeleton[node] * factor


def _anchors(graph: nx.DiGraph, kinds: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Give, for each commitment and condition, the nodes it is placed around.

    A commitment is placed around its actors, a condition around its commitments; a node
    with nothing to be placed around is its own anchor (a skeleton node).
    """
    anchors: dict[str, tuple[str, ...]] = {}
    for node, kind in kinds.items():
        if kind == "commitment":
            neighbours = set(graph.successors(node)) | set(graph.predecessors(node))
            actors = tuple(sorted(n for n in neighbours if kinds[n] == "actor"))
            anchors[node] = actors or (node,)
        elif kind == "condition":
            owners = tuple(sorted(n for n in graph.predecessors(node) if kinds[n] != "condition"))
            anchors[node] = owners or (node,)
    return anchors


def _skeleton(
    graph: nx.DiGraph, kinds: dict[str, str], anchors_of: dict[str, tuple[str, ...]]
) -> nx.Graph:
    """Give the graph of actors (and orphan nodes) weighted by how much links them."""
    skeleton = nx.Graph()
    skeleton.add_nodes_from(sorted(n for n, k in kinds.items() if k == "actor"))
    skeleton.add_nodes_from(sorted(n for n, a in anchors_of.items() if a == (n,)))
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for node, anchors in anchors_of.items():
        if kinds[node] == "commitment" and anchors != (node,):
            for i, a in enumerate(anchors):
                for b in anchors[i + 1 :]:
                    weights[a, b] += 1
    # Actor-to-actor edges: acts-for and member-of here, debtor -> beneficiary pairs in
    # the actor view's graph.
    for u, v in graph.edges():
        if kinds[u] == "actor" and kinds[v] == "actor" and u != v:
            weights[min(u, v), max(u, v)] += 1
    for (u, v), w in sorted(weights.items()):
        skeleton.add_edge(u, v, weight=float(w))
    return skeleton


def _components(skeleton: nx.Graph) -> list[list[str]]:
    components = [sorted(c) for c in nx.connected_components(skeleton)]
    return sorted(components, key=lambda c: (-len(c), c[0]))


def _skeleton_layout(sub: nx.Graph) -> dict[str, Point]:
    """Lay out one connected component of the skeleton, scaled to pixels."""
    nodes = sorted(sub.nodes)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: np.zeros(2)}
    if n == 2:
        half = ACTOR_SPACING / 2
        return {nodes[0]: np.array([-half, 0.0]), nodes[1]: np.array([half, 0.0])}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(sub.edges(data=True)))
    if n <= KAMADA_KAWAI_MAX:
        start = nx.circular_layout(ordered)
        raw = nx.kamada_kawai_layout(ordered, pos=start, weight=None)
    else:
        raw = nx.spring_layout(ordered, seed=SEED, weight="weight", iterations=60)
    # Both layouts fit the component into [-1, 1]²; n nodes spread over that square sit
    # about 2/sqrt(n) apart, so this scale puts linked actors about ACTOR_SPACING apart.
    scale = ACTOR_SPACING * math.sqrt(n) / 2.0
    return {node: np.asarray(raw[node], dtype=np.float64) * scale for node in nodes}


def _place_satellites(
    graph: nx.DiGraph,
    kinds: dict[str, str],
    anchors_of: dict[str, tuple[str, ...]],
    component: Sequence[str],
    positions: dict[str, Point],
) -> None:
    """Add positions for the commitments and conditions anchored in one component."""
    members = set(component)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for node, anchors in sorted(anchors_of.items()):
        if kinds[node] == "commitment" and anchors != (node,) and anchors[0] in members:
            groups[anchors].append(node)
    for anchors, commitments in sorted(groups.items()):
        centre = np.mean([positions[a] for a in anchors], axis=0)
        hole = RING_RADIUS if len(anchors) == 1 else 0.0
        for k, node in enumerate(commitments):
            positions[node] = centre + _sunflower(k, hole)
    conditions: dict[str, list[str]] = defaultdict(list)
    for node, anchors in sorted(anchors_of.items()):
        if kinds[node] == "condition" and anchors != (node,) and anchors[0] in positions:
            conditions[anchors[0]].append(node)
    # Conditions hang below their commitment: labels are wide and short, so stacking
    # them vertically keeps them apart with the least room.
    for owner, nodes in sorted(conditions.items()):
        for k, node in enumerate(nodes):
            positions[node] = positions[owner] + np.array([0.0, CONDITION_STEP * (k + 1)])


def _sunflower(k: int, hole: float) -> Point:
    """Give the offset of the k-th seed of a sunflower (Vogel's spiral) with a hole."""
    radius = math.sqrt(hole * hole + (k + 0.5) * CELL_AREA / math.pi)
    angle = k * GOLDEN_ANGLE
    return np.array([radius * math.cos(angle), radius * math.sin(angle)])


def _box(attrs: dict[str, object]) -> tuple[float, float]:
    """Give the width and height in pixels a node takes on the page, from its label."""
    label = str(attrs.get("label", ""))[:60]
    text_width = CHAR_WIDTH * len(label)
    if attrs.get("kind") == "actor":
        # A shape about 32 px high with its label under it.
        return max(40.0, text_width) + MARGIN, 52.0 + MARGIN
    lines = max(1, math.ceil(text_width / BOX_MAX_WIDTH))
    return min(text_width, BOX_MAX_WIDTH) + 20.0 + MARGIN, 17.0 * lines + 16.0 + MARGIN


def _separate(
    positions: dict[str, Point], boxes: dict[str, tuple[float, float]]
) -> dict[str, Point]:
    """Push apart nodes whose boxes overlap, a few rounds, all overlapping pairs at once.

    Each overlapping pair moves apart along the axis where they overlap least, each by
    half the overlap: the smallest move that clears them. Candidate pairs come from a
    k-d tree, so a round costs about n log n rather than n².
    """
    from scipy.spatial import cKDTree

    nodes = sorted(positions)
    if len(nodes) < 2:
        return {n: positions[n] for n in nodes}
    xy = np.array([positions[n] for n in nodes], dtype=np.float64)
    half = np.array([boxes[n] for n in nodes], dtype=np.float64) / 2.0
    # In units of the largest box, two boxes can only overlap within Chebyshev distance 1.
    unit = 2.0 * half.max(axis=0)
    # Deterministic jitter separates nodes placed exactly on top of each other.
    index = np.arange(len(nodes), dtype=np.float64)
    xy += np.stack([np.cos(index * GOLDEN_ANGLE), np.sin(index * GOLDEN_ANGLE)], axis=1) * 1e-3
    for _ in range(SEPARATION_ROUNDS):
        pairs = cKDTree(xy / unit).query_pairs(1.0, p=np.inf, output_type="ndarray")
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[i] - xy[j]
        overlap = half[i] + half[j] - np.abs(delta)
        clash = (overlap[:, 0] > 0) & (overlap[:, 1] > 0)
        if not clash.any():
            break
        i, j, delta, overlap = i[clash], j[clash], delta[clash], overlap[clash]
        along_x = overlap[:, 0] < overlap[:, 1]
        push = np.zeros_like(delta)
        push[along_x, 0] = np.sign(delta[along_x, 0]) * overlap[along_x, 0] / 2.0
        push[~along_x, 1] = np.sign(delta[~along_x, 1]) * overlap[~along_x, 1] / 2.0
        moves = np.zeros_like(xy)
        np.add.at(moves, i, push)
        np.add.at(moves, j, -push)
        xy += moves
        # A node pushed from all sides does not move. While many nodes are jammed like
        # that, also spread the whole component a little, so piles loosen round by round;
        # a few leftover overlaps are not worth stretching every edge for.
        if clash.sum() > len(nodes) * JAM_SHARE:
            centre = xy.mean(axis=0)
            xy = (xy - centre) * EXPANSION + centre
    return dict(zip(nodes, xy, strict=True))


def _pack(
    blocks: Iterable[tuple[dict[str, Point], dict[str, tuple[float, float]]]],
) -> dict[str, Point]:
    """Give the blocks' positions translated into rows, left to right, top to bottom."""
    shelves = []
    for block, boxes in blocks:
        xy = np.array(list(block.values()))
        half = np.array([boxes[n] for n in block]) / 2.0
        low, high = (xy - half).min(axis=0), (xy + half).max(axis=0)
        shelves.append((block, low, high - low + COMPONENT_GAP))
    total_area = sum(float(size[0] * size[1]) for _, _, size in shelves)
    widest = max(float(size[0]) for _, _, size in shelves)
    row_width = max(widest, math.sqrt(total_area) * 1.4)
    placed: dict[str, Point] = {}
    x = y = row_height = 0.0
    for block, low, size in shelves:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        offset = np.array([x, y]) - low
        for node, point in block.items():
            placed[node] = point + offset
        x += float(size[0])
        row_height = max(row_height, float(size[1]))
    return placed
