"""The query library: `queries/*.rq`, each with a `# Question:` and a `# Returns:` header."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataFileError, QueryError
from ..resources import data_path

_FIELD = re.compile(r"^#\s*(Question|Returns|Parameter):\s*(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")  # an indented comment line continues a field


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """One query of the library: its name (file stem), the question it answers, its text."""

    name: str
    path: Path
    question: str
    returns: str
    parameters: tuple[str, ...]
    text: str


@cache
def library() -> dict[str, LibraryQuery]:
    """Give every library query by name, in name order."""
    folder = data_path("queries")
    queries = (_read(path) for path in sorted(folder.glob("*.rq")))
    return {q.name: q for q in queries}


def library_query(name: str) -> LibraryQuery:
    """Give the library query called `name`, or raise with the names there are."""
    queries = library()
    found = queries.get(name.removesuffix(".rq"))
    if found is None:
        raise QueryError(
            f"No library query named {name!r}. Choose one of: {', '.join(queries)} "
            "(`kgbuild query --list` shows what each answers)."
        )
    return found


def _read(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break  # the header is the leading comment block
        field = _FIELD.match(line)
        more = _CONTINUATION.match(line)
        if field:
            last = field.group(1)
            fields.setdefault(last, []).append(field.group(2).strip())
        elif more and last is not None:
            fields[last][-1] += " " + more.group(1).strip()
        else:
            last = None
    if not fields.get("Question"):
        raise DataFileError(
            f"Library query {path} has no '# Question: ...' header line; "
            "start the file with the question it answers."
        )
    return LibraryQuery(
        name=path.stem,
        path=path,
        question=fields["Question"][0],
        returns=" ".join(fields.get("Returns", [])),
        parameters=tuple(fields.get("Parameter", [])),
        text=text,
    )
