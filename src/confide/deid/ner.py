"""A heuristic person, place and organisation detector, tuned for recall.

One pass over word tokens marks each as a name candidate from its shape (capitalised, not an
ordinary word), from hand-written name lists (for lowercase text) and from context cues
(titles, relation and role words, "lives in", organisation and street suffixes). Adjacent
candidates are then joined into runs and each run gets a label. It errs on the side of
redacting: a capitalised word it does not know is treated as a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import (
    FIRST_NAMES,
    NON_IDENTIFYING,
    ORG_SUFFIXES,
    PLACE_CUES,
    RELATIONS,
    STATE_ABBREVIATIONS,
    STATE_NAMES,
    STREET_SUFFIXES,
    STRONG_PLACE_CUES,
    SURNAMES,
    TITLES,
    WEAK_CAPITALS,
    WORDLIKE_ENDINGS,
    in_dictionary,
    is_common,
    is_english,
    words,
)
from .lowercase import (
    BEFORE_NAME_WORDS,
    SLANG,
    SPEECH_VERBS,
    WORD_NAMES,
    apply_lowercase_cues,
    is_cased,
    namelike_shape,
)
from .normalise import fold
from .places import GENERIC, apply_place_cues
from .scan import positions
from .spans import Span
from .tokens import (
    CAPWORD,
    INITIAL,
    NONE,
    STRONG,
    Token,
    cue_bit,
    cue_bits,
    cued_indices,
    tokens_with,
)

_UPPER = re.compile(r"[^\W\d_a-z]")
_LOWER = re.compile(r"[a-z]")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?!\w)")
# What every run of initials holds: a quick test before INITIALS, whose repeated group keeps
# the regex engine from skipping ahead.
_TWO_INITIALS = re.compile(r"[A-Z]\.\s?[A-Z]\.")
_NOT_INITIALS = frozenset({"U.S.", "P.O.", "A.M.", "P.M.", "D.C.", "N.A.", "A.A.", "E.R."}) | {
    # Credentials: "Lars Brekke, M.D."
    "M.D.", "D.O.", "R.N.", "N.P.", "P.A.", "D.D.S.", "L.P.N.", "M.S.W.", "M.S.", "B.S.",
}  # fmt: skip
_SENTENCE_BREAK = frozenset('.!?:;\n"•*|')
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "da", "di", "le", "du", "y"})
_CONNECTORS = frozenset({"of", "the", "&", "for"})
_INNER_CONNECTORS = frozenset({"on", "and", "in"})
# The words that may continue a run without being name-like themselves.
_JOINING = _PARTICLES | _CONNECTORS | _INNER_CONNECTORS
# Role words that precede a name without being part of it ("Client Jasmine").
# Kinship words that precede a name without being part of it ("Uncle Ray").
_KIN = frozenset(
    [
        "aunt",
        "auntie",
        "uncle",
        "tia",
        "tía",
        "tio",
        "tío",
        "abuela",
        "abuelo",
        "grandma",
        "grandpa",
        "granny",
        "nana",
        "papa",
        "sister",
        "brother",
        "sis",
        "bro",
        "mom",
        "dad",
        "mother",
        "father",
        "cousin",
        "son",
        "daughter",
        "wife",
        "husband",
    ]
)
_ROLE_WORDS = frozenset(
    ["client", "patient", "pt", "peer", "member", "resident", "participant", "consumer", "youth"]
)
_ABBREVIATED_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "sr", "sra", "srta", "rev", "fr"})
# Titles kept in the name's span even when written in lowercase ("miss patty").
_TITLES_IN_ANY_CASE = _ABBREVIATED_TITLES | {"miss", "mister", "doctor"}
# "Bro. Clarence", "Dea. H. Whitfield": the abbreviation's full stop stays inside the name.
_RELIGIOUS_ABBREVIATIONS = frozenset({"bro", "sis", "dea"})


def find_names(
    text: str,
    folded: str | None = None,
    tokens: list[Token] | None = None,
    cased: bool | None = None,
) -> list[Span]:
    """Person, place and organisation spans found by heuristics, sorted, may touch.

    ``folded`` is ``fold(text)``, ``tokens`` is ``tokenise(text, folded)`` and ``cased`` is
    ``is_cased(tokens)`` when the caller has them; the tokens are marked in place.
    """
    if tokens is None:
        tokens = tokenise(text, fold(text) if folded is None else folded)
    if cased is None:
        cased = is_cased(tokens)
    # Text written in capitals: `tokenise` left no lowercase word but the small ones.
    shouted = len(tokens) > 5 and not any(
        t.shape == "lower" and t.low not in _SMALL_WORDS for t in tokens
    )
    clinical = _acronyms_need_cues(tokens)
    acronyms = _classify(tokens, cased and clinical, cased, shouted)
    # The passes below act on a few words each (`tokens.cue_bit`): these tokens.
    cued = cued_indices(tokens)
    _names_in_capitals(tokens, cued)
    if clinical:
        _demote_uncued_acronyms(tokens, acronyms)
    _demote_eponyms(tokens, cued)
    ordinary = is_english if cased else is_common
    _apply_cues(tokens, cued, text, ordinary)
    apply_place_cues(tokens, cued)
    apply_lowercase_cues(tokens, text, ordinary, cued)
    spans = _runs(tokens, text, shouted)
    two_initials = any(
        _TWO_INITIALS.match(text, dot - 1)
        for dot in positions(text, ".")
        if dot > 0 and text[dot - 1].isupper()
    )
    initials = INITIALS.finditer(text) if two_initials else ()
    for m in initials:
        if m.group().replace(" ", "") not in _NOT_INITIALS:
            spans.append(Span(m.start(), m.end(), "PERSON", "ner", "initials"))
    return spans


def tokenise(text: str, folded: str) -> list[Token]:
    """The word tokens of ``text``, ``folded`` being ``fold(text)`` (words are folded one by
    one, through a cache, so ``folded`` is not read)."""
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    shouted = 0
    breaks = _SENTENCE_BREAK
    no_break_after = _NO_BREAK_AFTER
    known = _WORD_INFO
    breaking = _GAP_BREAKS
    prev_low = ""
    # One C-level pass yields (gap, word) pairs; offsets follow from their lengths, and what
    # depends on the word alone comes from a cache.
    for gap, surface in (_ASCII_GAP_WORD if text.isascii() else _GAP_WORD).findall(text):
        start = pos + len(gap)
        info = known.get(surface)
        if info is None:
            info = _word_info(surface)
        low, shape, length, possessive, common, cues = info
        if gap == " ":
            sentence_start = False  # the first token's is set below
        else:
            sentence_start = breaking.get(gap)
            if sentence_start is None:
                # A spaced dash opens a new phrase too: "DAP - Peer Support (housing)".
                sentence_start = (
                    not breaks.isdisjoint(gap) or gap == "- " or gap.strip(" ") in _DASHES
                )
                if len(gap) <= 2:
                    breaking[gap] = sentence_start
            if sentence_start and prev_low in no_break_after and gap.strip() == ".":
                sentence_start = False
        if shape == "upper":
            shouted += 1
        pos = start + len(surface)
        append(
            Token(
                start, start + length, low, shape, sentence_start, gap, NONE, "", possessive,
                common, cues,
            )
        )  # fmt: skip
        prev_low = low
    if tokens:
        tokens[0].sentence_start = True
    # In text written in capitals, every word is treated as capitalised (recall first), but
    # for the small words between names, which would join them into one long name.
    if shouted > 5 and shouted > 0.7 * len(tokens):
        small = _SMALL_WORDS
        for tok in tokens:
            if tok.low in small:
                tok.shape = "lower"
            elif tok.shape in ("upper", "lower", "other"):
                tok.shape = "cap"
    return tokens


# Function words that, in text written in capitals, stay out of names ("BEEN AT THE SHELTER").
_SMALL_WORDS = words(
    """a an the at to of in on for with by from and or but his her hers he she they we i you it
    him them me my our your their its is was are were be been being has have had do does did
    not no so if as that this these those since per said say says want wants tell told ask
    asked will would can could should may might must about into over after before when where
    who what which while than then there here up down out off very just also too"""
)

_DASHES = frozenset({"-", "–", "—", "--"})
_SIGNATURE_DASHES = frozenset({"-", "–", "—", "~"})

# Whether a gap between words ends a sentence, by the gap (gaps repeat: " ", ", ", ". ").
# Only gaps of one or two characters are kept: longer ones may hold digits of a number.
_GAP_BREAKS: dict[str, bool] = {}

# What `tokenise` needs of a word, by its surface form: (folded word without a possessive,
# shape, length without the possessive, whether it has one, whether it is an ordinary word,
# its `cue_bits`). Bounded: cleared when it grows large.
_WORD_INFO: dict[str, tuple[str, str, int, bool, bool, int]] = {}
_WORD_INFO_LIMIT = 50_000


def _word_info(surface: str) -> tuple[str, str, int, bool, bool, int]:
    low = fold(surface)
    cut = 0
    if len(low) > 3 and low[-2:] in ("'s", "s'"):
        cut = 2 if low[-1] == "s" else 1
        low = low[:-cut]
    if surface.islower():
        shape = "lower"
    elif not surface[0].isupper():
        shape = "other"
    elif len(surface) == 1 or (len(surface) == 3 and surface[1] == "-" and surface.isupper()):
        shape = "initial"  # "J", and "M-C" of "M-C. Fortin"
    elif surface.isupper():
        shape = "upper"
    else:
        shape = "cap"
    if len(_WORD_INFO) >= _WORD_INFO_LIMIT:
        _WORD_INFO.clear()
    # "T-Boy", "J-Rock": a capital letter, a hyphen and a capitalised word make a nickname.
    nickname = (
        len(surface) > 3 and surface[1] == "-" and surface[0].isupper() and surface[2].isupper()
    )
    common = is_common(low) or (
        # "Spanish-speaking", "Self-pay": every part an ordinary word or a language's name,
        # and the last in lowercase ("Jun-Jun" is a name).
        "-" in low
        and surface.rsplit("-", 1)[1][:1].islower()
        and all(is_common(part) or part in NON_IDENTIFYING for part in low.split("-"))
    )
    info = _WORD_INFO[surface] = (
        low, shape, len(surface) - cut, cut > 0, not nickname and common, cue_bits(low)
    )  # fmt: skip
    return info


# A word and the non-letters before it; for ASCII text the same with ASCII classes, which the
# regex engine matches faster.
_GAP_WORD = re.compile(r"([\W\d_]*)(" + WORD.pattern + ")")
# Possessive quantifiers (nothing after them could match otherwise) spare the engine its
# backtracking bookkeeping.
_ASCII_GAP_WORD = re.compile(r"([^A-Za-z]*+)([A-Za-z]++(?:['-][A-Za-z]++)*+)")


# "St. Vincent", "Mt. Olive": the abbreviation's full stop ends no sentence.
_SAINT_MOUNT = frozenset({"st", "mt"})
_NO_BREAK_AFTER = _ABBREVIATED_TITLES | _SAINT_MOUNT | _RELIGIOUS_ABBREVIATIONS


def _classify(  # noqa: C901
    tokens: list[Token], headers_in_capitals: bool, cased: bool, shouted: bool
) -> list[int]:
    """Mark each token from its shape and the name lists; the indices of the words in
    capitals taken for organisations' acronyms, for `_demote_uncued_acronyms`."""
    acronyms: list[int] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if tok.common and tok.shape == "lower":
            continue  # the quick test: an ordinary lowercase word is never a name's part
        low = tok.low
        if low in NON_IDENTIFYING:
            # Not an identifier alone, but part of one in "Ohio University".
            if tok.shape == "cap" or (tok.shape == "upper" and len(low) > 1):
                tok.kind = CAPWORD
            continue
        common = tok.common
        if tok.shape == "cap":
            if not common:
                if tok.sentence_start and (
                    # "Talked", "Housing": but "Mohamed", "Louise", "Terrence" are names.
                    (low.endswith(WORDLIKE_ENDINGS) and low not in FIRST_NAMES)
                    or (
                        headers_in_capitals
                        and _opens_sentence(tok)
                        and in_dictionary(low)
                        and not _signed_after_initial(tokens, i)
                    )
                ):
                    # In clinical notes headers and sentences start with dictionary words
                    # ("Technique:", "Occasional wheeze"); such a word is a name only next to
                    # another name, before a speech verb or an initial ("Delphine B.").
                    nxt = tokens[i + 1] if i < last else None
                    if (
                        nxt is not None
                        and nxt.gap_before == " "
                        and (nxt.low in SPEECH_VERBS or nxt.shape == "initial")
                    ):
                        tok.kind, tok.hint = STRONG, "PERSON"
                    else:
                        tok.kind = CAPWORD
                    continue
                if shouted and len(low) > 5 and in_dictionary(low):
                    # In capitals a long dictionary word is a word ("AMBIVALENT", "EPISODE"),
                    # unless the name lists hold it ("BAKER"): `in_dictionary` leaves them out.
                    tok.kind = CAPWORD
                    continue
                tok.kind = STRONG
            elif low in FIRST_NAMES and not tok.sentence_start and low not in WEAK_CAPITALS:
                tok.kind, tok.hint = STRONG, "PERSON"
            else:
                tok.kind = CAPWORD
        elif tok.shape == "upper":
            if low in ORG_SUFFIXES:
                tok.kind = CAPWORD  # "Albany PD"
            elif not common and len(low) > 2 and not (len(low) > 5 and in_dictionary(low)):
                tok.kind, tok.hint = STRONG, "ORG"
                acronyms.append(i)
        elif tok.shape == "lower":
            # Where sentences start with capitals, a lowercase dictionary word is that word:
            # "keeping the faith", "by the grace of God".
            if low in FIRST_NAMES and not common and not (cased and low in WORD_NAMES):
                tok.kind, tok.hint = STRONG, "PERSON"
        elif tok.shape == "initial" and (
            low != "i"
            # "I. Caldwell" signing a note: the pronoun is never followed by a full stop and
            # a capitalised word on the same line.
            or (i < last and tokens[i + 1].gap_before == ". " and tokens[i + 1].shape == "cap")
        ):
            tok.kind = INITIAL
    return acronyms


