"""Pattern recognisers: phones, emails, URLs, IPs, ids with check digits, addresses, ages, dates.

Check digits decide the *kind* of a number, never whether it is redacted: a ten-digit number
that passes the NPI check is an ID, one that fails is still redacted as a phone; an SSN-shaped
number that breaks the SSA's rules is still an ID. A missed identifier is a breach.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, pairwise

from .contacts import DIGIT_WORDS, find_payment_handles, find_spelled_contacts
from .dates import MONTHS_AND_WEEKDAYS, DateMention, find_dates
from .lexicon import NON_IDENTIFYING, RELATIONS, STATE_ABBREVIATIONS, is_common, words
from .normalise import fold
from .numbers import (
    chunks,
    digit_groups,
    looks_like_id,
    luhn_ok,
    npi_ok,
    number_starts,
    ssn_ok,
)
from .scan import matches_at, positions
from .spans import Span
from .streets import STREET_NAMES, find_streets
from .tokens import Token, cue_bit

_FLAGS = re.IGNORECASE  # for patterns matched on short strings
# Patterns marked "folded" are matched against fold(text): lowercase, same offsets. Matching
# lowercase text without IGNORECASE lets the regex engine skip ahead by first character,
# several times faster than IGNORECASE.

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|io|us|info|me|co|ly|app|biz"
    r"|ca|uk|au|nz|ie)"
    r"\b(?:/[^\s<>\"')\]]*)?",
)
# A user name: letters, an underscore and digits ("kayingv_08"), wherever it stands (text).
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*\d[A-Za-z0-9_]*")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE = re.compile(
    r"(?:ig|insta|instagram|snap|snapchat|fb|facebook|tiktok|twitter|handle|username"
    r"|screen ?name|gamertag)\b(?:\s+(?:is|name))?\s*[:=-]?\s*"
    r"(?P<h>[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])",
)
# What every IPv6 address holds: a quick test before IPV6.
_HEX_COLONS = re.compile(r"[0-9A-Fa-f]:[0-9A-Fa-f]*:")
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}\b")
IPV6 = re.compile(
    r"\b(?:[0-9A-Fa-f]{1,4}:){4,7}[0-9A-Fa-f]{1,4}\b|\b[0-9A-Fa-f]{1,4}::[0-9A-Fa-f:]+"
)

PHONE = re.compile(
    r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s./-]?\d{3}[\s.-]?\d{4}(?!\d)"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?"
    r"|\+\d{1,3}(?:[ .-]?\d){7,15}(?!\d)"
    r"|(?<![\d-])\d{3}[-.]\d{4}(?![\d-])",
)
# Pagers and extensions: "pager 3392", "pgr 4-1123", "ext 4418", "x5512" (folded).
PAGER = re.compile(
    r"(?:(?:pager|pgr|beeper)\.?[^\S\n]*(?:#|no\.?)?[^\S\n]*:?[^\S\n]*"
    r"|x)(?P<p>\d(?:-?\d){2,6})(?![\d/:.])(?!\s*(?:mg|mcg|ml|units?|tabs?|doses?)\b)"
    # An extension may be one digit: "555-0190 ext 3".
    r"|(?:ext|extension)\.?[^\S\n]*(?:#|no\.?)?[^\S\n]*:?[^\S\n]*(?P<e>\d{1,6})(?![\d/:.])"
)
# Postcodes of the UK ("LS7 3HB") and Canada ("M5V 2T6"), in capitals (text).
POSTCODE = re.compile(r"(?:[A-Z]{1,2}\d[A-Z\d]?[^\S\n]?\d[A-Z]{2}|[A-Z]\d[A-Z] \d[A-Z]\d)\b")
# A Canadian postal code in any case (folded): its letter-digit-letter shape is rare enough
# in lowercase text; the first letter is one Canada Post uses.
CANADIAN_POSTCODE = re.compile(r"[abceghj-nprstvxy]\d[a-z][ -]?\d[a-z]\d\b")
# A ZIP code dictated in words after its cue (folded): "zip code is nine seven four zero one".
_DIGIT_WORD = "(?:" + "|".join(sorted(DIGIT_WORDS)) + ")"
SPELLED_ZIP = re.compile(
    r"(?:zip(?:[ -]?code)?|postal code)(?: is)?[ :,]+"
    rf"(?P<z>(?:{_DIGIT_WORD}[ -]){{4}}{_DIGIT_WORD})\b"
)
SSN = re.compile(r"(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
SSN_CUE = re.compile(r"(?:ssn|ss#|social(?: security)?(?: number| no\.?| #)?)\W{0,4}(\d{9})\b")
CARD = re.compile(r"\d(?:[ -]?\d){12,18}(?!\d)")
ID_CUE = re.compile(
    r"(?:ssn|social security|medicaid|medicare|member|mbr|subscriber|policy|mrn|record|chart"
    r"|case|claim|license|licence|lic|dl|id|acct|account|bed|badge|inmate|booking|docket"
    r"|permit|plate|vin|passport|npi|dea|ein|tin|itin|card)\b[^\S\n]*(?:#|no\.?|num(?:ber)?)?"
    r"[^\S\n]*[:#]?[^\S\n]*(?:is[^\S\n]+)?"
    r"(?P<id>[A-Za-z]{0,4}[-.]?\d[\w-]*(?:[ -]\d[\w-]*){0,3})",
)
LAST_DIGITS = re.compile(
    r"(?:ends? in|ending in|last ?(?:4|four|5|five)(?: digits)?(?: of [\w ]{2,25}?)?(?: is| are)?)"
    r"[^\S\n]*[:#]?[^\S\n]*(?P<id>\d{3,5})\b",
)

_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|way"
    r"|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|route|rte|trail|trl|square|sq|loop|pike"
    r"|alley|row|crescent|expressway|expy|turnpike|plaza|hollow|ridge|crossing|landing"
    r"|commons|glen|mews|terr|grove|gardens|vale)\.?"
)
# A quadrant or direction after the street ("Columbia Rd NW", "Cedar Ave S").
_QUADRANT = (
    r"(?:\s+(?:nw|ne|sw|se|n\.w\.|n\.e\.|s\.w\.|s\.e\.|[nsew]\.?|north|south|east|west)(?!\w))?"
)
_UNIT = (
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|lot|rm|room|fl|floor|building|bldg|#)\.?\s*#?\s*"
    r"[A-Za-z0-9-]{1,6}\b|,?\s*\d{1,2}(?:st|nd|rd|th)\s+(?:floor|fl)\b\.?){0,2}"
)
ADDRESS_NUMBERED = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?(?:-\d+|\s\d/\d)?\s+(?:(?:[nsew]\.?|ne|nw|se|sw|north|south|east|west)\s+)?"
    rf"(?P<name>(?:[A-Za-z0-9'.-]+\s+){{0,3}}?[A-Za-z0-9'-]+)\s+{_STREET_SUFFIX}(?![a-z])"
    rf"{_QUADRANT}{_UNIT}",
)
# A numbered address whose suffix was left out, when followed by a city ("88 Lark, Albany").
ADDRESS_NAMED = re.compile(
    r"\b(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:[A-Z][a-z'-]+|\d{1,3}(?:st|nd|rd|th)"
    r"|[A-Z](?=\s+(?:St|Street)\s+(?:NW|NE|SW|SE)\b))"
    r"(?:\s+[A-Z][a-z'-]+){0,2}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
    r"|Court|Ct|Place|Pl|Way|Terrace|Circle|Parkway|Pkwy|Highway|Hwy|Pike|Trail|Drive"
    r"|Dr(?!\.?\s+[A-Z]))\b\.?(?:\s+(?:NW|NE|SW|SE)\b)?" + _UNIT
)
ADDRESS_CUE = re.compile(
    r"(?:on|off|at|near|to|from|of|corner of|up|down|along|across)\s+(?P<a>(?:[a-z0-9]+\s+){1,2}"
    r"(?:st|ave|rd|blvd|street|avenue|road|lane|ln|drive|pike|pkwy|hwy)\b\.?)",
)
ROUTE = re.compile(
    r"(?:Route|Rte|Rt|Hwy|Highway|SR|State Route|County Road|CR|US|I)[ -]?\d{1,4}\b"
    r"|(?:us|sr|i|rt|rte|route|hwy)-\d{1,4}\b",
)
# "the 1400 block of Elm", "900 W & 600 N" (a grid address), "2219 Broadway" (folded).
ADDRESS_BLOCK = re.compile(
    r"\d{1,5}\s+block\s+of\s+(?:[nsew]\.?\s+)?[a-z0-9][a-z0-9'.-]*(?:\s+"
    r"(?:st|ave|rd|blvd|street|avenue|road|lane|ln|drive|dr|way|ct|pl)\b\.?)?"
    r"|\d{2,5}\s?[nsew]\.?\s*(?:&|and)\s*\d{2,5}\s?[nsew]\b"
    r"|\d{1,6}\s+(?:[nsew]\.?\s+)?broadway\b"
)
# "P.S. 179", "I.S. 52", "MS 88": New York's numbered schools (text).
NUMBERED_SCHOOL = re.compile(r"(?:P\.S\.|I\.S\.|M\.S\.|J\.H\.S\.|PS|IS|MS|JHS)\s?\d{1,3}\b")
PO_BOX = re.compile(r"p\.?\s*o\.?\s*box\s+\d+\b")
# "418 Calle Naranjo", "220 Alameda Verde": streets named with the kind of street first.
ADDRESS_PREFIXED = re.compile(
    r"\d{1,6}\s+(?:Calle|Avenida|Ave\.|Camino|Paseo|Alameda|Via|Vía|Rua|Rue|Chemin|Boulevard)"
    r"\s+(?:(?:de|del|la|las|los|el|da|das|do|dos)\s+)*[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?"
)
# "3908 Wabash, its the green house": a house number and a street named without its suffix,
# closing a clause (text). The name must not be an ordinary word ("400 Main" is let through).
ADDRESS_BARE = re.compile(
    r"(?P<n>\d{3,5}) (?P<s>[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)(?=[,.;!?]|[^\S\n]*(?:\n|$))"
)
# "mile marker 448": a milepost, alone or on a named road.
MILE_MARKER = re.compile(r"(?i:mile\s*(?:post|marker)|mm)\s*#?\s*\d{1,4}(?:\.\d)?\b")
# "mile 14.5 Copper Trail Hwy": a milepost on a named road (text).
MILEPOST = re.compile(
    r"(?i:mile(?:post|\s+marker)?)\s+\d{1,3}(?:\.\d)?\s+(?:(?i:on|of)\s+)?(?:the\s+)?"
    r"(?:[A-Z][a-z]+\s+){1,3}(?:Hwy|Highway|Road|Rd|Route|Rte|Trail|Pike|Parkway|Loop)\b\.?"
)
# Rural addresses: "Rt. 1 Box 212", "RR 2 Box 41", "HC 64 Box 3B" (folded).
RURAL_ROUTE = re.compile(
    r"(?:rr|r\.r\.|rt\.?|rte\.?|route|hc|h\.c\.|star route)\s*#?\s*\d{1,4},?\s*box\s*\d+[a-z]?\b"
)
# "2nd Battalion, 44th Infantry": military units (text).
MILITARY_UNIT = re.compile(
    r"\d{1,3}(?:st|nd|rd|th)\s+(?:Battalion|Brigade|Regiment|Division|Infantry|Marines|Cavalry"
    r"|Squadron|Company|Platoon|Airborne|Armored|Fleet|Wing|Engineers|Artillery|Special Forces"
    r"|Signal|Aviation)\b"
)
APARTMENT = re.compile(r"(?:apt|apartment|unit|suite|ste|flat)\.?\s*#?\s*\d[A-Za-z0-9-]{0,5}\b")
_STATE_ALT = "|".join(sorted(STATE_ABBREVIATIONS))
ZIP = re.compile(r"\d{5}(?:-\d{4})?(?![\d-])")
# Before a ZIP code: a state abbreviation ("OH 43604", "Toledo, OH, 43604") or "zip".
ZIP_BEFORE = re.compile(r"(?:\b([A-Z]{2})\.?,?|\bzip(?: code)?\s*[:#]?)\s*$", _FLAGS)
_NOT_AFTER_NUMBER = (
    r"(?!\s*(?:mg|mcg|ml|pills?|tabs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?"
    r"|minutes?|mins?|times|x\b|%|percent|dollars|bucks|cents|am\b|pm\b|o'clock|/|:|\.\d|,\d"
    r"|ft\b|feet|foot|inch|inches|in\b))"
)
# Ages. AGE_WORDS runs on fold(text); the others on text.
AGE_WORDS = re.compile(
    r"(?P<a>\d{1,3})\s*-?\s*(?:yo|y/o|y\.o\.?|yoa|yr-old|yrs?\.? old|years?[- ]old"
    r"|year old|years of age|anos|ans)(?![a-z])"
)
_YOUNG_AGES = words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
# An age written in words, as dictated: "he is fifty two", "she's twenty-three", and a child's
# after a birthday word: "she's turning five" (folded text).
_NOT_AFTER_SPELLED_AGE = (
    r"(?!\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|dollars|bucks|percent|times"
    r"|pills|mg|miles|people|more|of|or|to|way|ways|off|out|around|into|over|back|up|down|at"
    r"|another|corners?))"
)
_TENS_IN_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
# Words a speaker puts between "he's" and the age: "he's uh fifty one", "since he was like
# twelve", "he's only nineteen".
_FILLER = r"(?:\s+(?:uh|um|like|about|almost|only|just|now|nearly))?"
# Subjects of "is" whose number is no one's age: "the total is twelve".
_NOT_AGE_SUBJECT = "".join(
    f"(?<!\\b{word} )"
    for word in sorted(  # sorted: the same pattern in every process
        words(
            "it that this there here what which total count number score rating pain time rent"
            " cost price"
        )
    )
)
AGE_SPELLED = re.compile(
    r"(?:(?:he|she|they|who|client|pt|patient)(?:\s+(?:is|was)|'s)|hes|shes|turned|turns|age"
    r"|aged|age is|(?:(?<='ll )|(?<=will )|(?<=would )|(?<=gonna )|(?<=gon ))be)"
    rf"{_FILLER}\s+(?P<w>{_TENS_IN_WORDS})(?![a-z-])"
    + _NOT_AFTER_SPELLED_AGE
    # "colin is fifty one and", "yadiel is eleven and", "who is four comma": after any
    # subject's "is", an age needs the clause to end, or a small word, right after it.
    + rf"|(?<=[a-z] ){_NOT_AGE_SUBJECT}is{_FILLER}\s+(?P<x>{_TENS_IN_WORDS}|"
    + "|".join(sorted(_YOUNG_AGES))
    + r")(?=\s*[.,;!?]|\s*$|\s+(?:and|but|now|period|comma|full stop|years?|yrs?|months?"
    + r"|today|so|with|btw)\b)"
    # "since he was like twelve", "when she was fifteen": the age at a time of life.
    + r"|(?:since|when|till|until)\s+(?:he|she|they|i|we)\s+(?:was|were|turned)"
    + rf"{_FILLER}\s+(?P<y>{_TENS_IN_WORDS}|"
    + "|".join(sorted(_YOUNG_AGES))
    + r")(?![a-z-])"
    # "fortysomething", "thirty-something".
    + r"|(?P<z>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)[- ]?something)\b"
    + r"|(?:(?:turned|turns|turning)|(?:son|daughter|kid|baby|boy|girl|child|grandson"
    + r"|granddaughter|brother|sister)(?:\s+(?:is|was)|'s))\s+(?P<v>"
    + "|".join(sorted(_YOUNG_AGES))
    + r")(?![a-z-])"
    + _NOT_AFTER_SPELLED_AGE
    # "six weeks old", "twenty-two years old": a number in words and how old.
    + r"|(?<![a-z-])(?P<o>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    + r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + "|".join(sorted(_YOUNG_AGES))
    + r"))[- ](?:years?|yrs?|months?|weeks?|days?)[- ]old\b"
)
# What may not follow a number that someone says of themselves ("I'm 5 min away", "im 2 blocks
# out", "I'm 1 of 3"), on top of `_NOT_AFTER_NUMBER`.
_NOT_AFTER_SELF = r"(?!\s*(?:of|blocks?|miles?|mi\b|ft|feet|k\b|lbs?|pounds|ppl|people|'|\"|-))"
AGE_CUE = re.compile(
    r"(?:age|aged|ages|age:)\s*(?P<b>\d{1,3})\b"
    r"|(?:turned|turns|turning|will be|is now|(?:he|she|they)(?:'|’)ll be|hes|shes)"
    r"\s+(?P<c>\d{1,3})\b" + _NOT_AFTER_NUMBER + "|"
    r"(?:he|she|they|client|pt|patient|who|mom|dad|son|daughter|kid|baby)"
    r"(?:\s+(?:is|was)|'s|’s)\s+(?P<d>\d{1,3})\b"
    + _NOT_AFTER_NUMBER
    # What people say in a text thread: "im 19 btw", "I'm 28, I'm not going home", "he only
    # 19", "ur only 19", "he gon be 41", "he would be 25".
    + r"|(?<![a-z'])(?:i'm|im|i am|ur|you're|youre|(?:he|she)(?=\s+(?:only|just|like|about)\b)"
    + r"|(?:he|she|they|i|u|you)(?:'ll|\s+will|\s+would|\s+gon|\s+gonna|'d)?\s+be)"
    + _FILLER
    + r"\s+(?P<e>\d{1,2})\b"
    + _NOT_AFTER_NUMBER
    + _NOT_AFTER_SELF
    # "Male ~40", "pregnant, ~24", "(M, ~45)", "Roland Figgis, approx 50s", "texter 34":
    # someone described, and an estimate of their age.
    + r"|(?:(?<![a-z0-9])(?:male|female|man|woman|guy|m|f|pregnant|texter|caller|vet|veteran)"
    + r"\s*,?\s*(?:(?:~|approx\.?|approximately|about|around|maybe)\s*)?|(?<=, )(?:approx\.?"
    + r"|approximately)\s*)(?P<t>\d{2})(?:'?s)?\b"
    + r"(?=[\s,;.)?]|$)"
    + _NOT_AFTER_NUMBER
    + _NOT_AFTER_SELF,
)
# "Héctor Ramírez, 34, reports" and "(client's neighbor, 78)": a number alone between commas or
# before a closing parenthesis, right after a word.
AGE_AFTER_COMMA = re.compile(r"(?P<f>\d{1,3})(?!,\d)(?=[,)]|\s+[A-Z][a-z]+:|[^\S\n]*\n)")
# "Yazan (9)", "Ngoc Anh (14, in 8th grade)": an age in brackets after a name.
AGE_IN_BRACKET = re.compile(
    r"(?P<l>\d{1,2}), |(?P<a>\d{1,3})(?:[^\S\n]?(?:mo|mos|months?|yo|y/o|yrs?|wks?|weeks?))?\)"
)
# "DOB 04/17/1991 (33)": the age in brackets after a date of birth.
DATE_BEFORE_BRACKET = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[^\S\n]?\($")
_OPENING_BEFORE = (". ", ": ", "; ", "- ", "– ", "— ")
# "died at 61", "arrested at 19 for possession", "heroin by 22": a life event and the age at it.
# Tried at each short number after "at " or "by " (folded text): the number, then the event
# word in the few words before it.
AGE_AT_NUMBER = re.compile(
    r"(?P<h>\d{1,2})\b(?!:|\.\d|\s*(?:am|pm|%|mg|mcg|ml|units?|days?|weeks?|months?|years?"
    r"|hours?|hrs?|h\b|min|x\b|o'clock|tonight|this|in the))"
)
AGE_EVENT_BEFORE = re.compile(
    r"(?:died|passed|arrested|diagnosed|married|divorced|widowed|pregnant|started|began|quit"
    r"|came|episode|onset|attempt|overdose|hospitali[sz]ed|admitted|adopted|placed|emigrated"
    r"|sober|incarcerated|enlisted|dropped out|moved|left home|cancer|stroke|using"
    r"|drinking|smoking|heroin|cocaine|alcohol|pills|meth|fentanyl|first)\b[^.\n]{0,20}?"
    r"(?:at|by) (?:age )?$"
)
_AT_OR_BY = ("at ", "by ", "age ")
# Infants' ages: "8 mo F", "6-week-old", "3 mos old".
AGE_INFANT = re.compile(
    r"(?P<i>\d{1,2})[- ]?(?:mo|mos|month|months|wk|wks|week|weeks|day|days)[- ]?(?:old|o)\b"
    r"|(?P<j>\d{1,2})\s*(?:mo|mos)\s+(?:m|f|male|female|boy|girl)\b"
)
# "su hija de 12": a Spanish kinship word and the age after "de" (folded).
AGE_SPANISH_KIN = re.compile(
    r"(?:hija|hijo|hijos|hijas|nieta|nieto|nina|nino|bebe|sobrina|sobrino)\s+de\s+(?P<s>\d{1,2})\b"
)
# "two children (7 and 4)": ages of children listed in brackets.
AGE_CHILDREN = re.compile(
    r"(?:children|kids|sons|daughters|boys|girls|grandchildren|grandkids|twins|siblings)"
    r"[^\S\n]*\((?:ages?[^\S\n]+)?(?P<list>\d{1,2}(?:(?:,|,? and| &)\s*\d{1,2})*)\)"
)
_CHILDREN_HINTS = ("child", "kids", "sons", "daughters", "boys", "girls", "twins", "sibling")


def _may_list_children(folded: str) -> bool:
    """A quick test before AGE_CHILDREN: a bracket before a digit or "age", after one of its
    words ("children", "kids" ...) and any spaces."""
    for bracket in positions(folded, "("):
        if (
            folded[bracket + 1 : bracket + 2].isdigit() or folded.startswith("age", bracket + 1)
        ) and folded[:bracket].rstrip().endswith(_CHILDREN_WORDS):
            return True
    return False


_CHILDREN_WORDS = ("children", "kids", "sons", "daughters", "boys", "girls", "grandkids", "twins",
                   "siblings")  # fmt: skip


_AGE_IN_LIST = re.compile(r"\d{1,2}")
# "Yazan is 9." - "is" and a small number closing a clause.
# Words before a number in brackets that counts something: "Attendance (8)".
_COUNTED = words("attendance attendees count total present participants members new youth")
# Words before an age in brackets that are no one's name: "Participant (23)".
_NOT_NAMES_BEFORE_AGE = RELATIONS | words(
    """participant client patient pt member youth resident consumer child kid kids baby son
    daughter age aged ages infant toddler teen adult male female man woman boy girl"""
)
# The name an age in brackets belongs to: "and Ty (6)".
NAME_BEFORE_AGE = re.compile(r"(?P<n>[A-Z][\w'’-]*)[^\S\n]?\($")
AGE_AFTER_DE = re.compile(r"(?P<s>\d{1,2})\b(?!\s*(?:de|/|:))")
AGE_AFTER_IS = re.compile(r"(?P<g>\d{1,2})(?=[.;!]|,\s|$|\s+(?:and|but|now|today|so|with)\b)")
# The number-led age forms in one regex each, tried once at every short number: on folded
# text the word forms ("34 yo", "8 mos old", "in her 90s"), on the text those with a capital
# M or F ("54M", "52/F", ", 4M") and an age opening a phrase ("46, long-haul driver").
AGE_LED_FOLDED = re.compile(
    "|".join(f"(?:{rx.pattern})" for rx in (AGE_WORDS, AGE_INFANT))
    + r"|(?P<decade>(?:9|1[01])\d)'?s\b"
)
AGE_LED_TEXT = re.compile(
    r"(?P<e>\d{2,3})\s?(?:M|F)\b(?=[\s,;).]|$)|(?P<x>\d{1,3}) ?/ ?(?:F|M)\b"
    r"|(?P<y>\d{1,2})(?:M|F)\b|(?P<k>\d{1,2}), (?=[a-z])"
)
# Initials that sign a dictated note: "Dictated by: kjm", "signed by RTB".
SIGNED_BY = re.compile(
    r"(?:dictated|transcribed|signed|typed|entered)(?:\s+and\s+[a-z]+)?\s+by:?[^\S\n]*"
    r"(?P<s>[a-z]{2,4})(?![\w.])"
)
# A top-level domain, to tell whether a text may hold a URL at all.
_TLD_NAMES = ("com", "org", "net", "gov", "edu", "io", "us", "info", "me", "co", "ly", "app", "biz",
              "ca", "uk", "au", "nz", "ie")  # fmt: skip
_TLD_FIRST_LETTERS = frozenset(name[0] for name in _TLD_NAMES)
_TLD = re.compile(r"\.(?:" + "|".join(_TLD_NAMES) + r")\b|://|www\.")
# A street suffix, capitalised: where ADDRESS_NAMED may end.
_STREET_WORD = re.compile(
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Court|Ct|Place|Pl|Way|Terrace"
    r"|Circle|Parkway|Pkwy|Highway|Hwy|Pike|Trail|Drive|Dr(?!\.?\s+[A-Z]))\b"
)
# A numbered address without a suffix but with a compass point: "1125 N High".
ADDRESS_COMPASS = re.compile(r"\d{1,6}\s+(?:[NSEW]\.?|North|South|East|West)\s+[A-Z][a-z]{2,}\b")
# "on w broad", "off E. Main": a compass point and a street name after a preposition.
ADDRESS_COMPASS_CUE = re.compile(
    r"(?:on|off|at|near|to|from|corner of)\s+(?P<a>(?:[nsew]\.?|north|south|east|west|ne|nw|se"
    r"|sw)\s+(?:[a-z]{3,}|\d{1,3}(?:st|nd|rd|th))"
    r"(?:\s+(?:st|ave|rd|blvd|street|avenue|road|pike|pkwy))?\b\.?)"
    # "on 2100 South": a grid street, as Salt Lake City numbers them.
    r"|(?:on|off|at|near|to|from|corner of)\s+(?P<g>\d{3,4}\s+(?:north|south|east|west)\b)"
)
# "the 7th Ward", "the 3rd Precinct": numbered districts (text).
DISTRICT = re.compile(r"\d{1,2}(?:st|nd|rd|th)\s+(?:Ward|Precinct|District|Parish)\b")


# Patterns led by a cue word are tried only where a word token starts with one of these words,
# so that the regex engine does not try them at every letter.
_CUE_WORDS: dict[str, frozenset[str]] = {
    "id": words(
        """ssn social medicaid medicare member mbr subscriber policy mrn record chart case claim
        license licence lic dl id acct account bed badge inmate booking docket permit plate vin
        passport npi dea ein tin itin card"""
    ),
    "last": words("end ends ending last"),
    "ssn": words("ssn ss social"),
    "handle": words(
        """ig insta instagram snap snapchat fb facebook tiktok twitter handle username screen
        gamertag"""
    ),
    "route": words("route rte rt hwy highway sr state county cr us i interstate farm fm"),
    "travel": words(
        """on off onto take took taking via exit up down at near by corner
        intersection"""
    ),
    "pay": words("venmo cashapp cash paypal zelle"),
    "digit": DIGIT_WORDS,
    "address": words("on off at near to from of corner up down along across"),
    # Words the address cues need after them: run those patterns only when one is present.
    "street": words("st ave rd blvd street avenue road lane ln drive pike pkwy hwy"),
    "compass": words("n s e w north south east west ne nw se sw"),
    "unit": words("apt apartment unit suite ste flat"),
    "mile": words("mile milepost"),
    # Every street suffix ADDRESS_NUMBERED may end with, and the words of ADDRESS_BLOCK.
    "suffix": words(
        """street st avenue ave road rd boulevard blvd drive dr lane ln court ct place pl way
        terrace ter terr circle cir parkway pkwy highway hwy route rte trail trl square sq loop pike
        alley row crescent expressway expy turnpike plaza hollow ridge crossing landing commons
        glen mews block broadway grove gardens vale n s e w"""
    ),
    "signed": words("dictated transcribed signed typed entered"),
    # The words ADDRESS_PREFIXED, DISTRICT and MILITARY_UNIT need: without one, they are not
    # tried at every number.
    "prefixed": words("calle avenida ave camino paseo alameda via rua rue chemin boulevard"),
    "district": words("ward precinct district parish"),
    "military": words(
        """battalion brigade regiment division infantry marines cavalry squadron company
        platoon airborne armored fleet wing engineers artillery special signal aviation"""
    ),
    "pager": words("pager pgr beeper ext extension x"),
    "tens": words(
        """twenty thirty forty fifty sixty seventy eighty ninety twentysomething
        thirtysomething fortysomething fiftysomething sixtysomething seventysomething
        eightysomething"""
    ),
    "zip": words("zip zipcode postal"),
    "young": _YOUNG_AGES,
    "age": words(
        """age aged ages turned turns turning will is he she they client pt patient who mom dad
        son daughter kid baby hes shes he'll she'll boy girl child grandson granddaughter
        brother sister i'm im ur you're youre i u was were male female man woman guy m f
        pregnant texter caller vet veteran approx approximately since when till until be"""
    ),
}
# Each cue word and the kinds of cue it leads, so one dictionary look-up per word suffices.
_CUE_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _cues in _CUE_WORDS.items():
    for _cue in _cues:
        _CUE_KINDS[_cue] = (*_CUE_KINDS.get(_cue, ()), _kind)


def _cue_kinds(low: str) -> tuple[str, ...]:
    """The kinds of cue ``low`` leads. A word with a hyphen or an apostrophe counts by its part
    before the first one ("st-" in "main st-apt 4", "he" in "he's") when it is no cue whole."""
    kinds = _CUE_KINDS.get(low)
    if kinds is None and ("-" in low or "'" in low):
        kinds = _CUE_KINDS.get(_JOINER.split(low, 1)[0])
    return kinds or ()


_JOINER = re.compile(r"[-']")
# Tokens whose word leads a cue are marked with this bit when tokenised (cached with the word),
# so that `cue_starts` visits them alone rather than looking up every word.
_PATTERN_CUE = cue_bit(lambda low: bool(_cue_kinds(low)), few=False)


def cue_starts(
    text: str, folded: str, tokens: Sequence[Token] | None = None
) -> dict[str, list[int]]:
    """Where each kind of cue word starts, from the word tokens (or a word scan without them)."""
    out: dict[str, list[int]] = {kind: [] for kind in _CUE_WORDS}
    if tokens is None:
        for m in _WORD.finditer(folded):
            for kind in _cue_kinds(m.group()):
                out[kind].append(m.start())
        return out
    bit = _PATTERN_CUE
    for token in tokens:
        if token.cues & bit:
            for kind in _cue_kinds(token.low):
                out[kind].append(token.start)
    return out


_WORD = re.compile(r"[^\W\d_]+")


def _street_name(name: str, number: str) -> bool:
    """Whether "3908 Wabash" is a house and its street: a name no ordinary word starts, after a
    number that is no year ("in 2019 Denver"), or one of the commonest street names ("400
    Main")."""
    first = name.split()[0].lower()
    if len(number) == 4 and number[:2] in ("19", "20"):
        return False
    return first in STREET_NAMES or not (
        is_common(first) or first in NON_IDENTIFYING or first in MONTHS_AND_WEEKDAYS
    )


def _at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    for start in starts:
        m = regex.match(text, start)
        if m is not None:
            yield m


def find_patterns(
    text: str,
    folded: str | None = None,
    tokens: Sequence[Token] | None = None,
    dates: list[DateMention] | None = None,
    shaped: dict[str, list[int]] | None = None,
) -> list[Span]:
    """All pattern matches. They may overlap; `merge` unites them.

    ``folded`` is ``fold(text)`` and ``tokens`` the name detector's word tokens, when the
    caller has them. Patterns that need a digit, an "@" or a domain run only when the text has
    one; patterns led by a cue word are tried only where such a word starts. ``dates`` is
    ``find_dates(text, folded)`` when the caller has it.
    """
    spans: list[Span] = []
    add = spans.append
    if folded is None:
        folded = fold(text)
    cues = cue_starts(text, folded, tokens)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:  # a loop: faster than all() over a generator
        for s, e in taken:  # noqa: SIM110
            if s < end and start < e:
                return False
        return True

    def claim(start: int, end: int, label: str, detail: str = "") -> None:
        add(Span(start, end, label, "pattern", detail))
        taken.append((start, end))

    # Where numbers start (no letter or digit before): the number-led patterns are matched
    # only there, so the regex engine never scans the letters in between.
    if shaped is None:
        shaped = number_starts(text, folded)
    has_digit = bool(shaped["runs"])
    at_signs = _stretches(text, positions(text, "@"))
    for start, end in at_signs:
        for m in EMAIL.finditer(text, start, end):
            claim(m.start(), m.end(), "EMAIL")
    for start, end in _url_windows(folded):
        for m in URL.finditer(folded, start, end):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?":
                end -= 1
            if free(m.start(), end):
                claim(m.start(), end, "URL")
    # A phone spelled in words needs two digit words in a row.
    words = None
    if tokens is not None:
        digit_words = cues["digit"]
        in_a_row = any(b - a <= 8 for a, b in pairwise(digit_words))
        words = [(t.start, t.low) for t in tokens] if in_a_row else []
    for start, end, label in find_spelled_contacts(folded, words):
        if free(start, end):
            claim(start, end, label, "spelled")
    for start, end in at_signs:
        for m in HANDLE.finditer(text, start, end):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "URL", "handle")
    if "_" in text:
        for m in USERNAME.finditer(text):
            if _clean_start(text, m.start(), "@.") and free(m.start(), m.end()):
                claim(m.start(), m.end(), "URL", "handle")
    for start, end in find_payment_handles(text, folded, cues["pay"]):
        if free(start, end):
            claim(start, end, "URL", "handle")
    for m in _at(HANDLE_CUE, folded, cues["handle"]):
        h = m.group("h")
        if free(*m.span("h")) and (not h.isalpha() or not h.islower() or len(h) > 3):
            claim(*m.span("h"), "URL", "handle")
    if has_digit:
        _find_numbers(text, folded, free, claim, cues["ssn"], shaped)
    for d in find_dates(text, folded) if dates is None else dates:
        if free(d.start, d.end):
            claim(d.start, d.end, "DATE")
    if has_digit:
        for m in _before_runs(
            NUMBERED_SCHOOL, text, shaped["runs"], _SCHOOL_PREFIX, frozenset("S "), _SCHOOL_ENDINGS
        ):
            if _clean_start(text, m.start()) and free(m.start(), m.end()):
                claim(m.start(), m.end(), "ORG", "school")
        # The numbered-address patterns are tried only before a street word.
        le6 = shaped["le6"]
        suffixes = cues["suffix"]
        before_street = _starts_before(le6, suffixes, 48)
        for m in _at(ADDRESS_BLOCK, folded, before_street):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "ADDRESS")
        po_boxes = (
            chain(_bounded(PO_BOX, folded), _bounded(RURAL_ROUTE, folded))
            if "box" in folded
            else ()
        )
        for m in chain(po_boxes, _at(ADDRESS_NUMBERED, folded, before_street)):
            if free(m.start(), m.end()) and _plausible_street(m):
                claim(m.start(), m.end(), "ADDRESS")
        for m in _at(ADDRESS_BARE, text, shaped["bare"]):
            if free(m.start(), m.end()) and _street_name(m.group("s"), m.group("n")):
                claim(m.start(), m.end(), "ADDRESS")
        for m in chain(
            _at(ADDRESS_COMPASS, text, _starts_before(le6, cues["compass"], 9)),
            _at(ROUTE, text, cues["route"]),
            _bounded(APARTMENT, folded) if cues["unit"] else (),
        ):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "ADDRESS")
    for at in cues["suffix"]:
        # A capitalised street word ("Ave", "Rd"), found from the word cues.
        suffix = _STREET_WORD.match(text, at) if text[at].isupper() else None
        if suffix is None:
            continue
        window_start = max(0, suffix.start() - 60)
        for m in ADDRESS_NAMED.finditer(text, window_start, min(len(text), suffix.end() + 30)):
            if m.start() > window_start and free(m.start(), m.end()):
                claim(m.start(), m.end(), "ADDRESS")
    route_cues = cues["route"] if has_digit else []
    for start, end in find_streets(text, folded, route_cues, cues["travel"], shaped["le3"]):
        if free(start, end):
            claim(start, end, "ADDRESS", "street")
    if has_digit:
        for m in _at(PAGER, folded, cues["pager"]):
            group = "p" if m.group("p") else "e"
            if free(*m.span(group)):
                claim(*m.span(group), "PHONE", "pager")
        for m in _before_runs(POSTCODE, text, shaped["runs"], _POSTCODE_PREFIX, _CAPITALS):
            if _clean_start(text, m.start()) and free(m.start(), m.end()):
                claim(m.start(), m.end(), "ZIP", "postcode")
        for m in _before_runs(CANADIAN_POSTCODE, folded, shaped["runs"], _LETTER_BEFORE, _LOWER):
            if _clean_start(folded, m.start()) and free(m.start(), m.end()):
                claim(m.start(), m.end(), "ZIP", "postcode")  # "r3c 2b1" as dictated
    for m in _at(SIGNED_BY, folded, cues["signed"]):
        if free(*m.span("s")):
            claim(*m.span("s"), "PERSON", "initials")
    # "on w broad st": a street word within three words of the cue, a compass point right after.
    streets, compass = cues["street"], cues["compass"]
    address_cues = cues["address"] if streets or compass else []
    for m in chain(
        _at(ADDRESS_CUE, text, _starts_before(address_cues, streets, 30)),
        _at(ADDRESS_COMPASS_CUE, folded, _starts_before(address_cues, compass, 9)),
    ):
        # Claimed even over a numbered street found already: merging unites the two.
        claim(*m.span("a" if m.group("a") else "g"), "ADDRESS")
    if has_digit:
        for m in _at(MILEPOST, text, cues["mile"]):
            claim(m.start(), m.end(), "ADDRESS", "milepost")  # over the numbered street in it
        for m in _at(MILE_MARKER, text, cues["mile"]):
            claim(m.start(), m.end(), "ADDRESS", "milepost")
        for m in _at(ADDRESS_PREFIXED, text, shaped["le6"] if cues["prefixed"] else []):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "ADDRESS")
        for m in _at(DISTRICT, text, shaped["le3"] if cues["district"] else []):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "LOCATION")
        for m in _at(MILITARY_UNIT, text, shaped["le3"] if cues["military"] else []):
            if free(m.start(), m.end()):
                claim(m.start(), m.end(), "ORG", "unit")
    if cues["tens"] or cues["young"]:
        near = cues["tens"] + cues["young"]
        # At a cue before a number word ("she is fifty"), and at the number word itself
        # ("six weeks old").
        starts = sorted({*_starts_before(cues["age"], near, 20), *near})
        for m in _at(AGE_SPELLED, folded, starts):
            group = m.lastgroup or "w"
            if free(*m.span(group)):
                claim(*m.span(group), "AGE", "spelled")
    for m in _at(SPELLED_ZIP, folded, cues["zip"]):
        if free(*m.span("z")):
            claim(*m.span("z"), "ZIP", "spelled")
    if not has_digit:
        return spans
    for m in _at(ZIP, text, shaped["five"]):
        if not _clean_start(text, m.start(), "-"):
            continue
        cue = ZIP_BEFORE.search(text, max(0, m.start() - 12), m.start())
        state_ok = cue is not None and (cue.group(1) is None or cue.group(1) in STATE_ABBREVIATIONS)
        if state_ok and free(m.start(), m.end()):
            claim(m.start(), m.end(), "ZIP")
    _find_ages(text, folded, free, claim, shaped["le3"], shaped["age"], cues["age"])
    for m in chain(_at(ID_CUE, folded, cues["id"]), _at(LAST_DIGITS, folded, cues["last"])):
        start, end = m.span("id")
        while end > start and text[end - 1] in "-.":
            end -= 1
        if free(start, end):
            claim(start, end, "ID")
    runs = shaped["runs"]
    for m in chain(digit_groups(text, shaped["grouped"]), chunks(text, runs)):
        start, end = m.span()
        # looks_like_id's quick test first, without a call: most chunks are short numbers.
        if end - start >= 5 and free(start, end) and looks_like_id(m.group()):
            claim(start, end, "ID")
    return spans


