"""The Dask engine: the per-article work on a Dask cluster (optional extra `kgbuild[dask]`).

The main process reads the files and sends batches of articles; each Dask worker loads the
model once (the `ModelPlugin` warms it up when the worker joins, `load_nlp` caches it per
process) and sends back each article's N-Quads, which are assembled exactly as in a local
build. Workers need kgbuild and the model installed, but not the articles' files.
Import this module only when the Dask engine is chosen: it imports `distributed`.
"""

# distributed ships type hints, but many of its functions are unannotated.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from ..errors import KgbuildError
from ..records import Article
from .results import Outcome
from .worker import WorkSettings, batched, process_batch, task_size, warm_up

BATCHES_PER_WORKER = 2
CONNECT_TIMEOUT = "10s"


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model in each worker process when the worker starts or joins."""

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        """Load the model into this worker process's cache."""
        warm_up(self.model)


def run_dask(
    articles: Iterable[Article],
    settings: WorkSettings,
    *,
    scheduler: str | None = None,
    jobs: int = 1,
    expected: int = 0,
) -> Iterator[Outcome]:
    """Give the outcome of each article, computed on the cluster at `scheduler`.

    Without a scheduler address, a local cluster of `jobs` single-threaded worker
    processes is started for the length of the build.
    """
    cluster: LocalCluster | None = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        address: Any = cluster
    else:
        address = scheduler
    try:
        client = _connect(address, scheduler)
        try:
            yield from _run(client, articles, settings, expected)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _connect(address: Any, scheduler: str | None) -> Client:
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise KgbuildError(
            f"Cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`, "
            "or check the address (e.g. tcp://10.0.0.5:8786)."
        ) from None


def _run(
    client: Client, articles: Iterable[Article], settings: WorkSettings, expected: int
) -> Iterator[Outcome]:
    client.register_plugin(ModelPlugin(settings.model), name="kgbuild-model")
    workers = max(1, len(client.nthreads()))
    batches = batched(articles, task_size(settings.batch_size, workers, expected))
    pending = as_completed()
    for batch in batches:
        pending.add(client.submit(process_batch, batch, settings, pure=False))
        if pending.count() >= BATCHES_PER_WORKER * workers:
            yield from next(pending).result()
    for future in pending:
        yield from future.result()
