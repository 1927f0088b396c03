"""The engine: combine the three detectors, then redact with pseudonyms and generalisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clinical import find_clinical_names
from .dates import find_dates
from .generalise import generalise_age, generalise_date, generalise_zip, state_follows
from .known import KnownIdentifiers, find_known
from .lexicon import is_common, is_english
from .lowercase import is_cased
from .ner import find_names, tokenise
from .normalise import fold
from .numbers import number_starts
from .patterns import find_patterns
from .pseudonyms import Pseudonymizer
from .spans import Span, merge
from .tagger import find_uncased
from .tokens import Token


def find_identifiers(text: str, known: KnownIdentifiers | None = None) -> list[Span]:
    """Every identifier in ``text``: sorted, non-overlapping spans with offsets into ``text``.

    Spans that match what is known about the client have source "known"; they are reported
    whatever the other detectors say.
    """
    folded = fold(text)
    tokens = tokenise(text, folded)  # one word pass for the cue-led patterns and the names
    cased = is_cased(tokens)
    merged = rule_spans(text, folded, tokens, cased, known)
    if not cased:
        learned = find_uncased(tokens, merged)
        if learned:
            merged = merge(merged + learned)
    beside = beside_names(text, merged)
    if beside:
        merged = merge(merged + beside)
    carried = propagate(text, merged) + _intersections(text, merged) + _id_prefixes(text, merged)
    if carried:
        merged = merge(merged + carried)
    # Most spans need no trimming: the quick test saves a call.
    return [
        _trim(text, s)
        if s.start < s.end
        and (
            text[s.start].isspace()
            or text[s.end - 1].isspace()
            or text[s.end - 1] in _TRAILING_PUNCTUATION
        )
        else s
        for s in merged
    ]


def rule_spans(
    text: str, folded: str, tokens: list[Token], cased: bool, known: KnownIdentifiers | None
) -> list[Span]:
    """The spans of the known identifiers, the patterns and the cues, merged: what the learned
    tagger (`tagger.find_uncased`) looks beyond. ``tokens`` are ``tokenise(text, folded)`` and
    are marked in place; ``cased`` is ``is_cased(tokens)``."""
    words = frozenset([t.low for t in tokens])
    if "-" in "".join(words):  # "mid-nov": the parts are words too
        words |= {part for word in words if "-" in word for part in word.split("-")}
    shaped = number_starts(text, folded)  # where numbers start, for dates and patterns
    # The dates serve the date patterns and the known date of birth.
    dates = find_dates(text, folded, words, shaped["date"] if shaped["runs"] else [])
    spans = find_patterns(text, folded, tokens, dates, shaped)
    spans += find_names(text, folded, tokens, cased)
    spans += find_clinical_names(text, folded, words)
    if known is not None:
        spans += find_known(text, known, folded, dates)
    return merge(spans)


# What joins a street found to the street it crosses: "Cotillion St and Duplessis Ave",
# "Aztec Ave & 3rd".
_CROSS_STREET = re.compile(
    r"[^\S\n]+(?:and|&|y)[^\S\n]+(?:\d{1,3}(?:st|nd|rd|th)\b"
    r"|[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+)?[^\S\n]+(?:St|Ave|Rd|Blvd|Street|Avenue|Road|Dr|Drive"
    r"|Ln|Lane)\b\.?)"
)


def _intersections(text: str, spans: list[Span]) -> list[Span]:
    """An address span and the cross street after it, as one intersection."""
    found = []
    for span in spans:
        if span.label == "ADDRESS":
            m = _CROSS_STREET.match(text, span.end)
            if m is not None:
                found.append(Span(span.start, m.end(), "ADDRESS", "ner", "intersection"))
    return found


# A state's or a scheme's letters written before a number: "Medicaid ID MI-7004318829".
_ID_PREFIX = re.compile(r"(?<![\w-])[A-Z]{2,4}-$")


def _id_prefixes(text: str, spans: list[Span]) -> list[Span]:
    """A number's span widened over the capital letters and hyphen right before it."""
    found = []
    for span in spans:
        if span.label in ("ID", "PHONE") and span.start > 2 and text[span.start - 1] == "-":
            m = _ID_PREFIX.search(text, max(0, span.start - 5), span.start)
            if m is not None:
                found.append(Span(m.start(), span.end, span.label, span.source, span.detail))
    return found


