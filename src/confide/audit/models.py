from datetime import UTC, datetime

from django.db import models


class AuditEvent(models.Model):
    """One link of the append-only, hash-chained audit log.

    Every column but ``hash`` feeds the hash (see ``confide.audit.chain``), exactly
    as stored, so the chain verifies without decrypting anything and survives the
    shredding of a client. Time is integer microseconds since the epoch (UTC) so its
    encoding is the same on every database.
    """

    seq = models.BigIntegerField(primary_key=True)
    at_us = models.BigIntegerField()
    actor_id = models.CharField(max_length=64)
    action = models.CharField(max_length=64)
    resource_type = models.CharField(max_length=64, blank=True)
    resource_id = models.CharField(max_length=64, blank=True)
    client_id = models.CharField(max_length=64, blank=True, db_index=True)
    purpose = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=8)
    request_id = models.CharField(max_length=64, blank=True)
    details = models.TextField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["actor_id", "at_us"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.outcome}"

    @property
    def at(self) -> datetime:
        return datetime.fromtimestamp(self.at_us / 1_000_000, tz=UTC)
