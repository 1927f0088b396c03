"""Date recognition and parsing.

`find_dates` returns each date mention with what could be read of it: year, month and day, any
of which may be missing ("March 4" has no year; "10/2" is month and day). US month-first
order is assumed unless the first number cannot be a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import repeat

from .lexicon import words
from .normalise import fold
from .numbers import digit_runs
from .scan import by_first_letter, matches_at, positions

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

# Each alternative names its groups y, m, d (m may be a month name), suffixed with its index so
# that one combined regex can hold them all. Order matters: at a position, the first alternative
# that matches wins, so longer forms come first.
_PATTERNS = [
    # 2023-09-30, 2023/9/30, optional time.
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[tT ]\d{1,2}:\d{2}(?::\d{2})?)?\b",
    # 3/14/2024, 8.14.23, 6-3-2022.
    r"(?P<m>\d{1,2})(?P<sep>[-/.])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![-/.]\d)",
    # March 4th, 2023 / Mar. 4 / Nov 12th / March 4 '23.
    # "Oct 12-19": a range of days counts as one date.
    rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b(?:[-–]\d{{1,2}}\b)?(?:,?\s+(?P<y>{_YEAR})\b)?",
    # 5 March 2024 / 4th of July / 9 Jan.
    rf"(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?",
    # Oct 2025 / January, 2019 / Jan '22.
    rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
    # 10/2, 12/17 (month/day without year), not followed by a dose word.
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})\b(?![/\d])(?!\s*(?:tabs?|pills?|caps?|cups?|mg|doses?)\b)"
    # "3/10 of", "2/3 of" are parts; "12/27 of" is a date.
    r"(?!(?<=/\d)\s*of\b)(?!(?<=/10)\s*of\b)",
    # 3/2019 (month/year).
    r"(?P<m>\d{1,2})/(?P<y>\d{4})\b",
    # "the 15th" (a day of the month; "the " before it is checked in `find_dates`).
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:street|st|avenue|ave|av|floor|grade|place|time|ward|precinct|district))",
]


def _numbered(pattern: str, index: int) -> str:
    """Suffix a pattern's group names with its index, so alternatives can share one regex."""
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m[1]}{index}>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={m[1]}{index})", pattern)


# Two alternations, matched against fold(text) (lowercase, same offsets: faster than IGNORECASE):
# the forms that start with a number are tried only where a number starts, the forms that start
# with a month name are searched for (the engine skips ahead to a month's first letter).
_NUMBER_LED = (0, 1, 3, 5, 6, 7)
_DATE_NUMBER = re.compile("|".join(f"(?P<p{i}>{_numbered(_PATTERNS[i], i)})" for i in _NUMBER_LED))
_DATE_MONTH = re.compile(
    "|".join(
        f"(?P<p{i}>{_numbered(p, i)})" for i, p in enumerate(_PATTERNS) if i not in _NUMBER_LED
    )
)
# Each alternative's year, month and day groups ("p2": ("m", "m2"), ("d", "d2"), ("y", "y2")),
# so that a match's few groups are read by name rather than all of them by groupdict().
_YMD_GROUPS = {
    f"p{index}": tuple(
        (name[0], name)
        for name in re.compile(_numbered(pattern, index)).groupindex
        if name[0] in "ymd" and name[1:] == str(index)
    )
    for index, pattern in enumerate(_PATTERNS)
}
_THE_GROUP = "p7"
_MONTH_DAY_GROUP = "p5"
_DAY_FIRST_GROUP = "p3"
# Scores written like a month and day: pain out of 10, strength out of 5.
_SCORE_BEFORE = re.compile(
    r"\b(?:pain|rated|rates|scale|score|strength|reassessed|anxiety|craving|cravings|mood|ue"
    r"|le|grip|power|motor|depression|sleep|energy|stress|urge|urges)\b[^.\n]{0,12}$"
)


def _is_a_score(folded: str, start: int, end: int) -> bool:
    """A score ("pain 6/10", "RUE 3/5"), a fraction after a whole number ("1 1/2") or "24/7"."""
    if folded[start:end] == "24/7":
        return True
    if folded[start:end] in _FRACTIONS and _WHOLE_BEFORE.search(folded, max(0, start - 5), start):
        return True
    return folded.endswith(("/10", "/5"), start, end) and bool(
        _SCORE_BEFORE.search(folded, max(0, start - 24), start)
    )


