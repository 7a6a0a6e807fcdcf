"""The HTML graph viewer exporter: one self-contained page that opens offline."""

from __future__ import annotations

from typing import IO

from rdflib import Dataset

from .registry import exporter


@exporter("html", "graph.html", "text/html")
def write_html(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write the interactive graph viewer page (see `kgbuild.viz.page`)."""
    # Imported here: networkx, pyvis and jinja2 cost nothing until a page is written.
    from ..viz import render

    stream.write(render(dataset, fmt="html").data)
