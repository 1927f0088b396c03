"""Publishing explainer versions, recording deliveries, printing handouts.

Every change is one ``do_*`` function taking the acting user, one transaction with its
audit event. Callers ask the access decision point first (WRITE_NOTE to record a
delivery, VIEW_NOTES to read them); these functions check the data, not the user.
"""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from confide.access.decisions import ClientNotFound, Decision
from confide.accounts.models import User
from confide.audit.actions import Action
from confide.audit.services import SYSTEM, record_event
from confide.clients.models import Client
from confide.explainers import defaults, handout
from confide.explainers.models import DeliveryMethod, Explainer, ExplainerDelivery, Language
from confide.explainers.readability import measure

MAX_POINTS = 20
MAX_POINT_LENGTH = 200
MAX_BODY_LENGTH = 20000
MAX_QUESTIONS_LENGTH = 5000


class ExplainerInvalid(ValueError):
    """Input that cannot be saved; the message is for the person who typed it."""


def current_explainer(language: str) -> Explainer | None:
    """The newest published version in ``language``, or None."""
    return (
        Explainer.objects.filter(language=language, published_at__lte=timezone.now())
        .order_by("-version")
        .first()
    )


def current_explainers() -> list[Explainer]:
    """The newest version in each language that has one, in the order of ``Language``."""
    found = (current_explainer(language) for language in Language.values)
    return [explainer for explainer in found if explainer is not None]


def clean_points(points: Sequence[str]) -> list[str]:
    cleaned = [" ".join(point.split()) for point in points]
    cleaned = [point for point in cleaned if point]
    if not cleaned:
        raise ExplainerInvalid(_("Add at least one teach-back point, one per line."))
    if len(cleaned) > MAX_POINTS:
        raise ExplainerInvalid(
            _("Keep it to %(n)d teach-back points or fewer.") % {"n": MAX_POINTS}
        )
    if any(len(point) > MAX_POINT_LENGTH for point in cleaned):
        raise ExplainerInvalid(
            _("Keep each teach-back point under %(n)d characters: one short sentence.")
            % {"n": MAX_POINT_LENGTH}
        )
    return cleaned


def do_publish_explainer(
    *,
    language: str,
    title: str,
    body: str,
    teach_back_points: Sequence[str],
    acting_user: User,
) -> Explainer:
    """Publish a new version in ``language``; earlier versions and deliveries stay as they
    were. Raises ``ExplainerInvalid`` (nothing saved) on an empty body or point list."""
    if language not in Language.values:
        raise ExplainerInvalid(_("Choose English or Spanish."))
    title = " ".join(title.split())
    if not title:
        raise ExplainerInvalid(_("Give the explainer a title."))
    if not body.strip():
        raise ExplainerInvalid(_("Write the explainer text: it cannot be empty."))
    if len(body) > MAX_BODY_LENGTH:
        raise ExplainerInvalid(_("The text is too long for an explainer."))
    points = clean_points(teach_back_points)
    readability = measure(body, language)
    with transaction.atomic():
        latest = Explainer.objects.filter(language=language).aggregate(v=Max("version"))["v"]
        explainer = Explainer.objects.create(
            language=language,
            version=(latest or 0) + 1,
            title=title,
            body=body.strip() + "\n",
            teach_back_points=points,
            readability_grade=readability.grade if readability else None,
            readability_measure=readability.measure if readability else "",
            created_by=acting_user,
        )
        _explainer_event(Action.EXPLAINER_PUBLISHED, explainer, acting_user)
    return explainer


def ensure_default_explainers() -> list[Explainer]:
    """Publish Confide's default explainer in every language that has none (idempotent)."""
    with transaction.atomic():
        created = defaults.create_missing_defaults(Explainer)
        for explainer in created:
            _explainer_event(Action.EXPLAINER_PUBLISHED, explainer, SYSTEM)
    return created


def _explainer_event(action: Action, explainer: Explainer, actor: object) -> None:
    record_event(
        action,
        actor=actor,
        resource_type="explainer",
        resource_id=str(explainer.pk),
        details={"language": explainer.language, "version": explainer.version},
    )


def do_record_delivery(
    client: Client,
    *,
    explainer: Explainer,
    method: str,
    teach_back_confirmed: Sequence[str],
    questions: str,
    acting_user: User,
    delivered_at: datetime.datetime | None = None,
) -> ExplainerDelivery:
    """Record that ``acting_user`` went through ``explainer`` with ``client``.

    ``teach_back_confirmed`` holds points of that very version, as worded there.
    Raises ``ExplainerInvalid`` (nothing saved) on a missing method or unknown point.
    """
    if method not in DeliveryMethod.values:
        raise ExplainerInvalid(_("Choose how you went through the explainer."))
    unknown = set(teach_back_confirmed) - set(explainer.teach_back_points)
    if unknown:
        raise ExplainerInvalid(_("A ticked point is not in this version of the explainer."))
    questions = questions.strip()
    if len(questions) > MAX_QUESTIONS_LENGTH:
        raise ExplainerInvalid(_("The questions are too long: keep the main ones."))
    confirmed = [p for p in explainer.teach_back_points if p in set(teach_back_confirmed)]
    with transaction.atomic():
        delivery = ExplainerDelivery.objects.create(
            client=client,
            explainer=explainer,
            language=explainer.language,
            method=method,
            teach_back_confirmed=confirmed,
            questions=questions,
            delivered_by=acting_user,
            delivered_at=delivered_at or timezone.now(),
        )
        record_event(
            Action.EXPLAINER_DELIVERED,
            actor=acting_user,
            resource_type="explainer_delivery",
            resource_id=str(delivery.pk),
            client_id=str(client.pk),
            details={
                "explainer": str(explainer.pk),
                "language": explainer.language,
                "version": explainer.version,
                "method": method,
                "confirmed": len(confirmed),
                "points": len(explainer.teach_back_points),
                "questions": bool(questions),
            },
        )
    return delivery


def deliveries_for_client(client: Client, decision: Decision) -> list[ExplainerDelivery]:
    """Every delivery to ``client``, newest first. Requires an allowed VIEW_NOTES decision."""
    if not decision.allowed:
        raise ClientNotFound
    return list(
        ExplainerDelivery.objects.filter(client=client)
        .select_related("explainer", "delivered_by")
        .order_by("-delivered_at")
    )


def do_print_handout(explainer: Explainer, *, acting_user: User) -> bytes:
    """The generic handout (no client data) as a PDF; printing it is an audited export."""
    pdf = handout.handout_pdf(explainer)
    with transaction.atomic():
        _explainer_event(Action.EXPLAINER_HANDOUT_PRINTED, explainer, acting_user)
    return pdf
