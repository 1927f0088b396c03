"""Clinical notes and structured notes: headers, credentials, sign-offs, attendance lists,
transcripts, clinical vocabulary, acronyms, eponyms, and names carried to their other mentions.

The examples are invented for these tests; none comes from an evaluation file.
"""

import pytest

from confide.deid import find_identifiers
from tests.deid.helpers import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Attending: VANTERPOOL, ESME R", "VANTERPOOL, ESME R"),
        ("Patient: Quillfeather, Ottoline\nMRN: 4417", "Quillfeather, Ottoline"),
        ("registration lists ABERNETHY, SOREN J, MRN 11-202-3", "ABERNETHY, SOREN J"),
        ("RD note: Okonjo, Adaeze, 91 y/o F on tube feeds", "Okonjo, Adaeze"),
        ("pharmacy (Harrow, PharmD) reviewed", "Harrow"),
        ("Seen with Tobiah Wrenfield, LCSW today", "Tobiah Wrenfield"),
        ("cosigned. I. Maravelias, MD", "I. Maravelias"),
        ("Dictated by: kpq", "kpq"),
        ("stable for discharge.  ZWT/lmq   D: 04/02/2061", "lmq"),
        ("follow up in clinic. -- rvh", "rvh"),
        ("UOP adequate. will watch. - QX (night float)", "QX"),
        ("Triage RN: Corliss Amadi, RN  /ca", "ca"),
        ("Referral faxed. PW/Perpetua Wilde, NP", "PW"),
        ("RN: BKQ    Tech: Ondine Farr", "BKQ"),
    ],
)
def test_it_finds_names_in_the_fixed_places_of_clinical_notes(text, name):
    assert found(text).get(name) == "PERSON"


def test_baltimore_before_md_stays_a_place_but_two_names_before_md_are_a_person():
    assert found("moved to Baltimore, MD in May").get("Baltimore") == "LOCATION"
    assert found("Attending: Odalys Brannigan, MD").get("Odalys Brannigan") == "PERSON"


def test_it_finds_every_attendee_and_the_speakers_of_a_transcript():
    spans = found("Group, Tuesday\nPresent: Will, Grace, Fenwick, Rosa M., T.J., Hope\nTopic:")
    for name in ("Will", "Grace", "Fenwick", "Rosa M.", "T.J.", "Hope"):
        assert spans.get(name) == "PERSON", name
    transcript = found("Zephyrine 6:12a: cant make it\nMe 6:20a: ok call me")
    assert transcript.get("Zephyrine") == "PERSON"
    assert "Me" not in transcript


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("talked to a new guy goes by smoke, told him about", "smoke"),
        ("no-show. Kingpin (real name Lucan Tarrow) did not answer", "Kingpin"),
        ("Co-facilitator: Mei-Xiu\nTopic: boundaries", "Mei-Xiu"),
    ],
)
def test_it_finds_aliases_and_named_roles(text, name):
    assert found(text).get(name) == "PERSON"


def test_a_place_field_names_an_organisation_unless_it_holds_ordinary_words():
    assert found("LOC: THE HARBOR - EAST\nNOTE: seen").get("THE HARBOR - EAST") == "ORG"
    assert found("Setting: home visit\nPlan: call") == {}


def test_clinical_vocabulary_is_no_name_in_a_clinical_note():
    text = (
        "HPI: 67 y/o M with CHF, COPD. Started Lasix 40 mg IV BID. Foley placed. CIWA 12. "
        "Babinski downgoing. PERRLA. Echo showed EF 35%. Seen by Cardiology."
    )
    assert set(found(text).values()) == {"AGE"}


def test_in_cased_text_a_lowercase_dictionary_word_is_no_name_but_in_lowercase_text_it_is():
    cased = "Pt seen with recurrent pain. Plan per protocol. Father died last year."
    assert found(cased) == {}
    lowercase = "ok so she said she might go stay w/ her cousin in phoenix till friday"
    assert any("phoenix" in surface for surface in found(lowercase))


