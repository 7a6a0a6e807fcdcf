"""Every registered exporter writes output that a parser reads back."""

from __future__ import annotations

import io
import json

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Dataset

from kgbuild.export.registry import EXPORTERS, get_exporter
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

TEXT = "Japan will send aid once the flood recedes."


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    article = Article(id="tiny", text=TEXT, title="Tiny")
    japan = Actor("japan", "Japan", ActorType.STATE, "Q17", mentions=(Span(0, 5, "Japan"),))
    condition = Condition(
        "the flood recedes", ConditionType.PREREQUISITE, Span(25, 42, TEXT[25:42])
    )
    commitment = Commitment(
        "send aid",
        Polarity.POSITIVE,
        Status.PLEDGED,
        Span(0, 43, TEXT),
        debtors=("japan",),
        conditions=(condition,),
    )
    data = new_dataset()
    add_extraction(data, Extraction(article, (japan,), (commitment,)), IriMinter())
    return data


def _quads(dataset: Dataset) -> int:
    return len(set(dataset.quads((None, None, None, None))))


RDF_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "jsonld": None,
}


def test_every_exporter_is_tested() -> None:
    get_exporter("turtle")  # loads the plugins
    assert set(EXPORTERS) == {*RDF_FORMATS, "html", "graphml", "gexf"}


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exporter_round_trips(dataset: Dataset, fmt: str) -> None:
    stream = io.BytesIO()
    get_exporter(fmt).write(dataset, stream)
    data = stream.getvalue()
    reread = Dataset()
    reread.parse(data=data, format="json-ld" if fmt == "jsonld" else fmt)
    expected = _quads(dataset)
    if fmt == "turtle":  # merged: no graph names
        assert len(set(reread.triples((None, None, None)))) == expected
    else:
        assert _quads(reread) == expected
    oxigraph_format = RDF_FORMATS[fmt]
    if oxigraph_format is not None:
        assert len(list(pyoxigraph.parse(data, format=oxigraph_format))) == expected


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exporter_round_trips(dataset: Dataset, fmt: str) -> None:
    stream = io.BytesIO()
    get_exporter(fmt).write(dataset, stream)
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(stream.getvalue()))
    assert graph.number_of_nodes() >= 3  # actor, commitment, condition


def test_html_exporter_embeds_parseable_data(dataset: Dataset) -> None:
    stream = io.BytesIO()
    get_exporter("html").write(dataset, stream)
    page = stream.getvalue().decode("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    start = page.index('type="application/json"')
    body = page[page.index(">", start) + 1 : page.index("</script>", start)]
    assert json.loads(body)
