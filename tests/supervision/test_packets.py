"""Consultation packets: build, preview, correct, share (freeze), discuss; and every refusal."""

import datetime

import pytest

from confide.audit.models import AuditEvent
from confide.clients.services import do_assign
from confide.supervision import services
from confide.supervision.models import Packet, PacketAdjustment, PacketMessage, PacketSection
from confide.supervision.redaction import preview_packet
from tests.helpers import make_staff, sign_in
from tests.supervision.conftest import QUESTION, note_for


def _preview(packet):
    return preview_packet(packet, services.ordered_sections(packet))


def _share_with(packet, worker, supervisor):
    return services.do_share_packet(packet, acting_user=worker, supervisor=supervisor)


def test_a_worker_builds_a_packet_from_two_signed_notes_and_a_question(worker, r_client, r_notes):
    client = sign_in(worker)
    url = f"/clients/{r_client.code}/consultations/new/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"notes": [str(n.pk) for n in r_notes], "question": QUESTION})
    packet = Packet.objects.get()
    assert response.url == f"/consultations/{packet.pk}/"
    assert packet.status == "draft" and packet.author == worker
    assert [s.kind for s in packet.sections.all()] == ["question", "note", "note"]
    assert AuditEvent.objects.filter(action="packet.created", resource_id=str(packet.pk)).exists()
    raw = PacketSection.objects.filter(kind="question").values_list("draft_text", flat=True)[0]
    assert b"concert" not in bytes(raw)


def test_the_preview_shows_the_client_as_the_client_and_the_sister_as_a_person(
    worker, draft_packet
):
    page = sign_in(worker).get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert "As written" in page and "As shared" in page
    assert 'class="redaction redaction-person"' in page
    question, first, second = (p.redacted for p in _preview(draft_packet))
    assert question.startswith("the client wants") and "[Person 1] will be there" in question
    assert "Lucía" not in second and "[Person 1]" in second
    assert "[Phone 1]" in first and "[Phone 2]" in second  # the sister's phone is not R.'s
    assert "Ramona" not in first + second and "R." not in first + second
    assert "1991" in first and "04/17" not in first  # a date of birth keeps its year only


