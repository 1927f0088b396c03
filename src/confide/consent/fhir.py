"""A consent as an HL7 FHIR R4 ``Consent`` resource (JSON-ready dict)."""

from django.utils import timezone

from confide.consent.models import Consent, Recipient

SYSTEM = "https://confide.invalid/fhir"
_PURPOSE_CODES = {
    # HL7 v3 ActReason codes where one fits; our own system otherwise.
    "care_coordination": ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT"),
    "emergency_contact": ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "ETREAT"),
    "deidentified_evaluation": ("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HOPERAT"),
}


def _purpose(code: str) -> dict:
    system, value = _PURPOSE_CODES.get(code, (f"{SYSTEM}/consent-purpose", code))
    return {"system": system, "code": value}


def _actor(recipient: Recipient) -> dict:
    display = recipient.label
    kind = "Practitioner" if recipient.kind != Recipient.Kind.ORGANISATION else "Organization"
    return {
        "role": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "code": "IRCP",
                    "display": "information recipient",
                }
            ]
        },
        "reference": {"display": display, "type": kind},
    }


def consent_to_fhir(consent: Consent) -> dict:
    """The consent as a FHIR R4 Consent. The patient is referred to by client code only."""
    status = "active" if consent.is_active() else "inactive"
    if consent.revoked_at is not None:
        status = "inactive"
    period = {"start": consent.starts_on.isoformat()}
    if consent.expires_on:
        period["end"] = consent.expires_on.isoformat()
    return {
        "resourceType": "Consent",
        "id": str(consent.pk),
        "status": status,
        "scope": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                    "code": "patient-privacy",
                }
            ]
        },
        "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
        "patient": {
            "identifier": {"system": f"{SYSTEM}/client-code", "value": consent.client.code}
        },
        "dateTime": timezone.localtime(consent.recorded_at).isoformat(),
        "policyRule": {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}
            ]
        },
        "verification": [
            {
                "verified": True,
                "verificationDate": timezone.localtime(consent.recorded_at).isoformat(),
            }
        ],
        "provision": {
            "type": "permit",
            "period": period,
            "actor": [_actor(r) for r in consent.recipients.all()],
            "purpose": [_purpose(p) for p in consent.purposes],
            "class": [{"system": f"{SYSTEM}/data-category", "code": c} for c in consent.categories],
        },
    }
