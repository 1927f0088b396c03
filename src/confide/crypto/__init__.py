"""Confide's cryptography: envelope encryption, blind indexes, checkpoint signatures.

A pure library (no Django imports) and the only part of Confide allowed to
import ``cryptography.hazmat``. Everyone else uses the names below.

* Fields: ``DataKey.seal(plaintext, associated_data=associated_data(...))`` and
  ``DataKey.open(...)``: AES-256-GCM with a fresh random nonce, bound to the
  record's place.
* Data keys are stored only wrapped: ``MasterKeys.wrap/unwrap/rewrap``, with
  master keys from a ``KeyFileProvider`` or ``EnvKeyProvider``.
* Search on encrypted fields: ``BlindIndexer.compute(field, value, kind=...)``.
* Audit checkpoints: ``CheckpointSigner`` and ``verify_signature``.

Every blob (field ciphertext or wrapped key) has the layout::

    version (1, 0x01) | key-id length (1) | key id (ASCII) | nonce (12) | ciphertext + tag (16)

with ``version | key-id length | key id`` also bound into the GCM associated
data. Details in :mod:`confide.crypto.aead`.
"""

from .aad import associated_data
from .blind_index import BlindIndexer
from .errors import (
    CryptoError,
    DecryptionError,
    KeyFileExistsError,
    KeyFormatError,
    KeyNotFoundError,
    SignatureError,
)
from .keys import DataKey, MasterKeys
from .normalise import normalise
from .providers import EnvKeyProvider, KeyFileProvider, KeyProvider
from .secrets_hash import constant_time_equal, hash_secret
from .signing import CheckpointSigner, verify_signature

__all__ = [
    "BlindIndexer",
    "CheckpointSigner",
    "CryptoError",
    "DataKey",
    "DecryptionError",
    "EnvKeyProvider",
    "KeyFileExistsError",
    "KeyFileProvider",
    "KeyFormatError",
    "KeyNotFoundError",
    "KeyProvider",
    "MasterKeys",
    "SignatureError",
    "associated_data",
    "constant_time_equal",
    "hash_secret",
    "normalise",
    "verify_signature",
]
