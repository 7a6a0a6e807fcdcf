"""Turn one article's `Extraction` into triples in its own named graph."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from ..iris import IriMinter
from ..records import Actor, ActorType, Commitment, Condition, Extraction, Span
from ..vocab import KGB, NIF, ORG, PREFIXES, WD


def new_dataset() -> Dataset:
    """Give an empty dataset with kgbuild's prefixes bound."""
    dataset = Dataset()
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True, replace=True)
    return dataset


def replace_article(dataset: Dataset, extraction: Extraction, minter: IriMinter) -> Graph:
    """Drop the article's named graph if present, then add it anew; give the graph."""
    graph_iri = minter.graph(extraction.article.id)
    dataset.remove_graph(graph_iri)
    return add_extraction(dataset, extraction, minter)


def add_extraction(dataset: Dataset, extraction: Extraction, minter: IriMinter) -> Graph:
    """Add one article's extraction to `dataset` as a named graph; give that graph."""
    graph = dataset.graph(minter.graph(extraction.article.id))
    writer = _ArticleWriter(graph, extraction, minter)
    writer.article()
    for actor in extraction.actors:
        writer.actor(actor)
    for commitment in extraction.commitments:
        writer.commitment(commitment)
    return graph


class _ArticleWriter:
    """Adds the triples of one article to one graph."""

    def __init__(self, graph: Graph, extraction: Extraction, minter: IriMinter) -> None:
        self.graph = graph
        self.article_data = extraction.article
        self.actors = extraction.actors
        self.minter = minter
        self.article_iri = minter.article(extraction.article.id)
        self.spans: dict[Span, URIRef] = {}

    def article(self) -> None:
        a, g = self.article_data, self.graph
        iri = self.article_iri
        g.add((iri, RDF.type, KGB.Article))
        g.add((iri, RDF.type, NIF.Context))
        g.add((iri, NIF.isString, Literal(a.text)))
        g.add((iri, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.endIndex, Literal(len(a.text), datatype=XSD.nonNegativeInteger)))
        g.add((iri, RDFS.label, Literal(a.title or a.id)))
        if a.title:
            g.add((iri, KGB.headline, Literal(a.title)))
        if a.date:
            g.add((iri, KGB.publicationDate, Literal(a.date, datatype=XSD.date)))
        if a.source:
            g.add((iri, KGB.source, Literal(a.source, datatype=XSD.anyURI)))
        if a.place:
            g.add((iri, KGB.datelinePlace, Literal(a.place)))
        if a.content_hash:
            g.add((iri, KGB.contentHash, Literal(a.content_hash)))

    def span(self, span: Span) -> URIRef:
        """Add an evidence span (NIF offset-based string); give its IRI."""
        g = self.graph
        iri = self.spans.get(span)
        if iri is not None:  # an actor mention or a cue can also be another fact's span
            return iri
        iri = self.spans[span] = self.minter.span(self.article_data.id, span)
        g.add((iri, RDF.type, KGB.EvidenceSpan))
        g.add((iri, RDF.type, NIF.OffsetBasedString))
        g.add((iri, NIF.anchorOf, Literal(span.text)))
        g.add((iri, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((iri, NIF.referenceContext, self.article_iri))
        return iri

    def derived(self, iri: URIRef) -> None:
        self.graph.add((iri, PROV.wasDerivedFrom, self.article_iri))

    def actor(self, actor: Actor) -> None:
        g = self.graph
        iri = self.minter.actor(actor.key)
        g.add((iri, RDF.type, KGB[actor.type.value]))
        g.add((iri, RDFS.label, Literal(actor.label)))
        if actor.wikidata:
            g.add((iri, SKOS.exactMatch, WD[actor.wikidata]))
        # kgb:actsFor is for persons; a body that belongs to a state or organisation (the
        # European Commission, the Pentagon) is its sub-organisation.
        acts_for = KGB.actsFor if actor.type is ActorType.PERSON else ORG.subOrganizationOf
        for key in actor.acts_for:
            g.add((iri, acts_for, self.minter.actor(key)))
        for key in actor.members:
            g.add((iri, KGB.hasMember, self.minter.actor(key)))
        if actor.post is not None:
            post = self.minter.post(actor.post.key)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, RDFS.label, Literal(actor.post.label)))
            if actor.post.of:
                g.add((post, ORG.postIn, self.minter.actor(actor.post.of)))
            g.add((iri, ORG.holds, post))
        # The actor node is shared by every article that names it; what one article says
        # of it (where, and that this article is the source) hangs on a mention node, so
        # a much-quoted actor keeps a handful of triples and stays cheap to look up.
        mention = self.minter.mention(self.article_data.id, actor.key)
        g.add((self.article_iri, KGB.mentions, iri))
        g.add((mention, RDF.type, KGB.ActorMention))
        g.add((mention, KGB.mentionOf, iri))
        for span in actor.mentions:
            g.add((mention, KGB.evidence, self.span(span)))
        self.derived(mention)

    def condition(self, condition: Condition) -> URIRef:
        g = self.graph
        iri = self.minter.condition(self.article_data.id, condition)
        g.add((iri, RDF.type, KGB.Condition))
        g.add((iri, KGB.text, Literal(condition.text)))
        g.add((iri, KGB.conditionType, KGB[condition.type.value]))
        g.add((iri, KGB.evidence, self.span(condition.evidence)))
        for actor in self.actors:
            if any(m.overlaps(condition.evidence) for m in actor.mentions):
                g.add((iri, KGB.involves, self.minter.actor(actor.key)))
        self.derived(iri)
        return iri

    def commitment(self, commitment: Commitment) -> None:
        g = self.graph
        iri = self.minter.commitment(self.article_data.id, commitment)
        g.add((iri, RDF.type, KGB.Commitment))
        g.add((iri, KGB.action, Literal(commitment.action)))
        g.add((iri, KGB.polarity, KGB[commitment.polarity.value]))
        g.add((iri, KGB.status, KGB[commitment.status.value]))
        roles = (
            (KGB.debtor, commitment.debtors),
            (KGB.beneficiary, commitment.beneficiaries),
            (KGB.requestedBy, commitment.requested_by),
            (KGB.statedBy, commitment.stated_by),
        )
        for predicate, keys in roles:
            for key in keys:
                g.add((iri, predicate, self.minter.actor(key)))
        for condition in commitment.conditions:
            g.add((iri, KGB.hasCondition, self.condition(condition)))
        g.add((iri, KGB.evidence, self.span(commitment.evidence)))
        if commitment.cue is not None:
            g.add((iri, KGB.cue, self.span(commitment.cue)))
        self.derived(iri)


__all__ = ["add_extraction", "new_dataset", "replace_article"]