def _names_in_capitals(tokens: list[Token], cued: list[int]) -> None:
    """A letterhead in capitals: "NATIONWIDE CHILDREN'S HOSPITAL". Dictionary words in capitals
    before an organisation's word on the same line belong to its name, if one of them is not
    an ordinary word ("EMERGENCY DEPARTMENT" names no one)."""
    for i in tokens_with(tokens, cued, _ORG_SUFFIX):
        tok = tokens[i]
        if tok.shape != "upper" or tok.kind != CAPWORD or not i:
            continue
        j = i
        while (
            j > 0
            and i - j < 5
            and tokens[j - 1].shape == "upper"
            and (
                tokens[j].gap_before in (" ", "'")
                or (tokens[j].gap_before == ". " and tokens[j - 1].low in _SAINT_MOUNT)
            )
        ):
            j -= 1
        before = [t for t in tokens[j:i] if t.kind == NONE and len(t.low) > 1]
        if before and not all(t.common or t.low in ORG_SUFFIXES for t in tokens[j:i]):
            for t in before:
                t.kind = CAPWORD


# In clinical notes most capitalised acronyms are clinical ("MMT", "NIF"); there an unknown
# one names an organisation only with a cue: "to the SVMC ED", "at WCH", "Westbury Community
# Hospital (WCH)". `propagate` then finds its other mentions.
_ACRONYM_BEFORE = frozenset(
    {"to", "at", "from", "the", "via", "called", "call", "w", "with", "by", "transferred"}
    | {"admitted", "went", "seen", "met", "saw", "told", "texted", "drove", "picked"}
)
_ACRONYM_AFTER = frozenset({"ed", "er", "icu", "ccu", "clinic", "hospital", "campus"})


