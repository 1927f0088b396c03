"""Context cues for names the case of the text says nothing about.

Text messages and quick phone notes are often all lowercase, and the name lists cannot hold
every name. A lowercase word that is not an ordinary English word (`is_common`) is taken as a
name when its context says so:

- it is followed by a speech or action verb ("rosalind txted", "keondre said"), or starts a
  sentence followed by "is"/"was"/"has" ("anh is yelling");
- it follows a greeting or self-introduction ("hey its abdi", "this is marta");
- it follows "w/" or "with", or "and" next to a name ("w/ joey and nat");
- it has a possessive ("ronnie's car");
- it follows a verb that takes a person ("went to see jaylyn", "told marisol") or "by";
- it is followed by a kinship word without an apostrophe ("keondre mom called"), or joined by
  "and" to "me" or "i" ("me and jaylyn", "jaylyn and i");
- it follows a place preposition ("at dennys", "in garden grove") or precedes a place word
  ("meigs county"): a place or organisation; so does an ordinary word between the two ("moved
  to garden grove").

Places made only of ordinary words are found from a hand-written list of such town names
("little rock", "green bay") and from a compass word before "side" or "end" ("the east side",
"north end"). A capitalised ordinary word that is often a first name ("Hope", "Will") is a
name before a speech verb or with a possessive ("Will said", "Hope's mom").

Kinship words used as names in quotes ("nana") and "the Y" are marked too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import (
    COMMON,
    FIRST_NAMES,
    NON_IDENTIFYING,
    STATE_ABBREVIATIONS,
    STATE_NAMES,
    WORDLIKE_ENDINGS,
    is_common,
    words,
)
from .places import CHAIN_STOPS, GENERIC
from .tokens import CAPWORD, NONE, STRONG, Token, cue_bit, cued_indices, tokens_with

SPEECH_VERBS = words(
    """said says saying told tells txted texted txt txts text texts textd msged messaged
    called calls calling came comes coming asked asks wants wanted went goes going left
    needs needed yelled yelling showed shows dropped picked brought took drove cried lives
    lived stays stayed works worked knows wrote emailed replied answered agreed refused
    kicked got gets thinks thought keeps kept hit dmed dm'd snapped posted sent tried
    shared reported reports stated states explained mentioned disclosed admitted denied
    denies expressed describes endorses presents presented complains""",
)
# Verbs that mark a name only at the start of a sentence ("anh is yelling").
SENTENCE_VERBS = words("is was has had and will can cant can't")
GREETINGS = words("its it's im i'm hey hi hello dear thanks thx ty love")
WITH_WORDS = words("w with")
AND_WORDS = words("and &")
_AND_WORD = cue_bit(AND_WORDS)
PLACE_PREPOSITIONS = words("in at from near to")
# "lives on coors", "off lyndale": a street.
STREET_PREPOSITIONS = words("on off")
# Role words right before a name ("client dolores", "cm tasha", "po garrity").
ROLE_WORDS = words(
    """client clients pt patient peer member resident participant consumer youth cm sw rn lpn
    cna np pa po cps dcs caseworker principal teacher counselor counsellor therapist sponsor
    sponsee roommate coworker neighbor neighbour landlord manager boss bf gf"""
)
# Verbs whose object is usually a person: "went to see jaylyn", "told marisol".
PERSON_OBJECT_VERBS = words(
    """see saw seen seeing visit visited visiting visits met meet meeting meets told tell
    telling asked ask asking call called calling text texted texting txt txted hug hugged
    helped help helping thanked thank cc'd cc per"""
)
# Kinship words after a name with the apostrophe left out: "keondre mom called".
KIN_AFTER = words(
    """mom dad mum mother father sister brother sis bro aunt uncle cousin bf gf boyfriend
    girlfriend husband wife grandma grandpa nana son daughter kids baby"""
)
FIRST_PERSON = words("me i")
# Texting words that no word list holds and that are no one's name.
SLANG = words(
    """ppl smth sth smthn convo bday otw omw bruh lmao lol lmk tho thru idc smh tbh ngl hmu wyd
    wbu imo irl nvm ofc pls plz tysm yea yep yup nah sooo sooooo hella lotta kinda sorta
    outta gotta"""
)
# Capitalised ordinary words that are often first names ("Will said", "Hope's mom").
WORD_NAMES = words(
    """hope will summer hunter grant drew june bill may april august autumn sky river parker
    rich chip charity patience love price king young brooks rose faith grace sunny mason
    frank dusty crystal amber ruby pearl jade iris violet lily daisy holly ivy dawn joy star
    storm rocky buck hawk fox wolf sterling cash chase colt gunner ace angel destiny trinity
    harmony honor journey justice miracle shadow guy"""
)
# Of those, the ones that mid-sentence and capitalised are names or places whatever follows
# ("drove Will to court", "texted Love"); seasons, months and virtues need a speech verb.
_WORD_NAMES_MID_SENTENCE = WORD_NAMES - words(
    "summer autumn june may april august charity patience justice honor journey star storm"
)


