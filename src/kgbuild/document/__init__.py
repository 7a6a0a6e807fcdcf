"""Stage 1: files -> `Article` records (text in NFC, metadata, headings, boilerplate)."""

from __future__ import annotations

from .readers import MAX_BYTES, SUPPORTED_SUFFIXES, iter_article_files, read_articles, read_path

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "iter_article_files", "read_articles", "read_path"]
