"""Stage 1 readers: formats, metadata, and the structure recognised in the text."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgbuild.document import read_articles, read_bytes, read_path
from kgbuild.errors import InputError
from kgbuild.records import Article, Span

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"

PARA_1 = (
    "Western leaders gathered in Paris today in a landmark show of unity, laying the "
    "groundwork for post-war security guarantees to Ukraine."
)
PARA_2 = (
    "France, Germany and Poland announced their readiness to extend formal security "
    "guarantees once a peace deal is achieved, officials said on Thursday."
)
PARA_3 = (
    "Ukraine, for its part, is insisting on comprehensive, credible commitments that "
    "would prevent Moscow from exploiting any post-war lull."
)


def read_one(tmp_path: Path, name: str, content: str | bytes) -> Article:
    """Write one file and give the single article read from it."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    articles = read_path(path)
    assert len(articles) == 1
    return articles[0]


def spans_of(article: Article) -> list[Span]:
    """Give every span the reader recognised in an article."""
    singles = (article.headline, article.dateline, article.boilerplate)
    return [*(s for s in singles if s is not None), *article.headings]


def assert_exact(article: Article) -> None:
    """Check that every span reproduces its text exactly."""
    for span in spans_of(article):
        assert 0 <= span.start <= span.end <= len(article.text)
        assert article.text[span.start : span.end] == span.text


# Formats ------------------------------------------------------------------------------


def test_plain_text_without_front_matter_is_all_text(tmp_path: Path) -> None:
    text = f"{PARA_1}\n{PARA_2}\n"
    article = read_one(tmp_path, "plain.txt", text)
    assert article.id == "plain"
    assert article.text == text
    assert article.path == str(tmp_path / "plain.txt")
    assert (article.title, article.source, article.date) == (None, None, None)


def test_front_matter_sets_metadata_and_text_starts_after_closing_line(tmp_path: Path) -> None:
    content = (
        "---\ntitle: Talks in Paris\nsource: https://example.org/a\n"
        "date: '2025-09-04'\nnote: checked by hand\n---\n" + PARA_1 + "\n"
    )
    article = read_one(tmp_path, "fm.txt", content)
    assert article.text == PARA_1 + "\n"
    assert article.title == "Talks in Paris"
    assert article.source == "https://example.org/a"
    assert article.date == "2025-09-04"


def test_front_matter_unquoted_date_parsed_by_yaml_is_iso(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"---\ndate: 2025-08-29\n---\n{PARA_1}")
    assert article.date == "2025-08-29"


def test_front_matter_written_date_is_normalised(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"---\ndate: September 4, 2025\n---\n{PARA_1}")
    assert article.date == "2025-09-04"


def test_front_matter_url_key_is_the_source(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"---\nurl: https://example.org/x\n---\n{PARA_1}")
    assert article.source == "https://example.org/x"


def test_empty_front_matter_block_is_allowed(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"---\n---\n{PARA_1}")
    assert article.text == PARA_1
    assert article.title is None


def test_markdown_hash_lines_are_headings_and_markup_is_kept(tmp_path: Path) -> None:
    text = f"# Leaders meet in Paris\n\n{PARA_1}\n\n## Europe steps forward\n\n{PARA_2} **Bold**\n"
    article = read_one(tmp_path, "story.md", text)
    assert article.text == text
    assert article.headline == Span(0, 23, "# Leaders meet in Paris")
    assert article.title == "Leaders meet in Paris"
    start = text.index("## Europe")
    assert article.headings == (Span(start, start + 23, "## Europe steps forward"),)


def test_markdown_front_matter_title_wins_over_hash_headline(tmp_path: Path) -> None:
    content = f"---\ntitle: From the front matter\n---\n# Leaders meet\n\n{PARA_1}\n"
    article = read_one(tmp_path, "story.md", content)
    assert article.title == "From the front matter"
    assert article.headline == Span(0, 14, "# Leaders meet")


def test_markdown_hash_inside_code_fence_is_not_a_heading(tmp_path: Path) -> None:
    text = f"{PARA_1}\n\n```\n# not a heading\n```\n\n{PARA_2}\n"
    assert read_one(tmp_path, "a.md", text).headings == ()


def test_hash_line_in_plain_text_is_not_a_markdown_heading(tmp_path: Path) -> None:
    text = f"{PARA_1}\n#hashtag trends online\n{PARA_2}\n"
    assert read_one(tmp_path, "a.txt", text).headings == ()


