"""Weekdays and day numbers as people write them, ages people say of themselves or others,
lowercase sign-offs and chat speakers. Each group has its denials beside it. The examples are
invented for these tests.
"""

import pytest

from tests.deid.helpers import found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Next: Thurs 18th at 11, same place.", "Thurs 18th"),
        ("Release: expected Monday 16th, on parole", "Monday 16th"),
        ("met him on wednesday the fifth at the library", "wednesday the fifth"),
        ("contact was thursday the twenty second at the diner", "thursday the twenty second"),
        ("next meeting the twenty seventh at the center", "the twenty seventh"),
        ("his meds run out the fifth period i am going", "the fifth"),
        ("four months off pills as of the first comma on suboxone", "the first"),
        ("House meeting is Sundays at 6.", "Sundays"),
        ("i can do tuesdays and thursdays", "thursdays"),
        ("checkin wed 3pm in the lounge", "wed"),
        ("staff mtg mon 10am at the office", "mon"),
        ("can u come to the office wed? i'll wait", "wed"),
        ("health dept does walk-ins mon-thurs. want me to come", "mon"),
        ("the driver didnt come tues or wed. please call", "tues"),
        ("she spent anzac day with her brother", "anzac day"),
        ("no drink since new years and proud of it", "new years"),
        ("worried about missing the memorial day rodeo", "memorial day"),
        ("not spoken to her since boxing day full stop", "boxing day"),
    ],
)
def test_weekdays_day_numbers_and_holidays_are_dates(text: str, date: str) -> None:
    assert found(text).get(date) == "DATE"


@pytest.mark.parametrize(
    "text",
    [
        "she lives on the third floor",
        "the second time he came he was the first to arrive",
        "he is in the fifth grade and it was the fifth time",
        "she sat down and we sat with her in the sun",
        "the sun came out after lunch",
    ],
)
def test_ordinals_and_weekday_abbreviations_that_are_words_are_not_dates(text: str) -> None:
    assert "DATE" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Says \"I'm 28, I'm not going home.\"", "28"),
        ("kou: ok im 23 anyway lol", "23"),
        ("he only 19. lord i cant lose another one", "19"),
        ("his birthday the 11th he be 46", "46"),
        ("he would be 25 today", "25"),
        ("he's uh fifty one and says his back hurts", "fifty one"),
        ("colin is fifty one and from the coast", "fifty one"),
        ("her oldest yadiel is eleven and getting in trouble", "eleven"),
        ("her son river who is four comma good as gold", "four"),
        ("she'll be thirty four comma wants to be home", "thirty four"),
        ("been drinking since he was like twelve his words", "twelve"),
        ("Male ~40, unresponsive, breathing shallow.", "40"),
        ("Under the bridge (M, ~45) at 9:40.", "45"),
        ("Young woman, ~20, says she is new in town.", "20"),
        ("Person: member Agatha Runningwater, approx 79 What happened", "79"),
        ('New guy "Stretch", fortysomething, sleeping in his car', "fortysomething"),
        ("note: texter 34, rural acreage", "34"),
    ],
)
def test_ages_said_or_estimated_are_found(text: str, age: str) -> None:
    assert found(text).get(age) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "im 5 min away. i'm 2 blocks out. im 1 of 3.",
        "I'm 100% sure and im 30 days clean.",
        "she will be 20 minutes late and he'll be 10 min.",
        "he is 6 ft tall and 5 in the morning is early.",
        "the total is twelve. it is two. there were approx 15 people.",
        "Apt 2F, 14 steps with a rail.",
    ],
)
def test_numbers_that_are_no_age_are_left_alone(text: str) -> None:
    assert "AGE" not in found(text).values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("offered healthy mothers info. —val t., cpc", "val t."),
        ("new no. for her saved. — ffion, peer mentor", "ffion"),
        ("she called back same day - wren, peer navigator", "wren"),
        ("no concerns. p. michaud", "p"),
        ("text her tia - n. garza, peer recovery coach", "n"),
    ],
)
def test_lowercase_sign_offs_and_initials_are_names(text: str, name: str) -> None:
    assert found(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Met at the office. - thanks, peer team",
        "peer support - telephone, rural\ncalled him back later",
        "RE: State v. Ellis, docket pending",
        "she stayed at her mother's. Ambrose talked about the holidays.",
    ],
)
def test_words_after_a_dash_or_a_full_stop_are_not_sign_offs(text: str) -> None:
    values = found(text)
    assert not any(surface in ("thanks", "telephone", "v", "s") for surface in values), values


def test_a_lowercase_thread_names_who_speaks() -> None:
    text = (
        "copied thread\n"
        "me: hi this is tonya. how can i help\n"
        "bernice hollins: my nephew he overdosed\n"
        "me: im so sorry. is he home now?\n"
        "bernice hollins: he at my house\n"
        "peer note: ok\n"
        "peer note: follow up\n"
    )
    spans = found(text)
    assert spans.get("bernice hollins") == "PERSON"
    assert "peer note" not in spans and "me" not in spans


def test_a_chat_line_with_a_spaced_time_names_its_speaker() -> None:
    text = "[20/5/24 7:05 a. m.] gil: voy. llevo las hieleras\n[20/5/24 7:06 a. m.] rosa: ok"
    assert found(text).get("gil") == "PERSON"


def test_lowercase_field_labels_are_not_speakers() -> None:
    text = "plan: call him\nplan: meet him\ngoals: housing\nnext steps: call"
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mohamed talked about missing his cousin who moved.", "Mohamed"),
        ("Terrence came in late and left early.", "Terrence"),
        ("Warm regards,\nLouise White\nPeer Support Worker", "Louise White"),
        ('- Jesús "Chuy" Baeza - meetings at the club', "Jesús"),
        ('* Carmen "La Flaca" Reyes - no concerns', "Reyes"),
        ("Attendance: Doc Mercer, T. Washington, Luana Kahale", "T. Washington"),
        # A note dense with acronyms reads sentence-opening dictionary words as words; an
        # initial's full stop after a dash opens no sentence.
        ("D: Denies SI/HI. Reviewed WRAP. Check in AM.\n- M. Oakes", "M. Oakes"),
    ],
)
def test_names_that_look_like_words_or_places_are_found(text: str, name: str) -> None:
    assert found(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        # In notes dense with acronyms, a list letter's full stop still opens a sentence.
        "HPI: hx IBD, EGD and CT done. DX: A. Terminal ileum, chronic ileitis. B. Duodenum.",
        "BP 150/88, HR 90. Mild pedal edema R. Stump healed, no breakdown. PT/OT to follow.",
        'SAID SHE TOOK "A BUNCH" OF HER PILLS. EMS TOOK HER IN.',
        "He served in the U.S. Army and lives in Washington.",
    ],
)
def test_list_letters_quotes_and_services_are_not_names(text: str) -> None:
    assert "PERSON" not in found(text).values()