# What may stand before the first digit of a numbered school ("P.S. 179") or a postcode
# ("LS7 3HB", "M5V 2T6"): the patterns are tried only there.
_SCHOOL_PREFIX = re.compile(r"(?:P\.S\.|I\.S\.|M\.S\.|J\.H\.S\.|PS|IS|MS|JHS)\s?$")
_POSTCODE_PREFIX = re.compile(r"[A-Z]{1,2}$")
_LETTER_BEFORE = re.compile(r"[a-z]$")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SCHOOL_ENDINGS = ("S", "S ", ". ")


def _before_runs(
    regex: re.Pattern[str],
    text: str,
    runs: list[int],
    prefix: re.Pattern[str],
    last_chars: frozenset[str],
    endings: tuple[str, ...] = (),
) -> Iterator[re.Match[str]]:
    """Matches of ``regex`` starting where ``prefix`` ends right before a run of digits
    (tried only where the character before the run is one of ``last_chars`` and, when
    ``endings`` are given, the text before it ends with one of them)."""
    last_end = -1
    for run in runs:
        if text[run - 1 : run] not in last_chars or (
            endings and not text.endswith(endings, 0, run)
        ):
            continue
        before = prefix.search(text, max(0, run - 8), run)
        if before is None or before.start() < last_end:
            continue
        m = regex.match(text, before.start())
        if m is not None:
            last_end = m.end()
            yield m