_WORD_NAMES_NOT_MONTHS = WORD_NAMES - words("june may april august")


# Towns made only of ordinary words, found in any case ("moved to little rock").
def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(part.split()) for part in text.split("|"))


ORDINARY_WORD_PLACES = _phrases(
    """little rock|round rock|castle rock|garden grove|elk grove|green bay|grand rapids
    |cedar rapids|coon rapids|long beach|palm springs|hot springs|coral springs|palm beach
    |virginia beach|fort worth|salt lake|bowling green|college station|great falls|twin falls
    |grand junction|grand island|grand prairie|sugar land|pine bluff|iron mountain|rocky mount
    |cherry hill|rock hill|rock island|spring hill|oak park|oak lawn|oak ridge|highland park
    |deer park|orange park|winter park|winter haven|lake charles|lake city|lake forest
    |garden city|union city|bay city|rapid city|kansas city|ocean city|atlantic city
    |fall river|battle creek|walnut creek|fountain valley|moreno valley|apple valley
    |golden valley|spring valley|maple grove|eden prairie|forest lake|white plains|long island
    |new haven|new orleans|new york|north platte|silver spring|fair oaks|diamond bar
    |falls church|newport news|glen burnie|park ridge|pleasant grove|pleasant hill|red bank
    |mission hills|sun valley|west valley|royal oak|sterling heights|citrus heights
    |baton rouge|white bear lake|eagle pass|big spring|west palm|east point|south bend
    |north little rock|mountain home|paradise valley|cape coral|port st lucie|ann arbor
    |saint paul|st paul|st louis|saint louis|st cloud|saint cloud"""
)
_PLACE_FIRST_WORDS = frozenset(name.split()[0] for name in ORDINARY_WORD_PLACES)
_PLACE_SECOND_WORDS = frozenset(name.split()[1] for name in ORDINARY_WORD_PLACES)
COMPASS_WORDS = words("north south east west northeast northwest southeast southwest")
COMPASS_TAILS = words("side end shore")
COMPASS_AREAS = words("eastside westside northside southside")
PLACE_TAILS = words("county township valley heights falls hills city village springs park")
QUOTED_NICKNAMES = words(
    """nana granny grandma grandpa gramps meemaw mamaw pawpaw papaw mimi gigi mama mami
    mommy papi papa pops auntie tia tio abuela abuelo sis bro baby babe boo"""
)
# Capitalised words that may lead a nickname at the start of a sentence: "Big Mike".
BEFORE_NAME_WORDS = words("big lil little")
_QUOTES = frozenset('"“”')


def _candidate(tok: Token, ordinary: Callable[[str], bool]) -> bool:
    return (
        tok.kind == NONE
        and tok.shape == "lower"
        and len(tok.low) >= 3
        and tok.low.isalpha()
        and tok.low not in NON_IDENTIFYING
        and not ordinary(tok.low)
        and tok.low not in SLANG
    )


def is_cased(tokens: list[Token]) -> bool:
    """Whether sentences in this text start with capitals.

    There writers capitalise names too, so a lowercase word in the large dictionary ("with
    recurrent pain", "per protocol") is no name. In text written all in lowercase, names are
    lowercase too and many are dictionary words ("phoenix", "marguerite"): there only the
    short list of common words is ordinary.
    """
    # The shapes of the sentences' first words, counted in C.
    starts = [t.shape for t in tokens if t.sentence_start and t.low.isalpha() and len(t.low) > 1]
    capitalised = starts.count("cap") + starts.count("upper")
    return bool(starts) and capitalised >= 0.6 * len(starts)


_WORD_PREFIXES = ("un", "dis", "mis", "re", "pre", "over", "under", "non", "in", "im")


