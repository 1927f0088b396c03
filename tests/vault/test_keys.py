"""Master key rotation, retirement and crypto-shredding, through services and the CLI."""

import datetime
import shutil

import pytest

from confide.audit.models import AuditEvent
from confide.cli import main
from confide.clients.models import Client
from confide.clients.services import do_create_client
from confide.crypto import KeyNotFoundError, MasterKeys
from confide.vault import keyring
from confide.vault.fields import search_token
from confide.vault.models import WrappedKey
from confide.vault.services import (
    KeyInUse,
    do_retire_master_key,
    do_rotate_master_key,
    do_shred_client,
    key_status,
    shredded_client_ids,
)


@pytest.fixture
def own_key_file(settings, tmp_path):
    """This test's own copy of the master key file, so rotating it touches no other test."""
    path = tmp_path / "master-keys.json"
    shutil.copy(settings.MASTER_KEY_FILE, path)
    path.chmod(0o600)
    settings.MASTER_KEY_FILE = path
    return path


@pytest.fixture
def client_record(worker):
    return do_create_client(
        legal_name="Marisol Ekwueme",
        date_of_birth=datetime.date(1979, 11, 2),
        phone="555-014-2211",
        acting_user=worker,
    )


def test_rotation_rewraps_data_keys_and_keeps_everything_readable(own_key_file, client_record):
    old_id = keyring.master_keys().active_id
    ciphertext_before = Client.objects.values_list("legal_name", flat=True).get(pk=client_record.pk)

    status = do_rotate_master_key(acting_user="system:test")

    assert status.active_id != old_id
    assert status.data_keys_by_master_key[old_id] == 0
    assert status.data_keys_by_master_key[status.active_id] == WrappedKey.objects.count()
    assert Client.objects.get(pk=client_record.pk).legal_name == "Marisol Ekwueme"
    # Field ciphertexts are untouched: only the wrapped data keys changed.
    after = Client.objects.values_list("legal_name", flat=True).get(pk=client_record.pk)
    assert bytes(after) == bytes(ciphertext_before)
    assert AuditEvent.objects.filter(action="keys.rotated").count() == 1


def test_keys_status_shows_the_old_key_no_longer_used(own_key_file, client_record, capsys):
    old_id = keyring.master_keys().active_id
    assert main(["keys", "rotate"]) == 0
    capsys.readouterr()
    assert main(["keys", "status"]) == 0
    out = capsys.readouterr().out
    assert f"{old_id}: in the ring, no longer used" in out
    assert f"active master key: {keyring.master_keys().active_id}" in out


def test_retiring_a_used_master_key_is_refused(own_key_file, client_record):
    with pytest.raises(KeyInUse):
        do_retire_master_key(keyring.master_keys().active_id, acting_user="system:test")


def test_a_retired_master_key_leaves_old_wrapped_keys_unreadable(own_key_file, client_record):
    """What an old backup holds: data keys wrapped by a master key that has been retired."""
    old_blob = bytes(WrappedKey.objects.get(name=str(client_record.pk)).wrapped)
    old_id = keyring.master_keys().active_id
    do_rotate_master_key(acting_user="system:test")
    do_retire_master_key(old_id, acting_user="system:test")
    assert old_id not in keyring.master_keys().ids()
    with pytest.raises(KeyNotFoundError):
        keyring.master_keys().unwrap(
            old_blob, associated_data=keyring.wrapping_aad(str(client_record.pk))
        )
    assert MasterKeys.key_id_of(old_blob) == old_id
    assert Client.objects.get(pk=client_record.pk).legal_name == "Marisol Ekwueme"


def test_the_cli_refuses_to_retire_an_unknown_key(db, own_key_file, capsys):
    assert main(["keys", "retire", "k-00000000"]) == 2
    assert "cannot retire" in capsys.readouterr().err


def test_shredding_makes_the_clients_fields_unreadable(client_record):
    other = do_create_client(legal_name="Untouched Person", acting_user="system:test")
    do_shred_client(client_record.pk, acting_user="system:test")

    with pytest.raises(keyring.DataKeyDestroyed):
        _ = Client.objects.get(pk=client_record.pk).legal_name
    assert Client.objects.get(pk=other.pk).legal_name == "Untouched Person"


def test_shredding_removes_the_key_material_and_every_blind_index(client_record):
    do_shred_client(client_record.pk, acting_user="system:test")

    assert not WrappedKey.objects.filter(name=str(client_record.pk)).exists()
    row = Client.objects.values(
        "legal_name_index", "preferred_name_index", "date_of_birth_index", "phone_index"
    ).get(pk=client_record.pk)
    assert set(row.values()) == {None}
    # A surviving index would still answer "was this person a client?": none does.
    token = search_token("client-name", "Marisol Ekwueme", "name")
    assert not Client.objects.filter(legal_name_index=token).exists()


def test_shredding_is_audited_and_written_to_the_ledger(
    client_record, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_shred_client(client_record.pk, acting_user="system:test")
    event = AuditEvent.objects.get(action="client.shredded")
    assert event.client_id == str(client_record.pk)
    assert shredded_client_ids() == [str(client_record.pk)]


def test_key_status_lists_every_data_key_once(client_record):
    status = key_status()
    assert sum(status.data_keys_by_master_key.values()) == WrappedKey.objects.count()
