"""Names in the fixed places of clinical and group documents: headers, credentials,
sign-offs, attendance lists, transcripts and aliases.

Notes name people in ways prose does not:

- a name written surname first: after a header field ("Attending: KRISTIANSEN, ODD",
  "Patient: Abernathy, Clarence"), in capitals ("DELACROIX, DANIEL P") or before an age
  ("Liang, Wei, 88 y/o");
- a name before a credential: "(Wood, PharmD)", "Anita Ruiz, LCSW";
- dictation initials at the end of a note or before the dictation dates: "rap/dmw",
  "RQB/lmh   D: 05/03/2067", "mk/Dr. Kellerman", "-- sjr".

- who attended a group ("Present: Will, Grace, Frank, Rosa M."), who spoke in a text
  transcript ("Hunter 6:12a:"), and street names and aliases ("goes by smoke", "King (real
  name ...)").

These names may be ordinary words ("ODD", "Wood", "Hope"), so only their place identifies
them.
"""

from __future__ import annotations

import re
from itertools import chain

from .lexicon import FIRST_NAMES, ORDINARY, is_common, is_english, words
from .scan import by_first_letter, matches_at, positions
from .spans import Span

# A header field before a colon (folded), and "Surname, Given [M.]" (any case) after it.
HEADER_FIELDS = ("attending", "patient", "patient name", "pt", "name", "physician", "provider",
                 "pcp", "referring", "surgeon", "resident", "fellow", "consultant", "author",
                 "dictated by", "signed by", "cc", "re")  # fmt: skip
# Capitals and letters with accents: "BOUCHARD-NWOSU, LÉA".
_UP = "A-ZÀ-ÖØ-Þ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
SURNAME_FIRST = re.compile(
    rf"[^\S\n]*(?P<n>[{_UP}][{_LETTER}'-]+,[^\S\n]*(?:[{_UP}][{_LETTER}'-]+"
    rf"(?:[^\S\n]+[{_UP}]\.?(?!\w))?|[{_UP}]\.?(?!\w)))"
)
# "DELACROIX, DANIEL P" on a registration line: a surname and a given name in capitals.
SURNAME_FIRST_CAPS = re.compile(
    rf"(?P<n>(?P<a>[{_UP}][{_UP}'-]+),[^\S\n]?(?P<b>[{_UP}][{_UP}'-]+)(?:[^\S\n][{_UP}]\.?)?)"
    r"(?![\w])"
)
# "Liang, Wei, 88 y/o F": a surname and a given name before an age.
SURNAME_FIRST_BEFORE_AGE = re.compile(
    r"(?P<n>[A-Z][a-zA-Z'-]+,[^\S\n]?[A-Z][a-zA-Z'-]+(?:[^\S\n][A-Z]\.?)?),[^\S\n]*"
    r"\d{1,3}[^\S\n]*(?:y/o|yo|y\.o\.|-?year|M\b|F\b|y\b)"
)
# "Present: Will, Grace, Frank, Rosa M., T.J., Hope": who attended a group, one name each.
# Fields that name one person: "Co-facilitator: Mei-Ling", "Sponsor: Darnell W."
PERSON_FIELDS = ("facilitator", "co-facilitator", "cofacilitator", "sponsor", "supervisor",
                 "case manager", "therapist", "counselor", "peer", "staff", "worker",
                 "caller", "contact", "emergency contact", "guardian", "landlord",
                 "probation officer", "po", "interpreter", "rn", "lpn", "cna", "pct", "np",
                 "pa", "md", "nurse", "resident", "tech", "scribe", "chaplain", "aide",
                 "sitter", "provider", "preferred", "preferred name", "nickname",
                 "goes by", "client", "participant", "member", "mentee", "guest", "consumer",
                 "youth")  # fmt: skip
