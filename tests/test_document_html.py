"""Stage 1 HTML reader: main text only, one line per paragraph, metadata from the markup."""

from __future__ import annotations

from pathlib import Path

from kgbuild.document import read_path
from kgbuild.records import Article, Span

PAGE = """<!DOCTYPE html>
<html><head>
  <title>Leaders meet in Paris | Example News</title>
  <meta property="og:title" content="Leaders meet in Paris">
  <meta property="article:published_time" content="2025-09-04T09:30:00+02:00">
  <link rel="canonical" href="https://example.org/paris">
  <style>p { color: red }</style>
  <script>var tracking = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Example News</a><nav><a href="/world">World</a></nav></header>
  <main>
    <article>
      <header><h1>Leaders meet in Paris</h1><time datetime="2025-09-03">Sept 3</time></header>
      <p>PARIS (AFP) — Western leaders gathered in Paris&nbsp;today in a
         landmark show of <em>unity</em>.</p>
      <h2>Europe Steps Forward</h2>
      <p>France &amp; Germany announced their readiness to extend guarantees.</p>
      <aside><p>Related: Iran talks resume</p></aside>
      <form><p>Sign up for our newsletter</p></form>
      <p>Zelensky attended the talks.<br>He pressed for air defence.</p>
    </article>
    <article><p>Short teaser for another story.</p></article>
  </main>
  <footer><p>Copyright © 2025 Example News</p></footer>
  <noscript>Enable JavaScript</noscript>
</body></html>
"""


def read_html(tmp_path: Path, content: str, name: str = "page.html") -> Article:
    """Write an HTML page and give the one article read from it."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [article] = read_path(path)
    return article


def test_html_main_text_keeps_the_longest_article_one_line_per_paragraph(tmp_path: Path) -> None:
    article = read_html(tmp_path, PAGE)
    assert article.text == (
        "PARIS (AFP) — Western leaders gathered in Paris today in a landmark show of unity.\n"
        "Europe Steps Forward\n"
        "France & Germany announced their readiness to extend guarantees.\n"
        "Zelensky attended the talks.\n"
        "He pressed for air defence."
    )


def test_html_metadata_from_og_title_published_time_and_canonical_link(tmp_path: Path) -> None:
    article = read_html(tmp_path, PAGE)
    assert article.id == "page"
    assert article.title == "Leaders meet in Paris"
    assert article.date == "2025-09-04"
    assert article.source == "https://example.org/paris"


def test_html_heading_tags_are_headings_and_dateline_is_found(tmp_path: Path) -> None:
    article = read_html(tmp_path, PAGE)
    start = article.text.index("Europe Steps Forward")
    assert article.headings == (Span(start, start + 20, "Europe Steps Forward"),)
    assert article.dateline == Span(0, 13, "PARIS (AFP) —")
    assert article.place == "Paris"


def test_html_title_falls_back_to_title_element_then_h1(tmp_path: Path) -> None:
    page = "<html><head><title> Talks  in Paris </title></head><body><p>Body text.</p></body>"
    assert read_html(tmp_path, page).title == "Talks in Paris"
    page = "<body><h1>Talks in Paris</h1><p>Body text here.</p></body>"
    article = read_html(tmp_path, page)
    assert article.title == "Talks in Paris"
    assert article.headline == Span(0, 14, "Talks in Paris")
    assert article.headings == ()


def test_html_date_from_time_element_when_no_meta(tmp_path: Path) -> None:
    page = '<article><p>Body text.</p><time datetime="2025-08-29T10:00:00Z">Friday</time></article>'
    assert read_html(tmp_path, page).date == "2025-08-29"


def test_html_main_is_used_when_there_is_no_article(tmp_path: Path) -> None:
    page = "<body><div>Cookie notice</div><main><p>Body text.</p></main><div>Ads</div></body>"
    assert read_html(tmp_path, page).text == "Body text."


def test_html_without_article_or_main_keeps_body_text_outside_furniture(tmp_path: Path) -> None:
    page = "<body><nav>Menu</nav><p>First paragraph.</p><div>Second <b>one</b>.</div></body>"
    assert read_html(tmp_path, page).text == "First paragraph.\nSecond one."


def test_htm_suffix_and_unclosed_tags_are_read(tmp_path: Path) -> None:
    page = "<p>First paragraph.<p>Second paragraph.<li>An item"
    article = read_html(tmp_path, page, name="old.htm")
    assert article.text == "First paragraph.\nSecond paragraph.\nAn item"


def test_html_entities_and_text_are_nfc(tmp_path: Path) -> None:
    page = "<p>E\u0301lyse\u0301e &eacute; &#8212; &quot;talks&quot;</p>"
    assert read_html(tmp_path, page).text == 'Élysée é — "talks"'
