"""Stage 2: `Article` -> annotated spaCy `Doc` (model loading and kgbuild's own components)."""

from __future__ import annotations

from .pipeline import DEFAULT_MODEL, annotate, annotate_many, load_nlp

__all__ = ["DEFAULT_MODEL", "annotate", "annotate_many", "load_nlp"]
