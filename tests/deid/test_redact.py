"""Redaction: consistent pseudonyms, generalised dates and ages."""

from datetime import date

from confide.deid import KnownIdentifiers, Pseudonymizer, find_identifiers, redact
from confide.deid.generalise import generalise_date

KNOWN = KnownIdentifiers(names=["Teresa Okafor"], nicknames=["Tess"], dates_of_birth=["1980-02-11"])


def test_it_redacts_a_known_client_as_the_client():
    result = redact("Called Tess. Teresa Okafor said ok.", KNOWN)
    assert result.text == "Called the client. the client said ok."


def test_the_same_person_gets_the_same_pseudonym_across_documents_of_a_packet():
    pseudonyms = Pseudonymizer()
    first = redact("Her sponsor Linda Marsh called. Linda is worried.", pseudonyms=pseudonyms)
    second = redact("Spoke with Linda and her friend Keisha Boone.", pseudonyms=pseudonyms)
    assert first.text == "Her sponsor [Person 1] called. [Person 1] is worried."
    assert second.text == "Spoke with [Person 1] and her friend [Person 2]."


def test_separate_packets_number_from_one():
    assert redact("Her sponsor Linda called.").text == "Her sponsor [Person 1] called."
    assert redact("Her sponsor Keisha called.").text == "Her sponsor [Person 1] called."


def test_a_title_stays_before_the_pseudonym():
    assert redact("Seen by Dr. Anand Iyer.").text == "Seen by Dr. [Person 1]."


def test_places_and_organisations_get_numbered_placeholders():
    text = redact("She moved to Zanesville and goes to Riverbend Recovery Center.").text
    assert text == "She moved to [Location 1] and goes to [Organisation 1]."


def test_dates_become_relative_to_the_session():
    session = date(2024, 3, 14)
    text = redact("Relapsed 3/11/2024, court 3/14/24, intake April 2.", session_date=session).text
    assert text == (
        "Relapsed 3 days before the session, court the session day, "
        "intake about 3 weeks after the session."
    )


def test_dates_become_the_year_without_a_session_date():
    assert redact("Admitted 2023-09-30, seen March 4.").text == "Admitted 2023, seen [Date]."


def test_a_date_of_birth_keeps_only_its_year():
    result = redact("DOB Feb. 11, 1980.", KNOWN, session_date=date(2024, 3, 14))
    assert result.text == "DOB 1980."


def test_far_dates_keep_only_the_year_even_with_a_session():
    assert generalise_date("6/1/2019", date(2024, 3, 14)) == "2019"


def test_ages_over_89_are_generalised_and_younger_ages_kept():
    assert redact("a 93 y/o widow").text == "a 90 or older y/o widow"
    assert redact("a 45 y/o man").text == "a 45 y/o man"


def test_spans_are_sorted_non_overlapping_and_point_into_the_text():
    text = "Tess (DOB 2/11/80) at 412 Maple Ave, call 614-555-0192 or tess.o@mail.com."
    spans = find_identifiers(text, KNOWN)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    surfaces = {text[s.start : s.end] for s in spans}
    assert {"Tess", "2/11/80", "412 Maple Ave", "614-555-0192", "tess.o@mail.com"} <= surfaces


def test_the_replacement_map_pairs_each_span_with_its_replacement():
    result = redact("Her sponsor Linda called 614-555-0192.")
    assert [r for _, r in result.replacements] == ["[Person 1]", "[Phone 1]"]
    assert result.text == "Her sponsor [Person 1] called [Phone 1]."


def test_forget_drops_every_memo_holding_note_text():
    from confide.deid import generalise, known, lexicon, ner, pseudonyms, tagger
    from confide.deid.memory import forget

    redact(
        "Met Philippa Oyelaran on 3/4/2024 at Riverside.",
        KnownIdentifiers(names=["Philippa Oyelaran"]),
    )
    # Written without capitals, a note goes through the learned tagger, which caches its
    # scores by word.
    lowercase_note = "met with tobias at the library he said his sister marguerite is back"
    redact(lowercase_note)
    assert ner._WORD_INFO and known._compile.cache_info().currsize
    assert {key[1] for key in tagger._scorer().cache if key[0] == "own"} & set(
        lowercase_note.split()
    )
    forget()
    assert not ner._WORD_INFO
    assert not tagger._scorer().cache
    for memo in (
        known._compile,
        generalise.generalise_date,
        lexicon.is_common,
        lexicon.is_english,
        lexicon.in_dictionary,
        pseudonyms._split_title,
        pseudonyms._key,
    ):
        assert memo.cache_info().currsize == 0


def test_places_are_reduced_to_the_region_unless_the_text_names_a_state_after_them():
    pseudonyms = Pseudonymizer(region="Minnesota")
    result = redact(
        "Moved from Toledo, OH to Frogtown near 1419 Columbia Rd NW.", pseudonyms=pseudonyms
    )
    assert result.text == (
        "Moved from [Location 1], OH to [Location 2, Minnesota] near [Address 1, Minnesota]."
    )


def test_without_a_region_a_place_is_a_numbered_placeholder_alone():
    assert redact("She lives in Frogtown.").text == "She lives in [Location 1]."


def test_a_zip_code_keeps_its_three_digit_area_and_small_areas_become_000():
    result = redact("Toledo, OH 43604 and later Jackson, WY 83001.")
    assert "436xx" in result.text
    assert "000xx" in result.text
    assert "43604" not in result.text
    assert "83001" not in result.text


def test_a_lowercase_word_that_spells_a_state_abbreviation_is_not_a_state():
    pseudonyms = Pseudonymizer(region="Ohio")
    assert redact("Lives at 22 Elm St in Dayton.", pseudonyms=pseudonyms).text == (
        "Lives at [Address 1, Ohio] in [Location 1, Ohio]."
    )
