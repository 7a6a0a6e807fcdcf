"""Shared helpers of the benchmarks: the machine, the results file, corpora and big datasets.

Benchmarks are scripts, not tests: run them with the project's Python from the repository
root, e.g. `.venv/bin/python bench/throughput.py`. Work files go to `bench/work/` (ignored).
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "RESULTS.md"
KGBUILD = [str(Path(sys.executable).parent / "kgbuild")]


def machine() -> str:
    """Give one line naming the machine: CPUs, RAM, OS, Python, spaCy, kgbuild."""
    from importlib.metadata import version

    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return (
        f"{os.cpu_count()} CPUs (nproc), {pages / 2**30:.1f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, spaCy {version('spacy')}, "
        f"pyoxigraph {version('pyoxigraph')}, rdflib {version('rdflib')}, "
        f"kgbuild {version('kgbuild')}, load average {os.getloadavg()[0]:.1f} at start"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Give a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def record(title: str, body: str, machine_line: str) -> None:
    """Print a result section and append it to bench/RESULTS.md."""
    stamp = time.strftime("%Y-%m-%d %H:%M")
    section = f"\n## {title} ({stamp})\n\nMachine: {machine_line}\n\n{body}\n"
    print(section)
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(section)


def corpus(size: int) -> Path:
    """Give a folder of `size` generated articles (made once by make_corpus.py)."""
    folder = WORK / f"corpus-{size}"
    if not (folder.is_dir() and len(list(folder.glob("*.txt"))) == size):
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(size), str(folder)],
            check=True,
        )
    return folder


def kgbuild(args: Sequence[str]) -> float:
    """Run `kgbuild ARGS` in a new process; give its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run([*KGBUILD, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


_ARTICLE_NODES = re.compile(rb"(/(?:article|graph|commitment|condition|mention)/[^>#/ ]+)")


def replicated_pieces(source: Path, target: Path, triples: int) -> list[Path]:
    """Copy the pieces of a build in `source` until `target` holds about `triples` quads.

    Copy k renames what is the article's own (article, graph, commitment, condition,
    mention and span IRIs, by appending `-k`); actors and posts stay shared, as in a real
    archive where the same states recur in every article.
    """
    from kgbuild.engine.worker import triple_part

    pieces = sorted((source / ".kgbuild" / "articles").glob("*.nq"))
    if not pieces:
        raise SystemExit(f"no pieces in {source}; build it first")
    target.mkdir(parents=True, exist_ok=True)
    existing = sorted(target.glob("*.nq"))
    if existing:
        return existing
    count, copy, made = 0, 0, []
    while count < triples:
        for piece in pieces:
            data = piece.read_bytes()
            if copy:
                data = _ARTICLE_NODES.sub(rb"\1-" + str(copy).encode(), data)
            lines = sorted(set(data.splitlines()), key=triple_part)
            out = target / f"{piece.stem}-{copy}.nq"
            out.write_bytes(b"".join(line + b"\n" for line in lines))
            made.append(out)
            count += len(lines)
            if count >= triples:
                break
        copy += 1
    return sorted(made)
