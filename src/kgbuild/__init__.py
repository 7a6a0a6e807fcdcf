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

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .errors import KgbuildError

# Bound eagerly: the function shares its name with the `kgbuild.export` subpackage, which
# would otherwise shadow it once imported. It costs rdflib only, which vocab needs anyway.
from .export import export
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

if TYPE_CHECKING:
    from .document import read_articles, read_path
    from .pipeline import ArticleSummary, build, build_dataset, extract_articles
    from .validate import validate_graph

# The pipeline pulls in spaCy and rdflib; importing them only when first used keeps
# `import kgbuild` (and commands such as `kgbuild query --list`) fast.
_LAZY = {
    "read_articles": "document",
    "read_path": "document",
    "ArticleSummary": "pipeline",
    "build": "pipeline",
    "build_dataset": "pipeline",
    "extract_articles": "pipeline",
    "validate_graph": "validate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
    "validate_graph",
]
