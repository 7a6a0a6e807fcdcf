"""Composition only: read -> annotate -> extract -> to_graph -> export.

`build_dataset` and `extract_articles` work in memory, for notebooks and small inputs.
`build` / `build_corpus` stream a folder of any size: articles go through the chosen engine
in batches, each article's named graph is cached as N-Quads in `OUT/.kgbuild/` as soon as
it is built, and the output files are assembled from those pieces, so memory does not grow
with the corpus and a second build only parses new or changed articles.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rdflib import Dataset

from .document import iter_article_files, read_path
from .engine import (
    DEFAULT_BATCH_SIZE,
    ENGINES,
    ArticleFailure,
    ArticleResult,
    ArticleSummary,
    Outcome,
    WorkSettings,
    fingerprint,
)
from .engine.cache import ArticleCache, cache_key
from .errors import InputError, KgbuildError
from .extract import extract
from .graph import new_dataset, replace_article
from .iris import IriMinter
from .nlp import DEFAULT_MODEL, annotate_many
from .progress import Progress
from .records import Article, Extraction
from .vocab import KGBI_IRI

DEFAULT_FORMATS = ("turtle", "trig", "html")
STREAMED_FORMATS = ("turtle", "trig", "nquads")
"""Formats assembled from the per-article pieces in bounded memory."""
IN_MEMORY_MAX_ARTICLES = 200
"""Above this many articles, formats that need the whole graph in memory (the HTML viewer,
JSON-LD) are not written: the viewer is for reading a few articles, not an archive."""
SAVE_EVERY = 30.0  # seconds between manifest saves during a build (resume after a crash)

__all__ = [
    "DEFAULT_FORMATS",
    "ArticleFailure",
    "ArticleSummary",
    "BuildReport",
    "PartialBuildError",
    "build",
    "build_corpus",
    "build_dataset",
    "extract_articles",
]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: the articles in the output, those that failed, and the work done."""

    out_dir: Path
    summaries: list[ArticleSummary]
    failures: list[ArticleFailure]
    processed: int
    """Articles parsed and extracted in this build (the rest came from the cache)."""
    reused: int
    dropped: list[str] = field(default_factory=list)
    """Ids of articles whose graphs were dropped (their files are gone or now fail)."""
    written: list[str] = field(default_factory=list)
    """Output files written (empty when the outputs were already up to date)."""
    notes: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    """Ids of the articles parsed in this build (new or changed), sorted."""
    pieces: dict[str, Path] = field(default_factory=dict)
    """Each article's named graph as an N-Quads file in the cache (e.g. to update a store:
    replace the graphs of `changed`, remove those of `dropped`)."""


