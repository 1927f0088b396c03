import pytest

from confide.explainers.services import current_explainer, ensure_default_explainers


@pytest.fixture
def defaults(db):
    """The shipped explainers (made by the data migration; made again here when a
    transactional test has flushed the table since)."""
    ensure_default_explainers()
    return {"en": current_explainer("en"), "es": current_explainer("es")}
