"""Writing about 1 million triples: kgbuild's streaming writers against pyoxigraph's own.

Usage: python bench/serialize.py [--triples 1000000] [--source bench/work/throughput-1]

kgbuild assembles graph.ttl (merged, duplicates dropped, sorted), graph.trig and graph.nq
from per-article N-Quads pieces (`kgbuild.export.streaming`); pyoxigraph dumps the same
data from a store it has loaded (Turtle from a store holding the merged graph, TriG and
N-Quads from a store holding the named graphs). Load times are shown apart.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from common import WORK, machine, record, replicated_pieces, table


def timed(path: Path, write: Callable[[IO[bytes]], None]) -> tuple[float, float]:
    """Give the seconds `write` takes to write `path`, and the file's size in MiB."""
    started = time.perf_counter()
    with path.open("wb") as stream:
        write(stream)
    return time.perf_counter() - started, path.stat().st_size / 2**20


def main() -> None:
    """Run the benchmark and record it."""
    import pyoxigraph

    from kgbuild.export.streaming import write_nquads, write_trig, write_turtle

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--source", type=Path, default=WORK / "throughput-1")
    args = parser.parse_args()
    line = machine()
    pieces = replicated_pieces(args.source, WORK / f"pieces-{args.triples}", args.triples)
    out = WORK / "serialize"
    out.mkdir(exist_ok=True)
    rows: list[list[object]] = []
    results: dict[str, float] = {}
    for name, write in (
        ("turtle", lambda s: write_turtle(pieces, s, work_dir=out)),
        ("trig", lambda s: write_trig(pieces, s)),
        ("nquads", lambda s: write_nquads(pieces, s)),
    ):
        seconds, mib = timed(out / f"kgbuild.{name}", write)
        results[f"kgbuild {name}"] = seconds
        rows.append([f"kgbuild {name} (from {len(pieces):,} pieces)", f"{seconds:.1f}",
                     f"{mib:.0f}"])
        print(rows[-1], flush=True)
    fmt = pyoxigraph.RdfFormat
    quads = pyoxigraph.Store()
    started = time.perf_counter()
    quads.bulk_load(path=str(out / "kgbuild.nquads"), format=fmt.N_QUADS)
    load_quads = time.perf_counter() - started
    merged = pyoxigraph.Store()
    started = time.perf_counter()
    merged.bulk_load(path=str(out / "kgbuild.turtle"), format=fmt.TURTLE)
    load_merged = time.perf_counter() - started
    from kgbuild.export.streaming import output_prefixes

    prefixes = output_prefixes()
    for name, store, rdf_format in (("turtle", merged, fmt.TURTLE), ("trig", quads, fmt.TRIG),
                                    ("nquads", quads, fmt.N_QUADS)):
        def dump(stream: IO[bytes], store: pyoxigraph.Store = store,
                 rdf_format: pyoxigraph.RdfFormat = rdf_format) -> None:
            if rdf_format == fmt.TURTLE:
                store.dump(stream, rdf_format, from_graph=pyoxigraph.DefaultGraph(),
                           prefixes=prefixes)
            elif rdf_format == fmt.TRIG:
                store.dump(stream, rdf_format, prefixes=prefixes)
            else:
                store.dump(stream, rdf_format)

        seconds, mib = timed(out / f"oxigraph.{name}", dump)
        ratio = results[f"kgbuild {name}"] / seconds
        rows.append([f"pyoxigraph Store.dump {name}", f"{seconds:.1f}", f"{mib:.0f}",
                     f"kgbuild takes {ratio:.1f}x"])
        print(rows[-1], flush=True)
    body = table(["writer", "seconds", "MiB", "note"], [r + [""] * (4 - len(r)) for r in rows])
    body += (
        f"\n\n{len(merged):,} distinct triples, {len(quads):,} quads. pyoxigraph load times "
        f"(not in the table): N-Quads {load_quads:.1f} s, Turtle {load_merged:.1f} s. "
        "kgbuild's writers need no store: they stream from the build's cache."
    )
    record(f"Serializing {len(quads):,} quads", body, line)


if __name__ == "__main__":
    main()
