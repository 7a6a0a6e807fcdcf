"""Running SPARQL with pyoxigraph: one-line parse errors, parameters, and capped results.

Every query sees the merge of all article graphs as its default graph (see `kgbuild.store`),
so a query written for the merged `graph.ttl` gives the same rows on `graph.trig` or a store.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, cast

from ..errors import QueryError
from ..store import default_graph_is_empty
from ..vocab import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

    Result = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples

_POSITION = re.compile(r"error at (\d+):(\d+):\s*")
_MAX_DETAIL = 160  # parser messages can list dozens of expected tokens; keep the line short

# What `is_update` strips before looking at the first keyword: strings, IRIs and comments.
_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
_IRIS = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*<>\s*)*", re.IGNORECASE)
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


def is_update(text: str) -> bool:
    """Say whether `text` is a SPARQL Update request (INSERT, DELETE, LOAD, DROP, ...)."""
    bare = _bare(text)
    rest = bare[_PROLOGUE.match(bare).end() :]  # type: ignore[union-attr]  # always matches
    first = re.match(r"[A-Za-z]+", rest)
    return first is not None and first.group(0).upper() in _UPDATE_WORDS


def uses_service(text: str) -> bool:
    """Say whether a query calls out to other endpoints with SERVICE (federation)."""
    return re.search(r"\bSERVICE\b", _bare(text), re.IGNORECASE) is not None


def _bare(text: str) -> str:
    """Give SPARQL text with its strings, IRIs and comments blanked, keywords left."""
    return _COMMENTS.sub(" ", _IRIS.sub(" <> ", _STRINGS.sub(' "" ', text)))


def execute(
    store: pyoxigraph.Store,
    text: str,
    *,
    params: Mapping[str, str] | None = None,
    where: str = "query",
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> Result:
    """Run a SPARQL query over the merge of the store's graphs; give pyoxigraph's result.

    `params` pre-binds variables (`{"keyword": "ceasefire"}`); values written `<iri>` or
    `prefix:local` with one of kgbuild's prefixes are IRIs, anything else a string.
    `where` names the query's source in error messages (a file name, or "query").
    `default_graphs` and `named_graphs` (graph IRIs, as in the SPARQL protocol's
    `default-graph-uri` and `named-graph-uri`) narrow the dataset the query sees.
    """
    import pyoxigraph

    if is_update(text):
        raise QueryError(
            f"{where} is a SPARQL Update; kgbuild only runs read-only queries "
            "(SELECT, ASK, CONSTRUCT, DESCRIBE). Load data with `kgbuild build --store`."
        )
    try:
        # kgbuild's stores and loaded files keep the merge of all graphs as the default
        # graph; a store filled by another tool may not, so fall back to the union then.
        union = not default_graphs and default_graph_is_empty(store)
        dataset: dict[str, Any] = {"use_default_graph_as_union": union}
        if default_graphs:
            dataset["default_graph"] = [pyoxigraph.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            dataset["named_graphs"] = [pyoxigraph.NamedNode(iri) for iri in named_graphs]
        result: Result = store.query(
            text,
            prefixes=PREFIXES,  # so inline queries may use kgb:, rdfs:, ... undeclared
            substitutions=_substitutions(params or {}),
            **dataset,
        )
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc, where)) from None
    except (OSError, ValueError, RuntimeError) as exc:
        message = _one_line(str(exc))
        if params and "projection" in message:
            raise QueryError(
                f"{where} cannot take the parameters {', '.join(sorted(params))}: a parameter "
                "must be a variable of the SELECT clause (library queries list theirs in "
                "'# Parameter:' lines)."
            ) from None
        raise QueryError(f"{where} failed: {message}.") from None
    return result


def syntax_message(exc: SyntaxError, where: str = "query") -> str:
    """Give pyoxigraph's parse error as one line: where, line, column, and what was expected."""
    raw = " ".join(str(exc.args[0] if exc.args else exc).split())
    found = _POSITION.search(raw)
    if found is None:
        return f"Invalid SPARQL in {where}: {_clip(raw)}."
    line, column = found.group(1), found.group(2)
    detail = raw[found.end() :]
    return f"Invalid SPARQL in {where} at line {line}, column {column}: {_clip(detail)}."


def param_term(value: str) -> Any:
    """Give the pyoxigraph term a `--param NAME=VALUE` value stands for."""
    import pyoxigraph

    if value.startswith("<") and value.endswith(">"):
        return pyoxigraph.NamedNode(value[1:-1])
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and " " not in local:
        return pyoxigraph.NamedNode(PREFIXES[prefix] + local)
    return pyoxigraph.Literal(value)


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """Give `NAME=VALUE` pairs as a dict; a leading `?` or `$` on NAME is allowed."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not equals or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(
                f"Bad parameter {pair!r}: write NAME=VALUE, e.g. --param keyword=ceasefire."
            )
        params[name] = value
    return params


def _substitutions(params: Mapping[str, str]) -> dict[Any, Any] | None:
    import pyoxigraph

    if not params:
        return None
    return {pyoxigraph.Variable(name): param_term(value) for name, value in params.items()}


def capped_solutions(
    solutions: pyoxigraph.QuerySolutions, limit: int | None
) -> tuple[pyoxigraph.QuerySolutions, bool]:
    """Give at most `limit` rows of a SELECT result, and whether rows were dropped.

    pyoxigraph's own TSV writer streams the rows into a buffer that stops the query as
    soon as one row too many arrives; the kept rows are parsed back into a result that
    pyoxigraph's serializers can then write in any results format. TSV keeps every term
    exact (IRIs, blank nodes, datatypes, language tags).
    """
    import pyoxigraph

    if limit is None:
        return solutions, False
    sink = _LineCap(limit + 1)  # the header line, then up to `limit` rows
    with contextlib.suppress(_Full):
        solutions.serialize(cast("IO[bytes]", sink), format=pyoxigraph.QueryResultsFormat.TSV)
    kept = sink.kept()
    rows = pyoxigraph.parse_query_results(kept, format=pyoxigraph.QueryResultsFormat.TSV)
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return rows, sink.full


def capped_triples(
    triples: pyoxigraph.QueryTriples, limit: int | None
) -> tuple[list[pyoxigraph.Triple], bool]:
    """Give at most `limit` triples of a CONSTRUCT/DESCRIBE result, in a stable order,
    and whether triples were dropped."""
    kept: list[pyoxigraph.Triple] = []
    truncated = False
    for triple in triples:
        if limit is not None and len(kept) >= limit:
            truncated = True
            break
        kept.append(triple)
    kept.sort(key=str)  # engines give CONSTRUCT triples in no set order; output must be stable
    return kept, truncated


class _Full(Exception):
    """Raised by `_LineCap` to stop a serializer once enough lines are in."""


class _LineCap:
    """A binary sink that keeps the first `lines` lines written to it, then stops the writer."""

    def __init__(self, lines: int) -> None:
        self.lines = lines
        self.buffer = bytearray()
        self.full = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        if self.buffer.count(b"\n") > self.lines:
            self.full = True
            raise _Full
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the lines stay in memory."""

    def kept(self) -> bytes:
        """Give the first `lines` complete lines."""
        end = 0
        for _ in range(self.lines):
            found = self.buffer.find(b"\n", end)
            if found < 0:
                return bytes(self.buffer)
            end = found + 1
        return bytes(self.buffer[:end])


def _clip(text: str) -> str:
    text = text.rstrip(".")
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split()).rstrip(".")