def _acronyms_need_cues(tokens: list[Token]) -> bool:
    """Whether the text is written in clinical shorthand: three clinical acronyms or more."""
    seen = 0
    for tok in tokens:
        if tok.shape == "upper" and len(tok.low) > 1 and tok.kind == NONE and is_common(tok.low):
            seen += 1
            if seen >= 3:
                return True
    return False


def _demote_uncued_acronyms(tokens: list[Token], acronyms: list[int]) -> None:
    """``acronyms``: the indices of the words `_classify` took for acronyms."""
    n = len(tokens)
    for i in acronyms:
        tok = tokens[i]
        if tok.shape != "upper" or tok.kind != STRONG or tok.hint != "ORG":
            continue
        if len(tok.low) > 5 and tok.low.isalpha():
            continue  # six capitals and more spell a name ("GHIMIRE"), no acronym
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < n else None
        cued = (
            prev is not None
            and "\n" not in tok.gap_before
            and (
                prev.low in _ACRONYM_BEFORE
                or (tok.gap_before.endswith("(") and prev.shape == "cap" and prev.kind != NONE)
            )
        ) or (nxt is not None and nxt.gap_before == " " and nxt.low in _ACRONYM_AFTER)
        if not cued:
            tok.kind, tok.hint = CAPWORD, ""


