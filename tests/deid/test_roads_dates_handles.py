"""Roads without a house number, dates with ordinal words, payment and social handles,
lowercase places before a continuation, and organisation spans that stop at their name."""

from datetime import date

import pytest

from confide.deid import find_identifiers, redact
from confide.deid.dates import find_dates
from tests.deid.helpers import found


@pytest.mark.parametrize(
    "text, road",
    [
        ("picked him up on route 9 near the feed store", "route 9"),
        ("traffic was bad on i-71 all morning", "i-71"),
        ("she took I-35W to get there", "I-35W"),
        ("we drove up county road 12 to the trailer", "county road 12"),
        ("he got off 94E at the second exit", "94E"),
        ("sleeping under the 4th street bridge again", "4th street bridge"),
        ("met him at central and san mateo by the bus stop", "central and san mateo"),
        ("drop-off is at 5th & Main", "5th & Main"),
        ("apartment is near the corner of Elm and Oak", "Elm and Oak"),
    ],
)
def test_roads_named_without_a_house_number_are_addresses(text, road):
    spans = found(text)
    assert any(road in surface for surface in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "She was at home and work all day.",
        "He takes suboxone and vivitrol now.",
        "Went to church and school on Sunday.",
        "Her 3rd time at group went well.",
    ],
)
def test_ordinary_words_joined_by_and_are_not_an_intersection(text):
    assert not [s for s in find_identifiers(text) if s.label == "ADDRESS"]


def test_two_organisations_joined_by_and_are_not_an_intersection():
    text = "He banks at Nationwide and Huntington Bank."
    assert "ADDRESS" not in found(text).values()


@pytest.mark.parametrize(
    "text, surface, month, day",
    [
        ("court date is march third", "march third", 3, 3),
        ("her hearing is the twentieth of june.", "the twentieth of june", 6, 20),
        ("rent is due on the fifth.", "the fifth", None, 5),
        ("back by the twenty-first at noon", "the twenty-first", None, 21),
        ("May first works for the visit", "May first", 5, 1),
    ],
)
def test_dates_with_ordinal_words(text, surface, month, day):
    mentions = [(text[d.start : d.end], d.month, d.day) for d in find_dates(text)]
    assert (surface, month, day) in mentions


@pytest.mark.parametrize(
    "text",
    [
        "she lives on the third floor",
        "it was the second time this week",
        "first of all, thank you",
        "you may first call the office",
        "came in for the fourth visit",
    ],
)
def test_ordinal_words_that_are_not_dates(text):
    assert find_dates(text) == []


def test_an_ordinal_word_date_is_generalised_like_any_date():
    result = redact("court is march third.", session_date=date(2024, 3, 1))
    assert "third" not in result.text
    assert "2 days after the session" in result.text


def test_a_numbered_street_is_not_read_as_a_day_of_the_month():
    text = "she stays by the 4th street bridge"
    assert not [s for s in find_identifiers(text) if s.label == "DATE"]


@pytest.mark.parametrize(
    "text, handle",
    [
        ("said to venmo jane-doe-12 for the rent", "jane-doe-12"),
        ("cash app: $jdoe77", "$jdoe77"),
        ("her cashtag is $MariaP if you want to help", "$MariaP"),
        ("paypal is j.doe.77", "j.doe.77"),
        ("dm him @big-mike_09 on insta", "@big-mike_09"),
    ],
)
def test_payment_and_social_handles(text, handle):
    assert handle in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "paypal me 20 bucks tomorrow",
        "venmo is down today",
        "he owes me $40 for gas",
    ],
)
def test_payment_words_without_a_handle(text):
    assert not [s for s in find_identifiers(text) if s.detail == "handle"]


@pytest.mark.parametrize(
    "text, place",
    [
        ("she moved to green bay, wisconsin last year", "green bay"),
        ("he is from grand rapids originally", "grand rapids"),
        ("staying with a cousin in garden grove area", "garden grove"),
        ("relocating to lake charles LA next month", "lake charles"),
    ],
)
def test_lowercase_places_before_a_continuation(text, place):
    assert place in found(text)


@pytest.mark.parametrize("text", ["he is in bad shape now", "back to work area", "in the area"])
def test_ordinary_phrases_before_a_continuation_are_not_places(text):
    assert find_identifiers(text) == []


def test_an_organisation_stops_before_its_street():
    spans = found("Stayed at Faith Mission on Grant Ave last night.")
    assert spans.get("Faith Mission") == "ORG"
    assert spans.get("Grant Ave") == "ADDRESS"
    assert found("Got food from Meals on Wheels today.") == {"Meals on Wheels": "ORG"}


def test_a_place_name_stops_before_a_generic_lowercase_tail():
    spans = found("Went with him to the Hennepin County service center.")
    assert "Hennepin County" in spans
    assert not any("service" in surface for surface in spans)


def test_a_business_possessive_stays_in_its_name():
    assert "Denny's" in found("Met client at Denny's on Route 9.")
