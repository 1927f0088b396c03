"""The one function that builds associated data from a record's place.

A ciphertext sealed for one place (model, field, row, client) fails to open
anywhere else, so copying an encrypted value into another row, field or
client's record is detected instead of silently "working".
"""

from __future__ import annotations

_TAG = "confide-aad/1"
# Organisation-level data has no client; this marker takes the client's slot.
ORGANISATION = "org"


def associated_data(*, model: str, field: str, row_id: str, client_id: str | None) -> bytes:
    """Canonical associated data for the value of ``field`` in row ``row_id`` of ``model``.

    Encoding: the version tag ``"confide-aad/1"`` then model, field, row id and
    client id (``"org"`` when ``client_id`` is None), each as a 4-byte
    big-endian length followed by its UTF-8 bytes. Length prefixes make the
    encoding unambiguous (``("ab", "c")`` and ``("a", "bc")`` differ); the tag
    lets a future encoding coexist.

    Raises ``TypeError`` if a part is not a string and ``ValueError`` if a part
    is empty, is not encodable as UTF-8 (lone surrogates), or if ``client_id``
    is the literal ``"org"`` (which would collide with organisation data).
    """
    if client_id == ORGANISATION:
        raise ValueError(f"client_id {ORGANISATION!r} is reserved for organisation data")
    parts = (
        ("tag", _TAG),
        ("model", model),
        ("field", field),
        ("row_id", row_id),
        ("client_id", ORGANISATION if client_id is None else client_id),
    )
    encoded = bytearray()
    for name, value in parts:
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        if not value:
            raise ValueError(f"{name} must not be empty")
        data = value.encode("utf-8")  # UnicodeEncodeError is a ValueError
        encoded += len(data).to_bytes(4, "big") + data
    return bytes(encoded)
