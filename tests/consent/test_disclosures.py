"""Scenarios 4 and 5: disclosures with their legal basis, and the accounting of them."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from confide.audit.models import AuditEvent
from confide.consent.models import ConsentForm, Disclosure
from confide.consent.services import (
    ConsentRefused,
    do_add_recipient,
    do_record_consent,
    do_record_disclosure,
    do_revoke_consent,
)
from tests.helpers import pdf_text, sign_in
from tests.records.conftest import write_note

TODAY = datetime.date.today()


@pytest.fixture
def therapist(r_client, worker):
    return do_add_recipient(
        r_client,
        acting_user=worker,
        kind="person",
        name="Dr. Winifred Ames",
        organisation="Riverbend Counseling",
    )


@pytest.fixture
def roi(r_client, worker, therapist):
    """R.'s release of information to her therapist: dates and notes, not substance use."""
    return do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["release_of_information"],
        categories=["attendance", "notes"],
        recipients=[therapist],
        starts_on=TODAY - datetime.timedelta(days=10),
        expires_on=None,
        expiry_event="",
        method="typed",
        signature="Ramona Estrada-Villalobos",
    )


def _disclose(client, worker, recipient, **overrides):
    fields = dict(
        acting_user=worker,
        recipient=recipient,
        disclosed_at=timezone.now(),
        how="phone",
        purpose="release_of_information",
        categories=["attendance"],
        notes=[],
        description="Confirmed she attended three sessions this month.",
    )
    fields.update(overrides)
    return do_record_disclosure(client, **fields)


def test_a_disclosure_covered_by_consent_is_recorded_with_its_basis(
    r_client, worker, therapist, roi
):
    disclosure = _disclose(r_client, worker, therapist)
    assert disclosure.consent == roi and not disclosure.needs_review
    assert AuditEvent.objects.filter(action="disclosure.recorded").exists()


