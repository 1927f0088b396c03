"""Helpers for the audit tests: filling the chain and tampering with it the way an attacker
would, with raw SQL that bypasses the ORM and ``record_event``."""

from collections.abc import Sequence

from django.db import connection

from confide.audit.actions import Action
from confide.audit.chain import GENESIS_HASH, HASHED_COLUMNS, event_hash
from confide.audit.models import AuditEvent
from confide.audit.services import record_event

TABLE = AuditEvent._meta.db_table
ALL_COLUMNS = (*HASHED_COLUMNS, "hash")
TEST_ACTOR = "system:test"


def record(count: int) -> None:
    """Append ``count`` ordinary events, each with distinct details."""
    for number in range(count):
        record_event(
            Action.CLIENT_VIEWED,
            actor=TEST_ACTOR,
            resource_type="client",
            resource_id=f"c{number}",
            details={"number": number},
        )


def execute(sql: str, params: Sequence[object] = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def stored_rows() -> list[dict[str, object]]:
    """Every row exactly as stored, in sequence order."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(ALL_COLUMNS)} FROM {TABLE} ORDER BY seq")  # noqa: S608
        return [dict(zip(ALL_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def stored_row(seq: int) -> dict[str, object]:
    return next(row for row in stored_rows() if row["seq"] == seq)


def stored_seqs() -> list[int]:
    return [int(row["seq"]) for row in stored_rows()]  # type: ignore[call-overload]  # ints


def insert_row(row: dict[str, object]) -> None:
    placeholders = ", ".join(["%s"] * len(ALL_COLUMNS))
    execute(
        f"INSERT INTO {TABLE} ({', '.join(ALL_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
        [row[column] for column in ALL_COLUMNS],
    )


def shift_up_from(seq: int) -> None:
    """Renumber events ``seq`` and later one up, leaving a hole at ``seq``.

    Two steps, because a single ``seq = seq + 1`` can collide with the primary key
    row by row on PostgreSQL.
    """
    execute(f"UPDATE {TABLE} SET seq = seq + 1000000 WHERE seq >= %s", [seq])  # noqa: S608
    execute(f"UPDATE {TABLE} SET seq = seq - 999999 WHERE seq >= %s", [seq + 1000000])  # noqa: S608


def well_formed(row: dict[str, object]) -> dict[str, object]:
    """The row with its hash recomputed over its other columns, as a careful forger would."""
    return {**row, "hash": event_hash([row[column] for column in HASHED_COLUMNS])}


def rehash_everything() -> None:
    """Rewrite every link so the whole table is an internally consistent chain again."""
    prev_hash = GENESIS_HASH
    for row in stored_rows():
        forged = well_formed({**row, "prev_hash": prev_hash})
        execute(
            f"UPDATE {TABLE} SET prev_hash = %s, hash = %s WHERE seq = %s",  # noqa: S608
            [forged["prev_hash"], forged["hash"], row["seq"]],
        )
        prev_hash = str(forged["hash"])
