"""The confidentiality checklist of a client: what is done, what is due."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from confide.clients.models import Client
from confide.consent.models import Consent, Disclosure
from confide.consent.rules import active_consents

EXPIRING_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Checklist:
    explainer_delivered_on: datetime.date | None
    explainer_due: bool
    active_consents: list[Consent]
    expiring_soon: list[Consent]
    disclosures_awaiting_review: int

    @property
    def complete(self) -> bool:
        return not self.explainer_due and not self.expiring_soon


def explainer_due_for(clients: "QuerySet[Client]") -> list[Client]:
    """Those of ``clients`` never told about confidentiality, or not within the interval."""
    from django.apps import apps

    if not apps.is_installed("confide.explainers"):
        return []
    delivery_model = apps.get_model("explainers", "ExplainerDelivery")
    since = timezone.now() - datetime.timedelta(days=30 * settings.EXPLAINER_REVIEW_MONTHS)
    recent = delivery_model.objects.filter(delivered_at__gte=since).values("client_id")
    return list(clients.exclude(pk__in=recent).order_by("code"))


def checklist_for(client: Client) -> Checklist:
    from django.apps import apps

    delivered_on = None
    if apps.is_installed("confide.explainers"):
        delivery_model = apps.get_model("explainers", "ExplainerDelivery")
        last = delivery_model.objects.filter(client=client).order_by("-delivered_at").first()
        delivered_on = timezone.localdate(last.delivered_at) if last else None
    today = timezone.localdate()
    interval = datetime.timedelta(days=30 * settings.EXPLAINER_REVIEW_MONTHS)
    active = active_consents(client)
    soon = today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)
    return Checklist(
        explainer_delivered_on=delivered_on,
        explainer_due=delivered_on is None or delivered_on + interval < today,
        active_consents=active,
        expiring_soon=[c for c in active if c.expires_on and c.expires_on <= soon],
        disclosures_awaiting_review=Disclosure.objects.filter(
            client=client, needs_review=True
        ).count(),
    )