_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "5/8", "7/8"})
_WHOLE_BEFORE = re.compile(r"\d[^\S\n]$")


_A_DIGIT = re.compile(r"\d")


def number_led_dates(folded: str, starts: list[int] | None = None) -> list[re.Match[str]]:
    """Matches of the number-led date forms, tried only where a number starts (no letter or
    digit before it) and its length and the character after it allow a date; ``starts`` are
    those places when the caller has them (`numbers.number_starts` gives them as "date")."""
    match_at = _DATE_NUMBER.match
    if starts is not None:
        return [m for m in map(match_at, repeat(folded), starts) if m is not None]
    found = []
    for number in digit_runs(folded):
        start, end = number.span()
        if start and folded[start - 1] in _LETTERS_AND_DIGITS:
            continue
        after = folded[end : end + 1]
        if after.isascii() and not after.isdigit() and not _may_lead_date(end - start, after):
            continue
        match = match_at(folded, start)
        if match is not None:
            found.append(match)
    return found


def _may_lead_date(size: int, after: str) -> bool:
    """Whether a number of ``size`` digits followed by ``after`` can start a number-led date:
    four digits and a separator (2023-09-30), or one or two digits and a separator, a space or
    an ordinal suffix (3/14, 5 March, 4th)."""
    if size == 4:
        return after in _DATE_SEPARATORS
    return size <= 2 and after != "" and (after in _AFTER_DAY or after.isspace())


_DATE_SEPARATORS = frozenset("-/.")
_AFTER_DAY = frozenset("-/.snrt")
_LETTERS_AND_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Where a month-led date may start: a month name followed by a number.
_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                   "dec")  # fmt: skip
_MONTH_START = re.compile("(?:" + "|".join(_MONTH_PREFIXES) + r")[a-z]*\.?,?\s+['\d]")

# Month names alone ("in January", "labs were in Sept"). May and March are also verbs, so
# alone they count only capitalised and after a preposition; "Jan" is a name and "Mar" too
# short a word to stand alone.
_MONTH_ALONE = re.compile(
    # Grouped by first letter: at a capital the regex engine tries the one group for it.
    by_first_letter(
        r"(?:January|February|April|June|July|August|September|October|November|December"
        r"|May|March|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
        r"|JANUARY|FEBRUARY|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|MAY|MARCH)"
    )
    + r"\b"
)
_VERB_MONTHS = frozenset({"May", "March", "MAY", "MARCH"})
# Lowercase full month names count after a preposition: "passed in january", "since november".
_MONTH_LOWER = re.compile(
    r"(?<![a-z])(?:in|since|until|till|by|of|early|late|last|next|this|before|after) "
    r"(?P<m>january|february|april|june|july|august|september|october|november|december)\b"
    # "march" is a verb too: a month after "in", "since", "until", "early", "late", "last", "next".
    r"|(?<![a-z])(?:in|since|until|till|early|late|last|next) (?P<m2>march)\b"
    # "may" is a verb too: a month after "in", "since", "until", "early", "late", "last", "next".
    r"|(?<![a-z])(?:in|since|until|till|early|late|last|next) (?P<m3>may)\b(?! (?:be|have|not)\b)"
)
_BEFORE_VERB_MONTH = ("in ", "by ", "of ", "since ", "until ", "early ", "late ", "be ")

