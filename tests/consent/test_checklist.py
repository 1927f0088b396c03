"""The confidentiality checklist on the dashboard: who still needs the explainer."""

import datetime

from django.utils import timezone

from confide.explainers.services import (
    current_explainer,
    do_record_delivery,
    ensure_default_explainers,
)
from tests.helpers import sign_in


def _deliver(client, worker, when):
    ensure_default_explainers()
    do_record_delivery(
        client,
        explainer=current_explainer("en"),
        method="spoken",
        teach_back_confirmed=[],
        questions="",
        acting_user=worker,
        delivered_at=when,
    )


def test_the_dashboard_lists_clients_still_to_be_told(worker, r_client):
    page = sign_in(worker).get("/").content
    assert b"Confidentiality to explain" in page and r_client.code.encode() in page
    _deliver(r_client, worker, timezone.now())
    assert b"Confidentiality to explain" not in sign_in(worker).get("/").content


def test_a_delivery_older_than_the_interval_is_due_again(worker, r_client, settings):
    settings.EXPLAINER_REVIEW_MONTHS = 12
    _deliver(r_client, worker, timezone.now() - datetime.timedelta(days=400))
    assert b"Confidentiality to explain" in sign_in(worker).get("/").content
    client_page = sign_in(worker).get(f"/clients/{r_client.code}/").content
    assert b"due for review" in client_page
