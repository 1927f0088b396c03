"""The word tokens the name detector works on."""

from __future__ import annotations

from collections.abc import Callable, Collection
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
    cues: int = 0  # the bits (`cue_bit`) of the word sets that hold ``low``


# The word sets the name detector's passes act on. Most passes act on a few words each
# ("north", "county", "and"): `tokenise` marks each token with the bits of the sets its word
# is in (cached with the word), so that a pass visits those tokens only, not every token.
_CUE_TESTS: list[Callable[[str], bool]] = []
# The bits of the sets that hold few of a note's words: `cued` lists the tokens in those.
_FEW = 0


def cue_bit(words: Collection[str] | Callable[[str], bool], *, few: bool = True) -> int:
    """Register the words a pass acts on, a set or a test of the folded word (at import,
    before any text is tokenised); the bit that `Token.cues` holds for those words. A set
    that holds many of a note's words (``few`` false) is left out of `cued`."""
    global _FEW
    _CUE_TESTS.append(words if callable(words) else frozenset(words).__contains__)
    bit = 1 << (len(_CUE_TESTS) - 1)
    if few:
        _FEW |= bit
    return bit


def cue_bits(low: str) -> int:
    """The bits of the registered word sets that hold ``low``."""
    return sum(1 << k for k, test in enumerate(_CUE_TESTS) if test(low))


def cued_indices(tokens: list[Token]) -> list[int]:
    """The indices of the tokens in a set of few words, for `tokens_with`."""
    few = _FEW
    return [i for i, t in enumerate(tokens) if t.cues & few]


def tokens_with(tokens: list[Token], cued: list[int], bit: int) -> list[int]:
    """The indices of the tokens whose word is in the set of ``bit``, in order; ``cued`` holds
    the indices of the tokens in any set."""
    return [i for i in cued if tokens[i].cues & bit]
