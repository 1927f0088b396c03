"""Clients through the web: intake, caseload, search, the client page, edits, closing."""

import json
import re

from confide.audit.models import AuditEvent
from confide.clients.models import Client
from tests.helpers import sign_in


def test_intake_puts_the_client_on_the_workers_caseload(worker):
    client = sign_in(worker)
    response = client.post(
        "/clients/new/",
        {
            "legal_name": "Imani Okonkwo",
            "preferred_name": "Mani",
            "phone": "555-013-0001",
            "date_of_birth": "1988-07-01",
        },
    )
    created = Client.objects.get()
    assert response.url == f"/clients/{created.code}/"
    caseload = client.get("/clients/")
    assert b"Mani" in caseload.content and created.code.encode() in caseload.content


def test_a_bad_intake_says_why_and_keeps_what_was_typed(worker):
    response = sign_in(worker).post(
        "/clients/new/",
        {
            "legal_name": "Imani Okonkwo",
            "phone": "call me",
            "date_of_birth": "2999-01-01",
            "email": "not-an-email",
        },
    )
    assert response.status_code == 200
    for message in (b"area code", b"not possible", b"valid email"):
        assert message in response.content
    assert b'value="Imani Okonkwo"' in response.content
    assert not Client.objects.exists()


def test_the_client_page_shows_identity_notes_and_titles_only_the_code(worker, r_client):
    from tests.records.conftest import write_note

    write_note(r_client, worker, body="Talked about the concert tickets.")
    response = sign_in(worker).get(f"/clients/{r_client.code}/")
    html = response.content.decode()
    assert "Ramona Estrada-Villalobos" in html and "concert tickets" in html
    title = html.split("<title>")[1].split("</title>")[0]
    assert title == f"Client {r_client.code} · Confide"
    actions = AuditEvent.objects.filter(action="client.access", client_id=str(r_client.pk))
    assert {json.loads(e.details)["action"] for e in actions} == {"view_identity", "view_notes"}


def _without_tokens(html: bytes) -> bytes:
    """The page minus its CSRF tokens, which differ on every render."""
    return re.sub(rb'(content|value)="[A-Za-z0-9]{64}"', b"", html)


def test_another_workers_client_looks_exactly_like_a_missing_one(worker, alex_client):
    """Scenario 7: Alex's client's code typed into the address bar."""
    client = sign_in(worker)
    refused = client.get(f"/clients/{alex_client.code}/")
    missing = client.get("/clients/C-ZZZZZ/")
    assert refused.status_code == missing.status_code == 404
    assert _without_tokens(refused.content) == _without_tokens(missing.content)
    denied = AuditEvent.objects.filter(action="client.access", outcome="denied")
    assert denied.filter(client_id=str(alex_client.pk), actor_id=str(worker.pk)).exists()
    assert denied.filter(resource_id="C-ZZZZZ").exists()


def test_search_matches_exactly_within_my_caseload_and_keeps_terms_out_of_urls(
    worker, r_client, alex_client
):
    client = sign_in(worker)
    by_name = client.post("/clients/", {"name": "ramona estrada villalobos"})
    assert r_client.code.encode() in by_name.content
    by_phone = client.post("/clients/", {"phone": "(555) 014-7781"})
    assert r_client.code.encode() in by_phone.content
    # Alex's client exists but is not Dana's: search does not reveal it.
    other = client.post("/clients/", {"name": "Teodoro Kowalczyk"})
    assert alex_client.code.encode() not in other.content
    assert b"No client you can see matches." in other.content
    partial = client.post("/clients/", {"name": "Ramona"})
    assert r_client.code.encode() not in partial.content.split(b"My caseload")[0]
    searches = AuditEvent.objects.filter(action="client.searched")
    assert searches.count() == 4
    assert all("Ramona" not in e.details and "Teodoro" not in e.details for e in searches)


def test_an_empty_search_asks_for_something(worker):
    response = sign_in(worker).post("/clients/", {})
    assert b"Type a name, a date of birth or a phone number." in response.content


