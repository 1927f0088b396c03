"""Recomputing the whole audit chain and checking it against the signed checkpoints."""

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from confide.audit.chain import GENESIS_HASH, HASHED_COLUMNS, MalformedEvent, event_hash
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


def verify_log(*, checkpoint_file: Path, public_key: str) -> VerifiedLog:
    """Check every event's hash and link, the numbering, and every signed checkpoint.

    Returns a summary when all holds; raises ``AuditIntegrityError`` naming the first
    bad event for a modified, deleted or inserted event, a truncated tail, or a table
    rewritten with a consistent chain that the signed checkpoints no longer match.
    """
    signed = {c.seq: c.hash for c in read_checkpoints(checkpoint_file, public_key)}
    table = AuditEvent._meta.db_table
    columns = ", ".join(connection.ops.quote_name(c) for c in (*HASHED_COLUMNS, "hash"))
    expected_seq, prev_hash = 1, GENESIS_HASH
    # A chunked cursor streams (a server-side cursor on PostgreSQL): constant memory.
    # PostgreSQL needs a transaction for that cursor and reads one MVCC snapshot without
    # blocking writers. On SQLite an atomic block would BEGIN IMMEDIATE (see settings) and
    # hold every writer back for the whole run; there one SELECT already reads one WAL
    # snapshot until it is exhausted.
    postgres = connection.vendor == "postgresql"
    with transaction.atomic() if postgres else nullcontext(), connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY seq")  # noqa: S608 -- fixed names
        while rows := cursor.fetchmany(_BATCH):
            for row in rows:
                seq = row[0]
                if seq != expected_seq:
                    problem = "is missing" if seq > expected_seq else "is out of order"
                    raise AuditIntegrityError(expected_seq, problem)
                if row[11] != prev_hash:
                    raise AuditIntegrityError(seq, "does not link to the event before it")
                try:
                    recomputed = event_hash(row[:12])
                except MalformedEvent:
                    raise AuditIntegrityError(seq, "was modified") from None
                if recomputed != row[12]:
                    raise AuditIntegrityError(seq, "was modified")
                if seq in signed and signed[seq] != row[12]:
                    raise AuditIntegrityError(seq, "does not match its signed checkpoint")
                prev_hash = row[12]
                expected_seq += 1
    last_seq = expected_seq - 1
    beyond = [seq for seq in signed if seq > last_seq]
    if beyond:
        raise AuditIntegrityError(
            last_seq + 1,
            f"is missing: the log ends at {last_seq} but was signed up to {max(beyond)}",
        )
    return VerifiedLog(events=last_seq, checkpoints=len(signed), head_hash=prev_hash)
