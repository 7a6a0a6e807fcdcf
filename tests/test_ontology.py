"""The ontology (ontology/kgbuild.ttl) declares the public contract and matches vocab.py."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kgbuild.records import ActorType, ConditionType, Polarity, Status
from kgbuild.vocab import KGB, KGB_IRI

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kgbuild.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/kgbuild/ont")
# Spelled out: pytest's collection pokes at module globals, and rdflib's XSD namespace
# warns about every unknown attribute it is asked for.
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")

# The public contract (/work/shared/contract.md), spelled out here because the shared
# folder is not part of every checkout. These IRIs and their kinds never change.
CONTRACT_CLASSES = [
    "Actor",
    "Person",
    "State",
    "Organization",
    "ActorGroup",
    "Commitment",
    "Condition",
    "CommitmentStatus",
]
CONTRACT_OBJECT_PROPERTIES = [
    "actsFor",
    "hasMember",
    "debtor",
    "beneficiary",
    "requestedBy",
    "statedBy",
    "polarity",
    "status",
    "hasCondition",
    "evidence",
    "conditionType",
]
CONTRACT_DATATYPE_PROPERTIES = ["action", "text"]
CONTRACT_FUNCTIONAL = ["action", "polarity", "status", "text", "conditionType"]
CONTRACT_STATUSES = [
    "Demanded",
    "Considered",
    "Signaled",
    "Pledged",
    "Formalized",
    "Fulfilled",
    "Withdrawn",
]
CONTRACT_POLARITIES = ["Positive", "Negative"]
CONTRACT_CONDITION_TYPES = ["Prerequisite", "Trigger", "Proviso", "Exception"]
ACTOR_SUBCLASSES = ["Person", "State", "Organization", "ActorGroup"]
ROLE_PROPERTIES = ["debtor", "beneficiary", "requestedBy", "statedBy"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def kgb(name: str) -> URIRef:
    return URIRef(KGB_IRI + name)


def declared_kgb_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(KGB_IRI)
    }


def vocab_terms() -> set[URIRef]:
    return {kgb(name) for name in KGB.__annotations__}


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_is_an_owl_class(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", CONTRACT_OBJECT_PROPERTIES)
def test_contract_object_property_is_declared(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("name", CONTRACT_DATATYPE_PROPERTIES)
def test_contract_datatype_property_is_a_string(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDF.type, OWL.DatatypeProperty) in ontology
    assert (kgb(name), RDFS.range, XSD_STRING) in ontology


@pytest.mark.parametrize("name", CONTRACT_FUNCTIONAL)
def test_exactly_one_properties_are_functional(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDF.type, OWL.FunctionalProperty) in ontology


@pytest.mark.parametrize(
    ("names", "concept_class", "scheme"),
    [
        (CONTRACT_STATUSES, "CommitmentStatus", "CommitmentStatusScheme"),
        (CONTRACT_POLARITIES, "Polarity", "PolarityScheme"),
        (CONTRACT_CONDITION_TYPES, "ConditionType", "ConditionTypeScheme"),
    ],
)
def test_contract_values_are_skos_concepts_in_their_scheme(
    ontology: Graph, names: list[str], concept_class: str, scheme: str
) -> None:
    assert (kgb(scheme), RDF.type, SKOS.ConceptScheme) in ontology
    for name in names:
        concept = kgb(name)
        assert (concept, RDF.type, kgb(concept_class)) in ontology
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, SKOS.inScheme, kgb(scheme)) in ontology
        assert (kgb(scheme), SKOS.hasTopConcept, concept) in ontology
        assert ontology.value(concept, SKOS.prefLabel) is not None
    in_scheme = set(ontology.subjects(SKOS.inScheme, kgb(scheme)))
    assert in_scheme == {kgb(name) for name in names}


def test_statuses_are_ranked_weakest_to_strongest(ontology: Graph) -> None:
    ranked = sorted(
        ontology.subjects(SKOS.inScheme, KGB.CommitmentStatusScheme),
        key=lambda c: int(ontology.value(c, SKOS.notation)),  # type: ignore[arg-type]
    )
    assert [str(c).removeprefix(KGB_IRI) for c in ranked] == CONTRACT_STATUSES
    notations = [ontology.value(c, SKOS.notation) for c in ranked]
    assert notations == [Literal(n, datatype=XSD_INTEGER) for n in range(1, 8)]


@pytest.mark.parametrize("name", ACTOR_SUBCLASSES)
def test_actor_kinds_are_subclasses_of_actor(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDFS.subClassOf, KGB.Actor) in ontology


def test_actor_kinds_are_pairwise_disjoint(ontology: Graph) -> None:
    members = [
        list(ontology.items(ontology.value(node, OWL.members)))
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert [kgb(name) for name in ACTOR_SUBCLASSES] in members


@pytest.mark.parametrize("name", ROLE_PROPERTIES)
def test_commitment_roles_link_commitments_to_actors(ontology: Graph, name: str) -> None:
    assert (kgb(name), RDFS.domain, KGB.Commitment) in ontology
    assert (kgb(name), RDFS.range, KGB.Actor) in ontology


def test_contract_ranges(ontology: Graph) -> None:
    assert (KGB.polarity, RDFS.range, KGB.Polarity) in ontology
    assert (KGB.status, RDFS.range, KGB.CommitmentStatus) in ontology
    assert (KGB.conditionType, RDFS.range, KGB.ConditionType) in ontology
    assert (KGB.hasCondition, RDFS.range, KGB.Condition) in ontology
    assert (KGB.evidence, RDFS.range, KGB.EvidenceSpan) in ontology


def test_alignments(ontology: Graph) -> None:
    prov = "http://www.w3.org/ns/prov#"
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    assert (KGB.Actor, RDFS.subClassOf, URIRef(prov + "Agent")) in ontology
    assert (KGB.Commitment, RDFS.subClassOf, URIRef(prov + "Entity")) in ontology
    assert (KGB.EvidenceSpan, RDFS.subClassOf, URIRef(nif + "OffsetBasedString")) in ontology
    assert (KGB.Article, RDFS.subClassOf, URIRef(nif + "Context")) in ontology
    wd = "http://www.wikidata.org/entity/"
    assert (KGB.Person, SKOS.closeMatch, URIRef(wd + "Q5")) in ontology
    assert (KGB.State, SKOS.closeMatch, URIRef(wd + "Q6256")) in ontology


def test_every_vocab_member_is_declared_in_the_ontology(ontology: Graph) -> None:
    assert sorted(vocab_terms() - declared_kgb_terms(ontology)) == []


def test_every_kgb_term_in_the_ontology_is_in_vocab(ontology: Graph) -> None:
    used = {
        node
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KGB_IRI)
    }
    assert sorted(used - vocab_terms()) == []


def test_every_term_has_an_english_label_and_definition(ontology: Graph) -> None:
    missing = []
    for term in sorted(declared_kgb_terms(ontology)):
        for predicate in (RDFS.label, SKOS.definition):
            values = list(ontology.objects(term, predicate))
            if not any(isinstance(v, Literal) and v.language == "en" and str(v) for v in values):
                missing.append(f"{term} {predicate}")
    assert missing == []


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/kgbuild/ont/0.1.0"
    )
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    dcterms = "http://purl.org/dc/terms/"
    assert ontology.value(ONTOLOGY_IRI, URIRef(dcterms + "license")) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )
    prefix = ontology.value(
        ONTOLOGY_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix")
    )
    assert prefix == Literal("kgb")


@pytest.mark.parametrize(
    ("enum", "concept_class"),
    [(Status, "CommitmentStatus"), (Polarity, "Polarity"), (ConditionType, "ConditionType")],
)
def test_record_enums_match_the_ontology_concepts(
    ontology: Graph, enum: type[Status | Polarity | ConditionType], concept_class: str
) -> None:
    concepts = set(ontology.subjects(RDF.type, kgb(concept_class)))
    assert {kgb(member.value) for member in enum} == concepts


def test_actor_types_are_the_actor_subclasses(ontology: Graph) -> None:
    assert {kgb(t.value) for t in ActorType} == set(ontology.subjects(RDFS.subClassOf, KGB.Actor))


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["ontology", "shapes"])
def test_independent_parser_reads_the_same_triples(path: Path) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(Graph().parse(path, format="turtle"))


def test_shapes_use_only_ontology_terms(ontology: Graph) -> None:
    shapes = Graph().parse(SHAPES, format="turtle")
    used = {
        node
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KGB_IRI)
    }
    assert sorted(used - declared_kgb_terms(ontology)) == []
