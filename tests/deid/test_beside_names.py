"""What stands beside a person's name: quoted nicknames, last initials, ages, signatures, and
word names in a name's place. The examples are invented for these tests.
"""

import pytest

from confide.deid import find_identifiers
from tests.deid.helpers import found


def test_a_quoted_nickname_is_a_name_and_so_are_its_other_mentions():
    spans = found('Participant: Ambroise "Sly" Dufrene, 61\nSly came in at noon. Sly said ok.')
    assert spans.get("Sly") == "PERSON"
    text = 'Participant: Ambroise "Sly" Dufrene, 61\nSly came in at noon. Sly said ok.'
    assert sum(1 for s in find_identifiers(text) if text[s.start : s.end] == "Sly") == 3


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Kids (Zinnia 12, Teodoro 8) are with a neighbour", "12"),
        ("Kids (Zinnia 12, Teodoro 8) are with a neighbour", "8"),
        ("reasons for living: her son Bartholomew, 4; her garden", "4"),
        ("Youth: Quintrell W. (15) first time back", "15"),
    ],
)
def test_an_age_right_after_a_name_is_an_age(text, age):
    assert found(text).get(age) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "met with Ozzie 3 times this month",  # a count, not an age
        "Room 12, bed 4",  # no name before the number
        "told Ozzie I would call him",  # "I" is no initial
    ],
)
def test_numbers_and_words_after_a_name_that_are_not_its_age_or_initial(text):
    spans = found(text)
    assert not any(label == "AGE" for label in spans.values())
    assert "I" not in spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('she said "yes plz." -Tybalt B.', "Tybalt B."),
        ("next contact tuesday. -jolene m", "jolene m"),
        ('Veteran: Hollis, Raymond "Ray" J.   Branch USMC', "J."),
    ],
)
def test_last_initials_and_signatures(text, name):
    assert found(text).get(name) == "PERSON"


def test_a_list_item_of_an_ordinary_word_and_a_letter_is_no_signature():
    assert "Plan A" not in found("Options:\n- Plan A\n- Plan B\ndone")


def test_word_names_after_a_verb_that_takes_a_person_and_before_a_surname():
    assert found("Texted Summer re ride to appt Mon").get("Summer") == "PERSON"
    assert found("PRS: Autumn Quillby\nD: came in").get("Autumn Quillby") == "PERSON"
    assert found("We met June 3 at the office.").get("June 3") == "DATE"


def test_dictated_notes_name_their_subject_after_note_for():
    assert found("ok this is a note for benny oszkiewicz um seen").get("benny oszkiewicz") == (
        "PERSON"
    )
    assert "doctor lasko" in found("on the shot from doctor lasko for three months")


def test_last_four_digits_written_without_a_space():
    assert found("Last4 6620   Branch USMC").get("6620") == "ID"


def test_a_letterhead_in_capitals_is_an_organisation_but_a_department_heading_is_not():
    spans = found("WESTBROOK CHILDREN'S HOSPITAL -- CONSULT NOTE\nPt seen today.")
    assert spans.get("WESTBROOK CHILDREN'S HOSPITAL") == "ORG"
    assert found("EMERGENCY DEPARTMENT NOTE\nPt seen today.") == {}


def test_a_high_school_abbreviated_and_a_town_outside_of_which_someone_lives():
    assert (
        found("Follow up w/ Frederick Oyelaran HS counselor.").get("Frederick Oyelaran HS") == "ORG"
    )
    assert found("up on the ridge outside of tazewell um his dog").get("tazewell") == "LOCATION"
    assert found("took trazodone 50 mg HS last night") == {}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Pt: Samir QUDSI, DOB 17.10.1990, Flat 2, 41 Fernleigh Grove, Leeds", "Flat 2", "ADDRESS"),
        (
            "Pt: Samir QUDSI, DOB 17.10.1990, Flat 2, 41 Fernleigh Grove, Leeds",
            "41 Fernleigh Grove",
            "ADDRESS",
        ),
        ("next meet the twenty first at the diner", "the twenty first", "DATE"),
        ("he is fifty two and served two tours", "fifty two", "AGE"),
        ("Physician: ADEYEMI-FROST, T Collected: 02/03/2026", "ADEYEMI-FROST, T", "PERSON"),
    ],
)
def test_british_addresses_spelled_numbers_and_surnames_with_an_initial(text, surface, label):
    assert found(text).get(surface) == label


