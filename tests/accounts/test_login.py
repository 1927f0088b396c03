"""Signing in: password, then a second factor; enrolment; throttling; what gets audited."""

import re

import pytest

from confide.accounts.devices import AuthenticatorDevice, BackupCode, backup_code_digest
from confide.accounts.services import do_change_role, do_create_user
from confide.audit.models import AuditEvent
from tests.helpers import PASSWORD, code_for, https_client, make_staff, sign_in


def _actions() -> list[str]:
    return list(AuditEvent.objects.values_list("action", flat=True))


def test_a_password_alone_does_not_sign_in(worker):
    client = https_client()
    response = client.post("/login/", {"username": "dana", "password": PASSWORD})
    assert response.status_code == 302 and response.url.startswith("/login/code/")
    assert client.get("/").status_code == 302  # still not signed in


def test_password_then_code_signs_in_and_is_audited(worker):
    client = sign_in(worker)
    assert client.get("/").status_code == 200
    event = AuditEvent.objects.get(action="login")
    assert event.actor_id == str(worker.pk)
    assert event.details == '{"factor":"authenticator"}'


def test_a_wrong_code_is_refused_and_audited(worker):
    client = https_client()
    client.post("/login/", {"username": "dana", "password": PASSWORD})
    response = client.post("/login/code/", {"code": "000000"})
    assert response.status_code == 200
    assert b"That code is not right" in response.content
    assert client.get("/").status_code == 302
    assert "mfa.failed" in _actions()


def test_a_wrong_code_throttles_the_next_attempt(worker):
    client = https_client()
    client.post("/login/", {"username": "dana", "password": PASSWORD})
    client.post("/login/code/", {"code": "000000"})
    device = AuthenticatorDevice.objects.get(user=worker)
    response = client.post("/login/code/", {"code": code_for(device)})
    assert response.status_code == 200
    assert client.get("/").status_code == 302


def test_a_wrong_password_says_so_plainly_and_is_audited(worker):
    response = https_client().post("/login/", {"username": "dana", "password": "nope"})
    assert response.status_code == 200
    assert b"do not match" in response.content
    failure = AuditEvent.objects.get(action="login.failed")
    assert failure.outcome == "denied"
    assert "dana" not in failure.details


def test_five_failures_lock_the_account_even_with_the_right_password(worker):
    client = https_client()
    for _ in range(5):
        client.post("/login/", {"username": "dana", "password": "wrong"})
    response = client.post("/login/", {"username": "dana", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Sign-in paused" in response.content
    assert "login.locked_out" in _actions()


def test_a_new_user_enrols_an_authenticator_and_gets_backup_codes(db):
    user = make_staff("newbie", "peer_supporter", enrolled=False)
    client = https_client()
    response = client.post("/login/", {"username": "newbie", "password": PASSWORD})
    assert response.url.startswith("/login/enrol/")
    page = client.get(response.url)
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content  # the QR code
    device = AuthenticatorDevice.objects.get(user=user, confirmed=False)

    assert client.post("/login/enrol/", {"code": "123"}).status_code == 200  # wrong: stays
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code throttles the device for a second (tested below)
    response = client.post("/login/enrol/", {"code": code_for(device)})

    assert response.status_code == 200
    codes = re.findall(rb"<code>([a-z0-9-]+)</code>", response.content)
    assert len(codes) == 10
    stored = list(BackupCode.objects.filter(device__user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    # Only keyed hashes are stored, never the codes.
    assert not {c.decode() for c in codes} & set(stored)
    assert backup_code_digest(codes[0].decode()) in stored
    assert client.get("/").status_code == 200
    assert {"mfa.enrolled", "mfa.backup_codes_issued", "login"} <= set(_actions())


def test_a_backup_code_works_once(worker):
    from confide.accounts.services import _issue_backup_codes

    codes = _issue_backup_codes(worker)
    first = https_client()
    first.post("/login/", {"username": "dana", "password": PASSWORD})
    assert first.post("/login/code/", {"code": codes[0]}).status_code == 302
    second = https_client()
    second.post("/login/", {"username": "dana", "password": PASSWORD})
    assert second.post("/login/code/", {"code": codes[0]}).status_code == 200


def test_the_code_step_expires_after_five_minutes(worker, monkeypatch):
    import time as real_time

    client = https_client()
    client.post("/login/", {"username": "dana", "password": PASSWORD})
    later = real_time.time() + 301

    class Later:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr("confide.accounts.views.time", Later)
    response = client.post("/login/code/", {"code": "123456"})
    assert response.status_code == 302 and response.url == "/login/"


def test_the_next_parameter_cannot_send_users_off_site(worker):
    client = https_client()
    response = client.post(
        "/login/?next=https://evil.example/", {"username": "dana", "password": PASSWORD}
    )
    assert "evil.example" not in response.url


def test_weak_passwords_are_refused(db):
    from django.core.exceptions import ValidationError

    for weak in ("short", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            do_create_user(
                username="x", display_name="X", role="auditor", password=weak, acting_user=None
            )


def test_creating_a_user_and_changing_a_role_are_audited(administrator):
    user = do_create_user(
        username="casey",
        display_name="Casey",
        role="peer_supporter",
        password="a long enough passphrase",
        acting_user=administrator,
    )
    do_change_role(user, "supervisor", acting_user=administrator)
    change = AuditEvent.objects.get(action="user.role_changed")
    assert change.actor_id == str(administrator.pk)
    assert change.resource_id == str(user.pk)
    assert change.details == '{"from":"peer_supporter","to":"supervisor"}'
    assert user.password.startswith("md5$")  # the test hasher; production uses argon2


def test_production_settings_hash_passwords_with_argon2id():
    from django.conf import settings as django_settings
    from django.test import override_settings

    from confide import settings as production

    assert production.PASSWORD_HASHERS == ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        from django.contrib.auth.hashers import make_password

        assert make_password("a long enough passphrase").startswith("argon2$argon2id$")
    assert django_settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] == 12


def test_signing_out_is_audited(worker):
    client = sign_in(worker)
    client.post("/logout/")
    assert "logout" in _actions()
    assert client.get("/").status_code == 302


def test_the_authenticator_seed_is_encrypted_at_rest(worker):
    device = AuthenticatorDevice.objects.get(user=worker)
    raw = AuthenticatorDevice.objects.values_list("secret", flat=True).get(pk=device.pk)
    assert device.secret.encode() not in bytes(raw)
    assert len(device.bin_key) == 20


def test_the_authenticator_uri_names_the_issuer_and_the_secret(worker):
    from base64 import b32encode

    device = AuthenticatorDevice.objects.get(user=worker)
    assert device.config_url.startswith("otpauth://totp/Confide%3Adana?")
    assert b32encode(device.bin_key).decode().rstrip("=") in device.config_url