def _clean_start(text: str, start: int, also: str = "") -> bool:
    """No letter, digit or one of ``also`` right before ``start`` (a leading boundary check,
    done here rather than in the regex so that the regex engine can skip ahead to a digit)."""
    if not start:
        return True
    before = text[start - 1]
    return not before.isalnum() and before != "_" and before not in also


def _find_numbers(
    text: str,
    folded: str,
    free: Callable[[int, int], bool],
    claim: Callable[..., None],
    ssn_cues: list[int],
    shaped: dict[str, list[int]],
) -> None:
    for m in _at(IPV4, text, shaped["ipv4"]):
        octets_ok = all(int(part) <= 255 for part in m.group().split("."))
        if octets_ok and _clean_start(text, m.start(), ".") and free(m.start(), m.end()):
            claim(m.start(), m.end(), "IP")
    if any(_HEX_COLONS.match(text, colon - 1) for colon in positions(text, ":") if colon):
        for m in IPV6.finditer(text):
            looks_v6 = any(c.isalpha() for c in m.group()) or "::" in m.group()
            if looks_v6 and free(m.start(), m.end()):
                claim(m.start(), m.end(), "IP")
    for m in _at(SSN, text, shaped["ssn"]):
        if _clean_start(text, m.start(), "-") and free(m.start(), m.end()):
            claim(m.start(), m.end(), "ID", "ssn" if ssn_ok(*m.groups()) else "ssn-shaped")
    for m in _at(SSN_CUE, folded, ssn_cues):
        if free(*m.span(1)):
            claim(*m.span(1), "ID", "ssn")
    for m in _at(CARD, text, shaped["card"]):
        digits = re.sub(r"\D", "", m.group())
        if _clean_start(text, m.start()) and free(m.start(), m.end()) and luhn_ok(digits):
            claim(m.start(), m.end(), "ID", "card")
    for m in _at(PHONE, folded, shaped["phone"]):
        if not _clean_start(text, m.start(), "+") or not free(m.start(), m.end()):
            continue
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 10 and digits == m.group() and npi_ok(digits):
            claim(m.start(), m.end(), "ID", "npi")
        else:
            claim(m.start(), m.end(), "PHONE")


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


