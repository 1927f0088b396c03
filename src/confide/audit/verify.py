"""Recomputing the whole audit chain and checking it against the signed checkpoints."""

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from confide.audit.chain import (
    FORMAT_TAG,
    GENESIS_HASH,
    HASHED_COLUMNS,
    MalformedEvent,
    hash_of_encoding,
)
from confide.audit.checkpoints import read_checkpoints
from confide.audit.models import AuditEvent

_BATCH = 20_000


class AuditIntegrityError(Exception):
    """The log is not what was written. ``seq`` is the first bad event."""

    def __init__(self, seq: int, problem: str) -> None:
        super().__init__(f"event {seq}: {problem}")
        self.seq = seq
        self.problem = problem


@dataclass(frozen=True)
class VerifiedLog:
    events: int
    checkpoints: int
    head_hash: str


def _encoding_sql() -> str:
    """SQL that builds each event's canonical encoding (see ``chain.event_hash``) from its
    stored columns, so the database does the string work and Python only hashes."""
    separator = "char(31)" if connection.vendor == "sqlite" else "chr(31)"
    parts = [f"'{FORMAT_TAG}'"] + [
        f"CAST({connection.ops.quote_name(column)} AS TEXT)" for column in HASHED_COLUMNS
    ]
    return f" || {separator} || ".join(parts)


def verify_log(
    *, checkpoint_file: Path, public_key: str, checkpoint_every: int | None = None
) -> VerifiedLog:
    """Check every event's hash and link, the numbering, and every signed checkpoint.

    Returns a summary when all holds; raises ``AuditIntegrityError`` naming the first
    bad event for a modified, deleted or inserted event, a truncated tail, or a table
    rewritten with a consistent chain that the signed checkpoints no longer match.
    With ``checkpoint_every``, the latest checkpoint the application must have signed
    has to be there too: deleting or cutting the checkpoint file is itself detected.
    """
    signed = {c.seq: c.hash for c in read_checkpoints(checkpoint_file, public_key)}
    table = AuditEvent._meta.db_table
    expected_seq, prev_hash = 1, GENESIS_HASH
    # A chunked cursor streams (a server-side cursor on PostgreSQL): constant memory.
    # PostgreSQL needs a transaction for that cursor and reads one MVCC snapshot without
    # blocking writers. On SQLite an atomic block would BEGIN IMMEDIATE (see settings) and
    # hold every writer back for the whole run; there one SELECT already reads one WAL
    # snapshot until it is exhausted.
    postgres = connection.vendor == "postgresql"
    with transaction.atomic() if postgres else nullcontext(), connection.chunked_cursor() as cursor:
        query = f"SELECT seq, prev_hash, hash, {_encoding_sql()} FROM {table} ORDER BY seq"  # noqa: S608 -- fixed names
        cursor.execute(query)
        while rows := cursor.fetchmany(_BATCH):
            for seq, linked_to, stored_hash, encoded in rows:
                if seq != expected_seq:
                    problem = "is missing" if seq > expected_seq else "is out of order"
                    raise AuditIntegrityError(expected_seq, problem)
                if linked_to != prev_hash:
                    raise AuditIntegrityError(seq, "does not link to the event before it")
                try:
                    recomputed = hash_of_encoding(encoded)
                except MalformedEvent:
                    raise AuditIntegrityError(seq, "was modified") from None
                if recomputed != stored_hash:
                    raise AuditIntegrityError(seq, "was modified")
                if seq in signed and signed[seq] != stored_hash:
                    raise AuditIntegrityError(seq, "does not match its signed checkpoint")
                prev_hash = stored_hash
                expected_seq += 1
    last_seq = expected_seq - 1
    beyond = [seq for seq in signed if seq > last_seq]
    if beyond:
        raise AuditIntegrityError(
            last_seq + 1,
            f"is missing: the log ends at {last_seq} but was signed up to {max(beyond)}",
        )
    if checkpoint_every:
        due = last_seq // checkpoint_every * checkpoint_every
        if due and due not in signed:
            raise AuditIntegrityError(
                due, "has no signed checkpoint: the checkpoint file is missing or was cut"
            )
    return VerifiedLog(events=last_seq, checkpoints=len(signed), head_hash=prev_hash)
