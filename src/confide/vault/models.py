from django.db import models

ORGANISATION_KEY = "organisation"
BLIND_INDEX_KEY = "blind-index"


class WrappedKey(models.Model):
    """A data key, stored only wrapped by the active master key.

    ``name`` is a client's id for per-client keys, or one of the organisation key
    names. Shredding a client deletes its row: with it goes the only copy of the key.
    """

    name = models.CharField(primary_key=True, max_length=64)
    wrapped = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "wrapped data key"
