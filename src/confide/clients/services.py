"""Client records and care teams: every change one audited transaction."""

import datetime
import json

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from confide.accounts.models import Role, User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import (
    IDENTITY_FIELDS,
    CareTeamAssignment,
    Client,
    ClientRevision,
    new_client_code,
)
from confide.vault import keyring
from confide.vault.fields import search_token

CLINICAL_ROLES = (Role.PEER_SUPPORTER, Role.SUPERVISOR)


def _event(action: Action, client: Client, actor: object, **details: object) -> None:
    record_event(
        action,
        actor=actor,
        resource_type="client",
        resource_id=client.code,
        client_id=str(client.pk),
        details=details or None,
    )


def do_create_client(*, acting_user: object, **identity: object) -> Client:
    """Intake: a new client with a fresh data key, in one audited transaction.

    A peer supporter or supervisor who takes the intake joins the care team at once.
    """
    unknown = set(identity) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"not identity fields: {sorted(unknown)}")
    values = {
        name: (value if value not in ("", None) else None) for name, value in identity.items()
    }
    for _attempt in range(5):
        client = Client(code=new_client_code(), **values)
        try:
            with transaction.atomic():
                keyring.create_data_key(str(client.pk))
                client.save(force_insert=True)
                _event(Action.CLIENT_CREATED, client, acting_user)
                if isinstance(acting_user, User) and acting_user.role in CLINICAL_ROLES:
                    _assign(client, acting_user, timezone.localdate(), None, acting_user)
            return client
        except IntegrityError:  # a code collision: draw another
            continue
    raise RuntimeError("could not allocate a unique client code")


def do_update_identity(client: Client, *, acting_user: User, **changes: object) -> list[str]:
    """Change identity fields, keeping the previous values as an encrypted revision.

    Returns the names of the fields that really changed (nothing is written if none).
    """
    unknown = set(changes) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"not identity fields: {sorted(unknown)}")
    changed = {}
    for name, value in changes.items():
        value = value if value not in ("", None) else None
        if getattr(client, name) != value:
            changed[name] = value
    if not changed:
        return []
    previous = {name: _jsonable(getattr(client, name)) for name in changed}
    with transaction.atomic():
        ClientRevision.objects.create(
            client=client,
            changed_by=acting_user,
            changed_fields=sorted(changed),
            previous=json.dumps(previous),
        )
        for name, value in changed.items():
            setattr(client, name, value)
        client.save()
        _event(Action.CLIENT_UPDATED, client, acting_user, fields=sorted(changed))
    return sorted(changed)


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime.date) else value


def do_close_client(client: Client, *, acting_user: User) -> None:
    with transaction.atomic():
        client.status = Client.Status.CLOSED
        client.closed_at = timezone.now()
        client.save(update_fields=["status", "closed_at"])
        _event(Action.CLIENT_CLOSED, client, acting_user)


def do_reopen_client(client: Client, *, acting_user: User) -> None:
    with transaction.atomic():
        client.status = Client.Status.OPEN
        client.closed_at = None
        client.save(update_fields=["status", "closed_at"])
        _event(Action.CLIENT_REOPENED, client, acting_user)


class AssignmentError(ValueError):
    pass


def _assign(
    client: Client,
    staff: User,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    acting_user: object,
) -> CareTeamAssignment:
    assignment = CareTeamAssignment.objects.create(
        client=client, staff=staff, starts_on=starts_on, ends_on=ends_on, assigned_by=acting_user
    )
    record_event(
        Action.ASSIGNMENT_CREATED,
        actor=acting_user,
        resource_type="care_team",
        resource_id=str(assignment.pk),
        client_id=str(client.pk),
        details={"staff": str(staff.pk), "has_end": ends_on is not None},
    )
    return assignment


def do_assign(
    client: Client,
    staff: User,
    *,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    acting_user: User,
) -> CareTeamAssignment:
    """Put a clinical staff member on a client's care team (administrators and privacy
    officers only; the caller has asked the access decision point for ASSIGN)."""
    if staff.role not in CLINICAL_ROLES or not staff.is_active:
        raise AssignmentError("only active peer supporters and supervisors join care teams")
    if ends_on is not None and ends_on < starts_on:
        raise AssignmentError("the end date is before the start date")
    with transaction.atomic():
        return _assign(client, staff, starts_on, ends_on, acting_user)


def do_end_assignment(
    assignment: CareTeamAssignment, *, ends_on: datetime.date, acting_user: User
) -> None:
    if ends_on < assignment.starts_on:
        raise AssignmentError("the end date is before the start date")
    with transaction.atomic():
        assignment.ends_on = ends_on
        assignment.save(update_fields=["ends_on"])
        record_event(
            Action.ASSIGNMENT_ENDED,
            actor=acting_user,
            resource_type="care_team",
            resource_id=str(assignment.pk),
            client_id=str(assignment.client_id),
        )


def search_clients(
    clients: QuerySet[Client], *, name: str = "", date_of_birth: str = "", phone: str = ""
) -> QuerySet[Client]:
    """Exact-match search within ``clients`` (a visible queryset) through blind indexes.

    Raises ValueError for a value that cannot be normalised (a malformed date, say).
    """
    query = Q()
    if name:
        token = search_token("client-name", name, "name")
        query &= Q(legal_name_index=token) | Q(preferred_name_index=token)
    if date_of_birth:
        query &= Q(date_of_birth_index=search_token("client-dob", date_of_birth, "date"))
    if phone:
        query &= Q(phone_index=search_token("client-phone", phone, "phone"))
    if not query:
        return clients.none()
    return clients.filter(query)
