"""One call from an RDF dataset (or graph file) to a viewer page, GraphML or GEXF file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from rdflib import Dataset

from ..errors import KgbuildError
from .network import (
    VIEWS,
    ViewFilter,
    actor_graph,
    dataset_to_graph,
    filter_graph,
    resolve_article,
)

FORMATS = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf"}
"""File suffix -> viewer output format."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered view: the file's bytes and what went into it."""

    data: bytes
    fmt: str
    view: str
    nodes: int
    edges: int


def guess_format(path: Path | None) -> str:
    """Give the output format for a file name by its suffix; HTML when unknown."""
    return FORMATS.get(path.suffix.lower(), "html") if path is not None else "html"


def render(
    dataset: Dataset,
    *,
    fmt: str = "html",
    view: str = "full",
    view_filter: ViewFilter | None = None,
    article: str | None = None,
) -> Rendered:
    """Give `dataset` drawn as a viewer page (`fmt="html"`), GraphML or GEXF.

    `view` is "full" (actors, commitments, conditions) or "actors" (one edge per
    debtor -> beneficiary pair); for HTML it only picks the view the page opens with.
    `article` (an id, IRI or title) narrows `view_filter` to one article.
    """
    from .gephi import gexf_bytes, graphml_bytes
    from .layout import compute_positions
    from .page import render_html

    if fmt not in ("html", "graphml", "gexf"):
        raise KgbuildError(f"Unknown viewer format {fmt!r}. Choose one of: gexf, graphml, html.")
    if view not in VIEWS:
        raise KgbuildError(f"Unknown view {view!r}. Choose one of: {', '.join(VIEWS)}.")
    graph = dataset_to_graph(dataset)
    chosen_filter = view_filter or ViewFilter()
    if article is not None:
        chosen_filter = replace(chosen_filter, article=resolve_article(graph, article))
    graph = filter_graph(graph, chosen_filter)
    if fmt == "html":
        data = render_html(graph, view=view)
        return Rendered(data, fmt, view, graph.number_of_nodes(), graph.number_of_edges())
    shown = actor_graph(graph) if view == "actors" else graph
    # GEXF gets the full graph's positions, so the actor view keeps the page's layout.
    data = graphml_bytes(shown) if fmt == "graphml" else gexf_bytes(shown, compute_positions(graph))
    return Rendered(data, fmt, view, shown.number_of_nodes(), shown.number_of_edges())


def write_view(
    graph_path: Path,
    target: Path | IO[bytes],
    *,
    fmt: str | None = None,
    view: str = "full",
    view_filter: ViewFilter | None = None,
    article: str | None = None,
) -> Rendered:
    """Read an RDF file, render it (see `render`) and write it to a path or binary stream.

    The format defaults to the target's suffix (.html, .graphml, .gexf), else HTML. A
    path is written atomically: on any error the file is left as it was.
    """
    from ..graphio import load_dataset

    chosen = fmt or guess_format(target if isinstance(target, Path) else None)
    rendered = render(
        load_dataset(graph_path), fmt=chosen, view=view, view_filter=view_filter, article=article
    )
    if isinstance(target, Path):
        write_atomic(target, rendered.data)
    else:
        target.write(rendered.data)
    return rendered


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed into place."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except OSError as exc:
        _discard([temp] if temp else [])
        raise KgbuildError(
            f"Cannot write {exc.filename or path}: {exc.strerror}; check the folder exists "
            "and is writable."
        ) from None


def _discard(names: Iterable[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)
