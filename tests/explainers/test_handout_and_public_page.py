"""The printable handout and the page clients open without an account."""

import re

from confide.audit.models import AuditEvent
from confide.explainers.services import do_publish_explainer
from tests.helpers import https_client, sign_in


def test_the_handout_is_a_pdf_attachment_named_without_identifiers(worker, r_client, defaults):
    client = sign_in(worker)
    # Reached from the delivery page of R., but the link is generic.
    page = client.get(f"/explainers/client/{r_client.code}/?language=es")
    link = re.search(rb'href="(/explainers/[0-9a-f-]+/handout\.pdf)"', page.content).group(1)
    assert r_client.code.encode() not in link
    response = client.get(link.decode())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="confidentiality-explainer-es-v1.pdf"'
    for identifier in (r_client.code, "Ramona", "Estrada", "555-014"):
        assert identifier.encode() not in response.content
        assert identifier not in disposition
    event = AuditEvent.objects.get(action="explainer.handout_printed")
    assert event.actor_id == str(worker.pk) and event.client_id == ""


def test_the_handout_follows_the_version(privacy_officer, defaults):
    newer = do_publish_explainer(
        language="es",
        title="Lo que queda en privado",
        body="Texto nuevo.",
        teach_back_points=["Punto nuevo."],
        acting_user=privacy_officer,
    )
    response = sign_in(privacy_officer).get(f"/explainers/{newer.pk}/handout.pdf")
    assert 'filename="confidentiality-explainer-es-v2.pdf"' in response["Content-Disposition"]


def test_the_public_page_needs_no_account(defaults):
    client = https_client()
    for language in ("en", "es"):
        response = client.get(f"/explainers/public/{language}/")
        assert response.status_code == 200
        assert defaults[language].title.encode() in response.content
        assert f'<html lang="{language}">'.encode() in response.content
        assert b"Sign out" not in response.content
    spanish = client.get("/explainers/public/es/").content.decode()
    assert "Con tus propias palabras" in spanish
    assert 'href="/explainers/public/en/"' in spanish
    assert client.post("/explainers/public/es/").status_code == 405
    assert client.get("/explainers/public/fr/").status_code == 404


def test_the_public_page_shows_the_current_version(privacy_officer, defaults):
    do_publish_explainer(
        language="en",
        title="Privacy, plainly",
        body="A newer text.",
        teach_back_points=["A point."],
        acting_user=privacy_officer,
    )
    response = https_client().get("/explainers/public/en/")
    assert b"Privacy, plainly" in response.content
    assert defaults["en"].title.encode() not in response.content
