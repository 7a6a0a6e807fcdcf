"""Markdown headings: `#` lines are marked headings; the text itself is kept as written."""

from __future__ import annotations

import re

from ..records import Span
from .lines import content_lines

# An ATX heading: one to six '#', a space, the title, optional closing '#'s.
# Lines are matched after trimming, so indentation is not looked at.
_ATX_RE = re.compile(r"(#{1,6})[ \t]+\S")
_FENCE_RE = re.compile(r"```|~~~")
_CLOSING_HASHES_RE = re.compile(r"(?:^|\s+)#+\s*$")


def markdown_headings(text: str) -> tuple[Span | None, tuple[Span, ...]]:
    """Give the headline (a level-1 `#` heading as the first line) and the other `#` headings.

    Each span covers the whole heading line, markers included, so that excluding it from
    prose leaves no stray `#`. Lines inside fenced code blocks are not headings.
    """
    lines = content_lines(text)
    headings: list[tuple[Span, int]] = []
    in_fence = False
    for line in lines:
        if _FENCE_RE.match(line.text):
            in_fence = not in_fence
            continue
        match = _ATX_RE.match(line.text)
        if match and not in_fence:
            headings.append((line.span, len(match[1])))
    if headings and headings[0][0] == lines[0].span and headings[0][1] == 1:
        return headings[0][0], tuple(span for span, _ in headings[1:])
    return None, tuple(span for span, _ in headings)


def heading_label(text: str) -> str:
    """Give a heading line's title without its markers: "## The Road Ahead" -> "The Road Ahead"."""
    match = _ATX_RE.match(text)
    if not match:
        return text
    body = text[match.end(1) :].strip()
    return _CLOSING_HASHES_RE.sub("", body).strip() or body
