"""Third-round rules: lowercase organisations and stores, spelled contacts, months, role cues."""

import pytest

from confide.deid import find_identifiers
from tests.deid.helpers import found


def covered(text: str, word: str) -> bool:
    start = text.index(word)
    return any(s.start <= start < s.end for s in find_identifiers(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("she gets food boxes from lutheran social services now", "lutheran"),
        ("he stayed two nights at the ridgeview rescue mission", "ridgeview"),
        ("dropped her at the maple grove heights", "maple"),
        ("court is at the perry county courthouse on monday", "perry"),
        ("she volunteers at sacred heart pantry", "sacred"),
    ],
)
def test_it_finds_lowercase_organisations_and_places_ending_in_a_place_word(text, word):
    assert covered(text, word)


@pytest.mark.parametrize(
    "text",
    [
        "we went to the mental health center after",
        "he is back at the county jail",
        "she goes to the food pantry every week",
    ],
)
def test_generic_references_to_a_kind_of_place_are_left_alone(text):
    assert find_identifiers(text) == []


def test_a_generic_place_stays_unflagged_beside_a_habitual_weekday():
    text = "she goes to the food pantry on fridays"
    assert [(text[s.start : s.end], s.label) for s in find_identifiers(text)] == [
        ("fridays", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("meet me at the walgreens by the bus stop", "walgreens"),
        ("she works nights at the shell on the bypass", "shell"),
        ("grabbed coffee at waffle house first", "waffle"),
    ],
)
def test_it_finds_chain_stores(text, word):
    assert covered(text, word)


def test_a_store_name_that_is_an_ordinary_word_needs_a_cue():
    assert not covered("she has a hard shell sometimes", "shell")


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("his number is nine one nine five five five zero one two two", None, "PHONE"),
        ("call 919 five five five 0122 after six", "919 five five five 0122", "PHONE"),
        ("email is lmarsh22 at gmail dot com", "lmarsh22 at gmail dot com", "EMAIL"),
        ("send to frontdesk [at] hopewell [dot] org", "frontdesk [at] hopewell [dot] org", "EMAIL"),
    ],
)
def test_it_finds_contacts_spelled_in_words(text, surface, label):
    spans = found(text)
    if surface is None:
        surface = text[text.index("nine") :]
    assert spans.get(surface) == label


def test_ordinary_numbers_in_words_are_not_phones():
    assert found("she called three or four times, maybe five") == {}


@pytest.mark.parametrize(
    ("text", "month"),
    [("his dad died in february", "february"), ("no rent paid since october", "october")],
)
def test_it_finds_a_lowercase_month_after_a_preposition(text, month):
    assert found(text).get(month) == "DATE"


@pytest.mark.parametrize(
    ("text", "name"),
    [("met w client zoraida at her place", "zoraida"), ("cm quillan has the file", "quillan")],
)
def test_it_finds_a_lowercase_name_after_a_role_word(text, name):
    assert name in found(text)


def test_a_role_word_before_an_inflected_word_is_not_a_name():
    assert found("Client disagrees with the plan.") == {}


def test_it_finds_a_lowercase_street_after_on_or_off():
    assert found("she lives off tamarind past the light").get("tamarind") == "ADDRESS"


def test_a_capitalised_first_word_that_is_a_word_stays_with_the_name_after_it():
    assert "Pa Nhia Xiong" in found("Pa Nhia Xiong came in with her son.")


@pytest.mark.parametrize(
    ("text", "age"),
    [("Referral (52F) from ER", "52"), ("shes 77 and lives alone", "77")],
)
def test_it_finds_more_age_phrasings(text, age):
    assert found(text).get(age) == "AGE"
