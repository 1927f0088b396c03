"""The ethics consultation log, the guidelines page, and peer groups."""

from confide.audit.models import AuditEvent
from confide.supervision.ethics import do_record_ethics_consultation
from confide.supervision.models import EthicsConsultation, PeerGroup
from tests.helpers import sign_in


def _entry(user, **overrides):
    fields = {
        "topics": ["gifts"],
        "values": [],
        "consulted": [],
        "packet": None,
        "question": "May I accept a small gift?",
        "options": "",
        "decision": "Decline kindly.",
        "rationale": "",
        **overrides,
    }
    return do_record_ethics_consultation(acting_user=user, **fields)[0]


def test_a_general_question_is_de_identified_before_saving_and_the_user_is_told(supervisor, worker):
    client = sign_in(supervisor)
    response = client.post(
        "/ethics/new/",
        {
            "topics": ["gifts", "dual_relationships"],
            "values": ["boundaries", "honesty"],
            "question": "Jordan Whitaker offered me tickets; call him on 555-867-5309.",
            "decision": "Decline kindly.",
            "consulted": [str(worker.pk)],
        },
        follow=True,
    )
    page = response.content.decode()
    entry = EthicsConsultation.objects.get()
    assert "Jordan" not in entry.question and "555-867-5309" not in entry.question
    assert "[Person 1]" in entry.question and "[Phone 1]" in entry.question
    assert "2 identifiers were replaced" in page
    assert "Jordan" not in page
    assert entry.topics == ["dual_relationships", "gifts"] and entry.replaced == 2
    raw = EthicsConsultation.objects.values_list("decision", flat=True).get()
    assert b"Decline" not in bytes(raw)
    event = AuditEvent.objects.get(action="ethics.recorded")
    assert "Jordan" not in event.details


def test_the_log_filters_by_topic(supervisor):
    _entry(supervisor, topics=["gifts"], question="About a gift.")
    _entry(supervisor, topics=["social_media"], question="A friend request.")
    client = sign_in(supervisor)
    gifts = client.get("/ethics/?topic=gifts").content.decode()
    assert gifts.count('class="client-row"') == 1 and "Gifts" in gifts
    assert client.get("/ethics/").content.decode().count('class="client-row"') == 2


def test_a_topic_is_required(supervisor):
    response = sign_in(supervisor).post("/ethics/new/", {"question": "Q", "decision": "D"})
    assert "Choose at least one topic." in response.content.decode()
    assert not EthicsConsultation.objects.exists()


def test_entries_are_seen_by_their_author_and_who_was_consulted_only(
    supervisor, worker, colleague, auditor
):
    entry = _entry(supervisor, consulted=[worker])
    assert sign_in(worker).get(f"/ethics/{entry.pk}/").status_code == 200
    assert sign_in(colleague).get(f"/ethics/{entry.pk}/").status_code == 404
    assert sign_in(auditor).get(f"/ethics/{entry.pk}/").status_code == 404
    assert sign_in(auditor).get("/ethics/").status_code == 404


def test_the_guidelines_are_on_their_own_page(worker):
    page = sign_in(worker).get("/ethics/guidelines/").content.decode()
    for value in ("Mutuality", "Self-determination", "Cultural humility", "Do no harm"):
        assert value in page


def test_the_privacy_officer_manages_peer_groups_and_a_worker_cannot(
    privacy_officer, worker, colleague, auditor
):
    response = sign_in(privacy_officer).post(
        "/peer-groups/",
        {"name": "Tuesday case conference", "members": [str(worker.pk), str(colleague.pk)]},
    )
    assert response.status_code == 302
    group = PeerGroup.objects.get()
    assert set(group.members.all()) == {worker, colleague}
    assert sign_in(worker).get("/peer-groups/").status_code == 403
    refused = sign_in(privacy_officer).post(
        f"/peer-groups/{group.pk}/", {"name": "Tuesday", "members": [str(auditor.pk)]}
    )
    assert refused.status_code == 200
    assert set(group.members.all()) == {worker, colleague}
