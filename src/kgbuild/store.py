"""The persistent pyoxigraph store, and opening any graph file or store for querying.

A store is a folder that pyoxigraph (RocksDB) keeps on disk; `kgbuild build --store DIR`
fills it and `kgbuild query DIR` / `kgbuild serve DIR` read it. Each article lives in its
own named graph, so re-building an article replaces exactly that graph.

Concurrency: a store can be opened for writing by ONE process at a time (RocksDB holds a
lock file while it is open); kgbuild opens it for writing only for the length of one load
and releases it straight after. Readers (`query`, `serve`) open it read-only; several
readers may share a store, but reading while another process writes is unsafe, so do not
run `kgbuild build --store DIR` while `kgbuild serve DIR` is running on the same folder.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from .errors import GraphFileError

if TYPE_CHECKING:
    import pyoxigraph

# Suffix -> pyoxigraph format name; the formats kgbuild writes, plus the usual others.
GRAPH_SUFFIXES: dict[str, str] = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".trig": "TRIG",
    ".nq": "N_QUADS",
    ".nquads": "N_QUADS",
    ".nt": "N_TRIPLES",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}
_STORE_MARKER = "CURRENT"  # every RocksDB folder holds this file


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What a load into a store changed."""

    graphs: int
    quads: int


def is_store(path: Path) -> bool:
    """Say whether `path` is a folder holding a pyoxigraph store."""
    return path.is_dir() and (path / _STORE_MARKER).is_file()


def open_graph(path: Path) -> pyoxigraph.Store:
    """Give a pyoxigraph store to query: a store folder read-only, or a file loaded in memory.

    Files may be Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML, chosen by suffix.
    """
    import pyoxigraph

    if path.is_dir():
        return open_read_only(path)
    if not path.is_file():
        raise GraphFileError(f"Graph file {path} does not exist; give a graph file or a store.")
    fmt = graph_format(path)
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise GraphFileError(f"{path} is not valid {fmt.name}: {_one_line(exc)}.") from None
    except (OSError, ValueError) as exc:
        raise GraphFileError(f"Cannot read {path}: {_one_line(exc)}.") from None
    return store


def graph_format(path: Path) -> pyoxigraph.RdfFormat:
    """Give the RDF format of a graph file from its suffix, or raise with the known ones."""
    import pyoxigraph

    name = GRAPH_SUFFIXES.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(GRAPH_SUFFIXES))
        raise GraphFileError(
            f"Cannot tell the RDF format of {path} from its suffix; use one of: {known}."
        )
    fmt: pyoxigraph.RdfFormat = getattr(pyoxigraph.RdfFormat, name)
    return fmt


def open_read_only(directory: Path) -> pyoxigraph.Store:
    """Open a store folder read-only (several readers may share it)."""
    import pyoxigraph

    if not is_store(directory):
        raise GraphFileError(
            f"{directory} is a folder but not a kgbuild store; build one with "
            f"`kgbuild build ARTICLES --out OUT --store {directory}`."
        )
    try:
        return pyoxigraph.Store.read_only(str(directory))
    except OSError as exc:
        raise GraphFileError(f"Cannot open store {directory}: {_one_line(exc)}.") from None


def load_into_store(dataset: Dataset, directory: Path) -> StoreSummary:
    """Write every named graph of `dataset` into the on-disk store at `directory`.

    Graphs already in the store under the same names are replaced (cleared, then filled),
    others are kept, so building articles one at a time accumulates them. The store is
    opened for writing only for the length of this call.
    """
    store = _open_for_writing(directory)
    try:
        summary = replace_article_graphs(store, dataset)
        store.flush()
    except OSError as exc:
        raise GraphFileError(f"Cannot write store {directory}: {_one_line(exc)}.") from None
    finally:
        del store
        gc.collect()  # drop the RocksDB handle now, releasing its lock for other processes
    return summary


def replace_article_graphs(store: pyoxigraph.Store, dataset: Dataset) -> StoreSummary:
    """Replace, in an open store, each named graph that `dataset` holds; give the counts.

    Removing a graph and adding its new triples are two transactions, so a crash between
    them leaves that article's graph empty, never doubled or mixed: build it again.
    """
    import pyoxigraph

    graphs = quads = 0
    for graph in dataset.graphs():
        triples = list(graph)
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            if not triples:
                continue
            target: Any = pyoxigraph.DefaultGraph()
        else:
            target = oxigraph_term(graph.identifier)
            store.remove_graph(target)
            store.add_graph(target)  # an article with no triples still shows as a graph
        store.extend(_quads(triples, target))
        graphs += 1
        quads += len(triples)
    return StoreSummary(graphs=graphs, quads=quads)


def _quads(
    triples: Iterable[tuple[Node, Node, Node]], graph: Any
) -> Iterator[pyoxigraph.Quad]:
    import pyoxigraph

    for s, p, o in triples:
        yield pyoxigraph.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), graph)


def _open_for_writing(directory: Path) -> pyoxigraph.Store:
    import pyoxigraph

    if directory.exists() and not directory.is_dir():
        raise GraphFileError(f"Store path {directory} is a file; give a folder for the store.")
    if directory.is_dir() and any(directory.iterdir()) and not is_store(directory):
        raise GraphFileError(
            f"{directory} is a non-empty folder that is not a store; "
            "choose an empty or new folder for --store."
        )
    try:
        return pyoxigraph.Store(str(directory))
    except OSError as exc:
        message = _one_line(exc)
        if "lock" in message.lower():
            raise GraphFileError(
                f"Store {directory} is open in another process ({message}); a store takes "
                "one writer at a time: wait for that build or stop that server, then retry."
            ) from None
        raise GraphFileError(f"Cannot open store {directory}: {message}.") from None


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


def rdflib_term(term: Any) -> Node:
    """Give the rdflib term equal to a pyoxigraph term."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"Cannot convert {term!r} to rdflib: not an IRI, blank node or literal.")


def _one_line(exc: BaseException) -> str:
    """Give an exception's message on one line, without a trailing full stop."""
    return " ".join(str(exc.args[0] if exc.args else exc).split()).rstrip(".")
