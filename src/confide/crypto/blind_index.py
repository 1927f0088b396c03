"""Blind indexes: exact-match search tokens for encrypted fields.

``compute(field, value, kind)`` is HMAC-SHA256 over the UTF-8 of
``normalise(value, kind)``, keyed by a per-(field, kind) key derived with
HKDF-SHA256 from the organisation's index root key::

    field key = HKDF-SHA256(ikm=root key, salt=none, length=32,
                            info="confide-blind-index/1" | len(field) | field | len(kind) | kind)

(lengths are 4-byte big-endian). The digest is the full 32 bytes: truncation
would save a few bytes per row and buy nothing here. Per-field keys mean equal
values in different fields do not produce equal tokens, so tokens cannot be
joined across columns. What a blind index still reveals: which rows share a
value in the same field. Index only fields where that is acceptable.
"""

from __future__ import annotations

from ._nopickle import NoPickle
from .kdf import hkdf_sha256, hmac_sha256
from .keys import DataKey
from .normalise import normalise

DIGEST_SIZE = 32
_INFO_PREFIX = b"confide-blind-index/1"


def _length_prefixed(text: str) -> bytes:
    data = text.encode("utf-8")
    return len(data).to_bytes(4, "big") + data


class BlindIndexer(NoPickle):
    """Computes blind index tokens under one root key. Cannot be pickled."""

    __slots__ = ("_field_keys", "_root", "_root_id")

    def __init__(self, root_key: DataKey) -> None:
        """Use ``root_key`` (the organisation's index key) as the HKDF input key."""
        if not isinstance(root_key, DataKey):
            raise TypeError("BlindIndexer needs a DataKey as its root key")
        self._root = root_key.unsafe_raw_bytes()
        self._root_id = root_key.key_id
        # Derived keys are cached: field names are code constants, so the cache
        # stays small, and HKDF per lookup would dominate the cost.
        self._field_keys: dict[tuple[str, str], bytes] = {}

    def compute(self, field: str, value: str, *, kind: str = "text") -> bytes:
        """The 32-byte token for ``value`` in ``field``, normalised as ``kind``.

        ``field`` names the indexed column (for example ``"clients.Client.dob"``)
        and must be the same string when storing and when searching; so must
        ``kind``. Raises ``TypeError``/``ValueError`` as :func:`normalise`, and
        ``ValueError`` for an empty field name.
        """
        if not isinstance(field, str) or not field:
            raise ValueError("field must be a non-empty str")
        canonical = normalise(value, kind)
        try:
            message = canonical.encode("utf-8")
        except UnicodeEncodeError:
            # Do not chain: the original message quotes the offending character.
            raise ValueError("value is not valid Unicode text") from None
        return hmac_sha256(self._field_key(field, kind), message)

    def _field_key(self, field: str, kind: str) -> bytes:
        key = self._field_keys.get((field, kind))
        if key is None:
            info = _INFO_PREFIX + _length_prefixed(field) + _length_prefixed(kind)
            key = hkdf_sha256(self._root, salt=None, info=info, length=DIGEST_SIZE)
            self._field_keys[(field, kind)] = key
        return key

    def __repr__(self) -> str:
        return f"<BlindIndexer root={self._root_id}>"
