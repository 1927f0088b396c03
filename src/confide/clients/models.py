import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.vault.fields import BlindIndexField, EncryptedField

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 5
CODE_PATTERN = r"C-[2-9A-HJKMNP-Z]{5}"

# The identity fields, in the order forms and pages show them.
IDENTITY_FIELDS = (
    "legal_name",
    "preferred_name",
    "pronouns",
    "language",
    "date_of_birth",
    "phone",
    "email",
    "address",
    "emergency_contact",
    "other_identifiers",
)


def new_client_code() -> str:
    return "C-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Client(models.Model):
    """A person receiving peer support.

    Only ``code`` (random, non-identifying) may appear in URLs, titles, logs and audit
    events. Identity is encrypted under the client's own data key; name, date of birth
    and phone are searchable by exact match through blind indexes.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(max_length=16, unique=True, default=new_client_code, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The language for explainers, forms and copies handed to the client.
    language = models.CharField(
        _("language for documents"), max_length=8, choices=settings.LANGUAGES, default="en"
    )

    legal_name = EncryptedField(client_field="pk")
    preferred_name = EncryptedField(client_field="pk")
    pronouns = EncryptedField(client_field="pk")
    date_of_birth = EncryptedField(client_field="pk", kind="date")
    phone = EncryptedField(client_field="pk")
    email = EncryptedField(client_field="pk")
    address = EncryptedField(client_field="pk")
    emergency_contact = EncryptedField(client_field="pk")
    other_identifiers = EncryptedField(client_field="pk")

    legal_name_index = BlindIndexField(source="legal_name", index_name="client-name", kind="name")
    preferred_name_index = BlindIndexField(
        source="preferred_name", index_name="client-name", kind="name"
    )
    date_of_birth_index = BlindIndexField(
        source="date_of_birth", index_name="client-dob", kind="date"
    )
    phone_index = BlindIndexField(source="phone", index_name="client-phone", kind="phone")

    def __str__(self) -> str:
        return self.code

    @property
    def display_name(self) -> str:
        """The name to call someone by: preferred if given, else legal."""
        return self.preferred_name or self.legal_name or ""


class ClientRevision(models.Model):
    """The identity as it was before one edit: the record's history, encrypted like it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="revisions")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    changed_at = models.DateTimeField(default=timezone.now)
    # Names of the fields this edit changed (not their values).
    changed_fields = models.JSONField(default=list)
    previous = EncryptedField()  # JSON of the changed fields' previous values

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"revision {self.pk}"


class AssignmentQuerySet(models.QuerySet):
    def active(self, on: "timezone.datetime | None" = None) -> "AssignmentQuerySet":
        today = timezone.localdate() if on is None else on
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today), starts_on__lte=today)


class CareTeamAssignment(models.Model):
    """A staff member on a client's care team from ``starts_on`` until ``ends_on`` (inclusive)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="assignments")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["staff", "client"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"assignment {self.pk}"
