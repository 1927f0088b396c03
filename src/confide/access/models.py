import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.clients.models import Client
from confide.vault.fields import EncryptedField


class BreakGlassGrant(models.Model):
    """Emergency access to one client's record by someone not on the care team.

    Time-limited, with a stated reason (encrypted: it may describe the client), and
    reviewed afterwards by a privacy officer.
    """

    class Outcome(models.TextChoices):
        JUSTIFIED = "justified", _("Justified")
        NOT_JUSTIFIED = "not_justified", _("Not justified")
        FOLLOW_UP = "follow_up", _("Needs follow-up")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    reason = EncryptedField()
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    review_note = EncryptedField()

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "client", "expires_at"])]

    def __str__(self) -> str:
        return f"break-glass {self.pk}"

    def is_active(self, now: "timezone.datetime | None" = None) -> bool:
        return (now or timezone.now()) < self.expires_at


class TagGrant(models.Model):
    """Lets one staff member see notes with one sensitivity tag that their role would hide
    (on the clients they may otherwise see). Granted and revoked by a privacy officer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_grants"
    )
    tag = models.CharField(max_length=32)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="one_grant_per_tag")]

    def __str__(self) -> str:
        return f"{self.tag} grant"
