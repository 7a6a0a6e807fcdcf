"""An article's text as lines with exact offsets, for the structure rules to look at."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Span

# Typography the structure rules read: quotes that open or close a quotation, and the
# punctuation that ends a sentence.
OPENING_QUOTES = "\"'“‘«„("
CLOSING_QUOTES = "\"'”’»)"
SENTENCE_END = ".!?…"


def ends_sentence(text: str) -> bool:
    """Tell whether `text` ends as a sentence does: "over." or "“act.”"."""
    return text.rstrip(CLOSING_QUOTES).endswith(tuple(SENTENCE_END))


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its text without surrounding whitespace, and what surrounds it."""

    span: Span
    blank_before: bool  # a blank line or the start of the text comes right before it
    blank_after: bool  # a blank line or the end of the text comes right after it

    @property
    def text(self) -> str:
        """Give the line's text, without surrounding whitespace."""
        return self.span.text

    @property
    def isolated(self) -> bool:
        """Tell whether the line is a paragraph of its own between blank lines."""
        return self.blank_before and self.blank_after


def content_lines(text: str) -> list[Line]:
    """Give the non-blank lines of `text`, each span trimmed of surrounding whitespace."""
    raw: list[Span | None] = []
    offset = 0
    for piece in text.split("\n"):
        stripped = piece.strip()
        if stripped:
            start = offset + (len(piece) - len(piece.lstrip()))
            raw.append(Span(start, start + len(stripped), stripped))
        else:
            raw.append(None)
        offset += len(piece) + 1
    lines = []
    for i, span in enumerate(raw):
        if span is None:
            continue
        before = i == 0 or raw[i - 1] is None
        after = i == len(raw) - 1 or raw[i + 1] is None
        lines.append(Line(span, before, after))
    return lines


def sub_span(span: Span, start: int, end: int) -> Span:
    """Give the part of `span` from `start` to `end`, counted within `span.text`."""
    return Span(span.start + start, span.start + end, span.text[start:end])
