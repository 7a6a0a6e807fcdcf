"""The query library: exact rows on a hand-made dataset, and the same rows from rdflib.

The fixture (tests/query_fixture.py) is built with the real graph writer from hand-made
records, so expectations do not move when the extractor improves. On the dev corpus,
whose content does change, each query only has to run and agree between pyoxigraph
and rdflib's own SPARQL engine.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kgbuild.export.rdf import merged_graph
from kgbuild.graph import add_extraction, new_dataset
from kgbuild.iris import IriMinter
from kgbuild.query import compact, execute, library, library_query
from kgbuild.records import (
    Actor,
    ActorType,
    Article,
    Commitment,
    Condition,
    ConditionType,
    Extraction,
    Polarity,
    Status,
)
from kgbuild.store import oxigraph_term, rdflib_term, replace_article_graphs
from query_fixture import fixture_dataset, iran, paris, span

QUERY_NAMES = sorted(library())
Row = tuple[Any, ...]


@pytest.fixture(scope="module")
def fixture_store() -> pyoxigraph.Store:
    """The fixture dataset in an in-memory pyoxigraph store, one named graph per article."""
    store = pyoxigraph.Store()
    replace_article_graphs(store, fixture_dataset())
    return store


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    """The fixture dataset merged into one rdflib graph, as graph.ttl holds it."""
    return merged_graph(fixture_dataset())


def shown(term: Any) -> Any:
    """Give a pyoxigraph term as the test expectations write it."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return compact(term.value)
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value.endswith("#integer"):
        return int(term.value)
    return term.value


def rows(store: pyoxigraph.Store, name: str, **params: str) -> list[Row]:
    """Run a library query with pyoxigraph; give its rows as plain values."""
    result = execute(store, library_query(name).text, params=params)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(shown(solution[n]) for n in names) for solution in result]


def commitment_iri(article: str, action: str) -> str:
    """Give the compact IRI of a fixture commitment, minted as kgbuild mints it."""
    extraction = {"paris": paris, "iran": iran}[article]()
    found = next(c for c in extraction.commitments if c.action == action)
    return compact(str(IriMinter().commitment(article, found)))


PARIS, IRAN = "kgbi:article/paris", "kgbi:article/iran"


def test_every_library_query_has_a_question_and_returns_header() -> None:
    for query in library().values():
        assert query.question.endswith("?"), query.name
        assert query.returns, query.name


def test_commitments_with_conditions_lists_each_debtor_and_condition(
    fixture_store: pyoxigraph.Store,
) -> None:
    guarantees = commitment_iri("paris", "extend security guarantees")
    prereq, signaled, positive = "kgb:Prerequisite", "kgb:Signaled", "kgb:Positive"
    peace = "a peace deal is achieved"
    assert rows(fixture_store, "commitments-with-conditions") == [
        (IRAN, commitment_iri("iran", "lift sanctions"), "lift sanctions", "kgb:Pledged",
         "kgb:Negative", "Germany", "kgb:Trigger", "Tehran keeps enriching uranium"),
        (IRAN, commitment_iri("iran", "resume talks"), "resume talks", "kgb:Pledged",
         "kgb:Negative", "Iran", None, None),
        (IRAN, commitment_iri("iran", "trigger the snapback mechanism"),
         "trigger the snapback mechanism", "kgb:Pledged", positive, "E3", "kgb:Exception",
         "Iran restores inspections"),
        (PARIS, commitment_iri("paris", "deploy a reassurance force"),
         "deploy a reassurance force", "kgb:Considered", positive, "France", None, None),
        (PARIS, guarantees, "extend security guarantees", signaled, positive, "France",
         prereq, peace),
        (PARIS, guarantees, "extend security guarantees", signaled, positive, "Germany",
         prereq, peace),
        (PARIS, guarantees, "extend security guarantees", signaled, positive, "Poland",
         prereq, peace),
        (PARIS, commitment_iri("paris", "host a follow-up meeting"), "host a follow-up meeting",
         "kgb:Pledged", positive, "Emmanuel Macron", None, None),
        (PARIS, commitment_iri("paris", "impose sanctions"), "impose sanctions",
         "kgb:Demanded", positive, "European Union", "kgb:Trigger",
         "renewed Russian aggression"),
        (PARIS, commitment_iri("paris", "send ground troops"), "send ground troops",
         "kgb:Pledged", "kgb:Negative", "United States", None, None),
    ]


def test_conditional_commitments_default_keyword_is_peace(fixture_store: pyoxigraph.Store) -> None:
    row = ("peace", "kgb:Prerequisite", "a peace deal is achieved",
           "extend security guarantees", "kgb:Signaled", "kgb:Positive")
    assert rows(fixture_store, "conditional-commitments") == [
        (*row, "France", PARIS), (*row, "Germany", PARIS), (*row, "Poland", PARIS),
    ]


