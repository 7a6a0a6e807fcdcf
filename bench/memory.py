"""Peak memory of `kgbuild build` for 100, 1,000 and 5,000 articles.

Usage: python bench/memory.py [--sizes 100 1000 5000] [--jobs 1]

Each size runs in a fresh child process that starts the build and reports
`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`: the peak resident set of the largest
process of the build (the main process, or a worker with --jobs > 1). Goal (issue 7):
5,000 articles within 1.5x of 100 articles.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time

from common import KGBUILD, WORK, corpus, machine, record, table

_MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mib(args: list[str]) -> tuple[float, float]:
    """Run a command in a fresh process; give its peak RSS in MiB and its wall time."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *args], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024, time.perf_counter() - started


def main() -> None:
    """Run the benchmark and record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    line = machine()
    rows: list[list[object]] = []
    peaks: dict[int, float] = {}
    for size in args.sizes:
        folder = corpus(size)
        out = WORK / f"memory-{size}"
        shutil.rmtree(out, ignore_errors=True)
        peak, seconds = peak_rss_mib([*KGBUILD, "build", str(folder), "--out", str(out),
                                      "--quiet", "--jobs", str(args.jobs)])
        peaks[size] = peak
        ttl = (out / "graph.ttl").stat().st_size / 2**20
        rows.append([f"{size:,}", f"{peak:.0f}", f"{peak / peaks[args.sizes[0]]:.2f}",
                     f"{seconds:.0f}", f"{ttl:.1f}"])
        print(rows[-1], flush=True)
        shutil.rmtree(out, ignore_errors=True)
    body = table(["articles", "peak RSS (MiB)", f"x {args.sizes[0]}", "seconds",
                  "graph.ttl (MiB)"], rows)
    smallest, largest = args.sizes[0], args.sizes[-1]
    body += (f"\n\n--jobs {args.jobs}. {largest:,} articles / {smallest:,}: "
             f"{peaks[largest] / peaks[smallest]:.2f}x (goal <= 1.5x).")
    record(f"Peak memory, {', '.join(f'{s:,}' for s in args.sizes)} articles", body, line)


if __name__ == "__main__":
    main()
