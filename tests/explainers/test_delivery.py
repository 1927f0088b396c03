"""Going through the explainer with a client: recorded, audited, encrypted, refused to
people without write access to that client."""

import datetime
import json

import pytest

from confide.audit.models import AuditEvent
from confide.clients.services import do_close_client
from confide.explainers.models import ExplainerDelivery
from confide.explainers.services import (
    ExplainerInvalid,
    do_publish_explainer,
    do_record_delivery,
)
from tests.helpers import sign_in

QUESTION = "¿Puede un juez ver lo que te cuento?"


def _deliver(client, code, explainer, **fields):
    data = {
        "explainer": str(explainer.pk),
        "teach_back_confirmed": explainer.teach_back_points[1:3],
        "questions": QUESTION,
        "method": "spoken",
        **fields,
    }
    return client.post(f"/explainers/client/{code}/", data)


def test_a_delivery_is_recorded_encrypted_and_audited(worker, r_client, defaults):
    spanish = defaults["es"]
    response = _deliver(sign_in(worker), r_client.code, spanish)
    assert response.status_code == 302 and response.url == f"/clients/{r_client.code}/"

    delivery = ExplainerDelivery.objects.filter(client=r_client).order_by("-delivered_at").first()
    assert delivery.explainer == spanish and delivery.language == "es"
    assert delivery.method == "spoken" and delivery.delivered_by == worker
    assert delivery.teach_back_confirmed == spanish.teach_back_points[1:3]
    assert delivery.questions == QUESTION
    raw = ExplainerDelivery.objects.values_list("questions", flat=True).get(pk=delivery.pk)
    assert b"juez" not in bytes(raw)

    event = AuditEvent.objects.get(action="explainer.delivered")
    assert event.actor_id == str(worker.pk) and event.client_id == str(r_client.pk)
    details = json.loads(event.details)
    assert details == {
        "confirmed": 2,
        "explainer": str(spanish.pk),
        "language": "es",
        "method": "spoken",
        "points": len(spanish.teach_back_points),
        "questions": True,
        "version": spanish.version,
    }
    assert "juez" not in event.details and "Ramona" not in event.details


def test_old_deliveries_keep_the_version_they_heard(worker, privacy_officer, r_client, defaults):
    first = do_record_delivery(
        r_client,
        explainer=defaults["en"],
        method="read_together",
        teach_back_confirmed=defaults["en"].teach_back_points[:1],
        questions="",
        acting_user=worker,
    )
    newer = do_publish_explainer(
        language="en",
        title="What stays private",
        body="Short and new.",
        teach_back_points=["Something new."],
        acting_user=privacy_officer,
    )
    first.refresh_from_db()
    assert first.explainer == defaults["en"] and newer.version == defaults["en"].version + 1
    assert first.teach_back_confirmed == defaults["en"].teach_back_points[:1]
    history = sign_in(worker).get(f"/explainers/client/{r_client.code}/history/")
    assert f"version {defaults['en'].version}".encode() in history.content


def test_the_version_on_screen_is_the_one_recorded(worker, privacy_officer, r_client, defaults):
    page = sign_in(worker)
    page.get(f"/explainers/client/{r_client.code}/?language=en")
    do_publish_explainer(
        language="en",
        title="New",
        body="Published while Dana was talking.",
        teach_back_points=["New point."],
        acting_user=privacy_officer,
    )
    _deliver(page, r_client.code, defaults["en"])
    assert ExplainerDelivery.objects.get().explainer == defaults["en"]


def test_no_method_is_refused_and_nothing_typed_is_lost(worker, r_client, defaults):
    response = _deliver(sign_in(worker), r_client.code, defaults["es"], method="")
    assert response.status_code == 200
    assert b"Choose how you went through the explainer." in response.content
    assert QUESTION.encode() in response.content
    assert b"checked" in response.content  # the ticked points are still ticked
    assert not ExplainerDelivery.objects.exists()
    assert not AuditEvent.objects.filter(action="explainer.delivered").exists()


