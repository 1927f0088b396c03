import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from confide.vault.fields import BlindIndexField, EncryptedField

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 5


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
    created_at = models.DateTimeField(auto_now_add=True)

    legal_name = EncryptedField(client_field="pk")
    preferred_name = EncryptedField(client_field="pk")
    date_of_birth = EncryptedField(client_field="pk", kind="date")
    phone = EncryptedField(client_field="pk")

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
