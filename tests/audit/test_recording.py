"""`record_event`: one event per change, in the change's transaction, with no identifiers."""

import re
import threading

import pytest
from django.db import connection, transaction

from confide.audit.actions import Action, Outcome
from confide.audit.chain import GENESIS_HASH, HASHED_COLUMNS, MalformedEvent, event_hash
from confide.audit.context import begin_request
from confide.audit.models import AuditEvent
from confide.audit.services import ANONYMOUS, record_event
from confide.clients.models import Client
from confide.clients.services import do_create_client
from confide.vault.models import WrappedKey
from confide.vault.services import do_shred_client
from tests.audit.helpers import TEST_ACTOR, record, stored_rows

LEGAL_NAME = "Philippa Quennell-Ambrose"
PREFERRED_NAME = "Pippa"
PHONE = "+44 7700 900123"


def test_events_are_numbered_and_linked_from_genesis(db):
    record(3)
    rows = stored_rows()
    assert [row["seq"] for row in rows] == [1, 2, 3]
    assert rows[0]["prev_hash"] == GENESIS_HASH
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    assert rows[2]["prev_hash"] == rows[1]["hash"]


def test_the_stored_hash_is_computed_over_the_stored_columns(db):
    record(1)
    (row,) = stored_rows()
    assert row["hash"] == event_hash([row[column] for column in HASHED_COLUMNS])


def test_an_event_records_who_did_what_to_which_record(db, worker):
    request_id = begin_request()
    event = record_event(
        Action.CLIENT_VIEWED,
        actor=worker,
        outcome=Outcome.DENIED,
        resource_type="client",
        resource_id="C-1234",
        client_id="0b9e6f2a",
        purpose="care",
        details={"fields": ["phone", "dob"], "count": 2, "glass": False},
    )
    event.refresh_from_db()
    assert (event.actor_id, event.action, event.outcome) == (
        str(worker.pk),
        "client.viewed",
        "denied",
    )
    assert (event.resource_type, event.resource_id, event.client_id) == (
        "client",
        "C-1234",
        "0b9e6f2a",
    )
    assert event.purpose == "care"
    assert event.request_id == request_id
    assert event.details == '{"count":2,"fields":["phone","dob"],"glass":false}'


def test_an_anonymous_actor_is_recorded_as_anonymous(db):
    assert record_event(Action.LOGIN_FAILED, actor=None).actor_id == ANONYMOUS


def test_a_committed_change_and_its_event_appear_together(db, worker):
    client = do_create_client(legal_name=LEGAL_NAME, acting_user=worker)
    event = AuditEvent.objects.get(action=Action.CLIENT_CREATED)
    assert event.client_id == str(client.pk)
    assert event.resource_id == client.code
    assert event.actor_id == str(worker.pk)