# Weekdays pin a day when the session date is known, so they are dates too: "last tues",
# "Fri the 17th", "Wed 1/8", "on Monday". Matched against fold(text). Habitual plurals
# ("on mondays") narrow when someone can be found, so they count too. The abbreviations that
# are also words ("sat", "wed", "sun", "mon") count only capitalised, after a word of time
# ("last", "on", "thru"), before a date or a time ("wed 3pm"), beside another weekday
# ("tues or wed", "mon-thurs"), or, for "wed" and "mon", before a question or a full stop.
_WEEKDAY = re.compile(
    r"(?P<day>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|tues?|weds?|thurs?|thu|fri|sat|sun|mon)\b\.?"
    r"(?:\s+(?:night|nite|morning|afternoon|evening|am|pm)\b)?"
)
_MODIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[^0-9a-z]))(?P<mod>(?:last|next|this|past|coming)(?:\s+week)?|on|until|till|til"
    r"|by|since|thru|through|every|bout|before)\s+$"
)
# What lets a weak abbreviation stand as a weekday when it comes right after it: a time
# ("mon 10am", "wed 3pm", "sat at 2"), another weekday ("mon-thurs", "tues or wed"), or,
# for "wed" and "mon" only, the end of a question or sentence ("come to the office wed?").
_WEAK_WEEKDAY_AFTER = re.compile(
    r"\s*(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a|p)\b|\s+at\s+\d|\s*(?:[-/&]|or|and)\s*"
    r"(?:mon|tue|wed|thu|fri|sat|sun)"
)
_WEAK_WEEKDAY_BEFORE = re.compile(
    r"(?:mon|tues?|weds?|thurs?|fri|sat|sun)(?:day)?\s*(?:[-/&]|or|and)\s*$"
)
_CLAUSE_END = re.compile(r"[?!.,;]|\s*$|\n")
# "Thurs 18th", "Monday 16th": a day number written after the weekday.
_WEEKDAY_DAY_NUMBER = re.compile(r",?\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)\b")
# Every weekday form starts with one of these: a cheap test before the regex.
_WEEKDAY_HINTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEAK_WEEKDAYS = frozenset({"sat", "wed", "sun", "mon", "weds"})
_WEEKDAY_MODIFIERS = frozenset({"last", "next", "this", "past", "coming"})
# What may stand between a weekday and the date it names: "Fri 3/4", "Friday, March 4",
# "Friday the 9th".
_WEEKDAY_JOIN = re.compile(r",?\s+(?:the\s+)?|,?\s*")


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
    groups = {}
    for letter, name in _YMD_GROUPS[match.lastgroup or "p0"]:
        value = match.group(name)
        if value is not None:
            groups[letter] = value
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


def find_dates(
    text: str,
    folded: str | None = None,
    text_words: frozenset[str] | None = None,
    number_starts: list[int] | None = None,
) -> list[DateMention]:
    """Every date mention, non-overlapping, in order.

    A weekday joined to a date ("Fri 3/4") widens that date's span; a weekday alone is a
    mention with no year, month or day. ``folded`` is ``fold(text)``, ``text_words`` the set of
    its folded words and ``number_starts`` where a number-led date may start, when the caller
    has them: the forms led by a word are then looked for only when one of their words is
    there.
    """
    if folded is None:
        folded = fold(text)
    candidates: list[re.Match[str]] = []
    # Every month-led form and every month alone starts with one of these, in any case.
    month_starts = (
        positions(folded, *_MONTH_PREFIXES)
        if text_words is None or not text_words.isdisjoint(_MONTH_WORDS)
        else []
    )
    if number_starts is not None or _A_DIGIT.search(folded):
        candidates += number_led_dates(folded, number_starts)
        for start in month_starts:
            if (not start or not folded[start - 1].isalnum()) and _MONTH_START.match(folded, start):
                match = _DATE_MONTH.match(folded, start)
                if match is not None:
                    candidates.append(match)
    candidates.sort(key=lambda m: (m.start(), -m.end()))
    found: list[DateMention] = []
    last_end = -1
    for match in candidates:
        start, end = match.span()
        if start < last_end:
            continue
        if match.lastgroup == _MONTH_DAY_GROUP and _is_a_score(folded, start, end):
            continue  # "pain 6/10", "RUE 3/5"
        if match.lastgroup == _DAY_FIRST_GROUP and folded[max(0, start - 4) : start] == "the ":
            start -= 4  # "the 3rd of October"
        if match.lastgroup == _THE_GROUP:
            if folded[max(0, start - 4) : start] != "the ":
                continue
            start -= 4
        parsed = _read(match)
        if parsed is not None:
            found.append(DateMention(start, end, *parsed))
            last_end = end
    alone = (
        [(m, m.span()) for m in matches_at(_MONTH_ALONE, text, month_starts)]
        if text_words is None or not text_words.isdisjoint(_FULL_MONTHS)
        else []
    )
    alone += _lowercase_months(
        text, _LOWER_MONTHS & text_words if text_words is not None else _LOWER_MONTHS
    )
    for match, (start, end) in alone:
        if start and text[start - 1].isalnum():
            continue
        if (
            match.group() in _VERB_MONTHS
            # Capitalised inside a sentence, "March" and "May" are the month (or a name).
            and (match.group().isupper() or _opens_line_or_sentence(text, start))
            and not text[max(0, start - 8) : start].lower().endswith(_BEFORE_VERB_MONTH)
        ):
            continue
        if len(match.group()) <= 4 and (
            (text[start - 1 : start] in ("-", "/") and text[start - 4 : start].lower() != "mid-")
            or text[end : end + 1] in ("-", "/")
        ):
            continue  # "14-Nov-66" is read whole elsewhere, "Jun-Jun" is a name; "mid-Nov"
        if match.group() == "Dec" and _opens_line_or_sentence(text, start):
            continue  # "Dec PO intake": decreased
        if not any(m.start < end and start < m.end for m in found):
            month = _month_number(text[start:end])
            if text[start - 4 : start].lower() == "mid-":
                start -= 4  # "mid-January" is one word
            found.append(DateMention(start, end, None, month, None))
            found.sort(key=lambda m: m.start)
    if text_words is None or not text_words.isdisjoint(_ORDINAL_WORDS):
        found = _with_ordinal_words(text, folded, found)
    if text_words is None or _may_hold_holiday_or_spanish_date(text_words, folded):
        found = _with_holidays_and_spanish(folded, found, text_words)
    if text_words is None or not text_words.isdisjoint(_WEEKDAY_WORDS):
        found = _with_weekdays(text, folded, found)
    return found


