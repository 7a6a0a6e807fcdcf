"""Stage 1 readers: bad input is refused with one `InputError` line saying what, why and the fix."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kgbuild.document import MAX_BYTES, iter_article_files, read_articles, read_path
from kgbuild.errors import InputError

BODY = "France and Germany announced their readiness to extend security guarantees."


def refused(tmp_path: Path, name: str, content: str | bytes) -> str:
    """Write one file, read it, and give the message of the `InputError` it raises."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_path(path)
    message = str(info.value)
    assert "\n" not in message
    return message.replace(str(path), "FILE")


# Paths and folders --------------------------------------------------------------------


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file or folder; check the path"):
        list(read_articles([tmp_path / "missing.txt"]))


def test_folder_with_no_article_files_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / "notes.pdf").write_text(BODY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text(BODY)
    with pytest.raises(InputError) as info:
        list(iter_article_files([tmp_path]))
    assert str(info.value) == (
        f"{tmp_path}: the folder holds no article files (.htm, .html, .json, .jsonl, .md, .txt; "
        "sub-folders are not searched); add articles or name the files directly."
    )


def test_unknown_suffix_named_explicitly_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError) as info:
        list(read_articles([path]))
    assert str(info.value) == (
        f"Unknown article format '.pdf' in {path}. "
        "Choose one of: .htm, .html, .json, .jsonl, .md, .txt."
    )


def test_file_without_suffix_is_an_unknown_format(tmp_path: Path) -> None:
    assert refused(tmp_path, "README", BODY).startswith("Unknown article format '' (no suffix)")


def test_folder_given_to_read_path_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "inbox.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_path(folder)


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY)

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, for whom chmod does not deny reading.
    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied; make the file readable"):
        read_path(path)


