"""RDF dataset -> networkx: the viewer's graph of actors, commitments and conditions.

Nodes are keyed by IRI and carry a `kind` ("actor", "commitment" or "condition") and the
attributes the viewer shows; edges point from a commitment to its actors and conditions
(`commitment --debtor--> France`, read "its debtor is France"), from a person to whom it
acts for, and from a member to its group. Edge keys are roles, so
`graph.has_edge(commitment, actor, "debtor")` asks exactly one question.

Every attribute is a string or an int, so the graph writes to GraphML and GEXF as is;
attributes with no value are left out rather than stored empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node

from ..errors import KgbuildError
from ..iris import slugify
from ..records import ConditionType, Polarity, Status
from ..vocab import KGB, NIF, WD

ACTOR_CLASSES: tuple[tuple[URIRef, str], ...] = (
    (KGB.State, "State"),
    (KGB.Organization, "Organization"),
    (KGB.Person, "Person"),
    (KGB.ActorGroup, "ActorGroup"),
)
"""Actor classes in the order that decides an actor's type when the data gives it several."""

COMMITMENT_ROLES: tuple[tuple[str, URIRef], ...] = (
    ("debtor", KGB.debtor),
    ("beneficiary", KGB.beneficiary),
    ("requested_by", KGB.requestedBy),
    ("stated_by", KGB.statedBy),
)
"""Role name -> predicate, for the edges from a commitment to its actors."""

ROLE_LABELS: dict[str, str] = {
    "debtor": "debtor",
    "beneficiary": "beneficiary",
    "requested_by": "requested by",
    "stated_by": "stated by",
    "condition": "condition",
    "acts_for": "acts for",
    "member_of": "member of",
}
"""Role name -> the label drawn on the edge."""

VIEWS = ("full", "actors")
"""The two views: every node, or actors only with one edge per debtor -> beneficiary pair."""

_STATUSES: dict[Node, str] = {KGB[s.value]: s.value for s in Status}
_POLARITIES: dict[Node, str] = {KGB[p.value]: p.value for p in Polarity}
_CONDITION_TYPES: dict[Node, str] = {KGB[c.value]: c.value for c in ConditionType}

Attrs = dict[str, str | int]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as the viewer lists it: IRI, title and publication date."""

    iri: str
    title: str
    date: str = ""


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """Which commitments to keep; an empty filter keeps the whole graph.

    `statuses` are status names ("Pledged"), `polarity` "Positive" or "Negative",
    `article` an article IRI, `conditional` True for commitments with conditions and
    False for those without.
    """

    statuses: frozenset[str] = field(default_factory=frozenset)
    polarity: str | None = None
    article: str | None = None
    conditional: bool | None = None

    @property
    def active(self) -> bool:
        """Tell whether the filter drops anything at all."""
        return bool(self.statuses) or any(
            v is not None for v in (self.polarity, self.article, self.conditional)
        )

    def keeps(self, attrs: Attrs) -> bool:
        """Tell whether a commitment with these node attributes passes the filter."""
        if self.statuses and attrs.get("status") not in self.statuses:
            return False
        if self.polarity is not None and attrs.get("polarity") != self.polarity:
            return False
        if self.article is not None and attrs.get("article") != self.article:
            return False
        has_conditions = int(attrs.get("n_conditions", 0)) > 0
        return self.conditional is None or has_conditions == self.conditional


def union_graph(dataset: Dataset) -> Graph:
    """Give one graph holding the triples of every graph in `dataset`, default included."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def dataset_to_graph(dataset: Dataset | Graph) -> nx.MultiDiGraph:
    """Give the viewer's networkx graph of the actors, commitments and conditions in `dataset`.

    Nodes and edges are inserted in sorted order, so equal datasets give equal graphs
    (and byte-identical files downstream).
    """
    rdf = union_graph(dataset) if isinstance(dataset, Dataset) else dataset
    return _Walker(rdf).graph()