def namelike_shape(low: str) -> bool:
    """Not shaped like an inflected or prefixed English word ("disagrees", "unsure")."""
    return not low.endswith((*WORDLIKE_ENDINGS, "s")) and not low.startswith(_WORD_PREFIXES)


# What may follow a place's name: "in garden grove area", "from grand rapids originally",
# "to little rock, arkansas", "near castle rock CO".
PLACE_CONTINUATIONS = words("area originally")
_STATES_UPPER = frozenset(STATE_ABBREVIATIONS)
_CONTINUATION_WORDS = PLACE_CONTINUATIONS | STATE_NAMES
# The words a continuation can be: those, and a state's abbreviation in capitals ("CO").
_CONTINUATION = cue_bit(_CONTINUATION_WORDS | {state.lower() for state in _STATES_UPPER})
# Words that never start or make up such a place's name.
_NOT_PLACE_WORDS = CHAIN_STOPS | GENERIC | NON_IDENTIFYING


def _places_before_continuations(tokens: list[Token], cued: list[int]) -> None:
    """Lowercase places of ordinary words between a place preposition and a continuation:
    "moved to green bay, wisconsin", "from grand rapids originally"."""
    continuations = _CONTINUATION_WORDS
    for k in tokens_with(tokens, cued, _CONTINUATION):
        after = tokens[k]
        if after.low not in continuations and after.shape != "upper":
            continue
        for size in (2, 1):
            i = k - 1 - size  # the preposition
            if i < 0 or tokens[i].low not in PLACE_PREPOSITIONS:
                continue
            words = tokens[i + 1 : k]
            if any(
                t.shape != "lower" or t.gap_before != " " or t.low in _NOT_PLACE_WORDS
                for t in words
            ):
                continue
            gap = after.gap_before
            state = after.low in STATE_NAMES or (
                after.shape == "upper" and after.low.upper() in _STATES_UPPER
            )
            if (gap == " " and after.low in PLACE_CONTINUATIONS) or (gap in (" ", ", ") and state):
                for t in words:
                    if t.kind == NONE:
                        t.kind, t.hint = STRONG, "LOCATION"
                break


def _location(tokens: list[Token]) -> None:
    for t in tokens:
        if t.kind == NONE or not t.hint:
            t.kind, t.hint = STRONG, t.hint or "LOCATION"


def _ordinary_word_places(tokens: list[Token], cued: list[int]) -> None:
    """Listed towns of ordinary words, "the east side", "north end", and word names before
    a speech verb or with a possessive ("Will said", "Hope's mom")."""
    n = len(tokens)
    first_words = _PLACE_FIRST_WORDS
    for k in tokens_with(tokens, cued, _PLACE_TRIGGER):
        tok = tokens[k]
        low = tok.low
        if low in COMPASS_AREAS:
            _location([tok])
            continue
        if low in WORD_NAMES:
            if tok.shape == "cap" and tok.kind in (NONE, CAPWORD):
                nxt = tokens[k + 1] if k + 1 < n else None
                if (
                    tok.possessive
                    or (not tok.sentence_start and low in _WORD_NAMES_MID_SENTENCE)
                    or (
                        # "Texted Summer re ride": a word name after a verb that takes a person.
                        k
                        and low in _WORD_NAMES_NOT_MONTHS
                        and tokens[k - 1].low in PERSON_OBJECT_VERBS
                        and tok.gap_before == " "
                    )
                    or (
                        nxt is not None
                        and nxt.gap_before in (" ", ", ")
                        and (
                            nxt.low in SPEECH_VERBS
                            or (nxt.low in SENTENCE_VERBS and low in _WORD_NAMES_MID_SENTENCE)
                        )
                        and not (k and tokens[k - 1].low in _MODAL_BEFORE)
                    )
                ):
                    _person(tok)
            continue
        if k + 1 == n:
            continue
        if low in STATE_NAMES and tokens[k + 1].low == "city" and tokens[k + 1].gap_before == " ":
            _location(tokens[k : k + 2])  # "oregon city", "iowa city"
            continue
        if low in COMPASS_WORDS:
            nxt = tokens[k + 1]
            if nxt.low in COMPASS_TAILS and nxt.gap_before == " " and nxt.shape == tok.shape:
                _location(
                    tokens[k - 1 : k + 2]
                    if k and tokens[k - 1].low in _UPPER_LOWER
                    else tokens[k : k + 2]
                )
            continue
        if low in first_words and tokens[k + 1].low in _PLACE_SECOND_WORDS:
            for size in (3, 2):
                words = tokens[k : k + size]
                if (
                    len(words) == size
                    and all(t.gap_before == " " for t in words[1:])
                    and " ".join(t.low for t in words) in ORDINARY_WORD_PLACES
                ):
                    _location(words)
                    break


