"""Issue 5 in Chromium: verbal consent with a witness, a drawn signature, revocation cutting
the supervisor's identified view, and an exception disclosure in the accounting PDF."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from confide.clients.services import do_create_client
from confide.consent.models import Consent
from confide.consent.services import do_add_recipient
from tests.browser.conftest import screenshot
from tests.browser.helpers import sign_in_through_the_browser
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def r_client(worker, supervisor):
    client = do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        acting_user=worker,
    )
    do_add_recipient(client, acting_user=worker, kind="staff", staff=supervisor)
    return client


def _start_consent(page, r_client, language="Consentimiento"):
    page.goto(f"/clients/{r_client.code}/consents/new/")
    page.get_by_label("Form (version and language)").select_option(label=None, index=1)
    page.get_by_label("Talking about me, by name, with a supervisor").check()
    page.get_by_label("Name and contact details").check()
    page.get_by_label("What we talked about (session notes)").check()
    page.get_by_label("Lee (staff)").check()


def test_a_verbal_consent_with_a_witness(phone_page, worker, colleague, r_client):
    page = phone_page
    sign_in_through_the_browser(page, worker)
    _start_consent(page, r_client)
    page.get_by_label("Verbal, with my attestation").check()
    page.get_by_label("Your attestation (verbal consent)").fill(
        "Read the form aloud in Spanish; R. agreed that Lee may know who she is."
    )
    page.get_by_label("Witness (optional, a colleague)").select_option(label="Alex")
    screenshot(page, "consent-verbal-phone")
    page.get_by_role("button", name="Record consent").click()
    expect(page.get_by_text("Consent recorded.")).to_be_visible()
    consent = Consent.objects.get()
    assert consent.method == "verbal" and consent.witness == colleague


def test_a_drawn_signature_then_revocation_cuts_the_supervisors_view(
    browser, live_server, page, worker, supervisor, r_client
):
    sign_in_through_the_browser(page, worker)
    _start_consent(page, r_client)
    page.get_by_label("Signed on screen (drawn)").check()
    page.get_by_role("button", name="Record consent").click()
    expect(page.get_by_text("The signature pad is empty")).to_be_visible()

    page.get_by_label("Signed on screen (drawn)").check()
    pad = page.locator("#signature-pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] * 0.7)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(
            box["x"] + 20 + step * 25, box["y"] + box["height"] * (0.3 + 0.4 * (step % 2))
        )
    page.mouse.up()
    screenshot(page, "consent-signature")
    page.get_by_role("button", name="Record consent").click()
    expect(page.get_by_text("Consent recorded.")).to_be_visible()
    assert Consent.objects.get().method == "drawn"

    lee_context = browser.new_context(
        base_url=live_server.url, extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    lee = lee_context.new_page()
    sign_in_through_the_browser(lee, supervisor)
    assert lee.goto(f"/clients/{r_client.code}/").status == 200
    expect(lee.get_by_role("heading", level=1)).to_contain_text("R.")

    page.get_by_role("button", name="Revoke consent").click()
    expect(page.get_by_text("Consent revoked.")).to_be_visible()
    assert lee.goto(f"/clients/{r_client.code}/").status == 404
    lee_context.close()


def test_an_exception_disclosure_appears_in_the_accounting_pdf(
    page, worker, privacy_officer, r_client, live_server
):
    do_add_recipient(
        r_client, acting_user=worker, kind="organisation", organisation="County mobile crisis team"
    )
    sign_in_through_the_browser(page, worker)
    page.goto(f"/clients/{r_client.code}/disclosures/new/")
    page.get_by_label("Shared with").select_option(label="County mobile crisis team")
    page.get_by_label("Imminent risk of serious harm").check()
    page.get_by_label("Name and contact details").check()
    page.get_by_label("What was shared").fill("Where she was and the plan she described.")
    page.get_by_label("Justification (needed for an exception)").fill(
        "A specific plan to harm herself tonight; followed the safety procedure."
    )
    page.get_by_role("button", name="Record disclosure").click()
    expect(page.get_by_text("The privacy officer has been asked to review it.")).to_be_visible()

    page.context.clear_cookies()
    sign_in_through_the_browser(page, privacy_officer)
    page.goto(f"/clients/{r_client.code}/disclosures/accounting/")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF for the client").click()
    pdf = Path(download.value.path()).read_bytes()
    text = pdf_text(pdf)
    assert "County" in text and "Imminent risk" in text
    assert download.value.suggested_filename == (f"accounting-of-disclosures-{r_client.code}.pdf")
