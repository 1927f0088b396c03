import datetime

from confide.notes.services import do_create_draft, do_sign_note


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
