import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.clients.models import Client
from confide.vault.fields import EncryptedField


class Language(models.TextChoices):
    # Each language is named in itself: the client may be the one choosing.
    ENGLISH = "en", "English"
    SPANISH = "es", "Español"


class DeliveryMethod(models.TextChoices):
    SPOKEN = "spoken", _("Spoken aloud")
    READ_TOGETHER = "read_together", _("Read together")
    HANDOUT = "handout", _("Handout given")
    CLIENT_PAGE = "client_page", _("Client read the web page")


class Explainer(models.Model):
    """One published version of the explainer in one language. It never changes:
    editing publishes a new version, and deliveries keep pointing at the one delivered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(max_length=8, choices=Language.choices)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()  # Markdown; organisation text, public, so not encrypted
    teach_back_points = models.JSONField(default=list)
    # Computed at publication by confide.explainers.readability.
    readability_grade = models.FloatField(null=True, blank=True)
    readability_measure = models.CharField(max_length=64, blank=True)
    published_at = models.DateTimeField(default=timezone.now)
    # Empty for the default texts Confide ships.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "version"], name="one_explainer_version_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"explainer {self.language} v{self.version}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Deliveries point at this row: rewriting it would rewrite what clients were told.
        if not self._state.adding:
            raise ValueError("a published explainer never changes; publish a new version")
        super().save(*args, **kwargs)

    @property
    def handout_filename(self) -> str:
        return f"confidentiality-explainer-{self.language}-v{self.version}.pdf"


class ExplainerDelivery(models.Model):
    """One time a worker went through an explainer version with a client."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="explainer_deliveries"
    )
    explainer = models.ForeignKey(Explainer, on_delete=models.PROTECT, related_name="deliveries")
    language = models.CharField(max_length=8, choices=Language.choices)
    method = models.CharField(max_length=16, choices=DeliveryMethod.choices)
    # The teach-back points (as worded in that version) the client said back.
    teach_back_confirmed = models.JSONField(default=list, blank=True)
    questions = EncryptedField()  # the client's own questions: free text, the client's key
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    delivered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-delivered_at"]
        indexes = [models.Index(fields=["client", "-delivered_at"])]

    def __str__(self) -> str:
        return f"explainer delivery {self.pk}"
