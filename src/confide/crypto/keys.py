"""Data keys (DEKs) and the versioned master keys (KEKs) that wrap them.

Envelope encryption: every client has its own :class:`DataKey`; it is stored
only wrapped by a master key (:meth:`MasterKeys.wrap`). Rotation adds a master
key, makes it active and re-wraps data keys (:meth:`MasterKeys.rewrap`)
without touching field ciphertexts. Destroying a data key shreds every field
sealed under it.

Wrapped data key plaintext (inside the blob format of :mod:`.aead`)::

    key-id length (1) | data key id (ASCII) | 32 raw key bytes

Master key ids are ``"k-"`` followed by 8 random hex digits (for example
``k-3f9a0c1e``); random ids are never reused, so a blob naming a retired key
cannot be confused with a later key. The order of :meth:`MasterKeys.ids` is the
order keys were added (oldest first). Data key ids are 8 random hex digits.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import aead
from ._nopickle import NoPickle
from .errors import DecryptionError, KeyFormatError, KeyNotFoundError

KEY_FILE_FORMAT = "confide-master-keys/1"


class DataKey(NoPickle):
    """A 256-bit data-encryption key (DEK) with a short random id.

    Get one from :meth:`generate` or :meth:`MasterKeys.unwrap`. It cannot be
    pickled or copied, and its ``repr`` shows only the id.
    """

    __slots__ = ("_cipher", "_header", "_key_id", "_raw")

    def __init__(self, raw: bytes, *, key_id: str) -> None:
        """Build a key from 32 raw bytes; raise :class:`KeyFormatError` if unusable.

        Only this package should call this; everyone else generates or unwraps.
        """
        self._key_id = aead.check_key_id(key_id)
        self._raw = aead.check_key_bytes(raw, key_id=key_id)
        self._cipher = AESGCM(self._raw)
        self._header = aead.header(key_id)

    @classmethod
    def generate(cls) -> DataKey:
        """A fresh key from the operating system's CSPRNG."""
        return cls(os.urandom(aead.KEY_SIZE), key_id=secrets.token_hex(4))

    @property
    def key_id(self) -> str:
        """The id written into every blob this key seals (not secret)."""
        return self._key_id

    def seal(self, plaintext: bytes, *, associated_data: bytes) -> bytes:
        """Encrypt and authenticate ``plaintext``, bound to ``associated_data``.

        AES-256-GCM with a fresh 96-bit random nonce, so sealing the same value
        twice gives different blobs. Build ``associated_data`` with
        :func:`confide.crypto.associated_data`. Raises ``TypeError`` for
        non-bytes arguments and ``ValueError`` for empty associated data.
        """
        return aead.seal(self._cipher, self._header, plaintext, associated_data)

    def open(self, ciphertext: bytes, *, associated_data: bytes) -> bytes:
        """Return the plaintext of a blob sealed by this key with this associated data.

        Raises :class:`DecryptionError` if the blob is malformed, truncated,
        tampered with, sealed with other associated data, or names another key
        id. (Another key id is a ``DecryptionError``, not a
        ``KeyNotFoundError``: a single key has no ring to search, and a blob
        copied from another client's record is simply the wrong key.)
        Accepts ``bytes``, ``bytearray`` or ``memoryview``.
        """
        return aead.open_with_header(self._cipher, self._header, ciphertext, associated_data)

    def unsafe_raw_bytes(self) -> bytes:
        """WARNING: return the secret key bytes in the clear.

        Anyone holding these bytes can read every field of this client. The
        only legitimate caller is :meth:`MasterKeys.wrap` (and the blind
        indexer's key derivation). Never log, store, cache or return them.
        """
        return self._raw

    def __repr__(self) -> str:
        return f"<DataKey id={self._key_id}>"


def _encode_data_key(dek: DataKey) -> bytes:
    key_id = dek.key_id.encode("ascii")
    return bytes((len(key_id),)) + key_id + dek.unsafe_raw_bytes()


