"""Generalisation of dates and ages (HIPAA Safe Harbor keeps years and ages up to 89)."""

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
