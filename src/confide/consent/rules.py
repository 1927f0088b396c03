"""When does a consent cover something? Used by the access decision point and disclosures."""

import datetime
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from confide.accounts.models import User
from confide.clients.models import Client
from confide.consent.models import Consent, ConsentPurpose, Recipient


def active_consents(client: Client, at: "timezone.datetime | None" = None) -> list[Consent]:
    """The client's consents in force at ``at`` (now)."""
    at = at or timezone.now()
    day = timezone.localdate(at)
    candidates = (
        Consent.objects.filter(client=client, starts_on__lte=day)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))
        .filter(Q(revoked_at__isnull=True) | Q(revoked_at__gt=at))
    )
    return [c for c in candidates.prefetch_related("recipients") if c.is_active(at)]


def consent_covering(
    client: Client,
    *,
    purpose: ConsentPurpose | str,
    recipient: Recipient | None = None,
    staff: User | None = None,
    categories: Iterable[str] = (),
    at: "timezone.datetime | None" = None,
) -> Consent | None:
    """An active consent that covers this purpose, this recipient (or member of staff) and
    every one of these data categories at ``at``; None when nothing covers all of it."""
    wanted = set(categories)
    for consent in active_consents(client, at):
        if purpose not in consent.purposes or not wanted <= set(consent.categories):
            continue
        recipients = list(consent.recipients.all())
        if recipient is not None and recipient not in recipients:
            continue
        if staff is not None and not any(r.staff_id == staff.pk for r in recipients):
            continue
        return consent
    return None


def consents_ending_for(user: User, within_days: int = 30) -> list[Consent]:
    """Consents in force that end soon, for the clients on this user's caseload."""
    from confide.clients.models import CareTeamAssignment

    today = timezone.localdate()
    team = CareTeamAssignment.objects.active().filter(staff=user).values("client_id")
    soon = Consent.objects.filter(
        client_id__in=team,
        revoked_at__isnull=True,
        expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=within_days),
    ).select_related("client")
    return list(soon.order_by("expires_on")[:20])


def identified_supervision_consent(client: Client, supervisor: User) -> Consent | None:
    return consent_covering(
        client,
        purpose=ConsentPurpose.IDENTIFIED_SUPERVISION,
        staff=supervisor,
        categories=["identity"],
    )
