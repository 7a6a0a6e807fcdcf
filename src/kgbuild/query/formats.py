"""Writing query results: an aligned table for people, and the standard formats for programs.

CSV, TSV and JSON are the W3C SPARQL 1.1 results formats, written by pyoxigraph's own
serializers; Turtle is for CONSTRUCT and DESCRIBE. A CONSTRUCT/DESCRIBE result asked for
as rows gives one row per triple (`subject`, `predicate`, `object`).
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..errors import QueryError
from ..vocab import PREFIXES
from .engine import capped_triples

if TYPE_CHECKING:
    import pyoxigraph

    from .engine import Result

FORMATS = ("table", "csv", "tsv", "json", "turtle")
_CELL_WIDTH = 80  # table cells longer than this are cut with "…"; csv/json give full values
_COLUMN_GAP = "  "


def write_result(result: Result, fmt: str, out: IO[bytes]) -> None:
    """Write a query result in format `fmt` (one of `FORMATS`) to a binary stream."""
    import pyoxigraph

    if fmt not in FORMATS:
        known = ", ".join(FORMATS)
        raise QueryError(f"Unknown query output format {fmt!r}. Choose one of: {known}.")
    if isinstance(result, pyoxigraph.QueryBoolean):
        _write_boolean(result, fmt, out)
        return
    if isinstance(result, pyoxigraph.QueryTriples):
        triples, _ = capped_triples(result, None)
        if fmt == "turtle":
            turtle = pyoxigraph.serialize(
                triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=used_prefixes(triples)
            )
            out.write(turtle or b"")
            return
        _write_solutions(triples_as_solutions(triples), fmt, out)
        return
    if fmt == "turtle":
        raise QueryError(
            "--format turtle is for CONSTRUCT and DESCRIBE queries; this SELECT gives rows: "
            "use table, csv, tsv or json."
        )
    _write_solutions(result, fmt, out)


def used_prefixes(triples: list[pyoxigraph.Triple]) -> dict[str, str]:
    """Give kgbuild's prefixes whose namespace some IRI of `triples` starts with."""
    import pyoxigraph

    iris: set[str] = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, pyoxigraph.NamedNode):
                iris.add(term.value)
            elif isinstance(term, pyoxigraph.Literal):
                iris.add(term.datatype.value)
    return {
        prefix: namespace
        for prefix, namespace in sorted(PREFIXES.items())
        if any(iri.startswith(namespace) for iri in iris)
    }


def triples_as_solutions(triples: list[pyoxigraph.Triple]) -> pyoxigraph.QuerySolutions:
    """Give triples as a SELECT result with the variables subject, predicate and object."""
    import pyoxigraph

    lines = ["?subject\t?predicate\t?object"]
    lines += [f"{t.subject}\t{t.predicate}\t{t.object}" for t in triples]
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    rows = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    return rows


def _write_boolean(result: pyoxigraph.QueryBoolean, fmt: str, out: IO[bytes]) -> None:
    import pyoxigraph

    if fmt == "json":
        out.write((result.serialize(format=pyoxigraph.QueryResultsFormat.JSON) or b"") + b"\n")
    elif fmt == "turtle":
        raise QueryError("An ASK query gives true or false: use --format table or json.")
    else:
        out.write(b"true\n" if bool(result) else b"false\n")


def _write_solutions(solutions: pyoxigraph.QuerySolutions, fmt: str, out: IO[bytes]) -> None:
    import pyoxigraph

    if fmt == "table":
        _write_table(solutions, out)
        return
    chosen = {
        "csv": pyoxigraph.QueryResultsFormat.CSV,
        "tsv": pyoxigraph.QueryResultsFormat.TSV,
        "json": pyoxigraph.QueryResultsFormat.JSON,
    }[fmt]
    solutions.serialize(out, format=chosen)
    if fmt == "json":
        out.write(b"\n")


def _write_table(solutions: pyoxigraph.QuerySolutions, out: IO[bytes]) -> None:
    names = [v.value for v in solutions.variables]
    rows = [[display(solution[name]) for name in names] for solution in solutions]
    widths = [len(name) for name in names]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: list[str]) -> str:
        return _COLUMN_GAP.join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    text = [line(names), line(["-" * w for w in widths])]
    text += [line(row) for row in rows]
    text.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    out.write(("\n".join(text) + "\n").encode("utf-8"))


def display(term: Any) -> str:
    """Give a term as a person reads it: IRIs with kgbuild's prefixes, literals by value."""
    import pyoxigraph

    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        text = compact(term.value)
    elif isinstance(term, pyoxigraph.BlankNode):
        text = f"_:{term.value}"
    else:
        text = " ".join(str(term.value).split())
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def compact(iri: str) -> str:
    """Give `iri` as `prefix:local` with the longest of kgbuild's namespaces that fits."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri
