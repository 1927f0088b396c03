"""Confide's de-identification engine: pure Python, offline, no Django.

Three detectors are combined and their spans united (never dropped) where they overlap:

1. Known identifiers (`KnownIdentifiers`): what the system already holds about the client -
   names with nicknames, diminutives, initials and possessives, contacts, address parts,
   phones in any format, emails, dates of birth in any format, ids ignoring separators.
   These are always reported, with ``source == "known"``.
2. Pattern recognisers: phones, emails, URLs and handles, IP addresses, SSNs (SSA rules), card
   numbers (Luhn), NPIs (Luhn with the 80840 prefix), cued and generic ids, street addresses,
   ZIP codes, dates and ages. Check digits decide a number's kind, never whether it is
   redacted.
3. A heuristic person/place/organisation detector tuned for recall: capitalised words that
   are not common English, hand-written first-name and surname lists for lowercase text,
   and context cues (titles, relation and role words, "lives in", organisation and street
   suffixes).

`redact` replaces names, places, contacts and ids with numbered placeholders that a shared
`Pseudonymizer` keeps consistent across a packet, gives dates as a year or relative to the
session, and turns ages over 89 into "90 or older".

Lowercase names with no list entry are found from context (`lowercase`): a speech or action
verb after them ("leopold said"), a greeting before them ("hey its abdi"), "w/", "with" or "and"
next to a name, a possessive; lowercase places after a preposition or before "county".
Weekdays that pin a day ("last tues", "Fri the 17th") are dates.

Organisations and places made of ordinary words are found from a chain ending in an
organisation or place word after "the", "at", "to" or "from" ("at catholic charities", "the
harlan county detention center"), and chain stores from a hand-written list (`places`); phones
and e-mails spelled in words ("jdoe at gmail dot com") are contacts, and so are cashtags and
accounts named after a payment app ("venmo jane-doe-12") (`contacts`). Roads without a house
number are addresses: routes and interstates ("route 9", "I-35W"), numbered streets ("the 4th
street bridge") and intersections with a word that is not an ordinary one ("at central and san
mateo") (`streets`). Days written as ordinal words are dates ("march third", "by the fifth.").
Lowercase places of ordinary words are found before a state or "area"/"originally" ("moved to
green bay, wisconsin"), after a place preposition when the second word is not an ordinary one
("to garden grove"), from a hand-written list of towns ("little rock") and as a compass word
before "side"/"end" ("the east side"); two common street names joined by "and" after "at" are
an intersection ("at park and main"). A lowercase name is also found after a verb that takes a
person ("went to see jaylyn") or "by", before a kinship word ("keondre mom"), or joined to "me"
or "i" by "and"; a capitalised ordinary word that is often a first name is a name before a
speech verb or with a possessive ("Will said", "Hope's mom").

Limits: English notes only; the word and name lists are small and hand-written, so a lowercase
name with no list entry and no cue ("went to see jaylyn") can be missed, and capitalised
ordinary words the list does not know are redacted; a lone first name that is also a common
word ("hope", "will") in lowercase is not found unless it is known; lowercase organisations and
places made only of ordinary words with no place word, cue, list entry or continuation ("at
open door"), street names without a number, suffix or preposition, and intersections of
ordinary words that are not common street names can be missed. Measured token recall on
unseen notes is 0.97-0.99 where sentences start with capitals and about 0.90 where they do
not (dictation, copied texts), so the results are not a substitute for review before
disclosure.

In text whose sentences do not start with capitals, a learned tagger (`tagger`) then reads the
words the rules left unflagged: two averaged perceptrons trained on this project's own
hand-labelled notes, lowercased, decide from the word, its neighbours and what the rules found
around it whether it is part of an identifier and of which kind ("out past green river", "the
forms for tobias"). It does not run on cased text, where it measured no gain.

Speed: about 750-870 notes of 1 KB a second on one core on the 2-core development machine
(bench/deid_bench.py); the cost is mostly per-word Python, so the recognisers try their regular
expressions only where a cue word, a number of the right shape or a quick substring test says
one may match.
"""

from .engine import Redaction, apply_spans, find_identifiers, redact, replacement_for
from .known import KnownIdentifiers
from .pseudonyms import Pseudonymizer
from .spans import LABELS, Span

__all__ = [
    "LABELS",
    "KnownIdentifiers",
    "Pseudonymizer",
    "Redaction",
    "Span",
    "apply_spans",
    "find_identifiers",
    "redact",
    "replacement_for",
]
