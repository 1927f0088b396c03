"""Test settings: production settings with a throwaway data directory and a fast hasher."""

import os
import tempfile
from pathlib import Path

_DATA = Path(tempfile.mkdtemp(prefix="confide-test-"))
os.environ["CONFIDE_DATA_DIR"] = str(_DATA)
os.environ.setdefault("CONFIDE_SECRET_KEY", "test-only-secret-" + "x" * 50)
os.environ.pop("CONFIDE_MASTER_KEYS", None)

from confide.settings import *  # noqa: E402, F403 -- the settings under test
from confide.settings import DATABASES  # noqa: E402

# Argon2id is the real hasher; tests use a fast one so the suite stays quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file, not memory: the tests read the SQLite file and its WAL for plaintext.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(_DATA / "test.sqlite3")}
else:
    # One database per run, so two runs on one server (a developer and CI) never collide.
    DATABASES["default"]["TEST"] = {"NAME": f"test_confide_{os.getpid()}"}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
