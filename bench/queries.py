"""The query library (queries/*.rq) on about 1 million triples: Oxigraph against rdflib.

Usage: python bench/queries.py [--triples 1000000] [--cap 30] [--repeat 3]
                               [--source bench/work/throughput-1] [--no-store] [--print-only]

The data: the per-article pieces of a build of generated articles (by default the one
bench/throughput.py leaves), copied with renamed article IRIs until about `--triples`
quads, merged into one Turtle file by kgbuild's writer. Both engines load that file into
their default graph, as `kgbuild query graph.ttl` does.

Both engines run the same query text and read every row as Python objects: Oxigraph
through kgbuild's own `execute` (the product's query path), rdflib through `Graph.query`.
Each engine first answers a warm-up query (rdflib builds its SPARQL parser on the first
one); then each query runs `--repeat` times per engine and the best time is kept, except
that rdflib runs once when its first run takes more than `--cap / --repeat` seconds and is
cut off after `--cap` seconds (shown as "> cap"). The "CSV" column times what `kgbuild
query --format csv` does: pyoxigraph writes the rows itself, no Python object per term.
The "store" column runs the same queries on an on-disk store (RocksDB) holding the same
articles, opened read-only as `kgbuild query STORE` opens one.
Goals (issue 7): every query >= 20x faster on Oxigraph (in memory, as for a graph file),
none slower than 1 s.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import signal
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any

from common import ROOT, WORK, machine, record, replicated_pieces, table

TRIVIAL = "SELECT ?x WHERE { BIND (1 AS ?x) }"
_PREFIXES = (
    "PREFIX kgb: <https://w3id.org/kgbuild/ont#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
# What one triple lookup costs inside each engine: a query that binds `?b` (or `?a`) on
# N rows, and the same query looking one more triple up per row; the difference over N.
# Variables are named so that rdflib, which orders a group's patterns by their variable
# counts and then by name, also starts from the first pattern.
LOOKUPS = {
    "a commitment's action": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a kgb:polarity kgb:Negative }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a kgb:polarity kgb:Negative ; kgb:action ?x }",
    ),
    "an actor's label": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a kgb:requestedBy ?b }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a kgb:requestedBy ?b . ?b rdfs:label ?x }",
    ),
}


class _TooSlow(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TooSlow


def merged_turtle(source: Path, triples: int) -> tuple[Path, list[Path]]:
    """Give a Turtle file of about `triples` triples, and the pieces it was made of."""
    from kgbuild.export.streaming import write_turtle

    pieces = replicated_pieces(source, WORK / f"pieces-{triples}", triples)
    target = WORK / f"merged-{triples}.ttl"
    if not target.is_file():
        with target.open("wb") as stream:
            write_turtle(pieces, stream, work_dir=WORK)
    return target, pieces


def store_folder(turtle: Path, pieces: list[Path], triples: int) -> Path:
    """Give an on-disk (RocksDB) store holding what `kgbuild build --store` puts there:
    each article's piece in its own named graph, and their merge (`turtle`) as the
    default graph. Made once, in bench/work/store-TRIPLES."""
    import pyoxigraph

    from kgbuild.store import is_store

    folder = WORK / f"store-{triples}"
    if not is_store(folder):
        partial_folder = WORK / f"store-{triples}.partial"
        shutil.rmtree(partial_folder, ignore_errors=True)
        store = pyoxigraph.Store(str(partial_folder))
        for piece in pieces:
            store.bulk_load(path=str(piece), format=pyoxigraph.RdfFormat.N_QUADS)
        store.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        store.optimize()
        del store  # pyoxigraph has no close(): dropping the store releases the folder
        partial_folder.rename(folder)
    return folder


def best_of(run: Callable[[], int], repeat: int, slow: float = float("inf")) -> tuple[float, int]:
    """Run `run` up to `repeat` times; give the best time and the row count.

    Stops after the first run when that took longer than `slow` seconds.
    """
    best, rows = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = run()
        took = time.perf_counter() - started
        best = min(best, took)
        if took > slow:
            break
    return best, rows


def capped(run: Callable[[], int], repeat: int, cap: float) -> tuple[float, int] | None:
    """Like `best_of`, but give None when a run is still going after `cap` seconds."""
    # rdflib's FILTER evaluation swallows any exception (bare `except:`), so one alarm
    # may be lost inside a filter: the timer keeps firing every 50 ms until one lands.
    signal.setitimer(signal.ITIMER_REAL, cap, 0.05)
    try:
        return best_of(run, repeat, slow=cap / repeat)
    except _TooSlow:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def lookup_cost(run: Callable[[str], int], base: str, probe: str) -> float:
    """Give the seconds one more triple lookup per row adds (see LOOKUPS)."""
    without, rows = best_of(partial(run, _PREFIXES + base), 5)
    with_it, _ = best_of(partial(run, _PREFIXES + probe), 5)
    return (with_it - without) / rows


def count(result: Any) -> int:
    """Read a result to the end; give its number of rows (or triples)."""
    return sum(1 for _ in result)


def main() -> None:
    """Run the benchmark and record it."""
    import pyoxigraph
    from rdflib import Graph

    from kgbuild.query import execute, write_result
    from kgbuild.store import open_graph

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--cap", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--source", type=Path, default=WORK / "throughput-1")
    parser.add_argument("--no-store", action="store_true",
                        help="skip the on-disk store column (building it takes ~80 s once)")
    parser.add_argument("--print-only", action="store_true",
                        help="print the table without appending it to bench/RESULTS.md")
    args = parser.parse_args()
    line = machine()
    turtle, pieces = merged_turtle(args.source, args.triples)
    started = time.perf_counter()
    store = pyoxigraph.Store()
    store.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    ox_load = time.perf_counter() - started
    started = time.perf_counter()
    graph = Graph().parse(turtle, format="turtle")
    rdflib_load = time.perf_counter() - started
    size = len(store)
    print(f"{size:,} triples; load: Oxigraph {ox_load:.1f} s, rdflib {rdflib_load:.1f} s")
    # The store `kgbuild query STORE` reads, opened as the product opens it (read-only).
    on_disk = None if args.no_store else open_graph(store_folder(turtle, pieces, args.triples))
    signal.signal(signal.SIGALRM, _alarm)

    def oxigraph(text: str) -> int:
        return count(execute(store, text))

    def oxigraph_csv(text: str) -> int:
        sink = io.BytesIO()
        write_result(execute(store, text), "csv", sink)
        return len(sink.getvalue())

    def oxigraph_on_disk(text: str) -> int:
        assert on_disk is not None
        return count(execute(on_disk, text))

    def rdflib(text: str) -> int:
        return count(graph.query(text))

    def oxigraph_count(text: str) -> int:
        result: Any = execute(store, text)
        return int(next(iter(result))[0].value)

    def rdflib_count(text: str) -> int:
        result: Any = graph.query(text)
        return int(next(iter(result))[0])

    # Warm-up, and the fixed cost of a query that reads no data on each engine.
    floor_ox, _ = best_of(partial(oxigraph, TRIVIAL), 20)
    floor_rdflib, _ = best_of(partial(rdflib, TRIVIAL), 20)
    lookups = []
    for what, (base, probe) in LOOKUPS.items():
        ox_cost = lookup_cost(oxigraph_count, base, probe)
        rdflib_cost = lookup_cost(rdflib_count, base, probe)
        lookups.append(f"{what} {ox_cost * 1e6:.1f} µs on Oxigraph, "
                       f"{rdflib_cost * 1e6:.1f} µs on rdflib")

    rows: list[list[object]] = []
    met = disk_fast = 0
    queries = sorted((ROOT / "queries").glob("*.rq"))
    for path in queries:
        text = path.read_text(encoding="utf-8")
        best, ox_rows = best_of(partial(oxigraph, text), args.repeat)
        as_csv, _ = best_of(partial(oxigraph_csv, text), args.repeat)
        disk = "-"
        if on_disk is not None:
            disk_s, _ = best_of(partial(oxigraph_on_disk, text), args.repeat)
            disk = f"{disk_s:.3f}"
            disk_fast += disk_s <= 1.0
        slow = capped(partial(rdflib, text), args.repeat, args.cap)
        rdflib_rows: object = "-"
        if slow is None:
            rdflib_s, shown, prefix = args.cap, f"> {args.cap:.0f}", ">= "
        else:
            (rdflib_s, rdflib_rows), shown, prefix = slow, f"{slow[0]:.2f}", ""
        speedup = rdflib_s / best if best > 0 else float("inf")
        ok = speedup >= 20 and best <= 1.0
        met += ok
        rows.append([path.stem, f"{best:.3f}", f"{as_csv:.3f}", disk, ox_rows, shown,
                     rdflib_rows, f"{prefix}{speedup:,.1f}x", "yes" if ok else "NO"])
        print(rows[-1], flush=True)
    body = table(["query", "Oxigraph s", "Oxigraph CSV s", "Oxigraph store s", "rows",
                  "rdflib s", "rows", "speed-up", "goal met"], rows)
    body += (
        f"\n\n{size:,} triples ({len(pieces):,} article graphs merged); load from Turtle: "
        f"Oxigraph bulk_load {ox_load:.1f} s, rdflib parse {rdflib_load:.1f} s. Best of "
        f"{args.repeat} runs on each engine after a warm-up; rdflib cap {args.cap:.0f} s per "
        f"query. A query that reads no data takes {floor_ox * 1e3:.2f} ms on Oxigraph, "
        f"{floor_rdflib * 1e3:.1f} ms on rdflib. One triple lookup per row costs: "
        f"{'; '.join(lookups)}. Load average at the end "
        f"{os.getloadavg()[0]:.1f}. Queries >= 20x and <= 1 s: {met} of {len(queries)}."
    )
    if on_disk is not None:
        body += (
            f" On the on-disk store (RocksDB, opened read-only as `kgbuild query STORE` does; "
            f"articles in named graphs plus their merge as default graph): "
            f"{disk_fast} of {len(queries)} queries <= 1 s."
        )
    if args.print_only:
        print(f"\nMachine: {line}\n\n{body}")
    else:
        record(f"Query library on {size:,} triples", body, line)


if __name__ == "__main__":
    main()
