"""Spans and how spans from several detectors are combined."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

LABELS = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "ADDRESS",
    "LOCATION",
    "ZIP",
    "DATE",
    "AGE",
    "ID",
    "URL",
    "IP",
    "ORG",
)

# Sources, strongest first: what the system knows about the client beats a pattern, and a
# pattern (often check-digit validated) beats the heuristic detector.
SOURCES = ("known", "pattern", "ner")
_SOURCE_RANK = {name: rank for rank, name in enumerate(SOURCES)}


@dataclass(frozen=True, slots=True)
class Span:
    """An identifier found at ``text[start:end]``.

    ``label`` is one of `LABELS`; ``source`` one of `SOURCES`; ``detail`` says which
    recogniser matched (``"ssn"``, ``"npi"``, ``"client"`` ...) and may be empty.
    """

    start: int
    end: int
    label: str
    source: str
    detail: str = ""

    def rank(self) -> tuple[int, int]:
        return (_SOURCE_RANK[self.source], -(self.end - self.start))


def merge(spans: list[Span]) -> list[Span]:
    """Combine overlapping spans into sorted, non-overlapping ones.

    Overlapping spans are united rather than one dropped, so that no character any detector
    flagged is lost (recall first). The united span keeps the label, source and detail of the
    strongest member.
    """
    if not spans:
        return []
    # By start, the longest first (equal spans in their given order): two stable sorts by one
    # attribute each, whose key functions run in C, are faster than one by a tuple.
    ordered = sorted(spans, key=_END, reverse=True)
    ordered.sort(key=_START)
    out: list[Span] = []
    group = [ordered[0]]
    end = ordered[0].end
    for span in ordered[1:]:
        if span.start < end:
            group.append(span)
            if span.end > end:
                end = span.end
            continue
        out.append(group[0] if len(group) == 1 else _unite(group, end))
        group = [span]
        end = span.end
    out.append(group[0] if len(group) == 1 else _unite(group, end))
    return out


_START = attrgetter("start")
_END = attrgetter("end")


def _unite(group: list[Span], end: int) -> Span:
    best = min(group, key=Span.rank)
    return Span(group[0].start, end, best.label, best.source, best.detail)
