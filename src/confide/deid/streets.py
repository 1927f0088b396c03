"""Streets and roads named without a house number or a capitalised street suffix.

Notes name roads the way people say them: "took 35W", "off i-71", "out on route 9", "under
the 4th street bridge", "at central and san mateo". `find_streets` finds:

- routes and interstates in any case ("route 9", "i-35w", "county road 12");
- a highway number with a compass letter after a travel word ("took 35W", "off 94E");
- numbered streets ("4th street", "the 23rd ave bridge");
- intersections after "at", "on", "near", "by", "off" or "corner of": two short names joined by
  "and", "&" or "/", at least one of them not an ordinary word ("central and san mateo",
  "5th & Main"), or two common street names ("at park and main", "corner of elm and oak");
  two other ordinary or generic words ("at home and work") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (
    NON_IDENTIFYING,
    ORG_SUFFIXES,
    RELATIONS,
    STORES,
    STREET_SUFFIXES,
    is_common,
    words,
)
from .places import CHAIN_STOPS, GENERIC

# Matched against fold(text) at the start of a cue word.
ROUTE_WORDS = re.compile(
    r"(?:route|rte|rt|hwy|highway|interstate|state route|state road|county road|county rd"
    r"|farm to market|fm)[ -]?#?\d{1,4}[nsew]?(?![\w-])"
    r"|(?:i|us|sr|cr)-\d{1,4}[nsew]?(?![\w-])"
)
# "took 35W": a highway number and a capital compass letter after a travel word (text).
HIGHWAY_AFTER_TRAVEL = re.compile(
    r"(?i:on|off|onto|take|took|taking|via|exit|up|down)\s+(?P<a>\d{1,3}[NSEW])(?![\w-])"
)
# "4th street", "the 23rd ave bridge" (folded).
NUMBERED_STREET = re.compile(
    r"\d{1,3}(?:st|nd|rd|th)\s+(?:street|st|avenue|ave|av)\b\.?"
    r"(?:\s+(?:bridge|overpass|underpass|viaduct|tunnel|ramp|exit|station))?"
)
_WORD = r"[A-Za-z0-9][A-Za-z0-9'.]*"
# "at central and san mateo", "corner of 5th & Main" (text).
INTERSECTION = re.compile(
    rf"(?i:at|on|near|by|off|corner of|corners of|intersection of)\s+"
    rf"(?P<a>{_WORD}(?:\s+{_WORD})?)\s*(?:\s(?:and|n)\s|&|/|\+)\s*(?P<b>{_WORD}(?:\s+{_WORD})?)"
)
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)$")
_JOINER = re.compile(r"\s(?:and|n)\s|[&/+]")
# Words that are never part of a street's name here (two organisations joined by "and" are
# not an intersection); generic words that often are ("Main", "High", "State") are let through.
_ORGS = ORG_SUFFIXES | STORES
_NOT_PART = (
    CHAIN_STOPS
    | RELATIONS
    | NON_IDENTIFYING
    | _ORGS
    | (GENERIC - {"main", "high", "state", "park", "church", "court", "center", "market", "city"})
) - {"washington"}


_COMPASS = frozenset(["n", "s", "e", "w", "north", "south", "east", "west"])
# Words whose full stop abbreviates them and ends no sentence: "N. Main", "St. Clair".
_ABBREVIATIONS = _COMPASS | STREET_SUFFIXES | {"st", "mt", "ft"}
# Ordinary words that are among the commonest American street names: two of them joined by
# "and" are an intersection ("at park and main", "by elm & oak").
STREET_NAMES = words(
    """main elm oak pine maple cedar walnut chestnut spruce birch willow ash hickory poplar
    sycamore magnolia cherry park church market broad high center centre mill lake hill
    spring river lincoln washington jefferson franklin madison grand state water front union
    college university first second third fourth fifth sixth seventh eighth ninth tenth
    forest ridge sunset highland meadow prospect pleasant liberty jackson adams monroe
    lafayette commerce railroad depot division canal locust vine laurel dogwood juniper
    garfield grant wilson kennedy king clinton polk cherokee mission"""
)


def find_streets(
    text: str,
    folded: str,
    cue_starts: Iterable[int],
    travel_starts: Iterable[int],
    short_numbers: Iterable[int] = (),
) -> list[tuple[int, int]]:
    """(start, end) of roads and intersections. ``cue_starts`` are where route words start
    ("route", "i", "county"); ``travel_starts`` where travel and place prepositions start;
    ``short_numbers`` where numbers of up to three digits start (numbered streets)."""
    found: list[tuple[int, int]] = []
    has_digit = any(c in folded for c in "0123456789")
    for start in cue_starts:
        m = ROUTE_WORDS.match(folded, start)
        if m is not None:
            found.append(m.span())
    for start in travel_starts:
        if has_digit:
            m = HIGHWAY_AFTER_TRAVEL.match(text, start)
            if m is not None:
                found.append(m.span("a"))
        # An intersection joins two names with "and", "&", "/" or "+" within a few words.
        m = INTERSECTION.match(text, start) if _JOINER.search(text, start, start + 40) else None
        if m is not None:
            span = _intersection(text, m)
            if span is not None:
                found.append(span)
    for start in short_numbers:
        m = NUMBERED_STREET.match(folded, start)
        if m is not None:
            found.append(m.span())
    return found


def _intersection(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    first = _street_words(m.group("a"), from_end=True)
    second = _street_words(m.group("b"), from_end=False)
    if not first or not second:
        return None
    if not any(_distinctive(w) for w in first + second) and not (
        first[-1].lower().rstrip(".") in STREET_NAMES
        and second[0].lower().rstrip(".") in STREET_NAMES
    ):
        return None
    start = m.end("a") - len(" ".join(first))
    end = m.start("b") + len(" ".join(second))
    if " ".join(first) != text[start : m.end("a")] or " ".join(second) != text[m.start("b") : end]:
        return None  # spacing other than single spaces: keep it simple, leave it alone
    return start, end


def _street_words(phrase: str, *, from_end: bool) -> list[str]:
    """The words of one side of an intersection that can name a street: a second word that is
    an ordinary word (and not a suffix) is dropped ("main today" -> "main")."""
    words = phrase.rstrip(".").split()
    if any(w.lower() in _ORGS for w in words):
        return []
    if len(words) == 2 and words[0].endswith(".") and words[0][:-1].lower() not in _ABBREVIATIONS:
        # A full stop between the words ends a sentence: "by 149th and 3rd. Hwy 160 …".
        words = [words[0][:-1]] if not from_end else words[1:]
    if len(words) == 2:
        extra = words[0] if from_end else words[1]
        low = extra.lower()
        if (
            low in _NOT_PART or (is_common(low) and low not in STREET_SUFFIXES)
        ) and low not in _COMPASS:
            words = words[1:] if from_end else words[:1]
    if any(w.lower().rstrip(".") in _NOT_PART for w in words):
        return []
    return words


def _distinctive(word: str) -> bool:
    """A word that can name a street on its own: an ordinal ("5th"), a word that is not an
    ordinary one, or a capitalised word."""
    low = word.lower().rstrip(".")
    if _ORDINAL.match(low):
        return True
    if not low.isalpha() or low in NON_IDENTIFYING:
        return False
    return not is_common(low) or word[0].isupper()