# Field values that name no one: "Client: declined", "Youth: New".
_NOT_FIELD_NAMES = words(
    """none n/a na unknown declined refused self same other new present absent male female
    adult child youth staff peer all several various tbd pending anonymous yes no ok phone
    text email call calls person in-person visit video telehealth zoom family mom dad mother
    father friend sister brother daughter son spouse partner wife husband"""
)
PERSON_AFTER_FIELD = re.compile(
    r"[^\S\n]*(?P<n>[A-Z][\w'’-]+(?:[^\S\n](?:[A-Z]\.|[A-Z][\w'’-]+)){0,2})"
)
# Fields that name a place or an organisation: "LOC: THE LANDING - EAST", "Facility: ...".
PLACE_FIELDS = ("loc", "location", "site", "facility", "place of service", "program",
                "agency", "employer", "school", "pharmacy", "shelter", "placement",
                "referred to", "referral to", "transferred to", "house", "residence",
                "recovery house", "sober house")  # fmt: skip
PLACE_AFTER_FIELD = re.compile(
    r"[^\S\n]*(?P<v>[A-Z0-9][^\n:(,]*?)(?=[^\S\n]{2,}|\n|$|[;.]\s|[(,]|\s+[A-Z]+:)"
)
ATTENDANCE_FIELDS = ("present", "attendees", "attended", "attending", "in attendance",
                     "attendance", "participants", "group members", "staff on",
                     "new youth")  # fmt: skip
_COUNT_AT_END = re.compile(r"[^\S\n]*\(\d+\)$")
ATTENDEE = re.compile(
    r"(?P<n>(?:[A-Z]\.){1,3}|(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?[^\S\n]+)?[A-Z][\w'’-]+"
    r"(?:[^\S\n]+(?:[A-Z]\.|[A-Z][\w'’-]+))?)"
    # A note in brackets may follow a name: "Dez (peer lead), Aurelio, Kit (intern)".
    r"(?:[^\S\n]*\([^()\n]{1,30}\))?"
    r"(?:[^\S\n]*(?:,|\band\b|&)[^\S\n]*|[^\S\n]*(?=\n|$|[.;(]))"
)
# "Hunter 6:12a: cant make it": the speaker of a text-message transcript line.
# Searched back from the colon after the time, so that a transcript run into one line works
# too ("... u ok? tate 7:51p: not rly").
SPEAKER = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Za-z][\w'’-]+(?:[^\S\n][A-Z][\w'’-]+)?)[^\S\n]+\d{1,2}:\d{2}"
    r"[^\S\n]?(?:[ap]\.?m?\.?|[AP]\.?M?\.?)?[^\S\n]*$"
)
# "goes by smoke", "aka Boog", "King (real name Kingsley Obi)": names and street names.
ALIAS = re.compile(
    r"(?i:goes by|go by|going by|known as|a\.?k\.?a\.?|nicknamed|street name(?: is)?"
    r"|real name(?: is)?|calls (?:him|her|them)sel(?:f|ves))[^\S\n]*[:\"'“]?[^\S\n]*"
    r"(?P<n>[A-Za-z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]+)?)"
)
# Where ALIAS may start (folded text): it is matched only there.
_ALIAS_STARTS = ("goes by", "go by", "going by", "known as", "aka", "a.k.a", "nicknamed",
                 "street name", "real name", "calls ")  # fmt: skip
