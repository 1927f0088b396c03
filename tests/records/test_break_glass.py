"""Scenario 6: break-glass at night, its banner, its expiry, its review, the access report."""

import datetime

from django.utils import timezone

from confide.access.models import BreakGlassGrant
from confide.audit.models import AuditEvent
from tests.helpers import sign_in
from tests.records.conftest import write_note

REASON = "Arrived at the drop-in centre in crisis; her worker is off shift."


def _expire(grant: BreakGlassGrant) -> None:
    BreakGlassGrant.objects.filter(pk=grant.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def _stale_reauth(client) -> None:
    session = client.session
    session["confide_reauth_at"] = 0
    session.save()


def test_break_glass_needs_a_fresh_authentication_and_a_reason(worker, alex_client, colleague):
    write_note(alex_client, colleague, body="Safety plan: call the sister first.")
    client = sign_in(worker)
    assert client.get(f"/clients/{alex_client.code}/").status_code == 404

    found = client.post("/emergency/", {"code": alex_client.code})
    assert found.url == f"/emergency/{alex_client.code}/"
    _stale_reauth(client)
    response = client.get(found.url)
    assert response.status_code == 302 and response.url.startswith("/reauth/")

    session = client.session
    session["confide_reauth_at"] = timezone.now().timestamp()
    session.save()
    short = client.post(found.url, {"reason": "need it"})
    assert b"Ensure this value has at least" in short.content
    assert not BreakGlassGrant.objects.exists()

    response = client.post(found.url, {"reason": REASON})
    assert response.url == f"/clients/{alex_client.code}/"
    page = client.get(response.url)
    assert b"Emergency access" in page.content and b"break-glass-banner" in page.content
    assert b"Safety plan: call the sister first." in page.content
    grant = BreakGlassGrant.objects.get()
    assert grant.reason == REASON
    assert 59 <= (grant.expires_at - grant.granted_at).total_seconds() / 60 <= 60
    read = AuditEvent.objects.filter(action="client.access", purpose="break_glass")
    assert read.filter(actor_id=str(worker.pk), outcome="allowed").exists()


def test_an_expired_break_glass_opens_nothing(worker, alex_client):
    client = sign_in(worker)
    client.post(f"/emergency/{alex_client.code}/", {"reason": REASON})
    _expire(BreakGlassGrant.objects.get())
    assert client.get(f"/clients/{alex_client.code}/").status_code == 404


def test_finding_a_client_for_break_glass_is_audited_and_tells_nothing_extra(worker, alex_client):
    client = sign_in(worker)
    response = client.post("/emergency/", {"name": "Nobody Here", "date_of_birth": "1970-02-03"})
    assert b"No single client matches" in response.content
    found = client.post("/emergency/", {"name": "Teodoro Kowalczyk", "date_of_birth": "1970-02-03"})
    assert found.url == f"/emergency/{alex_client.code}/"
    searches = AuditEvent.objects.filter(action="client.searched", purpose="break_glass")
    assert searches.count() == 2


def test_an_auditor_cannot_break_glass(auditor, alex_client):
    client = sign_in(auditor)
    assert client.get("/emergency/").status_code == 403
    assert client.post(f"/emergency/{alex_client.code}/", {"reason": REASON}).status_code == 403


def test_the_privacy_officer_reviews_it_and_the_client_report_shows_it(
    worker, alex_client, privacy_officer
):
    sign_in(worker).post(f"/emergency/{alex_client.code}/", {"reason": REASON})
    sign_in(worker).get(f"/clients/{alex_client.code}/")
    grant = BreakGlassGrant.objects.get()

    sam = sign_in(privacy_officer)
    assert alex_client.code.encode() in sam.get("/emergency/reviews/").content
    review_page = sam.get(f"/emergency/reviews/{grant.pk}/")
    assert REASON.encode() in review_page.content
    assert sam.post(f"/emergency/reviews/{grant.pk}/", {"outcome": "justified", "note": ""}).url
    grant.refresh_from_db()
    assert grant.outcome == "justified" and grant.reviewed_by == privacy_officer

    report = sam.get(f"/clients/{alex_client.code}/access-report/")
    assert b"Dana" in report.content and b"emergency (break-glass)" in report.content
    pdf = sam.get(f"/clients/{alex_client.code}/access-report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="access-report-{alex_client.code}.pdf"'
    )
    assert AuditEvent.objects.filter(action="export", client_id=str(alex_client.pk)).exists()


def test_nobody_reviews_their_own_break_glass(privacy_officer, alex_client):
    client = sign_in(privacy_officer)
    client.post(f"/emergency/{alex_client.code}/", {"reason": REASON})
    grant = BreakGlassGrant.objects.get()
    response = client.post(f"/emergency/reviews/{grant.pk}/", {"outcome": "justified"})
    assert b"nobody reviews their own emergency access" in response.content
    grant.refresh_from_db()
    assert grant.outcome == ""


def test_workers_cannot_open_the_review_queue(worker):
    assert sign_in(worker).get("/emergency/reviews/").status_code == 403


def test_the_access_report_lists_refusals_too(worker, alex_client, colleague):
    sign_in(worker).get(f"/clients/{alex_client.code}/")  # refused: not on the team
    report = sign_in(colleague).get(f"/clients/{alex_client.code}/access-report/")
    assert b"refused" in report.content and b"Dana" in report.content
