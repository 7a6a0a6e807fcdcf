"""HTML pages -> the main text as lines, with title, date and source from the page's markup."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import InputError
from ..records import Span
from .dates import iso_date
from .decoding import normalise
from .draft import Draft

# Page furniture, never article text. Their metadata (a <time> in a <header>) is still read.
DROPPED_TAGS = frozenset(
    {"nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template",
     "svg", "iframe", "head", "title"}
)  # fmt: skip
# Tags whose start or end ends a line of text: paragraphs become lines.
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "hr", "br",
     "address", "details", "summary", "body", "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip
HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
# Elements that never have an end tag, so are never pushed on the open-element stack.
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
# Where a page states its publication date, most specific first.
DATE_KEYS = ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "time")


@dataclass(frozen=True, slots=True)
class _Block:
    """One line of page text and where on the page it sits."""

    text: str
    article: int | None  # which top-level <article> holds it, counted from 0
    in_main: bool
    heading: int  # 1-6 for <h1>-<h6>, 0 for anything else


class _PageParser(HTMLParser):
    """Collects text blocks with their context, and the page's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int | None]] = []  # open elements, with their <article>
        self.pieces: list[str] = []
        self.blocks: list[_Block] = []
        self.articles = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.first_h1: list[str] | None = None
        self.in_h1 = False

    # The element stack ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track the element and read metadata from its attributes."""
        self._read_metadata(tag, dict(attrs))
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        article = self._article()
        if tag == "article" and article is None and not self._dropped():
            article = self.articles
            self.articles += 1
        self.open.append((tag, article))
        if tag == "h1" and self.first_h1 is None:
            self.first_h1, self.in_h1 = [], True

    def handle_endtag(self, tag: str) -> None:
        """Close the element and any left open inside it; ignore a stray end tag."""
        if not any(name == tag for name, _ in self.open):
            return
        if tag in BLOCK_TAGS:
            self._flush()
        while self.open:
            name, _ = self.open.pop()
            if name == "h1":
                self.in_h1 = False
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        """Keep text that is article text, the page title, or the first <h1>."""
        names = {name for name, _ in self.open}
        if "title" in names and "svg" not in names:  # an <svg> has <title>s of its own
            self.title_parts.append(data)
        if self.in_h1 and self.first_h1 is not None:
            self.first_h1.append(data)
        if not names & DROPPED_TAGS:
            self.pieces.append(data)

    def close(self) -> None:
        """Finish parsing and keep the last block."""
        super().close()
        self._flush()

    # Helpers --------------------------------------------------------------------------

    def _dropped(self) -> bool:
        return any(name in DROPPED_TAGS for name, _ in self.open)

    def _article(self) -> int | None:
        return self.open[-1][1] if self.open else None

    def _flush(self) -> None:
        text = " ".join("".join(self.pieces).split())
        self.pieces = []
        if not text:
            return
        names = [name for name, _ in self.open]
        heading = max((HEADING_LEVELS.get(name, 0) for name in names), default=0)
        self.blocks.append(_Block(text, self._article(), "main" in names, heading))

    def _read_metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            content = attrs.get("content")
            if key and content and key.lower() not in self.meta:
                self.meta[key.lower()] = content
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self.meta.setdefault("canonical", attrs.get("href") or "")
        elif tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("time", attrs["datetime"] or "")
        elif attrs.get("itemprop", "") == "datePublished":
            self.meta.setdefault(
                "datepublished", attrs.get("content") or attrs.get("datetime") or ""
            )


def read_html(text: str, where: str) -> Draft:
    """Give the main text of an HTML page as a `Draft`, one line per paragraph.

    Navigation, headers, footers, asides, scripts, styles and forms are dropped. If the
    page has an <article> (the one with the most text when there are several) or a <main>,
    only its text is kept. Title: og:title, else <title>, else the first <h1>. Date:
    article:published_time, else another published-date meta, else the first <time datetime>.
    """
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser's few hard failures
        raise InputError(
            f"{where}: the HTML cannot be parsed ({exc}); check the file is a whole HTML page."
        ) from None
    blocks = _main_blocks(parser.blocks)
    if not blocks:
        raise InputError(
            f"{where}: the HTML page has no article text outside navigation, headers, "
            "footers and scripts; give the page that holds the article."
        )
    lines = [normalise(block.text) for block in blocks]
    text_out = "\n".join(lines)
    spans: list[Span] = []
    offset = 0
    for line, block in zip(lines, blocks, strict=True):
        if block.heading:
            spans.append(Span(offset, offset + len(line), line))
        offset += len(line) + 1
    headline = spans[0] if spans and spans[0].start == 0 and blocks[0].heading == 1 else None
    return Draft(
        text=text_out,
        title=_title(parser),
        source=_clean(parser.meta.get("og:url") or parser.meta.get("canonical")),
        date=next((d for key in DATE_KEYS if (d := iso_date(parser.meta.get(key)))), None),
        headline=headline,
        headings=tuple(span for span in spans if span != headline),
    )


def _main_blocks(blocks: list[_Block]) -> list[_Block]:
    articles = sorted({b.article for b in blocks if b.article is not None})
    if articles:
        # Pages list teasers as <article>s too: the real one is the one with the most text.
        def size(index: int) -> int:
            return sum(len(b.text) for b in blocks if b.article == index)

        best = max(articles, key=size)
        return [b for b in blocks if b.article == best]
    if any(b.in_main for b in blocks):
        return [b for b in blocks if b.in_main]
    return blocks


def _title(parser: _PageParser) -> str | None:
    for candidate in (
        parser.meta.get("og:title"),
        "".join(parser.title_parts),
        "".join(parser.first_h1 or []),
    ):
        title = _clean(candidate)
        if title:
            return title
    return None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(normalise(value).split()) or None
