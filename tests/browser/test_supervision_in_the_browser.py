"""Scenario 3 in Chromium: supervision without a name."""

import datetime

import pytest
from playwright.sync_api import expect

from confide.clients.services import do_create_client
from confide.notes.services import do_create_draft, do_sign_note
from confide.supervision.models import EthicsConsultation, Packet
from tests.browser.conftest import screenshot
from tests.browser.helpers import sign_in_through_the_browser

pytestmark = pytest.mark.django_db(transaction=True)

NOTES = (
    "First meeting at the coffee shop on Alder Street. Ramona asked whether a court could "
    "see her notes. Her number is 555-014-7781.",
    "R. offered me two tickets to a concert on Saturday as a thank-you. Her sister Lucía is "
    "going too. Her friends call her moonbeam. I said I would check with my supervisor.",
)


@pytest.fixture
def r_client(worker):
    client = do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        phone="555-014-7781",
        emergency_contact="Lucía (sister), 555-014-9920",
        acting_user=worker,
    )
    for days_ago, body in zip((9, 2), NOTES, strict=True):
        note = do_create_draft(
            client,
            acting_user=worker,
            session_date=datetime.date.today() - datetime.timedelta(days=days_ago),
            contact_type="in_person",
            duration_minutes=45,
            tags=[],
            body=body,
        )
        do_sign_note(note, acting_user=worker)
    return client


def test_supervision_without_a_name(browser, page, worker, supervisor, r_client, live_server):
    sign_in_through_the_browser(page, worker)
    page.goto(f"/clients/{r_client.code}/")
    page.get_by_role("link", name="Ask for supervision").click()
    for box in page.locator("input[name=notes]").all():
        box.check()
    page.get_by_label("Your question for supervision").fill(
        "R. offered me concert tickets and her sister Lucía will be there. Can I accept?"
    )
    page.get_by_role("button", name="Build the preview").click()

    redacted = page.locator(".packet-text.redacted")
    expect(redacted.nth(2)).to_contain_text("the client offered me two tickets")
    expect(redacted.nth(2)).to_contain_text("Her sister [Person 1] is going too")
    expect(redacted.nth(2)).to_contain_text("moonbeam")  # the engine missed the nickname
    expect(page.locator("mark.redaction-person").first).to_be_visible()
    screenshot(page, "packet-preview")

    page.get_by_label("Words to hide").fill("moonbeam")
    page.get_by_label("What is it?").select_option("client")
    page.get_by_role("button", name="Hide it").click()
    expect(page.get_by_text("Hidden in 1 place(s).")).to_be_visible()
    expect(page.locator(".packet-text.redacted").nth(2)).to_contain_text(
        "Her friends call her the client."
    )
    page.get_by_label("Your question for supervision").fill(
        "Ramona offered me concert tickets. May I accept them?"
    )
    page.get_by_role("button", name="Save the question").click()
    expect(page.get_by_text("Question saved.")).to_be_visible()
    expect(page.locator(".packet-text.redacted").first).to_have_text(
        "the client offered me concert tickets. May I accept them?"
    )
    page.get_by_label("Supervisor").select_option(label=supervisor.display_name)
    page.get_by_role("button", name="Share and freeze").click()
    expect(page.get_by_text("Shared. The packet can no longer be changed.")).to_be_visible()
    packet = Packet.objects.get()
    assert packet.status == "shared"

    page.context.clear_cookies()
    sign_in_through_the_browser(page, supervisor)
    tile = page.get_by_role("region", name="Packets shared with you")
    tile.get_by_role("link", name=packet.pseudonym).click()
    expect(page).to_have_title(f"Consultation: {packet.pseudonym} · Confide")
    content = page.locator("main").inner_text()
    for identifier in ("Ramona", "Estrada", "Lucía", "moonbeam", "555-014", r_client.code):
        assert identifier not in content
    page.get_by_label("Your reply").fill("Let us talk about gifts on Thursday.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Let us talk about gifts on Thursday.")).to_be_visible()
    screenshot(page, "packet-supervisor")

    page.get_by_role("link", name="Log an ethics consultation about this").click()
    page.get_by_label("Gifts").check()
    page.get_by_label("Dual relationships").check()
    page.get_by_label("Clear, caring boundaries").check()
    page.get_by_label("The ethical question").fill("The client offered concert tickets.")
    page.get_by_label("Decision").fill("Decline kindly and explain why.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Ethics consultation")).to_be_visible()
    screenshot(page, "ethics-consultation")
    entry = EthicsConsultation.objects.get()
    assert entry.topics == ["dual_relationships", "gifts"] and entry.packet == packet
