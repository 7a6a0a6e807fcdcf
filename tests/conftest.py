"""Shared fixtures: paths of the repository's data and a build of the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "00_paris-2025-09-04.txt"


@pytest.fixture(scope="session")
def dev_corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the dev corpus once per test session; give the output folder."""
    from kgbuild import build

    out = tmp_path_factory.mktemp("dev-corpus-out")
    build([ARTICLES], out)
    return out
