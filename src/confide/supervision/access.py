"""Who may do what with a consultation packet. The one place that decides, and audits.

A packet is open to its author and to the people it was shared with (a supervisor, or the
members of a peer group), and only to peer supporters and supervisors. A draft is its
author's alone. Everyone else gets the same "not found" as for a packet that does not exist.
"""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404

from confide.accounts.models import Role, User
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event
from confide.supervision.models import Packet

CLINICAL_ROLES = frozenset({Role.PEER_SUPPORTER, Role.SUPERVISOR})


class PacketNotFound(Http404):
    """The one answer for a packet that does not exist and one the user may not open."""


class PacketAction(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # change a draft: its question and its redactions
    SHARE = "share"
    REPLY = "reply"
    SUPERVISION_NOTE = "supervision_note"
    EXPORT = "export"


_AUTHOR_ACTIONS = {
    Packet.Status.DRAFT: frozenset({PacketAction.VIEW, PacketAction.EDIT, PacketAction.SHARE}),
    Packet.Status.SHARED: frozenset(
        {PacketAction.VIEW, PacketAction.SHARE, PacketAction.REPLY, PacketAction.EXPORT}
    ),
}
_RECIPIENT_ACTIONS = frozenset(
    {PacketAction.VIEW, PacketAction.REPLY, PacketAction.SUPERVISION_NOTE, PacketAction.EXPORT}
)


def is_clinical(user: object) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and user.role in CLINICAL_ROLES  # type: ignore[attr-defined]
    )


def _shared_with(user: User) -> Q:
    return Q(shares__supervisor=user) | Q(shares__group__members=user)


def is_recipient(user: User, packet: Packet) -> bool:
    return packet.is_frozen and Packet.objects.filter(_shared_with(user), pk=packet.pk).exists()


def packet_action_is_allowed(user: User, action: PacketAction, packet: Packet) -> tuple[bool, str]:
    """The decision and its reason (a short token), without auditing it."""
    if not is_clinical(user):
        return False, "role"
    if packet.author_id == user.pk and action in _AUTHOR_ACTIONS[packet.status]:
        return True, "author"
    if action in _RECIPIENT_ACTIONS and is_recipient(user, packet):
        return True, "recipient"
    return False, "no_access"


def access_packet(user: User, packet_id: object, action: PacketAction) -> Packet:
    """Decide, audit, and return the packet; ``PacketNotFound`` for missing and refused alike.

    The author of a draft is shown the originals: views must also ask the client access
    decision point (VIEW_NOTES) before showing a draft.
    """
    packet = Packet.objects.filter(pk=packet_id).select_related("author").first()
    allowed, reason = (
        (False, "no_such_packet")
        if packet is None
        else packet_action_is_allowed(user, action, packet)
    )
    record_event(
        Action.PACKET_ACCESS,
        actor=user,
        outcome=Outcome.ALLOWED if allowed else Outcome.DENIED,
        resource_type="packet",
        resource_id=str(packet_id),
        client_id=str(packet.client_id) if packet else "",
        purpose="supervision",
        details={"action": action.value, "reason": reason},
    )
    if not allowed or packet is None:
        raise PacketNotFound
    return packet


def packets_shared_with(user: User) -> QuerySet[Packet]:
    """Shared packets this user may read as a supervisor or group member."""
    if not is_clinical(user):
        return Packet.objects.none()
    ids = Packet.objects.filter(_shared_with(user), status=Packet.Status.SHARED).values("pk")
    return Packet.objects.filter(pk__in=ids).exclude(author=user)


def packets_written_by(user: User) -> QuerySet[Packet]:
    if not is_clinical(user):
        return Packet.objects.none()
    return Packet.objects.filter(author=user)


def packets_for_user(user: User) -> QuerySet[Packet]:
    """Every packet this user may open (written by them or shared with them)."""
    if not is_clinical(user):
        return Packet.objects.none()
    ids = Packet.objects.filter(
        Q(author=user) | (_shared_with(user) & Q(status=Packet.Status.SHARED))
    ).values("pk")
    return Packet.objects.filter(pk__in=ids)