def test_in_clinical_shorthand_an_unknown_acronym_needs_a_cue():
    text = "BP 150/90, HR 88. MMT R hip 3/5. NIF -40. Transferred to the QVMC ED for cath."
    spans = found(text)
    assert any("QVMC" in surface and label == "ORG" for surface, label in spans.items())
    assert "MMT" not in spans and "NIF" not in spans


def test_a_name_defined_once_is_found_at_its_other_mentions():
    text = (
        "BP 98/60, HR 110, CBC, BMP pending. Transfer from Wexcombe Community Hospital (WXH) "
        "ICU. WXH has no cath lab."
    )
    starts = [s.start for s in find_identifiers(text) if text[s.start : s.end] == "WXH"]
    assert len(starts) == 2


def test_an_eponym_is_no_name_but_a_person_with_that_name_is():
    spans = found("Known Parkinson's disease; Murphy's sign negative. Mr. Parkinson is 70.")
    assert "Parkinson" not in spans and "Murphy" not in spans
    assert spans.get("Mr. Parkinson") == "PERSON"


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Miriam Fogelbach, LCSW, pager 3392", "3392", "PHONE"),
        ("call the desk, ext 4418, after noon", "4418", "PHONE"),
        ("then x5512 for the nurse", "5512", "PHONE"),
        ("her sister in Leeds, postcode LS7 3HB.", "LS7 3HB", "ZIP"),
        ("his son goes to P.S. 179 in the Bronx", "P.S. 179", "ORG"),
        ("She is in the 1400 block of Elm now.", "1400 block of Elm", "ADDRESS"),
        ("apartment near 900 W & 600 N. Medicaid", "900 W & 600 N", "ADDRESS"),
        ("got hired at a diner on 2100 South, needs a ride", "2100 South", "ADDRESS"),
        ("back rent on his place in the 7th Ward, since", "7th Ward", "LOCATION"),
        ("call the trust at 802/555-0114 today", "802/555-0114", "PHONE"),
    ],
)
def test_it_finds_pagers_postcodes_schools_and_addresses_without_a_suffix(text, surface, label):
    assert found(text).get(surface) == label


def test_four_times_five_hundred_milligrams_is_no_extension():
    assert found("gave 4 x 500 mg and x2 doses") == {}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("father (died at 61 of a stroke)", "61"),
        ("arrested at 19 for possession", "19"),
        ("Pt: Lumi Vaskinen, 8 mo F, here for", "8"),
        ("two children (7 and 4) with her ex", "4"),
        ("His daughter Ngozi (14, in 8th grade)", "14"),
        ("check-in notes - 22, lives with grandparents", "22"),
        ("Age/Sex: 52/F   MRN: 55", "52"),
        ("Kalani Mahoe, 4M, wt 17 kg", "4"),
    ],
)
def test_it_finds_ages_at_events_of_infants_and_in_brackets(text, age):
    assert found(text).get(age) == "AGE"


def test_a_time_after_at_is_no_age():
    assert found("we started at 5 pm and died down at 8 this evening") == {}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("has not called since Easter", "Easter"),
        ("first time since last Christmas", "last Christmas"),
        ("Next cita el 15 de nov a las 10", "15 de nov"),
        ("got an appt lunes 10/7 with her", "lunes 10/7"),
        ("SVD at 04:52 on 12/27 of a liveborn male", "12/27"),
        ("discharged from the IOP last week Friday", "last week Friday"),
        ("on suboxone since march, doing good", "march"),
    ],
)
def test_it_finds_holidays_spanish_dates_and_more_date_forms(text, date):
    assert found(text).get(date) == "DATE"


def test_a_part_of_ten_is_no_date_and_the_verb_march_is_no_month():
    assert found("pain 3/10 of the time; we march on") == {}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Next meet lunes 28 de abril, 4pm", "lunes 28 de abril", "DATE"),
        ("wants him back vendredi 14 mars. Pastor", "vendredi 14 mars", "DATE"),
        ("his mom visits Oct 12-19 this year", "Oct 12-19", "DATE"),
        ("Cell 956-555-0131. - TB, CPSS", "TB", "PERSON"),
        ("Ezra is 52 and said he was tired", "52", "AGE"),
        ("drove through Union to look at a room", "Union", "LOCATION"),
    ],
)
def test_it_finds_french_dates_ranges_signed_initials_and_towns_after_through(text, surface, label):
    assert found(text).get(surface) == label


