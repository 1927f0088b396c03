"""DataKey.seal / DataKey.open: the field-encryption path, attacked from every side."""

import pytest

from confide.crypto import DataKey, DecryptionError, KeyFormatError, associated_data

from .helpers import flipped, note_body_place

pytestmark = pytest.mark.pure

PLACE = note_body_place()
KEY_ID = "a1b2c3d4"
# version (1) + id length (1) + id (8) + nonce (12); then body, then a 16-byte tag.
ID_START, NONCE_START, BODY_START = 2, 10, 22


@pytest.fixture
def key() -> DataKey:
    return DataKey(bytes(range(32)), key_id=KEY_ID)


@pytest.fixture
def blob(key: DataKey) -> bytes:
    return key.seal(b"client disclosed a relapse", associated_data=PLACE)


def test_a_sealed_value_opens_to_the_same_plaintext(key, blob):
    assert key.open(blob, associated_data=PLACE) == b"client disclosed a relapse"


def test_an_empty_plaintext_round_trips(key):
    sealed = key.seal(b"", associated_data=PLACE)
    assert len(sealed) == BODY_START + 16
    assert key.open(sealed, associated_data=PLACE) == b""


def test_a_large_plaintext_round_trips(key):
    plaintext = bytes(range(256)) * 4096 * 4  # 4 MiB
    assert key.open(key.seal(plaintext, associated_data=PLACE), associated_data=PLACE) == plaintext


def test_sealing_the_same_value_twice_uses_a_fresh_nonce(key):
    first = key.seal(b"same", associated_data=PLACE)
    second = key.seal(b"same", associated_data=PLACE)
    assert first[NONCE_START:BODY_START] != second[NONCE_START:BODY_START]
    assert first != second


def test_the_blob_starts_with_the_version_and_the_key_id(key, blob):
    assert blob[0] == 0x01
    assert blob[1] == len(KEY_ID)
    assert blob[ID_START:NONCE_START] == KEY_ID.encode("ascii")
    assert len(blob) == BODY_START + len(b"client disclosed a relapse") + 16


@pytest.mark.parametrize(
    "part, index",
    [
        ("version", 0),
        ("key id length", 1),
        ("key id", ID_START),
        ("key id", NONCE_START - 1),
        ("nonce", NONCE_START),
        ("nonce", BODY_START - 1),
        ("body", BODY_START),
        ("tag", -16),
        ("tag", -1),
    ],
)
def test_a_flipped_bit_in_each_part_fails_to_open(key, blob, part, index):
    with pytest.raises(DecryptionError):
        key.open(flipped(blob, index % len(blob)), associated_data=PLACE)


def test_every_single_bit_flip_anywhere_fails_to_open(key, blob):
    for index in range(len(blob)):
        for bit in range(8):
            with pytest.raises(DecryptionError):
                key.open(flipped(blob, index, bit), associated_data=PLACE)


def test_every_truncation_fails_to_open(key, blob):
    for length in range(len(blob)):
        with pytest.raises(DecryptionError):
            key.open(blob[:length], associated_data=PLACE)


def test_an_appended_byte_fails_to_open(key, blob):
    with pytest.raises(DecryptionError):
        key.open(blob + b"\x00", associated_data=PLACE)


def test_a_key_id_swapped_for_another_id_of_the_same_key_bytes_fails():
    # The header is bound into the GCM associated data, so relabelling a blob
    # fails even when the key bytes behind both labels are the same.
    raw = bytes(range(32))
    sealed = DataKey(raw, key_id="aaaaaaaa").seal(b"x", associated_data=PLACE)
    relabelled = sealed[:ID_START] + b"aaaaaaab" + sealed[NONCE_START:]
    with pytest.raises(DecryptionError):
        DataKey(raw, key_id="aaaaaaab").open(relabelled, associated_data=PLACE)


