"""Scenario 1 in Chromium: the confidentiality explainer in Spanish, on a phone."""

import datetime

import pytest
from playwright.sync_api import expect

from confide.clients.services import do_create_client
from confide.explainers.models import ExplainerDelivery
from confide.explainers.services import current_explainer, ensure_default_explainers
from tests.browser.conftest import screenshot
from tests.browser.helpers import sign_in_through_the_browser

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def r_client(worker):
    ensure_default_explainers()  # a transactional test may have flushed the shipped texts
    return do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        acting_user=worker,
    )


def test_dana_goes_through_the_explainer_in_spanish_on_her_phone(phone_page, worker, r_client):
    page = phone_page
    spanish = current_explainer("es")
    sign_in_through_the_browser(page, worker)
    page.goto(f"/clients/{r_client.code}/")
    page.get_by_role("link", name="Explain confidentiality").click()
    expect(page).to_have_title(f"Explainer for {r_client.code} · Confide")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(spanish.title)
    screenshot(page, "explainer-spanish-phone")

    points = page.get_by_role("group", name="What the client said back in their own words")
    points.get_by_label(spanish.teach_back_points[0]).check()
    points.get_by_label(spanish.teach_back_points[1]).check()
    page.get_by_label("The client's questions").fill(
        "¿Un juez puede pedir lo que te cuento? Tengo una audiencia en marzo."
    )
    page.get_by_role("group", name="How you went through it").get_by_label("Spoken aloud").check()
    screenshot(page, "explainer-teach-back-phone")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("The explainer is recorded.")).to_be_visible()
    delivery = ExplainerDelivery.objects.get(client=r_client)
    assert delivery.language == "es" and delivery.explainer == spanish
    assert delivery.teach_back_confirmed == spanish.teach_back_points[:2]
    assert delivery.method == "spoken"
    assert "audiencia" in delivery.questions
