"""Datelines at a paragraph's start: "Paris, September 4, 2025 —", "KYIV, Ukraine (AP) —"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Span
from .dates import WRITTEN_DATE, date_from_match
from .lines import OPENING_QUOTES, sub_span

# A word of a place name: "Kyiv", "St.", "Port-au-Prince", "N’Djamena"; two places of a
# joint dateline are one word: "DOHA/GAZA".
_WORD = r"[^\W\d_][\w'’.&-]*(?:/[^\W\d_][\w'’.&-]*)?"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
DATELINE_RE = re.compile(
    rf"(?P<place>{_NAME})"
    # a region or country after the city: "KYIV, Ukraine", "Geneva, Switzerland"
    rf"(?P<regions>(?:,\s*{_NAME}){{0,2}}?)"
    # a date: "Paris, September 4, 2025", "WASHINGTON, March 3"
    rf"(?:,?\s+(?P<date>{WRITTEN_DATE}))?"
    # the agency: "(AP)", "(Reuters)"
    rf"(?:\s*\((?P<agency>[^()\n]{{1,40}})\))?"
    # the separator: an em or en dash, a spaced hyphen or double hyphen, or a colon
    rf"(?P<sep>\s*[—–]|\s+--?(?=\s)|:(?=\s))"
)
# A lowercase word inside a place name is a short particle: "Rio de Janeiro", "Dar es Salaam".
_MAX_PARTICLE = 3


@dataclass(frozen=True, slots=True)
class Dateline:
    """A recognised dateline: its span (the dash included), the place, and a full date if any."""

    span: Span
    place: str
    date: str | None


def find_dateline(line: Span) -> Dateline | None:
    """Give the dateline at the start of `line`, or None if the line does not open with one."""
    match = DATELINE_RE.match(line.text)
    if match is None:
        return None
    names = [match["place"], *(r for r in match["regions"].split(",") if r.strip())]
    if not all(_is_place_name(name.strip()) for name in names):
        return None
    # A dateline is followed by the first sentence; "Ukraine — for its part — insists" is
    # an aside that opens with a name, not a dateline.
    rest = line.text[match.end("sep") :].lstrip()
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in OPENING_QUOTES):
        return None
    place = match["place"]
    # A colon also ends ordinary lead-ins ("Update: ..."); accept it only in the wire
    # style where it ends a dateline: a place in capitals ("NEW DELHI:") or an agency.
    if match["sep"] == ":" and not (place.isupper() or match["agency"]):
        return None
    return Dateline(
        span=sub_span(line, 0, match.end("sep")),
        # Wire datelines shout the city ("KYIV"); the place is kept as a name is written.
        place=place.title() if place.isupper() else place,
        date=date_from_match(match) if match["date"] else None,
    )


def _is_place_name(name: str) -> bool:
    words = name.split()
    if not words or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(w[0].isupper() or (w.isalpha() and len(w) <= _MAX_PARTICLE) for w in words)
