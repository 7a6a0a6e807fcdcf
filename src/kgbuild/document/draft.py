"""`Draft`: what a format reader gives, before structure is recognised and an `Article` made."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Span


@dataclass(frozen=True, slots=True)
class Draft:
    """One article's text and metadata as its file gives them.

    `text` is final (NFC, `\\n` line ends): every span here and later counts offsets into it.
    `headline` and `headings` are what the format itself marks up (a markdown `#` line, an
    HTML `<h1>`); plain-text structure is recognised later, the same way for every format.
    """

    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    id: str | None = None
    headline: Span | None = None
    headings: tuple[Span, ...] = ()


# What a format reader gives: each draft with its number in the file (from 1; None for a
# file that holds one article), from which an id is made for a record that has none.
NumberedDrafts = list[tuple[int | None, Draft]]
