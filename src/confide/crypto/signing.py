"""Ed25519 signatures for audit checkpoints.

A checkpoint (sequence number and head hash of the audit chain) is signed and
also written outside the database, so rewriting the whole audit table is
detected by anyone holding the public key.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ._nopickle import NoPickle
from .errors import KeyFormatError, SignatureError

_KEY_SIZE = 32
_SIGNATURE_SIZE = 64


def _decode_b64(text: object, *, size: int) -> bytes | None:
    # Strict standard base64 of exactly `size` bytes, or None.
    if not isinstance(text, str):
        return None
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        return None
    return raw if len(raw) == size else None


class CheckpointSigner(NoPickle):
    """Holds an Ed25519 private key. Cannot be pickled; ``repr`` shows the public key only."""

    __slots__ = ("_private",)

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        if not isinstance(private_key, Ed25519PrivateKey):
            raise KeyFormatError("CheckpointSigner needs an Ed25519 private key")
        self._private = private_key

    @classmethod
    def generate(cls) -> CheckpointSigner:
        """A signer with a fresh key."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes_b64(cls, text: str) -> CheckpointSigner:
        """Load the 32-byte private seed from standard base64.

        Raises :class:`KeyFormatError` for bad base64 or a wrong length.
        """
        raw = _decode_b64(text, size=_KEY_SIZE)
        if raw is None:
            raise KeyFormatError("signing key must be standard base64 of 32 bytes")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def to_private_b64(self) -> str:
        """WARNING: return the private seed, base64, in the clear.

        Whoever holds it can forge audit checkpoints. Only ``confide init`` (or
        a key provider writing a mode-0600 file) should call this; never log it
        or store it in the database.
        """
        raw = self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return base64.b64encode(raw).decode("ascii")

    def public_key_b64(self) -> str:
        """The 32-byte public key, standard base64: publish it, pin it, print it."""
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode("ascii")

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message`` (deterministic, RFC 8032)."""
        if not isinstance(message, bytes):
            raise TypeError("message must be bytes")
        return self._private.sign(message)

    def __repr__(self) -> str:
        return f"<CheckpointSigner public={self.public_key_b64()}>"


def verify_signature(public_key_b64: str, message: bytes, signature: bytes) -> None:
    """Return only if ``signature`` is a valid Ed25519 signature of ``message``.

    Raises :class:`SignatureError` for a bad signature, a signature of the wrong
    length, or an unusable public key: every failure raises, nothing returns
    False, so a forgotten ``if`` cannot turn into an accepted checkpoint.
    """
    if not isinstance(message, bytes) or not isinstance(signature, bytes):
        raise TypeError("message and signature must be bytes")
    raw_public = _decode_b64(public_key_b64, size=_KEY_SIZE)
    if raw_public is None:
        raise SignatureError("public key must be standard base64 of 32 bytes")
    if len(signature) != _SIGNATURE_SIZE:
        raise SignatureError("signature did not verify")
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        raise SignatureError("signature did not verify") from None
