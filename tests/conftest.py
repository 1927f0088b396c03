"""Shared fixtures: key material, per-test audit files and the personas of SCENARIOS.md."""

import pytest
from django.conf import settings as django_settings

from tests.helpers import make_staff

DB_FIXTURES = {"db", "transactional_db", "live_server"}


@pytest.fixture(scope="session", autouse=True)
def _key_material() -> None:
    """Master keys and the audit signing key, as `confide init` would make them."""
    from confide.audit.checkpoints import create_signing_key
    from confide.crypto import KeyFileProvider, MasterKeys

    django_settings.KEY_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not django_settings.MASTER_KEY_FILE.exists():
        KeyFileProvider(django_settings.MASTER_KEY_FILE).create(MasterKeys.generate())
    if not django_settings.AUDIT_SIGNING_KEY_FILE.exists():
        create_signing_key(django_settings.AUDIT_SIGNING_KEY_FILE)


@pytest.fixture(autouse=True)
def _per_test_files(settings, tmp_path) -> None:
    # Checkpoints and the shred ledger must match this test's (rolled back) database.
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.jsonl"
    settings.SHRED_LEDGER_FILE = tmp_path / "shred-ledger.jsonl"


@pytest.fixture(autouse=True)
def _organisation_keys(request) -> None:
    if request.node.get_closest_marker("django_db") or DB_FIXTURES & set(request.fixturenames):
        request.getfixturevalue("_django_db_helper")
        from confide.consent.defaults import ensure_default_consent_forms
        from confide.vault.keyring import ensure_organisation_keys

        # Transactional tests flush every table, data migrations' rows included.
        ensure_organisation_keys()
        ensure_default_consent_forms()


@pytest.fixture
def r_client(worker):
    """R., Dana's client from the scenarios (Dana took the intake: she is on the care team)."""
    import datetime

    from confide.clients.services import do_create_client

    return do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        phone="555-014-7781",
        acting_user=worker,
    )


@pytest.fixture
def alex_client(colleague):
    """A client on Alex's caseload only."""
    import datetime

    from confide.clients.services import do_create_client

    return do_create_client(
        legal_name="Teodoro Kowalczyk",
        date_of_birth=datetime.date(1970, 2, 3),
        phone="555-019-1234",
        acting_user=colleague,
    )


@pytest.fixture
def worker(db):
    """Dana, a peer recovery coach."""
    return make_staff("dana", "peer_supporter")


@pytest.fixture
def colleague(db):
    """Alex, another peer supporter, not on Dana's clients' care teams."""
    return make_staff("alex", "peer_supporter")


@pytest.fixture
def supervisor(db):
    return make_staff("lee", "supervisor")


@pytest.fixture
def privacy_officer(db):
    return make_staff("sam", "privacy_officer")


@pytest.fixture
def administrator(db):
    return make_staff("morgan", "administrator")


@pytest.fixture
def auditor(db):
    return make_staff("pat", "auditor")


PURE_DIRS = ("tests/crypto/", "tests/deid/")


def pytest_collection_modifyitems(config, items) -> None:
    # Pure-library tests need no database: the PostgreSQL run skips them (-m "not pure").
    for item in items:
        path = str(item.path).replace("\\", "/")
        if any(f"/{d}" in path for d in PURE_DIRS):
            item.add_marker(pytest.mark.pure)
