"""Numbers: check digits, where each number-led pattern can start, and ids by shape.

Check digits decide the *kind* of a number, never whether it is redacted (see `patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DIGIT_GROUPS = re.compile(r"(?<![\w-])[A-Za-z]{0,3}-?\d{2,}(?:[ -]\d{2,}){1,4}(?![\w-])")
CHUNK = re.compile(r"(?<![\w@./-])[A-Za-z0-9#][A-Za-z0-9-]*\d[A-Za-z0-9-]*")
# A shift or a span of clock times: "0700-1900", "1900-0730".
# On the quarter hours only, so that a case number "2023-0412" stays an id; or hours with "am"
# and "pm": "4-5pm", "4p-12a".
_SHIFT = re.compile(
    r"^(?:(?:[01]\d|2[0-3])(?:00|15|30|45)-(?:[01]\d|2[0-3])(?:00|15|30|45)"
    r"|\d{1,2}(?::\d{2})?(?:[ap]m?)?-\d{1,2}(?::\d{2})?[ap]m?)$",
    re.IGNORECASE,
)
UNIT_NUMBER = re.compile(
    r"^\d+(?:\.\d+)?-?(?:mg|ml|mcg|g|kg|lbs?|oz|pm|am|hrs?|hours?|mins?|minutes?|th|st|nd|rd|s|x"
    r"|k|yo|yrs?|years?|wks?|weeks?|mos?|months?|days?|d|h|m|cc|u|iu|mmhg|bpm|f|c|%)$"
    # A gestational age ("36w2d") and an obstetric history ("G3P2002").
    r"|^\d{1,2}w\dd?$|^g\d{1,2}p\d{1,4}$",
    re.IGNORECASE,
)


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


# A run of ASCII digits, or one digit of another script: a run starts at every digit that has
# no ASCII digit before it.
DIGIT_RUN = re.compile(r"[0-9]+|\d")
# The same for ASCII text, where the alternative for other scripts' digits never matches:
# without it the regex engine skips ahead to a digit.
_ASCII_DIGIT_RUN = re.compile(r"[0-9]+")


def digit_runs(text: str) -> Iterator[re.Match[str]]:
    """`DIGIT_RUN` matches in ``text``."""
    return (_ASCII_DIGIT_RUN if text.isascii() else DIGIT_RUN).finditer(text)


_ANY_DIGITS = re.compile(r"\d+")
_GROUP_SEPARATORS = frozenset(" -")
_LETTERS_AND_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
_CHUNK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def digit_groups(text: str, runs: list[int]) -> Iterator[re.Match[str]]:
    """DIGIT_GROUPS matches, tried only where one can start before a run of digits (after
    up to three letters and a hyphen) rather than at every character. ``runs`` may leave out
    the runs no second group follows ("grouped" of `number_starts`)."""
    last_end = -1
    match = DIGIT_GROUPS.match
    chars = _LETTERS_AND_HYPHEN
    for run in runs:
        start = run
        while start and run - start < 4 and text[start - 1] in chars:
            start -= 1
        if start < last_end:
            continue
        m = match(text, start)
        if m is not None:
            last_end = m.end()
            yield m


def chunks(text: str, runs: list[int]) -> Iterator[re.Match[str]]:
    """CHUNK matches: the letter, digit and hyphen run around each run of digits, tried from
    its start (or a "#" before it) rather than at every character."""
    last_end = -1
    chars = _CHUNK_CHARS
    for run in runs:
        if run < last_end:
            continue
        start = run
        while start and text[start - 1] in chars:
            start -= 1
        for at in (start - 1, start) if start and text[start - 1] == "#" else (start,):
            m = CHUNK.match(text, at)
            if m is not None:
                last_end = m.end()
                yield m
                break


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def number_starts(text: str, folded: str) -> dict[str, list[int]]:
    """Where numbers start, in one pass over the runs of digits of ``folded`` (``fold(text)``).

    "runs": every run of digits; "grouped": the runs of two digits or more followed by a space
    or hyphen and a digit, where `digit_groups` may match; "starts": runs with no letter, digit
    or "_" before them, and a "+" or "(" right before such a run; "digits": the runs among
    "starts"; "phone": the starts a phone number may start at (a "+" or "(", three digits or
    more, or a "1"); "bare": numbers of three to five digits before a space and a capital
    letter (`patterns.ADDRESS_BARE`). The other lists
    are the starts each number-led pattern can match at, from the length of the run and the
    character after it: an SSN starts with three digits and a dash or space, a ZIP code with
    five, an IP address with up to three and a dot, a date ("date") with four digits and a
    separator or up to two and a separator, space or ordinal suffix, and so on.
    """
    names = ("runs", "grouped", "starts", "digits", "phone", "le3", "le6", "bare", "five", "ssn")
    out: dict[str, list[int]] = {name: [] for name in (*names, "ipv4", "card", "date", "age")}
    runs, grouped, starts, digits = out["runs"], out["grouped"], out["starts"], out["digits"]
    phone, le3, le6, bare = out["phone"], out["le3"], out["le6"], out["bare"]
    five, age = out["five"], out["age"]
    ssn, ipv4, card, date = out["ssn"], out["ipv4"], out["card"], out["date"]
    word_chars = _WORD_CHARS
    other_scripts = not folded.isascii()  # only then may a run go on in digits of other scripts
    for m in digit_runs(folded):
        start, end = m.span()
        runs.append(start)
        if other_scripts and (
            end - start == 1 or (end < len(folded) and not folded[end].isascii())
        ):
            end = _ANY_DIGITS.match(folded, start).end()  # digits of other scripts after it
        size = end - start
        after = text[end : end + 1]
        digit_group_after = after in _GROUP_SEPARATORS and text[end + 1 : end + 2].isdecimal()
        if digit_group_after and size >= 2:
            grouped.append(start)
        if start:
            before = folded[start - 1]
            if before in word_chars:
                continue
            if before in "+(" and (start == 1 or folded[start - 2] not in word_chars):
                starts.append(start - 1)
                phone.append(start - 1)
        starts.append(start)
        digits.append(start)
        if size >= 3 or folded[start] == "1":
            phone.append(start)
        if size <= 6:
            le6.append(start)
            if 3 <= size <= 5 and after == " " and "A" <= text[end + 1 : end + 2] <= "Z":
                bare.append(start)
            if size <= 3:
                le3.append(start)
                following = folded[end : end + 2]
                if (
                    following[:1] in _AGE_RIGHT_AFTER
                    or (following[:1] in _AGE_GAP and following[1:] in _AGE_AFTER_GAP)
                    or not following.isascii()
                ):
                    age.append(start)
                if after == ".":
                    ipv4.append(start)
                elif size == 3 and (after == "-" or after == " "):
                    ssn.append(start)
            elif size == 5:
                five.append(start)
        if size >= 13 or digit_group_after:
            card.append(start)
        if (
            (size == 4 and after in _DATE_SEPARATORS)
            or (size <= 2 and after and (after in _AFTER_DAY or after.isspace()))
            or (after and not after.isascii())
        ):
            date.append(start)
    return out


# What may follow the first number of a number-led date: "2023-09-30", "3/14", "5 March", "4th".
_DATE_SEPARATORS = frozenset("-/.")
_AFTER_DAY = frozenset("-/.snrt")
# Where a number-led age form (`patterns.AGE_LED_FOLDED` and `AGE_LED_TEXT`) may start: what
# may stand right after the number, folded ("34yo", "8mos", "54M", "52/F", "46, ", "90s",
# "90's"), or after a space or a hyphen ("34 yo", "6-week-old", "54 M", "52 / F"). Other
# scripts' characters are let through, for their spaces.
_AGE_RIGHT_AFTER = frozenset("yamwd's/,f")
_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_AGE_GAP = frozenset(_ASCII_SPACES + "-")
_AGE_AFTER_GAP = frozenset(_ASCII_SPACES + "yamwdf/-")


def looks_like_id(chunk: str) -> bool:
    """Numbers long enough to identify someone, and codes mixing letters and digits."""
    if len(chunk) < 5:
        return False  # the quick test: fewer than five digits and too short for a code
    digits = sum(c.isdigit() for c in chunk)
    if UNIT_NUMBER.match(chunk) or _SHIFT.match(chunk):
        return False
    if digits >= 5:
        return True
    letters = sum(c.isalpha() for c in chunk)
    return letters > 0 and digits >= 2 and len(chunk) >= 5
