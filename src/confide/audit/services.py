"""Appending to the audit log: the one entry point every other app calls."""

import time
from functools import partial

from django.conf import settings
from django.db import connection, transaction

from confide.audit import checkpoints
from confide.audit.actions import Action, Outcome
from confide.audit.chain import (
    GENESIS_HASH,
    HASHED_COLUMNS,
    check_token,
    encode_details,
    event_hash,
)
from confide.audit.context import current_request_id
from confide.audit.models import AuditEvent

# Any fixed 64-bit number works; it only has to be the same in every process.
_POSTGRES_CHAIN_LOCK = 0x434F4E46494445  # "CONFIDE"

SYSTEM = "system"
ANONYMOUS = "anonymous"


def actor_id_of(actor: object) -> str:
    """The audit id of whoever acts: a user's id, or a fixed token for the system."""
    if isinstance(actor, str):
        return check_token("actor", actor)
    if actor is not None and getattr(actor, "is_authenticated", False):
        return str(actor.pk)
    return ANONYMOUS


def record_event(
    action: Action,
    *,
    actor: object,
    outcome: Outcome = Outcome.ALLOWED,
    resource_type: str = "",
    resource_id: str = "",
    client_id: str = "",
    purpose: str = "",
    details: dict[str, object] | None = None,
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    If the caller's transaction rolls back, so does the event: a change and its
    record stand or fall together. Appends are serialised (an advisory lock on
    PostgreSQL, the IMMEDIATE write lock on SQLite) so the chain stays linear.
    Raises ``MalformedEvent`` when a column would carry free text.
    """
    values = {
        "at_us": time.time_ns() // 1000,
        "actor_id": actor_id_of(actor),
        "action": check_token("action", str(Action(action))),
        "resource_type": check_token("resource_type", resource_type),
        "resource_id": check_token("resource_id", str(resource_id)),
        "client_id": check_token("client_id", str(client_id)),
        "purpose": check_token("purpose", purpose),
        "outcome": str(Outcome(outcome)),
        "request_id": check_token("request_id", current_request_id()),
        "details": encode_details(details),
    }
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_POSTGRES_CHAIN_LOCK])
        last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        values.update(seq=seq, prev_hash=prev_hash)
        values["hash"] = event_hash([values[column] for column in HASHED_COLUMNS])
        event = AuditEvent.objects.create(**values)
        if seq % settings.AUDIT_CHECKPOINT_EVERY == 0:
            transaction.on_commit(partial(checkpoints.append_checkpoint, seq, values["hash"]))
    return event


def write_checkpoint() -> tuple[int, str] | None:
    """Sign the current head of the chain into the checkpoint file; None if the log is empty."""
    head = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    if head is None:
        return None
    checkpoints.append_checkpoint(*head)
    return head
