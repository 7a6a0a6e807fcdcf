"""What the per-article work gives back: a summary with the article's N-Quads, or a failure."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Extraction


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


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article built: its summary and its named graph as sorted N-Quads lines."""

    summary: ArticleSummary
    fingerprint: str
    nquads: bytes


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """One article (or file) that could not be built; `message` is one line naming it."""

    path: str
    message: str
    article_id: str | None = None


Outcome = ArticleResult | ArticleFailure
