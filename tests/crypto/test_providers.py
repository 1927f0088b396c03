"""Key providers: one contract for all of them, then what is particular to the key file."""

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from confide.crypto import (
    CryptoError,
    DataKey,
    EnvKeyProvider,
    KeyFileExistsError,
    KeyFileProvider,
    KeyFormatError,
    MasterKeys,
)

pytestmark = pytest.mark.pure

PLACE = b"provider-contract"


class FileSetup:
    name = "file"

    def __init__(self, tmp_path: Path) -> None:
        self.path = tmp_path / "master-keys.json"

    def holding(self, keys: MasterKeys) -> KeyFileProvider:
        provider = KeyFileProvider(self.path)
        provider.create(keys)
        return provider

    def empty(self) -> KeyFileProvider:
        return KeyFileProvider(self.path)

    def holding_text(self, text: str) -> KeyFileProvider:
        self.path.write_text(text)
        self.path.chmod(0o600)
        return KeyFileProvider(self.path)


class EnvSetup:
    name = "env"

    def __init__(self, tmp_path: Path) -> None:
        self.environ: dict[str, str] = {}

    def holding(self, keys: MasterKeys) -> EnvKeyProvider:
        return self.holding_text(keys.to_json())

    def empty(self) -> EnvKeyProvider:
        return EnvKeyProvider(environ=self.environ)

    def holding_text(self, text: str) -> EnvKeyProvider:
        self.environ["CONFIDE_MASTER_KEYS"] = text
        return EnvKeyProvider(environ=self.environ)


@pytest.fixture(params=[FileSetup, EnvSetup], ids=["file", "env"])
def setup(request, tmp_path):
    return request.param(tmp_path)


# The contract: every provider passes these.


def test_a_provider_loads_the_ring_it_holds(setup):
    keys = MasterKeys.generate().with_new_active_key()
    loaded = setup.holding(keys).load()
    assert (loaded.ids(), loaded.active_id) == (keys.ids(), keys.active_id)


def test_a_loaded_ring_unwraps_what_the_original_wrapped(setup):
    keys = MasterKeys.generate()
    dek = DataKey.generate()
    wrapped = keys.wrap(dek, associated_data=PLACE)
    loaded = setup.holding(keys).load()
    assert loaded.unwrap(wrapped, associated_data=PLACE).unsafe_raw_bytes() == (
        dek.unsafe_raw_bytes()
    )


def test_a_provider_with_no_keys_raises_key_format_error(setup):
    with pytest.raises(KeyFormatError):
        setup.empty().load()


@pytest.mark.parametrize("text", ["", "{}", "not json", '{"format": "confide-master-keys/1"}'])
def test_a_provider_holding_a_bad_document_raises_key_format_error(setup, text):
    with pytest.raises(KeyFormatError):
        setup.holding_text(text).load()


def test_save_either_persists_the_ring_or_refuses_with_crypto_error(setup):
    keys = MasterKeys.generate()
    provider = setup.holding(keys)
    rotated = keys.with_new_active_key()
    try:
        provider.save(rotated)
    except CryptoError:
        assert provider.load().ids() == keys.ids()
    else:
        assert provider.load().ids() == rotated.ids()


def test_a_providers_repr_shows_no_key_material(setup):
    keys = MasterKeys.generate()
    provider = setup.holding(keys)
    assert keys.to_json().split('"')[-2] not in repr(provider)


# The key file.


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask():
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.fixture
def key_path(tmp_path) -> Path:
    return tmp_path / "master-keys.json"


def test_create_writes_a_file_of_mode_0600_whatever_the_umask(key_path, permissive_umask):
    KeyFileProvider(key_path).create(MasterKeys.generate())
    assert mode_of(key_path) == 0o600


def test_save_writes_a_file_of_mode_0600_over_a_looser_file(key_path, permissive_umask):
    key_path.write_text("old")
    key_path.chmod(0o644)
    KeyFileProvider(key_path).save(MasterKeys.generate())
    assert mode_of(key_path) == 0o600


