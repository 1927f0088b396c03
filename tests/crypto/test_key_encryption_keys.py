"""MasterKeys: validation at construction, the key document, wrap/unwrap and rotation."""

import base64
import json

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from confide.crypto import (
    DataKey,
    DecryptionError,
    KeyFormatError,
    KeyNotFoundError,
    MasterKeys,
    associated_data,
)

from .helpers import flipped

pytestmark = pytest.mark.pure

PLACE = associated_data(model="clients.ClientKey", field="dek", row_id="c-1", client_id="c-1")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def document(**overrides: object) -> str:
    doc = {"format": "confide-master-keys/1", "active": "k1", "keys": {"k1": b64(bytes(32))}}
    doc.update(overrides)
    return json.dumps(doc)


@pytest.fixture
def ring() -> MasterKeys:
    return MasterKeys.generate()


@pytest.fixture
def dek() -> DataKey:
    return DataKey.generate()


# Construction


def test_a_generated_ring_has_one_active_key_with_a_k_dash_hex_id(ring):
    assert ring.ids() == [ring.active_id]
    assert ring.active_id.startswith("k-") and len(ring.active_id) == 10
    int(ring.active_id[2:], 16)


@pytest.mark.parametrize("size", [31, 33])
def test_a_master_key_of_the_wrong_length_is_refused(size):
    with pytest.raises(KeyFormatError, match=f"got {size}"):
        MasterKeys({"k1": bytes(size)}, active_id="k1")


def test_an_active_id_not_in_the_ring_is_refused():
    with pytest.raises(KeyFormatError, match="not in the ring"):
        MasterKeys({"k1": bytes(32)}, active_id="k2")


def test_an_active_id_that_is_not_a_string_is_refused():
    with pytest.raises(KeyFormatError):
        MasterKeys({"k1": bytes(32)}, active_id=["k1"])


def test_an_empty_ring_is_refused():
    with pytest.raises(KeyFormatError):
        MasterKeys({}, active_id="k1")


def test_a_ring_that_is_not_a_mapping_is_refused():
    with pytest.raises(KeyFormatError):
        MasterKeys([("k1", bytes(32))], active_id="k1")


def test_a_malformed_master_key_id_is_refused():
    with pytest.raises(KeyFormatError):
        MasterKeys({"k 1": bytes(32)}, active_id="k 1")


# The key document


def test_the_document_round_trips_ids_order_active_and_keys(ring, dek):
    rotated = ring.with_new_active_key()
    wrapped_old = ring.wrap(dek, associated_data=PLACE)
    loaded = MasterKeys.from_json(rotated.to_json())
    assert loaded.ids() == rotated.ids()
    assert loaded.active_id == rotated.active_id
    assert loaded.unwrap(wrapped_old, associated_data=PLACE).unsafe_raw_bytes() == (
        dek.unsafe_raw_bytes()
    )


def test_the_document_has_the_documented_shape(ring):
    doc = json.loads(ring.to_json())
    assert doc == {
        "format": "confide-master-keys/1",
        "active": ring.active_id,
        "keys": {ring.active_id: doc["keys"][ring.active_id]},
    }
    assert len(base64.b64decode(doc["keys"][ring.active_id], validate=True)) == 32


