"""Stage 3: annotated `Doc` -> typed records (actors, commitments, conditions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Article, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(article: Article, doc: Doc) -> Extraction:
    """Give everything extracted from one article's annotated text."""
    return Extraction(article=article)


__all__ = ["extract"]
