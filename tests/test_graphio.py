"""Reading RDF files (`kgbuild.graphio`): formats from suffixes, named graphs, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kgbuild.errors import GraphFileError, UnknownFormatError
from kgbuild.graphio import guess_format, load_dataset, load_graph

EX = "http://example.org/"
TRIPLES = [
    (URIRef(EX + "france"), URIRef(EX + "label"), Literal("France")),
    (URIRef(EX + "france"), URIRef(EX + "label"), Literal("Frankreich", lang="de")),
    (URIRef(EX + "c1"), URIRef(EX + "debtor"), URIRef(EX + "france")),
]


def two_graph_dataset() -> Dataset:
    dataset = Dataset()
    dataset.graph(URIRef(EX + "g1")).add(TRIPLES[0])
    dataset.graph(URIRef(EX + "g2")).add(TRIPLES[1])
    dataset.graph(URIRef(EX + "g2")).add(TRIPLES[2])
    return dataset


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("graph.ttl", "turtle"),
        ("GRAPH.TTL", "turtle"),
        ("graph.trig", "trig"),
        ("graph.nq", "nquads"),
        ("graph.nt", "nt"),
        ("graph.jsonld", "json-ld"),
        ("graph.rdf", "xml"),
        ("graph.owl", "xml"),
        ("graph.n3", "n3"),
    ],
)
def test_format_is_guessed_from_the_suffix(name: str, fmt: str) -> None:
    assert guess_format(Path(name)) == fmt


def test_unknown_suffix_names_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match=r"\.txt'; rename it to end with one of: .*\.ttl"):
        guess_format(Path("graph.txt"))


@pytest.mark.parametrize(
    ("suffix", "fmt"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")]
)
def test_quad_formats_keep_their_named_graphs(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"graph.{suffix}"
    two_graph_dataset().serialize(path, format=fmt)
    dataset = load_dataset(path)
    named = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    assert named == {EX + "g1": 1, EX + "g2": 2}
    assert sorted(load_graph(path)) == sorted(TRIPLES)


@pytest.mark.parametrize(("suffix", "fmt"), [("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml")])
def test_triple_formats_load_into_the_default_graph(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"graph.{suffix}"
    source = Dataset()
    for triple in TRIPLES:
        source.add(triple)
    source.serialize(path, format=fmt, encoding="utf-8")
    assert sorted(load_graph(path)) == sorted(TRIPLES)


def test_union_keeps_the_file_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
    assert dict(load_graph(path).namespaces())["ex"] == URIRef(EX)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match=r"nope\.ttl: it does not exist; give the path"):
        load_dataset(tmp_path / "nope.ttl")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="it is a folder"):
        load_dataset(tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.ttl", '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', "line 3"),
        ("bad.trig", "@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b .\n}\n", "line 3"),
        (
            "bad.nt",
            "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> oops .\n",
            "line 2",
        ),
        (
            "bad.nq",
            "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> oops .\n",
            "line 2",
        ),
        ("bad.jsonld", '{"@id": "http://e/a",\n "http://e/b": [1,\n}', "line 3"),
        (
            "bad.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<a>\n</rdf:RDF>',
            "line 3",
        ),
    ],
)
def test_syntax_error_is_one_line_with_the_line_number(
    tmp_path: Path, name: str, content: str, where: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(GraphFileError) as caught:
        load_dataset(path)
    message = str(caught.value)
    assert message.startswith(f"Cannot parse graph file {path} {where} as ")
    assert "\n" not in message
    assert message.endswith("check that its suffix matches its format.")


def test_binary_garbage_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GraphFileError, match=r"Cannot parse graph file .* as turtle: "):
        load_dataset(path)


def test_explicit_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "graph.data"
    path.write_text("<http://e/a> <http://e/b> <http://e/c> .\n")
    assert len(load_graph(path, "nt")) == 1