_UPPER_LOWER = words("upper lower far")
_MODAL_BEFORE = words("i you we they he she it")


# "she said shanice from her old job...": a clause's subject after a reporting word.
_CLAUSE_OPENERS = words("said says that")
_NOTE_WORDS = words("note notes")
_DIRECTION_OF = words("outside north south east west northeast northwest southeast southwest")
# "this is jolene", "my name is abdi".
_INTRODUCTIONS = words("this name")
# "mikey her sons father": a name, then whose relative he is.
_POSSESSIVE_PRONOUNS = words("her his my their our your")


# Three letters standing alone in a row: a quick test before looking for a spelled name.
_SPELLED = re.compile(r" [a-zA-Z] [a-zA-Z] [a-zA-Z][ .,]")


def _spelled_out(tokens: list[Token]) -> None:
    """A name spelled out letter by letter, as dictation writes it: "tillman t i l l m a n"."""
    run: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and len(tok.low) == 1 and (not run or tok.gap_before == " "):
            run.append(tok)
            continue
        if len(run) >= 3:
            for letter in run:
                _person(letter)
        run = [tok] if tok is not None and len(tok.low) == 1 else []


def _is_kin(low: str) -> bool:
    return low in KIN_AFTER or (low.endswith("s") and low[:-1] in KIN_AFTER)


def _person(tok: Token) -> None:
    tok.kind, tok.hint = STRONG, "PERSON"


