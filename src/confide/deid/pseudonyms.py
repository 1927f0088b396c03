"""Consistent pseudonyms: the same identifier gets the same placeholder across a packet."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import TITLES
from .normalise import fold

_NAMES = {
    "PERSON": "Person",
    "LOCATION": "Location",
    "ORG": "Organisation",
    "ADDRESS": "Address",
    "PHONE": "Phone",
    "EMAIL": "Email",
    "URL": "URL",
    "IP": "IP",
    "ID": "ID",
    "ZIP": "ZIP",
    "DATE": "Date",
    "AGE": "Age",
}
_TITLE_PREFIX = re.compile(r"^((?:[A-Za-zñÑáéíóú]+\.?)\s+)")


class Pseudonymizer:
    """Hands out numbered placeholders such as "[Person 2]", stable for one packet.

    Share one instance across the documents of a packet. A person named in full and later by
    first or last name alone gets the same number when the shorter form is unambiguous. The
    known client is rendered ``client_label`` ("the client"); pass None to number them too.
    Places and addresses carry ``region`` when one is given: "[Location 2, Ohio]".
    """

    def __init__(self, *, client_label: str | None = "the client", region: str = "") -> None:
        self.client_label = client_label
        # What places are reduced to: the organisation's region, e.g. a state ("Ohio").
        self.region = region
        self._numbers: dict[tuple[str, str], int] = {}
        self._counts: dict[str, int] = {}
        self._person_words: dict[str, set[str]] = {}

    def placeholder(self, label: str, surface: str, detail: str = "") -> str:
        """The placeholder for ``surface`` found with ``label`` (and the span's detail)."""
        title = ""
        if label == "PERSON":
            title, surface = _split_title(surface)
            if detail == "client" and self.client_label is not None:
                return title + self.client_label if title else self.client_label
        key = _key(label, surface, detail)
        number = self._numbers.get((label, key))
        if number is None:
            if label == "PERSON":
                number = self._match_person(key)
            if number is None:
                number = self._counts.get(label, 0) + 1
                self._counts[label] = number
            self._numbers[(label, key)] = number
            if label == "PERSON":
                self._person_words.setdefault(key, set()).update(key.split())
        return f"{title}[{_NAMES.get(label) or label.title()} {number}]"

    def _match_person(self, key: str) -> int | None:
        words = set(key.split())
        matches = {
            self._numbers[("PERSON", other)]
            for other, other_words in self._person_words.items()
            if words & other_words and not other.startswith(("other:", "client"))
        }
        return matches.pop() if len(matches) == 1 else None


@lru_cache(maxsize=4096)
def _split_title(surface: str) -> tuple[str, str]:
    """("Dr. ", "Anand Iyer") for "Dr. Anand Iyer"; ("", surface) without a title."""
    m = _TITLE_PREFIX.match(surface)
    if m and fold(m.group(1)).strip().rstrip(".") in TITLES and m.end() < len(surface):
        return m.group(1), surface[m.end() :]
    return "", surface


@lru_cache(maxsize=4096)
def _key(label: str, surface: str, detail: str) -> str:
    """What identifies ``surface`` for numbering: its folded words, or its digits."""
    if detail.startswith("other:") or detail == "client":
        return detail
    text = fold(surface)
    if label in ("PHONE", "ID", "ZIP", "IP"):
        digits = _NOT_ALNUM.sub("", text)
        return digits[-10:] if label == "PHONE" else digits
    text = _POSSESSIVE.sub("", text)
    return " ".join(_KEY_WORD.findall(text))


_NOT_ALNUM = re.compile(r"[^0-9a-z]")
_POSSESSIVE = re.compile(r"'s$")
_KEY_WORD = re.compile(r"[\w@.]+")
