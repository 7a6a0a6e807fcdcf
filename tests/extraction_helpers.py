"""Helpers for extraction tests: run the real pipeline on a short text."""

from __future__ import annotations

from kgbuild.extract import extract
from kgbuild.nlp import load_nlp
from kgbuild.records import Article, Commitment, Extraction


def extract_text(text: str, title: str | None = None) -> Extraction:
    """Give the extraction of a one-off article holding `text` (with metadata `title`)."""
    article = Article(id="test", text=text, title=title)
    return extract(article, load_nlp()(text))


def only(text: str) -> Commitment:
    """Give the single commitment found in `text`, failing if there is not exactly one."""
    found = extract_text(text).commitments
    assert len(found) == 1, [(c.action, c.debtors, c.status) for c in found]
    return found[0]
