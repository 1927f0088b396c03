"""Every page a supervisor (or a peer-group member) can open about a packet, and its PDF,
is scanned for every identifier the record holds about the client, in several forms; so is
what the author is shown as shared: the preview of a rewritten question, and the packet
page with its form to share with more people."""

import re

import pytest

from confide.supervision import services
from confide.supervision.ethics import do_record_ethics_consultation
from tests.helpers import make_staff, pdf_text, sign_in
from tests.supervision.conftest import QUESTION

# The question rewritten on the preview page, naming the client every way the record can.
EDITED_QUESTION = (
    "Ramona Estrada-Villalobos (R.) asked me to her birthday on 04/17/1991 with her sister "
    "Lucía; call 555-014-7781 or ramona.ev@example.org. May I go?"
)


def needles(client, notes):
    dob = client.date_of_birth
    return [
        "Ramona",
        "Estrada",
        "Villalobos",
        "Lucía",
        "Lucia",
        "moonbeam",
        "555-014-7781",
        "5550147781",
        "014-7781",
        "(555) 014",
        "555-014-9920",
        "014-9920",
        dob.isoformat(),
        dob.strftime("%m/%d/%Y"),
        f"{dob.month}/{dob.day}/{dob.year}",
        dob.strftime("%B %-d"),
        dob.strftime("%-d %B"),
        "ramona.ev",
        "example.org",
        "412 Maple",
        "Maple Ave",
        "Dayton",
        "45402",
        "9876543210",
        client.code,
        str(client.pk),
        *(str(note.pk) for note in notes),
    ]


_INITIAL = re.compile(r"(?<![\w.])R\.")


def leaks(text: str, client, notes) -> list[str]:
    found = [n for n in needles(client, notes) if n.lower() in text.lower()]
    if _INITIAL.search(text):
        found.append("R.")
    return found


def _edit_question(worker, packet):
    response = sign_in(worker).post(
        f"/consultations/{packet.pk}/question/", {"question": EDITED_QUESTION}
    )
    assert response.status_code == 302


@pytest.fixture
def shared_world(worker, supervisor, colleague, draft_packet, r_notes, privacy_officer):
    _edit_question(worker, draft_packet)
    services.do_add_redaction(draft_packet, acting_user=worker, words="moonbeam", label="client")
    services.do_share_packet(draft_packet, acting_user=worker, supervisor=supervisor)
    group = services.do_save_peer_group(
        acting_user=privacy_officer, name="Tuesday case conference", members=[colleague, worker]
    )
    services.do_share_packet(draft_packet, acting_user=worker, group=group)
    services.do_reply(draft_packet, acting_user=worker, body="Thanks for looking at this.")
    services.do_reply(draft_packet, acting_user=supervisor, body="Let us talk about gifts.")
    services.do_record_supervision_note(
        draft_packet, acting_user=supervisor, body="Gift question; boundaries."
    )
    entry, _ = do_record_ethics_consultation(
        acting_user=supervisor,
        topics=["gifts", "dual_relationships"],
        values=["boundaries"],
        consulted=[worker],
        packet=draft_packet,
        question="Ramona (R.) offered tickets; her sister Lucía goes too. Call 555-014-7781.",
        options="Accept; decline kindly; suggest a group outing.",
        decision="Decline kindly.",
        rationale=f"Dual relationship risk for {draft_packet.pseudonym}.",
    )
    return draft_packet, entry


def test_no_page_the_supervisor_can_open_names_the_client(
    shared_world, supervisor, r_client, r_notes
):
    packet, entry = shared_world
    client = sign_in(supervisor)
    pages = [
        "/",
        "/consultations/",
        f"/consultations/{packet.pk}/",
        "/ethics/",
        f"/ethics/{entry.pk}/",
        f"/ethics/new/?packet={packet.pk}",
        "/ethics/guidelines/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert path == "/ethics/guidelines/" or packet.pseudonym in response.content.decode()
        assert leaks(response.content.decode(), r_client, r_notes) == [], path
    body = client.get(f"/consultations/{packet.pk}/").content.decode()
    assert "Let us talk about gifts." in body and "Gift question; boundaries." in body
    assert "asked me to her birthday" in body  # the question as rewritten on the preview
    assert "/clients/" + r_client.code not in body and 'href="/clients/C-' not in body


def test_the_pdf_names_no_one_either(shared_world, supervisor, r_client, r_notes):
    packet, _entry = shared_world
    response = sign_in(supervisor).get(f"/consultations/{packet.pk}/packet.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert r_client.code not in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "asked me to her birthday" in text  # the search reads the PDF's text at all
    assert leaks(text, r_client, r_notes) == []


def test_a_peer_group_member_sees_the_packet_and_nothing_that_names_the_client(
    shared_world, colleague, r_client, r_notes
):
    packet, entry = shared_world
    client = sign_in(colleague)
    for path in ("/", "/consultations/", f"/consultations/{packet.pk}/", f"/ethics/{entry.pk}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert leaks(response.content.decode(), r_client, r_notes) == [], path
    # The group sees the packet; the record stays closed to them.
    assert client.get(f"/clients/{r_client.code}/").status_code == 404


def test_the_ethics_entry_was_stored_de_identified(shared_world, r_client, r_notes):
    _packet, entry = shared_world
    text = " ".join([entry.question, entry.options, entry.decision, entry.rationale])
    assert leaks(text, r_client, r_notes) == []
    assert entry.replaced >= 4
    assert _packet.pseudonym in entry.rationale  # the packet's own label is kept


def test_the_question_as_written_is_not_kept_once_shared(shared_world):
    packet, _entry = shared_world
    question = packet.sections.get(kind="question")
    assert question.draft_text is None
    assert QUESTION not in question.redacted_text and EDITED_QUESTION not in question.redacted_text


def test_the_preview_of_a_rewritten_question_shares_nothing_that_names_the_client(
    worker, supervisor, draft_packet, r_client, r_notes
):
    _edit_question(worker, draft_packet)
    page = sign_in(worker).get(f"/consultations/{draft_packet.pk}/").content.decode()
    assert EDITED_QUESTION.replace("'", "&#x27;") in page  # the author sees it as written
    shared = re.findall(r'<div class="packet-text redacted">(.*?)</div>', page, re.DOTALL)
    question = re.sub(r"<[^>]+>", "", shared[0])
    assert question.startswith("the client (the client) asked me to her birthday")
    assert leaks(question, r_client, r_notes) == []
    # Nobody else can open the draft or change its question, and the refusal says nothing.
    lee = sign_in(supervisor)
    for response in (
        lee.get(f"/consultations/{draft_packet.pk}/"),
        lee.post(f"/consultations/{draft_packet.pk}/question/", {"question": "Hello?"}),
    ):
        assert response.status_code == 404
        assert leaks(response.content.decode(), r_client, r_notes) == []
        assert draft_packet.pseudonym not in response.content.decode()


def test_the_authors_page_with_the_form_to_share_with_more_people_names_no_one(
    shared_world, worker, privacy_officer, r_client, r_notes
):
    packet, _entry = shared_world
    make_staff("rene", "supervisor")
    services.do_save_peer_group(
        acting_user=privacy_officer, name="Thursday circle", members=[worker]
    )
    page = sign_in(worker).get(f"/consultations/{packet.pk}/").content.decode()
    assert "Share with more people" in page and "Rene" in page and "Thursday circle" in page
    assert leaks(page, r_client, r_notes) == []
