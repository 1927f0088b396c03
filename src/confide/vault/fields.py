"""Model fields that keep sensitive values encrypted at rest.

``EncryptedField`` stores AES-256-GCM ciphertext under the owning client's data key
(or the organisation key), with associated data binding it to model, field, row id
and client id. On the instance the attribute reads and writes plaintext; decryption
happens on first read, so loading a row never decrypts fields nobody looks at.
``BlindIndexField`` stores an HMAC of a sibling encrypted field for exact-match search.
"""

import datetime
from typing import Any

from django.db import models

from confide.crypto import associated_data
from confide.vault import keyring

# Names of encrypted attributes given new plaintext since the instance was loaded.
_ASSIGNED = "_confide_assigned"


class Sealed(bytes):
    """Ciphertext as loaded from the database (as opposed to new plaintext to encrypt)."""


class _EncryptedAttribute:
    """Plaintext on the instance, ciphertext in ``__dict__``; decrypts on first read."""

    def __init__(self, field: "EncryptedField") -> None:
        self.field = field
        self.attname = field.attname
        self.plain_slot = field.plain_slot

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        data = instance.__dict__
        if self.attname not in data:  # deferred: load the ciphertext now
            instance.refresh_from_db(fields=[self.attname])
        value = data[self.attname]
        cached = data.get(self.plain_slot)
        if cached is not None and cached[0] is value:  # sealed or read already
            return cached[1]
        if type(value) is not Sealed:
            return value
        # Raises DataKeyDestroyed after shredding and DecryptionError on any tampering.
        field = self.field
        _, _, aad, key = field._place(instance)
        text = key.open(value, associated_data=aad).decode()
        plaintext = datetime.date.fromisoformat(text) if field.kind == "date" else text
        data[self.plain_slot] = (value, plaintext)
        return plaintext

    def __set__(self, instance: models.Model, value: Any) -> None:
        data = instance.__dict__
        data[self.attname] = value
        if type(value) is not Sealed:
            assigned = data.get(_ASSIGNED)
            if assigned is None:
                data[_ASSIGNED] = {self.attname}
            else:
                assigned.add(self.attname)


class EncryptedField(models.BinaryField):
    """An encrypted text or date. ``client_field`` names the attribute holding the client id
    (``"pk"`` on the client itself); ``None`` means organisation data."""

    def __init__(
        self, *args: Any, client_field: str | None = "client_id", kind: str = "text", **kwargs: Any
    ) -> None:
        if kind not in ("text", "date"):
            raise ValueError("kind must be 'text' or 'date'")
        self.client_field = client_field
        self.kind = kind
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = True
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["client_field"] = self.client_field
        kwargs["kind"] = self.kind
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def contribute_to_class(self, cls: type, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        self.place_slot = f"_place_{self.attname}"
        self.plain_slot = f"_plain_{self.attname}"
        self.pk_attname: str | None = None
        setattr(cls, self.attname, _EncryptedAttribute(self))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Sealed | None:
        return None if value is None else Sealed(value)

    def _place(self, instance: models.Model) -> tuple[Any, Any, bytes, Any]:
        """(row id, client id, associated data, data key) for this field of this row.

        Cached on the instance against its current row and client ids (a request reads
        many fields of few rows) and recomputed whenever either changes. The key lives
        no longer than the instance, which holds the decrypted values anyway.
        """
        data = instance.__dict__
        row = data[self.pk_attname or self._resolve_pk_attname(instance)]
        if self.client_field is None:
            owner = None
        elif self.client_field == "pk":
            owner = row
        else:
            owner = data.get(self.client_field) or getattr(instance, self.client_field)
            if owner is None:
                # Never fall back to the organisation key for a client's data.
                raise ValueError(f"{self.model.__name__}.{self.name} needs a client to encrypt")
        cached = data.get(self.place_slot)
        # Identity first: the ids are the same objects for the life of a loaded row.
        if (
            cached is not None
            and (cached[0] is row or cached[0] == row)
            and (cached[1] is owner or cached[1] == owner)
        ):
            return cached
        client_id = None if owner is None else str(owner)
        aad = associated_data(
            model=instance._meta.label_lower, field=self.name, row_id=str(row), client_id=client_id
        )
        key = keyring.organisation_key() if client_id is None else keyring.client_key(client_id)
        cached = (row, owner, aad, key)
        data[self.place_slot] = cached
        return cached

    def _resolve_pk_attname(self, instance: models.Model) -> str:
        # The primary key may be declared after this field, so it is looked up on first use.
        self.pk_attname = instance._meta.pk.attname
        return self.pk_attname

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        data = model_instance.__dict__
        value = data.get(self.attname)
        if value is None or type(value) is Sealed:
            return value
        cached = data.get(self.plain_slot)
        if cached is not None and cached[0] is value:  # sealed by an earlier save
            return value
        _, _, aad, key = self._place(model_instance)
        text = value if type(value) is str else _text(value)
        # The plaintext cache, keyed by this very object, is what marks it as ciphertext.
        sealed = key.seal(text.encode(), associated_data=aad)
        data[self.attname] = sealed
        data[self.plain_slot] = (sealed, value)
        return sealed

    def get_prep_value(self, value: Any) -> Any:
        if value is not None and not isinstance(value, bytes):
            # Plaintext must never reach a query: search goes through blind indexes.
            raise TypeError("encrypted fields cannot be compared with plaintext")
        return value

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        value = self.get_prep_value(value)
        return None if value is None else connection.Database.Binary(bytes(value))


def search_token(index_name: str, value: str, kind: str) -> bytes:
    """The blind-index value to filter a ``BlindIndexField`` by; ValueError on bad input."""
    return keyring.blind_indexer().compute(index_name, value, kind=kind)


class BlindIndexField(models.BinaryField):
    """HMAC of the plaintext of ``source`` (an EncryptedField on the same model).

    Fields sharing one ``index_name`` (legal and preferred name, say) share a key, so
    one search token matches either column. Values are recomputed only when the source
    was assigned new plaintext.
    """

    def __init__(
        self, *args: Any, source: str, index_name: str, kind: str = "text", **kwargs: Any
    ) -> None:
        self.source = source
        self.index_name = index_name
        self.kind = kind
        kwargs.setdefault("null", True)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("max_length", 32)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, index_name=self.index_name, kind=self.kind)
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        if self.source not in model_instance.__dict__.get(_ASSIGNED, ()):
            return getattr(model_instance, self.attname)
        source = getattr(model_instance, self.source)
        value = (
            None
            if source in (None, "")
            else search_token(self.index_name, _text(source), self.kind)
        )
        setattr(model_instance, self.attname, value)
        return value


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def blind_index_fields(model: type[models.Model]) -> list[BlindIndexField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, BlindIndexField)]


def client_lookup(model: type[models.Model]) -> str | None:
    """The lookup naming the client whose key protects this model's rows, if any."""
    for field in model._meta.concrete_fields:
        if isinstance(field, EncryptedField) and field.client_field:
            return field.client_field
    return None
