"""Security headers, cookies, CSRF and error pages that leak nothing."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.helpers import HTTPS, PASSWORD, sign_in


def test_every_page_sends_the_security_headers(worker):
    response = sign_in(worker).get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store, private"
    assert response["Strict-Transport-Security"].startswith("max-age=63072000")


def test_pages_carry_no_inline_script_or_style(worker):
    html = sign_in(worker).get("/").content.decode()
    assert "<script>" not in html and "<script " not in html.replace('<script src="', "")
    assert " style=" not in html and "<style" not in html
    assert " on" + "click=" not in html


def test_cookies_are_secure_httponly_and_host_only(worker):
    client = Client(headers=HTTPS)
    client.get("/login/")
    response = client.post("/login/", {"username": "dana", "password": PASSWORD})
    session_cookie = response.cookies["__Host-confide-session"]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert session_cookie["samesite"] == "Strict"
    assert session_cookie["path"] == "/" and not session_cookie["domain"]


def test_plain_http_is_redirected_to_https(db):
    response = Client().get("/login/")
    assert response.status_code == 301 and response.url.startswith("https://")


def test_forms_refuse_a_post_without_the_csrf_token(worker):
    client = Client(headers=HTTPS, enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "dana", "password": PASSWORD})
    assert response.status_code == 403
    assert b"This form has expired" in response.content


def test_a_missing_page_is_a_plain_404(worker):
    response = sign_in(worker).get("/no-such-page/C-ABCDE/")
    assert response.status_code == 404
    assert b"There is nothing here" in response.content
    assert b"C-ABCDE" not in response.content


@pytest.mark.urls("tests.urls_for_tests")
def test_a_crash_shows_a_plain_500_without_internals(worker):
    client = sign_in(worker)
    client.raise_request_exception = False
    response = client.get("/test/boom/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"Ottoline" not in response.content and b"Traceback" not in response.content


def test_confide_check_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "CONFIDE_DATA_DIR": str(tmp_path),
        "CONFIDE_SECRET_KEY": "k" * 20 + "production-like-secret-0123456789abcdefghij",
        "DJANGO_SETTINGS_MODULE": "confide.settings",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests in this process
    result = subprocess.run(
        [sys.executable, "-m", "confide.cli", "check"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_note_text_outlives_a_request_in_the_deid_memos(db):
    from confide.deid import KnownIdentifiers, ner, redact

    redact("Philippa called from Riverside.", KnownIdentifiers(names=["Philippa"]))
    assert ner._WORD_INFO
    Client(headers=HTTPS).get("/login/")
    assert not ner._WORD_INFO
