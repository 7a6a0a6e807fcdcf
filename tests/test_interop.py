"""kgbuild's output in independent implementations: Raptor's `rapper` and pyoxigraph.

Triple counts must agree with kgbuild's own (rdflib), and the query library must give
the same rows on a plain pyoxigraph store as `kgbuild query` gives. Stores canonicalise
literals differently ("0.910"^^xsd:decimal may come back as "0.91"), so rows are compared
as values, not lexical forms.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef

from kgbuild.cli import main
from kgbuild.query import library, library_query
from query_fixture import write_fixture

QUERY_NAMES = sorted(library())
needs_rapper = pytest.mark.skipif(
    shutil.which("rapper") is None,
    reason="rapper (Debian package raptor2-utils) is not installed; .ci/run installs it",
)


@pytest.fixture(scope="module")
def fixture_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture(tmp_path_factory.mktemp("interop"), ("turtle", "trig"))


@pytest.fixture(params=["fixture", pytest.param("dev corpus", marks=pytest.mark.slow)])
def out(request: pytest.FixtureRequest, fixture_out: Path) -> Path:
    """A folder with graph.ttl and graph.trig: the hand-made fixture, or the dev corpus."""
    if request.param == "fixture":
        return fixture_out
    folder: Path = request.getfixturevalue("dev_corpus_out")
    return folder


def rapper_count(syntax: str, path: Path) -> int:
    """Give the number of triples (quads, for TriG) `rapper` reports parsing."""
    done = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    found = re.search(r"Parsing returned (\d+) triples", done.stderr)
    assert found, done.stderr
    return int(found.group(1))


def kgbuild_triples(out: Path) -> int:
    """Give kgbuild's own count of graph.ttl's triples (rdflib)."""
    return len(Graph().parse(out / "graph.ttl", format="turtle"))


def kgbuild_quads(out: Path) -> int:
    """Give kgbuild's own count of graph.trig's quads (rdflib)."""
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    return sum(1 for _ in dataset.quads((None, None, None, None)))


@needs_rapper
def test_rapper_counts_the_turtle_triples_as_kgbuild_does(out: Path) -> None:
    assert rapper_count("turtle", out / "graph.ttl") == kgbuild_triples(out)


@needs_rapper
def test_rapper_counts_the_trig_quads_as_kgbuild_does(out: Path) -> None:
    assert rapper_count("trig", out / "graph.trig") == kgbuild_quads(out)


def test_pyoxigraph_loads_turtle_and_trig_with_kgbuilds_counts(out: Path) -> None:
    turtle = pyoxigraph.Store()
    turtle.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    trig = pyoxigraph.Store()
    trig.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(turtle) == kgbuild_triples(out)
    assert len(trig) == kgbuild_quads(out)
    assert len(list(trig.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))) == 0


def test_the_merged_turtle_is_the_set_union_of_the_trig_graphs(out: Path) -> None:
    trig = pyoxigraph.Store()
    trig.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    distinct = {(q.subject, q.predicate, q.object) for q in trig}
    assert len(distinct) == kgbuild_triples(out)


# --- the query library on an independent store ------------------------------------------


def json_value(binding: dict[str, str] | None) -> Any:
    """Give a SPARQL JSON results term as a comparable value."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return binding["value"]
    if binding["type"] == "bnode":
        return "_:"
    literal = Literal(binding["value"], lang=binding.get("xml:lang"),
                      datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)
    return canonical(literal)


def canonical(literal: Literal) -> Any:
    python = literal.toPython()
    return str(python) if isinstance(python, Literal) else python


def oxigraph_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return "_:"
    datatype = None if term.language else URIRef(term.datatype.value)
    return canonical(Literal(term.value, lang=term.language, datatype=datatype))


def kgbuild_rows(graph: Path, name: str) -> Any:
    """Give `kgbuild query GRAPH --name NAME` rows (or triples) as comparable values."""
    graph_result = name == "commitment-graph"
    fmt = "turtle" if graph_result else "json"
    result = CliRunner().invoke(main, ["query", str(graph), "--name", name, "--format", fmt])
    assert result.exit_code == 0, result.output
    if graph_result:
        parsed = Graph().parse(data=result.stdout, format="turtle")
        return sorted(
            (str(s), str(p), o.toPython() if isinstance(o, Literal) else str(o))
            for s, p, o in parsed
        )
    document = json.loads(result.stdout)
    names = document["head"]["vars"]
    return [tuple(json_value(b.get(n)) for n in names) for b in document["results"]["bindings"]]


def independent_rows(trig: Path, name: str) -> Any:
    """Give a library query's rows straight from pyoxigraph, loaded as any user would."""
    store = pyoxigraph.Store()
    store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    result = store.query(library_query(name).text, use_default_graph_as_union=True)
    if isinstance(result, pyoxigraph.QueryTriples):
        return sorted(
            {(t.subject.value, t.predicate.value, oxigraph_value(t.object)) for t in result}
        )
    assert isinstance(result, pyoxigraph.QuerySolutions)
    names = result.variables
    return [tuple(oxigraph_value(s[v]) for v in names) for s in result]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_library_on_pyoxigraph_gives_kgbuild_query_rows(out: Path, name: str) -> None:
    assert kgbuild_rows(out / "graph.ttl", name) == independent_rows(out / "graph.trig", name)


def test_literals_compare_by_value_across_canonical_forms() -> None:
    decimal = "http://www.w3.org/2001/XMLSchema#decimal"
    assert json_value({"type": "literal", "value": "0.910", "datatype": decimal}) == \
        oxigraph_value(pyoxigraph.Literal("0.91", datatype=pyoxigraph.NamedNode(decimal)))
