"""Network exporters for Gephi and friends: the viewer's networkx graph as GraphML and GEXF."""

from __future__ import annotations

from typing import IO

from rdflib import Dataset

from .registry import exporter


@exporter("graphml", "graph.graphml", "application/graphml+xml")
def write_graphml(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write the graph of actors, commitments and conditions as GraphML."""
    from ..viz import render

    stream.write(render(dataset, fmt="graphml").data)


@exporter("gexf", "graph.gexf", "application/gexf+xml")
def write_gexf(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write the graph of actors, commitments and conditions as GEXF, laid out and coloured."""
    from ..viz import render

    stream.write(render(dataset, fmt="gexf").data)