def test_json_object_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    record = {"text": PARA_1, "title": "T", "url": "https://example.org/a", "date": "2025-09-04"}
    article = read_one(tmp_path, "one.json", json.dumps(record))
    assert (article.id, article.text, article.title) == ("one", PARA_1, "T")
    assert (article.source, article.date) == ("https://example.org/a", "2025-09-04")


def test_json_list_records_are_numbered_from_one_unless_they_have_an_id(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    records = [{"text": PARA_1}, {"text": PARA_2, "id": "kyiv-talks"}, {"text": PARA_3, "id": 7}]
    path.write_text(json.dumps(records), encoding="utf-8")
    articles = read_path(path)
    assert [a.id for a in articles] == ["feed-1", "kyiv-talks", "7"]
    assert [a.text for a in articles] == [PARA_1, PARA_2, PARA_3]
    assert {a.path for a in articles} == {str(path)}


def test_json_source_wins_over_url(tmp_path: Path) -> None:
    record = {"text": PARA_1, "source": "Reuters", "url": "https://example.org/a"}
    assert read_one(tmp_path, "a.json", json.dumps(record)).source == "Reuters"


def test_jsonl_gives_one_article_per_line_numbered_by_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": PARA_1}), "", json.dumps({"text": PARA_2, "title": "Second"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = read_path(path)
    assert [a.id for a in articles] == ["feed-1", "feed-3"]
    assert articles[1].title == "Second"


def test_json_text_line_ends_are_normalised(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.json", json.dumps({"text": f"{PARA_1}\r\n{PARA_2}"}))
    assert article.text == f"{PARA_1}\n{PARA_2}"


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"{PARA_1}\r\n{PARA_2}\r{PARA_3}".encode())
    assert article.text == f"{PARA_1}\n{PARA_2}\n{PARA_3}"


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Zelensky met Macron at the Élysée Palace.")
    article = read_one(tmp_path, "a.txt", decomposed)
    assert article.text == "Zelensky met Macron at the Élysée Palace."
    assert unicodedata.is_normalized("NFC", article.text)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", codecs.BOM_UTF8 + PARA_1.encode())
    assert article.text == PARA_1


def test_utf16_with_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", ("Kyiv — " + PARA_1).encode("utf-16"))
    assert article.text == "Kyiv — " + PARA_1


def test_suffix_is_matched_case_insensitively(tmp_path: Path) -> None:
    assert read_one(tmp_path, "LOUD.TXT", PARA_1).id == "LOUD"


def test_read_bytes_reads_with_the_given_suffix() -> None:
    articles = read_bytes(json.dumps({"text": PARA_1}).encode(), path="feed.dat", suffix=".json")
    assert [(a.id, a.text) for a in articles] == [("feed", PARA_1)]


def test_same_bytes_give_the_same_article(tmp_path: Path) -> None:
    content = f"---\ntitle: T\n---\nPARIS — {PARA_1}\nThe Road Ahead\n{PARA_2}\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = read_one(tmp_path / "a", "x.txt", content)
    second = read_one(tmp_path / "b", "x.txt", content)
    assert first.content_hash == second.content_hash
    assert first == read_one(tmp_path / "a", "x.txt", content)
    assert len(first.content_hash) == 64


def test_content_hash_changes_with_metadata(tmp_path: Path) -> None:
    plain = read_one(tmp_path, "a.txt", PARA_1)
    titled = read_one(tmp_path, "b.txt", f"---\ntitle: T\n---\n{PARA_1}")
    assert plain.text == titled.text
    assert plain.content_hash != titled.content_hash


# Folders ------------------------------------------------------------------------------


def test_folder_gives_direct_children_in_sorted_order_skipping_gold_and_hidden(
    tmp_path: Path,
) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", "a.gold.json", "notes.pdf"):
        (tmp_path / name).write_text(f"<p>{PARA_1}</p>" if name.endswith("html") else PARA_1)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text(PARA_1)
    assert [a.id for a in read_articles([tmp_path])] == ["a", "b", "c"]


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.txt"
    path.write_text(PARA_1)
    assert [a.id for a in read_articles([path])] == [".draft"]


def test_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PARA_1)
    assert [a.id for a in read_articles([tmp_path, path, str(path)])] == ["a"]


# Dateline -----------------------------------------------------------------------------


def test_dateline_with_city_and_full_date(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"Paris, September 4, 2025 — {PARA_1}\n{PARA_2}")
    assert article.dateline == Span(0, 26, "Paris, September 4, 2025 —")
    assert (article.place, article.date) == ("Paris", "2025-09-04")
    assert article.headline is None


def test_dateline_with_day_before_month(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"Kyiv, 4 September 2025 – {PARA_1}")
    assert (article.place, article.date) == ("Kyiv", "2025-09-04")


