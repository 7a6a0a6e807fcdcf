"""`kgbuild serve`: a real server process, queried with SPARQLWrapper and urllib."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from kgbuild.cli import main
from kgbuild.serve import negotiate
from kgbuild.store import load_into_store
from query_fixture import fixture_dataset, write_fixture

STATES = "SELECT ?label WHERE { ?s a kgb:State ; rdfs:label ?label } ORDER BY ?label"
STATE_LABELS = ["France", "Germany", "Iran", "Poland", "Russia", "Ukraine", "United States"]
# Four-way cross join over ~300 triples: billions of rows, minutes of work.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LIMIT = 20
TIMEOUT = 1.0


@dataclass
class Server:
    """A `kgbuild serve` process and the lines it logged."""

    process: subprocess.Popen[str]
    url: str
    log: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return self.url.removesuffix("/sparql")

    def lines_after(self, mark: int, wanted: int, wait: float = 5.0) -> list[str]:
        """Give the log lines after the first `mark`, waiting for `wanted` of them."""
        deadline = time.monotonic() + wait
        while len(self.log) < mark + wanted and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.log[mark:]


def start_server(target: Path, *extra: str) -> Server:
    """Start `kgbuild serve` on a free port; give it once it listens."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from kgbuild.cli import run; run()", "serve", str(target),
         "--port", "0", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert process.stderr is not None
    log: list[str] = []
    first = process.stderr.readline()
    if " at http://" not in first:
        process.kill()
        raise AssertionError(f"server did not start: {first}{process.stderr.read()}")
    url = first.split(" at ", 1)[1].split()[0]

    def drain() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            log.append(line.rstrip("\n"))

    threading.Thread(target=drain, daemon=True).start()
    return Server(process, url, log)


