"""Recording, revoking and honouring consent; recording disclosures with their basis."""

import base64
import datetime
import hashlib

from django.db import transaction
from django.utils import timezone

from confide.accounts.models import Role, User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import Client
from confide.consent.copies import consent_copy_pdf
from confide.consent.models import (
    Consent,
    ConsentForm,
    ConsentPurpose,
    DataCategory,
    Disclosure,
    ExceptionBasis,
    Recipient,
)
from confide.consent.rules import consent_covering
from confide.notes.models import Note, Sensitivity

MAX_SCAN_BYTES = 5 * 1024 * 1024


class ConsentRefused(ValueError):
    """The consent or disclosure cannot be recorded as asked; the message says why."""


def _event(
    action: Action, client: Client, actor: User, resource: str, pk: object, **details
) -> None:
    record_event(
        action,
        actor=actor,
        resource_type=resource,
        resource_id=str(pk),
        client_id=str(client.pk),
        details=details or None,
    )


def do_publish_consent_form(
    *, acting_user: User, language: str, title: str, body: str
) -> ConsentForm:
    """A new version of the consent form in one language; consents already recorded keep
    pointing at the version the client agreed to."""
    if not title.strip() or not body.strip():
        raise ConsentRefused("a consent form needs a title and a text")
    with transaction.atomic():
        latest = (
            ConsentForm.objects.select_for_update()
            .filter(language=language)
            .order_by("-version")
            .first()
        )
        form = ConsentForm.objects.create(
            version=(latest.version + 1) if latest else 1,
            language=language,
            title=title.strip(),
            body=body.strip(),
        )
        record_event(
            Action.CONSENT_FORM_PUBLISHED,
            actor=acting_user,
            resource_type="consent_form",
            resource_id=str(form.pk),
            details={"language": language, "version": form.version},
        )
    return form


def do_add_recipient(
    client: Client,
    *,
    acting_user: User,
    kind: str,
    name: str = "",
    organisation: str = "",
    staff: User | None = None,
) -> Recipient:
    kind = Recipient.Kind(kind)
    if kind == Recipient.Kind.STAFF and staff is None:
        raise ConsentRefused("choose the member of staff")
    if kind != Recipient.Kind.STAFF and not (name.strip() or organisation.strip()):
        raise ConsentRefused("give the person's name or the organisation")
    with transaction.atomic():
        recipient = Recipient.objects.create(
            client=client,
            kind=kind,
            staff=staff if kind == Recipient.Kind.STAFF else None,
            name=name.strip() or None,
            organisation=organisation.strip() or None,
        )
        _event(
            Action.RECIPIENT_ADDED, client, acting_user, "recipient", recipient.pk, kind=kind.value
        )
    return recipient


def do_record_consent(
    client: Client,
    *,
    acting_user: User,
    form: ConsentForm,
    purposes: list[str],
    categories: list[str],
    recipients: list[Recipient],
    starts_on: datetime.date,
    expires_on: datetime.date | None,
    expiry_event: str,
    method: str,
    signature: str = "",
    scan: bytes = b"",
    attestation: str = "",
    witness: User | None = None,
) -> Consent:
    """Record a consent and make the client's PDF copy (its hash is kept with it).

    Raises ConsentRefused, before anything is saved, for an end before the start, no
    purpose, no recipient where the purpose needs one, or a method without its proof.
    """
    method = Consent.Method(method)
    purposes = [ConsentPurpose(p).value for p in purposes]
    categories = [DataCategory(c).value for c in categories]
    if not purposes:
        raise ConsentRefused("choose at least one purpose")
    if not categories:
        raise ConsentRefused("choose which information the consent covers")
    if expires_on is not None and expires_on < starts_on:
        raise ConsentRefused("the consent cannot end before it starts")
    if any(r.client_id != client.pk for r in recipients):
        raise ConsentRefused("a recipient belongs to another client")
    if not recipients and set(purposes) - {ConsentPurpose.DEIDENTIFIED_EVALUATION}:
        raise ConsentRefused("name who may receive the information")
    if ConsentPurpose.IDENTIFIED_SUPERVISION in purposes and not any(
        r.kind == Recipient.Kind.STAFF and r.staff and r.staff.role == Role.SUPERVISOR
        for r in recipients
    ):
        raise ConsentRefused("identified supervision needs the supervisor named")
    _check_proof(method, signature, scan, attestation, witness, acting_user)
    with transaction.atomic():
        consent = Consent(
            client=client,
            form=form,
            purposes=purposes,
            categories=categories,
            starts_on=starts_on,
            expires_on=expires_on,
            expiry_event=expiry_event.strip() or None,
            method=method,
            signature=signature or None,
            scan=base64.b64encode(scan).decode() if scan else None,
            attestation=attestation.strip() or None,
            witness=witness,
            recorded_by=acting_user,
        )
        consent.save()
        consent.recipients.set(recipients)
        pdf = consent_copy_pdf(consent, recipients)
        consent.copy_pdf = base64.b64encode(pdf).decode()
        consent.copy_sha256 = hashlib.sha256(pdf).hexdigest()
        consent.save(update_fields=["copy_pdf", "copy_sha256"])
        _event(
            Action.CONSENT_RECORDED,
            client,
            acting_user,
            "consent",
            consent.pk,
            method=method.value,
            purposes=purposes,
        )
    return consent


