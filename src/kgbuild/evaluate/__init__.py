"""Scoring kgbuild's extraction against analysts' gold files (`kgbuild eval`).

```python
from pathlib import Path
from kgbuild.evaluate import evaluate_corpus, render_text

scores = evaluate_corpus(Path("data/articles"))
print(scores.total.commitments.f1)
print(render_text(scores), end="")
```
"""

from __future__ import annotations

from .compare import score_article
from .corpus import evaluate_corpus, gold_file_for
from .gold import Gold, GoldActor, GoldCommitment, GoldCondition, GoldFileError, load_gold
from .report import render_json, render_text
from .scores import ArticleScores, CorpusScores, Counts, Figures, Finding, Tally

__all__ = [
    "ArticleScores",
    "CorpusScores",
    "Counts",
    "Figures",
    "Finding",
    "Gold",
    "GoldActor",
    "GoldCommitment",
    "GoldCondition",
    "GoldFileError",
    "Tally",
    "evaluate_corpus",
    "gold_file_for",
    "load_gold",
    "render_json",
    "render_text",
    "score_article",
]
