"""The viewer's visual encoding: one table per kind of node and edge, shared by page and legend.

Actors are told apart by shape first and colour second (so the encoding survives a
grey-scale print); commitments are boxes coloured by status on a scale from pale
(demanded, considered) to dark (formalized, fulfilled); negative commitments keep their
status colour but get a dashed red border and a leading "✗"; conditions are ellipses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import ConditionType, Status


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of node is drawn: vis-network shape, fill, border and label colours."""

    label: str
    shape: str
    fill: str
    border: str
    font: str = "#212121"


ACTOR_STYLES: dict[str, NodeStyle] = {
    "State": NodeStyle("State", "diamond", "#3F51B5", "#283593"),
    "Person": NodeStyle("Person", "dot", "#FF8A65", "#D84315"),
    "Organization": NodeStyle("Organization", "hexagon", "#8D6E63", "#4E342E"),
    "ActorGroup": NodeStyle("Group", "triangle", "#BA68C8", "#7B1FA2"),
    "Actor": NodeStyle("Actor (untyped)", "dot", "#90A4AE", "#546E7A"),
}
"""Actor type (the `kgb:` class name) -> style; "Actor" is the fallback for untyped IRIs."""

STATUS_STYLES: dict[str, NodeStyle] = {
    Status.DEMANDED.value: NodeStyle("Demanded", "box", "#FFE082", "#FFA000"),
    Status.CONSIDERED.value: NodeStyle("Considered", "box", "#E1F5FE", "#4FC3F7"),
    Status.SIGNALED.value: NodeStyle("Signaled", "box", "#81D4FA", "#0288D1"),
    Status.PLEDGED.value: NodeStyle("Pledged", "box", "#1E88E5", "#0D47A1", "#FFFFFF"),
    Status.FORMALIZED.value: NodeStyle("Formalized", "box", "#0D47A1", "#002171", "#FFFFFF"),
    Status.FULFILLED.value: NodeStyle("Fulfilled", "box", "#2E7D32", "#1B5E20", "#FFFFFF"),
    Status.WITHDRAWN.value: NodeStyle("Withdrawn", "box", "#E0E0E0", "#9E9E9E", "#616161"),
}
"""Commitment status, weakest to strongest -> style."""

UNKNOWN_STATUS_STYLE = NodeStyle("Unknown status", "box", "#FAFAFA", "#BDBDBD")

CONDITION_STYLE = NodeStyle("Condition", "ellipse", "#FFF8E1", "#FB8C00", "#5D4037")

NEGATIVE_BORDER = "#D50000"
"""Border colour of a negative commitment (a refusal, a pledge not to act)."""

NEGATIVE_MARK = "✗ "
"""Prefix of a negative commitment's label on the canvas."""

CONDITION_MARKERS: dict[str, str] = {
    ConditionType.PREREQUISITE.value: "once",
    ConditionType.TRIGGER.value: "if",
    ConditionType.PROVISO.value: "so long as",
    ConditionType.EXCEPTION.value: "unless",
}
"""Condition type -> the marker word its label is read with ("once a deal is reached")."""


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one role is drawn: line colour and dash pattern (empty: solid)."""

    color: str
    dashes: tuple[int, ...] = ()


EDGE_STYLES: dict[str, EdgeStyle] = {
    "debtor": EdgeStyle("#37474F"),
    "beneficiary": EdgeStyle("#2E7D32"),
    "requested_by": EdgeStyle("#EF6C00", (8, 4)),
    "stated_by": EdgeStyle("#78909C", (2, 4)),
    "condition": EdgeStyle("#FB8C00"),
    "acts_for": EdgeStyle("#5C6BC0", (6, 3)),
    "member_of": EdgeStyle("#AB47BC", (6, 3)),
}
"""Edge role (the `role` attribute of the networkx edges) -> style; keys in drawing order."""

ACTOR_LINK_STYLE = EdgeStyle("#455A64")
"""The one edge per debtor → beneficiary pair of the actor-to-actor view."""


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """Give the red, green and blue of a `#RRGGBB` colour ("#FF8000" -> (255, 128, 0))."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def node_style(kind: str, attrs: dict[str, object]) -> NodeStyle:
    """Give the style of a node of the viewer's networkx graph from its attributes."""
    if kind == "actor":
        return ACTOR_STYLES.get(str(attrs.get("actor_type", "")), ACTOR_STYLES["Actor"])
    if kind == "commitment":
        return STATUS_STYLES.get(str(attrs.get("status", "")), UNKNOWN_STATUS_STYLE)
    return CONDITION_STYLE