# 'participant "Smoke"', 'a guest "Moose"': a nickname in quotes after a person's role.
QUOTED_NICKNAME = re.compile(
    r"(?i:participant|client|guest|caller|member|youth|resident|visitor|pt|patient|friend|named"
    r"|called)[^\S\n]+[\"“](?P<n>[A-Z][\w'’-]*)[\"”]"
)
# 'Jesús "Chuy" Baeza', 'Carmen "La Flaca" Reyes': a nickname in quotes between a given name
# and a surname names the person, whatever the other two words are.
NICKNAME_INSIDE = re.compile(
    r"(?P<g>[A-Z][a-zà-ÿ][\w'’-]*)[^\S\n]+[\"“](?P<n>[A-Z][\w'’-]*(?:[^\S\n][A-Z][\w'’-]*)?)"
    r"[\"”][^\S\n]+(?P<s>[A-Z][a-zà-ÿ][\w'’-]*)"
)
# A name opening a chat line, after a time if any: "Sun 3/16 11:48pm Hunter:", "Hunter:".
_CHAT_TIME = (
    r"(?P<t>[^\n]{0,20}\d{1,2}:\d{2}[^\S\n]*(?:[ap]\.?[^\S\n]?m?\.?|[AP]\.?[^\S\n]?M?\.?)?\]?"
    r"[^\S\n]+)?[^\S\n]*"
)
LINE_SPEAKER = re.compile(_CHAT_TIME + r"(?P<n>[A-Z][a-z][\w'’-]*(?:[^\S\n][A-Z]\.?)?)$")
# The same in a thread copied in lowercase: "bernice hollins:", "krista h:", "md:".
LOWERCASE_LINE_SPEAKER = re.compile(
    _CHAT_TIME + r"(?P<n>[a-z][a-z'’-]+(?:[^\S\n](?:[a-z]\.?|[a-z][a-z'’-]+))?)$"
)
ALIASED = re.compile(r"(?P<n>[A-Z][\w'’-]+)[^\S\n]*\((?i:real name|aka|a\.k\.a\.)")
# "RN: BKH", "Scribe: jlt": initials after a role in a staffing line.
ROLE_FIELDS = ("RN", "LPN", "CNA", "PCT", "NP", "PA", "MD", "Tech", "Scribe", "Nurse", "CM",
               "SW")  # fmt: skip
INITIALS_AFTER_FIELD = re.compile(r"[^\S\n]*(?P<i>[A-Za-z]{2,4})(?![\w])")
CREDENTIALS = (
    r"(?:MD|M\.D\.|DO|D\.O\.|RN|BSN|NP|APRN|FNP|PA-C|PA|PharmD|LCSW|LICSW|LMSW|MSW|LPN|CNA"
    r"|CRNA|PhD|PsyD|LMHC|LPC|LMFT|CADC|CPRS|CRS|PMHNP|DNP|RD|PT|DPT|OT|OTR|SLP|CCC-SLP"
    # Peer and addiction credentials: "M. Castellanos, CRPS".
    r"|CRPS|CPS|CRSS|CPSS|PRSS|CPSW|CRPA|CPRP|NCPRSS|CFPP|CASAC|LADC|LCADC|CAC|CRC)"
)


