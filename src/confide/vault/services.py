"""Key operations: rotation of the master key, status, retirement, crypto-shredding."""

import fcntl
import json
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.db import transaction

from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.crypto import MasterKeys
from confide.vault import keyring
from confide.vault.fields import blind_index_fields, client_lookup
from confide.vault.models import WrappedKey


@dataclass(frozen=True)
class KeyStatus:
    active_id: str
    master_key_ids: list[str]
    data_keys_by_master_key: dict[str, int]


def key_status() -> KeyStatus:
    """Which master key wraps how many data keys (an unused old key can then be retired)."""
    keys = keyring.master_keys()
    counts = Counter(
        MasterKeys.key_id_of(bytes(blob))
        for blob in WrappedKey.objects.values_list("wrapped", flat=True).iterator()
    )
    by_key = {key_id: counts.get(key_id, 0) for key_id in keys.ids()}
    # A data key wrapped by a master key no longer in the ring is listed too: it is unreadable.
    by_key.update({key_id: n for key_id, n in counts.items() if key_id not in by_key})
    return KeyStatus(keys.active_id, keys.ids(), by_key)


def do_rotate_master_key(*, acting_user: object) -> KeyStatus:
    """Add a new active master key and re-wrap every data key under it.

    Field ciphertexts are untouched: only the small wrapped keys change. The new key
    is saved to the key store first, so a crash midway leaves every data key readable
    (some under the old key, some under the new), and running rotate again finishes.
    """
    provider = keyring.key_provider()
    rotated = keyring.master_keys().with_new_active_key()
    provider.save(rotated)
    with transaction.atomic():
        count = 0
        for row in WrappedKey.objects.select_for_update().iterator():
            aad = keyring.wrapping_aad(row.name)
            row.wrapped = rotated.rewrap(bytes(row.wrapped), associated_data=aad)
            row.save(update_fields=["wrapped"])
            count += 1
        record_event(
            Action.KEYS_ROTATED,
            actor=acting_user,
            resource_type="master_key",
            resource_id=rotated.active_id,
            details={"rewrapped": count},
        )
    return key_status()


class KeyInUse(Exception):
    pass


def do_retire_master_key(key_id: str, *, acting_user: object) -> None:
    """Remove an old master key from the ring. Backups whose data keys it wrapped become
    unreadable, which is the point after a shred; refuses while any data key still uses it."""
    status = key_status()
    if status.data_keys_by_master_key.get(key_id, 0):
        raise KeyInUse(f"{key_id} still wraps data keys: rotate first")
    keyring.key_provider().save(keyring.master_keys().without_key(key_id))
    record_event(
        Action.KEY_RETIRED, actor=acting_user, resource_type="master_key", resource_id=key_id
    )


def do_shred_client(client_id: UUID | str, *, acting_user: object) -> None:
    """Crypto-shred: destroy one client's data key and every blind index of theirs.

    Afterwards every encrypted field of the client fails to decrypt everywhere at once,
    and no surviving index can answer "was this person a client?". The shred ledger
    (beside the master keys, outside the database) lets a restore re-apply it.
    """
    client_id = str(client_id)
    with transaction.atomic():
        deleted, _ = WrappedKey.objects.filter(name=client_id).delete()
        cleared = 0
        for model in apps.get_models():
            owner = client_lookup(model)
            fields = blind_index_fields(model)
            if owner and fields:
                cleared += model.objects.filter(**{owner: client_id}).update(
                    **{field.name: None for field in fields}
                )
        record_event(
            Action.CLIENT_SHREDDED,
            actor=acting_user,
            resource_type="client",
            resource_id=client_id,
            client_id=client_id,
            details={"data_keys_destroyed": deleted, "index_rows_cleared": cleared},
        )
        transaction.on_commit(lambda: append_shred_ledger(client_id))
    keyring.forget(client_id)


def append_shred_ledger(client_id: str) -> None:
    path = Path(settings.SHRED_LEDGER_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(json.dumps({"client_id": client_id, "at": int(time.time())}) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def shredded_client_ids() -> list[str]:
    path = Path(settings.SHRED_LEDGER_FILE)
    if not path.exists():
        return []
    return [json.loads(line)["client_id"] for line in path.read_text().splitlines() if line]
