"""Check a kgbuild graph against the project's SHACL shapes (`ontology/shapes.ttl`).

```python
from kgbuild.validate import validate_graph
report = validate_graph(Path("out/graph.trig"))
print(report.text)          # one line per result, then a summary line
report.raise_if_invalid()   # ValidationError unless the graph conforms
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor, Result
from rdflib.term import Identifier, Node

from .errors import GraphFileError, ValidationError
from .graphio import load_graph, union_graph
from .resources import data_path
from .vocab import PREFIXES

SHAPES_NAMESPACE = "https://w3id.org/kgbuild/shapes#"

_SEVERITIES: dict[Node | None, str] = {
    SH.Violation: "Violation",
    SH.Warning: "Warning",
    SH.Info: "Info",
}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result: which node broke which shape, along which path, and why."""

    severity: str
    focus: str
    path: str
    message: str
    shape: str
    value: str = ""

    def line(self) -> str:
        """Give the result as one line: severity, focus node, path, message (value)."""
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus} {self.path or '-'}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating one graph: whether it conforms, and every result."""

    conforms: bool
    results: tuple[ValidationResult, ...]
    text: str
    graph: Graph = field(compare=False, repr=False)

    @property
    def violations(self) -> int:
        """Give the number of results with severity Violation."""
        return sum(1 for r in self.results if r.severity == "Violation")

    def turtle(self) -> str:
        """Give the SHACL validation report graph as Turtle (byte-stable across runs)."""
        # Canonical blank-node labels make the Turtle the same on every run.
        canonical = Graph()
        for triple in to_canonical_graph(self.graph):
            canonical.add(triple)
        canonical.bind("sh", str(SH))
        canonical.bind("kgbsh", SHAPES_NAMESPACE)
        for prefix, iri in PREFIXES.items():
            canonical.bind(prefix, iri)
        return canonical.serialize(format="turtle")

    def raise_if_invalid(self) -> None:
        """Raise `ValidationError` (with the first result) unless the graph conforms."""
        if self.conforms:
            return
        first = next((r for r in self.results if r.severity == "Violation"), None)
        detail = f" First: {first.line()}" if first else ""
        raise ValidationError(
            f"The graph does not conform to kgbuild's shapes "
            f"({_count(self.violations, 'violation')}); "
            f"run `kgbuild validate` on it for the full list.{detail}"
        )


def default_shapes() -> Path:
    """Give the path of the SHACL shapes shipped with kgbuild."""
    return data_path("ontology") / "shapes.ttl"


def validate_graph(
    source: Path | str | Graph | Dataset, shapes: Path | None = None
) -> ValidationReport:
    """Give the SHACL report of a graph file or in-memory graph against kgbuild's shapes.

    A dataset (TriG, N-Quads, JSON-LD with named graphs, or an rdflib `Dataset`) is
    validated as the union of its graphs. Raises `GraphFileError` when the graph or the
    shapes file cannot be read.
    """
    import pyshacl  # heavy: only loaded when validating

    data = _PreparedQueryGraph(_as_graph(source))
    shapes_path = shapes if shapes is not None else default_shapes()
    shapes_graph = _load_shapes(shapes_path)
    try:
        conforms, report_graph, _ = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            inference="none",
            advanced=True,  # SHACL-SPARQL: the evidence span checks need it
            allow_warnings=True,  # warnings are reported but do not fail the graph
            inplace=True,  # no inference, so the data graph is never modified
        )
    except Exception as exc:  # pySHACL reports unusable shapes with its own types
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise GraphFileError(
            f"Cannot validate with shapes file {shapes_path}: {reason}; "
            "fix the shapes or omit --shapes to use kgbuild's own."
        ) from None
    results = _results(report_graph, data)
    return ValidationReport(
        conforms=bool(conforms),
        results=results,
        text=_text(bool(conforms), results),
        graph=report_graph,
    )


def _load_shapes(path: Path) -> Graph:
    try:
        stat = path.stat()
    except OSError:
        return load_graph(path)  # raises the usual one-line GraphFileError
    return _load_shapes_cached(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_shapes_cached(path: Path, mtime_ns: int, size: int) -> Graph:
    # Keyed on the file's modification time and size, so an edited shapes file is re-read;
    # pySHACL only reads the shapes graph, so one parsed copy can serve every validation.
    return load_graph(path)


def _as_graph(source: Path | str | Graph | Dataset) -> Graph:
    if isinstance(source, Dataset):
        return union_graph(source)
    if isinstance(source, Graph):
        return source
    return load_graph(Path(source))


class _PreparedQueryGraph(Graph):
    """A view of a graph (same store, no copy) that parses each SPARQL text only once.

    pySHACL runs every SHACL-SPARQL constraint once per focus node, with the same query
    text and a different `$this` binding; rdflib would parse the text again each time
    (about 0.1 s), which made validating a corpus take minutes instead of seconds.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(
            store=graph.store,
            identifier=graph.identifier,
            namespace_manager=graph.namespace_manager,
        )

    def query(
        self,
        query_object: str | Query,
        processor: str | Processor = "sparql",
        result: str | type[Result] = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, Identifier] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and initNs is None:
            namespaces = tuple(sorted((p, str(n)) for p, n in self.namespaces()))
            query_object = _prepare(_sorted_prefixes(query_object), namespaces)
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


