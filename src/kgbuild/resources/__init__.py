"""Locating and loading kgbuild's data files (lexicons, gazetteer, ontology, queries)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

_PACKAGE_DATA = Path(__file__).resolve().parent.parent / "_data"
_REPO_ROOT = Path(__file__).resolve().parents[3]
_REPO_DIRS = {
    "lexicons": _REPO_ROOT / "data" / "lexicons",
    "gazetteer": _REPO_ROOT / "data" / "gazetteer",
    "ontology": _REPO_ROOT / "ontology",
    "queries": _REPO_ROOT / "queries",
}


def data_path(kind: str) -> Path:
    """Give the folder holding one kind of data file, in a wheel or in a source checkout."""
    packaged = _PACKAGE_DATA / kind
    if packaged.is_dir():
        return packaged
    repo = _REPO_DIRS.get(kind)
    if repo is not None and repo.is_dir():
        return repo
    raise DataFileError(
        f"kgbuild's {kind} data folder is missing (looked in {packaged} and {repo}); "
        "reinstall kgbuild with `pip install -e .` from a full checkout."
    )


@cache
def load_yaml(kind: str, name: str) -> Any:
    """Give the parsed content of a YAML data file, e.g. `load_yaml("lexicons", "cues.yaml")`."""
    path = data_path(kind) / name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise DataFileError(
            f"Data file {path} is missing; restore it from the repository."
        ) from None
    except yaml.YAMLError as exc:
        raise DataFileError(
            f"Data file {path} is not valid YAML: {exc}".replace("\n", " ")
        ) from None
