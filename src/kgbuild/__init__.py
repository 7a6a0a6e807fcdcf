"""kgbuild: news articles -> an RDF knowledge graph of actors, commitments and conditions.

```python
from pathlib import Path
from kgbuild import read_articles, build_dataset, export

articles = list(read_articles([Path("data/articles")]))
dataset, summaries = build_dataset(articles)
export(dataset, "turtle", Path("out/graph.ttl"))
```
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .document import read_articles, read_path
from .errors import KgbuildError
from .export import export
from .pipeline import ArticleSummary, build, build_dataset, extract_articles
from .records import (
    Actor,
    ActorType,
    Article,
    Commitment,
    Condition,
    ConditionType,
    Extraction,
    Polarity,
    Span,
    Status,
)

try:
    __version__ = version("kgbuild")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Actor",
    "ActorType",
    "Article",
    "ArticleSummary",
    "Commitment",
    "Condition",
    "ConditionType",
    "Extraction",
    "KgbuildError",
    "Polarity",
    "Span",
    "Status",
    "__version__",
    "build",
    "build_dataset",
    "export",
    "extract_articles",
    "read_articles",
    "read_path",
]