def stop(server: Server) -> None:
    server.process.terminate()
    server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture dataset's graph.trig served with a 1 s time-out and a 20-row limit;
    a stand-in graph.html sits next to it."""
    folder = write_fixture(tmp_path_factory.mktemp("serve"), ("trig",))
    (folder / "graph.html").write_text("<!doctype html><title>viewer</title>", encoding="utf-8")
    server = start_server(folder / "graph.trig", "--timeout", str(TIMEOUT),
                          "--limit", str(LIMIT))
    yield server
    stop(server)


def client(server: Server, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET",
        data: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def query_url(server: Server, query: str) -> str:
    return f"{server.url}?{urllib.parse.urlencode({'query': query})}"


def total(server: Server) -> int:
    result = client(server, COUNT).queryAndConvert()
    assert isinstance(result, dict)
    return int(result["results"]["bindings"][0]["n"]["value"])


def test_select_as_json_with_sparqlwrapper(served: Server) -> None:
    result = client(served, STATES).queryAndConvert()
    assert isinstance(result, dict)
    assert result["head"]["vars"] == ["label"]
    assert [b["label"]["value"] for b in result["results"]["bindings"]] == STATE_LABELS


def test_select_as_csv_with_sparqlwrapper(served: Server) -> None:
    result = client(served, STATES, CSV).queryAndConvert()
    assert isinstance(result, bytes)
    assert result.decode("utf-8").splitlines() == ["label", *STATE_LABELS]


def test_select_as_xml_with_sparqlwrapper_by_post(served: Server) -> None:
    sparql = client(served, STATES, XML)
    sparql.setMethod(POST)
    document = sparql.queryAndConvert()
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert literals == STATE_LABELS


def test_construct_as_turtle_with_sparqlwrapper(served: Server) -> None:
    query = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kgb:State ; rdfs:label ?l }"
    body = client(served, query, TURTLE).queryAndConvert()
    assert isinstance(body, bytes)
    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert sorted(str(o) for o in graph.objects()) == STATE_LABELS
    iran = URIRef("https://w3id.org/kgbuild/id/actor/iran")
    assert str(graph.value(iran, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "Iran"


def test_ask_with_sparqlwrapper(served: Server) -> None:
    yes = client(served, "ASK { ?c kgb:polarity kgb:Negative }").queryAndConvert()
    no = client(served, "ASK { ?c kgb:status kgb:Withdrawn }").queryAndConvert()
    assert (yes, no) == ({"head": {}, "boolean": True}, {"head": {}, "boolean": False})


def test_update_is_refused_and_changes_nothing(served: Server) -> None:
    before = total(served)
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    sparql = client(served, insert)
    sparql.setMethod(POST)  # SPARQLWrapper sends it as update=
    with pytest.raises(urllib.error.HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403
    # Also as application/sparql-update, and disguised as a query.
    status, _, body = get(served.url, {"Content-Type": "application/sparql-update"}, "POST",
                          insert.encode("utf-8"))
    assert status == 403 and b"read-only" in body
    status, _, _ = get(query_url(served, "DROP ALL"))
    assert status == 403
    assert client(served, "ASK { <urn:x:a> ?p ?o }").queryAndConvert() == {
        "head": {}, "boolean": False}
    assert total(served) == before


def test_query_past_the_timeout_is_cut_off_cleanly(served: Server) -> None:
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as stopped:
        client(served, SLOW).query()
    elapsed = time.monotonic() - started
    assert stopped.value.code == 503
    assert b"longer than the 1 s time-out and was stopped" in stopped.value.read()
    assert elapsed < TIMEOUT + 4
    # The server keeps answering, with a fresh worker in place of the stopped one.
    for _ in range(3):
        assert total(served) > 0


def test_results_over_the_limit_are_cut_and_flagged(served: Server) -> None:
    status, headers, body = get(query_url(served, "SELECT * WHERE { ?s ?p ?o }"),
                                {"Accept": "application/sparql-results+json"})
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == LIMIT
    assert headers["X-SPARQL-MaxRows"] == str(LIMIT)
    status, headers, _ = get(query_url(served, STATES))
    assert "X-SPARQL-MaxRows" not in headers


def test_cors_headers_and_preflight(served: Server) -> None:
    _, headers, _ = get(query_url(served, STATES))
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = get(served.url, {"Origin": "https://yasgui.example",
                                          "Access-Control-Request-Method": "POST"}, "OPTIONS")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?label"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml",
         "<?xml version=\"1.0\"?>"),
        ("*/*", "application/sparql-results+json", '{"head":{"vars":["label"]}'),
    ],
)
def test_content_negotiation_for_select(served: Server, accept: str, media: str,
                                        first_line: str) -> None:
    status, headers, body = get(query_url(served, STATES), {"Accept": accept})
    assert status == 200
    assert headers["Content-Type"] == media
    assert body.decode("utf-8").startswith(first_line)


def test_construct_as_n_triples_and_not_acceptable_types(served: Server) -> None:
    query = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kgb:Person ; rdfs:label ?l }"
    status, headers, body = get(query_url(served, query), {"Accept": "application/n-triples"})
    assert (status, headers["Content-Type"]) == (200, "application/n-triples")
    assert len(body.decode("utf-8").splitlines()) == 2
    status, _, body = get(query_url(served, STATES), {"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body


def test_post_as_sparql_query_body(served: Server) -> None:
    status, _, body = get(served.url, {"Content-Type": "application/sparql-query",
                                       "Accept": "text/csv"}, "POST", STATES.encode("utf-8"))
    assert status == 200
    assert body.decode("utf-8").splitlines() == ["label", *STATE_LABELS]


def test_bad_query_is_a_400_with_the_position(served: Server) -> None:
    status, _, body = get(query_url(served, "SELECT ?x WHERE { ?x ?y }"))
    assert status == 400
    assert body.decode("utf-8").startswith("Invalid SPARQL in query at line 1, column 26:")


def test_federated_queries_are_refused(served: Server) -> None:
    status, _, _ = get(query_url(served, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))
    assert status == 403


def test_viewer_page_next_to_the_graph_is_served(served: Server) -> None:
    for path in ("/", "/viewer"):
        status, headers, body = get(served.root + path)
        assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
        assert body == b"<!doctype html><title>viewer</title>"
    assert get(served.root + "/nothing")[0] == 404


def test_one_log_line_per_request(served: Server) -> None:
    # Wait for the lines of earlier requests, marked by a request for a path of our own.
    get(served.root + "/log-probe")
    deadline = time.monotonic() + 5
    while not any("/log-probe" in line for line in served.log) and time.monotonic() < deadline:
        time.sleep(0.02)
    mark = len(served.log)
    get(query_url(served, STATES))
    get(query_url(served, "SELECT nonsense"))
    lines = served.lines_after(mark, 2)
    assert len(lines) == 2
    assert lines[0].startswith("127.0.0.1 GET /sparql 200 ") and lines[0].endswith(" ms")
    assert lines[1].startswith("127.0.0.1 GET /sparql 400 ") and "(bad query)" in lines[1]


def test_a_store_folder_is_served_and_stays_unchanged(tmp_path: Path) -> None:
    load_into_store(fixture_dataset(), tmp_path / "store")
    before = sorted((tmp_path / "store").iterdir())
    server = start_server(tmp_path / "store")
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert total(server) > 0
        status, _, _ = get(server.url, {"Content-Type": "application/x-www-form-urlencoded"},
                           "POST", b"update=CLEAR+ALL")
        assert status == 403
        assert total(server) > 0
    finally:
        stop(server)
    assert sorted((tmp_path / "store").iterdir()) == before


def test_negotiate_prefers_quality_then_server_order() -> None:
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate("", offers) == "application/sparql-results+json"
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("text/csv;q=0.9, application/*;q=0.2", offers) == "text/csv"
    assert negotiate("*/*", offers, fallback="text/csv") == "text/csv"
    assert negotiate("application/json;q=0, text/html", offers) is None


@pytest.mark.parametrize("option", [["--timeout", "0"], ["--limit", "0"], ["--workers", "0"]])
def test_serve_options_out_of_range_are_usage_errors(tmp_path: Path, option: list[str]) -> None:
    folder = write_fixture(tmp_path, ("trig",))
    result = CliRunner().invoke(main, ["serve", str(folder / "graph.trig"), *option])
    assert result.exit_code == 2
    assert "Invalid value for" in result.stderr


def test_serve_a_missing_graph_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nope.trig")])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["query", "serve"])
def test_help_shows_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"kgbuild {command}" in result.stdout
