"""Thin wrappers over HKDF-SHA256 and HMAC-SHA256, tested against their RFC vectors."""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def hkdf_sha256(ikm: bytes, *, salt: bytes | None, info: bytes, length: int) -> bytes:
    """HKDF-SHA256 (RFC 5869): ``length`` bytes derived from ``ikm`` for purpose ``info``.

    ``salt`` may be None when ``ikm`` is already a uniformly random key.
    """
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104 / RFC 4231), 32 bytes."""
    # The standard library's one-shot HMAC runs in C; creating a cryptography
    # HMAC object per call costs several times more for short index values.
    return hmac.digest(key, message, hashlib.sha256)
