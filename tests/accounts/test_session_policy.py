"""Idle timeout, absolute lifetime, re-authentication and the quick-hide lock, on the server."""

import time

import pytest

from confide.accounts.devices import AuthenticatorDevice
from confide.audit.models import AuditEvent
from tests.helpers import PASSWORD, code_for, sign_in

pytestmark = pytest.mark.urls("tests.urls_for_tests")


class Clock:
    """The wall clock as the session policy sees it: the one thing these tests fake."""

    def __init__(self, monkeypatch) -> None:
        self.now = time.time()
        # Only the session policy's view of time moves; TOTP codes keep the real clock.
        monkeypatch.setattr("confide.accounts.session_policy.time", self)

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def test_fifteen_idle_minutes_end_the_session(worker, clock):
    client = sign_in(worker)
    clock.advance(14 * 60)
    assert client.get("/").status_code == 200  # activity resets the idle timer
    clock.advance(14 * 60)
    assert client.get("/").status_code == 200
    clock.advance(15 * 60 + 1)
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/login/?expired=1"
    assert client.get("/").status_code == 302
    expired = AuditEvent.objects.get(action="session.expired")
    assert expired.details == '{"reason":"idle"}'


def test_an_expired_session_answers_scripts_with_401(worker, clock):
    client = sign_in(worker)
    clock.advance(16 * 60)
    response = client.get("/session/status/", headers={"Accept": "application/json"})
    assert response.status_code == 401


def test_the_status_poll_does_not_keep_a_session_alive(worker, clock):
    client = sign_in(worker)
    for _ in range(4):
        clock.advance(5 * 60)
        client.get("/session/status/", headers={"Accept": "application/json"})
    assert client.get("/").status_code == 302


def test_a_busy_session_still_ends_after_its_absolute_lifetime(worker, clock, settings):
    client = sign_in(worker)
    for _ in range(int(settings.SESSION_MAX_AGE_SECONDS / 600)):
        clock.advance(600)
        assert client.get("/").status_code == 200
    clock.advance(601)
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.get(action="session.expired").details == '{"reason":"lifetime"}'


def test_dangerous_actions_ask_for_password_and_code_again(worker, clock):
    client = sign_in(worker)
    assert client.get("/test/dangerous/").status_code == 200  # just signed in with both factors
    clock.advance(6 * 60)
    response = client.get("/test/dangerous/")
    assert response.status_code == 302 and response.url.startswith("/reauth/")

    refused = client.post("/reauth/?next=/test/dangerous/", {"password": "wrong", "code": "1"})
    assert refused.status_code == 200
    device = AuthenticatorDevice.objects.get(user=worker)
    response = client.post(
        "/reauth/?next=/test/dangerous/", {"password": PASSWORD, "code": code_for(device)}
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert response.url == "/test/dangerous/"
    assert client.get("/test/dangerous/").status_code == 200
    assert {"reauth", "reauth.failed"} <= set(AuditEvent.objects.values_list("action", flat=True))


def test_a_locked_screen_stays_locked_until_the_password_is_given(worker):
    client = sign_in(worker)
    assert client.post("/session/lock/").status_code == 302
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/session/locked/"
    locked_page = client.get("/session/locked/")
    assert b"Weather" in locked_page.content
    assert b"Dana" not in locked_page.content

    assert client.post("/session/unlock/", {"password": "wrong"}).status_code == 403
    assert client.get("/").status_code == 302
    assert client.post("/session/unlock/", {"password": PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"session.locked", "session.unlocked"} <= actions