def apply_lowercase_cues(  # noqa: C901 - one pass
    tokens: list[Token],
    text: str,
    ordinary: Callable[[str], bool],
    cued: list[int] | None = None,
) -> None:
    """Mark lowercase names, places and nicknames in ``tokens`` from their context (``cued``
    being `tokens.cued_indices(tokens)`, when the caller has it)."""
    if cued is None:
        cued = cued_indices(tokens)
    if _SPELLED.search(text):
        _spelled_out(tokens)
    n = len(tokens)
    nicknames = QUOTED_NICKNAMES
    common = COMMON
    # Only these words can be names here (`_MAY_BE_NAMED`), and the loops below act on
    # lowercase words only, but for nicknames ("Nana" in quotes) and "the Y".
    unlisted = [
        i
        for i, t in enumerate(tokens)
        if t.cues & _MAY_BE_NAMED and (t.shape == "lower" or t.low in nicknames or t.low == "y")
    ]
    for i in unlisted:
        tok = tokens[i]
        low = tok.low
        if (low in common or tok.kind != NONE or tok.shape != "lower") and (
            low not in nicknames and low != "y"
        ):
            continue  # the quick test for most words: an ordinary or already marked word
        candidate = tok.shape == "lower" and _candidate(tok, ordinary)
        if not candidate and low not in nicknames and low != "y":
            continue  # most words: nothing to look at
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < n else None
        same_line_prev = prev is not None and "\n" not in tok.gap_before
        same_line_next = nxt is not None and "\n" not in nxt.gap_before
        if (
            low in QUOTED_NICKNAMES
            and tok.gap_before[-1:] in _QUOTES
            and text[tok.end : tok.end + 1] in _QUOTES
        ):
            _person(tok)
            continue
        if tok.low == "y" and tok.shape == "initial" and same_line_prev and prev.low == "the":
            tok.kind, tok.hint = STRONG, "ORG"  # "the Y"
            continue
        if not candidate:
            continue
        if (
            # The quick test: every cue for a person below is a possessive or one of these
            # words right before or after.
            (
                tok.possessive
                or (same_line_prev and prev.low in _PERSON_CUES_BEFORE)
                or (same_line_next and nxt.low in _PERSON_CUES_AFTER)
            )
            and (
                tok.possessive
                or same_line_next
                and nxt.gap_before in (" ", ", ")
                and (nxt.low in SPEECH_VERBS or (nxt.low in SENTENCE_VERBS and tok.sentence_start))
                or same_line_prev
                and prev.low in GREETINGS
                and tok.gap_before.strip(" ,") == ""
                or same_line_prev
                and prev.low in WITH_WORDS
                and tok.gap_before.strip(" /") == ""
                or same_line_next
                and nxt.low in KIN_AFTER
                and nxt.gap_before == " "
                and namelike_shape(tok.low)
                or same_line_prev
                and prev.low in AND_WORDS
                and i >= 2
                and tokens[i - 2].low in FIRST_PERSON
                or same_line_next
                and nxt.low in AND_WORDS
                and i + 2 < n
                and tokens[i + 2].low in FIRST_PERSON
                or same_line_prev
                and (prev.low in PERSON_OBJECT_VERBS or prev.low == "by")
                and tok.gap_before == " "
                and namelike_shape(tok.low)
                or same_line_prev
                and prev.low in ROLE_WORDS
                and tok.gap_before == " "
                and namelike_shape(tok.low)
                or same_line_prev
                and prev.low in AND_WORDS
                and i >= 2
                and tokens[i - 2].hint == "PERSON"
                or same_line_prev
                and prev.low == "is"
                and i >= 2
                and tokens[i - 2].low in _INTRODUCTIONS
                or same_line_prev
                and prev.low == "for"
                and i >= 2
                and tokens[i - 2].low in _NOTE_WORDS  # dictated: "this is a note for benny"
                or same_line_prev
                and prev.low in _CLAUSE_OPENERS
                and tok.gap_before == " "
                and namelike_shape(tok.low)
                or i + 2 < n
                and same_line_next
                and nxt.low in _POSSESSIVE_PRONOUNS
                and _is_kin(tokens[i + 2].low)
                or (
                    same_line_next
                    and nxt.low in AND_WORDS
                    and i + 2 < n
                    and (tokens[i + 2].hint == "PERSON" or _candidate(tokens[i + 2], ordinary))
                    and prev is not None
                    and prev.low in _WITH_OR_GREETING
                )
            )
        ):
            _person(tok)
        elif same_line_next and nxt.low in PLACE_TAILS and nxt.gap_before == " ":
            tok.kind, tok.hint = STRONG, "LOCATION"
            nxt.kind, nxt.hint = STRONG, "LOCATION"
        elif same_line_prev and prev.low in STREET_PREPOSITIONS and tok.gap_before == " ":
            tok.kind, tok.hint = STRONG, "ADDRESS"
            if same_line_next and nxt.gap_before == " " and _candidate(nxt, ordinary):
                nxt.kind, nxt.hint = STRONG, "ADDRESS"
        elif (
            same_line_prev
            and prev.low == "of"
            and i >= 2
            and tokens[i - 2].low in _DIRECTION_OF
            and tok.gap_before == " "
        ):
            tok.kind, tok.hint = STRONG, "LOCATION"  # "outside of boone", "north of lakeview"
        elif same_line_prev and prev.low in PLACE_PREPOSITIONS and tok.gap_before == " ":
            tok.kind, tok.hint = STRONG, "ORG" if prev.low == "at" else "LOCATION"
            if same_line_next and nxt.gap_before == " " and _candidate(nxt, ordinary):
                nxt.kind, nxt.hint = STRONG, tok.hint  # "in garden grove"
        elif (
            i >= 2
            and same_line_prev
            and tok.gap_before == " "
            and prev.gap_before == " "
            and prev.shape == "lower"
            and prev.kind == NONE
            and prev.low not in _NOT_PLACE_WORDS
            and prev.low not in SPEECH_VERBS
            and tokens[i - 2].low in PLACE_PREPOSITIONS
        ):
            # "moved to garden grove": an ordinary word, then one that is not, after "to".
            hint = "ORG" if tokens[i - 2].low == "at" else "LOCATION"
            for t in (prev, tok):
                t.kind, t.hint = STRONG, hint
    # "note for benny trujillo": a word no list knows after a lowercase name is its surname.
    for k in unlisted:
        if not k:
            continue
        tok, nxt = tokens[k - 1], tokens[k]
        if (
            tok.hint == "PERSON"
            and tok.shape == "lower"
            and nxt.gap_before == " "
            and _candidate(nxt, ordinary)
            and namelike_shape(nxt.low)
        ):
            _person(nxt)
    _places_before_continuations(tokens, cued)
    _ordinary_word_places(tokens, cued)
    _saints_and_nicknames(tokens, cued, ordinary)
    _lowercase_word_names(tokens, cued)
    # "w/ joey and nat": the second of two names joined by "and"; "kaydence and ryder": two
    # words no list knows, joined by "and", name two people (or places).
    for i in tokens_with(tokens, cued, _AND_WORD):
        if 0 < i < n - 1:
            before, tok = tokens[i - 1], tokens[i + 1]
            if before.hint == "PERSON" and _candidate(tok, ordinary):
                _person(tok)
            elif _candidate(before, ordinary) and _candidate(tok, ordinary):
                _person(before)
                _person(tok)