@lru_cache(maxsize=256)
def _prepare(text: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    # Cached across calls too: the shapes' queries are the same for every graph validated.
    return prepareQuery(text, initNs=dict(namespaces))


def _sorted_prefixes(text: str) -> str:
    # pySHACL writes the PREFIX lines in an order that changes from run to run; sorting them
    # keeps the query's meaning and lets `_prepare` recognise the text.
    lines = text.split("\n")
    head = 0
    while head < len(lines) and lines[head].startswith("PREFIX "):
        head += 1
    return "\n".join([*sorted(lines[:head]), *lines[head:]])


def _results(report: Graph, data: Graph) -> tuple[ValidationResult, ...]:
    names = _Names(data)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = _SEVERITIES.get(report.value(node, SH.resultSeverity), "Violation")
        message = report.value(node, SH.resultMessage)
        component = report.value(node, SH.sourceConstraintComponent)
        results.append(
            ValidationResult(
                severity=severity,
                focus=names.show(report.value(node, SH.focusNode)),
                path=names.path(report, report.value(node, SH.resultPath)),
                message=" ".join(str(message).split()) if message else names.show(component),
                shape=names.show(report.value(node, SH.sourceShape)),
                value=names.show(report.value(node, SH.value)),
            )
        )
    order = _SEVERITY_ORDER
    return tuple(
        sorted(
            results,
            key=lambda r: (order.get(r.severity, 9), r.focus, r.path, r.message, r.value),
        )
    )


def _text(conforms: bool, results: tuple[ValidationResult, ...]) -> str:
    counts = {name: sum(1 for r in results if r.severity == name) for name in _SEVERITY_ORDER}
    summary = (
        f"{'Conforms' if conforms else 'Does not conform'}: "
        f"{_count(counts['Violation'], 'violation')}, {_count(counts['Warning'], 'warning')}, "
        f"{_count(counts['Info'], 'info')}."
    )
    return "\n".join([*(r.line() for r in results), summary])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class _Names:
    """Shows nodes compactly: prefixed names where a known namespace fits."""

    def __init__(self, data: Graph) -> None:
        known = dict(PREFIXES)
        known["sh"] = str(SH)
        known["kgbsh"] = SHAPES_NAMESPACE
        for prefix, namespace in data.namespaces():
            known.setdefault(prefix, str(namespace))
        # Longest namespace first, so kgbi:actor/x is not shown as a shorter prefix's name.
        self.prefixes = sorted(known.items(), key=lambda item: (-len(item[1]), item[0]))

    def show(self, node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            text = str(node)
            for prefix, namespace in self.prefixes:
                if prefix and text.startswith(namespace) and len(text) > len(namespace):
                    return f"{prefix}:{text[len(namespace) :]}"
            return f"<{text}>"
        if isinstance(node, Literal):
            text = node.n3()
            return text if len(text) <= 80 else text[:77] + "..."
        return "[]"  # a blank node (an anonymous shape or path) has no stable name

    def path(self, report: Graph, node: Node | None) -> str:
        """Show a result path in SPARQL property-path syntax (^kgb:mentionOf)."""
        inverse = report.value(node, SH.inversePath) if isinstance(node, BNode) else None
        return "^" + self.show(inverse) if inverse is not None else self.show(node)


__all__ = ["ValidationReport", "ValidationResult", "default_shapes", "validate_graph"]
