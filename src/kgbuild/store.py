"""The persistent pyoxigraph store, and opening any graph file or store for querying.

A store is a folder that pyoxigraph (RocksDB) keeps on disk; `kgbuild build --store DIR`
fills it and `kgbuild query DIR` / `kgbuild serve DIR` read it. Each article lives in its
own named graph, so re-building an article replaces exactly that graph.

The default graph holds the merge of all article graphs: each triple once, as in the
merged `graph.ttl`. (Oxigraph's "default graph as union" option would instead repeat a
triple once per graph holding it, such as an actor's label in every article naming it.)
So queries without GRAPH give the same rows on `graph.ttl`, `graph.trig` and a store, and
other tools pointed at the store see the whole corpus without a union option.

Concurrency: a store can be opened for writing by ONE process at a time (RocksDB holds a
lock file while it is open); kgbuild opens it for writing only for the length of one load
and releases it straight after. Readers (`query`, `serve`) open it read-only; several
readers may share a store, but reading while another process writes is unsafe, so do not
run `kgbuild build --store DIR` while `kgbuild serve DIR` is running on the same folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from .errors import GraphFileError
from .graph.terms import oxigraph_term
from .vocab import KGBI_IRI

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
Triple = tuple[Any, Any, Any]  # pyoxigraph subject, predicate, object


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

    Files may be Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML, chosen by suffix;
    a file's named graphs are also merged into the default graph.
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
    merge_into_default_graph(store)
    return store


def merge_into_default_graph(store: pyoxigraph.Store) -> None:
    """Add every named graph's triples to the default graph (each triple once)."""
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()
    named = [q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != default]
    store.extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in named)


