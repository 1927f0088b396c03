"""Published test vectors, and the documented formats checked byte for byte.

Vectors: AES-256-GCM from "The Galois/Counter Mode of Operation" (McGrew and
Viega, the GCM specification submitted to NIST), test cases 13, 14 and 16;
HKDF-SHA256 from RFC 5869 A.1 and A.3; HMAC-SHA256 from RFC 4231 4.2 and 4.3;
Ed25519 from RFC 8032 7.1 (TEST 1 and TEST 2).
"""

import base64
import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from confide.crypto import (
    BlindIndexer,
    CheckpointSigner,
    DataKey,
    MasterKeys,
    associated_data,
    verify_signature,
)
from confide.crypto import aead as aead_format
from confide.crypto.kdf import hkdf_sha256, hmac_sha256

from .helpers import note_body_place

pytestmark = pytest.mark.pure

h = bytes.fromhex

GCM_VECTORS = [
    pytest.param(
        h("00" * 32), h("00" * 12), b"", b"", h("530f8afbc74536b9a963b4f1c4cb738b"), id="case 13"
    ),
    pytest.param(
        h("00" * 32),
        h("00" * 12),
        h("00" * 16),
        b"",
        h("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"),
        id="case 14",
    ),
    pytest.param(
        h("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"),
        h("cafebabefacedbaddecaf888"),
        h(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
        ),
        h("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
        h(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            "76fc6ece0f4e1768cddf8853bb2d551b"
        ),
        id="case 16",
    ),
]


@pytest.mark.parametrize("key, nonce, plaintext, aad, expected", GCM_VECTORS)
def test_the_aes_gcm_primitive_matches_the_published_vectors(key, nonce, plaintext, aad, expected):
    assert AESGCM(key).encrypt(nonce, plaintext, aad) == expected
    assert AESGCM(key).decrypt(nonce, expected, aad) == plaintext


@pytest.mark.parametrize("key, nonce, plaintext, aad, expected", GCM_VECTORS)
def test_our_seal_is_that_primitive_over_the_documented_layout(
    key, nonce, plaintext, aad, expected
):
    # Our associated data is header || caller's data, so the tag differs from
    # the vector's; rebuild the expected blob by hand from the documented layout.
    place = aad or b"place"
    header = b"\x01\x08" + b"testkey1"
    by_hand = header + nonce + AESGCM(key).encrypt(nonce, plaintext, header + place)
    ours = aead_format._seal_with_nonce(AESGCM(key), header, plaintext, place, nonce)
    assert ours == by_hand
    assert DataKey(key, key_id="testkey1").open(by_hand, associated_data=place) == plaintext


def test_the_version_1_field_format_never_changes():
    # A stored ciphertext must stay readable forever: this pins every byte.
    sealed = aead_format._seal_with_nonce(
        AESGCM(bytes(range(32))),
        aead_format.header("a1b2c3d4"),
        b"golden",
        note_body_place(),
        bytes(range(12)),
    )
    assert sealed == h(
        "01086131623263336434000102030405060708090a0b206dba7fa08bd8ea3ff9de8fb05662ffdfffaaf47e26"
    )


def test_unwrap_reads_a_wrapped_key_built_by_hand_from_the_documented_layout():
    kek, dek_bytes, place = bytes(range(32, 64)), bytes(range(32)), b"client-1 key"
    header = b"\x01\x0a" + b"k-00000001"
    nonce = bytes(12)
    plaintext = b"\x08" + b"d1d2d3d4" + dek_bytes
    wrapped = header + nonce + AESGCM(kek).encrypt(nonce, plaintext, header + place)
    ring = MasterKeys({"k-00000001": kek}, active_id="k-00000001")
    dek = ring.unwrap(wrapped, associated_data=place)
    assert (dek.key_id, dek.unsafe_raw_bytes()) == ("d1d2d3d4", dek_bytes)


def test_the_associated_data_encoding_never_changes():
    assert note_body_place() == h(
        "0000000d"
        + b"confide-aad/1".hex()
        + "0000000a"
        + b"notes.Note".hex()
        + "00000004"
        + b"body".hex()
        + "00000005"
        + b"row-1".hex()
        + "00000008"
        + b"client-1".hex()
    )


@pytest.mark.parametrize(
    "ikm, salt, info, length, okm",
    [
        pytest.param(
            h("0b" * 22),
            h("000102030405060708090a0b0c"),
            h("f0f1f2f3f4f5f6f7f8f9"),
            42,
            h(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                "34007208d5b887185865"
            ),
            id="RFC 5869 A.1",
        ),
        pytest.param(
            h("0b" * 22),
            None,
            b"",
            42,
            h(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                "9d201395faa4b61a96c8"
            ),
            id="RFC 5869 A.3",
        ),
    ],
)
def test_hkdf_matches_rfc_5869(ikm, salt, info, length, okm):
    assert hkdf_sha256(ikm, salt=salt, info=info, length=length) == okm


@pytest.mark.parametrize(
    "key, message, mac",
    [
        pytest.param(
            h("0b" * 20),
            b"Hi There",
            h("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            id="RFC 4231 4.2",
        ),
        pytest.param(
            b"Jefe",
            b"what do ya want for nothing?",
            h("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            id="RFC 4231 4.3",
        ),
    ],
)
def test_hmac_matches_rfc_4231(key, message, mac):
    assert hmac_sha256(key, message) == mac


def _independent_hkdf(ikm: bytes, info: bytes) -> bytes:
    # RFC 5869 written out with the standard library: no salt means a zero salt,
    # and 32 bytes of output is a single expand block.
    prk = hmac.digest(bytes(32), ikm, hashlib.sha256)
    return hmac.digest(prk, info + b"\x01", hashlib.sha256)


def test_the_blind_index_is_the_documented_construction():
    root = DataKey(bytes(range(32)), key_id="indexkey")
    info = (
        b"confide-blind-index/1" + b"\x00\x00\x00\x13clients.Client.name" + b"\x00\x00\x00\x04name"
    )
    field_key = _independent_hkdf(bytes(range(32)), info)
    expected = hmac.digest(field_key, b"jose garcia", hashlib.sha256)
    indexer = BlindIndexer(root)
    assert indexer.compute("clients.Client.name", "José García", kind="name") == expected


@pytest.mark.parametrize(
    "seed, public, message, signature",
    [
        pytest.param(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            id="RFC 8032 TEST 1",
        ),
        pytest.param(
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            id="RFC 8032 TEST 2",
        ),
    ],
)
def test_ed25519_matches_rfc_8032(seed, public, message, signature):
    signer = CheckpointSigner.from_private_bytes_b64(base64.b64encode(h(seed)).decode())
    assert base64.b64decode(signer.public_key_b64()) == h(public)
    assert signer.sign(h(message)) == h(signature)
    verify_signature(signer.public_key_b64(), h(message), h(signature))


def test_associated_data_of_the_vectors_helper_is_the_public_function():
    # Guard against the helper drifting from the one function callers use.
    assert note_body_place() == associated_data(
        model="notes.Note", field="body", row_id="row-1", client_id="client-1"
    )
