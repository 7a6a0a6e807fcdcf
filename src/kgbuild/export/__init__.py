"""Stage 5: `Dataset` -> files, through a registry of exporters keyed by format name."""

from __future__ import annotations

from .registry import EXPORTERS, Exporter, export, exporter, write_outputs

__all__ = ["EXPORTERS", "Exporter", "export", "exporter", "write_outputs"]
