"""YAML front matter: a `---` line, `key: value` lines, a closing `---` line, then the text."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from ..errors import InputError

FENCE = "---"


def split_front_matter(text: str, where: str) -> tuple[Mapping[str, object], str]:
    """Give the front matter of `text` as a mapping, and the article text after it.

    Text that does not open with a `---` line has no front matter: it comes back whole,
    with an empty mapping. The article text starts at the first character after the
    closing `---` line, so offsets into it are what a reader of the body would count.
    Raises `InputError` for an unclosed block, invalid YAML, or YAML that is not a mapping.
    """
    first, newline, rest = text.partition("\n")
    if first.rstrip() != FENCE:
        return {}, text
    if not newline:
        raise _unclosed(where)
    head_lines: list[str] = []
    offset = len(first) + 1
    for line in rest.split("\n"):
        offset += len(line) + 1
        if line.rstrip() == FENCE:
            return _parse("\n".join(head_lines), where), text[offset:]
        head_lines.append(line)
    raise _unclosed(where)


def _parse(head: str, where: str) -> Mapping[str, object]:
    try:
        data = yaml.safe_load(head)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        # +2: the mark counts from 0 within the block, which starts on the file's line 2.
        line = f" at line {mark.line + 2}" if mark is not None else ""
        problem = exc.problem or exc.context or "syntax error"
        raise InputError(
            f"{where}: the front matter is not valid YAML ({problem}{line}); "
            "fix it, e.g. quote a value that holds ': ' or starts with a quote."
        ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        # ValueError: YAML reads `2025-02-30` as a timestamp, then cannot build the date.
        reason = " ".join(str(exc).split())
        raise InputError(
            f"{where}: the front matter holds a value YAML cannot read ({reason}), "
            "such as a date that does not exist; fix that value."
        ) from None
    if data is None:  # an empty block: no metadata, still a valid file
        return {}
    if not isinstance(data, dict):
        raise InputError(
            f"{where}: the front matter must be `key: value` lines (title, source, date, note), "
            f"not a YAML {type(data).__name__}; write e.g. `title: Talks in Paris`."
        )
    return {str(key): value for key, value in data.items()}


def _unclosed(where: str) -> InputError:
    return InputError(
        f"{where}: the front matter opened by '---' on line 1 is never closed; "
        "add a '---' line after its last `key: value` line."
    )