# No look-behind in front, so that the regex engine can skip to a capital letter; the
# boundary before is checked by hand.
CREDENTIAL = re.compile(by_first_letter(CREDENTIALS) + r"(?![\w-])")
# What stands before a credential: "Wood, PharmD", "Anita Ruiz, LCSW", "Odd Kristiansen MD".
NAME_BEFORE_CREDENTIAL = re.compile(
    r"(?P<n>(?:[A-Z]\.[^\S\n]*)?[A-Z][a-zA-Z'’-]+(?:[^\S\n]+(?:[A-Z]\.|[A-Z][a-zA-Z'’-]+)){0,3}),?[^\S\n]+$"
)
# Dictation initials around a slash: "rap/dmw" or "OK/hb" closing a line or before
# "D:"/"T:"/"DD:"/"cc:"; "Hallström/yl" (the typist after the author); "mk/Dr. Kellerman".
INITIALS_BEFORE_SLASH = re.compile(r"(?<![\w/])(?P<a>[A-Za-z]{2,4})$")
INITIALS_AFTER_SLASH = re.compile(r"(?P<b>[a-z]{2,4})(?=[^\S\n]*(?:$|\n|(?:D|DD|T|DT|cc):))")
# "mk/Dr. Marcus Kellerman", "PS/Priya Subramanian": initials before the author's name.
AUTHOR_AFTER_SLASH = re.compile(r"Dr\.?\s|[A-Z][a-z]+[^\S\n]+[A-Z][a-z]+")
# "-- sjr", "- DB", "- SK (night float)", "RN  /cf" closing a note or a line.
DASH_SIGNATURE = re.compile(
    r"[-—–/]{1,2}[^\S\n]*(?P<s>[a-z]{2,4}|[A-Z]{2,3})[^\S\n]*"
    r"(?=$|\n|\(|:|,[^\S\n]*[A-Z]{2,5}\b)"  # "- RM, CPSW", "- JK: graduated"
)
# What may close a line after a signature: a credential or a role ("—val t., cpc", "— ffion,
# peer mentor", "- Deb, CRSS").
_ROLE_TO_LINE_END = (
    r"[^\S\n]*(?=$|\n|,[^\S\n]*(?:[A-Za-z]{2,6}\.?|(?:peer|recovery|youth|family)\b[^\n,]{0,30})"
    r"[^\S\n]*(?:$|\n))"
)
# "-Ty B.", "-jolene m", "—val t., cpc" closing a note or a line: a given name and an initial
# after a dash.
NAME_SIGNATURE = re.compile(
    r"[-—–]{1,2}[^\S\n]*(?P<s>[A-Za-z][a-z]+[^\S\n][A-Za-z]\.?)" + _ROLE_TO_LINE_END
)
# "— ffion, peer mentor", "- wren, peer navigator": a lowercase name alone after a dash, then
# a role, closing the note.
LOWERCASE_SIGNATURE = re.compile(
    r"[-—–]{1,2}[^\S\n]*(?P<s>[a-z][a-z'-]+),[^\S\n]*(?:[a-z]{2,6}\.?|(?:peer|recovery|youth"
    r"|family)\b[^\n,]{0,30})[^\S\n]*(?=$|\n)"
)
_NOT_LOWERCASE_SIGNATURES = words("thanks thx ty ok okay done end note notes staff team all")
# "- J. left at 6:10": an initial opening a list item, the person the item is about.
INITIAL_ITEM = re.compile(r"[^\S\n]*[-•*][^\S\n]*(?P<s>[A-Z]\.)[^\S\n]+(?=[a-z])")
_LINE_INITIAL_ITEM = re.compile("\n" + INITIAL_ITEM.pattern)
# "Peer (dani): ok": a name in brackets before what they wrote.
NAME_IN_BRACKETS = re.compile(r"\((?P<n>[A-Za-z][\w'’-]+)\):")
# "Kit Moreno-Alves, Youth Peer Specialist": a name before a job title.
_TITLES = words(
    """specialist coach manager navigator worker advocate supervisor director coordinator
    counselor counsellor therapist facilitator mentor chaplain"""
)
JOB_TITLE = re.compile(r"(?:" + "|".join(sorted(t.capitalize() for t in _TITLES)) + r")\b")
NAME_BEFORE_ROLE = re.compile(
    r"(?P<n>[A-Z][\w'’-]+(?:[^\S\n][A-Z][\w'’-]+){0,2}),[^\S\n]*(?:[A-Z][a-z]+[^\S\n]){0,3}$"
)
# "Have a quiet one -T", "-W." on its own line: one initial after a dash signs a note. A lone
# letter may be a list's label ("Option - B"), so this counts only at the end of the note or
# alone on its line.
INITIAL_SIGNATURE = re.compile(r"(?<!\S)[-—–~]{1,2}[^\S\n]?(?P<s>[A-Z])\.?[^\S\n]*(?=\n|\Z)")
# A note signed with initials alone on its last line: "... plan. RO".
LAST_LINE_INITIALS = re.compile(r"\n[^\S\n]*(?P<s>[A-Z]{2,3}|[a-z]{2,3})[^\S\n]*\Z")
_NOT_SIGNATURES = words("ok no yes end eom tbd nka")
# A newborn's name before one is given: "Baby Girl Tzoc".
NEWBORN = re.compile(r"(?P<n>Baby[^\S\n]+(?:Girl|Boy)[^\S\n]+[A-Z][\w'’-]+)")
# Slash pairs that are units or words, not initials: "mg/dl", "and/or".
_NOT_INITIALS = words(
    """mg dl ml mcg kg hr hrs min day days wk mmol meq cc mm cm hg gm iu units unit dose
    and or he she his her him yes no am pm per sec lb lbs oz tab tabs cap caps neb nebs"""
)
# Credentials that are also state abbreviations or words ("Baltimore, MD"): the name before
# them needs two words.
_AMBIGUOUS_CREDENTIALS = words("MD DO PA PT OT RD")


