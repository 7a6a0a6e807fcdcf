"""Readers for article files (provisional: plain text with optional YAML front matter)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from ..errors import InputError
from ..records import Article

MAX_BYTES = 5_000_000
SUPPORTED_SUFFIXES = (".txt",)


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Give the article files named by `paths`, expanding folders in sorted order."""
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder.")
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def read_path(path: Path) -> list[Article]:
    """Give the articles held in one file."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty; give an article with some text.")
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    meta: dict[str, object] = {}
    if text.startswith("---\n"):
        head, _, text = text[4:].partition("\n---\n")
        meta = yaml.safe_load(head) or {}
    return [
        Article(
            id=path.stem,
            text=text,
            path=str(path),
            title=str(meta["title"]) if "title" in meta else None,
            source=str(meta["source"]) if "source" in meta else None,
            date=str(meta["date"]) if "date" in meta else None,
            content_hash=hashlib.sha256(data).hexdigest(),
        )
    ]


def read_articles(paths: Iterable[Path]) -> Iterator[Article]:
    """Give every article in the given files and folders."""
    for path in iter_article_files(paths):
        yield from read_path(path)
