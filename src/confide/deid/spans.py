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


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(self, start: int, end: int, label: str, source: str, detail: str = "") -> None:
        # The generated `__init__` of a frozen dataclass sets each field through
        # `object.__setattr__`; setting the slots through their descriptors builds a Span in
        # 60% of the time, and the detectors build thousands.
        _set_start(self, start)
        _set_end(self, end)
        _set_label(self, label)
        _set_source(self, source)
        _set_detail(self, detail)

    def rank(self) -> tuple[int, int]:
        return (_SOURCE_RANK[self.source], -(self.end - self.start))


_set_start = Span.start.__set__  # type: ignore[attr-defined]
_set_end = Span.end.__set__  # type: ignore[attr-defined]
_set_label = Span.label.__set__  # type: ignore[attr-defined]
_set_source = Span.source.__set__  # type: ignore[attr-defined]
_set_detail = Span.detail.__set__  # type: ignore[attr-defined]


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
    first = ordered[0]
    end = first.end
    # The spans overlapping `first`, listed only when there are any: most spans stand alone.
    group: list[Span] | None = None
    for span in ordered[1:]:
        if span.start < end:
            if group is None:
                group = [first]
            group.append(span)
            if span.end > end:
                end = span.end
            continue
        out.append(first if group is None else _unite(group, end))
        first = span
        end = span.end
        group = None
    out.append(first if group is None else _unite(group, end))
    return out


_START = attrgetter("start")
_END = attrgetter("end")


def _unite(group: list[Span], end: int) -> Span:
    best = min(group, key=Span.rank)
    if best.end == end and best.start == group[0].start:
        return best  # the strongest span covers the others (a frozen Span costs to build)
    return Span(group[0].start, end, best.label, best.source, best.detail)
