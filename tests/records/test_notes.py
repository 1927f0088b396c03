"""Session notes: autosaved drafts, signing, immutability, amendments, sensitivity."""

import datetime
import json

import pytest

from confide.access.services import do_grant_tag
from confide.audit.models import AuditEvent
from confide.clients.services import do_assign
from confide.notes.models import Note
from tests.helpers import sign_in
from tests.records.conftest import write_note

TODAY = datetime.date.today().isoformat()


def _fields(**overrides):
    return {
        "session_date": TODAY,
        "contact_type": "phone",
        "duration_minutes": "30",
        "body": "We talked about the week.",
        **overrides,
    }


def test_the_editor_autosaves_a_draft_and_keeps_it_encrypted(worker, r_client):
    client = sign_in(worker)
    url = f"/clients/{r_client.code}/notes/new/"
    first = client.post(
        url,
        {"intent": "autosave", "body": "Half a thought"},
        headers={"Accept": "application/json"},
    )
    assert first.status_code == 200
    note = Note.objects.get()
    assert first.json()["edit_url"] == f"/notes/{note.pk}/"
    second = client.post(
        f"/notes/{note.pk}/",
        {"intent": "autosave", "body": "Half a thought, more"},
        headers={"Accept": "application/json"},
    )
    assert second.status_code == 200
    note.refresh_from_db()
    assert note.body == "Half a thought, more" and note.status == "draft"
    raw = Note.objects.values_list("body", flat=True).get(pk=note.pk)
    assert b"Half a thought" not in bytes(raw)


def test_signing_needs_a_complete_note_and_says_what_is_missing(worker, r_client):
    client = sign_in(worker)
    response = client.post(
        f"/clients/{r_client.code}/notes/new/", {"intent": "sign", "body": "Text only"}
    )
    assert response.status_code == 200
    assert b"This field is required." in response.content
    assert b"Text only" in response.content
    assert not Note.objects.exists()


def test_a_note_in_the_future_is_refused(worker, r_client):
    future = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    response = sign_in(worker).post(
        f"/clients/{r_client.code}/notes/new/",
        {"intent": "sign", **_fields(session_date=future)},
    )
    assert b"The session cannot be in the future." in response.content


def test_a_signed_note_never_changes(worker, r_client):
    client = sign_in(worker)
    client.post(f"/clients/{r_client.code}/notes/new/", {"intent": "sign", **_fields()})
    note = Note.objects.get()
    assert note.status == "signed"
    response = client.post(f"/notes/{note.pk}/", {"intent": "save", **_fields(body="Rewritten")})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.body == "We talked about the week."
    note.body = "Rewritten behind the service's back"
    with pytest.raises(ValueError, match="signed note cannot be changed"):
        note.save()
    assert AuditEvent.objects.filter(action="note.signed").count() == 1


def test_an_amendment_keeps_the_original(worker, r_client):
    original = write_note(r_client, worker, body="Met on Tuesday.")
    client = sign_in(worker)
    response = client.post(
        f"/notes/{original.pk}/amend/",
        {"intent": "sign", **_fields(body="It was Wednesday, not Tuesday.")},
    )
    assert response.status_code == 302
    amendment = Note.objects.get(amends=original)
    assert amendment.is_signed and amendment.body.startswith("It was Wednesday")
    original.refresh_from_db()
    assert original.body == "Met on Tuesday."
    page = client.get(f"/clients/{r_client.code}/").content
    assert b"Met on Tuesday." in page and b"It was Wednesday" in page


def test_only_the_author_edits_a_draft_and_others_never_see_it(
    worker, r_client, colleague, administrator
):
    do_assign(r_client, colleague, starts_on=datetime.date.today(), acting_user=administrator)
    draft = write_note(r_client, worker, body="Unfinished thoughts", sign=False)
    alex = sign_in(colleague)
    assert alex.get(f"/notes/{draft.pk}/").status_code == 404
    assert alex.post(f"/notes/{draft.pk}/", {"intent": "save", **_fields()}).status_code == 404
    assert b"Unfinished thoughts" not in alex.get(f"/clients/{r_client.code}/").content


def test_sensitive_notes_are_withheld_unless_granted(
    worker, r_client, colleague, administrator, privacy_officer
):
    do_assign(r_client, colleague, starts_on=datetime.date.today(), acting_user=administrator)
    write_note(r_client, worker, body="Talked about a relapse last week.", tags=["substance_use"])
    write_note(r_client, worker, body="Court date coming up.", tags=["legal"])
    alex = sign_in(colleague)
    page = alex.get(f"/clients/{r_client.code}/").content
    assert b"Court date coming up." in page
    assert b"relapse" not in page
    assert b"1 note is not shown" in page
    # The author always sees their own notes.
    assert b"relapse" in sign_in(worker).get(f"/clients/{r_client.code}/").content

    do_grant_tag(colleague, "substance_use", acting_user=privacy_officer)
    assert b"relapse" in alex.get(f"/clients/{r_client.code}/").content


def test_reading_notes_is_audited_with_its_purpose(worker, r_client):
    write_note(r_client, worker)
    sign_in(worker).get(f"/clients/{r_client.code}/")
    read = AuditEvent.objects.get(action="client.access", details__contains="view_notes")
    assert read.purpose == "care" and read.outcome == "allowed"
    assert json.loads(read.details) == {"action": "view_notes", "reason": "care_team"}


def test_the_dashboard_lists_drafts_to_sign(worker, r_client):
    draft = write_note(r_client, worker, sign=False)
    page = sign_in(worker).get("/").content
    assert b"Drafts to sign" in page and f"/notes/{draft.pk}/".encode() in page