# The words right before or after a lowercase word that `apply_lowercase_cues` reads as
# saying it is a person's name.
_PERSON_CUES_BEFORE = (
    GREETINGS
    | WITH_WORDS
    | AND_WORDS
    | PERSON_OBJECT_VERBS
    | ROLE_WORDS
    | _CLAUSE_OPENERS
    | {"by", "is", "for"}
)
_WITH_OR_GREETING = WITH_WORDS | GREETINGS
_PERSON_CUES_AFTER = SPEECH_VERBS | SENTENCE_VERBS | KIN_AFTER | AND_WORDS | _POSSESSIVE_PRONOUNS


def _may_be_named(low: str) -> bool:
    """Whether `apply_lowercase_cues` may read a word as a name: a word `_candidate` may take
    (whatever ``ordinary`` is, it holds the common words), a nickname ("nana" in quotes) or
    "y" of "the Y"."""
    return (
        len(low) >= 3
        and low.isalpha()
        and low not in NON_IDENTIFYING
        and low not in SLANG
        and not is_common(low)
    ) or (low in QUOTED_NICKNAMES or low == "y")


# A note holds many of these words: they are left out of `cued_indices`.
_MAY_BE_NAMED = cue_bit(_may_be_named, few=False)

SAINTS = words("st st. saint san santa")


def _saints_and_nicknames(
    tokens: list[Token], cued: list[int], ordinary: Callable[[str], bool]
) -> None:
    """ "the meeting at st christine": a saint's name is a church or school; "lil kev",
    "big mike": the nickname's first word belongs to the name."""
    last = len(tokens) - 1
    for i in tokens_with(tokens, cued, _SAINT_OR_NICKNAME):
        tok = tokens[i]
        if i == last or tok.shape != "lower":
            continue
        nxt = tokens[i + 1]
        if nxt.gap_before not in (" ", ". "):
            continue
        if (
            tok.low in SAINTS
            and i
            and tokens[i - 1].low in PLACE_PREPOSITIONS
            and (nxt.hint == "PERSON" or _candidate(nxt, ordinary) or nxt.low in FIRST_NAMES)
        ):
            for t in (tok, nxt):
                t.kind, t.hint = STRONG, "ORG"
        elif tok.low in BEFORE_NAME_WORDS and nxt.hint == "PERSON":
            tok.kind, tok.hint = STRONG, "PERSON"


_SAINT_OR_NICKNAME = cue_bit(SAINTS | BEFORE_NAME_WORDS)
_PLACE_TRIGGER = cue_bit(
    COMPASS_AREAS | WORD_NAMES | STATE_NAMES | COMPASS_WORDS | _PLACE_FIRST_WORDS
)


# Word names that, lowercase after "tell", "ask" or "me and", are people ("tell grace i said
# sorry", "me and june can bring coffee"); "will" and "may" are left alone: modal verbs.
_LOWERCASE_WORD_NAME = cue_bit(WORD_NAMES - words("will may bill rich chip grant drew"))
_ME_AND = words("me i")


def _lowercase_word_names(tokens: list[Token], cued: list[int]) -> None:
    n = len(tokens)
    for i in tokens_with(tokens, cued, _LOWERCASE_WORD_NAME):
        tok = tokens[i]
        if not i or tok.shape != "lower" or tok.kind != NONE:
            continue
        prev = tokens[i - 1]
        nxt = tokens[i + 1] if i + 1 < n else None
        if (
            tok.gap_before == " "
            and (
                prev.low in PERSON_OBJECT_VERBS
                or prev.low in WITH_WORDS
                or prev.low in KIN_AFTER  # "her boyfriend rich"
                or (prev.low in AND_WORDS and i >= 2 and tokens[i - 2].low in _ME_AND)
                or (prev.low in AND_WORDS and i >= 2 and tokens[i - 2].hint == "PERSON")
            )
        ) or (
            nxt is not None
            and nxt.gap_before == " "
            and nxt.low in SPEECH_VERBS
            and prev.low not in _MONTH_BEFORE  # "in june" is a month whatever follows
        ):
            _person(tok)


_MONTH_BEFORE = words("in since until till by of early late last next this")