class PartialBuildError(KgbuildError):
    """Some articles failed; the outputs were written with the others."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report
        first = report.failures[0].message
        super().__init__(
            f"{len(report.failures)} article(s) failed and were left out (first: {first}); "
            f"the outputs in {report.out_dir} hold the other {len(report.summaries)}."
        )


def extract_articles(
    articles: Iterable[Article], *, model: str = DEFAULT_MODEL
) -> Iterator[Extraction]:
    """Give the extraction of each article, parsing them in batches."""
    for article, doc in annotate_many(articles, model=model):
        yield extract(article, doc)


def build_dataset(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    base: str = KGBI_IRI,
    dataset: Dataset | None = None,
) -> tuple[Dataset, list[ArticleSummary]]:
    """Give a dataset with one named graph per article, and a summary of each article."""
    minter = IriMinter(base)
    target = dataset if dataset is not None else new_dataset()
    summaries = []
    for extraction in extract_articles(articles, model=model):
        replace_article(target, extraction, minter)
        summaries.append(ArticleSummary.of(extraction))
    return target, summaries


def build(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    model: str = DEFAULT_MODEL,
    base: str = KGBI_IRI,
    formats: Sequence[str] = DEFAULT_FORMATS,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> list[ArticleSummary]:
    """Read articles from files and folders, build their graph, write it to `out_dir`.

    Incremental: only new or changed articles are parsed (see `build_corpus`). Outputs are
    written all-or-nothing. If some articles fail, the outputs hold the others and
    `PartialBuildError` is raised afterwards; if none can be built, nothing is written.
    """
    report = build_corpus(
        paths, out_dir, model=model, base=base, formats=formats, jobs=jobs, engine=engine,
        scheduler=scheduler, force=force, progress=progress,
    )
    if report.failures:
        raise PartialBuildError(report)
    return report.summaries


def build_corpus(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    model: str = DEFAULT_MODEL,
    base: str = KGBI_IRI,
    formats: Sequence[str] = DEFAULT_FORMATS,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> BuildReport:
    """Build the articles in `paths` into `out_dir` incrementally; give what was done.

    New and changed articles (by content) go through `engine` ("local": this process, or
    `jobs` processes; "dask": the cluster at `scheduler`, or a local one); the others come
    from `out_dir/.kgbuild/`. Articles whose files are gone are dropped. A failing article
    is reported in `BuildReport.failures` and left out; the rest completes. Raises
    `InputError`, writing nothing, when no article at all can be built. `force` ignores
    the cache.
    """
    from .export.registry import get_exporter

    targets = {fmt: out_dir / get_exporter(fmt).filename for fmt in dict.fromkeys(formats)}
    _check_engine(engine, jobs, scheduler)
    minter = IriMinter(base)
    files = list(iter_article_files(paths))
    reporter = progress if progress is not None else Progress()
    cache = ArticleCache(out_dir, cache_key(model, base), force=force)
    try:
        note = f"cache reset: {cache.reset_reason}" if cache.reset_reason else None
        reporter.start(len(files), jobs=jobs, engine=engine, note=note)
        scan = _Scan(files, cache, reporter)
        settings = WorkSettings(model=model, base=base, batch_size=batch_size)
        outcomes = _run_engine(
            engine, scan.articles(), settings, jobs=jobs, scheduler=scheduler,
            expected=len(files),
        )
        scan.collect(outcomes)
        dropped = cache.keep_only_seen()
        if not cache.articles:
            reporter.finish()
            raise _nothing_built(scan.failures, paths)
        cache.save()
        written, notes = _write_outputs(cache, targets, minter, reporter)
        cache.save()
        cache.collect_garbage()
        reporter.finish()
    finally:
        reporter.stop()
        cache.close()
    return BuildReport(
        out_dir=out_dir,
        summaries=[cache.summary(i) for i in scan.order if i in cache.articles],
        failures=sorted(scan.failures, key=lambda f: (f.path, f.article_id or "")),
        processed=scan.processed,
        reused=scan.reused,
        dropped=dropped,
        written=written,
        notes=notes,
        changed=sorted(scan.changed),
        pieces={i: cache.piece(i) for i in sorted(cache.articles)},
    )


@dataclass(slots=True)
class _FileState:
    digest: str | None
    ids: list[str]
    remaining: int = 0
    reading: bool = True
    ok: bool = True


class _Scan:
    """Walks the files, deciding per article: reuse from the cache, or send to the engine;
    then records what the engine gives back."""

    def __init__(self, files: list[Path], cache: ArticleCache, progress: Progress) -> None:
        self.files = files
        self.cache = cache
        self.progress = progress
        self.owner: dict[str, str] = {}  # article id -> the file that holds it
        self.order: list[str] = []  # article ids in reading order, for the report
        self.states: dict[str, _FileState] = {}
        self.in_flight: dict[str, str] = {}  # article id -> its file, while in the engine
        self.failures: list[ArticleFailure] = []
        self.changed: list[str] = []
        self.processed = 0
        self.reused = 0

    def articles(self) -> Iterator[Article]:
        """Give the articles that need building; note the others as reused or failed."""
        for path in self.files:
            key = str(path)
            digest = _file_digest(path)
            ids = self.cache.unchanged_file(key, digest) if digest else None
            if ids is not None and all(self.owner.get(i, key) == key for i in ids):
                for article_id in ids:
                    self._claim(article_id, key)
                self.progress.add_total(len(ids) - 1)
                for article_id in ids:
                    self._reuse(article_id)
                continue
            self.cache.forget_file(key)
            try:
                found = read_path(path)
            except KgbuildError as exc:
                self._fail(ArticleFailure(path=key, message=str(exc)))
                continue
            self.progress.add_total(len(found) - 1)
            state = self.states[key] = _FileState(digest, [a.id for a in found])
            for article in found:
                clash = self._claim(article.id, key)
                if clash is not None:
                    state.ok = False
                    self._fail(ArticleFailure(path=key, message=clash, article_id=article.id))
                elif self.cache.cached(article.id, fingerprint(article)):
                    self._reuse(article.id)
                else:
                    state.remaining += 1
                    self.in_flight[article.id] = key
                    self.processed += 1
                    yield article
            state.reading = False
            self._settle(key)

    def collect(self, outcomes: Iterable[Outcome]) -> None:
        """Cache each outcome as it arrives; save the manifest now and then, and at the end
        (also on Ctrl-C or an error), so an interrupted build resumes where it stopped."""
        last_save = time.monotonic()
        try:
            for outcome in outcomes:
                self._record(outcome)
                if time.monotonic() - last_save > SAVE_EVERY:
                    self.cache.save()
                    last_save = time.monotonic()
        finally:
            if self.cache.dirty:
                self.cache.save()

    def _record(self, outcome: Outcome) -> None:
        if isinstance(outcome, ArticleResult):
            article_id = outcome.summary.article_id
            self.cache.put(outcome)
            self.changed.append(article_id)
            self.progress.advance()
        else:
            article_id = outcome.article_id or ""
            self._fail(outcome)
        path = self.in_flight.pop(article_id, None)
        state = self.states.get(path) if path is not None else None
        if state is not None:
            state.remaining -= 1
            state.ok = state.ok and isinstance(outcome, ArticleResult)
            self._settle(path)  # type: ignore[arg-type]

    def _settle(self, path: str) -> None:
        # A file is recorded (and skipped unread next time) once all its articles are cached.
        state = self.states[path]
        if state.reading or state.remaining:
            return
        if state.ok and state.digest is not None:
            self.cache.record_file(path, state.digest, state.ids)
        del self.states[path]

    def _claim(self, article_id: str, path: str) -> str | None:
        earlier = self.owner.get(article_id)
        if earlier is None:
            self.owner[article_id] = path
            self.order.append(article_id)
            return None
        if earlier == path:
            return None
        return (
            f"{path}: article id {article_id!r} is already used by {earlier}; rename one "
            "of the files or give the records distinct 'id' values"
        )

    def _reuse(self, article_id: str) -> None:
        self.cache.reuse(article_id)
        self.reused += 1
        self.progress.advance(reused=True)

    def _fail(self, failure: ArticleFailure) -> None:
        self.failures.append(failure)
        self.progress.advance(failed=True)


def _file_digest(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None  # the reader reports why the file cannot be read


def _check_engine(engine: str, jobs: int, scheduler: str | None) -> None:
    if engine not in ENGINES:
        raise KgbuildError(f"Unknown engine {engine!r}. Choose one of: {', '.join(ENGINES)}.")
    if jobs < 1:
        raise KgbuildError(f"--jobs must be 1 or more, not {jobs}.")
    if scheduler is not None and engine != "dask":
        raise KgbuildError("--scheduler is for the Dask engine: add --engine dask.")


def _run_engine(
    engine: str,
    articles: Iterable[Article],
    settings: WorkSettings,
    *,
    jobs: int,
    scheduler: str | None,
    expected: int,
) -> Iterator[Outcome]:
    if engine == "dask":
        try:
            from .engine.dask import run_dask
        except ImportError:
            raise KgbuildError(
                "The Dask engine needs Dask's distributed scheduler: "
                "pip install 'kgbuild[dask]'."
            ) from None
        return run_dask(articles, settings, scheduler=scheduler, jobs=jobs, expected=expected)
    from .engine.local import run_local

    return run_local(articles, settings, jobs=jobs, expected=expected)


def _nothing_built(failures: list[ArticleFailure], paths: Sequence[Path]) -> InputError:
    if len(failures) == 1:
        return InputError(failures[0].message)
    if failures:
        return InputError(
            f"None of the {len(failures)} articles could be built, so nothing was written; "
            f"first: {failures[0].message}"
        )
    shown = ", ".join(str(p) for p in paths)
    return InputError(f"{shown}: no articles to build; add article files.")


def _write_outputs(
    cache: ArticleCache, targets: Mapping[str, Path], minter: IriMinter, progress: Progress
) -> tuple[list[str], list[str]]:
    from .export.registry import get_exporter
    from .export.streaming import (
        dataset_from_pieces,
        write_files,
        write_nquads,
        write_trig,
        write_turtle,
    )

    order = {i: str(minter.graph(i)) for i in cache.articles}
    pieces = cache.pieces(order)
    notes: list[str] = []
    skipped = [
        fmt for fmt in targets
        if fmt not in STREAMED_FORMATS and len(pieces) > IN_MEMORY_MAX_ARTICLES
    ]
    for fmt in skipped:
        notes.append(
            f"{targets[fmt].name} not written: {len(pieces)} articles are more than the "
            f"{IN_MEMORY_MAX_ARTICLES} that {fmt} output holds in memory; build a subset "
            "into another folder to get it."
        )
    wanted = {fmt: path for fmt, path in targets.items() if fmt not in skipped}
    state = hashlib.sha256(
        "\n".join([*(p.name for p in pieces), *sorted(wanted)]).encode("utf-8")
    ).hexdigest()
    if _outputs_current(cache, state, wanted.values()):
        return [], notes
    progress.stage(f"writing {', '.join(p.name for p in wanted.values())}")
    dataset: Dataset | None = None
    writers = {}
    for fmt, path in wanted.items():
        if fmt == "turtle":
            writers[path] = partial(write_turtle, pieces, work_dir=cache.work_dir)
        elif fmt == "trig":
            writers[path] = partial(write_trig, pieces)
        elif fmt == "nquads":
            writers[path] = partial(write_nquads, pieces)
        else:
            dataset = dataset if dataset is not None else dataset_from_pieces(pieces)
            writers[path] = partial(get_exporter(fmt).write, dataset)
    write_files(writers, remove=[targets[fmt] for fmt in skipped])
    cache.outputs = {
        "state": state,
        "files": {path.name: _sha256(path) for path in wanted.values()},
    }
    return [path.name for path in wanted.values()], notes


def _outputs_current(cache: ArticleCache, state: str, paths: Iterable[Path]) -> bool:
    if cache.outputs.get("state") != state:
        return False
    recorded = cache.outputs.get("files", {})
    return all(
        os.path.isfile(p) and recorded.get(p.name) == _sha256(p) for p in paths
    )


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
