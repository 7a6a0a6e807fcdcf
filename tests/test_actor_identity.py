"""One node per real-world actor across the dev corpus, and the README's query that
gathers each state's commitments (its own and those of people who act for it).

Expectations come from the graph and the extraction records themselves, so they hold
while the extractor changes what it finds; a few rows the dev corpus must give are
checked by name.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kgbuild import build_dataset, read_articles
from kgbuild.export.rdf import merged_graph
from kgbuild.iris import IriMinter
from kgbuild.pipeline import extract_articles
from kgbuild.query import execute
from kgbuild.records import ActorType, Extraction
from kgbuild.store import replace_article_graphs
from kgbuild.vocab import KGB, ORG, WD

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
README = ROOT / "README.md"
ACTOR_CLASSES = (KGB.Person, KGB.State, KGB.Organization, KGB.ActorGroup)
Row = tuple[str, str | None, str, str]


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return list(extract_articles(read_articles([ARTICLES])))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The dev corpus built with the public API: one named graph per article."""
    built, _summaries = build_dataset(list(read_articles([ARTICLES])))
    return built


@pytest.fixture(scope="module")
def merged(dataset: Dataset) -> Graph:
    return merged_graph(dataset)


def actor_nodes(graph: Graph) -> set[URIRef]:
    return {
        s for cls in ACTOR_CLASSES for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)
    }


# -- one node per actor --------------------------------------------------------------------


def test_every_actor_node_has_exactly_one_label(merged: Graph) -> None:
    for node in actor_nodes(merged):
        labels = list(merged.objects(node, RDFS.label))
        assert len(labels) == 1, (node, labels)


def test_no_two_actor_nodes_share_a_label(merged: Graph) -> None:
    by_label: dict[str, set[URIRef]] = defaultdict(set)
    for node in actor_nodes(merged):
        for label in merged.objects(node, RDFS.label):
            by_label[str(label)].add(node)
    assert {label: nodes for label, nodes in by_label.items() if len(nodes) > 1} == {}


def test_no_two_actor_nodes_share_a_wikidata_entity(merged: Graph) -> None:
    by_entity: dict[str, set[URIRef]] = defaultdict(set)
    for node in actor_nodes(merged):
        for entity in merged.objects(node, SKOS.exactMatch):
            by_entity[str(entity)].add(node)
    assert {e: nodes for e, nodes in by_entity.items() if len(nodes) > 1} == {}


def test_every_actor_node_has_exactly_one_kind(merged: Graph) -> None:
    for node in actor_nodes(merged):
        kinds = [c for c in ACTOR_CLASSES if (node, RDF.type, c) in merged]
        assert len(kinds) == 1, (node, kinds)


def test_an_actor_named_in_several_articles_is_one_node(dataset: Dataset) -> None:
    minter = IriMinter()
    france = minter.actor("france")
    graphs = [g for g in dataset.graphs() if (france, RDF.type, KGB.State) in g]
    assert len(graphs) >= 2  # the seed article and the Iran article both name France
    assert {str(o) for o in merged_graph(dataset).objects(france, RDFS.label)} == {"France"}


# What is true of the actor itself; everything an article says of it is on its mention.
ACTOR_OWN_PREDICATES = {
    RDF.type,
    RDFS.label,
    SKOS.exactMatch,
    KGB.actsFor,
    KGB.hasMember,
    ORG.holds,
    ORG.subOrganizationOf,
}


def test_a_shared_actor_node_holds_no_per_article_triples(merged: Graph) -> None:
    for node in actor_nodes(merged):
        predicates = set(merged.predicates(node, None))
        assert predicates <= ACTOR_OWN_PREDICATES, (node, predicates - ACTOR_OWN_PREDICATES)


def test_each_article_has_one_mention_per_actor_with_its_own_spans(
    merged: Graph, extractions: list[Extraction]
) -> None:
    minter = IriMinter()
    for extraction in extractions:
        article_id = extraction.article.id
        article = minter.article(article_id)
        for actor in extraction.actors:
            mention = minter.mention(article_id, actor.key)
            assert (mention, RDF.type, KGB.ActorMention) in merged
            assert set(merged.objects(mention, KGB.mentionOf)) == {minter.actor(actor.key)}
            assert set(merged.objects(mention, PROV.wasDerivedFrom)) == {article}
            assert set(merged.objects(mention, KGB.evidence)) == {
                minter.span(article_id, span) for span in actor.mentions
            }
            assert (article, KGB.mentions, minter.actor(actor.key)) in merged