# How what stands before the forms of `_find_ages` told apart by it ends: ", ", " is ",
# " was ", " de ", "at ", "by ", "age ".
_BEFORE_AGE_ENDINGS = frozenset({", ", "s ", "e ", "t ", "y "})


def _before_age(char: str) -> bool:
    return char.isalpha() or char in ')"'


def _starts_before(starts: list[int], targets: list[int], distance: int) -> list[int]:
    """The ``starts`` (sorted positions of numbers or words) that have one of ``targets``
    (sorted) after them and within ``distance``. Read from the targets, which are fewer."""
    if not targets:
        return []
    found: set[int] = set()
    for target in targets:
        i = bisect_left(starts, target - distance)
        while i < len(starts) and starts[i] < target:
            found.add(starts[i])
            i += 1
    return sorted(found)


def _find_ages(
    text: str,
    folded: str,
    free: Callable[[int, int], bool],
    claim: Callable[..., None],
    short_starts: list[int],
    led_starts: list[int],
    cue_starts: list[int],
) -> None:
    """Ages; ``short_starts`` are where numbers of up to three digits start, ``led_starts``
    those of them that a number-led age form may start at (`numbers.number_starts`)."""
    matches = list(_at(AGE_LED_FOLDED, folded, led_starts))
    for m in _at(AGE_LED_TEXT, text, led_starts):
        start, group = m.start(), m.lastgroup
        if (
            group == "x"
            or (group == "e" and _clean_start(text, start))
            or (group == "y" and text.endswith(", ", 0, start))
            or (
                group == "k"
                and (
                    not start or text[start - 1] == "\n" or text.endswith(_OPENING_BEFORE, 0, start)
                )
            )
        ):
            matches.append(m)
    # An age cue needs a number within a few words: "she is 34", "age: 61".
    matches += _at(AGE_CUE, folded, _starts_before(cue_starts, short_starts, 24))
    for start in short_starts:
        # The forms told apart by what stands right before the number: all need a "(", or a
        # comma or one of the words below and a space.
        if text[start - 2 : start] not in _BEFORE_AGE_ENDINGS and text[start - 1 : start] != "(":
            continue
        before = text[max(0, start - 5) : start]
        m = None
        if before.endswith(", "):
            if _before_age(text[start - 3 : start - 2]):
                m = AGE_AFTER_COMMA.match(text, start)  # "Héctor Ramírez, 34, reports"
        elif before.endswith("("):
            char = text[start - 3 : start - 2] if before.endswith(" (") else before[-2:-1]
            if (
                char.isalpha()
                or (before.endswith(" (") and char in ')"')
                or (char.isdigit() and DATE_BEFORE_BRACKET.search(text, max(0, start - 14), start))
            ):
                m = AGE_IN_BRACKET.match(text, start)  # "(14)", "Ngoc Anh (14, in 8th grade"
                if m is not None and int(m.group("l") or m.group("a")) > 125:
                    m = None  # "Phone (902) 555-0169": an area code
                named = NAME_BEFORE_AGE.search(text, max(0, start - 24), start) if m else None
                word = named.group("n").lower() if named is not None else ""
                if word in _COUNTED:
                    m = None  # "Attendance (8):", "Youth count (19)": a count
                elif (
                    named is not None
                    and word not in _NOT_NAMES_BEFORE_AGE
                    and free(*named.span("n"))
                ):
                    claim(*named.span("n"), "PERSON", "before age")  # "Ty (6)"
        elif before.endswith((" is ", " was ")):
            m = AGE_AFTER_IS.match(text, start)  # "Yazan is 9."
        elif before.endswith(" de ") and AGE_SPANISH_KIN.search(
            folded, max(0, start - 14), start + 3
        ):
            m = AGE_AFTER_DE.match(folded, start)  # "su hija de 12"
        elif before.endswith(_AT_OR_BY) and AGE_EVENT_BEFORE.search(
            folded, max(0, start - 40), start
        ):
            m = AGE_AT_NUMBER.match(folded, start)  # "died at 61"
        if m is not None:
            matches.append(m)
    if _may_list_children(folded) and any(word in folded for word in _CHILDREN_HINTS):
        for m in AGE_CHILDREN.finditer(folded):
            offset = m.start("list")
            for age in _AGE_IN_LIST.finditer(m.group("list")):
                if free(offset + age.start(), offset + age.end()):
                    claim(offset + age.start(), offset + age.end(), "AGE")
    for m in matches:
        for group, value in m.groupdict().items():
            if value is None:
                continue
            start, end = m.span(group)
            if group == "decade" and int(value) < 90:
                continue  # "the 70s" is a decade of the century, "her 90s" an age
            if 0 < int(value) <= 125 and free(start, end):
                claim(start, end, "AGE")


def _url_windows(folded: str) -> list[tuple[int, int]]:
    """The whitespace-delimited stretches of text that hold a domain, "://" or "www."."""
    dots = [
        at
        for at in positions(folded, ".")
        # The first letter first: most full stops end a sentence.
        if folded[at + 1 : at + 2] in _TLD_FIRST_LETTERS and folded.startswith(_TLD_NAMES, at + 1)
    ]
    starts = sorted(dots + positions(folded, "://", "www."))
    return _stretches(folded, [m.start() for m in matches_at(_TLD, folded, starts)])


def _stretches(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The whitespace-delimited stretches of ``text`` around each of ``starts`` (sorted),
    each once."""
    windows: list[tuple[int, int]] = []
    for at in starts:
        if windows and at < windows[-1][1]:
            continue
        start = at
        while start and not text[start - 1].isspace():
            start -= 1
        end = _SPACE.search(text, at)
        windows.append((start, end.start() if end else len(text)))
    return windows


_SPACE = re.compile(r"\s")


def _bounded(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that start at a word boundary.

    The word-cued patterns leave out a leading \\b on purpose: it stops the regex engine
    from skipping ahead to a possible first character, which makes them several times slower.
    """
    return (m for m in regex.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum())
