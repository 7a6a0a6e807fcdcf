"""Trailing boilerplate: "Leave a Reply", "Share this", "Copyright ©" and what follows them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..records import Span
from ..resources import load_yaml
from .lines import Line, ends_sentence

LEXICON_FILE = "boilerplate.yaml"
MAX_LINE_WORDS = 12  # a boilerplate line is a prompt or a notice, never a paragraph
TAIL_START = 0.5  # only lines starting in the second half of the text are tried

_LEADING_MARKUP = "#*>|•·-–—→» \t"  # list bullets, markdown, arrows before a prompt
_SURROUNDING_PUNCT = ":.…!?|»›→<>()[]\"'“”‘’*_-–— \t"
# A count beside a prompt: "Comments (12)", "12 Comments", "Comments 12".
_COUNT_RE = re.compile(r"\s*[(\[]\d+[)\]]\s*$|^\d+\s+|\s+\d+$")


class Kind(Enum):
    """How a boilerplate phrase behaves: it always ends the article, or it may interrupt it."""

    ENDS_ARTICLE = "ends_article"
    INTERRUPTS = "interrupts"


@dataclass(frozen=True, slots=True)
class BoilerplateLexicon:
    """The phrases of `data/lexicons/boilerplate.yaml`, casefolded, by kind."""

    exact: Mapping[str, Kind]
    prefixes: tuple[tuple[str, Kind], ...]  # ends_article first: it wins over interrupts

    def kind_of(self, line: str) -> Kind | None:
        """Give the kind of boilerplate `line` opens, or None if it opens none."""
        lowered = " ".join(line.casefold().split()).lstrip(_LEADING_MARKUP)
        core = _COUNT_RE.sub("", lowered).strip(_SURROUNDING_PUNCT)
        if core in self.exact:
            return self.exact[core]
        for prefix, kind in self.prefixes:
            if lowered.startswith(prefix) and _ends_at_word(lowered, len(prefix)):
                return kind
        return None


@cache
def load_boilerplate() -> BoilerplateLexicon:
    """Give the packaged boilerplate lexicon (parsed and checked once per process)."""
    data = load_yaml("lexicons", LEXICON_FILE)
    if not isinstance(data, dict):
        raise DataFileError(f"{LEXICON_FILE}: must be a mapping with {_kinds()}.")
    exact: dict[str, Kind] = {}
    prefixes: list[tuple[str, Kind]] = []
    for kind in Kind:
        section = data.get(kind.value)
        if not isinstance(section, dict):
            raise DataFileError(
                f"{LEXICON_FILE}: '{kind.value}' must be a mapping with 'exact' and 'prefix' lists."
            )
        for phrase in _phrases(section, "exact", kind):
            exact.setdefault(phrase, kind)
        prefixes.extend((phrase, kind) for phrase in _phrases(section, "prefix", kind))
    return BoilerplateLexicon(exact=exact, prefixes=tuple(prefixes))


def find_boilerplate(text: str, lines: Sequence[Line], lexicon: BoilerplateLexicon) -> Span | None:
    """Give the span from the first boilerplate line in the article's tail to its end.

    Only whole short lines starting in the second half of the text are tried, and never
    the first line, so a sentence that mentions "read more" is untouched. A phrase that may
    interrupt an article ("Read more: ...") opens the boilerplate only if no prose
    paragraph follows it.
    """
    if len(lines) < 2:
        return None
    tail = int(len(text) * TAIL_START)
    end = lines[-1].span.end
    for i, line in enumerate(lines[1:], start=1):
        if line.span.start < tail or len(line.text.split()) > MAX_LINE_WORDS:
            continue
        kind = lexicon.kind_of(line.text)
        if kind is None:
            continue
        if kind is Kind.INTERRUPTS and any(_is_prose(later.text) for later in lines[i + 1 :]):
            continue
        return Span(line.span.start, end, text[line.span.start : end])
    return None


def _is_prose(line: str) -> bool:
    """Tell whether a line is a paragraph of prose: longer than a prompt, ending a sentence."""
    return len(line.split()) > MAX_LINE_WORDS and ends_sentence(line)


def _ends_at_word(text: str, end: int) -> bool:
    # "read more" matches "Read more: ..." but not "Read moreover"; a phrase ending in
    # punctuation ("tags:", "©") needs no boundary.
    return end >= len(text) or not text[end - 1].isalpha() or not text[end].isalpha()


def _phrases(section: Mapping[str, Any], key: str, kind: Kind) -> list[str]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(
            f"{LEXICON_FILE}: '{kind.value}.{key}' must be a list of non-empty strings."
        )
    # Prefixes keep a trailing space ("(c) "): it is part of what must follow.
    return [" ".join(v.casefold().split()) + (" " if v.endswith(" ") else "") for v in value]


def _kinds() -> str:
    return " and ".join(f"'{kind.value}'" for kind in Kind)
