"""Ed25519 checkpoint signatures and the bearer-secret helpers."""

import base64
import hashlib

import pytest

from confide.crypto import (
    CheckpointSigner,
    KeyFormatError,
    SignatureError,
    constant_time_equal,
    hash_secret,
    verify_signature,
)

from .helpers import flipped

pytestmark = pytest.mark.pure

CHECKPOINT = b"seq=1042;head=" + hashlib.sha256(b"chain").hexdigest().encode()


@pytest.fixture
def signer() -> CheckpointSigner:
    return CheckpointSigner.generate()


def test_a_signature_verifies_under_the_signers_public_key(signer):
    assert verify_signature(signer.public_key_b64(), CHECKPOINT, signer.sign(CHECKPOINT)) is None


def test_a_tampered_message_raises_signature_error(signer):
    signature = signer.sign(CHECKPOINT)
    with pytest.raises(SignatureError):
        verify_signature(signer.public_key_b64(), CHECKPOINT.replace(b"1042", b"1043"), signature)


def test_every_flipped_byte_of_the_signature_raises_signature_error(signer):
    signature = signer.sign(CHECKPOINT)
    for index in range(len(signature)):
        with pytest.raises(SignatureError):
            verify_signature(signer.public_key_b64(), CHECKPOINT, flipped(signature, index, 3))


@pytest.mark.parametrize("length", [0, 32, 63, 65])
def test_a_signature_of_the_wrong_length_raises_signature_error(signer, length):
    signature = (signer.sign(CHECKPOINT) * 2)[:length]
    with pytest.raises(SignatureError):
        verify_signature(signer.public_key_b64(), CHECKPOINT, signature)


def test_another_signers_key_raises_signature_error(signer):
    with pytest.raises(SignatureError):
        verify_signature(
            CheckpointSigner.generate().public_key_b64(), CHECKPOINT, signer.sign(CHECKPOINT)
        )


@pytest.mark.parametrize(
    "public_key", ["", "not base64!", base64.b64encode(bytes(31)).decode(), "ÀÀÀÀ", None]
)
def test_an_unusable_public_key_raises_signature_error(signer, public_key):
    with pytest.raises(SignatureError):
        verify_signature(public_key, CHECKPOINT, signer.sign(CHECKPOINT))


def test_verification_refuses_text_arguments(signer):
    with pytest.raises(TypeError):
        verify_signature(signer.public_key_b64(), CHECKPOINT.decode(), signer.sign(CHECKPOINT))


def test_signing_refuses_text(signer):
    with pytest.raises(TypeError):
        signer.sign("seq=1")


def test_a_signer_restored_from_its_private_key_signs_identically(signer):
    restored = CheckpointSigner.from_private_bytes_b64(signer.to_private_b64())
    assert restored.public_key_b64() == signer.public_key_b64()
    assert restored.sign(CHECKPOINT) == signer.sign(CHECKPOINT)


@pytest.mark.parametrize(
    "text",
    ["", "!!!!", base64.b64encode(bytes(31)).decode(), base64.b64encode(bytes(33)).decode(), 7],
)
def test_a_bad_private_key_is_refused_at_construction(text):
    with pytest.raises(KeyFormatError):
        CheckpointSigner.from_private_bytes_b64(text)


def test_a_signer_needs_an_ed25519_private_key():
    with pytest.raises(KeyFormatError):
        CheckpointSigner(b"\x00" * 32)


def test_constant_time_equal_compares_bytes():
    assert constant_time_equal(b"abc", b"abc")
    assert not constant_time_equal(b"abc", b"abd")
    assert not constant_time_equal(b"abc", b"ab")


def test_constant_time_equal_refuses_text():
    with pytest.raises(TypeError):
        constant_time_equal("abc", b"abc")


def test_hash_secret_is_sha256_hex():
    # FIPS 180-2 example: SHA-256("abc").
    assert hash_secret("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_hash_secret_refuses_an_empty_secret():
    with pytest.raises(ValueError):
        hash_secret("")