def test_a_spanish_weekday_keeps_its_day_when_de_is_no_month():
    assert found("lunes 28 de agua fresca").get("lunes 28") == "DATE"


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("u ok? zeph 7:51p: not rly. ok", "zeph", "PERSON"),
        ("New address is Rt. 1 Box 212, up the hollow.", "Rt. 1 Box 212", "ADDRESS"),
        ("- HC 64 Box 3B: cheap but no cell service", "HC 64 Box 3B", "ADDRESS"),
        ("served with 1st Battalion, 19th Marines overseas", "19th Marines", "ORG"),
        ("su hija de 12 le dijo que no", "12", "AGE"),
        ("village clinic 555-0190 ext 3 (ask for the aide)", "3", "PHONE"),
        ("Her kuya Bong-Bong keeps asking for money", "Bong-Bong", "PERSON"),
        ("- T-Rock had an abscess on his hand", "T-Rock", "PERSON"),
        (
            "camp at Cotillion St and Duplessis Ave: 11 people",
            "Cotillion St and Duplessis Ave",
            "ADDRESS",
        ),
        ("sleeping by the tracks near Aztec Ave and 3rd. Cold.", "Aztec Ave and 3rd", "ADDRESS"),
        ("- J. left at 6:10 for night shift", "J.", "PERSON"),
        ("grandsons Sonny (9) and Ty (6) since", "Ty", "PERSON"),
        (
            "Physical: mile 14.5 Copper Trail Hwy, blue cabin",
            "mile 14.5 Copper Trail Hwy",
            "ADDRESS",
        ),
        ("- 1 1/2 Quarry Rd: room for rent", "1 1/2 Quarry Rd", "ADDRESS"),
    ],
)
def test_it_finds_the_eighth_sets_kinds_of_identifiers(text, surface, label):
    assert found(text).get(surface) == label


@pytest.mark.parametrize(
    "text",
    [
        "Pain 6/10 at noon; reassessed 3/10 after. RUE strength 3/5.",
        "after a 36-hour washout; G3P2002 at 36w2d",
        "BOBBY BEEN AT THE SHELTER 3 WEEKS SINCE HIS CAMP FLOODED. HE WANT TO GET BACK ON",
        "she lives on Elm St and Bob is nice",
    ],
)
def test_scores_units_capitals_and_names_after_a_street_are_not_run_together(text):
    spans = found(text)
    assert not any(label == "DATE" for label in spans.values())
    assert not any(label == "ID" for label in spans.values())
    assert not any(" AT " in s or " HIS " in s or " and Bob" in s for s in spans)


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("held 11/5 at the Recovery Circle", "11/5", "DATE"),
        (
            "referred to Larchmont Nursing and Rehabilitation today",
            "Larchmont Nursing and Rehabilitation",
            "ORG",
        ),
        ("NOTE\nPainted Ridge Hospice     Date: 10/27", "Painted Ridge Hospice", "ORG"),
        ("HPI: Kaying describes two months of low mood", "Kaying", "PERSON"),
        ("posted from her account (zoeyq_08). Prior", "zoeyq_08", "URL"),
        ('a liveborn female, "Baby Girl Tzoc", 3,280 g', "Baby Girl Tzoc", "PERSON"),
        ("RN: Ho-Seong Yoon, RN     PCT: Bryony  Pre: ok", "Bryony", "PERSON"),
        ("I agree with the assessment and plan.\nRO", "RO", "PERSON"),
    ],
)
def test_it_finds_organisations_with_and_signatures_and_newborns(text, surface, label):
    assert found(text).get(surface) == label


