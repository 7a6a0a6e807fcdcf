"""The per-article work every engine runs: parse in batches, extract, write N-Quads.

Functions here run in worker processes (local pool or Dask workers); they take and give
picklable records only, and load the spaCy model once per process (`load_nlp` is cached).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from ..errors import KgbuildError, ModelError
from ..extract import extract
from ..graph import add_extraction
from ..graph.terms import oxigraph_term
from ..iris import IriMinter
from ..nlp import annotate_many, load_nlp
from ..records import Article, Extraction
from .results import ArticleFailure, ArticleResult, ArticleSummary, Outcome

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.term import Node
    from spacy.tokens import Doc

DEFAULT_BATCH_SIZE = 32
"""Documents per `nlp.pipe` batch: the issue measured the gain flat between 16 and 64."""


@dataclass(frozen=True, slots=True)
class WorkSettings:
    """Everything a worker needs besides the articles: model, IRI base, batch size."""

    model: str
    base: str
    batch_size: int = DEFAULT_BATCH_SIZE


def fingerprint(article: Article) -> str:
    """Give a digest of everything read from an article (text, metadata, id and path)."""
    # repr of a frozen dataclass of str/int/tuple fields is stable across runs and machines.
    return hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()


def warm_up(model: str) -> None:
    """Load the model now (at worker start), so the first batch does not pay for it."""
    # A model that cannot load raises again, with its message, in the first batch.
    with contextlib.suppress(KgbuildError):
        load_nlp(model)


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Give the articles in lists of `size` (the last may be shorter), lazily."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def task_size(batch_size: int, jobs: int, expected: int) -> int:
    """Give how many articles to send a worker at once: a parser batch, or fewer for a
    small corpus so that every worker gets a share."""
    share = -(-expected // (2 * jobs)) if jobs > 1 else batch_size
    return max(1, min(batch_size, share))


def process_batch(articles: Sequence[Article], settings: WorkSettings) -> list[Outcome]:
    """Give the outcome of each article: its N-Quads and summary, or why it failed.

    A `ModelError` is raised (no article can be built without the model); anything that goes
    wrong with one article becomes that article's `ArticleFailure`, so the batch completes.
    """
    nlp = load_nlp(settings.model)
    minter = IriMinter(settings.base)
    outcomes: list[Outcome] = []
    fitting: list[Article] = []
    for article in articles:
        if len(article.text) > nlp.max_length:
            outcomes.append(
                _failure(
                    article,
                    f"the text has {len(article.text):,} characters, over the model's limit "
                    f"of {nlp.max_length:,}; split the article",
                )
            )
        else:
            fitting.append(article)
    done = 0
    try:
        for article, doc in annotate_many(fitting, settings.model, settings.batch_size):
            outcomes.append(_finish(article, doc, minter))
            done += 1
    except ModelError:
        raise
    except Exception:  # one document broke the batch: parse one by one to isolate it
        for article in fitting[done:]:
            try:
                doc = nlp(article.text)
            except Exception as exc:  # reported as this article's failure
                outcomes.append(_failure(article, f"the parser failed ({_describe(exc)})"))
                continue
            outcomes.append(_finish(article, doc, minter))
    return outcomes


def article_nquads(extraction: Extraction, minter: IriMinter) -> bytes:
    """Give the article's named graph as N-Quads, one line per quad, sorted by triple."""
    # The graph stage writes into anything with `graph(iri)` and `add(triple)`; a set is
    # 4x faster than rdflib's indexed memory store, which a write-once graph does not need.
    sink = _TripleSet()
    add_extraction(cast("Dataset", sink), extraction, minter)
    # A pyoxigraph term's str() is its N-Triples form, as pyoxigraph's own N-Quads writer
    # prints it (a test compares the two): each distinct term is converted once.
    forms: dict[Node, str] = {}

    def form(node: Node) -> str:
        found = forms.get(node)
        if found is None:
            found = forms[node] = str(_oxigraph_term(node))
        return found

    graph = form(cast("Node", sink.identifier))
    # Sorted by the triple (without the graph term) so that the Turtle writer can merge
    # the pieces of all articles in one pass; pyoxigraph writes each term one way only, so
    # a triple two articles share gives the same bytes in both. (Code point order is the
    # order of the UTF-8 bytes.)
    triples = sorted(f"{form(s)} {form(p)} {form(o)}" for s, p, o in sink.triples)
    return "".join(f"{triple} {graph} .\n" for triple in triples).encode("utf-8")


def _oxigraph_term(node: Node) -> Any:
    from rdflib import BNode

    if isinstance(node, BNode):
        # A blank node would get a new label in every build; the graph stage mints IRIs.
        raise KgbuildError(f"Blank node {node.n3()} in an article graph; mint an IRI instead.")
    return oxigraph_term(node)


class _TripleSet:
    """Collects one article's triples: the part of an rdflib Dataset the graph stage uses."""

    def __init__(self) -> None:
        self.identifier: Node | None = None
        self.triples: set[tuple[Node, Node, Node]] = set()

    def graph(self, identifier: Node) -> _TripleSet:
        """Give the sink for the named graph `identifier` (one per article)."""
        self.identifier = identifier
        return self

    def add(self, triple: tuple[Node, Node, Node]) -> _TripleSet:
        """Add one triple."""
        self.triples.add(triple)
        return self


def triple_part(line: bytes) -> bytes:
    """Give an N-Quads line without its graph term and final dot: `S P O`."""
    # The graph term is the last `<...>` of the line; an IRI holds no space, so the last
    # " <" starts it even when the object literal contains " <".
    return line[: line.rindex(b" <")]


def _finish(article: Article, doc: Doc, minter: IriMinter) -> Outcome:
    try:
        extraction = extract(article, doc)
        nquads = article_nquads(extraction, minter)
    except KgbuildError as exc:
        return _failure(article, str(exc))
    except Exception as exc:  # a bug hit by one article must not sink the batch
        return _failure(
            article,
            f"extraction failed ({_describe(exc)}); this is a bug in kgbuild: "
            "please report it with the article",
        )
    return ArticleResult(ArticleSummary.of(extraction), fingerprint(article), nquads)


def _failure(article: Article, message: str) -> ArticleFailure:
    return ArticleFailure(
        path=article.path,
        message=f"{article.path or article.id}: {message}",
        article_id=article.id,
    )


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
