"""Creating clients (the rest of the record lifecycle arrives with the records work)."""

import datetime

from django.db import IntegrityError, transaction

from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import Client, new_client_code
from confide.vault import keyring


def do_create_client(
    *,
    legal_name: str,
    preferred_name: str = "",
    date_of_birth: datetime.date | None = None,
    phone: str = "",
    acting_user: object,
) -> Client:
    """Intake: a new client with a fresh data key, in one audited transaction."""
    for _attempt in range(5):
        client = Client(
            code=new_client_code(),
            legal_name=legal_name,
            preferred_name=preferred_name or None,
            date_of_birth=date_of_birth,
            phone=phone or None,
        )
        try:
            with transaction.atomic():
                keyring.create_data_key(str(client.pk))
                client.save(force_insert=True)
                record_event(
                    Action.CLIENT_CREATED,
                    actor=acting_user,
                    resource_type="client",
                    resource_id=client.code,
                    client_id=str(client.pk),
                )
            return client
        except IntegrityError:  # a code collision: draw another
            continue
    raise RuntimeError("could not allocate a unique client code")
