"""RDF exporters: Turtle (all articles merged), TriG, N-Quads and JSON-LD."""

from __future__ import annotations

from typing import IO

from rdflib import Dataset, Graph

from ..graphio import union_graph
from ..vocab import PREFIXES
from .registry import exporter


def merged_graph(dataset: Dataset) -> Graph:
    """Give one graph holding the union of every named graph in `dataset`."""
    merged = union_graph(dataset)
    for prefix, iri in PREFIXES.items():
        merged.bind(prefix, iri, override=True, replace=True)
    return merged


@exporter("turtle", "graph.ttl", "text/turtle")
def write_turtle(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write every article's triples merged into one Turtle document."""
    merged_graph(dataset).serialize(stream, format="turtle", encoding="utf-8")


@exporter("trig", "graph.trig", "application/trig")
def write_trig(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write one named graph per article as TriG."""
    dataset.serialize(stream, format="trig", encoding="utf-8")


@exporter("nquads", "graph.nq", "application/n-quads")
def write_nquads(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write N-Quads, one line per quad, sorted so that output is byte-stable."""
    text = dataset.serialize(format="nquads", encoding="utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    stream.write(b"\n".join(lines) + b"\n")


@exporter("jsonld", "graph.jsonld", "application/ld+json")
def write_jsonld(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write JSON-LD with one named graph per article."""
    context = dict(PREFIXES)
    dataset.serialize(stream, format="json-ld", context=context, indent=2, sort_keys=True)
