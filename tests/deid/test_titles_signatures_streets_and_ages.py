"""Religious titles, one-letter sign-offs, chat speakers named by ordinary words, spelled-out
names, streets named without a suffix, dates written as words and ages in brackets or in words.
Each case has its denial beside it. The examples are invented for these tests.
"""

import pytest

from confide.deid import find_identifiers
from tests.deid.helpers import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Met with Bro. Clarence after service.", "Bro. Clarence"),
        ("Sister Bernadette will bring plates.", "Sister Bernadette"),
        ("Rides arranged.\n- Dea. H. Whitfield", "Dea. H. Whitfield"),
        ("Elder Mary Two Rivers spoke first.", "Elder Mary Two Rivers"),
    ],
)
def test_a_religious_title_stays_inside_the_name(text: str, name: str) -> None:
    assert found(text).get(name) == "PERSON"


def test_kin_words_stay_outside_the_name() -> None:
    assert found("Her sister Ann came by. My bro Tony drove.") == {
        "Ann": "PERSON",
        "Tony": "PERSON",
    }


@pytest.mark.parametrize(
    "text",
    ["Van keys in the usual spot. Thx!! -J", "Call if anything changes.\n-W.\n", "quiet one -T"],
)
def test_one_initial_after_a_dash_signs_a_note(text: str) -> None:
    assert "PERSON" in found(text).values()


def test_a_lettered_item_in_the_middle_of_a_note_is_no_signature() -> None:
    assert found("Blood type - A\nNext visit planned") == {}


def test_an_initial_and_a_surname_signing_a_note() -> None:
    assert found("notified by phone.\nI. Caldwell") == {"I. Caldwell": "PERSON"}
    assert found("Then I. Then we left.") == {}


def test_who_answers_me_in_a_copied_conversation_is_a_person_even_named_by_a_word() -> None:
    chat = (
        "Tue 4/23 9:14 AM\nMe: just checking u made it\n"
        "Summer: yea they pulled 2 teeth\nMe: ok\nSummer: thx\nPlan: call Thurs\nPlan: ok"
    )
    spans = found(chat)
    assert spans.get("Summer") == "PERSON"
    assert "Plan" not in spans


def test_field_labels_that_repeat_are_no_speakers_without_a_conversation() -> None:
    spans = find_identifiers("Summer: camp forms\nSummer: bus pass\nNotes: none")
    assert not any(span.detail == "speaker" for span in spans)


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("this is for earl tillman t i l l m a n period saw him", "t i l l m a n"),
        ("note for rich silva s i l v a period", "s i l v a"),
    ],
)
def test_a_name_spelled_letter_by_letter(text: str, spelled: str) -> None:
    spans = found(text)
    assert any(spelled in surface and label == "PERSON" for surface, label in spans.items())


def test_two_letters_alone_are_not_a_spelled_name() -> None:
    assert found("she got a b on the test, then a c on the quiz") == {}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("pick me up at my sisters instead. 3908 Wabash, its the green house", "3908 Wabash"),
        ("es el apt 118 en 6400 Bissonnet", "6400 Bissonnet"),
        ("its close, by 149th and 3rd. Hwy 160 after that", "149th and 3rd"),
    ],
)
def test_streets_named_without_a_suffix(text: str, street: str) -> None:
    assert found(text).get(street) == "ADDRESS"


@pytest.mark.parametrize("text", ["took 500 Tylenol.", "moved in 2019 Denver."])
def test_a_number_before_a_drug_or_a_year_before_a_town_is_no_address(text: str) -> None:
    assert "ADDRESS" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("next contact Friday the first I'll bring him", "Friday the first"),
        ("court on the twenty second over in town", "the twenty second"),
        ("peer note tuesday the ninth period met him", "tuesday the ninth"),
        ("a supply through mid-January.", "mid-January"),
        ("the motel voucher back in march", "march"),
        ("Off the shot since ~March after missing it", "March"),
    ],
)
def test_dates_written_in_words(text: str, date: str) -> None:
    assert found(text).get(date) == "DATE"


@pytest.mark.parametrize(
    "text", ["on the third floor", "the second time", "May I ask a question?", "we march on"]
)
def test_ordinals_and_verbs_that_are_no_dates(text: str) -> None:
    assert "DATE" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("DOB 04/17/1991 (33) Arrival 4pm", "33"),
        ("Children: Mateo (6), Abril (11 mo)", "11"),
        ("she's turning five next week", "five"),
        ("he turns nine on Sunday", "nine"),
    ],
)
def test_ages_in_brackets_and_in_words(text: str, age: str) -> None:
    assert found(text).get(age) == "AGE"


@pytest.mark.parametrize(
    "text", ["it turns one way", "turning two corners", "Phone (902) 555-0169", "seen 3/4/24 (x2)"]
)
def test_numbers_that_are_no_ages(text: str) -> None:
    assert "AGE" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Coach: Grace Ravenel   Participant: Hunter   Phone on file", "Hunter"),
        ("Client: Hope   Date: 3/4", "Hope"),
        ("Youth: River   Guardian: Dawn", "River"),
    ],
)
def test_a_field_for_the_client_names_them_even_with_an_ordinary_word(text, name):
    assert found(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    "text", ["Client: Declined to share", "Contact: Phone", "Participant: Self", "Youth: New"]
)
def test_a_field_value_that_names_no_one(text):
    assert "PERSON" not in found(text).values()


def test_a_chat_line_after_a_time_names_its_speaker_even_once():
    text = "[txt 9/30 8:47p] Dakota R.: hey made it to town\n[me 8:52p] proud of you"
    assert found(text).get("Dakota R.") == "PERSON"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("postal code r3c 2b1 winnipeg", "r3c 2b1"),
        ("mail to po box 44 thompson mb r8n 1n4", "r8n 1n4"),
        ("zip code is nine seven four zero one period", "nine seven four zero one"),
    ],
)
def test_postal_codes_in_lowercase_and_dictated(text, code):
    assert found(text).get(code) == "ZIP"


@pytest.mark.parametrize("text", ["took b12 and d3 today", "zip it up, five of us went"])
def test_vitamins_and_counts_are_no_postal_codes(text):
    assert "ZIP" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("her son is four and loves trucks", "four"),
        ("my age is sixty two", "sixty two"),
        ("the baby is six weeks old", "six"),
        ("a two year old and a newborn", "two"),
    ],
)
def test_ages_spelled_in_words_after_kin_or_before_old(text, age):
    assert found(text).get(age) == "AGE"


@pytest.mark.parametrize(
    "text", ["her daughter is one of the best", "his sister was two hours late", "one of two"]
)
def test_number_words_that_are_no_ages(text):
    assert "AGE" not in found(text).values()
