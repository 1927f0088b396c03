"""Where Confide keeps its files, from the environment (no Django needed).

The key directory holds the master keys, the audit signing key and the shred ledger.
In production put it on a different volume from the database and its backups.
"""

from pathlib import Path

from confide.envconf import env_path


def data_dir() -> Path:
    return env_path("CONFIDE_DATA_DIR", Path.cwd() / "var")


def key_dir() -> Path:
    return env_path("CONFIDE_KEY_DIR", data_dir() / "keys")


def secret_key_file() -> Path:
    return key_dir() / "django-secret-key"
