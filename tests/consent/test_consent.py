"""Recording consent (written, drawn, scanned, verbal), bad input, revocation, enforcement."""

import base64
import datetime
import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from confide.audit.models import AuditEvent
from confide.consent.models import Consent, ConsentForm, Recipient
from confide.consent.services import do_add_recipient, do_record_consent, do_revoke_consent
from tests.consent.helpers import give_consent, png_data_url
from tests.helpers import pdf_text, sign_in

TODAY = datetime.date.today()


@pytest.fixture
def lee_recipient(r_client, worker, supervisor):
    return do_add_recipient(r_client, acting_user=worker, kind="staff", staff=supervisor)


def _post(client, r_client, recipient, **fields):
    data = {
        "form": ConsentForm.objects.get(version=1, language="es").pk,
        "purposes": ["identified_supervision"],
        "categories": ["identity", "notes"],
        "recipients": [recipient.pk],
        "starts_on": TODAY.isoformat(),
        **fields,
    }
    return client.post(f"/clients/{r_client.code}/consents/new/", data)


def test_a_verbal_consent_with_a_witness_gets_a_pdf_copy_whose_hash_is_kept(
    worker, colleague, r_client, lee_recipient
):
    """Scenario 1: R. agrees verbally to supervision with Lee; a colleague witnesses."""
    response = _post(
        sign_in(worker),
        r_client,
        lee_recipient,
        method="verbal",
        witness=colleague.pk,
        attestation="Read the form aloud in Spanish; R. said yes, Lee may know it is her.",
    )
    consent = Consent.objects.get()
    assert response.url == f"/consents/{consent.pk}/"
    assert consent.witness == colleague and consent.form.language == "es"
    pdf = base64.b64decode(consent.copy_pdf)
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == consent.copy_sha256
    text = pdf_text(pdf)
    assert "Estrada-Villalobos" in text and "Lee" in text
    event = AuditEvent.objects.get(action="consent.recorded")
    assert json.loads(event.details) == {"method": "verbal", "purposes": ["identified_supervision"]}


def test_a_drawn_signature_is_kept_encrypted(worker, r_client, lee_recipient):
    signature = png_data_url(ink=True)
    _post(sign_in(worker), r_client, lee_recipient, method="drawn", signature=signature)
    consent = Consent.objects.get()
    assert consent.signature == signature
    raw = Consent.objects.values_list("signature", flat=True).get()
    assert signature.encode() not in bytes(raw)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"method": "drawn", "signature": ""}, b"The signature pad is empty"),
        ({"method": "drawn", "signature": "BLANK"}, b"The signature pad is empty"),
        ({"method": "drawn", "signature": "data:image/png;base64,%%%"}, b"could not be read"),
        ({"method": "typed", "typed_name": ""}, b"Type the client"),
        ({"method": "verbal", "attestation": ""}, b"Write your attestation"),
        (
            {"method": "verbal", "attestation": "Yes.", "expires_on": "2001-01-01"},
            b"cannot end before it starts",
        ),
    ],
)
def test_bad_consents_say_why_and_save_nothing(fields, message, worker, r_client, lee_recipient):
    if fields.get("signature") == "BLANK":
        fields["signature"] = png_data_url(ink=False)
    response = _post(sign_in(worker), r_client, lee_recipient, **fields)
    assert response.status_code == 200
    assert message in response.content
    assert b'value="identified_supervision" checked' in response.content.replace(b"\n", b"") or (
        b"identified_supervision" in response.content
    )
    assert not Consent.objects.exists()


def test_a_scan_must_be_a_small_pdf(worker, r_client, lee_recipient, monkeypatch):
    client = sign_in(worker)
    text = SimpleUploadedFile("form.txt", b"just text", content_type="text/plain")
    response = _post(client, r_client, lee_recipient, method="scan", scan=text)
    assert b"The scan must be a PDF file." in response.content
    monkeypatch.setattr("confide.consent.forms.MAX_SCAN_BYTES", 100)
    big = SimpleUploadedFile("form.pdf", b"%PDF-1.4\n" + b"x" * 200, content_type="application/pdf")
    response = _post(client, r_client, lee_recipient, method="scan", scan=big)
    assert b"larger than 5 MB" in response.content
    assert not Consent.objects.exists()
    good = SimpleUploadedFile("form.pdf", b"%PDF-1.4\nsigned", content_type="application/pdf")
    monkeypatch.setattr("confide.consent.forms.MAX_SCAN_BYTES", 5 * 1024 * 1024)
    assert _post(client, r_client, lee_recipient, method="scan", scan=good).status_code == 302
    assert base64.b64decode(Consent.objects.get().scan) == b"%PDF-1.4\nsigned"


def test_identified_supervision_needs_a_named_supervisor(worker, r_client):
    therapist = do_add_recipient(r_client, acting_user=worker, kind="person", name="Dr. Ames")
    response = _post(sign_in(worker), r_client, therapist, method="verbal", attestation="Yes.")
    assert b"Identified supervision needs the supervisor named." in response.content
    assert not Consent.objects.exists()


def test_revoking_cuts_the_supervisors_identified_view_on_the_next_request(
    worker, supervisor, r_client, lee_recipient
):
    consent = do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity", "notes"],
        recipients=[lee_recipient],
        starts_on=TODAY,
        expires_on=None,
        expiry_event="",
        method="verbal",
        attestation="Agreed on the phone.",
    )
    lee = sign_in(supervisor)
    assert b"Ramona" in lee.get(f"/clients/{r_client.code}/").content
    sign_in(worker).post(f"/consents/{consent.pk}/revoke/", {"note": "R. changed her mind."})
    assert lee.get(f"/clients/{r_client.code}/").status_code == 404
    consent.refresh_from_db()
    assert consent.revoked_at is not None and consent.revocation_note == "R. changed her mind."


