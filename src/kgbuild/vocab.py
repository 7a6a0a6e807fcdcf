"""The ontology's terms as rdflib namespaces; the only place kgbuild's IRIs are spelled out.

`tests/test_ontology.py` checks that every member of `KGB` is defined in
`ontology/kgbuild.ttl` and the other way round, so code and ontology cannot drift apart.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

KGB_IRI = "https://w3id.org/kgbuild/ont#"
KGBI_IRI = "https://w3id.org/kgbuild/id/"


class KGB(DefinedNamespace):
    """kgbuild ontology terms (`kgb:`)."""

    _NS = Namespace(KGB_IRI)
    _fail = True

    # Classes
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    ActorGroup: URIRef
    Commitment: URIRef
    Condition: URIRef
    Article: URIRef
    EvidenceSpan: URIRef
    ActorMention: URIRef
    CommitmentStatus: URIRef
    Polarity: URIRef
    ConditionType: URIRef

    # Concept schemes
    CommitmentStatusScheme: URIRef
    PolarityScheme: URIRef
    ConditionTypeScheme: URIRef

    # Statuses, weakest to strongest
    Demanded: URIRef
    Considered: URIRef
    Signaled: URIRef
    Pledged: URIRef
    Formalized: URIRef
    Fulfilled: URIRef
    Withdrawn: URIRef

    # Polarities
    Positive: URIRef
    Negative: URIRef

    # Condition types
    Prerequisite: URIRef
    Trigger: URIRef
    Proviso: URIRef
    Exception: URIRef

    # Actor properties
    actsFor: URIRef
    hasMember: URIRef

    # Commitment properties
    debtor: URIRef
    beneficiary: URIRef
    requestedBy: URIRef
    statedBy: URIRef
    action: URIRef
    polarity: URIRef
    status: URIRef
    hasCondition: URIRef
    evidence: URIRef
    cue: URIRef

    # Condition properties
    text: URIRef
    conditionType: URIRef
    involves: URIRef

    # Article properties
    headline: URIRef
    publicationDate: URIRef
    source: URIRef
    datelinePlace: URIRef
    contentHash: URIRef
    mentions: URIRef

    # Actor mention properties
    mentionOf: URIRef


KGBI = Namespace(KGBI_IRI)
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

PREFIXES: dict[str, str] = {
    "kgb": KGB_IRI,
    "kgbi": KGBI_IRI,
    "nif": str(NIF),
    "wd": str(WD),
    "org": str(ORG),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}