def test_a_well_formed_document_loads():
    assert MasterKeys.from_json(document()).ids() == ["k1"]


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param(document(keys={"k1": b64(bytes(31))}), "got 31", id="31 bytes"),
        pytest.param(document(keys={"k1": b64(bytes(33))}), "got 33", id="33 bytes"),
        pytest.param(document(keys={"k1": "not base64!!"}), "base64", id="bad base64"),
        pytest.param(document(keys={"k1": b64(bytes(32))[:-2]}), "base64", id="bad padding"),
        pytest.param(document(keys={"k1": "ÀÀÀÀ"}), "base64", id="non-ascii base64"),
        pytest.param(document(keys={"k1": 42}), "base64 string", id="key not a string"),
        pytest.param(document(keys={}), "at least one", id="no keys"),
        pytest.param(document(keys=["k1"]), "object", id="keys not an object"),
        pytest.param(document(keys={"k 1": b64(bytes(32))}), "invalid key id", id="bad id"),
        pytest.param(document(active="k2"), "not in the ring", id="active missing"),
        pytest.param(document(active=None), "not in the ring", id="active null"),
        pytest.param(document(format="confide-master-keys/2"), "unknown", id="format tag"),
        pytest.param(document(format="fernet"), "unknown", id="other format"),
        pytest.param(document(extra="x"), "exactly", id="unknown field"),
        pytest.param(json.dumps({"format": "confide-master-keys/1"}), "exactly", id="fields"),
        pytest.param("[]", "JSON object", id="array"),
        pytest.param("", "not valid JSON", id="empty"),
        pytest.param("{not json", "not valid JSON", id="garbage"),
        pytest.param(
            '{"format": "confide-master-keys/1", "active": "k1", "keys": '
            f'{{"k1": "{b64(bytes(32))}", "k1": "{b64(bytes(range(32)))}"}}}}',
            "duplicate",
            id="duplicate key id",
        ),
    ],
)
def test_a_bad_document_is_refused_at_construction(text, message):
    with pytest.raises(KeyFormatError, match=message):
        MasterKeys.from_json(text)


def test_error_messages_never_quote_key_material():
    secret = b64(bytes(range(33)))
    with pytest.raises(KeyFormatError) as caught:
        MasterKeys.from_json(document(keys={"k1": secret}))
    assert secret not in str(caught.value)


def test_from_json_takes_text_not_bytes():
    with pytest.raises(TypeError):
        MasterKeys.from_json(document().encode())


# Wrapping


def test_a_wrapped_key_unwraps_to_the_same_bytes_and_id(ring, dek):
    unwrapped = ring.unwrap(ring.wrap(dek, associated_data=PLACE), associated_data=PLACE)
    assert unwrapped.key_id == dek.key_id
    assert unwrapped.unsafe_raw_bytes() == dek.unsafe_raw_bytes()


def test_the_wrapped_blob_names_the_active_master_key(ring, dek):
    assert MasterKeys.key_id_of(ring.wrap(dek, associated_data=PLACE)) == ring.active_id


def test_a_wrapped_key_for_one_client_does_not_unwrap_for_another(ring, dek):
    other = associated_data(model="clients.ClientKey", field="dek", row_id="c-2", client_id="c-2")
    with pytest.raises(DecryptionError):
        ring.unwrap(ring.wrap(dek, associated_data=PLACE), associated_data=other)


