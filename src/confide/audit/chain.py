"""The canonical encoding and hash of an audit event (pure; no database).

An event's hash is SHA-256 over its stored columns, in ``HASHED_COLUMNS`` order,
joined by the ASCII unit separator and prefixed with a format tag. Short columns
are restricted to a token alphabet and details are ASCII-escaped JSON, so no
column can contain the separator; ``event_hash`` still refuses one, so a row
edited to shift text across a column boundary can never hash like the original.
"""

import hashlib
import json
import re
from collections.abc import Sequence

GENESIS_HASH = "0" * 64
SEPARATOR = "\x1f"
FORMAT_TAG = "confide-audit/1"
HASHED_COLUMNS = (
    "seq",
    "at_us",
    "actor_id",
    "action",
    "resource_type",
    "resource_id",
    "client_id",
    "purpose",
    "outcome",
    "request_id",
    "details",
    "prev_hash",
)
_SEPARATORS_IN_AN_EVENT = len(HASHED_COLUMNS)  # one after the tag, then between columns

TOKEN = re.compile(r"[A-Za-z0-9_.:\-]{0,64}")
DETAIL_KEY = re.compile(r"[a-z][a-z0-9_]{0,40}")
DETAIL_TEXT = re.compile(r"[A-Za-z0-9_.:/+\-]{0,80}")


class MalformedEvent(ValueError):
    """A column holds something the canonical encoding does not allow."""


def event_hash(values: Sequence[object]) -> str:
    """Hash one event given its ``HASHED_COLUMNS`` values as stored."""
    return hash_of_encoding(SEPARATOR.join([FORMAT_TAG, *map(str, values)]))


def hash_of_encoding(encoded: str) -> str:
    """Hash an event already encoded (by ``event_hash`` or by the database, for verify)."""
    if encoded.count(SEPARATOR) != _SEPARATORS_IN_AN_EVENT:
        raise MalformedEvent("a column contains the separator")
    return hashlib.sha256(encoded.encode()).hexdigest()


def check_token(name: str, value: str) -> str:
    if not TOKEN.fullmatch(value):
        raise MalformedEvent(f"{name} must be a short token without spaces")
    return value


def encode_details(details: dict[str, object] | None) -> str:
    """Canonical JSON for event details, refusing anything that could carry free text.

    Details describe *what happened* (counts, flags, field names, codes), never
    who the client is: values are numbers, booleans, None or short tokens.
    """
    details = details or {}
    for key, value in details.items():
        if not DETAIL_KEY.fullmatch(key):
            raise MalformedEvent(f"detail key {key!r} is not a lower-case token")
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, str):
                if not DETAIL_TEXT.fullmatch(item):
                    raise MalformedEvent(f"detail {key!r} must be a short token, not free text")
            elif item is not None and not isinstance(item, bool | int | float):
                raise MalformedEvent(f"detail {key!r} has an unsupported type")
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
