"""What an article's layout says: headline, dateline, section headings, trailing boilerplate.

Headline, dateline and heading rules read typography only (line length, capitals, final
punctuation, blank lines), never particular words, so they hold for articles kgbuild has
not seen; the one word list, the boilerplate phrases, is data in `data/lexicons/`. Every
result is a `Span` into the text, which is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Span
from .boilerplate import find_boilerplate, load_boilerplate
from .dateline import Dateline, find_dateline
from .draft import Draft
from .lines import OPENING_QUOTES, Line, content_lines, ends_sentence

MAX_HEADLINE_CHARS = 150
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 120
# Inside a run of lines with no blank lines between them, a heading is much shorter than
# the paragraphs around it; a hard-wrapped line of prose is about as long as its neighbours.
MAX_HEADING_SHARE = 0.6
# Share of a title-cased line's long words (4+ letters) that start with a capital.
MIN_CAPITALISED_SHARE = 0.75
_LONG_WORD = 4
# A line ending like this continues into the next one: "Options include:", "leaders —".
_CONTINUING_END = ",;:—–-"
# A line ending in a closing quotation mark is a quotation, not a heading (a bracket is fine:
# "The Road Ahead (Analysis)").
_QUOTE_END = "\"'”’»"


@dataclass(frozen=True, slots=True)
class Structure:
    """What the layout of one article's text shows."""

    headline: Span | None = None
    dateline: Dateline | None = None
    headings: tuple[Span, ...] = ()
    boilerplate: Span | None = None


def recognise(draft: Draft) -> Structure:
    """Give the headline, dateline, headings and trailing boilerplate of a draft's text.

    Headings and a headline the format marks up (markdown `#`, HTML `<h1>`) are kept; a
    plain-text headline is looked for only when the metadata gives no title.
    """
    lines = content_lines(draft.text)
    if not lines:
        return Structure()
    boilerplate = find_boilerplate(draft.text, lines, load_boilerplate())
    if boilerplate is not None:  # nothing in the boilerplate is a heading or a headline
        lines = [line for line in lines if line.span.start < boilerplate.start]
    marked = {span.start for span in draft.headings}

    headline = draft.headline
    opening = lines[0]
    if (
        headline is None
        and draft.title is None
        and opening.span.start not in marked
        and find_dateline(opening.span) is None  # "LONDON — Talks collapse" is not a headline
    ):
        headline = _headline(lines)
    # The dateline opens the first prose paragraph: the first line that is not a headline
    # or a marked heading.
    prose = next((ln for ln in lines if ln.span.start not in marked and ln.span != headline), None)
    dateline = find_dateline(prose.span) if prose is not None else None

    boundaries = marked | ({headline.start} if headline is not None else set())
    taken = boundaries | ({dateline.span.start} if dateline is not None else set())
    headings = {
        span for span in draft.headings
        if span != headline and (boilerplate is None or span.start < boilerplate.start)
    }  # fmt: skip
    for i, line in enumerate(lines):
        if line.span.start in taken:
            continue
        if _is_heading(lines, i, boundaries):
            headings.add(line.span)
    return Structure(headline, dateline, tuple(sorted(headings)), boilerplate)


def _headline(lines: Sequence[Line]) -> Span | None:
    """Give the first line if it reads as a headline: short, unpunctuated, followed by text."""
    first = lines[0].text
    if len(lines) < 2 or len(first) > MAX_HEADLINE_CHARS or not _starts_like_title(first):
        return None
    if first.endswith(".") or first.endswith(tuple(_CONTINUING_END)):
        return None
    if not _starts_like_paragraph(lines[1].text):  # a hard-wrapped first line runs on
        return None
    return lines[0].span


def _is_heading(lines: Sequence[Line], i: int, boundaries: set[int]) -> bool:
    """Tell whether line `i` is a section heading standing on its own between paragraphs."""
    line = lines[i]
    text = line.text
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if not _starts_like_title(text) or not any(c.isalpha() for c in text):
        return False
    question = text.endswith("?")
    # A heading has no final punctuation, except a question heading ("What is the plan?").
    if not question and (ends_sentence(text) or text.endswith(tuple(_CONTINUING_END + _QUOTE_END))):
        return False
    if i + 1 >= len(lines) or not _starts_like_paragraph(lines[i + 1].text):
        return False  # a heading is followed by the text it heads
    if line.isolated:
        # A short unpunctuated line or a question set apart by blank lines, as in
        # "\n\nWhat is the plan?\n\n": no sentence of prose stands like that.
        return True
    previous = lines[i - 1] if i > 0 else None
    previous_closed = (
        previous is None
        or line.blank_before
        or previous.span.start in boundaries
        or ends_sentence(previous.text)
    )
    if not previous_closed:  # the line continues the paragraph above it
        return False
    neighbours = [lines[i + 1].text] + (
        [previous.text] if previous and not line.blank_before else []
    )
    if len(text) > MAX_HEADING_SHARE * max(len(n) for n in neighbours):
        return False
    return question or _title_cased(words)


def _title_cased(words: Sequence[str]) -> bool:
    """Tell whether words are title-cased: "America’s Role Under Debate", "The Road Ahead"."""
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= _LONG_WORD]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if _first_letter(w).isupper())
    return capitalised >= MIN_CAPITALISED_SHARE * len(long_words)


def _starts_like_title(text: str) -> bool:
    first = text.lstrip(OPENING_QUOTES)[:1]
    return first.isupper() or first.isdigit()


def _starts_like_paragraph(text: str) -> bool:
    first = text.lstrip(OPENING_QUOTES + "#*-–—• ")[:1]
    return first.isupper() or first.isdigit() or not first.isalpha()


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")