# What may follow a person's name and belongs to it or to them: a quoted nickname
# ('Gaetan "Guy" Thibodeau', 'Fontenot, Jean-Baptiste "JB"'), a last initial ("Silas E",
# "-Ty B.", "-crystal m" closing a note) and an age ("Amara 12, Tobi 8", "Pike, Silas E (45)",
# "her son Kaden, 4;").
_NICKNAME_AFTER = re.compile(r"[^\S\n]*[\"“(']+(?P<n>[A-Z][\w'’-]*)[\"”)']")
_SURNAME_AFTER = re.compile(r"[^\S\n]+(?P<n>[A-Z][\w'’-]+)(?![\w:])")
_INITIAL_AFTER = re.compile(
    r"[^\S\n]+(?P<n>[A-Z]\.|[A-Za-z](?=[^\S\n]*(?:$|\n|,|;|\(|[^\S\n]{2})))"
)
_AGE_AFTER = re.compile(
    r"(?:,[^\S\n]*|[^\S\n]+|[^\S\n]*\([^\S\n]*)(?P<n>\d{1,3})"
    r"(?=[^\S\n]*(?:\)|,|;|$|\n|y/?o\b|yo\b|years? old\b))"
    # "Shandiin Yazzie, 16. Met at...", "Skylar Bouchard, 29 (ED Rm 14)": after a comma, a
    # full stop or a bracket ends an age too.
    r"|,[^\S\n]*(?P<c>\d{1,3})(?=\.(?!\d)|[^\S\n]+\()"
)


# "p. michaud", "n. garza, peer": a given name's initial right before a surname, in lowercase
# (capitalised initials are the name detector's); not "v." of "State v. Ellis".
_INITIAL_BEFORE = re.compile(r"(?<![\w./'’])[a-uw-z]\.[^\S\n]?$")


def beside_names(text: str, spans: list[Span]) -> list[Span]:
    """Initials written right before a person's name; nicknames, initials and ages right
    after it."""
    found: list[Span] = []
    for span in spans:
        if span.label != "PERSON":
            continue
        if span.start > 2 and text[span.start - 2] == ".":
            m = _INITIAL_BEFORE.search(text, max(0, span.start - 4), span.start)
            if m is not None:
                found.append(Span(m.start(), m.start() + 1, "PERSON", "pattern", "initial"))
        end = span.end
        # The quick test: a lowercase word follows ("Tess said"), no nickname, initial or age.
        if (
            text[end : end + 1] == " "
            and text[end + 1 : end + 2].islower()
            and text[end + 2 : end + 3].isalpha()
        ):
            continue
        m = _NICKNAME_AFTER.match(text, end)
        if m is not None:
            found.append(Span(*m.span("n"), "PERSON", "pattern", "nickname"))
            end = m.end()
            m = _SURNAME_AFTER.match(text, end)  # 'DeAndre "Dre" Mattingly'
            if m is not None:
                found.append(Span(*m.span("n"), "PERSON", "pattern", "surname"))
                end = m.end()
        m = _INITIAL_AFTER.match(text, end)
        if m is not None and m.group("n") not in ("I", "A", "a"):
            found.append(Span(*m.span("n"), "PERSON", "pattern", "initial"))
            end = m.end()
        m = _AGE_AFTER.match(text, end)
        if m is not None:
            group = "n" if m.group("n") else "c"
            if int(m.group(group)) <= 120:
                found.append(Span(*m.span(group), "AGE", "pattern", "beside name"))
    return found


# Labels whose names carry over to every other mention in the same text.
_CARRIED = frozenset({"PERSON", "ORG", "LOCATION"})
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]{2}")