def test_dateline_in_capitals_with_country_and_agency(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"KYIV, Ukraine (AP) — {PARA_1}")
    assert article.dateline == Span(0, 20, "KYIV, Ukraine (AP) —")
    assert article.place == "Kyiv"
    assert article.date is None


def test_dateline_with_day_but_no_year_gives_no_date(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"WASHINGTON, March 3 (Reuters) - {PARA_1}")
    assert article.dateline == Span(0, 31, "WASHINGTON, March 3 (Reuters) -")
    assert (article.place, article.date) == ("Washington", None)


def test_joint_dateline_of_two_places(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"DOHA/GAZA, Nov 27 (Reuters) - {PARA_1}")
    assert article.dateline == Span(0, 29, "DOHA/GAZA, Nov 27 (Reuters) -")
    assert article.place == "Doha/Gaza"


def test_dateline_with_bare_city(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"LONDON — {PARA_1}")
    assert article.dateline == Span(0, 8, "LONDON —")
    assert article.place == "London"


def test_dateline_with_two_word_city_and_colon(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"NEW DELHI: {PARA_1}")
    assert article.dateline == Span(0, 10, "NEW DELHI:")
    assert article.place == "New Delhi"


def test_front_matter_date_wins_over_dateline_date(tmp_path: Path) -> None:
    content = f"---\ndate: 2025-09-05\n---\nParis, September 4, 2025 — {PARA_1}"
    article = read_one(tmp_path, "a.txt", content)
    assert article.date == "2025-09-05"
    assert article.dateline == Span(0, 26, "Paris, September 4, 2025 —")


def test_name_followed_by_an_aside_is_not_a_dateline(tmp_path: Path) -> None:
    text = f"Ukraine — for its part — insists on guarantees.\n{PARA_1}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.dateline is None
    assert article.place is None


def test_lead_in_with_colon_is_not_a_dateline(tmp_path: Path) -> None:
    assert read_one(tmp_path, "a.txt", f"Update: {PARA_1}").dateline is None


def test_dateline_in_first_paragraph_after_headline(tmp_path: Path) -> None:
    text = f"Leaders Meet in Paris\n\nPARIS (AFP) — {PARA_1}\n\n{PARA_2}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.headline == Span(0, 21, "Leaders Meet in Paris")
    start = text.index("PARIS")
    assert article.dateline == Span(start, start + 13, "PARIS (AFP) —")
    assert article.place == "Paris"


# Headline -----------------------------------------------------------------------------


def test_short_first_line_without_period_is_the_headline(tmp_path: Path) -> None:
    text = f"Europe readies security guarantees for Ukraine\n{PARA_1}\n{PARA_2}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.headline == Span(0, 46, "Europe readies security guarantees for Ukraine")
    assert article.title == "Europe readies security guarantees for Ukraine"
    assert article.headings == ()


def test_dateline_led_first_paragraph_is_not_a_headline(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"LONDON — Talks collapse\n{PARA_1}")
    assert article.headline is None
    assert article.title is None
    assert article.dateline == Span(0, 8, "LONDON —")


def test_first_sentence_with_period_is_not_a_headline(tmp_path: Path) -> None:
    assert read_one(tmp_path, "a.txt", f"The talks ended.\n{PARA_1}").headline is None


def test_front_matter_title_means_no_headline_is_looked_for(tmp_path: Path) -> None:
    content = f"---\ntitle: T\n---\nEurope readies guarantees\n{PARA_1}"
    assert read_one(tmp_path, "a.txt", content).headline is None


def test_hard_wrapped_first_line_is_not_a_headline(tmp_path: Path) -> None:
    text = "Western leaders gathered in Paris today in a landmark show\nof unity on Thursday."
    assert read_one(tmp_path, "a.txt", text).headline is None


def test_single_line_article_has_no_headline(tmp_path: Path) -> None:
    assert read_one(tmp_path, "a.txt", "Leaders meet in Paris").headline is None


# Headings -----------------------------------------------------------------------------


def test_title_case_heading_between_paragraph_lines(tmp_path: Path) -> None:
    text = f"{PARA_1}\nEurope Steps Forward\n{PARA_2}\nThe Road Ahead\n{PARA_3}\n"
    article = read_one(tmp_path, "a.txt", text)
    first, second = text.index("Europe Steps"), text.index("The Road")
    assert article.headings == (
        Span(first, first + 20, "Europe Steps Forward"),
        Span(second, second + 14, "The Road Ahead"),
    )


