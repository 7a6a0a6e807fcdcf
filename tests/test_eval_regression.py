"""Regression guard: dev-corpus extraction quality must not drop below tests/eval_baseline.json.

The baseline holds TOTAL figures (micro-averaged over data/articles) under the names of
`kgbuild eval --json`'s `total.summary`, rounded down to two decimals. When the extractor
improves, raise them: `kgbuild eval data/articles --json | jq .total.summary`.
`bad_spans` is not a threshold: it must be 0 whatever the baseline says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.evaluate import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]
BASELINE_FILE = Path(__file__).with_name("eval_baseline.json")
BASELINE: dict[str, float] = json.loads(BASELINE_FILE.read_text(encoding="utf-8"))
THRESHOLDS = sorted(name for name in BASELINE if name != "bad_spans")


@pytest.fixture(scope="module")
def total() -> dict[str, float | int | None]:
    return evaluate_corpus(ROOT / "data" / "articles").total.summary()


def test_baseline_names_only_measured_figures(total: dict[str, float | int | None]) -> None:
    assert set(BASELINE) <= set(total), f"unknown names in {BASELINE_FILE.name}"


@pytest.mark.parametrize("name", THRESHOLDS)
def test_dev_corpus_figure_stays_at_or_above_baseline(
    total: dict[str, float | int | None], name: str
) -> None:
    measured = total[name]
    # An undefined ratio (nothing to judge) is no better than 0.
    assert (measured or 0.0) >= BASELINE[name], (
        f"{name} fell to {measured} below the baseline {BASELINE[name]}; "
        "see `kgbuild eval data/articles --verbose`"
    )


def test_dev_corpus_evidence_spans_reproduce_their_text(
    total: dict[str, float | int | None],
) -> None:
    assert total["bad_spans"] == 0, "see the bad-span lines of `kgbuild eval data/articles -v`"