def find_clinical_names(
    text: str, folded: str, text_words: frozenset[str] | None = None
) -> list[Span]:
    """Names found from their place in a clinical or group document; ``folded`` is
    ``fold(text)`` and ``text_words`` its set of words when the caller has it. Each pattern
    runs only where its cue character or word occurs."""
    colons = positions(text, ":")
    return (
        _names_in_fields(text, folded, colons)
        + _surnames_first(text)
        + _speakers_and_aliases(text, folded, colons)
        + _names_before_titles(text, text_words is None or not text_words.isdisjoint(_TITLES))
        + _sign_offs(text)
    )


def _names_in_fields(text: str, folded: str, colons: list[int]) -> list[Span]:
    """Header, attendance, role and place fields: "Attending: KRISTIANSEN, ODD"."""
    spans: list[Span] = []
    for colon in colons:
        # A count may stand before the colon: "Attendance (8):" (the quick test: its bracket).
        field = folded[max(0, colon - 24) : colon].rstrip(" \t")
        if ")" in field[-2:]:
            field = _COUNT_AT_END.sub("", field)
        if field.endswith(HEADER_FIELDS):
            m = SURNAME_FIRST.match(text, colon + 1)
            if m is not None:
                spans.append(Span(*m.span("n"), "PERSON", "pattern", "header"))
        if field.endswith(ATTENDANCE_FIELDS):
            spans += _attendees(text, _after_spaces(text, colon + 1))
        elif field.endswith(PERSON_FIELDS) and _field_starts_word(field, PERSON_FIELDS):
            m = PERSON_AFTER_FIELD.match(text, colon + 1)
            # A field that names a person names them even with an ordinary word ("Client:
            # Hope"), but for what says there is no one to name.
            if m is not None and m.group("n").split()[0].lower() not in _NOT_FIELD_NAMES:
                start, end = m.span("n")
                # "Preferred: Shiv DOB: ...": the next field's label is no part of the name.
                last = text.rfind(" ", start, end) + 1
                if last and text[last:end].lower() in _FIELD_ABBREVIATIONS:
                    end = last - 1
                spans.append(Span(start, end, "PERSON", "pattern", "field"))
        elif field.endswith(PLACE_FIELDS) and _field_starts_word(field, PLACE_FIELDS):
            m = PLACE_AFTER_FIELD.match(text, colon + 1)
            if m is not None and _names_something(m.group("v")):
                spans.append(Span(*m.span("v"), "ORG", "pattern", "field"))
        if text[max(0, colon - 8) : colon].rstrip(" \t").endswith(ROLE_FIELDS):
            m = INITIALS_AFTER_FIELD.match(text, colon + 1)
            if m is not None and not is_common(m.group("i").lower()):
                spans.append(Span(*m.span("i"), "PERSON", "pattern", "initials"))
    return spans


def _surnames_first(text: str) -> list[Span]:
    """Names written surname first, read around each comma: "DELACROIX, DANIEL P",
    "Liang, Wei, 88 y/o"."""
    spans: list[Span] = []
    # Both forms need a capital letter after the comma (and one space at most).
    for after_comma in _COMMA_BEFORE_CAPITAL.finditer(text):
        comma = after_comma.start()
        before = text[comma - 1 : comma]
        if before.isupper():
            m = SURNAME_FIRST_CAPS.search(text, max(0, comma - 30), comma + 40)
            if m is not None and m.end("a") == comma and _capitalised_name_pair(m):
                spans.append(Span(*m.span("n"), "PERSON", "pattern", "surname first"))
        if (
            before.isalpha()
            and "A" <= after_comma.group("c") <= "Z"
            and _DIGIT_SOON.search(text, comma, comma + 40)
        ):
            m = SURNAME_FIRST_BEFORE_AGE.search(text, max(0, comma - 30), comma + 60)
            if m is not None and m.start("n") < comma < m.end("n"):
                spans.append(Span(*m.span("n"), "PERSON", "pattern", "surname first"))
    return spans


