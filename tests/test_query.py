"""`kgbuild query`: graph files and stores, inline and .rq queries, output formats, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, URIRef

from kgbuild.cli import main
from kgbuild.query import is_update, library, uses_service
from kgbuild.query.engine import syntax_message
from kgbuild.store import load_into_store
from query_fixture import write_fixture

LABELS = "SELECT ?label WHERE { ?a a kgb:State ; rdfs:label ?label } ORDER BY ?label"
STATES = ["France", "Germany", "Iran", "Poland", "Russia", "Ukraine", "United States"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture dataset as graph.ttl, graph.trig, graph.nq and graph.jsonld."""
    folder = tmp_path_factory.mktemp("query-out")
    return write_fixture(folder, ("turtle", "trig", "nquads", "jsonld"))


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["query", *args])


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"])
def test_query_runs_on_every_graph_file_format_alike(out: Path, name: str) -> None:
    result = run(str(out / name), LABELS, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["label", *STATES]


def test_query_runs_on_a_store_folder(out: Path, tmp_path: Path) -> None:
    from query_fixture import fixture_dataset

    load_into_store(fixture_dataset(), tmp_path / "store")
    result = run(str(tmp_path / "store"), LABELS, "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["?label", *(f'"{s}"' for s in STATES)]


def test_table_is_aligned_with_prefixed_iris_and_a_row_count(out: Path) -> None:
    result = run(str(out / "graph.ttl"),
                 "SELECT ?state ?label WHERE { ?state a kgb:State ; rdfs:label ?label "
                 "FILTER(?label IN ('France', 'United States')) } ORDER BY ?label")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "state                     label\n"
        "------------------------  -------------\n"
        "kgbi:actor/france         France\n"
        "kgbi:actor/united-states  United States\n"
        "(2 rows)\n"
    )


def test_json_is_the_sparql_results_format(out: Path) -> None:
    result = run(str(out / "graph.trig"), "--name", "commitments-per-article",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ["article", "date", "title", "commitments"]
    paris = document["results"]["bindings"][1]
    assert paris["date"] == {"type": "literal", "value": "2025-09-04",
                             "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert paris["commitments"]["value"] == "5"


def test_csv_keeps_full_values_that_the_table_cuts(out: Path) -> None:
    table = run(str(out / "graph.ttl"), "--name", "demands")
    rows = list(csv.DictReader(io.StringIO(run(str(out / "graph.ttl"), "--name", "demands",
                                               "--format", "csv").stdout)))
    quote = ("Zelensky urged Europe to impose sanctions in the event of renewed Russian "
             "aggression.")
    assert rows[0]["evidence"] == quote
    assert quote not in table.stdout and quote[:60] in table.stdout


def test_construct_gives_turtle_that_parses(out: Path) -> None:
    result = run(str(out / "graph.ttl"), "--name", "commitment-graph", "--format", "turtle")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    kgb = "https://w3id.org/kgbuild/ont#"
    assert len(set(graph.subjects(URIRef(kgb + "action"), None))) == 8
    assert "@prefix kgb: <https://w3id.org/kgbuild/ont#> .\n" in result.stdout


def test_construct_as_rows_gives_subject_predicate_object(out: Path) -> None:
    result = run(str(out / "graph.ttl"), "CONSTRUCT { ?a rdfs:label ?l } WHERE "
                 "{ ?a a kgb:Person ; rdfs:label ?l }", "--format", "csv")
    assert result.stdout.splitlines() == [
        "subject,predicate,object",
        "https://w3id.org/kgbuild/id/actor/emmanuel-macron,"
        "http://www.w3.org/2000/01/rdf-schema#label,Emmanuel Macron",
        "https://w3id.org/kgbuild/id/actor/volodymyr-zelensky,"
        "http://www.w3.org/2000/01/rdf-schema#label,Volodymyr Zelensky",
    ]


def test_ask_prints_true_or_false(out: Path) -> None:
    yes = run(str(out / "graph.ttl"), "ASK { ?c kgb:polarity kgb:Negative }")
    no = run(str(out / "graph.ttl"), "ASK { ?c kgb:status kgb:Withdrawn }")
    as_json = run(str(out / "graph.ttl"), "ASK { ?c kgb:polarity kgb:Negative }",
                  "--format", "json")
    assert (yes.stdout, no.stdout) == ("true\n", "false\n")
    assert json.loads(as_json.stdout) == {"head": {}, "boolean": True}


def test_turtle_for_a_select_is_an_error_that_names_the_formats(out: Path) -> None:
    result = run(str(out / "graph.ttl"), LABELS, "--format", "turtle")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --format turtle is for CONSTRUCT and DESCRIBE queries; this SELECT gives "
        "rows: use table, csv, tsv or json.\n"
    )


@pytest.mark.parametrize("name", sorted(library()))
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "turtle"])
def test_every_library_query_in_every_format(out: Path, name: str, fmt: str) -> None:
    result = run(str(out / "graph.ttl"), "--name", name, "--format", fmt)
    is_graph = name == "commitment-graph"
    if fmt == "turtle" and not is_graph:
        assert result.exit_code == 1 and "--format turtle is for CONSTRUCT" in result.stderr
    else:
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()