def test_after_revocation_a_disclosure_to_the_therapist_is_refused(
    r_client, worker, therapist, roi
):
    """Scenario 4: "I don't want my therapist to get anything anymore.\""""
    do_revoke_consent(roi, acting_user=worker, note="R. called.")
    # She called ten minutes ago; the form records times to the minute.
    type(roi).objects.filter(pk=roi.pk).update(
        revoked_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    with pytest.raises(ConsentRefused, match="no active consent covers"):
        _disclose(r_client, worker, therapist)
    response = sign_in(worker).post(
        f"/clients/{r_client.code}/disclosures/new/",
        {
            "recipient": therapist.pk,
            "disclosed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "how": "phone",
            "basis": "consent",
            "purpose": "release_of_information",
            "categories": ["attendance"],
            "description": "Attendance this month",
            "client_told": "not_yet",
        },
    )
    assert response.status_code == 200
    assert b"Not recorded: no active consent covers this recipient" in response.content
    assert b"Attendance this month" in response.content  # nothing typed is lost
    assert not Disclosure.objects.exists()
    assert AuditEvent.objects.filter(action="disclosure.refused", outcome="denied").exists()


def test_categories_or_recipients_outside_the_consent_are_refused(
    r_client, worker, therapist, roi, colleague
):
    note = write_note(r_client, worker, body="Talked about drinking.", tags=["substance_use"])
    with pytest.raises(ConsentRefused):
        _disclose(r_client, worker, therapist, notes=[note])  # substance use is not covered
    landlord = do_add_recipient(r_client, acting_user=worker, kind="person", name="The landlord")
    with pytest.raises(ConsentRefused):
        _disclose(r_client, worker, landlord)
    with pytest.raises(ConsentRefused):
        _disclose(r_client, worker, therapist, purpose="care_coordination")
    assert not Disclosure.objects.exists()


def test_a_disclosure_before_the_consent_started_is_refused(r_client, worker, therapist, roi):
    with pytest.raises(ConsentRefused):
        _disclose(
            r_client, worker, therapist, disclosed_at=timezone.now() - datetime.timedelta(days=30)
        )


def test_an_exception_needs_a_justification_and_goes_to_review(r_client, worker, privacy_officer):
    """Scenario 5: imminent risk, shared with the mobile crisis team."""
    crisis = do_add_recipient(
        r_client, acting_user=worker, kind="organisation", organisation="County mobile crisis team"
    )
    client = sign_in(worker)
    form = {
        "recipient": crisis.pk,
        "disclosed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "how": "phone",
        "basis": "imminent_risk",
        "categories": ["identity"],
        "description": "Name, location and the plan she described.",
        "client_told": "not_yet",
    }
    response = client.post(f"/clients/{r_client.code}/disclosures/new/", form)
    assert b"An exception needs your justification." in response.content
    assert not Disclosure.objects.exists()
    form["justification"] = "She described a specific plan to harm herself tonight."
    assert client.post(f"/clients/{r_client.code}/disclosures/new/", form).status_code == 302
    disclosure = Disclosure.objects.get()
    assert disclosure.needs_review and disclosure.exception == "imminent_risk"

    sam = sign_in(privacy_officer)
    assert b"Disclosures to review" in sam.get("/").content
    assert r_client.code.encode() in sam.get("/disclosures/reviews/").content
    sam.post(f"/disclosures/{disclosure.pk}/review/", {"note": "Correct procedure."})
    disclosure.refresh_from_db()
    assert not disclosure.needs_review and disclosure.reviewed_by == privacy_officer


def test_nobody_reviews_their_own_disclosure(r_client, privacy_officer):
    crisis = do_add_recipient(
        r_client, acting_user=privacy_officer, kind="organisation", organisation="County court"
    )
    disclosure = _disclose(
        r_client,
        privacy_officer,
        crisis,
        exception="court_order",
        justification="Subpoena, reviewed by counsel.",
        purpose="",
    )
    response = sign_in(privacy_officer).post(f"/disclosures/{disclosure.pk}/review/", {"note": ""})
    assert b"nobody reviews their own disclosure" in response.content


def test_the_accounting_lists_disclosures_on_screen_in_pdf_and_csv(
    r_client, worker, therapist, roi, privacy_officer
):
    crisis = do_add_recipient(
        r_client, acting_user=worker, kind="organisation", organisation="County mobile crisis team"
    )
    _disclose(
        r_client,
        worker,
        crisis,
        exception="imminent_risk",
        purpose="",
        justification="Specific plan.",
        description="Her location and the plan.",
    )
    _disclose(r_client, worker, therapist)
    sam = sign_in(privacy_officer)
    page = sam.get(f"/clients/{r_client.code}/disclosures/accounting/")
    assert b"County mobile crisis team" in page.content and b"Imminent risk" in page.content
    pdf = sam.get(f"/clients/{r_client.code}/disclosures/accounting.pdf")
    assert pdf["Content-Disposition"].endswith(f'accounting-of-disclosures-{r_client.code}.pdf"')
    text = pdf_text(pdf.content)
    assert "County" in text and "Winifred" in text and "Imminent risk" in text
    rows = list(
        csv.reader(
            io.StringIO(
                sam.get(f"/clients/{r_client.code}/disclosures/accounting.csv").content.decode()
            )
        )
    )
    assert rows[0] == ["Date", "Recipient", "What was shared", "Purpose", "Legal basis"]
    assert len(rows) == 3
    future = (TODAY + datetime.timedelta(days=5)).isoformat()
    empty = sam.get(f"/clients/{r_client.code}/disclosures/accounting/", {"start": future})
    assert b"Nothing was shared in this period." in empty.content
    exports = AuditEvent.objects.filter(action="export", resource_type="accounting")
    assert exports.count() == 2


def test_substance_use_disclosures_carry_the_redisclosure_notice(r_client, worker, privacy_officer):
    note = write_note(r_client, worker, body="Talked about drinking.", tags=["substance_use"])
    er = do_add_recipient(
        r_client,
        acting_user=worker,
        kind="organisation",
        organisation="St. Agnes emergency department",
    )
    disclosure = _disclose(
        r_client,
        worker,
        er,
        notes=[note],
        exception="medical_emergency",
        justification="Overdose, unconscious.",
        purpose="",
    )
    assert disclosure.substance_use and "substance_use" in disclosure.categories
    pdf = sign_in(privacy_officer).get(f"/clients/{r_client.code}/disclosures/accounting.pdf")
    assert "42 CFR part 2" in pdf_text(pdf.content)


def test_a_csv_cell_cannot_smuggle_a_formula(r_client, worker, privacy_officer):
    crisis = do_add_recipient(
        r_client, acting_user=worker, kind="organisation", organisation="=HYPERLINK(1)"
    )
    _disclose(
        r_client,
        worker,
        crisis,
        exception="other_legal",
        purpose="",
        justification="Statute.",
        description="+1 attendance",
    )
    body = sign_in(privacy_officer).get(f"/clients/{r_client.code}/disclosures/accounting.csv")
    assert "'=HYPERLINK(1)" in body.content.decode() and "'+1 attendance" in body.content.decode()


def test_the_client_page_shows_the_confidentiality_checklist(r_client, worker, therapist):
    do_record_consent(
        r_client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["release_of_information"],
        categories=["attendance"],
        recipients=[therapist],
        starts_on=TODAY,
        expires_on=TODAY + datetime.timedelta(days=10),
        expiry_event="",
        method="typed",
        signature="R.",
    )
    page = sign_in(worker).get(f"/clients/{r_client.code}/").content
    assert b"Confidentiality not explained yet" in page
    assert b"1 consent in force" in page and b"1 consent ends within 30 days" in page
    assert b"Consents ending within 30 days" in sign_in(worker).get("/").content


def test_an_auditor_cannot_see_disclosures(r_client, auditor):
    assert (
        sign_in(auditor).get(f"/clients/{r_client.code}/disclosures/accounting/").status_code == 404
    )


def test_a_disclosure_without_a_basis_is_refused_plainly(r_client, worker, therapist):
    response = sign_in(worker).post(
        f"/clients/{r_client.code}/disclosures/new/",
        {
            "recipient": therapist.pk,
            "how": "phone",
            "description": "Dates of attendance",
            "disclosed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "categories": ["attendance"],
            "client_told": "not_yet",
        },
    )
    assert response.status_code == 200
    assert b"This field is required." in response.content
    assert b"Dates of attendance" in response.content
    assert not Disclosure.objects.exists()


def test_telling_the_client_is_recorded(r_client, worker):
    crisis = do_add_recipient(
        r_client, acting_user=worker, kind="organisation", organisation="County mobile crisis team"
    )
    disclosure = _disclose(
        r_client,
        worker,
        crisis,
        exception="imminent_risk",
        purpose="",
        justification="Specific plan.",
    )
    sign_in(worker).post(f"/disclosures/{disclosure.pk}/told/")
    disclosure.refresh_from_db()
    assert disclosure.client_told == "yes" and disclosure.client_told_on == TODAY
    assert AuditEvent.objects.filter(action="disclosure.client_told").exists()
