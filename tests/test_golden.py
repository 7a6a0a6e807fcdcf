"""Golden end-to-end cases: one folder per case with its article and the expected TriG,
compared as RDF (isomorphism), plus the seed article's acceptance facts through SPARQL.

Regenerate the expected files after a deliberate change with
`KGBUILD_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

from conftest import SEED
from kgbuild import build_dataset, export, read_articles
from kgbuild.graphio import union_graph

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: str, tmp_path: Path) -> None:
    folder = GOLDEN / case
    dataset, _ = build_dataset(list(read_articles([folder / "article.txt"])))
    expected_path = folder / "expected.trig"
    if os.environ.get("KGBUILD_UPDATE_GOLDEN") == "1":
        export(dataset, "trig", expected_path)
    expected = Dataset()
    expected.parse(expected_path, format="trig")
    actual, wanted = to_isomorphic(union_graph(dataset)), to_isomorphic(union_graph(expected))
    if actual != wanted:
        _, missing, extra = graph_diff(wanted, actual)
        pytest.fail(
            "graph differs from the golden file.\nmissing:\n"
            + missing.serialize(format="nt")
            + "\nextra:\n"
            + extra.serialize(format="nt")
        )


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    dataset, _ = build_dataset(list(read_articles([SEED])))
    return union_graph(dataset)


PREFIXES = """
PREFIX kgb: <https://w3id.org/kgbuild/ont#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""


def _rows(graph: Graph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(PREFIXES + query)}


def test_seed_readiness_to_extend_guarantees_once_a_peace_deal(seed_graph: Graph) -> None:
    rows = _rows(
        seed_graph,
        """SELECT ?debtor ?action ?status ?text ?type WHERE {
             ?c kgb:debtor/rdfs:label ?debtor ; kgb:action ?action ; kgb:status ?status ;
                kgb:hasCondition ?k . ?k kgb:text ?text ; kgb:conditionType ?type .
             FILTER(CONTAINS(?action, "security guarantees")) }""",
    )
    ont = "https://w3id.org/kgbuild/ont#"
    assert {r[0] for r in rows} >= {"France", "Germany", "Poland"}
    assert {r[1:] for r in rows} == {
        (
            "extend formal security guarantees",
            ont + "Signaled",
            "a peace deal is achieved",
            ont + "Prerequisite",
        )
    }


def test_seed_united_states_rules_out_ground_troops(seed_graph: Graph) -> None:
    rows = _rows(
        seed_graph,
        """SELECT ?action WHERE { ?c kgb:debtor/rdfs:label "United States" ;
             kgb:polarity kgb:Negative ; kgb:action ?action }""",
    )
    assert rows == {("sending ground troops",)}


def test_seed_trump_signals_support_so_long_as_europe_commits(seed_graph: Graph) -> None:
    rows = _rows(
        seed_graph,
        """SELECT ?action ?text ?type WHERE { ?c kgb:debtor/rdfs:label "Donald Trump" ;
             kgb:status kgb:Signaled ; kgb:action ?action ; kgb:hasCondition ?k .
             ?k kgb:text ?text ; kgb:conditionType ?type }""",
    )
    assert rows == {
        (
            "support Europe's plan",
            "European nations commit significant resources on the ground",
            "https://w3id.org/kgbuild/ont#Proviso",
        )
    }


def test_seed_demands_of_zelensky_and_ukraine(seed_graph: Graph) -> None:
    rows = _rows(
        seed_graph,
        """SELECT ?who WHERE { ?c kgb:requestedBy/rdfs:label ?who ; kgb:status kgb:Demanded }""",
    )
    assert {("Volodymyr Zelensky",), ("Ukraine",)} <= rows


def test_seed_options_in_the_event_of_renewed_aggression(seed_graph: Graph) -> None:
    rows = _rows(
        seed_graph,
        """SELECT ?status ?type WHERE { ?c kgb:status ?status ; kgb:hasCondition ?k .
             ?k kgb:text "renewed Russian aggression" ; kgb:conditionType ?type }""",
    )
    ont = "https://w3id.org/kgbuild/ont#"
    assert rows == {(ont + "Considered", ont + "Trigger")}


def test_seed_every_evidence_span_reproduces_its_text(seed_graph: Graph) -> None:
    rows = seed_graph.query(
        PREFIXES
        + """SELECT ?anchor ?begin ?end ?text WHERE { ?s nif:anchorOf ?anchor ;
             nif:beginIndex ?begin ; nif:endIndex ?end ; nif:referenceContext ?ctx .
             ?ctx nif:isString ?text }"""
    )
    checked = 0
    for anchor, begin, end, text in rows:
        assert str(text)[int(begin) : int(end)] == str(anchor)
        checked += 1
    assert checked > 20
