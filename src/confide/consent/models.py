import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.clients.models import Client
from confide.notes.models import Note, Sensitivity
from confide.vault.fields import EncryptedField


class ConsentPurpose(models.TextChoices):
    IDENTIFIED_SUPERVISION = (
        "identified_supervision",
        _("Talking about me, by name, with a supervisor"),
    )
    CARE_COORDINATION = "care_coordination", _("Coordinating my care with the people named")
    EMERGENCY_CONTACT = "emergency_contact", _("Contacting the person named in an emergency")
    RELEASE_OF_INFORMATION = (
        "release_of_information",
        _("Sharing information with the people named"),
    )
    DEIDENTIFIED_EVALUATION = (
        "deidentified_evaluation",
        _("Using my information without my name to improve the program"),
    )


class DataCategory(models.TextChoices):
    IDENTITY = "identity", _("Name and contact details")
    ATTENDANCE = "attendance", _("Dates we met")
    NOTES = "notes", _("What we talked about (session notes)")
    SUBSTANCE_USE = Sensitivity.SUBSTANCE_USE.value, Sensitivity.SUBSTANCE_USE.label
    HIV_HEALTH = Sensitivity.HIV_HEALTH.value, Sensitivity.HIV_HEALTH.label
    LEGAL = Sensitivity.LEGAL.value, Sensitivity.LEGAL.label
    REPRODUCTIVE = Sensitivity.REPRODUCTIVE.value, Sensitivity.REPRODUCTIVE.label
    TRAUMA = Sensitivity.TRAUMA.value, Sensitivity.TRAUMA.label


class ConsentForm(models.Model):
    """A version of the organisation's consent form, in one language. Never edited once
    used: a change is a new version."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.PositiveIntegerField()
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(max_length=200)
    body = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="one_form_per_version")
        ]
        ordering = ["-version", "language"]

    def __str__(self) -> str:
        return f"consent form v{self.version} ({self.language})"


class Recipient(models.Model):
    """Someone outside the care team a client's information may go to: a named person,
    an organisation, or a member of staff (for identified supervision)."""

    class Kind(models.TextChoices):
        PERSON = "person", _("A person")
        ORGANISATION = "organisation", _("An organisation")
        STAFF = "staff", _("A member of our staff")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="recipients")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Names of third parties identify people too: encrypted like the rest of the record.
    name = EncryptedField()
    organisation = EncryptedField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"recipient {self.pk}"

    @property
    def label(self) -> str:
        if self.kind == self.Kind.STAFF and self.staff is not None:
            return f"{self.staff.display_name} ({_('staff')})"
        parts = [p for p in (self.name, self.organisation) if p]
        return ", ".join(parts)


class Consent(models.Model):
    """A client's informed consent: what for, to whom, which information, from when until
    when, and how it was given. Revocable at any time, effective at once."""

    class Method(models.TextChoices):
        DRAWN = "drawn", _("Signed on screen (drawn)")
        TYPED = "typed", _("Signed on screen (typed name)")
        SCAN = "scan", _("Signed paper form, uploaded")
        VERBAL = "verbal", _("Verbal, with my attestation")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    form = models.ForeignKey(ConsentForm, on_delete=models.PROTECT, related_name="+")
    purposes = models.JSONField(default=list)
    categories = models.JSONField(default=list)
    recipients = models.ManyToManyField(Recipient, related_name="consents")
    starts_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    expiry_event = EncryptedField()
    method = models.CharField(max_length=8, choices=Method.choices)
    signature = EncryptedField()  # a PNG data URL (drawn) or the typed name
    scan = EncryptedField()  # base64 of the uploaded PDF
    attestation = EncryptedField()  # the worker's words for a verbal consent
    witness = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    copy_pdf = EncryptedField()  # base64 of the client's PDF copy
    copy_sha256 = models.CharField(max_length=64)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revocation_note = EncryptedField()

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["client", "revoked_at"])]

    def __str__(self) -> str:
        return f"consent {self.pk}"

    def is_active(self, at: "timezone.datetime | None" = None) -> bool:
        """In force at ``at`` (now): started, not expired, not revoked."""
        at = at or timezone.now()
        day = timezone.localdate(at)
        if self.revoked_at is not None and self.revoked_at <= at:
            return False
        if self.starts_on > day:
            return False
        return self.expires_on is None or self.expires_on >= day

    def purpose_labels(self) -> list[str]:
        return [ConsentPurpose(p).label for p in self.purposes]

    def category_labels(self) -> list[str]:
        return [DataCategory(c).label for c in self.categories]


class ExceptionBasis(models.TextChoices):
    """Legal bases for a disclosure without consent: the limits of confidentiality."""

    IMMINENT_RISK = "imminent_risk", _("Imminent risk of serious harm")
    MANDATED_REPORT = "mandated_report", _("Mandated report (abuse or neglect)")
    COURT_ORDER = "court_order", _("Court order")
    MEDICAL_EMERGENCY = "medical_emergency", _("Medical emergency")
    OTHER_LEGAL = "other_legal", _("Other legal requirement")


class Disclosure(models.Model):
    """A release of client information outside the care team, with its legal basis."""

    class How(models.TextChoices):
        PHONE = "phone", _("Phone")
        IN_PERSON = "in_person", _("In person")
        EMAIL = "email", _("Email")
        LETTER = "letter", _("Letter")
        FAX = "fax", _("Fax")
        PORTAL = "portal", _("Secure portal")

    class Told(models.TextChoices):
        YES = "yes", _("Yes")
        NOT_YET = "not_yet", _("Not yet")
        NO = "no", _("No (it would put someone at risk)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="disclosures")
    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="disclosures")
    disclosed_at = models.DateTimeField()
    how = models.CharField(max_length=16, choices=How.choices)
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices, blank=True)
    categories = models.JSONField(default=list)
    notes = models.ManyToManyField(Note, blank=True, related_name="disclosures")
    description = EncryptedField()
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    exception = models.CharField(max_length=32, choices=ExceptionBasis.choices, blank=True)
    justification = EncryptedField()
    substance_use = models.BooleanField(default=False)
    client_told = models.CharField(max_length=8, choices=Told.choices, default=Told.NOT_YET)
    client_told_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    needs_review = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = EncryptedField()

    class Meta:
        ordering = ["-disclosed_at"]
        constraints = [
            # Exactly one legal basis: a consent, or a documented exception.
            models.CheckConstraint(
                condition=(
                    models.Q(consent__isnull=False, exception="")
                    | models.Q(consent__isnull=True) & ~models.Q(exception="")
                ),
                name="disclosure_has_one_basis",
            )
        ]

    def __str__(self) -> str:
        return f"disclosure {self.pk}"

    @property
    def basis_label(self) -> str:
        if self.consent_id:
            return str(_("Consent"))
        return ExceptionBasis(self.exception).label
