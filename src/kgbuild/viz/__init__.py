"""The graph viewer: RDF dataset -> networkx graph -> offline HTML page, GraphML or GEXF.

```python
from kgbuild.viz import ViewFilter, dataset_to_graph, render
graph = dataset_to_graph(dataset)                  # networkx MultiDiGraph
page = render(dataset, view_filter=ViewFilter(statuses=frozenset({"Pledged"}))).data
```

Modules: `network` (dataset -> networkx, filters, actor view), `layout` (positions),
`style` (the visual encoding), `page` (the HTML page), `gephi` (GraphML, GEXF) and
`render` (one call from a dataset or file to bytes on disk).
"""

from __future__ import annotations

from .network import (
    VIEWS,
    ArticleInfo,
    ViewFilter,
    actor_graph,
    dataset_to_graph,
    filter_graph,
    resolve_article,
)
from .render import FORMATS, Rendered, render, write_view

__all__ = [
    "FORMATS",
    "VIEWS",
    "ArticleInfo",
    "Rendered",
    "ViewFilter",
    "actor_graph",
    "dataset_to_graph",
    "filter_graph",
    "render",
    "resolve_article",
    "write_view",
]
