"""SHACL validation (`kgbuild.validate`, `kgbuild validate`): what conforms and what does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kgbuild.cli import main
from kgbuild.errors import GraphFileError, ValidationError
from kgbuild.validate import ValidationReport, validate_graph
from kgbuild.vocab import KGB, KGBI, NIF, ORG, PREFIXES, WD

NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
TEXT = (
    "French President Emmanuel Macron said France will send aid to Ukraine once a ceasefire holds."
)
ARTICLE = KGBI["article/a"]
FRANCE = KGBI["actor/france"]
UKRAINE = KGBI["actor/ukraine"]
MACRON = KGBI["actor/emmanuel-macron"]
E3 = KGBI["actor/e3"]
PRESIDENT = KGBI["post/president-of-france"]
COMMITMENT = KGBI["commitment/c1"]
CONDITION = KGBI["condition/k1"]


def span_iri(graph: Graph, phrase: str) -> URIRef:
    """Add the evidence span of the first occurrence of `phrase` in TEXT; give its IRI."""
    begin = TEXT.index(phrase)
    return add_span(graph, phrase, begin, begin + len(phrase))


def add_span(graph: Graph, anchor: str, begin: int, end: int, context: URIRef = ARTICLE) -> URIRef:
    iri = URIRef(f"{context}#char={begin},{end}")
    graph.add((iri, RDF.type, KGB.EvidenceSpan))
    graph.add((iri, RDF.type, NIF.OffsetBasedString))
    graph.add((iri, NIF.anchorOf, Literal(anchor)))
    graph.add((iri, NIF.beginIndex, Literal(begin, datatype=NON_NEGATIVE)))
    graph.add((iri, NIF.endIndex, Literal(end, datatype=NON_NEGATIVE)))
    graph.add((iri, NIF.referenceContext, context))
    return iri


def add_article(graph: Graph, iri: URIRef = ARTICLE, text: str = TEXT) -> None:
    graph.add((iri, RDF.type, KGB.Article))
    graph.add((iri, RDF.type, NIF.Context))
    graph.add((iri, NIF.isString, Literal(text)))
    graph.add((iri, RDFS.label, Literal("Macron pledges aid")))
    graph.add((iri, KGB.headline, Literal("Macron pledges aid")))


def mention_iri(actor: URIRef) -> URIRef:
    return KGBI[f"mention/a/{actor.rsplit('/', 1)[-1]}"]


def add_actor(graph: Graph, iri: URIRef, kind: URIRef, label: str, phrase: str) -> None:
    graph.add((iri, RDF.type, kind))
    graph.add((iri, RDFS.label, Literal(label)))
    mention = mention_iri(iri)
    graph.add((mention, RDF.type, KGB.ActorMention))
    graph.add((mention, KGB.mentionOf, iri))
    graph.add((mention, KGB.evidence, span_iri(graph, phrase)))
    graph.add((mention, PROV.wasDerivedFrom, ARTICLE))
    graph.add((ARTICLE, KGB.mentions, iri))


def conforming_graph() -> Graph:
    """Give a small graph of one article with everything kgbuild writes, all valid."""
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    add_article(g)
    add_actor(g, FRANCE, KGB.State, "France", "France will")
    g.add((FRANCE, SKOS.exactMatch, WD.Q142))
    add_actor(g, UKRAINE, KGB.State, "Ukraine", "Ukraine")
    g.add((UKRAINE, SKOS.exactMatch, WD.Q212))
    add_actor(g, MACRON, KGB.Person, "Emmanuel Macron", "Emmanuel Macron")
    g.add((MACRON, KGB.actsFor, FRANCE))
    g.add((MACRON, ORG.holds, PRESIDENT))
    g.add((PRESIDENT, RDF.type, ORG.Post))
    g.add((PRESIDENT, RDFS.label, Literal("President of France")))
    g.add((PRESIDENT, ORG.postIn, FRANCE))
    add_actor(g, E3, KGB.ActorGroup, "European partners", "France")
    g.add((E3, KGB.hasMember, FRANCE))
    g.add((CONDITION, RDF.type, KGB.Condition))
    g.add((CONDITION, KGB.text, Literal("a ceasefire holds")))
    g.add((CONDITION, KGB.conditionType, KGB.Prerequisite))
    g.add((CONDITION, KGB.evidence, span_iri(g, "once a ceasefire holds")))
    g.add((CONDITION, PROV.wasDerivedFrom, ARTICLE))
    c = COMMITMENT
    g.add((c, RDF.type, KGB.Commitment))
    g.add((c, KGB.action, Literal("send aid")))
    g.add((c, KGB.polarity, KGB.Positive))
    g.add((c, KGB.status, KGB.Pledged))
    g.add((c, KGB.debtor, FRANCE))
    g.add((c, KGB.beneficiary, UKRAINE))
    g.add((c, KGB.statedBy, MACRON))
    g.add((c, KGB.hasCondition, CONDITION))
    g.add((c, KGB.evidence, span_iri(g, "France will send aid to Ukraine")))
    g.add((c, KGB.cue, span_iri(g, "will")))
    g.add((c, PROV.wasDerivedFrom, ARTICLE))
    return g


def violations(report: ValidationReport) -> list[tuple[str, str, str]]:
    return [(r.focus, r.path, r.message) for r in report.results if r.severity == "Violation"]


def test_conforming_graph_conforms() -> None:
    report = validate_graph(conforming_graph())
    assert report.conforms, report.text
    assert report.results == ()
    assert report.text == "Conforms: 0 violations, 0 warnings, 0 infos."


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    # The spans' article lives in another named graph: only the union conforms.
    dataset = Dataset()
    spans, article = dataset.graph(KGBI["graph/1"]), dataset.graph(KGBI["graph/2"])
    for triple in conforming_graph():
        target = article if triple[0] == ARTICLE else spans
        target.add(triple)
    assert validate_graph(dataset).conforms
    assert not validate_graph(spans).conforms


Mutation = Callable[[Graph], object]

CASES: list[tuple[str, Mutation, tuple[str, str, str]]] = [
    (
        "missing_action",
        lambda g: g.remove((COMMITMENT, KGB.action, None)),
        (
            "kgbi:commitment/c1",
            "kgb:action",
            "A commitment needs exactly one kgb:action: a non-empty xsd:string.",
        ),
    ),
    (
        "empty_action",
        lambda g: g.set((COMMITMENT, KGB.action, Literal("  "))),
        (
            "kgbi:commitment/c1",
            "kgb:action",
            "A commitment needs exactly one kgb:action: a non-empty xsd:string.",
        ),
    ),
    (
        "two_statuses",
        lambda g: g.add((COMMITMENT, KGB.status, KGB.Signaled)),
        (
            "kgbi:commitment/c1",
            "kgb:status",
            "A commitment needs exactly one kgb:status: Demanded, Considered, Signaled, "
            "Pledged, Formalized, Fulfilled or Withdrawn.",
        ),
    ),
    (
        "status_outside_the_scheme",
        lambda g: g.set((COMMITMENT, KGB.status, KGB.Positive)),
        (
            "kgbi:commitment/c1",
            "kgb:status",
            "A commitment needs exactly one kgb:status: Demanded, Considered, Signaled, "
            "Pledged, Formalized, Fulfilled or Withdrawn.",
        ),
    ),
    (
        "polarity_missing",
        lambda g: g.remove((COMMITMENT, KGB.polarity, None)),
        (
            "kgbi:commitment/c1",
            "kgb:polarity",
            "A commitment needs exactly one kgb:polarity: kgb:Positive or kgb:Negative.",
        ),
    ),
    (
        "neither_debtor_nor_requester",
        lambda g: g.remove((COMMITMENT, KGB.debtor, None)),
        ("kgbi:commitment/c1", "", "A commitment needs a kgb:debtor, a kgb:requestedBy, or both."),
    ),
    (
        "no_evidence",
        lambda g: g.remove((COMMITMENT, KGB.evidence, None)),
        (
            "kgbi:commitment/c1",
            "kgb:evidence",
            "A commitment needs at least one kgb:evidence, each a kgb:EvidenceSpan.",
        ),
    ),
    (
        "debtor_not_an_actor",
        lambda g: g.add((COMMITMENT, KGB.debtor, KGBI["actor/untyped"])),
        (
            "kgbi:commitment/c1",
            "kgb:debtor",
            "Each kgb:debtor must be an actor (typed kgb:Person, kgb:State, "
            "kgb:Organization or kgb:ActorGroup in the same graph).",
        ),
    ),
    (
        "not_derived_from_an_article",
        lambda g: g.remove((COMMITMENT, PROV.wasDerivedFrom, None)),
        (
            "kgbi:commitment/c1",
            "prov:wasDerivedFrom",
            "A commitment must be prov:wasDerivedFrom the kgb:Article it was extracted from.",
        ),
    ),
    (
        "condition_of_unknown_type",
        lambda g: g.set((CONDITION, KGB.conditionType, KGB.Pledged)),
        (
            "kgbi:condition/k1",
            "kgb:conditionType",
            "A condition needs exactly one kgb:conditionType: Prerequisite, Trigger, "
            "Proviso or Exception.",
        ),
    ),
    (
        "condition_without_text",
        lambda g: g.remove((CONDITION, KGB.text, None)),
        (
            "kgbi:condition/k1",
            "kgb:text",
            "A condition needs exactly one kgb:text: a non-empty xsd:string.",
        ),
    ),
    (
        "label_missing",
        lambda g: g.remove((UKRAINE, RDFS.label, None)),
        (
            "kgbi:actor/ukraine",
            "rdfs:label",
            "An actor needs exactly one rdfs:label: a non-empty xsd:string without a language tag.",
        ),
    ),
    (
        "two_labels",
        lambda g: g.add((UKRAINE, RDFS.label, Literal("Ukrainian government"))),
        (
            "kgbi:actor/ukraine",
            "rdfs:label",
            "An actor needs exactly one rdfs:label: a non-empty xsd:string without a language tag.",
        ),
    ),
    (
        "exact_match_outside_wikidata",
        lambda g: g.set((FRANCE, SKOS.exactMatch, URIRef("http://dbpedia.org/resource/France"))),
        (
            "kgbi:actor/france",
            "skos:exactMatch",
            "An actor's skos:exactMatch must be a Wikidata entity IRI, "
            "http://www.wikidata.org/entity/Q<digits>.",
        ),
    ),
    (
        "actor_of_two_kinds",
        lambda g: g.add((FRANCE, RDF.type, KGB.Organization)),
        (
            "kgbi:actor/france",
            "",
            "An actor has exactly one kind: kgb:Person, kgb:State, kgb:Organization or "
            "kgb:ActorGroup.",
        ),
    ),
    (
        "actor_of_no_kind",
        lambda g: g.add((KGBI["actor/someone"], RDF.type, KGB.Actor)),
        (
            "kgbi:actor/someone",
            "",
            "An actor has exactly one kind: kgb:Person, kgb:State, kgb:Organization or "
            "kgb:ActorGroup.",
        ),
    ),
    (
        "condition_involves_something_not_an_actor",
        lambda g: g.add((CONDITION, KGB.involves, KGBI["actor/untyped"])),
        (
            "kgbi:condition/k1",
            "kgb:involves",
            "Each kgb:involves of a condition must be an actor (typed kgb:Person, kgb:State, "
            "kgb:Organization or kgb:ActorGroup in the same graph).",
        ),
    ),
    (
        "actor_never_mentioned",
        lambda g: g.remove((mention_iri(UKRAINE), None, None)),
        (
            "kgbi:actor/ukraine",
            "^kgb:mentionOf",
            "An actor must have a kgb:ActorMention (?mention kgb:mentionOf ?actor) for an "
            "article that names it.",
        ),
    ),
    (
        "mention_without_its_article",
        lambda g: g.remove((mention_iri(FRANCE), PROV.wasDerivedFrom, None)),
        (
            "kgbi:mention/a/france",
            "prov:wasDerivedFrom",
            "An actor mention must be prov:wasDerivedFrom the one kgb:Article it is in.",
        ),
    ),
    (
        "mention_of_something_not_an_actor",
        lambda g: g.set((mention_iri(FRANCE), KGB.mentionOf, KGBI["actor/untyped"])),
        (
            "kgbi:mention/a/france",
            "kgb:mentionOf",
            "An actor mention needs exactly one kgb:mentionOf, an actor (typed kgb:Person, "
            "kgb:State, kgb:Organization or kgb:ActorGroup in the same graph).",
        ),
    ),
    (
        "mention_evidence_not_a_span",
        lambda g: g.add((mention_iri(FRANCE), KGB.evidence, ARTICLE)),
        (
            "kgbi:mention/a/france",
            "kgb:evidence",
            "Each kgb:evidence of an actor mention must be a kgb:EvidenceSpan.",
        ),
    ),
    (
        "acts_for_on_a_state",
        lambda g: g.add((UKRAINE, KGB.actsFor, FRANCE)),
        (
            "kgbi:actor/ukraine",
            "",
            "Only a kgb:Person may have kgb:actsFor; link a body to the state or organisation "
            "it belongs to with org:subOrganizationOf.",
        ),
    ),
    (
        "state_as_part_of_something",
        lambda g: g.add((UKRAINE, ORG.subOrganizationOf, FRANCE)),
        ("kgbi:actor/ukraine", "", "Only a kgb:Organization may have org:subOrganizationOf."),
    ),
    (
        "acts_for_a_group",
        lambda g: g.set((MACRON, KGB.actsFor, E3)),
        (
            "kgbi:actor/emmanuel-macron",
            "kgb:actsFor",
            "kgb:actsFor must point to a kgb:State or a kgb:Organization.",
        ),
    ),
    (
        "members_of_a_state",
        lambda g: g.add((FRANCE, KGB.hasMember, UKRAINE)),
        ("kgbi:actor/france", "", "Only a kgb:ActorGroup may have kgb:hasMember."),
    ),
    (
        "bad_anchor_length",
        lambda g: g.set((KGBI["article/a#char=62,69"], NIF.anchorOf, Literal("Ukrain"))),
        (
            "kgbi:article/a#char=62,69",
            "",
            "The span's nif:anchorOf is 6 characters long but its offsets 62,69 span 7.",
        ),
    ),
    (
        "anchor_not_the_context_substring",
        lambda g: g.set((KGBI["article/a#char=62,69"], NIF.anchorOf, Literal("Ukraina"))),
        (
            "kgbi:article/a#char=62,69",
            "",
            "The span's nif:anchorOf is not the article's text at 62,69, which reads \"Ukraine\".",
        ),
    ),
    (
        "span_in_an_article_without_text",
        lambda g: add_span(g, "x", 0, 1, context=KGBI["article/other"]),
        (
            "kgbi:article/other#char=0,1",
            "nif:referenceContext",
            "An evidence span needs exactly one nif:referenceContext, a kgb:Article.",
        ),
    ),
    (
        "span_beyond_the_text",
        lambda g: add_span(g, "x" * 10, 90, 100),
        (
            "kgbi:article/a#char=90,100",
            "",
            "The span ends at 100, after the end of its article's text (93 characters).",
        ),
    ),
    (
        "begin_after_end",
        lambda g: add_span(g, "", 5, 4),
        (
            "kgbi:article/a#char=5,4",
            "nif:beginIndex",
            "An evidence span needs exactly one nif:beginIndex, an xsd:nonNegativeInteger "
            "not greater than its nif:endIndex.",
        ),
    ),
    (
        "article_without_text",
        lambda g: g.remove((ARTICLE, NIF.isString, None)),
        (
            "kgbi:article/a",
            "nif:isString",
            "An article needs exactly one nif:isString (its text), an xsd:string.",
        ),
    ),
    (
        "two_headlines",
        lambda g: g.add((ARTICLE, KGB.headline, Literal("Another"))),
        (
            "kgbi:article/a",
            "kgb:headline",
            "An article has at most one kgb:headline, an xsd:string.",
        ),
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_violation_is_reported(mutate: Mutation, expected: tuple[str, str, str]) -> None:
    graph = conforming_graph()
    mutate(graph)
    report = validate_graph(graph)
    assert not report.conforms
    assert expected in violations(report), report.text


def test_body_part_of_an_organisation_conforms() -> None:
    graph = conforming_graph()
    commission, eu = KGBI["actor/european-commission"], KGBI["actor/european-union"]
    add_actor(graph, commission, KGB.Organization, "European Commission", "aid")
    add_actor(graph, eu, KGB.Organization, "European Union", "Ukraine")
    graph.add((commission, ORG.subOrganizationOf, eu))
    assert validate_graph(graph).conforms


def test_second_wikidata_match_is_only_a_warning() -> None:
    graph = conforming_graph()
    graph.add((FRANCE, SKOS.exactMatch, WD.Q1))
    report = validate_graph(graph)
    assert report.conforms
    assert [(r.severity, r.focus, r.path) for r in report.results] == [
        ("Warning", "kgbi:actor/france", "skos:exactMatch")
    ]
    assert report.text.endswith("Conforms: 0 violations, 1 warning, 0 infos.")


def test_offsets_count_code_points_like_python() -> None:
    # Characters outside the BMP are one Python index and one SPARQL character each.
    text = "Tusk 🇵🇱 said Poland will help."
    graph = Graph()
    add_article(graph, text=text)
    begin = text.index("Poland")
    add_span(graph, "Poland", begin, begin + 6)
    assert validate_graph(graph).conforms


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(min_size=1, max_size=40),
    data=st.data(),
)
def test_any_span_cut_from_the_text_conforms(text: str, data: st.DataObject) -> None:
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    graph = Graph()
    add_article(graph, text=text)
    add_span(graph, text[begin:end], begin, end)
    report = validate_graph(graph)
    assert report.conforms, report.text


def test_report_as_turtle_is_byte_stable_and_parses() -> None:
    graph = conforming_graph()
    graph.remove((COMMITMENT, KGB.action, None))
    graph.add((COMMITMENT, KGB.status, KGB.Signaled))
    first, second = validate_graph(graph).turtle(), validate_graph(graph).turtle()
    assert first == second
    parsed = Graph().parse(data=first, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert len(list(parsed.subjects(RDF.type, URIRef(sh + "ValidationResult")))) == 2


def test_raise_if_invalid() -> None:
    graph = conforming_graph()
    validate_graph(graph).raise_if_invalid()
    graph.remove((COMMITMENT, KGB.action, None))
    with pytest.raises(ValidationError, match=r"\(1 violation\)"):
        validate_graph(graph).raise_if_invalid()


def test_unparseable_shapes_file_is_one_line(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nnot turtle\n")
    with pytest.raises(GraphFileError, match="line 2") as caught:
        validate_graph(conforming_graph(), shapes)
    assert "\n" not in str(caught.value)


# --- the command line ---------------------------------------------------------------


def write(graph: Graph, path: Path, fmt: str = "turtle") -> Path:
    graph.serialize(path, format=fmt, encoding="utf-8")
    return path


@pytest.mark.parametrize(("suffix", "fmt"), [("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml")])
def test_cli_conforming_graph_exits_0(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = write(conforming_graph(), tmp_path / f"graph.{suffix}", fmt)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == "Conforms: 0 violations, 0 warnings, 0 infos.\n"


def test_cli_trig_dataset_exits_0(tmp_path: Path) -> None:
    dataset = Dataset()
    named = dataset.graph(KGBI["graph/a"])
    for triple in conforming_graph():
        named.add(triple)
    path = tmp_path / "graph.trig"
    dataset.serialize(path, format="trig")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_cli_invalid_graph_exits_1_with_one_line_per_result(tmp_path: Path) -> None:
    graph = conforming_graph()
    graph.remove((COMMITMENT, KGB.polarity, None))
    path = write(graph, tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        "Violation: kgbi:commitment/c1 kgb:polarity: A commitment needs exactly one "
        "kgb:polarity: kgb:Positive or kgb:Negative.\n"
        "Does not conform: 1 violation, 0 warnings, 0 infos.\n"
    )


def test_cli_turtle_report(tmp_path: Path) -> None:
    graph = conforming_graph()
    graph.remove((COMMITMENT, KGB.polarity, None))
    path = write(graph, tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["validate", "--format", "turtle", str(path)])
    assert result.exit_code == 1
    report = Graph().parse(data=result.output, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert (None, URIRef(sh + "conforms"), Literal(False)) in report


def test_cli_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: Cannot read graph file {tmp_path / 'nope.ttl'}: it does not exist; give "
        "the path of a graph file written by `kgbuild build` (for example out/graph.ttl).\n"
    )


def test_cli_unparseable_file_is_one_line_error_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text('@prefix kgb: <https://w3id.org/kgbuild/ont#> .\n\nkgb:a kgb:b "open .\n')
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: Cannot parse graph file {path} line 3 as turtle: ")


def test_cli_unknown_suffix_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.txt"
    path.write_text("x")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Cannot tell the RDF format of {path}")
    assert result.output.count("\n") == 1


def test_cli_custom_shapes(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kgb: <https://w3id.org/kgbuild/ont#> .\n"
        "[] a sh:NodeShape ; sh:targetClass kgb:Commitment ;\n"
        "  sh:property [ sh:path kgb:requestedBy ; sh:minCount 1 ;\n"
        '    sh:message "needs a requester" ] .\n'
    )
    path = write(conforming_graph(), tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["validate", "--shapes", str(shapes), str(path)])
    assert result.exit_code == 1
    assert "Violation: kgbi:commitment/c1 kgb:requestedBy: needs a requester\n" in result.output


def test_cli_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Example: kgbuild validate out/graph.ttl" in result.output


# --- the real pipeline on the dev corpus ----------------------------------------------

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.fixture(scope="module")
def corpus_dataset() -> Dataset:
    import kgbuild

    dataset, _ = kgbuild.build_dataset(list(kgbuild.read_articles([CORPUS])))
    return dataset


def assert_conforms(reports: dict[str, ValidationReport]) -> None:
    """Fail, with the report, on any violation."""
    for where, report in sorted(reports.items()):
        violated = [r for r in report.results if r.severity == "Violation"]
        if violated:
            pytest.fail(f"{where} does not conform:\n{report.text}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("turtle", "graph.ttl"),
        ("trig", "graph.trig"),
        ("nquads", "graph.nq"),
        ("jsonld", "graph.jsonld"),
    ],
)
def test_dev_corpus_graph_conforms(
    corpus_dataset: Dataset, tmp_path: Path, fmt: str, name: str
) -> None:
    from kgbuild import export

    path = tmp_path / name
    export(corpus_dataset, fmt, path)
    assert_conforms({name: validate_graph(path)})


@pytest.mark.slow
def test_dev_corpus_and_heldout_set_merged_conform(tmp_path: Path) -> None:
    """Twenty articles in one graph: an actor that two articles write differently must
    still get one label (a list item's dash once gave "- European allies" a second)."""
    import kgbuild

    folders = [CORPUS, CORPUS.parent / "heldout"]
    dataset, _ = kgbuild.build_dataset(list(kgbuild.read_articles(folders)))
    path = tmp_path / "graph.ttl"
    kgbuild.export(dataset, "turtle", path)
    assert_conforms({"graph.ttl": validate_graph(path)})


@pytest.mark.slow
def test_each_named_graph_of_the_dev_corpus_conforms_on_its_own(corpus_dataset: Dataset) -> None:
    graphs = [g for g in corpus_dataset.graphs() if len(g)]
    assert len(graphs) == len(list(CORPUS.glob("*.txt")))
    reports = {}
    for graph in graphs:
        alone = Graph()
        for triple in graph:
            alone.add(triple)
        reports[str(graph.identifier)] = validate_graph(alone)
    assert_conforms(reports)


def owl_rl_clashes(data: Graph) -> list[str]:
    """Give the inconsistencies OWL 2 RL reasoning finds in ontology + data: disjoint actor
    kinds, domains and ranges, functional properties (owlrl writes each as an err:error)."""
    owlrl = pytest.importorskip("owlrl")
    error = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
    graph = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "kgbuild.ttl")
    for triple in data:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return sorted(str(message) for message in graph.objects(None, error))


def test_ontology_axioms_hold_on_a_conforming_graph() -> None:
    assert owl_rl_clashes(conforming_graph()) == []


def test_ontology_axioms_catch_a_person_acting_as_an_organisation() -> None:
    graph = conforming_graph()
    graph.add((FRANCE, KGB.actsFor, UKRAINE))  # the domain makes France a kgb:Person
    assert owl_rl_clashes(graph) == [
        "Disjoint classes https://w3id.org/kgbuild/ont#Person and "
        "https://w3id.org/kgbuild/ont#State have a common individual "
        "https://w3id.org/kgbuild/id/actor/france"
    ]


@pytest.mark.slow
def test_ontology_axioms_hold_on_the_dev_corpus(corpus_dataset: Dataset) -> None:
    merged = Graph()
    for s, p, o, _ in corpus_dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert owl_rl_clashes(merged) == []
