"""The exceptions of ``confide.crypto``.

Every error raised on purpose by this package is a :class:`CryptoError`, so a
caller that must fail closed can catch that one class. Messages never contain
key material or plaintext: they name key ids, lengths and file paths only.
"""

from __future__ import annotations


class CryptoError(Exception):
    """Base class of every deliberate error in ``confide.crypto``."""


class DecryptionError(CryptoError):
    """A ciphertext or wrapped key did not authenticate.

    Raised for tampering, a wrong key, wrong associated data, truncation, an
    unknown format version or any other malformed input. The message is
    deliberately vague: telling an attacker *which* check failed helps them.
    """


class KeyNotFoundError(CryptoError):
    """A wrapped key (or a ring operation) names a key id the ring does not hold.

    Distinct from :class:`DecryptionError` so that operators can tell "this
    backup needs a retired master key" from "this data was tampered with".
    """


class KeyFormatError(CryptoError):
    """Key material, a key document or a key file is unusable.

    Raised at construction time (wrong length, bad base64, unknown format tag,
    active id missing, unsafe file permissions) so that a bad key is found when
    the process starts, not at the first decryption.
    """


class KeyFileExistsError(KeyFormatError, FileExistsError):
    """``KeyFileProvider.create`` refused to overwrite an existing key file.

    Also a :class:`FileExistsError`, so generic file-handling code sees what it
    expects.
    """


class SignatureError(CryptoError):
    """An Ed25519 signature did not verify (or the public key is unusable)."""
