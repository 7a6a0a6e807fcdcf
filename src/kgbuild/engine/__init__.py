"""Running the per-article work at scale: batches, a local process pool or a Dask cluster,
and the per-article cache that makes builds incremental.

Every engine takes an iterable of `Article`s and gives an `Outcome` per article (its
N-Quads and summary, or its failure), in completion order; the pipeline caches each
piece as it arrives and assembles the output files from the pieces.
"""

from __future__ import annotations

from .results import ArticleFailure, ArticleResult, ArticleSummary, Outcome
from .worker import DEFAULT_BATCH_SIZE, WorkSettings, fingerprint, process_batch

ENGINES = ("local", "dask")

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "ENGINES",
    "ArticleFailure",
    "ArticleResult",
    "ArticleSummary",
    "Outcome",
    "WorkSettings",
    "fingerprint",
    "process_batch",
]
