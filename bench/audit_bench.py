"""Throughput of the audit log: appends (one writer and several) and `confide audit verify`.

Needs Django set up against a throwaway database; ``bench/run.py`` does that and then
calls :func:`measure`. It empties the audit table and rewrites the checkpoint file, so
never point it at a real database.

Appends go through ``record_event``, each event in its own transaction, as a request
would commit it. The log that ``verify`` reads is generated in bulk (a valid chain
with signed checkpoints every ``AUDIT_CHECKPOINT_EVERY`` events), because calling
``record_event`` a million times would take longer than the whole bench may.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from confide.audit.actions import Action
from confide.audit.chain import GENESIS_HASH, HASHED_COLUMNS, event_hash
from confide.audit.checkpoints import signed_message
from confide.audit.models import AuditEvent
from confide.audit.services import record_event
from confide.cli import main as confide_cli
from confide.crypto import CheckpointSigner

FULL = {"appends": 2_000, "verify_events": 1_000_000}
QUICK = {"appends": 400, "verify_events": 100_000}
WRITERS = 4
_INSERT_BATCH = 20_000
_TABLE = AuditEvent._meta.db_table
_COLUMNS = (*HASHED_COLUMNS, "hash")


def measure(*, quick: bool = False) -> dict[str, float]:
    """Events per second for each path.

    Keys: ``audit_append_1_writer_per_s`` and ``audit_append_4_writers_per_s`` (events
    committed per second, all writers together), ``audit_generate_per_s`` (bulk
    loading, for context), ``audit_verify_events`` and ``audit_verify_per_s`` (the
    whole `confide audit verify` command over that many events, best of two runs) and
    ``audit_append_worst_wait_during_verify_ms`` (the slowest append made while a verify
    runs: a verify must not hold writers back).
    """
    sizes = QUICK if quick else FULL
    _empty_log()
    single = _append_rate(sizes["appends"], writers=1)
    _empty_log()
    several = _append_rate(sizes["appends"], writers=WRITERS)
    _empty_log()
    events = sizes["verify_events"]
    started = time.perf_counter()
    generate_log(events)
    generate_rate = events / (time.perf_counter() - started)
    verify_rate = max(_verify_rate(events) for _ in range(2))
    worst_wait = _worst_append_wait_during_verify(events)
    _empty_log()
    return {
        "audit_append_1_writer_per_s": single,
        f"audit_append_{WRITERS}_writers_per_s": several,
        "audit_generate_per_s": generate_rate,
        "audit_verify_events": float(events),
        "audit_verify_per_s": verify_rate,
        "audit_append_worst_wait_during_verify_ms": worst_wait * 1000,
    }


def _empty_log() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_TABLE}")  # noqa: S608 -- a fixed table name
    Path(settings.AUDIT_CHECKPOINT_FILE).unlink(missing_ok=True)


def _append_events(count: int, writer: int) -> None:
    for number in range(count):
        record_event(
            Action.CLIENT_VIEWED,
            actor="system:bench",
            resource_type="client",
            resource_id=f"C-W{writer}",
            details={"number": number},
        )


def _append_rate(total: int, *, writers: int) -> float:
    """Events per second with ``writers`` threads, each on its own connection."""
    start = threading.Barrier(writers + 1)
    errors: list[BaseException] = []

    def writer_thread(writer: int) -> None:
        try:
            start.wait()
            _append_events(total // writers, writer)
        except BaseException as error:  # noqa: BLE001 -- re-raised in the main thread
            errors.append(error)
        finally:
            connection.close()  # each thread opened its own

    threads = [threading.Thread(target=writer_thread, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    start.wait()  # everyone is ready: start the clock with them
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise errors[0]
    written = AuditEvent.objects.count()
    assert written == total // writers * writers, f"{written} events, expected {total}"
    return written / elapsed


def _generated_rows(count: int) -> Iterator[tuple[object, ...]]:
    """A valid chain of plausible events: a few staff viewing many clients."""
    prev_hash = GENESIS_HASH
    at_us = time.time_ns() // 1000 - count * 1000
    clients = [uuid.uuid4().hex for _ in range(500)]
    requests = [uuid.uuid4().hex for _ in range(1000)]
    for seq in range(1, count + 1):
        values = (
            seq,
            at_us + seq * 1000,
            str(seq % 40 + 1),
            "client.viewed",
            "client",
            f"C-{seq % 500:05d}",
            clients[seq % 500],
            "care",
            "allowed",
            requests[seq % 1000],
            '{"fields":["legal_name","phone"]}',
            prev_hash,
        )
        prev_hash = event_hash(values)
        yield (*values, prev_hash)


def _batches(rows: Iterator[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _INSERT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def generate_log(count: int) -> None:
    """Fill the empty log with ``count`` chained events and their signed checkpoints."""
    every = settings.AUDIT_CHECKPOINT_EVERY
    heads: list[tuple[int, str]] = []
    with transaction.atomic():
        for batch in _batches(_generated_rows(count)):
            heads.extend((int(row[0]), str(row[-1])) for row in batch if int(row[0]) % every == 0)
            _insert(batch)
    _write_checkpoints(heads)


def _insert(batch: list[tuple[object, ...]]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is several times faster than INSERT for bulk loading on PostgreSQL.
            sql = f"COPY {_TABLE} ({', '.join(_COLUMNS)}) FROM STDIN"
            with cursor.cursor.copy(sql) as copy:
                for row in batch:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(_COLUMNS))
            cursor.executemany(
                f"INSERT INTO {_TABLE} ({', '.join(_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                batch,
            )


def _write_checkpoints(heads: list[tuple[int, str]]) -> None:
    """Sign every checkpoint into the file in one write.

    ``append_checkpoint`` reads the key and fsyncs once per checkpoint, which is right
    for a live system but would make generating ten thousand of them the slowest part
    of the bench. The lines have the same shape; verify refuses the file if they drift.
    """
    document = json.loads(Path(settings.AUDIT_SIGNING_KEY_FILE).read_text())
    signer = CheckpointSigner.from_private_bytes_b64(document["private"])
    now = int(time.time())
    lines = [
        json.dumps(
            {
                "seq": seq,
                "hash": head_hash,
                "at": now,
                "sig": base64.b64encode(signer.sign(signed_message(seq, head_hash))).decode(),
            },
            sort_keys=True,
        )
        for seq, head_hash in heads
    ]
    Path(settings.AUDIT_CHECKPOINT_FILE).write_text("".join(line + "\n" for line in lines))


def _verify(expected_events: int) -> None:
    """Run `confide audit verify` in-process; raise unless it passes over the whole log."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = confide_cli(["audit", "verify"])
    verified = re.search(r"OK: (\d+) events verified", out.getvalue())
    if status != 0 or not verified or int(verified[1]) < expected_events:
        raise RuntimeError(f"audit verify failed on the generated log: {err.getvalue()}")


def _verify_rate(events: int) -> float:
    """Events per second for the whole `confide audit verify` command."""
    began = time.perf_counter()
    _verify(events)
    return events / (time.perf_counter() - began)


def _worst_append_wait_during_verify(events: int) -> float:
    """Seconds taken by the slowest of the appends one writer makes while verify runs."""
    waits: list[float] = []
    verifying = threading.Event()
    verifying.set()

    def writer() -> None:
        try:
            while verifying.is_set():
                began = time.perf_counter()
                record_event(Action.CLIENT_VIEWED, actor="system:bench", resource_type="client")
                waits.append(time.perf_counter() - began)
                time.sleep(0.02)
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        _verify(events)
    finally:
        verifying.clear()
        thread.join()
    return max(waits)