def test_editing_keeps_the_previous_values_as_encrypted_history(worker, r_client):
    client = sign_in(worker)
    response = client.post(
        f"/clients/{r_client.code}/edit/",
        {
            "legal_name": "Ramona Estrada-Villalobos",
            "preferred_name": "R.",
            "phone": "555-014-0000",
            "date_of_birth": "1991-04-17",
        },
    )
    assert response.status_code == 302
    r_client.refresh_from_db()
    revision = r_client.revisions.get()
    assert revision.changed_fields == ["phone"]
    assert json.loads(revision.previous) == {"phone": "555-014-7781"}
    history = client.get(f"/clients/{r_client.code}/edit/")
    assert b"555-014-7781" in history.content
    event = AuditEvent.objects.get(action="client.updated")
    assert event.details == '{"fields":["phone"]}'


def test_a_closed_record_takes_no_new_notes_until_reopened(worker, r_client):
    client = sign_in(worker)
    client.post(f"/clients/{r_client.code}/status/")
    assert client.get(f"/clients/{r_client.code}/notes/new/").status_code == 404
    client.post(f"/clients/{r_client.code}/status/")
    assert client.get(f"/clients/{r_client.code}/notes/new/").status_code == 200


def test_a_privacy_officer_sees_identity_but_not_notes(privacy_officer, r_client, worker):
    from tests.records.conftest import write_note

    write_note(r_client, worker, body="Private conversation content.")
    response = sign_in(privacy_officer).get(f"/clients/{r_client.code}/")
    assert b"Ramona" in response.content
    assert b"Private conversation content" not in response.content
    assert b"Your role does not read session notes." in response.content


def test_an_administrator_manages_care_teams_without_seeing_identity(
    administrator, r_client, colleague
):
    client = sign_in(administrator)
    assert client.get(f"/clients/{r_client.code}/").status_code == 404
    page = client.get("/clients/all/")
    assert r_client.code.encode() in page.content and b"Ramona" not in page.content
    response = client.post(
        f"/clients/{r_client.code}/team/",
        {"staff": colleague.pk, "starts_on": "2026-01-01", "ends_on": "2025-01-01"},
    )
    assert b"The end date is before the start date." in response.content
    response = client.post(
        f"/clients/{r_client.code}/team/", {"staff": colleague.pk, "starts_on": "2026-01-01"}
    )
    assert response.status_code == 302
    assert r_client.assignments.filter(staff=colleague).exists()
    assert AuditEvent.objects.filter(action="care_team.assigned", actor_id=str(administrator.pk))


def test_a_worker_cannot_assign_care_teams(worker, r_client, colleague):
    client = sign_in(worker)
    response = client.post(
        f"/clients/{r_client.code}/team/", {"staff": colleague.pk, "starts_on": "2026-01-01"}
    )
    assert response.status_code == 404
    assert not r_client.assignments.filter(staff=colleague).exists()


def test_ending_an_assignment_cuts_access_from_the_next_day(worker, r_client, administrator):
    import datetime

    from django.utils import timezone

    assignment = r_client.assignments.get(staff=worker)
    assignment.starts_on = timezone.localdate() - datetime.timedelta(days=30)
    assignment.save()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    sign_in(administrator).post(
        f"/clients/{r_client.code}/team/{assignment.pk}/end/", {"ends_on": yesterday}
    )
    assignment.refresh_from_db()
    assert assignment.ends_on.isoformat() == yesterday
    assert sign_in(worker).get(f"/clients/{r_client.code}/").status_code == 404


def test_the_caseload_page_does_a_fixed_number_of_queries(worker, django_assert_max_num_queries):
    from confide.clients.services import do_create_client

    for n in range(30):
        do_create_client(legal_name=f"Person {n}", acting_user=worker)
    client = sign_in(worker)
    with django_assert_max_num_queries(20):
        response = client.get("/clients/")
    assert response.content.count(b'class="client-row"') == 30