class _Walker:
    """Reads one merged RDF graph into a networkx graph."""

    def __init__(self, rdf: Graph) -> None:
        self.rdf = rdf
        self.articles = {a.iri: a for a in _article_infos(rdf)}

    def graph(self) -> nx.MultiDiGraph:
        rdf = self.rdf
        commitments = _iris(rdf.subjects(RDF.type, KGB.Commitment))
        conditions = _iris(
            [*rdf.subjects(RDF.type, KGB.Condition), *rdf.objects(None, KGB.hasCondition)]
        )
        actors = self._actor_iris(commitments) - commitments - conditions
        nodes: dict[URIRef, Attrs] = {}
        nodes.update({a: self.actor(a) for a in actors})
        nodes.update({c: self.commitment(c) for c in commitments})
        nodes.update({c: self.condition(c) for c in conditions - commitments})
        edges: list[tuple[Node, Node, str]] = []
        for c in commitments:
            for role, predicate in COMMITMENT_ROLES:
                edges.extend((c, a, role) for a in rdf.objects(c, predicate) if a in actors)
            edges.extend(
                (c, k, "condition") for k in rdf.objects(c, KGB.hasCondition) if k in nodes
            )
        for a in actors:
            edges.extend((a, t, "acts_for") for t in rdf.objects(a, KGB.actsFor) if t in actors)
            edges.extend((m, a, "member_of") for m in rdf.objects(a, KGB.hasMember) if m in actors)
        graph = nx.MultiDiGraph()
        for iri in sorted(nodes):
            graph.add_node(str(iri), **nodes[iri])
        for u, v, role in sorted(set(edges)):
            graph.add_edge(str(u), str(v), key=role, role=role, label=ROLE_LABELS[role])
        return graph

    def _actor_iris(self, commitments: set[URIRef]) -> set[URIRef]:
        rdf = self.rdf
        found: list[Node] = []
        for cls in (KGB.Actor, *(c for c, _ in ACTOR_CLASSES)):
            found.extend(rdf.subjects(RDF.type, cls))
        for c in commitments:
            for _, predicate in COMMITMENT_ROLES:
                found.extend(rdf.objects(c, predicate))
        for predicate in (KGB.actsFor, KGB.hasMember):
            for s, o in rdf.subject_objects(predicate):
                found.extend((s, o))
        return _iris(found)

    def _derived(self, iri: URIRef, attrs: Attrs) -> None:
        """Add the article (first by IRI) the node was derived from, with title and date."""
        sources = sorted(str(a) for a in self.rdf.objects(iri, PROV.wasDerivedFrom))
        if not sources:
            return
        info = self.articles.get(sources[0], ArticleInfo(sources[0], _local_name(sources[0])))
        _put(attrs, "article", info.iri)
        _put(attrs, "article_title", info.title)
        _put(attrs, "article_date", info.date)

    def _quote(self, iri: URIRef) -> str:
        """Give the text of the node's evidence spans in text order, joined by an ellipsis."""
        spans = []
        for span in self.rdf.objects(iri, KGB.evidence):
            anchor = self.rdf.value(span, NIF.anchorOf)
            if anchor is not None:
                spans.append((_index(self.rdf.value(span, NIF.beginIndex)), str(anchor)))
        return " … ".join(text for _, text in sorted(set(spans)))

    def actor(self, iri: URIRef) -> Attrs:
        rdf = self.rdf
        types = set(rdf.objects(iri, RDF.type))
        actor_type = next((name for cls, name in ACTOR_CLASSES if cls in types), "Actor")
        attrs: Attrs = {"kind": "actor"}
        _put(attrs, "label", _first(rdf.objects(iri, RDFS.label)) or _local_name(str(iri)))
        attrs["actor_type"] = actor_type
        matches = (str(m) for m in rdf.objects(iri, SKOS.exactMatch))
        _put(attrs, "wikidata", _first(m for m in matches if m.startswith(str(WD))))
        sources = sorted(
            {
                str(article)
                for mention in rdf.subjects(KGB.mentionOf, iri)
                for article in rdf.objects(mention, PROV.wasDerivedFrom)
            }
        )
        # IRIs hold no spaces, so a space-joined list stays one GraphML-safe string.
        _put(attrs, "articles", " ".join(sources))
        return attrs

    def commitment(self, iri: URIRef) -> Attrs:
        rdf = self.rdf
        action = _first(rdf.objects(iri, KGB.action))
        conditions = sorted(
            (self._begin(k), _first(rdf.objects(k, KGB.text)))
            for k in set(rdf.objects(iri, KGB.hasCondition))
        )
        attrs: Attrs = {"kind": "commitment"}
        _put(attrs, "label", action or _local_name(str(iri)))
        _put(attrs, "action", action)
        _put(attrs, "status", _first(_STATUSES.get(s, "") for s in rdf.objects(iri, KGB.status)))
        polarities = rdf.objects(iri, KGB.polarity)
        _put(attrs, "polarity", _first(_POLARITIES.get(p, "") for p in polarities))
        _put(attrs, "conditions", "; ".join(text for _, text in conditions if text))
        attrs["n_conditions"] = len(conditions)
        _put(attrs, "quote", self._quote(iri))
        self._derived(iri, attrs)
        return attrs

    def condition(self, iri: URIRef) -> Attrs:
        rdf = self.rdf
        text = _first(rdf.objects(iri, KGB.text))
        attrs: Attrs = {"kind": "condition"}
        _put(attrs, "label", text or _local_name(str(iri)))
        _put(attrs, "text", text)
        types = rdf.objects(iri, KGB.conditionType)
        _put(attrs, "condition_type", _first(_CONDITION_TYPES.get(t, "") for t in types))
        _put(attrs, "quote", self._quote(iri))
        self._derived(iri, attrs)
        return attrs

    def _begin(self, iri: Node) -> int:
        """Give where a node's first evidence span begins (-1 if unknown), to order by text."""
        begins = [
            _index(self.rdf.value(span, NIF.beginIndex))
            for span in self.rdf.objects(iri, KGB.evidence)
        ]
        return min((b for b in begins if b >= 0), default=-1)


