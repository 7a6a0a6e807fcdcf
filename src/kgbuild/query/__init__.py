"""SPARQL over kgbuild's output: a graph file or a store, the query library, result formats.

```python
from pathlib import Path
import sys
from kgbuild.query import query_graph

query_graph(Path("out/graph.ttl"), name="ruled-out", fmt="csv", out=sys.stdout.buffer)
```
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from ..errors import QueryError
from ..store import open_graph
from .engine import (
    capped_solutions,
    capped_triples,
    execute,
    is_update,
    parse_params,
    uses_service,
)
from .formats import FORMATS, compact, display, write_result
from .library import LibraryQuery, library, library_query

_QUERY_SUFFIXES = (".rq", ".sparql")


def read_query(arg: str) -> tuple[str, str]:
    """Give the SPARQL text of a QUERY argument (inline text or a `.rq` file) and its name."""
    if arg.endswith(_QUERY_SUFFIXES) and "\n" not in arg:
        path = Path(arg)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            raise QueryError(f"Query file {path} does not exist; check the path.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"Cannot read query file {path}: {exc}.") from None
    if not arg.strip():
        raise QueryError("The query is empty; give SPARQL text, a .rq file or --name NAME.")
    return arg, "query"


def run_query(
    graph: Path,
    text: str,
    *,
    out: IO[bytes],
    fmt: str = "table",
    params: Mapping[str, str] | None = None,
    where: str = "query",
) -> None:
    """Run SPARQL `text` on a graph file or store folder and write the result to `out`."""
    if fmt not in FORMATS:
        known = ", ".join(FORMATS)
        raise QueryError(f"Unknown query output format {fmt!r}. Choose one of: {known}.")
    store = open_graph(graph)
    write_result(execute(store, text, params=params, where=where), fmt, out)


def query_graph(
    graph: Path,
    query: str | None = None,
    *,
    name: str | None = None,
    out: IO[bytes],
    fmt: str = "table",
    params: Sequence[str] = (),
) -> None:
    """Run inline SPARQL, a `.rq` file, or the library query `name` on `graph`; write to `out`.

    `params` are `NAME=VALUE` strings that pre-bind query variables.
    """
    if (query is None) == (name is None):
        raise QueryError("Give either a query (SPARQL text or a .rq file) or a library --name.")
    if name is not None:
        chosen = library_query(name)
        text, where = chosen.text, f"library query {chosen.name}"
    else:
        text, where = read_query(query or "")
    run_query(graph, text, out=out, fmt=fmt, params=parse_params(params), where=where)


def library_listing() -> str:
    """Give the library as aligned lines: each query's name and the question it answers."""
    queries = library()
    width = max((len(name) for name in queries), default=0)
    return "\n".join(f"{name.ljust(width)}  {q.question}" for name, q in queries.items())


__all__ = [
    "FORMATS",
    "LibraryQuery",
    "capped_solutions",
    "capped_triples",
    "compact",
    "display",
    "execute",
    "is_update",
    "library",
    "library_listing",
    "library_query",
    "parse_params",
    "query_graph",
    "read_query",
    "run_query",
    "uses_service",
    "write_result",
]
