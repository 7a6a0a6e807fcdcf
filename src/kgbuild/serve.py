"""`kgbuild serve`: a read-only SPARQL 1.1 Protocol endpoint over a graph file or a store.

Design (why not a ready-made server): Oxigraph's own `serve-read-only` binary has
read-only mode, CORS and a time-out but no result-size limit, no request log and no
way to serve the viewer page; rdflib-endpoint runs queries inside the web process,
where a runaway query cannot be stopped. So this module is a small standard-library
HTTP layer over pyoxigraph, and leaves the hard parts to pyoxigraph: parsing, evaluation
and every result serializer (JSON, XML, CSV, TSV, Turtle, N-Triples, JSON-LD, RDF/XML).

- Queries run in a pool of worker processes that open the store read-only. A query past
  the time-out is stopped by killing its worker (pyoxigraph cannot cancel a running
  query from Python), answered with 503, and a fresh worker takes its place.
- A file is first loaded into a temporary on-disk store (its named graphs merged into the
  default graph, as `kgbuild.store` does), so that workers share it instead of each
  parsing the file.
- Read-only three times over: SPARQL Update requests are refused with 403 before they
  reach a worker, workers only ever call `Store.query`, and the store is opened read-only.
- SELECT results longer than the limit are cut to the limit and flagged with the header
  `X-SPARQL-MaxRows: LIMIT` (as Virtuoso does); CONSTRUCT/DESCRIBE likewise in triples.
"""

from __future__ import annotations

import contextlib
import html
import multiprocessing
import queue
import shutil
import signal
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .errors import GraphFileError, KgbuildError, QueryError

ENDPOINT_PATH = "/sparql"
MAX_BODY = 1 << 20  # bytes of a POSTed query; SPARQL queries are far smaller
TRUNCATED_HEADER = "X-SPARQL-MaxRows"

