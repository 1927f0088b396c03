"""Contacts written out so that no pattern for digits or "@" sees them.

Voice-to-text and people avoiding spam filters spell phone numbers in words ("six one four five
five five ...") and e-mail addresses with "at" and "dot" ("jdoe at gmail dot com"). Both are
found in folded text; offsets are those of the original.
"""

from __future__ import annotations

import re

from .lexicon import is_common

_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})"
# Digits in words or small groups; `find_spelled_contacts` asks for seven digits in all, at
# least three of them words.
SPELLED_PHONE = re.compile(
    rf"(?<![a-z0-9]){_DIGIT_WORD}(?:[\s,.-]+{_DIGIT_WORD}){{2,11}}(?![a-z0-9])"
)
_WORD_DIGITS = re.compile(r"zero|oh|one|two|three|four|five|six|seven|eight|nine")
# Where a spelled phone number may be: two digit words in a row.
_TWO_DIGIT_WORDS = re.compile(
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,-]+"
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![a-z])"
)

_AT = r"(?:\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)"
_TLDS = r"(?:com|org|net|edu|gov|us|info|io|me|co)"
_WEBMAIL = r"(?:gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|live|msn)"
# "at" and a domain, spelled: " at yahoo dot com", " [at] vcrc [dot] org", " at gmail".
SPELLED_DOMAIN = re.compile(
    rf"{_AT}(?:[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*?{_DOT}{_TLDS}|{_WEBMAIL})(?![a-z0-9])"
)
_WEBMAILS = tuple(_WEBMAIL[3:-1].split("|"))
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
# Words before "at" that are not the local part of an address ("call me at gmail" is rare;
# "her email at gmail" names no one).
_NOT_LOCAL = frozenset("me him her them us it email mail address is was".split())


def find_spelled_contacts(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of phones and e-mails spelled in words in ``folded`` text."""
    found: list[tuple[int, int, str]] = []
    if " dot " in folded or "at]" in folded or "at)" in folded or " at " in folded:
        for m in SPELLED_DOMAIN.finditer(folded):
            start = m.start()
            while start and folded[start - 1] in _LOCAL_CHARS:
                start -= 1
            local = folded[start : m.start()]
            if not local or local in _NOT_LOCAL:
                continue
            spelled = m.group().strip()[:2] in ("at", "[a", "(a") and not m.group().endswith(
                _WEBMAILS
            )
            if spelled or not local.isalpha() or not is_common(local):
                found.append((start, m.end(), "EMAIL"))
    last_end = -1
    for hint in _TWO_DIGIT_WORDS.finditer(folded):
        if hint.start() < last_end:
            continue
        m = SPELLED_PHONE.search(folded, max(0, hint.start() - 15), hint.end() + 80)
        if m is not None and m.start() <= hint.start() < m.end():
            if len(_WORD_DIGITS.findall(m.group())) >= 3 and _digit_count(m.group()) >= 7:
                found.append((m.start(), m.end(), "PHONE"))
                last_end = m.end()
    return found


def _digit_count(text: str) -> int:
    words = len(_WORD_DIGITS.findall(text))
    return words + sum(c.isdigit() for c in text)
