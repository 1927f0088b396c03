"""Date recognition and parsing.

`find_dates` returns each date mention with what could be read of it: year, month and day, any
of which may be missing ("March 4" has no year; "10/2" is month and day). US month-first
order is assumed unless the first number cannot be a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .normalise import fold

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|'\d{2})"

# Each pattern names its groups y, m, d (m may be a month name). Order matters: longer forms
# first, since matched text is skipped by later patterns.
_PATTERNS = [
    # 2023-09-30, 2023/9/30, optional time.
    r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[tT ]\d{1,2}:\d{2}(?::\d{2})?)?\b",
    # 3/14/2024, 8.14.23, 6-3-2022.
    r"\b(?P<m>\d{1,2})(?P<sep>[-/.])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![-/.]\d)",
    # March 4th, 2023 / Mar. 4 / Nov 12th / March 4 '23.
    rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    # 5 March 2024 / 4th of July / 9 Jan.
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?",
    # Oct 2025 / January, 2019 / Jan '22.
    rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
    # 10/2, 12/17 (month/day without year), not followed by a dose word.
    r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})\b(?![/\d])(?!\s*(?:tabs?|pills?|caps?|cups?|mg|doses?|of\b))",
    # 3/2019 (month/year).
    r"\b(?P<m>\d{1,2})/(?P<y>\d{4})\b",
    # "the 15th" (a day of the month).
    r"(?<=\bthe )(?P<d>\d{1,2})(?:st|nd|rd|th)\b",
]
# Matched against fold(text), lowercase with the same offsets: faster than IGNORECASE.
_COMPILED = [re.compile(p) for p in _PATTERNS]

# Full month names alone ("in January"). May and March are also verbs, so alone they count
# only capitalised and after a preposition.
_MONTH_ALONE = re.compile(
    r"\b(?:January|February|April|June|July|August|September|October|November|December"
    r"|(?:(?<=in )|(?<=by )|(?<=of )|(?<=since )|(?<=until )|(?<=early )|(?<=late ))"
    r"(?:May|March))\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


def _month_number(raw: str) -> int | None:
    if raw.isdigit():
        value = int(raw)
        return value if 1 <= value <= 12 else None
    return _MONTHS.get(raw.lower()[:3])


def _year_number(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.lstrip("'")
    value = int(raw)
    if len(raw) == 2:
        # Two-digit years: 00-39 read as 20xx, the rest as 19xx (dates of birth of adults).
        value += 2000 if value < 40 else 1900
    return value


def _read(match: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    groups = match.groupdict()
    month_raw, day_raw = groups.get("m"), groups.get("d")
    month = _month_number(month_raw) if month_raw else None
    day = int(day_raw) if day_raw else None
    if month_raw and month is None and day is not None and month_raw.isdigit():
        # 25/12/2023: day first.
        month, day = _month_number(day_raw or ""), int(month_raw)
    if month_raw and month is None:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    year = _year_number(groups.get("y"))
    return year, month, day


def find_dates(text: str) -> list[DateMention]:
    """Every date mention, non-overlapping, in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    folded = fold(text)
    for pattern in _COMPILED:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if start and text[start - 1].isalnum():
                continue  # no leading \b in the patterns: it slows the regex engine down
            if any(s < end and start < e for s, e in taken):
                continue
            parsed = _read(match)
            if parsed is None:
                continue
            found.append(DateMention(start, end, *parsed))
            taken.append((start, end))
    for match in _MONTH_ALONE.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in taken):
            found.append(DateMention(start, end, None, _month_number(match.group()), None))
    found.sort(key=lambda m: m.start)
    return found


def parse_date(value: date | str) -> date | None:
    """Read a full date from a `date` or a string in any format `find_dates` knows."""
    if isinstance(value, date):
        return value
    for mention in find_dates(value):
        if mention.year and mention.month and mention.day:
            try:
                return date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None