# Media types offered, server preference first; the first of each list is the default.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
    "application/xml": "XML",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "text/plain": "N_TRIPLES",
}
# Short names some clients send as ?format= (SPARQLWrapper sends its return format so).
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
    "rdf+xml": "application/rdf+xml",
}
CORS_HEADERS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", TRUNCATED_HEADER),
)
PREFLIGHT_HEADERS = (
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
    ("Access-Control-Max-Age", "86400"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """How the endpoint behaves."""

    timeout: float = 10.0
    limit: int = 10_000
    workers: int = 2


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """One SPARQL query as a worker receives it."""

    text: str
    accept: str = ""
    format: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status, media type, body, extra headers, and a note for the log."""

    status: int
    content_type: str = ""
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    note: str = ""


def text_reply(status: int, message: str, note: str = "") -> Reply:
    """Give a plain-text answer of one line."""
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), note=note)


# --- content negotiation --------------------------------------------------------------


def negotiate(accept: str, offers: Sequence[str], fallback: str = "") -> str | None:
    """Give the offered media type the Accept header prefers, or None if it accepts none.

    Without an Accept header, or with only wildcards, `fallback` (a type the client named
    in ?format=) wins when offered, else the first offer.
    """
    ranges = _accept_ranges(accept)
    specific = [r for r in ranges if r[0] != "*/*" and not r[0].endswith("/*")]
    if not specific and fallback in offers:
        return fallback
    if not ranges:
        return offers[0]
    best: tuple[float, int] | None = None
    chosen = None
    for rank, offer in enumerate(offers):
        quality = _quality(offer, ranges)
        if quality > 0 and (best is None or (quality, -rank) > best):
            best, chosen = (quality, -rank), offer
    return chosen


def _accept_ranges(accept: str) -> list[tuple[str, float, int]]:
    """Give (media range, q, specificity) for each entry of an Accept header."""
    ranges = []
    for item in accept.split(","):
        parts = [p.strip() for p in item.split(";")]
        kind = parts[0].lower()
        if "/" not in kind:
            continue
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                with contextlib.suppress(ValueError):
                    q = float(value)
        specificity = 0 if kind == "*/*" else 1 if kind.endswith("/*") else 2
        ranges.append((kind, q, specificity))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float, int]]) -> float:
    """Give the q of the most specific range that matches `offer` (0 if none does)."""
    major = offer.split("/")[0]
    matches = [
        (specificity, q)
        for kind, q, specificity in ranges
        if kind in (offer, "*/*", f"{major}/*")
    ]
    return max(matches)[1] if matches else 0.0


# --- answering one query (runs in a worker) ---------------------------------------------


def answer(store: Any, request: QueryRequest) -> Reply:
    """Run one query on an open store and give the HTTP reply, serialized as negotiated."""
    import pyoxigraph

    from .query.engine import capped_solutions, capped_triples, execute
    from .query.formats import used_prefixes

    try:
        result = execute(
            store,
            request.text,
            default_graphs=request.default_graphs,
            named_graphs=request.named_graphs,
        )
    except QueryError as exc:
        return text_reply(400, str(exc), note="bad query")
    fallback = FORMAT_NAMES.get(request.format.lower(), request.format.lower())
    graph_result = isinstance(result, pyoxigraph.QueryTriples)
    offers = GRAPH_TYPES if graph_result else RESULT_TYPES
    media = negotiate(request.accept, list(offers), fallback)
    if media is None:
        return text_reply(
            406,
            f"None of the accepted types ({request.accept}) fits this query's result; "
            f"ask for one of: {', '.join(offers)}.",
        )
    headers: tuple[tuple[str, str], ...] = ()
    truncated = False
    try:
        if isinstance(result, pyoxigraph.QueryTriples):
            triples, truncated = capped_triples(result, request.limit)
            fmt = getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media])
            prefixes = used_prefixes(triples) if media == "text/turtle" else None
            body = pyoxigraph.serialize(triples, format=fmt, prefixes=prefixes) or b""
        else:
            results_format = getattr(pyoxigraph.QueryResultsFormat, RESULT_TYPES[media])
            if isinstance(result, pyoxigraph.QuerySolutions):
                result, truncated = capped_solutions(result, request.limit)
            body = result.serialize(format=results_format) or b""
    except (OSError, ValueError, RuntimeError) as exc:
        return text_reply(500, f"The query failed while running: {' '.join(str(exc).split())}")
    if truncated:
        headers = ((TRUNCATED_HEADER, str(request.limit)),)
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    note = f"truncated to {request.limit}" if truncated else ""
    return Reply(200, media + charset, body, headers, note)


def _worker_main(store_dir: str, conn: Connection) -> None:
    """Serve queries from the parent over `conn` until it closes the pipe."""
    import pyoxigraph

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from .query import engine, formats  # noqa: F401  # import now, not on the first query

    try:
        store = pyoxigraph.Store.read_only(store_dir)
    except OSError as exc:
        conn.send(("error", " ".join(str(exc).split())))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(store, request)
        except Exception as exc:  # never let one query take the worker down
            reply = text_reply(500, f"Internal error: {type(exc).__name__}: {exc}")
        conn.send(reply)


# --- the worker pool ------------------------------------------------------------------


@dataclass(eq=False, slots=True)  # eq=False: workers hash by identity, for the live set
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """Worker processes that answer queries, any of which can be killed on time-out."""

    def __init__(self, store_dir: Path, size: int = 2) -> None:
        self.store_dir = store_dir
        self.size = max(1, size)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        # fork: a worker starts in milliseconds with everything already imported, where a
        # fresh interpreter (spawn, forkserver) would first spend seconds importing kgbuild.
        # The first workers fork before any server thread exists; a replacement forks while
        # request threads wait on sockets or pipes, holding no lock the worker needs.
        self._context = multiprocessing.get_context("fork")
        starting = [self._start() for _ in range(self.size)]
        for worker in starting:
            self._ready(worker)
            self._idle.put(worker)

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(str(self.store_dir), child), daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._live.add(worker)
        return worker

    def _ready(self, worker: _Worker) -> None:
        try:
            kind, message = worker.conn.recv()
        except (EOFError, OSError):
            kind, message = "error", "the worker process exited at start"
        if kind != "ready":
            self.close()
            raise GraphFileError(f"Cannot open store {self.store_dir} for serving: {message}.")

    def run(self, request: QueryRequest, timeout: float) -> Reply:
        """Answer `request` in a worker within `timeout` seconds, or give a 503."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return text_reply(
                503, f"All {self.size} query workers stayed busy for {timeout:g} s; retry.",
                note="busy",
            )
        try:
            worker.conn.send(request)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return text_reply(500, "The query worker died (out of memory?); try a smaller query.")
        self._replace(worker)
        return text_reply(
            503,
            f"The query ran longer than the {timeout:g} s time-out and was stopped; "
            "make it more selective or add a LIMIT.",
            note="timed out",
        )

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start a new one in the background."""
        worker.process.kill()
        worker.conn.close()
        with self._lock:
            self._live.discard(worker)

        def restart() -> None:
            worker.process.join()
            if self._closed.is_set():
                return
            fresh = self._start()
            try:
                self._ready(fresh)
            except KgbuildError:
                return
            self._idle.put(fresh)

        threading.Thread(target=restart, daemon=True).start()

    def close(self) -> None:
        """Stop every worker."""
        self._closed.set()
        with self._lock:
            workers = list(self._live)
            self._live.clear()
        for worker in workers:
            worker.conn.close()
            worker.process.kill()
            worker.process.join()


# --- HTTP -----------------------------------------------------------------------------


class EndpointServer(ThreadingHTTPServer):
    """The HTTP server: routes requests to the worker pool, the viewer page or errors."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        settings: Settings,
        viewer: Path | None,
        log: Callable[[str], None],
    ) -> None:
        super().__init__(address, _Handler)
        self.pool = pool
        self.settings = settings
        self.viewer = viewer
        self.log = log

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a broken connection in one line instead of a traceback."""
        self.log(f"{client_address[0]} connection error, dropped")

    @property
    def url(self) -> str:
        """Give the endpoint's URL."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}{ENDPOINT_PATH}"