def test_conditional_commitments_keyword_parameter_ignores_case(
    fixture_store: pyoxigraph.Store,
) -> None:
    assert rows(fixture_store, "conditional-commitments", keyword="AGGRESSION") == [
        ("AGGRESSION", "kgb:Trigger", "renewed Russian aggression", "impose sanctions",
         "kgb:Demanded", "kgb:Positive", "European Union", PARIS),
    ]
    assert rows(fixture_store, "conditional-commitments", keyword="ceasefire") == []


def test_ruled_out_quotes_the_evidence_of_negative_commitments(
    fixture_store: pyoxigraph.Store,
) -> None:
    assert rows(fixture_store, "ruled-out") == [
        ("Germany", "lift sanctions", "kgb:Pledged",
         "Germany said it would not lift sanctions if Tehran keeps enriching uranium.", IRAN),
        ("Iran", "resume talks", "kgb:Pledged", "Iran refused to resume talks.", IRAN),
        ("United States", "send ground troops", "kgb:Pledged",
         "The U.S. ruled out sending ground troops.", PARIS),
    ]


def test_pending_gives_demanded_and_considered_only(fixture_store: pyoxigraph.Store) -> None:
    assert rows(fixture_store, "pending") == [
        ("kgb:Considered", "deploy a reassurance force", "kgb:Positive", "France", None, PARIS),
        ("kgb:Demanded", "impose sanctions", "kgb:Positive", "European Union",
         "Volodymyr Zelensky", PARIS),
    ]


def test_demands_gives_requester_debtor_and_evidence(fixture_store: pyoxigraph.Store) -> None:
    assert rows(fixture_store, "demands") == [
        ("Volodymyr Zelensky", "European Union", "impose sanctions", "kgb:Positive",
         "Zelensky urged Europe to impose sanctions in the event of renewed Russian "
         "aggression.", PARIS),
    ]


def test_conditions_involving_actors_by_mention_span_or_label(
    fixture_store: pyoxigraph.Store,
) -> None:
    # "Russian" is a mention of Russia inside the condition's span (no label match);
    # "Tehran" is a mention of Iran; "Iran restores inspections" matches both ways.
    assert rows(fixture_store, "conditions-involving-actors") == [
        ("Iran", "kgb:Exception", "Iran restores inspections", "trigger the snapback mechanism",
         "E3", IRAN),
        ("Iran", "kgb:Trigger", "Tehran keeps enriching uranium", "lift sanctions", "Germany",
         IRAN),
        ("Russia", "kgb:Trigger", "renewed Russian aggression", "impose sanctions",
         "European Union", PARIS),
    ]


def test_conditions_involving_actors_leaves_out_the_debtor_itself() -> None:
    # The condition mentions Poland, but Poland is the debtor, not "another actor".
    text = "Poland will buy jets if Poland's budget allows."
    extraction = Extraction(
        article=Article(id="jets", text=text),
        actors=(Actor("poland", "Poland", ActorType.STATE,
                      mentions=(span(text, "Poland"), span(text, "Poland", 2))),),
        commitments=(Commitment(
            action="buy jets", polarity=Polarity.POSITIVE, status=Status.PLEDGED,
            evidence=span(text, text), debtors=("poland",),
            conditions=(Condition("Poland's budget allows", ConditionType.TRIGGER,
                                  span(text, "Poland's budget allows")),),
        ),),
    )
    dataset = new_dataset()
    add_extraction(dataset, extraction, IriMinter())
    store = pyoxigraph.Store()
    replace_article_graphs(store, dataset)
    assert rows(store, "conditions-involving-actors") == []


def test_commitments_by_state_include_persons_acting_for_it(
    fixture_store: pyoxigraph.Store,
) -> None:
    pos, neg = "kgb:Positive", "kgb:Negative"
    fr, de, ir, pl, us = (f"kgbi:actor/{k}" for k in
                          ("france", "germany", "iran", "poland", "united-states"))
    assert rows(fixture_store, "commitments-by-state") == [
        (fr, "France", None, "deploy a reassurance force", "kgb:Considered", pos, PARIS),
        (fr, "France", None, "extend security guarantees", "kgb:Signaled", pos, PARIS),
        (fr, "France", "Emmanuel Macron", "host a follow-up meeting", "kgb:Pledged", pos, PARIS),
        (de, "Germany", None, "lift sanctions", "kgb:Pledged", neg, IRAN),
        (de, "Germany", None, "extend security guarantees", "kgb:Signaled", pos, PARIS),
        (ir, "Iran", None, "resume talks", "kgb:Pledged", neg, IRAN),
        (pl, "Poland", None, "extend security guarantees", "kgb:Signaled", pos, PARIS),
        (us, "United States", None, "send ground troops", "kgb:Pledged", neg, PARIS),
    ]


def test_commitments_by_state_parameter_picks_one_state(fixture_store: pyoxigraph.Store) -> None:
    found = rows(fixture_store, "commitments-by-state", state="kgbi:actor/france")
    assert [r[:4] for r in found] == [
        ("kgbi:actor/france", "France", None, "deploy a reassurance force"),
        ("kgbi:actor/france", "France", None, "extend security guarantees"),
        ("kgbi:actor/france", "France", "Emmanuel Macron", "host a follow-up meeting"),
    ]


