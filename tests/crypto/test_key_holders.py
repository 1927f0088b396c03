"""Objects that hold key material cannot leak it by pickling, copying or repr."""

import base64
import copy
import pickle

import pytest

from confide.crypto import BlindIndexer, CheckpointSigner, DataKey, MasterKeys

pytestmark = pytest.mark.pure

RAW = bytes(range(100, 132))


def holders():
    return [
        pytest.param(lambda: DataKey(RAW, key_id="abcd1234"), id="DataKey"),
        pytest.param(lambda: MasterKeys({"k-00000001": RAW}, active_id="k-00000001"), id="ring"),
        pytest.param(lambda: BlindIndexer(DataKey(RAW, key_id="abcd1234")), id="BlindIndexer"),
        pytest.param(
            lambda: CheckpointSigner.from_private_bytes_b64(base64.b64encode(RAW).decode()),
            id="CheckpointSigner",
        ),
    ]


@pytest.mark.parametrize("make", holders())
def test_a_key_holder_cannot_be_pickled(make):
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(make(), protocol=protocol)


@pytest.mark.parametrize("make", holders())
def test_a_key_holder_cannot_be_copied(make):
    with pytest.raises(TypeError):
        copy.copy(make())
    with pytest.raises(TypeError):
        copy.deepcopy(make())


@pytest.mark.parametrize("make", holders())
def test_the_pickling_hooks_all_refuse(make):
    holder = make()
    for hook in (holder.__reduce__, holder.__getstate__, lambda: holder.__reduce_ex__(2)):
        with pytest.raises(TypeError):
            hook()


@pytest.mark.parametrize("make", holders())
def test_a_key_holders_repr_shows_no_key_material(make):
    text = repr(make()) + str(make())
    for encoding in (RAW.hex(), base64.b64encode(RAW).decode(), repr(RAW)):
        assert encoding not in text
    assert "\\x" not in text


@pytest.mark.parametrize("make", holders())
def test_a_key_holder_has_no_attribute_dictionary_to_dump(make):
    with pytest.raises(TypeError):
        vars(make())


def test_reprs_name_the_key_ids():
    assert repr(DataKey(RAW, key_id="abcd1234")) == "<DataKey id=abcd1234>"
    ring = MasterKeys({"k-00000001": RAW}, active_id="k-00000001")
    assert repr(ring) == "<MasterKeys active=k-00000001 ids=['k-00000001']>"
