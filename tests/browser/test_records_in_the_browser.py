"""Scenarios 1, 6 and 7 and the idle timeout, in Chromium: the paths that matter most."""

import re

import pytest
from playwright.sync_api import expect

from confide.notes.models import Note
from tests.browser.conftest import screenshot
from tests.browser.helpers import sign_in_through_the_browser

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_open_write_and_sign_a_note_on_a_phone(phone_page, worker, r_client):
    page = phone_page
    sign_in_through_the_browser(page, worker)
    page.get_by_role("link", name="Clients").click()
    page.get_by_label("Full name or name they go by").fill("ramona estrada-villalobos")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("list", name="Search results")
    results.get_by_role("link", name=re.compile("R.")).click()
    expect(page).to_have_title(f"Client {r_client.code} · Confide")
    screenshot(page, "client-page-phone")

    page.get_by_role("link", name="Write a note").click()
    page.get_by_label("How you met").select_option("in_person")
    page.get_by_label("Minutes").fill("45")
    page.locator("#id_body").fill("Went through the explainer in Spanish.")
    screenshot(page, "note-editor-phone")
    page.get_by_role("button", name="Sign note").click()

    expect(page.get_by_text("Note signed.")).to_be_visible()
    expect(page.get_by_text("Went through the explainer in Spanish.")).to_be_visible()
    assert Note.objects.get(client=r_client).is_signed


def test_another_workers_client_is_not_there(page, worker, alex_client):
    sign_in_through_the_browser(page, worker)
    response = page.goto(f"/clients/{alex_client.code}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    expect(page.get_by_text("Teodoro")).to_have_count(0)


def test_break_glass_opens_the_record_under_a_red_banner(page, worker, alex_client):
    sign_in_through_the_browser(page, worker)
    page.get_by_role("link", name="Emergency access").click()
    page.get_by_label("Client code").fill(alex_client.code)
    page.get_by_role("button", name="Find").click()
    page.get_by_label("Why do you need this record now?").fill(
        "Arrived at the drop-in centre in crisis; Alex is off shift."
    )
    page.get_by_role("button", name="Open the record").click()
    banner = page.get_by_role("alert").filter(has_text="Emergency access")
    expect(banner).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Teodoro Kowalczyk")
    screenshot(page, "break-glass-banner")


def test_a_timed_out_session_keeps_the_half_written_note(page, worker, r_client, settings):
    sign_in_through_the_browser(page, worker)
    page.goto(f"/clients/{r_client.code}/notes/new/")
    page.locator("#id_body").fill("R. asked about court; I said I would find out")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=15_000)

    settings.IDLE_TIMEOUT_SECONDS = 1
    page.wait_for_timeout(1500)
    # A second tab: the editor's own idle check may be redirecting the first one right now.
    later = page.context.new_page()
    later.goto("/")
    # Signed out: by this request, or already by the first tab's idle check.
    expect(later).to_have_url(re.compile(r"/login/\?(expired=1|next=/)$"))
    settings.IDLE_TIMEOUT_SECONDS = 900

    sign_in_through_the_browser(later, worker)
    drafts = later.get_by_role("region", name="Drafts to sign")
    drafts.get_by_role("link").first.click()
    expect(later.locator("#id_body")).to_have_value("R. asked about court; I said I would find out")