def test_actors_ranked_by_commitments_counts_across_articles(
    fixture_store: pyoxigraph.Store,
) -> None:
    assert rows(fixture_store, "actors-by-commitments") == [
        ("kgbi:actor/france", "France", 2, 0, 1),
        ("kgbi:actor/germany", "Germany", 2, 1, 2),
        ("kgbi:actor/e3", "E3", 1, 0, 1),
        ("kgbi:actor/emmanuel-macron", "Emmanuel Macron", 1, 0, 1),
        ("kgbi:actor/european-union", "European Union", 1, 0, 1),
        ("kgbi:actor/iran", "Iran", 1, 1, 1),
        ("kgbi:actor/poland", "Poland", 1, 0, 1),
        ("kgbi:actor/united-states", "United States", 1, 1, 1),
    ]


def test_commitments_per_article_with_date_and_title(fixture_store: pyoxigraph.Store) -> None:
    assert rows(fixture_store, "commitments-per-article") == [
        (IRAN, None, "iran", 3),
        (PARIS, "2025-09-04", "Paris summit on guarantees", 5),
    ]


def test_commitment_graph_constructs_roles_labels_and_conditions(
    fixture_store: pyoxigraph.Store,
) -> None:
    result = execute(fixture_store, library_query("commitment-graph").text)
    assert isinstance(result, pyoxigraph.QueryTriples)
    triples = {(compact(t.subject.value), compact(t.predicate.value), shown(t.object))
               for t in result}
    demand = commitment_iri("paris", "impose sanctions")
    assert (demand, "kgb:requestedBy", "kgbi:actor/volodymyr-zelensky") in triples
    assert (demand, "kgb:debtor", "kgbi:actor/european-union") in triples
    assert ("kgbi:actor/volodymyr-zelensky", "rdfs:label", "Volodymyr Zelensky") in triples
    assert (commitment_iri("paris", "send ground troops"), "kgb:polarity",
            "kgb:Negative") in triples
    conditions = {o for s, p, o in triples if p == "kgb:text"}
    assert conditions == {"a peace deal is achieved", "renewed Russian aggression",
                          "Iran restores inspections", "Tehran keeps enriching uranium"}
    assert not any(p.startswith("nif:") for _, p, _ in triples)  # spans are left out
    assert len({s for s, p, o in triples if o == "kgb:Commitment"}) == 8


# --- the same rows from rdflib -----------------------------------------------------------


def value(term: Any) -> Any:
    """Give a comparable value of an rdflib term: literals by value, not lexical form."""
    if term is None:
        return None
    if isinstance(term, Literal):
        python = term.toPython()
        return str(python) if isinstance(python, Literal) else python
    if isinstance(term, BNode):
        return "_:"  # blank node labels differ between engines
    assert isinstance(term, URIRef)
    return str(term)


def oxigraph_rows(store: pyoxigraph.Store, text: str) -> list[Row]:
    """Give a query's rows (or sorted triples) from pyoxigraph as comparable values."""
    result = execute(store, text)
    if isinstance(result, pyoxigraph.QueryTriples):
        return sorted(
            tuple(value(rdflib_term(t)) for t in (triple.subject, triple.predicate, triple.object))
            for triple in result
        )
    assert isinstance(result, pyoxigraph.QuerySolutions)
    names = result.variables
    return [
        tuple(value(None if s[v] is None else rdflib_term(s[v])) for v in names)
        for s in result
    ]


def rdflib_rows(graph: Graph, text: str) -> list[Row]:
    """Give a query's rows (or sorted triples) from rdflib's SPARQL engine."""
    result = graph.query(text)
    if result.type == "CONSTRUCT":
        return sorted(tuple(value(t) for t in triple) for triple in result)
    return [tuple(value(t) for t in row) for row in result]  # type: ignore[union-attr]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_library_query_gives_the_same_rows_in_rdflib(
    name: str, fixture_store: pyoxigraph.Store, fixture_graph: Graph
) -> None:
    text = library_query(name).text
    expected = oxigraph_rows(fixture_store, text)
    assert expected, f"{name} gives no rows on the fixture, so the comparison proves nothing"
    assert rdflib_rows(fixture_graph, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_library_query_runs_on_the_dev_corpus_alike_in_rdflib_and_pyoxigraph(
    name: str, dev_corpus_out: Path
) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(dev_corpus_out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    graph = Graph().parse(dev_corpus_out / "graph.ttl", format="turtle")
    text = library_query(name).text
    assert rdflib_rows(graph, text) == oxigraph_rows(store, text)


def test_value_compares_literals_by_value_not_lexical_form() -> None:
    decimal = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    assert value(Literal("0.910", datatype=decimal)) == value(Literal("0.91", datatype=decimal))
    assert value(Literal("0.91", datatype=decimal)) == Decimal("0.91")
    assert oxigraph_term(Literal("0.910", datatype=decimal)).value == "0.910"