# Nouns that turn the surname before them into a clinical term: "Parkinson's disease",
# "Murphy's sign", "Braden scale", "Stevens-Johnson syndrome".
EPONYM_NOUNS = frozenset(
    {"disease", "syndrome", "sign", "score", "scale", "criteria", "classification"}
    | {"esophagus", "ulcer", "reflex", "maneuver", "manoeuvre", "triad", "phenomenon", "palsy"}
    | {"fracture", "cyst", "lamp", "encephalopathy", "thyroiditis", "dementia", "chorea"}
    | {"lymphoma", "sarcoma", "catheter", "staging", "questionnaire", "tear", "node", "inventory"}
)


def _demote_eponyms(tokens: list[Token], cued: list[int]) -> None:
    for i in tokens_with(tokens, cued, _EPONYM_NOUN):
        if not i:
            continue
        nxt = tokens[i]
        tok = tokens[i - 1]
        if (
            tok.kind == STRONG
            and not tok.hint
            and tok.shape == "cap"
            and tok.low not in FIRST_NAMES
            and nxt.gap_before == " "
            and nxt.low in EPONYM_NOUNS
        ):
            tok.kind = CAPWORD
        if nxt.low in _INSTRUMENT_NOUNS:
            # "Hamilton Depression Rating Scale", "Morse Fall Scale": the whole name of a
            # clinical instrument, first names in it too.
            for before in tokens[max(0, i - 3) : i]:
                if before.kind == STRONG and not before.hint and before.shape == "cap":
                    before.kind = CAPWORD


# Nouns that end the names of clinical instruments.
_INSTRUMENT_NOUNS = frozenset({"scale", "score", "inventory", "questionnaire", "criteria"})
_EPONYM_NOUN = cue_bit(EPONYM_NOUNS)
_ORG_SUFFIX = cue_bit(ORG_SUFFIXES)


