"""Loading master keys and unwrapping data keys, with a per-unit-of-work cache.

Unwrapped data keys are cached only inside a ``key_scope()`` (one request, one CLI
command), never across them, so shredding a client takes effect for every process
on its next request.
"""

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from uuid import UUID

from django.conf import settings

from confide.crypto import (
    BlindIndexer,
    DataKey,
    EnvKeyProvider,
    KeyFileProvider,
    MasterKeys,
    associated_data,
)
from confide.vault.models import BLIND_INDEX_KEY, ORGANISATION_KEY, WrappedKey

_scope: ContextVar[dict[str, object] | None] = ContextVar("confide_key_scope", default=None)
_master_cache: dict[str, tuple[float, MasterKeys]] = {}
_INDEXER = "blind-indexer"  # a cache slot; cannot clash with a key name (client ids are UUIDs)


class DataKeyDestroyed(LookupError):
    """The data key was shredded (or never made): the data it protected is gone for good."""


def key_provider() -> KeyFileProvider | EnvKeyProvider:
    if os.environ.get("CONFIDE_MASTER_KEYS"):
        return EnvKeyProvider("CONFIDE_MASTER_KEYS")
    return KeyFileProvider(Path(settings.MASTER_KEY_FILE))


def master_keys() -> MasterKeys:
    """The master keys, reloaded whenever the key file changes (after a rotation)."""
    provider = key_provider()
    if isinstance(provider, EnvKeyProvider):
        return provider.load()
    path = Path(settings.MASTER_KEY_FILE)
    mtime = path.stat().st_mtime
    cached = _master_cache.get(str(path))
    if cached is None or cached[0] != mtime:
        cached = (mtime, provider.load())
        _master_cache[str(path)] = cached
    return cached[1]


def wrapping_aad(name: str) -> bytes:
    client_id = None if name in (ORGANISATION_KEY, BLIND_INDEX_KEY) else name
    return associated_data(
        model="vault.wrappedkey", field="wrapped", row_id=name, client_id=client_id
    )


@contextmanager
def key_scope() -> Iterator[None]:
    """Cache unwrapped keys for the duration of one unit of work, then forget them."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def forget(name: str) -> None:
    cache = _scope.get()
    if cache is not None:
        cache.pop(name, None)


def data_key(name: str) -> DataKey:
    """The unwrapped data key called ``name``; raises DataKeyDestroyed if there is none."""
    cache = _scope.get()
    if cache is not None and name in cache:
        return cache[name]  # type: ignore[return-value]
    row = WrappedKey.objects.filter(name=name).values_list("wrapped", flat=True).first()
    if row is None:
        raise DataKeyDestroyed("this record's data key no longer exists")
    key = master_keys().unwrap(bytes(row), associated_data=wrapping_aad(name))
    if cache is not None:
        cache[name] = key
    return key


def preload_client_keys(client_ids: Iterable[UUID | str]) -> None:
    """Unwrap many clients' keys with one query (list pages), inside a key scope only."""
    cache = _scope.get()
    if cache is None:
        return
    wanted = [str(c) for c in client_ids if str(c) not in cache]
    if not wanted:
        return
    keys = master_keys()
    for name, wrapped in WrappedKey.objects.filter(name__in=wanted).values_list("name", "wrapped"):
        cache[name] = keys.unwrap(bytes(wrapped), associated_data=wrapping_aad(name))


def client_key(client_id: UUID | str) -> DataKey:
    return data_key(str(client_id))


def organisation_key() -> DataKey:
    return data_key(ORGANISATION_KEY)


def blind_indexer() -> BlindIndexer:
    cache = _scope.get()
    indexer = cache.get(_INDEXER) if cache is not None else None
    if indexer is None:
        indexer = BlindIndexer(data_key(BLIND_INDEX_KEY))
        if cache is not None:
            cache[_INDEXER] = indexer
    return indexer  # type: ignore[return-value]


def create_data_key(name: str) -> DataKey:
    """Make and store a new wrapped data key; the caller's transaction records why."""
    key = DataKey.generate()
    wrapped = master_keys().wrap(key, associated_data=wrapping_aad(name))
    WrappedKey.objects.create(name=name, wrapped=wrapped)
    return key


def ensure_organisation_keys() -> None:
    for name in (ORGANISATION_KEY, BLIND_INDEX_KEY):
        if not WrappedKey.objects.filter(name=name).exists():
            create_data_key(name)
