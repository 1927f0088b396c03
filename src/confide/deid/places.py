"""Organisations and places named with ordinary words, found without a gazetteer.

Notes often write organisations in lowercase or with ordinary words only: "catholic charities",
"the harlan county detention center", "the dollar general in bledsoe". Two cues find them:

- a chain of up to four words ending in an organisation or place word ("center", "charities",
  "jail", "park", "heights") after "the", "at", "to", "from" and the like, when one of the
  chain's words is not a generic one ("the mental health center" names nothing);
- a chain store's name (`STORES`), always when it is not an ordinary word, and after "the",
  "at", "to" or "from" when it is ("at the pilot on rutledge pike").
"""

from __future__ import annotations

from .lexicon import NON_IDENTIFYING, ORG_SUFFIXES, RELATIONS, STATE_NAMES, STORES, is_common, words
from .tokens import NONE, STRONG, Token, cue_bit, cued_indices, tokens_with

# Words that end a place name rather than an organisation's.
PLACE_ENDINGS = words(
    """county parish township heights hills park square station falls valley springs village
    estates terrace gardens landing crossing junction"""
)
# Spanish words for the same: "la clinica", "iglesia san jose".
SPANISH_ENDINGS = words("clinica iglesia centro escuela tienda mercado parroquia taqueria")
# Church names end with a denomination ("first baptist", "st mark's lutheran"); employers and
# utilities with what they make or sell ("pacific gas and electric").
DENOMINATIONS = words(
    """baptist methodist lutheran presbyterian episcopal pentecostal adventist apostolic
    evangelical nazarene catholic orthodox ame cme"""
)
BUSINESS_ENDINGS = words(
    """electric energy utilities insurance transit airlines motors foods industries
    manufacturing construction logistics trucking freight solutions systems technologies
    enterprises holdings mills steel plastics packaging warehouse distribution staffing
    farms dairy cannery refinery"""
)
ENDINGS = (ORG_SUFFIXES | PLACE_ENDINGS | SPANISH_ENDINGS | DENOMINATIONS | BUSINESS_ENDINGS) - {
    "living",
    "care",
    "home",
    "homes",
    "place",
    "drugs",  # "to buy drugs"
}
# Endings that name an organisation only after two words, or after "the" with one word that
# is not generic: "kentucky river community care", "the healing place" (not "foster care").
WEAK_ENDINGS = words("care place")
# Parts of one-word names of services ("healthsource", "carelink", "lifeworks").
_COMPOUND_PARTS = (
    "health",
    "care",
    "source",
    "works",
    "link",
    "point",
    "path",
    "serve",
    "center",
    "house",
    "life",
)
# Words before a chain that say a named place follows.
CHAIN_CUES = words(
    """the at to from in into near by outside behind across past toward towards inside @ @the
    over via"""
)
# Words a chain never crosses: function words, pronouns, kinship and role words.
CHAIN_STOPS = (
    words(
        """the a an my his her their our your its this that these those to at from in into on
        of for with w by and or but is was are were be been go went going got get gets said
        says called call take took took told ask asked he she they we i you it him them us
        me who which what when where while then than so if as not no some any all every
        back over out up down off about near after before thru through via"""
    )
    | RELATIONS
)
# Words that make up generic references to a kind of place ("the county jail").
GENERIC = words(
    """health mental behavioral medical community recovery treatment homeless women's womens
    men's mens family families senior seniors youth day drop-in dropin food public county city
    state local urgent emergency psych psychiatric detox sober halfway group nursing high
    middle elementary school church new old big little main same other different another
    next last nearest closest free bus train police fire court jail courthouse shelter
    center clinic hospital house home living care program programs services service support
    peer outpatient inpatient residential crisis walk-in 24 hour 24hr dv domestic violence
    legal aid housing job jobs work employment library park parking grocery store stores
    gas station pantry kitchen soup meal meals dental dentist eye pharmacy methadone
    right wrong safe good better best quiet whole memory
    suboxone mat iop php er rehab counseling counselling therapy group's nearby downtown
    apartment apartments trailer motel hotel fellowship meeting meetings tuesday wednesday
    thursday friday saturday sunday monday night morning noon tv rec recreation sports
    youth's kids children's childrens baby infant dialysis cancer heart transitional"""
)
_CHAIN_LENGTH = 4
_AND = words("and &")
# Words that name nothing before an ending ("the mental health center"); a denomination does.
_NAMELESS = (GENERIC | ENDINGS) - DENOMINATIONS
_STORE_FIRST_WORDS = frozenset(name.split("_")[0] for name in STORES if "_" in name)


def _compound_name(low: str) -> bool:
    return (
        len(low) > 7
        and (low.startswith(_COMPOUND_PARTS) or low.endswith(_COMPOUND_PARTS))
        and low.isalpha()
        and not is_common(low)
    )


