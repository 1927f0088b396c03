"""The sealed-blob format shared by field ciphertexts and wrapped data keys.

Layout of every blob this package produces (all lengths in bytes)::

    +---------+------------+-----------------+-----------+--------------------------+
    | version | key-id len | key id (ASCII)  | nonce     | AES-256-GCM ciphertext   |
    | 1: 0x01 | 1: n       | n (1..32)       | 12        | len(plaintext) + 16 tag  |
    +---------+------------+-----------------+-----------+--------------------------+

* ``version`` is ``0x01``; any other value is rejected, so a future format can
  be introduced without ambiguity.
* ``key id`` names the key that sealed the blob: a data key's id for field
  ciphertexts, a master key's id for wrapped data keys. It matches
  ``[A-Za-z0-9_-]{1,32}``.
* The nonce is 96 random bits, fresh for every seal. Random nonces are safe for
  about 2**32 seals under one key; a per-client data key is nowhere near that.
* The GCM associated data is ``header || associated_data`` where ``header`` is
  ``version || key-id len || key id``. Binding the header means the version
  byte and key id cannot be swapped; the header is self-delimiting (it carries
  its own length), so the concatenation is unambiguous.

Parsing checks every length before slicing, and every malformed input becomes a
:class:`DecryptionError`, never an ``IndexError`` or ``ValueError``.

This module is internal: callers use :class:`confide.crypto.DataKey` and
:class:`confide.crypto.MasterKeys`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import DecryptionError, KeyFormatError

VERSION = 0x01
KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
MAX_KEY_ID_LENGTH = 32

_KEY_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")
# version byte + key-id length byte + shortest key id + nonce + tag.
MIN_BLOB_SIZE = 2 + 1 + NONCE_SIZE + TAG_SIZE

BytesLike = bytes | bytearray | memoryview


def check_key_id(key_id: object) -> str:
    """Return ``key_id`` if it is a valid key id, else raise :class:`KeyFormatError`."""
    if not isinstance(key_id, str) or not _KEY_ID_PATTERN.fullmatch(key_id):
        raise KeyFormatError(f"invalid key id {key_id!r}: expected [A-Za-z0-9_-]{{1,32}}")
    return key_id


def check_key_bytes(raw: object, *, key_id: str) -> bytes:
    """Return ``raw`` if it is exactly 32 bytes, else raise :class:`KeyFormatError`."""
    if not isinstance(raw, bytes):
        raise KeyFormatError(f"key {key_id!r} must be bytes, not {type(raw).__name__}")
    if len(raw) != KEY_SIZE:
        # The length is not secret; the bytes are, so they never enter the message.
        raise KeyFormatError(f"key {key_id!r} must be {KEY_SIZE} bytes, got {len(raw)}")
    return raw


def check_associated_data(associated_data: object) -> bytes:
    """Validate the caller's associated data.

    Raises ``TypeError`` if it is not ``bytes`` and ``ValueError`` if it is
    empty: every blob must be bound to a place, so an empty value is a bug.
    """
    if not isinstance(associated_data, bytes):
        raise TypeError("associated_data must be bytes (build it with associated_data())")
    if not associated_data:
        raise ValueError("associated_data must not be empty (build it with associated_data())")
    return associated_data


def as_bytes(data: object, *, what: str) -> bytes:
    """Accept bytes-like input (PostgreSQL drivers return ``memoryview``) as ``bytes``."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray | memoryview):
        return bytes(data)
    raise TypeError(f"{what} must be bytes, not {type(data).__name__}")


def header(key_id: str) -> bytes:
    """The blob prefix for ``key_id``: version, key-id length, key id."""
    encoded = check_key_id(key_id).encode("ascii")
    return bytes((VERSION, len(encoded))) + encoded


@dataclass(frozen=True, slots=True)
class Envelope:
    """A parsed, not yet authenticated, blob."""

    key_id: str
    header: bytes
    nonce: bytes
    body: bytes