def test_places_in_the_preview_are_reduced_to_the_organisations_region(
    worker, draft_packet, settings
):
    settings.CONFIDE_REGION = "Ohio"
    _question, first, _second = (p.redacted for p in _preview(draft_packet))
    # The record's own address and town stay hidden; what is left of them is the region.
    assert "[Address 1, Ohio]" in first and "[Location 1, Ohio]" in first
    assert "Maple" not in first and "Dayton" not in first


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"question": QUESTION}, "Choose at least one note."),
        ({"question": "  ", "notes": "first"}, "Write the question you want to ask."),
        ({"question": QUESTION, "notes": "foreign"}, "Choose notes from this client"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    form, message, worker, r_client, r_notes, other_client, colleague
):
    foreign = note_for(other_client, colleague, "Someone else's session.", days_ago=1)
    data = dict(form)
    if "notes" in data:
        data["notes"] = str(r_notes[0].pk if data["notes"] == "first" else foreign.pk)
    response = sign_in(worker).post(f"/clients/{r_client.code}/consultations/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Packet.objects.exists()


def test_the_service_refuses_notes_of_another_client(worker, r_client, other_client, colleague):
    foreign = note_for(other_client, colleague, "Someone else's session.", days_ago=1)
    with pytest.raises(services.PacketError, match="Only signed notes of this client"):
        services.do_create_packet(r_client, acting_user=worker, notes=[foreign], question="Q?")
    assert not Packet.objects.exists()


def test_another_workers_client_cannot_be_packed(colleague, r_client, r_notes):
    response = sign_in(colleague).get(f"/clients/{r_client.code}/consultations/new/")
    assert response.status_code == 404
    assert b"Ramona" not in response.content


def test_a_worker_adds_a_missed_nickname_and_it_reads_as_the_client(worker, draft_packet):
    client = sign_in(worker)
    response = client.post(
        f"/consultations/{draft_packet.pk}/hide/", {"words": "moonbeam", "label": "client"}
    )
    assert response.status_code == 302
    second = _preview(draft_packet)[2].redacted
    assert "moonbeam" not in second and "Her friends call her the client." in second
    assert AuditEvent.objects.filter(action="packet.redaction_added").count() == 1
    assert PacketAdjustment.objects.get().kind == "added"


def test_a_redaction_can_be_placed_by_offsets(worker, draft_packet):
    section = draft_packet.sections.get(position=2)
    start = section.note.body.index("moonbeam")
    sign_in(worker).post(
        f"/consultations/{draft_packet.pk}/hide/",
        {"label": "PERSON", "section": str(section.pk), "start": start, "end": start + 8},
    )
    assert "moonbeam" not in _preview(draft_packet)[2].redacted


def test_words_that_are_not_there_are_refused_with_a_reason(worker, draft_packet):
    response = sign_in(worker).post(
        f"/consultations/{draft_packet.pk}/hide/", {"words": "zeppelin", "label": "PERSON"}
    )
    assert response.status_code == 400
    assert "Those words are not in the packet" in response.content.decode()
    assert not PacketAdjustment.objects.exists()


def test_a_false_positive_can_be_restored_and_the_restoration_is_kept(worker, draft_packet):
    preview = _preview(draft_packet)[2]
    saturday = next(f for f in preview.found if f.surface == "Saturday")
    assert saturday.restorable
    sign_in(worker).post(
        f"/consultations/{draft_packet.pk}/restore/",
        {
            "section": str(preview.section.pk),
            "start": saturday.span.start,
            "end": saturday.span.end,
        },
    )
    assert "concert on Saturday" in _preview(draft_packet)[2].redacted
    adjustment = PacketAdjustment.objects.get()
    assert (adjustment.kind, adjustment.label) == ("restored", "DATE")
    assert AuditEvent.objects.filter(action="packet.redaction_restored").count() == 1


def test_a_known_identifier_cannot_be_restored(worker, draft_packet):
    preview = _preview(draft_packet)[2]
    lucia = next(f for f in preview.found if f.surface == "Lucía")
    assert not lucia.restorable
    client = sign_in(worker)
    response = client.post(
        f"/consultations/{draft_packet.pk}/restore/",
        {"section": str(preview.section.pk), "start": lucia.span.start, "end": lucia.span.end},
        follow=True,
    )
    assert "always stays hidden" in response.content.decode()
    assert not PacketAdjustment.objects.exists()
    assert "Lucía" not in _preview(draft_packet)[2].redacted


def test_sharing_freezes_the_packet_and_keeps_no_original(worker, supervisor, draft_packet):
    response = sign_in(worker).post(
        f"/consultations/{draft_packet.pk}/share/", {"supervisor": str(supervisor.pk)}
    )
    assert response.status_code == 302
    draft_packet.refresh_from_db()
    assert draft_packet.status == "shared" and draft_packet.shared_at
    question = draft_packet.sections.get(kind="question")
    assert question.draft_text is None
    assert question.redacted_text.startswith("the client wants")
    assert AuditEvent.objects.filter(action="packet.shared").count() == 1


def test_a_frozen_packet_refuses_every_edit(worker, supervisor, draft_packet):
    _share_with(draft_packet, worker, supervisor)
    frozen = [s.redacted_text for s in draft_packet.sections.all()]
    client = sign_in(worker)
    hide = client.post(
        f"/consultations/{draft_packet.pk}/hide/", {"words": "concert", "label": "PERSON"}
    )
    assert hide.status_code == 404
    with pytest.raises(services.PacketFrozen):
        services.do_add_redaction(draft_packet, acting_user=worker, words="concert", label="ID")
    assert [s.redacted_text for s in draft_packet.sections.all()] == frozen
    assert not PacketAdjustment.objects.exists()


def test_sharing_with_someone_who_is_not_a_supervisor_is_refused(worker, colleague, draft_packet):
    response = sign_in(worker).post(
        f"/consultations/{draft_packet.pk}/share/", {"supervisor": str(colleague.pk)}
    )
    assert response.status_code == 400
    assert "Packets can be shared only with a supervisor." in response.content.decode()
    draft_packet.refresh_from_db()
    assert draft_packet.status == "draft" and not draft_packet.shares.exists()


def test_the_supervisor_reads_replies_and_records_a_supervision_note(
    worker, supervisor, draft_packet
):
    _share_with(draft_packet, worker, supervisor)
    lee = sign_in(supervisor)
    page = lee.get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert draft_packet.pseudonym in page and "wants to give me concert tickets" in page
    lee.post(f"/consultations/{draft_packet.pk}/reply/", {"body": "Let us talk about gifts."})
    lee.post(
        f"/consultations/{draft_packet.pk}/supervision-notes/", {"body": "Boundaries discussed."}
    )
    message = PacketMessage.objects.get()
    assert message.author == supervisor and message.body == "Let us talk about gifts."
    assert b"Let us talk" not in bytes(PacketMessage.objects.values_list("body", flat=True).get())
    dana_page = sign_in(worker).get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert "Let us talk about gifts." in dana_page
    assert "Boundaries discussed." not in dana_page  # supervision notes are the supervisor's
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"packet.access", "packet.replied", "packet.supervision_note"} <= actions


