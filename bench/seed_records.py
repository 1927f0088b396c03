"""Seed a large, realistic record set for the records benchmark (and for trying the UI at scale).

``seed(clients=..., notes=...)`` writes staff, clients with their own wrapped data keys,
care-team assignments and signed, encrypted notes. Encryption and blind indexes go through
the model layer (``bulk_create`` calls each field's ``pre_save``), so every row is exactly what
the services would have written: same associated data, same keys, same index tokens.

Seeding is not a user action, so it records no audit events and bypasses the services
(one audited transaction per client would take hours at this size). It expects an empty,
migrated database with keys, as ``bench/run.py`` prepares one.

As a script it prepares a fresh install first (SQLite, or PostgreSQL when DATABASE_URL is
set) and keeps it, so the UI can be tried at scale::

    .venv/bin/python bench/seed_records.py --clients 100000 --notes 1000000 [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

BATCH = 5_000  # clients per transaction; their notes go in the same transaction
CASELOAD = 200  # active clients of the benchmark worker
PAST_CASELOAD = 40  # clients the benchmark worker used to support (ended assignments)
VISIBLE_NOTES = 50  # notes the benchmark worker sees on the notes client's page
WITHHELD_NOTES = 4  # notes on that page the worker's role may not read (tagged)
BENCH_WORKER = "bench-worker"
# tests.helpers.PASSWORD, so sign_in works; synthetic accounts on a throwaway install.
BENCH_PASSWORD = "correct horse battery staple"  # noqa: S105

# Names as one string each: easier to read than a hundred quoted words.
FIRST_NAMES = (  # noqa: SIM905
    "Alex Amara Ana Andre Aisha Ben Bea Carlos Chen Chloe Dana Dev Elena Eli Emeka Fatima "
    "Finn Gabriel Grace Hana Hugo Ian Imani Isla Jamal Jin Jo Jose Kai Kemal Lara Leo Lina "
    "Luca Maya Mei Miguel Mira Nadia Nico Noor Omar Olga Pat Priya Quinn Rafael Rosa Ruth Sam "
    "Sara Sean Sofia Tariq Tess Theo Uma Vic Wen Xavi Yara Yusuf Zoe Zara"
).split()
LAST_NAMES = (  # noqa: SIM905
    "Abbott Adeyemi Alvarez Baker Bauer Bianchi Brown Campbell Chen Costa Cruz Davis Diaz "
    "Dubois Edwards Evans Fischer Flores Garcia Gomez Gonzalez Green Hall Hansen Harris "
    "Hughes Ito Jackson Jensen Johnson Kaur Kelly Khan Kim Kowalski Larsen Lee Lopez Martin "
    "Mendez Meyer Miller Moore Murphy Nguyen Novak Obi Okafor OBrien Park Patel Perez Popescu "
    "Reyes Rivera Roberts Rossi Sanchez Santos Schmidt Silva Singh Smith Sousa Tanaka Taylor "
    "Thomas Torres Tran Walker Wang Weber White Williams Wilson Wong Young Zhang"
).split()
PRONOUNS = ("she/her", "he/him", "they/them", None)
CONTACT_TYPES = ("in_person", "phone", "video", "text", "outreach")
VISIBLE_TAGS = ("legal", "trauma", "other")  # a peer supporter sees these without a grant
HIDDEN_TAGS = ("substance_use", "hiv_health", "reproductive")
NOTE_PHRASES = (
    "Met at the drop-in centre and talked through the week.",
    "Followed up on the housing application; the caseworker has the forms now.",
    "Discussed sleep, appetite and a plan for the weekend.",
    "Went together to the benefits office; the appointment is confirmed.",
    "Talked about a difficult conversation with family and what support would help.",
    "Practised the breathing exercise and agreed to try it before the hearing.",
    "Checked in by phone; things are steadier than last time.",
    "Reviewed goals: steady income, a quiet place to live, reconnecting with a sibling.",
    "Shared resources for the food bank and the evening peer group.",
    "Next session in two weeks unless something comes up sooner.",
)


def _bodies(rng: random.Random, count: int = 64) -> list[str]:
    """A pool of ~300-character bodies; each note seals its own copy with a fresh nonce."""
    pool = []
    for _ in range(count):
        text = ""
        while len(text) < 280:
            text += rng.choice(NOTE_PHRASES) + " "
        pool.append(text.strip())
    return pool


def _client_codes(rng: random.Random, count: int) -> list[str]:
    # Random codes collide (31**5 possibilities): draw until there are enough distinct ones.
    from confide.clients.models import CODE_ALPHABET, CODE_LENGTH

    codes: set[str] = set()
    while len(codes) < count:
        codes.add("C-" + "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH)))
    ordered = sorted(codes)
    rng.shuffle(ordered)  # so the benchmark worker's clients are not the first codes
    return ordered


def _staff(workers: int) -> tuple[Any, list[Any]]:
    """An administrator (who assigns) and ``workers`` peer supporters, the first the bench's."""
    from django.contrib.auth.hashers import make_password

    from confide.accounts.devices import AuthenticatorDevice
    from confide.accounts.models import Role, User

    # One Argon2 hash for everyone: hashing is deliberately slow and adds nothing here.
    password = make_password(BENCH_PASSWORD)
    admin = User(username="bench-admin", display_name="Bench Admin", role=Role.ADMINISTRATOR)
    people = [
        User(
            username=BENCH_WORKER if n == 0 else f"worker-{n:04d}",
            display_name=f"Worker {n}",
            role=Role.PEER_SUPPORTER,
            # A demo account, so `confide demo --code bench-worker` prints its MFA code.
            is_demo=n == 0,
        )
        for n in range(workers)
    ]
    for user in (admin, *people):
        user.password = password
    User.objects.bulk_create([admin, *people])
    AuthenticatorDevice.objects.create(user=people[0], name="authenticator", confirmed=True)
    return admin, people


