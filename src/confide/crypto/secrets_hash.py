"""Helpers for bearer secrets (API tokens, one-time links).

Only hashes of bearer secrets are stored, and comparisons run in constant time.
"""

from __future__ import annotations

import hashlib
import hmac


def constant_time_equal(a: bytes, b: bytes) -> bool:
    """Compare two byte strings without leaking where they differ through timing."""
    if not isinstance(a, bytes) or not isinstance(b, bytes):
        raise TypeError("constant_time_equal() compares bytes")
    return hmac.compare_digest(a, b)


def hash_secret(secret: str) -> str:
    """SHA-256 hex digest of a bearer secret, for storing instead of the secret.

    Only for high-entropy random secrets (for example ``secrets.token_urlsafe(32)``):
    an unsalted fast hash is right for those and wrong for passwords, which use
    Argon2id through Django's hashers.
    """
    if not isinstance(secret, str) or not secret:
        raise ValueError("secret must be a non-empty str")
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