def test_question_heading_between_paragraphs(tmp_path: Path) -> None:
    question = "What is British PM Keir Starmer’s four-step plan for Ukraine?"
    text = f"{PARA_1}\n\n{question}\n\n{PARA_2}\n"
    article = read_one(tmp_path, "a.txt", text)
    start = text.index(question)
    assert article.headings == (Span(start, start + len(question), question),)


def test_sentence_case_heading_set_apart_by_blank_lines(tmp_path: Path) -> None:
    text = f"{PARA_1}\n\nWhat happens next\n\n{PARA_2}\n"
    assert [h.text for h in read_one(tmp_path, "a.txt", text).headings] == ["What happens next"]


def test_one_line_sentence_is_not_a_heading(tmp_path: Path) -> None:
    for separator in ("\n", "\n\n"):
        text = separator.join([PARA_1, "He said the talks were over.", PARA_2])
        assert read_one(tmp_path, "a.txt", text).headings == ()


def test_exclamation_and_quotation_lines_are_not_headings(tmp_path: Path) -> None:
    for line in ("Europe Must Act Now!", "“Europe Must Act Now”", "Options On The Table:"):
        text = f"{PARA_1}\n\n{line}\n\n{PARA_2}"
        assert read_one(tmp_path, "a.txt", text).headings == (), line


def test_title_case_line_that_continues_a_paragraph_is_not_a_heading(tmp_path: Path) -> None:
    lines = [
        "---",
        "title: T",
        "---",
        "Leaders said on Thursday that they backed",
        "The Road Ahead",
    ]
    text = "\n".join([*lines, PARA_2])
    assert read_one(tmp_path, "a.txt", text).headings == ()


def test_hard_wrapped_prose_lines_are_not_headings(tmp_path: Path) -> None:
    text = (
        "The talks ended late on Thursday.\n"
        "Leaders From France And Germany Met In Paris\n"
        "to discuss the guarantees they might offer.\n"
        "Officials said the meeting went well and\n"
        "Europe Would Take The Lead In Any Mission Ahead\n"
        "The ministers will meet again next week.\n"
    )
    assert read_one(tmp_path, "a.txt", text).headings == ()


def test_lowercase_question_line_in_paragraph_is_not_a_heading(tmp_path: Path) -> None:
    text = f"{PARA_1}\nwho will pay for it?\n{PARA_2}"
    assert read_one(tmp_path, "a.txt", text).headings == ()


def test_heading_at_end_of_text_is_not_a_heading(tmp_path: Path) -> None:
    assert read_one(tmp_path, "a.txt", f"{PARA_1}\n{PARA_2}\nThe Road Ahead").headings == ()


# Boilerplate --------------------------------------------------------------------------


def test_trailing_leave_a_reply_is_boilerplate(tmp_path: Path) -> None:
    text = f"{PARA_1}\n{PARA_2}\nLeave a Reply\nYour email address will not be published.\n"
    article = read_one(tmp_path, "a.txt", text)
    start = text.index("Leave a Reply")
    tail = "Leave a Reply\nYour email address will not be published."
    assert article.boilerplate == Span(start, start + len(tail), tail)
    assert article.text == text  # the text is never cut


def test_share_prompts_and_copyright_are_boilerplate(tmp_path: Path) -> None:
    footer = "Share this:\nTwitter\nFacebook\n\nCopyright © 2025 Example Ltd."
    text = f"{PARA_1}\n\n{PARA_2}\n\n{footer}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.boilerplate is not None
    assert article.boilerplate.text.startswith("Share this:")
    assert article.boilerplate.end == len(text)


def test_comment_count_line_is_boilerplate(tmp_path: Path) -> None:
    comment = "Great article, thanks for writing it up so clearly and so fast, I learned a lot."
    text = f"{PARA_1}\n{PARA_2}\n12 Comments\n{comment}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.boilerplate is not None
    assert article.boilerplate.text.startswith("12 Comments")


def test_read_more_in_a_body_sentence_is_untouched(tmp_path: Path) -> None:
    text = (
        f"{PARA_1}\n{PARA_2}\n"
        "Readers can read more about the guarantees in the joint statement released today."
    )
    assert read_one(tmp_path, "a.txt", text).boilerplate is None


def test_read_more_teaser_followed_by_prose_is_not_boilerplate(tmp_path: Path) -> None:
    text = f"{PARA_1}\n{PARA_2}\nREAD MORE: Iran says it is open to diplomacy\n{PARA_3}"
    assert read_one(tmp_path, "a.txt", text).boilerplate is None


def test_read_more_links_at_the_end_are_boilerplate(tmp_path: Path) -> None:
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\nRead more\nIran talks resume\nEU trade deal"
    article = read_one(tmp_path, "a.txt", text)
    assert article.boilerplate is not None
    assert article.boilerplate.text == "Read more\nIran talks resume\nEU trade deal"


