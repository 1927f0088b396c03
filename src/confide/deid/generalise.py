"""Generalisation of dates, ages, ZIP codes and places.

HIPAA Safe Harbor keeps years, ages up to 89, the first three digits of a ZIP code whose area
holds more than 20,000 people, and nothing smaller than a state.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .dates import find_dates


@lru_cache(maxsize=4096)  # pure, and notes repeat their dates
def generalise_date(surface: str, session_date: date | None = None, *, is_dob: bool = False) -> str:
    """Replace a date mention by its year, or by its distance from the session date.

    With a session date, dates within two years are told relative to it ("3 days before the
    session"); further ones, dates of birth, and dates without a session give the year alone
    when it is known, else "[Date]". Never returns the month or day.
    """
    mentions = find_dates(surface)
    if not mentions:
        return "[Date]"
    m = mentions[0]
    year = m.year
    if year is None and session_date is not None and m.month is not None:
        # No year written: take the year that puts the date nearest the session.
        year = min(
            (session_date.year - 1, session_date.year, session_date.year + 1),
            key=lambda y: abs((date(y, m.month or 1, min(m.day or 15, 28)) - session_date).days),
        )
    if is_dob or session_date is None or year is None or m.month is None or m.day is None:
        return str(m.year) if m.year is not None else "[Date]"
    try:
        when = date(year, m.month, m.day)
    except ValueError:
        return str(year)
    return _relative((when - session_date).days, when.year)


def _relative(delta: int, year: int) -> str:
    side = "before" if delta < 0 else "after"
    days = abs(delta)
    if days == 0:
        return "the session day"
    if days > 730:
        return str(year)
    if days < 14:
        unit, count = "day", days
    elif days < 60:
        unit, count = "week", round(days / 7)
    else:
        unit, count = "month", round(days / 30.44)
    about = "" if unit == "day" else "about "
    plural = "" if count == 1 else "s"
    return f"{about}{count} {unit}{plural} {side} the session"


_NUMBER = re.compile(r"\d+")


def generalise_age(surface: str) -> str:
    """Ages over 89 become "90 or older"; younger ages are allowed and kept as written."""
    m = _NUMBER.search(surface)
    if m and int(m.group()) > 89:
        return "90 or older"
    return surface


# The 17 three-digit ZIP areas of 20,000 people or fewer in Census 2000, as OCR's 2012
# de-identification guidance lists them: their prefix must become 000.
_SMALL_ZIP_AREAS = frozenset(
    [
        "036",
        "059",
        "063",
        "102",
        "203",
        "556",
        "692",
        "790",
        "821",
        "823",
        "830",
        "831",
        "878",
        "879",
        "884",
        "890",
        "893",
    ]
)
_ZIP_DIGITS = re.compile(r"\d{5}")


def generalise_zip(surface: str) -> str:
    """A ZIP code reduced to its three-digit area ("43604" -> "436xx")."""
    m = _ZIP_DIGITS.search(surface)
    if m is None:
        return "[ZIP]"
    area = m.group()[:3]
    return f"{'000' if area in _SMALL_ZIP_AREAS else area}xx"


# A state named right after a place ("Toledo, OH", "in Gary, Indiana"): the text already
# gives the region, so the placeholder need not repeat it. Abbreviations count in capitals
# only ("in", "me" and "or" are words).
_STATE_FOLLOWS = re.compile(
    r",?\s*(?:A[LKZR]|C[AOT]|DE|DC|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA"
    r"|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)\b"
    r"|,?\s*(?i:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware"
    r"|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine"
    r"|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada"
    r"|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma"
    r"|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah"
    r"|vermont|virginia|washington|west virginia|wisconsin|wyoming|puerto rico)\b"
)


def state_follows(text: str, end: int) -> bool:
    """Whether a state is named right after the place that ends at ``end``."""
    return _STATE_FOLLOWS.match(text, end) is not None