def _opens_line_or_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".\n:;"


def _lowercase_months(
    text: str, months: frozenset[str]
) -> list[tuple[re.Match[str], tuple[int, int]]]:
    """`_MONTH_LOWER` matches (and the month's span in each), tried only where one of
    ``months`` is written in lowercase, from the start of the word before it."""
    found = []
    for month in months:
        for at in positions(text, month):
            before = _WORD_AND_SPACE.search(text, max(0, at - 8), at)
            if before is None:
                continue
            m = _MONTH_LOWER.match(text, before.start())
            if m is not None and m.start(m.lastgroup or "m") == at:
                found.append((m, m.span(m.lastgroup or "m")))
    found.sort(key=lambda pair: pair[1])
    return found


_WORD_AND_SPACE = re.compile(r"[a-z]+ $")


# Holidays pin a day of the year: "since Thanksgiving", "last Christmas" (folded text).
_HOLIDAY = re.compile(
    r"(?:christmas(?:\s+(?:eve|day))?|thanksgiving|easter(?:\s+sunday)?|halloween"
    r"|new\s+year'?s(?:\s+(?:eve|day))?|juneteenth|memorial\s+day|labor\s+day"
    r"|veterans\s+day|independence\s+day|fourth\s+of\s+july|4th\s+of\s+july"
    r"|(?:anzac|canada|boxing|australia|remembrance|victoria|waitangi|presidents'?)\s+day"
    r"|(?:mother|father|valentine|st\.?\s+patrick)'?s\s+day|valentine'?s"
    r"|cinco\s+de\s+mayo|hanukkah|kwanzaa|diwali|passover|rosh\s+hashanah|yom\s+kippur"
    r"|mlk\s+day|(?:nochebuena|navidad|dia\s+de\s+(?:los\s+)?(?:reyes|muertos)))(?![a-z])"
)
_HOLIDAY_HINTS = (
    "christmas", "thanksgiving", "easter", "halloween", "new year", "juneteenth", "memorial d",
    "labor d", "veterans d", "independence d", "of july", "'s day", "valentine", "mayo",
    "anzac d", "canada d", "boxing d", "australia d", "remembrance d", "victoria d",
    "waitangi d", "presidents", "hanukkah", "kwanzaa", "diwali", "passover", "hashanah", "kippur",
    "mlk", "navidad", "nochebuena", "dia de",
)  # fmt: skip
_HOLIDAY_MODIFIER = re.compile(r"(?:last|next|this|past)\s+$")
# Spanish dates: "el 15 de nov", "el martes 12", "lunes 10/7" (folded: accents stripped).
_SPANISH_MONTHS = {
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
}
_SPANISH_DATE = re.compile(
    r"(?P<d>\d{1,2})\s+de\s+(?P<m>ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?"
    r"|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sep(?:tiembre)?|set(?:iembre)?|oct(?:ubre)?"
    r"|nov(?:iembre)?|dic(?:iembre)?|[a-z]{3,9})\.?(?:\s+(?:de|del)\s+(?P<y>\d{4}))?(?![a-z])"
    r"|(?:el\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
    r"(?:\s+(?:\d{1,2}(?:/\d{1,2})?)(?![\d/])(?:\s+de\s+(?P<m2>[a-z]{3,10}))?)?(?![a-z])"
    # French (Haitian families, Quebec): "vendredi 14 mars", "le 3 janvier".
    r"|(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le)\s+)?(?P<d3>\d{1,2})\s+"
    r"(?P<m3>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
    r"|decembre)(?![a-z])"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![a-z])"
)
_FRENCH_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
_SPANISH_HINTS = (" de ", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
                  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                  "septembre", "octobre", "novembre", "decembre")  # fmt: skip