def test_every_bit_flip_in_a_wrapped_key_fails(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    id_end = 2 + len(ring.active_id)
    for index in range(len(wrapped)):
        for bit in range(8):
            # A changed key id (or id length) may name a key the ring does not
            # hold: KeyNotFoundError is also a refusal.
            in_id = 1 <= index < id_end
            expected = (DecryptionError, KeyNotFoundError) if in_id else DecryptionError
            with pytest.raises(expected):
                ring.unwrap(flipped(wrapped, index, bit), associated_data=PLACE)


def test_every_truncation_of_a_wrapped_key_fails(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    for length in range(len(wrapped)):
        with pytest.raises(DecryptionError):
            ring.unwrap(wrapped[:length], associated_data=PLACE)


def test_a_ring_from_another_installation_reports_the_key_as_not_found(ring, dek):
    with pytest.raises(KeyNotFoundError):
        MasterKeys.generate().unwrap(ring.wrap(dek, associated_data=PLACE), associated_data=PLACE)


def test_a_ring_with_the_same_id_but_other_bytes_fails_to_decrypt(ring, dek):
    impostor = MasterKeys({ring.active_id: bytes(32)}, active_id=ring.active_id)
    with pytest.raises(DecryptionError):
        impostor.unwrap(ring.wrap(dek, associated_data=PLACE), associated_data=PLACE)


def test_wrap_takes_only_a_data_key(ring):
    with pytest.raises(TypeError):
        ring.wrap(bytes(32), associated_data=PLACE)


def test_key_id_of_refuses_a_malformed_blob():
    with pytest.raises(DecryptionError):
        MasterKeys.key_id_of(b"\x01\x02k")


@pytest.mark.parametrize(
    "inner",
    [b"", b"\x08d1d2d3d4" + bytes(31), b"\x08d1d2d3d4" + bytes(33), b"\x08d1 d2d3d" + bytes(32)],
    ids=["empty", "short key", "long key", "bad key id"],
)
def test_an_authentic_blob_with_a_malformed_key_inside_is_refused(inner):
    # Only a holder of the master key could make these; refuse them anyway.
    kek, header, nonce = bytes(32), b"\x01\x02k1", bytes(12)
    blob = header + nonce + AESGCM(kek).encrypt(nonce, inner, header + PLACE)
    with pytest.raises(DecryptionError, match="malformed wrapped key"):
        MasterKeys({"k1": kek}, active_id="k1").unwrap(blob, associated_data=PLACE)


# Rotation


def test_an_old_wrapped_key_still_unwraps_after_a_new_key_becomes_active(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    rotated = ring.with_new_active_key()
    assert rotated.active_id != ring.active_id
    assert rotated.ids() == [ring.active_id, rotated.active_id]
    assert rotated.unwrap(wrapped, associated_data=PLACE).key_id == dek.key_id


def test_rotation_leaves_the_original_ring_unchanged(ring):
    before = ring.ids()
    ring.with_new_active_key()
    assert ring.ids() == before


def test_rewrap_moves_a_wrapped_key_to_the_active_master_key(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    rotated = ring.with_new_active_key()
    rewrapped = rotated.rewrap(wrapped, associated_data=PLACE)
    assert MasterKeys.key_id_of(rewrapped) == rotated.active_id
    assert rotated.unwrap(rewrapped, associated_data=PLACE).unsafe_raw_bytes() == (
        dek.unsafe_raw_bytes()
    )


def test_rewrap_of_a_current_blob_still_makes_a_fresh_blob(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    assert ring.rewrap(wrapped, associated_data=PLACE) != wrapped


def test_rewrap_refuses_the_wrong_associated_data(ring, dek):
    wrapped = ring.wrap(dek, associated_data=PLACE)
    with pytest.raises(DecryptionError):
        ring.with_new_active_key().rewrap(wrapped, associated_data=PLACE + b"x")


def test_a_retired_master_key_makes_old_wrapped_keys_unreadable(ring, dek):
    old = ring.wrap(dek, associated_data=PLACE)
    rotated = ring.with_new_active_key()
    rewrapped = rotated.rewrap(old, associated_data=PLACE)
    retired = rotated.without_key(ring.active_id)
    assert retired.ids() == [rotated.active_id]
    with pytest.raises(KeyNotFoundError):
        retired.unwrap(old, associated_data=PLACE)
    assert retired.unwrap(rewrapped, associated_data=PLACE).key_id == dek.key_id


def test_the_active_master_key_cannot_be_retired(ring):
    rotated = ring.with_new_active_key()
    with pytest.raises(KeyFormatError, match="active"):
        rotated.without_key(rotated.active_id)
    with pytest.raises(KeyFormatError, match="active"):
        ring.without_key(ring.active_id)


def test_retiring_an_unknown_master_key_is_reported(ring):
    with pytest.raises(KeyNotFoundError):
        ring.without_key("k-00000000")


def test_a_new_master_key_id_never_reuses_an_id_already_in_the_ring(ring, monkeypatch):
    taken = ring.active_id[2:]
    draws = iter([taken, "0badc0de"])
    monkeypatch.setattr("confide.crypto.keys.secrets.token_hex", lambda size: next(draws))
    assert ring.with_new_active_key().active_id == "k-0badc0de"
