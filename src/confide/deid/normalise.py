"""Length-preserving text folding, so offsets in folded text are offsets in the original."""

from __future__ import annotations

import re
import unicodedata


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base.isascii():
            table[code] = base
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    # Typographic apostrophe: "Maria’s" and "Maria's" must fold alike.
    table[0x2019] = "'"
    return table


_FOLD = _build_fold_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lowercase and strip Latin accents one character at a time (same length as input)."""
    if text.isascii():
        return text.lower()  # the same, in C: the table maps no other ASCII character
    # A note holds a few non-ASCII characters ("’", "—", "é"): those are folded through the
    # table, then the whole text is lowercased in C, several times faster than translating
    # every character. Lowercasing keeps the length of every character but "İ", which the
    # table folds first.
    return _NON_ASCII.sub(_fold_character, text).lower()


def _fold_character(match: re.Match[str]) -> str:
    char = match.group()
    return _FOLD.get(ord(char), char)
