"""The access decision point: may this user do this to this client's data, now, and why.

Views and the API call ``access_client`` (which decides, audits and returns the client,
or raises ``ClientNotFound`` for "missing" and "not yours" alike) and list pages use
``clients_for_user``; nothing else reads client data. Every decision is audited.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from confide.access.models import BreakGlassGrant, TagGrant
from confide.access.rules import (
    BREAK_GLASS_ACTIONS,
    BREAK_GLASS_ROLES,
    CARE_TEAM_ACTIONS,
    CLOSED_RECORD_FORBIDS,
    MANAGEMENT_ACTIONS,
    ROLE_VISIBLE_TAGS,
    SUPERVISION_CONSENT_CATEGORIES,
    ClientAction,
    Purpose,
)
from confide.accounts.models import Role, User
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event
from confide.clients.models import CareTeamAssignment, Client
from confide.consent.models import Consent, ConsentPurpose
from confide.consent.rules import active_consents
from confide.notes.models import Note


class ClientNotFound(Http404):
    """The one answer for a client that does not exist and one the user may not see."""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    break_glass: BreakGlassGrant | None = None
    consent: Consent | None = None


def _role(user: User) -> Role | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return Role(user.role)
    except ValueError:
        return None


def active_break_glass(user: User, client: Client) -> BreakGlassGrant | None:
    return (
        BreakGlassGrant.objects.filter(user=user, client=client, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def is_on_care_team(user: User, client: Client) -> bool:
    return CareTeamAssignment.objects.active().filter(staff=user, client=client).exists()


class _Relation:
    """What a user is to a client (team member, consented supervisor, emergency reader),
    each looked up at most once however many actions are decided."""

    def __init__(self, user: User, client: Client) -> None:
        self.user = user
        self.client = client

    @cached_property
    def on_team(self) -> bool:
        return is_on_care_team(self.user, self.client)

    @cached_property
    def break_glass(self) -> BreakGlassGrant | None:
        return active_break_glass(self.user, self.client)

    @cached_property
    def supervision_consents(self) -> list[Consent]:
        return [
            c
            for c in active_consents(self.client)
            if ConsentPurpose.IDENTIFIED_SUPERVISION in c.purposes
            and any(r.staff_id == self.user.pk for r in c.recipients.all())
        ]


def _decide(role: Role | None, action: ClientAction, relation: _Relation) -> Decision:
    if role is None:
        return Decision(False, "not_signed_in")
    if relation.client.status == Client.Status.CLOSED and action in CLOSED_RECORD_FORBIDS:
        return Decision(False, "client_closed")
    if action in MANAGEMENT_ACTIONS.get(role, ()):
        return Decision(True, "role")
    if action in CARE_TEAM_ACTIONS.get(role, ()) and relation.on_team:
        return Decision(True, "care_team")
    if role == Role.SUPERVISOR and action in SUPERVISION_CONSENT_CATEGORIES:
        needed = set(SUPERVISION_CONSENT_CATEGORIES[action])
        for consent in relation.supervision_consents:
            if needed <= set(consent.categories):
                return Decision(True, "consent", consent=consent)
    emergency = role in BREAK_GLASS_ROLES and action in BREAK_GLASS_ACTIONS
    if emergency and relation.break_glass is not None:
        return Decision(True, "break_glass", relation.break_glass)
    return Decision(False, "no_access")


def client_action_is_allowed(user: User, action: ClientAction, client: Client) -> Decision:
    """The decision with its reason (a short token), without auditing it."""
    return _decide(_role(user), action, _Relation(user, client))


def client_decisions(user: User, client: Client) -> dict[ClientAction, Decision]:
    """Every action's decision for one client at once (a page's buttons), not audited."""
    role, relation = _role(user), _Relation(user, client)
    return {action: _decide(role, action, relation) for action in ClientAction}


def audit_decision(
    user: User,
    action: ClientAction,
    client: Client | None,
    decision: Decision,
    *,
    purpose: Purpose,
    code: str = "",
) -> None:
    record_event(
        Action.CLIENT_ACCESS,
        actor=user,
        outcome=Outcome.ALLOWED if decision.allowed else Outcome.DENIED,
        resource_type="client",
        resource_id=client.code if client else code,
        client_id=str(client.pk) if client else "",
        purpose=Purpose.BREAK_GLASS if decision.break_glass else purpose,
        details={"action": action.value, "reason": decision.reason},
    )


def access_client(
    user: User, code: str, action: ClientAction, *, purpose: Purpose
) -> tuple[Client, Decision]:
    """Decide, audit, and return the client with the decision.

    Raises ``ClientNotFound`` both when no client has ``code`` and when the user may
    not do ``action`` to that client, so codes cannot be probed; both are audited.
    Call it outside any transaction of your own: a refusal must stay recorded although
    the request then fails (a test would catch a view that rolls it back).
    """
    client = Client.objects.filter(code=code).first()
    if client is None:
        audit_decision(
            user, action, None, Decision(False, "no_such_client"), purpose=purpose, code=code
        )
        raise ClientNotFound
    decision = client_action_is_allowed(user, action, client)
    audit_decision(user, action, client, decision, purpose=purpose)
    if not decision.allowed:
        raise ClientNotFound
    return client, decision


def manages_every_client(user: User, action: ClientAction) -> bool:
    """True when the user's role may do ``action`` to any client (running the organisation)."""
    role = _role(user)
    return role is not None and action in MANAGEMENT_ACTIONS.get(role, ())


