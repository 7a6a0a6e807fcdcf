"""The graph stage (`kgbuild.graph`): which triples one article's records give.

The records are built by hand, so each test states exactly what the extractor handed over.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import PROV
from rdflib.term import Node

from kgbuild.graph import add_extraction, new_dataset
from kgbuild.iris import IriMinter
from kgbuild.records import (
    Actor,
    ActorType,
    Article,
    Commitment,
    Condition,
    ConditionType,
    Extraction,
    Polarity,
    Span,
    Status,
)
from kgbuild.vocab import KGB

TEXT = "Germany will send troops once Russia agrees to a ceasefire."
MINTER = IriMinter()


def span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def article_graph(condition_phrase: str = "once Russia agrees to a ceasefire") -> Graph:
    condition = Condition(
        text=condition_phrase.removeprefix("once "),
        type=ConditionType.PREREQUISITE,
        evidence=span(condition_phrase),
    )
    extraction = Extraction(
        article=Article(id="a", text=TEXT),
        actors=(
            Actor("germany", "Germany", ActorType.STATE, mentions=(span("Germany"),)),
            Actor("russia", "Russia", ActorType.STATE, mentions=(span("Russia"),)),
        ),
        commitments=(
            Commitment(
                action="send troops",
                polarity=Polarity.POSITIVE,
                status=Status.PLEDGED,
                evidence=span("Germany will send troops"),
                debtors=("germany",),
                conditions=(condition,),
            ),
        ),
    )
    return add_extraction(new_dataset(), extraction, MINTER)


def condition_iri(graph: Graph) -> Node:
    (condition,) = graph.subjects(RDF.type, KGB.Condition)
    return condition


def test_condition_involves_the_actor_named_in_its_span() -> None:
    graph = article_graph()
    assert set(graph.objects(condition_iri(graph), KGB.involves)) == {MINTER.actor("russia")}


def test_condition_naming_no_actor_involves_none() -> None:
    graph = article_graph("a ceasefire")
    assert set(graph.objects(condition_iri(graph), KGB.involves)) == set()


def test_actor_mentions_hang_on_a_mention_node_not_on_the_actor() -> None:
    graph = article_graph()
    germany, mention = MINTER.actor("germany"), MINTER.mention("a", "germany")
    assert set(graph.predicate_objects(mention)) == {
        (RDF.type, KGB.ActorMention),
        (KGB.mentionOf, germany),
        (KGB.evidence, MINTER.span("a", span("Germany"))),
        (PROV.wasDerivedFrom, MINTER.article("a")),
    }
    assert set(graph.predicates(germany)) == {RDF.type, RDFS.label}