def test_a_number_with_a_thousands_comma_is_no_age_and_two_names_stay_two():
    assert "3" not in found('female, "Baby Girl Tzoc", 3,280 g')
    assert found("Jose and Maria came") == {"Jose": "PERSON", "Maria": "PERSON"}


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Tried The Landing first - full. Open Door has a bed", "The Landing"),
        ("Tried The Landing first - full. Open Door has a bed", "Open Door"),
        ("I hope so. New Beginnings accepted him.", "New Beginnings"),
        ("can u tell grace i said sorry", "grace"),
        ("me and june can bring coffee at 8", "june"),
    ],
)
def test_it_finds_programmes_of_ordinary_words_and_lowercase_word_names(text, surface):
    assert surface in found(text)


def test_ordinary_capitalised_words_opening_a_sentence_stay_ordinary():
    assert found("The Plan Is good. She Took The Bus home.") == {}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("[4/02 7:49p] Peer (dani): claro que si.", "dani", "PERSON"),
        ("Kit Moreno-Alves, Youth Peer Specialist", "Kit Moreno-Alves", "PERSON"),
        ("Present: Rose, Mr. Kwabena, Sunny, R.\nTopic: x", "Mr. Kwabena", "PERSON"),
        ("visit on the unit if she agrees. -TB", "TB", "PERSON"),
        ("Pt: BOUCHARD-NWOSU, LÉA, 42F. Brought in", "BOUCHARD-NWOSU, LÉA", "PERSON"),
        ("letter dated the 3rd of October arrived", "the 3rd of October", "DATE"),
        ("kicked out for using on the property sat nite and", "sat nite", "DATE"),
        ("in may she had 4 months clean", "may", "DATE"),
        ("Colorado license DR.0061842", "DR.0061842", "ID"),
        ("at 3307 Coldwater Terr. Unit 2, Harlan", "3307 Coldwater Terr. Unit 2", "ADDRESS"),
        ("Dirección: 418 Calle Naranjo, Orange Cove", "418 Calle Naranjo", "ADDRESS"),
        ("Hwy 191 mile marker 448. Lyle", "mile marker 448", "ADDRESS"),
        ("saw june and april at the clinic. april said she", "april", "PERSON"),
    ],
)
def test_it_finds_the_tenth_sets_kinds_of_identifiers(text, surface, label):
    assert found(text).get(surface) == label


def test_may_the_verb_and_june_the_month_stay_what_they_are():
    assert found("you may be right") == {}
    assert found("we meet again in june and she wants to").get("june") == "DATE"


def test_a_possessive_business_and_a_house_field_are_organisations():
    assert found("next time meet at dotty's diner on lisbon road").get("dotty's diner") == "ORG"
    spans = found("House: Serenity on Sycamore (604 Sycamore St, Lower Mill)")
    assert spans.get("Serenity on Sycamore") == "ORG"
    assert found("we met at my mom's house") == {}


def test_headings_job_titles_field_labels_and_quoted_spanish_are_no_names():
    assert found("DAP - Peer Support (housing)\nD: met at the office") == {}
    assert found("Call me if you're nervous. Renee Mabry, Peer Recovery Coach") == {
        "Renee Mabry": "PERSON"
    }
    assert found("interpreter Ms. Warsame Attendance: 6 (2 new)") == {"Ms. Warsame": "PERSON"}
    assert found('She told me "no voy a perder todo por esto." She cried.') == {}


def test_a_name_that_spanish_inflects_is_still_a_name():
    assert found("met w client dolores at her house").get("dolores") == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "features vs psychosis. Hamilton Depression Rating Scale 22. PLAN: risperidone",
        "SpO2 93% on 2L NC. Morse Fall Scale 55, bed alarm on",
        "Managed on CIWA-Ar protocol with lorazepam",
        "in recovery from Alcohol Use Disorder. r/o Major Depressive Disorder.",
    ],
)
def test_the_names_of_clinical_instruments_and_diagnoses_are_not_identifiers(text):
    assert found(text) == {}


def test_a_first_name_outside_an_instrument_stays_a_name():
    assert found("Hamilton said the Braden Scale was fine").get("Hamilton") == "PERSON"
    assert found("she moved from Liberty last year").get("Liberty") == "LOCATION"


