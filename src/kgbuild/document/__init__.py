"""Stage 1: files -> `Article` records (text in NFC, metadata, headline, dateline, headings,
trailing boilerplate), from .txt, .md, .html/.htm, .json and .jsonl files."""

from __future__ import annotations

from .readers import (
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    content_hash,
    iter_article_files,
    read_articles,
    read_bytes,
    read_path,
)

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "content_hash",
    "iter_article_files",
    "read_articles",
    "read_bytes",
    "read_path",
]