@pytest.mark.parametrize(
    "other_place",
    [
        associated_data(model="notes.Draft", field="body", row_id="row-1", client_id="client-1"),
        associated_data(model="notes.Note", field="title", row_id="row-1", client_id="client-1"),
        associated_data(model="notes.Note", field="body", row_id="row-2", client_id="client-1"),
        associated_data(model="notes.Note", field="body", row_id="row-1", client_id="client-2"),
        associated_data(model="notes.Note", field="body", row_id="row-1", client_id=None),
    ],
    ids=["other model", "other field", "other row", "other client", "organisation"],
)
def test_a_ciphertext_copied_to_another_place_fails_to_open(key, blob, other_place):
    with pytest.raises(DecryptionError):
        key.open(blob, associated_data=other_place)


def test_another_data_key_cannot_open_the_blob(blob):
    with pytest.raises(DecryptionError):
        DataKey.generate().open(blob, associated_data=PLACE)


def test_a_key_with_the_same_id_but_other_bytes_cannot_open_the_blob(blob):
    impostor = DataKey(bytes(32), key_id=KEY_ID)
    with pytest.raises(DecryptionError):
        impostor.open(blob, associated_data=PLACE)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x01", b"\x02" + bytes(40), b"\x01\x00" + bytes(40), b"\x01\x21" + bytes(80)],
    ids=["empty", "version only", "unknown version", "empty key id", "key id too long"],
)
def test_malformed_blobs_raise_decryption_error_not_index_errors(key, garbage):
    with pytest.raises(DecryptionError):
        key.open(garbage, associated_data=PLACE)


@pytest.mark.parametrize("bad_id", [b"a b c de", b"\xc3\xa9abcdef", b"abc\x00efgh"])
def test_a_key_id_with_forbidden_bytes_is_malformed(key, blob, bad_id):
    forged = blob[:ID_START] + bad_id + blob[NONCE_START:]
    with pytest.raises(DecryptionError):
        key.open(forged, associated_data=PLACE)


def test_open_accepts_memoryview_and_bytearray_as_database_drivers_return(key, blob):
    assert key.open(memoryview(blob), associated_data=PLACE) == b"client disclosed a relapse"
    assert key.open(bytearray(blob), associated_data=PLACE) == b"client disclosed a relapse"


def test_open_refuses_text(key, blob):
    with pytest.raises(TypeError):
        key.open(blob.hex(), associated_data=PLACE)


def test_seal_refuses_text_plaintext(key):
    with pytest.raises(TypeError):
        key.seal("plaintext", associated_data=PLACE)


def test_associated_data_must_be_bytes(key, blob):
    with pytest.raises(TypeError):
        key.seal(b"x", associated_data="notes.Note/body")
    with pytest.raises(TypeError):
        key.open(blob, associated_data="notes.Note/body")


def test_empty_associated_data_is_refused_because_every_value_has_a_place(key, blob):
    with pytest.raises(ValueError):
        key.seal(b"x", associated_data=b"")
    with pytest.raises(ValueError):
        key.open(blob, associated_data=b"")


def test_associated_data_cannot_be_passed_positionally(key):
    with pytest.raises(TypeError):
        key.seal(b"x", PLACE)


def test_generated_keys_have_distinct_eight_hex_digit_ids():
    ids = {DataKey.generate().key_id for _ in range(50)}
    assert len(ids) == 50
    assert all(len(key_id) == 8 and int(key_id, 16) >= 0 for key_id in ids)


def test_generated_keys_have_distinct_bytes():
    assert DataKey.generate().unsafe_raw_bytes() != DataKey.generate().unsafe_raw_bytes()


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_a_key_of_the_wrong_length_is_refused_at_construction(size):
    with pytest.raises(KeyFormatError, match=f"got {size}"):
        DataKey(bytes(size), key_id="abcdef01")


def test_key_material_must_be_bytes():
    with pytest.raises(KeyFormatError):
        DataKey("0" * 32, key_id="abcdef01")


@pytest.mark.parametrize("bad_id", ["", "has space", "é", "x" * 33, None, 12345678])
def test_a_malformed_key_id_is_refused_at_construction(bad_id):
    with pytest.raises(KeyFormatError):
        DataKey(bytes(32), key_id=bad_id)


def test_the_key_id_cannot_be_reassigned(key):
    with pytest.raises(AttributeError):
        key.key_id = "other"