def test_boilerplate_phrase_in_first_half_is_ignored(tmp_path: Path) -> None:
    text = f"{PARA_1}\nComments\n{PARA_2}\n{PARA_3}\n{PARA_1}"
    assert read_one(tmp_path, "a.txt", text).boilerplate is None


def test_headings_inside_boilerplate_are_not_headings(tmp_path: Path) -> None:
    footer = "Related Articles\nEurope Steps Forward\nIran Talks Resume"
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\n{footer}"
    article = read_one(tmp_path, "a.txt", text)
    assert article.headings == ()
    assert article.boilerplate is not None
    assert article.boilerplate.text.startswith("Related Articles")


def test_excluded_regions_are_headline_headings_and_boilerplate(tmp_path: Path) -> None:
    text = f"Leaders Meet\n{PARA_1}\nThe Road Ahead\n{PARA_2}\n{PARA_3}\nLeave a Reply"
    article = read_one(tmp_path, "a.txt", text)
    assert [s.text for s in article.excluded] == ["Leaders Meet", "The Road Ahead", "Leave a Reply"]


# The seed articles --------------------------------------------------------------------


def test_seed_paris_article() -> None:
    [article] = read_path(ARTICLES / "00_paris-2025-09-04.txt")
    assert article.id == "00_paris-2025-09-04"
    assert article.dateline is not None and article.dateline.text == "Paris, September 4, 2025 —"
    assert article.dateline.start == 0
    assert (article.place, article.date) == ("Paris", "2025-09-04")
    assert article.headline is None
    assert [h.text for h in article.headings] == [
        "Europe Steps Forward",
        "America’s Role Under Debate",
        "Questions of Troops and Trust",
        "The Road Ahead",
    ]
    assert article.boilerplate is not None and article.boilerplate.text == "Leave a Reply"
    assert article.boilerplate.end == len(article.text)
    assert_exact(article)


def test_seed_london_article() -> None:
    [article] = read_path(ARTICLES / "01_london-summit-four-point-plan.txt")
    assert article.title == (
        "British PM Starmer announces four-step plan to defend Ukraine, says time to act, not talk"
    )
    assert article.source is not None and article.source.startswith("https://www.hindustantimes")
    assert article.date == "2025-03-03"
    assert article.text.startswith("British Prime Minister Keir Starmer on Sunday said")
    assert [h.text for h in article.headings] == [
        "What is British PM Keir Starmer’s four-step plan for Ukraine?"
    ]
    assert (article.headline, article.dateline, article.boilerplate) == (None, None, None)
    assert_exact(article)


def test_every_seed_article_reads_with_exact_spans() -> None:
    articles = list(read_articles([ARTICLES]))
    assert len(articles) == len(list(ARTICLES.glob("*.txt")))
    for article in articles:
        assert_exact(article)


# Properties ---------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abcdefgh ABCDEFGH  .,:;?!'\"-—–()#©0123456789\n\n\n\t\r“”’é",
        *("Paris, September 4, 2025 — ", "LONDON — ", "Read more", "Leave a Reply"),
        *("The Road Ahead", "---\n", "title: T\n", "# "),
    ]
)
_TEXTS = st.lists(_ALPHABET, min_size=1, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, suffix=st.sampled_from([".txt", ".md"]))
def test_every_recognised_span_reproduces_its_text(text: str, suffix: str) -> None:
    try:
        articles = read_bytes(text.encode(), path=f"x{suffix}")
    except InputError:
        return  # whitespace-only or malformed front matter: refused with a message
    for article in articles:
        assert_exact(article)
        headings = list(article.headings)
        assert headings == sorted(set(headings))
        if article.boilerplate is not None:
            assert all(h.end <= article.boilerplate.start for h in headings)


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=200), _TEXTS.map(str.encode)),
    suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]),
)
def test_any_bytes_give_articles_or_an_input_error(data: bytes, suffix: str) -> None:
    try:
        articles = read_bytes(data, path=f"x{suffix}")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for article in articles:
        assert article.text.strip()
        assert_exact(article)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_same_text_gives_same_spans_in_txt_and_md_without_hash_lines(suffix: str) -> None:
    text = f"Paris, September 4, 2025 — {PARA_1}\nThe Road Ahead\n{PARA_2}\nLeave a Reply"
    [article] = read_bytes(text.encode(), path=f"a{suffix}")
    assert [s.text for s in spans_of(article)] == [
        "Paris, September 4, 2025 —",
        "Leave a Reply",
        "The Road Ahead",
    ]
