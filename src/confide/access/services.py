"""Break-glass grants and their review; sensitivity-tag grants."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from confide.access.models import BreakGlassGrant, TagGrant
from confide.accounts.models import User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import Client
from confide.notes.models import Sensitivity

MIN_REASON_LENGTH = 15


class BreakGlassRefused(ValueError):
    pass


def do_break_glass(client: Client, *, acting_user: User, reason: str) -> BreakGlassGrant:
    """Open a client's record in an emergency, for a limited time, with a stated reason.

    The caller has re-authenticated the user and checked their role may break glass.
    The grant goes straight into the privacy officer's review queue.
    """
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise BreakGlassRefused("say in a sentence why you need this record now")
    minutes = settings.BREAK_GLASS_MINUTES
    with transaction.atomic():
        grant = BreakGlassGrant.objects.create(
            client=client,
            user=acting_user,
            reason=reason,
            expires_at=timezone.now() + datetime.timedelta(minutes=minutes),
        )
        record_event(
            Action.BREAK_GLASS_GRANTED,
            actor=acting_user,
            resource_type="break_glass",
            resource_id=str(grant.pk),
            client_id=str(client.pk),
            purpose="break_glass",
            details={"minutes": minutes},
        )
    return grant


def do_review_break_glass(
    grant: BreakGlassGrant, *, acting_user: User, outcome: str, note: str
) -> None:
    if grant.user_id == acting_user.pk:
        raise BreakGlassRefused("nobody reviews their own emergency access")
    outcome = BreakGlassGrant.Outcome(outcome)
    with transaction.atomic():
        grant.outcome = outcome
        grant.review_note = note.strip() or None
        grant.reviewed_by = acting_user
        grant.reviewed_at = timezone.now()
        grant.save(update_fields=["outcome", "review_note", "reviewed_by", "reviewed_at"])
        record_event(
            Action.BREAK_GLASS_REVIEWED,
            actor=acting_user,
            resource_type="break_glass",
            resource_id=str(grant.pk),
            client_id=str(grant.client_id),
            details={"outcome": outcome.value},
        )


def unreviewed_break_glass() -> QuerySet[BreakGlassGrant]:
    return BreakGlassGrant.objects.filter(reviewed_at__isnull=True).select_related("user", "client")


def do_grant_tag(user: User, tag: str, *, acting_user: User) -> TagGrant:
    tag = Sensitivity(tag).value
    with transaction.atomic():
        grant, _ = TagGrant.objects.get_or_create(
            user=user, tag=tag, defaults={"granted_by": acting_user}
        )
        record_event(
            Action.TAG_GRANTED,
            actor=acting_user,
            resource_type="user",
            resource_id=str(user.pk),
            details={"tag": tag},
        )
    return grant


def do_revoke_tag(user: User, tag: str, *, acting_user: User) -> None:
    tag = Sensitivity(tag).value
    with transaction.atomic():
        TagGrant.objects.filter(user=user, tag=tag).delete()
        record_event(
            Action.TAG_REVOKED,
            actor=acting_user,
            resource_type="user",
            resource_id=str(user.pk),
            details={"tag": tag},
        )