def _check_proof(
    method: Consent.Method,
    signature: str,
    scan: bytes,
    attestation: str,
    witness: User | None,
    acting_user: User,
) -> None:
    if method in (Consent.Method.DRAWN, Consent.Method.TYPED) and not signature.strip():
        raise ConsentRefused("the signature is missing")
    if method == Consent.Method.SCAN:
        if not scan:
            raise ConsentRefused("upload the signed form")
        if len(scan) > MAX_SCAN_BYTES:
            raise ConsentRefused("the scan is larger than 5 MB")
        if not scan.startswith(b"%PDF-"):
            raise ConsentRefused("the scan must be a PDF")
    if method == Consent.Method.VERBAL:
        if not attestation.strip():
            raise ConsentRefused("write your attestation of the verbal consent")
        if witness is not None and witness.pk == acting_user.pk:
            raise ConsentRefused("the witness must be someone else")


def do_revoke_consent(consent: Consent, *, acting_user: User, note: str = "") -> None:
    """Revoke at once, on the client's word: nothing is authorised by it from now on."""
    if consent.revoked_at is not None:
        raise ConsentRefused("this consent was already revoked")
    with transaction.atomic():
        consent.revoked_at = timezone.now()
        consent.revoked_by = acting_user
        consent.revocation_note = note.strip() or None
        consent.save(update_fields=["revoked_at", "revoked_by", "revocation_note"])
        _event(Action.CONSENT_REVOKED, consent.client, acting_user, "consent", consent.pk)


def do_record_disclosure(
    client: Client,
    *,
    acting_user: User,
    recipient: Recipient,
    disclosed_at: datetime.datetime,
    how: str,
    purpose: str,
    categories: list[str],
    notes: list[Note],
    description: str,
    exception: str = "",
    justification: str = "",
    client_told: str = Disclosure.Told.NOT_YET,
    client_told_on: datetime.date | None = None,
) -> Disclosure:
    """Record a release of information outside the care team, with its legal basis.

    With no exception the basis must be an active consent covering this recipient,
    purpose and every category at the time of the disclosure: otherwise ConsentRefused
    says what is not covered. An exception needs a justification and goes to the
    privacy officer's review queue.
    """
    if recipient.client_id != client.pk:
        raise ConsentRefused("that recipient belongs to another client")
    if any(note.client_id != client.pk or not note.is_signed for note in notes):
        raise ConsentRefused("only this client's signed notes can be disclosed")
    if not description.strip():
        raise ConsentRefused("say what was shared")
    if disclosed_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ConsentRefused("a disclosure cannot be in the future")
    categories = sorted({DataCategory(c).value for c in categories} | _note_categories(notes))
    substance_use = Sensitivity.SUBSTANCE_USE.value in categories
    consent = None
    if exception:
        exception = ExceptionBasis(exception).value
        if not justification.strip():
            raise ConsentRefused("an exception needs your justification")
    else:
        if not purpose:
            raise ConsentRefused("choose the purpose, or the exception that applies")
        consent = consent_covering(
            client, purpose=purpose, recipient=recipient, categories=categories, at=disclosed_at
        )
        if consent is None:
            raise ConsentRefused(
                "no active consent covers this recipient, purpose and information: "
                "record the client's consent first, or the legal exception that applies"
            )
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            client=client,
            recipient=recipient,
            disclosed_at=disclosed_at,
            how=how,
            purpose=purpose if not exception else (purpose or ""),
            categories=categories,
            description=description.strip(),
            consent=consent,
            exception=exception,
            justification=justification.strip() or None,
            substance_use=substance_use,
            client_told=client_told,
            client_told_on=client_told_on,
            recorded_by=acting_user,
            needs_review=bool(exception),
        )
        disclosure.notes.set(notes)
        _event(
            Action.DISCLOSURE_RECORDED,
            client,
            acting_user,
            "disclosure",
            disclosure.pk,
            basis=exception or "consent",
            substance_use=substance_use,
        )
    return disclosure


def _note_categories(notes: list[Note]) -> set[str]:
    categories = {DataCategory.NOTES.value} if notes else set()
    for note in notes:
        categories |= set(note.tags)
    return categories


def do_review_disclosure(disclosure: Disclosure, *, acting_user: User, note: str) -> None:
    if disclosure.recorded_by_id == acting_user.pk:
        raise ConsentRefused("nobody reviews their own disclosure")
    with transaction.atomic():
        disclosure.needs_review = False
        disclosure.reviewed_by = acting_user
        disclosure.reviewed_at = timezone.now()
        disclosure.review_note = note.strip() or None
        disclosure.save(update_fields=["needs_review", "reviewed_by", "reviewed_at", "review_note"])
        _event(
            Action.DISCLOSURE_REVIEWED, disclosure.client, acting_user, "disclosure", disclosure.pk
        )


def do_mark_client_told(disclosure: Disclosure, *, acting_user: User, told_on: datetime.date):
    with transaction.atomic():
        disclosure.client_told = Disclosure.Told.YES
        disclosure.client_told_on = told_on
        disclosure.save(update_fields=["client_told", "client_told_on"])
        _event(
            Action.DISCLOSURE_CLIENT_TOLD,
            disclosure.client,
            acting_user,
            "disclosure",
            disclosure.pk,
        )
