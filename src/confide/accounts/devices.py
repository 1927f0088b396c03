"""Second factors whose secrets are not readable from a database dump.

django-otp's stock TOTP device keeps its seed in clear and its static device keeps backup
codes in clear. Here the seed is encrypted under the organisation data key (so the
master key, kept outside the database, is needed to make codes) and backup codes are
stored only as SHA-256 hashes.
"""

import binascii
import os
import secrets
import time
from base64 import b32encode
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin
from django_otp.oath import TOTP

from confide.vault.fields import EncryptedField, search_token

SEED_BYTES = 20
BACKUP_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_CODE_LENGTH = 10  # about 49 bits each, and the stored digest is keyed (below)


def _new_device_id() -> int:
    # Made here, not by the database: encrypted fields bind their row id before insert,
    # and django-otp's persistent ids need integers.
    return secrets.randbits(62) + 1


def _new_seed() -> str:
    return binascii.hexlify(os.urandom(SEED_BYTES)).decode()


class AuthenticatorDevice(ThrottlingMixin, Device):
    """A TOTP authenticator app (RFC 6238: SHA-1, 6 digits, 30-second steps)."""

    id = models.BigIntegerField(primary_key=True, default=_new_device_id, editable=False)
    secret = EncryptedField(client_field=None, default=_new_seed)
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    # The last time step accepted: a code is never accepted twice.
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = "authenticator app"

    @property
    def bin_key(self) -> bytes:
        return binascii.unhexlify(self.secret)

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def verify_token(self, token: str) -> bool:
        """Accept a current code once (within the tolerance window); throttle failures."""
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            number = int(token)
        except (TypeError, ValueError):
            number = None
        totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
        totp.time = time.time()
        if number is not None and totp.verify(number, self.tolerance, self.last_t + 1):
            self.last_t = totp.t()
            self.drift = totp.drift
            self.throttle_reset(commit=False)
            self.save()
            return True
        self.throttle_increment(commit=True)
        return False

    @property
    def config_url(self) -> str:
        """The otpauth:// URI an authenticator app reads from the QR code."""
        issuer = settings.OTP_TOTP_ISSUER
        label = quote(f"{issuer}:{self.user.get_username()}")
        query = urlencode(
            {
                "secret": b32encode(self.bin_key).decode().rstrip("="),
                "issuer": issuer,
                "algorithm": "SHA1",
                "digits": self.digits,
                "period": self.step,
            }
        )
        return f"otpauth://totp/{label}?{query}"


class BackupCodesDevice(ThrottlingMixin, Device):
    """One-time backup codes, kept only as hashes."""

    id = models.BigIntegerField(primary_key=True, default=_new_device_id, editable=False)

    class Meta(Device.Meta):
        verbose_name = "backup codes"

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token: str) -> bool:
        """Accept an unused code once; the code is spent in the same transaction."""
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        digest = backup_code_digest(token)
        with transaction.atomic():
            code = (
                BackupCode.objects.select_for_update()
                .filter(device=self, code_hash=digest, used_at__isnull=True)
                .first()
            )
            if code is not None:
                code.used_at = timezone.now()
                code.save(update_fields=["used_at"])
                self.throttle_reset()
                return True
        self.throttle_increment()
        return False


def new_backup_code() -> str:
    raw = "".join(secrets.choice(BACKUP_CODE_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def backup_code_digest(code: str) -> str:
    """A keyed hash (HMAC under a key derived from the organisation key): a database dump
    alone is not enough to try codes offline."""
    normalised = code.strip().lower().replace("-", "").replace(" ", "")
    return search_token("backup-code", normalised or "-", "text").hex()


class BackupCode(models.Model):
    device = models.ForeignKey(BackupCodesDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return "backup code"
