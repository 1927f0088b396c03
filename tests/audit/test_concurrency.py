"""Concurrent writers: appends are serialised, so the chain stays linear with no gaps.

Each thread uses its own database connection and commits each event on its own, as
separate requests would. On PostgreSQL the advisory lock does the serialising, on
SQLite the IMMEDIATE transaction; without either, two writers read the same head and
one append fails on the primary key (or the chain forks).
"""

import itertools
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from confide.audit.actions import Action
from confide.audit.checkpoints import public_key_b64
from confide.audit.services import record_event
from confide.audit.verify import verify_log
from tests.audit.helpers import TEST_ACTOR, stored_rows

WRITERS = 4
EVENTS_PER_WRITER = 50
TOTAL = WRITERS * EVENTS_PER_WRITER


def _run_together(work: Callable[[int], None], threads: int) -> list[BaseException]:
    """Start ``threads`` threads at the same moment; return whatever they raised."""
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def body(number: int) -> None:
        try:
            start.wait()
            work(number)
        except BaseException as error:  # noqa: BLE001 -- reported to the main thread
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    pool = [threading.Thread(target=body, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in pool), "a writer hung"
    return errors


def _append_events(writer: int) -> None:
    for number in range(EVENTS_PER_WRITER):
        record_event(
            Action.CLIENT_VIEWED,
            actor=TEST_ACTOR,
            resource_id=f"w{writer}",
            details={"writer": writer, "number": number},
        )


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_linear_chain_without_gaps(settings):
    settings.AUDIT_CHECKPOINT_EVERY = 10
    assert _run_together(_append_events, WRITERS) == []
    rows = stored_rows()
    assert [row["seq"] for row in rows] == list(range(1, TOTAL + 1))
    assert all(later["prev_hash"] == earlier["hash"] for earlier, later in itertools.pairwise(rows))
    # Every writer's events all landed, none twice.
    writers = sorted(str(row["resource_id"]) for row in rows)
    assert writers == sorted(f"w{n}" for n in range(WRITERS) for _ in range(EVENTS_PER_WRITER))


@pytest.mark.django_db(transaction=True)
def test_checkpoints_written_by_concurrent_writers_all_verify(settings):
    settings.AUDIT_CHECKPOINT_EVERY = 10
    assert _run_together(_append_events, WRITERS) == []
    result = verify_log(checkpoint_file=settings.AUDIT_CHECKPOINT_FILE, public_key=public_key_b64())
    assert (result.events, result.checkpoints) == (TOTAL, TOTAL // 10)
    assert result.head_hash == stored_rows()[-1]["hash"]
