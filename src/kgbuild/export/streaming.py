"""Writers that assemble output files from per-article N-Quads pieces, in bounded memory.

A build keeps each article's named graph as a piece: N-Quads lines sorted by triple
(`engine/worker.py`). From these:

- N-Quads is the pieces one after another (in the order given);
- TriG is the same quads through pyoxigraph's streaming serializer, one graph block each;
- Turtle merges all pieces' triples in sorted order (a k-way merge, with temporary run
  files when there are more pieces than `fan_in()`), drops duplicates (an actor's label is
  in every article that names it), and streams the result through pyoxigraph's serializer.

Memory stays flat in the number of articles; the bytes depend only on the pieces and their
order, so the same corpus always gives the same files. Instance IRIs are written in full
(pyoxigraph would escape the `/` of `kgbi:actor/france`); every other kgbuild prefix is
declared and used.
"""

from __future__ import annotations

import contextlib
import heapq
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import KgbuildError
from ..vocab import PREFIXES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FAN_IN = 1024  # pieces merged at once, at most (an open file and its buffer each)
_CHUNK = 1 << 16

StreamWriter = Callable[[IO[bytes]], None]


def output_prefixes() -> dict[str, str]:
    """Give the prefixes declared in Turtle and TriG output (all but the instance base)."""
    return {prefix: iri for prefix, iri in PREFIXES.items() if prefix != "kgbi"}


def write_nquads(pieces: Sequence[Path], stream: IO[bytes]) -> None:
    """Write N-Quads: each piece's lines, pieces in the given order."""
    for piece in pieces:
        with piece.open("rb") as handle:
            shutil.copyfileobj(handle, stream)


def write_trig(pieces: Sequence[Path], stream: IO[bytes]) -> None:
    """Write TriG: one graph block per piece, in the given order."""
    import pyoxigraph

    quads = (
        quad
        for piece in pieces
        for quad in pyoxigraph.parse(path=str(piece), format=pyoxigraph.RdfFormat.N_QUADS)
    )
    pyoxigraph.serialize(quads, stream, pyoxigraph.RdfFormat.TRIG, prefixes=output_prefixes())


def write_turtle(pieces: Sequence[Path], stream: IO[bytes], *, work_dir: Path) -> None:
    """Write Turtle: the union of all pieces' triples, each once, sorted by subject."""
    import pyoxigraph

    with tempfile.TemporaryDirectory(prefix="merge-", dir=work_dir) as temp:
        lines = merged_triples(pieces, Path(temp))
        reader = io.BufferedReader(_ChunkReader(_chunks(lines)), buffer_size=_CHUNK)
        triples = (
            quad.triple
            for quad in pyoxigraph.parse(reader, pyoxigraph.RdfFormat.N_TRIPLES)
        )
        pyoxigraph.serialize(
            triples, stream, pyoxigraph.RdfFormat.TURTLE, prefixes=output_prefixes()
        )


def fan_in() -> int:
    """Give how many pieces to merge at once: `FAN_IN`, or a quarter of this process's
    open-files limit if that is lower (a merge level less is a pass over the data less)."""
    try:
        import resource
    except ImportError:  # not on Unix
        return 256
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return FAN_IN
    return max(16, min(FAN_IN, soft // 4))


def merged_triples(
    pieces: Sequence[Path], temp: Path, *, fan: int | None = None
) -> Iterator[bytes]:
    """Give the distinct triples of all pieces as sorted N-Triples lines, merging `fan`
    pieces at once (default `fan_in()`) through run files in `temp`."""
    fan = fan or fan_in()
    sources: list[Iterator[bytes]] = [_piece_keys(p) for p in pieces]
    runs = 0
    while len(sources) > fan:
        merged: list[Iterator[bytes]] = []
        for start in range(0, len(sources), fan):
            run = temp / f"run-{runs}"
            runs += 1
            with run.open("wb") as handle:
                for key in _distinct(heapq.merge(*sources[start : start + fan])):
                    handle.write(key + b"\n")
            merged.append(_run_keys(run))
        sources = merged
    for key in _distinct(heapq.merge(*sources)):
        yield key + b" .\n"


def dataset_from_pieces(pieces: Iterable[Path]) -> Dataset:
    """Give an rdflib dataset holding every piece (for exporters that need it in memory)."""
    import pyoxigraph

    from ..graph import new_dataset

    dataset = new_dataset()
    terms: dict[object, Node] = {}

    def term(node: object) -> Node:
        # Actors, predicates and datatypes recur in every piece: convert each once.
        found = terms.get(node)
        if found is None:
            found = terms[node] = _rdflib_term(node)
        return found

    # pyoxigraph parses N-Quads several times faster than rdflib's parser.
    for piece in pieces:
        quads = pyoxigraph.parse(path=str(piece), format=pyoxigraph.RdfFormat.N_QUADS)
        graph: Graph | None = None
        batch = []
        for quad in quads:
            if graph is None:
                graph = dataset.graph(URIRef(quad.graph_name.value))
            batch.append((term(quad.subject), term(quad.predicate), term(quad.object), graph))
        dataset.addN(batch)
    return dataset


def _rdflib_term(node: object) -> Node:
    import pyoxigraph

    if isinstance(node, pyoxigraph.NamedNode):
        return URIRef(node.value)
    if isinstance(node, pyoxigraph.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        if node.datatype.value == _XSD_STRING:
            return Literal(node.value)  # rdflib tells "x" and "x"^^xsd:string apart
        return Literal(node.value, datatype=URIRef(node.datatype.value))
    raise KgbuildError(f"Unexpected term {node!r} in a cached article graph; rebuild with --force.")


def write_files(targets: Mapping[Path, StreamWriter], remove: Iterable[Path] = ()) -> None:
    """Write several files all-or-nothing, then delete `remove`: each file goes to a temporary
    file first and all are renamed into place at the end, so a failure changes nothing."""
    written: list[tuple[str, Path]] = []
    mode = 0o666 & ~_umask()  # mkstemp makes 0600 files; outputs are for sharing
    try:
        for path, write in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            written.append((temp, path))
            os.fchmod(handle, mode)
            with os.fdopen(handle, "wb") as stream:
                write(stream)
    except OSError as exc:
        _discard(temp for temp, _ in written)
        raise KgbuildError(
            f"Cannot write {exc.filename or 'the outputs'}: {exc.strerror}; "
            "check the free space and permissions of the output folder."
        ) from None
    except BaseException:
        _discard(temp for temp, _ in written)
        raise
    for temp, path in written:
        os.replace(temp, path)
    for path in remove:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


def _piece_keys(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for line in handle:
            # Without the graph term: the last " <" starts it (an IRI holds no space).
            yield line[: line.rindex(b" <")]


def _run_keys(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for line in handle:
            yield line[:-1]


def _distinct(keys: Iterable[bytes]) -> Iterator[bytes]:
    previous: bytes | None = None
    for key in keys:
        if key != previous:
            yield key
            previous = key


def _chunks(lines: Iterable[bytes]) -> Iterator[bytes]:
    buffer: list[bytes] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= _CHUNK:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


class _ChunkReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _discard(names: Iterable[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)
