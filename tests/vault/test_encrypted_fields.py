"""Encryption at rest through the model layer: what the database holds, and what fails."""

import datetime
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from confide.clients.models import Client
from confide.clients.services import do_create_client
from confide.crypto import DecryptionError
from confide.vault import keyring
from confide.vault.fields import search_token
from confide.vault.models import WrappedKey

KNOWN_NAME = "Ottoline Vasquez-Brennan"


def _intake(worker, name: str = KNOWN_NAME) -> Client:
    return do_create_client(
        legal_name=name,
        preferred_name="Otto",
        date_of_birth=datetime.date(1984, 3, 9),
        phone="(555) 013-4477",
        acting_user=worker,
    )


def _row_key(client: Client) -> object:
    return client.pk.hex if connection.vendor == "sqlite" else client.pk


def _raw(column: str, client: Client) -> bytes:
    """What the database really holds, read past the model layer."""
    query = f"SELECT {column} FROM clients_client WHERE id = %s"  # noqa: S608 -- test columns
    with connection.cursor() as cursor:
        cursor.execute(query, [_row_key(client)])
        return bytes(cursor.fetchone()[0])


def _write_raw(column: str, client: Client, value: bytes) -> None:
    """An attacker with database access, writing past the model layer."""
    query = f"UPDATE clients_client SET {column} = %s WHERE id = %s"  # noqa: S608 -- test columns
    with connection.cursor() as cursor:
        cursor.execute(query, [value, _row_key(client)])


def test_it_round_trips_text_and_dates(worker):
    client = _intake(worker)
    fresh = Client.objects.get(pk=client.pk)
    assert fresh.legal_name == KNOWN_NAME
    assert fresh.preferred_name == "Otto"
    assert fresh.date_of_birth == datetime.date(1984, 3, 9)


def test_the_database_holds_ciphertext_not_the_name(worker):
    client = _intake(worker)
    stored = _raw("legal_name", client)
    assert KNOWN_NAME.encode() not in stored
    assert stored[0] == 1  # format version byte


def test_a_tampered_ciphertext_fails_loudly(worker):
    client = _intake(worker)
    stored = bytearray(_raw("legal_name", client))
    stored[-1] ^= 0x01
    _write_raw("legal_name", client, bytes(stored))
    with pytest.raises(DecryptionError):
        _ = Client.objects.get(pk=client.pk).legal_name


def test_a_ciphertext_moved_to_another_field_fails(worker):
    client = _intake(worker)
    _write_raw("preferred_name", client, _raw("legal_name", client))
    with pytest.raises(DecryptionError):
        _ = Client.objects.get(pk=client.pk).preferred_name


def test_a_ciphertext_moved_to_another_clients_row_fails(worker):
    first = _intake(worker)
    second = _intake(worker, "Someone Else")
    _write_raw("legal_name", second, _raw("legal_name", first))
    with pytest.raises(DecryptionError):
        _ = Client.objects.get(pk=second.pk).legal_name


def test_a_data_key_copied_to_another_client_does_not_unwrap(worker):
    first = _intake(worker)
    second = _intake(worker, "Someone Else")
    WrappedKey.objects.filter(name=str(second.pk)).update(
        wrapped=WrappedKey.objects.get(name=str(first.pk)).wrapped
    )
    with pytest.raises(DecryptionError):
        _ = Client.objects.get(pk=second.pk).legal_name


def test_plaintext_cannot_be_used_in_a_query(worker):
    _intake(worker)
    with pytest.raises(TypeError):
        list(Client.objects.filter(legal_name=KNOWN_NAME))


def test_blind_indexes_find_by_exact_name_dob_and_phone(worker):
    client = _intake(worker)
    do_create_client(
        legal_name="Different Person",
        preferred_name="Dee",
        date_of_birth=datetime.date(1990, 1, 1),
        phone="555-010-0000",
        acting_user=worker,
    )
    by_name = Client.objects.filter(
        legal_name_index=search_token("client-name", "ottoline vasquez brennan", "name")
    )
    by_nick = Client.objects.filter(
        preferred_name_index=search_token("client-name", "OTTO", "name")
    )
    by_dob = Client.objects.filter(
        date_of_birth_index=search_token("client-dob", "1984-03-09", "date")
    )
    by_phone = Client.objects.filter(
        phone_index=search_token("client-phone", "555.013.4477", "phone")
    )
    for found in (by_name, by_nick, by_dob, by_phone):
        assert [c.pk for c in found] == [client.pk]


def test_changing_a_field_updates_its_blind_index(worker):
    client = _intake(worker)
    client.phone = "555-019-0000"
    client.save()
    old = search_token("client-phone", "5550134477", "phone")
    new = search_token("client-phone", "5550190000", "phone")
    assert not Client.objects.filter(phone_index=old).exists()
    assert Client.objects.filter(phone_index=new).exists()


def test_a_key_scope_caches_data_keys_and_forgets_them_afterwards(
    worker, django_assert_num_queries
):
    client = _intake(worker)
    with keyring.key_scope():
        keyring.client_key(client.pk)
        with django_assert_num_queries(0):
            keyring.client_key(client.pk)
    with django_assert_num_queries(1):
        keyring.client_key(client.pk)


def _sqlite_files() -> list[Path]:
    name = Path(connection.settings_dict["NAME"])
    return [p for p in (name, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists()]


@pytest.mark.django_db(transaction=True)
def test_a_known_plaintext_appears_nowhere_in_the_database_files(worker):
    """The name, written through the app and committed, is in no file of the database."""
    _intake(worker)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        files = _sqlite_files()
        assert any(str(f).endswith("-wal") for f in files)
        blobs = [f.read_bytes() for f in files]
    else:
        db = connection.settings_dict
        dump = subprocess.run(
            [
                "pg_dump",
                "-h",
                db["HOST"] or "127.0.0.1",
                "-p",
                str(db["PORT"] or 5432),
                "-U",
                db["USER"] or "postgres",
                db["NAME"],
            ],
            capture_output=True,
            check=True,
        )
        blobs = [dump.stdout]
        assert b"clients_client" in dump.stdout
    for needle in (KNOWN_NAME, "Vasquez", "013-4477", "5550134477", "1984-03-09"):
        for blob in blobs:
            assert needle.encode() not in blob
            assert needle.encode("utf-16-le") not in blob


def test_the_master_key_file_is_private(worker):
    assert (settings.MASTER_KEY_FILE.stat().st_mode & 0o077) == 0
