"""Stage 3: annotated `Doc` -> typed records (actors, commitments, conditions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Article, Extraction
from ..resources.gazetteer import load_gazetteer
from ..resources.lexicons import load_lexicon
from .actors import resolve_actors
from .commitments import extract_commitments

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(article: Article, doc: Doc) -> Extraction:
    """Give everything extracted from one article's annotated text."""
    lexicon = load_lexicon()
    index = resolve_actors(doc, article, load_gazetteer(), lexicon)
    commitments = tuple(extract_commitments(doc, article, index, lexicon))
    return Extraction(article=article, actors=index.records(), commitments=commitments)


__all__ = ["extract"]
