"""Article metadata (title, source, date) from a front-matter block or a JSON record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import InputError
from .dates import iso_date
from .decoding import normalise


@dataclass(frozen=True, slots=True)
class Metadata:
    """The metadata kgbuild keeps; every field is optional."""

    title: str | None = None
    source: str | None = None
    date: str | None = None


def metadata_from(mapping: Mapping[str, object], where: str) -> Metadata:
    """Give the title, source (or url) and date in `mapping`; other keys are ignored.

    Raises `InputError` for a value that is a list or a mapping, and for a date that is
    not a calendar date.
    """
    source = scalar(mapping, "source", where)
    if source is None:
        source = scalar(mapping, "url", where)
    return Metadata(
        title=scalar(mapping, "title", where),
        source=source,
        date=date_value(mapping.get("date"), where),
    )


def scalar(mapping: Mapping[str, object], key: str, where: str) -> str | None:
    """Give `mapping[key]` as one line of NFC text, or None if it is missing or blank."""
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, (list, tuple, dict, set)):
        raise InputError(
            f"{where}: '{key}' must be a single value, not a {type(value).__name__}; "
            f"write it as `{key}: some text`."
        )
    # Collapse whitespace: a title folded over lines in YAML is still one title.
    text = " ".join(normalise(str(value)).split())
    return text or None


def date_value(value: object, where: str) -> str | None:
    """Give a metadata date as `YYYY-MM-DD`, or None if absent; raise if it is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    iso = iso_date(value)
    if iso is None:
        raise InputError(
            f"{where}: 'date' is {value!r}, which is not a calendar date; "
            "write it as YYYY-MM-DD (e.g. 2025-09-04)."
        )
    return iso
