"""IRI minting: deterministic, always valid, one place for every shape."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgbuild.errors import KgbuildError
from kgbuild.iris import IriMinter, slugify
from kgbuild.records import Commitment, Polarity, Span, Status


@given(st.text())
def test_slug_is_ascii_lowercase_and_stable(text: str) -> None:
    slug = slugify(text)
    assert slug == slugify(text)
    assert slug and slug.isascii()
    assert slug == slug.lower()
    assert all(ch.isalnum() or ch == "-" for ch in slug)


@given(st.text(min_size=1), st.integers(0, 10_000), st.integers(0, 10_000))
def test_minted_iris_parse_as_iris(name: str, start: int, length: int) -> None:
    minter = IriMinter()
    span = Span(start, start + length, "x" * length)
    for iri in (
        minter.actor(name),
        minter.article(name),
        minter.span(name, span),
        minter.mention(name, name),
    ):
        pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI


def test_same_content_gives_the_same_commitment_iri() -> None:
    minter = IriMinter()
    record = Commitment("send aid", Polarity.POSITIVE, Status.PLEDGED, Span(0, 5, "Japan"))
    assert minter.commitment("a", record) == minter.commitment("a", record)
    assert minter.commitment("a", record) != minter.commitment("b", record)


def test_actor_iri_depends_only_on_its_key() -> None:
    assert (
        str(IriMinter().actor("Côte d’Ivoire")) == "https://w3id.org/kgbuild/id/actor/cote-d-ivoire"
    )


def test_mention_iri_is_one_per_article_and_actor() -> None:
    minter = IriMinter("https://example.org/kg")
    assert str(minter.mention("Seed 1", "France")) == "https://example.org/kg/mention/seed-1/france"
    assert minter.mention("a", "france") != minter.mention("b", "france")


def test_span_iri_uses_an_rfc5147_fragment() -> None:
    iri = IriMinter("https://example.org/kg").span("seed", Span(3, 9, "France"))
    assert str(iri) == "https://example.org/kg/article/seed#char=3,9"


@pytest.mark.parametrize("base", ["", "not an iri", "http://x.org/a b", "relative/path/"])
def test_bad_base_is_refused_with_a_fix(base: str) -> None:
    with pytest.raises(KgbuildError, match="Invalid base IRI"):
        IriMinter(base)