def test_an_expired_consent_authorises_nothing(worker, supervisor, r_client, lee_recipient):
    consent = do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity"],
        recipients=[lee_recipient],
        starts_on=TODAY - datetime.timedelta(days=30),
        expires_on=TODAY - datetime.timedelta(days=1),
        expiry_event="",
        method="verbal",
        attestation="Agreed.",
    )
    assert not consent.is_active()
    assert sign_in(supervisor).get(f"/clients/{r_client.code}/").status_code == 404


def test_a_supervisor_without_consent_sees_nothing_even_on_the_care_team(
    supervisor, r_client, administrator
):
    from confide.clients.services import do_assign

    do_assign(r_client, supervisor, starts_on=TODAY, acting_user=administrator)
    assert sign_in(supervisor).get(f"/clients/{r_client.code}/").status_code == 404


def test_a_revoked_consent_cannot_be_revoked_twice(worker, r_client, lee_recipient):
    consent = give_consent(r_client, worker, [lee_recipient])
    do_revoke_consent(consent, acting_user=worker)
    from confide.consent.services import ConsentRefused

    with pytest.raises(ConsentRefused):
        do_revoke_consent(consent, acting_user=worker)


def test_the_fhir_export_is_a_valid_r4_consent(worker, r_client, lee_recipient):
    from fhir.resources.R4B.consent import Consent as FhirConsent

    consent = do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision", "care_coordination"],
        categories=["identity"],
        recipients=[lee_recipient],
        starts_on=TODAY,
        expires_on=TODAY + datetime.timedelta(days=90),
        expiry_event="",
        method="verbal",
        attestation="Yes.",
    )
    response = sign_in(worker).get(f"/consents/{consent.pk}/fhir.json")
    assert response["Content-Type"] == "application/fhir+json"
    resource = FhirConsent.model_validate(json.loads(response.content))
    assert resource.status == "active"
    assert resource.patient.identifier.value == r_client.code
    assert b"Ramona" not in response.content
    assert AuditEvent.objects.filter(action="export", resource_type="consent_fhir").exists()


@pytest.mark.parametrize("role_fixture", ["colleague", "auditor", "administrator"])
def test_others_cannot_reach_a_clients_consents(role_fixture, request, r_client, lee_recipient):
    consent = do_record_consent(
        r_client,
        acting_user=request.getfixturevalue("worker"),
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity"],
        recipients=[lee_recipient],
        starts_on=TODAY,
        expires_on=None,
        expiry_event="",
        method="verbal",
        attestation="Yes.",
    )
    client = sign_in(request.getfixturevalue(role_fixture))
    for url in (
        f"/clients/{r_client.code}/consents/",
        f"/consents/{consent.pk}/",
        f"/consents/{consent.pk}/copy.pdf",
        f"/consents/{consent.pk}/fhir.json",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/consents/{consent.pk}/revoke/").status_code == 404
    consent.refresh_from_db()
    assert consent.revoked_at is None


def test_recipients_are_encrypted_third_party_names(worker, r_client):
    do_add_recipient(r_client, acting_user=worker, kind="person", name="Dr. Winifred Ames")
    raw = Recipient.objects.values_list("name", flat=True).get()
    assert b"Winifred" not in bytes(raw)
    assert timezone.now()


def test_a_privacy_officer_publishes_a_new_form_version_and_old_consents_keep_theirs(
    privacy_officer, worker, r_client, lee_recipient
):
    old = give_consent(r_client, worker, [lee_recipient])
    sam = sign_in(privacy_officer)
    empty = sam.post("/consent-forms/new/", {"language": "en", "title": "", "body": "Text"})
    assert b"This field is required." in empty.content
    response = sam.post(
        "/consent-forms/new/",
        {"language": "en", "title": "Consent to share information", "body": "New words."},
    )
    assert response.status_code == 302
    assert ConsentForm.objects.get(language="en", version=2).body == "New words."
    old.refresh_from_db()
    assert old.form.version == 1
    assert AuditEvent.objects.filter(action="consent_form.published").exists()


def test_only_the_privacy_officer_publishes_consent_forms(worker, administrator):
    for user in (worker, administrator):
        client = sign_in(user)
        assert client.get("/consent-forms/").status_code == 403
        assert (
            client.post(
                "/consent-forms/new/", {"language": "en", "title": "T", "body": "B"}
            ).status_code
            == 403
        )
    assert not ConsentForm.objects.filter(version=2).exists()


def test_exports_ask_for_a_fresh_authentication(worker, r_client, lee_recipient):
    consent = give_consent(r_client, worker, [lee_recipient])
    client = sign_in(worker)
    session = client.session
    session["confide_reauth_at"] = 0
    session.save()
    for url in (
        f"/consents/{consent.pk}/copy.pdf",
        f"/consents/{consent.pk}/fhir.json",
        f"/clients/{r_client.code}/disclosures/accounting.pdf",
        f"/clients/{r_client.code}/disclosures/accounting.csv",
        f"/clients/{r_client.code}/access-report.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/reauth/"), url
    assert client.get(f"/clients/{r_client.code}/disclosures/accounting/").status_code == 200
    assert not AuditEvent.objects.filter(action="export").exists()
