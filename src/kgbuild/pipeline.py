"""Composition only: read -> annotate -> extract -> to_graph -> export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from .document import read_articles
from .export import write_outputs
from .extract import extract
from .graph import new_dataset, replace_article
from .iris import IriMinter
from .nlp import DEFAULT_MODEL, annotate_many
from .records import Article, Extraction
from .vocab import KGBI_IRI

DEFAULT_FORMATS = ("turtle", "trig", "html")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What one article contributed to a build."""

    article_id: str
    path: str
    actors: int
    commitments: int
    conditions: int

    @classmethod
    def of(cls, extraction: Extraction) -> ArticleSummary:
        """Give the counts of one extraction."""
        return cls(
            article_id=extraction.article.id,
            path=extraction.article.path,
            actors=len(extraction.actors),
            commitments=len(extraction.commitments),
            conditions=sum(len(c.conditions) for c in extraction.commitments),
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
) -> list[ArticleSummary]:
    """Read articles from files and folders, build their graph, write it to `out_dir`.

    Outputs are written all-or-nothing: on any error `out_dir` is left as it was.
    """
    from .export.registry import get_exporter

    targets = {out_dir / get_exporter(fmt).filename: fmt for fmt in formats}
    articles = list(read_articles(paths))
    dataset, summaries = build_dataset(articles, model=model, base=base)
    write_outputs(dataset, targets)
    return summaries