def _with_holidays_and_spanish(
    folded: str, found: list[DateMention], text_words: frozenset[str] | None = None
) -> list[DateMention]:
    matches: list[re.Match[str]] = []
    if any(hint in folded for hint in _HOLIDAY_HINTS):
        matches += _HOLIDAY.finditer(folded)
    # Given the text's words: a Spanish or French weekday, or a day number and a month.
    if (
        any(hint in folded for hint in _SPANISH_HINTS)
        if text_words is None
        else not text_words.isdisjoint(_FOREIGN_WEEKDAYS)
        or _DAY_THEN_MONTH.search(folded) is not None
    ):
        # Tried only where a number or one of the words that lead it starts.
        starts = positions(folded, *_SPANISH_LEADS) + [m.start() for m in _DIGITS.finditer(folded)]
        matches += matches_at(_SPANISH_DATE, folded, sorted(starts))
    for match in matches:
        start, end = match.span()
        if start and folded[start - 1].isalnum():
            continue
        if match.re is _HOLIDAY:
            modifier = _HOLIDAY_MODIFIER.search(folded, max(0, start - 8), start)
            start = modifier.start() if modifier else start  # "last Christmas"
        month = None
        groups = match.groupdict() if match.re is _SPANISH_DATE else {}
        raw_month = groups.get("m") or groups.get("m2")
        if raw_month:
            month = _SPANISH_MONTHS.get(raw_month[:3]) or _MONTHS.get(raw_month[:3])
            if month is None:
                if groups.get("m"):
                    continue  # "15 de agua" is no date
                end = match.start("m2") - len(" de ")  # "lunes 28", not "de agua"
        if groups.get("m3"):
            month = _FRENCH_MONTHS[groups["m3"]]
        inside = [m for m in found if start <= m.start and m.end <= end]
        if any(m.start < end and start < m.end for m in found if m not in inside):
            continue
        found = [m for m in found if m not in inside]
        raw_day = groups.get("d") or groups.get("d3")
        day = int(raw_day) if raw_day else None
        year = _year_number(groups.get("y"))
        found.append(DateMention(start, end, year, month, day))
        found.sort(key=lambda m: m.start)
    return found


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = re.findall(
    r"\w+",
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth"
    " nineteenth twentieth",
)
_ORDINAL_DAYS = {word: day for day, word in enumerate(_UNITS, 1)}
_ORDINAL_DAYS.update(
    {
        word: day
        for day, word in enumerate(
            _TEENS,
            10,
        )
    }
)
_ORDINAL_DAYS.update({f"twenty-{w}": 20 + d for w, d in list(_ORDINAL_DAYS.items())[:9]})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31})
_ORDINAL_WORD = (
    r"((?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)(?![a-z-])"
)
# "Friday the first": a weekday before the ordinal names the day too.
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues?|weds?|thurs?|fri"
# "the fourth" up to "the thirty-first": the ordinals that are rarely anything but a day.
_LATE_ORDINAL_WORD = (
    r"((?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)(?![a-z-])"
)
# What may follow a bare "the fifth" that is a date: the end of a clause, a small word, or the
# punctuation of dictation ("on the twelfth period", "the fifth full stop").
_AFTER_ORDINAL_DAY = (
    r"(?=\s*(?:[.,;!?)]|$)|\s+(?:at|for|and|or|to|when|so|but|in|we|i|he|she|they|you|because"
    r"|bc|cause|over|with|then|after|before|if|period|comma|full|new|end|off|no|too|also|is|was"
    r")\b)"
)
# "march third", "the twentieth of june", "by the fifth.", "Friday the first" (folded text). A
# bare "the fifth" is a date only before the end of a clause or a small word, and "the first"
# to "the third" only after a word of time too, so that "on the third floor", "the second
# time" and "he was the first to" are not dates.
_ORDINAL_DATE = re.compile(
    rf"(?P<m>{_MONTH})\s+(?:the\s+)?(?P<o>{_ORDINAL_WORD})"
    rf"|(?:the\s+)?(?P<o2>{_ORDINAL_WORD})\s+of\s+(?P<m2>{_MONTH})"
    rf"|(?<![a-z])(?:{_WEEKDAY_NAMES})\s+(?P<t>the\s+(?P<o3>{_ORDINAL_WORD}))"
    rf"|(?<![a-z])(?:on|by|until|till|til|since|before|after|thru|through|from|starting|meet"
    rf"|see|visit|is|of|out)\s+(?P<t2>the\s+(?P<o4>{_ORDINAL_WORD})){_AFTER_ORDINAL_DAY}"
    rf"|(?<![a-z])(?P<t3>the\s+(?P<o5>{_LATE_ORDINAL_WORD})){_AFTER_ORDINAL_DAY}"
)
_ORDINAL_HINTS = (*_UNITS, "tenth", "eleventh", "twelfth", "teenth", "tieth")


