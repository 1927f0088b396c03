"""A learned second look at text written without capitals.

In dictated notes and copied text messages names are lowercase and many are ordinary words
("jolene three feathers", "out past green river"); the hand-written cues find about four in
five of them. This tagger reads each word the cues left unflagged and asks two averaged
perceptrons, trained on this project's own hand-labelled notes (`eval/deid/train_tagger.py`),
whether it is part of an identifier and, if so, of which kind. Its features are the word, its
neighbours, their shapes and punctuation, whether the word lists hold it, and what the cues
found around it.

It runs only on text whose sentences do not start with capitals: in cased text the cues already
use what capitals say, and the tagger measured no gain there, only lost precision. The weights
are plain text in ``data/tagger.tsv``; nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from .dates import MONTHS_AND_WEEKDAYS
from .lexicon import (
    FIRST_NAMES,
    NON_IDENTIFYING,
    STATE_NAMES,
    SURNAMES,
    in_dictionary,
    is_common,
    words,
)
from .places import GENERIC
from .spans import Span
from .tokens import Token, cue_bit

# The labels the second perceptron chooses between.
TAGGED_LABELS = ("PERSON", "LOCATION", "ORG", "ADDRESS", "DATE", "AGE", "ID")
# A word's score must exceed this to be flagged, and an ordinary word's the second. Measured
# on sets the tagger was not trained on, 3 rather than 0 cost 0.005 recall on lowercased notes
# and won 0.004 precision, a margin against words that score barely above nothing; the
# second, anywhere from 4 to 12, changed either by 0.001 and keeps out the ordinary words
# flagged at a weak score ("at one point", "get bloodwork done").
THRESHOLD = 3.0
COMMON_THRESHOLD = 8.0

# Words never part of an identifier here, left out to save time: function words.
_FUNCTION_WORDS = words(
    """a an the and or but to of in on at for with by from is was are were be been have has
    had do did i you he she it we they me him her us them my your his its our their this that
    these those not no yes so if as up out about into over then than there here what when
    where who how all some any just very can will would could should may might must also too
    get got go went going said says told tell"""
)


def _gap(gap: str) -> str:
    """The punctuation between two words, spaces left out, digits as 0 and line breaks as "n":
    ",", ".n", "0:"."""
    out = ""
    for c in gap:
        if c.isdigit():
            out += "0"
        elif c == "\n":
            out += "n"
        elif not c.isspace():
            out += c
        if len(out) == 3:
            break
    return out or "_"


def features(tokens: list[Token], i: int, flags: list[str]) -> list[str]:
    """What the tagger knows of ``tokens[i]``; ``flags`` holds, per token, the label the cues
    gave it or "". Built from the parts below, which `_Scorer` sums separately."""
    n = len(tokens)
    tok = tokens[i]
    common = is_common(tok.low)
    feats = _own(tok.low, tok.shape, tok.sentence_start)
    for offset in _OFFSETS:
        k = i + offset
        inside = 0 <= k < n
        feats += _beside(offset, tokens[k].low if inside else _EDGE, common)
        feats += _flagged(offset, flags[k] if inside else _EDGE)
        if offset in (-1, 1):
            feats += _shaped(offset, tokens[k].shape if inside else _EDGE)
    after = _gap(tokens[i + 1].gap_before) if i + 1 < n else "<e>"
    return feats + _gaps(_gap(tok.gap_before), after, tok.shape)


_OFFSETS = (-2, -1, 1, 2)
_EDGE = "<b>"


def _own(low: str, shape: str, sentence_start: bool) -> list[str]:
    """The features of the word itself."""
    return [
        "bias",
        "w=" + low,
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "p2=" + low[:2],
        "sh=" + shape,
        f"c={is_common(low)}",
        f"d={in_dictionary(low)}",
        f"fn={low in FIRST_NAMES}",
        f"sn={low in SURNAMES}",
        f"ss={sentence_start}",
        f"len={min(len(low), 9)}",
    ]


def _beside(offset: int, low: str, common: bool) -> list[str]:
    """A neighbouring word, and next to the word, with whether the word is an ordinary one."""
    feats = [_WORD_PREFIX[offset] + low]
    if offset in (-1, 1):
        feats.append(f"{_PAIR_PREFIX[offset]}{low}|{common}")
    return feats


_WORD_PREFIX = {offset: f"w{offset:+d}=" for offset in _OFFSETS}
_PAIR_PREFIX = {-1: "w-1c=", 1: "w+1c="}


def _flagged(offset: int, label: str) -> list[str]:
    return [f"f{offset:+d}={label}"]


def _shaped(offset: int, shape: str) -> list[str]:
    return [f"sh{offset:+d}={shape}"]


def _gaps(before: str, after: str, shape: str) -> list[str]:
    return ["gb=" + before, "ga=" + after, f"gbsh={before}|{shape}"]


def candidates(
    tokens: list[Token], flags: list[str], skipped: frozenset[str] | None = None
) -> list[int]:
    """The tokens the tagger reads: words the cues left unflagged, but for function words and
    the ``skipped`` words (by default, those the training notes used often and never in an
    identifier: "called", "meds", "period")."""
    if skipped is None:
        skipped = _scorer().skipped
    last = len(tokens) - 1
    return [
        i
        for i, tok in enumerate(tokens)
        if not flags[i]
        and not tok.cues & _NEVER_READ  # not alphabetic, a function word or no identifier
        and not tok.gap_before[-1:].isdigit()  # "36w2d", "3pm": a unit glued to a number
        and tok.low not in skipped
        # "health", "center": words that name a kind of place are read only beside a name
        # ("harlan county health"), never alone ("the mental health center").
        and (
            tok.low not in GENERIC
            or (i > 0 and flags[i - 1] != "")
            or (i < last and flags[i + 1] != "")
        )
    ]


# What the engine holds to be no identifier alone (states, nationalities, drugs, programmes),
# and months and weekdays, which the date patterns read with the words around them ("in
# march", "we march on").
_NOT_IDENTIFIERS = NON_IDENTIFYING | STATE_NAMES | MONTHS_AND_WEEKDAYS


def _never_read(low: str) -> bool:
    """Whether `candidates` leaves the word out whatever its context."""
    return not low.isalpha() or low in _FUNCTION_WORDS or low in _NOT_IDENTIFIERS


# Most of a note's words: the test is cached with each word (`Token.cues`).
_NEVER_READ = cue_bit(_never_read, few=False)


def flags_of(tokens: list[Token], spans: list[Span]) -> list[str]:
    """Per token, the label of the span over it or "" (``spans`` sorted, non-overlapping)."""
    flags = [""] * len(tokens)
    k, count = 0, len(spans)
    for i, tok in enumerate(tokens):
        while k < count and spans[k].end <= tok.start:
            k += 1
        if k < count and spans[k].start < tok.end:
            flags[i] = spans[k].label
    return flags


def find_uncased(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Identifiers the cues missed in text written without capitals; ``spans`` are the cues'
    sorted, non-overlapping spans over the same text."""
    scorer = _scorer()
    flags = flags_of(tokens, spans)
    found: list[Span] = []
    last = -2
    for i in candidates(tokens, flags):
        tok = tokens[i]
        score = scorer.detect(tokens, i, flags)
        if score <= THRESHOLD or (score <= COMMON_THRESHOLD and is_common(tok.low)):
            continue
        label = scorer.kind(features(tokens, i, flags))
        if last == i - 1 and tok.gap_before == " " and found[-1].label == label:
            found[-1] = Span(found[-1].start, tok.end, label, "ner", "learned")  # one name
        else:
            found.append(Span(tok.start, tok.end, label, "ner", "learned"))
        last = i
    return found