def test_query_from_a_rq_file(out: Path, tmp_path: Path) -> None:
    rq = tmp_path / "states.rq"
    rq.write_text(LABELS, encoding="utf-8")
    result = run(str(out / "graph.ttl"), str(rq), "--format", "csv")
    assert result.stdout.splitlines() == ["label", *STATES]


def test_bad_query_is_one_line_with_line_and_column(out: Path) -> None:
    result = run(str(out / "graph.ttl"), "SELECT ?a\nWHERE {\n  ?a kgb:debtor \n}")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: Invalid SPARQL in query at line 4, column 1: expected")


def test_bad_rq_file_names_the_file(out: Path, tmp_path: Path) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT * WHERE { ?s ?p }", encoding="utf-8")
    result = run(str(out / "graph.ttl"), str(rq))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Invalid SPARQL in {rq} at line 1, column 25:")


def test_missing_rq_file_is_an_error(out: Path, tmp_path: Path) -> None:
    result = run(str(out / "graph.ttl"), str(tmp_path / "nope.rq"))
    assert result.exit_code == 1
    missing = tmp_path / "nope.rq"
    assert result.stderr == f"Error: Query file {missing} does not exist; check the path.\n"


def test_update_is_refused(out: Path) -> None:
    before = (out / "graph.ttl").read_bytes()
    result = run(str(out / "graph.ttl"), "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert result.exit_code == 1
    assert "is a SPARQL Update; kgbuild only runs read-only queries" in result.stderr
    assert (out / "graph.ttl").read_bytes() == before


def test_unknown_library_name_lists_the_names(out: Path) -> None:
    result = run(str(out / "graph.ttl"), "--name", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No library query named 'nope'. Choose one of: "
                                    "actors-by-commitments, commitment-graph,")


def test_parameter_must_be_a_selected_variable(out: Path) -> None:
    result = run(str(out / "graph.ttl"), "--name", "ruled-out", "--param", "keyword=x")
    assert result.exit_code == 1
    assert "cannot take the parameters keyword" in result.stderr


def test_missing_graph_file_is_one_line(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.ttl"), LABELS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Graph file {tmp_path / 'missing.ttl'} does not exist; "
        "give a graph file or a store.\n"
    )


def test_invalid_graph_file_names_the_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <urn:x#> .\n:a :b .\n", encoding="utf-8")
    result = run(str(bad), LABELS)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad} is not valid Turtle: ")
    assert "line 2" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_folder_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    result = run(str(tmp_path), LABELS)
    assert result.exit_code == 1
    assert "is a folder but not a kgbuild store" in result.stderr


@pytest.mark.parametrize("args", [[], ["graph.ttl"], ["graph.ttl", "ASK {}", "--name", "demands"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Give GRAPH and either QUERY or --name NAME" in result.stderr


def test_list_shows_every_library_query_with_its_question() -> None:
    result = run("--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(library())
    assert any(line.split(None, 1)[1] == "Who demands what from whom?" for line in lines)


def test_update_detection_ignores_keywords_in_strings_iris_and_comments() -> None:
    assert is_update("PREFIX ex: <http://e/>\n# a comment\ninsert data { ex:a ex:b ex:c }")
    assert is_update("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not is_update("# DELETE everything\nSELECT * WHERE { ?s ?p 'DROP' }")
    assert not is_update("PREFIX load: <urn:load#> SELECT ?x WHERE { ?x load:y <urn:clear> }")
    assert uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
    assert not uses_service("SELECT * { ?s ?p 'SERVICE' } # SERVICE")


def test_syntax_message_is_short_even_when_the_parser_lists_many_tokens() -> None:
    long = SyntaxError("error at 3:7: expected one of " + ", ".join(["TOKEN"] * 200))
    message = syntax_message(long, "q.rq")
    assert message.startswith("Invalid SPARQL in q.rq at line 3, column 7: expected one of")
    assert len(message) < 250 and "\n" not in message


def test_readme_lists_every_library_query_with_its_question() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Querying"):]
    for name, query in library().items():
        assert f"| `{name}` | {query.question}" in section, name
