import datetime

import pytest

from confide.clients.services import do_create_client
from confide.explainers.services import current_explainer, ensure_default_explainers


@pytest.fixture
def defaults(db):
    """The shipped explainers (made by the data migration; made again here when a
    transactional test has flushed the table since)."""
    ensure_default_explainers()
    return {"en": current_explainer("en"), "es": current_explainer("es")}


@pytest.fixture
def r_client(worker):
    """R., on Dana's caseload (Dana took the intake)."""
    return do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        date_of_birth=datetime.date(1991, 4, 17),
        phone="555-014-7781",
        acting_user=worker,
    )


@pytest.fixture
def alex_client(colleague):
    return do_create_client(legal_name="Teodoro Kowalczyk", acting_user=colleague)