def test_save_leaves_no_temporary_files_behind(key_path):
    provider = KeyFileProvider(key_path)
    provider.save(MasterKeys.generate())
    provider.save(MasterKeys.generate())
    assert [p.name for p in key_path.parent.iterdir()] == [key_path.name]


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o602, 0o610, 0o700 | 0o001])
def test_a_key_file_that_group_or_others_can_access_is_refused(key_path, mode):
    KeyFileProvider(key_path).create(MasterKeys.generate())
    key_path.chmod(mode)
    with pytest.raises(KeyFormatError, match=f"mode {mode:04o}.*chmod 600"):
        KeyFileProvider(key_path).load()


def test_a_read_only_owner_file_is_accepted(key_path):
    KeyFileProvider(key_path).create(MasterKeys.generate())
    key_path.chmod(0o400)
    KeyFileProvider(key_path).load()


def test_create_refuses_to_overwrite_an_existing_key_file(key_path):
    first = MasterKeys.generate()
    KeyFileProvider(key_path).create(first)
    before = key_path.read_bytes()
    with pytest.raises(KeyFileExistsError) as caught:
        KeyFileProvider(key_path).create(MasterKeys.generate())
    assert isinstance(caught.value, FileExistsError)
    assert key_path.read_bytes() == before
    assert [p.name for p in key_path.parent.iterdir()] == [key_path.name]


def test_a_symlinked_key_file_is_refused(key_path, tmp_path):
    target = tmp_path / "elsewhere.json"
    KeyFileProvider(target).create(MasterKeys.generate())
    key_path.symlink_to(target)
    with pytest.raises(KeyFormatError, match="cannot open"):
        KeyFileProvider(key_path).load()


def test_a_directory_is_not_a_key_file(tmp_path):
    with pytest.raises(KeyFormatError, match="not a regular file"):
        KeyFileProvider(tmp_path).load()


def test_a_huge_file_is_not_read_as_a_key_file(key_path):
    key_path.write_bytes(b" " * ((1 << 20) + 1))
    key_path.chmod(0o600)
    with pytest.raises(KeyFormatError, match="too large"):
        KeyFileProvider(key_path).load()


def test_a_key_file_that_is_not_utf8_is_refused(key_path):
    key_path.write_bytes(b"\xff\xfe{}")
    key_path.chmod(0o600)
    with pytest.raises(KeyFormatError, match="UTF-8"):
        KeyFileProvider(key_path).load()


def test_a_failed_replace_removes_the_temporary_file(tmp_path):
    occupied = tmp_path / "keys"
    occupied.mkdir()
    (occupied / "blocker").write_text("x")  # os.replace cannot replace a non-empty directory
    with pytest.raises(OSError):
        KeyFileProvider(occupied).save(MasterKeys.generate())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keys"]


def test_a_failed_write_removes_the_temporary_file(key_path, monkeypatch):
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        KeyFileProvider(key_path).save(MasterKeys.generate())
    assert list(key_path.parent.iterdir()) == []


def test_save_takes_only_master_keys(key_path):
    with pytest.raises(TypeError):
        KeyFileProvider(key_path).save(MasterKeys.generate().to_json())


# The environment variable.


def test_the_env_provider_is_read_only():
    with pytest.raises(CryptoError, match="read-only provider"):
        EnvKeyProvider(environ={}).save(MasterKeys.generate())


def test_the_env_provider_reads_the_process_environment_at_load_time(monkeypatch):
    provider = EnvKeyProvider()
    keys = MasterKeys.generate()
    monkeypatch.setenv("CONFIDE_MASTER_KEYS", keys.to_json())
    assert provider.load().ids() == keys.ids()


def test_the_env_provider_names_the_missing_variable():
    with pytest.raises(KeyFormatError, match="CONFIDE_OTHER_KEYS is not set"):
        EnvKeyProvider("CONFIDE_OTHER_KEYS", environ={}).load()


def test_provider_factories_are_typed_as_callables():
    # A smoke test that both classes satisfy the KeyProvider protocol's shape.
    factories: list[Callable[[], object]] = [
        lambda: KeyFileProvider(Path("/nonexistent/keys.json")),
        lambda: EnvKeyProvider(environ={}),
    ]
    for factory in factories:
        provider = factory()
        assert callable(provider.load) and callable(provider.save)