_COMMA_BEFORE_CAPITAL = re.compile(rf",(?=[^\S\n]?(?P<c>[{_UP}]))")


def _speakers_and_aliases(text: str, folded: str, colons: list[int]) -> list[Span]:
    """Who speaks in a transcript ("tate 7:51p:", "Peer (dani):") and names by alias."""
    spans: list[Span] = []
    for colon in colons:
        if not text[colon - 1 : colon].isalnum() or not _TIME_BEFORE.search(
            text, max(0, colon - 12), colon
        ):
            continue
        m = SPEAKER.search(text, max(0, colon - 40), colon)
        if m is not None and _may_be_speaker(m.group("n")):
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "speaker"))
    if "):" in text:
        for m in NAME_IN_BRACKETS.finditer(text):
            if _may_be_speaker(m.group("n")):
                spans.append(Span(*m.span("n"), "PERSON", "pattern", "speaker"))
    for cue in _ALIAS_STARTS:
        for at in positions(folded, cue):
            m = ALIAS.match(text, at)
            if m is not None and m.group("n").lower() not in _NOT_ALIASES:
                spans.append(Span(*m.span("n"), "PERSON", "pattern", "alias"))
    for bracket in positions(text, "("):
        if not folded.startswith(("real name", "aka", "a.k.a"), bracket + 1):
            continue
        m = ALIASED.search(text, max(0, bracket - 40), bracket + 12)
        if m is not None:
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "alias"))
    if "Baby " in text:
        for m in NEWBORN.finditer(text):
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "newborn"))
    for quote in positions(text, '"', "“"):
        # Both forms need a space before the quote and a capital letter after it.
        before, after = text[quote - 1 : quote], text[quote + 1 : quote + 2]
        if not (before.isspace() and before != "\n" and "A" <= after <= "Z"):
            continue
        m = QUOTED_NICKNAME.search(text, max(0, quote - 14), quote + 40)
        if m is not None and m.start("n") == quote + 1:
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "nickname"))
        m = NICKNAME_INSIDE.search(text, max(0, quote - 30), quote + 60)
        if m is not None and m.start("n") == quote + 1:
            spans += [Span(*m.span(g), "PERSON", "pattern", "nickname") for g in "gns"]
    return spans + _repeated_speakers(text, colons)


def _repeated_speakers(text: str, colons: list[int]) -> list[Span]:
    """Who speaks in a chat log: a name opening two lines or more, or one line after a time,
    before a colon ("Hunter: ok im outside"). Field labels repeat too, so the name must not be
    an ordinary word, or be a first name ("Grace", "Hunter")."""
    found: dict[str, list[tuple[int, int]]] = {}
    timed: set[str] = set()
    lowercase: dict[str, list[tuple[int, int]]] = {}
    for colon in colons:
        line = text.rfind("\n", 0, colon) + 1
        m = LINE_SPEAKER.match(text, line, colon)
        speakers = found
        if m is None:
            m = LOWERCASE_LINE_SPEAKER.match(text, line, colon)
            speakers = lowercase
        if m is not None:
            speakers.setdefault(m.group("n"), []).append(m.span("n"))
            if m.group("t"):
                timed.add(m.group("n"))
    # Where the writer speaks as "Me:" too, this is a conversation, and whoever answers is a
    # person, whatever word names them ("Summer:", "Hope:").
    conversation = any(len(found.get(me, ())) > 1 for me in ("Me", "Peer", "Staff"))
    spans = []
    for name, places in found.items():
        low = name.lower()
        if (
            # A time before the name marks a chat line even where the name speaks once:
            # "[txt 9/30 8:47p] Dakota R.: made it".
            (len(places) > 1 or name in timed)
            and _may_be_speaker(name)
            and (
                conversation
                and low not in _FIELD_LABELS
                or not is_common(low)
                or low in FIRST_NAMES
            )
        ):
            spans += [Span(*place, "PERSON", "pattern", "speaker") for place in places]
    # In lowercase, only a thread where the writer speaks as "me:" twice or more, or lines
    # that open with a time, say who speaks; and the speaker must not be a field label or
    # an ordinary word ("peer note:", "plan:").
    if len(lowercase.get("me", ())) > 1 or timed:
        for name, places in lowercase.items():
            first = name.split()[0]
            if (
                (len(places) > 1 or name in timed)
                and first not in _NOT_SPEAKERS
                and first not in _FIELD_LABELS
                and (not is_common(first) or first in FIRST_NAMES)
            ):
                spans += [Span(*place, "PERSON", "pattern", "speaker") for place in places]
    return spans


