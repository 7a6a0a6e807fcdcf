"""rdflib terms as pyoxigraph terms: the build writes N-Quads through pyoxigraph and the
store loads rdflib datasets, so both convert the graph stage's terms the same way."""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node


def oxigraph_term(term: Node) -> Any:
    """Give the pyoxigraph term equal to an rdflib term (IRI, blank node or literal)."""
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(term.datatype))
        return pyoxigraph.Literal(str(term))
    raise TypeError(f"Cannot store {term!r}: only IRIs, blank nodes and literals are RDF terms.")
