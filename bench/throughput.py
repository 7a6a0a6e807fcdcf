"""Throughput of `kgbuild build` against spaCy's own `nlp.pipe` on the same texts, same run.

Usage: python bench/throughput.py [--articles 1000] [--jobs 1 2] [--rounds 2]

Rows: raw `nlp.pipe` with the packaged model (model loaded beforehand: the floor cost of
parsing) with 1 and 2 processes; `kgbuild build --force` with 1 and 2 jobs (a new process:
import, model load, reading, extraction, cache and output files all included); then the
incremental cases: the same build again with nothing changed, and with one article edited.
Goals (issue 7): kgbuild >= 0.75 of raw pipe with 1 job, 2 jobs faster than 1, unchanged
re-run < 5% of the first build, one edited article re-processes only that one.
Parsing and build rows are the best of `--rounds` runs, taken in alternation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time

from common import KGBUILD, WORK, corpus, kgbuild, machine, record, table

BATCH = 32


def raw_pipe(texts: list[str], model: str, processes: int, *, ours: bool = False) -> float:
    """Give the seconds `nlp.pipe` takes over `texts` (model already loaded); `ours` adds
    kgbuild's components (line starts, gazetteer entity ruler, cue matcher)."""
    import spacy

    from kgbuild.nlp import load_nlp

    nlp = load_nlp(model) if ours else spacy.load(model)
    list(nlp.pipe(texts[:8]))  # warm up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH, n_process=processes):
        pass
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2, help="best of this many runs per row")
    args = parser.parse_args()
    from kgbuild import read_articles
    from kgbuild.nlp import DEFAULT_MODEL

    line = machine()
    folder = corpus(args.articles)
    texts = [a.text for a in read_articles([folder])]
    words = sum(len(t.split()) for t in texts)
    rows: list[list[object]] = []
    raw: dict[int, float] = {}

    def row(what: str, seconds: float, note: str = "") -> None:
        rows.append([what, f"{seconds:.1f}", f"{words / seconds:,.0f}",
                     f"{len(texts) / seconds:.1f}", note])
        print(rows[-1], flush=True)

    # Rounds alternate raw parsing and kgbuild builds, and each row keeps its best round:
    # a load spike from another process then costs both sides alike, not one of them.
    with_components = float("inf")
    built: dict[int, float] = {}
    for _ in range(args.rounds):
        for jobs in args.jobs:
            raw[jobs] = min(raw.get(jobs, float("inf")), raw_pipe(texts, DEFAULT_MODEL, jobs))
            out = WORK / f"throughput-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            seconds = kgbuild(["build", str(folder), "--out", str(out), "--quiet", "--force",
                               "--jobs", str(jobs)])
            built[jobs] = min(built.get(jobs, float("inf")), seconds)
        with_components = min(with_components, raw_pipe(texts, DEFAULT_MODEL, 1, ours=True))
    for jobs in args.jobs:
        row(f"raw nlp.pipe, {jobs} process(es)", raw[jobs])
    row("nlp.pipe with kgbuild's components, 1 process", with_components,
        f"{raw[min(args.jobs)] / with_components:.2f} of raw pipe")
    for jobs in args.jobs:
        row(f"kgbuild build, {jobs} job(s)", built[jobs],
            f"{raw[jobs] / built[jobs]:.2f} of raw pipe with {jobs} process(es)")
    first = min(args.jobs)
    out = WORK / f"throughput-{first}"
    again = kgbuild(["build", str(folder), "--out", str(out), "--quiet"])
    row("re-run, nothing changed", again, f"{again / built[first]:.1%} of the first build")
    edited = sorted(folder.glob("*.txt"))[0]
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original + "\nThe talks will continue next week.\n", encoding="utf-8")
        started = time.perf_counter()
        shown = subprocess.run([*KGBUILD, "build", str(folder), "--out", str(out)],
                               check=True, capture_output=True, text=True).stdout
        one = time.perf_counter() - started
    finally:
        edited.write_text(original, encoding="utf-8")
    counts = shown.strip().splitlines()[-1].rsplit("(", 1)[-1].rstrip(")")
    row("re-run, one article edited", one, f"{one / built[first]:.1%} of the first build; {counts}")
    kgbuild(["build", str(folder), "--out", str(out), "--quiet"])  # back to the original
    body = table(["run", "seconds", "words/s", "articles/s", "note"], rows)
    body += (
        f"\n\n{len(texts)} generated articles, {words:,} words; batch {BATCH}; best of "
        f"{args.rounds} alternating rounds per row. "
        f"kgbuild 1 job / raw 1 process = {raw[first] / built[first]:.2f} (goal >= 0.75)"
    )
    if len(args.jobs) > 1:
        body += f"; 2 jobs vs 1 job: {built[first] / built[max(args.jobs)]:.2f}x faster"
    record(f"Throughput, {len(texts)} articles", body + ".", line)


if __name__ == "__main__":
    main()
