"""Signed checkpoints of the chain head, kept in a file outside the database.

Each line is JSON: sequence number, head hash, time and an Ed25519 signature over
``confide-checkpoint/1|<seq>|<hash>``. Someone who rewrites the whole table with a
consistent new chain cannot forge these without the signing key, which lives in the
key directory, not in the database.
"""

import base64
import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from confide.crypto import CheckpointSigner, SignatureError, verify_signature

_FORMAT = "confide-audit-signing/1"


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    signature: bytes

    @property
    def message(self) -> bytes:
        return signed_message(self.seq, self.hash)


def signed_message(seq: int, head_hash: str) -> bytes:
    return f"confide-checkpoint/1|{seq}|{head_hash}".encode()


def create_signing_key(path: Path) -> None:
    """Write a fresh signing key (mode 0600); refuses to overwrite an existing one."""
    signer = CheckpointSigner.generate()
    document = {
        "format": _FORMAT,
        "private": signer.to_private_b64(),
        "public": signer.public_key_b64(),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle)


def _read_key_document(path: Path) -> dict[str, str]:
    document = json.loads(path.read_text())
    if document.get("format") != _FORMAT:
        raise ValueError(f"{path} is not a Confide audit signing key")
    return document


def public_key_b64(path: Path | None = None) -> str:
    return _read_key_document(path or settings.AUDIT_SIGNING_KEY_FILE)["public"]


def append_checkpoint(seq: int, head_hash: str) -> None:
    document = _read_key_document(settings.AUDIT_SIGNING_KEY_FILE)
    signer = CheckpointSigner.from_private_bytes_b64(document["private"])
    line = json.dumps(
        {
            "seq": seq,
            "hash": head_hash,
            "at": int(time.time()),
            "sig": base64.b64encode(signer.sign(signed_message(seq, head_hash))).decode(),
        },
        sort_keys=True,
    )
    path = Path(settings.AUDIT_CHECKPOINT_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        # Several processes may append; the lock keeps each line whole.
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_checkpoints(path: Path, public_key: str) -> list[Checkpoint]:
    """All checkpoints in the file, each signature verified; raises on a bad one."""
    if not path.exists():
        return []
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            checkpoint = Checkpoint(int(raw["seq"]), str(raw["hash"]), base64.b64decode(raw["sig"]))
        except (ValueError, KeyError, TypeError) as error:
            raise CheckpointError(f"checkpoint line {number} is unreadable") from error
        try:
            verify_signature(public_key, checkpoint.message, checkpoint.signature)
        except SignatureError as error:
            raise CheckpointError(f"checkpoint line {number} has a bad signature") from error
        found.append(checkpoint)
    return found


class CheckpointError(Exception):
    pass
