"""The only place kgbuild mints IRIs: the same input always gives the same IRI.

Scheme, relative to the base (default `https://w3id.org/kgbuild/id/`):

- `article/{article-id}`                  the article (`kgb:Article`, `nif:Context`)
- `article/{article-id}#char={b},{e}`     an evidence span (RFC 5147 fragment, as NIF does)
- `graph/{article-id}`                    the article's named graph
- `actor/{actor-key}`                     an actor; gazetteer actors use their gazetteer key,
                                          so one actor has one IRI across articles
- `post/{post-key}`                       an office (`org:Post`)
- `commitment/{hash}`, `condition/{hash}` hashes of the article id and the record's content
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from .errors import KgbuildError
from .records import Commitment, Condition, Span
from .vocab import KGBI_IRI

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FORBIDDEN_IRI_CHARS = " <>\"{}|^`\\"


@lru_cache(maxsize=65536)  # the same actors and articles are minted over and over
def slugify(text: str) -> str:
    """Give a lowercase ASCII slug of `text` ("Côte d’Ivoire" -> "cote-d-ivoire")."""
    # Accents go ("ô" -> "o"); every other non-alphanumeric character, curly apostrophes
    # included, separates words exactly as a straight one does.
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _NOT_SLUG.sub("-", bare.lower()).strip("-")
    if slug:
        return slug
    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


class IriMinter:
    """Mints every instance IRI under one base."""

    def __init__(self, base: str = KGBI_IRI) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base) or any(
            c in base for c in ' <>"{}|^`\\'
        ):
            raise KgbuildError(
                f"Invalid base IRI {base!r}: it must be an absolute IRI without spaces, "
                "for example https://example.org/id/."
            )
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def article(self, article_id: str) -> URIRef:
        """Give the IRI of an article (also its NIF context)."""
        return URIRef(f"{self.base}article/{slugify(article_id)}")

    def graph(self, article_id: str) -> URIRef:
        """Give the IRI of an article's named graph."""
        return URIRef(f"{self.base}graph/{slugify(article_id)}")

    def span(self, article_id: str, span: Span) -> URIRef:
        """Give the IRI of a span of an article's text."""
        return URIRef(f"{self.article(article_id)}#char={span.start},{span.end}")

    def actor(self, key: str) -> URIRef:
        """Give the IRI of an actor from its key."""
        return URIRef(f"{self.base}actor/{slugify(key)}")

    def mention(self, article_id: str, actor_key: str) -> URIRef:
        """Give the IRI of everything one article says of one actor (its mentions there)."""
        return URIRef(f"{self.base}mention/{slugify(article_id)}/{slugify(actor_key)}")

    def post(self, key: str) -> URIRef:
        """Give the IRI of an office."""
        return URIRef(f"{self.base}post/{slugify(key)}")

    def commitment(self, article_id: str, commitment: Commitment) -> URIRef:
        """Give the IRI of a commitment, from its article, evidence and content."""
        digest = _digest(
            article_id,
            commitment.evidence.start,
            commitment.evidence.end,
            commitment.action,
            commitment.polarity.value,
            ",".join(commitment.debtors),
            ",".join(commitment.requested_by),
        )
        return URIRef(f"{self.base}commitment/{digest}")

    def condition(self, article_id: str, condition: Condition) -> URIRef:
        """Give the IRI of a condition, from its article, evidence and text."""
        digest = _digest(
            article_id, condition.evidence.start, condition.evidence.end, condition.text
        )
        return URIRef(f"{self.base}condition/{digest}")