def test_spelled_numbers_that_are_no_age_and_a_field_after_a_name():
    assert found("he is twenty minutes late and the flat tire cost 2 bucks") == {}
    assert "DOB" not in " ".join(found("Pt: Samir QUDSI, DOB 17.10.1990"))


@pytest.mark.parametrize(
    "text",
    [
        "Youth Peer Mentor Note (weekly)",
        "a 47-year-old Spanish-speaking (interpreter used) laborer",
        "Hep C Ab and HIV screen ordered.",
        "Rm 212 Referral pending",
        "Tel 555 Fax 555",
    ],
)
def test_record_keeping_words_and_hyphenated_ordinary_words_are_no_names(text):
    assert not any(label == "PERSON" for label in found(text).values())


def test_a_reduplicated_name_and_a_town_named_like_a_role_stay_names():
    assert found("Her kuya Jun-Jun keeps asking for money").get("Jun-Jun") == "PERSON"
    assert found("she moved to Mentor, Ohio last year").get("Mentor") == "LOCATION"


def test_a_surname_after_a_nickname_and_before_a_colon_and_hyphenated_initials():
    assert found('Mentee: Deshon "Dre" Pellingham   ID pending').get("Pellingham") == "PERSON"
    assert found("- Shontae Little: present, quiet").get("Shontae Little") == "PERSON"
    assert found("Nov 5 evening.\n- M-C. Fortin, PSW").get("M-C. Fortin") == "PERSON"
    assert found("gave him the Peer Bridge Program card").get("Peer Bridge Program") == "ORG"


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Youth: Shandiin Begaye, 16. Met at the chapter house", "16", "AGE"),
        ("the lady who runs it, Sister Odalys, checks on her daily", "Sister Odalys", "PERSON"),
        ("Chaplain Father Ignatius Mwangali visited", "Father Ignatius Mwangali", "PERSON"),
        ("she wants him out by the twelfth because of the drinking", "the twelfth", "DATE"),
        ("I'll check in Wed. M. Castellanos, CRPS", "M. Castellanos", "PERSON"),
        ("His Medicaid ID MI-7004318829. Phone", "MI-7004318829", "PHONE"),
    ],
)
def test_titles_credentials_ages_and_prefixed_numbers(text, surface, label):
    assert found(text).get(surface) == label


def test_kin_stays_outside_the_name_and_a_count_after_a_comma_is_no_age():
    spans = found("My Sister Annika came, and her mom and Uncle Rayford too.")
    assert spans.get("Annika") == "PERSON" and spans.get("Rayford") == "PERSON"
    assert found("She has 2 kids, 3. 5 of them") == {}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Hep C treatment completed Feb, labs pending.", "Feb", "DATE"),
        ("Legal aid said the hearing might be March.", "March", "DATE"),
        ("Seen in Dec by her PCP.", "Dec", "DATE"),
        ("Call us or see harbourlightpeer.ca for hours", "harbourlightpeer.ca", "URL"),
        ("lives w/ boyfriend; 2 kids (ages 6, 9) with her mother", "9", "AGE"),
        ("Patient: Skylar Bouchereau, 29 (ED Rm 14)", "29", "AGE"),
    ],
)
def test_month_abbreviations_canadian_sites_and_lists_of_ages(text, surface, label):
    assert found(text).get(surface) == label


def test_decreased_and_a_date_written_whole_are_not_months_alone():
    assert found("Dec PO intake overnight.") == {}
    assert "14-Nov-66" in found("on his last EGD (14-Nov-66), GERD")  # one span, not "Nov"


def test_months_in_capitals_and_after_mid():
    spans = found("HE HAS BEEN DRINKING SINCE JULY. HE MAY COME BACK.")
    assert spans == {"JULY": "DATE"}
    assert found("Send the form to his teacher again mid-Nov.") == {"mid-Nov": "DATE"}
