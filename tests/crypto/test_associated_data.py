"""associated_data(): one canonical, unambiguous encoding of a record's place."""

import pytest

from confide.crypto import associated_data

pytestmark = pytest.mark.pure

BASE = {"model": "notes.Note", "field": "body", "row_id": "r-1", "client_id": "c-1"}


def test_the_same_place_always_gives_the_same_bytes():
    assert associated_data(**BASE) == associated_data(**BASE)


@pytest.mark.parametrize(
    "change",
    [
        {"model": "notes.Draft"},
        {"field": "title"},
        {"row_id": "r-2"},
        {"client_id": "c-2"},
        {"client_id": None},
    ],
)
def test_changing_any_part_of_the_place_changes_the_bytes(change):
    assert associated_data(**{**BASE, **change}) != associated_data(**BASE)


def test_moving_characters_between_parts_changes_the_bytes():
    # Plain concatenation would make these equal; length prefixes keep them apart.
    first = associated_data(model="ab", field="c", row_id="r", client_id="x")
    second = associated_data(model="a", field="bc", row_id="r", client_id="x")
    assert first != second


def test_a_separator_inside_a_part_cannot_forge_another_place():
    first = associated_data(model="a|b", field="c", row_id="r", client_id="x")
    second = associated_data(model="a", field="b|c", row_id="r", client_id="x")
    assert first != second


def test_organisation_data_is_encoded_as_org():
    assert associated_data(**{**BASE, "client_id": None}).endswith(b"\x00\x00\x00\x03org")


def test_a_client_literally_called_org_is_refused_to_avoid_a_collision():
    with pytest.raises(ValueError, match="reserved"):
        associated_data(**{**BASE, "client_id": "org"})


@pytest.mark.parametrize("part", ["model", "field", "row_id", "client_id"])
def test_an_empty_part_is_refused(part):
    with pytest.raises(ValueError, match=part):
        associated_data(**{**BASE, part: ""})


@pytest.mark.parametrize("part", ["model", "field", "row_id", "client_id"])
def test_a_part_that_is_not_text_is_refused(part):
    with pytest.raises(TypeError, match=part):
        associated_data(**{**BASE, part: 42})


def test_parts_are_keyword_only():
    with pytest.raises(TypeError):
        associated_data("notes.Note", "body", "r-1", "c-1")


def test_non_ascii_parts_are_encoded_as_utf8():
    encoded = associated_data(**{**BASE, "row_id": "fila-ñ"})
    assert b"\x00\x00\x00\x07fila-\xc3\xb1" in encoded