class _Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "kgbuild-sparql"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default log; `_handle` writes one line per request."""

    def do_GET(self) -> None:
        self._handle(self._get)

    def do_POST(self) -> None:
        self._handle(self._post)

    def do_OPTIONS(self) -> None:
        self._handle(lambda: Reply(204, headers=PREFLIGHT_HEADERS))

    def do_PUT(self) -> None:
        self._handle(self._not_allowed)

    def do_DELETE(self) -> None:
        self._handle(self._not_allowed)

    def do_PATCH(self) -> None:
        self._handle(self._not_allowed)

    def _handle(self, route: Callable[[], Reply]) -> None:
        started = time.monotonic()
        try:
            reply = route()
        except Exception as exc:  # a bug must give a 500, not a dropped connection
            reply = text_reply(500, f"Internal error: {type(exc).__name__}: {exc}")
        try:
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            reply = Reply(reply.status, note="client went away")
        ms = (time.monotonic() - started) * 1000
        path = urllib.parse.urlsplit(self.path).path
        note = f" ({reply.note})" if reply.note else ""
        self.server.log(
            f"{self.client_address[0]} {self.command} {path} {reply.status} {ms:.0f} ms{note}"
        )

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in (*CORS_HEADERS, *reply.headers):
            self.send_header(name, value)
        if reply.status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(reply.body)

    def _not_allowed(self) -> Reply:
        reply = text_reply(405, "This SPARQL endpoint is read-only: use GET or POST queries.")
        return Reply(405, reply.content_type, reply.body, (("Allow", "GET, POST, OPTIONS"),))

    def _get(self) -> Reply:
        split = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        if split.path == ENDPOINT_PATH or (split.path == "/" and params):
            return self._query(params)
        if split.path in ("/", "/viewer", "/index.html"):
            return self._page(split.path)
        return text_reply(404, f"Nothing at {split.path}; the SPARQL endpoint is {ENDPOINT_PATH}.")

    def _post(self) -> Reply:
        split = urllib.parse.urlsplit(self.path)
        if split.path not in (ENDPOINT_PATH, "/"):
            return text_reply(404, f"Nothing at {split.path}; POST queries to {ENDPOINT_PATH}.")
        params = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return text_reply(411, "POST needs a Content-Length header.")
        if int(length) > MAX_BODY:
            return text_reply(413, f"The request body is over {MAX_BODY} bytes.")
        body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
        kind = self.headers.get_content_type()
        if kind == "application/x-www-form-urlencoded":
            for name, values in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        elif kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            return _read_only_reply()
        else:
            return text_reply(
                415,
                f"Unsupported Content-Type {kind}; POST application/sparql-query or "
                "application/x-www-form-urlencoded with query=.",
            )
        return self._query(params)

    def _query(self, params: Mapping[str, list[str]]) -> Reply:
        from .query.engine import is_update, uses_service

        if "update" in params:
            return _read_only_reply()
        texts = params.get("query", [])
        if len(texts) != 1 or not texts[0].strip():
            return text_reply(
                400, f"Give exactly one SPARQL query as the 'query' parameter of {ENDPOINT_PATH}."
            )
        if is_update(texts[0]):
            return _read_only_reply()
        if uses_service(texts[0]):
            return text_reply(
                403, "Federated queries (SERVICE) are disabled on this endpoint.", note="refused"
            )
        settings = self.server.settings
        request = QueryRequest(
            text=texts[0],
            accept=self.headers.get("Accept", ""),
            format=(params.get("format") or params.get("output") or [""])[0],
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
            limit=settings.limit,
        )
        return self.server.pool.run(request, settings.timeout)

    def _page(self, path: str) -> Reply:
        viewer = self.server.viewer
        if viewer is not None and viewer.is_file():
            return Reply(200, "text/html; charset=utf-8", viewer.read_bytes())
        if path == "/viewer":
            return text_reply(404, "No graph.html next to the served graph; build with --out.")
        return Reply(200, "text/html; charset=utf-8", _landing_page(self.server.url))


def _read_only_reply() -> Reply:
    return text_reply(
        403,
        "This SPARQL endpoint is read-only: SPARQL Update is refused and nothing was changed.",
        note="update refused",
    )


def _landing_page(url: str) -> bytes:
    example = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
    link = f"{ENDPOINT_PATH}?query={urllib.parse.quote(example)}"
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>kgbuild SPARQL endpoint</title>"
        f"<h1>kgbuild SPARQL endpoint</h1><p>Send SPARQL 1.1 queries to <code>{html.escape(url)}"
        "</code> (GET ?query= or POST). Read-only.</p>"
        f"<p>Example: <a href='{html.escape(link)}'>{html.escape(example)}</a></p></html>\n"
    )
    return page.encode("utf-8")


# --- running the endpoint -------------------------------------------------------------


@contextlib.contextmanager
def served_store(path: Path) -> Iterator[Path]:
    """Give a store folder for `path`: the folder itself, or a temporary store loaded from
    a graph file (removed on exit)."""
    import pyoxigraph

    from .store import graph_format, is_store, merge_into_default_graph, open_read_only

    if path.is_dir():
        open_read_only(path)  # fails early, with a clear message, if it is not a store
        yield path
        return
    if not path.is_file():
        raise GraphFileError(f"Graph file {path} does not exist; give a graph file or a store.")
    fmt = graph_format(path)
    folder = Path(tempfile.mkdtemp(prefix="kgbuild-serve-"))
    try:
        store = pyoxigraph.Store(str(folder))
        try:
            store.bulk_load(path=str(path), format=fmt)
            merge_into_default_graph(store)
            store.flush()
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            raise GraphFileError(f"{path} is not valid {fmt.name}: {message}.") from None
        finally:
            del store  # release the write lock before the workers open the store read-only
        assert is_store(folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def viewer_for(path: Path) -> Path | None:
    """Give the graph.html that sits next to a graph file or store folder, if any."""
    for candidate in (path.parent / "graph.html", path / "graph.html"):
        if candidate.is_file():
            return candidate
    return None


def serve(
    path: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    settings: Settings | None = None,
    log: Callable[[str], None] = print,
) -> None:
    """Serve `path` (a graph file or store folder) as a SPARQL endpoint until interrupted."""
    settings = settings or Settings()
    if settings.timeout <= 0 or settings.limit < 1 or settings.workers < 1:
        raise KgbuildError("--timeout must be above 0, and --limit and --workers at least 1.")
    with served_store(path) as folder:
        pool = WorkerPool(folder, settings.workers)
        try:
            server = EndpointServer((host, port), pool, settings, viewer_for(path), log)
        except OSError as exc:
            pool.close()
            raise KgbuildError(
                f"Cannot listen on {host}:{port}: {exc.strerror}; choose another --port."
            ) from None
        _stop_on_sigterm()
        log(f"Serving {path} read-only at {server.url} (Ctrl-C to stop)")
        if host not in ("127.0.0.1", "localhost", "::1"):
            log(f"Note: listening on {host}: anyone who can reach this machine can query it.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log("Stopped.")
        finally:
            server.server_close()
            pool.close()


def _stop_on_sigterm() -> None:
    """Make SIGTERM stop the server like Ctrl-C, so workers and temporary stores are
    cleaned up."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
