"""Consultation packets (frozen, de-identified copies for supervision), their threads,
peer groups for case conferences, and the ethics consultation log."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.clients.models import Client
from confide.notes.models import Note
from confide.vault.fields import EncryptedField

# Letters only, and never "C": a pseudonym must not look like a client code (C-XXXXX).
_PSEUDONYM_LETTERS = "ABDEFGHJKMNPRSTUVWXYZ"


def new_pseudonym(avoid: str = "") -> str:
    """A random label such as "Client K-4821": nothing in it is derived from the client.

    ``avoid`` holds letters it must not use (the client's initials): a label that happens
    to start with the client's initial would look like a hint, even if it is chance.
    """
    letter = secrets.choice([c for c in _PSEUDONYM_LETTERS if c not in avoid.upper()])
    return f"Client {letter}-{secrets.randbelow(9000) + 1000}"


class PeerGroup(models.Model):
    """A named group of peers (staff) a packet can be shared with for a case conference."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=80, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="peer_groups")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Packet(models.Model):
    """A consultation packet about one client, known to its readers only by ``pseudonym``.

    While a draft it holds references to the notes and the question as written; sharing
    freezes it: the redacted texts are stored, the question as written is erased, and
    nothing changes afterwards. Everything textual is encrypted under the client's key,
    so crypto-shredding the client destroys its packets too.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="consultation_packets"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="packets_written"
    )
    pseudonym = models.CharField(max_length=32, default=new_pseudonym)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    # Whether a note in it was tagged substance use: the PDF then carries the 42 CFR notice.
    substance_use = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.SHARED


class PacketSection(models.Model):
    """One part of a packet: the question, or one note."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        NOTE = "note", _("Note")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="sections")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    position = models.PositiveIntegerField()
    # A reference to the original note (never a copy of it); drafts read its text.
    note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Days after the first note's session: the only time information a reader gets.
    day_offset = models.IntegerField(null=True, blank=True)
    draft_text = EncryptedField()  # the question as written; erased when the packet is shared
    redacted_text = EncryptedField()  # set when the packet is shared
    # [start, end, label] of each replacement in ``redacted_text`` (offsets only, no text).
    redacted_spans = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["packet", "position"], name="one_section_per_position")
        ]

    def __str__(self) -> str:
        return f"section {self.pk}"


class PacketAdjustment(models.Model):
    """A worker's correction of the engine on one section: a redaction added, or a false
    positive restored. Offsets into the section's original text; never the text itself."""

    class Kind(models.TextChoices):
        ADDED = "added", _("Redaction added")
        RESTORED = "restored", _("Restored")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    section = models.ForeignKey(PacketSection, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label = models.CharField(max_length=16)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="span_not_empty")
        ]

    def __str__(self) -> str:
        return f"adjustment {self.pk}"


class PacketShare(models.Model):
    """A packet shared with one supervisor or with one peer group."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="shares")
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="packets_shared_with_me",
    )
    group = models.ForeignKey(
        PeerGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="shares"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["shared_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(supervisor__isnull=False, group__isnull=True)
                    | Q(supervisor__isnull=True, group__isnull=False)
                ),
                name="share_with_a_supervisor_or_a_group",
            )
        ]

    def __str__(self) -> str:
        return f"share {self.pk}"


class _PacketText(models.Model):
    """Text someone wrote about a packet, encrypted under the client's key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = EncryptedField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at"]


class PacketMessage(_PacketText):
    """A message in a packet's thread."""

    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="messages")

    def __str__(self) -> str:
        return f"message {self.pk}"


class SupervisionNote(_PacketText):
    """A supervisor's own note about a packet, recorded against its pseudonym."""

    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="supervision_notes")

    def __str__(self) -> str:
        return f"supervision note {self.pk}"


class EthicsConsultation(models.Model):
    """An ethical question worked through, linked to a packet or to no client at all.

    Free text is de-identified before saving and encrypted with the organisation key.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ethics_recorded"
    )
    created_at = models.DateTimeField(default=timezone.now)
    packet = models.ForeignKey(
        Packet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ethics_consultations",
    )
    topics = models.JSONField(default=list)
    values = models.JSONField(default=list)
    consulted = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    question = EncryptedField(client_field=None)
    options = EncryptedField(client_field=None)
    decision = EncryptedField(client_field=None)
    rationale = EncryptedField(client_field=None)
    # How many identifiers the engine replaced before saving (a count, never the text).
    replaced = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"ethics consultation {self.pk}"