def test_an_area_code_in_brackets_is_no_age_and_the_word_before_it_no_name():
    assert found("likes it better than NA. Phone (902) 555-0169.") == {"(902) 555-0169": "PHONE"}


def test_a_word_name_in_lowercase_in_a_capitalised_text_is_the_word():
    text = "Met at the library. She is keeping the faith. Plans to call Monday. Gave bus pass."
    assert found(text).get("faith") is None


def test_a_shift_is_no_id_but_a_case_number_is():
    assert found("NURSING NOTE -- 4 West -- 03/18 0700-1930 Pt: seen") == {"03/18": "DATE"}
    assert found("Case 2023-0412 filed in district court").get("2023-0412") == "ID"
    assert "DAP" not in found("DAP Note\nD: Met at the center")


DICTATED = (
    "ATTENDING PHYSICIAN: GERALD M. OKONKWO-VALE, M.D.\n"
    "THE PATIENT WAS CONFUSED AND FEBRILE ON THE MORNING OF ADMISSION. HE REMAINS AMBIVALENT "
    "ABOUT HEMODIALYSIS. MENTAL STATUS EXAMINATION: ALERT. AMLODIPINE 5 MG DAILY. HE LIVES "
    "ON BAYOU NOIR ROAD AND SEES DR. THIBODEAUX AT ST. HEDWIG REHABILITATION AND NURSING CENTER."
)


def test_a_dictation_in_capitals_keeps_its_names_and_loses_its_prose():
    spans = found(DICTATED)
    assert spans.get("GERALD M. OKONKWO-VALE") == "PERSON"
    assert any("THIBODEAUX" in surface for surface in spans)
    assert spans.get("ST. HEDWIG REHABILITATION AND NURSING CENTER") == "ORG"
    flagged = " ".join(spans)
    for word in ("CONFUSED", "FEBRILE", "AMBIVALENT", "EXAMINATION", "DAILY", "M.D."):
        assert word not in flagged, word


def test_a_nickname_in_quotes_after_a_role_and_its_other_mentions():
    text = 'reversal reported by participant "Smoke": used 2 doses. Debriefed w/ Smoke after.'
    assert [text[s.start : s.end] for s in find_identifiers(text)].count("Smoke") == 2


def test_speakers_of_a_chat_log_without_times_on_every_line():
    log = (
        "Coach: Gwendolyn Ravenel\n"
        "Sun 3/16 11:48pm Hunter: im at the bar\n"
        "Hunter: i dont know why i came here\n"
        "Gwendolyn: walk outside.\n"
        "Hunter: ok im outside"
    )
    spans = [(log[s.start : s.end], s.label) for s in find_identifiers(log)]
    assert spans.count(("Hunter", "PERSON")) == 3


def test_repeated_field_labels_are_no_speakers():
    assert found("Plan: call her\nPlan: visit Monday\nNote: none\nNote: none") == {"Monday": "DATE"}


@pytest.mark.parametrize(
    "text",
    [
        "Summary: Met 4-5pm. Shift 4p-12a, staff on.",
        "call the 24/7 text line any time",
        "He would like a Native American counselor next time",
    ],
)
def test_hours_round_the_clock_and_a_people_s_name_are_not_identifiers(text):
    assert found(text) == {}


def test_an_attendance_list_with_a_count_and_notes_in_brackets():
    spans = found("Attendance (8): Summer B., Grant, Miss Opal, Jace W., Rhonda\nTopic: sleep")
    for name in ("Summer B.", "Grant", "Miss Opal", "Jace W.", "Rhonda"):
        assert spans.get(name) == "PERSON", name
    assert "8" not in spans and "Attendance" not in spans
    staff = found("Staff on: Dezmond (peer lead), Aurelio, Kit (intern)\nYouth count: 19")
    assert {"Dezmond", "Aurelio", "Kit"} <= set(staff)


def test_a_preferred_name_and_an_age_after_is():
    assert found("Name: Siobhan MacIsaac   Preferred: Shiv\nDOB: 1999-08-21").get("Shiv") == (
        "PERSON"
    )
    assert found("Kai is 18 so no parent consent needed.").get("18") == "AGE"
