"""Staff management and the audit log: who may, who may not, and what is recorded."""

import pytest

from confide.accounts.devices import AuthenticatorDevice
from confide.accounts.models import User
from confide.audit.models import AuditEvent
from tests.helpers import sign_in


def test_an_administrator_adds_a_staff_member(administrator):
    client = sign_in(administrator)
    response = client.post(
        "/staff/new/",
        {
            "username": "casey",
            "display_name": "Casey Ruiz",
            "role": "peer_supporter",
            "password": "a long unusual passphrase",
        },
    )
    assert response.status_code == 302
    casey = User.objects.get(username="casey")
    assert casey.role == "peer_supporter" and casey.check_password("a long unusual passphrase")
    assert AuditEvent.objects.filter(action="user.created", resource_id=str(casey.pk)).exists()


def test_a_bad_new_staff_form_keeps_what_was_typed_and_says_why(administrator):
    client = sign_in(administrator)
    response = client.post(
        "/staff/new/",
        {
            "username": "Bad Name!",
            "display_name": "Casey Ruiz",
            "role": "peer_supporter",
            "password": "short",
        },
    )
    assert response.status_code == 200
    assert b"Use lower-case letters" in response.content
    assert b"This password is too short" in response.content
    assert b'value="Casey Ruiz"' in response.content
    assert not User.objects.filter(display_name="Casey Ruiz").exists()


def test_changing_a_role_needs_a_fresh_authentication(administrator, worker, monkeypatch):
    client = sign_in(administrator)
    # Pretend the sign-in was long ago: the change must send the admin to re-authenticate.
    session = client.session
    session["confide_reauth_at"] = 0
    session.save()
    response = client.post(
        f"/staff/{worker.pk}/role/", {"role": "supervisor", "next": f"/staff/{worker.pk}/"}
    )
    assert response.status_code == 302 and response.url.startswith("/reauth/")
    assert "next=%2Fstaff%2F" in response.url
    worker.refresh_from_db()
    assert worker.role == "peer_supporter"


def test_an_administrator_changes_a_role_and_resets_an_authenticator(administrator, worker):
    client = sign_in(administrator)
    assert client.post(f"/staff/{worker.pk}/role/", {"role": "supervisor"}).status_code == 302
    assert client.post(f"/staff/{worker.pk}/reset-mfa/").status_code == 302
    worker.refresh_from_db()
    assert worker.role == "supervisor"
    assert not AuthenticatorDevice.objects.filter(user=worker).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"user.role_changed", "mfa.reset"} <= actions


def test_an_administrator_cannot_lock_themselves_out(administrator):
    client = sign_in(administrator)
    client.post(f"/staff/{administrator.pk}/active/", {"active": "0"})
    client.post(f"/staff/{administrator.pk}/role/", {"role": "peer_supporter"})
    administrator.refresh_from_db()
    assert administrator.is_active and administrator.role == "administrator"


def test_a_deactivated_account_is_signed_out_on_its_next_request(administrator, worker):
    worker_client = sign_in(worker)
    sign_in(administrator).post(f"/staff/{worker.pk}/active/", {"active": "0"})
    assert worker_client.get("/").status_code == 302


@pytest.mark.parametrize("role_fixture", ["worker", "supervisor", "auditor"])
def test_other_roles_cannot_manage_staff(role_fixture, request, administrator):
    user = request.getfixturevalue(role_fixture)
    client = sign_in(user)
    for url in ("/staff/", "/staff/new/", f"/staff/{administrator.pk}/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/staff/{administrator.pk}/role/", {"role": "auditor"}).status_code == 403
    administrator.refresh_from_db()
    assert administrator.role == "administrator"
    denied = AuditEvent.objects.filter(action="access.denied", actor_id=str(user.pk))
    assert denied.count() == 4


def test_an_auditor_reads_the_audit_log_and_the_reading_is_audited(auditor, worker):
    client = sign_in(auditor)
    response = client.get("/audit/")
    assert response.status_code == 200
    assert b"login" in response.content
    assert AuditEvent.objects.filter(action="audit.viewed", actor_id=str(auditor.pk)).exists()


def test_the_audit_log_filter_refuses_a_malformed_code_plainly(auditor):
    response = sign_in(auditor).get("/audit/", {"client_code": "Robert"})
    assert b"A client code looks like C-7F3K9." in response.content


@pytest.mark.parametrize("role_fixture", ["worker", "supervisor", "administrator"])
def test_roles_without_audit_permission_cannot_read_the_log(role_fixture, request):
    client = sign_in(request.getfixturevalue(role_fixture))
    assert client.get("/audit/").status_code == 403


def test_a_privacy_officer_grants_and_revokes_a_sensitive_tag(privacy_officer, worker):
    client = sign_in(privacy_officer)
    client.post(f"/staff/{worker.pk}/tags/", {"tags": ["substance_use", "hiv_health"]})
    assert set(worker.tag_grants.values_list("tag", flat=True)) == {"substance_use", "hiv_health"}
    client.post(f"/staff/{worker.pk}/tags/", {"tags": ["hiv_health", "not-a-tag"]})
    assert set(worker.tag_grants.values_list("tag", flat=True)) == {"hiv_health"}
    actions = list(
        AuditEvent.objects.filter(action__startswith="tag.").values_list("action", flat=True)
    )
    assert sorted(actions) == ["tag.granted", "tag.granted", "tag.revoked"]


def test_an_administrator_cannot_grant_sensitive_tags(administrator, worker):
    response = sign_in(administrator).post(f"/staff/{worker.pk}/tags/", {"tags": ["substance_use"]})
    assert response.status_code == 403
    assert not worker.tag_grants.exists()