def apply_place_cues(tokens: list[Token], cued: list[int] | None = None) -> None:
    """Mark organisation and place chains and chain stores in ``tokens`` (``cued`` being
    `tokens.cued_indices(tokens)`, when the caller has it)."""
    if cued is None:
        cued = cued_indices(tokens)
    last = len(tokens) - 1
    triggers = _TRIGGERS
    for i in tokens_with(tokens, cued, _PLACE_CUE):
        tok = tokens[i]
        low = tok.low
        if low not in triggers and not tok.possessive and (len(low) < 8 or tok.shape != "lower"):
            continue  # the quick test: no ending, store or possible compound name
        if tok.shape != "other" and (
            low in ENDINGS or low in WEAK_ENDINGS or (tok.shape == "lower" and _compound_name(low))
        ):
            _chain(tokens, i)
        if low in _STORE_FIRST_WORDS and i < last:
            nxt = tokens[i + 1]
            if nxt.gap_before == " " and f"{low}_{nxt.low}" in STORES and tok.hint != "PERSON":
                _store(tokens, i, 2)
                continue
        if tok.possessive and (f"{low}'s" in STORES or f"{low}s" in STORES):
            low = f"{low}s"  # "the Hardee's in Hazard", "the Smith's on Redwood Rd"
        if low in STORES and (tok.kind != STRONG or not tok.hint):
            _store(tokens, i, 1)


_TRIGGERS = ENDINGS | WEAK_ENDINGS | _STORE_FIRST_WORDS | STORES


def _may_cue_place(low: str) -> bool:
    """Whether `apply_place_cues` may act on a word: a trigger, a compound name, or a store's
    name with a possessive ("Hardee's")."""
    return low in _TRIGGERS or _compound_name(low) or f"{low}'s" in STORES or f"{low}s" in STORES


_PLACE_CUE = cue_bit(_may_cue_place)


def _store(tokens: list[Token], i: int, size: int) -> None:
    words = tokens[i : i + size]
    ordinary = all(is_common(t.low) or t.low in NON_IDENTIFYING for t in words)
    # "bp" is blood pressure and "shell" a word unless "the", "at"... comes first; a
    # capitalised ordinary word mid-sentence ("works at Target") has its cue too.
    if ordinary and (words[0].shape in ("lower", "upper") or words[0].sentence_start):
        prev = tokens[i - 1] if i else None
        if prev is None or "\n" in words[0].gap_before or prev.low not in CHAIN_CUES:
            return
    for tok in words:
        tok.kind, tok.hint = STRONG, "ORG"


def _chain(tokens: list[Token], i: int) -> None:  # noqa: C901 - one chain, several cues
    end = tokens[i]
    j = i
    # "pacific gas and electric": a business's name may hold "and".
    crosses_and = end.low in BUSINESS_ENDINGS
    while j > 0 and i - j < _CHAIN_LENGTH and tokens[j].gap_before == " ":
        before = tokens[j - 1]
        if (
            crosses_and
            and before.low in _AND
            and j >= 2
            and tokens[j - 2].low not in CHAIN_STOPS
            and before.gap_before == " "
        ):
            j -= 1
            continue
        if (
            before.low in CHAIN_STOPS
            or before.shape not in ("lower", "cap", "upper")
            # A possessive only right before the ending: "at dotty's diner", not "at the
            # center's front desk".
            or (before.possessive and (j < i or before.low in GENERIC or is_common(before.low)))
        ):
            break
        j -= 1
    if j == i or (end.shape == "lower" and tokens[i - 1].shape != "lower"):
        # "Brookdale memory care": the capitalised name is found without the generic tail.
        return
    words = tokens[j:i]
    # One loop over the chain's words (not three generators): a single letter ends the
    # chain, the last capitalised word starts its tail, and a chain of generic words and
    # "and" names nothing.
    last_named = -1
    nameless = True
    for k in range(j, i):
        low = tokens[k].low
        if len(low) < 2:
            return
        if tokens[k].shape != "lower":
            last_named = k
        if nameless and low not in _NAMELESS and low not in _AND:
            nameless = False
    tail = tokens[last_named + 1 : i] if last_named >= 0 else []
    if tail and end.shape == "lower" and all(t.low in GENERIC or t.low in ENDINGS for t in tail):
        return  # "the Hennepin County service center": the name is found without the tail
    if nameless:
        return
    cue = tokens[j - 1] if j else None
    cued = cue is not None and cue.low in CHAIN_CUES and "\n" not in tokens[j].gap_before
    if end.low in WEAK_ENDINGS and len(words) < 2 and not (cued and cue.low == "the"):
        return
    # Without a cue, only a chain whose first word is not an ordinary word ("harlan county")
    # or is a state's name ("kentucky river community care").
    first = words[0].low
    if (
        not cued
        and (is_common(first) or first in NON_IDENTIFYING)
        and not (first in STATE_NAMES and len(words) > 1)
    ):
        return
    label = "LOCATION" if end.low in PLACE_ENDINGS else "ORG"
    for tok in tokens[j : i + 1]:
        if tok.kind == NONE or not tok.hint:
            tok.kind, tok.hint = STRONG, tok.hint or label
    # "first baptist lawton": a church's town may follow its name.
    if end.low in DENOMINATIONS and i + 1 < len(tokens):
        town = tokens[i + 1]
        if (
            town.gap_before == " "
            and town.shape == "lower"
            and town.kind == NONE
            and not is_common(town.low)
            and town.low not in NON_IDENTIFYING
        ):
            town.kind, town.hint = STRONG, label