def _names_before_titles(text: str, titles: bool) -> list[Span]:
    """Names before a credential or a job title: "Wood, PharmD", "Kit Moreno-Alves, Youth
    Peer Specialist"."""
    spans: list[Span] = []
    for credential in CREDENTIAL.finditer(text):
        start = credential.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        m = NAME_BEFORE_CREDENTIAL.search(text, max(0, start - 60), start)
        if m is not None and (
            credential.group() not in _AMBIGUOUS_CREDENTIALS or len(m.group("n").split()) > 1
        ):
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "credential"))
    for title in JOB_TITLE.finditer(text) if titles else ():
        m = NAME_BEFORE_ROLE.search(text, max(0, title.start() - 70), title.start())
        if m is not None:
            spans.append(Span(*m.span("n"), "PERSON", "pattern", "role"))
    return spans


def _sign_offs(text: str) -> list[Span]:
    """Initials that sign a note or a line: "rap/dmw", "-- sjr", "- J. left", a last "RO"."""
    spans: list[Span] = []
    slashes = positions(text, "/")
    for slash in slashes:
        # Initials need a letter right before the slash or a lowercase letter right after it
        # (most slashes are dates' and doses').
        if text[slash - 1 : slash] in _ASCII_LETTERS or "a" <= text[slash + 1 : slash + 2] <= "z":
            spans += _initials_around(text, slash)
    m = LAST_LINE_INITIALS.search(text, max(0, len(text) - 8))
    if m is not None and m.group("s").lower() not in _NOT_SIGNATURES:
        spans.append(Span(*m.span("s"), "PERSON", "pattern", "initials"))
    if ". " in text:
        # At the start of the text, then after each line break, found with the line break.
        first = INITIAL_ITEM.match(text)
        for m in chain((first,) if first else (), _LINE_INITIAL_ITEM.finditer(text)):
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "initials"))
    dashes = positions(text, "-", "—", "–")
    for m in matches_at(NAME_SIGNATURE, text, dashes):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue  # "Mary-Kate B": a hyphen inside a word (checked here, not in the regex,
            # so that the regex engine can skip ahead to a dash)
        signed = m.group("s")
        given = signed.split()[0].lower()
        if (  # "- Plan A" is no signature
            (signed[0].isupper() and signed.endswith("."))
            or given in FIRST_NAMES
            or not is_english(given)
        ):
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "signature"))
    for m in matches_at(LOWERCASE_SIGNATURE, text, dashes):
        if (
            m.group("s") not in _NOT_LOWERCASE_SIGNATURES
            and (not m.start() or text[m.start() - 1].isspace())
            and not text[m.end() :].strip()
        ):
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "signature"))
    for m in matches_at(INITIAL_SIGNATURE, text, dashes):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[m.end() :].strip() or not text[line_start : m.start()].strip():
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "initials"))
    for m in matches_at(DASH_SIGNATURE, text, sorted(dashes + slashes)):
        start, initials = m.start(), m.group("s")
        # Lowercase initials may spell a clinical abbreviation ("rvh"); capitals that do are
        # the items of a list ("- CBC"). Before a credential ("- TB, CPSS") or at the very
        # end, they are initials whatever they spell.
        credential_after = text[m.end() : m.end() + 1] == "," or not text[m.end() :].strip()
        known_word = not credential_after and (
            initials.lower() in ORDINARY if initials.islower() else is_common(initials.lower())
        )
        if (not start or text[start - 1].isspace()) and not known_word:
            spans.append(Span(*m.span("s"), "PERSON", "pattern", "initials"))
    return spans


