"""Dates as articles write them ("September 4, 2025", "2025-09-04") -> ISO `YYYY-MM-DD`."""

from __future__ import annotations

import re
from datetime import date, datetime

# English month names and their newsroom abbreviations ("Sept.", "Aug"). Spelled out here
# rather than taken from `calendar.month_name`, which follows the process locale and would
# make reading depend on the machine.
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"

# A written date: "September 4, 2025", "Sept. 4", "4 September 2025", "Thursday, Sept 4",
# or ISO "2025-09-04". Case-insensitive by its own inline flag, so that it can be embedded
# in other patterns: datelines are often in capitals ("SEPT. 4").
WRITTEN_DATE = (
    rf"(?i:(?:{WEEKDAY},?\s+)?"
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})))"
)
_WRITTEN_DATE_RE = re.compile(rf"{WRITTEN_DATE}$")
# ISO date at the start of an ISO timestamp: "2025-09-04T10:00:00Z", "2025-09-04 10:00".
_ISO_PREFIX_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\S*$)")


def date_from_match(match: re.Match[str]) -> str | None:
    """Give the ISO date a `WRITTEN_DATE` match names, or None if it has no year or no such day."""
    groups = match.groupdict()
    if groups.get("y3"):
        parts = (groups["y3"], groups["m3"], groups["d3"])
        return _iso(int(parts[0]), int(parts[1]), int(parts[2]))
    for n in ("1", "2"):
        month = groups.get(f"m{n}")
        if month:
            year = groups.get(f"y{n}")
            if not year:  # "March 3": a day without a year is not a full date
                return None
            return _iso(int(year), _MONTHS[month.rstrip(".").lower()], int(groups[f"d{n}"]))
    return None


def iso_date(value: object) -> str | None:
    """Give `value` (a `date`, a `datetime` or a written date) as `YYYY-MM-DD`, or None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    iso = _ISO_PREFIX_RE.match(text)
    if iso:
        return _iso(int(iso[1]), int(iso[2]), int(iso[3]))
    written = _WRITTEN_DATE_RE.match(text)
    return date_from_match(written) if written else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # "February 30": looks like a date, names no day
        return None
