"""The local engine: batches of articles in this process, or in a pool of N processes.

Each pool worker loads the model once (at start) and receives whole batches, so the only
traffic is article text in and N-Quads out; the main process never holds more than a few
batches at a time (`in_flight`), whatever the size of the corpus.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..errors import KgbuildError
from ..records import Article
from .results import Outcome
from .worker import WorkSettings, batched, process_batch, task_size, warm_up

BATCHES_PER_WORKER = 2  # queued per worker: one running, one ready, none piling up


def run_local(
    articles: Iterable[Article], settings: WorkSettings, *, jobs: int = 1, expected: int = 0
) -> Iterator[Outcome]:
    """Give the outcome of each article, in completion order, using `jobs` processes."""
    batches = batched(articles, task_size(settings.batch_size, jobs, expected))
    if jobs <= 1:
        for batch in batches:
            yield from process_batch(batch, settings)
        return
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(settings.model,),
    )
    try:
        in_flight: set[Future[list[Outcome]]] = set()
        for batch in batches:
            in_flight.add(pool.submit(process_batch, batch, settings))
            if len(in_flight) >= BATCHES_PER_WORKER * jobs:
                done, pending = wait(in_flight, return_when=FIRST_COMPLETED)
                in_flight = set(pending)
                for future in done:
                    yield from _outcomes(future)
        while in_flight:
            done, pending = wait(in_flight, return_when=FIRST_COMPLETED)
            in_flight = set(pending)
            for future in done:
                yield from _outcomes(future)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcomes(future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise KgbuildError(
            "A worker process died (out of memory, or killed); finished articles are kept "
            "in the cache: run the same command again, with fewer --jobs if memory is short."
        ) from None


def _start_worker(model: str) -> None:
    # Ctrl-C is the main process's to handle: it stops the pool and keeps the cache.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(model)


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean, single-threaded process (fork from a process
    # with threads can deadlock), with spaCy and kgbuild imported once and shared.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kgbuild.engine.worker", "spacy"])
        return context
    return multiprocessing.get_context("spawn")