def _article_infos(rdf: Graph) -> list[ArticleInfo]:
    infos = []
    for iri in _iris(rdf.subjects(RDF.type, KGB.Article)):
        title = _first(rdf.objects(iri, KGB.headline)) or _first(rdf.objects(iri, RDFS.label))
        date = _first(rdf.objects(iri, KGB.publicationDate))
        infos.append(ArticleInfo(str(iri), title or _local_name(str(iri)), date))
    return sorted(infos, key=lambda a: a.iri)


def articles(graph: nx.MultiDiGraph) -> list[ArticleInfo]:
    """Give the articles the nodes of `graph` come from, sorted by date then title."""
    found: dict[str, ArticleInfo] = {}
    for _, attrs in graph.nodes(data=True):
        iri = attrs.get("article")
        if iri:
            info = ArticleInfo(
                str(iri), str(attrs.get("article_title", "")), str(attrs.get("article_date", ""))
            )
            found.setdefault(info.iri, info)
    return sorted(found.values(), key=lambda a: (a.date, a.title, a.iri))


def resolve_article(graph: nx.MultiDiGraph, article: str) -> str:
    """Give the IRI of the article named by `article`: its IRI, its id or its title.

    Raises `KgbuildError` listing the graph's articles when none matches.
    """
    infos = articles(graph)
    slug = slugify(article)
    for info in infos:
        if article in (info.iri, info.title) or _local_name(info.iri) == slug:
            return info.iri
    known = ", ".join(_local_name(a.iri) for a in infos) or "(none: the graph has no commitments)"
    raise KgbuildError(
        f"No article {article!r} in the graph. Give an article id, IRI or title; "
        f"the graph's articles are: {known}."
    )


def filter_graph(graph: nx.MultiDiGraph, view_filter: ViewFilter) -> nx.MultiDiGraph:
    """Give the part of `graph` that `view_filter` keeps.

    Kept: the commitments that pass, their conditions, the actors that take part in them,
    and every edge between kept nodes. An inactive filter gives `graph` itself, with the
    actors that take part in no commitment.
    """
    if not view_filter.active:
        return graph
    kept = {
        n
        for n, attrs in graph.nodes(data=True)
        if attrs["kind"] == "commitment" and view_filter.keeps(attrs)
    }
    kept |= {v for c in list(kept) for v in graph.successors(c)}
    return nx.MultiDiGraph(graph.subgraph(sorted(kept)))


def actor_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Give the actor-to-actor view: one edge per debtor -> beneficiary pair.

    Edges carry `weight` (how many commitments the debtor made to the beneficiary),
    `negative` (how many of them are negative) and `label` (the weight as text). Every
    actor of `graph` is a node, also those in no such pair; an actor that is both debtor
    and beneficiary of one commitment gets no loop.
    """
    actors = nx.DiGraph()
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "actor":
            actors.add_node(node, **attrs)
    pairs: dict[tuple[str, str], list[int]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] != "commitment":
            continue
        roles = graph.adj[node]
        debtors = [v for v, keys in roles.items() if "debtor" in keys]
        beneficiaries = [v for v, keys in roles.items() if "beneficiary" in keys]
        negative = int(attrs.get("polarity") == Polarity.NEGATIVE.value)
        for d in debtors:
            for b in beneficiaries:
                if d != b:
                    counts = pairs.setdefault((d, b), [0, 0])
                    counts[0] += 1
                    counts[1] += negative
    for (d, b), (weight, negatives) in sorted(pairs.items()):
        actors.add_edge(d, b, weight=weight, negative=negatives, label=str(weight))
    return actors


def _iris(nodes: Iterable[Node]) -> set[URIRef]:
    return {n for n in nodes if isinstance(n, URIRef)}


def _first(values: Iterable[object]) -> str:
    """Give the smallest non-empty string among `values`, so that a choice is stable."""
    return min((s for s in (str(v) for v in values) if s), default="")


def _index(value: Node | None) -> int:
    """Give a NIF offset as an int; -1 when it is missing or not a number."""
    try:
        return int(str(value)) if value is not None else -1
    except ValueError:
        return -1


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _put(attrs: Attrs, key: str, value: str) -> None:
    if value:
        attrs[key] = value
