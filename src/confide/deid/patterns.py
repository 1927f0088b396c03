"""Pattern recognisers: phones, emails, URLs, IPs, ids with check digits, addresses, ages, dates.

Check digits decide the *kind* of a number, never whether it is redacted: a ten-digit number
that passes the NPI check is an ID, one that fails is still redacted as a phone; an SSN-shaped
number that breaks the SSA's rules is still an ID. A missed identifier is a breach.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .dates import find_dates
from .lexicon import STATE_ABBREVIATIONS
from .normalise import fold
from .spans import Span

_FLAGS = re.IGNORECASE  # for patterns matched on short strings
# Patterns marked "folded" are matched against fold(text): lowercase, same offsets. Matching
# lowercase text without IGNORECASE lets the regex engine skip ahead by first character,
# several times faster than IGNORECASE.

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|io|us|info|me|co|ly|app|biz)"
    r"\b(?:/[^\s<>\"')\]]*)?",
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE = re.compile(
    r"(?:ig|insta|instagram|snap|snapchat|fb|facebook|tiktok|twitter|handle|username"
    r"|screen ?name|gamertag)\b(?:\s+(?:is|name))?\s*[:=-]?\s*"
    r"(?P<h>[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])",
)
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6 = re.compile(
    r"\b(?:[0-9A-Fa-f]{1,4}:){4,7}[0-9A-Fa-f]{1,4}\b|\b[0-9A-Fa-f]{1,4}::[0-9A-Fa-f:]+"
)

PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?"
    r"|\+\d{1,3}[\s.-]?\d[\d\s.-]{6,14}\d"
    r"|(?<![\d-])\d{3}[-.]\d{4}(?![\d-])",
)
SSN = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
SSN_CUE = re.compile(r"(?:ssn|ss#|social(?: security)?(?: number| no\.?| #)?)\W{0,4}(\d{9})\b")
CARD = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
DIGIT_GROUPS = re.compile(r"(?<![\w-])[A-Za-z]{0,3}-?\d{2,}(?:[ -]\d{2,}){1,4}(?![\w-])")
CHUNK = re.compile(r"(?<![\w@./-])[A-Za-z0-9#][A-Za-z0-9-]*\d[A-Za-z0-9-]*")
UNIT_NUMBER = re.compile(
    r"^\d+(?:\.\d+)?(?:mg|ml|mcg|g|kg|lbs?|oz|pm|am|hrs?|mins?|th|st|nd|rd|s|x|k|yo|yrs?|"
    r"wks?|mos?|days?|d|h|m|cc|u|iu|mmhg|bpm|f|c|%)$",
    _FLAGS,
)
ID_CUE = re.compile(
    r"(?:ssn|social security|medicaid|medicare|member|mbr|subscriber|policy|mrn|record|chart"
    r"|case|claim|license|licence|lic|dl|id|acct|account|bed|badge|inmate|booking|docket"
    r"|permit|plate|vin|passport|npi|dea|ein|tin|itin|card)\b[^\S\n]*(?:#|no\.?|num(?:ber)?)?"
    r"[^\S\n]*[:#]?[^\S\n]*(?:is[^\S\n]+)?"
    r"(?P<id>[A-Za-z]{0,4}-?\d[\w-]*(?:[ -]\d[\w-]*){0,3})",
)
LAST_DIGITS = re.compile(
    r"(?:ends? in|ending in|last (?:4|four|5|five)(?: digits)?(?: of [\w ]{2,25}?)?(?: is| are)?)"
    r"[^\S\n]*[:#]?[^\S\n]*(?P<id>\d{3,5})\b",
)

_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|way"
    r"|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|route|rte|trail|trl|square|sq|loop|pike"
    r"|alley|row|crescent|expressway|expy|turnpike)\.?"
)
_UNIT = (
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|lot|rm|room|fl|floor|#)\.?\s*#?\s*"
    r"[A-Za-z0-9-]{1,6}\b)?"
)
ADDRESS_NUMBERED = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?(?:-\d+)?\s+(?:(?:[nsew]\.?|north|south|east|west)\s+)?"
    rf"(?P<name>(?:[A-Za-z0-9'.-]+\s+){{0,3}}?[A-Za-z0-9'-]+)\s+{_STREET_SUFFIX}(?![a-z]){_UNIT}",
)
# A numbered address whose suffix was left out, when followed by a city ("88 Lark, Albany").
ADDRESS_NAMED = re.compile(
    r"\b(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:[A-Z][a-z'-]+|\d{1,3}(?:st|nd|rd|th))"
    r"(?:\s+[A-Z][a-z'-]+){0,2}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
    r"|Court|Ct|Place|Pl|Way|Terrace|Circle|Parkway|Pkwy|Highway|Hwy|Pike|Trail|Drive"
    r"|Dr(?!\.?\s+[A-Z]))\b\.?" + _UNIT
)
ADDRESS_CUE = re.compile(
    r"(?:on|off|at|near|to|from|of|corner of)\s+(?P<a>(?:[a-z0-9]+\s+){1,2}"
    r"(?:st|ave|rd|blvd|street|avenue|road|lane|ln|drive|pike|pkwy|hwy)\b\.?)",
)
ROUTE = re.compile(
    r"(?:Route|Rte|Rt|Hwy|Highway|SR|State Route|County Road|CR|US|I)[ -]?\d{1,4}\b"
    r"|(?:us|sr|i|rt|rte|route|hwy)-\d{1,4}\b",
)
PO_BOX = re.compile(r"p\.?\s*o\.?\s*box\s+\d+\b")
APARTMENT = re.compile(r"(?:apt|apartment|unit|suite|ste)\.?\s*#?\s*\d[A-Za-z0-9-]{0,5}\b")
_STATE_ALT = "|".join(sorted(STATE_ABBREVIATIONS))
ZIP = re.compile(r"(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])")
# Before a ZIP code: a state abbreviation ("OH 43604", "Toledo, OH, 43604") or "zip".
ZIP_BEFORE = re.compile(r"(?:\b([A-Z]{2})\.?,?|\bzip(?: code)?\s*[:#]?)\s*$", _FLAGS)
_NOT_AFTER_NUMBER = (
    r"(?!\s*(?:mg|mcg|ml|pills?|tabs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?"
    r"|minutes?|mins?|times|x\b|%|percent|dollars|bucks|cents|am\b|pm\b|o'clock|/|:|\.\d|,\d))"
)
AGE = re.compile(
    r"(?i:(?P<a>\d{1,3})\s*-?\s*(?:yo|y/o|y\.o\.?|yoa|yr-old|yrs?\.? old|years?[- ]old"
    r"|year old|years of age)(?![a-z]))"
    r"|(?P<e>\d{2,3})\s?(?:M|F)\b(?=\s|,|$)"
)
AGE_CUE = re.compile(
    r"(?:age|aged|ages|age:)\s*(?P<b>\d{1,3})\b"
    r"|(?:turned|turns|turning|will be|is now)\s+(?P<c>\d{1,3})\b" + _NOT_AFTER_NUMBER + "|"
    r"(?:he|she|they|client|pt|patient|who|mom|dad)\s+(?:is|was|'s)\s+(?P<d>\d{1,3})\b"
    + _NOT_AFTER_NUMBER,
)
# "Héctor Ramírez, 34, reports": a number between commas right after a name.
AGE_AFTER_NAME = re.compile(r", (?P<f>\d{1,3})(?=,)")
AGE_CASE_SENSITIVE_PARENS = re.compile(r"(?<=[A-Za-z]) ?\((?P<a>\d{1,3})\)")
AGE_DECADE = re.compile(r"\b(?P<a>(?:9|1[01])\d)'?s\b")


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by card numbers and NPIs."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        value = int(ch)
        if i % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def npi_ok(digits: str) -> bool:
    """An NPI is ten digits starting 1 or 2 whose Luhn check includes the 80840 prefix."""
    return len(digits) == 10 and digits[0] in "12" and luhn_ok("80840" + digits)


def ssn_ok(area: str, group: str, serial: str) -> bool:
    """SSA rules: no area 000, 666 or 900-999; no group 00; no serial 0000."""
    a = int(area)
    return a != 0 and a != 666 and a < 900 and group != "00" and serial != "0000"


def find_patterns(text: str) -> list[Span]:
    """All pattern matches. They may overlap; `merge` unites them."""
    spans: list[Span] = []
    add = spans.append
    folded = fold(text)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def claim(start: int, end: int, label: str, detail: str = "") -> None:
        add(Span(start, end, label, "pattern", detail))
        taken.append((start, end))

    for m in EMAIL.finditer(text):
        claim(m.start(), m.end(), "EMAIL")
    for m in URL.finditer(folded):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        if free(m.start(), end):
            claim(m.start(), end, "URL")
    for m in HANDLE.finditer(text):
        if free(m.start(), m.end()):
            claim(m.start(), m.end(), "URL", "handle")
    for m in _bounded(HANDLE_CUE, folded):
        h = m.group("h")
        if free(*m.span("h")) and (not h.isalpha() or not h.islower() or len(h) > 3):
            claim(*m.span("h"), "URL", "handle")
    for m in IPV4.finditer(text):
        if free(m.start(), m.end()):
            claim(m.start(), m.end(), "IP")
    for m in IPV6.finditer(text):
        looks_v6 = any(c.isalpha() for c in m.group()) or "::" in m.group()
        if looks_v6 and free(m.start(), m.end()):
            claim(m.start(), m.end(), "IP")
    for m in SSN.finditer(text):
        if free(m.start(), m.end()):
            claim(m.start(), m.end(), "ID", "ssn" if ssn_ok(*m.groups()) else "ssn-shaped")
    for m in _bounded(SSN_CUE, folded):
        if free(*m.span(1)):
            claim(*m.span(1), "ID", "ssn")
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if free(m.start(), m.end()) and luhn_ok(digits):
            claim(m.start(), m.end(), "ID", "card")
    for m in PHONE.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 10 and digits == m.group() and npi_ok(digits):
            claim(m.start(), m.end(), "ID", "npi")
        else:
            claim(m.start(), m.end(), "PHONE")
    for d in find_dates(text):
        if free(d.start, d.end):
            claim(d.start, d.end, "DATE")
    for regex in (PO_BOX, ADDRESS_NUMBERED):
        for m in _bounded(regex, folded):
            if free(m.start(), m.end()) and _plausible_street(m):
                claim(m.start(), m.end(), "ADDRESS")
    for regex, source in ((ADDRESS_NAMED, text), (ROUTE, text), (APARTMENT, folded)):
        for m in _bounded(regex, source):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "ADDRESS")
    for m in _bounded(ADDRESS_CUE, text):
        if free(*m.span("a")):
            claim(*m.span("a"), "ADDRESS")
    for m in ZIP.finditer(text):
        cue = ZIP_BEFORE.search(text, max(0, m.start() - 12), m.start())
        state_ok = cue is not None and (cue.group(1) is None or cue.group(1) in STATE_ABBREVIATIONS)
        if state_ok and free(m.start(), m.end()):
            claim(m.start(), m.end(), "ZIP")
    _find_ages(text, free, claim)
    for regex in (ID_CUE, LAST_DIGITS):
        for m in _bounded(regex, folded):
            start, end = m.span("id")
            while end > start and text[end - 1] in "-.":
                end -= 1
            if free(start, end):
                claim(start, end, "ID")
    for regex in (DIGIT_GROUPS, CHUNK):
        for m in _bounded(regex, text):
            if free(m.start(), m.end()) and _looks_like_id(m.group()):
                claim(m.start(), m.end(), "ID")
    return spans


_STREET_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "with",
        "to",
        "of",
        "for",
        "at",
        "on",
        "in",
        "by",
        "from",
        "is",
        "was",
        "my",
        "his",
        "her",
        "their",
        "times",
        "pills",
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "people",
        "kids",
        "more",
        "than",
        "about",
        "yo",
        "y/o",
        "male",
        "female",
    ]
)


def _plausible_street(m: re.Match[str]) -> bool:
    name = m.groupdict().get("name")
    if not name:
        return True
    return not any(w.lower() in _STREET_STOP for w in name.split())


def _find_ages(
    text: str, free: Callable[[int, int], bool], claim: Callable[[int, int, str], None]
) -> None:
    matches = list(_bounded(AGE, text)) + list(_bounded(AGE_CUE, fold(text)))
    matches += [m for m in AGE_AFTER_NAME.finditer(text) if text[m.start() - 1].isalpha()]
    matches += list(AGE_CASE_SENSITIVE_PARENS.finditer(text))
    matches += [m for m in AGE_DECADE.finditer(text) if int(m.group("a")) >= 90]
    for m in matches:
        for group, value in m.groupdict().items():
            if value is None:
                continue
            start, end = m.span(group)
            if 0 < int(value) <= 125 and free(start, end):
                claim(start, end, "AGE")


def _bounded(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that start at a word boundary.

    The word-cued patterns leave out a leading \\b on purpose: it stops the regex engine
    from skipping ahead to a possible first character, which makes them several times slower.
    """
    return (m for m in regex.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum())


def _looks_like_id(chunk: str) -> bool:
    """Numbers long enough to identify someone, and codes mixing letters and digits."""
    digits = sum(c.isdigit() for c in chunk)
    if UNIT_NUMBER.match(chunk):
        return False
    if digits >= 5:
        return True
    letters = sum(c.isalpha() for c in chunk)
    return letters > 0 and digits >= 2 and len(chunk) >= 5