def _decode_data_key(plaintext: bytes) -> DataKey:
    # The plaintext authenticated under a master key, so malformed content means
    # a bug or a forger holding the master key; still, check every length.
    if not plaintext:
        raise DecryptionError("malformed wrapped key")
    id_length = plaintext[0]
    if len(plaintext) != 1 + id_length + aead.KEY_SIZE:
        raise DecryptionError("malformed wrapped key")
    try:
        key_id = plaintext[1 : 1 + id_length].decode("ascii")
        return DataKey(plaintext[1 + id_length :], key_id=key_id)
    except (UnicodeDecodeError, KeyFormatError):
        raise DecryptionError("malformed wrapped key") from None


def _new_master_key_id(existing: Mapping[str, object]) -> str:
    while True:
        key_id = f"k-{secrets.token_hex(4)}"
        # A collision is a 1-in-2**32 event, but it would silently replace a key
        # still in the ring and lose everything wrapped under it, so check anyway.
        if key_id not in existing:
            return key_id


class MasterKeys(NoPickle):
    """The versioned key-encryption keys (KEKs): several known, one active.

    Immutable: rotation methods return a new instance. Validated at
    construction: every key is 32 bytes, every id well formed, the active id
    present; otherwise :class:`KeyFormatError`. Cannot be pickled; ``repr``
    shows ids only.
    """

    __slots__ = ("_active_header", "_active_id", "_ciphers", "_raw")

    def __init__(self, keys: Mapping[str, bytes], *, active_id: str) -> None:
        """Build a ring from ``{key id: 32 raw bytes}``; :class:`KeyFormatError` if unusable."""
        if not isinstance(keys, Mapping) or not keys:
            raise KeyFormatError("a master key ring needs at least one key")
        raw: dict[str, bytes] = {}
        for key_id, key_bytes in keys.items():
            aead.check_key_id(key_id)
            raw[key_id] = aead.check_key_bytes(key_bytes, key_id=key_id)
        if not isinstance(active_id, str) or active_id not in raw:
            raise KeyFormatError(f"active master key {active_id!r} is not in the ring")
        self._raw = raw
        self._active_id = active_id
        self._active_header = aead.header(active_id)
        self._ciphers = {key_id: AESGCM(key_bytes) for key_id, key_bytes in raw.items()}

    @property
    def active_id(self) -> str:
        """The id of the key that :meth:`wrap` uses."""
        return self._active_id

    def ids(self) -> list[str]:
        """All key ids, in the order they were added (oldest first)."""
        return list(self._raw)

    @classmethod
    def generate(cls) -> MasterKeys:
        """A ring holding one fresh, active master key."""
        key_id = _new_master_key_id({})
        return cls({key_id: os.urandom(aead.KEY_SIZE)}, active_id=key_id)

    def with_new_active_key(self) -> MasterKeys:
        """Rotation step 1: a copy of this ring with a fresh key added and made active.

        Old keys stay, so every existing wrapped key still unwraps. Step 2 is
        :meth:`rewrap` on every wrapped key; step 3, once none names the old
        key, is :meth:`without_key`.
        """
        key_id = _new_master_key_id(self._raw)
        return MasterKeys({**self._raw, key_id: os.urandom(aead.KEY_SIZE)}, active_id=key_id)

    def without_key(self, key_id: str) -> MasterKeys:
        """A copy of this ring with ``key_id`` retired (destroyed in the copy).

        Blobs wrapped under it, including those in old backups, become
        unreadable: :class:`KeyNotFoundError`. Raises :class:`KeyNotFoundError`
        for an unknown id and :class:`KeyFormatError` for the active key,
        which must never be removed.
        """
        if key_id not in self._raw:
            raise KeyNotFoundError(f"no master key {key_id!r} in the ring")
        if key_id == self._active_id:
            raise KeyFormatError(f"refusing to retire the active master key {key_id!r}")
        remaining = {k: v for k, v in self._raw.items() if k != key_id}
        return MasterKeys(remaining, active_id=self._active_id)

    def wrap(self, dek: DataKey, *, associated_data: bytes) -> bytes:
        """Seal ``dek`` (its bytes and its id) under the active master key.

        The blob names the active key id. ``associated_data`` should bind the
        wrapped key to its owner (for example the client's place); the same
        value must be given to :meth:`unwrap`.
        """
        if not isinstance(dek, DataKey):
            raise TypeError("wrap() takes a DataKey")
        cipher = self._ciphers[self._active_id]
        return aead.seal(cipher, self._active_header, _encode_data_key(dek), associated_data)

    def unwrap(self, wrapped: bytes, *, associated_data: bytes) -> DataKey:
        """Recover the data key from a blob made by :meth:`wrap` under any known master key.

        Raises :class:`DecryptionError` if the blob is malformed or does not
        authenticate, :class:`KeyNotFoundError` if it names a master key this
        ring does not hold (retired, or from another installation).
        """
        envelope = aead.parse(wrapped)
        cipher = self._ciphers.get(envelope.key_id)
        if cipher is None:
            raise KeyNotFoundError(f"wrapped key names unknown master key {envelope.key_id!r}")
        return _decode_data_key(aead.open_envelope(cipher, envelope, associated_data))

    def rewrap(self, wrapped: bytes, *, associated_data: bytes) -> bytes:
        """Unwrap with whichever key the blob names, wrap again with the active key.

        Like ``MultiFernet.rotate``: always produces a new blob (fresh nonce),
        even if the blob was already under the active key. Raises as
        :meth:`unwrap`.
        """
        return self.wrap(
            self.unwrap(wrapped, associated_data=associated_data), associated_data=associated_data
        )

    @staticmethod
    def key_id_of(wrapped: bytes) -> str:
        """The master key id a wrapped blob names, without decrypting it.

        For status reports (how many keys still need re-wrapping). The id is
        not authenticated until :meth:`unwrap` succeeds. Raises
        :class:`DecryptionError` if the blob is malformed.
        """
        return aead.parse(wrapped).key_id

    @classmethod
    def from_json(cls, text: str) -> MasterKeys:
        """Parse the key-file document; raise :class:`KeyFormatError` if it is unusable.

        Format::

            {"format": "confide-master-keys/1",
             "active": "k-3f9a0c1e",
             "keys": {"k-3f9a0c1e": "<standard base64 of 32 bytes>", ...}}

        Unknown top-level fields and duplicate JSON keys are rejected: a key
        document is not the place for tolerance.
        """
        if not isinstance(text, str):
            raise TypeError("from_json() takes the document as str")
        try:
            document = json.loads(text, object_pairs_hook=_reject_duplicates)
        except ValueError as error:  # JSONDecodeError and our duplicate check
            # The message of JSONDecodeError quotes no document text, only positions.
            raise KeyFormatError(f"master key document is not valid JSON: {error}") from None
        if not isinstance(document, dict):
            raise KeyFormatError("master key document must be a JSON object")
        if set(document) != {"format", "active", "keys"}:
            raise KeyFormatError("master key document needs exactly: format, active, keys")
        if document["format"] != KEY_FILE_FORMAT:
            raise KeyFormatError(
                f"unknown master key document format {document['format']!r}, "
                f"expected {KEY_FILE_FORMAT!r}"
            )
        encoded_keys = document["keys"]
        if not isinstance(encoded_keys, dict):
            raise KeyFormatError("'keys' must be an object of key id to base64")
        raw = {key_id: _decode_b64_key(key_id, value) for key_id, value in encoded_keys.items()}
        return cls(raw, active_id=document["active"])

    def to_json(self) -> str:
        """WARNING: return the whole ring, secret bytes included, as the key-file document.

        Only a key provider writing a mode-0600 file should call this. Never
        log it, print it, store it in the database or send it anywhere.
        """
        document = {
            "format": KEY_FILE_FORMAT,
            "active": self._active_id,
            "keys": {
                key_id: base64.b64encode(key_bytes).decode("ascii")
                for key_id, key_bytes in self._raw.items()
            },
        }
        return json.dumps(document, indent=2) + "\n"

    def __repr__(self) -> str:
        return f"<MasterKeys active={self._active_id} ids={self.ids()}>"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            # json.loads would silently keep the last one; two values for one
            # key id means the file was edited by hand and may be wrong.
            raise ValueError(f"duplicate name {name!r}")
        result[name] = value
    return result


def _decode_b64_key(key_id: object, value: object) -> bytes:
    aead.check_key_id(key_id)
    if not isinstance(value, str):
        raise KeyFormatError(f"key {key_id!r} must be a base64 string")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise KeyFormatError(f"key {key_id!r} is not valid base64") from None
    return aead.check_key_bytes(raw, key_id=str(key_id))
