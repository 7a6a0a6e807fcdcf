"""Errors kgbuild raises; each message says what went wrong, why, and how to fix it."""

from __future__ import annotations


class KgbuildError(Exception):
    """Base class of every error kgbuild reports to its users (CLI exit code 1)."""


class InputError(KgbuildError):
    """An article file or folder cannot be read as an article."""


class UnknownFormatError(KgbuildError):
    """An input or output format name that kgbuild does not know."""


class ModelError(KgbuildError):
    """The spaCy model cannot be loaded."""


class DataFileError(KgbuildError):
    """A lexicon or gazetteer file is malformed."""


class GraphFileError(KgbuildError):
    """An RDF graph file or store cannot be read."""


class QueryError(KgbuildError):
    """A SPARQL query cannot be parsed or run."""


class ValidationError(KgbuildError):
    """A graph does not conform to the SHACL shapes."""