_DIGIT_SOON = re.compile(r"\d")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _after_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


# Who else speaks in a transcript, and what "goes by" may be followed by.
_NOT_SPEAKERS = words("me i you we peer staff client pt worker cm sw")
# Labels that open lines of a note that quotes a conversation.
_FIELD_LABELS = words(
    """note notes plan date time re subject from to cc sent follow-up followup next goal goals
    assessment response data action summary outcome update intervention location type"""
)
_NOT_ALIASES = words(
    """the a an his her their my your bus car train foot bike now then there here fast often
    every that this it"""
)


_TIME_BEFORE = re.compile(r"\d:\d{2}[^\S\n]?(?:[ap]\.?m?\.?|[AP]\.?M?\.?)?[^\S\n]*$")


def _may_be_speaker(name: str) -> bool:
    low = name.lower()
    return low not in _NOT_SPEAKERS and not (name.islower() and is_common(low))


def _attendees(text: str, at: int) -> list[Span]:
    """The names listed from ``at`` to the end of the line."""
    spans = []
    while True:
        m = ATTENDEE.match(text, at)
        if m is None or m.end() == at:
            return spans
        spans.append(Span(*m.span("n"), "PERSON", "pattern", "attendee"))
        at = m.end()


def _field_starts_word(field: str, names: tuple[str, ...]) -> bool:
    """Whether the field name that ``field`` ends with is a whole word ("loc", not "bloc")."""
    for name in names:
        if field.endswith(name):
            return not field[-len(name) - 1 : -len(name)].isalpha()
    return False


def _names_something(value: str) -> bool:
    """A field value with a word that is no ordinary word, or in capitals ("THE LANDING")."""
    words = _VALUE_WORD.findall(value)
    return any(not is_common(w.lower()) or (w.isupper() and len(w) > 2) for w in words)


_VALUE_WORD = re.compile(r"[^\W\d_]+")


# Fields that follow a name on a registration line: "HUSSAIN, DOB 17.10.1990".
_FIELD_ABBREVIATIONS = words("dob mrn ssn sex age fin csn acct dos doa dod adm")


def _capitalised_name_pair(m: re.Match[str]) -> bool:
    """Two words in capitals that are not clinical shorthand ("DNR, DNI")."""
    a, b = m.group("a").lower(), m.group("b").lower()
    return (
        max(len(a), len(b)) >= 4
        and min(len(a), len(b)) >= 2
        and not is_common(a)
        and not is_common(b)
        and b not in _FIELD_ABBREVIATIONS
        and any(c in "aeiouy" for c in a)
        and any(c in "aeiouy" for c in b)
    )


def _initials_around(text: str, slash: int) -> list[Span]:
    before = INITIALS_BEFORE_SLASH.search(text, max(0, slash - 5), slash)
    after = INITIALS_AFTER_SLASH.match(text, slash + 1)
    a = before.group("a").lower() if before else ""
    b = after.group("b") if after else ""
    spans = []
    if before and after and a not in _NOT_INITIALS and b not in _NOT_INITIALS:
        spans.append(Span(*before.span("a"), "PERSON", "pattern", "initials"))  # "rap/dmw"
    elif (
        before
        and a not in _NOT_INITIALS
        and (a.islower() or before.group("a").isupper())
        and AUTHOR_AFTER_SLASH.match(text, slash + 1)
    ):
        spans.append(Span(*before.span("a"), "PERSON", "pattern", "initials"))  # "mk/Dr."
    if after and b not in _NOT_INITIALS and (before or text[slash - 1 : slash].isalpha()):
        spans.append(Span(*after.span("b"), "PERSON", "pattern", "initials"))  # "/yl"
    return spans