class _Scorer:
    """The perceptrons' scores of a word. Detection reads every candidate, so its score, a sum
    over the word's features, is summed part by part: the parts that depend on few things (the
    word itself; a neighbour's flag and shape; the punctuation around it) are cached by what
    they depend on, and the neighbouring words' own weights are looked up directly. A word
    costs about a dozen dictionary look-ups instead of building some thirty strings. The kind
    is asked only of the few words found, from their features."""

    _LIMIT = 50_000  # entries: a few megabytes, so that a long stream keeps a flat memory

    def __init__(
        self, detect: dict[str, float], kinds: dict[str, list[float]], skipped: frozenset[str]
    ) -> None:
        self.weights = detect
        self.kinds = kinds  # per feature, its weight for each of TAGGED_LABELS
        self.skipped = skipped
        self.cache: dict[tuple, float] = {}

    def _sum(self, key: tuple, feats: list[str]) -> float:
        if len(self.cache) >= self._LIMIT:
            self.cache.clear()
        get = self.weights.get
        value = self.cache[key] = sum(get(f, 0.0) for f in feats)
        return value

    def detect(self, tokens: list[Token], i: int, flags: list[str]) -> float:
        """The sum of the detection weights of `features(tokens, i, flags)`."""
        n = len(tokens)
        tok = tokens[i]
        get = self.cache.get
        weight = self.weights.get
        common = is_common(tok.low)
        key: tuple = ("own", tok.low, tok.shape, tok.sentence_start)
        total = get(key)
        if total is None:
            total = self._sum(key, _own(tok.low, tok.shape, tok.sentence_start))
        for offset in _OFFSETS:
            k = i + offset
            if 0 <= k < n:
                low, flag, shape = tokens[k].low, flags[k], tokens[k].shape
            else:
                low = flag = shape = _EDGE
            # The neighbouring word's own weights, looked up directly: caching them would
            # mostly miss, as a note's words are new to the cache.
            total += weight(_WORD_PREFIX[offset] + low, 0.0)
            if offset in (-1, 1):
                total += weight(f"{_PAIR_PREFIX[offset]}{low}|{common}", 0.0)
            key = (offset, flag, shape)
            part = get(key)
            if part is None:
                feats = _flagged(offset, flag) + (
                    _shaped(offset, shape) if offset in (-1, 1) else []
                )
                part = self._sum(key, feats)
            total += part
        after = tokens[i + 1].gap_before if i + 1 < n else None
        key = ("gap", tok.gap_before, after, tok.shape)
        part = get(key)
        if part is None:
            gaps = _gaps(_gap(tok.gap_before), "<e>" if after is None else _gap(after), tok.shape)
            part = self._sum(key, gaps)
        return total + part

    def kind(self, feats: list[str]) -> str:
        """The label whose weights over ``feats`` sum highest."""
        sums = [0.0] * len(TAGGED_LABELS)
        for f in feats:
            weights = self.kinds.get(f)
            if weights is not None:
                sums = [a + b for a, b in zip(sums, weights, strict=True)]
        return TAGGED_LABELS[sums.index(max(sums))]


def clear_cached_scores() -> None:
    """Drop the scores cached by word, which hold a note's words; the weights stay loaded."""
    if _scorer.cache_info().currsize:
        _scorer().cache.clear()


@lru_cache(maxsize=1)
def _scorer() -> _Scorer:
    """The two perceptrons' weights from ``data/tagger.tsv``: lines "model<TAB>feature<TAB>
    weight", model being "detect" or a label, and "skip<TAB>word" for the words not read."""
    detect: dict[str, float] = {}
    kinds: dict[str, list[float]] = {}
    skipped = []
    text = files(__package__).joinpath("data", "tagger.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("skip\t"):
            skipped.append(line[5:])
        elif line and not line.startswith("#"):
            model, feature, weight = line.split("\t")
            if model == "detect":
                detect[feature] = float(weight)
            else:
                row = kinds.setdefault(feature, [0.0] * len(TAGGED_LABELS))
                row[TAGGED_LABELS.index(model)] = float(weight)
    return _Scorer(detect, kinds, frozenset(skipped))