def _wrapped_keys(client_ids: Sequence[uuid.UUID]) -> None:
    """Store a fresh wrapped data key per client, as keyring.create_data_key does, in bulk."""
    from confide.crypto import DataKey
    from confide.vault import keyring
    from confide.vault.models import WrappedKey

    master = keyring.master_keys()
    rows = []
    for client_id in client_ids:
        name = str(client_id)
        wrapped = master.wrap(DataKey.generate(), associated_data=keyring.wrapping_aad(name))
        rows.append(WrappedKey(name=name, wrapped=wrapped))
    WrappedKey.objects.bulk_create(rows)
    # The fields find keys through the key scope: unwrap this batch's keys into it at once.
    keyring.preload_client_keys(client_ids)


def _identity(rng: random.Random) -> dict[str, Any]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
    return {
        "legal_name": f"{first} {last}",
        "preferred_name": rng.choice(FIRST_NAMES) if rng.random() < 0.3 else None,
        "pronouns": rng.choice(PRONOUNS),
        "date_of_birth": born,
        "phone": f"555-{rng.randrange(200, 1000):03d}-{rng.randrange(10_000):04d}",
        "email": f"{first.lower()}.{last.lower()}{rng.randrange(1000)}@example.org",
        "address": f"{rng.randrange(1, 999)} {rng.choice(LAST_NAMES)} Street, Springfield",
        "emergency_contact": f"{rng.choice(FIRST_NAMES)} (sibling)" if rng.random() < 0.5 else None,
    }


class _Plan:
    """Who supports whom and how many notes each client has, decided before any writing."""

    def __init__(self, *, clients: int, notes: int, workers: int, rng: random.Random) -> None:
        if clients < CASELOAD + PAST_CASELOAD or workers < 2:
            raise ValueError(f"need at least {CASELOAD + PAST_CASELOAD} clients and 2 workers")
        special = VISIBLE_NOTES + WITHHELD_NOTES
        if notes < special:
            raise ValueError(f"need at least {special} notes")
        self.clients, self.workers = clients, workers
        # Client 0 is the notes client; clients 0..CASELOAD-1 are the benchmark caseload.
        base, extra = divmod(notes - special, clients - 1)
        self.note_counts = [special] + [base + (i <= extra) for i in range(1, clients)]
        self.codes = _client_codes(rng, clients)

    def worker_for(self, index: int) -> int:
        """The worker (index into the staff list) whose caseload holds client ``index``."""
        if index < CASELOAD:
            return 0
        return 1 + (index - CASELOAD) % (self.workers - 1)


def _assignments(
    plan: _Plan, first: int, client_ids: Sequence[uuid.UUID], staff: list[Any], admin: Any
) -> list[Any]:
    from confide.clients.models import CareTeamAssignment

    today = datetime.date.today()
    rows = []
    for offset, client_id in enumerate(client_ids):
        index = first + offset
        rows.append(
            CareTeamAssignment(
                client_id=client_id,
                staff=staff[plan.worker_for(index)],
                starts_on=today - datetime.timedelta(days=400),
                assigned_by=admin,
            )
        )
        if CASELOAD <= index < CASELOAD + PAST_CASELOAD:
            # Clients the benchmark worker handed over: the "active" filter must skip these.
            rows.append(
                CareTeamAssignment(
                    client_id=client_id,
                    staff=staff[0],
                    starts_on=today - datetime.timedelta(days=800),
                    ends_on=today - datetime.timedelta(days=401),
                    assigned_by=admin,
                )
            )
    return rows