def default_graph_is_empty(store: pyoxigraph.Store) -> bool:
    """Say whether a store's default graph is empty (e.g. a store loaded by another tool)."""
    import pyoxigraph

    quads = store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
    return next(iter(quads), None) is None


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

    Graphs already in the store under the same names are replaced, others are kept, so
    building articles one at a time accumulates them. The store is opened for writing only
    for the length of this call.
    """
    with _writing(directory) as store:
        return replace_article_graphs(store, dataset)


def load_file_into_store(
    path: Path, directory: Path, *, remove: Sequence[Any] = ()
) -> StoreSummary:
    """Write the named graphs of a TriG / N-Quads file (kgbuild's graph.trig or graph.nq)
    into the on-disk store at `directory`, replacing graphs of the same names; the graphs
    named in `remove` (pyoxigraph terms) are taken out."""
    import pyoxigraph

    fmt = graph_format(path)
    graphs: dict[Any, list[Triple]] = {}
    try:
        for quad in pyoxigraph.parse(path=str(path), format=fmt):
            graphs.setdefault(quad.graph_name, []).append(
                (quad.subject, quad.predicate, quad.object)
            )
    except SyntaxError as exc:
        raise GraphFileError(f"{path} is not valid {fmt.name}: {_one_line(exc)}.") from None
    except OSError as exc:
        raise GraphFileError(f"Cannot read {path}: {_one_line(exc)}.") from None
    with _writing(directory) as store:
        return replace_graphs(store, graphs, remove=remove)


def load_build_into_store(
    out_dir: Path, directory: Path, *, dropped: Sequence[str] = (), base: str = KGBI_IRI
) -> StoreSummary:
    """Bring the store at `directory` up to date with a build's `out_dir/graph.trig`.

    Each article's graph is replaced; the graphs of `dropped` article ids (articles a
    build left out because their files are gone) are removed. `base` is the build's base
    IRI, from which the graph names of dropped articles are minted.
    """
    from .iris import IriMinter

    trig = out_dir / "graph.trig"
    if not trig.is_file():
        raise GraphFileError(
            f"{trig} is missing, so there is nothing to load into the store; "
            "build with the default formats (which include TriG)."
        )
    minter = IriMinter(base)
    gone = [oxigraph_term(minter.graph(article_id)) for article_id in dropped]
    return load_file_into_store(trig, directory, remove=gone)


@dataclass(frozen=True, slots=True)
class StoreSync:
    """What bringing a store up to date with a build did."""

    updated: int  # article graphs loaded (new or changed since the store's last update)
    unchanged: int  # article graphs the store already held as built
    removed: int  # article graphs taken out (their articles left the build)
    quads: int  # quads loaded


# Under OUT/.kgbuild: one note per store of the piece each article graph was loaded from.
SYNC_NOTES = "stores"


def sync_build_into_store(
    out_dir: Path,
    directory: Path,
    pieces: Mapping[str, Path],
    *,
    dropped: Sequence[str] = (),
    base: str = KGBI_IRI,
    force: bool = False,
) -> StoreSync:
    """Bring the store at `directory` up to date with a build, loading only what changed.

    `pieces` maps each article id of the build to its named graph as an N-Quads file in the
    cache. A note in OUT/.kgbuild/stores/ records which piece each graph of this store was
    loaded from: graphs whose piece is unchanged are left alone, changed and new ones are
    replaced, and those of articles no longer in the build (or in `dropped`) are removed.
    A new store, a missing note, or `force` loads every graph.
    """
    import pyoxigraph

    from .iris import IriMinter

    note = _sync_note(out_dir, directory)
    loaded = {} if force or not is_store(directory) else _read_sync_note(note)
    changed = sorted(i for i, path in pieces.items() if loaded.get(i) != path.name)
    gone = sorted((set(loaded) | set(dropped)) - set(pieces))
    minter = IriMinter(base)
    graphs: dict[Any, list[Triple]] = {}
    for article_id in changed:
        name = oxigraph_term(minter.graph(article_id))
        path = pieces[article_id]
        try:
            quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))
        except (SyntaxError, OSError) as exc:
            raise GraphFileError(
                f"Cannot read the cached graph of {article_id} ({path}): {_one_line(exc)}; "
                "build again with --force."
            ) from None
        graphs[name] = [(q.subject, q.predicate, q.object) for q in quads]
    remove = [oxigraph_term(minter.graph(article_id)) for article_id in gone]
    with _writing(directory) as store:
        summary = replace_graphs(store, graphs, remove=remove)
    _write_sync_note(note, directory, {i: path.name for i, path in sorted(pieces.items())})
    return StoreSync(len(changed), len(pieces) - len(changed), len(gone), summary.quads)


def _sync_note(out_dir: Path, directory: Path) -> Path:
    import hashlib

    digest = hashlib.sha256(str(directory.resolve()).encode("utf-8")).hexdigest()[:16]
    return out_dir / ".kgbuild" / SYNC_NOTES / f"{digest}.json"


def _read_sync_note(note: Path) -> dict[str, str]:
    import json

    try:
        data = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no note, or a damaged one: load everything
    graphs = data.get("graphs") if isinstance(data, dict) else None
    if not isinstance(graphs, dict):
        return {}
    return {str(k): str(v) for k, v in graphs.items()}


def _write_sync_note(note: Path, directory: Path, graphs: Mapping[str, str]) -> None:
    import json
    import os

    note.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"store": str(directory.resolve()), "graphs": graphs}, indent=1)
    partial = note.with_suffix(".tmp")
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, note)


def replace_article_graphs(store: pyoxigraph.Store, dataset: Dataset) -> StoreSummary:
    """Replace, in an open store, each named graph that `dataset` holds; give the counts."""
    import pyoxigraph

    graphs: dict[Any, list[Triple]] = {}
    for graph in dataset.graphs():
        triples = [(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in graph]
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            if triples:
                graphs[pyoxigraph.DefaultGraph()] = triples
        else:
            graphs[oxigraph_term(graph.identifier)] = triples
    return replace_graphs(store, graphs)


def replace_graphs(
    store: pyoxigraph.Store, graphs: Mapping[Any, list[Triple]], *, remove: Sequence[Any] = ()
) -> StoreSummary:
    """Replace named graphs in an open store, remove those in `remove`, and keep the
    store's default graph the merge of its named graphs.

    Triples given for the default graph are added to it. Removing a graph and adding its
    new triples are separate transactions, so a crash between them leaves that article's
    graph empty, never doubled or mixed: build it again.
    """
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()
    quads = 0
    changes = {**{name: [] for name in remove if name not in graphs}, **graphs}
    for name, triples in changes.items():
        quads += len(triples)
        if name == default:
            store.extend(pyoxigraph.Quad(s, p, o, default) for s, p, o in triples)
            continue
        old = {
            (q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, name)
        }
        store.remove_graph(name)
        if name in graphs:
            store.add_graph(name)  # an article with no triples still shows as a graph
        store.extend(pyoxigraph.Quad(s, p, o, name) for s, p, o in triples)
        store.extend(pyoxigraph.Quad(s, p, o, default) for s, p, o in triples)
        for s, p, o in old.difference(triples):
            # A triple leaves the default graph only when no other article still has it.
            if all(q.graph_name == default for q in store.quads_for_pattern(s, p, o, None)):
                store.remove(pyoxigraph.Quad(s, p, o, default))
    named = sum(1 for name in graphs if name != default)
    return StoreSummary(graphs=named, quads=quads)


@contextlib.contextmanager
def _writing(directory: Path) -> Iterator[pyoxigraph.Store]:
    """Open a store for writing and flush it at the end.

    pyoxigraph has no close(): the RocksDB lock is released when the last reference to the
    store goes, so callers use it only inside the `with` block of a short function.
    """
    store = _open_for_writing(directory)
    try:
        yield store
        store.flush()
    except OSError as exc:
        raise GraphFileError(f"Cannot write store {directory}: {_one_line(exc)}.") from None


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