def _signed_after_initial(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` follows an initial that follows a dash: in "- M. Oakes" signing a
    note, the initial's full stop opens no sentence."""
    before = tokens[i - 1] if i else None
    return (
        before is not None
        and before.shape == "initial"
        and tokens[i].gap_before == ". "
        and before.gap_before.rstrip()[-1:] in _SIGNATURE_DASHES
    )


def _opens_sentence(tok: Token) -> bool:
    """A first word after a full stop, colon, line break or the start (not a quote)."""
    gap = tok.gap_before.rstrip(" \t")
    return not gap or gap[-1] in ".!?:\n" or "\n" in gap


def _apply_cues(  # noqa: C901 - one pass, many cues
    tokens: list[Token], cued: list[int], text: str, ordinary: Callable[[str], bool]
) -> None:
    n = len(tokens)
    for i in tokens_with(tokens, cued, _CUE_WORD):
        tok = tokens[i]
        low = tok.low
        if i + 1 == n:
            continue
        nxt = tokens[i + 1]
        if nxt.kind == NONE and low not in _CUES_FOR_ANY_WORD:
            continue  # the quick test: place and town cues act on a marked word only
        if "\n" in nxt.gap_before:
            continue
        joined = nxt.gap_before.strip() in ("", ".", ",", "(", ":", "-", "'", '"')
        if not joined:
            continue
        if low in TITLES and _title_applies(tok, nxt):
            if (
                low not in _KIN
                and tok.shape != "lower"
                or low in _TITLES_IN_ANY_CASE
                or _religious_title(tokens, i)
            ):
                # Professional titles stay with the name; "sister", "aunt" do not, but for
                # "Sister Odessa, who runs the house".
                tok.kind, tok.hint = STRONG, "PERSON"
            nxt.kind, nxt.hint = STRONG, "PERSON"
            # "Dr. Anand Iyer": carry on over the following capitalised words.
            for k, follow in enumerate(tokens[i + 2 : i + 4], start=i + 2):
                if follow.gap_before.strip() or follow.shape not in ("cap", "initial"):
                    break
                if _field_label(tokens, k):
                    break  # a field label follows the name: "Ms. Warsame Attendance: 6"
                follow.kind, follow.hint = STRONG, "PERSON"
        elif low in RELATIONS and _name_like(nxt, ordinary):
            nxt.kind, nxt.hint = STRONG, "PERSON"
            if _religious_title(tokens, i) and nxt.shape == "cap":
                tok.kind, tok.hint = STRONG, "PERSON"
        elif low in STRONG_PLACE_CUES:
            target = nxt
            if nxt.low in PLACE_CUES and i + 2 < n:
                target = tokens[i + 2]
            if target is not None and _place_like(target, ordinary):
                target.kind, target.hint = STRONG, "LOCATION"
        if nxt.kind == STRONG and not nxt.hint:
            if low in PLACE_CUES and low != "at":
                nxt.hint = "LOCATION"
            elif low == "at":
                nxt.hint = "ORG"
        elif (
            low in _TOWN_CUES
            and nxt.kind == CAPWORD
            and nxt.shape == "cap"
            and not nxt.sentence_start
            and nxt.low not in GENERIC
            and nxt.low not in NON_IDENTIFYING
            and nxt.gap_before == " "
            and not _titled_phrase(tokens, i + 1)
        ):
            # "just outside Hope", "moved from Liberty": a town named with an ordinary word.
            nxt.kind, nxt.hint = STRONG, "LOCATION"
    # A first name followed by a surname-like word: "maria lopez", "Jessica Young"; and an
    # initial after a name: "rick t.". Only a person's name acts, so the loop visits those,
    # and in turn each word a name marks ("maria lopez garza"), in order.
    last = n - 1
    done = -1  # the last token visited
    for i in [i for i, t in enumerate(tokens) if t.hint == "PERSON" and t.kind == STRONG]:
        while done < i < last and tokens[i].kind == STRONG and tokens[i].hint == "PERSON":
            done = i
            tok, nxt = tokens[i], tokens[i + 1]
            i += 1
            if nxt.gap_before != " " or _field_label(tokens, i):
                continue
            if (
                nxt.shape == "lower"
                and (
                    nxt.low in SURNAMES
                    or tok.shape == "lower"
                    and _unknown_lowercase_word(nxt, ordinary)
                    and namelike_shape(nxt.low)
                )
                or nxt.shape == "cap"
            ):
                nxt.kind = STRONG
                nxt.hint = nxt.hint or "PERSON"
            elif len(nxt.low) == 1 and text[nxt.end : nxt.end + 1] == ".":
                nxt.kind, nxt.shape = INITIAL, "initial"


_TOWN_CUES = frozenset(
    {"in", "from", "outside", "near", "toward", "towards", "around", "through", "thru", "via"}
    | {"past", "en"}
)
_CUE_WORDS = TITLES | RELATIONS | STRONG_PLACE_CUES | PLACE_CUES | _TOWN_CUES
_CUE_WORD = cue_bit(_CUE_WORDS)
# The cues that may mark the word after them whatever it is (titles, relations, "lives in").
_CUES_FOR_ANY_WORD = TITLES | RELATIONS | STRONG_PLACE_CUES


_RELIGIOUS_TITLES = frozenset({"sister", "brother", "father", "mother"}) | _RELIGIOUS_ABBREVIATIONS
_WHOSE = frozenset({"my", "her", "his", "their", "our", "your", "and", "&", "or"})


def _religious_title(tokens: list[Token], i: int) -> bool:
    """A capitalised "Sister" or "Father", not someone's: a title in a name."""
    tok = tokens[i]
    return (
        tok.low in _RELIGIOUS_TITLES
        and tok.shape == "cap"
        and not (i and tokens[i - 1].low in _WHOSE)
    )


def _titled_phrase(tokens: list[Token], k: int) -> bool:
    """Whether capitalised words from ``k`` on end a job title, a document's or a diagnosis's
    name: "from Alcohol Use Disorder", "in Peer Support Note"."""
    last = k
    while last + 1 < len(tokens) and last - k < 3:
        nxt = tokens[last + 1]
        if nxt.shape != "cap" or nxt.gap_before != " ":
            break
        last += 1
    return last > k and tokens[last].low in TITLE_AND_DOCUMENT_WORDS


def _unknown_lowercase_word(tok: Token, ordinary: Callable[[str], bool]) -> bool:
    """A lowercase word no word list knows: after a first name, a surname ("marcus tillman")."""
    low = tok.low
    return (
        len(low) >= 3
        and low.isalpha()
        and not ordinary(low)
        and low not in NON_IDENTIFYING
        and low not in SPEECH_VERBS
        and low not in SLANG
    )


def _title_applies(tok: Token, nxt: Token) -> bool:
    if nxt.low in NON_IDENTIFYING:
        return False
    if tok.low.rstrip(".") in _TITLES_IN_ANY_CASE:
        return nxt.shape in ("cap", "upper", "initial") or not is_common(nxt.low)
    # Word titles ("sister", "judge") need a capitalised name after them.
    return (
        tok.shape == "cap"
        and nxt.shape in ("cap", "initial")
        or (nxt.shape == "cap" and nxt.low in FIRST_NAMES)
    )


def _name_like(tok: Token, ordinary: Callable[[str], bool]) -> bool:
    if (
        tok.low in WEAK_CAPITALS
        or tok.low in _PARTICLES
        or (tok.low in NON_IDENTIFYING and tok.low not in FIRST_NAMES)
    ):
        return False
    if tok.shape in ("cap", "initial"):
        return True
    if tok.shape == "upper" and len(tok.low) <= 3:
        return not is_common(tok.low)  # "his brother DJ"
    return (tok.shape == "lower" and not ordinary(tok.low)) or tok.low in FIRST_NAMES


def _place_like(tok: Token, ordinary: Callable[[str], bool]) -> bool:
    if tok.low in NON_IDENTIFYING or len(tok.low) < 3:
        return False
    return tok.shape == "cap" or (tok.shape == "lower" and not ordinary(tok.low))


# Sentence-initial words that never begin a name, even before an organisation suffix.
WORD_STARTERS = frozenset(
    [
        "called",
        "met",
        "went",
        "took",
        "drove",
        "walked",
        "spoke",
        "saw",
        "visited",
        "left",
        "at",
        "to",
        "the",
        "a",
        "an",
    ]
)


def _runs(tokens: list[Token], text: str, shouted: bool = False) -> list[Span]:
    spans: list[Span] = []
    n = len(tokens)
    joining = _JOINING
    j = 0  # where the last run ended
    # A run starts at a marked token: only those are visited.
    for i in [i for i, t in enumerate(tokens) if t.kind != NONE]:
        if i < j:
            continue  # inside the last run
        kind = tokens[i].kind
        j = i + 1
        strong = kind == STRONG
        while j < n:
            nxt = tokens[j]
            if nxt.kind == NONE:
                if nxt.low not in joining:
                    break  # the quick test: `_continues` says no to these
            elif not nxt.common and nxt.gap_before == " ":
                # The quick test the other way: a marked word, no field label, one space.
                strong = strong or nxt.kind == STRONG
                j += 1
                continue
            if not _continues(tokens[j - 1], nxt, tokens, j):
                break
            strong = strong or nxt.kind == STRONG
            j += 1
        if (
            not strong
            and tokens[i].sentence_start
            and j > i + 1
            and not _org_suffix_in(tokens, i, j)
        ):
            # Capitalised ordinary words opening a sentence ("The Plan Is") name nothing,
            # unless they are the words programmes are named with ("Open Door has a bed").
            if _programme_name(tokens, i, j):
                spans.append(Span(tokens[i].start, tokens[j - 1].end, "ORG", "ner"))
            elif (named := _the_programme(tokens, i, j)) is not None:
                spans.append(Span(*named, "ORG", "ner"))
            continue
        if j == i + 1:
            # A lone capitalised ordinary word or initial names nothing, unless a state
            # follows it: "in Mission, SD".
            tok = tokens[i]
            if kind == STRONG:
                spans.append(_label_single(tok, text))
            elif kind == CAPWORD and not tok.sentence_start and _before_state(text, tok.end):
                spans.append(Span(tok.start, tok.end, "LOCATION", "ner"))
            continue
        run = tokens[i:j]
        span = _label_run(run, tokens, i, j, text, shouted, strong)
        if span is not None:
            spans.append(span)
    return spans


# Words recovery and housing programmes are named with: "Open Door", "New Beginnings", "The
# Landing", "Second Chance", "Safe Haven".
PROGRAMME_WORDS = words(
    """open door doors new beginning beginnings second chance chances bridge bridges haven
    safe fresh start hope landing anchor lighthouse oasis sanctuary refuge circle crossroads
    horizon horizons harbor harbour journey journeys path pathway pathways step steps way
    light life lives renewal rebirth restoration freedom house home harvest promise village
    gateway gate healing place serenity grace mercy shepherd covenant"""
)


def _programme_name(tokens: list[Token], i: int, j: int) -> bool:
    """Two or more capitalised programme words, "The" allowed first."""
    run = tokens[i + 1 : j] if tokens[i].low == "the" else tokens[i:j]
    return len(run) >= 2 and all(t.low in PROGRAMME_WORDS and t.shape == "cap" for t in run)


def _the_programme(tokens: list[Token], i: int, j: int) -> tuple[int, int] | None:
    """Where "The" and programme words follow a sentence's first word: "Tried The Landing"."""
    for k in range(i + 1, j - 1):
        if tokens[k].low == "the" and tokens[k].shape == "cap":
            rest = tokens[k + 1 : j]
            if all(t.low in PROGRAMME_WORDS for t in rest):
                return tokens[k].start, tokens[j - 1].end
    return None


# Words that end job titles and the names of kinds of note: ordinary words in capitals there
# name no one ("Renee Mabry, Peer Recovery Coach"; "Youth Peer Mentor Note").
TITLE_AND_DOCUMENT_WORDS = words(
    """coach specialist mentor navigator worker advocate supervisor director coordinator
    counselor counsellor therapist facilitator manager support note notes log narrative summary
    report contact visit session plan assessment review scale score inventory questionnaire
    criteria protocol disorder disorders syndrome disease"""
)


def _field_label(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` is an ordinary word before a colon: a field's label."""
    return tokens[j].common and j + 1 < len(tokens) and tokens[j + 1].gap_before.startswith(":")


def _org_suffix_in(tokens: list[Token], i: int, j: int) -> bool:
    return any(t.shape in ("cap", "upper") and t.low in ORG_SUFFIXES for t in tokens[i + 1 : j])


def _continues(prev: Token, tok: Token, tokens: list[Token], j: int) -> bool:
    gap = tok.gap_before
    if tok.common and _field_label(tokens, j) and not (prev.kind == STRONG and tok.low in SURNAMES):
        # A field label after a name: "Ms. Warsame Attendance: 6"; but a surname before a
        # colon is the name's ("- Shontae Little: present").
        return False
    if tok.kind == NONE:
        # "Meals on Wheels", "Boys and Girls Club": a small word between capitalised words.
        if (
            gap == " "
            and tok.low in _INNER_CONNECTORS
            and prev.shape == "cap"
            and j + 1 < len(tokens)
            and tokens[j + 1].shape == "cap"
            and tokens[j + 1].gap_before == " "
            # "Nursing and Rehabilitation": ordinary words, or an organisation's word on
            # either side; two names joined by "and" stay two names.
            and (
                is_common(tokens[j + 1].low)
                or (
                    tok.low == "and"
                    and (prev.low in ORG_SUFFIXES or tokens[j + 1].low in ORG_SUFFIXES)
                )
            )
            and tokens[j + 1].low not in FIRST_NAMES
            and not (tok.low == "on" and _street_ahead(tokens, j + 1))
        ):
            return True
        # Particles inside names: "Juan de la Cruz", "Hospice of the Western Reserve".
        if gap == " " and (tok.low in _PARTICLES or tok.low in _CONNECTORS):
            k = j + 1
            while k < len(tokens) and (tokens[k].low in _PARTICLES or tokens[k].low == "the"):
                k += 1
            return k < len(tokens) and tokens[k].gap_before == " " and tokens[k].kind != NONE
        return False
    if gap in (" ", "-"):
        return True
    if gap == " & " and prev.shape in ("cap", "upper") and tok.shape in ("cap", "upper"):
        return True  # "Harborlight Rehabilitation & Nursing"
    if gap in (". ", ".") and (
        prev.shape == "initial"
        or prev.low in _ABBREVIATED_TITLES
        or prev.low in _RELIGIOUS_ABBREVIATIONS
    ):
        return True
    return gap == ". " and prev.low in _SAINT_MOUNT


def _street_ahead(tokens: list[Token], j: int) -> bool:
    """Whether a street suffix follows within three words: "Faith Mission on Grant Ave" is an
    organisation and its street, not one name."""
    return any(t.low in STREET_SUFFIXES for t in tokens[j : j + 3])


def _leads_name(first: Token, second: Token) -> bool:
    """Whether a sentence's capitalised first word is part of the name after it: "Big Mike",
    "Pa Houa Vang", "Everly Hensley"."""
    if first.low in BEFORE_NAME_WORDS or (
        first.low in PROGRAMME_WORDS and second.low in PROGRAMME_WORDS
    ):
        return True  # "Big Mike", "New Beginnings"
    if second.kind != STRONG or second.shape != "cap" or second.gap_before != " ":
        return False
    # "Autumn Sixkiller": a word name before a surname.
    return first.low in FIRST_NAMES or first.low in WORD_NAMES or not is_common(first.low)


def _label_single(tok: Token, text: str) -> Span:
    """`_label_run` for the commonest run: one name-like word."""
    end = tok.end
    if text[end : end + 1] == "." and (tok.shape == "initial" or tok.low in TITLES):
        end += 1
    if tok.hint:
        label = tok.hint
    elif _before_state(text, end):
        label = "LOCATION"
    elif tok.shape == "upper":
        label = "ORG"
    elif tok.low.rstrip(".") in ("county", "city", "township", "village"):
        label = "LOCATION"
    else:
        label = "PERSON"
    if tok.possessive and label != "PERSON":
        end += 2 if text[end : end + 2] in ("'s", "’s") else text[end : end + 1] in "'’"
    return Span(tok.start, end, label, "ner")


def _label_run(  # noqa: PLR0913
    run: list[Token],
    tokens: list[Token],
    i: int,
    j: int,
    text: str,
    shouted: bool = False,
    strong: bool | None = None,
) -> Span | None:
    """The span a run of two name-like words or more names, if any; ``strong`` is whether a
    word of the run is a name on its own evidence (`STRONG`), when the caller knows."""
    if strong is None:
        strong = any(t.kind == STRONG for t in run)
    # A loop, not `any` over a generator: runs are short, and the generator costs more.
    has_org_suffix = False
    for t in run[1:]:
        if t.low in ORG_SUFFIXES and t.shape in ("cap", "upper"):
            has_org_suffix = True
            break
    if (
        len(run) == 2
        and run[0].kind == INITIAL
        and run[1].gap_before == ". "
        and run[1].low in STATE_NAMES
        and not text[run[0].start - 1 : run[0].start].isalnum()
    ):
        # "T. Washington", "D. Georgia": an initial makes the state's name a surname.
        return Span(run[0].start, run[1].end, "PERSON", "ner", "initial")
    # Capitalised ordinary words in a row, mid-sentence, name a programme or a place:
    # "from Peer Connect".
    named_phrase = not strong
    if named_phrase and all(t.low in NON_IDENTIFYING for t in run):
        return None  # "Pacific Islander", "Native American"
    if named_phrase and (
        run[-1].low in TITLE_AND_DOCUMENT_WORDS  # "Peer Recovery Coach", "Mentor Note"
        or (
            not has_org_suffix
            # In capitals ordinary words in a row are prose ("CONFUSED AND FEBRILE") unless
            # they name a street ("BAYOU NOIR ROAD").
            and (
                (shouted and run[-1].low not in STREET_SUFFIXES)
                or run[0].sentence_start
                or sum(t.kind == CAPWORD for t in run) < 2
            )
        )
    ):
        return None
    if (
        run[0].kind == INITIAL
        and all(t.kind == INITIAL for t in run)
        and "".join(t.low for t in run) in _CREDENTIAL_LETTERS
    ):
        return None  # "OYELARAN, M.D."
    last_low = run[-1].low.rstrip(".")
    # Trim connector words at the edges, and a capitalised ordinary word that only starts
    # the sentence ("Called Tess").
    while run and run[-1].kind == NONE:
        run = run[:-1]
    while run and (
        run[0].kind == NONE
        or (
            run[0].kind == CAPWORD
            and run[0].sentence_start
            and not (len(run) > 1 and _leads_name(run[0], run[1]))
        )
        or (run[0].low in _KIN or run[0].low in _ROLE_WORDS)
        and run[0].hint != "PERSON"  # not "Sister" of "Sister Odessa": a title
        and strong
        and len(run) > 1
        and not has_org_suffix  # "the Peer Bridge Program"
    ):
        if has_org_suffix and run[0].kind == CAPWORD and run[0].low not in WORD_STARTERS:
            break
        run = run[1:]
    if not run or (len(run) == 1 and run[0].kind == INITIAL):
        return None
    hints = [t.hint for t in run if t.hint]
    last = run[-1].low
    end = run[-1].end
    if end < len(text) and text[end] == "." and (run[-1].shape == "initial" or last in TITLES):
        end += 1
    if has_org_suffix or named_phrase:
        label = "ORG"
    elif last in STREET_SUFFIXES and len(run) > 1 and run[-1].hint != "ORG":
        label = "ADDRESS"
    elif "PERSON" in hints or (
        run[0].low in FIRST_NAMES and _STATE_AFTER_CREDENTIAL.match(text, end) is not None
    ):
        label = "PERSON"  # "Xavier Fowler, MD": a credential, not Maryland
    elif hints:
        label = hints[0]
    elif _before_state(text, end):
        label = "LOCATION"
    elif all(t.shape == "upper" for t in run):
        label = "ORG"
    elif last_low in ("county", "city", "township", "village"):
        label = "LOCATION"
    else:
        label = "PERSON"
    if run[-1].possessive and label != "PERSON":
        # "Denny's": a business's possessive is part of its name.
        end += 2 if text[end : end + 2] in ("'s", "’s") else text[end : end + 1] in "'’"
    return Span(run[0].start, end, label, "ner")


_CREDENTIAL_LETTERS = frozenset({"md", "do", "rn", "np", "pa", "dds", "lpn", "msw"})
_STATE_AFTER = re.compile(r",?\s*([A-Z]{2})\b")
# State abbreviations that are also credentials after a name.
_STATE_AFTER_CREDENTIAL = re.compile(r",?\s*(?:MD|PA)\b")


def _before_state(text: str, end: int) -> bool:
    m = _STATE_AFTER.match(text, end)
    return bool(m and m.group(1) in STATE_ABBREVIATIONS)
