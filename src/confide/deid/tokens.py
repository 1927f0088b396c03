"""The word tokens the name detector works on."""

from __future__ import annotations

from dataclasses import dataclass

# Token kinds: not a name; a name on its own evidence; a capitalised ordinary word that may be
# part of a name ("Peer Connect"); an initial.
NONE, STRONG, CAPWORD, INITIAL = 0, 1, 2, 3


@dataclass(slots=True)
class Token:
    """A word at ``text[start:end]`` (a possessive "'s" left out), with what is known of it."""

    start: int
    end: int
    low: str  # folded: lowercase, accents stripped
    shape: str  # "cap", "upper", "lower", "initial", "other"
    sentence_start: bool
    gap_before: str
    kind: int = NONE
    hint: str = ""  # "PERSON", "LOCATION" or "ORG" from a context cue
    possessive: bool = False
    common: bool = False  # an ordinary English word (`lexicon.is_common`)
