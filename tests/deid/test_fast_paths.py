"""The speed-ups give the same answers as the plain regular expressions they replace."""

import random
import re

import pytest

from confide.deid import dates, patterns
from confide.deid.normalise import _FOLD, fold
from confide.deid.numbers import digit_groups, number_starts
from confide.deid.scan import scan

CHARS = "ab1+( _9é٣x-.@"


def random_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)  # noqa: S311 - reproducible test inputs, not secrets
    return ["".join(rnd.choice(CHARS) for _ in range(40)) for _ in range(count)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w@.])(?:ab|b1|a)(?!\w)",
        r"(?<!\w)a[\s,-]+b(?!\w)",
        r"(?<![\w.])a|b(?![\w])",  # the look-behind covers one alternative: left alone
        r"(?<!\d)(?:\+?1)?9(?!\d)",
        r"(?:[A-Z]\.\s?){2,3}",
    ],
)
def test_scan_finds_what_finditer_finds(pattern):
    regex = re.compile(pattern)
    for text in random_texts(2000, 1):
        assert [m.span() for m in scan(regex, text)] == [m.span() for m in regex.finditer(text)]


def test_number_starts_match_the_regular_expression_they_replace():
    regex = re.compile(r"(?<![0-9a-z_])(?:[+(](?=\d)|\d)")
    for text in random_texts(3000, 2):
        folded = fold(text)
        starts = number_starts(text, folded)
        expected = [m.start() for m in regex.finditer(folded)]
        assert starts["starts"] == expected
        assert starts["digits"] == [i for i in expected if folded[i].isdigit()]


def test_number_led_dates_are_tried_only_where_one_can_start():
    rnd = random.Random(9)  # noqa: S311 - reproducible test inputs, not secrets
    pieces = ["3/14/2024", "2023-09-30", "5 march", "4th", "12/17", "3/2019", " ", "1", "22"]
    pieces += ["٣", "x", "-", "/", ".", "jan", "st", "2023", "of ", "\n", "1st", "20th"]
    every_number = re.compile(r"(?<![0-9a-z])\d")
    for _ in range(3000):
        folded = fold("".join(rnd.choice(pieces) for _ in range(10)))
        tried = (dates._DATE_NUMBER.match(folded, m.start()) for m in every_number.finditer(folded))
        expected = [m.span() for m in tried if m is not None]
        assert [m.span() for m in dates.number_led_dates(folded)] == expected


def test_folding_keeps_every_length_and_matches_the_table_character_by_character() -> None:
    rnd = random.Random(5)  # noqa: S311 - reproducible test inputs, not secrets
    alphabet = "AbZ ’—İÉéÀßŒøŁ" + "".join(map(chr, range(0x370, 0x3A0)))
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(30))
        folded = fold(text)
        assert len(folded) == len(text)
        assert folded == "".join(_FOLD.get(ord(c), c).lower() for c in text)


def test_the_number_led_patterns_are_tried_everywhere_they_can_match() -> None:
    """`number_starts` narrows where the phone, bare-address, digit-group and number-led age
    patterns are tried; each narrowed list must hold every place the pattern matches."""
    rnd = random.Random(13)  # noqa: S311 - reproducible test inputs, not secrets
    pieces = ["1", "22", "333", "4444", "55555", "+", "(", ")", " ", "-", ".", "/", ",", "'s"]
    pieces += [
        "yo",
        "y/o",
        "mos",
        "wk",
        "M",
        "F",
        "s",
        "Oak",
        "Main",
        "Elm,",
        "Wabash.",
        "\n",
        "x",
        "٣",
        "ext ",
    ]
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(12))
        folded = fold(text)
        shaped = number_starts(text, folded)
        for start in shaped["starts"]:
            if patterns.PHONE.match(folded, start):
                assert start in shaped["phone"], text
        for start in shaped["le6"]:
            if patterns.ADDRESS_BARE.match(text, start):
                assert start in shaped["bare"], text
        for start in shaped["le3"]:
            if patterns.AGE_LED_FOLDED.match(folded, start) or patterns.AGE_LED_TEXT.match(
                text, start
            ):
                assert start in shaped["age"], text
        every_group = [m.span() for m in digit_groups(text, shaped["runs"])]
        assert [m.span() for m in digit_groups(text, shaped["grouped"])] == every_group, text