@pytest.mark.parametrize(
    "gold_file", sorted(ARTICLES.glob("*.gold.json")), ids=lambda p: p.name.split(".")[0]
)
def test_gold_actor_with_a_qid_is_the_node_with_that_qid(
    dataset: Dataset, gold_file: Path
) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article_id = gold_file.name.removesuffix(".gold.json")
    graph = dataset.graph(IriMinter().graph(article_id))
    for item in gold["actors"]:
        if not item.get("wikidata"):
            continue
        nodes = set(graph.subjects(SKOS.exactMatch, WD[item["wikidata"]]))
        assert len(nodes) == 1, (item["label"], nodes)
        (node,) = nodes
        assert graph.value(node, RDFS.label) == Literal(item["label"])
        assert (node, RDF.type, KGB[item["type"]]) in graph


def test_readme_mention_query_gives_where_each_article_names_the_actor(
    dataset: Dataset, extractions: list[Extraction]
) -> None:
    blocks = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    (query,) = [b for b in blocks if "kgb:mentionOf" in b]
    store = pyoxigraph.Store()
    replace_article_graphs(store, dataset)
    result = execute(store, query)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    rows = sorted((s["article"].value, s["text"].value) for s in result)
    minter = IriMinter()
    expected = sorted(
        (str(minter.article(e.article.id)), span.text)
        for e in extractions
        for actor in e.actors
        if actor.label == "France"
        for span in actor.mentions
    )
    assert rows == expected
    assert len({article for article, _ in rows}) >= 2  # France is named in two dev articles


# -- the README's commitments-by-state query -----------------------------------------------


def readme_state_query() -> str:
    """Give the README's SPARQL example that gathers each state's commitments."""
    blocks = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    found = [b for b in blocks if "kgb:actsFor ?state" in b]
    assert len(found) == 1, "the README should show one query joining kgb:actsFor ?state"
    return str(found[0])


@pytest.fixture(scope="module")
def state_rows(dataset: Dataset) -> set[Row]:
    store = pyoxigraph.Store()
    replace_article_graphs(store, dataset)
    result = execute(store, readme_state_query())
    assert isinstance(result, pyoxigraph.QuerySolutions)
    names = [v.value for v in result.variables]
    assert names == ["stateLabel", "via", "action", "status"]
    rows: set[Row] = set()
    for solution in result:
        via = solution["via"]
        rows.add((
            solution["stateLabel"].value,
            via.value if via is not None else None,
            solution["action"].value,
            solution["status"].value,
        ))
    return rows


def expected_state_rows(extractions: list[Extraction]) -> set[Row]:
    """Give the rows the query should return, computed from the extraction records."""
    label: dict[str, str] = {}
    kind: dict[str, ActorType] = {}
    acts_for: dict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        for actor in extraction.actors:
            label[actor.key], kind[actor.key] = actor.label, actor.type
            if actor.type is ActorType.PERSON:
                acts_for[actor.key].update(actor.acts_for)
    rows: set[Row] = set()
    for extraction in extractions:
        for c in extraction.commitments:
            status = str(KGB[c.status.value])
            for debtor in c.debtors:
                if kind.get(debtor) is ActorType.STATE:
                    rows.add((label[debtor], None, c.action, status))
                for state in acts_for.get(debtor, ()):
                    if kind.get(state) is ActorType.STATE:
                        rows.add((label[state], label[debtor], c.action, status))
    return rows


def test_state_query_gives_each_states_commitments_and_its_peoples(
    state_rows: set[Row], extractions: list[Extraction]
) -> None:
    assert state_rows == expected_state_rows(extractions)


def test_state_query_finds_a_states_own_commitment(state_rows: set[Row]) -> None:
    signaled = str(KGB.Signaled)
    assert ("France", None, "extend formal security guarantees", signaled) in state_rows


def test_state_query_finds_a_states_refusal(state_rows: set[Row]) -> None:
    pledged = str(KGB.Pledged)
    refusals = {
        row for row in state_rows
        if row[0] == "United States" and row[1] is None and "ground troops" in row[2]
    }
    assert {row[3] for row in refusals} == {pledged}


def test_state_query_finds_commitments_through_a_person_who_acts_for_the_state(
    state_rows: set[Row],
) -> None:
    assert any(row[:2] == ("United States", "Donald Trump") for row in state_rows)
    assert any(row[:2] == ("United Kingdom", "Keir Starmer") for row in state_rows)