# The words that lead each word-led form, for `find_dates` given the text's words.
_LOWER_MONTHS = words(
    "january february march april may june july august september october november december"
)
_ORDINAL_WORDS = frozenset(_ORDINAL_DAYS) | {"twenty", "thirty"}
# Every word a month-led date may start with ("sept", "jan", "january").
_MONTH_WORDS = words(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december"""
)
# Words that say a holiday or a Spanish date may be in the text, alone or with another word.
_HOLIDAY_OR_SPANISH_WORDS = words(
    """christmas thanksgiving easter halloween juneteenth valentine valentines patrick hanukkah
    kwanzaa diwali passover hashanah kippur mlk navidad nochebuena mayo reyes muertos lunes
    martes miercoles jueves viernes sabado domingo lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre
    decembre"""
)
_BEFORE_DAY = words(
    """mother father memorial labor veterans independence anzac canada boxing australia
    remembrance victoria waitangi presidents"""
)
_FULL_MONTHS = _LOWER_MONTHS | words("may feb apr jun jul aug sep sept oct nov dec")
# "15 de nov", "14 mars": a day number, then a Spanish or French month.
_DAY_THEN_MONTH = re.compile(
    r"\d\s+(?:de\s+)?(?:ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic|janv|fevr|avr|mai"
    r"|juil|aout|dec)"
)
# The words that may start a Spanish or French date on their own.
_DIGITS = re.compile(r"\d+")
_SPANISH_LEADS = ("el", "le", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
                  "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                  "dimanche")  # fmt: skip
_FOREIGN_WEEKDAYS = words(
    """lunes martes miercoles jueves viernes sabado domingo lundi mardi mercredi jeudi vendredi
    samedi dimanche"""
)
_SPANISH_MONTH_WORDS = words(
    """ene enero feb febrero mar marzo abr abril may mayo jun junio jul julio ago agosto sep
    septiembre set setiembre oct octubre nov noviembre dic diciembre janvier fevrier mars
    avril mai juin juillet aout septembre octobre novembre decembre"""
)


def _may_hold_holiday_or_spanish_date(text_words: frozenset[str], folded: str) -> bool:
    """A quick test on the text's words before the holiday and Spanish date patterns."""
    return (
        not text_words.isdisjoint(_HOLIDAY_OR_SPANISH_WORDS)
        or ("day" in text_words and not text_words.isdisjoint(_BEFORE_DAY))
        or ("new" in text_words and ("year" in text_words or "years" in text_words))
        or ("july" in text_words and ("fourth" in text_words or "th" in text_words))
        or not text_words.isdisjoint(_SPANISH_MONTH_WORDS)
    )


_WEEKDAY_WORDS = words(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur
    thurs fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays sundays"""
)
# The words the date patterns read: the learned tagger leaves them to them.
MONTHS_AND_WEEKDAYS = _MONTH_WORDS | _WEEKDAY_WORDS


_ORDINAL_WORD_RE = re.compile(_ORDINAL_WORD)


def _ordinal_words(folded: str) -> list[re.Match[str]]:
    """``_ORDINAL_WORD_RE.finditer(folded)``, tried only where a match may start: every
    ordinal word holds one of `_ORDINAL_HINTS`, at most seven characters in ("twenty-first").
    The regex engine cannot skip ahead to an alternation of words, so a scan is slow."""
    starts: set[int] = set()
    for at in positions(folded, *_ORDINAL_HINTS):
        starts.update(range(max(0, at - 7), at + 1))
    return list(matches_at(_ORDINAL_WORD_RE, folded, sorted(starts)))


def _ordinal_date_matches(folded: str) -> list[re.Match[str]]:
    """`_ORDINAL_DATE` matches, tried only around the ordinal words of ``folded`` (a month or
    a preposition comes at most 16 characters before one): faster than scanning the text."""
    matches: list[re.Match[str]] = []
    last_end = 0
    for word in _ordinal_words(folded):
        for m in _ORDINAL_DATE.finditer(folded, max(last_end, word.start() - 16), word.end() + 20):
            if m.start() <= word.start() < m.end():
                matches.append(m)
                last_end = m.end()
                break
    return matches


def _with_ordinal_words(text: str, folded: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` with the dates whose day is an ordinal word added ("may first" only when
    "May" is capitalised)."""
    if not any(hint in folded for hint in _ORDINAL_HINTS):
        return found
    for match in _ordinal_date_matches(folded):
        the = next((group for group in ("t", "t2", "t3") if match.group(group)), None)
        start, end = match.span(the) if the else match.span()
        if start and folded[start - 1].isalnum():
            continue
        month_raw = match.group("m") or match.group("m2")
        if match.group("m") == "may" and text[match.start()].islower():
            continue  # "you may first call"
        if folded[end - 1] == "." and month_raw and len(month_raw) > 4:
            end -= 1  # a full stop, not an abbreviation's
        inside = [m for m in found if start <= m.start and m.end <= end and m.day is None]
        found = [m for m in found if m not in inside]
        if any(m.start < end and start < m.end for m in found):
            continue
        ordinal = next(match.group(g) for g in ("o", "o2", "o3", "o4", "o5") if match.group(g))
        word = ordinal.replace(" ", "-")
        month = _MONTHS.get(month_raw[:3]) if month_raw else None
        found.append(DateMention(start, end, None, month, _ORDINAL_DAYS.get(word)))
        found.sort(key=lambda m: m.start)
    return found


def _with_weekdays(text: str, folded: str, found: list[DateMention]) -> list[DateMention]:
    out = found
    for match in matches_at(_WEEKDAY, folded, positions(folded, *_WEEKDAY_HINTS)):
        start, end = match.span()
        if start and folded[start - 1].isalnum():
            continue
        day = match.group("day")
        if folded[end : end + 1] == "-" and folded[end + 1 : end + 2].isdigit():
            continue  # "FRI-69-77120" is a code
        before = _MODIFIER_BEFORE.search(folded, max(0, start - 13), start)
        mod = before.group("mod").split()[0] if before else None
        if mod in _WEEKDAY_MODIFIERS and before is not None:
            start = before.start()  # "last tues"; "on Monday" keeps its preposition out
        following = next((m for m in out if m.start >= end - 1), None)
        joined = following is not None and _WEEKDAY_JOIN.fullmatch(folded[end : following.start])
        part_of_day = end > match.end("day") + 1  # "sat nite"
        if day in _WEAK_WEEKDAYS and not (
            text[match.start()].isupper()
            or mod is not None
            or joined
            or part_of_day
            or _WEAK_WEEKDAY_AFTER.match(folded, end)
            or _WEAK_WEEKDAY_BEFORE.search(folded, max(0, start - 16), start)
            or (day in ("wed", "mon") and _CLAUSE_END.match(folded, end))
        ):
            continue
        if any(m.start < end and start < m.end for m in out):
            continue
        number = None if joined else _WEEKDAY_DAY_NUMBER.match(folded, end)
        if joined and following is not None:
            index = out.index(following)
            out[index] = DateMention(
                start, following.end, following.year, following.month, following.day
            )
        else:
            day_number = int(number.group("d")) if number else None
            out.append(DateMention(start, number.end() if number else end, None, None, day_number))
            out.sort(key=lambda m: m.start)
    return out


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
