"""Signed checkpoints: written outside the database on commit, refused when tampered with."""

import base64
import json
from pathlib import Path

import pytest
from django.db import transaction

from confide.audit.checkpoints import (
    CheckpointError,
    create_signing_key,
    public_key_b64,
    read_checkpoints,
)
from confide.audit.services import write_checkpoint
from confide.crypto import CheckpointSigner
from tests.audit.helpers import record, stored_row


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _rewrite(path: Path, lines: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(line, sort_keys=True) + "\n" for line in lines))


def test_a_checkpoint_is_written_every_n_events_once_committed(signed_chain, settings):
    lines = _lines(settings.AUDIT_CHECKPOINT_FILE)
    assert [line["seq"] for line in lines] == [5, 10, 15, 20]
    assert all(line["hash"] == stored_row(line["seq"])["hash"] for line in lines)


def test_each_checkpoint_signature_verifies_under_the_public_key(signed_chain, settings):
    found = read_checkpoints(settings.AUDIT_CHECKPOINT_FILE, public_key_b64())
    assert [(c.seq, c.hash) for c in found] == [(s, stored_row(s)["hash"]) for s in (5, 10, 15, 20)]


def test_no_checkpoint_is_written_before_the_transaction_commits(
    db, settings, django_capture_on_commit_callbacks
):
    settings.AUDIT_CHECKPOINT_EVERY = 1
    with django_capture_on_commit_callbacks() as callbacks:
        record(1)
        assert not settings.AUDIT_CHECKPOINT_FILE.exists()
    assert len(callbacks) == 1


def test_a_rolled_back_event_leaves_no_checkpoint(db, settings, django_capture_on_commit_callbacks):
    settings.AUDIT_CHECKPOINT_EVERY = 1
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        record(1)
        raise RuntimeError("the change failed")
    assert not settings.AUDIT_CHECKPOINT_FILE.exists()


def test_write_checkpoint_signs_the_current_head(db, settings):
    record(3)
    assert write_checkpoint() == (3, stored_row(3)["hash"])
    assert [line["seq"] for line in _lines(settings.AUDIT_CHECKPOINT_FILE)] == [3]


def test_write_checkpoint_on_an_empty_log_writes_nothing(db, settings):
    assert write_checkpoint() is None
    assert not settings.AUDIT_CHECKPOINT_FILE.exists()


def test_the_checkpoint_command_signs_the_head(db, settings, capsys):
    from confide.cli import main

    record(2)
    assert main(["audit", "checkpoint"]) == 0
    assert "Signed checkpoint at event 2." in capsys.readouterr().out


def test_a_checkpoint_with_a_tampered_hash_is_refused(signed_chain, settings, audit_verify):
    path = settings.AUDIT_CHECKPOINT_FILE
    lines = _lines(path)
    lines[1]["hash"] = stored_row(9)["hash"]  # claim the head at 10 was event 9's hash
    _rewrite(path, lines)
    verdict = audit_verify()
    assert verdict.code == 1
    assert "checkpoint line 2 has a bad signature" in verdict.err


def test_a_checkpoint_with_a_tampered_seq_is_refused(signed_chain, settings, audit_verify):
    path = settings.AUDIT_CHECKPOINT_FILE
    lines = _lines(path)
    lines[3]["seq"] = 21
    _rewrite(path, lines)
    verdict = audit_verify()
    assert verdict.code == 1
    assert "checkpoint line 4 has a bad signature" in verdict.err


def test_a_checkpoint_with_a_flipped_signature_bit_is_refused(signed_chain, settings, audit_verify):
    path = settings.AUDIT_CHECKPOINT_FILE
    lines = _lines(path)
    signature = bytearray(base64.b64decode(str(lines[0]["sig"])))
    signature[0] ^= 0x01
    lines[0]["sig"] = base64.b64encode(bytes(signature)).decode()
    _rewrite(path, lines)
    verdict = audit_verify()
    assert verdict.code == 1
    assert "checkpoint line 1 has a bad signature" in verdict.err


def test_checkpoints_signed_with_another_key_are_refused(
    signed_chain, settings, audit_verify, tmp_path
):
    # An attacker who rewrites the table and re-signs with a key of their own gains nothing.
    genuine = public_key_b64()
    create_signing_key(tmp_path / "attacker.json")
    settings.AUDIT_SIGNING_KEY_FILE = tmp_path / "attacker.json"
    write_checkpoint()
    verdict = audit_verify("--public-key", genuine)
    assert verdict.code == 1
    assert "checkpoint line 5 has a bad signature" in verdict.err


def test_an_unreadable_checkpoint_line_is_refused(signed_chain, settings, audit_verify):
    with settings.AUDIT_CHECKPOINT_FILE.open("a") as handle:
        handle.write("{not json\n")
    verdict = audit_verify()
    assert verdict.code == 1
    assert "checkpoint line 5 is unreadable" in verdict.err


def test_a_checkpoint_file_given_on_the_command_line_is_used(
    signed_chain, settings, audit_verify, tmp_path
):
    elsewhere = tmp_path / "copy.jsonl"
    elsewhere.write_text(settings.AUDIT_CHECKPOINT_FILE.read_text())
    settings.AUDIT_CHECKPOINT_FILE.unlink()
    verdict = audit_verify("--checkpoints", str(elsewhere))
    assert verdict.code == 0, verdict.err
    assert "4 signed checkpoints match" in verdict.out


def test_an_unreadable_public_key_is_a_command_error(db, settings, audit_verify, tmp_path):
    settings.AUDIT_SIGNING_KEY_FILE = tmp_path / "missing.json"
    verdict = audit_verify()
    assert verdict.code == 2
    assert "cannot read the checkpoint public key" in verdict.err


def test_a_signature_from_a_fresh_key_does_not_verify_under_ours(signed_chain, settings):
    stranger = CheckpointSigner.generate()
    with pytest.raises(CheckpointError):
        read_checkpoints(settings.AUDIT_CHECKPOINT_FILE, stranger.public_key_b64())


def test_a_deleted_checkpoint_file_is_detected(signed_chain, settings, audit_verify):
    settings.AUDIT_CHECKPOINT_FILE.unlink()
    verdict = audit_verify()
    assert verdict.names_first_bad_event(20)
    assert "checkpoint file is missing or was cut" in verdict.err


def test_a_checkpoint_file_cut_short_is_detected(signed_chain, settings, audit_verify):
    path = settings.AUDIT_CHECKPOINT_FILE
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:2]))
    assert audit_verify().names_first_bad_event(20)


def test_events_since_the_last_due_checkpoint_need_none_yet(signed_chain, settings, audit_verify):
    from tests.audit.helpers import record

    record(3)  # 21..23: the next checkpoint is due at 25
    assert audit_verify().code == 0
