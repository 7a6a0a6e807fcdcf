"""JSON and JSON Lines files: one article per object, with `text` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ..errors import InputError
from .decoding import normalise
from .draft import Draft, NumberedDrafts
from .metadata import metadata_from

RECORD_KEYS = "text, and optionally title, source (or url), date and id"


def read_json(text: str, where: str) -> NumberedDrafts:
    """Give the articles of a JSON file (one object, or a list of objects), each numbered.

    The number (from 1) names a record that has no `id`; a lone object gets None, as the
    only article of its file.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "fix the syntax there."
        ) from None
    except RecursionError:
        raise InputError(f"{where}: the JSON is nested too deeply to read; flatten it.") from None
    if isinstance(data, dict):
        return [(None, _draft(data, where))]
    if isinstance(data, list):
        if not data:
            raise InputError(f"{where}: the JSON list is empty; add records with a 'text' field.")
        return [(n, _draft(item, f"{where} record {n}")) for n, item in enumerate(data, start=1)]
    raise InputError(
        f"{where}: the JSON must be an object or a list of objects with {RECORD_KEYS}, "
        f"not a {_json_type(data)}."
    )


def read_jsonl(text: str, where: str) -> NumberedDrafts:
    """Give each article of a JSON Lines file with its line number (from 1); skip blank lines."""
    drafts: NumberedDrafts = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_where = f"{where} line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{line_where}: not valid JSON at column {exc.colno} ({exc.msg}); "
                "each line must hold one whole JSON object."
            ) from None
        except RecursionError:
            raise InputError(f"{line_where}: the JSON is nested too deeply to read.") from None
        drafts.append((number, _draft(data, line_where)))
    if not drafts:
        raise InputError(f"{where}: the file holds no JSON lines; add one object per line.")
    return drafts


def _draft(data: object, where: str) -> Draft:
    if not isinstance(data, dict):
        raise InputError(
            f"{where}: a record must be a JSON object with {RECORD_KEYS}, not a {_json_type(data)}."
        )
    record: Mapping[str, object] = data
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str):
            found = "empty"
        elif text is None:
            found = "missing"
        else:
            found = f"a {_json_type(text)}"
        raise InputError(
            f"{where}: the record has no article text ('text' is {found}); "
            "give each record a non-empty string 'text'."
        )
    meta = metadata_from(record, where)
    return Draft(
        text=normalise(text),
        title=meta.title,
        source=meta.source,
        date=meta.date,
        id=_record_id(record.get("id"), where),
    )


def _record_id(value: object, where: str) -> str | None:
    if value is None:
        return None
    # bool is an int in Python, but `"id": true` is a mistake, not an id.
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise InputError(
            f"{where}: 'id' must be a non-empty string or a whole number, not {value!r}; "
            "fix it or leave it out to have one made from the file name."
        )
    return str(value).strip()


def _json_type(value: object) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
