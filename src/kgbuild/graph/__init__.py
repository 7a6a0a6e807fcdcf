"""Stage 4: extraction records -> rdflib `Dataset` (the only code that adds triples)."""

from __future__ import annotations

from .build import add_extraction, new_dataset, replace_article

__all__ = ["add_extraction", "new_dataset", "replace_article"]