def test_same_id_from_two_files_is_rejected(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(BODY)
    with pytest.raises(InputError, match="article id 'story' is already used by"):
        list(read_articles([tmp_path / "a", tmp_path / "b"]))


# Bytes --------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\n\r\n"])
def test_empty_or_whitespace_only_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    assert refused(tmp_path, "a.txt", content) == (
        "FILE: the file is empty or holds only whitespace; give an article with some text."
    )


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    message = refused(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert message == (
        "FILE: looks like a binary file, not text (it holds NUL bytes); "
        "give an article saved as UTF-8 text (.txt, .md, .html, .json or .jsonl)."
    )


def test_file_of_control_bytes_is_rejected_as_binary(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", bytes(range(1, 32)) * 4 + BODY.encode())
    assert message.startswith("FILE: looks like a binary file, not text (")
    assert "control bytes" in message


def test_undecodable_bytes_are_rejected_with_their_offset(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", "Talks\nin the Élysée".encode("latin-1"))
    assert message == (
        "FILE: not valid UTF-8 at byte 13 (line 2, byte 0xc9); "
        "re-save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8 FILE`)."
    )


def test_broken_utf16_after_byte_order_mark_is_rejected(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xdc")
    assert message == (
        "FILE: the file starts with a UTF-16 byte-order mark but is not valid UTF-16 "
        "at byte 4; re-save it as UTF-8."
    )


def test_file_over_max_bytes_is_rejected(tmp_path: Path) -> None:
    assert MAX_BYTES == 5_000_000
    message = refused(tmp_path, "a.txt", b"a" * (MAX_BYTES + 1))
    assert message == (
        "FILE: the file is 5,000,001 bytes, over kgbuild's limit of 5 MB (5,000,000 bytes) "
        "per article file; split it into smaller files."
    )


# Front matter -------------------------------------------------------------------------


def test_unclosed_front_matter_is_rejected(tmp_path: Path) -> None:
    assert refused(tmp_path, "a.txt", f"---\ntitle: Talks\n{BODY}\n") == (
        "FILE: the front matter opened by '---' on line 1 is never closed; "
        "add a '---' line after its last `key: value` line."
    )


def test_invalid_yaml_front_matter_is_rejected_with_its_line(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", f"---\ntitle: Talks\nsource: [x\n---\n{BODY}")
    assert message.startswith("FILE: the front matter is not valid YAML (")
    assert "at line 3" in message  # the line of `source: [x`, counted in the file


def test_front_matter_that_is_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    assert refused(tmp_path, "a.md", f"---\n- Talks\n- Paris\n---\n{BODY}") == (
        "FILE: the front matter must be `key: value` lines (title, source, date, note), "
        "not a YAML list; write e.g. `title: Talks in Paris`."
    )


def test_front_matter_date_that_does_not_exist_is_rejected(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", f"---\ndate: 2025-02-30\n---\n{BODY}")
    assert "such as a date that does not exist" in message


def test_front_matter_date_that_is_not_a_date_is_rejected(tmp_path: Path) -> None:
    assert refused(tmp_path, "a.txt", f"---\ndate: next week\n---\n{BODY}") == (
        "FILE front matter: 'date' is 'next week', which is not a calendar date; "
        "write it as YYYY-MM-DD (e.g. 2025-09-04)."
    )


def test_front_matter_title_that_is_a_list_is_rejected(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.txt", f"---\ntitle: [a, b]\n---\n{BODY}")
    assert message == (
        "FILE front matter: 'title' must be a single value, not a list; "
        "write it as `title: some text`."
    )


def test_front_matter_without_article_text_is_rejected(tmp_path: Path) -> None:
    assert refused(tmp_path, "a.txt", "---\ntitle: Talks\n---\n\n") == (
        "FILE: there is no article text after the front matter; "
        "put the article below the closing '---' line."
    )


# JSON ---------------------------------------------------------------------------------


def test_malformed_json_is_rejected_with_its_line(tmp_path: Path) -> None:
    assert refused(tmp_path, "a.json", '{"text": "a",\n "title": }') == (
        "FILE: not valid JSON at line 2, column 11 (Expecting value); fix the syntax there."
    )


def test_malformed_jsonl_line_is_rejected_with_its_line_number(tmp_path: Path) -> None:
    content = json.dumps({"text": BODY}) + "\n" + '{"text": \n'
    assert refused(tmp_path, "a.jsonl", content) == (
        "FILE line 2: not valid JSON at column 10 (Expecting value); "
        "each line must hold one whole JSON object."
    )


@pytest.mark.parametrize(
    ("record", "found"),
    [({"title": "T"}, "missing"), ({"text": "  "}, "empty"), ({"text": 5}, "a number")],
)
def test_json_record_without_text_is_rejected(
    tmp_path: Path, record: dict[str, object], found: str
) -> None:
    assert refused(tmp_path, "a.json", json.dumps(record)) == (
        f"FILE: the record has no article text ('text' is {found}); "
        "give each record a non-empty string 'text'."
    )


def test_json_record_in_list_is_named_by_its_position(tmp_path: Path) -> None:
    message = refused(tmp_path, "a.json", json.dumps([{"text": BODY}, {"title": "T"}]))
    assert message.startswith("FILE record 2: the record has no article text")


def test_jsonl_record_without_text_is_named_by_its_line(tmp_path: Path) -> None:
    content = json.dumps({"text": BODY}) + "\n\n" + json.dumps({"text": ""}) + "\n"
    assert refused(tmp_path, "a.jsonl", content).startswith("FILE line 3: the record has no")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("5", "the JSON must be an object or a list of objects"),
        ("[]", "the JSON list is empty"),
        ('[{"text": "a"}, 3]', "record 2: a record must be a JSON object"),
        ('{"text": "a", "id": true}', "'id' must be a non-empty string or a whole number"),
        ('[{"text": "a", "id": "x"}, {"text": "b", "id": "x"}]', "two records have the id 'x'"),
        ('{"text": "a", "date": "soon"}', "'date' is 'soon', which is not a calendar date"),
        ('{"text": "a", "title": {"en": "T"}}', "'title' must be a single value, not a dict"),
    ],
)
def test_malformed_json_records_are_rejected(tmp_path: Path, content: str, expected: str) -> None:
    assert expected in refused(tmp_path, "a.json", content)


# HTML ---------------------------------------------------------------------------------


def test_html_page_without_main_text_is_rejected(tmp_path: Path) -> None:
    content = "<html><nav>Home | World</nav><script>track()</script><footer>©</footer></html>"
    assert refused(tmp_path, "a.html", content) == (
        "FILE: the HTML page has no article text outside navigation, headers, footers and "
        "scripts; give the page that holds the article."
    )
