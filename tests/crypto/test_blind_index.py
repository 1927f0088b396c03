"""Blind indexes and the normalisers behind them."""

import pytest

from confide.crypto import BlindIndexer, DataKey, normalise

pytestmark = pytest.mark.pure

NAME = "clients.Client.name"
DOB = "clients.Client.date_of_birth"


@pytest.fixture
def indexer() -> BlindIndexer:
    return BlindIndexer(DataKey.generate())


def test_the_same_value_gives_the_same_32_byte_token(indexer):
    first = indexer.compute(NAME, "Ana Pérez", kind="name")
    assert first == indexer.compute(NAME, "Ana Pérez", kind="name")
    assert len(first) == 32


def test_equal_meaning_values_give_the_same_token(indexer):
    tokens = {
        indexer.compute(NAME, value, kind="name")
        for value in ["José García", "jose garcia", "  JOSÉ   GARCÍA ", "Jose\u0301 Garci\u0301a"]
    }
    assert len(tokens) == 1


def test_different_values_give_different_tokens(indexer):
    assert indexer.compute(NAME, "Ana", kind="name") != indexer.compute(NAME, "Ann", kind="name")


def test_the_same_value_in_different_fields_gives_different_tokens(indexer):
    assert indexer.compute(NAME, "Jordan") != indexer.compute("clients.Client.nickname", "Jordan")


def test_the_same_field_and_value_under_another_kind_gives_a_different_token(indexer):
    assert indexer.compute(NAME, "jordan", kind="text") != indexer.compute(
        NAME, "jordan", kind="name"
    )


def test_different_root_keys_give_different_tokens():
    first = BlindIndexer(DataKey.generate()).compute(DOB, "1990-01-02", kind="date")
    second = BlindIndexer(DataKey.generate()).compute(DOB, "1990-01-02", kind="date")
    assert first != second


def test_a_date_in_us_and_iso_form_gives_the_same_token(indexer):
    assert indexer.compute(DOB, "3/5/1990", kind="date") == indexer.compute(
        DOB, "1990-03-05", kind="date"
    )


def test_the_field_name_must_not_be_empty(indexer):
    with pytest.raises(ValueError):
        indexer.compute("", "x")


def test_a_value_with_a_lone_surrogate_is_refused_without_quoting_it(indexer):
    with pytest.raises(ValueError, match="not valid Unicode") as caught:
        indexer.compute(NAME, "Ana\ud800", kind="text")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_the_root_must_be_a_data_key():
    with pytest.raises(TypeError):
        BlindIndexer(bytes(32))


# Normalisers


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("José", "Jose"),
        ("MÜLLER", "muller"),
        ("Straße", "STRASSE"),
        ("Łukasz", "Lukasz"),
        ("Søren", "Soren"),
        ("Æsa", "Aesa"),
        ("O'Brien", "OBrien"),
        ("O’Brien", "obrien"),
        ("Mary-Jane", "Mary Jane"),
        ("Mary\u2013Jane", "mary jane"),
        ("J.R. Smith", "J R Smith"),
        ("Smith, John", "smith john"),
        ("Ana\u200bMaría", "AnaMaria"),  # zero-width space
        ("ＡＮＡ", "ana"),  # full-width letters
        ("İlker", "ilker"),
        ("  Ana\t\nMaría  ", "ana maria"),
    ],
)
def test_names_that_staff_might_type_differently_normalise_equal(typed, stored):
    assert normalise(typed, "name") == normalise(stored, "name")


def test_name_normalisation_output_is_plain(indexer):
    assert normalise("  José  GARCÍA-López ", "name") == "jose garcia lopez"


def test_text_keeps_accents_but_folds_case_and_spaces():
    assert normalise("  Café\u00a0 Olé ", "text") == "café olé"
    assert normalise("Café", "text") != normalise("Cafe", "text")
    assert normalise("ＳＴＲＡＳＳＥ", "text") == normalise("straße", "text")


@pytest.mark.parametrize(
    "value", ["1990-03-05", "3/5/1990", "03/05/1990", " 1990-03-05 ", "３/５/１９９０"]
)
def test_dates_normalise_to_iso(value):
    assert normalise(value, "date") == "1990-03-05"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "1990-13-01",
        "1990-02-30",
        "0000-01-01",
        "1990-3-5",
        "3/5/90",
        "13/25/1990",
        "March 5, 1990",
        "1990-03-05T00:00",
        "1990-03-05\n1991-01-01",
        "١٩٩٠-٠٣-٠٥",  # Arabic-Indic digits: \d would accept them, we do not
    ],
)
def test_a_garbage_date_raises_value_error_without_quoting_it(value):
    with pytest.raises(ValueError) as caught:
        normalise(value, "date")
    assert not value.strip() or value not in str(caught.value)


@pytest.mark.parametrize(
    "value",
    ["(555) 123-4567", "555.123.4567", "+1 555 123 4567", "1-555-123-4567", "５５５１２３４５６７"],
)
def test_us_phone_numbers_normalise_to_ten_digits(value):
    assert normalise(value, "phone") == "5551234567"


def test_a_phone_number_that_is_not_us_keeps_all_its_digits():
    assert normalise("+44 20 7946 0958", "phone") == "442079460958"
    assert normalise("+1 555 123 45678", "phone") == "155512345678"


def test_email_is_trimmed_and_case_folded():
    assert normalise("  Ana.Perez@Example.ORG ", "email") == "ana.perez@example.org"


@pytest.mark.parametrize(
    "value, kind",
    [("", "text"), ("   ", "name"), ("\u200b", "name"), ("n/a", "phone"), (" ", "email")],
)
def test_nothing_left_to_index_is_refused(value, kind):
    with pytest.raises(ValueError, match="nothing left to index"):
        normalise(value, kind)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown index kind"):
        normalise("x", "ssn")


def test_a_value_that_is_not_text_is_refused():
    with pytest.raises(TypeError):
        normalise(19900305, "date")