def propagate(text: str, spans: list[Span]) -> list[Span]:
    """Other mentions of names found once: a name a cue revealed ("Westbury Community
    Hospital (WCH)", "Hope said") is a name wherever else the text writes it the same way.

    Names of one or two letters (but a person's initials: "his brother DJ") and ordinary
    words ("Care", "Hope" at a sentence start elsewhere) are not carried, nor a lowercase
    dictionary word.
    """
    # One label per surface, the same in every run: a set's order would change with the
    # process's hash seed, and with it which label the merged mentions keep.
    surfaces: dict[str, str] = {}
    for span in spans:
        if span.label not in _CARRIED or span.source == "known":
            continue  # what is known about the client is found everywhere already
        surface = text[span.start : span.end]
        if " " in surface or text.count(surface) < 2:
            # The quick tests: `_NAME_WORD` takes one word only, and most names are written
            # once.
            continue
        if (
            surfaces.get(surface) != "PERSON"  # a person's name wins over a place's
            and (len(surface) > 2 or (span.label == "PERSON" and surface.isupper()))
            and (not surface.islower() or not is_english(surface))
            and _NAME_WORD.fullmatch(surface)
            and (span.detail == "nickname" or not is_common(surface.lower()))
        ):
            surfaces[surface] = span.label
    found = []
    for surface, label in surfaces.items():
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if (not start or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                found.append(Span(start, end, label, "ner", "carried"))
            start = text.find(surface, end)
    return found


# What a span must not end with, besides white space.
_TRAILING_PUNCTUATION = ",;:"


def _trim(text: str, span: Span) -> Span:
    """``span`` without the white space around it and the punctuation after it."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_PUNCTUATION):
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.label, span.source, span.detail)


@dataclass(frozen=True)
class Redaction:
    """A redacted text, the spans found in the input, and each span's replacement."""

    text: str
    spans: tuple[Span, ...]
    replacements: tuple[tuple[Span, str], ...]


def redact(
    text: str,
    known: KnownIdentifiers | None = None,
    *,
    session_date: date | None = None,
    pseudonyms: Pseudonymizer | None = None,
) -> Redaction:
    """Redact ``text``: names and places become numbered placeholders (places with the
    pseudonymizer's region), dates and ZIP codes are generalised.

    Pass one `Pseudonymizer` to every document of a packet to keep placeholders consistent.
    Ages up to 89 are kept (Safe Harbor allows them); older ages become "90 or older".
    """
    pseudonyms = pseudonyms or Pseudonymizer()
    spans = find_identifiers(text, known)
    redacted, pairs = apply_spans(text, spans, session_date=session_date, pseudonyms=pseudonyms)
    return Redaction(redacted, tuple(spans), tuple(pairs))


# Contacts and ids numbered by their value, not by whose they are: with this on, the
# sister's phone never shares the client's placeholder.
_NUMBERED_BY_VALUE = frozenset({"PHONE", "EMAIL", "ID"})
# Labels whose placeholder is reduced to a region.
_PLACES = frozenset({"LOCATION", "ADDRESS"})


def replacement_for(
    span: Span,
    surface: str,
    *,
    session_date: date | None,
    pseudonyms: Pseudonymizer,
    contacts_by_value: bool = False,
    state_named_after: bool = False,
) -> str:
    """What one found identifier becomes: a generalised date, age or ZIP code, or a
    placeholder; a place's placeholder names the pseudonymizer's region unless the text names
    a state right after it (``state_named_after``)."""
    if span.label == "DATE":
        return generalise_date(surface, session_date, is_dob=span.detail == "dob")
    if span.label == "AGE":
        return generalise_age(surface)
    if span.label == "ZIP":
        return generalise_zip(surface)
    detail = "" if contacts_by_value and span.label in _NUMBERED_BY_VALUE else span.detail
    placeholder = pseudonyms.placeholder(span.label, surface, detail)
    if span.label in _PLACES and pseudonyms.region and not state_named_after:
        placeholder = f"{placeholder[:-1]}, {pseudonyms.region}]"
    return placeholder


def apply_spans(
    text: str,
    spans: list[Span] | tuple[Span, ...],
    *,
    session_date: date | None = None,
    pseudonyms: Pseudonymizer,
    contacts_by_value: bool = False,
) -> tuple[str, list[tuple[Span, str]]]:
    """Replace each of ``spans`` (sorted, not overlapping) in ``text``; returns the new text
    and each span with its replacement."""
    out: list[str] = []
    pairs: list[tuple[Span, str]] = []
    pos = 0
    for span in spans:
        replacement = replacement_for(
            span,
            text[span.start : span.end],
            session_date=session_date,
            pseudonyms=pseudonyms,
            contacts_by_value=contacts_by_value,
            state_named_after=span.label in _PLACES and state_follows(text, span.end),
        )
        out += [text[pos : span.start], replacement]
        pairs.append((span, replacement))
        pos = span.end
    out.append(text[pos:])
    return "".join(out), pairs