def test_a_supervisor_it_was_not_shared_with_gets_not_found(worker, supervisor, draft_packet):
    _share_with(draft_packet, worker, supervisor)
    other = make_staff("rene", "supervisor")
    client = sign_in(other)
    for path in ("", "reply/", "packet.pdf"):
        response = client.get(f"/consultations/{draft_packet.pk}/{path}")
        assert response.status_code in (404, 405)
    assert client.post(f"/consultations/{draft_packet.pk}/reply/", {"body": "x"}).status_code == 404
    denied = AuditEvent.objects.filter(action="packet.access", outcome="denied")
    assert denied.filter(actor_id=str(other.pk)).exists()


def test_a_draft_is_its_authors_alone(worker, supervisor, draft_packet, r_client, administrator):
    do_assign(r_client, supervisor, starts_on=r_client.created_at.date(), acting_user=administrator)
    assert sign_in(supervisor).get(f"/consultations/{draft_packet.pk}/").status_code == 404


def test_an_auditor_and_a_colleague_get_not_found(
    worker, supervisor, draft_packet, auditor, colleague
):
    _share_with(draft_packet, worker, supervisor)
    for user in (auditor, colleague):
        response = sign_in(user).get(f"/consultations/{draft_packet.pk}/")
        assert response.status_code == 404
        assert draft_packet.pseudonym.encode() not in response.content


def test_a_worker_who_left_the_care_team_cannot_open_the_draft(worker, draft_packet, r_client):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    r_client.assignments.filter(staff=worker).update(
        starts_on=yesterday - datetime.timedelta(days=30), ends_on=yesterday
    )
    assert sign_in(worker).get(f"/consultations/{draft_packet.pk}/").status_code == 404


def test_a_draft_can_be_thrown_away_but_a_shared_packet_cannot(
    worker, supervisor, r_client, r_notes
):
    draft = services.do_create_packet(r_client, acting_user=worker, notes=r_notes, question="Q?")
    sign_in(worker).post(f"/consultations/{draft.pk}/discard/")
    assert not Packet.objects.filter(pk=draft.pk).exists()
    shared = services.do_create_packet(r_client, acting_user=worker, notes=r_notes, question="Q?")
    _share_with(shared, worker, supervisor)
    with pytest.raises(services.PacketFrozen):
        services.do_discard_packet(shared, acting_user=worker)


def test_shredding_the_client_makes_the_packet_unreadable(worker, supervisor, draft_packet):
    from confide.vault.services import do_shred_client

    _share_with(draft_packet, worker, supervisor)
    do_shred_client(draft_packet.client_id, acting_user=worker)
    section = PacketSection.objects.get(pk=draft_packet.sections.get(kind="question").pk)
    with pytest.raises(Exception):  # noqa: B017 -- whichever error the vault raises
        _ = section.redacted_text


def test_a_consented_supervisor_may_open_the_record_from_the_packet_and_nobody_else(
    draft_packet, worker, supervisor, r_client
):
    from confide.consent.models import ConsentForm
    from confide.consent.services import do_add_recipient, do_record_consent, do_revoke_consent

    services.do_share_packet(draft_packet, acting_user=worker, supervisor=supervisor)
    lee = sign_in(supervisor)
    page = lee.get(f"/consultations/{draft_packet.pk}/")
    assert r_client.code.encode() not in page.content and b"Open their record" not in page.content

    recipient = do_add_recipient(r_client, acting_user=worker, kind="staff", staff=supervisor)
    consent = do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity"],
        recipients=[recipient],
        starts_on=datetime.date.today(),
        expires_on=None,
        expiry_event="",
        method="verbal",
        attestation="R. agreed that Lee may know who she is.",
    )
    page = lee.get(f"/consultations/{draft_packet.pk}/")
    assert b"Open their record" in page.content
    assert lee.get(f"/clients/{r_client.code}/").status_code == 200

    do_revoke_consent(consent, acting_user=worker)
    page = lee.get(f"/consultations/{draft_packet.pk}/")
    assert r_client.code.encode() not in page.content
    assert lee.get(f"/clients/{r_client.code}/").status_code == 404


def test_the_pseudonym_never_starts_with_the_clients_initials(r_client, r_notes, worker):
    for _ in range(40):
        packet = services.do_create_packet(
            r_client, acting_user=worker, notes=r_notes, question="What should I do?"
        )
        assert packet.pseudonym.split()[1][0] not in "RE"  # Ramona Estrada-Villalobos, "R."
