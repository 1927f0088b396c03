"""Identifiers the system already knows about the client, in their many variants."""

from datetime import date

import pytest

from confide.deid import KnownIdentifiers, find_identifiers

KNOWN = KnownIdentifiers(
    names=["Robert Keller-Diaz"],
    nicknames=["Bobby"],
    phones=["(614) 555-0192"],
    emails=["rkeller88@mail.com"],
    addresses=["88 Lark Street Apt 3, Albany, NY 12210"],
    dates_of_birth=[date(1979, 4, 18)],
    ids=["MCD 7734-5512-09"],
    other_people=["Gloria Keller"],
    places=["Beaver Falls"],
)


def known_surfaces(text: str, known: KnownIdentifiers = KNOWN) -> dict[str, str]:
    return {
        text[s.start : s.end]: s.label for s in find_identifiers(text, known) if s.source == "known"
    }


@pytest.mark.parametrize(
    "surface",
    [
        "Robert",
        "robert",
        "ROBERT",
        "Keller",
        "keller-diaz",
        "Keller Diaz",
        "Robert Keller-Diaz",
        "Bob",
        "bobby",
        "Diaz",
    ],
)
def test_it_redacts_a_known_name_in_any_variant(surface):
    assert surface in known_surfaces(f"Met with {surface} today.")


def test_it_redacts_a_known_nickname_with_a_possessive():
    text = "Bobby's sister called."
    spans = known_surfaces(text)
    assert spans == {"Bobby": "PERSON"}


def test_it_redacts_the_initial_of_a_known_name():
    assert "R." in known_surfaces("Saw R. at group.")
    assert "R.K." in known_surfaces("Chart for R.K. reviewed.")


def test_it_finds_known_names_without_accents():
    known = KnownIdentifiers(names=["José Ramírez"])
    assert set(known_surfaces("jose ramirez and Ramírez", known)) == {"jose ramirez", "Ramírez"}


def test_a_known_name_that_is_an_ordinary_word_matches_only_capitalised():
    known = KnownIdentifiers(names=["Will Hope"])
    spans = known_surfaces("Will said he will call. Hope is ok, no hope.", known)
    assert spans == {"Will": "PERSON", "Hope": "PERSON"}


def test_it_finds_a_known_phone_in_any_format():
    for phone in ["614.555.0192", "6145550192", "+1 614 555 0192", "555-0192"]:
        assert known_surfaces(f"call {phone} later") == {phone: "PHONE"}, phone


def test_it_finds_a_known_date_of_birth_in_any_format():
    for dob in ["4/18/79", "04-18-1979", "April 18, 1979", "1979-04-18", "18 April 1979"]:
        assert known_surfaces(f"DOB {dob}.") == {dob: "DATE"}, dob


def test_it_finds_known_ids_ignoring_separators_and_case():
    assert known_surfaces("medicaid 7734551209") == {"7734551209": "ID"}
    assert known_surfaces("ID mcd773455120 9") == {"mcd773455120 9": "ID"}


def test_it_finds_known_address_parts_and_places():
    spans = known_surfaces(
        "Neighbor at 88 Lark is loud. Moved from Albany to beaver falls, zip 12210"
    )
    assert spans == {
        "88 Lark": "ADDRESS",
        "Albany": "LOCATION",
        "beaver falls": "LOCATION",
        "12210": "ZIP",
    }


def test_it_finds_a_known_email_and_its_user_name():
    spans = known_surfaces("wrote from RKeller88@mail.com, user rkeller88")
    assert spans == {"RKeller88@mail.com": "EMAIL", "rkeller88": "EMAIL"}


def test_it_finds_known_other_people():
    assert known_surfaces("her mom gloria came") == {"gloria": "PERSON"}


def test_known_identifiers_always_win_over_other_detectors():
    text = "Keller-Diaz Clinic called."
    spans = find_identifiers(text, KNOWN)
    assert spans[0].source == "known"


def test_from_dict_accepts_the_json_known_object():
    known = KnownIdentifiers.from_dict({"names": ["Ana Ruiz"], "phones": "555-0100"})
    assert known.names == ("Ana Ruiz",)
    assert known.phones == ("555-0100",)


def test_from_dict_refuses_unknown_keys_and_bad_types():
    with pytest.raises(ValueError, match="unknown key"):
        KnownIdentifiers.from_dict({"nmaes": ["x"]})
    with pytest.raises(ValueError, match="list of strings"):
        KnownIdentifiers.from_dict({"names": [1]})


@pytest.mark.parametrize(
    "text",
    ["R.'s sister called.", "Spoke with client (R.) today.", "Saw R., then her mom.", "R.; late"],
)
def test_it_redacts_a_known_initial_followed_by_punctuation(text):
    assert "R." in known_surfaces(text)


def test_a_known_initial_does_not_match_inside_longer_initials():
    assert "R." not in known_surfaces("Seen by an R.N. today.")