def test_an_event_rolls_back_with_its_transaction(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(2)
        raise RuntimeError("the change failed")
    assert not AuditEvent.objects.exists()


def test_a_failed_change_leaves_neither_the_change_nor_its_event(db, worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        do_create_client(legal_name=LEGAL_NAME, acting_user=worker)
        raise RuntimeError("a later step of the same request failed")
    assert not Client.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_chain_continues_cleanly_after_a_rolled_back_event(db):
    record(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        record(1)
        raise RuntimeError("the change failed")
    record(1)
    rows = stored_rows()
    assert [row["seq"] for row in rows] == [1, 2]
    assert rows[1]["prev_hash"] == rows[0]["hash"]


@pytest.mark.django_db(transaction=True)
def test_an_uncommitted_event_is_invisible_to_other_connections_until_commit(worker):
    def seen_elsewhere() -> tuple[int, int]:
        counts: list[tuple[int, int]] = []

        def look() -> None:
            try:
                counts.append((Client.objects.count(), AuditEvent.objects.count()))
            finally:
                connection.close()

        thread = threading.Thread(target=look)
        thread.start()
        thread.join()
        return counts[0]

    before = AuditEvent.objects.count()
    with transaction.atomic():
        do_create_client(legal_name=LEGAL_NAME, acting_user=worker)
        written = AuditEvent.objects.count()  # this connection sees its own events
        assert written > before
        assert seen_elsewhere() == (0, before)
    assert seen_elsewhere() == (1, written)


@pytest.mark.parametrize(
    "details",
    [
        {"note": "called about her housing"},
        {"Name": "x"},
        {"reason with space": 1},
        {"nested": {"name": "Philippa"}},
        {"names": ["ok", "Philippa Quennell"]},
        {"blob": b"bytes"},
        {"long": "x" * 81},
    ],
    ids=[
        "free-text",
        "upper-case-key",
        "key-with-space",
        "nested",
        "list-with-text",
        "bytes",
        "too-long",
    ],
)
def test_record_event_refuses_details_that_could_carry_free_text(db, details):
    with pytest.raises(MalformedEvent):
        record_event(Action.CLIENT_VIEWED, actor=TEST_ACTOR, details=details)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("column", ["resource_type", "resource_id", "client_id", "purpose"])
@pytest.mark.parametrize("value", ["Philippa Quennell", "a\x1fb", "x" * 65, "line\nbreak"])
def test_record_event_refuses_free_text_in_ids(db, column, value):
    with pytest.raises(MalformedEvent):
        record_event(Action.CLIENT_VIEWED, actor=TEST_ACTOR, **{column: value})
    assert not AuditEvent.objects.exists()


def test_record_event_refuses_a_free_text_actor(db):
    with pytest.raises(MalformedEvent):
        record_event(Action.CLIENT_VIEWED, actor="Philippa Quennell")


def test_record_event_refuses_an_unknown_action(db):
    with pytest.raises(ValueError, match="not a valid Action"):
        record_event("client.gossiped", actor=TEST_ACTOR)  # type: ignore[arg-type]  # on purpose


def test_event_hash_refuses_columns_that_would_shift_across_a_boundary():
    # Two different rows whose columns join to the same text: without refusing the
    # separator they would share a hash, so text could move between columns unseen.
    row = ["1", "2", "7", "client.viewed", "", "", "", "", "allowed", "", "{}", "0" * 64]
    left, right = list(row), list(row)
    left[4], left[5] = "client\x1fc", "4"
    right[4], right[5] = "client", "c\x1f4"
    assert "\x1f".join(left) == "\x1f".join(right)
    for shifted in (left, right):
        with pytest.raises(MalformedEvent):
            event_hash(shifted)


def test_creating_a_client_leaves_their_identity_nowhere_in_the_audit_log(db, worker):
    client = do_create_client(
        legal_name=LEGAL_NAME, preferred_name=PREFERRED_NAME, phone=PHONE, acting_user=worker
    )
    record_event(
        Action.CLIENT_VIEWED,
        actor=worker,
        resource_type="client",
        resource_id=client.code,
        client_id=str(client.pk),
        details={"fields": ["legal_name", "phone"]},
    )
    stored = "\n".join(str(value) for row in stored_rows() for value in row.values()).lower()
    for identifier in (*LEGAL_NAME.split(), *LEGAL_NAME.split("-"), PREFERRED_NAME, PHONE):
        assert identifier.lower() not in stored
    # A part of the phone number, standing alone: the same four digits may occur by chance
    # inside a timestamp or a hash.
    assert re.search(r"(?<![0-9a-z])7700(?![0-9a-z])", stored) is None


def test_the_chain_still_verifies_after_a_client_is_shredded(
    db, worker, privacy_officer, audit_verify
):
    client = do_create_client(legal_name=LEGAL_NAME, acting_user=worker)
    record_event(
        Action.CLIENT_VIEWED, actor=worker, resource_type="client", client_id=str(client.pk)
    )
    do_shred_client(client.pk, acting_user=privacy_officer)
    assert not WrappedKey.objects.filter(name=str(client.pk)).exists()  # the data key is gone
    assert AuditEvent.objects.filter(
        client_id=str(client.pk), action=Action.CLIENT_SHREDDED
    ).exists()
    verdict = audit_verify()
    assert verdict.code == 0, verdict.err
    assert f"OK: {AuditEvent.objects.count()} events verified" in verdict.out
