"""The packet's redaction: what the engine finds with everything known about the client,
corrected by the worker's additions and restorations, rendered with one set of pseudonyms.

The same function draws the preview and freezes the packet, so what the worker approved is
exactly what is shared.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings

from confide.clients.models import Client
from confide.deid import KnownIdentifiers, Pseudonymizer, Span, find_identifiers, replacement_for
from confide.deid.generalise import state_follows
from confide.deid.spans import merge
from confide.supervision.models import Packet, PacketAdjustment, PacketSection

CLIENT_LABEL = "the client"
# What a worker may call a redaction they add; "client" is a name of the client (nickname).
ADDABLE_LABELS = ("client", "PERSON", "LOCATION", "ORG", "ADDRESS", "PHONE", "EMAIL", "DATE", "ID")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_SPLIT = re.compile(r"[;,\n]+")
_INITIAL = re.compile(r"[^\W\d_]\.")


def known_identifiers_for(client: Client) -> KnownIdentifiers:
    """Everything the record holds that identifies the client (and their emergency contact)."""
    contact = client.emergency_contact or ""
    contact_phones = _PHONE.findall(contact)
    # "Lucía (sister), 555-014-9920": the names are what is left without phones and brackets.
    without = _PHONE.sub(" ", re.sub(r"\([^)]*\)", " ", contact))
    other_people = [part.strip() for part in _SPLIT.split(without) if part.strip(" .-")]
    other_ids = [part.strip() for part in _SPLIT.split(client.other_identifiers or "")]
    return KnownIdentifiers(
        names=[n for n in (client.legal_name, client.preferred_name) if n],
        phones=[p for p in [client.phone, *contact_phones] if p],
        emails=[e for e in (client.email,) if e],
        addresses=[a for a in (client.address,) if a],
        dates_of_birth=[d for d in (client.date_of_birth,) if d],
        ids=[client.code, *(i for i in other_ids if i)],
        other_people=other_people,
    )


@dataclass(frozen=True)
class Found:
    """One redaction in a section: where, what it is, what replaces it, and whether the
    worker may restore it (only what the engine guessed, never what the record knows)."""

    span: Span
    surface: str
    replacement: str
    restorable: bool
    added: bool


@dataclass
class SectionPreview:
    section: PacketSection
    original: str
    found: list[Found] = field(default_factory=list)

    def original_pieces(self) -> list[tuple[str, Found | None]]:
        return _pieces(self.original, self.found, use_replacement=False)

    def redacted_pieces(self) -> list[tuple[str, Found | None]]:
        return _pieces(self.original, self.found, use_replacement=True)

    @property
    def redacted(self) -> str:
        return "".join(text for text, _ in self.redacted_pieces())

    def redacted_spans(self) -> list[list[object]]:
        spans, pos = [], 0
        for text, found in self.redacted_pieces():
            if found is not None:
                spans.append([pos, pos + len(text), found.span.label])
            pos += len(text)
        return spans


def _pieces(
    text: str, found: list[Found], *, use_replacement: bool
) -> list[tuple[str, Found | None]]:
    pieces: list[tuple[str, Found | None]] = []
    pos = 0
    for item in found:
        if item.span.start > pos:
            pieces.append((text[pos : item.span.start], None))
        pieces.append((item.replacement if use_replacement else item.surface, item))
        pos = item.span.end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


def section_text(section: PacketSection) -> str:
    """The original text of a draft section (the question as written, or the note)."""
    if section.kind == PacketSection.Kind.QUESTION:
        return section.draft_text or ""
    return (section.note.body or "") if section.note is not None else ""


def identifiers_in(text: str, known: KnownIdentifiers | None) -> list[Span]:
    """The engine's spans, plus a client known by an initial ("R.") wherever it is followed by
    punctuation ("R.'s", "(R.)"): the engine's initial matcher wants a space after it."""
    spans = find_identifiers(text, known)
    if known is None:
        return spans
    extra = [
        Span(m.start(), m.end(), "PERSON", "known", "client")
        for name in known.names + known.nicknames
        if _INITIAL.fullmatch(name.strip())
        for m in re.finditer(rf"(?<![\w@.]){re.escape(name.strip())}(?!\w)", text)
    ]
    return merge(spans + extra) if extra else spans


def section_spans(
    text: str, known: KnownIdentifiers, adjustments: list[PacketAdjustment]
) -> tuple[list[Span], set[tuple[int, int]], set[tuple[int, int]]]:
    """The final spans of one section, which of them the worker may restore, which were added."""
    engine = identifiers_in(text, known)
    restored = {(a.start, a.end) for a in adjustments if a.kind == PacketAdjustment.Kind.RESTORED}
    added = [
        Span(a.start, a.end, "PERSON" if a.label == "client" else a.label, "pattern", a.label)
        for a in adjustments
        if a.kind == PacketAdjustment.Kind.ADDED and a.end <= len(text)
    ]
    kept = [s for s in engine if s.source == "known" or (s.start, s.end) not in restored]
    spans = merge(kept + added)
    added_ranges = [(a.start, a.end) for a in added]
    engine_guesses = {(s.start, s.end) for s in engine if s.source != "known"}
    restorable = {
        (s.start, s.end)
        for s in spans
        if s.source != "known"
        and (s.start, s.end) in engine_guesses
        and not any(a < s.end and s.start < b for a, b in added_ranges)
    }
    added_final = {
        (s.start, s.end) for s in spans if any(a < s.end and s.start < b for a, b in added_ranges)
    }
    return spans, restorable, added_final


def preview_packet(packet: Packet, sections: list[PacketSection]) -> list[SectionPreview]:
    """Redact every section of a draft packet with one set of pseudonyms, in reading order."""
    known = known_identifiers_for(packet.client)
    pseudonyms = Pseudonymizer(client_label=CLIENT_LABEL, region=settings.CONFIDE_REGION)
    previews = []
    for section in sections:
        text = section_text(section)
        spans, restorable, added = section_spans(text, known, list(section.adjustments.all()))
        session = section.note.session_date if section.note is not None else None
        preview = SectionPreview(section, text)
        for span in spans:
            surface = text[span.start : span.end]
            replacement = replacement_for(
                span,
                surface,
                session_date=session,
                pseudonyms=pseudonyms,
                contacts_by_value=True,
                state_named_after=state_follows(text, span.end),
            )
            key = (span.start, span.end)
            preview.found.append(Found(span, surface, replacement, key in restorable, key in added))
        previews.append(preview)
    return previews


def find_occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occur in ``text`` as whole words, ignoring case."""
    words = words.strip()
    if not words:
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]
