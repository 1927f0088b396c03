"""Writing notes: drafts (autosaved), signing, amendments. Signed notes never change."""

import datetime

from django.db import transaction
from django.utils import timezone

from confide.accounts.models import User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import Client
from confide.notes.models import Note, Sensitivity


class NoteLocked(ValueError):
    """A signed note, or someone else's draft: it cannot be changed."""


def _event(action: Action, note: Note, actor: User, **details: object) -> None:
    record_event(
        action,
        actor=actor,
        resource_type="note",
        resource_id=str(note.pk),
        client_id=str(note.client_id),
        details=details or None,
    )


def _clean_tags(tags: list[str]) -> list[str]:
    return sorted({Sensitivity(tag).value for tag in tags})


def do_create_draft(
    client: Client,
    *,
    acting_user: User,
    session_date: datetime.date,
    contact_type: str,
    duration_minutes: int,
    tags: list[str],
    body: str,
    amends: Note | None = None,
) -> Note:
    """A new draft note (or a draft amendment of a signed note) by ``acting_user``."""
    if amends is not None and (not amends.is_signed or amends.client_id != client.pk):
        raise NoteLocked("only a signed note of the same client can be amended")
    with transaction.atomic():
        note = Note.objects.create(
            client=client,
            author=acting_user,
            session_date=session_date,
            contact_type=contact_type,
            duration_minutes=duration_minutes,
            tags=_clean_tags(tags),
            body=body,
            amends=amends,
        )
        _event(Action.NOTE_CREATED, note, acting_user, amendment=amends is not None)
    return note


def do_save_draft(note: Note, *, acting_user: User, **fields: object) -> Note:
    """Save changes to a draft (the editor autosaves through this). Only its author may."""
    if note.is_signed or note.author_id != acting_user.pk:
        raise NoteLocked("this note can no longer be changed")
    allowed = {"session_date", "contact_type", "duration_minutes", "tags", "body"}
    if set(fields) - allowed:
        raise TypeError(f"not note fields: {sorted(set(fields) - allowed)}")
    if "tags" in fields:
        fields["tags"] = _clean_tags(fields["tags"])  # type: ignore[arg-type]
    with transaction.atomic():
        locked = Note.objects.select_for_update().get(pk=note.pk)
        if locked.is_signed:
            raise NoteLocked("this note was signed meanwhile")
        for name, value in fields.items():
            setattr(note, name, value)
        note.updated_at = timezone.now()
        note.save()
        _event(Action.NOTE_DRAFT_SAVED, note, acting_user)
    return note


def do_sign_note(note: Note, *, acting_user: User) -> None:
    """Sign a draft: from now on it is part of the record and never changes."""
    if note.author_id != acting_user.pk:
        raise NoteLocked("only the author can sign a note")
    with transaction.atomic():
        locked = Note.objects.select_for_update().get(pk=note.pk)
        if locked.is_signed:
            raise NoteLocked("this note is already signed")
        if not (locked.body or "").strip():
            raise ValueError("an empty note cannot be signed")
        locked.status = Note.Status.SIGNED
        locked.signed_at = timezone.now()
        locked.save(update_fields=["status", "signed_at"])
        _event(Action.NOTE_SIGNED, locked, acting_user)
    note.refresh_from_db()


def do_delete_draft(note: Note, *, acting_user: User) -> None:
    if note.is_signed or note.author_id != acting_user.pk:
        raise NoteLocked("only the author's own draft can be deleted")
    with transaction.atomic():
        _event(Action.NOTE_DELETED, note, acting_user)
        note.delete()
