"""Reading RDF files written by kgbuild (or anyone) into rdflib, with one-line errors.

```python
from kgbuild.graphio import load_dataset, load_graph
dataset = load_dataset(Path("out/graph.trig"))   # named graphs kept
graph = load_graph(Path("out/graph.trig"))       # union of all graphs
```
"""

from __future__ import annotations

import json
import re
import xml.sax
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import GraphFileError, UnknownFormatError

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".nt": "nt",
    ".ntriples": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
"""File suffix -> rdflib parser name."""

QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})
"""Parser names whose files can hold named graphs."""

_QUOTED_LINE = re.compile(r"Invalid line[^:]*:\s*'?(.*?)'?\s*$", re.DOTALL)


def guess_format(path: Path) -> str:
    """Give rdflib's parser name for `path` from its suffix ("graph.ttl" -> "turtle")."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UnknownFormatError(
            f"Cannot tell the RDF format of {path} from its suffix {path.suffix!r}; "
            f"rename it to end with one of: {known}."
        )
    return fmt


def load_dataset(path: Path, fmt: str | None = None) -> Dataset:
    """Give the RDF file at `path` as a dataset; triple formats land in the default graph.

    `fmt` is an rdflib parser name; by default it is guessed from the suffix. Raises
    `GraphFileError` (one line: the path, the parser's line number where known, the fix)
    when the file is missing, unreadable or not valid RDF.
    """
    if not path.is_file():
        why = "it is a folder" if path.is_dir() else "it does not exist"
        raise GraphFileError(
            f"Cannot read graph file {path}: {why}; give the path of a graph file "
            "written by `kgbuild build` (for example out/graph.ttl)."
        )
    parser = fmt or guess_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GraphFileError(
            f"Cannot read graph file {path}: {exc.strerror}; check its permissions."
        ) from None
    dataset = Dataset()
    try:
        dataset.parse(data=data, format=parser)
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        raise GraphFileError(_syntax_message(path, parser, exc, data)) from None
    return dataset


def load_graph(path: Path, fmt: str | None = None) -> Graph:
    """Give the union of every graph in the RDF file at `path`, with the file's prefixes."""
    return union_graph(load_dataset(path, fmt))


def union_graph(dataset: Dataset) -> Graph:
    """Give one graph holding the triples of every graph (default and named) in `dataset`."""
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _syntax_message(path: Path, parser: str, exc: Exception, data: bytes) -> str:
    line = _error_line(exc, data)
    where = f" line {line}" if line is not None else ""
    why = _error_reason(exc)
    return (
        f"Cannot parse graph file {path}{where} as {parser}: {why}; fix the file or "
        "rebuild it with `kgbuild build`, and check that its suffix matches its format."
    )


def _error_line(exc: Exception, data: bytes) -> int | None:
    """Give the 1-based line number the parser blamed, where it tells us."""
    lines = getattr(exc, "lines", None)  # notation3.BadSyntax (Turtle, TriG, N3), 0-based
    if isinstance(lines, int):
        return lines + 1
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno
    if isinstance(exc, xml.sax.SAXParseException):
        number = exc.getLineNumber()
        return number if isinstance(number, int) else None
    # The N-Triples/N-Quads parsers quote the bad line (or its unparsed rest) but not its
    # number: find it, and only trust a match that is unambiguous.
    match = _QUOTED_LINE.search(str(exc))
    if not match or not match.group(1).strip():
        return None
    needle = match.group(1).strip().encode("utf-8", "replace")
    rows = [row.strip() for row in data.splitlines()]
    for candidates in (
        [n for n, row in enumerate(rows, start=1) if row == needle],
        [n for n, row in enumerate(rows, start=1) if needle in row],
    ):
        if len(candidates) == 1:
            return candidates[0]
    return None


def _error_reason(exc: Exception) -> str:
    why = getattr(exc, "_why", None)  # BadSyntax keeps the bare reason apart from context
    if isinstance(why, str) and why:
        text = why
    elif isinstance(exc, json.JSONDecodeError):
        text = exc.msg
    elif isinstance(exc, xml.sax.SAXParseException):
        text = exc.getMessage()
    else:
        text = str(exc) or type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "..."


__all__ = ["FORMATS", "QUAD_FORMATS", "guess_format", "load_dataset", "load_graph", "union_graph"]
