"""The HTML graph viewer exporter (placeholder until the viewer lands)."""

from __future__ import annotations

from typing import IO

from rdflib import Dataset

from .registry import exporter


@exporter("html", "graph.html", "text/html")
def write_html(dataset: Dataset, stream: IO[bytes]) -> None:
    """Write the interactive graph viewer page."""
    stream.write(b"<!doctype html><title>kgbuild</title>")
