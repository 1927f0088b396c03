"""axe-core on the main pages of each kind of user: no serious or critical findings."""

import datetime

import pytest

from confide.clients.services import do_create_client
from confide.consent.services import do_add_recipient
from confide.notes.services import do_create_draft, do_sign_note
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in_through_the_browser

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_login_pages_are_accessible(page, worker):
    page.goto("/login/")
    assert_accessible(page, "login")


def test_a_peer_supporters_pages_are_accessible(page, worker, supervisor):
    client = do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        acting_user=worker,
    )
    note = do_create_draft(
        client,
        acting_user=worker,
        session_date=datetime.date.today(),
        contact_type="phone",
        duration_minutes=30,
        tags=["legal"],
        body="Talked about the court date.",
    )
    do_sign_note(note, acting_user=worker)
    do_add_recipient(client, acting_user=worker, kind="staff", staff=supervisor)
    sign_in_through_the_browser(page, worker)
    for path in (
        "/",
        "/clients/",
        f"/clients/{client.code}/",
        f"/clients/{client.code}/notes/new/",
        f"/clients/{client.code}/edit/",
        f"/clients/{client.code}/consents/",
        f"/clients/{client.code}/consents/new/",
        f"/clients/{client.code}/disclosures/new/",
        f"/explainers/client/{client.code}/",
        f"/clients/{client.code}/consultations/new/",
        "/emergency/",
    ):
        page.goto(path)
        assert_accessible(page, path)


def test_a_privacy_officers_pages_are_accessible(page, privacy_officer):
    sign_in_through_the_browser(page, privacy_officer)
    for path in (
        "/",
        "/staff/",
        "/staff/new/",
        "/audit/",
        "/emergency/reviews/",
        "/disclosures/reviews/",
        "/consent-forms/",
        "/explainers/",
    ):
        page.goto(path)
        assert_accessible(page, path)


def test_the_check_fails_on_a_page_with_real_problems(page):
    page.set_content(
        '<html lang="en"><body><main><img src="x.png"><input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page, "broken page")
