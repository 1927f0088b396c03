"""Names in the fixed places of clinical documents: headers, credentials and sign-offs.

Hospital and clinic notes name people in ways prose does not:

- a header field and a name written surname first: "Attending: KRISTIANSEN, ODD",
  "Patient: Abernathy, Clarence";
- a name before a credential: "(Wood, PharmD)", "Anita Ruiz, LCSW";
- dictation initials at the end of a note or before the dictation dates: "rap/dmw",
  "RQB/lmh   D: 05/03/2067", "mk/Dr. Kellerman", "-- sjr".

These names may be ordinary words ("ODD", "Wood"), so only their place identifies them.
"""

from __future__ import annotations

import re

from .spans import Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A header field, then "Surname, Given [M.]" (any case).
HEADER_NAME = re.compile(
    r"(?i:attending|patient(?: name)?|pt|name|physician|provider|pcp|referring(?: physician)?"
    r"|surgeon|resident|fellow|consultant|author|dictated by|signed by|cc|re)"
    r"[^\S\n]*:[^\S\n]*"
    r"(?P<n>[A-Z][A-Za-z'-]+,[^\S\n]*[A-Z][A-Za-z'-]+(?:[^\S\n]+[A-Z]\.?(?![\w]))?)"
)
CREDENTIALS = (
    r"(?:MD|M\.D\.|DO|D\.O\.|RN|BSN|NP|APRN|FNP|PA-C|PA|PharmD|LCSW|LICSW|LMSW|MSW|LPN|CNA"
    r"|CRNA|PhD|PsyD|LMHC|LPC|LMFT|CADC|CPRS|CRS|PMHNP|DNP|RD|PT|DPT|OT|OTR|SLP|CCC-SLP)"
)
CREDENTIAL = re.compile(r"(?<![\w-])" + CREDENTIALS + r"(?![\w-])")
# What stands before a credential: "Wood, PharmD", "Anita Ruiz, LCSW", "Odd Kristiansen MD".
NAME_BEFORE_CREDENTIAL = re.compile(
    r"(?P<n>[A-Z][a-zA-Z'’-]+(?:[^\S\n]+(?:[A-Z]\.|[A-Z][a-zA-Z'’-]+)){0,3}),?[^\S\n]+$"
)
# Dictation initials: "rap/dmw" or "OK/hb" closing a line or before "D:"/"T:"/"DD:"/"cc:".
_LINE_END = r"(?=[^\S\n]*(?:$|\n|(?:D|DD|T|DT|cc):))"
DICTATION_PAIR = re.compile(
    r"(?<![\w/])(?P<a>[A-Za-z]{2,4})/(?P<b>[a-z]{2,4})" + _LINE_END,
)
# "Dr. Ingeborg Hallström/yl": a typist's initials after the author's name.
TYPIST_AFTER_NAME = re.compile(r"(?<=[a-zà-ÿ.])/(?P<b>[a-z]{2,3})" + _LINE_END)
# "mk/Dr. Marcus Kellerman": the typist's initials before the author's name.
TYPIST_BEFORE_NAME = re.compile(r"(?<![\w/])(?P<a>[a-z]{2,4})/(?=Dr\.?\s)")
# "-- sjr" closing a note.
DASH_SIGNATURE = re.compile(r"(?:--|—|–)[^\S\n]*(?P<s>[a-z]{2,4})[^\S\n]*(?:$|\n)")
# Slash pairs that are units or words, not initials: "mg/dl", "and/or".
_NOT_INITIALS = _words(
    """mg dl ml mcg kg hr hrs min day days wk mmol meq cc mm cm hg gm iu units unit dose
    and or he she his her him yes no am pm per sec lb lbs oz tab tabs cap caps neb nebs"""
)
# Credentials that are also state abbreviations or words ("Baltimore, MD"): the name before
# them needs two words.
_AMBIGUOUS_CREDENTIALS = _words("MD DO PA PT OT RD")


def find_clinical_names(text: str) -> list[Span]:
    """Names found from their place in a clinical document."""
    spans: list[Span] = []
    if ":" in text:
        for m in HEADER_NAME.finditer(text):
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "header"))
    for credential in CREDENTIAL.finditer(text):
        start = max(0, credential.start() - 60)
        m = NAME_BEFORE_CREDENTIAL.search(text, start, credential.start())
        if m is not None and (
            credential.group() not in _AMBIGUOUS_CREDENTIALS or len(m.group("n").split()) > 1
        ):
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "credential"))
    if "/" in text:
        for m in DICTATION_PAIR.finditer(text):
            a, b = m.group("a").lower(), m.group("b")
            if a not in _NOT_INITIALS and b not in _NOT_INITIALS:
                spans.append(Span(*m.span("a"), "PERSON", "pattern", "initials"))
                spans.append(Span(*m.span("b"), "PERSON", "pattern", "initials"))
        for m in TYPIST_AFTER_NAME.finditer(text):
            if m.group("b") not in _NOT_INITIALS:
                spans.append(Span(*m.span("b"), "PERSON", "pattern", "initials"))
        for m in TYPIST_BEFORE_NAME.finditer(text):
            if m.group("a") not in _NOT_INITIALS:
                spans.append(Span(*m.span("a"), "PERSON", "pattern", "initials"))
    if "-" in text or "—" in text or "–" in text:
        for m in DASH_SIGNATURE.finditer(text):
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "initials"))
    return spans