def parse(blob: object) -> Envelope:
    """Split a blob into its parts, checking every length first.

    Raises :class:`DecryptionError` for any malformed blob, ``TypeError`` if
    ``blob`` is not bytes-like. Nothing is authenticated yet.
    """
    data = as_bytes(blob, what="ciphertext")
    if len(data) < MIN_BLOB_SIZE:
        raise DecryptionError("malformed ciphertext")
    if data[0] != VERSION:
        raise DecryptionError("malformed ciphertext")
    id_length = data[1]
    if not 1 <= id_length <= MAX_KEY_ID_LENGTH:
        raise DecryptionError("malformed ciphertext")
    nonce_start = 2 + id_length
    body_start = nonce_start + NONCE_SIZE
    if len(data) < body_start + TAG_SIZE:
        raise DecryptionError("malformed ciphertext")
    raw_id = data[2:nonce_start]
    # Bytes >= 0x80 are not ASCII; the pattern check then rejects everything else.
    key_id = raw_id.decode("latin-1")
    if not raw_id.isascii() or not _KEY_ID_PATTERN.fullmatch(key_id):
        raise DecryptionError("malformed ciphertext")
    return Envelope(
        key_id=key_id,
        header=data[:nonce_start],
        nonce=data[nonce_start:body_start],
        body=data[body_start:],
    )


def seal(cipher: AESGCM, prefix: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """Seal ``plaintext`` under ``cipher`` with a fresh random nonce.

    ``prefix`` is :func:`header` of the sealing key's id, computed once per key.
    """
    if type(plaintext) is not bytes and not isinstance(plaintext, bytes):
        raise TypeError("plaintext must be bytes")
    check_associated_data(associated_data)
    nonce = os.urandom(NONCE_SIZE)
    return prefix + nonce + cipher.encrypt(nonce, plaintext, prefix + associated_data)


def _seal_with_nonce(
    cipher: AESGCM, prefix: bytes, plaintext: bytes, associated_data: bytes, nonce: bytes
) -> bytes:
    # Test hook: a fixed nonce lets the tests compare the layout byte for byte.
    # Production code must go through seal(), which draws a fresh nonce.
    if not isinstance(plaintext, bytes):
        raise TypeError("plaintext must be bytes")
    check_associated_data(associated_data)
    return prefix + nonce + cipher.encrypt(nonce, plaintext, prefix + associated_data)


def open_envelope(cipher: AESGCM, envelope: Envelope, associated_data: bytes) -> bytes:
    """Authenticate and decrypt a parsed blob; raise :class:`DecryptionError` on any failure."""
    return _decrypt(cipher, envelope.header, envelope.nonce, envelope.body, associated_data)


def open_with_header(cipher: AESGCM, prefix: bytes, blob: object, associated_data: bytes) -> bytes:
    """Open a blob that must start with ``prefix`` (the one key that can open it).

    The fast path of :meth:`DataKey.open`: comparing the whole header at once
    replaces parsing it. Raises :class:`DecryptionError` if the blob is
    malformed, starts with another header, or does not authenticate.
    """
    data = blob if type(blob) is bytes else as_bytes(blob, what="ciphertext")
    id_end = len(prefix)
    body_start = id_end + NONCE_SIZE
    if len(data) < body_start + TAG_SIZE or not data.startswith(prefix):
        parse(data)  # raises "malformed" if it is; otherwise it is another key's blob
        raise DecryptionError("ciphertext was sealed with another key")
    check_associated_data(associated_data)
    try:
        return cipher.decrypt(data[id_end:body_start], data[body_start:], prefix + associated_data)
    except InvalidTag:
        raise DecryptionError("ciphertext failed authentication") from None


def _decrypt(
    cipher: AESGCM, prefix: bytes, nonce: bytes, body: bytes, associated_data: bytes
) -> bytes:
    check_associated_data(associated_data)
    try:
        return cipher.decrypt(nonce, body, prefix + associated_data)
    except InvalidTag:
        raise DecryptionError("ciphertext failed authentication") from None
