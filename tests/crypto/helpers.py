"""Shared builders for the crypto tests (plain functions, no fixtures, no Django)."""

from confide.crypto import associated_data


def note_body_place(*, row_id: str = "row-1", client_id: str | None = "client-1") -> bytes:
    return associated_data(model="notes.Note", field="body", row_id=row_id, client_id=client_id)


def flipped(blob: bytes, index: int, bit: int = 0) -> bytes:
    changed = bytearray(blob)
    changed[index] ^= 1 << bit
    return bytes(changed)
