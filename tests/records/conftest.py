import datetime

import pytest

from confide.clients.services import do_create_client
from confide.notes.services import do_create_draft, do_sign_note


@pytest.fixture
def dana_client(worker):
    """R., on Dana's caseload (Dana took the intake, so she is on the care team)."""
    return do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        phone="555-014-7781",
        acting_user=worker,
    )


@pytest.fixture
def alex_client(colleague):
    return do_create_client(
        legal_name="Teodoro Kowalczyk",
        date_of_birth=datetime.date(1970, 2, 3),
        phone="555-019-1234",
        acting_user=colleague,
    )


def write_note(client, author, body="We met and talked.", tags=(), sign=True):
    note = do_create_draft(
        client,
        acting_user=author,
        session_date=datetime.date.today(),
        contact_type="in_person",
        duration_minutes=30,
        tags=list(tags),
        body=body,
    )
    if sign:
        do_sign_note(note, acting_user=author)
    return note
