"""Context cues: weekdays, lowercase names, organisations made of ordinary words, ages."""

import pytest

from tests.deid.helpers import found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("seen last tues at home", "last tues"),
        ("rescheduled for Fri the 17th", "Fri the 17th"),
        ("no-showed Wed 1/8 again", "Wed 1/8"),
        ("court is on Monday", "Monday"),
        ("she can come next wed", "next wed"),
    ],
)
def test_it_finds_weekdays_alone_and_joined_to_a_date(text, surface):
    assert found(text).get(surface) == "DATE"


def test_it_leaves_the_verb_sat_alone():
    assert "sat" not in found("client sat with me for an hour")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("rosalind txted: cant make it", "rosalind"),
        ("leopold said he is ok", "leopold"),
        ("hey its zuleika, new phone", "zuleika"),
        ("went to the meeting w/ tobiah", "tobiah"),
        ("she took ysolde's car", "ysolde"),
    ],
)
def test_it_finds_lowercase_names_from_their_context(text, name):
    assert name in found(text)


def test_it_finds_the_second_of_two_names_joined_by_and():
    spans = found("went w/ fennimore and quillon to group")
    assert "fennimore" in spans
    assert "quillon" in spans


def test_it_finds_a_kinship_nickname_in_quotes():
    assert found('client says "granny" is sick').get("granny") == "PERSON"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Officer Ruiz from Albany PD came by.", "Albany PD"),
        ("She called Meals on Wheels for him.", "Meals on Wheels"),
        ("he is sleeping at the Y for now", "Y"),
    ],
)
def test_it_finds_organisations_made_of_ordinary_words(text, surface):
    assert surface in found(text)


def test_it_finds_lowercase_places_before_a_place_word_and_after_a_preposition():
    spans = found("she grew up in tuscarawas county, now at her moms in zoarville")
    assert any("tuscarawas" in s for s in spans)
    assert any("zoarville" in s for s in spans)


@pytest.mark.parametrize(
    ("text", "age"),
    [("he's 52 and tired", "52"), ("(client's neighbor, 78) called", "78"), ("Son is 9.", "9")],
)
def test_it_finds_ages_in_more_phrasings(text, age):
    assert found(text).get(age) == "AGE"


def test_it_finds_a_numbered_address_with_a_compass_point_and_no_suffix():
    assert found("meeting is at 1125 N High tonight").get("1125 N High") == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("she asked if ohio valley family care can help", "ohio valley family care", "ORG"),
        ("then walked to the healing way place for group", "healing way place", "ORG"),
        ("goes to the food pantry at zion hill baptist", "zion hill baptist", "ORG"),
        ("she goes to first methodist dunmore on sundays", "first methodist dunmore", "ORG"),
        (
            "he drives for lakeshore freight and logistics now",
            "lakeshore freight and logistics",
            "ORG",
        ),
        ("classes at northside wellnesslink every week", "northside wellnesslink", "ORG"),
        ("she got a job at the Marathon by the exit", "Marathon", "ORG"),
    ],
)
def test_it_finds_lowercase_organisations_by_their_last_word(text, surface, label):
    assert found(text).get(surface) == label


@pytest.mark.parametrize(
    "text",
    [
        "she needs foster care for now",
        "we talked in the right place at the right time",
        "he went to the mental health center",
        "she is catholic and goes to mass",
    ],
)
def test_it_leaves_generic_places_and_care_alone(text):
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("note for marcus tillwater about housing", "marcus tillwater"),
        ("this is jolisa calling back", "jolisa"),
        ("she said quenby from work might help", "quenby"),
        ("saying that deshon her sons father came by", "deshon"),
        ("i will ask miss patty at the desk", "miss patty"),
    ],
)
def test_it_finds_lowercase_names_from_introductions_and_surnames(text, name):
    assert found(text).get(name) == "PERSON"


def test_a_verb_after_a_capitalised_name_is_not_a_surname():
    assert found("Mr. Pruitt presiding today.") == {"Mr. Pruitt": "PERSON"}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("They live at 1419 Columbia Rd NW #3 now.", "1419 Columbia Rd NW #3", "ADDRESS"),
        ("addr 1400 Cedar Ave S #612, Minneapolis", "1400 Cedar Ave S #612", "ADDRESS"),
        ("moved to a shelter in Mission, SD.", "Mission", "LOCATION"),
        ("moved to oregon city last year", "oregon city", "LOCATION"),
        ("she goes to group at Mt. Olive.", "Mt. Olive", "ORG"),
        ("admitted on a hold Sunday night.", "Sunday night", "DATE"),
        ("Dictated by: kjm", "kjm", "PERSON"),
        ("Attending: Xavier Fowler, MD", "Xavier Fowler", "PERSON"),
        ("He moved to Baltimore, MD in May.", "Baltimore", "LOCATION"),
    ],
)
def test_it_finds_quadrants_towns_before_states_and_signatures(text, surface, label):
    assert found(text).get(surface) == label
