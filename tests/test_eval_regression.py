"""Regression guard: extraction quality must not drop below the baselines.

Each baseline holds TOTAL figures (micro-averaged over a corpus) under the names of
`kgbuild eval --json`'s `total.summary`, rounded down to two decimals:
`tests/eval_baseline.json` for the dev corpus (data/articles) and
`tests/heldout_baseline.json` for the held-out set (data/heldout). When the extractor
improves, raise them: `kgbuild eval FOLDER --json | jq .total.summary`.
`bad_spans` is not a threshold: it must be 0 whatever the baseline says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.evaluate import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).parent
CORPORA = {
    "dev": (ROOT / "data" / "articles", HERE / "eval_baseline.json"),
    "heldout": (ROOT / "data" / "heldout", HERE / "heldout_baseline.json"),
}
BASELINES: dict[str, dict[str, float]] = {
    name: json.loads(baseline.read_text(encoding="utf-8"))
    for name, (_folder, baseline) in CORPORA.items()
}
THRESHOLDS = [
    (corpus, figure)
    for corpus, baseline in BASELINES.items()
    for figure in sorted(baseline)
    if figure != "bad_spans"
]


@pytest.fixture(scope="module")
def totals() -> dict[str, dict[str, float | int | None]]:
    return {
        name: evaluate_corpus(folder).total.summary() for name, (folder, _b) in CORPORA.items()
    }


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_baseline_names_only_measured_figures(
    totals: dict[str, dict[str, float | int | None]], corpus: str
) -> None:
    assert set(BASELINES[corpus]) <= set(totals[corpus]), f"unknown names in {corpus} baseline"


@pytest.mark.parametrize(("corpus", "name"), THRESHOLDS)
def test_corpus_figure_stays_at_or_above_baseline(
    totals: dict[str, dict[str, float | int | None]], corpus: str, name: str
) -> None:
    measured = totals[corpus][name]
    # An undefined ratio (nothing to judge) is no better than 0.
    assert (measured or 0.0) >= BASELINES[corpus][name], (
        f"{corpus}: {name} fell to {measured} below the baseline {BASELINES[corpus][name]}; "
        f"see `kgbuild eval {CORPORA[corpus][0].relative_to(ROOT)} --verbose`"
    )


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_evidence_spans_reproduce_their_text(
    totals: dict[str, dict[str, float | int | None]], corpus: str
) -> None:
    assert totals[corpus]["bad_spans"] == 0, (
        f"see the bad-span lines of `kgbuild eval {CORPORA[corpus][0].relative_to(ROOT)} -v`"
    )
