"""Signing in with MFA and the quick-hide key, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.helpers import sign_in_through_the_browser
from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_worker_signs_in_with_password_and_code(page, worker):
    page.goto("/login/")
    screenshot(page, "login")
    sign_in_through_the_browser(page, worker)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Dana")
    expect(page).to_have_title("Dashboard · Confide")
    screenshot(page, "dashboard")


def test_the_login_and_dashboard_fit_a_phone(phone_page, worker):
    sign_in_through_the_browser(phone_page, worker)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    expect(phone_page.get_by_role("button", name=re.compile("Hide"))).to_be_visible()
    screenshot(phone_page, "dashboard-phone")


def test_quick_hide_shows_a_neutral_page_and_keeps_half_typed_text(page, worker):
    sign_in_through_the_browser(page, worker)
    page.goto("/reauth/")
    page.get_by_label("Code from your authenticator app").fill("half typed")

    page.keyboard.press("Escape")

    expect(page.locator("#neutral-screen")).to_be_visible()
    expect(page.locator("#app")).to_be_hidden()
    expect(page).to_have_title("Weather · Confide")
    screenshot(page, "quick-hide")
    # The server now keeps the session locked: another tab sees only the neutral page.
    other = page.context.new_page()
    other.goto("/")
    expect(other).to_have_url(re.compile("/session/locked/$"))
    expect(other.get_by_role("heading", level=1)).to_have_text("Weather")
    other.close()

    page.get_by_text("Continue").first.click()
    page.locator("#unlock-password").fill("wrong password")
    page.locator("#unlock-form").get_by_role("button", name="Continue").click()
    expect(page.locator("#unlock-error")).to_be_visible()
    page.locator("#unlock-password").fill(PASSWORD)
    page.locator("#unlock-form").get_by_role("button", name="Continue").click()

    expect(page.locator("#app")).to_be_visible()
    expect(page.get_by_label("Code from your authenticator app")).to_have_value("half typed")


def test_the_hide_button_works_without_a_keyboard(phone_page, worker):
    sign_in_through_the_browser(phone_page, worker)
    phone_page.get_by_role("button", name=re.compile("Hide")).click()
    expect(phone_page.locator("#neutral-screen")).to_be_visible()
    expect(phone_page.get_by_text("Hello, Dana")).to_be_hidden()
