"""Regex scanning helpers shared by the recognisers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


def positions(text: str, *needles: str) -> list[int]:
    """Where each of ``needles`` occurs in ``text``, in order.

    ``str.find`` runs at memory speed; a regex whose first character is a class tests every
    character, so the patterns led by a rare character are matched only at these positions.
    """
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            out.append(at)
            at = text.find(needle, at + 1)
    if len(needles) > 1:
        out.sort()
    return out


def matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a regex that can only start at one of ``starts``
    (sorted): the same non-overlapping matches, tried only there."""
    last_end = 0
    for start in starts:
        if start < last_end:
            continue
        m = regex.match(text, start)
        if m is not None:
            last_end = max(m.end(), start + 1)
            yield m


def scan(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, faster: a leading look-behind stops the regex engine from
    skipping ahead to a possible first character, so it is checked here instead."""
    split = _split_lookbehind(regex)
    if split is None:
        yield from regex.finditer(text)
        return
    body, before = split
    pos = 0
    search = body.search
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and before.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)


def by_first_letter(alternation: str) -> str:
    r"""``(?:MD|M\.D\.|DO|...)`` with its alternatives grouped by first letter, keeping their
    order: ``(?:M(?:D|\.D\.)|D(?:O|...)|...)``. The same matches, several times fewer tries:
    at a capital letter the regex engine tries the one group that starts with it rather than
    every alternative in turn."""
    groups: dict[str, list[str]] = {}
    for alternative in alternation.removeprefix("(?:").removesuffix(")").split("|"):
        if not alternative[0].isalpha():
            raise ValueError(f"{alternative!r} does not start with a letter")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"


@lru_cache(maxsize=1024)
def _split_lookbehind(regex: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(the pattern without its leading negative look-behind, the character class it
    forbids) when the look-behind covers the whole pattern; None otherwise."""
    m = _LEADING_LOOKBEHIND.match(regex.pattern)
    if m is None or _top_level_bar(regex.pattern[m.end() :]):
        return None
    return re.compile(regex.pattern[m.end() :], regex.flags), re.compile(m.group(1), regex.flags)


_LEADING_LOOKBEHIND = re.compile(r"\(\?<!(\\[wd]|\[[^\]\\]*(?:\\.[^\]\\]*)*\])\)")


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has an alternation outside any group (so a look-behind before it
    would cover only the first alternative)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False