def test_a_point_not_in_that_version_is_refused(worker, r_client, defaults):
    with pytest.raises(ExplainerInvalid):
        do_record_delivery(
            r_client,
            explainer=defaults["en"],
            method="spoken",
            teach_back_confirmed=["Something nobody said."],
            questions="",
            acting_user=worker,
        )
    response = _deliver(
        sign_in(worker), r_client.code, defaults["en"], teach_back_confirmed=["Invented."]
    )
    assert response.status_code == 200
    assert not ExplainerDelivery.objects.exists()


def test_the_page_is_in_english_unless_the_client_is_known_to_read_spanish(
    worker, r_client, defaults
):
    client = sign_in(worker)
    url = f"/explainers/client/{r_client.code}/"
    assert defaults["en"].title.encode() in client.get(url).content
    spanish = client.get(url + "?language=es")
    assert defaults["es"].title.encode() in spanish.content
    assert b'lang="es"' in spanish.content
    # Once the record says the client reads Spanish, it opens in Spanish.
    r_client.language = "es"
    r_client.save()
    assert defaults["es"].title.encode() in client.get(url).content
    assert f"Explainer for {r_client.code}".encode() in client.get(url).content
    assert b"Ramona" not in client.get(url).content


def test_the_client_page_links_to_the_explainer(worker, r_client, defaults):
    page = sign_in(worker).get(f"/clients/{r_client.code}/")
    assert f"/explainers/client/{r_client.code}/".encode() in page.content
    assert b"Explain confidentiality" in page.content


def test_another_workers_client_is_not_found_and_the_attempt_is_audited(
    worker, alex_client, defaults
):
    client = sign_in(worker)
    assert client.get(f"/explainers/client/{alex_client.code}/").status_code == 404
    assert _deliver(client, alex_client.code, defaults["en"]).status_code == 404
    history = client.get(f"/explainers/client/{alex_client.code}/history/")
    assert history.status_code == 404 and b"Teodoro" not in history.content
    assert not ExplainerDelivery.objects.exists()
    denied = AuditEvent.objects.filter(
        action="client.access", outcome="denied", client_id=str(alex_client.pk)
    )
    assert denied.count() == 3


@pytest.mark.parametrize("persona", ["auditor", "administrator", "privacy_officer"])
def test_roles_without_note_access_cannot_record_or_read_deliveries(
    request, persona, worker, r_client, defaults
):
    do_record_delivery(
        r_client,
        explainer=defaults["en"],
        method="spoken",
        teach_back_confirmed=[],
        questions="Will my mum find out?",
        acting_user=worker,
    )
    client = sign_in(request.getfixturevalue(persona))
    assert client.get(f"/explainers/client/{r_client.code}/").status_code == 404
    assert _deliver(client, r_client.code, defaults["en"]).status_code == 404
    history = client.get(f"/explainers/client/{r_client.code}/history/")
    assert history.status_code == 404 and b"mum" not in history.content
    assert ExplainerDelivery.objects.count() == 1


def test_a_closed_record_takes_no_new_delivery(worker, privacy_officer, r_client, defaults):
    do_close_client(r_client, acting_user=privacy_officer)
    assert _deliver(sign_in(worker), r_client.code, defaults["en"]).status_code == 404


def test_the_history_shows_questions_to_the_care_team(worker, r_client, defaults):
    do_record_delivery(
        r_client,
        explainer=defaults["es"],
        method="handout",
        teach_back_confirmed=defaults["es"].teach_back_points[:2],
        questions=QUESTION,
        acting_user=worker,
        delivered_at=datetime.datetime(2026, 1, 5, 15, 0, tzinfo=datetime.UTC),
    )
    response = sign_in(worker).get(f"/explainers/client/{r_client.code}/history/")
    assert response.status_code == 200
    assert QUESTION.encode() in response.content
    assert b"2 of 7 teach-back points said back" in response.content


def test_the_demo_records_rs_spanish_explainer_once(db):
    from confide.demodata import seed_demo

    seed_demo(client_count=8)
    seed_demo(client_count=8)
    delivery = ExplainerDelivery.objects.get()
    assert delivery.language == "es" and "juez" in delivery.questions
