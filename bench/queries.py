"""The query library (queries/*.rq) on about 1 million triples: Oxigraph against rdflib.

Usage: python bench/queries.py [--triples 1000000] [--cap 30] [--source bench/work/throughput-1]

The data: the per-article pieces of a build of generated articles (by default the one
bench/throughput.py leaves), copied with renamed article IRIs until about `--triples`
quads, merged into one Turtle file by kgbuild's writer. Both engines load that file into
their default graph; each query runs 3 times on Oxigraph (best kept) and once on rdflib's
in-memory graph, cut off after `--cap` seconds (shown as "> cap"). Goals (issue 7): every
query >= 20x faster on Oxigraph, none slower than 1 s.
"""

from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path
from types import FrameType

from common import ROOT, WORK, machine, record, replicated_pieces, table


class _TooSlow(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TooSlow


def merged_turtle(source: Path, triples: int) -> tuple[Path, int]:
    """Give a Turtle file of about `triples` triples, and how many pieces it was made of."""
    from kgbuild.export.streaming import write_turtle

    pieces = replicated_pieces(source, WORK / f"pieces-{triples}", triples)
    target = WORK / f"merged-{triples}.ttl"
    if not target.is_file():
        with target.open("wb") as stream:
            write_turtle(pieces, stream, work_dir=WORK)
    return target, len(pieces)


def main() -> None:
    """Run the benchmark and record it."""
    import pyoxigraph
    from rdflib import Graph

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--cap", type=float, default=30.0)
    parser.add_argument("--source", type=Path, default=WORK / "throughput-1")
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
    signal.signal(signal.SIGALRM, _alarm)
    rows: list[list[object]] = []
    met = True
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            ox_rows = len(list(store.query(text)))
            best = min(best, time.perf_counter() - started)
        signal.setitimer(signal.ITIMER_REAL, args.cap)
        started = time.perf_counter()
        try:
            rdflib_rows: object = len(list(graph.query(text)))
            slow = time.perf_counter() - started
            shown = f"{slow:.2f}"
        except _TooSlow:
            slow, rdflib_rows, shown = args.cap, "-", f"> {args.cap:.0f}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        speedup = slow / best if best > 0 else float("inf")
        prefix = ">= " if rdflib_rows == "-" else ""
        ok = speedup >= 20 and best <= 1.0
        met = met and ok
        rows.append([path.stem, f"{best:.3f}", ox_rows, shown, rdflib_rows,
                     f"{prefix}{speedup:,.0f}x", "yes" if ok else "NO"])
        print(rows[-1], flush=True)
    body = table(["query", "Oxigraph s", "rows", "rdflib s", "rows", "speed-up", "goal met"],
                 rows)
    body += (
        f"\n\n{size:,} triples ({pieces:,} article graphs merged); load from Turtle: "
        f"Oxigraph bulk_load {ox_load:.1f} s, rdflib parse {rdflib_load:.1f} s; rdflib cap "
        f"{args.cap:.0f} s per query. All queries >= 20x and <= 1 s: {'yes' if met else 'no'}."
    )
    record(f"Query library on {size:,} triples", body, line)


if __name__ == "__main__":
    main()