def _notes_for(
    plan: _Plan,
    index: int,
    client_id: uuid.UUID,
    authors: tuple[Any, Any],
    rng: random.Random,
    bodies: list[str],
) -> Iterator[Any]:
    """Client ``index``'s notes, by ``authors``: its worker and, for withheld ones, a colleague."""
    from confide.notes.models import Note

    now = datetime.datetime.now(datetime.UTC)
    today = now.date()
    for number in range(plan.note_counts[index]):
        withheld = index == 0 and number >= VISIBLE_NOTES
        if withheld:
            tags = [rng.choice(HIDDEN_TAGS)]
        else:
            tags = [rng.choice(VISIBLE_TAGS)] if rng.random() < 0.15 else []
        # A few drafts elsewhere; every note the benchmark worker should see is signed.
        signed = index == 0 or rng.random() < 0.97
        session = today - datetime.timedelta(days=rng.randrange(3 * 365))
        written = datetime.datetime.combine(session, datetime.time(12), datetime.UTC)
        yield Note(
            client_id=client_id,
            # The withheld notes are a colleague's: an author always sees their own notes.
            author=authors[1] if withheld else authors[0],
            session_date=session,
            contact_type=rng.choice(CONTACT_TYPES),
            duration_minutes=rng.choice((15, 30, 45, 60, 90)),
            tags=tags,
            body=rng.choice(bodies),
            status=Note.Status.SIGNED if signed else Note.Status.DRAFT,
            created_at=written,
            updated_at=written,
            signed_at=written if signed else None,
        )


def _seed_batch(  # noqa: PLR0913 -- the seeding state, passed rather than kept global
    plan: _Plan,
    first: int,
    count: int,
    staff: list[Any],
    admin: Any,
    rng: random.Random,
    bodies: list[str],
) -> int:
    """One transaction: keys, clients, assignments and notes of clients first..first+count-1."""
    from django.db import transaction

    from confide.clients.models import CareTeamAssignment, Client
    from confide.notes.models import Note
    from confide.vault import keyring

    client_ids = [uuid.uuid4() for _ in range(count)]
    with transaction.atomic(), keyring.key_scope():
        _wrapped_keys(client_ids)
        Client.objects.bulk_create(
            Client(id=client_id, code=plan.codes[first + offset], **_identity(rng))
            for offset, client_id in enumerate(client_ids)
        )
        CareTeamAssignment.objects.bulk_create(_assignments(plan, first, client_ids, staff, admin))
        notes = itertools.chain.from_iterable(
            _notes_for(
                plan,
                first + offset,
                client_id,
                (staff[plan.worker_for(first + offset)], staff[1]),
                rng,
                bodies,
            )
            for offset, client_id in enumerate(client_ids)
        )
        written = 0
        while chunk := list(itertools.islice(notes, BATCH)):
            Note.objects.bulk_create(chunk)
            written += len(chunk)
    return written


def _analyze() -> None:
    """Refresh planner statistics, as PostgreSQL's autovacuum would soon after a bulk load."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def seed(*, clients: int, notes: int, workers: int = 500, seed: int = 7) -> dict[str, Any]:
    """Write the record set; returns what the benchmark needs to find its way around it.

    Raises ValueError for sizes too small to hold the benchmark worker's caseload.
    """
    rng = random.Random(seed)  # noqa: S311 -- reproducible fake data, not secrets
    started = time.perf_counter()
    plan = _Plan(clients=clients, notes=notes, workers=workers, rng=rng)
    admin, staff = _staff(workers)
    bodies = _bodies(rng)
    written = 0
    for first in range(0, clients, BATCH):
        written += _seed_batch(plan, first, min(BATCH, clients - first), staff, admin, rng, bodies)
    _analyze()
    return {
        "worker": BENCH_WORKER,
        "password": BENCH_PASSWORD,
        "notes_client": plan.codes[0],
        "clients": clients,
        "notes": written,
        "seconds": time.perf_counter() - started,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=500)
    parser.add_argument("--data-dir", type=Path, help="a new directory for the install")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="confide-seeded-"))
    if data_dir.exists() and any(data_dir.iterdir()):
        parser.error(f"{data_dir} is not empty: seeding wants a fresh install")

    from run import _prepare_django  # bench/ is on sys.path when run as a script

    _prepare_django(data_dir, "postgresql" if os.environ.get("DATABASE_URL") else "sqlite")
    found = seed(clients=args.clients, notes=args.notes, workers=args.workers)
    print(f"seeded {found['clients']:,} clients and {found['notes']:,} notes in ", end="")
    print(f"{found['seconds']:.0f} s into {data_dir}")
    print(f"Sign in as {found['worker']} / {found['password']!r}; the notes client is ", end="")
    print(f"{found['notes_client']}. MFA codes: `confide demo --code {found['worker']}`.")
    print("Serve it with this environment (the secret key bench/run.py sets):")
    for name in ("CONFIDE_DATA_DIR", "CONFIDE_SECRET_KEY", "CONFIDE_TLS", "DATABASE_URL"):
        if os.environ.get(name):
            print(f"  export {name}={os.environ[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