def caseload_for_user(user: User) -> QuerySet[Client]:
    """The clients whose care team the user is on today (their caseload)."""
    if _role(user) not in CARE_TEAM_ACTIONS:
        return Client.objects.none()
    team = CareTeamAssignment.objects.active().filter(staff=user).values("client_id")
    return Client.objects.filter(pk__in=team)


def consented_client_ids(user: User, action: ClientAction) -> list[object]:
    """Clients whose consent in force to identified supervision names this supervisor and
    covers what ``action`` shows."""
    needed = set(SUPERVISION_CONSENT_CATEGORIES[action])
    candidates = Consent.objects.filter(recipients__staff=user, revoked_at__isnull=True)
    return [
        consent.client_id
        for consent in candidates
        if consent.is_active()
        and ConsentPurpose.IDENTIFIED_SUPERVISION in consent.purposes
        and needed <= set(consent.categories)
    ]


def break_glass_clients_for_user(user: User) -> QuerySet[BreakGlassGrant]:
    return BreakGlassGrant.objects.filter(user=user, expires_at__gt=timezone.now()).select_related(
        "client"
    )


def clients_for_user(user: User, action: ClientAction) -> QuerySet[Client]:
    """Every client the user may do ``action`` to right now (the visible-queryset helper)."""
    role = _role(user)
    if role is None:
        return Client.objects.none()
    if action in MANAGEMENT_ACTIONS.get(role, ()):
        return Client.objects.all()
    visible = Client.objects.none()
    if action in CARE_TEAM_ACTIONS.get(role, ()):
        visible = caseload_for_user(user)
    if role == Role.SUPERVISOR and action in SUPERVISION_CONSENT_CATEGORIES:
        visible = visible | Client.objects.filter(pk__in=consented_client_ids(user, action))
    if role in BREAK_GLASS_ROLES and action in BREAK_GLASS_ACTIONS:
        granted = break_glass_clients_for_user(user).values("client_id")
        visible = visible | Client.objects.filter(pk__in=granted)
    if action in CLOSED_RECORD_FORBIDS:
        visible = visible.filter(status=Client.Status.OPEN)
    return visible


def visible_tags(user: User) -> frozenset[str]:
    role = _role(user)
    granted = TagGrant.objects.filter(user=user).values_list("tag", flat=True)
    return ROLE_VISIBLE_TAGS.get(role, frozenset()) | frozenset(granted)  # type: ignore[arg-type]


def notes_for_user(user: User, client: Client, decision: Decision) -> tuple[list[Note], int]:
    """The notes of ``client`` this user may read, and how many others are withheld.

    Requires an allowed VIEW_NOTES decision. Drafts are their author's alone; notes
    with a sensitivity tag the user's role does not see (and no grant covers) are
    withheld, unless the user wrote them or reads under break-glass.
    """
    if not decision.allowed:
        raise ClientNotFound
    notes = list(
        Note.objects.filter(client=client)
        .select_related("author")
        .order_by("-session_date", "-created_at")
    )
    tags = visible_tags(user)
    if decision.consent is not None:
        tags |= frozenset(decision.consent.categories)
    shown = []
    withheld = 0
    for note in notes:
        if note.author_id == user.pk:
            shown.append(note)
        elif note.status == Note.Status.DRAFT:
            continue
        elif decision.break_glass is not None or set(note.tags) <= tags:
            shown.append(note)
        else:
            withheld += 1
    return shown, withheld
