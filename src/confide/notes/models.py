import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.clients.models import Client
from confide.vault.fields import EncryptedField


class ContactType(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    TEXT = "text", _("Text messages")
    OUTREACH = "outreach", _("Outreach")


class Sensitivity(models.TextChoices):
    """Tags for content that needs stricter handling than the rest of the record."""

    # US 42 CFR Part 2: substance-use records need consent even for most sharing.
    SUBSTANCE_USE = "substance_use", _("Substance use")
    HIV_HEALTH = "hiv_health", _("HIV / health")
    LEGAL = "legal", _("Legal")
    REPRODUCTIVE = "reproductive", _("Reproductive health")
    TRAUMA = "trauma", _("Trauma")
    OTHER = "other", _("Other sensitive")


class Note(models.Model):
    """A session note. A draft until signed; once signed it never changes, and
    corrections are amendments (new notes pointing at the original)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notes"
    )
    session_date = models.DateField()
    contact_type = models.CharField(max_length=16, choices=ContactType.choices)
    duration_minutes = models.PositiveIntegerField()
    tags = models.JSONField(default=list, blank=True)
    body = EncryptedField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    amends = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-session_date", "-created_at"]
        indexes = [
            models.Index(fields=["client", "-session_date"]),
            models.Index(fields=["author", "status"]),
        ]

    def __str__(self) -> str:
        return f"note {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        # A signed note is part of the record: no code path may rewrite it.
        if not self._state.adding:
            stored = Note.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == self.Status.SIGNED:
                raise ValueError("a signed note cannot be changed; write an amendment")
        super().save(*args, **kwargs)

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    def tag_labels(self) -> list[str]:
        return [Sensitivity(tag).label for tag in self.tags]
