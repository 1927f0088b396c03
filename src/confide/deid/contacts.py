"""Contacts written out so that no pattern for digits or "@" sees them.

Voice-to-text and people avoiding spam filters spell phone numbers in words ("six one four five
five five ...") and e-mail addresses with "at" and "dot" ("jdoe at gmail dot com"). Both are
found in folded text; offsets are those of the original.
"""

from __future__ import annotations

import re

from .lexicon import NON_IDENTIFYING, is_common
from .scan import positions

_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})"
# Digits in words or small groups; `find_spelled_contacts` asks for seven digits in all, at
# least three of them words.
SPELLED_PHONE = re.compile(
    rf"(?<![a-z0-9]){_DIGIT_WORD}(?:[\s,.-]+{_DIGIT_WORD}){{2,11}}(?![a-z0-9])"
)
DIGIT_WORDS = frozenset(re.findall(r"\w+", "zero oh one two three four five six seven eight nine"))
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
# Where a spelled address may be.
_EMAIL_HINT = re.compile(rf" dot |[\[(]\s*at\s*[\])]|\bat {_WEBMAIL}\b")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
# Words before "at" that are not the local part of an address ("call me at gmail" is rare;
# "her email at gmail" names no one).
_NOT_LOCAL = frozenset(re.findall(r"\S+", "me him her them us it email mail address is was"))


_BRACKETED_AT = re.compile(r"[\[(]\s*at")
# "at gmail", "at yahoo": one regex with a literal start, faster than a test per name.
_AT_WEBMAIL = re.compile("at (?:" + "|".join(map(re.escape, _WEBMAILS)) + ")")


def _may_hold_email(folded: str) -> bool:
    """A quick test that ``_EMAIL_HINT`` may match: substrings each of its forms holds."""
    return (
        " dot " in folded
        or _AT_WEBMAIL.search(folded) is not None
        or any(_BRACKETED_AT.match(folded, at) for at in positions(folded, "(", "["))
    )


def find_spelled_contacts(
    folded: str, words: list[tuple[int, str]] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, label) of phones and e-mails spelled in words in ``folded`` text.

    ``words`` are the (start, folded word) pairs of the text's words, when the caller has them.
    """
    found: list[tuple[int, int, str]] = []
    hint = _EMAIL_HINT.search(folded) if _may_hold_email(folded) else None
    if hint is not None:
        for m in SPELLED_DOMAIN.finditer(folded, max(0, hint.start() - 80)):
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
    if words is None:
        starts = [m.start() for m in _TWO_DIGIT_WORDS.finditer(folded)]
    else:
        starts = [
            start
            for (start, low), (_, after) in zip(words, words[1:], strict=False)
            if low in DIGIT_WORDS and after in DIGIT_WORDS
        ]
    last_end = -1
    for start in starts:
        if start < last_end:
            continue
        m = SPELLED_PHONE.search(folded, max(0, start - 15), start + 90)
        if (
            m is not None
            and m.start() <= start < m.end()
            and len(_WORD_DIGITS.findall(m.group())) >= 3
            and _digit_count(m.group()) >= 7
        ):
            found.append((m.start(), m.end(), "PHONE"))
            last_end = m.end()
    return found


# "$jane-doe-12": a Cash App cashtag (a dollar sign and a letter, so never an amount).
CASHTAG = re.compile(r"(?<![\w$])\$[A-Za-z][A-Za-z0-9_-]{1,19}(?![\w-])")
# "venmo jane-doe-12", "cash app: $jdoe", "paypal is j.doe.77": a payment account after the
# app's name (folded text, at the start of the app's name).
PAYMENT_CUE = re.compile(
    r"(?:venmo|cash ?app|paypal|zelle)(?:\s+(?:me|is|name|handle|username|account|acct|at))*"
    r"\s*[:=-]?\s*[@$]?(?P<h>[a-z0-9][a-z0-9_.-]{1,29}[a-z0-9])(?![\w-])"
)


def find_payment_handles(text: str, folded: str, cue_starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of cashtags and of payment accounts named after a payment app."""
    found = []
    if "$" in text:
        found += [m.span() for m in CASHTAG.finditer(text)]
    for start in cue_starts:
        m = PAYMENT_CUE.match(folded, start)
        if m is None:
            continue
        handle = m.group("h")
        if not any(c.isalpha() for c in handle) or handle.endswith((".com", ".net", ".org")):
            continue
        if handle.isalpha() and (is_common(handle) or handle in NON_IDENTIFYING):
            continue
        h_start = m.start("h")
        if folded[h_start - 1] in "@$":
            h_start -= 1
        found.append((h_start, m.end("h")))
    return found


def _digit_count(text: str) -> int:
    words = len(_WORD_DIGITS.findall(text))
    return words + sum(c.isdigit() for c in text)
