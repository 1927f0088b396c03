import datetime

import pytest

from confide.clients.services import do_create_client
from confide.notes.services import do_create_draft, do_sign_note
from confide.supervision.services import do_create_packet

DOB = datetime.date(1991, 4, 17)
# Everything the record knows about R., and the forms it may take in a note.
IDENTITY = {
    "legal_name": "Ramona Estrada-Villalobos",
    "preferred_name": "R.",
    "date_of_birth": DOB,
    "phone": "555-014-7781",
    "email": "ramona.ev@example.org",
    "address": "412 Maple Ave Apt 3, Dayton, OH 45402",
    "emergency_contact": "Lucía Estrada (sister), 555-014-9920",
    "other_identifiers": "Medicaid 9876543210",
}
FIRST_NOTE = (
    "First meeting at the coffee shop. Ramona Estrada-Villalobos (R.) was born 04/17/1991 and "
    "lives at 412 Maple Ave Apt 3 in Dayton. Her phone is (555) 014-7781 and her email is "
    "ramona.ev@example.org. Medicaid 9876543210."
)
SECOND_NOTE = (
    "R. offered me two tickets to a concert on Saturday as a thank-you. Her sister Lucía is "
    "going too; Lucía's number is 555-014-9920. Her friends call her moonbeam. Ramona said "
    "it was for April 17, her birthday."
)
QUESTION = "R. wants to give me concert tickets. Can I accept? Her sister Lucía will be there."


def note_for(client, author, body, days_ago, tags=()):
    note = do_create_draft(
        client,
        acting_user=author,
        session_date=datetime.date.today() - datetime.timedelta(days=days_ago),
        contact_type="in_person",
        duration_minutes=45,
        tags=list(tags),
        body=body,
    )
    do_sign_note(note, acting_user=author)
    return note


@pytest.fixture
def r_client(worker):
    """R., on Dana's caseload, with everything the intake form can hold."""
    return do_create_client(acting_user=worker, **IDENTITY)


@pytest.fixture
def r_notes(r_client, worker):
    return [
        note_for(r_client, worker, FIRST_NOTE, days_ago=9),
        note_for(r_client, worker, SECOND_NOTE, days_ago=2),
    ]


@pytest.fixture
def draft_packet(r_client, r_notes, worker):
    return do_create_packet(r_client, acting_user=worker, notes=r_notes, question=QUESTION)


@pytest.fixture
def other_client(colleague):
    return do_create_client(
        legal_name="Teodoro Kowalczyk", phone="555-019-1234", acting_user=colleague
    )
