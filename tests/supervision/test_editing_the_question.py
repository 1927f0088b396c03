"""The question of a draft packet: changed on the preview page by its author, and by no one
else; never once the packet is shared."""

import json

import pytest

from confide.audit.models import AuditEvent
from confide.clients.services import do_assign
from confide.supervision import services
from confide.supervision.models import PacketAdjustment
from confide.supervision.redaction import preview_packet
from tests.helpers import sign_in
from tests.supervision.conftest import QUESTION

NEW_QUESTION = "Ramona asked me to her birthday party with her sister Lucía. May I go?"


def _url(packet):
    return f"/consultations/{packet.pk}/question/"


def _question_text(packet):
    return packet.sections.get(kind="question").draft_text


def _redacted_question(packet):
    return preview_packet(packet, services.ordered_sections(packet))[0].redacted


def test_the_preview_offers_the_question_to_change_prefilled(worker, draft_packet):
    page = sign_in(worker).get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert f'action="{_url(draft_packet)}"' in page
    assert f">\n{QUESTION}</textarea>" in page
    assert "Save the question" in page


def test_the_author_changes_the_question_and_the_preview_redacts_the_new_one(worker, draft_packet):
    response = sign_in(worker).post(_url(draft_packet), {"question": NEW_QUESTION}, follow=True)
    assert response.redirect_chain == [(f"/consultations/{draft_packet.pk}/", 302)]
    page = response.content.decode()
    assert "Question saved. Check the preview again." in page
    assert "in the old question" not in page  # nothing had been hidden or restored by hand
    assert _question_text(draft_packet) == NEW_QUESTION
    redacted = _redacted_question(draft_packet)
    assert redacted.startswith("the client asked me to her birthday party")
    assert "her sister [Person 1]" in redacted and "Lucía" not in redacted
    event = AuditEvent.objects.get(action="packet.question_edited")
    assert (event.actor_id, event.resource_id) == (str(worker.pk), str(draft_packet.pk))
    assert event.client_id == str(draft_packet.client_id) and event.outcome == "allowed"
    assert json.loads(event.details) == {"cleared": 0}


def test_another_worker_cannot_change_the_question_by_its_address(
    worker, colleague, supervisor, administrator, r_client, draft_packet
):
    # Lee is even on R.'s care team: a draft is still its author's alone.
    do_assign(r_client, supervisor, starts_on=r_client.created_at.date(), acting_user=administrator)
    for user in (colleague, supervisor):
        response = sign_in(user).post(_url(draft_packet), {"question": NEW_QUESTION})
        assert response.status_code == 404
        assert b"Ramona" not in response.content and b"concert" not in response.content
        denied = AuditEvent.objects.filter(
            action="packet.access", outcome="denied", actor_id=str(user.pk)
        )
        assert json.loads(denied.get().details)["action"] == "edit"
    assert _question_text(draft_packet) == QUESTION
    assert not AuditEvent.objects.filter(action="packet.question_edited").exists()


def test_the_address_takes_no_get(worker, draft_packet):
    assert sign_in(worker).get(_url(draft_packet)).status_code == 405


def test_a_shared_packets_question_cannot_be_changed(worker, supervisor, draft_packet):
    services.do_share_packet(draft_packet, acting_user=worker, supervisor=supervisor)
    frozen = list(draft_packet.sections.values_list("redacted_spans", flat=True))
    texts = [s.redacted_text for s in draft_packet.sections.all()]
    response = sign_in(worker).post(_url(draft_packet), {"question": NEW_QUESTION})
    assert response.status_code == 404
    with pytest.raises(services.PacketFrozen):
        services.do_edit_question(draft_packet, acting_user=worker, question=NEW_QUESTION)
    question = draft_packet.sections.get(kind="question")
    assert question.draft_text is None
    assert question.redacted_text.startswith("the client wants to give me concert tickets")
    assert [s.redacted_text for s in draft_packet.sections.all()] == texts
    assert list(draft_packet.sections.values_list("redacted_spans", flat=True)) == frozen
    assert not AuditEvent.objects.filter(action="packet.question_edited").exists()


TOO_LONG = "Can I accept the tickets, or should I say no kindly? " * 200


@pytest.mark.parametrize(
    ("typed", "message"),
    [("   ", "Write the question you want to ask."), (TOO_LONG, "The question is too long.")],
    ids=["empty", "too-long"],
)
def test_a_bad_question_is_explained_and_what_was_typed_is_kept(
    typed, message, worker, draft_packet
):
    response = sign_in(worker).post(_url(draft_packet), {"question": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Preview: " in page and 'class="packet-text redacted"' in page  # the draft page
    assert f">\n{typed}</textarea>" in page
    assert _question_text(draft_packet) == QUESTION
    assert not AuditEvent.objects.filter(action="packet.question_edited").exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "Write the question you want to ask."), ("x" * 10_001, "The question is too long.")],
    ids=["empty", "too-long"],
)
def test_the_service_refuses_a_bad_question(typed, message, worker, draft_packet):
    with pytest.raises(services.PacketError, match=message):
        services.do_edit_question(draft_packet, acting_user=worker, question=typed)
    assert _question_text(draft_packet) == QUESTION


def test_changing_the_question_clears_what_was_hidden_or_restored_in_it_only(worker, draft_packet):
    question = draft_packet.sections.get(kind="question")
    services.do_add_redaction(
        draft_packet,
        acting_user=worker,
        words="concert",
        label="ORG",
        section_id=question.pk,
    )
    services.do_add_redaction(draft_packet, acting_user=worker, words="moonbeam", label="client")
    assert "concert" not in _redacted_question(draft_packet)
    client = sign_in(worker)
    before = client.get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert "Saving a new question clears what you hid or restored in this one" in before

    response = client.post(
        _url(draft_packet), {"question": "Can I accept concert tickets?"}, follow=True
    )
    page = response.content.decode()
    assert "Your change to what is hidden in the old question was cleared" in page
    assert "Saving a new question clears" not in page
    assert not PacketAdjustment.objects.filter(section=question).exists()
    kept = PacketAdjustment.objects.get()
    assert kept.section.kind == "note" and kept.label == "client"
    # The engine redacts the new text from scratch; the nickname stays hidden in the note.
    previews = preview_packet(draft_packet, services.ordered_sections(draft_packet))
    assert previews[0].redacted == "Can I accept concert tickets?"
    assert "moonbeam" not in previews[2].redacted
    event = AuditEvent.objects.get(action="packet.question_edited")
    assert json.loads(event.details) == {"cleared": 1}


def test_saving_the_same_question_again_changes_nothing(worker, draft_packet):
    question = draft_packet.sections.get(kind="question")
    services.do_add_redaction(
        draft_packet, acting_user=worker, words="concert", label="ORG", section_id=question.pk
    )
    cleared = services.do_edit_question(
        draft_packet, acting_user=worker, question=f"  {QUESTION}\n"
    )
    assert cleared == 0
    assert PacketAdjustment.objects.filter(section=question).count() == 1
    assert not AuditEvent.objects.filter(action="packet.question_edited").exists()
